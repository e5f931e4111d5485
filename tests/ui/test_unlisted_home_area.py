"""A village's laptop enrolled before its ledger lists the village (the county's area tree not
arrived yet): 设置 → 本机 → 工作区域 and the pages' area pickers showed （全部）/全部区域, as a
picker could not keep a code it did not list, and 保存 then cleared the stored home area. They
now keep the device's area, said in words (as the window's title says it), selected; 保存 keeps
it."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain.enums import AreaKind
from fieldapp.domain.models import Area
from fieldapp.domain.places_said import PlaceWording, say_place
from fieldapp.reference import divisions
from fieldapp.services import settings
from fieldapp.store.ledger import Ledger
from tests.records import Records
from tests.ui.conftest import UI_USER, enrol_as

#: A village of 市西街道 the ledger does not list.
UNLISTED = "520502001002"
PAGES = ("ledger", "monthly", "due", "subsidies", "rosters", "print")


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """A ledger listing only the county and the township, enrolled as one of its villages."""
    path = tmp_path / "village.db"
    ledger = Ledger.open(path, credentials=UI_USER)
    repo = Records(ledger)
    with ledger.transaction():
        repo.ensure_area(
            Area(code="520502", name="七星关区", kind=AreaKind.COUNTY, parent_code="520500")
        )
        repo.ensure_area(
            Area(code="520502001", name="市西街道", kind=AreaKind.TOWNSHIP, parent_code="520502")
        )
    enrol_as(ledger, tmp_path, "二村笔记本", UNLISTED)
    ledger.close()
    return path


def test_pickers_keep_an_enrolled_village_the_ledger_does_not_list(window):
    words = say_place(UNLISTED, divisions(), wording=PlaceWording.SENTENCE)
    assert words and UNLISTED not in words, words
    assert window.session.home_area == UNLISTED
    page = window.show_page("settings")
    assert page.home_area.code() == UNLISTED
    assert page.home_area.currentText().strip() == words
    page.save_device()
    ledger = window.session.ledger
    assert settings.stored(ledger, settings.HOME_AREA) == UNLISTED
    assert window.session.home_area == UNLISTED
    for name in PAGES:
        picker = window.show_page(name).area
        assert picker.code() == UNLISTED, name
        assert picker.currentText().strip() == words, name


def test_a_new_household_can_be_put_in_the_unlisted_village(window):
    """台账 → 新增人员 offered no area at all on such a laptop (its picker lists what the device
    may add a household in, and it listed none): the village is offered now, in words."""
    editor = window.show_page("ledger").new_person()
    try:
        assert editor.area._codes == [UNLISTED]
        assert editor.area.currentText().strip() == say_place(
            UNLISTED, divisions(), wording=PlaceWording.SENTENCE
        )
    finally:
        editor.discard()
