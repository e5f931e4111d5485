"""A bundle's import that failed is refused by what it failed on, read as the desktop and the
command line read a write to the ledger (`saving.ledger_trouble`): the ledger busy (another
program's write held), its disk full, or else invalid. Real SQLite errors, made as a clerk's
computer makes them."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2

from fieldapp.sync import exchange


def _error(action) -> Exception:
    with pytest.raises(dbapi2.Error) as raised:
        action()
    return raised.value


def test_a_ledger_another_program_writes_is_busy_not_the_bundles_fault(tmp_path: Path) -> None:
    path = tmp_path / "台账.db"
    holder = dbapi2.connect(str(path), timeout=0)
    holder.execute("CREATE TABLE t (x)")
    holder.commit()
    holder.execute("BEGIN IMMEDIATE")
    other = dbapi2.connect(str(path), timeout=0)
    try:
        error = _error(lambda: other.execute("INSERT INTO t VALUES (1)"))
    finally:
        other.close()
        holder.close()
    assert "locked" in str(error)
    assert exchange._as_refusal(error).code == exchange.BUSY


def test_a_full_disk_refuses_as_disk_full(tmp_path: Path) -> None:
    db = dbapi2.connect(str(tmp_path / "台账.db"))
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.execute("PRAGMA max_page_count = 3")  # the disk as full as a stick can be
    try:
        error = _error(
            lambda: [db.execute("INSERT INTO t VALUES (?)", ("x" * 4000,)) for _ in "abc"]
        )
    finally:
        db.close()
    assert "full" in str(error)
    assert exchange._as_refusal(error).code == "disk_full"
    no_room = OSError(errno.ENOSPC, "No space left on device")
    assert exchange._as_refusal(no_room).code == "disk_full"


def test_a_fault_of_neither_is_invalid_and_says_what_it_was(tmp_path: Path) -> None:
    db = dbapi2.connect(str(tmp_path / "台账.db"))
    try:
        error = _error(lambda: db.execute("SELECT * FROM no_such_table"))
    finally:
        db.close()
    refusal = exchange._as_refusal(error)
    assert refusal.code == "invalid" and "no_such_table" in refusal.detail
    # An error whose text happens to hold the word is no full disk (not read by hand).
    refused = OSError(errno.EACCES, "Permission denied: 'full'")
    assert exchange._as_refusal(refused).code == "invalid"
