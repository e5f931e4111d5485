"""Conflicts resolved together that the ledger's trouble stops (its disk, its write protection,
another program's write): the box that says so is titled by what went wrong, not 请检查 — that
title asks the coordinator to look again at what they chose, and nothing they chose was wrong.

The page built its own text (how many were resolved, that the rest were not, the error's
sentence) and showed it as a string, which `title_for` reads as a refusal to put right. Now the
box takes its title from the error, as every other failure's box does."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldapp.store.ledger import Ledger
from fieldapp.sync.conflicts import list_conflicts
from fieldapp.ui.errors import message_for, title_for
from tests.english import in_english
from tests.ui.conflicts_made import _answer, make_conflicts
from tests.ui.conftest import UI_USER, as_drawn
from tests.ui.plain import assert_plain


@contextmanager
def _read_only(window, ledger_path) -> Iterator[None]:
    """SQLite refuses every write: its own "attempt to write a readonly database", as on a
    write-protected stick."""
    db = window.session.ledger.db
    db.execute("PRAGMA query_only = 1")
    yield
    db.execute("PRAGMA query_only = 0")


@contextmanager
def _busy(window, ledger_path) -> Iterator[None]:
    """Another copy of the program holds a write to the ledger past this one's wait: SQLite's
    own "database is locked"."""
    other = Ledger.open(ledger_path, credentials=UI_USER)
    other.db.conn.execute("BEGIN IMMEDIATE")
    window.session.ledger.wait_for_others(0.2)
    yield
    other.db.conn.execute("ROLLBACK")
    other.close()


@pytest.mark.parametrize(
    ("trouble", "title", "words"),
    [(_read_only, "台账是只读的", "只读"), (_busy, "台账正忙", "另一个程序")],
    ids=["read-only", "busy"],
)
def test_the_ledgers_trouble_midway_titles_the_box(
    window, ledger_path, monkeypatch, trouble, title, words
):
    ledger = window.session.ledger
    make_conflicts(window.session, 3)
    review = window.show_page("sync").conflicts
    review.refresh()
    assert review.model.rowCount() == 3
    boxes: list[tuple[str, str]] = []

    def warning(_parent, title, text, *args, **kwargs):
        assert_plain(f"{title} {text}")
        boxes.append((title, as_drawn(text)))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    review.view.selectAll()
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    with trouble(window, ledger_path):
        review.resolve_many_selected()
    assert len(list_conflicts(ledger)) == 3  # none written: the ledger refused them
    ((shown, text),) = boxes
    assert shown == title, shown
    assert words in text and "其余 3 处没有处理，仍在列表中" in text, text
    assert text == review.outcome.text()


def _disk_full(tmp_path: Path) -> sqlite3.OperationalError:
    """SQLite's own SQLITE_FULL: a file that may grow no further, written past its end."""
    db = sqlite3.connect(tmp_path / "full.db")
    db.execute("CREATE TABLE t (x BLOB)")
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")
    try:
        db.execute("INSERT INTO t VALUES (zeroblob(100000))")
    except sqlite3.OperationalError as error:
        return error
    finally:
        db.close()
    raise AssertionError("the write past the file's end was not refused")


def test_a_full_disk_is_titled_as_the_disk_in_the_language_shown(qapp, tmp_path):
    error = _disk_full(tmp_path)
    assert "full" in str(error)
    assert title_for(error) == "台账所在的磁盘已满或 U 盘已拔出"
    assert "磁盘已满" in message_for(error)
    with in_english():
        assert title_for(error) == "The ledger’s disk is full or its USB stick was removed"
