"""从备份恢复 in the window, of a backup whose header was rewritten (another backup time put
in): refused in Chinese, naming the file, before anything is asked or replaced — the window
still on the ledger it had, nothing beside it. A backup an older program made restores, its
box saying first that nothing vouches for its header."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from fieldapp.services import backup
from tests.helpers.old_backups import as_format_one, header_and_body, written
from tests.paperwork.builders import add_claims
from tests.ui.conftest import UI_USER, answered
from tests.ui.restore import restore_and_wait


def test_a_backup_with_its_time_changed_is_refused_in_chinese(
    window, qtbot, monkeypatch, warnings_shown: list[str]
) -> None:
    ledger = window.session.ledger
    path = Path(ledger.path)
    add_claims(ledger, 2)
    made = backup.back_up(ledger, path.parent.parent / "备份.fieldbackup")
    header, body = header_and_body(made)
    header["created_at"] = "2026-07-01T09:00:00+08:00"
    forged = written(made.with_name("洪水前.fieldbackup"), header, body)
    files = sorted(p.name for p in path.parent.iterdir())
    persons = ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0]
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", answered("question", QMessageBox.StandardButton.Yes, asked)
    )
    page = window.show_page("settings")

    assert not restore_and_wait(page, qtbot, forged, UI_USER)

    assert asked == []  # refused before the question
    assert len(warnings_shown) == 1
    assert "备份文件「洪水前.fieldbackup」的文件头被改过" in warnings_shown[0]
    assert "请换一份备份，或联系县里" in warnings_shown[0]
    assert window.session.ledger is ledger
    assert sorted(p.name for p in path.parent.iterdir()) == files
    assert ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0] == persons


def test_a_backup_an_older_program_made_restores_saying_so(window, qtbot, monkeypatch) -> None:
    ledger = window.session.ledger
    path = Path(ledger.path)
    made = backup.back_up(ledger, path.parent.parent / "备份.fieldbackup")
    old = as_format_one(made, UI_USER, made.with_name("旧版.fieldbackup"))
    told: list[str] = []
    yes, ok = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Ok
    monkeypatch.setattr(QMessageBox, "question", answered("question", yes, []))
    monkeypatch.setattr(QMessageBox, "information", answered("information", ok, told))
    page = window.show_page("settings")

    assert restore_and_wait(page, qtbot, old, UI_USER)

    assert len(told) == 1
    assert told[0].startswith("备份文件「旧版.fieldbackup」是旧版程序做的")
    assert "用户和口令与恢复前的台账相同" in told[0]
