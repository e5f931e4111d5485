"""A claim made on the subsidies page as a coordinator makes it: find who may claim, select the
first eligible person with an amount, claim."""

from __future__ import annotations

from fieldapp.hub.folder import Hub
from fieldapp.policy.eligibility import Status
from fieldapp.sync.enrolment import enrol
from tests.codes import ENROL_CODE
from tests.ui.conftest import wait_idle


def eligible_row(page) -> int:
    # A figure the county has not set (待县里核定标准) cannot be claimed: take one with an amount.
    for row, result in enumerate(page.results.rows):
        if result.status is Status.ELIGIBLE and result.amount is not None:
            return row
    raise AssertionError("no eligible person in the demo ledger")


def find_and_claim(page, qtbot):
    page.find_eligible()
    wait_idle(page=page, qtbot=qtbot)
    row = eligible_row(page)
    page.results_view.selectRow(row)
    result = page.results.rows[row]
    assert "✓" in page.reasons.toPlainText()
    return result, page.create_claim()


def enrol_as_its_village(page, claim, tmp_path):
    """Enrol the page's (demo) ledger as a coordinator of `claim`'s person's village, with a
    training hub in `tmp_path`; the ledger."""
    ledger = page.session.ledger
    household = ledger.get("persons", claim.person_id)["household_id"]
    village = ledger.get("households", household)["area_code"]
    hub = Hub.init(tmp_path / "hub", training=True)  # the demo ledger enrols with a training hub
    try:
        hub.enroll("红星村", village, tmp_path / "enrol.json", code=ENROL_CODE, by="县里的科员")
    finally:
        hub.close()
    enrol(ledger, tmp_path / "enrol.json", code=ENROL_CODE)
    return ledger
