"""Exports from the window (issue 16): the save dialog says the file holds personal data, and
every export is logged like a print (who, what, how many people, when, the file's hash), the
file readable by its owner only."""

from __future__ import annotations

import hashlib
import os

from PySide6.QtWidgets import QFileDialog

from fieldapp.services.exports import PERSONAL_DATA_NOTE, export_log
from tests.ui.conftest import UI_USER


def test_an_export_from_the_ledger_page_warns_and_is_logged(window, qtbot, tmp_path, monkeypatch):
    asked: list[str] = []
    out = tmp_path / "导出" / "红星村台账.xlsx"
    out.parent.mkdir(mode=0o700)

    def save_as(_parent, caption, *_a, **_k):
        asked.append(caption)
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    page.export_dialog()
    qtbot.waitUntil(lambda: not page.ops.busy, timeout=60000)
    assert asked and PERSONAL_DATA_NOTE in asked[0]
    assert PERSONAL_DATA_NOTE in page.count_label.text()
    [row] = export_log(window.session.ledger)
    assert row["user"] == UI_USER.user and row["kind"] == "台账" and row["persons"] == 3
    assert row["file_name"] == out.name and row["exported_at"]
    assert row["file_hash"] == hashlib.sha256(out.read_bytes()).hexdigest()
    if os.name != "nt":
        assert out.stat().st_mode & 0o077 == 0
