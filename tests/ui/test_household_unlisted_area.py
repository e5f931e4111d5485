"""户信息 on a household placed in a village the ledger does not list (a family synced in, or
imported, before the county's area tree): the dialog's 所在区域 showed the ledger's first area
(the county), and 保存 after fixing the address moved the family there, unasked. It now shows
the village in words, selected, and 保存 keeps the family where it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain.models import Household
from fieldapp.domain.places_said import PlaceWording, say_place
from fieldapp.reference import divisions
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries import records
from tests.records import Records
from tests.ui.conftest import UI_USER, fill_ledger

#: A village of 市西街道 the ledger does not list.
UNLISTED = "520502001002"


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """The small ledger, and a household in a village it does not list."""
    path = tmp_path / "village.db"
    fill_ledger(path)
    ledger = Ledger.open(path, credentials=UI_USER)
    Records(ledger).save(Household(area_code=UNLISTED, address="二村三组 5 号"))
    ledger.close()
    return path


def test_saving_a_household_in_an_unlisted_village_keeps_it_there(window, qtbot):
    from fieldapp.ui.dialogs.household import HouseholdDialog

    ledger = window.session.ledger
    (household_id,) = ledger.db.execute(
        "SELECT id FROM households WHERE area_code = ?", [UNLISTED]
    ).fetchone()
    dialog = HouseholdDialog(window.session, household_id, window)
    qtbot.addWidget(dialog)
    assert dialog.area.code() == UNLISTED
    assert dialog.area.currentText().strip() == say_place(
        UNLISTED, divisions(), wording=PlaceWording.SENTENCE
    )
    dialog.address.setText("二村三组 6 号")
    dialog.save_and_accept()
    saved = records.get(ledger, Household, household_id)
    assert (saved.area_code, saved.address) == (UNLISTED, "二村三组 6 号")
