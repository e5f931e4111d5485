"""Giving a ledger's village the code the county enrolled its laptop under, before anything left.

A ledger set up before its enrolment names its village with the next free local code below the
township (520502010001); the county's enrolment says the village is 520502010002 — another code,
the only one below that township the laptop may write. Nothing has been sent to a hub yet, so
the village's code (and every code below it: its groups) is rewritten wherever it stands — the
rows, the change log that will be sent, the ledger's home area — as if it had been typed so from
the start.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import sqlite_utils

from fieldapp.domain.areacode import prefix_range
from fieldapp.store.changelog import dumps
from fieldapp.store.dump import synced_tables
from fieldapp.store.ids import natural_id

#: Columns of synced rows that hold an area code.
CODE_COLUMNS = ("area_code", "code", "parent_code")


def villages_below(db: sqlite_utils.Database, township: str) -> list[str]:
    """The codes of the ledger's places (villages and sites) right below a township."""
    rows = db.execute(
        "SELECT code FROM areas WHERE code >= ? AND code < ? AND length(code) = ?",
        [*prefix_range(township), len(township) + 3],
    ).fetchall()
    return sorted(r[0] for r in rows)


def recode_area(
    db: sqlite_utils.Database, old: str, new: str, meta_keys: Iterable[str] = ()
) -> int:
    """Rewrite the area `old` (and every code below it) as `new` in the synced rows, the change
    log and the ledger's `meta_keys` (the device's home area); returns how many logged changes
    were rewritten. Call inside the transaction that enrols, before anything was sent."""

    def moved(value: object) -> object:
        if isinstance(value, str) and value.startswith(old):
            return new + value[len(old) :]
        return value

    below = list(prefix_range(old))
    for (code,) in db.execute(
        "SELECT code FROM areas WHERE code >= ? AND code < ?", below
    ).fetchall():
        before, after = natural_id("areas", code), natural_id("areas", str(moved(code)))
        db.execute("UPDATE areas SET id = ? WHERE id = ?", [after, before])
        db.execute(
            "UPDATE changes SET row_id = ? WHERE tbl = 'areas' AND row_id = ?", [after, before]
        )
    holding = set()
    for table in synced_tables(db):
        columns = {c.name for c in db[table].columns}
        for column in CODE_COLUMNS:
            if column in columns:
                holding.add(table)
                db.execute(
                    f"UPDATE [{table}] SET [{column}] = ? || substr([{column}], ?) "
                    f"WHERE [{column}] >= ? AND [{column}] < ?",
                    [new, len(old) + 1, *below],
                )
    for key in meta_keys:
        row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        if row and isinstance(row[0], str) and row[0].startswith(old):
            db.execute("UPDATE meta SET value = ? WHERE key = ?", [moved(row[0]), key])
    if not holding:
        return 0
    marks = ", ".join("?" for _ in holding)
    rewritten = 0
    for device, seq, data in db.execute(
        f"SELECT device_id, seq, data FROM changes WHERE tbl IN ({marks})", sorted(holding)
    ).fetchall():
        values = json.loads(data)
        if not isinstance(values, dict):
            continue
        changed = {k: moved(values[k]) for k in CODE_COLUMNS if k in values}
        if any(changed[k] != values[k] for k in changed):
            values.update(changed)
            db.execute(
                "UPDATE changes SET data = ? WHERE device_id = ? AND seq = ?",
                [dumps(values), device, seq],
            )
            rewritten += 1
    return rewritten
