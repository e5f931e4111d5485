"""Operations: work that runs off the GUI thread, reports progress, can be cancelled.

As in Anki's `aqt.operations`, a page builds an `Operation` from a plain function and callbacks;
the function runs on the thread pool and gets an `OperationProgress` to report to and to ask whether the
user cancelled; `on_success` / `on_failure` run back on the GUI thread. `OperationPanel` is the
progress bar with a cancel button that pages embed. `run_modal` is for the few whole-ledger
steps that happen while no page is open (re-encrypting, restoring a backup): the window stays
painted and says what is happening while the work runs on a thread (`run_modal_stoppable`
with a bar and 取消, for the key change).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from fieldapp.domain.errors import FieldappError
from fieldapp.domain.progress import CancelCheck, Cancelled, Progress

log = logging.getLogger("fieldapp.ui.operations")

T = TypeVar("T")


class OperationProgress:
    """What the worker function holds: report progress, check for cancel."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        """Tell the GUI how far the work is (thread-safe; queued to the GUI thread)."""
        self._signals.progress.emit(int(done), int(total), text)

    @property
    def cancelled(self) -> bool:
        """True once the user pressed cancel."""
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise Cancelled if the user pressed cancel (call between safe steps)."""
        if self._cancel.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        """Ask the work to stop at its next safe point."""
        self._cancel.set()

    def deliver(self, part: object) -> None:
        """Hand a part of the result to the GUI now (a long list shown as it is worked out)."""
        self._signals.partial.emit(part)

    def step(self, done: int, total: int) -> None:
        """The `Progress` callback (done, total) the services take."""
        self.report(done, total)

    def is_cancelled(self) -> bool:
        """The `CancelCheck` the services take."""
        return self._cancel.is_set()


class _Signals(QObject):
    progress = Signal(int, int, str)
    partial = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)


