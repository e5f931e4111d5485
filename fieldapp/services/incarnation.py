"""A device's new *incarnation*: the one mechanism behind every restore.

A ledger restored from a backup (`fieldapp restore`, `fieldapp.services.backup.restore`) or
copied back by hand (`fieldapp sync restored`) is older than what the hub already has from it:
the changes it made after the backup are at the hub but not here, so its next changes would
reuse sequence numbers the hub holds with other content, and its bundle counter would look like
a replay. Instead of guessing which of its numbers are safe, the ledger writes under a fresh
change-log id from now on (the old ids stay in its log and in `previous_device_ids`); changes
under the old id the hub never acknowledged move to the new id; its bundle numbers jump past
any it can have sent since the backup. The enrolled keys stay: the hub binds the new id to the
same enrolled device, restarts its bundle counter and answers with everything in its scope
again, including what the device made after the backup under its old id. Nothing made on the
device is lost, nothing is numbered twice, and the device need not be enrolled again.
"""

from __future__ import annotations

import json
import secrets

from fieldapp.store.backup import RESTORED_MARK
from fieldapp.store.changelog import Change
from fieldapp.store.ledger import Ledger
from fieldapp.store.ledger_kind import DEMO_ORIGIN, is_demo
from fieldapp.store.sync_state import SyncState
from fieldapp.store.withdraw import renumber

PREVIOUS = "previous_device_ids"

#: How far a restored device's bundle numbers jump: more bundles than it can have sent between
#: its backup and the restore.
RESTORE_SERIAL_STEP = 1_000_000


def own_origins(ledger: Ledger) -> list[str]:
    """Every change-log id this ledger wrote under: earlier incarnations first, then its own."""
    return [*previous_origins(ledger), ledger.device_id]


def previous_origins(ledger: Ledger) -> list[str]:
    """The change-log ids of this ledger's earlier incarnations (oldest first)."""
    text = ledger.get_meta(PREVIOUS)
    try:
        found = json.loads(text) if text else []
    except ValueError:
        return []
    return [str(i) for i in found if isinstance(i, str)] if isinstance(found, list) else []


def restore_unfinished(ledger: Ledger) -> bool:
    """True when the ledger was put in place by a restore that stopped (killed, power cut)
    before it started the new incarnation: the next opening must start it."""
    return bool(ledger.get_meta(RESTORED_MARK))


def finish_restore(ledger: Ledger) -> str:
    """After a restore put `ledger` in place: a device's new incarnation (returns its fresh id);
    a hub keeps its own id (returns it), only the restore's mark is cleared.

    A hub restored from its backup numbers its own new changes on from the backup's, and its
    devices take those in place of what they held under the same numbers (docs/hub.md,
    备份中心; `sync.exchange`); its change log is append-only (migration 41), so a device's
    renumbering of unsent changes would be refused by the log itself."""
    identity = SyncState(ledger.db).identity()
    if identity is None or identity.role != "hub":
        return start_new_incarnation(ledger)
    with ledger.transaction():
        ledger.set_meta(RESTORED_MARK, None)
    return ledger.device_id


def start_new_incarnation(ledger: Ledger) -> str:
    """Write under a fresh change-log id from now on; returns it (see the module docstring).

    Changes under the old id that the hub never acknowledged may clash with what the hub got
    from the lost timeline (a ledger copied back by hand and edited before this was run), so
    they move to the new id: same values, same parents, new numbers. One the hub did have
    arrives twice with the same values, which merges quietly.
    """
    old_id = ledger.device_id
    state = SyncState(ledger.db)
    hubs = state.peers("hub")
    acked = state.acks(hubs[0].name).get(old_id, 0) if hubs else 0
    # A demo's fresh id is a demo's too: the hub reads a demo by the origin of each change
    # (`ledger_kind`), and the changes the hub never had move to this id.
    fresh = (DEMO_ORIGIN if is_demo(ledger) else "") + secrets.token_hex(8)
    try:
        with ledger.transaction():
            ledger.set_meta(PREVIOUS, json.dumps([*previous_origins(ledger), old_id]))
            ledger.set_meta(RESTORED_MARK, None)  # done: a restore cut short is finished
            ledger.set_meta("device_id", fresh)
            ledger.device_id = fresh
            ledger.release_seqs(1)  # the new id starts its own numbering
            unsent = ledger.changes_since(old_id, acked)
            if unsent:
                renumber(ledger, unsent, _moved(ledger, unsent, fresh))
            for peer in hubs:
                state.set_counters(peer.name, serial_out=peer.serial_out + RESTORE_SERIAL_STEP)
    except BaseException:
        ledger.device_id = old_id
        raise
    return fresh


def _moved(ledger: Ledger, changes: list[Change], fresh: str) -> list[Change]:
    """Copies of `changes` under `fresh`, numbered on, parents that name them renamed too."""
    first = ledger.reserve_seqs(len(changes))
    names = {c.id: f"{fresh}:{first + n}" for n, c in enumerate(changes)}
    return [
        Change(
            fresh,
            first + n,
            c.hlc,
            c.author,
            c.tbl,
            c.row_id,
            c.data,
            {f: [names.get(i, i) for i in ids] for f, ids in c.parents.items()}
            if c.parents
            else None,
        )
        for n, c in enumerate(changes)
    ]
