"""The person panel's job editor (就业经历, where coordinators correct a job's income) moves this
month's status naming the job to the new income, as `import --update` does; a month whose
income was set by hand apart from the job's is left, and the save says so — in the language
shown."""

from __future__ import annotations

import pytest

from fieldapp.domain.models import EmploymentSpell, MonthlyStatus, Person
from fieldapp.domain.month import Month
from fieldapp.services import work
from fieldapp.store.ids import natural_id
from fieldapp.ui.dialogs.records import SpellDialog
from tests.english import in_english
from tests.records import Records
from tests.ui.conftest import when_modal
from tests.ui.job_made import job


@pytest.fixture
def worker(window, qtbot):
    """李建国 works at 遵义某电子厂 for 2800 a month; this month's status names that job at
    2800. The ledger page shows him, his job chosen in the panel."""
    session = window.session
    made = job(window, monthly_income=2800.0)
    person = Records(session.ledger).get(Person, made.person_id)
    month = str(Month.current())
    work.set_monthly_status(
        session.ledger,
        session.actor,
        MonthlyStatus(
            person_id=person.id, month=month, status="已就业", spell_id=made.id, income=2800.0
        ),
    )
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    page.panel.show_person(person.id)
    page.panel.spells_view.setCurrentIndex(page.panel.spells.index(0, 0))
    return page.panel, natural_id("monthly_status", person.id, month)


def _edit_income(panel, income: float) -> None:
    """The coordinator opens the chosen job, types the income, saves."""

    def edit(dialog: SpellDialog) -> None:
        dialog.income.setValue(income)
        dialog.save_and_accept()

    when_modal(SpellDialog, edit)
    panel.edit_spell()


def _set_by_hand(session, month_id: str, income: float) -> None:
    """The month's income set apart in the monthly grid, after the job's."""
    month = Records(session.ledger).get(MonthlyStatus, month_id)
    work.set_monthly_status(
        session.ledger, session.actor, month.model_copy(update={"income": income})
    )


def test_the_job_editor_moves_this_months_income(worker, warnings_shown):
    panel, month_id = worker
    assert "2,800 元" in panel.summary.text()
    _edit_income(panel, 3100)
    assert panel.session.ledger.get("monthly_status", month_id)["income"] == 3100.0
    assert "3,100 元" in panel.summary.text()  # the panel's 本月状态 says it at once
    assert warnings_shown == []


def test_a_month_set_by_hand_is_left_and_the_save_says_so(worker, warnings_shown):
    panel, month_id = worker
    session = panel.session
    _set_by_hand(session, month_id, 2600)
    _edit_income(panel, 3100)
    assert session.ledger.get("monthly_status", month_id)["income"] == 2600.0
    spell = _only_job(session)
    assert spell.monthly_income == 3100.0  # the job is saved all the same
    [said] = warnings_shown
    this = Month.current()
    assert said.startswith(f"{this.year}年{this.month}月的就业状态中月收入是 2600")
    assert "3100" in said and "请核对" in said


def test_the_save_says_it_in_english(worker, warnings_shown):
    panel, month_id = worker
    _set_by_hand(panel.session, month_id, 2600)
    with in_english():
        _edit_income(panel, 3100)
        [said] = warnings_shown
        assert "2600" in said and "3100" in said and "check which is right" in said
        assert not any("\u4e00" <= c <= "\u9fff" for c in said), said


def _only_job(session) -> EmploymentSpell:
    person = Records(session.ledger).select(Person, "name = '李建国'")[0]
    [spell] = Records(session.ledger).person_records(EmploymentSpell, person.id)
    return spell
