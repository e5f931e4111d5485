"""Changes refused by the trust rules are held, not lost (issue 13).

At the hub, `held_changes` keeps every change a device sent that the trust rules refused: the
change as the device wrote it (its id, stamp, author, table, row, values, parents), the rule and
the Chinese reason, when it came and in which bundle, and what the county decided (accepted:
applied as the county's own change `applied_change`; dismissed with a reason). A held change is
never applied and never forwarded; when it carries its sender's own change-log id, that
(device_id, seq) still counts as received, so the device is not asked for it again and the hub's
sequence checks stay gap-free. (A change forged under another device's id is kept per sender and
counts for nobody: it can neither block nor skip the real device's numbers.)

On a device, `sync_rejected` keeps what the hub reported about this device's own changes, and
whether the user took one back here (`undone_at`: the change stays in the log, the projection
leaves it out).
"""

from __future__ import annotations

import sqlite_utils

VERSION = 16

STATEMENTS = [
    """CREATE TABLE held_changes (
        id INTEGER PRIMARY KEY,
        device TEXT NOT NULL,
        device_id TEXT NOT NULL, seq INTEGER NOT NULL,
        hlc TEXT NOT NULL, author TEXT, tbl TEXT NOT NULL, row_id TEXT NOT NULL,
        data TEXT NOT NULL, parents TEXT,
        rule TEXT NOT NULL, reason TEXT NOT NULL,
        bundle_id TEXT, received_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'held'
            CHECK (status IN ('held', 'accepted', 'dismissed')),
        decided_at TEXT, decided_by TEXT, decision TEXT, applied_change TEXT,
        UNIQUE (device, device_id, seq)
    )""",
    "CREATE INDEX idx_held_device ON held_changes(device, status)",
    "CREATE INDEX idx_held_row ON held_changes(row_id)",
    """CREATE TABLE sync_rejected (
        change_id TEXT PRIMARY KEY,
        hub_id INTEGER NOT NULL,
        rule TEXT NOT NULL, reason TEXT NOT NULL, received_at TEXT NOT NULL,
        status TEXT NOT NULL, decided_at TEXT, decided_by TEXT, decision TEXT,
        reported_at TEXT NOT NULL,
        undone_at TEXT
    )""",
]


def apply(db: sqlite_utils.Database) -> None:
    """Create the hub's held changes and the device's copy of the hub's reports."""
    for sql in STATEMENTS:
        db.execute(sql)
