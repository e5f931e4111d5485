"""A conflict's 编号 as the clerk types it: the shortest start of its id that names it among the
open ones, never fewer than `SHORTEST_NUMBER` characters. One rule for every place that says or
reads one — the `conflicts` listing, `conflicts resolve`, the conflicts page, a sync conflict's
and a spreadsheet's alike — so the number a clerk is told is the number each of them takes."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

#: The fewest characters of a conflict's 编号 that are taken (a shorter one names none).
SHORTEST_NUMBER = 4


def typed(number: str) -> str:
    """A number as typed, as the ids are written (no spaces, lower case, half-width: a Chinese
    input method left in full-width mode types ｂ２ｅ７ for b2e7)."""
    return unicodedata.normalize("NFKC", number).strip().lower()


def long_enough(number: str) -> bool:
    """True when `number` has at least `SHORTEST_NUMBER` characters."""
    return len(typed(number)) >= SHORTEST_NUMBER


def number_range(number: str) -> tuple[str, str]:
    """The ids starting with `number` are those in [low, high): a range the store matches in
    its index, not every id read and compared. `number` is not empty."""
    low = typed(number)
    return low, low[:-1] + chr(ord(low[-1]) + 1)


def short_numbers(every: Iterable[str]) -> dict[str, str]:
    """Each of `every` → the shortest start of it (at least `SHORTEST_NUMBER` characters) that
    no other starts with: what the clerk types to name it. An id listed twice gets itself
    whole. Sorted once: an id's nearest neighbours in order share its longest common starts,
    so a list of 10 000 conflicts is not compared pair by pair; each neighbouring pair is
    compared once, and character by character only when they share the first
    `SHORTEST_NUMBER` - 1 (a shorter common start still leaves the number at its shortest)."""
    ordered = sorted(every)
    least = SHORTEST_NUMBER - 1
    # The longest start each id shares with a neighbour; below `least` it does not matter.
    shared = [0] * len(ordered)
    for n in range(1, len(ordered)):
        before, conflict_id = ordered[n - 1], ordered[n]
        if before[:least] != conflict_id[:least]:
            continue
        same = least
        limit = min(len(before), len(conflict_id))
        while same < limit and before[same] == conflict_id[same]:
            same += 1
        shared[n - 1] = max(shared[n - 1], same)
        shared[n] = max(shared[n], same)
    return {
        conflict_id: conflict_id[: max(shared[n] + 1, SHORTEST_NUMBER)]
        for n, conflict_id in enumerate(ordered)
    }


def short_number(conflict_id: str, every: Iterable[str]) -> str:
    """The shortest start of `conflict_id` that names it among `every` (`short_numbers`)."""
    return short_numbers(every).get(conflict_id, conflict_id)


def matches(conflict_id: str, filter_text: str) -> bool:
    """True when `filter_text` (as typed) starts `conflict_id`: a number a clerk was told."""
    wanted = typed(filter_text)
    return bool(wanted) and conflict_id.startswith(wanted)