class Operation(QRunnable):
    """One piece of work for the thread pool, with callbacks on the GUI thread."""

    def __init__(
        self,
        work: Callable[[OperationProgress], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = _Signals()
        self.progress = OperationProgress(self.signals)
        self.work = work
        self.done = False
        if on_success:
            self.signals.succeeded.connect(on_success, Qt.ConnectionType.QueuedConnection)
        if on_failure:
            self.signals.failed.connect(on_failure, Qt.ConnectionType.QueuedConnection)
        self.signals.succeeded.connect(self._mark_done)
        self.signals.failed.connect(self._mark_done)

    def _mark_done(self, _result: object) -> None:
        self.done = True

    def run(self) -> None:
        """Run the work on a pool thread and emit the outcome."""
        try:
            result = self.work(self.progress)
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the GUI
            if not isinstance(error, (FieldappError, OSError, ValueError)):
                log.exception("操作失败")
            self.signals.failed.emit(error)
            return
        self.signals.succeeded.emit(result)

    def start(self) -> Operation:
        """Queue on the global thread pool; returns self."""
        _running.add(self)
        self.signals.succeeded.connect(lambda _r: _running.discard(self))
        self.signals.failed.connect(lambda _e: _running.discard(self))
        QThreadPool.globalInstance().start(self)
        return self


#: Operations in flight (kept referenced so their signal objects outlive the worker).
_running: set[Operation] = set()

#: How long the closing app waits for work still running to reach a safe point (ms).
FINISH_WAIT_MS = 30_000


#: How long the closing app waits for work still running before it says so in a window (ms).
FINISH_NOTICE_MS = 300


def finish_all(
    wait_ms: int = FINISH_WAIT_MS,
    notice_after_ms: int = FINISH_NOTICE_MS,
    also: Callable[[int], bool] = lambda _ms: True,
) -> bool:
    """Cancel every operation still running and wait for the pool's threads to end; True when
    they all did. For the app's last step: a job left running past it (a list asked for just
    before the window closed) ended after the interpreter had deleted its signals, and said
    'RuntimeError: Signal source has been deleted' in the terminal and the log. A job that
    writes stops at its next safe point (its transaction is whole or not there).

    Work that has not ended after `notice_after_ms` is said in a small modal window (正在保存，
    请稍候…, no button: the app is closing) until it ends or `wait_ms` has passed: the closed
    app's process used to stay up to 30 s with nothing on the screen, and a coordinator would
    start it again or switch the laptop off meanwhile. The operations' outcomes are no longer
    delivered (the window is gone), as none was before this wait painted anything.

    `also(ms)` waits up to `ms` for other work the closing app ends (the search threads, whose
    query may be held up by another program's lock: `search_worker.lingering_ended`), True
    once it has ended: it is waited for alike, under the same notice."""
    for operation in list(_running):
        operation.signals.blockSignals(True)  # no callback runs while the notice is painted
        operation.progress.cancel()
    pool = QThreadPool.globalInstance()

    def done(ms: int) -> bool:
        until = time.monotonic() + ms / 1000
        return bool(pool.waitForDone(ms)) and also(max(0, int((until - time.monotonic()) * 1000)))

    if done(min(notice_after_ms, wait_ms)):
        return True
    deadline = time.monotonic() + max(0, wait_ms - notice_after_ms) / 1000
    notice = _finishing_notice()
    notice.show()
    try:
        while True:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            left = deadline - time.monotonic()
            if left <= 0:
                return done(0)
            if done(int(min(0.1, left) * 1000)):
                return True
    finally:
        notice.hide()
        shiboken6.delete(notice)


def _finishing_notice() -> QProgressDialog:
    """The small window the closing app shows while work still running ends: 正在保存，请稍候…
    with a busy bar, no button, modal (nothing can be started or clicked meanwhile; the
    coordinator sees the app has not finished, rather than an empty screen)."""
    notice = QProgressDialog(
        QCoreApplication.translate("Operations", "正在保存，请稍候…"), "", 0, 0
    )
    notice.setCancelButton(None)
    notice.setWindowTitle(QCoreApplication.translate("Operations", "正在关闭"))
    notice.setWindowModality(Qt.WindowModality.ApplicationModal)
    notice.setMinimumDuration(0)
    notice.setAutoClose(False)
    notice.setAutoReset(False)
    return notice


class _Relay(QObject):
    """Carries an operation's outcome to its callbacks; a child of the panel that started it.

    When the panel's page is rebuilt (a language switch) or closed, the relay dies with it and
    Qt drops its connections, so a late result never reaches widgets that no longer exist.
    """

    def __init__(
        self,
        parent: QObject,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        super().__init__(parent)
        self._on_success = on_success
        self._on_failure = on_failure
        self.on_partial: Callable[[Any], None] | None = None
        self.on_progress: Callable[[int, int, str], None] | None = None
        self.silenced = False

    def silence(self) -> None:
        """Deliver nothing more: a newer operation replaced this one. (Its outcome may already
        wait in the event queue, ahead of the relay's deletion.)"""
        self.silenced = True

    @Slot(int, int, str)
    def progress(self, done: int, total: int, text: str) -> None:
        """How far the work is."""
        if self.on_progress is not None and not self.silenced:
            self.on_progress(done, total, text)

    @Slot(object)
    def partial(self, value: object) -> None:
        """A part of the result, ahead of the whole."""
        if self.on_partial is not None and not self.silenced:
            self.on_partial(value)

    @Slot(object)
    def succeeded(self, value: object) -> None:
        """The work returned `value`."""
        if not self.silenced:
            self._on_success(value)

    @Slot(object)
    def failed(self, error: object) -> None:
        """The work raised `error`."""
        if not self.silenced:
            self._on_failure(error)  # type: ignore[arg-type]


class OperationPanel(QWidget):
    """A label, a progress bar and a cancel button for one operation at a time."""

    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMinimumWidth(240)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar, 2)
        layout.addWidget(self.cancel_button)
        self.operation: Operation | None = None
        self.read_only = False
        self.was_cancelled = False
        self._relay: _Relay | None = None
        #: Buttons that start work on this panel, and whether each was on before it started.
        self._guarded: list[QWidget] = []
        self._was_enabled: list[tuple[QWidget, bool]] = []
        self.hide()

    def guard(self, *widgets: QWidget) -> None:
        """Turn `widgets` (the buttons that start work here) off while an operation runs, and
        back as they were when it ends: a second click would start another operation while the
        first still writes, and the first's outcome (its report, the file it saved) would never
        be shown."""
        self._guarded.extend(widgets)

    def run(
        self,
        title: str,
        work: Callable[[OperationProgress], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
        read_only: bool = False,
        on_partial: Callable[[Any], None] | None = None,
    ) -> Operation:
        """Start `work`, showing progress until it ends.

        `read_only` work (a list, a report) that has no safe points of its own is abandoned on
        cancel: its result is dropped and `on_failure` gets Cancelled, since nothing was written.
        The callbacks run only while this panel exists (see `_Relay`).

        Started while another operation runs, the new one replaces it: the old one's parts and
        outcome are never delivered, and old `read_only` work is cancelled (a list asked again
        for another area: the newest question wins). Pages that write refuse a second start.
        """
        if self.operation is not None and self.read_only:
            self.operation.progress.cancel()
        if self._relay is not None:
            self._relay.silence()
        self.label.setText(title)
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        if self.operation is None:
            self._was_enabled = [(w, w.isEnabled()) for w in self._guarded]
            for widget in self._guarded:
                widget.setEnabled(False)
        self.show()
        if read_only:
            on_success = self._unless_cancelled(on_success, on_failure)
        self.read_only = read_only
        operation = Operation(work)
        if self._relay is not None:  # the previous operation's, long delivered
            self._relay.deleteLater()
        relay = self._relay = _Relay(self, self._wrap(on_success), self._wrap(on_failure))
        relay.on_partial = on_partial
        operation.signals.partial.connect(relay.partial, Qt.ConnectionType.QueuedConnection)
        operation.signals.succeeded.connect(relay.succeeded, Qt.ConnectionType.QueuedConnection)
        operation.signals.failed.connect(relay.failed, Qt.ConnectionType.QueuedConnection)
        relay.on_progress = self._on_progress
        operation.signals.progress.connect(relay.progress, Qt.ConnectionType.QueuedConnection)
        self.operation = operation
        return operation.start()

    def _unless_cancelled(
        self, on_success: Callable[[Any], None], on_failure: Callable[[BaseException], None]
    ) -> Callable[[Any], None]:
        def done(value: Any) -> None:
            if self.was_cancelled:
                on_failure(Cancelled())
            else:
                on_success(value)

        return done

    def _wrap(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def done(value: Any) -> None:
            self.hide()
            self.was_cancelled = self.operation is not None and self.operation.progress.cancelled
            self.operation = None
            for widget, enabled in self._was_enabled:
                widget.setEnabled(enabled)
            self._was_enabled = []
            try:
                callback(value)
            finally:
                self.finished.emit()

        return done

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        if text:
            self.label.setText(text)

    def cancel(self) -> None:
        """Ask the running operation to stop safely."""
        if self.operation is not None:
            self.operation.progress.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("正在取消……"))

    @property
    def busy(self) -> bool:
        """True while an operation runs."""
        return self.operation is not None

    @property
    def writing(self) -> bool:
        """True while an operation that may write runs (one that is not `read_only`)."""
        return self.operation is not None and not self.read_only


def run_modal(parent: QWidget, text: str, work: Callable[[], T]) -> T:
    """Run `work` on a thread while a modal busy dialog shows `text`; return its result or
    raise what it raised, on the GUI thread.

    For work that is atomic and cannot stop halfway (restoring a backup: the old file or the
    new one, never a mix), so the dialog has no cancel button; the window keeps painting and
    the user sees why it does not respond. The work must not touch widgets."""
    return _modal(parent, text, lambda _progress, _cancel: work(), cancellable=False)


def run_modal_stoppable(
    parent: QWidget, text: str, work: Callable[[Progress, CancelCheck], T]
) -> T:
    """As `run_modal`, for work that reports how far it is and can be stopped until it starts
    to replace the ledger (re-encrypting it): the dialog's bar follows `work`'s progress, and
    its 取消 (or Esc, or closing it) makes `work`'s cancel check answer True; `work` then
    raises `Cancelled`, which is raised here, unless it had passed the point of no return."""
    return _modal(parent, text, work, cancellable=True)


#: The modal dialog's bar counts in thousandths (a ledger's bytes overflow Qt's int).
_MODAL_STEPS = 1000


def _modal(
    parent: QWidget,
    text: str,
    work: Callable[[Progress, CancelCheck], T],
    cancellable: bool,
) -> T:
    outcome: dict[str, Any] = {}
    finished = threading.Event()
    stop = threading.Event()
    shown: list[int] = []  # the latest progress in thousandths, written by the worker

    def report(done: int, total: int) -> None:
        if total > 0:
            shown[:] = [min(done, total) * _MODAL_STEPS // total]

    def target() -> None:
        try:
            outcome["value"] = work(report, stop.is_set)
        except BaseException as error:  # noqa: BLE001 - re-raised on the GUI thread below
            outcome["error"] = error
        finally:
            finished.set()

    dialog = QProgressDialog(text, "", 0, 0, parent)
    if cancellable:
        dialog.setCancelButtonText(QCoreApplication.translate("Operations", "取消"))
        dialog.setRange(0, _MODAL_STEPS)
        dialog.setAutoReset(False)

        def cancelled() -> None:
            stop.set()
            dialog.setLabelText(QCoreApplication.translate("Operations", "正在取消……"))
            dialog.show()  # QProgressDialog hides itself on cancel; say that it is stopping

        dialog.canceled.connect(cancelled)
    else:
        dialog.setCancelButton(None)
    dialog.setWindowTitle(QCoreApplication.translate("Operations", "请稍候"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # quick work shows no dialog at all
    dialog.setAutoClose(False)
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(30)

    def look() -> None:
        if finished.is_set():
            loop.quit()
        elif cancellable and shown and not stop.is_set():
            dialog.setValue(shown[0])

    timer.timeout.connect(look)
    thread = threading.Thread(target=target, name="fieldapp-modal", daemon=True)
    thread.start()
    timer.start()
    if not finished.is_set():
        loop.exec()
    timer.stop()
    thread.join()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]
