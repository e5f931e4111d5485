"""The export log (issue 16): every file of personal data that left the ledger, like a print.

Exports are clear by nature (they go to paper and to the county). Each one is logged with what
was exported, how many people it held and the SHA-256 of the file; who and on which device are
the row's attribution columns. Synced, so the county sees every device's exports.
"""

from __future__ import annotations

import sqlite_utils

from fieldapp.store.migrations.m0001_core import COMMON

VERSION = 18

COLUMNS = """kind TEXT, file_name TEXT, file_hash TEXT, persons INTEGER, rows INTEGER,
    area_code TEXT, exported_at TEXT"""


def apply(db: sqlite_utils.Database) -> None:
    """Create the export_log table."""
    db.execute(f"CREATE TABLE export_log (id TEXT PRIMARY KEY, {COLUMNS}, {COMMON})")
    db.execute("CREATE INDEX idx_export_log_at ON export_log(exported_at)")
