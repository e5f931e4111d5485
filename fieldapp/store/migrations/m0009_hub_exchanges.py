"""The hub's own bookkeeping for its HTTP service and incremental answers (local, not synced).

- `hub_exchanges`: every exchange with a device the hub could attribute (an HTTP request whose
  signature proved the device, a USB bundle once opened, an answer written): when, which way,
  the outcome (`ok` or the refusal code) and how many changes. The county's status view reads
  its last exchange and its refusals from here.
- `hub_answer_scope`: per device, the area its last answer's scope was worked out for, so an
  answer can start from what the device already holds; a re-enrolment with another area makes
  the next answer work the scope out afresh.

A device ledger gets the (empty) tables too: one schema for every ledger.
"""

from __future__ import annotations

import sqlite_utils

VERSION = 9

STATEMENTS = [
    """CREATE TABLE hub_exchanges (
        id INTEGER PRIMARY KEY,
        device TEXT NOT NULL,
        at TEXT NOT NULL,
        way TEXT NOT NULL CHECK (way IN ('in', 'out')),
        channel TEXT NOT NULL CHECK (channel IN ('http', 'usb')),
        outcome TEXT NOT NULL,
        changes INTEGER NOT NULL DEFAULT 0,
        new_changes INTEGER NOT NULL DEFAULT 0,
        detail TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX idx_hub_exchanges_device ON hub_exchanges(device, outcome, at)",
    """CREATE TABLE hub_answer_scope (
        peer TEXT PRIMARY KEY, area_code TEXT NOT NULL, serial INTEGER NOT NULL
    )""",
]


def apply(db: sqlite_utils.Database) -> None:
    """Create the hub's exchange log and answer-scope tables."""
    for sql in STATEMENTS:
        db.execute(sql)
