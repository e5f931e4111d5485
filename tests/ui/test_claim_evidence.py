"""Materials come in a piece at a time: the ID copy today, the 务工证明 next week. The 申领 tab
had only 材料已收齐 — every item ticked at once — so a coordinator could record nothing until
all had come (or record what had not), and could not take back an item handed back to the
applicant; `fieldapp claim evidence <id> ITEM…` could. 登记材料… now ticks and unticks items one
by one, each change in the claim's steps."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from fieldapp.store.queries.claims import ClaimQueries
from fieldapp.ui.pages.subsidies import EvidenceDialog
from tests.ui.plain import assert_plain
from tests.ui.subsidies_claim import find_and_claim


def test_materials_are_recorded_one_at_a_time(demo_window, qtbot, warnings_shown, monkeypatch):
    page = demo_window.show_page("subsidies")
    _result, claim = find_and_claim(page, qtbot)
    page.tabs.setCurrentIndex(1)
    page._select_claim(claim.id)
    items = list(claim.evidence_items())
    assert len(items) >= 2 and not any(claim.evidence_items().values())
    assert page.evidence_button.isEnabled()
    ticks: list[set[str]] = [{items[0]}, set()]
    shown: list[str] = []

    def tick(dialog: EvidenceDialog) -> int:
        shown.append(dialog.label.text())
        assert [box.text() for box in dialog.boxes] == items
        for box in dialog.boxes:
            box.setChecked(box.text() in ticks[0])
        ticks.pop(0)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EvidenceDialog, "exec", tick)
    page.evidence_button.click()
    stored = ClaimQueries(page.session.ledger).get(claim.id)
    assert stored.evidence_items() == {item: item == items[0] for item in items}, warnings_shown
    assert claim.person_name in shown[0]
    assert_plain(shown[0])
    # The table says what is still missing.
    assert page.selected_claim().missing_evidence() == items[1:]

    # The ID copy handed back: unticked again.
    page._select_claim(claim.id)
    page.evidence_button.click()
    stored = ClaimQueries(page.session.ledger).get(claim.id)
    assert not any(stored.evidence_items().values())
    steps = [e.detail for e in ClaimQueries(page.session.ledger).events(claim.id)]
    assert f"材料已收：{items[0]}" in steps and f"材料退回：{items[0]}" in steps
    assert warnings_shown == []


def test_a_claims_steps_are_shown_beside_it(demo_window, qtbot, warnings_shown):
    """A villager asks where their application is: the 申领 tab gave its state and (when turned
    back) its reason, but not who moved it when, nor which materials had come — that was only
    in `fieldapp claim show <id>`. The selected claim's materials and steps are now beside the
    list, in words."""
    page = demo_window.show_page("subsidies")
    _result, claim = find_and_claim(page, qtbot)
    page.tabs.setCurrentIndex(1)
    page._select_claim(claim.id)
    page.collect_all_evidence()
    page._select_claim(claim.id)
    assert page.advance_selected() is not None  # 已提交
    page._select_claim(claim.id)
    text = page.claim_steps.toPlainText()
    assert_plain(text)
    assert claim.person_name in text and claim.rule_title in text
    assert "☑ " + next(iter(claim.evidence_items())) in text
    assert "— → 草稿" in text and "草稿 → 已提交" in text and "材料已收：" in text
    assert page.session.ledger.author in text
    page.claims_view.clearSelection()
    assert warnings_shown == []
