"""The read-only query API: everything the UI, the CLI, paperwork and tabular read from a ledger.

One module per subject (areas, persons, visits, claims, sync …). Functions take the ledger (or,
for a long import, the second connection `Ledger.reader()` gives) and return plain rows —
frozen dataclasses, named tuples — or domain models. Nothing here writes: writes go through
`fieldapp.services`. This package and the rest of `fieldapp.store` are where the project's SQL
lives; the UI may import from `fieldapp.store` only this package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlite_utils

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger


def db_of(source: Ledger | sqlite_utils.Database) -> sqlite_utils.Database:
    """The connection a query runs on."""
    return source if isinstance(source, sqlite_utils.Database) else source.db
