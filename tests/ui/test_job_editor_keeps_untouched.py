"""The job editor (就业经历) changes nothing the coordinator did not touch: an imported income of
3500.55 was shown as 3501 and saved so, a 720-month contract (the import takes up to 100 years)
saved as 600, an insurance count of 0 saved as unknown, by opening the job and pressing 保存.
Now an untouched job saves nothing (no change logged), and an edited box changes only its own
field; blank is unknown, 0 is 0."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldapp.domain.models import EmploymentSpell, Person
from fieldapp.ui.dialogs.records import SpellDialog
from tests.records import Records
from tests.ui.conftest import answered
from tests.ui.job_made import job


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch, warnings_shown):
    """A dialog left open by a failed check is thrown away at the end without a modal box."""
    discard = answered("question", QMessageBox.StandardButton.Discard, [])
    monkeypatch.setattr(QMessageBox, "question", discard)
    return warnings_shown


def _logged(window, row_id: str) -> int:
    return window.session.ledger.db.execute(
        "SELECT count(*) FROM changes WHERE row_id = ?", [row_id]
    ).fetchone()[0]


def _opened(window, qtbot, spell: EmploymentSpell) -> SpellDialog:
    dialog = SpellDialog(window.session, spell.person_id, spell, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _row(window, spell: EmploymentSpell) -> dict[str, Any]:
    return dict(window.session.ledger.get(EmploymentSpell.TABLE, spell.id))


@pytest.mark.parametrize(
    "stored",
    [
        {"monthly_income": 3500.55, "contract_months": 720, "insurance_months": None},
        {"monthly_income": None, "contract_months": None, "insurance_months": 0},
        {"monthly_income": 0.0, "contract_months": 999_999, "insurance_months": 1_000_001},
        {"monthly_income": 2800.125, "contract_months": 36, "insurance_months": 12},
    ],
)
def test_a_job_opened_and_saved_untouched_is_unchanged(window, qtbot, stored):
    spell = job(window, **stored)
    before, logged = _row(window, spell), _logged(window, spell.id)
    dialog = _opened(window, qtbot, spell)
    assert not dialog.is_dirty()
    dialog.save_and_accept()
    assert not dialog.isVisible(), dialog.error.text()
    assert _row(window, spell) == before
    assert _logged(window, spell.id) == logged
    for field, value in stored.items():
        assert before[field] == value


def test_the_boxes_show_the_stored_values(window, qtbot):
    spell = job(window, monthly_income=3500.55, contract_months=720, insurance_months=None)
    dialog = _opened(window, qtbot, spell)
    assert dialog.income.text() == "3500.55 元/月"
    assert dialog.contract.text() == "720 个月"
    assert dialog.insurance.text() == "（未登记）"


def test_an_edited_box_changes_only_its_field(window, qtbot):
    spell = job(window, monthly_income=3500.55, contract_months=720, insurance_months=None)
    before = _row(window, spell)
    dialog = _opened(window, qtbot, spell)
    dialog.insurance.setFocus()
    dialog.insurance.lineEdit().selectAll()
    qtbot.keyClicks(dialog.insurance, "6")
    dialog.save_and_accept()
    assert not dialog.isVisible(), dialog.error.text()
    after = _row(window, spell)
    changed = {k for k in after if after[k] != before[k]}
    assert after["insurance_months"] == 6
    assert changed <= {"insurance_months", "updated_at", "version", "hlc"} | {
        k for k in after if k.startswith("_")
    }
    assert after["monthly_income"] == 3500.55 and after["contract_months"] == 720


def test_a_typed_income_is_kept_to_the_fen(window, qtbot):
    spell = job(window, monthly_income=3500.55, contract_months=720)
    dialog = _opened(window, qtbot, spell)
    dialog.income.setFocus()
    dialog.income.lineEdit().selectAll()
    qtbot.keyClicks(dialog.income, "4200.35")
    dialog.save_and_accept()
    after = _row(window, spell)
    assert after["monthly_income"] == 4200.35 and after["contract_months"] == 720


def test_an_emptied_box_is_unknown_and_0_is_0(window, qtbot):
    spell = job(window, monthly_income=3500.55, contract_months=720, insurance_months=12)
    dialog = _opened(window, qtbot, spell)
    dialog.insurance.lineEdit().selectAll()
    qtbot.keyClicks(dialog.insurance, "0")
    assert dialog.insurance.count() == 0
    dialog.income.lineEdit().selectAll()
    qtbot.keyClick(dialog.income.lineEdit(), Qt.Key.Key_Delete)
    assert dialog.income.amount() is None
    qtbot.keyClick(dialog.income, Qt.Key.Key_Return)  # Enter in the box saves the form
    assert not dialog.isVisible(), dialog.error.text()
    after = _row(window, spell)
    assert after["monthly_income"] is None
    assert after["insurance_months"] == 0
    assert after["contract_months"] == 720


def test_stepping_up_from_unknown_starts_at_0(window, qtbot):
    spell = job(window)
    dialog = _opened(window, qtbot, spell)
    assert dialog.contract.text() == "（未登记）"
    dialog.contract.stepBy(1)
    assert dialog.contract.count() == 0
    dialog.contract.stepBy(-1)
    assert dialog.contract.count() is None


@pytest.mark.parametrize(
    "stored",
    [
        {"organized_export": True, "is_first_export": None},
        {"organized_export": False, "is_first_export": False},
        {"organized_export": False, "is_first_export": True},
    ],
)
def test_first_export_untouched_is_kept(window, qtbot, stored):
    """An unknown 首次输出 of an organized job was saved as 否; a stored answer of a job not
    organized as unknown."""
    spell = job(window, **stored)
    before, logged = _row(window, spell), _logged(window, spell.id)
    dialog = _opened(window, qtbot, spell)
    dialog.save_and_accept()
    assert _row(window, spell) == before and _logged(window, spell.id) == logged


def test_first_export_ticked_is_saved(window, qtbot):
    spell = job(window, organized_export=True, is_first_export=None)
    dialog = _opened(window, qtbot, spell)
    dialog.first_export.setChecked(True)
    dialog.save_and_accept()
    assert _row(window, spell)["is_first_export"] in (True, 1)


def test_a_new_job_saved_with_its_boxes_untouched_records_them_unknown(window, qtbot):
    """A new job's income, contract and insurance boxes start blank (未登记): a spin box starts
    at 0, which these boxes keep as a value — a job added without them was saved as earning 0
    元 on a 0-month contract with 0 months of insurance."""
    person = Records(window.session.ledger).select(Person, "name = '李建国'")[0]
    dialog = SpellDialog(window.session, person.id, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    for box in (dialog.income, dialog.contract, dialog.insurance):
        assert box.text() == "（未登记）"
    dialog.start.set_value(dt.date(2026, 3, 1))
    dialog.employer.setText("新开的厂")
    dialog.save_and_accept()
    assert not dialog.isVisible(), dialog.error.text()
    made = [
        s
        for s in Records(window.session.ledger).person_records(EmploymentSpell, person.id)
        if s.employer == "新开的厂"
    ]
    assert len(made) == 1
    assert made[0].monthly_income is None
    assert made[0].contract_months is None and made[0].insurance_months is None


def test_a_count_past_what_a_spin_box_holds_opens_and_is_kept(window, qtbot):
    """A count no spin box can hold (past 2,147,483,647: a hand-edited ledger, another
    program's, a bundle's) stopped the job editor opening at all (OverflowError); then it
    showed the most the box could (2147483647 个月, a number nobody stored). It says the stored
    count wrong, and an untouched save keeps it as stored."""
    spell = job(window, contract_months=2**40, insurance_months=2**31)
    before, logged = _row(window, spell), _logged(window, spell.id)
    dialog = _opened(window, qtbot, spell)
    assert dialog.contract.text() == f"（有误：{2**40}）"
    assert dialog.insurance.text() == f"（有误：{2**31}）"
    dialog.save_and_accept()
    assert not dialog.isVisible(), dialog.error.text()
    assert _row(window, spell) == before and before["contract_months"] == 2**40
    assert _logged(window, spell.id) == logged


def test_a_term_typed_by_hand_stops_at_100_years_as_an_imported_one(window, qtbot):
    """The contract and insurance boxes took up to 999,999 months typed by hand, where a sheet's
    term past 100 years (`domain.bounds.MOST_MONTHS`) is refused: typed, a fifth digit of
    50000 is not taken; a longer term stored before still shows and is kept (above)."""
    from fieldapp.domain.bounds import MOST_MONTHS

    spell = job(window, monthly_income=3500.55, contract_months=36, insurance_months=12)
    dialog = _opened(window, qtbot, spell)
    for box in (dialog.contract, dialog.insurance):
        box.setFocus()
        box.lineEdit().selectAll()
        qtbot.keyClicks(box, "50000")
        assert box.count() == 500 and box.maximum() == MOST_MONTHS
    dialog.save_and_accept()
    assert not dialog.isVisible(), dialog.error.text()
    after = _row(window, spell)
    assert after["contract_months"] == 500 and after["insurance_months"] == 500


@pytest.mark.parametrize(
    ("stored", "said"),
    [
        ({"monthly_income": -500.0}, "（有误：-500）"),
        ({"monthly_income": -0.5}, "（有误：-0.5）"),
        ({"monthly_income": float("inf")}, "（有误：不是数值）"),
        ({"monthly_income": float("-inf")}, "（有误：不是数值）"),
    ],
)
def test_a_stored_income_no_box_can_show_is_said_wrong_and_kept(window, qtbot, stored, said):
    """An income stored below zero or infinite (an older import, another program's ledger)
    was shown as （未登记） or as "inf": the coordinator read it unknown while the ledger held
    it. The box says it is wrong, as stored; saved untouched it is kept (nothing changed behind
    the coordinator's back), and the first edit replaces it."""
    spell = job(window, contract_months=36, **stored)
    before, logged = _row(window, spell), _logged(window, spell.id)
    dialog = _opened(window, qtbot, spell)
    assert dialog.income.text() == said
    assert not dialog.is_dirty()
    dialog.save_and_accept()
    assert not dialog.isVisible(), dialog.error.text()
    assert _row(window, spell) == before and _logged(window, spell.id) == logged


def test_a_wrong_income_is_replaced_by_the_first_edit_or_emptied_to_unknown(window, qtbot):
    spell = job(window, monthly_income=-500.0, contract_months=36)
    dialog = _opened(window, qtbot, spell)
    dialog.income.setFocus()
    dialog.income.lineEdit().selectAll()
    qtbot.keyClicks(dialog.income, "3200")
    assert dialog.income.amount() == 3200
    dialog.income.lineEdit().selectAll()
    qtbot.keyClick(dialog.income.lineEdit(), Qt.Key.Key_Delete)
    assert dialog.income.amount() is None
    assert dialog.income.specialValueText() == "（未登记）"  # the unknown, not the wrong value
    dialog.save_and_accept()
    assert not dialog.isVisible(), dialog.error.text()
    assert _row(window, spell)["monthly_income"] is None
