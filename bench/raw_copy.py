"""The physical floor the benches compare logged writes with: plain executemany into a fresh ledger."""

from __future__ import annotations

import time
from pathlib import Path

from fieldapp.store.connection import open_database
from fieldapp.store.ledger import Ledger
from fieldapp.store.migrations import migrate


def raw_copy(
    source: Ledger, target_path: Path, tables: tuple[str, ...], with_log: bool
) -> tuple[int, float]:
    """Copy every column of `tables` (optionally the change log too) by plain executemany.

    Returns (data rows, seconds). This is the physical limit of a write: the same rows, indexes
    and full-text triggers, with no Python per row and no log entries to build.
    """
    raw_db = open_database(target_path)
    migrate(raw_db)
    rows_total, seconds = 0, 0.0
    for table in (*tables, "changes") if with_log else tables:
        order = "" if table == "changes" else " ORDER BY rowid"  # changes is WITHOUT ROWID
        cursor = source.db.execute(f"SELECT * FROM [{table}]{order}")
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
        sql = (
            f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})"
        )
        start = time.perf_counter()
        raw_db.execute("BEGIN IMMEDIATE")
        raw_db.conn.executemany(sql, rows)
        raw_db.execute("COMMIT")
        seconds += time.perf_counter() - start
        rows_total += len(rows) if table != "changes" else 0
    raw_db.conn.close()
    return rows_total, seconds
