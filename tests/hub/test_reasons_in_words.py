"""Every refusal a coordinator or the county clerk reads names places in words: the write door
said 这条户属于区域 520502101002，不在鸭池村（村/安置点专员，区域 520502100200）负责的范围内
when the ledger did not list the areas, and the hub's held change said the same."""

from __future__ import annotations

from typing import Any

import pytest

from fieldapp.domain.models import Area, Household
from fieldapp.services import trust
from fieldapp.services.trust_check import TrustRefused
from fieldapp.sync.client import push
from tests.records import Records
from tests.sync.hostile import forge

#: A village of 鸭池镇 (七星关区), and one of 梨树镇: neither listed in the ledgers.
UNLISTED = "520502100200"
ELSEWHERE = "520502101002"
YACHI = "鸭池镇"
LISHU = "梨树镇"


def _codeless(text: str) -> None:
    for code in (UNLISTED, ELSEWHERE, UNLISTED[:9], ELSEWHERE[:9], "520502"):
        assert code not in text, text


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_write_door_names_unlisted_places_in_words(hub: Any, make_device: Any) -> None:
    village = make_device("鸭池村", UNLISTED)
    with pytest.raises(TrustRefused) as refused:
        with village.transaction():
            Records(village).save(Household(area_code=ELSEWHERE, address="三组"))
    said = str(refused.value)
    assert LISHU in said and YACHI in said and "负责的范围内" in said, said
    _codeless(said)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_new_area_outside_the_scope_is_refused_in_words(hub: Any, make_device: Any) -> None:
    village = make_device("鸭池村", UNLISTED)
    with pytest.raises(TrustRefused) as refused:
        with village.transaction():
            Records(village).ensure_area(Area(code=ELSEWHERE + "001", name="外组", kind="组"))
    said = str(refused.value)
    assert "外组" in said and LISHU in said and YACHI in said, said
    _codeless(said)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_held_changes_reason_at_the_hub_names_places_in_words(
    server: Any, hub: Any, make_device: Any
) -> None:
    village = make_device("鸭池村", UNLISTED)
    forge(village, "households", "h-away", {"area_code": ELSEWHERE, "address": "三组"})
    push(village, server.url)
    (held,) = hub.rejected()
    assert hub.ledger.get("areas", ELSEWHERE) is None
    assert LISHU in held.reason and YACHI in held.reason, held.reason
    _codeless(held.reason)


def test_a_place_nothing_is_known_of_is_said_so_without_its_digits() -> None:
    actor = trust.Actor(trust.Role.COORDINATOR, "999999999999", "某机")
    said = actor.describe()
    assert "999999999999" not in said and "某机" in said, said


def test_a_device_is_described_by_the_ledgers_places_before_the_division_table() -> None:
    """An actor whose area's own name is not given (`area_name`) but whose ledger lists the
    area says it as that ledger does (鸭池镇 石桥村), as its refusals name every other place
    (`place_part` with `Actor.places`): it had said the division table's 七星关区鸭池镇的一个村
    for a village its own ledger names."""
    from fieldapp.domain.areacode import AreaRow

    rows = {
        UNLISTED[:9]: AreaRow(UNLISTED[:9], YACHI, "乡镇", "520502"),
        UNLISTED: AreaRow(UNLISTED, "石桥村", "村", UNLISTED[:9]),
    }
    listed = trust.Actor(trust.Role.COORDINATOR, UNLISTED, "石桥村电脑", "", rows.get)
    assert listed.describe() == "石桥村电脑（村/安置点专员 · 鸭池镇 石桥村）", listed.describe()
    # Not listed there (nor named): the division table's words, as before.
    unknown = trust.Actor(trust.Role.COORDINATOR, UNLISTED, "石桥村电脑", "", {}.get)
    assert unknown.describe() == "石桥村电脑（村/安置点专员 · 七星关区鸭池镇的一个村）"
    # Its own name, where given, first (the window title's).
    named = trust.Actor(trust.Role.COORDINATOR, UNLISTED, "石桥村电脑", "石桥村", rows.get)
    assert named.describe() == "石桥村电脑（村/安置点专员 · 石桥村）"
