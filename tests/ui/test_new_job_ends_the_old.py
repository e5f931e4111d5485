"""A new job for someone whose earlier job is still open: the coordinator is asked whether the
old one ended, rather than left with two jobs at once without a word (the person counted in
two places, a 返乡 subsidy refused as 入职时在…的务工尚未结束)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldapp.domain.models import EmploymentSpell, Person
from fieldapp.services import work
from fieldapp.ui.dialogs.records import SpellDialog
from tests.records import Records
from tests.ui.conftest import when_modal
from tests.ui.plain import assert_plain


def _answer(button: str, said: list[str]) -> None:
    """Click `button` on the next question box (its text kept in `said`); Esc when it is
    None."""

    def answer(box: QMessageBox) -> None:
        said.append(box.text())
        for choice in box.buttons():
            if choice.text() == button:
                choice.click()
                return
        box.reject()

    when_modal(QMessageBox, answer)


@pytest.fixture
def worker(window):
    """张长英, working at 浙江某电子厂 since 2026-03-01 (not ended)."""
    session = window.session
    person = Records(session.ledger).select(Person, "name = '张长英'")[0]
    old = EmploymentSpell(
        person_id=person.id,
        start_date=dt.date(2026, 3, 1),
        place_code="330106",
        place_name="浙江省杭州市西湖区",
        employer="浙江某电子厂",
    )
    session.apply(work.save_record(session.ledger, session.actor, old))
    return session, person


def _new_job(session, person, qtbot) -> SpellDialog:
    dialog = SpellDialog(session, person.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start.set_value(dt.date(2026, 11, 1))
    dialog.place_code.setText("520502")
    dialog.employer.setText("大坝村合作社")
    return dialog


def _spells(session, person) -> dict[str, EmploymentSpell]:
    found = Records(session.ledger).person_records(EmploymentSpell, person.id)
    return {s.employer: s for s in found}


def test_a_new_job_asks_to_end_the_open_one_the_day_before(worker, qtbot):
    session, person = worker
    dialog = _new_job(session, person, qtbot)
    said: list[str] = []
    _answer("结束原来的工作", said)
    dialog.save_and_accept()
    assert len(said) == 1, "no question asked"
    assert_plain(said[0])
    assert (
        said[0].startswith("张长英")
        and "浙江某电子厂" in said[0]
        and "2026年3月1日" in said[0]  # the days as a coordinator writes them, not 2026-03-01
        and "2026年10月31日" in said[0]
    )
    spells = _spells(session, person)
    assert spells["浙江某电子厂"].end_date == dt.date(2026, 10, 31)
    assert spells["大坝村合作社"].end_date is None
    assert not dialog.isVisible()


def test_both_jobs_kept_when_the_coordinator_says_so(worker, qtbot):
    session, person = worker
    dialog = _new_job(session, person, qtbot)
    said: list[str] = []
    _answer("两份工作都保留", said)
    dialog.save_and_accept()
    spells = _spells(session, person)
    assert len(said) == 1
    assert spells["浙江某电子厂"].end_date is None and "大坝村合作社" in spells


def test_going_back_saves_nothing_and_keeps_the_form(worker, qtbot):
    session, person = worker
    dialog = _new_job(session, person, qtbot)
    said: list[str] = []
    _answer("返回修改", said)
    dialog.save_and_accept()
    assert len(said) == 1
    assert set(_spells(session, person)) == {"浙江某电子厂"}
    assert dialog.isVisible() and dialog.employer.text() == "大坝村合作社"


def test_a_casual_job_or_an_earlier_one_asks_nothing(worker, qtbot, monkeypatch):
    session, person = worker
    said: list[str] = []
    # Any question asked is recorded and answered 返回修改 (none is expected).
    monkeypatch.setattr(QMessageBox, "exec", lambda box: said.append(box.text()) or 0)
    casual = _new_job(session, person, qtbot)
    casual.casual.setChecked(True)
    casual.save_and_accept()
    earlier = _new_job(session, person, qtbot)
    earlier.start.set_value(dt.date(2025, 5, 1))
    earlier.end.set_value(dt.date(2025, 12, 31))
    earlier.employer.setText("更早的工作")
    earlier.save_and_accept()
    qtbot.wait(100)
    assert said == []
    spells = _spells(session, person)
    assert spells["浙江某电子厂"].end_date is None
    assert {"大坝村合作社", "更早的工作"} <= set(spells)


def test_enter_on_the_question_ends_no_job_and_saves_nothing(worker, qtbot):
    """Enter (the default button) was 结束原来的工作: a coordinator who pressed Enter to get on
    wrote an end date on a job that may still go on. The default is 返回修改 now: nothing is
    written, the form stays, and ending or keeping is a click that says what it does."""
    from PySide6.QtCore import Qt

    session, person = worker
    dialog = _new_job(session, person, qtbot)
    said: list[str] = []

    def enter(box: QMessageBox) -> None:
        said.append(box.defaultButton().text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    when_modal(QMessageBox, enter)
    dialog.save_and_accept()
    assert said == ["返回修改"]
    spells = _spells(session, person)
    assert set(spells) == {"浙江某电子厂"} and spells["浙江某电子厂"].end_date is None
    assert dialog.isVisible() and dialog.employer.text() == "大坝村合作社"
