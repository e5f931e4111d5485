"""The county's decisions on a device's users at the hub, kept append-only (local, not synced).

`hub users --disable/--enable` kept only the latest word on each user, in the hub's settings
(`HubLog.device_users`): the county enabling a user again overwrote who had disabled them and
when. Each decision now adds a row — when, which device, whose name, disabled or enabled, who at
the hub decided — in the same transaction, guarded as every trail is (`store.trails`, on SQLite
and PostgreSQL alike). A device ledger gets the (empty) table too: one schema for every ledger.
"""

from __future__ import annotations

import sqlite_utils

from fieldapp.store.trails import guard_trail

VERSION = 49


def apply(db: sqlite_utils.Database) -> None:
    """Create the hub's record of its decisions on device users, and guard it."""
    db.execute(
        """CREATE TABLE hub_user_decisions (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            device TEXT NOT NULL,
            user_name TEXT NOT NULL,
            disabled INTEGER NOT NULL,
            by_user TEXT NOT NULL
        )"""
    )
    guard_trail(db, "hub_user_decisions")
