"""补贴 → 编成批次 with 全部补贴 chosen above: it quietly batched the subsidy of the last
claim clicked on 申领 — a subsidy the clerk never chose — and left the approved claims of the
other subsidies unbatched. A batch is one subsidy's (its roster, its notice, its funds): with
全部补贴 the button is greyed, its tooltip saying to choose the subsidy above first, and
nothing is batched; with a subsidy chosen it batches that subsidy's claims."""

from __future__ import annotations

import datetime as dt

from fieldapp.domain.roles import Role
from fieldapp.store.ledger import Ledger
from tests.ui.test_role_view import TOWNSHIP, VILLAGE, role_window  # noqa: F401


def _reviewed_claims_of_two_subsidies(ledger: Ledger) -> dict[str, str]:
    """Claims of the village passed by its township, one for each of two subsidies:
    {rule id: claim id}."""
    from fieldapp.domain.claims import ClaimState as S
    from fieldapp.policy.eligibility import Status
    from fieldapp.services.claims import ClaimService, EligibilityService
    from fieldapp.services.policy_admin import load_policy
    from fieldapp.services.writer import actor_of

    policy = load_policy(ledger).policy
    today = dt.date.today()
    service = ClaimService(ledger, policy, actor_of(ledger))
    made: dict[str, str] = {}
    for result in EligibilityService(ledger, policy).for_all(today, area_prefix=VILLAGE):
        if result.status is not Status.ELIGIBLE or result.amount is None:
            continue
        if result.rule_id in made:
            continue
        claim = service.create(result.id_number, result.rule_id, on=today).id
        for step in (S.SUBMITTED, S.VILLAGE_REVIEWED, S.TOWNSHIP_REVIEWED):
            service.advance(claim, step, "材料齐全")
        made[result.rule_id] = claim
        if len(made) == 2:
            break
    assert len(made) == 2, made
    return made


def test_every_subsidy_shown_batches_nothing_until_one_is_chosen(role_window, warnings_shown):  # noqa: F811
    from fieldapp.store.queries.claims import ClaimQueries

    made: dict[str, str] = {}
    win = role_window(
        Role.TOWNSHIP, TOWNSHIP, lambda led: made.update(_reviewed_claims_of_two_subsidies(led))
    )
    page = win.show_page("subsidies")
    page.area.set_code("")
    assert page.rule.currentData() == ""  # 全部补贴
    first, second = made
    page.tabs.setCurrentIndex(1)
    page._select_claim(made[first])
    assert page.selected_claim().id == made[first]
    # Greyed, saying what to do; and if asked anyway, nothing is batched and it says why.
    assert not page.batch_button.isEnabled()
    assert "请先在上方“补贴”中选择要编批次的补贴" in page.batch_button.toolTip()
    assert page.make_batch() is None
    assert warnings_shown and "选择" in warnings_shown[-1]
    assert list(page.session.ledger.db.query("select id from batches")) == []
    # The subsidy chosen: its claims are batched, the other subsidy's left for its own batch.
    page.rule.setCurrentIndex(page.rule.findData(second))
    assert page.batch_button.isEnabled() and page.batch_button.toolTip() == ""
    batch = page.make_batch()
    assert batch is not None and batch.rule_id == second
    claims = ClaimQueries(page.session.ledger)
    assert claims.get(made[second]).batch_id == batch.id
    assert claims.get(made[first]).batch_id is None
