"""The sync and hub bookkeeping's times with their zone: China time, ISO with +08:00.

The hub (and a device's sync bookkeeping) wrote its computer's local time with no zone: a
county server kept in UTC wrote 02:31 for 10:31 at the office, and the stores compare these
times as text (the newest exchange since enrolment), so a server whose zone was changed
compared 02:31 after the change with 10:00 before it and said a device had never synced. New
rows are written in one form (`dates.now_stamp`); this rewrites the rows written before it.

Assumption: an old row was written in the zone this computer keeps when the migration runs
(the program's local zone: `TZ`, else the system's) — nothing recorded which zone it was, and
a hub's or laptop's zone rarely changes. A row written before an earlier change of zone is
moved by the difference, as it was already shown wrongly then. A text that already has a zone,
or is not a time, is left as it is; run again, nothing changes.

Not rewritten: the synced tables (their values are signed in the change log), a device's
copy of what the hub said (`sync_rejected.received_at`, `decided_at`: the hub's clock, whose
zone the device does not know; the hub's next report replaces them), the user accounts and
export log (`store/users.py`: a laptop's own clock), and `_migrations.applied_at` (UTC, as
SQLite's `datetime('now')` writes it, never compared).
Runs the same on SQLite and PostgreSQL: each row's new text is worked out here and written
back by its key.
"""

from __future__ import annotations

import json

import sqlite_utils

from fieldapp.domain.dates import zoned_stamp

VERSION = 35

#: table -> (its key columns, its time columns) — the bookkeeping written with `now_text`.
TIMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sync_identity": (("key",), ("created_at",)),
    "sync_peers": (("name",), ("enrolled_at", "revoked_at")),
    "sync_origins": (("device_id",), ("bound_at",)),
    "sync_issued": (("peer", "serial"), ("created_at",)),
    "sync_imports": (("bundle_id",), ("imported_at",)),
    "sync_quarantine": (("id",), ("at",)),
    "hub_exchanges": (("id",), ("at",)),
    "held_changes": (("id",), ("received_at", "decided_at")),
    "sync_rejected": (("change_id",), ("reported_at", "undone_at")),
    "hub_password_resets": (("id",), ("at",)),
}

#: The hub's setting keeping what a device said of itself, with the time it said it.
REPORTED = "device.reported:"


def apply(db: sqlite_utils.Database) -> None:
    """Rewrite every bookkeeping time written without a zone as China time with +08:00."""
    tables = set(db.table_names())
    for table, (keys, columns) in TIMES.items():
        if table not in tables:
            continue
        for column in columns:
            _rewrite(db, table, keys, column)
    rows = db.execute("SELECT key, value FROM meta WHERE key LIKE ?", [REPORTED + "%"])
    changed = []
    for key, value in rows.fetchall():
        try:
            said = json.loads(value)
        except (TypeError, ValueError):
            continue
        if isinstance(said, dict) and isinstance(said.get("at"), str):
            at = zoned_stamp(said["at"])
            if at != said["at"]:
                changed.append((json.dumps({**said, "at": at}), key))
    if changed:
        db.conn.executemany("UPDATE meta SET value = ? WHERE key = ?", changed)


def _rewrite(db: sqlite_utils.Database, table: str, keys: tuple[str, ...], column: str) -> None:
    picked = ", ".join(keys)
    rows = db.execute(f"SELECT {picked}, {column} FROM {table} WHERE {column} IS NOT NULL")
    changed = []
    for row in rows.fetchall():
        old = row[-1]
        new = zoned_stamp(old) if isinstance(old, str) else old
        if new != old:
            changed.append((new, *row[:-1]))
    if changed:
        where = " AND ".join(f"{k} = ?" for k in keys)
        db.conn.executemany(f"UPDATE {table} SET {column} = ? WHERE {where}", changed)
