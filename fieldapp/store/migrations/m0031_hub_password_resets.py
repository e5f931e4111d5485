"""The county's resets of a device user's password, kept at the hub (local, not synced).

A reset (`hub reset-password`, or 忘记口令（县里重置） on the login screen) wrote its note only
into the laptop's ledger (`users.password_reset_by`) — which the one who reset it can open with
the password they chose, and erase. The hub now keeps its own row: when, who at the county,
which enrolled device, whose password, and the ledger file named. A device ledger gets the
(empty) table too: one schema for every ledger.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 31


def apply(db: sqlite_utils.Database) -> None:
    """Create the hub's record of password resets."""
    db.execute(
        """CREATE TABLE hub_password_resets (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            by_user TEXT NOT NULL,
            device TEXT NOT NULL,
            user_name TEXT NOT NULL,
            ledger_file TEXT NOT NULL
        )"""
    )
