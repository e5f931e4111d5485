"""Role refusals in the desktop app (issue 13): an enrolled village device is offered only the
claim steps its role may take, and a step forced past the page is refused in Chinese, naming
the role that may, with nothing written."""

from __future__ import annotations

from fieldapp.domain.claims import ClaimState
from fieldapp.store.queries.claims import ClaimQueries
from tests.ui.subsidies_claim import enrol_as_its_village, find_and_claim


def _options(page) -> list[str]:
    return [page.target.itemData(i) for i in range(page.target.count())]


def test_a_village_device_is_offered_only_its_own_steps(
    demo_window, qtbot, warnings_shown, tmp_path
):
    page = demo_window.show_page("subsidies")
    _result, claim = find_and_claim(page, qtbot)
    ledger = enrol_as_its_village(page, claim, tmp_path)  # a coordinator of the claim's village
    page.tabs.setCurrentIndex(1)
    page.refresh_claims()
    page._select_claim(claim.id)
    page.collect_all_evidence()
    page._select_claim(claim.id)
    assert _options(page) == [ClaimState.SUBMITTED.value]
    assert page.advance_selected() is not None
    page._select_claim(claim.id)
    assert _options(page) == [ClaimState.VILLAGE_REVIEWED.value, ClaimState.REJECTED.value]
    page.target.setCurrentIndex(0)
    assert page.advance_selected() is not None
    # 村审核 reached: what follows is the township's and the county's, so nothing is offered.
    page._select_claim(claim.id)
    assert _options(page) == []
    assert not page.advance_button.isEnabled() and not page.target.isEnabled()
    # Forced past the page (as a tampered build would), the write gateway still refuses it.
    page.target.setEnabled(True)
    page.target.addItem(ClaimState.TOWNSHIP_REVIEWED.value, ClaimState.TOWNSHIP_REVIEWED.value)
    assert page.advance_selected() is None
    assert warnings_shown and "只有乡镇或县级设备可以操作" in warnings_shown[-1]
    assert ClaimQueries(ledger).get(claim.id).state == ClaimState.VILLAGE_REVIEWED
