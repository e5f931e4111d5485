"""The rows that left a device's area, one row each (`hub_away_rows`, local, not synced).

The hub keeps, per device, the rows it was sent that left its area, with the serial of the
first answer made after they left (`HubLog.away_rows`, `fieldapp.store.answers`). They were one
JSON value per device in `meta` (`device.away:` + its name): a county's years of moves made
that one value grow without bound, and each answer that saw a move rewrote it whole. They are
now a table, (device, row id) → serial, written row by row as they change.

What `meta` holds is carried over, as its reader read it (an entry whose serial is not a whole
number was never read); the `meta` key is then removed. A value that was not wholly readable
(not JSON, not an object, a serial not a whole number) is left in `meta` as it was, what could
be read of it carried over: nothing reads it any more, nothing of it is thrown away.
A device ledger gets the (empty) table too: one schema for every ledger.
"""

from __future__ import annotations

import json

import sqlite_utils

VERSION = 39

#: The `meta` key prefix the rows were kept under before this migration (+ the device's name).
OLD_PREFIX = "device.away:"


def apply(db: sqlite_utils.Database) -> None:
    """The table, and what `meta` kept of each device carried into it."""
    db.execute(
        """CREATE TABLE hub_away_rows (
            device TEXT NOT NULL, row_id TEXT NOT NULL, serial INTEGER NOT NULL,
            PRIMARY KEY (device, row_id)
        ) WITHOUT ROWID"""
    )
    kept = db.execute(
        "SELECT key, value FROM meta WHERE key LIKE ? ORDER BY key", [OLD_PREFIX + "%"]
    ).fetchall()
    for key, value in kept:
        if not str(key).startswith(OLD_PREFIX):  # LIKE ignores ASCII case in SQLite
            continue
        rows, whole = _read(value)
        device = str(key)[len(OLD_PREFIX) :]
        db.conn.executemany(
            "INSERT INTO hub_away_rows VALUES (?, ?, ?)",
            [(device, row_id, serial) for row_id, serial in sorted(rows.items())],
        )
        if whole:
            db.execute("DELETE FROM meta WHERE key = ?", [key])


def _read(value: object) -> tuple[dict[str, int], bool]:
    """The rows one `meta` value kept, as `HubLog.away_rows` read them before, and whether
    that was all of it."""
    try:
        kept = json.loads(str(value))
    except (TypeError, ValueError):
        return {}, False
    if not isinstance(kept, dict):
        return {}, False
    rows = {str(k): int(v) for k, v in kept.items() if isinstance(v, int)}
    whole = all(isinstance(v, int) and not isinstance(v, bool) for v in kept.values())
    return rows, whole
