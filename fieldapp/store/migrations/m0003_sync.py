"""Local sync bookkeeping (not synced): keys, peers, acknowledgements, imports, quarantine.

Used by devices and by the county hub alike; the hub fills the per-device tables
(`sync_origins`, `sync_issued`, `sync_sent_rows`), a device fills `sync_acks` for its hub.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 3

STATEMENTS = [
    # This ledger's own identity: a device (enrolled by a hub) or a hub. One row.
    """CREATE TABLE sync_identity (
        key TEXT PRIMARY KEY CHECK (key = 'self'),
        role TEXT NOT NULL CHECK (role IN ('device', 'hub')),
        name TEXT NOT NULL, area_code TEXT,
        sign_secret BLOB NOT NULL, box_secret BLOB NOT NULL,
        created_at TEXT NOT NULL
    )""",
    # The other side(s): a device's pinned hub, or a hub's enrolled devices.
    """CREATE TABLE sync_peers (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('device', 'hub')),
        area_code TEXT,
        sign_public BLOB NOT NULL, box_public BLOB NOT NULL,
        key_id TEXT NOT NULL UNIQUE,
        enrolled_at TEXT NOT NULL, revoked_at TEXT,
        serial_in INTEGER NOT NULL DEFAULT 0,
        serial_out INTEGER NOT NULL DEFAULT 0,
        acked_out INTEGER NOT NULL DEFAULT 0
    )""",
    # What a peer is known to hold: per origin device, every seq up to `seq` (a version vector).
    """CREATE TABLE sync_acks (
        peer TEXT NOT NULL, device_id TEXT NOT NULL, seq INTEGER NOT NULL,
        PRIMARY KEY (peer, device_id)
    ) WITHOUT ROWID""",
    # Hub: which enrolled device writes under which change-log device id.
    """CREATE TABLE sync_origins (
        device_id TEXT PRIMARY KEY, peer TEXT NOT NULL, bound_at TEXT NOT NULL
    ) WITHOUT ROWID""",
    # Hub: each bundle issued to a device, with the hub's version vector at that moment.
    """CREATE TABLE sync_issued (
        peer TEXT NOT NULL, serial INTEGER NOT NULL, vector TEXT NOT NULL,
        created_at TEXT NOT NULL, changes INTEGER NOT NULL,
        PRIMARY KEY (peer, serial)
    ) WITHOUT ROWID""",
    # Hub: rows a device has been sent in full, and in which bundle first.
    """CREATE TABLE sync_sent_rows (
        peer TEXT NOT NULL, row_id TEXT NOT NULL, first_serial INTEGER NOT NULL,
        PRIMARY KEY (peer, row_id)
    ) WITHOUT ROWID""",
    # Every bundle imported here.
    """CREATE TABLE sync_imports (
        bundle_id TEXT PRIMARY KEY, sender TEXT NOT NULL, serial INTEGER NOT NULL,
        imported_at TEXT NOT NULL, changes INTEGER NOT NULL, new_changes INTEGER NOT NULL,
        sha256 TEXT NOT NULL
    )""",
    # Every bundle refused here, with the reason (the file itself is in the quarantine folder).
    """CREATE TABLE sync_quarantine (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, file TEXT NOT NULL, code TEXT NOT NULL,
        reason TEXT NOT NULL
    )""",
]


def apply(db: sqlite_utils.Database) -> None:
    """Create the sync bookkeeping tables."""
    for sql in STATEMENTS:
        db.execute(sql)
