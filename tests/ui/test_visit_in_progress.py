"""A visit being typed is not lost or moved to someone else: Ctrl+N, or 记录走访 for another
person (person panel, due list), while the notes of an unsaved visit are on the form asks first;
Cancel keeps the visit as it was, Discard starts afresh (the old notes never go to the new
person)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldapp.domain.models import Person
from tests.records import Records
from tests.ui.conftest import answered


def person(window, name: str) -> Person:
    return Records(window.session.ledger).select(Person, "name = ?", [name])[0]


def started_visit(window):
    page = window.show_page("visits")
    page.prefill(person(window, "李建国").id, "岗位推荐")
    page.notes.setText("希望到县内务工，月薪四千以上")
    return page


def answer(monkeypatch, button, asked: list[str]) -> None:
    monkeypatch.setattr(QMessageBox, "question", answered("question", button, asked))


def test_ctrl_n_asks_before_clearing_a_typed_visit(window, qtbot, monkeypatch):
    page = started_visit(window)
    window.show_page("ledger")
    asked: list[str] = []
    answer(monkeypatch, QMessageBox.StandardButton.Cancel, asked)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1 and "李建国" in asked[0]
    assert window.current_key() == "visits"
    assert page.chosen.name == "李建国"
    assert page.notes.text() == "希望到县内务工，月薪四千以上"
    assert page.chosen_services() == ["岗位推荐"]
    answer(monkeypatch, QMessageBox.StandardButton.Discard, asked)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 2 and page.chosen is None and page.notes.text() == ""


def test_a_visit_for_another_person_does_not_take_the_typed_notes(window, qtbot, monkeypatch):
    page = started_visit(window)
    asked: list[str] = []
    answer(monkeypatch, QMessageBox.StandardButton.Cancel, asked)
    window.record_visit(person(window, "王小明").id)
    assert len(asked) == 1
    assert page.chosen.name == "李建国" and page.notes.text().startswith("希望到县内务工")
    answer(monkeypatch, QMessageBox.StandardButton.Discard, asked)
    window.record_visit(person(window, "王小明").id)
    assert page.chosen.name == "王小明"
    assert page.notes.text() == "" and page.chosen_services() == []


def test_nothing_typed_nothing_asked(window, qtbot, monkeypatch):
    asked: list[str] = []
    answer(monkeypatch, QMessageBox.StandardButton.Cancel, asked)
    page = window.show_page("visits")
    page.prefill(person(window, "李建国").id, "岗位推荐")
    window.record_visit(person(window, "王小明").id)
    assert page.chosen.name == "王小明"
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.chosen is None and asked == []


def test_services_ticked_or_a_date_set_count_as_a_visit_being_typed(window, qtbot, monkeypatch):
    """A coordinator who picked the person, ticked 政策宣传 and 职业指导 and set yesterday's date
    lost all of it without a word when 记录走访 came for someone else: only the typed notes
    counted. The services ticked beyond the one the due list asked for, and a date other than
    today's, count too."""
    import datetime as dt

    asked: list[str] = []
    answer(monkeypatch, QMessageBox.StandardButton.Cancel, asked)
    page = window.show_page("visits")
    page.prefill(person(window, "李建国").id, "岗位推荐")
    assert not page.has_unsaved()  # the due list's own tick is not the user's input
    page.service_checks["政策宣传"].setChecked(True)
    assert page.has_unsaved()
    window.record_visit(person(window, "王小明").id)
    assert len(asked) == 1 and "李建国" in asked[0]
    assert page.chosen.name == "李建国" and "政策宣传" in page.chosen_services()
    page.set_services(["岗位推荐"])
    page.date.set_value(dt.date.today() - dt.timedelta(days=1))
    assert page.has_unsaved()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 2 and page.chosen.name == "李建国"
