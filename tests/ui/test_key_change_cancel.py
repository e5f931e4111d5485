"""Disabling a user re-encrypts the ledger under a new key: on a large ledger that takes a
while, so the dialog shows how far it is and has 取消 (the old key stands, and the coordinator
is told what that means and how to change the key later)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QInputDialog, QMessageBox, QProgressDialog, QPushButton

from fieldapp.services import users
from tests.ui.conftest import UI_USER, as_drawn


def _disable_wang(window, monkeypatch):
    users.add_user(window.session.ledger, "王强", "王强的口令12", admin=False)
    page = window.show_page("settings")
    page.show_users()
    page.users_list.setCurrentRow(
        next(
            r
            for r in range(page.users_list.count())
            if page.users_list.item(r).text().startswith("王强")
        )
    )
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (UI_USER.password, True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return page


def test_the_key_change_after_disabling_a_user_can_be_cancelled(demo_window, monkeypatch):
    """Before, the dialog had no 取消 and no bar (a busy indicator only): at 100k people the
    coordinator waited about 10 s with no way back."""
    window = demo_window
    page = _disable_wang(window, monkeypatch)
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, title, text, *a, **k: told.append(text)
    )
    seen: list[tuple[int, str]] = []

    def press_cancel() -> None:
        for dialog in window.findChildren(QProgressDialog):
            buttons = [b for b in dialog.findChildren(QPushButton) if b.text() == "取消"]
            if buttons and not seen:
                seen.append((dialog.maximum(), buttons[0].text()))
                buttons[0].click()

    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(press_cancel)
    timer.start()
    old_key = window.session.ledger.unlocked.key
    try:
        assert page.disable_selected()
    finally:
        timer.stop()
    assert seen == [(1000, "取消")]  # a bar that counts, and a way back
    assert window.session.ledger.unlocked.key == old_key
    assert "钥匙没有更换" in window.statusBar().currentMessage()
    assert told and "停用所选用户" in told[-1] and "没有改动" in told[-1]
    # The ledger goes on working, and 王强 stays disabled.
    page = window.show_page("settings")
    assert {r.name: r.disabled for r in users.list_users(window.session.ledger)}["王强"]


def test_the_key_change_runs_to_the_end_when_not_cancelled(demo_window, monkeypatch):
    window = demo_window
    page = _disable_wang(window, monkeypatch)
    old_key = window.session.ledger.unlocked.key
    assert page.disable_selected()
    assert window.session.ledger.unlocked.key != old_key
    assert "新钥匙" in window.statusBar().currentMessage()


def test_a_key_change_that_could_not_run_says_how_to_run_it_again(
    window, monkeypatch, warnings_shown
):
    """Another program held the ledger open (a second window, a script): the key was not
    changed and the box said only why (台账正被另一个程序使用，请先关闭它…). That 王强 was
    disabled all the same, and that choosing him and 停用所选用户 once more changes the key,
    was said nowhere (the command line says 之后再停用一次即更换钥匙)."""
    from fieldapp.store.ledger import Ledger

    page = _disable_wang(window, monkeypatch)
    other = Ledger.open(window.session.path, credentials=UI_USER)  # another program
    old_key = window.session.ledger.unlocked.key
    try:
        assert page.disable_selected()
    finally:
        other.close()
    assert window.session.ledger.unlocked.key == old_key
    said = warnings_shown[-1]
    assert "另一个程序" in said and "已停用" in said, said
    assert "再点一次“停用所选用户”" in said, said
    # Done as it says, with the other program closed: the key is changed.
    page = window.show_page("settings")
    page.users_list.setCurrentRow(
        next(
            r
            for r in range(page.users_list.count())
            if page.users_list.item(r).text().startswith("王强")
        )
    )
    assert page.disable_selected()
    assert window.session.ledger.unlocked.key != old_key


def test_a_key_change_with_no_room_for_its_copy_is_titled_as_the_disk(window, monkeypatch):
    """The encrypted copy written beside the ledger found no room (here a file-size limit, as
    on a full stick: SQLite's own write error): the box was titled 请检查, as if the
    coordinator had chosen wrongly. It is titled by the disk now, and still says that the user
    is disabled all the same and how to change the key later."""
    import resource

    page = _disable_wang(window, monkeypatch)
    room = Path(window.session.path).stat().st_size // 2
    boxes: list[tuple[str, str]] = []

    def warning(_parent, title, text, *args, **kwargs):
        boxes.append((title, as_drawn(text)))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    rotate = users.rotate_key

    def with_no_room(*args, **kwargs):  # the real key change, on a disk that fills up
        limit = resource.getrlimit(resource.RLIMIT_FSIZE)
        resource.setrlimit(resource.RLIMIT_FSIZE, (room, limit[1]))
        try:
            return rotate(*args, **kwargs)
        finally:
            resource.setrlimit(resource.RLIMIT_FSIZE, limit)

    monkeypatch.setattr(users, "rotate_key", with_no_room)
    old_key = window.session.ledger.unlocked.key
    assert page.disable_selected()  # disabled; the key could not be changed
    assert window.session.ledger.unlocked.key == old_key
    ((title, text),) = boxes
    assert title == "台账所在的磁盘已满或 U 盘已拔出", (title, text)
    assert "磁盘已满" in text and "用户已停用" in text, text
    assert "再点一次“停用所选用户”" in text, text
    assert {r.name: r.disabled for r in users.list_users(window.session.ledger)}["王强"]
