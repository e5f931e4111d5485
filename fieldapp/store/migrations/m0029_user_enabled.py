"""Who disabled a user and who enabled them again, and when (issue 16, second pass).

A user disabled by mistake can be enabled again by an administrator (`fieldapp user enable`,
Settings → 用户与口令). Both steps are kept on the user's row, as who added them and who reset
their password are: the last disable and the last enable, each with its time and who did it.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 29


def apply(db: sqlite_utils.Database) -> None:
    """Add the four columns (nothing known for users disabled before)."""
    for column in ("disabled_at", "disabled_by", "enabled_at", "enabled_by"):
        db.execute(f"ALTER TABLE users ADD COLUMN {column} TEXT")
