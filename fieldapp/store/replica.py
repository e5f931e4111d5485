"""Change-log queries sync needs: version vectors, stored copies of incoming changes, rows a
hub sent a device, merged-data checks. What a hub owes one device is `answers`."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import sqlite_utils

from fieldapp.store.changelog import CHANGE_COLUMNS, Change
from fieldapp.store.dump import synced_tables


def vector(db: sqlite_utils.Database) -> dict[str, int]:
    """Per origin device, the highest sequence number in the log: one index probe per origin
    (a skip scan), where a GROUP BY would read the whole log."""
    rows = db.execute(
        "WITH RECURSIVE origins(d) AS ("
        " SELECT min(device_id) FROM changes"
        " UNION ALL"
        " SELECT (SELECT min(device_id) FROM changes WHERE device_id > d) FROM origins"
        " WHERE d IS NOT NULL)"
        " SELECT d, (SELECT max(seq) FROM changes WHERE device_id = d) FROM origins"
        " WHERE d IS NOT NULL"
    ).fetchall()
    return {d: int(s) for d, s in rows}


def max_seq(db: sqlite_utils.Database, device_id: str) -> int:
    """The highest sequence number of one origin device (0 when none)."""
    row = db.execute("SELECT max(seq) FROM changes WHERE device_id = ?", [device_id]).fetchone()
    return int(row[0] or 0)


def rows_after(db: sqlite_utils.Database, device_id: str, after_seq: int) -> list[tuple[Any, ...]]:
    """Stored log rows of one origin device with seq > after_seq, in order."""
    rows = db.execute(
        f"SELECT {CHANGE_COLUMNS} FROM changes WHERE device_id = ? AND seq > ? ORDER BY seq",
        [device_id, after_seq],
    ).fetchall()
    return [tuple(r) for r in rows]


def conflict_count(db: sqlite_utils.Database) -> int:
    """How many fields are in conflict now."""
    return int(db.execute("SELECT count(*) FROM conflicts").fetchone()[0])


def stored_rows(db: sqlite_utils.Database, changes: Sequence[Change]) -> dict[str, tuple[Any, ...]]:
    """The log rows already stored under the ids of `changes` (one range scan per device)."""
    by_device: dict[str, set[int]] = {}
    for change in changes:
        by_device.setdefault(change.device_id, set()).add(change.seq)
    found: dict[str, tuple[Any, ...]] = {}
    for device, seqs in by_device.items():
        rows = db.execute(
            f"SELECT {CHANGE_COLUMNS} FROM changes WHERE device_id = ? AND seq BETWEEN ? AND ?",
            [device, min(seqs), max(seqs)],
        ).fetchall()
        found.update({f"{r[0]}:{r[1]}": tuple(r) for r in rows if r[1] in seqs})
    return found


def data_columns(db: sqlite_utils.Database) -> dict[str, set[str]]:
    """Synced table → the fields a change may set in it."""
    from fieldapp.store.projector import Projector

    projector = Projector(db)
    return {t: set(projector.data_fields(t)) for t in synced_tables(db)}


# -- what a hub owes one device: see fieldapp.store.answers ---------------------------------


def sent_rows(db: sqlite_utils.Database, peer: str) -> dict[str, int]:
    """Rows a device has been sent in full → the serial of the first bundle holding them."""
    rows = db.execute(
        "SELECT row_id, first_serial FROM sync_sent_rows WHERE peer = ?", [peer]
    ).fetchall()
    return {r: int(s) for r, s in rows}


def duplicate_id_numbers(db: sqlite_utils.Database) -> list[tuple[str, list[str]]]:
    """ID numbers held by more than one live person: (number, person ids)."""
    rows = db.execute(
        "SELECT id_number, group_concat(id) FROM persons WHERE deleted = 0 AND id_number != '' "
        "GROUP BY id_number HAVING count(*) > 1 ORDER BY id_number"
    ).fetchall()
    return [(n, sorted(ids.split(","))) for n, ids in rows]


def shared_row_ids(db: sqlite_utils.Database) -> list[tuple[str, str, list[str]]]:
    """Row ids the log holds changes of under more than one table, as (row id, table, the
    change-log ids that wrote it there), in a fixed order: one id naming two rows, which an
    answer (read by row id) sends together to every device holding either. A hub has taken no
    such change since `trust.row_id_taken`; one it took before stays until the county acts."""
    rows = db.execute(
        "SELECT row_id, tbl, device_id FROM changes WHERE row_id IN ("
        "SELECT row_id FROM changes GROUP BY row_id HAVING count(DISTINCT tbl) > 1) "
        "GROUP BY row_id, tbl, device_id ORDER BY row_id, tbl, device_id"
    ).fetchall()
    found: dict[tuple[str, str], list[str]] = {}
    for row_id, table, origin in rows:
        found.setdefault((str(row_id), str(table)), []).append(str(origin))
    return [(row, table, origins) for (row, table), origins in found.items()]


def odd_stamps(db: sqlite_utils.Database) -> list[tuple[str, str, str]]:
    """Logged changes whose stamp holds anything but ASCII digits and dashes, as (origin,
    table, row id), in a fixed order: full-width or Arabic-Indic digits a hub took before it
    checked them (commit 1bcf59f3), which as text sort above every stamp a clock writes.
    `trim` strips the allowed characters from both ends; anything left is another one."""
    rows = db.execute(
        "SELECT device_id, tbl, row_id FROM changes WHERE trim(hlc, '0123456789-') != '' "
        "ORDER BY device_id, seq"
    ).fetchall()
    return [(str(o), str(t), str(r)) for o, t, r in rows]


def conflict_keys(db: sqlite_utils.Database) -> list[tuple[str, str, str]]:
    """Every open conflict as (table, row id, field), in a fixed order."""
    rows = db.execute("SELECT tbl, row_id, field FROM conflicts ORDER BY tbl, row_id, field")
    return [tuple(r) for r in rows.fetchall()]


def conflict_key_id(table: str, row_id: str, field: str) -> str:
    """A short stable id of a conflict (the same on every replica): its cell's, hashed."""
    return hashlib.sha1(f"{table}/{row_id}/{field}".encode()).hexdigest()[:10]


def conflict_ids(db: sqlite_utils.Database) -> list[str]:
    """The id of every open conflict (`conflict_key_id`), its keys only read."""
    return [conflict_key_id(*key) for key in conflict_keys(db)]


def conflict_keys_between(
    db: sqlite_utils.Database, low: str, high: str
) -> list[tuple[str, str, str]]:
    """The open conflicts whose id is in [low, high) (those a typed number starts:
    `domain.conflict_numbers.number_range`), as (table, row id, field). The id is not a
    column (the cell's hash, the same everywhere, no migration): the three keys of each are
    read and hashed — no row, change or value read but those that match."""
    return [key for key in conflict_keys(db) if low <= conflict_key_id(*key) < high]


def column_type(db: sqlite_utils.Database, table: str, column: str) -> str:
    """The declared type of a column (TEXT, INTEGER, REAL …)."""
    for info in db[table].columns:
        if info.name == column:
            return str(info.type).upper()
    raise KeyError(f"{table}.{column}")
