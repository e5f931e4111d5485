"""Deciding many held changes in one step: the county's rule for `hub rejected --accept 1-40`
and for the county desktop's review with several rows selected.

The changes are decided one at a time, in order, each by the hub exactly as a single one is
(it checks every accepted change again as the county). The first that cannot be decided
stops the run: the ones before it stay decided, it and the rest are left waiting, and the
caller says which. A run the user cancels stops between two decisions the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from fieldapp.domain.errors import FieldappError
from fieldapp.domain.progress import CancelCheck, Progress


@dataclass
class DecidedRun:
    """What a run of decisions did."""

    #: The held changes decided, in order.
    done: list[int] = field(default_factory=list)
    #: How many of the accepted ones changed nothing (the hub already had their values).
    same: int = 0
    #: The one that could not be decided, and why; None when none failed.
    failed: int | None = None
    error: FieldappError | None = None
    #: The user stopped the run before all were decided.
    cancelled: bool = False
    #: Not decided: the one that failed and every one after it (or after the cancel).
    left: list[int] = field(default_factory=list)


def decide_in_order(
    ids: Sequence[int],
    decide: Callable[[int], bool],
    *,
    cancel: CancelCheck | None = None,
    progress: Progress | None = None,
) -> DecidedRun:
    """Decide `ids` in order with `decide` (which returns whether it changed the hub's
    ledger), stopping at the first it cannot decide or when `cancel` says so."""
    wanted = list(dict.fromkeys(ids))
    run = DecidedRun()
    for index, held_id in enumerate(wanted):
        if progress is not None:
            progress(index, len(wanted))
        if cancel is not None and cancel():
            run.cancelled, run.left = True, wanted[index:]
            return run
        try:
            changed = decide(held_id)
        except FieldappError as error:
            run.failed, run.error, run.left = held_id, error, wanted[index:]
            return run
        run.done.append(held_id)
        run.same += not changed
    if progress is not None:
        progress(len(wanted), len(wanted))
    return run
