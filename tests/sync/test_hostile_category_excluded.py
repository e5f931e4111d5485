"""A claim under a subsidy for those in none of some categories (一次性交通补助（其他农村劳动力
新跨省务工） is for rural labour not 脱贫人口、农村低保对象 …: they have their own, larger one):
the device's eligibility judged a rule's `categories_none`, the hub did not — a tampered
laptop's claim under it for 张0, 脱贫人口, was taken 已提交 at the hub. A claim made submitted, or
a draft submitted, now holds none of its rule's excluded categories on the day (month, year) it
pays, as the ledger has the person's categories (those of the same bundle too)."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.claims import ClaimState
from fieldapp.domain.models import CategoryMembership
from fieldapp.store.ids import natural_id
from tests.helpers.hostile_county import claim
from tests.records import Records
from tests.sync.helpers import VILLAGE, add_family, add_job
from tests.sync.hostile import forge

pytestmark = pytest.mark.today("2026-07-10")

RULE = "transport_other_rural_cross_province"


def _newcomer(village, category: str | None) -> str:
    """张0 of a new household of 红星村, working in 深圳 from 2026-03-01, in `category`."""
    _, (person,) = add_family(village, VILLAGE, ["109"])
    add_job(village, person)
    if category is not None:
        with village.transaction():
            Records(village).save(
                CategoryMembership(
                    person_id=person, category=category, start_date=dt.date(2016, 1, 1)
                )
            )
    return person


def _submitted(person_id: str) -> dict:
    return claim(person_id, state=ClaimState.SUBMITTED.value, area=VILLAGE, amount=100.0) | {
        "applied_on": "2026-07-10",
        "rule_id": RULE,
    }


def test_a_claim_for_a_person_in_a_category_its_rule_excludes_is_held(county, hub):
    village = county["village"]
    person = _newcomer(village, "脱贫人口")
    made = forge(village, "claims", natural_id("claims", "forged", "excluded"), _submitted(person))
    county["exchange"](village, "红星村")
    held = {h.change_id: h for h in hub.rejected()}
    assert held[made.id].rule == "claim_category", held[made.id].reason
    why = held[made.id].reason
    assert "2026年3月1日" in why and "脱贫人口" in why, why
    assert hub.ledger.get("claims", made.row_id) is None


def test_a_claim_for_a_person_in_no_excluded_category_lands(county, hub):
    village = county["village"]
    person = _newcomer(village, None)
    made = forge(village, "claims", natural_id("claims", "forged", "other"), _submitted(person))
    county["exchange"](village, "红星村")
    assert [h for h in hub.rejected() if h.change_id == made.id] == []
    assert hub.ledger.get("claims", made.row_id)["state"] == ClaimState.SUBMITTED.value
