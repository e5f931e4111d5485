"""The hub named an area its ledger does not list as nothing: `hub devices` showed the bare
code, and a held change's village and the area it sets read '' (the county desktop's review
list, `hub rejected`). Such an area is named from the division table now, JSON keys kept."""

from __future__ import annotations

import json

import pytest

from fieldapp.domain import places_said
from fieldapp.domain.sentences import Sentence, sentence_or_none
from fieldapp.hub import server as service
from fieldapp.sync.client import push
from fieldapp.sync.exchange import export_bundle
from tests.helpers.cli import run
from tests.sync.hostile import forge

#: A village of 鸭池镇 (七星关区), and one of 梨树镇: neither listed in the hub's ledger.
UNLISTED = "520502100200"
ELSEWHERE = "520502101002"
YACHI = "七星关区鸭池镇"
LISHU = "七星关区梨树镇"
#: The village of 梨树镇 a held change sets, as the hub's reason says it (所在区域为“七星关区
#: 梨树镇” beside a reason of “…梨树镇的一个村” read as if the township itself were meant).
LISHU_VILLAGE = "七星关区梨树镇的一个村"


@pytest.mark.parametrize("backend", ["sqlite"])
def test_areas_the_hub_does_not_list_are_named_in_its_lists(server, hub, make_device, capsys):
    village = make_device("鸭池村", UNLISTED)
    forge(village, "households", "h-away", {"area_code": ELSEWHERE, "address": "三组"})
    push(village, server.url)
    (held,) = hub.rejected()
    assert hub.ledger.get("areas", UNLISTED) is None  # the hub's ledger does not list it

    (device,) = [d for d in hub.status() if d["device"] == "鸭池村"]
    assert (device["area"], device["area_name"]) == (UNLISTED, YACHI)

    (item,) = service.held_items(hub, [held])
    assert item["village"] == YACHI, item
    assert f"所在区域为“{LISHU_VILLAGE}”" in item["content"], item["content"]
    assert f"所在区域为“{LISHU_VILLAGE}”" in item["description"]
    assert LISHU_VILLAGE in held.reason, held.reason  # one way to name a place
    # The county desktop's pieces say it the same.
    (field,) = [f for f in item["content_said"]["fields"] if f[0] == "area_code"]
    assert field[2] == LISHU_VILLAGE, item["content_said"]
    # ... and as its sentence apart (the English window's words around the name), through
    # JSON as a desktop reads it.
    sent = json.loads(json.dumps(item["content_said"]))["values_said"]
    assert list(sent) == ["area_code"], sent
    place = sentence_or_none(sent["area_code"])
    assert place == Sentence(places_said._BELOW[12], (LISHU,)), sent
    assert str(place) == LISHU_VILLAGE

    code, out, err = run(capsys, "hub", "rejected", "--dir", hub.root)
    assert code == 0, err
    assert f"所在区域为“{LISHU_VILLAGE}”" in out and f"{ELSEWHERE}" not in out, out
    code, out, err = run(capsys, "hub", "devices", "--dir", hub.root)
    assert code == 0, err
    (line,) = [x for x in out.splitlines() if x.startswith("鸭池村")]
    assert f"{YACHI}（{UNLISTED}）" in line, line
    code, out, err = run(capsys, "hub", "devices", "--dir", hub.root, "--json")
    assert code == 0, err
    (said,) = [d for d in json.loads(out) if d["device"] == "鸭池村"]
    assert said["area_name"] == YACHI


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_code_nothing_is_known_of_still_names_nothing(hub):
    from functools import partial

    from fieldapp.domain.places_said import PlaceWording, say_place
    from fieldapp.reference import divisions
    from fieldapp.store.queries.areas import listed_places

    names = partial(
        say_place, table=divisions(), listed=listed_places(hub.ledger), wording=PlaceWording.SHORT
    )
    assert names("999999999999") == ""  # nothing known of it: the caller shows the code
    assert names("520502") == "七星关区" and names("440306") == "广东省深圳市宝安区"


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_place_the_hub_lists_or_names_whole_is_no_sentence(hub, make_device, tmp_path):
    """A place said by its own name (the hub's ledger lists it, or the tables name it whole)
    is a name in every language: no sentence is sent for it."""
    village = make_device("鸭池村", UNLISTED)
    forge(village, "households", "h-away", {"area_code": "520502", "address": "三组"})
    hub.import_file(export_bundle(village, tmp_path / "up.fieldsync").path)
    items = service.held_items(hub, hub.rejected())
    (item,) = [i for i in items if i["content_said"]["table"] == "households"]
    (field,) = [f for f in item["content_said"]["fields"] if f[0] == "area_code"]
    assert field[2] == "七星关区", item["content_said"]
    assert item["content_said"]["values_said"] == {}, item["content_said"]
