"""Restoring from a backup on a write-protected USB stick (or a CD): the Settings page checked
the backup by unpacking it beside itself, which a read-only stick refuses, so the desktop app
could not restore from it at all (the command line could). It unpacks beside the ledger now."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldapp.services import backup
from tests.ui.conftest import UI_USER
from tests.ui.restore import restore_and_wait


@contextmanager
def write_protected(folder: Path) -> Iterator[None]:
    """`folder` refuses new files, even to root (who ignores modes): the immutable flag."""
    if os.geteuid() == 0:
        made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
        if made.returncode != 0:
            pytest.skip("this file system cannot make a folder write-protected for root")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=False)
        return
    folder.chmod(0o555)
    try:
        yield
    finally:
        folder.chmod(0o755)


def test_a_backup_on_a_write_protected_stick_is_offered_for_restore(
    window, qtbot, monkeypatch, warnings_shown
):
    stick = Path(window.session.path).parent / "U盘"
    stick.mkdir()
    made = backup.back_up(window.session.ledger, stick / "备份.fieldbackup")
    asked: list[str] = []

    def question(_parent, _title, text, *a, **k):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    page = window.show_page("settings")
    with write_protected(stick):
        assert not restore_and_wait(page, qtbot, made, UI_USER)  # answered No at the question
    assert warnings_shown == []
    assert asked and "备份中有 3 人" in asked[0]
    assert sorted(p.name for p in stick.iterdir()) == ["备份.fieldbackup"]
