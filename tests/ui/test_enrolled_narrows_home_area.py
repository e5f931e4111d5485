"""A laptop whose coordinator chose the whole county as 工作区域 in the first-run wizard (or a
township), then enrolled by the county as one village's device: the chosen area won over the
enrolment, so the 补贴 page opened on 七星关区, listed other villages' people as 符合条件, and
把所选补贴的已提交申领编成批次 said only that the batch's area 七星关区 was not the device's to
answer for. A chosen area wider than the enrolled one now narrows to it (one inside it stays)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain.roles import Role
from fieldapp.hub.folder import Hub
from fieldapp.services import settings
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from tests.codes import ENROL_CODE
from tests.ui.conftest import UI_USER, VILLAGE, enrol_as, fill_ledger

COUNTY = VILLAGE[:6]


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """The small village ledger, 工作区域 the county, enrolled as the village's device."""
    path = tmp_path / "village.db"
    fill_ledger(path)
    ledger = Ledger.open(path, credentials=UI_USER)
    with ledger.transaction():
        ledger.set_meta(settings.HOME_AREA, COUNTY)  # as the wizard stores its choice
    enrol_as(ledger, tmp_path, "大坝村", VILLAGE)
    ledger.close()
    return path


def test_a_wider_chosen_area_narrows_to_the_enrolled_village(window, qtbot):
    assert window.session.home_area == VILLAGE
    for name in ("ledger", "subsidies", "duties", "reports", "due"):
        page = window.show_page(name)
        assert page.area.code() == VILLAGE, name


def test_a_chosen_area_inside_the_enrolled_one_stays(tmp_path: Path):
    path = tmp_path / "township.db"
    fill_ledger(path)
    ledger = Ledger.open(path, credentials=UI_USER)
    try:
        hub = Hub.init(tmp_path / "hub")
        try:
            hub.enroll(
                "乡镇笔记本",
                VILLAGE[:9],
                tmp_path / "t.enrol",
                Role.TOWNSHIP,
                code=ENROL_CODE,
                by="县里的科员",
            )
        finally:
            hub.close()
        enrol(ledger, tmp_path / "t.enrol", code=ENROL_CODE)
        assert settings.home_area(ledger) == VILLAGE[:9]
        with ledger.transaction():
            ledger.set_meta(settings.HOME_AREA, VILLAGE)
        assert settings.home_area(ledger) == VILLAGE  # a village the township works on
    finally:
        ledger.close()


def test_a_chosen_village_beside_the_enrolled_one_gives_way_to_it(tmp_path: Path):
    """Another village of the same township, chosen before the county enrolled the laptop for
    this one: the pages would open on people the device may not change or batch."""
    path = tmp_path / "village.db"
    fill_ledger(path)
    ledger = Ledger.open(path, credentials=UI_USER)
    try:
        beside = VILLAGE[:9] + ("998" if not VILLAGE.endswith("998") else "997")
        with ledger.transaction():
            ledger.set_meta(settings.HOME_AREA, beside)
        assert settings.home_area(ledger) == beside  # not enrolled: the choice stands
        enrol_as(ledger, tmp_path, "大坝村", VILLAGE)
        assert settings.home_area(ledger) == VILLAGE
    finally:
        ledger.close()
