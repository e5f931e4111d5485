"""How a ledger file is opened: page size for new files, existing files left as they are."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fieldapp.store.connection import PAGE_SIZE, open_database
from fieldapp.store.ledger import Ledger


def test_a_new_ledger_file_gets_the_larger_page_size_and_wal(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.db")
    assert db.execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE == 16384
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.conn.close()


def test_an_existing_ledger_keeps_its_page_size_and_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = sqlite3.connect(path)
    old.execute("PRAGMA page_size=4096")
    old.execute("PRAGMA journal_mode=WAL")
    old.close()
    ledger = Ledger.open(path, author="甲")  # migrates the 4096-byte file in place
    with ledger.transaction():
        ledger.insert("areas", {"code": "520502", "name": "七星关区", "kind": "county"})
    ledger.close()
    reopened = Ledger.open(path)
    assert reopened.db.execute("PRAGMA page_size").fetchone()[0] == 4096
    assert reopened.db.execute("SELECT name FROM areas").fetchall() == [("七星关区",)]
    assert reopened.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reopened.close()


def test_opening_a_ledger_looks_for_no_sqlite_utils_plugins(tmp_path: Path, monkeypatch) -> None:
    # Looking for plugins reads the metadata of every installed package (tens of milliseconds
    # of every start of the app); the ledger uses none.
    import sqlite_utils.plugins

    def refuse(_group: str) -> int:
        raise AssertionError("sqlite-utils looked for plugins")

    monkeypatch.setattr(sqlite_utils.plugins, "_plugins_loaded", False)
    monkeypatch.setattr(sqlite_utils.plugins.pm, "load_setuptools_entrypoints", refuse)
    ledger = Ledger.open(tmp_path / "l.db", author="t")
    try:
        assert ledger.db.execute("SELECT count(*) FROM persons").fetchone() == (0,)
    finally:
        ledger.close()
