"""A claim or batch looked up by its printed number (`ClaimQueries.by_number`) on a hub: the
count part of the number is found through an index of the creating key's count (the hub's
`hub_claims_number`, `hub_batches_number`), not by reading every claim's and batch's key
(`_ckey LIKE '%:count'`): accepting a held claim asks whether its number is taken, once per
accepted claim or batch, and at 20,000 claims that scan was half of each acceptance. The answers
are the ones the number means: the live rows whose creating key prints it."""

from __future__ import annotations

import re

import pytest

from fieldapp.domain.numbers import row_number
from fieldapp.store.hlc import format_stamp
from fieldapp.store.queries.claims import NUMBER_COUNT, ClaimQueries

#: Another device's change-log id, whose rows (kept by a county's acceptance) share counts.
OTHER = "0a1b2c3d4e5f6071"


def _rows(hub) -> dict[str, list[str]]:
    """Claims and batches of the hub's own, one deleted, and one kept from another device's
    change of the same count as one of the hub's: table → ids."""
    made: dict[str, list[str]] = {"claims": [], "batches": []}
    with hub.lock, hub.ledger.transaction():
        for n in range(6):
            made["claims"].append(hub.ledger.insert("claims", {"rule_id": "r", "state": "draft",
                                                               "limit_key": f"k{n}"}))  # fmt: skip
        made["batches"].append(hub.ledger.insert("batches", {"rule_id": "r", "title": "十二月"}))
        count = int(hub.ledger.get("claims", made["claims"][0])["_ckey"].rpartition(":")[2])
        kept = f"{format_stamp(1_790_000_000_000, 0)}/{OTHER}:{count}"
        made["claims"].append(hub.ledger.insert("claims", {"rule_id": "r", "held_key": kept}))
        hub.ledger.delete("claims", made["claims"][1])
    return made


def _meant(hub, table: str, number: str) -> list[str]:
    """The ids the number means: live rows whose creating key prints it (read row by row)."""
    rows = hub.ledger.db.execute(f"SELECT id, _ckey, deleted FROM {table} ORDER BY id").fetchall()
    return [str(i) for i, key, deleted in rows if not deleted and row_number(key) == number]


def test_a_number_finds_the_live_rows_it_names(hub):
    made = _rows(hub)
    queries = ClaimQueries(hub.ledger)
    numbers = {
        row_number(hub.ledger.get(table, i)["_ckey"]) for table, ids in made.items() for i in ids
    }
    first = row_number(hub.ledger.get("claims", made["claims"][0])["_ckey"])
    kept = row_number(hub.ledger.get("claims", made["claims"][-1])["_ckey"])
    assert first != kept and first.split("-")[1] == kept.split("-")[1]  # same count, two devices
    deleted = row_number(hub.ledger.get("claims", made["claims"][1])["_ckey"])
    for number in numbers:
        for table in ("claims", "batches"):
            assert queries.by_number(number, (table,)) == _meant(hub, table, number), number
        assert queries.by_number(number.lower()) == queries.by_number(number)
    assert queries.by_number(first) == [made["claims"][0]]
    assert queries.by_number(kept) == [made["claims"][-1]]
    assert queries.by_number(deleted) == []  # a deleted claim's number is free
    assert queries.by_number(f"{first.split('-')[0]}-999") == []


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_number_is_looked_up_through_the_hubs_index(hub):
    """Every statement `by_number` runs on a hub searches an index for the count."""
    made = _rows(hub)
    number = row_number(hub.ledger.get("batches", made["batches"][0])["_ckey"])
    asked: list[str] = []
    hub.ledger.db.conn.set_trace_callback(asked.append)
    try:
        found = ClaimQueries(hub.ledger).by_number(number)
    finally:
        hub.ledger.db.conn.set_trace_callback(None)
    assert found == made["batches"]
    statements = [s for s in asked if s.lstrip().startswith("SELECT")]
    assert len(statements) == 2, asked  # claims, then batches
    for statement in statements:
        plan = " ".join(r[3] for r in hub.ledger.db.execute(f"EXPLAIN QUERY PLAN {statement}"))
        assert re.search(r"SEARCH (claims|batches) USING INDEX hub_\w+_number", plan), plan


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_postgresql_hub_can_look_a_number_up_through_its_index(hub):
    """The count as `by_number` writes it, translated, is the indexed expression (PostgreSQL
    reads a small table whole; told not to, it reads the index)."""
    _rows(hub)
    db = hub.ledger.db
    db.execute("SET enable_seqscan = off")
    try:
        for table in ("claims", "batches"):
            plan = " ".join(
                str(r[0])
                for r in db.execute(
                    f"EXPLAIN SELECT id, _ckey FROM {table} WHERE deleted = 0 "
                    f"AND {NUMBER_COUNT} = ? ORDER BY id",
                    ["1"],
                )
            )
            assert f"hub_{table}_number" in plan, plan
    finally:
        db.execute("RESET enable_seqscan")
