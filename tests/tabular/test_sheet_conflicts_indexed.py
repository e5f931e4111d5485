"""The kept conflicts are read by status through indexes (migration 46), and the days kept are
kept at opening too.

The conflicts page, the short numbers, an import's "is any open?" and the clearing of a
decided one's personal data after `KEPT_DAYS` each read `sheet_conflicts` by status or by
decision time; the table only grows (nothing deleted), so none of them may read it whole: each
statement they run is planned through an index (SQLite's EXPLAIN QUERY PLAN: no SCAN of the
table). The clearing's index holds only rows not yet cleared. Opening the ledger clears what
is due (one read when nothing is, nothing written), and never waits on another program's
write for it."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

from fieldapp.domain.dates import CHINA, now_stamp
from fieldapp.services.ledgers import open_ledger
from fieldapp.services.sheet_conflicts import (
    SheetSide,
    clear_at_open,
    clear_decided,
    decide,
    list_open,
    open_ids,
)
from fieldapp.services.writer import actor_of, writing
from fieldapp.store import sheet_conflicts as store
from fieldapp.store.connection import BUSY_TIMEOUT_MS
from fieldapp.store.ledger import Ledger
from fieldapp.store.sheet_conflicts import CLEARED
from tests.tabular.dated_family import HEAD, WIFE
from tests.tabular.test_sheet_conflicts_kept import _aged, _cleared, _kept, _row


def _traced(ledger: Ledger, run: Callable[[], object]) -> list[str]:
    """The statements on `sheet_conflicts` that `run` makes SQLite run (parameters inlined)."""
    statements: list[str] = []
    ledger.db.conn.set_trace_callback(statements.append)
    try:
        run()
    finally:
        ledger.db.conn.set_trace_callback(None)
    return [s for s in statements if "sheet_conflicts" in s and not s.startswith("EXPLAIN")]


def _plan(ledger: Ledger, statement: str) -> str:
    return " | ".join(str(r[3]) for r in ledger.db.execute(f"EXPLAIN QUERY PLAN {statement}"))


def _many_closed(ledger: Ledger, count: int) -> None:
    """`count` conflicts decided and cleared long ago (the years a device keeps), so a plan
    that reads the table whole would be the planner's worse choice, not its only one."""
    old = (dt.datetime.now(CHINA) - dt.timedelta(days=400)).isoformat(timespec="seconds")
    cleared = json.dumps({CLEARED: now_stamp()})
    ledger.db.conn.executemany(
        "INSERT INTO sheet_conflicts (id, file, imported_at, imported_by, sheet, sheet_row, "
        "name, id_number, tbl, row_id, field, sheet_value, ledger_value, ledger_stamp, "
        "ledger_author, status, decided_at, decided_by) "
        "VALUES (?, 'a.xlsx', ?, '甲', '台账', 2, '', '', 'persons', ?, 'phone', ?, ?, 's', '乙', "
        "'ledger', ?, '甲')",
        [(f"old{n:06d}", old, f"p{n}", cleared, cleared, old) for n in range(count)],
    )
    ledger.db.execute("ANALYZE")


def test_every_reading_by_status_is_planned_through_an_index(ledger, tmp_path):
    _kept(ledger, tmp_path)
    _many_closed(ledger, 2000)
    kept = {c.id_number: c for c in list_open(ledger)}
    decide(ledger, kept[HEAD], SheetSide.SHEET)
    _aged(ledger, kept[HEAD].conflict_id)
    later = dt.datetime.now(CHINA)

    def clearing() -> None:  # after the opening's (nothing left): the statement is planned
        with writing(ledger, actor_of(ledger)) as writer:
            clear_decided(writer, later)

    readings = {
        "page": lambda: list_open(ledger),
        "numbers": lambda: open_ids(ledger),
        "any open": lambda: store.add(ledger.db, [], now_stamp()),
        "due at opening": lambda: clear_at_open(ledger, later),  # clears the one due
        "clearing": clearing,
    }
    for name, run in readings.items():
        statements = _traced(ledger, run)
        assert statements, name
        for statement in statements:
            if statement.lstrip().upper().startswith("INSERT"):
                continue
            plan = _plan(ledger, statement)
            assert "SCAN sheet_conflicts" not in plan, (name, statement, plan)
            assert re.search(r"USING (COVERING )?INDEX idx_sheet_conflicts_", plan), (
                name,
                statement,
                plan,
            )
    assert _cleared(ledger, kept[HEAD].conflict_id)
    assert list_open(ledger) == [kept[WIFE]]  # the open one untouched


def test_a_cleared_row_leaves_the_clearings_index(ledger, tmp_path):
    """The clearing reads only rows still holding personal data: its index has the open and
    the uncleared ones, not the years of cleared ones."""
    _kept(ledger, tmp_path)
    _many_closed(ledger, 50)

    def indexed() -> int:
        return int(
            ledger.db.execute(
                "SELECT count(*) FROM sheet_conflicts INDEXED BY idx_sheet_conflicts_to_clear "
                "WHERE json_extract(sheet_value, '$.cleared_at') IS NULL"
            ).fetchone()[0]
        )

    assert indexed() == 2  # the two open ones
    kept = list_open(ledger)
    for conflict in kept:
        decide(ledger, conflict, SheetSide.LEDGER)
    for conflict in kept:
        _aged(ledger, conflict.conflict_id)
    assert indexed() == 2
    assert clear_at_open(ledger) == 2
    assert indexed() == 0
    assert all(_cleared(ledger, c.conflict_id) for c in kept)


