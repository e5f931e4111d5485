"""After a big write the write-ahead log gives its disk space back, without ever waiting."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from fieldapp.store import connection
from fieldapp.store.ledger import Ledger

LIMIT = 256 * 1024


def _wal(ledger: Ledger) -> Path:
    return Path(f"{ledger.path}-wal")


def _big_write(ledger: Ledger, rows: int = 2000) -> None:
    with ledger.transaction():
        ledger.insert_many(
            "areas",
            [
                {
                    "code": f"52{i:010d}",
                    "name": f"第{i}组" * 4,
                    "kind": "group",
                    "parent_code": None,
                }
                for i in range(rows)
            ],
        )


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connection, "WAL_SIZE_LIMIT", LIMIT)


def test_a_big_write_leaves_an_empty_log_and_every_row(ledger: Ledger, small_limit: None) -> None:
    _big_write(ledger)
    assert _wal(ledger).stat().st_size == 0
    reopened = sqlite3.connect(ledger.path)
    assert reopened.execute("SELECT count(*) FROM areas").fetchone()[0] == 2000
    reopened.close()


def test_a_small_write_keeps_the_log_file(ledger: Ledger, small_limit: None) -> None:
    _big_write(ledger)
    _big_write(ledger, rows=1)
    assert 0 < _wal(ledger).stat().st_size <= LIMIT


def test_a_reader_on_an_old_snapshot_keeps_the_log_and_nothing_waits(
    ledger: Ledger, small_limit: None
) -> None:
    reader = ledger.reader()
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM areas").fetchone()[0] == 0
    started = time.monotonic()
    _big_write(ledger)
    assert time.monotonic() - started < 10  # the 30 s busy timeout was not waited for
    assert _wal(ledger).stat().st_size > LIMIT
    assert reader.execute("SELECT count(*) FROM areas").fetchone()[0] == 0  # its snapshot
    reader.execute("COMMIT")
    timeout = ledger.db.execute("PRAGMA busy_timeout").fetchone()[0]
    assert timeout == connection.BUSY_TIMEOUT_MS
    _big_write(ledger, rows=1)  # the next write, with no reader left, empties it
    assert _wal(ledger).stat().st_size == 0
    assert reader.execute("SELECT count(*) FROM areas").fetchone()[0] == 2001
    reader.conn.close()
