"""Why a person's record changed the way it did (issue 18).

`persons.change_reason`: written in the same logged change as a deletion (迁出 / 死亡 / 重复录入),
an undoing of one (恢复：误删 …) or a move to another household (分户、合户、婚迁), so the
person's history shows the reason beside what changed, on every device the change reaches.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 11


def apply(db: sqlite_utils.Database) -> None:
    """Add the column (existing rows read as blank)."""
    existing = {row[1] for row in db.execute("PRAGMA table_info(persons)")}
    if "change_reason" not in existing:
        db.execute("ALTER TABLE persons ADD COLUMN change_reason TEXT")
