"""The store's area condition on a hub's ledger on PostgreSQL: with no area given, `within_area`
said the condition SQLite reads as true, a bare `1`, which PostgreSQL refuses in a WHERE
('argument of AND must be type boolean, not type integer'): the 已删除人员 list and every
other query over "the whole ledger" failed on a PostgreSQL hub."""

from __future__ import annotations

from fieldapp.hub.folder import Hub
from fieldapp.store.queries.areas import area_parts
from fieldapp.store.queries.paper import has_households_in, households_in
from fieldapp.store.queries.persons import deleted_persons
from fieldapp.store.queries.sheets import count_persons
from tests.conftest import make_id

VILLAGE = "520304101001"
OTHER = "520304102003"


def test_the_whole_ledger_and_an_area_are_read_alike_on_both_backends(hub: Hub) -> None:
    ledger = hub.ledger
    with ledger.transaction():
        for n, area in enumerate((VILLAGE, OTHER)):
            ledger.insert("households", {"area_code": area, "household_no": f"{n}"}, f"h{n}")
            for k in range(2):
                ledger.insert(
                    "persons",
                    {"name": f"王{n}{k}", "id_number": make_id(seq=f"{n}{k}0")}
                    | {"household_id": f"h{n}"},
                    f"p{n}{k}",
                )
        ledger.delete("persons", "p00")
        ledger.delete("persons", "p10")
    assert sorted(r.id for r in deleted_persons(ledger)) == ["p00", "p10"]
    assert [r.id for r in deleted_persons(ledger, VILLAGE)] == ["p00"]
    assert area_parts(ledger) == [(VILLAGE, 1), (OTHER, 1)]
    assert area_parts(ledger, VILLAGE[:9]) == [(VILLAGE, 1)]
    assert count_persons(ledger) == 2 and count_persons(ledger, VILLAGE) == 1
    assert has_households_in(ledger, "") and has_households_in(ledger, VILLAGE[:6])
    assert [h["id"] for h in households_in(ledger, [VILLAGE], "")] == ["h0", "h1"]


def test_households_in_no_areas_are_none_on_both_backends(hub: Hub) -> None:
    """`households_in` with no area codes wrote `area_code IN ()`: PostgreSQL refuses it (a
    syntax error), and SQLite read it as false, OR the condition of the area given — with none
    given, 1 = 1, every household of the ledger. No codes now mean no households, unasked."""
    ledger = hub.ledger
    with ledger.transaction():
        for n, area in enumerate((VILLAGE, OTHER)):
            ledger.insert("households", {"area_code": area, "household_no": f"{n}"}, f"h{n}")
    assert households_in(ledger, [], "") == []
    assert households_in(ledger, [], VILLAGE) == []
    assert [h["id"] for h in households_in(ledger, [OTHER], VILLAGE)] == ["h0", "h1"]


def test_the_deleted_persons_list_the_latest_deletion_first(hub: Hub) -> None:
    """已删除人员 lists the latest deletion first: it was ordered by updated_at as text, to the
    second, so two people deleted in the same second (a household's members, one after the
    other) came in no set order — here the first deleted first. Now by the deleting change's
    key (`_ukey`), as the store orders changes."""
    ledger = hub.ledger
    with ledger.transaction():
        ledger.insert("households", {"area_code": VILLAGE, "household_no": "1"}, "h")
        for k in range(4):
            fields = {"name": f"王{k}", "id_number": make_id(seq=f"{k}00"), "household_id": "h"}
            ledger.insert("persons", fields, f"p{k}")
    for k in (2, 0, 3, 1):
        ledger.delete("persons", f"p{k}")
    assert [r.id for r in deleted_persons(ledger)] == ["p1", "p3", "p0", "p2"]
    assert [r.id for r in deleted_persons(ledger, VILLAGE)] == ["p1", "p3", "p0", "p2"]
