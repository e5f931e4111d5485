"""The read-only query API: everything the UI, the CLI, paperwork and tabular read from a ledger.

One module per subject (areas, persons, records, claims, search …). Functions take the ledger
(or a `Reader`: a connection of its own, for a search thread or a long import) and return rows —
frozen dataclasses, named tuples — or domain models. Nothing here writes: writes go through
`fieldapp.services`. This package and the rest of `fieldapp.store` are where the project's SQL
lives; the UI may import from `fieldapp.store` only this package.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Union

import sqlite_utils

from fieldapp.store.connection import open_database

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger


class Reader:
    """A connection of its own for reading a ledger file (a search thread, a long import).

    It sees the ledger as last committed; its owner closes it, on the thread that used it.
    """

    def __init__(
        self, path: str | Path | Callable[[], sqlite_utils.Database], cache_mib: int = 0
    ) -> None:
        """Open the reader; `cache_mib` caps its page cache (else the connection's default,
        32 MB: a reader that scans a million persons keeps that much resident)."""
        # An encrypted ledger is read through its own `Ledger.reader` (keyed); a path opens
        # a plain file.
        self.db = path() if callable(path) else open_database(path)
        if cache_mib:
            self.db.execute(f"PRAGMA cache_size=-{int(cache_mib) * 1024}")

    def close(self) -> None:
        """Close the connection."""
        self.db.conn.close()


#: What a query reads from: an open ledger, or a reader connection to one.
Source = Union["Ledger", Reader, sqlite_utils.Database]


def db_of(source: Source) -> sqlite_utils.Database:
    """The connection a query runs on."""
    return source if isinstance(source, sqlite_utils.Database) else source.db
