"""The print log: every paper printed, with the hash of what it printed (synced, issue 4).

A signed paper roster found later is matched to the ledger by the code in its footer; the log
says who printed it, when, on which device, and what it covered.
"""

from __future__ import annotations

import sqlite_utils

from fieldapp.store.migrations.m0001_core import COMMON

VERSION = 4

COLUMNS = """paper TEXT, batch_id TEXT, claim_id TEXT, person_id TEXT, area_code TEXT,
    month TEXT, content_hash TEXT, code TEXT, pages INTEGER, rows INTEGER, total_amount REAL,
    printed_at TEXT, file_name TEXT"""


def apply(db: sqlite_utils.Database) -> None:
    """Create the print_log table and its look-up indexes."""
    db.execute(f"CREATE TABLE print_log (id TEXT PRIMARY KEY, {COLUMNS}, {COMMON})")
    db.execute("CREATE INDEX idx_print_log_code ON print_log(code)")
    db.execute("CREATE INDEX idx_print_log_batch ON print_log(batch_id)")
