"""Authors recorded as ``姓名@设备名称``: signing a ledger's earlier changes at enrolment.

A ledger used before it was enrolled wrote its changes under the plain name of its user. None
of them has left the device yet (there was no hub to send them to), so at its first enrolment
they are recorded as the enrolled device's, in the log and in the rows the log projects, the
same way the hub will see them.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from fieldapp.domain.roles import author_parts, signed_author
from fieldapp.store.dump import synced_tables


def sign_authors(db: sqlite_utils.Database, origins: Iterable[str], device: str) -> int:
    """Record every author of `origins`' changes as ``姓名@device``; returns how many changes
    were rewritten (call inside a transaction, before anything was sent)."""
    origins = sorted(set(origins))
    marks = ", ".join("?" for _ in origins)
    if not origins:
        return 0
    found = db.execute(
        f"SELECT DISTINCT author FROM changes WHERE device_id IN ({marks})", origins
    ).fetchall()
    renames = {
        (a or ""): signed_author(a or "", device)
        for (a,) in found
        if author_parts(a or "")[1] != device
    }
    total = 0
    for old, new in renames.items():
        cursor = db.execute(
            f"UPDATE changes SET author = ? WHERE device_id IN ({marks}) AND coalesce(author, '') = ?",
            [new, *origins, old],
        )
        total += cursor.rowcount
        for table in synced_tables(db):
            for who, where in (("created_by", "created_device"), ("updated_by", "updated_device")):
                db.execute(
                    f"UPDATE [{table}] SET [{who}] = ? WHERE [{where}] IN ({marks}) "
                    f"AND coalesce([{who}], '') = ?",
                    [new, *origins, old],
                )
    return total
