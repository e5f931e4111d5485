"""A held change's reason as its sentence (`held_changes.reason_said`, version 43) kept as fixed
as the reason's text beside it.

Version 41 guarded a held change's facts — what the device sent, the rule, the reason — against
any update; version 43 added the reason's sentence, which the county's desktop shows in its
language, and the guard did not know the column: the sentence of a change still waiting could
be rewritten by hand while its Chinese text could not. The guard now keeps it too
(`store.trails.keep_held_sentence`), on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import sqlite_utils

from fieldapp.store.trails import keep_held_sentence

VERSION = 44


def apply(db: sqlite_utils.Database) -> None:
    """Replace the held facts' guard with one that keeps the sentence too."""
    keep_held_sentence(db)
