"""The creating key a claim or batch the county accepted from a held change keeps.

A claim's 申请编号 (a batch's 批次编号) is read from the key of the change that made its row
(`numbers.row_number`, the row's `_ckey`). A claim the hub held for review was made again by
the county's acceptance, as the county's own change (`fieldapp.hub.rejected.accept`): its
number named the hub, on the hub, on every device and — once the village took its own copy
back for the county's — on the village, and the paper the applicant holds found nothing.
`held_key` holds the key of the change the device made the row with; the county's accepting
change sets it, and the projector takes it as the row's creating key (`_ckey`) wherever the
change is applied, so the row keeps its number (and its making stamp). Only the hub's
acceptance writes it (`held_key` in `services.trust`). Rows made before, or by an older
program, keep a blank one and read their own creating change as before.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 36


def apply(db: sqlite_utils.Database) -> None:
    """Add the column to both numbered tables (existing rows read as blank)."""
    db.execute("ALTER TABLE claims ADD COLUMN held_key TEXT")
    db.execute("ALTER TABLE batches ADD COLUMN held_key TEXT")
