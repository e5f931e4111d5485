"""County policy drafts: a county device's edit of the county pack, on its way to the hub.

The county editor on a county device writes its next pack here; the row travels to the hub with
the device's next bundle, the hub checks it, signs it and publishes it (`policy_packs`), and
writes back on the same row whether it was published (and as which version) or refused (and
why). A county-wide table, so the answer reaches the county device whatever its area.
"""

from __future__ import annotations

import sqlite_utils

from fieldapp.store.migrations.m0001_core import COMMON

VERSION = 17

POLICY_DRAFTS = """text TEXT, note TEXT, status TEXT, status_note TEXT, pack_id TEXT,
    version TEXT"""


def apply(db: sqlite_utils.Database) -> None:
    """Create the policy_drafts table."""
    db.execute(f"CREATE TABLE policy_drafts (id TEXT PRIMARY KEY, {POLICY_DRAFTS}, {COMMON})")
