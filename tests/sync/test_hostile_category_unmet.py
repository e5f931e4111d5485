"""A claim for a subsidy its person is not among those it pays (一次性交通补助 goes to 脱贫人口、
农村低保对象 …): the hub checked that the categories a claim writes are the ledger's
(`claim_category`), so a tampered laptop writing none passed — 张0, in no category at all, had
his claim taken 已提交 and 村审核 at the hub, on to the township and the county (the fixture's
families were such persons until they were given 农村低保对象). A claim made
or submitted now holds a category its rule pays to, as the ledger has the person's categories
(those of the same bundle too); a draft is judged when it is submitted."""

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


def _submitted(person_id: str) -> dict:
    return claim(person_id, state=ClaimState.SUBMITTED.value, area=VILLAGE) | {
        "applied_on": "2026-07-10"
    }


def _newcomer(village) -> str:
    """张0 of a new household of 红星村, working in 深圳 like the others, in no category."""
    _, (person,) = add_family(village, VILLAGE, ["109"])
    add_job(village, person)
    return person


def test_a_claim_for_a_person_in_no_category_it_pays_is_held(county, hub):
    village = county["village"]
    person = _newcomer(village)
    made = forge(village, "claims", natural_id("claims", "forged", "none"), _submitted(person))
    county["exchange"](village, "红星村")
    held = {h.change_id: h for h in hub.rejected()}
    assert held[made.id].rule == "claim_category", held[made.id].reason
    why = held[made.id].reason
    assert "2026年3月1日" in why and "脱贫人口" in why and "农村低保对象" in why, why
    assert hub.ledger.get("claims", made.row_id) is None


def test_a_claim_for_a_person_in_a_category_it_pays_lands(county, hub):
    """The honest case: the newcomer registered 农村低保对象 in the same bundle as the claim."""
    village = county["village"]
    person = _newcomer(village)
    with village.transaction():
        Records(village).save(
            CategoryMembership(
                person_id=person, category="农村低保对象", start_date=dt.date(2016, 1, 1)
            )
        )
    made = forge(village, "claims", natural_id("claims", "forged", "one"), _submitted(person))
    county["exchange"](village, "红星村")
    assert [h for h in hub.rejected() if h.change_id == made.id] == []
    assert hub.ledger.get("claims", made.row_id)["state"] == ClaimState.SUBMITTED.value
