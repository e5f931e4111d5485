"""A claim made on the subsidies page as a coordinator makes it: find who may claim, select the
first eligible person with an amount, claim."""

from __future__ import annotations

from fieldapp.policy.eligibility import Status
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
