"""A village laptop's ledger copied back from a backup by hand (`ledger_path`, a fixture), and
how the sync page's tests upload from it and look at what the coordinator is shown."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from fieldapp.sync.exchange import export_bundle
from tests.sync.helpers import add_family
from tests.ui.conftest import UI_USER, VILLAGE, enrol_as, fill_ledger, wait_idle

#: Anything of the command line or an id: a command, an option, a hex run, a change key.
NOT_FOR_A_COORDINATOR = re.compile(r"fieldapp|--|[0-9a-f]{8,}|:\d+\b|从备份恢复后继续同步")


def answering_yes(monkeypatch) -> list[str]:
    """Every question the page asks is answered 是; the list gathers them (title and text)."""
    asked: list[str] = []

    def question(_parent, title, text, *args, **kwargs):
        asked.append(f"{title} {text}")
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def refused_upload(page, qtbot, url: str, warnings_shown, asked: list[str]) -> list[str]:
    """Upload to the hub at `url` and wait; what the coordinator was shown (warnings, the
    questions, the 结果 line), none of it in the command line's words."""
    page.url.setText(url)
    page.push()
    wait_idle(qtbot, page)
    shown = [*warnings_shown, *asked, page.result_label.text()]
    leaked = [s for s in shown if NOT_FOR_A_COORDINATOR.search(s)]
    assert not leaked, leaked
    return shown


def sent_once(tmp_path: Path) -> Path:
    """A village ledger enrolled with the hub in `tmp_path` that has sent its work once."""
    path = tmp_path / "village.db"
    fill_ledger(path)
    ledger = Ledger.open(path, credentials=UI_USER)
    enrol_as(ledger, tmp_path, "大坝村笔记本", VILLAGE)
    hub = Hub.open(tmp_path / "hub")
    try:
        hub.import_file(export_bundle(ledger, tmp_path / "1.fieldsync").path)
    finally:
        hub.close()
        ledger.close()
    return path


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """An enrolled village ledger, sent once; backed up by hand; more work sent from it; then
    the backup copied back over it (the laptop's disk was replaced)."""
    path = sent_once(tmp_path)
    shutil.copy(path, tmp_path / "backup.db")
    ledger = Ledger.open(path, credentials=UI_USER)
    hub = Hub.open(tmp_path / "hub")
    try:
        add_family(ledger, VILLAGE, ["107"], surname="王")
        hub.import_file(export_bundle(ledger, tmp_path / "2.fieldsync").path)
    finally:
        hub.close()
        ledger.close()
    shutil.copy(tmp_path / "backup.db", path)
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    return path
