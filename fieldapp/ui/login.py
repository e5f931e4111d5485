"""The login screen, the lock after idle time, and the county's password reset (issue 16).

The app opens on `LoginDialog`: the user's name and password unlock the ledger (Argon2id and,
for a plain ledger, its conversion run off the GUI thread). A plain ledger asks for a first
user and password instead, and is encrypted with them. `IdleLock` watches the keyboard and
mouse; after the configured minutes `LockDialog` hides the window until a user of the ledger
types their password (the ledger stays open underneath, running jobs go on).

Five wrong passwords in a row make further tries wait (30 s, doubling, at most 15 min; the
count is kept beside the ledger, so restarting the app does not reset it): the login and lock
screens then disable their button and count the seconds down.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.progress import Cancelled
from fieldapp.domain.sentences import fill
from fieldapp.services import users as user_service
from fieldapp.services.changes import ChangeSet, Kind
from fieldapp.services.ledgers import (
    Credentials,
    Ledger,
    clear_backups,
    keyfile_missing,
    ledger_state,
    open_ledger,
)
from fieldapp.ui import prefs
from fieldapp.ui.errors import message_for
from fieldapp.ui.files import start_at, used
from fieldapp.ui.operations import OperationPanel
from fieldapp.ui.session import Session
from fieldapp.ui.widgets import as_typed, plain_label

#: Minutes without keyboard or mouse before the window locks (Settings changes it; 0 = never).
DEFAULT_LOCK_MINUTES = 10
#: The red of a refusal under a password field.
_ERROR_STYLE = "color: #b42318"
#: The first encryption's bar counts in thousandths (a ledger's bytes overflow Qt's int).
_BAR_STEPS = 1000


def lock_minutes() -> int:
    """The idle minutes before locking, from the user's settings."""
    try:
        return max(0, int(prefs.get("lock_minutes", str(DEFAULT_LOCK_MINUTES)) or 0))
    except ValueError:
        return DEFAULT_LOCK_MINUTES


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def typed_twice(
    first: QLineEdit, again: QLineEdit, say: Callable[[str], None], *, new: bool = True
) -> bool:
    """True when the password in `first` will do and `again` holds the same; else `say` which
    box is wrong, keep what was right, and put the cursor where to type (a password too short:
    `first`, selected; the second entry not the same: `again`, emptied). `new`: the first box
    is labelled 新口令 (a change), else 口令 (the first user's)."""
    try:
        user_service.check_password(first.text())
    except Exception as error:  # noqa: BLE001 - a Chinese reason
        label = (
            QCoreApplication.translate("NewPasswordDialog", "新口令：")
            if new
            else QCoreApplication.translate("NewPasswordDialog", "口令：")
        )
        say(label + message_for(error))
        first.setFocus()
        first.selectAll()
        return False
    if again.text() != first.text():
        again.clear()
        say(
            QCoreApplication.translate(
                "NewPasswordDialog",
                "“再输入一次”与新口令不一致：新口令已保留，请在“再输入一次”中重新输入",
            )
            if new
            else QCoreApplication.translate(
                "NewPasswordDialog",
                "“再输入一次”与口令不一致：口令已保留，请在“再输入一次”中重新输入",
            )
        )
        again.setFocus()
        return False
    return True


class WaitCountdown(QObject):
    """After repeated wrong passwords: the button stays disabled while the wait runs, and the
    message counts the seconds down (the store refuses an early try anyway)."""

    def __init__(
        self, button: QPushButton, message: QLabel, seconds_left: Callable[[], int]
    ) -> None:
        super().__init__(button)
        self.button = button
        self.message = message
        self.seconds_left = seconds_left
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)

    @property
    def waiting(self) -> bool:
        """True while the wait runs."""
        return self.timer.isActive()

    def start(self) -> None:
        """Begin counting down when a wait is due (does nothing otherwise)."""
        if self.seconds_left() > 0:
            self.button.setEnabled(False)
            self.tick()
            self.timer.start()

    def tick(self) -> None:
        """Show the seconds left; give the button back when the wait is over."""
        left = self.seconds_left()
        if left <= 0:
            self.timer.stop()
            self.button.setEnabled(True)
            self.message.setText(self.tr("可以再试了"))
            return
        self.message.setText(self.tr("口令连续输错多次，请 %1 秒后再试").replace("%1", str(left)))


