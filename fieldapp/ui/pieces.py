"""Long lists over a township or a county, worked out village by village.

A coordinator's own village comes first and shows within a second; the other villages and
sites follow while the user works, each delivered to the page as it is done (the progress bar
says how far). Small areas are worked out in one go.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from fieldapp.domain.progress import Cancelled
from fieldapp.services.ledgers import Ledger
from fieldapp.store.queries.areas import area_parts
from fieldapp.ui.operations import OperationProgress

T = TypeVar("T")

#: Areas with more households than this are worked out part by part.
PIECEWISE_HOUSEHOLDS = 2000


def in_parts(
    ledger: Ledger,
    area: str | None,
    home: str,
    compute: Callable[[Ledger, str | None], list[T]],
    progress: OperationProgress,
    text: str,
) -> list[T]:
    """`compute(ledger, area)` for the whole area, or for each of its villages and sites in
    turn (the home one first), delivering each part through `progress` as it is done."""
    parts = area_parts(ledger, area)
    households = sum(n for _code, n in parts)
    # A household placed above village level would be counted again in a village's prefix.
    if households <= PIECEWISE_HOUSEHOLDS or len(parts) <= 1 or any(len(c) < 12 for c, _ in parts):
        return compute(ledger, area)
    mine = home[:12] if len(home) >= 12 else home
    parts.sort(key=lambda part: (not (mine and part[0].startswith(mine)), part[0]))
    out: list[T] = []
    done = 0
    for code, count in parts:
        if progress.cancelled:
            raise Cancelled()
        found = compute(ledger, code)
        out.extend(found)
        progress.deliver(found)
        done += count
        progress.report(done, households, text)
    return out
