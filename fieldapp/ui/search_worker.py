"""Search-as-you-type and filtering off the GUI thread, on the worker's own connection.

The GUI sends every keystroke with a rising generation number; the worker skips requests that a
newer one has overtaken, and a query already running when a newer request arrives is stopped
(the GUI interrupts the worker's connection), so typing is never blocked behind an answer nobody
will see — not even behind the listing of a million persons — and only the latest is shown.
"""

from __future__ import annotations

import atexit
import threading
import time
from array import array
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from shiboken6 import isValid

from fieldapp.store.queries import Reader
from fieldapp.store.queries.persons import LedgerFilter, person_rowids
from fieldapp.store.queries.search import PersonSearch
from fieldapp.ui.errors import message_for

SEARCH_LIMIT = 200
#: The search thread's page cache. A keystroke reads a few hundred pages, mostly new ones; the
#: listing of the whole ledger scans every person and filled the default 32 MB at a million.
SEARCH_CACHE_MIB = 8


class _Worker(QObject):
    """Lives on the search thread; owns its own SQLite connection."""

    searched = Signal(int, object)
    filtered = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, path: Any, latest: list[int], lock: threading.Lock) -> None:
        super().__init__()
        self.path = path
        self.latest = latest
        self.lock = lock
        self.reader: Reader | None = None

    def _stale(self, generation: int) -> bool:
        with self.lock:
            return generation < self.latest[0]

    def _reader(self) -> Reader:
        if self.reader is None:
            self.reader = Reader(self.path, cache_mib=SEARCH_CACHE_MIB)
        return self.reader

    def _start(self, generation: int) -> Reader | None:
        """The reader for this request, or None when a newer one is already queued."""
        return None if self._stale(generation) else self._reader()

    def interrupt(self) -> None:
        """Stop the statement running on the worker's connection, if any (called from the GUI
        thread when a newer request is queued; SQLite allows it from any thread, and on an idle
        connection it does nothing). The stopped request fails as stale and is dropped."""
        reader = self.reader
        if reader is not None:
            try:
                reader.db.conn.interrupt()
            except Exception:  # noqa: BLE001 - closed meanwhile: nothing runs on it
                pass

    def _fail(self, generation: int, error: Exception) -> None:
        # A query stopped because a newer request arrived is not a failure.
        if self._stale(generation):
            return
        # The next request opens a fresh connection: one that broke (its file gone from a
        # pulled stick, closed under it) would fail every search to come, not only this one.
        reader, self.reader = self.reader, None
        if reader is not None:
            try:
                reader.close()
            except Exception:  # noqa: BLE001 - already broken: nothing to close
                pass
        self.failed.emit(generation, message_for(error))

    @Slot(int, str, str)
    def search(self, generation: int, text: str, area: str) -> None:
        """Run one search unless a newer request is already queued."""
        reader = self._start(generation)
        if reader is None:
            return
        try:
            rows = PersonSearch(reader).rows(text, limit=SEARCH_LIMIT, area_prefix=area or None)
        except Exception as error:  # noqa: BLE001 - reported to the GUI as text
            self._fail(generation, error)
            return
        if not self._stale(generation):
            self.searched.emit(generation, rows)

    @Slot(int, object)
    def filter(self, generation: int, flt: LedgerFilter) -> None:
        """List the rowids a filter selects unless a newer request is queued."""
        reader = self._start(generation)
        if reader is None:
            return
        try:
            rowids = person_rowids(reader, flt)
        except Exception as error:  # noqa: BLE001 - reported to the GUI as text
            self._fail(generation, error)
            return
        if not self._stale(generation):
            self.filtered.emit(generation, rowids)

    @Slot()
    def close(self) -> None:
        """Close the worker's connection (on its own thread, or once that thread has ended)."""
        if self.reader is not None:
            self.reader.close()
            self.reader = None


