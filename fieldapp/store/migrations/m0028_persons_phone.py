"""An index on persons by phone number (issue 18: search as you type at a million persons).

The search box looks a typed number up as a whole phone before listing everyone whose ID
number or phone holds the digits. Without an index that exact lookup went through the trigram
index, which reads every row holding each three digits of the query: typing an ID number from
its start (5205261…, digits every ID of the county shares) took 0.1–0.4 s a keystroke at a
million persons, and any seven or eight digits 2–14 ms. Persons without a phone are left out.

Version 28: the desktop area's reserved versions (11, 21) and 24 are in use.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 28


def apply(db: sqlite_utils.Database) -> None:
    """Create the index (a no-op when it exists)."""
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_persons_phone ON persons(phone) WHERE phone IS NOT NULL"
    )
