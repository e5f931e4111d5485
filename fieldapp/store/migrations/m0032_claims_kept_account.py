"""The account a claim is paid to, kept when the county approves it (县审批).

The 花名册 the county pays from printed the claimant's bank and account as the person's row said
on the day it was printed: an account changed after approval (a new card, or someone else's)
moved the approved money to it, and nobody saw. `claims.approved_bank` and
`claims.approved_account` hold the person's bank and account as they were when the claim was
approved (written by the approving step); the roster and forms of an approved or paid claim
print them, and say so when the person's account has changed since. Claims approved before, or
by an older program, keep blanks and print the person's account as before.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 32


def apply(db: sqlite_utils.Database) -> None:
    """Add the two columns (existing claims read as blank: the person's account)."""
    db.execute("ALTER TABLE claims ADD COLUMN approved_bank TEXT")
    db.execute("ALTER TABLE claims ADD COLUMN approved_account TEXT")
