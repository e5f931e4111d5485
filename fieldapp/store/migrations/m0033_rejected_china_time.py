"""The China-time copy of when the hub received a change it then held (`sync_rejected`).

A device showed the hub's `received_at` as the hub wrote it: the hub's own clock, no zone (a
county server kept in UTC said 02:31 for 10:31 at the office). A hub now sends the same time in
China time as well (`received_at_china`, ISO with +08:00), to a device whose bundles say it
knows this version (an older device refuses a report with a key it does not know); the device
keeps it here and shows it. Reports from an older hub keep it blank.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 33


def apply(db: sqlite_utils.Database) -> None:
    """Add the column (existing reports read as blank: no China time known)."""
    db.execute("ALTER TABLE sync_rejected ADD COLUMN received_at_china TEXT")
