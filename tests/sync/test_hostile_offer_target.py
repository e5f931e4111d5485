"""A move-in offer names a household the receiving village holds, or it is no offer.

An offer (`persons.moving_to`) named any household id and the hub took it: a household that
exists nowhere, one deleted, one in an area the hub does not know (no village's device to
answer it) — the person then waited, kept read-only (`offered_person`), for an answer no one
could give — or one of the offering village's own households, which is a plain move (the
program moves the person there at once). Now the write door and the hub refuse such an offer
(`offer_target`). To a device below the county the hub says the same words for a household
that is nowhere, deleted or in an area it does not know: its reason tells a device that
guessed a household id nothing of where, or whether, that household is."""

from __future__ import annotations

import pytest

from fieldapp.domain.models import Household
from fieldapp.services import households
from fieldapp.services.trust_check import TrustRefused
from fieldapp.services.writer import actor_of, writing
from fieldapp.store.ids import new_id
from tests.sync.helpers import VILLAGE, add_family
from tests.sync.hostile import forge

#: An area code no one registered (a village of 野角乡 the ledger does not list).
UNKNOWN_AREA = "520502202077"


def _offer(device, person: str, household: str) -> None:  # noqa: ANN001
    with writing(device, actor_of(device)) as writer:
        writer.update_row("persons", person, {"moving_to": household, "change_reason": "投亲"})


def test_the_door_refuses_an_offer_to_its_own_household_or_one_it_does_not_hold(county):
    village, mine = county["village"], county["mine"]
    own_home, _ = add_family(village, VILLAGE, ["111"], surname="周")
    for household in (own_home, new_id()):
        with pytest.raises(TrustRefused) as refused:
            _offer(village, mine, household)
        assert refused.value.rule == "offer_target", str(refused.value)
    said = str(refused.value)
    assert "张0" in said and "台账上" in said, said
    assert village.get("persons", mine)["moving_to"] is None


def test_the_door_says_an_offer_within_its_own_area_is_a_plain_move(county):
    village, mine = county["village"], county["mine"]
    own_home, _ = add_family(village, VILLAGE, ["111"], surname="周")
    with pytest.raises(TrustRefused) as refused:
        _offer(village, mine, own_home)
    assert "直接迁户" in str(refused.value), str(refused.value)


def test_the_hub_holds_an_offer_to_a_household_it_does_not_hold_and_says_no_more(county, hub):
    """A forged bundle offers 红星村's person to a household id that is nowhere, then to one
    远村 deleted, then to a new home 红星村 made in an area the hub does not know: each held,
    each said in the same words (nothing told of where or whether the household is); the
    person is offered to no one, and 远村 hears nothing of them."""
    village, other, mine = county["village"], county["other"], county["mine"]
    exchange = county["exchange"]
    gone, _ = add_family(other, "520502202001", [], surname="吴")
    with writing(other, actor_of(other)) as writer:
        writer.update_row("households", gone, {"deleted": True})
    exchange(other, "远村")
    assert hub.ledger.get("households", gone)["deleted"]
    _, (leaving,) = add_family(village, VILLAGE, ["113"], surname="孙")
    exchange(village, "红星村")
    households.move_person(
        village, actor_of(village), leaving, "外出", households.Relation.HEAD,
        new_household=Household(area_code=UNKNOWN_AREA, address="某地"),
    )  # fmt: skip
    nowhere_known = village.get("persons", leaving)["household_id"]
    exchange(village, "红星村")
    assert hub.rejected() == [], [(h.rule, h.reason) for h in hub.rejected()]
    assert hub.ledger.get("households", nowhere_known)["area_code"] == UNKNOWN_AREA
    offers = [
        forge(village, "persons", mine, {"moving_to": target, "change_reason": "投亲"})
        for target in (new_id(), gone, nowhere_known)
    ]
    exchange(village, "红星村")
    held = {h.change_id: h for h in hub.rejected()}
    reasons = set()
    for offer in offers:
        assert held[offer.id].rule == "offer_target", held[offer.id].reason
        reasons.add(held[offer.id].reason)
    (reason,) = reasons  # one sentence, whatever the household is
    assert "远村" not in reason and "野角" not in reason and "张0" in reason, reason
    assert hub.ledger.get("persons", mine)["moving_to"] is None
    exchange(other, "远村")
    assert other.get("persons", mine) is None


def test_the_hub_holds_an_offer_to_the_offering_villages_own_household(county, hub):
    village, mine = county["village"], county["mine"]
    own_home, _ = add_family(village, VILLAGE, ["111"], surname="周")
    county["exchange"](village, "红星村")
    offer = forge(village, "persons", mine, {"moving_to": own_home, "change_reason": "投亲"})
    county["exchange"](village, "红星村")
    held = {h.change_id: h for h in hub.rejected()}
    assert held[offer.id].rule == "offer_target", held[offer.id].reason
    assert "直接迁户" in held[offer.id].reason
    assert hub.ledger.get("persons", mine)["moving_to"] is None


def test_an_offer_to_another_villages_household_still_stands(county, hub):
    village, mine = county["village"], county["mine"]
    theirs_home = hub.ledger.get("persons", county["theirs"])["household_id"]
    offer = forge(village, "persons", mine, {"moving_to": theirs_home, "change_reason": "投亲"})
    county["exchange"](village, "红星村")
    assert offer.id not in {h.change_id for h in hub.rejected()}
    assert hub.ledger.get("persons", mine)["moving_to"] == theirs_home
