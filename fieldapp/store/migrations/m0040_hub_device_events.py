"""Who enrolled and who revoked each device, kept at the hub (`hub_device_events`, local, not
synced, append-only).

`sync_peers` keeps one row per device name, and a re-enrolment rewrote it (area, role, keys,
enrolled_at): the earlier enrolment's facts were gone, and no row ever said who enrolled or
revoked a device. Each enrolment, re-enrolment and revocation now adds an event — which
device, what happened, the role, area and key it left the device with, who at the hub did it
and when (`now_text`, China time with its offset) — in the same transaction as the change.
Nothing updates or deletes an event: no store method does, and on SQLite two triggers refuse
it (PostgreSQL skipped them until version 41 guarded it there too, `store.trails`; now
`store.postgres` translates these as it does those).

A hub's devices enrolled before this version: one `enrolled` event each, from its row as it
stands (the latest enrolment, its time), and a `revoked` event for one revoked since, both
under `UNRECORDED` — who did it was never written down. A device ledger gets the (empty)
table too: one schema for every ledger.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 40

#: Who did a carried-over event: said honestly, it was not recorded.
UNRECORDED = "迁移前登记，操作人未记录"
#: The same for a revocation carried over.
UNRECORDED_REVOKE = "迁移前注销，操作人未记录"


def apply(db: sqlite_utils.Database) -> None:
    """The table, its guards, and each device already enrolled carried into it."""
    db.execute(
        """CREATE TABLE hub_device_events (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            device TEXT NOT NULL,
            event TEXT NOT NULL,
            device_role TEXT NOT NULL,
            area_code TEXT,
            key_id TEXT,
            by_user TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX hub_device_events_device ON hub_device_events (device, id)")
    for verb in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER hub_device_events_no_{verb.lower()} BEFORE {verb} "
            "ON hub_device_events BEGIN "
            "SELECT RAISE(ABORT, '设备登记记录只能追加，不能修改或删除'); END"
        )
    peers = db.execute(
        "SELECT name, device_role, area_code, key_id, enrolled_at, revoked_at FROM sync_peers "
        "WHERE role = 'device' ORDER BY enrolled_at, name"
    ).fetchall()
    insert = (
        "INSERT INTO hub_device_events (at, device, event, device_role, area_code, key_id, "
        "by_user) VALUES (?, ?, ?, ?, ?, ?, ?)"
    )
    for name, role, area, key, enrolled_at, _revoked in peers:
        db.execute(
            insert,
            [enrolled_at or "", name, "enrolled", role or "coordinator", area, key, UNRECORDED],
        )
    for name, role, area, key, _enrolled, revoked_at in peers:
        if revoked_at:
            db.execute(
                insert,
                [revoked_at, name, "revoked", role or "coordinator", area, key, UNRECORDED_REVOKE],
            )
