"""This ledger's sync state as screens show it: its identity and the hub it exchanges with."""

from __future__ import annotations

import json

from fieldapp.store.queries import Source, db_of
from fieldapp.store.sync_state import Identity, Peer, SyncState


def identity(source: Source) -> Identity | None:
    """This ledger's sync identity, None before it was enrolled (or made a hub)."""
    return SyncState(db_of(source)).identity()


def peers(source: Source, role: str) -> list[Peer]:
    """The known other sides of one role ('hub' on a device, 'device' on a hub)."""
    return SyncState(db_of(source)).peers(role)


def device_names(source: Source) -> dict[str, str]:
    """Change-log device id → the name people know the device by: this device's own name
    (else its enrolled name) for its id and those it wrote under before a restore
    (`previous_device_ids`), and every other device the hub has told us about."""
    db = db_of(source)
    names = SyncState(db).origin_names()
    own = dict(
        db.execute(
            "SELECT key, value FROM meta"
            " WHERE key IN ('device_id', 'device_name', 'previous_device_ids')"
        ).fetchall()
    )
    enrolled = identity(source)
    mine = own.get("device_name") or (enrolled.name if enrolled else "")
    if own.get("device_id") and mine:
        names[own["device_id"]] = mine
        try:
            former = json.loads(own.get("previous_device_ids") or "[]")
        except ValueError:
            former = []
        for old in former if isinstance(former, list) else []:
            if isinstance(old, str):
                names[old] = mine
    return names
