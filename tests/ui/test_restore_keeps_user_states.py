"""从备份恢复 in the window brought back a user disabled after the backup was made (and the
old password of one changed since): the restored ledger was the backup's, users and key file
and all. The window's restore now carries the users' newer states over from the ledger it
replaces and says so in a box; it reopens as the one who restored, whose password now may not
be the backup's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from fieldapp.services import backup, users
from fieldapp.store.keyfile import WrongPassword
from fieldapp.store.ledger import Ledger
from fieldapp.store.users import UserRefused
from fieldapp.store.vault import Credentials
from tests.ui.conftest import UI_USER, answered
from tests.ui.restore import restore_and_wait

ZHAO = Credentials("赵敏", "赵敏的口令12")
NEW = "换过的口令789"


def _opens(path: Path, credentials: Credentials) -> bool:
    try:
        Ledger.open(path, credentials=credentials).close()
    except (WrongPassword, UserRefused):
        return False
    return True


def test_the_window_restore_keeps_the_disabled_disabled(window, qtbot, monkeypatch) -> None:
    ledger = window.session.ledger
    path = Path(ledger.path)
    users.add_user(ledger, ZHAO.user, ZHAO.password)
    made = backup.back_up(ledger, path.parent / "备份.fieldbackup")
    users.disable_user(ledger, ZHAO.user)
    users.change_password(ledger, None, NEW)  # the one restoring changed their own since
    asked: list[str] = []
    told: list[str] = []
    yes = QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", answered("question", yes, asked))
    ok = QMessageBox.StandardButton.Ok
    monkeypatch.setattr(QMessageBox, "information", answered("information", ok, told))
    page = window.show_page("settings")

    assert restore_and_wait(page, qtbot, made, UI_USER)  # the password at the backup

    assert window.session.ledger.user == UI_USER.user  # reopened as the one who restored
    assert len(told) == 1 and "赵敏 在备份之后已停用" in told[0]
    assert f"{UI_USER.user} 在备份之后改过口令" in told[0]
    assert not _opens(path, ZHAO)
    assert not _opens(path, UI_USER)  # the old password of the one who restored, too
    assert _opens(path, Credentials(UI_USER.user, NEW))


def test_a_restore_with_nothing_changed_says_so_on_the_status_bar(
    window, qtbot, monkeypatch
) -> None:
    ledger = window.session.ledger
    made = backup.back_up(ledger, Path(ledger.path).parent / "备份.fieldbackup")
    yes = QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", answered("question", yes, []))
    page = window.show_page("settings")

    assert restore_and_wait(page, qtbot, made, UI_USER)

    assert "用户和口令与恢复前的台账相同" in window.statusBar().currentMessage()


def test_the_status_bar_says_the_users_before_the_kept_files_path(
    window, qtbot, monkeypatch
) -> None:
    """The status bar said 已从备份恢复；恢复前的台账保存在 <the kept file's path>；用户和口令…:
    at 1024 px the path (C:\\Users\\…\\AppData\\…) took the width and the sentence about the
    users was cut off behind 使用人 — in English joined by a Chinese “；”. The users are said
    before the path, in the language shown."""
    ledger = window.session.ledger
    made = backup.back_up(ledger, Path(ledger.path).parent / "备份.fieldbackup")
    yes = QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", answered("question", yes, []))
    window.set_language("en")
    try:
        window.resize(1024, 696)
        page = window.show_page("settings")
        assert restore_and_wait(page, qtbot, made, UI_USER)
        said = window.statusBar().currentMessage()
        users_said = said.index("Users and passwords are as in the ledger")
        assert users_said < said.index("-恢复前-"), said  # the kept file's name
        assert "；" not in said, said
    finally:
        window.set_language("zh_CN")


def test_the_box_sets_each_user_apart(window, qtbot, monkeypatch) -> None:
    """Each user's sentence wraps over two or three lines in the box (500 px wide): run
    together line after line, where one ended and the next began could not be seen — each is
    a paragraph of its own."""
    ledger = window.session.ledger
    path = Path(ledger.path)
    users.add_user(ledger, ZHAO.user, ZHAO.password)
    made = backup.back_up(ledger, path.parent / "备份.fieldbackup")
    users.disable_user(ledger, ZHAO.user)
    users.change_password(ledger, None, NEW)
    told: list[str] = []
    yes = QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", answered("question", yes, []))
    ok = QMessageBox.StandardButton.Ok
    monkeypatch.setattr(QMessageBox, "information", answered("information", ok, told))
    page = window.show_page("settings")

    assert restore_and_wait(page, qtbot, made, UI_USER)

    paragraphs = told[0].split("\n\n")
    assert len(paragraphs) == 2, told[0]
    assert all(p.startswith("用户 ") and "\n" not in p for p in paragraphs), paragraphs
