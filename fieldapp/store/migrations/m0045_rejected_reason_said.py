"""The hub's reason for holding one of this device's changes kept as its sentence too
(`sync_rejected.reason_said`), so the village's sync page says it in the window's language.

A device kept the hub's reports (`sync_rejected`) with the reason as Chinese text only: a
coordinator's English window showed the hub's Chinese, or the rule's short name. The hub keeps
most reasons as a template and its parts (`held_changes.reason_said`, version 43); it now sends
that in its answer (`Report.reason_said`, the JSON `sentences.sentence_json` writes) to a device
whose bundles state this version or later (`store.held.SAID_SINCE`: an older device refuses a
report with a key it does not know, so it is never sent one). The device keeps it only where it
reads back as a sentence this program made and says what the Chinese text says; else NULL, and
the text is said, as for every report kept before this version and every older hub's.

A hub ledger (SQLite or PostgreSQL) gets the (empty) column too: one schema for every ledger.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 45


def apply(db: sqlite_utils.Database) -> None:
    """Add the column (NULL for every report already kept: its text is said)."""
    db.execute("ALTER TABLE sync_rejected ADD COLUMN reason_said TEXT")
