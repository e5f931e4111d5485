"""The one place a database connection is opened (encryption at rest will hook in here)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils


def open_database(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) a ledger file with WAL, full sync and autocommit mode.

    Autocommit (isolation_level=None) lets the store issue its own `BEGIN IMMEDIATE`, so every
    write transaction takes the write lock up front, as Datasette does.
    """
    path = Path(path)
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("PRAGMA busy_timeout=30000")
    conn.execute("PRAGMA cache_size=-32000")
    conn.execute("PRAGMA temp_store=MEMORY")
    return sqlite_utils.Database(conn)
