"""Roles fixed by the hub in a device's enrolment (issue 13), stored on both sides.

`sync_identity.device_role` is what this ledger was enrolled as (a hub's own identity row keeps
the default and means nothing there); `sync_peers.device_role` is, at the hub, the role each
enrolled device was given. `sync_peers.origin` is, at the hub, the change-log device id the
device writes under now (a device restored from a backup starts a new one, see
`fieldapp.services.incarnation`).
"""

from __future__ import annotations

import sqlite_utils

VERSION = 6

STATEMENTS = [
    "ALTER TABLE sync_identity ADD COLUMN device_role TEXT NOT NULL DEFAULT 'coordinator' "
    "CHECK (device_role IN ('coordinator', 'township', 'county', 'hub'))",
    "ALTER TABLE sync_peers ADD COLUMN device_role TEXT NOT NULL DEFAULT 'coordinator' "
    "CHECK (device_role IN ('coordinator', 'township', 'county', 'hub'))",
    "ALTER TABLE sync_peers ADD COLUMN origin TEXT",
]


def apply(db: sqlite_utils.Database) -> None:
    """Add the role columns and the hub's current-origin column."""
    for sql in STATEMENTS:
        db.execute(sql)
    # The hub's own identity row carries the hub role.
    db.execute("UPDATE sync_identity SET device_role = 'hub' WHERE role = 'hub'")
