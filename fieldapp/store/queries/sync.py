"""This ledger's sync state as screens show it: its identity and the hub it exchanges with."""

from __future__ import annotations

from fieldapp.store.queries import Source, db_of
from fieldapp.store.sync_state import Identity, Peer, SyncState


def identity(source: Source) -> Identity | None:
    """This ledger's sync identity, None before it was enrolled (or made a hub)."""
    return SyncState(db_of(source)).identity()


def peers(source: Source, role: str) -> list[Peer]:
    """The known other sides of one role ('hub' on a device, 'device' on a hub)."""
    return SyncState(db_of(source)).peers(role)
