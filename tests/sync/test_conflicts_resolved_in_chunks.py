"""`resolve_many` writes its resolutions a chunk to a transaction: the same rows, log entries
and counts as resolving the conflicts one at a time, a conflict changed since it was listed
still skipped, a cancel keeping what was written, a failure leaving what one by one leaves."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from fieldapp.services import clock
from fieldapp.store.changelog import Change
from fieldapp.store.hlc import format_stamp
from fieldapp.store.ledger import Ledger
from fieldapp.sync import conflicts as C
from fieldapp.sync.conflicts import ConflictChanged, Side, list_conflicts, resolve, resolve_many
from tests.sync.helpers import VILLAGE, add_family

PEOPLE = 11


def _remote(
    device: str, seq: int, row_id: str, value: str, parents: list[str], field: str = "phone"
) -> Change:
    """Another device's edit of one field, having seen `parents`."""
    stamp = format_stamp(1_700_000_000_000 + seq, 0)
    return Change(device, seq, stamp, "李四", "persons", row_id, {field: value}, {field: parents})


def _twins(tmp_path: Path, make_device) -> tuple[Ledger, Ledger, list[str]]:
    """Two copies of one enrolled device's ledger, each with PEOPLE phone conflicts (this
    device's value and another device's) and, on PEOPLE // 2, the notes too."""
    a = make_device("甲村", VILLAGE)
    _, pids = add_family(a, VILLAGE, [f"{100 + n}" for n in range(PEOPLE)])
    first = {pid: a.heads("persons", pid) for pid in pids}
    for n, pid in enumerate(pids):
        a.update("persons", pid, {"phone": f"138000000{n:02d}"})
    a.update("persons", pids[PEOPLE // 2], {"notes": "本机的备注"})
    remote = [
        _remote("remote-device", n + 1, pid, f"139000000{n:02d}", first[pid]["phone"])
        for n, pid in enumerate(pids)
    ]
    half = pids[PEOPLE // 2]
    notes = _remote("remote-device", PEOPLE + 1, half, "别处的备注", first[half]["notes"], "notes")
    a.apply_changes([*remote, notes])
    assert len(list_conflicts(a)) == PEOPLE + 1
    path = Path(a.path)
    a.close()
    shutil.copy(path, tmp_path / "twin.db")
    return Ledger.open(path), Ledger.open(tmp_path / "twin.db"), pids


def _changed_meanwhile(ledger: Ledger, row_id: str) -> None:
    """A third value for one person's phone comes in after the conflicts were listed."""
    heads = ledger.heads("persons", row_id)["phone"]
    ledger.apply_changes([_remote("third-device", 1, row_id, "13700000000", heads[:1])])


def _state(ledger: Ledger, pids: list[str]) -> tuple[object, ...]:
    rows = [(ledger.get("persons", p)["phone"], ledger.get("persons", p)["notes"]) for p in pids]
    left = sorted((c.row_id, c.field, len(c.values)) for c in list_conflicts(ledger))
    return rows, left


def _said(changes: list[Change]) -> list[tuple[object, ...]]:
    return [(c.author, c.tbl, c.row_id, c.data, c.parents) for c in changes]


@pytest.mark.parametrize("side", [Side.OTHER, Side.HERE, Side.SHOWN])
def test_chunks_write_what_one_by_one_writes(tmp_path, make_device, monkeypatch, side):
    chunked, single, pids = _twins(tmp_path, make_device)
    monkeypatch.setattr(C, "CHUNK", 4)  # three chunks and a bit
    shown = {"a": list_conflicts(chunked), "b": list_conflicts(single)}
    _changed_meanwhile(chunked, pids[6])
    _changed_meanwhile(single, pids[6])

    steps: list[tuple[int, int]] = []
    done = resolve_many(chunked, shown["a"], side, progress=lambda d, t: steps.append((d, t)))

    own = set(C.own_origins(single))
    ones: list[Change] = []
    changed = no_value = 0
    for conflict in shown["b"]:
        chosen = C.value_on(conflict, side, own)
        if chosen is None:
            no_value += 1
            continue
        try:
            seen = [v.value_id for v in conflict.values]
            ones.append(resolve(single, conflict.conflict_id, keep=chosen.value_id, seen=seen))
        except ConflictChanged:
            changed += 1

    assert (len(done.changes), done.changed, done.no_value) == (len(ones), changed, no_value)
    assert done.changed == 1 and len(done.changes) == PEOPLE  # the notes too, the 6th left
    assert _said(done.changes) == _said(ones)
    assert _state(chunked, pids) == _state(single, pids)
    assert [s[0] for s in steps] == [*range(PEOPLE + 1), PEOPLE + 1]
    # Refused, not overwritten: the phone changed meanwhile is still in conflict, the value
    # come in since among its values.
    (left,) = list_conflicts(chunked)
    assert left.row_id == pids[6] and "13700000000" in {v.value for v in left.values}
    chunked.close()
    single.close()


def test_cancel_keeps_the_chunks_written_and_says_how_many(tmp_path, make_device, monkeypatch):
    ledger, twin, _pids = _twins(tmp_path, make_device)
    twin.close()
    monkeypatch.setattr(C, "CHUNK", 4)
    asked = iter([False] * 6 + [True])  # stopped before the 7th: in the second chunk
    done = resolve_many(ledger, list_conflicts(ledger), Side.OTHER, cancelled=lambda: next(asked))
    assert done.stopped and len(done.changes) == 6
    assert len(list_conflicts(ledger)) == PEOPLE + 1 - 6
    ledger.close()


def test_a_failure_leaves_what_one_by_one_leaves(tmp_path, make_device, monkeypatch):
    ledger, twin, _pids = _twins(tmp_path, make_device)
    twin.close()
    monkeypatch.setattr(C, "CHUNK", 4)

    def progress(n: int, _total: int) -> None:
        if n == 6:  # in the second chunk: that chunk rolled back, then 4 and 5 written alone
            raise OSError("磁盘已满")

    with pytest.raises(OSError):
        resolve_many(ledger, list_conflicts(ledger), Side.OTHER, progress=progress)
    assert len(list_conflicts(ledger)) == PEOPLE + 1 - 6
    ledger.close()


def test_nothing_to_write_opens_no_transaction(tmp_path, make_device, monkeypatch):
    """Conflicts with no single value on the side chosen (here: two other devices' values,
    none of this one's) are counted without a transaction: no refusal for this laptop's date
    when nothing would be written, none of the file's lock taken. The side that has a value
    is still refused while the date is wrong."""
    a = make_device("甲村", VILLAGE)
    _, pids = add_family(a, VILLAGE, [f"{100 + n}" for n in range(5)])
    heads = {pid: a.heads("persons", pid)["phone"] for pid in pids}
    a.apply_changes(
        [
            _remote(device, n + 1, pid, f"13{k}000000{n:02d}", heads[pid])
            for k, device in ((8, "device-b"), (9, "device-c"))
            for n, pid in enumerate(pids)
        ]
    )
    shown = list_conflicts(a)
    assert len(shown) == 5
    monkeypatch.setattr(C, "CHUNK", 2)
    ahead = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)  # the hub's clock: 3 days behind
    clock.note(a, ahead.isoformat(), fresh=True)
    assert clock.days_off(a) == 3
    statements: list[str] = []
    a.db.conn.set_trace_callback(statements.append)
    try:
        done = resolve_many(a, shown, Side.HERE)
    finally:
        a.db.conn.set_trace_callback(None)
    assert (done.changes, done.no_value, done.changed, done.stopped) == ([], 5, 0, False)
    assert not any(s.upper().startswith(("BEGIN", "SAVEPOINT", "COMMIT")) for s in statements)
    with pytest.raises(clock.ClockWrong):
        resolve_many(a, shown, Side.SHOWN)
    assert len(list_conflicts(a)) == 5


def test_a_failure_leaves_the_count_of_what_stands_and_progress_never_steps_back(
    tmp_path, make_device, monkeypatch
):
    """`into` says, when the error comes, the resolutions written (the failed chunk's counts
    put back, then those written one by one); the progress told never goes back."""
    ledger, twin, _pids = _twins(tmp_path, make_device)
    twin.close()
    monkeypatch.setattr(C, "CHUNK", 4)
    told: list[int] = []

    def progress(n: int, _total: int) -> None:
        told.append(n)
        if n == 6:
            raise OSError("磁盘已满")

    done = C.ManyResolved([])
    shown = list_conflicts(ledger)
    with pytest.raises(OSError):
        resolve_many(ledger, shown, Side.OTHER, progress=progress, into=done)
    assert (len(done.changes), done.changed, done.no_value) == (6, 0, 0)
    assert len(done.changes) == len(shown) - len(list_conflicts(ledger))
    assert told == sorted(told) and told[-1] == 6, told
    ledger.close()
