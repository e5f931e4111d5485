"""A village laptop's disk nearly full: giving the ledger a new key (after a user is disabled)
or encrypting a plain ledger needs room for a second copy beside it. Without that room the user
is told so in Chinese and nothing already saved is touched (issue 16).

The full disk is a file-size limit on this process (RLIMIT_FSIZE, with SIGXFSZ ignored so a
write past it fails as a full disk's does), set only around the operation."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.saving import CannotWrite
from fieldapp.services import backup as backups
from fieldapp.services import users
from fieldapp.store import keyfile
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials
from tests.helpers.clear_text import realistic_session
from tests.helpers.full_disk import ROOM, disk_full

LI = Credentials("李芳", "村里的口令1")


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _persons(ledger: Ledger) -> int:
    return int(ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0])


def test_a_new_key_on_a_full_disk_says_so_and_the_ledger_stands(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    ledger = Ledger.open(path, credentials=LI)
    realistic_session(ledger)
    users.add_user(ledger, "王强", "王强的口令12")
    users.disable_user(ledger, "王强")
    unlocked, persons = ledger.unlocked, _persons(ledger)
    ledger.close()
    assert unlocked is not None and path.stat().st_size > ROOM
    names, keys = _names(tmp_path), keyfile.keyfile_path(path).read_bytes()

    with disk_full(), pytest.raises(users.RotationFailed) as refused:
        users.rotate_key(path, unlocked)

    assert "磁盘已满" in str(refused.value) and "台账没有改动" in str(refused.value)
    assert _names(tmp_path) == names  # no half-written copy left beside it
    assert keyfile.keyfile_path(path).read_bytes() == keys
    again = Ledger.open(path, credentials=LI)
    assert again.unlocked is not None and again.unlocked.key == unlocked.key
    assert _persons(again) == persons
    again.close()


def test_encrypting_a_plain_ledger_on_a_full_disk_says_so_and_it_stays_plain(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    plain = Ledger.open(path)
    realistic_session(plain)
    persons = _persons(plain)
    plain.close()
    names = _names(tmp_path)

    with disk_full(), pytest.raises(Exception) as refused:
        Ledger.open(path, credentials=LI)

    assert "磁盘已满" in str(refused.value) and "台账没有改动" in str(refused.value)
    assert _names(tmp_path) == names
    assert not keyfile.has_keyfile(path)
    again = Ledger.open(path)
    assert _persons(again) == persons
    again.close()


def test_a_backup_to_a_full_stick_names_the_file_and_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    ledger = Ledger.open(path, credentials=LI)
    realistic_session(ledger)
    stick = tmp_path / "U盘"
    stick.mkdir()

    with disk_full(), pytest.raises(CannotWrite) as refused:
        backups.back_up(ledger, stick / "备份.fieldbackup")

    ledger.close()
    assert "备份.fieldbackup" in str(refused.value) and "磁盘已满" in str(refused.value)
    assert list(stick.iterdir()) == []


def test_a_restore_on_a_full_disk_names_the_ledger_and_leaves_it_as_it_was(
    tmp_path: Path,
) -> None:
    source = tmp_path / "旧电脑" / "l.db"
    source.parent.mkdir()
    old = Ledger.open(source, credentials=LI)
    realistic_session(old)
    made = backups.back_up(old, tmp_path / "备份.fieldbackup")
    old.close()
    path = tmp_path / "新电脑" / "l.db"
    path.parent.mkdir()
    Ledger.open(path, credentials=LI).close()  # the ledger the restore would replace
    names = _names(path.parent)

    with disk_full(), pytest.raises(CannotWrite) as refused:
        backups.restore(made, path, LI)

    assert "l.db" in str(refused.value) and "磁盘已满" in str(refused.value)
    assert ".pending" not in str(refused.value)
    assert _names(path.parent) == names  # no work file, no half copy of the old ledger
    again = Ledger.open(path, credentials=LI)
    assert _persons(again) == 0  # still the ledger it was
    again.close()


def test_a_backup_whose_work_file_cannot_be_removed_still_names_the_backup(
    tmp_path: Path,
) -> None:
    # A write-protected stick refuses the work file and then its removal too; the second
    # failure must not replace the first (which names the backup the clerk chose). A folder in
    # the work file's place fails both ways here.
    path = tmp_path / "l.db"
    ledger = Ledger.open(path, credentials=LI)
    realistic_session(ledger)
    stick = tmp_path / "U盘"
    (stick / "备份.fieldbackup.pages.part" / "挡住").mkdir(parents=True)

    with pytest.raises(CannotWrite) as refused:
        backups.back_up(ledger, stick / "备份.fieldbackup")

    ledger.close()
    said = str(refused.value)
    assert said.startswith("无法写入“备份.fieldbackup”："), said
    assert ".part" not in said
    assert not (stick / "备份.fieldbackup").exists()


def test_a_backup_to_a_really_full_stick_leaves_no_work_file(tmp_path: Path) -> None:
    # SQLite's rollback journal of the page copy (备份.fieldbackup.pages.part-journal) stayed on
    # the stick when the copy failed after its first step (a ledger over 256 pages) on a real
    # file system filling up; the file-size limit above stops it at another point.
    from tests.tabular.test_full_stick import small_stick

    path = tmp_path / "l.db"
    ledger = Ledger.open(path, credentials=LI)
    realistic_session(ledger)
    users.add_user(ledger, "王强", "王强的口令12")
    for n in range(120):  # more than one step of the page copy (256 pages)
        ledger.set_meta(f"padding{n}", "x" * 50_000)
    with small_stick(tmp_path) as stick:
        with pytest.raises(CannotWrite) as refused:
            backups.back_up(ledger, stick / "备份.fieldbackup")
        left = _names(stick)
    ledger.close()
    assert "备份.fieldbackup" in str(refused.value) and "磁盘已满" in str(refused.value)
    assert left == ["照片.jpg"]
