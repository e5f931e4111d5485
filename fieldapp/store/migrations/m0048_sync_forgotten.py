"""The rows a device removed from its copy because an offer that brought them ended
(`sync_forgotten`, local, not synced).

A person another village offers into one of this village's households reaches its device with
their ID number, bank account and history, read-only, so that it can judge the offer. Withdrawn
or turned down, the offer left all of it on the device for good. From this version a device
removes them when the hub's answer names them (`store.forget`); the hub names them only to a
device whose bundles state this version or a later one (`forget.FORGET_SINCE`), so an older
device keeps them as before. The table notes which rows left and by which answer (row ids and
table names only, no personal data): what a clerk or a test asks when a row is not there.

A hub ledger (SQLite or PostgreSQL) gets the (empty) table too: one schema for every ledger.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 48


def apply(db: sqlite_utils.Database) -> None:
    """The table."""
    db.execute(
        "CREATE TABLE sync_forgotten ("
        "row_id TEXT PRIMARY KEY, tbl TEXT NOT NULL, answer TEXT NOT NULL)"
    )
