"""The search thread answers the latest keystroke: a query still running for an older one is
stopped, not waited for (at a million persons, listing everyone takes seconds)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from fieldapp.store.ledger import Ledger
from fieldapp.ui import search_worker
from fieldapp.ui.search_worker import SearchService
from tests.ui.conftest import UI_USER


def _slow_listing(source, _flt):  # noqa: ANN001, ANN202 - the worker's reader, a filter
    """A listing that would run for minutes: only an interrupt ends it early."""
    db = source.db
    db.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000000)"
        " SELECT count(*) FROM n"
    ).fetchall()
    raise AssertionError("the slow listing ran to its end")


def test_a_newer_search_stops_the_query_still_running(
    qtbot, ledger_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from fieldapp.ui.app import make_app

    make_app()
    ledger = Ledger.open(ledger_path, credentials=UI_USER)
    monkeypatch.setattr(search_worker, "person_rowids", _slow_listing)
    service = SearchService(ledger.reader)
    failures: list[str] = []
    service.failed.connect(failures.append)
    try:
        service.filter(search_worker.LedgerFilter())
        time.sleep(0.3)  # the listing is running on the search thread
        started = time.perf_counter()
        with qtbot.waitSignal(service.rows, timeout=5000) as answer:
            service.search("张长英")
        waited = time.perf_counter() - started
        assert [row.name for row in answer.args[0]] == ["张长英"]
        assert waited < 3, waited  # not the listing's minutes
        qtbot.wait(100)
        assert failures == []  # the stopped listing is dropped, not reported as a failure
    finally:
        service.stop()
        ledger.close()
