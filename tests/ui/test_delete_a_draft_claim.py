"""A claim's draft (草稿) could not be deleted anywhere, though the refusals said 草稿可以删除:
a draft whose job was corrected could no longer be submitted, and it blocked a new claim of a
once-only subsidy for good. 补贴 → 申领 now has 删除草稿, asking first; the deletion goes
through the write door (logged, whose it was kept) and a submitted claim is never deleted."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from fieldapp.domain.claims import ClaimState
from fieldapp.store.queries.claims import ClaimQueries
from tests.ui.conftest import answered
from tests.ui.subsidies_claim import find_and_claim


def test_a_draft_claim_is_deleted_after_asking(demo_window, qtbot, warnings_shown, monkeypatch):
    page = demo_window.show_page("subsidies")
    _result, claim = find_and_claim(page, qtbot)
    assert claim is not None and claim.state == ClaimState.DRAFT
    page.tabs.setCurrentIndex(1)
    page._select_claim(claim.id)
    assert page.delete_button.isEnabled()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", answered("question", QMessageBox.No, asked))
    page.delete_button.click()
    assert len(asked) == 1 and claim.person_name in asked[0] and "草稿" in asked[0]
    store = ClaimQueries(page.session.ledger)
    assert store.get(claim.id).state == ClaimState.DRAFT  # 否: kept

    monkeypatch.setattr(QMessageBox, "question", answered("question", QMessageBox.Yes, asked))
    page._select_claim(claim.id)
    page.delete_button.click()
    assert claim.id not in {c.id for c in store.all()}
    assert claim.id not in {c.id for c in page.claims.rows}
    assert warnings_shown == []
    # The subsidy may be claimed anew.
    page.tabs.setCurrentIndex(0)
    _again, made = find_and_claim(page, qtbot)
    assert made is not None and made.id != claim.id


def test_a_submitted_claim_is_not_deleted(demo_window, qtbot, warnings_shown, monkeypatch):
    page = demo_window.show_page("subsidies")
    _result, claim = find_and_claim(page, qtbot)
    page.tabs.setCurrentIndex(1)
    page._select_claim(claim.id)
    page.target.setCurrentIndex(page.target.findData(ClaimState.SUBMITTED.value))
    page.advance_selected(reason="材料后补")
    page._select_claim(claim.id)
    assert not page.delete_button.isEnabled()
    assert "驳回" in page.delete_button.toolTip()


def test_a_rejected_claim_is_not_told_it_can_only_be_rejected(
    demo_window, qtbot, warnings_shown, monkeypatch
):
    """The page's 删除草稿 on a rejected claim said a submitted claim can only be rejected or
    reversed — which this one is (the door, the hub and the CLI say it stays for the record)."""
    page = demo_window.show_page("subsidies")
    _result, claim = find_and_claim(page, qtbot)
    page.tabs.setCurrentIndex(1)
    page._select_claim(claim.id)
    page.target.setCurrentIndex(page.target.findData(ClaimState.SUBMITTED.value))
    page.advance_selected(reason="材料后补")
    page._select_claim(claim.id)
    page.target.setCurrentIndex(page.target.findData(ClaimState.REJECTED.value))
    page.advance_selected(reason="不符合条件")
    assert ClaimQueries(page.session.ledger).get(claim.id).state == ClaimState.REJECTED
    page._select_claim(claim.id)
    assert not page.delete_button.isEnabled()
    said = page.delete_button.toolTip()
    assert "只能驳回或撤销" not in said and "备查" in said, said
    assert warnings_shown == []
