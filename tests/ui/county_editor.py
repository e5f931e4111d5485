"""The county's device in the UI tests: the test ledger enrolled with a hub as the county's
(`county_hub`, a fixture) and the county policy editor opened from the Settings page."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain.roles import Role
from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from fieldapp.ui.dialogs.county_policy import CountyPolicyDialog
from tests.codes import ENROL_CODE
from tests.ui.conftest import UI_USER


@pytest.fixture
def county_hub(tmp_path: Path, ledger_path: Path):
    """A hub, and the test ledger enrolled with it as the county's device."""
    hub = Hub.init(tmp_path / "县汇总")
    hub.enroll(
        "县人社局",
        "520502",
        tmp_path / "county.enrol",
        role=Role.COUNTY,
        code=ENROL_CODE,
        by="县里的科员",
    )
    ledger = Ledger.open(ledger_path, credentials=UI_USER)
    enrol(ledger, tmp_path / "county.enrol", code=ENROL_CODE)
    ledger.close()
    yield hub
    hub.close()


def _editor(window, qtbot) -> CountyPolicyDialog:
    page = window.show_page("settings")
    assert page.county_button.isVisible()
    dialog = page.county_editor()
    qtbot.addWidget(dialog)
    return dialog
