"""SQL of the conflicts a spreadsheet update left undecided (`sheet_conflicts`, migration m0042).

Local to this device (no `_heads`: not synced). Rows are added by an import, closed by a
decision (never deleted); the values are kept as JSON, as the ledger held them. A closed one's
personal data (the person's name and ID number, the two values) is cleared some time after its
decision (`clear_decided`, `services.sheet_conflicts.KEPT_DAYS`); the record of the decision
stays.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlite_utils

#: What a kept conflict may be: open, decided for one side, or replaced by a later import's.
OPEN, SHEET, LEDGER, REPLACED = "open", "sheet", "ledger", "replaced"

_COLUMNS = (
    "id, file, imported_at, imported_by, sheet, sheet_row, name, id_number, tbl, row_id, "
    "field, sheet_value, ledger_value, ledger_stamp, ledger_author, status, decided_at, "
    "decided_by, change_id"
)


@dataclass(frozen=True)
class KeptConflict:
    """One kept conflict: where it came from, the two values, the ledger's edit it showed."""

    id: str
    file: str
    imported_at: str
    imported_by: str
    sheet: str
    sheet_row: int
    name: str
    id_number: str
    tbl: str
    row_id: str
    field: str
    sheet_value: Any
    ledger_value: Any
    ledger_stamp: str
    ledger_author: str
    status: str = OPEN
    decided_at: str | None = None
    decided_by: str | None = None
    change_id: str | None = None


def _row(values: Sequence[Any]) -> KeptConflict:
    fields = list(values)
    fields[11] = json.loads(fields[11])
    fields[12] = json.loads(fields[12])
    return KeptConflict(*fields)


def add(db: sqlite_utils.Database, conflicts: Sequence[KeptConflict], replaced_at: str) -> None:
    """Keep these open conflicts; an open one of an earlier import on the same cell is closed
    as replaced (by the importer of these, at `replaced_at`): the newer import shows the cell
    as the sheet and the ledger hold it now."""
    any_open = db.execute(
        "SELECT 1 FROM sheet_conflicts WHERE status = ? LIMIT 1", [OPEN]
    ).fetchone()
    for c in conflicts if any_open else ():  # an update of 100 000 rows: no look-up each
        db.execute(
            "UPDATE sheet_conflicts SET status = ?, decided_at = ?, decided_by = ? "
            "WHERE tbl = ? AND row_id = ? AND field = ? AND status = ?",
            [REPLACED, replaced_at, c.imported_by, c.tbl, c.row_id, c.field, OPEN],
        )
    db.conn.executemany(
        f"INSERT INTO sheet_conflicts ({_COLUMNS}) VALUES ({','.join('?' * 19)})",
        [
            (
                c.id,
                c.file,
                c.imported_at,
                c.imported_by,
                c.sheet,
                c.sheet_row,
                c.name,
                c.id_number,
                c.tbl,
                c.row_id,
                c.field,
                json.dumps(c.sheet_value, ensure_ascii=False),
                json.dumps(c.ledger_value, ensure_ascii=False),
                c.ledger_stamp,
                c.ledger_author,
                OPEN,
                None,
                None,
                None,
            )
            for c in conflicts
        ],
    )


def open_ones(db: sqlite_utils.Database) -> list[KeptConflict]:
    """Every open kept conflict, the latest import's first, each in its sheet's order."""
    return [
        _row(r)
        for r in db.execute(
            f"SELECT {_COLUMNS} FROM sheet_conflicts WHERE status = ? "
            "ORDER BY imported_at DESC, file, sheet, sheet_row, tbl, field",
            [OPEN],
        ).fetchall()
    ]


def open_between(db: sqlite_utils.Database, low: str, high: str) -> list[KeptConflict]:
    """The open kept conflicts whose id is in [low, high) (those a typed number starts:
    `domain.conflict_numbers.number_range`), at most two (enough to tell one from several):
    a range of the id's index, no other row read or decoded."""
    return [
        _row(r)
        for r in db.execute(
            f"SELECT {_COLUMNS} FROM sheet_conflicts WHERE id >= ? AND id < ? AND status = ? "
            "LIMIT 2",
            [low, high, OPEN],
        ).fetchall()
    ]


def open_ids(db: sqlite_utils.Database) -> list[str]:
    """The id of every open kept conflict (for the numbers: nothing else read or decoded)."""
    return [
        str(r[0])
        for r in db.execute("SELECT id FROM sheet_conflicts WHERE status = ?", [OPEN]).fetchall()
    ]


def one(db: sqlite_utils.Database, conflict_id: str) -> KeptConflict | None:
    """The kept conflict with this id, open or not."""
    found = db.execute(
        f"SELECT {_COLUMNS} FROM sheet_conflicts WHERE id = ?", [conflict_id]
    ).fetchone()
    return _row(found) if found else None


def close(
    db: sqlite_utils.Database,
    conflict_id: str,
    status: str,
    decided_at: str,
    decided_by: str,
    change_id: str | None,
) -> bool:
    """Close an open kept conflict with its decision; False when it was not open."""
    cursor = db.execute(
        "UPDATE sheet_conflicts SET status = ?, decided_at = ?, decided_by = ?, change_id = ? "
        "WHERE id = ? AND status = ?",
        [status, decided_at, decided_by, change_id, conflict_id, OPEN],
    )
    return bool(cursor.rowcount)


#: The JSON key a cleared value holds instead of the value: when it was cleared.
CLEARED = "cleared_at"

#: A row whose values are not cleared yet: word for word the condition of the index the
#: clearing reads (`idx_sheet_conflicts_to_clear`, version 46; SQLite uses a partial index only
#: for a query that states its condition so), a literal as PostgreSQL's translation needs.
_UNCLEARED = f"json_extract(sheet_value, '$.{CLEARED}') IS NULL"


def any_to_clear(db: sqlite_utils.Database, decided_before: str) -> bool:
    """True when a closed kept conflict decided before `decided_before` still holds its
    personal data (`clear_decided` would clear it): one read of the index, nothing written."""
    found = db.execute(
        f"SELECT 1 FROM sheet_conflicts WHERE {_UNCLEARED} AND decided_at < ? AND status != ? "
        "LIMIT 1",
        [decided_before, OPEN],
    ).fetchone()
    return found is not None


def clear_decided(db: sqlite_utils.Database, decided_before: str, cleared_at: str) -> int:
    """Clear the personal data of every kept conflict closed (decided, or replaced by a later
    import's) before `decided_before`: the name and ID number emptied, each value replaced by
    ``{"cleared_at": cleared_at}``. Who decided, when, for which side, the cell (table, row,
    field), the change written, the file and row stay. Open ones are untouched. Returns how
    many were cleared (one already cleared is not cleared again). Reads only the rows not yet
    cleared, through their index (version 46)."""
    cleared = json.dumps({CLEARED: cleared_at})
    cursor = db.execute(
        "UPDATE sheet_conflicts SET name = '', id_number = '', sheet_value = ?, "
        f"ledger_value = ? WHERE {_UNCLEARED} AND decided_at < ? AND status != ?",
        [cleared, cleared, decided_before, OPEN],
    )
    return int(cursor.rowcount)


def edited_after(
    db: sqlite_utils.Database, table: str, row_id: str, field: str, stamp: str
) -> bool:
    """True when the change log holds a change to this cell later than `stamp`."""
    found = db.execute(
        "SELECT 1 FROM changes c, json_each(c.data) j WHERE c.tbl = ? AND c.row_id = ? "
        "AND c.hlc > ? AND j.key = ? LIMIT 1",
        [table, row_id, stamp, field],
    ).fetchone()
    return found is not None
