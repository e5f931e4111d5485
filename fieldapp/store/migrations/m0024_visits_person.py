"""An index on visits by person (issue 18: the person panel's history read every visit).

The person panel lists a person's history: their own changes and those of every record that
hangs off them, visits included. Without this index the visits of one person were found by
reading the whole visits table — 0.16 s at 100k persons, seconds at a million, on the GUI
thread each time the selection settled. (The hub's answers already index visits by person for
its own queries; a ledger gets its own index here.)

Version 24: both of the desktop area's reserved versions (11, 21) are in use.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 24


def apply(db: sqlite_utils.Database) -> None:
    """Create the index (a no-op when it exists)."""
    db.execute("CREATE INDEX IF NOT EXISTS idx_visits_person ON visits(person_id)")
