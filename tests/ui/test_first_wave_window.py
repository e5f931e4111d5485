"""A village laptop of the first wave, enrolled on the command line (`fieldapp enrol`, which then
recorded the county's name for the device only in its enrolment), opened by this version."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from tests.codes import ENROL_CODE
from tests.ui.conftest import UI_USER, VILLAGE, fill_ledger


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """The small village ledger, enrolled as 大坝村, with no device name of its own."""
    path = tmp_path / "village.db"
    fill_ledger(path)
    ledger = Ledger.open(path, credentials=UI_USER)
    hub = Hub.init(tmp_path / "hub")
    try:
        hub.enroll("大坝村", VILLAGE, tmp_path / "village.enrol", code=ENROL_CODE)
    finally:
        hub.close()
    enrol(ledger, tmp_path / "village.enrol", code=ENROL_CODE)
    with ledger.transaction():  # as the first wave's enrolment left it
        ledger.set_meta("device_name", None)
    ledger.close()
    return path


def test_the_window_names_the_device_as_the_county_enrolled_it(window) -> None:
    device_id = window.session.ledger.device_id
    assert "大坝村" in window.windowTitle(), window.windowTitle()
    assert device_id not in window.windowTitle()
    assert window.session.device_name == "大坝村"
