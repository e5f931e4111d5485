"""Two copies of the desktop app on one ledger (a second window opened by mistake, a colleague's
session left open): a person's editor opened in one copy saved every field of its form, so the
phone number and the category the other copy had saved meanwhile were put back to what the form
had loaded — lost without a word. A save now writes only what was changed in its own form."""

from __future__ import annotations

import pytest

from fieldapp.domain.enums import Category
from fieldapp.domain.models import CategoryMembership, Person
from tests.records import Records
from tests.ui.conftest import UI_USER


@pytest.fixture
def second_copy(window, ledger_path, monkeypatch):
    """Another main window on the same ledger, with a connection of its own."""
    from PySide6.QtWidgets import QMessageBox

    from fieldapp.ui.app import open_window

    other = open_window(ledger_path, UI_USER)
    other.show()
    yield other
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    other.close()
    other.shutdown_pages()
    other.session.close()


def _editor(window, qtbot, person_id: str):
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    return page.edit_person(person_id)


def test_a_save_in_one_copy_keeps_what_the_other_copy_saved_meanwhile(window, second_copy, qtbot):
    who = Records(window.session.ledger).select(Person, "name = ?", ["王小明"])[0]
    late = _editor(second_copy, qtbot, who.id)  # opened first, saved last
    early = _editor(window, qtbot, who.id)
    early.phone.setText("13912345678")
    early.categories[Category.RETURNED].setChecked(True)
    early.save()
    assert not early.isVisible()

    late.education.setCurrentText("高中")
    late.save()

    ledger = window.session.ledger
    row = ledger.get("persons", who.id)
    assert row["phone"] == "13912345678" and row["education"] == "高中"
    held = {
        m.category
        for m in Records(ledger).select(CategoryMembership, "person_id = ?", [who.id])
        if m.end_date is None
    }
    assert Category.RETURNED in held


def test_a_household_saved_in_one_copy_keeps_the_other_copys_address(window, second_copy):
    from fieldapp.ui.dialogs.household import HouseholdDialog

    who = Records(window.session.ledger).select(Person, "name = ?", ["王小明"])[0]
    late = HouseholdDialog(second_copy.session, who.household_id or "", second_copy)
    early = HouseholdDialog(window.session, who.household_id or "", window)
    early.address.setText("幸福社区 3 栋 2 单元 501")
    early.save_and_accept()

    late.notes.setText("户主常年在外")
    late.save_and_accept()

    row = window.session.ledger.get("households", who.household_id)
    assert row["address"] == "幸福社区 3 栋 2 单元 501" and row["notes"] == "户主常年在外"


def test_a_spell_saved_in_one_copy_keeps_the_other_copys_income(window, second_copy):
    from fieldapp.domain.models import EmploymentSpell
    from fieldapp.services import work
    from fieldapp.ui.dialogs.records import SpellDialog

    who = Records(window.session.ledger).select(Person, "name = ?", ["王小明"])[0]
    made = work.save_record(
        window.session.ledger,
        window.session.actor,
        EmploymentSpell(person_id=who.id, start_date="2026-03-01", employer="遵义某电子厂"),
    )
    spell = Records(window.session.ledger).get(EmploymentSpell, made.id or "")
    late = SpellDialog(second_copy.session, who.id, spell, second_copy)
    early = SpellDialog(window.session, who.id, spell, window)
    early.income.setValue(4200)
    early.save_and_accept()

    late.employer.setText("遵义某鞋厂")
    late.save_and_accept()

    row = window.session.ledger.get("employment_spells", made.id)
    assert row["monthly_income"] == 4200 and row["employer"] == "遵义某鞋厂"
