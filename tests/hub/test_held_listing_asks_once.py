"""The county desktop's list of held changes (`GET /v1/held`, up to 2,000 at once) named each
change's places and its device's village by asking the ledger again for every change: a flood
of refused households in one village read the same area rows and the same device row once per
change. The list now looks each place and each device up once, and says the same."""

from __future__ import annotations

import re

import pytest

from fieldapp.hub import server as service
from fieldapp.sync.client import push
from tests.sync.hostile import forge

#: Two villages of 鸭池镇 and 梨树镇 (七星关区) that the hub's ledger does not list.
UNLISTED = "520502100200"
ELSEWHERE = "520502101002"


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_long_listing_asks_each_place_and_device_once(server, hub, make_device):
    village = make_device("鸭池村", UNLISTED)
    for n in range(40):
        forge(village, "households", f"h-away-{n}", {"area_code": ELSEWHERE, "address": f"{n}组"})
    push(village, server.url)
    found = hub.rejected()
    assert len(found) == 40

    asked: list[str] = []
    hub.ledger.db.conn.set_trace_callback(asked.append)
    try:
        items = service.held_items(hub, found)
    finally:
        hub.ledger.db.conn.set_trace_callback(None)

    assert len(items) == 40
    assert {item["village"] for item in items} == {"七星关区鸭池镇"}
    # (as the reason says it: a village of 梨树镇 the hub does not list)
    assert all("所在区域为“七星关区梨树镇的一个村”" in item["description"] for item in items)
    areas = [s for s in asked if re.search(r"\bFROM areas\b", s)]
    peers = [s for s in asked if "FROM sync_peers" in s]
    assert len(peers) == 1, peers
    # Each code asked once (the device's village and the places the changes set), not per change.
    assert len(areas) <= 4, areas
    # Each item read alone says what it said in the list.
    assert service.held_items(hub, [found[7]]) == [items[7]]
