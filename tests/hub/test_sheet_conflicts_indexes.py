"""A hub's ledger has the kept conflicts' indexes of migration 46 too, on SQLite and on
PostgreSQL (one schema for every ledger), and the clearing's statements, whose condition is
the partial index's word for word, run on both: the translation writes the index's condition
and the query's alike."""

from __future__ import annotations

import datetime as dt

from fieldapp.domain.dates import CHINA, now_stamp
from fieldapp.store import sheet_conflicts as store
from fieldapp.store.postgres import PgDatabase, index_names
from fieldapp.store.sheet_conflicts import KeptConflict


def test_the_hub_has_the_indexes_and_clears_through_them(hub):
    db = hub.ledger.db
    assert {"idx_sheet_conflicts_status", "idx_sheet_conflicts_to_clear"} <= index_names(db)
    if isinstance(db, PgDatabase):  # the clearing's index is partial there too
        (made,) = db.raw.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'idx_sheet_conflicts_to_clear'"
        ).fetchone()
        assert "WHERE (((sheet_value)::jsonb ->> 'cleared_at'::text) IS NULL)" in made, made
    decided = (dt.datetime.now(CHINA) - dt.timedelta(days=40)).isoformat(timespec="seconds")
    before = (dt.datetime.now(CHINA) - dt.timedelta(days=30)).isoformat(timespec="seconds")
    kept = KeptConflict("c1", "村.xlsx", decided, "甲", "台账", 2, "张三", "5205", "persons",
                        "p1", "phone", "139", "138", "s", "乙")  # fmt: skip
    with hub.lock, hub.ledger.transaction():
        assert not store.any_to_clear(db, before)
        store.add(db, [kept], decided)
        assert store.close(db, "c1", store.LEDGER, decided, "甲", None)
        assert store.any_to_clear(db, before)
        assert store.clear_decided(db, before, now_stamp()) == 1
        assert not store.any_to_clear(db, before)
        assert store.clear_decided(db, before, now_stamp()) == 0
    cleared = store.one(db, "c1")
    assert cleared is not None and (cleared.name, cleared.id_number) == ("", "")
    assert cleared.status == store.LEDGER
