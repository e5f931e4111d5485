"""A person offered to another area's household, waiting for it to take them in (`moving_to`).

A village's device could move one of its people — made that minute, with any bank account —
into a household of another village: moving a row out of one's area was allowed, and the
receiving village was never asked. The person then lay in that village's ledger, and an
honest claim there paid the maker's account.

Now a move into an existing household outside the mover's area is an offer: the person stays
where they are, `persons.moving_to` names the household they are to move into, and the hub
serves them to the device whose area holds that household, which takes them in (the move
happens, the offer cleared) or does not (the offer cleared). The trust rules let a device pull
a person into its area only so (`trust._person_move`).

`idx_persons_moving_to` (moving_to), only of persons offered: the hub finds the people
offered to a device's households when it works out the device's answer (`store.answers`),
reading the few offered, not the million persons of the county.

A hub ledger (SQLite or PostgreSQL) gets them too: one schema for every ledger.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 47


def apply(db: sqlite_utils.Database) -> None:
    """The column (every person as before: offered to no one) and its index."""
    db.execute("ALTER TABLE persons ADD COLUMN moving_to TEXT")
    db.execute(
        "CREATE INDEX idx_persons_moving_to ON persons(moving_to) WHERE moving_to IS NOT NULL"
    )
