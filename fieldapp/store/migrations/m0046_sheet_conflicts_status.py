"""Indexes for the kept conflicts' two readings by status (`sheet_conflicts`, version 42).

The conflicts page, `conflicts`, the short numbers and an import's "is any open?" read the open
ones (`status = 'open'`, the latest import's first); the 30-day clearing of a decided one's
personal data (`store.sheet_conflicts.clear_decided`, `services.sheet_conflicts.KEPT_DAYS`)
reads the closed ones decided before a day. Version 42 indexed only the cell (for a later
import's replacing an open one), so each of these read every row the device ever kept, and
the table only grows (nothing in it is deleted).

- `idx_sheet_conflicts_status` (status, imported_at): the open ones, already in the page's
  first order.
- `idx_sheet_conflicts_to_clear` (decided_at), only of rows whose values are not yet cleared:
  the clearing reads the few that are due, not the years of cleared ones (a cleared row leaves
  the index). Its condition is the clearing query's own term, word for word (SQLite uses a
  partial index only then); `store.postgres` writes it as `(sheet_value::jsonb ->>
  'cleared_at') IS NULL` there, as in the query.

A hub ledger (SQLite or PostgreSQL) gets them too, on its empty table: one schema for every
ledger.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 46


def apply(db: sqlite_utils.Database) -> None:
    """The two indexes."""
    db.execute("CREATE INDEX idx_sheet_conflicts_status ON sheet_conflicts(status, imported_at)")
    db.execute(
        "CREATE INDEX idx_sheet_conflicts_to_clear ON sheet_conflicts(decided_at) "
        "WHERE json_extract(sheet_value, '$.cleared_at') IS NULL"
    )