def _aged_one(path: Path, tmp_path: Path) -> str:
    """A ledger file at `path` with one conflict decided longer ago than the days kept and one
    open; the decided one's id."""
    ledger = Ledger.open(path, author="测试员")
    try:
        _kept(ledger, tmp_path)
        kept = {c.id_number: c for c in list_open(ledger)}
        decide(ledger, kept[HEAD], SheetSide.SHEET)
        _aged(ledger, kept[HEAD].conflict_id)
        return kept[HEAD].conflict_id
    finally:
        ledger.close()


def test_opening_the_ledger_clears_what_is_due(tmp_path):
    path = tmp_path / "村.db"
    aged = _aged_one(path, tmp_path)
    ledger = open_ledger(path, author="测试员")
    try:
        assert _cleared(ledger, aged)
        assert _row(ledger, aged)["status"] == "sheet"  # the decision's record stays
        [still] = list_open(ledger)
        assert still.id_number == WIFE and not _cleared(ledger, still.conflict_id)
        # Opened again, nothing due: one read, nothing written.
        again = _traced(ledger, lambda: clear_at_open(ledger))
        assert len(again) == 1 and again[0].startswith("SELECT 1 FROM sheet_conflicts"), again
    finally:
        ledger.close()


def test_opening_does_not_wait_on_another_programs_write(tmp_path):
    """Another program holds the file for writing: the ledger opens at once, nothing cleared
    and nothing lost; the next open clears it."""
    path = tmp_path / "村.db"
    aged = _aged_one(path, tmp_path)
    other = Ledger.open(path, author="另一个程序")  # the other copy
    other.db.execute("BEGIN IMMEDIATE")  # its import holds the ledger's write
    try:
        started = dt.datetime.now()
        ledger = open_ledger(path, author="测试员")
        waited = (dt.datetime.now() - started).total_seconds()
        try:
            assert waited < 5, waited
            assert not _cleared(ledger, aged)
        finally:
            ledger.close()
    finally:
        other.db.execute("ROLLBACK")
        other.close()
    ledger = open_ledger(path, author="测试员")
    try:
        assert _cleared(ledger, aged)
        # A later write waits for another program's as long as before the opening.
        assert ledger.db.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS
    finally:
        ledger.close()


def test_opening_with_the_date_set_ahead_of_the_hubs_clears_nothing(tmp_path):
    """This laptop's date runs days ahead of the hub's (a signed answer told it): a date set
    ahead would clear what is still to be kept, so the opening clears nothing and opens all
    the same (`ClockWrong` is not raised to the clerk for housekeeping); the open conflict and
    the decided one's values stay."""
    from fieldapp.services import clock

    path = tmp_path / "村.db"
    aged = _aged_one(path, tmp_path)
    ledger = Ledger.open(path, author="测试员")
    behind = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)  # the hub's clock: 3 days behind
    clock.note(ledger, behind.isoformat(), fresh=True)
    assert clock.days_off(ledger) == 3
    ledger.close()
    ledger = open_ledger(path, author="测试员")
    try:
        assert clock.days_off(ledger) == 3
        assert not _cleared(ledger, aged)
        assert _row(ledger, aged)["status"] == "sheet"
        [still] = list_open(ledger)
        assert still.id_number == WIFE and not _cleared(ledger, still.conflict_id)
    finally:
        ledger.close()


def test_a_ledger_kept_before_the_migration_keeps_its_conflicts(tmp_path):
    """A ledger at version 45 with kept conflicts gets the indexes; nothing in it changes."""
    import sqlite_utils

    from fieldapp.store import migrations
    from fieldapp.store.migrations import m0046_sheet_conflicts_status as m0046

    path = tmp_path / "村.db"
    ledger = Ledger.open(path, author="测试员")
    _kept(ledger, tmp_path)
    rows = ledger.db.execute("SELECT * FROM sheet_conflicts ORDER BY id").fetchall()
    with ledger.transaction():
        for name in ("idx_sheet_conflicts_status", "idx_sheet_conflicts_to_clear"):
            ledger.db.execute(f"DROP INDEX {name}")
        ledger.db.execute("DELETE FROM _migrations WHERE version = ?", [m0046.VERSION])
    ledger.close()
    db = sqlite_utils.Database(path)
    assert migrations.migrate(db) == [m0046.VERSION]
    assert db.execute("SELECT * FROM sheet_conflicts ORDER BY id").fetchall() == rows
    assert {"idx_sheet_conflicts_status", "idx_sheet_conflicts_to_clear"} <= {
        str(r[0]) for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
    }
    db.close()


def test_deciding_many_clears_in_each_chunk_that_decides(ledger, tmp_path, monkeypatch):
    """`decide_many` clears in every transaction that decides one (an indexed statement, not
    a scan): one a chunk, none in a chunk whose conflicts were all no longer open."""
    from fieldapp.services import sheet_conflicts
    from fieldapp.services.sheet_conflicts import decide_many

    _kept(ledger, tmp_path)
    kept = list_open(ledger)
    decide(ledger, kept[0], SheetSide.LEDGER)  # no longer open: its chunk decides nothing
    _aged(ledger, kept[0].conflict_id)
    monkeypatch.setattr(sheet_conflicts, "CHUNK", 1)
    statements = _traced(ledger, lambda: decide_many(ledger, kept, SheetSide.LEDGER))
    assert sum(s.startswith("UPDATE sheet_conflicts SET name = ''") for s in statements) == 1
    assert _cleared(ledger, kept[0].conflict_id)
    assert list_open(ledger) == []
