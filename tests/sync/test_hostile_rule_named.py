"""A claim printing another subsidy's name or clause: the application form, the roster and the
public notice print a claim's `rule_title` and `source_clause` as written, and the hub never
looked at them — a tampered laptop's 一次性交通补助（跨县务工） for 张0 written as 一次性创业补贴
(or citing another subsidy's clause) was taken 已提交 at the hub and printed so. A claim made,
or its subsidy, name, clause or dates rewritten, now names its rule by the policy's title and
the clause in force for the day it pays (the county's figure document of that day with it);
one that writes none (an older program's: its papers print the pack's title) is not held."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.claims import ClaimState
from fieldapp.policy.eligibility import claim_named_wrong, rule_as_judged
from fieldapp.store.ids import natural_id
from tests.helpers.hostile_county import claim
from tests.policy.helpers import extended_policy
from tests.services.policy_refusal_scenarios import policy
from tests.sync.hostile import forge

pytestmark = pytest.mark.today("2026-07-10")

RULE = "transport_cross_county"


def _named(person_id: str, **written: str) -> dict:
    made = claim(person_id, state=ClaimState.SUBMITTED.value)
    rule = policy().rule(RULE)
    then = rule_as_judged(rule, dt.date(2026, 6, 5), dt.date(2026, 3, 1))
    honest = {"rule_title": rule.title, "source_clause": then.citation}
    return made | {"applied_on": "2026-07-10"} | honest | written


@pytest.mark.parametrize(
    ("name", "written", "shown"),
    [
        ("title", {"rule_title": "一次性创业补贴"}, "一次性创业补贴"),
        ("clause", {"source_clause": "黔府发〔2023〕12号 附件2 第（十四）条"}, "第（十四）条"),
    ],
)
def test_a_claim_naming_another_subsidy_is_held(county, hub, name, written, shown):
    village = county["village"]
    made = forge(
        village, "claims", natural_id("claims", "forged", name), _named(county["mine"], **written)
    )
    county["exchange"](village, "红星村")
    held = {h.change_id: h for h in hub.rejected()}
    assert made.id in held, f"{name} not held"
    why = held[made.id].reason
    assert held[made.id].rule == "claim_rule", why
    assert shown in why and "一次性交通补助（跨县务工）" in why, why
    assert hub.ledger.get("claims", made.row_id) is None


def test_a_claim_naming_its_own_subsidy_lands(county, hub):
    village = county["village"]
    made = forge(village, "claims", natural_id("claims", "forged", "own"), _named(county["mine"]))
    county["exchange"](village, "红星村")
    assert [h for h in hub.rejected() if h.change_id == made.id] == []
    assert hub.ledger.get("claims", made.row_id)["state"] == ClaimState.SUBMITTED.value


def test_a_draft_renamed_as_another_subsidy_is_held(county, hub):
    """Only the name rewritten, on a draft at the hub: judged as a claim made."""
    other, draft = county["other"], county["their_claim"]
    renamed = forge(other, "claims", draft, {"rule_title": "一次性创业补贴"})
    county["exchange"](other, "远村")
    held = {h.change_id: h for h in hub.rejected()}
    assert renamed.id in held, "not held"
    assert held[renamed.id].rule == "claim_rule", held[renamed.id].reason
    assert hub.ledger.get("claims", draft)["rule_title"] != "一次性创业补贴"


def test_a_claim_citing_its_rule_before_the_county_extended_it_is_not_wrong():
    """Made offline before the county's notice extending the post subsidy came: it cites the
    rule as it was then, and is judged by the extended rule after all the same."""
    post = {
        "person_id": "p1", "person_name": "王小明", "rule_id": "welfare_post_subsidy",
        "claim_date": "2026-06-05", "rule_title": policy().rule("welfare_post_subsidy").title,
    }  # fmt: skip
    then = rule_as_judged(policy().rule("welfare_post_subsidy"), dt.date(2026, 6, 5), None)
    now = rule_as_judged(extended_policy().rule("welfare_post_subsidy"), dt.date(2026, 6, 5), None)
    assert then.citation != now.citation
    for cited in (then.citation, now.citation):
        assert claim_named_wrong(extended_policy(), post | {"source_clause": cited}) is None
    found = claim_named_wrong(extended_policy(), post | {"source_clause": "黔府发〔2023〕12号"})
    assert found is not None and found[0] == "claim_rule"