class SearchService(QObject):
    """GUI-side handle: `search(text)` / `filter(flt)`; answers arrive as `rows` / `rowids`,
    a search that failed as `failed` (what went wrong in the language shown, `message_for`,
    and that Enter searches again: each user says it where its results would be, and asks
    again on Enter while `failing`)."""

    rows = Signal(object)
    rowids = Signal(object)
    failed = Signal(str)
    _search = Signal(int, str, str)
    _filter = Signal(int, object)

    def __init__(self, path: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest = [0]
        self._lock = threading.Lock()
        #: The latest answer was a failure and nothing has been asked since.
        self.failing = False
        self._thread = QThread()
        self._thread.setObjectName("fieldapp-search")
        self.worker = _Worker(path, self._latest, self._lock)
        self.worker.moveToThread(self._thread)
        self._search.connect(self.worker.search)
        self._filter.connect(self.worker.filter)
        self.worker.searched.connect(self._on_rows)
        self.worker.filtered.connect(self._on_rowids)
        self.worker.failed.connect(self._on_failed)
        # An owner deleted without `stop()` (a page dropped while its listing runs) would free
        # the thread and the worker in the middle of a query and take the process down: the
        # thread is ended first, whichever way the service goes.
        self.destroyed.connect(partial(_end, self._thread, self.worker, self._lock, self._latest))
        _LIVE[id(self._thread)] = (self._thread, self.worker, self._lock, self._latest)
        self._thread.start()

    def _next(self) -> int:
        self.failing = False
        with self._lock:
            self._latest[0] += 1
            generation = self._latest[0]
        self.worker.interrupt()  # whatever runs now answers an older request
        return generation

    def search(self, text: str, area: str = "") -> int:
        """Queue a search; returns its generation."""
        generation = self._next()
        self._search.emit(generation, text, area)
        return generation

    def filter(self, flt: LedgerFilter) -> int:
        """Queue a filter listing; returns its generation."""
        generation = self._next()
        self._filter.emit(generation, flt)
        return generation

    def _current(self, generation: int) -> bool:
        with self._lock:
            return generation == self._latest[0]

    def _on_rows(self, generation: int, rows: object) -> None:
        if self._current(generation):
            self.rows.emit(rows)

    def _on_rowids(self, generation: int, rowids: array[int]) -> None:
        if self._current(generation):
            self.rowids.emit(rowids)

    def _on_failed(self, generation: int, message: str) -> None:
        if self._current(generation):
            self.failing = True
            self.failed.emit(
                QCoreApplication.translate("Search", "%1按回车再搜一次。").replace("%1", message)
            )

    def stop(self) -> None:
        """Stop the running query (its answer is dropped), end the thread, close the connection."""
        _end(self._thread, self.worker, self._lock, self._latest)


#: Every search thread not yet ended (`_end`), by its id: ended at the interpreter's exit if its
#: owner never was (a dialog left open by its parent until then), before Python frees it.
_LIVE: dict[int, tuple[QThread, _Worker, threading.Lock, list[int]]] = {}
#: Threads whose query did not stop in time, kept until they end: a running thread or its
#: worker freed by Python crashes the process.
_LINGERING: list[tuple[QThread, _Worker]] = []
#: How long ending a search thread waits for its stopped query (an interrupted one ends at
#: once: at most a few ms on a 20 000-person ledger, listing or searching; a wait on a lock
#: held by another program ends at the connection's busy timeout).
_END_WAIT_MS = 60_000
#: … once the app is closing (`closing`): the window is gone, and a longer wait is taken by
#: `lingering_ended`, under the closing notice, not with a frozen screen.
_CLOSING_WAIT_MS = 50
_end_wait_ms = _END_WAIT_MS


def closing(now: bool = True) -> None:
    """The app's last step has begun (`now`; False: it is over): a search thread ended
    meanwhile is waited for only briefly, then left to end (`lingering_ended` waits for it
    under the closing notice)."""
    global _end_wait_ms
    _end_wait_ms = _CLOSING_WAIT_MS if now else _END_WAIT_MS


def lingering_ended(wait_ms: int) -> bool:
    """Wait up to `wait_ms` for the search threads whose query had not stopped when they were
    ended; True once every one has (each closes its connection as it ends)."""
    deadline = time.monotonic() + wait_ms / 1000
    for thread, _worker in list(_LINGERING):
        if not isValid(thread):
            continue
        left = max(0, int((deadline - time.monotonic()) * 1000))
        if thread.isRunning() and not thread.wait(left):
            return False
    return True


def _end(thread: QThread, worker: _Worker, lock: threading.Lock, latest: list[int]) -> None:
    """End a search thread: whatever runs is made stale and interrupted, the thread's loop quits
    and is waited for, then the worker's connection is closed (it may be closed from this
    thread once the search thread is gone). Safe to call twice, and at exit, when Qt may have
    deleted the (stopped) thread object already."""
    _LIVE.pop(id(thread), None)
    if isValid(thread) and thread.isRunning():
        with lock:
            latest[0] += 1  # whatever is queued or running now answers nobody
        worker.interrupt()
        thread.quit()
        if not thread.wait(_end_wait_ms):
            _LINGERING.append((thread, worker))
            thread.finished.connect(worker.close)
            return
    worker.close()


@atexit.register
def _end_all_at_exit() -> None:
    """End the search threads still running when the interpreter exits: a window or dialog
    never deleted before then (its service's `destroyed` never came) left its thread running,
    and Python freeing a running QThread aborts the process ("QThread: Destroyed while thread
    is still running"), which made a finished test run or a closed app exit with a crash.
    Registered after PySide6's own exit handler, so it runs first."""
    for thread, worker, lock, latest in list(_LIVE.values()):
        _end(thread, worker, lock, latest)
    lingering_ended(_END_WAIT_MS)
