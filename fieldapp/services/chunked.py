"""Many decisions written a chunk to a transaction, each as a single one is: the loop shared by
deciding a spreadsheet's conflicts together (`sheet_conflicts.decide_many`) and resolving sync
conflicts together (`sync.conflicts.resolve_many`).

A commit (and its wait for the disk) per chunk rather than per decision; a chunk that fails is
rolled back and its decisions written again one by one, each its own transaction, so that what
stands when the error comes is what deciding them one at a time leaves. What was done is
counted in a tally (a dataclass of lists and counts, and `stopped`), put back as it was when
its transaction is rolled back: filled as the decisions are written, it says what stands when
an error is raised.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any

from fieldapp.services.writer import Actor, Writer, writing
from fieldapp.store.ledger import Ledger

#: What a tally held before a transaction: each list's length, each count.
Counts = dict[str, int]


def chunked(
    ledger: Ledger,
    actor: Actor,
    total: int,
    one: Callable[[int, Writer | None], None],
    done: Any,
    *,
    chunk: int,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    writes: Callable[[int, int], bool] | None = None,
    closing: Callable[[Writer, Counts], None] | None = None,
) -> None:
    """`one(n, writer)` for n in 0…`total`-1, `chunk` of them to a transaction; `one` counts
    what it did in `done` (a dataclass with `stopped`). `cancelled` stops between two, `done`
    marked stopped: every decision written before stays written. `progress(n, total)` is told
    before each, and never steps back, not while a failed chunk is written again.

    `writes(start, end)` False: nothing in that chunk can be written, its items are gone
    through without a transaction (`one` is given None). `closing(writer, before)` runs at the
    end of each transaction, with what `done` counted before it (`counts`)."""
    reported = 0  # the furthest `progress` was told

    def run(start: int, end: int, writer: Writer | None) -> int:
        """Items `start`..`end` into `writer`'s transaction; where it stopped."""
        nonlocal reported
        for n in range(start, end):
            if cancelled is not None and cancelled():
                done.stopped = True
                return n
            if progress is not None and n >= reported:
                reported = n
                progress(n, total)
            one(n, writer)
        return end

    def written(start: int, end: int) -> int:
        """`run` in one transaction; where it stopped. Failing, `done` is put back as it was
        (the transaction is rolled back whole) and the error raised."""
        before = counts(done)
        try:
            with writing(ledger, actor) as writer:
                stop = run(start, end, writer)
                if closing is not None:
                    closing(writer, before)
        except Exception:
            _put_back(done, before)
            raise
        return stop

    reached = 0
    while reached < total and not done.stopped:
        end = min(reached + chunk, total)
        if writes is not None and not writes(reached, end):
            reached = run(reached, end, None)
            continue
        try:
            reached = written(reached, end)  # only once committed
        except Exception:
            # Rolled back whole: again one by one, each its own transaction as a single
            # decision is (those before the failing one written, its error raised).
            while reached < end and not done.stopped:
                reached = written(reached, reached + 1)
    if progress is not None and not done.stopped:
        progress(total, total)


def counts(done: Any) -> Counts:
    """Each list's length and each count of the tally `done` (not `stopped`)."""
    found: Counts = {}
    for item in fields(done):
        value = getattr(done, item.name)
        if isinstance(value, list):
            found[item.name] = len(value)
        elif isinstance(value, int) and not isinstance(value, bool):
            found[item.name] = value
    return found


def _put_back(done: Any, before: Counts) -> None:
    """`done` as it was `before` a transaction rolled back: what it added let go, not stopped."""
    for name, count in before.items():
        value = getattr(done, name)
        if isinstance(value, list):
            del value[count:]
        else:
            setattr(done, name, count)
    done.stopped = False
