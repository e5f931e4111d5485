"""The physical floor the benches compare logged writes with: the fastest plain SQLite store.

The same rows go into a fresh ledger file with the same schema and pragmas, as fast as plain
SQLite can take them: every table's rows by one prepared `executemany` each, all in one
transaction, into tables without their indexes and full-text triggers; the indexes are then
built once over the loaded rows (SQLite sorts instead of inserting key by key) and the full-text
indexes by their own 'rebuild' command. The file ends as a ledger written row by row would be:
same tables, indexes, search indexes and triggers.
"""

from __future__ import annotations

import time
from pathlib import Path

from fieldapp.store.connection import open_database
from fieldapp.store.ledger import Ledger
from fieldapp.store.migrations import migrate

#: Full-text indexes kept in step with a content table (m0001): rebuilt after the load.
SEARCH_INDEXES = ("person_words", "person_digits")


def raw_copy(
    source: Ledger, target_path: Path, tables: tuple[str, ...], with_log: bool
) -> tuple[int, float]:
    """Copy every column of `tables` (optionally the change log too) the fastest plain way.

    Returns (data rows, seconds). Reading the source and creating the schema are not timed;
    loading, indexing and committing are.
    """
    names = (*tables, "changes") if with_log else tables
    raw_db = open_database(target_path)
    migrate(raw_db)
    conn = raw_db.conn
    # Indexes and triggers on the loaded tables are dropped now and made again after the load.
    later = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
        f"AND sql IS NOT NULL AND tbl_name IN ({', '.join('?' * len(names))})",
        names,
    ).fetchall()
    for kind, name, _sql in later:
        conn.execute(f"DROP {kind.upper()} [{name}]")
    rows_total, seconds = 0, 0.0
    conn.execute("BEGIN IMMEDIATE")
    for table in names:  # one table in memory at a time: flat at a million persons
        order = "" if table == "changes" else " ORDER BY rowid"  # changes is WITHOUT ROWID
        cursor = source.db.execute(f"SELECT * FROM [{table}]{order}")
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
        sql = (
            f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})"
        )
        start = time.perf_counter()
        conn.executemany(sql, rows)
        seconds += time.perf_counter() - start
        rows_total += len(rows) if table != "changes" else 0
        del rows
    start = time.perf_counter()
    for _kind, _name, sql in later:
        conn.execute(sql)
    if "persons" in names:
        for index in SEARCH_INDEXES:
            conn.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")
    conn.execute("COMMIT")
    seconds += time.perf_counter() - start
    conn.close()
    return rows_total, seconds
