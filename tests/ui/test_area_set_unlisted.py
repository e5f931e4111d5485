"""A page that chooses an area after its picker is built (打印's 走访记录表 opens on a village of
the device's area, not the township) could not choose one the ledger does not list: the
picker's `set_code` did nothing for such a code, though its own refresh keeps one in words. On
a township's laptop whose villages had not arrived yet (a family synced in before its village)
the sheet opened on the township, which it cannot print. It now opens on the family's village,
said in words, as the refresh says it."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain.enums import AreaKind
from fieldapp.domain.models import Area, Household
from fieldapp.domain.places_said import PlaceWording, say_place
from fieldapp.reference import divisions
from fieldapp.services import settings
from fieldapp.store.ledger import Ledger
from tests.records import Records
from tests.ui.conftest import UI_USER

TOWNSHIP = "520502001"
#: A village of 市西街道 the ledger does not list.
UNLISTED = "520502001002"


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """A ledger listing the county and the township, a family in a village it does not list,
    the township as the device's 工作区域."""
    path = tmp_path / "township.db"
    ledger = Ledger.open(path, credentials=UI_USER)
    repo = Records(ledger)
    with ledger.transaction():
        repo.ensure_area(
            Area(code="520502", name="七星关区", kind=AreaKind.COUNTY, parent_code="520500")
        )
        repo.ensure_area(
            Area(code=TOWNSHIP, name="市西街道", kind=AreaKind.TOWNSHIP, parent_code="520502")
        )
    repo.save(Household(area_code=UNLISTED, address="二村三组 5 号"))
    settings.save_device(ledger, area=TOWNSHIP)
    ledger.close()
    return path


def test_the_visit_sheet_opens_on_the_familys_unlisted_village(window):
    words = say_place(UNLISTED, divisions(), wording=PlaceWording.SENTENCE)
    assert words and UNLISTED not in words, words
    picker = window.show_page("print").area
    assert picker.code() == UNLISTED
    assert picker.currentText().strip() == words


def test_set_code_keeps_an_unlisted_code_as_the_refresh_does(window):
    picker = window.show_page("ledger").area
    seen: list[str] = []
    picker.currentIndexChanged.connect(lambda _i: seen.append(picker.code()))
    picker.set_code(UNLISTED)
    assert picker.code() == UNLISTED
    assert picker.currentText().strip() == say_place(
        UNLISTED, divisions(), wording=PlaceWording.SENTENCE
    )
    assert seen[-1:] == [UNLISTED]  # the page hears of it, as of any other choice
    picker.fill(window.show_page("ledger").areas)  # the refresh keeps it, in the same words
    assert picker.code() == UNLISTED
    listed = [picker.itemText(n) for n in range(picker.count())]
    assert listed.count(picker.currentText()) == 1, listed


def test_a_page_that_holds_the_pickers_signals_keeps_them_held(window):
    """A page restoring its scope holds the picker's signals while it sets the area back
    (按月更新 after 取消 on 放弃修改?); choosing an unlisted code refills the list, and the refill
    let the signals go, so the page heard a change it was undoing."""
    picker = window.show_page("monthly").area
    heard: list[str] = []
    picker.currentIndexChanged.connect(lambda _i: heard.append(picker.code()))
    picker.blockSignals(True)
    try:
        picker.set_code(UNLISTED)
        assert picker.signalsBlocked()
    finally:
        picker.blockSignals(False)
    assert picker.code() == UNLISTED and heard == []
