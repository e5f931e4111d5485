"""A claim under a subsidy for a job begun after the rule ended (一次性交通补助（脱贫人口新跨省
务工） ran 2021年1月1日至2025年12月31日): the device's eligibility judges a rule's validity
dates, the hub did not — a tampered laptop's claim for a job begun 2026年3月1日 under it was
taken 已提交 at the hub, on to the township and the county. A claim made submitted, or a draft
submitted, now pays for a job (training) begun, or a month (year), within its rule's period."""

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


def _poor(village) -> str:
    """张0 of a new household of 红星村, 脱贫人口, working in 深圳 from 2026-03-01."""
    _, (person,) = add_family(village, VILLAGE, ["109"])
    add_job(village, person)
    with village.transaction():
        Records(village).save(
            CategoryMembership(
                person_id=person, category="脱贫人口", start_date=dt.date(2016, 1, 1)
            )
        )
    return person


def _submitted(person_id: str, rule: str) -> dict:
    return claim(person_id, state=ClaimState.SUBMITTED.value, area=VILLAGE) | {
        "applied_on": "2026-07-10",
        "rule_id": rule,
    }


def test_a_claim_for_a_job_begun_after_its_rule_ended_is_held(county, hub):
    village = county["village"]
    person = _poor(village)
    made = forge(
        village,
        "claims",
        natural_id("claims", "forged", "ended"),
        _submitted(person, "transport_cross_province_lifted"),
    )
    county["exchange"](village, "红星村")
    held = {h.change_id: h for h in hub.rejected()}
    assert held[made.id].rule == "claim_rule", held[made.id].reason
    why = held[made.id].reason
    assert "2026年3月1日" in why and "2025年12月31日" in why, why
    assert hub.ledger.get("claims", made.row_id) is None


def test_a_claim_for_a_job_begun_in_its_rule_period_lands(county, hub):
    village = county["village"]
    person = _poor(village)
    made = forge(
        village,
        "claims",
        natural_id("claims", "forged", "in force"),
        _submitted(person, "transport_cross_county"),
    )
    county["exchange"](village, "红星村")
    assert [h for h in hub.rejected() if h.change_id == made.id] == []
    assert hub.ledger.get("claims", made.row_id)["state"] == ClaimState.SUBMITTED.value
