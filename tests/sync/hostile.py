"""A hostile device: validly signed bundles with whatever changes it likes.

It holds a real enrolment (its own secret keys, as any enrolled laptop does) and uses the
project's own signing code (`write_bundle`: manifest, Ed25519 signature, sealed to the hub);
only the body is forged: changes written straight into its log, or carried in the bundle under
ids that are not its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

from fieldapp.services import trust_check
from fieldapp.store import replica
from fieldapp.store.changelog import CHANGE_COLUMNS, Change
from fieldapp.store.connection import Error as DatabaseFault
from fieldapp.store.hlc import format_stamp
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import SyncState
from fieldapp.sync.exchange import ExportResult, write_bundle

YEAR_2100_MS = 4102444800000


def forge(
    device: Ledger,
    table: str,
    row_id: str,
    data: dict[str, Any],
    *,
    parents: dict[str, list[str]] | None = None,
    author: str | None = None,
    hlc: str | None = None,
) -> Change:
    """A change under the device's own id and next number, logged and projected on it (as a
    tampered build of the program would), whatever the rules say."""
    try:
        with device.transaction():
            change = Change(
                device.device_id,
                device.reserve_seqs(1),
                hlc or device.clock.now(),
                author if author is not None else device.recorded_author,
                table,
                row_id,
                data,
                parents,
            )
            device.projector.apply_many([change])
    except (DatabaseFault, TypeError, ValueError, AttributeError):
        # Garbage its own tables cannot hold: a tampered program logs it all the same.
        with device.transaction():
            device.db.execute(
                f"INSERT INTO changes ({CHANGE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)",
                change.as_row(),
            )
    return change


def foreign(
    device_id: str,
    seq: int,
    table: str,
    row_id: str,
    data: dict[str, Any],
    *,
    author: str = "县人社局局长@县级汇总中心",
    hlc: str | None = None,
    parents: dict[str, list[str]] | None = None,
) -> Change:
    """A change under someone else's change-log id (never logged on the forging device)."""
    return Change(
        device_id, seq, hlc or format_stamp(YEAR_2100_MS, 0), author, table, row_id, data, parents
    )


def send(
    device: Ledger,
    out: Path,
    extra: Sequence[Change] = (),
    *,
    origin: str | None = None,
    since: int | None = None,
) -> ExportResult:
    """Seal the device's unacknowledged changes plus `extra` to its hub, signed with its key.

    `origin` claims another change-log id in the signed manifest; `since` overrides what the
    hub is taken to hold.
    """
    state = SyncState(device.db)
    identity = state.identity()
    assert identity is not None
    hub = state.peers("hub")[0]
    acked = state.acks(hub.name).get(device.device_id, 0) if since is None else since
    rows = replica.rows_after(device.db, device.device_id, acked)
    rows += [c.as_row() for c in extra]
    rows.sort(key=lambda r: (r[0], r[1]))
    vector = {device.device_id: replica.max_seq(device.db, device.device_id)}
    real = device.device_id
    if origin is not None:
        device.device_id = origin
    try:
        return write_bundle(device, identity, hub, rows, vector, out)
    finally:
        device.device_id = real


def ids_of(changes: Iterable[Change]) -> set[str]:
    """Change ids."""
    return {c.id for c in changes}


@contextmanager
def both_ways_judged() -> Iterator[list[int]]:
    """Inside: every bundle the hub screens is screened twice, with the common case cleared
    in bulk (`trust.clears_new_row`, as the hub does) and with every change judged in full;
    fails unless both accept the same changes and hold the same ones with the same rule and
    reason. Yields a list that gets, per screen, how many changes were cleared."""
    from fieldapp.sync import intake

    real = trust_check.screen
    real_clears = trust_check._clears
    cleared: list[int] = []
    counted = [0]

    def counting(*args: Any, **kwargs: Any) -> bool:
        found = real_clears(*args, **kwargs)
        counted[0] += found
        return found

    def twice(*args: Any, **kwargs: Any) -> Any:
        counted[0] = 0
        fast = real(*args, **kwargs)
        cleared.append(counted[0])
        full = real(*args, cleared=False, **kwargs)
        assert counted[0] == cleared[-1], "the full judgement cleared nothing in bulk"
        assert [c.id for c in fast[0]] == [c.id for c in full[0]]
        assert [(r.change.id, r.verdict) for r in fast[1]] == [
            (r.change.id, r.verdict) for r in full[1]
        ]
        return fast

    with (
        mock.patch.object(intake, "screen", twice),
        mock.patch.object(trust_check, "_clears", counting),
    ):
        yield cleared
