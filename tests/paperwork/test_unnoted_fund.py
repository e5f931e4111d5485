"""A claim's funding source is written by the program that made it, as the policy says
(`claim_funding` at the hub checks it); one without (an older program's, or a tampered one's:
the hub takes a claim with none) is, as docs/trust.md says, printed 未注明 on the roster —
drawn from no fund. The roster printed it under its batch's funding source instead: a batch
named 衔接推进乡村振兴补助资金 (set by whoever made or changed the batch) paid a claim for a
person of none of the groups that fund pays from that fund. A claim's row now says its own
source only."""

from __future__ import annotations

from fieldapp.paperwork.jobs import roster_job
from tests.paperwork.builders import LIFTED_FUND, add_claims


def test_a_claim_naming_no_fund_is_not_paid_from_its_batchs_fund(ledger):
    batch_id, claims = add_claims(ledger, 3)
    ledger.update("batches", batch_id, {"funding_source": LIFTED_FUND})
    ledger.update("claims", claims[0], {"funding_source": ""})
    sections = dict(roster_job(ledger, batch_id).view.sections())
    assert [r.claim_id for r in sections["未注明"]] == [claims[0]]
    assert sorted(r.claim_id for r in sections[LIFTED_FUND]) == sorted(claims[1:])
