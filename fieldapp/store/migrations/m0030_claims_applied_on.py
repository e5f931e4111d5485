"""The day a claim was made, kept on the claim (its 申请日期).

A claim's 申请日期 — printed on its 申请表, counted in the month's report, listed by `claim
list` — was read from its row's creating stamp: the ledger's hybrid clock, which a sync with a
laptop whose clock ran fast carries a day ahead, and whose time a laptop keeping the wrong zone
writes on the wrong side of midnight (a claim made on New Year's Day printed the year before).
`claims.applied_on` holds the making laptop's own day (`dates.today`, China's day); claims made
before, or by an older program that does not send it, keep a blank one and read the stamp.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 30


def apply(db: sqlite_utils.Database) -> None:
    """Add the column (existing claims read as blank: their stamp's day)."""
    db.execute("ALTER TABLE claims ADD COLUMN applied_on TEXT")
