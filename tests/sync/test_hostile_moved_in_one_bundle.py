"""A claimant moved away in two steps of one bundle: into another household of the village
(where the claim lies: no move away), then that household to another village.

The hub holds a move away while a claim waits for payment (`claimed_moved`,
`test_hostile_claims.py`), finding a household's people in its own ledger — which does not
yet hold the person the same bundle moved in a change before. A tampered 红星村 program so
moved 赵六 (his December claim submitted) into a new household of 红星村 and that household to
白云村 (or to another township): both landed, the claim stayed placed in 红星村 to be noticed
and paid there, 白云村 held him and could claim the month again — what `claimed_moved` is
for. A household's people are now counted as the bundle leaves them.
"""

from __future__ import annotations

import pytest

from fieldapp.domain.claims import ClaimState
from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import policy_in_force
from fieldapp.store.ledger import natural_id
from tests.policy.helpers import HOME
from tests.sync import raised_figure as figures
from tests.sync.event_village import _edit
from tests.sync.hostile import forge
from tests.sync.raised_figure import NEIGHBOUR, _december

pytestmark = pytest.mark.today("2027-03-01")

#: A village of another township.
ELSEWHERE = "520502002001"

#: 红星村's laptop holding 赵六 (a 公益性岗位 since July 2026) and the county's 2027 pack.
village = figures.village


def _submitted(village):
    december = _december(village)
    ClaimService(village, policy_in_force(village)).advance(
        december.id, ClaimState.SUBMITTED, "材料后补"
    )
    village.exchange()
    return december


@pytest.mark.parametrize("away", [NEIGHBOUR, ELSEWHERE], ids=["neighbour", "other_township"])
def test_a_claimant_moved_into_a_household_that_then_moves_away_is_held(village, hub, away):
    """Into a new household of 红星村 (lands: the claim lies there), then that household away
    in the same bundle: the household's move is held, as moving his own household is."""
    december = _submitted(village)
    household = village.get("persons", december.person_id)["household_id"]
    step = natural_id("households", "forged", "stepping stone")
    forge(village, "households", step, {"area_code": HOME, "household_no": "902",
                                        "head_person_id": december.person_id})  # fmt: skip
    moved_in = _edit(village, "persons", december.person_id, {"household_id": step})
    moved_on = _edit(village, "households", step, {"area_code": away})
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert moved_in.id not in held
    assert held[moved_on.id].rule == "claimed_moved", held[moved_on.id].reason
    why = held[moved_on.id].reason
    assert "赵六" in why and "乡村公益性岗位补贴" in why and "驳回" in why, why
    assert hub.ledger.get("persons", december.person_id)["household_id"] == step
    assert hub.ledger.get("households", step)["area_code"] == HOME
    assert household != step


def test_a_claimant_moved_into_an_older_household_that_then_moves_away_is_held(village, hub):
    """The same through a household the hub holds already (a neighbour's of 红星村)."""
    december = _submitted(village)
    other = natural_id("households", "forged", "next door")
    forge(village, "households", other, {"area_code": HOME, "household_no": "903"})
    village.exchange()
    assert hub.ledger.get("households", other)["area_code"] == HOME
    moved_in = _edit(village, "persons", december.person_id, {"household_id": other})
    moved_on = _edit(village, "households", other, {"area_code": NEIGHBOUR})
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert moved_in.id not in held
    assert held[moved_on.id].rule == "claimed_moved", held[moved_on.id].reason
    assert hub.ledger.get("households", other)["area_code"] == HOME


def test_a_household_the_claimant_left_earlier_in_the_bundle_moves_freely(village, hub):
    """The other way round: 赵六 moves into another household of 红星村 (his claim stays where
    he lives), and the household he left then moves to 白云村 in the same bundle. Its people
    are counted as the bundle leaves them: none waits for a claim, so the move lands (the
    write door, counting them in its own ledger, lets it through too)."""
    december = _submitted(village)
    household = village.get("persons", december.person_id)["household_id"]
    stays = natural_id("households", "forged", "his new home")
    forge(village, "households", stays, {"area_code": HOME, "household_no": "904",
                                         "head_person_id": december.person_id})  # fmt: skip
    moved_in = _edit(village, "persons", december.person_id, {"household_id": stays})
    left = _edit(village, "households", household, {"area_code": NEIGHBOUR})
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert moved_in.id not in held
    assert left.id not in held, held[left.id].reason
    assert hub.ledger.get("households", household)["area_code"] == NEIGHBOUR
    assert hub.ledger.get("persons", december.person_id)["household_id"] == stays


@pytest.mark.parametrize("away", [NEIGHBOUR, ELSEWHERE], ids=["neighbour", "other_township"])
def test_a_claimant_moved_into_a_household_made_after_him_is_held(village, hub, away):
    """The other order of one bundle: 赵六 moved first into a household the hub does not hold
    (the move was let through: a destination unknown was left to the scope rules, which let a
    person of the village move anywhere), the household then made in 白云村 as his new home
    (a transfer's destination may lie outside the village). He lived in 白云村, his claim
    waiting in 红星村. A claimant's move into a household the hub does not know is held now:
    where he goes cannot be told (the program makes the new home first, then moves him)."""
    december = _submitted(village)
    household = village.get("persons", december.person_id)["household_id"]
    there = natural_id("households", "forged", "made after")
    moved = _edit(village, "persons", december.person_id, {"household_id": there})
    forge(village, "households", there, {"area_code": away, "household_no": "905",
                                         "head_person_id": december.person_id})  # fmt: skip
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert held[moved.id].rule == "claimed_moved", held[moved.id].reason
    why = held[moved.id].reason
    assert "赵六" in why and "乡村公益性岗位补贴" in why and "驳回" in why, why
    assert hub.ledger.get("persons", december.person_id)["household_id"] == household


def test_the_write_door_refuses_a_claimants_move_into_a_household_it_does_not_hold(village, hub):
    """The write door says the same (the program itself always makes the new home first)."""
    from fieldapp.services.trust_check import TrustRefused
    from tests.sync.test_hostile_claims import _write

    december = _submitted(village)
    with pytest.raises(TrustRefused) as refused:
        _write(village, "persons", december.person_id, {"household_id": "no such household"})
    assert refused.value.rule == "claimed_moved"
    assert "赵六" in str(refused.value)
