"""A village may add groups and buildings inside its own area (`county_table` lets a new area
whose code it covers through), and a place is said, and a 走访记录表 and a device's answer
gather households, by the area tree (`parent_code`) as well as by code. The new area's parent
was not looked at: a tampered 红星村 program made a group inside 红星村's code whose parent is
远村 (another village, another township). Its households then went to 远村's laptop with 远村's
answer and onto 远村's 走访记录表, and were said to live in 远村. Now a new area whose parent
lies outside the device's area is refused at the door and held at the hub (`county_table`)."""

from __future__ import annotations

import pytest

from fieldapp.domain.models import Area
from fieldapp.services.actor import actor_of
from fieldapp.services.trust_check import TrustRefused
from fieldapp.services.writer import writing
from fieldapp.store.ledger import natural_id
from tests.helpers.hostile_county import OTHER
from tests.sync.helpers import VILLAGE, add_family
from tests.sync.hostile import both_ways_judged, forge

GROUP, OWN_GROUP = VILLAGE + "901", VILLAGE + "902"


def test_a_group_of_the_village_hung_under_another_village_is_held(county, hub):  # noqa: F811
    village, other = county["village"], county["other"]
    forged = forge(village, "areas", natural_id("areas", GROUP),
                   {"code": GROUP, "name": "三组", "kind": "组", "parent_code": OTHER})  # fmt: skip
    honest = forge(village, "areas", natural_id("areas", OWN_GROUP),
                   {"code": OWN_GROUP, "name": "四组", "kind": "组", "parent_code": VILLAGE})  # fmt: skip
    household, _ = add_family(village, GROUP, ["109"], surname="李", kind="组")
    with both_ways_judged():
        county["exchange"](village, "红星村")
    held = {h.change_id: h for h in hub.rejected()}
    assert held[forged.id].rule == "county_table", held[forged.id].reason
    assert "上级" in held[forged.id].reason, held[forged.id].reason
    assert honest.id not in held
    assert hub.ledger.get("areas", natural_id("areas", GROUP)) is None
    assert hub.ledger.get("areas", natural_id("areas", OWN_GROUP))["parent_code"] == VILLAGE
    assert hub.ledger.get("households", household) is not None  # 红星村's own, by its code
    county["exchange"](other, "远村")
    assert other.get("households", household) is None


def test_the_village_device_refuses_a_group_under_another_village(county):  # noqa: F811
    village = county["village"]
    with pytest.raises(TrustRefused) as refused, writing(village, actor_of(village)) as writer:
        writer.insert(Area(code=GROUP, name="三组", kind="组", parent_code=OTHER))
    assert refused.value.rule == "county_table", str(refused.value)
    # Under its own village, or under the township above it, it is its own.
    with writing(village, actor_of(village)) as writer:
        writer.insert(Area(code=GROUP, name="三组", kind="组", parent_code=VILLAGE))
        writer.insert(Area(code=OWN_GROUP, name="四组", kind="组", parent_code=VILLAGE[:9]))
