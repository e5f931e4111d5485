"""Bulk inserts of persons may index search set-based instead of row by row.

The per-row FTS5 insert trigger on `persons` costs about three times what indexing the same rows
with one `INSERT … SELECT` does. `_search_deferred` is a local (never synced) switch: while it
holds a row the insert trigger stands aside, and whoever set it indexes the new rows before
clearing it, in the same transaction. It is empty whenever a transaction commits, so every
other writer (sync's projector, single inserts, other tools opening the file) indexes as before.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 5


def apply(db: sqlite_utils.Database) -> None:
    """Create the switch table and make the persons insert trigger honour it."""
    db.execute("CREATE TABLE _search_deferred (since_rowid INTEGER NOT NULL)")
    db.execute("DROP TRIGGER persons_search_ai")
    db.execute(
        """CREATE TRIGGER persons_search_ai AFTER INSERT ON persons
        WHEN NOT EXISTS (SELECT 1 FROM _search_deferred)
        BEGIN
            INSERT INTO person_words(rowid, search_words) VALUES (new.rowid, new.search_words);
            INSERT INTO person_digits(rowid, id_number, phone)
                VALUES (new.rowid, new.id_number, new.phone);
        END"""
    )
