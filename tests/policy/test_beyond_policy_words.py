"""A claim the policy refuses is named by its person's name and its subsidy: 张三的一次性交通补助.
A claim carrying no name (a tampered program's, or one written before names were kept on
claims) was said as 的一次性交通补助（跨县务工）没有申领日期…, a sentence opening on a dangling
的; it is now said by its subsidy alone."""

from __future__ import annotations

import pytest

from fieldapp.policy.eligibility import claim_beyond_policy
from fieldapp.policy.pack import Policy

CLAIM = {
    "rule_id": "transport_cross_county",
    "claim_date": "2026-06-05",
    "event_date": "2026-05-01",
    "limit_key": "transport|p|ever",
    "amount": 99999.0,
}


@pytest.mark.parametrize(
    "change", [{}, {"claim_date": None}, {"amount": 0}], ids=["above", "undated", "zero"]
)
def test_a_claim_without_its_persons_name_is_said_by_its_subsidy(
    county_policy: Policy, change: dict
) -> None:
    claim = CLAIM | change
    found = claim_beyond_policy(county_policy, claim)
    assert found is not None
    said = str(found[1])
    assert said.startswith("一次性交通补助"), said
    named = claim_beyond_policy(county_policy, claim | {"person_name": "张三"})
    assert named is not None and str(named[1]) == f"张三的{said}", named
