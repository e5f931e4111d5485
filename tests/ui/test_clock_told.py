"""The main window and the 同步 page say, in Chinese, that this laptop's date runs days ahead
of (or behind) the county hub's — as the hub's answer over the network told it — so the
coordinator learns it before writing, not once the county has held what was written. An
honest date shows nothing. (The write door's refusal: tests/hub/test_clock_told.py.)"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import time_machine
from PySide6.QtWidgets import QLabel

from fieldapp.domain.dates import CHINA
from fieldapp.hub.server import ServerThread
from tests.hub.httpkit import hub_serve
from tests.ui.conftest import wait_idle
from tests.ui.copied_back import sent_once

AHEAD = (
    "本机日期比县里快了约3天。请右键点屏幕右下角的时间，选“调整日期/时间”，把日期改对；"
    "改对之前本机不能保存修改（否则记下的事项会被县里暂扣）。"
)


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """An enrolled village ledger that has sent its work once."""
    return sent_once(tmp_path)


def test_a_date_moved_ahead_after_a_sync_is_said_once_over_the_sync_page(window, qtbot, tmp_path):
    page = window.show_page("sync")
    with ServerThread(tmp_path / "hub") as server:
        page.url.setText(server.url)
        page.push()
        wait_idle(qtbot, page)
    assert "已发送" in page.result_label.text(), page.result_label.text()
    window.check_clock()
    assert window.clock_banner.isHidden() and not _said_on(window)  # honest: nothing
    later = dt.datetime.now(CHINA) + dt.timedelta(days=3)
    with time_machine.travel(later, tick=True):
        window.check_clock()
        page.refresh()
        assert window.clock_banner.isVisible() and window.clock_banner.text() == AHEAD
        # Said once, over the pages: the 同步 page, shown under it, does not say it again.
        assert _said_on(window) == [window.clock_banner]
    window.check_clock()
    page.refresh()
    assert window.clock_banner.isHidden() and not _said_on(window)


def _said_on(window) -> list[QLabel]:
    """The labels the window shows that tell the laptop's date is off."""
    return [
        label
        for label in window.findChildren(QLabel)
        if label.isVisible() and "本机日期比县里" in label.text()
    ]


def test_a_sync_refused_for_the_date_says_how_to_set_it(window, qtbot, tmp_path, warnings_shown):
    """A laptop whose date was already 3 days ahead when it synced: the hub (a process of its
    own, on the real clock) refuses the request as 请求时间与中心相差太多（请核对本机日期和时间
    后重试）. The box said only that; it now says by how much and how to set the date, and the
    window's banner says it at once (not at its next check)."""
    window.check_clock()
    assert window.clock_banner.isHidden()
    with hub_serve(tmp_path / "hub") as url:
        page = window.show_page("sync")
        page.url.setText(url)
        with time_machine.travel(dt.datetime.now(CHINA) + dt.timedelta(days=3), tick=True):
            page.push()
            wait_idle(qtbot, page)
            assert len(warnings_shown) == 1, warnings_shown
            said = warnings_shown[0]
            assert "时间与中心相差太多" in said, said
            assert AHEAD in said, said
            assert window.clock_banner.text() == AHEAD


def test_the_windows_clock_check_reads_nothing_once_its_ledger_is_closed(window):
    """The check runs on a timer every ten seconds: one firing between the ledger's closing
    and the window's (a test's teardown, a ledger being swapped) raised 'Cannot operate on a
    closed database' inside Qt's event loop. It now does nothing then."""
    window.shutdown_pages()  # (the pages' own readers stop first, as the window's closing does)
    window.session.ledger.close()
    window.check_clock()  # raised ProgrammingError before
    assert window.clock_banner.isHidden()
