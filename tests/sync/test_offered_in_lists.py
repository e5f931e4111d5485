"""A person offered in from another village is not the receiving village's in any list.

The offer sends the person, with all that hangs off them (their jobs, categories, claims), to
the device of the household's village, read-only (`answers.OFFER`). Its 台账 list, search and
export leave them out (`HOUSEHOLD_HELD`); but over 全部区域 its claims list showed their claim
(made and paid by their own village) as one of its own, and its 符合条件人员 and due lists
evaluated them as one of its people (the lists read every person of the ledger when no area is
chosen, an area's only when one is). Now each agrees with the 台账 list: the claims are those
of the device's own area and of the people it lists, the people those of households it holds
(or of none)."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.services.claims import EligibilityService, listed_claims
from fieldapp.services.policy_views import due_list
from fieldapp.services.writer import actor_of
from tests.helpers.hostile_county import claim
from tests.services.policy_refusal_scenarios import policy
from tests.sync.hostile import forge

pytestmark = pytest.mark.today("2026-07-01")


def _offered_in(county, hub):  # noqa: ANN001, ANN202
    """远村 offers 王0 (their claim, job and category with them) to 红星村's household, which
    it knows (an offer as the program writes it, sent in a signed bundle); 红星村 holds a
    claim of its own 张0 too."""
    village, other, theirs = county["village"], county["other"], county["theirs"]
    exchange = county["exchange"]
    with village.transaction():
        mine_claim = village.insert("claims", claim(county["mine"]))
    home = hub.ledger.get("persons", county["mine"])["household_id"]
    forge(other, "persons", theirs, {"moving_to": home, "change_reason": "投亲"})
    exchange(other, "远村")
    exchange(village, "红星村")
    assert hub.rejected() == [], [(h.rule, h.reason) for h in hub.rejected()]
    assert village.get("persons", theirs)["moving_to"] == home
    assert village.get("claims", county["their_claim"]) is not None  # read-only, with them
    return village, theirs, mine_claim


def test_the_claims_list_over_every_area_is_the_villages_own(county, hub):
    village, theirs, mine_claim = _offered_in(county, hub)
    actor = actor_of(village)
    listed = {c.id for c in listed_claims(village, actor)}
    assert listed == {mine_claim}, listed
    assert {c.id for c in listed_claims(village, actor, area_prefix="520502101001")} == listed


def test_the_eligible_and_due_lists_leave_the_person_offered_in_out(county, hub):
    village, theirs, _ = _offered_in(county, hub)
    on = dt.date(2026, 7, 1)
    results = EligibilityService(village, policy()).for_all(on, include_not_eligible=True)
    people = {r.person_id for r in results}
    assert county["mine"] in people and theirs not in people, people
    due = {item.person_id for item in due_list(village, policy(), on)}
    assert theirs not in due, due


def test_the_months_report_over_every_area_counts_no_claim_of_the_person_offered_in(county, hub):
    """Over every area the month's report counted the claim of 王0 (their own village's) in a
    row of 远村 on 红星村's report; as for the village alone, it counts 红星村's claims."""
    from fieldapp.services.report import monthly_report

    village, theirs, _ = _offered_in(county, hub)
    actor = actor_of(village)
    whole = monthly_report(village, policy(), "2026-06", actor=actor, today=dt.date(2026, 7, 1))
    assert [a.code for a in whole.areas] == ["520502101001"], [a.code for a in whole.areas]
    alone = monthly_report(
        village, policy(), "2026-06", area_prefix="520502101001", today=dt.date(2026, 7, 1)
    )
    assert whole.areas == alone.areas
