"""The login screen, the idle lock, users in Settings and authorship, driven with pytest-qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMessageBox

from fieldapp.domain.credentials import Credentials
from fieldapp.domain.enums import AreaKind
from fieldapp.domain.models import Area
from fieldapp.services import users
from fieldapp.store import keyfile
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.history import row_history
from fieldapp.ui import prefs
from fieldapp.ui.login import NewPasswordDialog
from tests.codes import ENROL_CODE
from tests.records import Records
from tests.ui.conftest import UI_USER, top_level_widgets, type_new_password, when_modal


def _login(qtbot, path: Path, name: str, password: str, repeat: str | None = None):
    from fieldapp.ui.app import make_app
    from fieldapp.ui.login import LoginDialog

    make_app()
    dialog = LoginDialog(path)
    qtbot.addWidget(dialog)
    _try(qtbot, dialog, name, password, repeat)
    return dialog


def _try(qtbot, dialog, name: str, password: str, repeat: str | None = None) -> None:
    """Type a name and password and press the button, as a user would."""
    dialog.user.setText(name)
    dialog.password.setText(password)
    if repeat is not None:
        dialog.repeat.setText(repeat)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.panel.busy, timeout=30000)


def _edit_phone_in_the_window(window, qtbot, name: str, phone: str) -> str:
    """Change a person's phone through the ledger page's editor; returns the person's id."""
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    if page.search_box.text() != name:
        with qtbot.waitSignal(page.updated, timeout=5000):
            page.search_box.setText(name)
    editor = page.edit_person(page.selected_id())
    editor.phone.setText(phone)
    with qtbot.waitSignal(page.updated, timeout=5000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    return page.selected_id()


def _phone_authors(ledger, person_id: str) -> list[str]:
    return [c.author for c in row_history(ledger, [person_id]) if c.field == "phone"]


def test_login_refuses_a_wrong_password_and_opens_with_the_right_one(qtbot, ledger_path):
    keys_before = keyfile.keyfile_path(ledger_path).read_bytes()
    ledger_before = ledger_path.read_bytes()
    dialog = _login(qtbot, ledger_path, UI_USER.user, "不对的口令")
    assert dialog.session is None  # refused, nothing opened
    # One Chinese sentence that does not say which of the two was wrong ...
    assert dialog.message.text() == "用户名或口令不对"
    assert dialog.password.text() == ""  # never left in the field
    # ... the same for a name that is no user of the ledger (the count of tries aside).
    _try(qtbot, dialog, "不存在的人", UI_USER.password)
    assert dialog.session is None
    assert dialog.message.text() == "用户名或口令不对（已连续输错 2 次）"
    assert dialog.ok_button.isEnabled()  # two wrong ones: no wait yet
    # Nothing was written to the ledger or its key file by the wrong tries.
    assert ledger_path.read_bytes() == ledger_before
    assert keyfile.keyfile_path(ledger_path).read_bytes() == keys_before
    _try(qtbot, dialog, UI_USER.user, UI_USER.password)
    assert dialog.session is not None and dialog.session.ledger.user == UI_USER.user
    assert prefs.get("last_user") == UI_USER.user
    dialog.session.close()


def test_five_wrong_passwords_make_the_login_screen_wait(qtbot, ledger_path):
    dialog = _login(qtbot, ledger_path, UI_USER.user, "错的口令1")
    for n in range(2, 6):
        _try(qtbot, dialog, UI_USER.user, f"错的口令{n}")
    # The fifth wrong one: the button is off and the screen counts down, in Chinese.
    assert not dialog.ok_button.isEnabled() and dialog.countdown.waiting
    assert "秒后再试" in dialog.message.text()
    # Even the right password is not tried while the wait runs (nothing is opened).
    dialog.password.setText(UI_USER.password)
    dialog.log_in()
    assert not dialog.panel.busy and dialog.session is None
    # Restarting the app does not reset the wait: a new login screen waits too.
    again = _login(qtbot, ledger_path, UI_USER.user, UI_USER.password)
    assert again.session is None and not again.ok_button.isEnabled()
    # When the wait is over (here: its clock moved past it), the right password opens.
    failures, _last = keyfile._read_attempts(ledger_path)
    keyfile.write_private(
        keyfile.attempts_path(ledger_path),
        f'{{"failures": {failures}, "last": {time.time() - 3600}}}'.encode(),
    )
    again.countdown.tick()
    assert again.ok_button.isEnabled()
    _try(qtbot, again, UI_USER.user, UI_USER.password)
    assert again.session is not None
    assert users.login_wait(ledger_path) == 0  # a right password clears the count
    again.session.close()


def test_a_plain_ledger_gets_its_first_user_and_is_encrypted(qtbot, tmp_path):
    path = tmp_path / "old.db"
    plain = Ledger.open(path)
    Records(plain).ensure_area(
        Area(code="520502", name="七星关区", kind=AreaKind.COUNTY, parent_code="520500")
    )
    plain.close()
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
    mismatch = _login(qtbot, path, "李芳", "村里的口令1", repeat="另一个口令")
    assert mismatch.setup and mismatch.session is None and "不一致" in mismatch.message.text()
    assert not keyfile.has_keyfile(path)
    dialog = _login(qtbot, path, "李芳", "村里的口令1", repeat="村里的口令1")
    assert dialog.session is not None and dialog.session.ledger.encrypted
    dialog.session.close()
    assert keyfile.has_keyfile(path)
    assert not path.read_bytes().startswith(b"SQLite format 3")


def test_a_ledger_copied_without_its_key_file_is_not_offered_a_first_user(qtbot, ledger_path):
    from fieldapp.ui.app import make_app
    from fieldapp.ui.login import LoginDialog

    elsewhere = ledger_path.parent / "新电脑"
    elsewhere.mkdir()
    copy = elsewhere / ledger_path.name
    copy.write_bytes(ledger_path.read_bytes())  # the ledger, not its key file beside it
    make_app()
    dialog = LoginDialog(copy)
    qtbot.addWidget(dialog)
    # It says what is missing, and the button that would make a first user is off ...
    assert "钥匙文件" in dialog.message.text() and f"{copy.name}.keys" in dialog.message.text()
    assert not dialog.ok_button.isEnabled()
    dialog.user.setText("李芳")
    dialog.password.setText("村里的口令1")
    dialog.repeat.setText("村里的口令1")
    dialog.log_in()  # ... and Enter does nothing either
    qtbot.wait(50)
    assert dialog.session is None and not dialog.panel.busy
    assert sorted(p.name for p in elsewhere.iterdir()) == [copy.name]
    assert copy.read_bytes() == ledger_path.read_bytes()


def test_idle_lock_hides_the_ledger_until_a_password(window, qtbot):
    prefs.put("lock_minutes", "1")
    assert not window.idle_lock.check(time.monotonic() + 30)  # not yet
    assert window.idle_lock.check(time.monotonic() + 61)
    assert window.locked and not window.centralWidget().isVisible()
    lock = window.lock_dialog
    assert lock.isVisible()
    lock.password.setText("不对的口令")
    assert not lock.unlock()
    assert window.locked and "不对" in lock.message.text()
    lock.reject()  # Esc does not unlock
    window.close()  # nor does closing the window
    assert window.locked and window.isVisible()
    lock.password.setText(UI_USER.password)
    qtbot.mouseClick(lock.unlock_button, Qt.MouseButton.LeftButton)
    assert not window.locked and window.centralWidget().isVisible()
    assert not window.idle_lock.check(time.monotonic() + 30)  # the clock starts again


def test_typing_in_the_window_or_a_dialog_is_activity(window, qtbot):
    """Keys reach a window before its widgets: the lock watches windows, not every object."""
    from PySide6.QtTest import QTest

    from fieldapp.ui.login import IdleLock

    window.activateWindow()
    qtbot.waitUntil(lambda: window.windowHandle() is not None)
    lock = window.idle_lock
    qtbot.waitUntil(lambda: id(window.windowHandle()) in lock.windows)  # it got the focus
    lock.last_activity = 0.0
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_A)
    assert lock.last_activity > 0.0
    # A dialog that takes the focus is watched too.
    editor = window.show_page("ledger").new_person()
    qtbot.waitUntil(lambda: editor.windowHandle() is not None)
    editor.activateWindow()
    qtbot.waitUntil(lambda: id(editor.windowHandle()) in lock.windows)
    lock.last_activity = 0.0
    QTest.keyClick(editor.windowHandle(), Qt.Key.Key_B)
    assert lock.last_activity > 0.0
    editor.discard()
    # No filter on the whole application (PySide would wrap every object an event reaches).
    other = IdleLock()
    other.last_activity = 0.0
    qtbot.keyClick(window.show_page("ledger").search_box, Qt.Key.Key_C)  # straight to a widget
    assert other.last_activity == 0.0
    other.stop()


