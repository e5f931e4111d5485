"""What the person editor says to check of a person it saves (`persons.save`'s warnings): an
ID number whose region is not known, a namesake confirmed. Each is said before the save — the
ID line under the number, the question before the namesake is saved — in the language shown,
and not said again once saved; a warning the form has not said is said after the save
(已保存，请核对), as the job editor says its own."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldapp.domain.models import Person
from fieldapp.ui.dialogs.person_editor import PersonEditor
from tests.conftest import make_id
from tests.records import Records

_CJK = ("\u4e00", "\u9fff")


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The questions the app asked (QMessageBox.question, patched), each answered 是."""
    said: list[str] = []

    def question(_parent, _title, text, *args, **kwargs):
        said.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return said


def _new_member(window, qtbot, name: str, number: str) -> tuple[PersonEditor, Records]:
    """The editor of a new member of 王小明's household, his name and number typed."""
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    records = Records(window.session.ledger)
    household = records.select(Person, "name = '王小明'")[0].household_id
    editor = PersonEditor(window.session, household_id=household, parent=page)
    editor.name.setText(name)
    editor.id_number.setText(number)
    return editor, records


def _saved(records: Records, number: str) -> list[Person]:
    return records.select(Person, "id_number = ?", [number])


def _chinese(text: str) -> bool:
    return any(_CJK[0] <= c <= _CJK[1] for c in text)


def test_an_unknown_region_is_said_on_the_id_line_and_not_again_once_saved(
    window, qtbot, warnings_shown, asked
):
    number = make_id(region="529999", birth="19900101", seq="215")
    editor, records = _new_member(window, qtbot, "刘一", number)
    assert "行政区划代码 529999 未知或已撤销" in editor.id_status.text()
    editor.save()
    assert [p.name for p in _saved(records, number)] == ["刘一"]
    assert not editor.isVisible()
    assert (warnings_shown, asked) == ([], [])


def test_a_confirmed_namesake_is_asked_once_and_not_said_again_once_saved(
    window, qtbot, warnings_shown, asked
):
    # 王小明, born 2001-03-16, is in the ledger; another 王小明 of that day is typed.
    number = make_id(region="520302", birth="20010316", seq="335")
    editor, records = _new_member(window, qtbot, "王小明", number)
    editor.save()
    [question] = asked
    assert "台账中已有同名同出生日期的人：王小明" in question and "请确认不是同一人" in question
    assert [p.name for p in _saved(records, number)] == ["王小明"]
    assert warnings_shown == []


def test_both_are_said_in_english_before_the_save(window, qtbot, warnings_shown, asked):
    from fieldapp.ui import i18n

    assert i18n.install_language("en")
    unknown = make_id(region="529999", birth="19900101", seq="215")
    editor, records = _new_member(window, qtbot, "刘一", unknown)
    line = editor.id_status.text()
    assert "The division code 529999 of the ID number is unknown or abolished" in line, line
    assert "未知" not in line
    editor.save()
    assert _saved(records, unknown) and warnings_shown == [] and asked == []
    twin = make_id(region="520302", birth="20010316", seq="335")
    editor, records = _new_member(window, qtbot, "王小明", twin)
    editor.save()
    [question] = asked
    assert question.startswith("The ledger already has a person of the same name and birth date")
    # the names, the number and the place are the ledger's, as they are; the rest is English
    assert not _chinese(question.replace("王小明", "").split("(")[0]), question
    assert _saved(records, twin) and warnings_shown == []
