"""The change log, its field heads, and the ledger tables (projections of the log)."""

from __future__ import annotations

import re

import sqlite_utils

VERSION = 1

#: Columns every synced table has besides its data: soft delete, attribution, merge state.
#: `_origin` is the change that created the row; `_heads` holds, per field, the current change ids
#: when they differ from [_origin]; `_ckey`/`_ukey` order the first and last change (hlc/change id).
COMMON = """
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT, created_by TEXT, created_device TEXT,
    updated_at TEXT, updated_by TEXT, updated_device TEXT,
    _origin TEXT, _heads TEXT, _ckey TEXT, _ukey TEXT
"""

TABLES = {
    "areas": "code TEXT, name TEXT, kind TEXT, parent_code TEXT",
    "households": """area_code TEXT, address TEXT, household_no TEXT, head_person_id TEXT,
        is_relocated INTEGER, is_lifted INTEGER, notes TEXT""",
    "persons": """household_id TEXT, name TEXT, id_number TEXT, relation TEXT, phone TEXT,
        labour_ability TEXT, health TEXT, education TEXT, graduation_year INTEGER,
        account_bank TEXT, account_number TEXT, hukou_code TEXT, notes TEXT,
        sex TEXT, birth_date TEXT, search_words TEXT""",
    "person_categories": "person_id TEXT, category TEXT, start_date TEXT, end_date TEXT",
    "employment_spells": """person_id TEXT, start_date TEXT, end_date TEXT, place_code TEXT,
        place_name TEXT, form TEXT, employer TEXT, monthly_income REAL, contract_months INTEGER,
        insurance_months INTEGER, organized_export INTEGER, export_agency TEXT,
        is_first_export INTEGER, is_casual INTEGER, training_days INTEGER""",
    "unemployment_registrations": """person_id TEXT, found_date TEXT, registered_date TEXT,
        unemployment_class TEXT, ended_date TEXT""",
    "visits": "household_id TEXT, person_id TEXT, visit_date TEXT, visitor TEXT, notes TEXT, outcome TEXT",
    "services": """person_id TEXT, household_id TEXT, visit_id TEXT, service_date TEXT,
        service_type TEXT, notes TEXT, outcome TEXT, training_days INTEGER""",
    "monthly_status": "person_id TEXT, month TEXT, status TEXT, spell_id TEXT, income REAL, notes TEXT",
}

INDEXES = [
    "CREATE INDEX idx_areas_code ON areas(code)",
    "CREATE INDEX idx_areas_parent ON areas(parent_code)",
    "CREATE INDEX idx_households_area ON households(area_code)",
    "CREATE INDEX idx_persons_household ON persons(household_id)",
    "CREATE INDEX idx_persons_id_number ON persons(id_number)",
    "CREATE INDEX idx_persons_name ON persons(name, birth_date)",
    "CREATE INDEX idx_categories_person ON person_categories(person_id)",
    "CREATE INDEX idx_spells_person ON employment_spells(person_id)",
    "CREATE INDEX idx_registrations_person ON unemployment_registrations(person_id)",
    "CREATE INDEX idx_visits_household ON visits(household_id, visit_date)",
    "CREATE INDEX idx_services_person ON services(person_id, service_date)",
    "CREATE INDEX idx_monthly_person ON monthly_status(person_id, month)",
]

SEARCH = """
CREATE VIRTUAL TABLE person_words USING fts5(
    search_words, content='persons', content_rowid='rowid', tokenize='unicode61'
);
CREATE VIRTUAL TABLE person_digits USING fts5(
    id_number, phone, content='persons', content_rowid='rowid', tokenize='trigram'
);
CREATE TRIGGER persons_search_ai AFTER INSERT ON persons BEGIN
    INSERT INTO person_words(rowid, search_words) VALUES (new.rowid, new.search_words);
    INSERT INTO person_digits(rowid, id_number, phone) VALUES (new.rowid, new.id_number, new.phone);
END;
CREATE TRIGGER persons_search_ad AFTER DELETE ON persons BEGIN
    INSERT INTO person_words(person_words, rowid, search_words)
        VALUES ('delete', old.rowid, old.search_words);
    INSERT INTO person_digits(person_digits, rowid, id_number, phone)
        VALUES ('delete', old.rowid, old.id_number, old.phone);
END;
CREATE TRIGGER persons_words_au AFTER UPDATE OF search_words ON persons BEGIN
    INSERT INTO person_words(person_words, rowid, search_words)
        VALUES ('delete', old.rowid, old.search_words);
    INSERT INTO person_words(rowid, search_words) VALUES (new.rowid, new.search_words);
END;
CREATE TRIGGER persons_digits_au AFTER UPDATE OF id_number, phone ON persons BEGIN
    INSERT INTO person_digits(person_digits, rowid, id_number, phone)
        VALUES ('delete', old.rowid, old.id_number, old.phone);
    INSERT INTO person_digits(rowid, id_number, phone) VALUES (new.rowid, new.id_number, new.phone);
END;
"""


def apply(db: sqlite_utils.Database) -> None:
    """Create the log, its merge bookkeeping and the ledger tables."""
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute(
        """CREATE TABLE changes (
            device_id TEXT NOT NULL, seq INTEGER NOT NULL, hlc TEXT NOT NULL, author TEXT,
            tbl TEXT NOT NULL, row_id TEXT NOT NULL, data TEXT NOT NULL, parents TEXT,
            PRIMARY KEY (device_id, seq)
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX idx_changes_row ON changes(row_id)")
    db.execute(
        """CREATE TABLE superseded (
            change_id TEXT NOT NULL, field TEXT NOT NULL, PRIMARY KEY (change_id, field)
        ) WITHOUT ROWID"""
    )
    db.execute(
        """CREATE TABLE conflicts (
            tbl TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL,
            PRIMARY KEY (tbl, row_id, field)
        ) WITHOUT ROWID"""
    )
    for name, columns in TABLES.items():
        db.execute(f"CREATE TABLE {name} (id TEXT PRIMARY KEY, {columns}, {COMMON})")
    for sql in INDEXES:
        db.execute(sql)
    for statement in re.split(r"\n(?=CREATE )", SEARCH):
        if statement.strip():
            db.execute(statement)
