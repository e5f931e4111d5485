"""Change-log queries sync needs: version vectors, stored copies of incoming changes, and the
rows (and their changes) a hub owes one device's area.

Kept in the store layer so a PostgreSQL backend for the hub can replace this module's SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import sqlite_utils

from fieldapp.store.changelog import CHANGE_COLUMNS, Change
from fieldapp.store.dump import synced_tables
from fieldapp.store.filters import within_area


def vector(db: sqlite_utils.Database) -> dict[str, int]:
    """Per origin device, the highest sequence number in the log."""
    rows = db.execute("SELECT device_id, max(seq) FROM changes GROUP BY device_id").fetchall()
    return {d: int(s) for d, s in rows}


def max_seq(db: sqlite_utils.Database, device_id: str) -> int:
    """The highest sequence number of one origin device (0 when none)."""
    row = db.execute("SELECT max(seq) FROM changes WHERE device_id = ?", [device_id]).fetchone()
    return int(row[0] or 0)


def rows_after(db: sqlite_utils.Database, device_id: str, after_seq: int) -> list[tuple]:
    """Stored log rows of one origin device with seq > after_seq, in order."""
    rows = db.execute(
        f"SELECT {CHANGE_COLUMNS} FROM changes WHERE device_id = ? AND seq > ? ORDER BY seq",
        [device_id, after_seq],
    ).fetchall()
    return [tuple(r) for r in rows]


def conflict_count(db: sqlite_utils.Database) -> int:
    """How many fields are in conflict now."""
    return int(db.execute("SELECT count(*) FROM conflicts").fetchone()[0])


def stored_rows(db: sqlite_utils.Database, changes: Sequence[Change]) -> dict[str, tuple]:
    """The log rows already stored under the ids of `changes` (one range scan per device)."""
    by_device: dict[str, set[int]] = {}
    for change in changes:
        by_device.setdefault(change.device_id, set()).add(change.seq)
    found: dict[str, tuple] = {}
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


# -- what a hub owes one device ------------------------------------------------------------


def area_codes(db: sqlite_utils.Database, root: str) -> set[str]:
    """The area code and every code below it (by the area tree and by code prefix)."""
    codes = {root}
    frontier = [root]
    while frontier:
        marks = ",".join("?" * len(frontier))
        rows = db.execute(
            f"SELECT code FROM areas WHERE parent_code IN ({marks})", frontier
        ).fetchall()
        frontier = [r[0] for r in rows if r[0] and r[0] not in codes]
        codes.update(frontier)
    in_codes, params = within_area("code", root)
    in_households, household_params = within_area("area_code", root)
    prefixed = db.execute(
        f"SELECT code FROM areas WHERE {in_codes} UNION "
        f"SELECT DISTINCT area_code FROM households WHERE {in_households}",
        [*params, *household_params],
    ).fetchall()
    codes.update(r[0] for r in prefixed if r[0])
    return codes


def _fill(db: sqlite_utils.Database, table: str, values: Iterable[str]) -> None:
    db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} (v TEXT PRIMARY KEY) WITHOUT ROWID")
    db.execute(f"DELETE FROM {table}")
    db.conn.executemany(f"INSERT OR IGNORE INTO {table} VALUES (?)", [(v,) for v in values])


def _ids(db: sqlite_utils.Database, sql: str, params: Sequence[object] = ()) -> set[str]:
    return {r[0] for r in db.execute(sql, list(params)).fetchall() if r[0]}


def relevant_rows(db: sqlite_utils.Database, area: str, already: Iterable[str]) -> set[str]:
    """Row ids a device of `area` must hold: its area's households, the people who live or
    ever lived in them, everything hanging off those, every area row, and `already` (rows it
    was sent before: a person who moved away stays on the device that knew them)."""
    _fill(db, "temp._codes", area_codes(db, area))
    households = _ids(db, "SELECT id FROM households WHERE area_code IN temp._codes")
    households |= _ids(
        db,
        "SELECT DISTINCT row_id FROM changes WHERE tbl = 'households' "
        "AND json_extract(data, '$.area_code') IN temp._codes",
    )
    _fill(db, "temp._households", households)
    persons = _ids(db, "SELECT id FROM persons WHERE household_id IN temp._households")
    persons |= _ids(
        db,
        "SELECT DISTINCT row_id FROM changes WHERE tbl = 'persons' "
        "AND json_extract(data, '$.household_id') IN temp._households",
    )
    already = set(already)
    _fill(db, "temp._sent", already)
    persons |= _ids(db, "SELECT id FROM persons WHERE id IN temp._sent")
    households |= _ids(db, "SELECT id FROM households WHERE id IN temp._sent")
    _fill(db, "temp._persons", persons)
    _fill(db, "temp._households", households)
    rows = households | persons | already
    rows |= _ids(db, "SELECT id FROM areas")
    for table in synced_tables(db):
        if table in {"areas", "households", "persons"}:
            continue
        columns = {c.name for c in db[table].columns}
        links = []
        if "person_id" in columns:
            links.append("person_id IN temp._persons")
        if "household_id" in columns:
            links.append("household_id IN temp._households")
        if "area_code" in columns:
            links.append("area_code IN temp._codes")
        if links:
            rows |= _ids(db, f"SELECT id FROM [{table}] WHERE {' OR '.join(links)}")
    _fill(db, "temp._rows", rows)
    # Rows hanging off rows already chosen (a claim's events hang off the claim).
    for table in synced_tables(db):
        columns = {c.name for c in db[table].columns}
        for column in sorted(c for c in columns if c.endswith("_id") and c != "id"):
            if column in {"person_id", "household_id", "head_person_id"}:
                continue
            rows |= _ids(db, f"SELECT id FROM [{table}] WHERE [{column}] IN temp._rows")
    return rows


def changes_for_rows(
    db: sqlite_utils.Database,
    rows: Iterable[str],
    full: Iterable[str],
    acked: dict[str, int],
    exclude_origins: Iterable[str],
) -> list[tuple]:
    """Changes of `rows`: all of them for rows in `full`, else those past the `acked` vector;
    never those written under `exclude_origins` (the device's own). Ordered by origin, seq."""
    _fill(db, "temp._rows", rows)
    _fill(db, "temp._full", full)
    _fill(db, "temp._mine", exclude_origins)
    db.execute(
        "CREATE TEMP TABLE IF NOT EXISTS _acked (device_id TEXT PRIMARY KEY, seq INTEGER) "
        "WITHOUT ROWID"
    )
    db.execute("DELETE FROM temp._acked")
    db.conn.executemany("INSERT INTO temp._acked VALUES (?, ?)", list(acked.items()))
    cursor = db.execute(
        f"SELECT {', '.join('c.' + c.strip() for c in CHANGE_COLUMNS.split(','))} "
        "FROM temp._rows r JOIN changes c ON c.row_id = r.v "
        "LEFT JOIN temp._acked a ON a.device_id = c.device_id "
        "WHERE c.device_id NOT IN temp._mine "
        "AND (r.v IN temp._full OR c.seq > coalesce(a.seq, 0)) "
        "ORDER BY c.device_id, c.seq"
    )
    return [tuple(r) for r in cursor.fetchall()]


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


def conflict_keys(db: sqlite_utils.Database) -> list[tuple[str, str, str]]:
    """Every open conflict as (table, row id, field), in a fixed order."""
    rows = db.execute("SELECT tbl, row_id, field FROM conflicts ORDER BY tbl, row_id, field")
    return [tuple(r) for r in rows.fetchall()]


def column_type(db: sqlite_utils.Database, table: str, column: str) -> str:
    """The declared type of a column (TEXT, INTEGER, REAL …)."""
    for info in db[table].columns:
        if info.name == column:
            return str(info.type).upper()
    raise KeyError(f"{table}.{column}")
