"""The trails append-only in the database itself, on SQLite and on PostgreSQL alike.

Only the device events (version 40) were guarded, and only on SQLite: the county's password
resets (version 31), the exchange log, the refused and the imported bundles, the held changes
and their decisions could be rewritten or deleted by anyone with the database, and on
PostgreSQL, which skipped every trigger, nothing was guarded at all. Each trail now refuses
an UPDATE or DELETE with a Chinese message (`store.trails` says which, and which tables are
left unguarded because the hub rightly prunes them); PostgreSQL gets the same guards as row
triggers (`store.postgres`), the device events' included. A hub's change log is guarded too
(a device rewrites its own unsent changes; a hub never does): here for a ledger already a
hub's, at `Hub.init` for a new one.
"""

from __future__ import annotations

import sqlite_utils

from fieldapp.store.trails import guard_hub_log, guard_trails

VERSION = 41


def apply(db: sqlite_utils.Database) -> None:
    """Guard every ledger's trails, and a hub's change log."""
    guard_trails(
        db, said=False, version=VERSION
    )  # the held change's sentence (version 43) is guarded by 44
    row = db.execute("SELECT role FROM sync_identity WHERE key = 'self'").fetchone()
    if row is not None and row[0] == "hub":
        guard_hub_log(db)
