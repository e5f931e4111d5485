"""A ledger of the first wave (plain SQLite, no users) opened by this version on the command line.

The first wave's 设置 → 立即备份 wrote plain copies of the ledger beside it
(``ledger-备份-20261120-140512.db``; a restore kept ``ledger-恢复前-….db``): every name, ID number
and account, and the device's secret keys, readable by whoever finds the laptop. Encrypting the
ledger leaves them as they are (they are the clerk's backups), so the clerk must be told.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.store.ledger import Ledger
from tests.sync.helpers import VILLAGE, add_family


def test_encrypting_a_first_wave_ledger_says_so_and_names_its_clear_backups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "ledger.db"
    plain = Ledger.open(db)
    add_family(plain, VILLAGE, ["101", "103"])
    plain.close()
    backups = [tmp_path / "ledger-备份-20261120-140512.db", tmp_path / "ledger-恢复前-20261121.db"]
    for backup in backups:
        shutil.copyfile(db, backup)
    (tmp_path / "other-备份-20261120-140512.db").write_bytes(db.read_bytes())  # not this ledger's
    monkeypatch.setenv("FIELDAPP_USER", "李芳")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")

    assert main(["--db", str(db), "search", "张"]) == 0
    said = capsys.readouterr().err
    assert "已加密" in said and "李芳" in said, said
    for backup in backups:
        assert backup.name in said
        assert backup.read_bytes().startswith(b"SQLite format 3\x00")  # left as they were
    assert "other-备份" not in said
    assert "没有加密" in said and "fieldapp backup" in said

    assert main(["--db", str(db), "search", "张"]) == 0
    assert capsys.readouterr().err == ""  # said once, when the ledger was encrypted
