"""`services.chunked`, the loop `decide_many` and `resolve_many` share, on a real ledger: the
items written a chunk to a transaction; a chunk that fails rolled back whole, its tally put
back, then written one by one up to the failing item, whose error is raised; what stands is
what writing them one at a time leaves, and `progress` never steps back. A chunk `writes` says
has nothing to write opens no transaction; `closing` ends each transaction that opens."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from fieldapp.services.chunked import Counts, chunked
from fieldapp.services.writer import Writer, actor_of
from fieldapp.store.changelog import Change
from fieldapp.store.ledger import Ledger
from tests.sync.helpers import add_family


@dataclass
class Tally:
    changes: list[Change] = field(default_factory=list)
    skipped: int = 0
    stopped: bool = False


def _phones(ledger: Ledger, people: list[str]) -> list[str]:
    return [str(ledger.get("persons", pid)["phone"] or "") for pid in people]


def test_a_failing_chunk_is_written_again_one_by_one(ledger):
    _hh, people = add_family(ledger, "520502101001", [f"1{n:02d}" for n in range(7)])
    done, told, closed, attempts = Tally(), [], [], []

    def one(n: int, writer: Writer | None) -> None:
        assert writer is not None
        attempts.append(n)
        if n == 1:
            done.skipped += 1  # counted, nothing written
            return
        change = writer.update_row("persons", people[n], {"phone": f"1390000000{n}"})
        assert change is not None
        done.changes.append(change)
        if n == 4:
            raise RuntimeError("磁盘满了")

    def closing(writer: Writer, before: Counts) -> None:
        closed.append((before, len(done.changes)))

    with pytest.raises(RuntimeError, match="磁盘满了"):
        chunked(
            ledger, actor_of(ledger), 7, one, done,
            chunk=3, progress=lambda n, total: told.append(n), closing=closing,
        )  # fmt: skip
    # 0..2 committed in one; 3..5 rolled back at 4, then 3 alone committed, 4 alone failed.
    assert attempts == [0, 1, 2, 3, 4, 3, 4]
    assert _phones(ledger, people)[:6] == [
        "13900000000", "", "13900000002", "13900000003", "", "",
    ]  # fmt: skip
    assert [c.row_id for c in done.changes] == [people[0], people[2], people[3]]
    assert done.skipped == 1 and not done.stopped
    assert closed == [({"changes": 0, "skipped": 0}, 2), ({"changes": 2, "skipped": 1}, 3)]
    assert told == [0, 1, 2, 3, 4, 4]  # never back to 3 while the chunk is written again


def test_a_chunk_with_nothing_to_write_opens_no_transaction_and_a_cancel_stops(ledger):
    given: list[Writer | None] = []
    done = Tally()
    asked = iter([False, False, False, True])

    def one(n: int, writer: Writer | None) -> None:
        given.append(writer)
        done.skipped += 1

    chunked(
        ledger, actor_of(ledger), 5, one, done,
        chunk=2, cancelled=lambda: next(asked), writes=lambda start, end: start >= 2,
    )  # fmt: skip
    assert given[:2] == [None, None] and isinstance(given[2], Writer)
    assert done.skipped == 3 and done.stopped  # stopped before the fourth
