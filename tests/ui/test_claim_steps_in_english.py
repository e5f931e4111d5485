"""The selected claim's steps in an English window: a state moved said its states in English
(Draft → Submitted), but a step that kept the state — materials received or handed back, the
reason why some are missing — showed the ledger's Chinese (材料已收：身份证复印件, 填写缺件原因)
between English lines, and a step's reason in full-width brackets （下周补交）. They are said
in English, the reason in the window's brackets; the pack's names of the papers stay as the
pack words them, and the ledger still stores the Chinese."""

from __future__ import annotations

from fieldapp.services.claims import ClaimService
from fieldapp.store.queries.claims import ClaimQueries
from fieldapp.ui import policy_access
from tests.ui.subsidies_claim import find_and_claim


def test_a_claims_material_steps_are_said_in_english(demo_window, qtbot, warnings_shown):
    page = demo_window.show_page("subsidies")
    _result, claim = find_and_claim(page, qtbot)
    items = list(claim.evidence_items())
    session = page.session
    service = ClaimService(session.ledger, policy_access.policy(session.ledger), session.actor)
    service.collect_evidence(claim.id, items[:2])
    service.collect_evidence(claim.id, items[:1], False)
    service.set_missing_reason(claim.id, "下周补交")
    session.apply(service.changes)
    details = [e.detail for e in ClaimQueries(session.ledger).events(claim.id)]
    assert f"材料已收：{items[0]}、{items[1]}" in details  # stored as it was
    demo_window.set_language("en")
    try:
        english = demo_window.show_page("subsidies")
        english.show_claim(claim.id)
        steps = english.claim_steps.toPlainText()
        assert f"Documents received: {items[0]}, {items[1]}" in steps, steps
        assert f"Documents handed back: {items[0]}" in steps, steps
        assert "Reason for missing documents recorded (下周补交)" in steps, steps
        # The reason the clerk wrote in the window's brackets, not the full-width （…）; the
        # pack's words (劳动合同（1年以上）) keep theirs.
        assert "（下周补交）" not in steps, steps
        assert "材料已收" not in steps and "材料退回" not in steps and "填写缺件原因" not in steps
    finally:
        demo_window.set_language("zh_CN")
    chinese = demo_window.show_page("subsidies")
    chinese.show_claim(claim.id)
    steps = chinese.claim_steps.toPlainText()
    assert f"材料已收：{items[0]}、{items[1]}" in steps and f"材料退回：{items[0]}" in steps
    assert "填写缺件原因（下周补交）" in steps
    assert warnings_shown == []
