"""The conflicts list is read again on showing only when the ledger may have changed: a write
this program told of, or a commit by another connection (another program, a worker) — and
every time on a ledger that cannot tell (no version: PostgreSQL)."""

from __future__ import annotations

from fieldapp.store.ledger import Ledger
from tests.ui.conflicts_made import _kept
from tests.ui.conftest import UI_USER


def test_another_programs_conflicts_are_read_on_showing(window, ledger_path, monkeypatch):
    review = window.show_page("sync").conflicts
    review.refresh()
    before = review.model.rowCount()
    reads: list[int] = []
    real = review.refresh
    monkeypatch.setattr(review, "refresh", lambda: (reads.append(1), real())[1])
    review.refresh_if_changed()
    assert reads == []  # nothing written since: not read again
    other = Ledger.open(ledger_path, credentials=UI_USER)
    try:
        _kept(other, 1)
    finally:
        other.close()
    review.refresh_if_changed()
    assert reads == [1]
    assert review.model.rowCount() == before + 1


def test_a_ledger_without_a_version_is_read_every_time(window, monkeypatch):
    review = window.show_page("sync").conflicts
    monkeypatch.setattr(window.session.ledger, "data_version", lambda: None)
    review.refresh()  # read with no version to compare with
    reads: list[int] = []
    monkeypatch.setattr(review, "refresh", lambda: reads.append(1))
    review.refresh_if_changed()
    review.refresh_if_changed()
    assert reads == [1, 1]