def warn_of_clear_backups(parent: QWidget, path: Path) -> None:
    """A plain ledger was just encrypted (the login screen, the wizard's 打开已有台账): the first
    wave's backups beside it — plain copies of everything, the device's keys too — are left as
    they are, and the user is told which they are and what to do."""
    copies = clear_backups(path)
    if not copies:
        return

    names = QCoreApplication.translate("LoginDialog", "、").join(c.name for c in copies[:5])
    if len(copies) > 5:
        names += QCoreApplication.translate("LoginDialog", " 等 %1 个").replace(
            "%1", str(len(copies))
        )
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("LoginDialog", "旧备份没有加密"),
        as_typed(  # the backups' names and folder drawn as they are
            fill(
                QCoreApplication.translate(
                    "LoginDialog",
                    "台账已加密。但它旁边还有此前版本做的 %1 个备份没有加密（%2，在 %3）："
                    "拿到它们的人不用口令就能看到全部人员的身份证号、银行账号，还有本机同步用的密钥。\n\n"
                    "请用“设置 → 数据与备份 → 立即备份…”做一个加密的新备份，确认无误后删除这些旧备份"
                    "（或把它们锁好保管）。",
                ),
                (str(len(copies)), names, str(copies[0].absolute().parent)),
            )
        ),
    )


