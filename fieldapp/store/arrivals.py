"""The order the hub took the changes in its log (`hub_arrivals`, migration m0038).

The authors' stamps say when a change was written by its author's clock, which may be behind;
the hub's order of arrival is its own. Each import on the hub notes, before it applies
anything and again after, how far each origin's changes reach in the log (`note`): the hub's
own changes written since the last import come before the import's, and the import's after
them. A change was taken at the first note that reaches its seq (`taken`); one written since
the last note (the hub's own, of a moment ago) was taken after all noted (`NOT_NOTED`).

That is a row per origin per import: a county's years of them. The order decides one thing: an
answer cuts a row that left the device's area at its departure, the latest change past what
the device confirmed (`store.answers.departures`), and sends the row's changes taken up to it.
A change at or below every device's confirmed vector (`SyncState.answered_floor`) was in the
log when each of those answers was made; noted then, it was taken before any note since,
and if noted only after (the hub's own, written before that answer and noted at the next
import), the hub's own clock put it before every own change of a later moment. So it stands
before every departure still to come, whichever of the notes at or below the floor it is
said to have been taken at: `prune` keeps, per origin, the newest note at or below the floor
and the notes after it. A revoked device counts in the floor no more; the hub forgets what it
sent one whose answers were reckoned from below it (`SyncState.passed_over`), so enrolled again
it is sent a complete answer, no cut reckoned from notes forgotten.
"""

from __future__ import annotations

import bisect
import sys
from collections.abc import Iterable, Mapping
from typing import Any

import sqlite_utils

from fieldapp.store.replica import vector

#: Where a change the hub wrote since its last note stands: after every noted one.
NOT_NOTED = sys.maxsize


#: Every how many notes an import forgets those no cut needs any more (`prune`): working out
#: how far every device was answered reads each device's vector.
PRUNE_EVERY = 64


def note(db: sqlite_utils.Database) -> int | None:
    """Record, as the next note, every origin whose changes in the log reach further than the
    last note of it (call inside the import's transaction). One index probe per origin. The
    note's number, None when nothing was gained."""
    gained: list[tuple[str, int]] = []
    for origin, top in vector(db).items():
        row = db.execute(
            "SELECT max(last_seq) FROM hub_arrivals WHERE device_id = ?", [origin]
        ).fetchone()
        if top > int(row[0] or 0):
            gained.append((origin, top))
    if not gained:
        return None
    last = db.execute("SELECT max(taken) FROM hub_arrivals").fetchone()
    taken = int(last[0] or 0) + 1
    db.conn.executemany(
        "INSERT OR IGNORE INTO hub_arrivals VALUES (?, ?, ?)",
        [(origin, top, taken) for origin, top in gained],
    )
    return taken


def taken(
    db: sqlite_utils.Database, changes: Iterable[tuple[Any, ...]]
) -> dict[tuple[str, int], int]:
    """The note each of `changes` (log rows: origin, seq first) was taken at (`NOT_NOTED` when
    written since the last). One query per origin, whatever the number of changes."""
    by_origin: dict[str, set[int]] = {}
    for change in changes:
        by_origin.setdefault(str(change[0]), set()).add(int(change[1]))
    found: dict[tuple[str, int], int] = {}
    for origin, seqs in by_origin.items():
        rows = db.execute(
            "SELECT last_seq, taken FROM hub_arrivals WHERE device_id = ? AND last_seq >= ? "
            "ORDER BY last_seq",
            [origin, min(seqs)],
        ).fetchall()
        tops = [int(r[0]) for r in rows]
        for seq in seqs:
            at = bisect.bisect_left(tops, seq)
            found[(origin, seq)] = int(rows[at][1]) if at < len(rows) else NOT_NOTED
    return found


def prune(db: sqlite_utils.Database, floor: Mapping[str, int]) -> None:
    """Forget, per origin, the notes below the newest one at or below `floor` (the least
    vector every device's answers are reckoned from, `SyncState.answered_floor`): the changes
    they held are then taken at that one, before every departure to come (see the module
    docstring). One index range per origin."""
    for origin, upto in floor.items():
        row = db.execute(
            "SELECT max(last_seq) FROM hub_arrivals WHERE device_id = ? AND last_seq <= ?",
            [origin, int(upto)],
        ).fetchone()
        if row[0] is not None:
            db.execute(
                "DELETE FROM hub_arrivals WHERE device_id = ? AND last_seq < ?",
                [origin, int(row[0])],
            )
