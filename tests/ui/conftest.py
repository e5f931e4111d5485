"""UI test helpers: a small real ledger, the main window on it, event-loop waits."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldapp.domain.credentials import Credentials
from fieldapp.domain.enums import AreaKind, Relation
from fieldapp.domain.models import Area, Household, Person
from fieldapp.store.ledger import Ledger
from tests.conftest import make_id
from tests.records import Records
from tests.ui.plain import assert_plain

VILLAGE = "520502001001"
#: The coordinator logged in to the windows of these tests: their ledgers are encrypted.
UI_USER = Credentials("测试员", "测试员的口令")

PEOPLE = (
    ("张长英", "19800316", "103", Relation.HEAD),
    ("李建国", "19810316", "113", Relation.SPOUSE),
    ("王小明", "20010316", "123", Relation.CHILD),
)


def fill_ledger(path: Path) -> None:
    """Areas, one household, three persons (an encrypted ledger, its first user UI_USER)."""
    led = Ledger.open(path, credentials=UI_USER)
    repo = Records(led)
    with led.transaction():
        repo.ensure_area(
            Area(code="520502", name="七星关区", kind=AreaKind.COUNTY, parent_code="520500")
        )
        repo.ensure_area(
            Area(code="520502001", name="市西街道", kind=AreaKind.TOWNSHIP, parent_code="520502")
        )
        repo.ensure_area(
            Area(code=VILLAGE, name="大坝村", kind=AreaKind.VILLAGE, parent_code="520502001")
        )
        household = repo.save(Household(area_code=VILLAGE, address="大坝村一组 8 号"))
        for name, birth, seq, relation in PEOPLE:
            repo.add_person(
                Person(
                    name=name,
                    id_number=make_id(birth=birth, seq=seq),
                    household_id=household,
                    relation=relation,
                )
            )
    led.close()


def enrol_as(ledger: Ledger, folder: Path, device: str, area: str) -> None:
    """Enrol `ledger` with a new county hub in `folder` as `device`, a village's device for
    `area` (as the county prepares a laptop on the command line)."""
    from fieldapp.hub.folder import Hub
    from fieldapp.sync.enrolment import enrol
    from tests.codes import ENROL_CODE

    hub = Hub.init(folder / "hub")
    try:
        hub.enroll(device, area, folder / "village.enrol", code=ENROL_CODE, by="县里的科员")
    finally:
        hub.close()
    enrol(ledger, folder / "village.enrol", code=ENROL_CODE)


def enrol_county(hub: Any, page: Any, tmp_path: Path) -> bool:
    """Enrol the window's ledger, on its 同步 `page`, as the county office's device 县人社局
    at `hub` (a `fieldapp.hub.folder.Hub`): whether the page took it."""
    from fieldapp.domain.roles import Role
    from tests.codes import ENROL_CODE

    hub.enroll(
        "县人社局",
        VILLAGE[:6],
        tmp_path / "county.json",
        role=Role.COUNTY,
        code=ENROL_CODE,
        by="县里的科员",
    )
    return bool(page.enrol(tmp_path / "county.json", code=ENROL_CODE))


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """A ledger file with a village, a household and three persons."""
    path = tmp_path / "village.db"
    fill_ledger(path)
    return path


def close_window(win: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Close a fixture's main window as the app does at exit, and hide the boxes it left open.

    A box a test opened and did not wait on (the 补贴 page's repeat-claim box) stays shown
    after its window closed: the next test on the same worker found it as the active modal
    widget, pressed Enter on it, and its 查看首次申领 ran on a closed ledger."""
    from PySide6.QtWidgets import QDialog, QMessageBox

    # Closing at teardown must not stop on "discard unsaved input?" questions.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    for dialog in win.findChildren(QDialog):
        if dialog.isVisible():
            dialog.hide()
    win.close()
    win.shutdown_pages()
    win.session.close()