class LoginDialog(QDialog):
    """Log in to a ledger (or give a plain one its first user); `session` is set on success."""

    def __init__(self, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.session: Session | None = None
        self.failure: BaseException | None = None
        state = ledger_state(self.path)
        self.setup = state != "encrypted"
        #: A plain ledger is encrypted at this login: a while on a large one, so 取消 is shown.
        self.converts = state == "plain"
        self.setWindowTitle(self.tr("劳动力台账 — 登录"))
        self.user = QLineEdit(os.environ.get("FIELDAPP_USER") or prefs.get("last_user") or "")
        self.user.setPlaceholderText(self.tr("用户名"))
        self.password = _password_edit()
        self.repeat = _password_edit()
        self.message = plain_label()  # an error may name the ledger's file
        self.message.setWordWrap(True)
        self.message.setStyleSheet(_ERROR_STYLE)
        self.panel = OperationPanel()
        self.panel.cancel_button.setVisible(self.converts)
        #: Why nothing can open the file (a backup, a key file, an encrypted ledger copied
        #: without its key file), None for a ledger: then no first user is offered either.
        self.missing = keyfile_missing(self.path)
        self._build()
        self.countdown = WaitCountdown(
            self.ok_button, self.message, lambda: user_service.login_wait(self.path)
        )
        self.countdown.start()  # a wait from before a restart still runs
        if self.missing:
            self.ok_button.setEnabled(False)
            self.ok_button.setVisible(False)
            self.forgot_button.setVisible(False)
            self._say(message_for(self.missing))
        if self.user.text():
            self.password.setFocus()
        if self.logs_in_by_itself():
            # A scripted start (the same sources as the command line): log in at once.
            self.password.setText(os.environ.get("FIELDAPP_PASSWORD", ""))
            QTimer.singleShot(0, self.log_in)

    def logs_in_by_itself(self) -> bool:
        """A scripted start: user and password from the environment, for an encrypted ledger."""
        return bool(os.environ.get("FIELDAPP_PASSWORD") and self.user.text() and not self.setup)

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("台账"), QLabel(self.path.name))
        if not self.missing:  # (a file nothing opens asks for no name or password)
            form.addRow(self.tr("用户名"), self.user)
            form.addRow(self.tr("口令"), self.password)
        if self.setup and not self.missing:
            form.addRow(self.tr("再输入一次"), self.repeat)
        if self.missing:  # it was told to set a first user and password for a backup
            words = self.tr("这个文件不能作为台账打开：")
        elif self.setup:
            words = self.tr(
                "这个台账还没有设置口令。请设置第一个用户和口令：台账文件随即加密保存，"
                "此后打开台账都要输入口令。请记住口令；台账登记到县里以后，忘记口令可由县里重置。"
            )
        else:
            words = self.tr("请输入您的用户名和口令。")
        note = QLabel(words)
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(
            self.tr("设置并打开") if self.setup else self.tr("登录"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.log_in)
        self.buttons.rejected.connect(self.reject)
        self.forgot_button = QPushButton(self.tr("忘记口令（县里重置）…"))
        self.forgot_button.clicked.connect(self.county_reset)
        self.forgot_button.setVisible(not self.setup)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.panel)
        row = QHBoxLayout()
        row.addWidget(self.forgot_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout.addLayout(row)
        self.resize(460, 0)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.adjustSize()  # the form grows to the message's lines, none cut off

    def log_in(self) -> None:
        """Check what was typed, then unlock (or convert) off the GUI thread."""
        if self.panel.busy or self.countdown.waiting or self.missing:
            return
        name, password = self.user.text().strip(), self.password.text()
        if not name:
            self.message.setText(self.tr("请填写用户名"))
            return
        if self.setup:
            try:
                user_service.check_name(name)
            except Exception as error:  # noqa: BLE001 - a Chinese reason
                self.message.setText(message_for(error))
                return
            if not typed_twice(self.password, self.repeat, self._say, new=False):
                return
        self.message.clear()
        self.ok_button.setEnabled(False)
        credentials = Credentials(name, password)
        title = self.tr("正在加密台账……") if self.setup else self.tr("正在核对口令……")
        path = self.path
        self.panel.run(
            title,
            lambda progress: open_ledger(
                path,
                credentials=credentials,
                progress=lambda done, total: progress.report(
                    done * _BAR_STEPS // total if total else 0, _BAR_STEPS
                ),
                cancel=progress.is_cancelled,
            ),
            self._opened,
            self._failed,
        )

    def _opened(self, ledger: Ledger) -> None:
        self.session = Session(ledger)
        prefs.put("last_user", ledger.user or "")
        self.password.clear()
        self.repeat.clear()
        if self.setup:
            self._warn_of_clear_backups()
        elif not self.logs_in_by_itself():
            self._own_password_after_reset(ledger)
        self.accept()

    def _own_password_after_reset(self, ledger: Ledger) -> None:
        """The county reset this user's password and the clerk who typed it knows it: ask for a
        password of the user's own (取消: asked again at the next login)."""
        try:
            me = user_service.current_user(ledger)
        except Exception:  # noqa: BLE001 - not asked rather than not logged in
            return
        if not me.password_reset_by:
            return
        if me.password_reset_by.startswith("管理员 "):  # set by the office's administrator
            note = self.tr(
                "你的口令是%1设的，设的人知道它。请现在设一个只有你自己知道的新口令"
                "（取消则下次登录时再问）。"
            ).replace("%1", me.password_reset_by)
        else:
            note = self.tr(
                "你的口令是县里重置的，县里经办的同志知道它。请现在设一个只有你自己知道的新口令"
                "（取消则下次登录时再问）。"
            )
        dialog = NewPasswordDialog(me.name, self, note)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            try:
                user_service.change_password(ledger, None, dialog.password())
            except Exception as error:  # noqa: BLE001 - said in Chinese; logged in all the same
                QMessageBox.warning(self, self.tr("没有修改口令"), as_typed(message_for(error)))
        finally:
            dialog.deleteLater()

    def _warn_of_clear_backups(self) -> None:
        """The ledger was just encrypted: the first wave's backups beside it are named."""
        warn_of_clear_backups(self, self.path)

    def _failed(self, error: BaseException) -> None:
        if os.environ.get("FIELDAPP_QUIT_AFTER_START"):
            # A start-up check: the refusal goes to its caller, nobody is there to try again.
            self.failure = error
            self.reject()
            return
        self.ok_button.setEnabled(True)
        if isinstance(error, Cancelled):  # the user's 取消 of the first encryption
            self._say(
                self.tr(
                    "已取消：台账还没有加密，没有任何改动。下次登录时会再加密"
                    "（台账大，要等一会儿，请在空闲时登录）；加密之前，拿到这台电脑的人"
                    "不用口令就能看到台账里的身份证号、银行账号。"
                )
            )
            return
        self.password.clear()
        self.message.setText(message_for(error))
        self.countdown.start()  # the fifth wrong one: wait before the sixth
        self.password.setFocus()

    def county_reset(self) -> None:
        """The county's reset, run at the county with the laptop's ledger in hand."""
        dialog = CountyResetDialog(self.path, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.user.setText(dialog.user.text().strip())
            self.message.setText(self.tr("口令已由县里重置，请用新口令登录"))


class CountyResetDialog(QDialog):
    """Give a user of this ledger a new password with the county hub's key (at the county)."""

    def __init__(self, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(self.tr("县里重置口令"))
        self.hub_dir = QLineEdit()
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        hub_row = QHBoxLayout()
        hub_row.addWidget(self.hub_dir, 1)
        hub_row.addWidget(browse)
        self.hub_user = QLineEdit()
        self.hub_password = _password_edit()
        self.user = QLineEdit()
        self.new_password = _password_edit()
        self.repeat = _password_edit()
        self.message = plain_label()  # an error may name the ledger's file
        self.message.setWordWrap(True)
        self.message.setStyleSheet(_ERROR_STYLE)
        note = QLabel(
            self.tr(
                "须在县里办理：用县级汇总中心的文件夹和中心工作人员的口令，"
                "为本台账的一个用户设置新口令。台账须已登记到该中心。"
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("汇总中心文件夹"), hub_row)
        form.addRow(self.tr("中心用户名"), self.hub_user)
        form.addRow(self.tr("中心口令"), self.hub_password)
        form.addRow(self.tr("要重置的用户"), self.user)
        form.addRow(self.tr("新口令"), self.new_password)
        form.addRow(self.tr("再输入一次"), self.repeat)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.reset)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        folder = used(
            QFileDialog.getExistingDirectory(self, self.tr("选择汇总中心文件夹"), start_at())
        )
        if folder:
            self.hub_dir.setText(folder)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.adjustSize()  # the form grows to the message's lines, none cut off

    def reset(self) -> bool:
        """Reset now (quick: one Argon2id each side); the message says what went wrong."""
        if not typed_twice(self.new_password, self.repeat, self._say):
            return False
        self.message.clear()
        try:
            user_service.county_reset_at_hub(
                Path(self.hub_dir.text().strip()),
                Credentials(self.hub_user.text().strip(), self.hub_password.text()),
                self.path,
                self.user.text().strip(),
                self.new_password.text(),
            )
        except Exception as error:  # noqa: BLE001 - shown in Chinese
            self.message.setText(message_for(error))
            return False
        finally:
            self.hub_password.clear()
        self.accept()
        return True


class NewPasswordDialog(QDialog):
    """A new password, typed twice in one form. On a slip the form stays open: what was right
    is kept and the message names the box to type again (the new password too short: 新口令;
    the second entry not the same: 再输入一次, emptied). Before, a mismatch ended the change
    and every box had to be typed again from the current password."""

    def __init__(self, who: str, parent: QWidget | None = None, note: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置口令"))
        self.new = _password_edit()
        self.again = _password_edit()
        self.message = plain_label()  # an error may name the ledger's file
        self.message.setWordWrap(True)
        self.message.setStyleSheet(_ERROR_STYLE)
        self.note = QLabel(note)  # why the password is asked for (after the county's reset)
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))
        form = QFormLayout()
        form.addRow(self.note)
        form.addRow(plain_label(self.tr("为 %1 设置新口令。").replace("%1", who)))
        form.addRow(self.tr("新口令"), self.new)
        form.addRow(self.tr("再输入一次"), self.again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(420, max(layout.totalHeightForWidth(420), 0))  # a wrapped note whole
        self.new.setFocus()

    def password(self) -> str:
        """The new password (once accepted)."""
        return self.new.text()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.adjustSize()  # the form grows to the message's lines, none cut off

    def check(self) -> bool:
        """Accept when the new password will do and was typed the same twice; else say which
        box is wrong, keep what was right, and put the cursor where to type."""
        if not typed_twice(self.new, self.again, self._say):
            return False
        self.message.clear()
        self.accept()
        return True


class LockDialog(QDialog):
    """The locked window: a user of the ledger types their password to go on."""

    def __init__(
        self, session: Session, parent: QWidget | None = None, note: str | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("已锁定"))
        self.user = QLineEdit(session.ledger.user or "")
        self.password = _password_edit()
        self.message = plain_label()  # an error may name the ledger's file
        self.message.setWordWrap(True)
        self.message.setStyleSheet(_ERROR_STYLE)
        self.note = plain_label(  # (it may name the user)
            note or self.tr("较长时间无人操作，台账已锁定。请输入口令继续（也可换一位用户登录）。")
        )
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.user)
        form.addRow(self.tr("口令"), self.password)
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(
            self.tr("解锁"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.unlock)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        path = session.path
        self.countdown = WaitCountdown(
            self.unlock_button, self.message, lambda: user_service.login_wait(path)
        )
        self.countdown.start()
        self.password.setFocus()

    def unlock(self) -> bool:
        """Check the password (wrong ones count, as at login); switch user if another typed."""
        if self.countdown.waiting:
            return False
        try:
            ok = user_service.switch_user(
                self.session.ledger, self.user.text().strip(), self.password.text()
            )
        except Exception as error:  # noqa: BLE001 - a wait after wrong passwords, in Chinese
            self.message.setText(message_for(error))
            self.countdown.start()
            return False
        finally:
            self.password.clear()
        if not ok:
            self.message.setText(self.tr("用户名或口令不对"))
            self.countdown.start()
            return False
        # Who writes may have changed: the title and the Settings page show the user.
        self.session.apply(ChangeSet.of(Kind.SETTINGS))
        self.accept()
        return True

    def reject(self) -> None:
        """Esc and the window's close button do not unlock."""
        return


class IdleLock(QObject):
    """Emits `idle` once no key or mouse event reached the app for the configured minutes."""

    idle = Signal()
    _ACTIVITY = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
        }
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.last_activity = time.monotonic()
        self.paused = False
        self.timer = QTimer(self)
        self.timer.setInterval(5000)
        self.timer.timeout.connect(self.check)
        # The app's windows are watched, not the app: a Python filter on the whole application
        # makes PySide wrap every object any event reaches (a crash in PySide 6.9 when the main
        # window appeared after the login, and a cost on every paint). Keys and mouse reach a
        # window before its widgets, so its filter sees all of them.
        #
        # Windows are taken one at a time as they get the focus (the main window when it is
        # shown), never from `QGuiApplication.topLevelWindows()`: PySide wraps that list item by
        # item, a wrapper's allocation can run Python's cycle collector, and a closed top-level
        # dialog freed by it takes its window out from under the list — the packaged app
        # crashed so on every start after the login (tests/ui/test_login_lock.py reproduces it).
        self.windows: dict[int, QWindow] = {}
        handle = parent.window().windowHandle() if isinstance(parent, QWidget) else None
        self._watch(handle)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._watch)
        self.timer.start()

    def _watch(self, window: QWindow | None) -> None:
        """Watch a window (a dialog gets focus: typing there is activity too)."""
        if window is None or id(window) in self.windows:
            return
        self.windows[id(window)] = window
        window.installEventFilter(self)
        window.destroyed.connect(lambda _o=None, key=id(window): self.windows.pop(key, None))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Any key or mouse use counts as activity."""
        if event.type() in self._ACTIVITY:
            self.last_activity = time.monotonic()
        return False

    def check(self, now: float | None = None) -> bool:
        """Emit `idle` when the time is up; True when it did."""
        minutes = lock_minutes()
        if self.paused or minutes <= 0:
            return False
        if (now if now is not None else time.monotonic()) - self.last_activity < minutes * 60:
            return False
        self.idle.emit()
        return True

    def stop(self) -> None:
        """Stop watching (the window closes)."""
        self.timer.stop()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.disconnect(self._watch)
        for window in self.windows.values():
            window.removeEventFilter(self)
        self.windows.clear()
