"""A claim the township (or the village) rejected shows, on the 申领 tab, why: the reason the
reviewer had to write ("申请人会看到") is in the claim's row, not only in `claim show`."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldapp.domain.claims import ClaimState
from tests.ui.subsidies_claim import find_and_claim


def _cells(page, claim_id: str) -> dict[str, str]:
    model = page.claims
    row = next(r for r in range(model.rowCount()) if model.rows[r].id == claim_id)
    return {
        str(model.headerData(c, Qt.Orientation.Horizontal)): str(model.index(row, c).data() or "")
        for c in range(model.columnCount())
    }


def test_a_rejected_claim_shows_its_reason_in_the_claims_table(demo_window, qtbot, warnings_shown):
    page = demo_window.show_page("subsidies")
    _result, claim = find_and_claim(page, qtbot)
    page.tabs.setCurrentIndex(1)
    page._select_claim(claim.id)
    page.collect_all_evidence()
    page._select_claim(claim.id)
    assert page.advance_selected() is not None  # 已提交
    page._select_claim(claim.id)
    page.target.setCurrentIndex(page.target.findData(ClaimState.REJECTED.value))
    moved = page.advance_selected(reason="劳动合同不足1年，请补充")
    assert moved is not None and moved.state == ClaimState.REJECTED, warnings_shown
    cells = _cells(page, claim.id)
    assert cells["状态"] == "驳回"
    assert "劳动合同不足1年，请补充" in cells.values(), cells
