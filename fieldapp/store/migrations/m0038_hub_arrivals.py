"""The order the hub took the changes in (`hub_arrivals`).

A row that left a device's area is sent to it up to its departure (`store.answers.departures`):
the new village's later phone, account and employer never reach the old one. That cut was by
the authors' stamps, and a new village whose clock runs behind (more than a day: its clock then
does not follow the move's stamp, `hlc.followed`) wrote after the move with earlier stamps,
which reached the old village all the same. The hub now notes, at each import, how far each
origin's changes had reached in its log before and after it (`store.arrivals.note`): one row
per origin that gained changes, with the import's ordinal (`taken`). A change was taken at the
first note whose `last_seq` reaches its seq. What the log holds before this migration is one
note (`taken` 0): among those, as among any taken at one note, the stamps still decide.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 38


def apply(db: sqlite_utils.Database) -> None:
    """The table, and what the log holds now as note 0."""
    db.execute(
        """CREATE TABLE hub_arrivals (
            device_id TEXT NOT NULL, last_seq INTEGER NOT NULL, taken INTEGER NOT NULL,
            PRIMARY KEY (device_id, last_seq)
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX idx_hub_arrivals_taken ON hub_arrivals(taken)")
    db.execute(
        "INSERT INTO hub_arrivals SELECT device_id, max(seq), 0 FROM changes GROUP BY device_id"
    )