def test_idle_lock_follows_the_settings_minutes(window, qtbot):
    page = window.show_page("settings")
    page.lock_minutes.setValue(0)  # 不锁定
    assert not window.idle_lock.check(time.monotonic() + 10 * 3600)
    page.lock_minutes.setValue(5)
    assert not window.idle_lock.check(time.monotonic() + 4 * 60)
    assert window.idle_lock.check(time.monotonic() + 5 * 60 + 1)
    window.lock_dialog.password.setText(UI_USER.password)
    assert window.lock_dialog.unlock()


def test_ctrl_l_locks_at_once(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    window.lock_dialog.password.setText(UI_USER.password)
    assert window.lock_dialog.unlock()


def test_the_author_of_a_change_in_the_window_is_the_logged_in_user(window, qtbot):
    person = _edit_phone_in_the_window(window, qtbot, "王小明", "13800001111")
    assert _phone_authors(window.session.ledger, person) == [UI_USER.user]
    # The 使用人 field cannot be typed over to write as someone else.
    settings = window.show_page("settings")
    assert settings.author.isReadOnly() and settings.author.text() == UI_USER.user
    settings.author.setText("冒名的人")
    settings.save_device()
    _edit_phone_in_the_window(window, qtbot, "王小明", "13800002222")
    assert _phone_authors(window.session.ledger, person) == [UI_USER.user, UI_USER.user]


def test_another_user_unlocks_and_writes_as_themselves(window, qtbot):
    users.add_user(window.session.ledger, "王强", "王强的口令12")
    window.lock()
    window.lock_dialog.user.setText("王强")
    window.lock_dialog.password.setText("王强的口令12")
    assert window.lock_dialog.unlock()
    assert "王强" in window.status_label.text()
    person = _edit_phone_in_the_window(window, qtbot, "王小明", "13900001111")
    assert _phone_authors(window.session.ledger, person) == ["王强"]
    settings = window.show_page("settings")
    assert settings.author.text() == "王强"
    # A disabled user cannot unlock the window.
    window.lock()
    window.lock_dialog.user.setText(UI_USER.user)
    window.lock_dialog.password.setText(UI_USER.password)
    assert window.lock_dialog.unlock()
    users.disable_user(window.session.ledger, "王强")
    window.lock()
    window.lock_dialog.user.setText("王强")
    window.lock_dialog.password.setText("王强的口令12")
    assert not window.lock_dialog.unlock() and window.locked
    window.lock_dialog.user.setText(UI_USER.user)
    window.lock_dialog.password.setText(UI_USER.password)
    assert window.lock_dialog.unlock()


def test_settings_users_add_change_and_disable(window, qtbot, monkeypatch):
    page = window.show_page("settings")
    assert page.users_list.count() == 1 and page.add_user_button.isEnabled()
    me = (UI_USER.password, True)  # each action asks the logged-in user's own password first
    answers = iter([me, ("赵敏", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    type_new_password(("赵敏的口令1", "赵敏的口令1"))
    assert page.add_user_dialog()
    assert page.users_list.count() == 2 and "赵敏" in page.users_note.text()
    zhao = Ledger.open(window.session.path, credentials=Credentials("赵敏", "赵敏的口令1"))
    assert not users.may_manage(zhao)  # answered No: not an administrator
    zhao.close()
    # Mistyped the second time, then 取消: nothing changes.
    answers = iter([me])
    said = type_new_password(("新的口令123", "打错了的口令"))
    assert not page.change_password_dialog()
    assert said and "不一致" in said[-1]
    answers = iter([me])
    type_new_password(("新的口令123", "新的口令123"))
    assert page.change_password_dialog()
    answers = iter([("新的口令123", True)])
    page.users_list.setCurrentRow(
        next(r for r in range(2) if page.users_list.item(r).text().startswith("赵敏"))
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    old_key = window.session.ledger.unlocked.key
    assert page.disable_selected()
    # The ledger was re-encrypted under a new key and the window reopened it, same user.
    assert window.session.ledger.unlocked.key != old_key
    assert window.session.ledger.user == UI_USER.user
    assert "新钥匙" in window.statusBar().currentMessage()
    page = window.show_page("settings")
    assert any("已停用" in page.users_list.item(r).text() for r in range(2))
    _edit_phone_in_the_window(window, qtbot, "王小明", "13800003333")  # it goes on working
    Ledger.open(window.session.path, credentials=Credentials(UI_USER.user, "新的口令123")).close()
    refused = _login(qtbot, Path(window.session.path), "赵敏", "赵敏的口令1")
    assert refused.session is None


def test_someone_at_a_desktop_left_unlocked_cannot_give_themselves_a_password(
    window, qtbot, monkeypatch, warnings_shown
):
    """The coordinator walked away before the idle lock: whoever sits down must not set her
    password, a colleague's or a new user's to one they know (and so keep a way into every copy
    of the ledger). The Settings page asks the logged-in user's own password first."""
    users.add_user(window.session.ledger, "赵敏", "赵敏的口令1", admin=False)
    page = window.show_page("settings")
    keys_before = keyfile.keyfile_path(window.session.path).read_bytes()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    asked: list[str] = []

    def answer(replies):
        replies = iter(replies)

        def get_text(_parent, _title, label, *a, **k):
            asked.append(label)
            return next(replies)

        monkeypatch.setattr(QInputDialog, "getText", get_text)

    page.users_list.setCurrentRow(
        next(r for r in range(2) if page.users_list.item(r).text().startswith("赵敏"))
    )
    for action in (page.change_password_dialog, page.reset_selected_dialog, page.add_user_dialog):
        answer(
            [("猜的口令123", True), ("陌生人", True), ("我知道的口令1", True)]
            + [("我知道的口令1", True)]
        )
        asked.clear()
        assert not action()
        assert UI_USER.user in asked[0] and "现在的口令" in asked[0]
        assert len(asked) == 1  # nothing more asked after a wrong password
        assert "口令不对" in warnings_shown[-1]
    answer([("猜的口令123", True)])
    assert not page.disable_selected()
    assert "口令不对" in warnings_shown[-1]
    assert keyfile.keyfile_path(window.session.path).read_bytes() == keys_before
    assert {r.name: r.disabled for r in users.list_users(window.session.ledger)} == {
        UI_USER.user: False,
        "赵敏": False,
    }
    # The wrong tries count towards the wait, as at the login screen.
    assert keyfile.wait_needed(window.session.path) == 0
    assert json.loads(keyfile.attempts_path(window.session.path).read_text())["failures"] == 4
    # With her own password it goes ahead.
    answer([(UI_USER.password, True)])
    type_new_password(("新的口令123", "新的口令123"))
    assert page.change_password_dialog()
    assert not keyfile.attempts_path(window.session.path).exists()


def test_an_administrator_sets_a_colleagues_forgotten_password(window, qtbot, monkeypatch):
    """A colleague forgot their password: the office's administrator sets a new one on the
    Settings page (no county needed); the old one stops working, the new one logs in."""
    users.add_user(window.session.ledger, "赵敏", "赵敏的口令1", admin=False)
    page = window.show_page("settings")
    assert page.reset_user_button.isEnabled()
    page.users_list.setCurrentRow(
        next(r for r in range(2) if page.users_list.item(r).text().startswith("赵敏"))
    )
    answers = iter([(UI_USER.password, True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    type_new_password(("新给的口令123", "新给的口令123"))
    assert page.reset_selected_dialog()
    assert "赵敏" in page.users_note.text()
    path = Path(window.session.path)
    assert _login(qtbot, path, "赵敏", "赵敏的口令1").session is None
    asked: list[str] = []

    # She is asked for her own (the administrator knows this one).
    def own_password_later(form: NewPasswordDialog) -> None:
        asked.append(form.note.text())
        form.reject()

    when_modal(NewPasswordDialog, own_password_later, polls=1000, first=20)
    dialog = _login(qtbot, path, "赵敏", "新给的口令123")
    assert dialog.session is not None and dialog.session.ledger.user == "赵敏" and asked
    dialog.session.close()


def test_a_user_who_may_not_manage_sees_the_buttons_off(window, qtbot):
    users.add_user(window.session.ledger, "赵敏", "赵敏的口令1", admin=False)
    window.lock()
    window.lock_dialog.user.setText("赵敏")
    window.lock_dialog.password.setText("赵敏的口令1")
    assert window.lock_dialog.unlock()
    page = window.show_page("settings")
    assert not page.add_user_button.isEnabled() and not page.disable_user_button.isEnabled()
    assert page.passwd_button.isEnabled()  # one's own password, always
    assert "管理用户" in page.users_note.text()


def test_the_users_page_refuses_a_non_administrator_even_past_the_buttons(
    window, qtbot, monkeypatch, warnings_shown
):
    """The buttons are off for a non-administrator; the service refuses too (say a shortcut
    or a stale page called the action): a Chinese refusal, and no user added or disabled."""
    users.add_user(window.session.ledger, "赵敏", "赵敏的口令1", admin=False)
    users.add_user(window.session.ledger, "王强", "王强的口令12", admin=False)
    window.lock()
    window.lock_dialog.user.setText("赵敏")
    window.lock_dialog.password.setText("赵敏的口令1")
    assert window.lock_dialog.unlock()
    page = window.show_page("settings")
    keys_before = keyfile.keyfile_path(window.session.path).read_bytes()
    her = ("赵敏的口令1", True)  # each action asks her own password first
    answers = iter([her, ("冒出来的人", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    type_new_password(("冒出来的口令1", "冒出来的口令1"))
    assert not page.add_user_dialog()
    assert warnings_shown and "只有能管理用户的人" in warnings_shown[-1]
    page.users_list.setCurrentRow(
        next(r for r in range(3) if page.users_list.item(r).text().startswith("王强"))
    )
    answers = iter([her])
    assert not page.disable_selected()
    assert "只有能管理用户的人" in warnings_shown[-1]
    assert not page.reset_user_button.isEnabled()
    answers = iter([her])
    type_new_password(("改别人的口令1", "改别人的口令1"))
    assert not page.reset_selected_dialog()  # 王强's password: not hers to set
    assert "只有能管理用户的人" in warnings_shown[-1]
    assert all(not any(c.isascii() and c.isalpha() for c in text) for text in warnings_shown)
    names = {row.name: row.disabled for row in users.list_users(window.session.ledger)}
    assert names == {UI_USER.user: False, "赵敏": False, "王强": False}
    assert keyfile.keyfile_path(window.session.path).read_bytes() == keys_before
    # Another user's password is an administrator's business too; one's own is not.
    with pytest.raises(users.NotAllowed):
        users.change_password(window.session.ledger, "王强", "改别人的口令1")
    answers = iter([her])
    type_new_password(("赵敏的新口令", "赵敏的新口令"))
    assert page.change_password_dialog()


def test_the_county_resets_a_password_from_the_login_screen(qtbot, tmp_path):
    from fieldapp.hub.folder import Hub
    from fieldapp.sync.enrolment import enrol
    from fieldapp.ui.login import CountyResetDialog

    hub = Hub.init(tmp_path / "hub", credentials=Credentials("县管理员", "县里的口令1"))
    hub.enroll("红星村", "520502101001", tmp_path / "r.enrol", code=ENROL_CODE, by="县里的科员")
    hub.close()
    path = tmp_path / "laptop.db"
    device = Ledger.open(path, credentials=Credentials("李芳", "忘掉的口令12"))
    enrol(device, tmp_path / "r.enrol", code=ENROL_CODE)
    device.close()
    login = _login(qtbot, path, "李芳", "想不起来了")
    assert login.session is None and not login.forgot_button.isHidden()
    dialog = CountyResetDialog(path, login)
    qtbot.addWidget(dialog)
    dialog.hub_dir.setText(str(tmp_path / "hub"))
    dialog.hub_user.setText("县管理员")
    dialog.hub_password.setText("猜的口令123")
    dialog.user.setText("李芳")
    dialog.new_password.setText("县里给的新口令")
    dialog.repeat.setText("县里给的新口令")
    assert not dialog.reset() and "口令不对" in dialog.message.text()
    dialog.hub_password.setText("县里的口令1")
    assert dialog.reset()
    asked: list[str] = []

    # She is asked for her own password (the county knows this one).
    def own_password_later(form: NewPasswordDialog) -> None:
        asked.append(form.note.text())
        form.reject()

    when_modal(NewPasswordDialog, own_password_later, polls=1000, first=20)
    _try(qtbot, login, "李芳", "县里给的新口令")
    assert login.session is not None and asked
    login.session.close()


def test_a_thief_without_the_hub_folder_cannot_reset(qtbot, tmp_path):
    from fieldapp.ui.login import CountyResetDialog

    path = tmp_path / "laptop.db"
    Ledger.open(path, credentials=Credentials("李芳", "忘掉的口令12")).close()
    before = path.read_bytes(), keyfile.keyfile_path(path).read_bytes()
    dialog = CountyResetDialog(path)
    qtbot.addWidget(dialog)
    dialog.hub_dir.setText(str(tmp_path))  # not a hub folder
    dialog.user.setText("李芳")
    dialog.new_password.setText("小偷的口令1")
    dialog.repeat.setText("小偷的口令1")
    assert not dialog.reset() and "汇总中心" in dialog.message.text()
    assert (path.read_bytes(), keyfile.keyfile_path(path).read_bytes()) == before


def test_switching_to_another_ledger_asks_its_password(window, qtbot, tmp_path, monkeypatch):
    from fieldapp.ui.login import LoginDialog

    other = tmp_path / "other.db"
    Ledger.open(other, credentials=Credentials("李芳", "另一个台账的口令")).close()

    def typed(dialog):
        dialog.user.setText("李芳")
        dialog.password.setText("另一个台账的口令")
        dialog.log_in()
        qtbot.waitUntil(lambda: dialog.session is not None, timeout=30000)
        return LoginDialog.DialogCode.Accepted

    monkeypatch.setattr(LoginDialog, "exec", typed)
    assert window.switch_ledger(other)
    assert window.session.path == str(other) and window.session.ledger.user == "李芳"


#: Closed top-level dialogs that only Python's cycle collector can free, then the idle lock made
#: with the collector due at each allocation in turn (as it may be, by chance, in any process).
_COLLECTED_DIALOG = """
import gc
from PySide6.QtWidgets import QDialog
from fieldapp.ui.app import make_app
from fieldapp.ui.login import IdleLock


class Dialog(QDialog):
    \"\"\"A dialog of ours (a Python subclass, as every dialog of the app is).\"\"\"


app = make_app()
for step in range(60):
    gc.collect()
    gc.disable()
    dialogs = [Dialog() for _ in range(3)]
    for dialog in dialogs:
        dialog.me = dialog  # a reference cycle, as a dialog's own signal connections make
        dialog.show()
        dialog.hide()
    del dialog, dialogs  # now only the collector can free them
    gc.set_threshold(gc.get_count()[0] + step, 1, 1)  # it runs at the step-th allocation
    gc.enable()
    IdleLock().stop()
print("made")
"""


def test_the_idle_lock_survives_a_dialog_freed_by_the_collector(tmp_path):
    # The lock used to take every top-level window in one list: PySide wraps such a list item by
    # item, a wrapper's allocation ran the collector, the dialog was freed with its window
    # still in the list, and the process died (SIGSEGV) — the packaged app on every start.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIELDAPP_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", _COLLECTED_DIALOG],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "made" in result.stdout


def test_the_login_dialog_is_gone_once_logged_in(qtbot, ledger_path, monkeypatch):
    """Deleted when the login ends, not left for the collector to free at a random moment."""
    from fieldapp.ui.app import log_in, make_app
    from fieldapp.ui.login import LoginDialog

    make_app()
    monkeypatch.setenv("FIELDAPP_QUIT_AFTER_START", "1")  # a scripted start: logs in by itself
    monkeypatch.setenv("FIELDAPP_USER", UI_USER.user)
    monkeypatch.setenv("FIELDAPP_PASSWORD", UI_USER.password)
    session = log_in(ledger_path)
    try:
        assert session is not None and session.ledger.user == UI_USER.user
        left = [w for w in top_level_widgets() if isinstance(w, LoginDialog)]
        assert left == []
    finally:
        if session is not None:
            session.close()


def test_disable_with_no_user_chosen_says_so(window, qtbot, warnings_shown):
    """停用所选用户 with nobody chosen in the list did nothing at all; it now says to choose a
    user first, as 重设所选用户的口令… does."""
    page = window.show_page("settings")
    assert page.users_list.currentItem() is None and page.disable_user_button.isEnabled()
    page.disable_user_button.click()
    assert warnings_shown and "请先在列表里选一位用户" in warnings_shown[-1]


def test_the_lock_covers_open_dialogs_and_gives_them_back(window, qtbot):
    """Locked with the person editor open (or a roster preview), the window's pages were hidden
    but the dialog stayed on screen with the person's ID number and bank account, and took
    typing. Locked now, every open dialog of the window is covered and takes no input; after
    the password it is back as it was, with what was typed in it."""
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    page.select_row(0)
    qtbot.waitUntil(lambda: page.panel.person is not None)
    editor = page.edit_person(page.panel.person.id)
    editor.phone.setText("13800001111")
    qtbot.waitUntil(editor.isVisible)
    assert window.lock()
    cover = window.lock_covers[editor]
    assert cover.isVisible() and cover.geometry() == editor.rect()
    assert not editor.isEnabled() and editor.windowTitle() == "已锁定"
    editor.resize(editor.width() + 120, editor.height() + 80)  # by the window manager
    assert cover.geometry() == editor.rect()
    assert window.lock_dialog.isEnabled() and window.lock_dialog not in window.lock_covers
    window.lock_dialog.password.setText(UI_USER.password)
    assert window.lock_dialog.unlock()
    assert editor.isVisible() and editor.isEnabled() and not cover.isVisible()
    assert editor.phone.text() == "13800001111" and window.lock_covers == {}
    assert editor.windowTitle() == "编辑人员"
    editor.discard()


def test_a_first_wave_ledger_encrypted_at_login_names_its_clear_backups(
    qtbot, tmp_path, warnings_shown
):
    """The first wave's 立即备份 wrote plain copies beside the ledger; encrypting the ledger at
    the login screen leaves them, and the coordinator is told which they are and what to do."""
    path = tmp_path / "ledger.db"
    plain = Ledger.open(path)
    Records(plain).ensure_area(
        Area(code="520502", name="七星关区", kind=AreaKind.COUNTY, parent_code="520500")
    )
    plain.close()
    backup = tmp_path / "ledger-备份-20261120-140512.db"
    backup.write_bytes(path.read_bytes())
    dialog = _login(qtbot, path, "李芳", "村里的口令1", repeat="村里的口令1")
    assert dialog.session is not None and dialog.session.ledger.encrypted
    dialog.session.close()
    assert len(warnings_shown) == 1, warnings_shown
    said = warnings_shown[0]
    assert backup.name in said and "没有加密" in said and "立即备份" in said
    assert backup.read_bytes().startswith(b"SQLite format 3\x00")


def test_a_backup_or_key_file_opened_as_the_ledger_is_said_without_a_command(
    qtbot, ledger_path, tmp_path
):
    """A backup (or the key file) chosen as the ledger: the login says what the file is and
    the desktop's way (设置 → 从备份恢复) — it named the command line's `fieldapp --db … restore`
    in the dialog — and says it in the English window too (the three were Chinese text only)."""
    from fieldapp.services.backup import back_up
    from fieldapp.services.ledgers import Ledger, keyfile_missing
    from fieldapp.ui.app import make_app
    from fieldapp.ui.login import LoginDialog
    from tests.english import said_in_english
    from tests.ui.conftest import UI_USER

    ledger = Ledger.open(ledger_path, credentials=UI_USER)
    backup = back_up(ledger, tmp_path / "大坝村.fieldbackup")
    ledger.close()
    copy = tmp_path / "别处" / ledger_path.name
    copy.parent.mkdir()
    copy.write_bytes(ledger_path.read_bytes())
    make_app()
    dialog = LoginDialog(backup)
    qtbot.addWidget(dialog)
    said = dialog.message.text()
    assert "大坝村.fieldbackup 是台账的备份文件" in said and "设置 → 从备份恢复" in said, said
    assert "fieldapp" not in said and "restore" not in said, said
    assert not dialog.ok_button.isEnabled()
    # It asks for no first user and password (it told the user to set them for a backup),
    # and the window is as tall as its words (the first message had squeezed the form).
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.ok_button.isVisible() and not dialog.forgot_button.isVisible()
    assert not (set(dialog.findChildren(QLineEdit)) & {dialog.user, dialog.password, dialog.repeat})
    assert "不能作为台账打开" in " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert dialog.message.height() >= dialog.message.heightForWidth(dialog.message.width())
    refusals = {
        given.name: keyfile_missing(given)
        for given in (backup, ledger_path.with_name(f"{ledger_path.name}.keys"), copy)
    }
    assert all(refusals.values()), refusals
    english = said_in_english(refusals)
    assert english == {
        backup.name: f"{backup.name} is a backup of a ledger and cannot be opened as one: "
        "restore it into a ledger under “Settings → Restore from backup”",
        f"{ledger_path.name}.keys": f"{ledger_path.name}.keys is the ledger's key file, not "
        f"the ledger: give the ledger file beside it, {ledger_path.name}",
        copy.name: f"{copy.name} is not a plain ledger and its key file {copy.name}.keys is not "
        "beside it. If it is an encrypted ledger, copy its key file with it and put it beside "
        "it; a lost key file can only be recovered from a backup",
    }, english


def test_the_clear_backups_are_listed_in_english(tmp_path, warnings_shown):
    """The English window listed the clear backups beside an encrypted ledger with the Chinese
    、 (“…backups … (ledger-备份-….db、ledger-恢复前-….db, in …)”); they are listed with the
    window's separator, their names as they are on the disk."""
    from fieldapp.ui.login import warn_of_clear_backups
    from tests.english import in_english

    path = tmp_path / "ledger.db"
    Ledger.open(path).close()
    names = ["ledger-备份-20261120-140512.db", "ledger-恢复前-20261121-090000.db"]
    for name in names:
        (tmp_path / name).write_bytes(path.read_bytes())
    with in_english():
        warn_of_clear_backups(None, path)
    warn_of_clear_backups(None, path)
    english, chinese = warnings_shown
    assert ", ".join(names) in english and "、" not in english, english
    assert "、".join(names) in chinese, chinese
