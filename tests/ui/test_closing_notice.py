"""Closing the app while a background job still runs waited up to 30 s for it with nothing on
the screen (the window gone, the process still there: a coordinator starts it again, or
switches the laptop off). Work that does not end at once is now said in a small modal window,
正在保存，请稍候… (Saving, please wait… in English), until it ends; quick work shows none. Closing
the real window with such work running shows it, and the app still closes: the work ends,
the ledger is closed."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from fieldapp.ui.app import finish
from fieldapp.ui.operations import OperationPanel, finish_all
from tests.ui.conftest import answered, top_level_widgets

NOTICE = "正在保存，请稍候…"


class ShownNotices(QObject):
    """The busy windows shown meanwhile (their words), caught as Qt shows them."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and isinstance(watched, QProgressDialog):
            self.shown.append(watched.labelText())
        return False


def notices_on_screen() -> list[str]:
    return [
        w.labelText()
        for w in top_level_widgets()
        if isinstance(w, QProgressDialog) and w.isVisible()
    ]


def modal_notices() -> list[tuple[str, str]]:
    """The busy windows on the screen that block the app (their title and words)."""
    return [
        (w.windowTitle(), w.labelText())
        for w in top_level_widgets()
        if isinstance(w, QProgressDialog)
        and w.isVisible()
        and w.windowModality() == Qt.WindowModality.ApplicationModal
    ]


def start_job(qtbot, ends_after: float, panel: OperationPanel | None = None) -> None:  # noqa: ANN001
    """A list running on a page's panel (`panel`: a page's own) that, once cancelled, takes
    `ends_after` seconds to reach its safe point."""
    if panel is None:
        page = QWidget()
        qtbot.addWidget(page)
        panel = OperationPanel(page)

    def work(progress):  # noqa: ANN001, ANN202
        while not progress.is_cancelled():
            time.sleep(0.01)
        time.sleep(ends_after)
        return []

    panel.run("正在列出……", work, lambda _r: None, lambda _e: None, read_only=True)


def watched(qapp) -> ShownNotices:  # noqa: ANN001
    catcher = ShownNotices()
    qapp.installEventFilter(catcher)
    return catcher


def test_a_slow_job_at_closing_is_said_in_a_window_that_closes_when_it_ends(qtbot, qapp):
    start_job(qtbot, ends_after=1.0)
    catcher = watched(qapp)
    seen: list[list[str]] = []
    QTimer.singleShot(600, lambda: seen.append(notices_on_screen()))  # while it waits
    try:
        started = time.monotonic()
        assert finish_all(notice_after_ms=200)
        assert time.monotonic() - started >= 0.9  # it did wait for the job
    finally:
        qapp.removeEventFilter(catcher)
    assert catcher.shown == [NOTICE]
    assert seen == [[NOTICE]]  # on the screen while the job ended
    assert notices_on_screen() == []  # and gone once it had


@pytest.mark.parametrize(
    ("lang", "said"), [("zh_CN", ("正在关闭", NOTICE)), ("en", ("Closing", "Saving, please wait…"))]
)
def test_closing_the_window_with_work_running_says_saving_and_still_closes(
    window, qtbot, qapp, monkeypatch, lang, said
):
    """The coordinator closes the window while a job runs on a page and answers 是 (cancel it
    and close): the app's last step (`app.finish`, as `run_app` takes it) shows the modal
    notice while the job reaches its safe point, then closes the ledger."""
    window.set_language(lang)
    start_job(qtbot, ends_after=1.0, panel=window.show_page("ledger").ops)
    assert window.busy()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", answered("question", QMessageBox.Yes, asked))
    catcher = watched(qapp)
    seen: list[list[tuple[str, str]]] = []
    QTimer.singleShot(700, lambda: seen.append(modal_notices()))  # while it waits
    try:
        assert window.close() and len(asked) == 1
        assert not window.isVisible()
        started = time.monotonic()
        finish(window)
        assert time.monotonic() - started >= 0.5  # it did wait for the job
    finally:
        qapp.removeEventFilter(catcher)
    assert catcher.shown == [said[1]]
    assert seen == [[said]]  # modal, on the screen while the job ended
    assert modal_notices() == [] and notices_on_screen() == []  # gone once it had
    assert QThreadPool.globalInstance().activeThreadCount() == 0
    assert window.session.ledger.closed  # the app's last step went through


def test_a_job_that_ends_at_once_shows_no_window(qtbot, qapp):
    start_job(qtbot, ends_after=0.0)
    catcher = watched(qapp)
    try:
        assert finish_all(notice_after_ms=2000)
    finally:
        qapp.removeEventFilter(catcher)
    assert catcher.shown == []


def test_a_job_past_the_wait_closes_the_window_too(qtbot, qapp):
    """A job that has not reached its safe point when the wait is over: the notice was shown
    and the window closes all the same. The job is held until the wait is over (an event, not
    a time: on a loaded machine the closing thread itself was held up past a job's 1.5 s and
    found it ended)."""
    released = threading.Event()
    page = QWidget()
    qtbot.addWidget(page)

    def work(progress):  # noqa: ANN001, ANN202
        while not progress.is_cancelled():
            time.sleep(0.01)
        released.wait(30)
        return []

    OperationPanel(page).run("正在列出……", work, lambda _r: None, lambda _e: None, read_only=True)
    catcher = watched(qapp)
    try:
        assert not finish_all(wait_ms=500, notice_after_ms=100)
    finally:
        released.set()
        qapp.removeEventFilter(catcher)
        QThreadPool.globalInstance().waitForDone()
    assert catcher.shown == [NOTICE]
    assert notices_on_screen() == []


@pytest.fixture
def locked_ledger(tmp_path):  # noqa: ANN001, ANN201
    """A ledger file another program holds locked (a write under way): a search thread opening
    it waits for the lock, up to the connection's busy timeout (30 s)."""
    from sqlcipher3 import dbapi2

    path = tmp_path / "locked.db"
    other = dbapi2.connect(str(path), isolation_level=None)
    other.execute("CREATE TABLE t (a)")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("INSERT INTO t VALUES (1)")
    yield path, other
    if other.in_transaction:
        other.execute("ROLLBACK")
    other.close()


def test_a_search_held_up_by_a_lock_at_closing_is_waited_for_under_the_notice(
    window, qtbot, qapp, monkeypatch, locked_ledger
):
    """Closing waited up to 60 s for a search thread held up by another program's lock, the
    screen frozen and nothing on it (on a 20 000-person ledger a running search or listing
    stops within a few ms; a lock is what holds one up). Ending it now takes no time; the
    app's last step waits for it with the background jobs, under the closing notice."""
    from fieldapp.ui import search_worker

    path, other = locked_ledger
    service = search_worker.SearchService(path)
    service.search("张")
    time.sleep(0.3)  # its thread is opening the file, waiting for the lock
    search_worker.closing()  # as app.finish begins (then each page's search is ended)
    started = time.monotonic()
    service.stop()
    assert time.monotonic() - started < 1  # not frozen until the lock goes
    assert service._thread.isRunning()
    QTimer.singleShot(1000, lambda: other.execute("ROLLBACK"))  # the other program is done
    catcher = watched(qapp)
    window.close()
    try:
        started = time.monotonic()
        finish(window)
        assert time.monotonic() - started >= 0.7  # it did wait for the search
    finally:
        qapp.removeEventFilter(catcher)
    assert catcher.shown == [NOTICE]
    assert not service._thread.isRunning() and service.worker.reader is None
    assert window.session.ledger.closed
    assert search_worker._end_wait_ms == search_worker._END_WAIT_MS  # for the next window
