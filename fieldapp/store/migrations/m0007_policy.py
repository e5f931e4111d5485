"""Policy facts and the county's policy packs (issue 14).

- `persons.left_school_month`: the month a graduate left school ('YYYY-MM'); 离校2年内 and
  离校5年内 are counted from it.
- `policy_packs`: county packs the hub has signed and published, one row per published version.
  A county-wide table: the hub writes it, every device receives every row, and a device uses a
  pack only when the hub's signature on it verifies.
"""

from __future__ import annotations

import sqlite_utils

from fieldapp.store.migrations.m0001_core import COMMON

VERSION = 7

POLICY_PACKS = """pack_id TEXT, version TEXT, seq INTEGER, published_at TEXT, text TEXT,
    signature TEXT, key_id TEXT"""


def apply(db: sqlite_utils.Database) -> None:
    """Add the column and the policy_packs table (employer_kind came with migration 10)."""
    db.execute("ALTER TABLE persons ADD COLUMN left_school_month TEXT")
    db.execute(f"CREATE TABLE policy_packs (id TEXT PRIMARY KEY, {POLICY_PACKS}, {COMMON})")
    db.execute("CREATE INDEX idx_policy_packs_seq ON policy_packs(seq)")
