"""`decide_many` writes its decisions a chunk to a transaction: the same rows, log entries and
counts as deciding the conflicts one at a time, a cell changed since the import still refused,
a cancel keeping what was written, a failure leaving what one by one leaves."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fieldapp.demo.generator import build_demo
from fieldapp.domain.errors import NotFound
from fieldapp.services import sheet_conflicts as S
from fieldapp.services.sheet_conflicts import (
    ChangedSince,
    SheetSide,
    Undecided,
    decide_many,
    decided,
    keep,
    list_open,
)
from fieldapp.services.writer import actor_of, writing
from fieldapp.store.ledger import Ledger

CONFLICTS = 11


def kept_conflicts(ledger: Ledger, count: int) -> list[str]:
    """`count` open kept conflicts on persons' phones, as an import keeps them; their ids."""
    rows = ledger.db.execute(
        "SELECT id, name, id_number, phone FROM persons WHERE deleted = 0 ORDER BY id LIMIT ?",
        [count],
    ).fetchall()
    assert len(rows) == count
    stamp = ledger.db.execute("SELECT max(hlc) FROM changes").fetchone()[0]
    undecided = [
        Undecided(
            "人员",
            n + 2,
            name,
            number,
            "persons",
            pid,
            "phone",
            f"1390000{n:04d}",
            phone,
            stamp,
            "村里",
        )  # fmt: skip
        for n, (pid, name, number, phone) in enumerate(rows)
    ]
    with writing(ledger, actor_of(ledger)) as writer:
        assert keep(writer, "村里改的.xlsx", undecided) == count
    return [r[0] for r in rows]


def _twins(tmp_path: Path) -> tuple[Ledger, Ledger, list[str]]:
    a = Ledger.open(tmp_path / "a.db", author="王会计")
    build_demo(a, 20)
    pids = kept_conflicts(a, CONFLICTS)
    a.close()
    shutil.copy(tmp_path / "a.db", tmp_path / "b.db")
    return Ledger.open(tmp_path / "a.db"), Ledger.open(tmp_path / "b.db"), pids


def _changed_meanwhile(ledger: Ledger, pid: str) -> None:
    with ledger.transaction():
        ledger.update("persons", pid, {"phone": "13711112222"})


def _state(ledger: Ledger, pids: list[str]) -> tuple[object, ...]:
    phones = [ledger.get("persons", p)["phone"] for p in pids]
    closed = ledger.db.execute(
        "SELECT row_id, status, decided_by, change_id IS NULL FROM sheet_conflicts ORDER BY row_id"
    ).fetchall()
    return phones, closed


def _said(changes: list) -> list[tuple[object, ...]]:
    return [(c.author, c.tbl, c.row_id, c.data) for c in changes]


@pytest.mark.parametrize("side", [SheetSide.SHEET, SheetSide.LEDGER])
def test_chunks_write_what_one_by_one_writes(tmp_path, monkeypatch, side):
    chunked, single, pids = _twins(tmp_path)
    monkeypatch.setattr(S, "CHUNK", 4)  # three chunks less one
    shown = {"a": list_open(chunked), "b": list_open(single)}
    for ledger in (chunked, single):
        _changed_meanwhile(ledger, pids[6])
    # One already decided (in another window) before the batch: no longer open.
    gone = shown["a"][2].conflict_id
    decided(chunked, shown["a"][2], SheetSide.LEDGER)
    decided(single, next(c for c in shown["b"] if c.conflict_id == gone), SheetSide.LEDGER)

    steps: list[int] = []
    done = decide_many(chunked, shown["a"], side, progress=lambda d, _t: steps.append(d))

    ones: list = []
    counts = {"decided": 0, "changed": 0, "gone": 0}
    for conflict in shown["b"]:
        try:
            decision = decided(single, conflict, side)
        except ChangedSince:
            counts["changed"] += 1
            continue
        except NotFound:
            counts["gone"] += 1
            continue
        counts["decided"] += 1
        if decision.change is not None:
            ones.append(decision.change)

    assert (done.decided, done.changed, done.gone) == tuple(counts.values())
    sheet = side is SheetSide.SHEET
    assert (done.decided, done.changed, done.gone) == (
        (CONFLICTS - 2, 1, 1) if sheet else (CONFLICTS - 1, 0, 1)
    )
    assert len(done.changes) == (CONFLICTS - 2 if sheet else 0)
    assert _said(done.changes) == _said(ones)
    assert _state(chunked, pids) == _state(single, pids)
    assert steps == [*range(CONFLICTS), CONFLICTS]
    # Refused, not overwritten: the phone changed since the import kept, its conflict open.
    assert chunked.get("persons", pids[6])["phone"] == "13711112222"
    assert [c.row_id for c in list_open(chunked)] == ([pids[6]] if sheet else [])
    chunked.close()
    single.close()


def test_cancel_keeps_the_chunks_written(tmp_path, monkeypatch):
    ledger, twin, _pids = _twins(tmp_path)
    twin.close()
    monkeypatch.setattr(S, "CHUNK", 4)
    asked = iter([False] * 6 + [True])  # stopped before the 7th: in the second chunk
    done = decide_many(ledger, list_open(ledger), SheetSide.SHEET, cancelled=lambda: next(asked))
    assert done.stopped and done.decided == 6 and len(done.changes) == 6
    assert len(list_open(ledger)) == CONFLICTS - 6
    ledger.close()


def test_a_failure_leaves_what_one_by_one_leaves(tmp_path, monkeypatch):
    ledger, twin, _pids = _twins(tmp_path)
    twin.close()
    monkeypatch.setattr(S, "CHUNK", 4)

    def progress(n: int, _total: int) -> None:
        if n == 6:  # in the second chunk: rolled back, then the 5th and 6th decided alone
            raise OSError("磁盘已满")

    with pytest.raises(OSError):
        decide_many(ledger, list_open(ledger), SheetSide.SHEET, progress=progress)
    assert len(list_open(ledger)) == CONFLICTS - 6
    written = ledger.db.execute("SELECT count(*) FROM sheet_conflicts WHERE status = 'sheet'")
    assert written.fetchone()[0] == 6
    ledger.close()


def test_a_failure_leaves_the_count_of_what_stands_and_progress_never_steps_back(
    tmp_path, monkeypatch
):
    """`into` says, when the error comes, the decisions written (the failed chunk's counts
    put back, then those written one by one); the progress told never goes back."""
    ledger, twin, _pids = _twins(tmp_path)
    twin.close()
    monkeypatch.setattr(S, "CHUNK", 4)
    told: list[int] = []

    def progress(n: int, _total: int) -> None:
        told.append(n)
        if n == 6:
            raise OSError("磁盘已满")

    done = S.SheetDecided()
    with pytest.raises(OSError):
        decide_many(ledger, list_open(ledger), SheetSide.SHEET, progress=progress, into=done)
    assert (done.decided, len(done.changes), done.changed, done.gone) == (6, 6, 0, 0)
    assert done.decided == CONFLICTS - len(list_open(ledger))
    assert told == sorted(told) and told[-1] == 6, told
    ledger.close()
