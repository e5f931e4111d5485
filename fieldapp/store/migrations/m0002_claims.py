"""Subsidy claims, their batches and the claim event trail (synced tables, issue 3)."""

from __future__ import annotations

import sqlite_utils

from fieldapp.store.migrations.m0001_core import COMMON

VERSION = 2

TABLES = {
    "claims": """person_id TEXT, rule_id TEXT, rule_title TEXT, pack_version TEXT,
        source_clause TEXT, event_date TEXT, amount REAL, payee TEXT, payee_name TEXT,
        funding_source TEXT, state TEXT, limit_key TEXT, spell_id TEXT, area_code TEXT,
        facts TEXT, evidence TEXT, missing_evidence_reason TEXT, reason TEXT, batch_id TEXT,
        id_number TEXT, person_name TEXT, claim_date TEXT, limit_kind TEXT, township_code TEXT""",
    "batches": """rule_id TEXT, funding_source TEXT, area_code TEXT, title TEXT,
        state_filter TEXT, notes TEXT""",
    "claim_events": "claim_id TEXT, from_state TEXT, to_state TEXT, reason TEXT, detail TEXT",
}

INDEXES = [
    "CREATE INDEX idx_claims_person ON claims(person_id, rule_id)",
    "CREATE INDEX idx_claims_limit ON claims(limit_key)",
    "CREATE INDEX idx_claims_rule_state ON claims(rule_id, state)",
    "CREATE INDEX idx_claims_batch ON claims(batch_id)",
    "CREATE INDEX idx_claim_events_claim ON claim_events(claim_id)",
]


def apply(db: sqlite_utils.Database) -> None:
    """Create the claims, batches and claim_events tables."""
    for name, columns in TABLES.items():
        db.execute(f"CREATE TABLE {name} (id TEXT PRIMARY KEY, {columns}, {COMMON})")
    for sql in INDEXES:
        db.execute(sql)
