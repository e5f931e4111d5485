"""Hostile text through `Ledger.insert_many` on SQLite and PostgreSQL: values are bound, never
spliced into the translated SQL, so quotes, brackets, commas, a `json_object(` text or escapes
are stored and logged as given, and the log's JSON is the canonical text (`changelog.dumps`)
byte for byte on both stores."""

from __future__ import annotations

import json
from pathlib import Path

from fieldapp.hub.folder import Hub
from fieldapp.store.changelog import dumps
from fieldapp.store.hlc import HybridClock
from fieldapp.store.postgres import create_database
from tests.hub.test_bulk_insert_backends import NOW_MS

HOSTILE = [
    "王'); DROP TABLE persons; --",
    "json_object('name', 1), json('x') || '",
    "a,b) , json(",
    "''''",
    '"},"deleted":true,"x":{"',
    "\\u0022\\\\",
    "tab\there\nline\r\x08\x0c\x01\x1f\x7f",
    "\u2028\u2029\ufeff\u200b",
    "𠀀😀",
    "CAST(x AS INTEGER)",
    "max(a, b)",
    "printf('%013d-%04d', 1, 2)",
    "datetime('now')",
    "IN _temp",
    ":p0 {id} {{x}} ? %s %(x)s",
]


def _write(hub: Hub) -> None:
    ledger = hub.ledger
    ledger.clock = HybridClock(now_ms=lambda: NOW_MS)
    with ledger.transaction():
        ledger.insert_many(
            "employment_spells",
            [
                {"id": f"s{n}", "employer": text, "employer_kind": text}
                for n, text in enumerate(HOSTILE)
            ],
        )
        ledger.insert_many("employment_spells", [{"id": "one", "employer": HOSTILE[0]}])


def test_hostile_text_is_stored_and_logged_as_given_on_both_stores(
    tmp_path: Path, postgres_admin: str
) -> None:
    lite = Hub.init(tmp_path / "lite")
    pg = Hub.init(tmp_path / "pg", store=create_database(postgres_admin, "bulk_hostile_text"))
    try:
        query = "SELECT row_id, data FROM changes WHERE tbl = 'employment_spells' ORDER BY seq"
        for hub in (lite, pg):
            _write(hub)
            logged = hub.ledger.db.execute(query).fetchall()
            assert len(logged) == len(HOSTILE) + 1
            for row_id, data in logged:
                parsed = json.loads(data)
                assert data == dumps(parsed)  # canonical, byte for byte
                n = None if row_id == "one" else int(row_id[1:])
                assert parsed["employer"] == (HOSTILE[0] if n is None else HOSTILE[n])
                stored = hub.ledger.get("employment_spells", row_id)
                assert stored is not None and stored["employer"] == parsed["employer"]
            assert hub.ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0] == 0
        assert pg.ledger.db.execute(query).fetchall() == lite.ledger.db.execute(query).fetchall()
    finally:
        lite.close()
        pg.close()
