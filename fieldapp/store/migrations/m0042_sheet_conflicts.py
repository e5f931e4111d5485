"""The conflicts an update from a spreadsheet left undecided, kept (`sheet_conflicts`, local).

An update's conflict is a cell the sheet would change but the ledger changed after the sheet's
date. Decided in the preview it is written (or kept) then; left undecided, it was only named in
the import's report and then gone. Each is now kept here, to be decided later on the conflicts
page or with `conflicts resolve`: which file, when and by whom it was imported, the person and
the field, the sheet's value and the ledger's with the stamp and author of the ledger's edit as
they were at the import (a later decision for the sheet's value holds only while that edit is
still the cell's last). A decision closes the row (`status`: which side was kept, who decided,
when, the change it wrote); a later import's conflict on the same cell replaces an open one
(`replaced`). Nothing is deleted.

This device's own decision list, not a sync conflict: the table has no `_heads`, so it is no
projection of the change log and is never sent in a bundle (`store.dump.synced_tables`), as the
sync bookkeeping and the hub's own tables. Only the cell's value written on a decision for the
sheet travels, as an ordinary logged edit.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 42


def apply(db: sqlite_utils.Database) -> None:
    """The table and its index of open conflicts by cell."""
    db.execute(
        """CREATE TABLE sheet_conflicts (
            id TEXT PRIMARY KEY,
            file TEXT NOT NULL, imported_at TEXT NOT NULL, imported_by TEXT NOT NULL,
            sheet TEXT NOT NULL, sheet_row INTEGER NOT NULL,
            name TEXT NOT NULL, id_number TEXT NOT NULL,
            tbl TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL,
            sheet_value TEXT NOT NULL, ledger_value TEXT NOT NULL,
            ledger_stamp TEXT NOT NULL, ledger_author TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'sheet', 'ledger', 'replaced')),
            decided_at TEXT, decided_by TEXT, change_id TEXT
        )"""
    )
    db.execute(
        "CREATE INDEX idx_sheet_conflicts_cell ON sheet_conflicts(tbl, row_id, field, status)"
    )