@pytest.fixture
def window(qtbot, ledger_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The main window on the small ledger, in Chinese."""

    from fieldapp.ui import i18n
    from fieldapp.ui.app import make_app, open_window

    make_app()
    i18n.install_language("zh_CN")
    win = open_window(ledger_path, UI_USER)
    # Not qtbot.addWidget: pytest-qt would close it before this fixture can answer questions.
    win.show()
    yield win
    close_window(win, monkeypatch)
    i18n.install_language("zh_CN")  # a test that switched to English leaves the next in Chinese


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    """A demo ledger (fixed seed) with spells, registrations and eligible people."""
    from fieldapp.demo.generator import build_demo

    path = tmp_path / "demo.db"
    led = Ledger.open(path, credentials=UI_USER)
    build_demo(led, 200, seed=3)
    led.close()
    return path


@pytest.fixture
def demo_window(qtbot, demo_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The main window on the demo ledger."""

    from fieldapp.ui import i18n
    from fieldapp.ui.app import make_app, open_window

    make_app()
    i18n.install_language("zh_CN")
    win = open_window(demo_path, UI_USER)
    win.show()
    yield win
    close_window(win, monkeypatch)
    i18n.install_language("zh_CN")  # a test that switched to English leaves the next in Chinese


@pytest.fixture(autouse=True)
def _collected_on_gui_thread(qapp) -> None:
    """Every UI test runs as the app does: cycles collected on the GUI thread only
    (`fieldapp.ui.collector`) — a collection started by a worker thread's allocation (a search,
    an export) had freed an earlier test's widgets off the GUI thread and ended the run
    (SIGSEGV). tests/conftest.py turns automatic collection back on for the tests after."""
    from fieldapp.ui.collector import collect_on_gui_thread

    collect_on_gui_thread(qapp)


#: How long a dialog may wait for an answer in a test before it is closed and the test fails
#: (a test answers its dialogs within seconds, `when_modal`; a busy dialog is not counted).
UNANSWERED_S = 90


class UnansweredDialogs:
    """Closes a dialog left waiting for an answer longer than `limit_s` (as Esc would), noting
    its kind, title and words; a busy dialog (QProgressDialog) is not counted. Looks once a
    second while started."""

    def __init__(self, limit_s: float) -> None:
        from PySide6.QtCore import QTimer

        self.limit_s = limit_s
        self.closed: list[str] = []
        self._opened: dict[int, float] = {}
        self._timer = QTimer()
        self._timer.timeout.connect(self.look)

    def start(self, every_ms: int = 1000) -> None:
        self._timer.start(every_ms)

    def stop(self) -> None:
        self._timer.stop()

    def look(self) -> None:
        from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

        widget = QApplication.activeModalWidget()
        if not isinstance(widget, QDialog) or isinstance(widget, QProgressDialog):
            self._opened.clear()
            return
        since = self._opened.setdefault(id(widget), time.monotonic())
        if time.monotonic() - since < self.limit_s:
            return
        words = widget.text() if isinstance(widget, QMessageBox) else ""
        self.closed.append(f"{type(widget).__name__} {widget.windowTitle()!r}: {words!r}")
        self._opened.pop(id(widget), None)
        widget.reject()


@pytest.fixture(autouse=True)
def _no_dialog_left_unanswered(qapp) -> Iterator[None]:
    """A question or message a test opens and nobody answers waits for ever: the run stopped at
    the suite's timeout, the whole run with it, and named neither the test nor the dialog's
    words. One still open after UNANSWERED_S is closed and the test fails, saying them."""
    watch = UnansweredDialogs(UNANSWERED_S)
    watch.start()
    yield
    watch.stop()
    assert not watch.closed, f"a dialog waited {UNANSWERED_S} s unanswered: {watch.closed}"


@pytest.fixture(autouse=True)
def _no_keys_held(qapp) -> Iterator[None]:
    """Each UI test starts with no key held: QTest's key click with Ctrl (Ctrl+N opens a visit)
    leaves the application believing Ctrl is still down, and a later test's click in a list
    taking several rows then added to the selection instead of replacing it."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    if QGuiApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        widget = QWidget()
        QTest.keyRelease(widget, Qt.Key.Key_Control, Qt.KeyboardModifier.NoModifier)
        widget.deleteLater()
    yield


@pytest.fixture(autouse=True)
def _plain_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every message box of every UI test is checked for the program's insides (tests/ui/
    plain.py) before it is shown; tests that answer boxes themselves check through `answered`."""
    from PySide6.QtWidgets import QMessageBox

    for kind in ("warning", "critical", "information", "question"):
        original = getattr(QMessageBox, kind)

        def checked(parent, title, text, *args, _original=original, **kwargs):
            assert_plain(f"{title} {text}")
            return _original(parent, title, text, *args, **kwargs)

        monkeypatch.setattr(QMessageBox, kind, checked)


def as_drawn(text: str) -> str:
    """What Qt draws of `text` where it takes text that looks like HTML as rich (a tooltip, a
    static QMessageBox), as characters: `text` itself when Qt would draw it plain."""
    from PySide6.QtGui import Qt as GuiQt  # the same Qt, with mightBeRichText
    from PySide6.QtGui import QTextDocument

    if not GuiQt.mightBeRichText(text):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText().replace("\u2028", "\n")  # a <br> read back as a newline


def answered(kind: str, answer, shown: list[str]):  # noqa: ANN001, ANN201
    """A QMessageBox static replacement that checks the text, records it and answers."""

    def box(_parent, title, text, *args, **kwargs):  # noqa: ANN001, ANN202
        assert_plain(f"{title} {text}")
        shown.append(text)
        return answer

    return box


@pytest.fixture
def warnings_shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Messages the app showed with QMessageBox.warning (patched: no modal box in tests)."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def warning(_parent, title, text, *args, **kwargs):
        assert_plain(f"{title} {text}")
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


def wait_idle(qtbot, page, timeout: int = 60000) -> None:
    """Wait until a page's operation panel has finished."""
    qtbot.waitUntil(lambda: not page.panel.busy, timeout=timeout)


def when_modal(kind: type, act: Callable[[Any], None], *, polls: int = 250, first: int = 0) -> None:
    """Once the next modal widget of `kind` shows (the app's exec() waiting on it), `act` on it:
    look every 20 ms, `polls` times, starting `first` ms from now; nothing done when none came.
    Call before the action that opens it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def look(polls_left: int) -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind):
            if polls_left:
                QTimer.singleShot(20, lambda: look(polls_left - 1))
            return
        act(widget)

    QTimer.singleShot(first, lambda: look(polls))


def type_new_password(*tries: tuple[str, str]) -> list[str]:
    """Answer the next 设置口令 form (Settings' users and passwords) as a user does: each
    (新口令, 再输入一次) typed and OK pressed; 取消 when the form is still open after them.
    Call before the action that opens it; returns what the form said after each OK."""
    from fieldapp.ui.login import NewPasswordDialog

    said: list[str] = []

    def answer(form: NewPasswordDialog) -> None:
        try:
            for new, again in tries:
                form.new.setText(new)
                form.again.setText(again)
                form.ok_button.click()
                said.append(form.message.text())
                if not form.isVisible():
                    break
        finally:
            if form.isVisible():
                form.reject()

    when_modal(NewPasswordDialog, answer)
    return said


def top_level_widgets() -> list[Any]:
    """`QApplication.topLevelWidgets()`, taken with the collector held off.

    PySide wraps that list item by item; a wrapper's allocation can run the collector, which
    may free an earlier test's unparented dialog whose window is still in the list — the next
    item is then a freed pointer and the run dies (SIGSEGV, seen at the login test under load;
    the product never takes the list, `fieldapp/ui/login.py`). Garbage is collected first, then
    nothing is freed until the list is held."""
    from PySide6.QtWidgets import QApplication

    was_enabled = gc.isenabled()  # off in a UI test: the app collects on its own thread
    gc.collect()
    gc.disable()
    try:
        return list(QApplication.topLevelWidgets())
    finally:
        if was_enabled:
            gc.enable()
