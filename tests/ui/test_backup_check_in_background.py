"""从备份恢复 read the whole backup and verified it (its checksum, then the ledger inside) on the
GUI thread: with a backup of years on a slow USB stick the window froze, with no progress and
no way to stop, before the question was even asked. The check now runs off the GUI thread like
the app's other long work, on the page's progress bar with 取消; cancelled, nothing is restored
and the unpacked copy is gone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from fieldapp.services import backup
from tests.ui.conftest import UI_USER, answered


def a_backup(window) -> Path:  # noqa: ANN001
    folder = Path(window.session.path).parent / "U盘"
    folder.mkdir(exist_ok=True)
    return backup.back_up(window.session.ledger, folder / "备份.fieldbackup")


def test_the_backup_is_checked_off_the_gui_thread_with_progress(window, qtbot, monkeypatch):
    made = a_backup(window)
    page = window.show_page("settings")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", answered("question", QMessageBox.No, asked))
    page.restore_from(made, UI_USER)
    # restore_from came back before the backup was read (the window goes on answering): the
    # progress bar and 取消 are shown, the question is not asked yet.
    assert asked == []
    assert page.panel.busy and page.panel.isVisibleTo(page)
    assert page.panel.cancel_button.isEnabled()
    assert not page.restore_button.isEnabled()
    qtbot.waitUntil(lambda: page.restored is not None, timeout=60000)
    assert page.restored is False and asked and "备份中有 3 人" in asked[0]
    assert page.restore_button.isEnabled()


def test_a_cancelled_check_restores_nothing_and_leaves_no_copy(window, qtbot, monkeypatch):
    made = a_backup(window)
    folder = Path(window.session.path).parent
    before = sorted(p.name for p in folder.iterdir())
    page = window.show_page("settings")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", answered("question", QMessageBox.Yes, asked))
    page.restore_from(made, UI_USER)
    page.panel.cancel()  # at once: the check stops before or between its steps
    qtbot.waitUntil(lambda: page.restored is not None, timeout=60000)
    assert page.restored is False and asked == []  # never asked, never restored
    assert "已取消" in page.backup_note.text()
    assert sorted(p.name for p in folder.iterdir()) == before
