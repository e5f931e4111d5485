"""Local users of a ledger (issue 16): who may log in, who may manage users (not synced).

Passwords are not here: a user's password wraps the database key in the key file beside the
ledger (`fieldapp.store.keyfile`). This table is what the app trusts once the ledger is open:
whether a user may manage users and whether they are disabled. It lives inside the encrypted
file, so editing the key file cannot make anyone an administrator.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 8


def apply(db: sqlite_utils.Database) -> None:
    """Create the users table."""
    db.execute(
        """CREATE TABLE users (
            name TEXT PRIMARY KEY,
            admin INTEGER NOT NULL DEFAULT 0,
            disabled INTEGER NOT NULL DEFAULT 0,
            created_at TEXT,
            created_by TEXT,
            password_changed_at TEXT,
            password_reset_by TEXT
        )"""
    )
