"""The one place a database connection is opened (encryption at rest will hook in here)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import cast

import sqlite_utils

from fieldapp.store import postgres

#: Bytes the write-ahead log may keep on disk once its pages are in the ledger file. A
#: 100 000-person import writes a 300 MB log; without a limit the file stays that size for
#: good, doubling the ledger's footprint on a small laptop disk.
WAL_SIZE_LIMIT = 64 * 1024 * 1024
#: Bytes per page of a new ledger file (an existing file keeps its own): four times SQLite's
#: default, as MySQL's InnoDB uses. A ledger holds hundreds of megabytes written in bulk; a
#: 100 000-row import ran 5 % faster with 8 KB pages than with 4 KB, and 3 % faster again with
#: 16 KB.
PAGE_SIZE = 16384
#: How long a statement waits for another connection's lock.
BUSY_TIMEOUT_MS = 30000


def open_database(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) a ledger file with WAL, full sync and autocommit mode.

    Autocommit (isolation_level=None) lets the store issue its own `BEGIN IMMEDIATE`, so every
    write transaction takes the write lock up front, as Datasette does.
    """
    if postgres.is_url(path):
        # A county hub's ledger in PostgreSQL: a stand-in with the same interface.
        return cast(sqlite_utils.Database, postgres.PgDatabase(str(path)))
    path = Path(path)
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30)
    conn.execute(f"PRAGMA page_size={PAGE_SIZE}")  # a new file only; WAL fixes it from here
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA cache_size=-32000")
    conn.execute("PRAGMA temp_store=MEMORY")
    conn.execute(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT}")
    return sqlite_utils.Database(conn)


def trim_wal(conn: sqlite3.Connection, path: str | Path) -> None:
    """Give back the disk space a big write left in the write-ahead log; never waits.

    After a commit the log's pages are normally copied into the ledger file already (SQLite's
    automatic checkpoint), but the file keeps its size. When it is over `WAL_SIZE_LIMIT` it is
    emptied, unless another connection still reads an older snapshot from it: then it stays
    until `journal_size_limit` shortens it on a later write.
    """
    if str(path) == ":memory:" or conn.in_transaction:
        return
    try:
        if Path(f"{path}-wal").stat().st_size <= WAL_SIZE_LIMIT:
            return
    except OSError:
        return
    conn.execute("PRAGMA busy_timeout=0")
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except sqlite3.Error:
        pass  # a reader or a full disk: the log stays as it is, nothing in it is lost
    finally:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
