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


#: A search service whose listing runs for minutes, ended by `stop()` and then (another one) by
#: deleting the widget that owns it — as a page is dropped when the window is rebuilt. Run in its
#: own process: a thread or worker freed mid-query takes the whole process down (SIGSEGV in a
#: full test run, the search thread inside `person_rowids`).
_ENDED_MID_QUERY = """
import gc
import sys
import time

import shiboken6
from PySide6.QtCore import QObject

from fieldapp.store.ledger import Ledger
from fieldapp.ui import search_worker
from fieldapp.ui.app import make_app
from tests.ui.test_search_worker import _slow_listing

app = make_app()
ledger = Ledger.open(sys.argv[1])
search_worker.person_rowids = _slow_listing
for how in ("stop", "owner deleted"):
    owner = QObject()
    service = search_worker.SearchService(ledger.reader, owner)
    service.filter(search_worker.LedgerFilter())
    time.sleep(0.5)  # the listing runs on the search thread
    began = time.monotonic()
    if how == "stop":
        service.stop()
    del service
    shiboken6.delete(owner)
    gc.collect()
    app.processEvents()
    print(how, round(time.monotonic() - began, 2))
ledger.close()
print("ended")
"""


def test_a_search_thread_ended_mid_query_stops_at_once_and_never_crashes(tmp_path: Path):
    import os
    import subprocess
    import sys

    path = tmp_path / "ledger.db"
    Ledger.open(path).close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIELDAPP_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", _ENDED_MID_QUERY, str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    lines = dict(line.rsplit(" ", 1) for line in result.stdout.splitlines()[:2])
    assert result.stdout.splitlines()[-1] == "ended"
    # The running query is interrupted, not waited out (the old stop waited 5 s, then left it).
    assert float(lines["stop"]) < 3 and float(lines["owner deleted"]) < 3, result.stdout
