"""Changing many existing rows through the change log, a batch at a time.

A monthly update sheet changes a field or two of tens of thousands of rows. `Ledger.update`
takes about 0.35 ms a row, nearly all of it statements and the Python around them: the row is
read twice, and the log entry, the versions it supersedes, the conflict list and the row are
each a statement of their own. Here a batch costs one read of its rows; each update is decided
exactly as `Ledger.update` decides it (`Ledger.changed_fields`: which fields change, which
versions they supersede) and merged exactly as the projector merges a change into its row
(`Projector.merge`: heads, the shown value, conflicts, attribution, derived columns); then each
kind of statement runs once for the whole batch (`executemany`). The log entries, superseded
versions, conflicts and rows are those `Ledger.update` writes for the same updates in the same
order, byte for byte (tests/store/test_bulk_update.py compares them).

Only local updates are batched this way (no `seen`: the editor saw the current versions); a
row named twice is written in two batches, so its second update sees the first.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any

from fieldapp.store.changelog import CHANGE_COLUMNS, Change
from fieldapp.store.hlc import format_stamp, nth_stamp_parts
from fieldapp.store.projector import CONFLICT_SQL, Merge

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger

#: Rows read and written at a time.
BATCH = 5000
#: Hears each update before its batch is written: (row id, the row as it is or None, fields).
BeforeUpdate = Callable[[str, dict[str, Any] | None, Mapping[str, Any]], None]
#: Opened around a batch's `BeforeUpdate` calls, given the batch's updates (row id, fields):
#: nothing is written while it is open (the services' trust check judges the batch's rows
#: together then, where they lie read once for them all).
AroundBatch = Callable[[Sequence[tuple[str, Mapping[str, Any]]]], AbstractContextManager[None]]

_LOG = f"INSERT INTO changes ({CHANGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
_SUPERSEDED = "INSERT OR IGNORE INTO superseded VALUES (?, ?)"


def update_many(
    ledger: Ledger,
    table: str,
    updates: Sequence[tuple[str, Mapping[str, Any]]],
    before_each: BeforeUpdate | None = None,
    around_batch: AroundBatch | None = None,
) -> list[Change | None]:
    """See `Ledger.update_many` (call inside its transaction)."""
    if not ledger.in_transaction:
        raise RuntimeError("writes must run inside Ledger.transaction()")
    found: list[Change | None] = []
    for batch in _batches(updates):
        found += _update_batch(ledger, table, batch, before_each, around_batch)
    return found


def _batches(
    updates: Sequence[tuple[str, Mapping[str, Any]]],
) -> Iterator[Sequence[tuple[str, Mapping[str, Any]]]]:
    """Runs of at most `BATCH` updates naming each row once."""
    start, ids = 0, set[str]()
    for index, (row_id, _fields) in enumerate(updates):
        if row_id in ids or len(ids) == BATCH:
            yield updates[start:index]
            start, ids = index, set[str]()
        ids.add(row_id)
    if start < len(updates):
        yield updates[start:]


def _update_batch(
    ledger: Ledger,
    table: str,
    batch: Sequence[tuple[str, Mapping[str, Any]]],
    before_each: BeforeUpdate | None,
    around_batch: AroundBatch | None = None,
) -> list[Change | None]:
    conn = ledger.db.conn
    rows = _rows(ledger, table, [row_id for row_id, _ in batch])
    decided: list[tuple[str, dict[str, Any], dict[str, list[str]]] | None] = []
    # Every update of the batch heard, and decided, before anything of it is written.
    with around_batch(batch) if around_batch is not None else nullcontext():
        for row_id, fields in batch:
            row = rows.get(row_id)
            if before_each is not None:
                before_each(row_id, row, fields)
            if row is None:
                raise KeyError(f"{table}/{row_id}")
            data, parents = ledger.changed_fields(row, fields)
            decided.append((row_id, data, parents) if data else None)
    count = sum(1 for d in decided if d is not None)
    if not count:
        return [None] * len(batch)
    # The sequence numbers and clock stamps `Ledger.update` would take one by one.
    first = ledger.reserve_seqs(count)
    wall, counter = ledger.clock.reserve(count)
    found: list[Change | None] = []
    made = 0
    for item in decided:
        if item is None:
            found.append(None)
            continue
        row_id, data, parents = item
        stamp = format_stamp(*nth_stamp_parts(wall, counter, made))
        found.append(
            Change(
                ledger.device_id,
                first + made,
                stamp,
                ledger.recorded_author,
                table,
                row_id,
                data,
                parents or None,
            )
        )
        made += 1
    changes = [c for c in found if c is not None]
    conn.executemany(
        _SUPERSEDED,
        [
            (parent, field)
            for change in changes
            for field, ids in (change.parents or {}).items()
            for parent in ids
        ],
    )
    conn.executemany(_LOG, [c.as_row() for c in changes])
    dead = _superseded(conn, [c.id for c in changes])
    projector = ledger.projector
    merges = [projector.merge(rows[c.row_id], c, dead.get(c.id, set())) for c in changes]
    _write(conn, table, merges)
    return found


def _rows(ledger: Ledger, table: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The rows (deleted or not) by id, as `Projector.fetch_row` gives each."""
    cursor = ledger.db.conn.execute(
        f"SELECT * FROM [{table}] WHERE id IN (SELECT value FROM json_each(?))",
        [json.dumps(ids)],
    )
    names = [d[0] for d in cursor.description]
    return {row[0]: dict(zip(names, row, strict=True)) for row in cursor.fetchall()}


def _superseded(conn: Any, change_ids: list[str]) -> dict[str, set[str]]:
    """Per change id, the fields a later change has already seen (`Projector._superseded`)."""
    found: dict[str, set[str]] = {}
    rows = conn.execute(
        "SELECT change_id, field FROM superseded WHERE change_id IN "
        "(SELECT value FROM json_each(?))",
        [json.dumps(change_ids)],
    )
    for change_id, field in rows:
        found.setdefault(change_id, set()).add(field)
    return found


def _write(conn: Any, table: str, merges: list[Merge]) -> None:
    """The batch's conflicts and rows: each kind of statement once, for every row."""
    listed = _listed(
        conn,
        table,
        [m.change.row_id for m in merges if any(not c for _f, c in m.conflicts)],
    )
    record, clear = [], []
    for merge in merges:
        row_id = merge.change.row_id
        for field, conflicted in merge.conflicts:
            if conflicted:
                record.append((table, row_id, field))
            elif (row_id, field) in listed:  # clearing an unlisted field changes nothing
                clear.append((table, row_id, field))
    conn.executemany(CONFLICT_SQL[True], record)
    conn.executemany(CONFLICT_SQL[False], clear)
    by_statement: dict[str, list[list[Any]]] = {}
    for merge in merges:
        by_statement.setdefault(merge.update_sql, []).append(
            [*merge.updates.values(), merge.change.row_id]
        )
    for sql, params in by_statement.items():
        conn.executemany(sql, params)


def _listed(conn: Any, table: str, row_ids: list[str]) -> set[tuple[str, str]]:
    """The (row id, field) conflicts listed for these rows of the table: only the batch's rows,
    not every conflict the table has ever recorded (a hub's table holds many)."""
    if not row_ids:
        return set()
    rows = conn.execute(
        "SELECT row_id, field FROM conflicts WHERE tbl = ? AND row_id IN "
        "(SELECT value FROM json_each(?))",
        [table, json.dumps(row_ids)],
    )
    return {(row_id, field) for row_id, field in rows}
