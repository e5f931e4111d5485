"""A canonical, order-free picture of a ledger: what two converged replicas must share.

The projection's bookkeeping (`_origin` / `_heads`) may be written differently depending on
the order changes arrived in, so it is replaced by each field's resolved set of heads.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from fieldapp.store.projector import Projector

SKIP = {"_origin", "_heads"}


def synced_tables(db: sqlite_utils.Database) -> list[str]:
    """Tables that are projections of the change log (they carry `_heads`)."""
    return sorted(t for t in db.table_names() if "_heads" in {c.name for c in db[t].columns})


def canonical_dump(db: sqlite_utils.Database) -> dict[str, Any]:
    """Log, conflicts and every synced row with its per-field heads, in a fixed order."""
    projector = Projector(db)
    out: dict[str, Any] = {
        "changes": db.execute(
            "SELECT device_id, seq, hlc, author, tbl, row_id, data, parents FROM changes "
            "ORDER BY device_id, seq"
        ).fetchall(),
        "conflicts": db.execute("SELECT * FROM conflicts ORDER BY tbl, row_id, field").fetchall(),
    }
    for table in synced_tables(db):
        fields = projector.data_fields(table)
        rows = []
        for (row_id,) in db.execute(f"SELECT id FROM [{table}] ORDER BY id").fetchall():
            row = projector.fetch_row(table, row_id) or {}
            heads = {f: sorted(projector.heads_of(row, f)) for f in fields}
            rows.append(({k: v for k, v in row.items() if k not in SKIP}, heads))
        out[table] = rows
    return out
