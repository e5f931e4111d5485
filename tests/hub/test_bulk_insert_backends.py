"""`Ledger.insert_many` on a hub's ledger on PostgreSQL: the change log's JSON, which SQLite
writes with `json_object`, is written by PostgreSQL as the same canonical text (a translation
of `json_object`), so the rows and their log entries are those a SQLite hub writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fieldapp.hub.folder import Hub
from fieldapp.store.dump import canonical_dump
from fieldapp.store.hlc import HybridClock
from fieldapp.store.postgres import create_database
from tests.conftest import make_id
from tests.store.test_bulk_insert import SPELLS

#: A clock both hubs read the same: their stamps, and so their rows' times, are the same.
NOW_MS = 1_764_800_000_000


def _write(hub: Hub) -> None:
    ledger = hub.ledger
    ledger.clock = HybridClock(now_ms=lambda: NOW_MS)
    with ledger.transaction():
        people = [
            {"id": f"p{n}", "name": f"王{n}", "id_number": make_id(seq=f"{n:03d}"), "phone": "1"}
            for n in range(5)
        ]
        ledger.insert_many("persons", people)  # one value bound for the whole batch (phone)
        spells = [{**r, "id": f"s{n}", "person_id": "p0"} for n, r in enumerate(SPELLS)]
        ledger.insert_many("employment_spells", spells)  # staged (COPY) on PostgreSQL
        ledger.insert_many("employment_spells", [{**SPELLS[0], "id": "one"}])  # a batch of one
        # Floats among integers too big for a float: each row bound, one statement shape.
        ledger.insert_many(
            "employment_spells",
            [
                {"id": "big1", "monthly_income": 0.5, "employer": "甲"},
                {"id": "big2", "monthly_income": 2**53 + 1, "employer": None},
            ],
        )


def _picture(hub: Hub) -> dict[str, Any]:
    dump = canonical_dump(hub.ledger.db)
    own = hub.ledger.device_id
    tables = ("persons", "employment_spells")

    def plain(rows: list[Any]) -> list[str]:
        return sorted(repr(tuple(r)).replace(own, "hub") for r in rows)

    picture = {t: plain(dump[t]) for t in tables}
    picture["changes"] = plain([c for c in dump["changes"] if c[4] in tables])
    return picture


def test_bulk_rows_and_their_log_are_the_same_on_postgresql_as_on_sqlite(
    tmp_path: Path, postgres_admin: str
) -> None:
    lite = Hub.init(tmp_path / "lite")
    pg = Hub.init(tmp_path / "pg", store=create_database(postgres_admin, "bulk_insert_same"))
    try:
        for hub in (lite, pg):
            _write(hub)
        left, right = _picture(lite), _picture(pg)
        assert len(left["changes"]) == 5 + len(SPELLS) + 3
        for name in left:
            assert left[name] == right[name], name
        # The JSON on PostgreSQL is SQLite's canonical text, byte for byte.
        query = "SELECT row_id, data FROM changes WHERE tbl = 'employment_spells' ORDER BY seq"
        assert pg.ledger.db.execute(query).fetchall() == lite.ledger.db.execute(query).fetchall()
    finally:
        lite.close()
        pg.close()
