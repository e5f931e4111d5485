"""A control character in a text value (NUL, ESC …) no program or sheet writes — a sheet's
import refuses them (`tabular.person_row`). A tampered (or broken) program's 备注 with a NUL
in it landed on a SQLite hub and went on to every laptop of the village, and on a PostgreSQL
hub stopped the sender's whole bundle (数据包内容不合格：UntranslatableCharacter), its honest
changes with it, at every upload after. Now held as malformed on both stores, said with the
character written out (\\u0000), the bundle's honest change lands; the write door refuses it.
Line breaks and tabs stay free text's."""

from __future__ import annotations

import pytest

from fieldapp.domain.models import Person
from fieldapp.services.actor import actor_of
from fieldapp.services.trust_check import TrustRefused
from fieldapp.services.writer import writing
from fieldapp.sync.exchange import export_bundle
from tests.sync.helpers import VILLAGE, add_family
from tests.sync.hostile import forge


def test_a_control_character_is_held_and_the_bundle_lands_on_both_stores(
    tmp_path, hub, make_device
):
    village = make_device("红星村", VILLAGE)
    home, (mine,) = add_family(village, VILLAGE, ["101"])
    hub.import_file(export_bundle(village, tmp_path / "a.fs").path)
    forged = [
        forge(village, "persons", mine, {"notes": "a\x00b"}),
        forge(village, "households", home, {"address": "一组\x1b[2J"}),
    ]
    village.update("persons", mine, {"phone": "13911112222", "notes": "第一行\n第二行\t完"})
    hub.import_file(export_bundle(village, tmp_path / "b.fs").path)
    held = {h.change_id: (h.rule, h.reason) for h in hub.rejected()}
    assert {held[c.id][0] for c in forged} == {"malformed"}, held
    assert "\\u0000" in held[forged[0].id][1] and "\x00" not in held[forged[0].id][1]
    person = hub.ledger.get("persons", mine)
    assert person["phone"] == "13911112222" and person["notes"] == "第一行\n第二行\t完"


def test_the_write_door_refuses_a_control_character(tmp_path, make_device):
    village = make_device("红星村", VILLAGE)
    _, (mine,) = add_family(village, VILLAGE, ["101"])
    with pytest.raises(TrustRefused) as refused, writing(village, actor_of(village)) as w:
        w.update(Person, mine, {"notes": "a\x00b"})
    assert refused.value.rule == "malformed", str(refused.value)
    with writing(village, actor_of(village)) as w:
        w.update(Person, mine, {"notes": "第一行\n第二行\t完"})


@pytest.mark.parametrize(
    ("table", "row_id", "author"),
    [
        ("visits", "v\x00x", None),
        ("visits", "v\x1b[2Jx", None),
        ("visits", "v\x9b2Jx", None),  # C1: U+009B is ESC[ to some terminals
        ("visits", "v\x85x", None),
        ("visits", "v\nx", None),  # free text's line break, never an id's
        ("persons", None, "张\x00三@红星村"),
    ],
)
def test_a_control_character_in_a_row_id_or_a_nul_in_an_author_refuses_the_bundle(
    tmp_path, hub, make_device, table, row_id, author
):
    """A row id, or an author, is no value to hold: the held change keeps them as they are,
    and PostgreSQL keeps no NUL (DataError, UntranslatableCharacter) — the sender's whole
    bundle stopped there as a fault, while a SQLite hub took a visit whose id holds a NUL. No
    program makes such an id or name: the bundle is refused as not well formed, on both stores
    alike, saying which change, and nothing of it is written."""
    from fieldapp.sync.errors import BundleRefused

    village = make_device("红星村", VILLAGE)
    home, (mine,) = add_family(village, VILLAGE, ["101"])
    hub.import_file(export_bundle(village, tmp_path / "a.fs").path)
    if row_id is not None:
        forge(village, table, row_id, {"household_id": home, "visit_date": "2026-11-01"})
    else:
        forge(village, table, mine, {"notes": "x"}, author=author)
    village.update("persons", mine, {"phone": "13911112222"})
    with pytest.raises(BundleRefused) as refused:
        hub.import_file(export_bundle(village, tmp_path / "b.fs").path)
    assert refused.value.code == "invalid", str(refused.value)
    assert "row_id" in str(refused.value) or "author" in str(refused.value), str(refused.value)
    assert hub.ledger.get("persons", mine)["phone"] != "13911112222"


def test_a_c1_control_character_is_held_at_the_hub_and_refused_at_the_write_door(
    tmp_path, hub, make_device
):
    """The C1 controls (U+0080–U+009F) no program or sheet writes either — the sheet's import
    refuses them — and U+009B acts as ESC[ on some terminals: a hostile device's 备注 with
    "\\x9b2J" was stored at the hub and sent to every laptop of the village. Now held as
    malformed on both stores, the character written out; the bundle's honest change lands;
    the device's own write door refuses it. A row already stored with one is not re-judged:
    an edit of its other fields goes through."""
    village = make_device("红星村", VILLAGE)
    home, (mine,) = add_family(village, VILLAGE, ["101"])
    hub.import_file(export_bundle(village, tmp_path / "a.fs").path)
    forged = [
        forge(village, "persons", mine, {"notes": "看\x9b2J"}),
        forge(village, "households", home, {"address": "一组\x85二组"}),
    ]
    village.update("persons", mine, {"phone": "13911112222"})
    hub.import_file(export_bundle(village, tmp_path / "b.fs").path)
    held = {h.change_id: (h.rule, h.reason) for h in hub.rejected()}
    assert {held[c.id][0] for c in forged} == {"malformed"}, held
    assert "\\u009b" in held[forged[0].id][1] and "\x9b" not in held[forged[0].id][1]
    person = hub.ledger.get("persons", mine)
    assert person["phone"] == "13911112222" and "\x9b" not in (person["notes"] or "")
    assert "\x85" not in hub.ledger.get("households", home)["address"]
    with pytest.raises(TrustRefused) as refused, writing(village, actor_of(village)) as w:
        w.update(Person, mine, {"notes": "a\x9fb"})
    assert refused.value.rule == "malformed", str(refused.value)
    # The device kept its forged 备注 (a row stored before): editing its phone still works.
    assert village.get("persons", mine)["notes"] == "看\x9b2J"
    with writing(village, actor_of(village)) as w:
        w.update(Person, mine, {"phone": "13933334444"})
    assert village.get("persons", mine)["phone"] == "13933334444"
