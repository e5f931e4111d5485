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


def test_a_first_wave_backup_is_restored_encrypted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A coordinator whose ledger was lost after the upgrade has only the first wave's backup
    (a plain copy): `restore` refused it as 不是台账备份, leaving no way back to that work."""
    old = tmp_path / "old" / "ledger.db"
    old.parent.mkdir()
    plain = Ledger.open(old)
    add_family(plain, VILLAGE, ["101", "103"], surname="王")
    plain.close()
    backup = tmp_path / "U盘" / "ledger-备份-20261120-140512.db"
    backup.parent.mkdir()
    shutil.copyfile(old, backup)
    before = backup.read_bytes()
    monkeypatch.setenv("FIELDAPP_USER", "李芳")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")
    db = tmp_path / "new" / "ledger.db"
    db.parent.mkdir()
    # the laptop's ledger now: encrypted (a first open with a user and password makes one)
    assert main(["--db", str(db), "user", "list"]) == 0
    capsys.readouterr()

    assert main(["--db", str(db), "restore", str(backup)]) == 0, capsys.readouterr().err
    said = capsys.readouterr()
    assert "已从" in said.out, said
    assert backup.read_bytes() == before  # the backup is left as it was
    assert not db.read_bytes().startswith(b"SQLite format 3")  # restored encrypted
    assert main(["--db", str(db), "search", "王"]) == 0
    assert "王0" in capsys.readouterr().out


def test_the_first_waves_data_folder_is_made_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first wave made ~/.local/share/fieldapp readable by every user of the laptop (0755),
    its backups 0644 inside: this version made only folders it created private, so another
    account on the computer still read the old clear backups and files after the upgrade."""
    import os
    import stat

    import platformdirs

    folder = tmp_path / "share" / "fieldapp"
    folder.mkdir(parents=True, mode=0o755)
    folder.chmod(0o755)
    monkeypatch.delenv("FIELDAPP_HOME")
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(folder))
    plain = Ledger.open(folder / "ledger.db")
    add_family(plain, VILLAGE, ["101"])
    plain.close()
    monkeypatch.setenv("FIELDAPP_USER", "李芳")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")

    assert main(["search", "张"]) == 0
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
