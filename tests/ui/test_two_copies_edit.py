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
