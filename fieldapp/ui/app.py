"""Start the desktop app: fonts, language, error handling, first-run wizard, main window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from fieldapp.domain.errors import FieldappError
from fieldapp.paths import default_ledger_path, resource
from fieldapp.services.ledgers import Credentials
from fieldapp.ui import errors, fonts, i18n, operations, prefs, search_worker, syslibs
from fieldapp.ui.collector import collect_on_gui_thread
from fieldapp.ui.session import Session

if TYPE_CHECKING:  # imported lazily below: a quick start shows the login before the window
    from fieldapp.ui.main_window import MainWindow

log = logging.getLogger("fieldapp.ui")


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with Chinese fonts and the chosen language (reused if it exists)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    elif existing is not None:  # a console-only QCoreApplication: no windows, icon or fonts
        raise RuntimeError("make_app needs a QApplication, not a QCoreApplication")
    else:
        # Qt fills a large area (a scroll bar's groove) on helper threads and waits for them:
        # on a busy two-core laptop the window's paint waited for threads to be scheduled
        # (a sixth of every search keystroke's time); one thread paints these few pixels sooner.
        os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("fieldapp")
    app.setApplicationDisplayName("劳动力台账")
    app.setOrganizationName("fieldapp")
    icon = resource("icons", "fieldapp.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    fonts.install_fonts(app)
    i18n.install_language(prefs.language())
    collect_on_gui_thread(app)  # cycles freed on this thread only, never on a worker's
    return app


def close_for_good(dialog: QDialog) -> None:
    """Delete a finished top-level dialog now, not whenever Python's cycle collector gets to it.

    A dialog without a parent belongs to Python; its signal connections make reference cycles,
    so only the collector frees it — at any later allocation, even while PySide is converting a
    list of windows that still holds this dialog's window (the packaged app crashed on every
    start so, right after the login). Deleting it here frees it at a known point."""
    dialog.hide()
    shiboken6.delete(dialog)


def ledger_to_open(db_path: str | None) -> Path | None:
    """The ledger named on the command line, else the last one used, else None (first run)."""
    if db_path:
        return Path(db_path)
    last = prefs.get("last_ledger")
    if last and Path(last).exists():
        return Path(last)
    default = default_ledger_path()
    return default if default.exists() else None


def open_window(path: Path, credentials: Credentials | None = None) -> MainWindow:
    """Open a ledger (an encrypted one as the user of `credentials`) and its main window;
    remembers it as the last ledger."""
    return window_for(Session.open(path, credentials=credentials))


def window_for(session: Session) -> MainWindow:
    """The main window on an open session; remembers its ledger as the last one."""
    from fieldapp.ui.main_window import MainWindow

    prefs.put("last_ledger", session.path)
    return MainWindow(session)


def log_in(path: Path) -> Session | None:
    """The login screen (for a plain or new ledger: its first user and password, and it is
    encrypted with them); None when the user closed it."""
    from fieldapp.ui.login import LoginDialog

    dialog = LoginDialog(path)
    if os.environ.get("FIELDAPP_QUIT_AFTER_START") and not dialog.logs_in_by_itself():
        # A start-up check never waits on a login screen nobody will fill in.
        raise FieldappError(
            QCoreApplication.translate(
                "App", "启动检查需要已加密的台账，以及环境变量中的用户名和口令"
            )
        )
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            if dialog.failure is not None:
                raise dialog.failure
            return None
        return dialog.session
    finally:
        close_for_good(dialog)


def run_first_run_wizard() -> Session | None:
    """Show the first-run wizard; the ledger it made, open as its first user, or None."""
    from fieldapp.ui.wizard import FirstRunWizard

    wizard = FirstRunWizard()
    try:
        if wizard.exec() != QDialog.DialogCode.Accepted or wizard.ledger_path is None:
            return None
        path, credentials = wizard.ledger_path, wizard.credentials
    finally:
        close_for_good(wizard)
    return Session.open(path, credentials=credentials)


def run_app(db_path: str | None = None) -> int:
    """Run the desktop app until its window closes; returns the exit code."""
    errors.setup_logging()
    errors.record_crashes()
    if not syslibs.check_platform():  # a missing X11 library: say which package (Chinese, English)
        return 1
    app = make_app()
    errors.install_excepthook()
    path = ledger_to_open(db_path)
    try:
        session = run_first_run_wizard() if path is None else log_in(path)
        if session is None:
            return 0
        window = window_for(session)
    except Exception as error:  # noqa: BLE001 - a damaged or foreign file: say so, don't crash
        log.exception("打开台账失败")
        if os.environ.get("FIELDAPP_QUIT_AFTER_START"):
            # A start-up check (packaging's smoke test): fail at once, never wait on a box.
            print(errors.message_for(error), file=sys.stderr)
            return 1
        errors.show_error(None, errors.message_for(error))
        return 1
    window.show()
    if os.environ.get("FIELDAPP_QUIT_AFTER_START"):
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, app.quit)
    code = app.exec()
    finish(window)
    return code


def finish(window: MainWindow) -> None:
    """The app's last step, once its window is gone: page threads and background jobs end
    (cancelled, at their safe points) before the ledger closes and the interpreter does. A
    search thread whose query does not stop at once (held up by another program's lock) is
    waited for with them, under the closing notice, not with the window frozen."""
    search_worker.closing()
    try:
        window.shutdown_pages()
        if not operations.finish_all(also=search_worker.lingering_ended):
            log.warning("关闭时仍有任务未结束")
    finally:
        search_worker.closing(False)
    window.session.close()
