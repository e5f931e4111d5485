"""打印 → 打印记录 at 1366×768: the columns had fixed widths (150, 110, 60, 60, 130, 100), so
who printed — 王芳@大坝村笔记本, the user and the computer — read 王芳@大坝村… and the rest was
reached only by dragging the column. Each column is now at least as wide as what it shows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from fieldapp.paperwork import jobs
from fieldapp.store.ledger import Ledger
from fieldapp.ui import papers
from tests.ui.conftest import UI_USER, VILLAGE, enrol_as, fill_ledger


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """The small village ledger on a laptop the county enrolled as 大坝村笔记本 (its changes,
    and its prints, are signed 姓名@大坝村笔记本)."""
    path = tmp_path / "village.db"
    fill_ledger(path)
    ledger = Ledger.open(path, credentials=UI_USER)
    enrol_as(ledger, tmp_path, "大坝村笔记本", VILLAGE)
    ledger.close()
    return path


def test_who_printed_reads_whole(window, qtbot) -> None:
    session = window.session
    job = jobs.rosters_job(session.ledger, VILLAGE, dt.date.today())
    papers.print_logger(session, job, job.render())("村委会的打印机")
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 768 - 72)
    page = window.show_page("print")
    qtbot.wait(100)
    view, model = page.log_view, page.log
    assert model.rowCount() == 1
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    who = headers.index("打印人")
    assert "@" in model.index(0, who).data()  # the user at the computer
    for column, header in enumerate(headers):
        assert view.columnWidth(column) >= view.sizeHintForColumn(column), header
    room = view.viewport().width()
    assert view.columnViewportPosition(who) + view.columnWidth(who) <= room
