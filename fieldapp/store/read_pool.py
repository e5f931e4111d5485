"""A few reader connections to one ledger file, to read several tables at the same time.

Why: on a county-sized ledger (a million persons, a 6.5 GB file) the records of one village are
scattered through the whole file, one page here and one there for each person. With the file
not yet in the operating system's page cache, a query waits for the disk one page at a time,
and the due list's six record tables, read one after the other, waited six times as long.
Reading each table on its own connection lets the disk serve them together (the due list of
the largest village at a million persons, page cache dropped: 1.10–1.33 → 0.51–0.88 s).

What each connection sees is the ledger as last committed, like any second connection: a caller
inside a write transaction must read on its own connection (`Ledger.read_pool` gives no pool
then).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import sqlite_utils

#: Connections (and threads): the due list reads six record tables.
POOL_SIZE = 6

#: Each connection's own page cache. The pages a list reads once are kept by the operating
#: system anyway; SQLite's default (32 MB a connection) would add up to the app's peak memory.
CACHE_KIB = 1024


class ReadPool:
    """Runs read queries on reader connections of their own, several at once.

    Each worker thread opens its connection the first time it runs a query, keeps it for the
    next ones (a county's list is read village by village), and `close` closes them all.
    """

    def __init__(self, opener: Callable[[], sqlite_utils.Database], size: int = POOL_SIZE) -> None:
        self._opener = opener
        self._executor = ThreadPoolExecutor(max_workers=size, thread_name_prefix="fieldapp-read")
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[sqlite_utils.Database] = []
        self._closed = False

    def _db(self) -> sqlite_utils.Database:
        db: sqlite_utils.Database | None = getattr(self._local, "db", None)
        if db is None:
            db = self._opener()
            db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            self._local.db = db
            with self._lock:
                self._opened.append(db)
        return db

    def _fetch(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        return list(self._db().execute(sql, list(params)).fetchall())

    def fetch(self, queries: Sequence[tuple[str, Sequence[Any]]]) -> list[Future[list[Any]]]:
        """Start every query at once; each future gives that query's rows (or its error)."""
        if self._closed:
            raise RuntimeError("the read pool is closed")
        return [self._executor.submit(self._fetch, sql, params) for sql, params in queries]

    def close(self) -> None:
        """Wait for running queries, then close every connection."""
        self._closed = True
        self._executor.shutdown(wait=True)
        with self._lock:
            opened, self._opened = self._opened, []
        for db in opened:
            db.conn.close()
