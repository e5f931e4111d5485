"""Taking a device's own refused changes back out of its rows, keeping them in its log.

When the hub holds one of this device's changes (the trust rules refused it), the device still
shows the change's values, since it made them. The user may take it back ("undo"); when the
county accepts it as its own change, the device takes its copy back by itself. Either way the
change stays in the device's change log (history and audit are append-only) but its rows are
worked out again from every other change of the same row, exactly as the hub and every other
device work them out: the replicas agree again.

The row is rebuilt inside the caller's transaction: its changes leave the log for a moment,
the ones that count are projected again through the one projector, and the withdrawn ones go
back into the log unprojected.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from fieldapp.store.changelog import CHANGE_COLUMNS, Change
from fieldapp.store.ledger import Ledger


def _changes_of(ledger: Ledger, table: str, row_id: str) -> list[Change]:
    rows = ledger.db.execute(
        f"SELECT {CHANGE_COLUMNS} FROM changes WHERE row_id = ? AND tbl = ? "
        "ORDER BY device_id, seq",
        [row_id, table],
    ).fetchall()
    return [Change.from_row(r) for r in rows]


def reproject(
    ledger: Ledger, table: str, row_id: str, skip: set[str], *, keep_skipped: bool = True
) -> None:
    """Rebuild one row from its logged changes, leaving out the changes in `skip` (which stay
    in the log unprojected, unless `keep_skipped` is False)."""
    every = _changes_of(ledger, table, row_id)
    keep = [c for c in every if c.id not in skip]
    gone = [c for c in every if c.id in skip]
    named = {c.id for c in every}
    for change in every:
        for ids in (change.parents or {}).values():
            named.update(ids)
    db = ledger.db
    db.execute(
        "DELETE FROM superseded WHERE change_id IN (SELECT value FROM json_each(?))",
        [json.dumps(sorted(named))],
    )
    db.conn.executemany(
        "DELETE FROM changes WHERE device_id = ? AND seq = ?",
        [(c.device_id, c.seq) for c in every],
    )
    db.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id])
    db.execute("DELETE FROM conflicts WHERE tbl = ? AND row_id = ?", [table, row_id])
    if keep:
        ledger.projector.apply_many(keep)
    if keep_skipped:
        db.conn.executemany(
            f"INSERT INTO changes ({CHANGE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)",
            [c.as_row() for c in gone],
        )


def withdraw(ledger: Ledger, change_ids: Iterable[str], already: Iterable[str] = ()) -> int:
    """Take changes out of the rows they touched (they stay logged); returns how many rows
    were rebuilt. `already` are changes withdrawn before, which stay withdrawn."""
    wanted = set(change_ids)
    skip = wanted | set(already)
    rows: set[tuple[str, str]] = set()
    with ledger.transaction():
        for change_id in wanted:
            change = ledger.projector.load_change(change_id)
            if change is None:
                continue
            rows.add((change.tbl, change.row_id))
            # A refused change may name versions of other rows as its parents (the hub refuses
            # that): those rows counted them as seen, so they are worked out again too.
            for ids in (change.parents or {}).values():
                for parent_id in ids:
                    parent = ledger.projector.load_change(parent_id)
                    if parent is not None:
                        rows.add((parent.tbl, parent.row_id))
        for table, row_id in sorted(rows):
            reproject(ledger, table, row_id, skip)
    return len(rows)


def replace_logged(ledger: Ledger, old: list[Change]) -> None:
    """Take logged changes out of the log and out of the rows they touched (the rows worked
    out again from the rest), so changes carrying the same ids with other content can be
    applied: a device's copy of the changes a hub restored from its backup lost and numbered
    anew (`fieldapp.sync.exchange`)."""
    renumber(ledger, old, [])


def renumber(ledger: Ledger, old: list[Change], new: list[Change]) -> None:
    """Replace logged changes by copies under other ids (`new[i]` for `old[i]`), rows worked
    out again: a restored ledger's changes no hub has acknowledged, moved to its new
    incarnation (see `fieldapp.services.incarnation`)."""
    gone = {c.id for c in old}
    with ledger.transaction():
        for table, row_id in sorted({(c.tbl, c.row_id) for c in old}):
            reproject(ledger, table, row_id, gone, keep_skipped=False)
        ledger.projector.apply_many(new)
