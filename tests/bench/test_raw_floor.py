"""The bench's raw floor stores exactly the ledger's rows, indexes and search indexes."""

from __future__ import annotations

import sys
from pathlib import Path

from fieldapp.demo.generator import build_demo
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.search import PersonSearch

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from raw_copy import raw_copy  # noqa: E402

TABLES = ("areas", "households", "persons", "person_categories", "employment_spells")


def _schema(db) -> list[tuple[str, str, str]]:
    return db.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 2"
    ).fetchall()


def test_raw_floor_ends_as_the_ledger_it_copied(tmp_path: Path):
    source = Ledger.open(tmp_path / "demo.db", author="bench")
    build_demo(source, 300, seed=3)
    rows, seconds = raw_copy(source, tmp_path / "raw.db", TABLES, with_log=True)
    assert seconds > 0
    raw = Ledger.open(tmp_path / "raw.db")
    expected = sum(source.db.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in TABLES)
    assert rows == expected
    for table in (*TABLES, "changes"):
        query = f"SELECT * FROM [{table}] ORDER BY 1, 2"
        assert raw.db.execute(query).fetchall() == source.db.execute(query).fetchall(), table
    assert _schema(raw.db) == _schema(source.db)  # indexes and triggers made again
    assert raw.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    for index in ("person_words", "person_digits"):
        raw.db.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
    name, number = source.db.execute("SELECT name, id_number FROM persons LIMIT 1").fetchone()
    for query in (name, number[-8:]):
        found = {h.id for h in PersonSearch(raw.db).search(query)}
        assert found == {h.id for h in PersonSearch(source.db).search(query)} != set()
