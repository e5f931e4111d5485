"""A backup's header is vouched for by the ledger's own key. Its `sha256` alone was no seal:
whoever held the file could rewrite the header — another backup time ("the one from before the
flood" is an older one), an older key file's slots (a user disabled since opening the restored
ledger again), another backup's body with its size and checksum fixed up. A backup of format 2
carries a `mac` made with a key derived from the database key: each such rewriting is refused
by name, the ledger on the device untouched and nothing left beside it; a format-2 backup
stripped of its `mac` and set to format 1 is told by the mark inside its pages. A backup an
older program made (format 1) still restores, saying that its header cannot be vouched for."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from fieldapp.services import backup as backups
from fieldapp.services import users
from fieldapp.store import backup as store_backup
from fieldapp.store.keyfile import WrongPassword
from fieldapp.store.ledger import Ledger
from fieldapp.store.users import UserRefused
from fieldapp.store.vault import Credentials
from tests.helpers.old_backups import as_format_one, header_and_body, written
from tests.paperwork.builders import add_claims

LI = Credentials("李芳", "村里的口令1")
ZHAO = Credentials("赵敏", "赵敏的口令12")


def _persons(path: Path, who: Credentials = LI) -> int:
    ledger = Ledger.open(path, credentials=who)
    try:
        return int(ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0])
    finally:
        ledger.close()


def _refused(path: Path, who: Credentials) -> bool:
    try:
        Ledger.open(path, credentials=who).close()
    except (WrongPassword, UserRefused):
        return True
    return False


class _Village:
    """A ledger of 李芳 and 赵敏 in its own folder; `older`: a backup with one person and 赵敏
    enabled; then 赵敏 disabled (her slot gone, the database key the same) and two persons more;
    `newer`: a backup of that; the backups on a stick beside it."""

    def __init__(self, tmp_path: Path) -> None:
        self.folder = tmp_path / "台账"
        self.folder.mkdir()
        self.path = self.folder / "l.db"
        self.stick = tmp_path / "u盘"
        self.stick.mkdir()
        ledger = Ledger.open(self.path, credentials=LI)
        try:
            users.add_user(ledger, ZHAO.user, ZHAO.password)
            add_claims(ledger, 1)
            self.older = backups.back_up(ledger, self.stick / "older.fieldbackup")
            users.disable_user(ledger, ZHAO.user)
            add_claims(ledger, 2)
            self.newer = backups.back_up(ledger, self.stick / "newer.fieldbackup")
        finally:
            ledger.close()
        self.persons = _persons(self.path)

    def files(self) -> dict[str, bytes]:
        """The ledger's folder, byte for byte."""
        return {p.name: p.read_bytes() for p in sorted(self.folder.iterdir())}

    def forged(self, name: str, header: dict[str, Any], body: bytes) -> Path:
        return written(self.stick / name, header, body)


def _refused_by_name(village: _Village, forged: Path, who: Credentials = LI) -> None:
    """Restoring `forged` (and checking it) is refused, naming it; the ledger's folder is as it
    was, byte for byte (no pending file, no copy of the ledger beside it)."""
    before = village.files()
    expected = store_backup.HEADER_ALTERED
    with pytest.raises(backups.BackupError) as refused:
        backups.restore(forged, village.path, who)
    assert refused.value.said.template == expected
    assert f"备份文件「{forged.name}」的文件头被改过" in str(refused.value)
    assert village.files() == before
    with pytest.raises(backups.BackupError) as checked:
        backups.check_backup(forged, who, work_dir=village.folder)
    assert checked.value.said.template == expected
    assert village.files() == before
    assert _persons(village.path) == village.persons


def _refused_on_a_new_laptop(tmp_path: Path, forged: Path, who: Credentials) -> None:
    """`who` (赵敏, disabled since) restores `forged` where no ledger is: refused, nothing
    written."""
    laptop = tmp_path / "新电脑" / "l.db"
    with pytest.raises(backups.BackupError) as refused:
        backups.restore(forged, laptop, who)
    assert refused.value.said.template == store_backup.HEADER_ALTERED
    assert not laptop.parent.exists() or list(laptop.parent.iterdir()) == []


def test_a_backup_of_this_program_restores(tmp_path: Path) -> None:
    village = _Village(tmp_path)
    header, _ = header_and_body(village.newer)
    assert header["format"] == 2 and len(header["mac"]) == 64
    assert backups.check_backup(village.newer, LI)["persons"] == village.persons

    done = backups.restore(village.older, village.path, LI)

    assert _persons(village.path) == 1
    assert not any(s.template == backups.UNVOUCHED for s in done.users_said)
    assert _refused(village.path, ZHAO)  # disabled since: carried over
    backups.restore(village.newer, village.path, LI)
    assert _persons(village.path) == village.persons


def test_a_backup_time_changed_is_refused(tmp_path: Path) -> None:
    """ "The one from before the flood": the newer backup's time set back a month."""
    village = _Village(tmp_path)
    header, body = header_and_body(village.newer)
    header["created_at"] = "2026-07-01T09:00:00+08:00"
    _refused_by_name(village, village.forged("洪水前.fieldbackup", header, body))


def test_an_older_key_file_put_in_is_refused(tmp_path: Path) -> None:
    """The newer backup's slots replaced by the older one's, where 赵敏, disabled since, still
    has hers: her old password would open the restored ledger (on a new laptop nothing is left
    to carry her disabling over)."""
    village = _Village(tmp_path)
    header, body = header_and_body(village.newer)
    header["keys"] = header_and_body(village.older)[0]["keys"]
    forged = village.forged("换了钥匙.fieldbackup", header, body)
    _refused_by_name(village, forged)
    _refused_on_a_new_laptop(tmp_path, forged, ZHAO)


def test_another_backups_body_is_refused(tmp_path: Path) -> None:
    """The newer backup's header over the older backup's pages, size and checksum fixed up."""
    village = _Village(tmp_path)
    header, _ = header_and_body(village.newer)
    _, body = header_and_body(village.older)
    header |= {"size": len(body), "sha256": hashlib.sha256(body).hexdigest()}
    _refused_by_name(village, village.forged("换了内容.fieldbackup", header, body))


def test_a_mac_taken_out_is_refused(tmp_path: Path) -> None:
    village = _Village(tmp_path)
    header, body = header_and_body(village.newer)
    del header["mac"]
    _refused_by_name(village, village.forged("没有印.fieldbackup", header, body))
    header["mac"] = "0" * 64
    _refused_by_name(village, village.forged("假印.fieldbackup", header, body))


def test_a_backup_made_to_look_old_is_refused(tmp_path: Path) -> None:
    """The downgrade: the `mac` taken out and the format set to 1, as an older program wrote
    it — with the older key file (赵敏's slot) and another time put in."""
    village = _Village(tmp_path)
    header, body = header_and_body(village.newer)
    del header["mac"]
    header["format"] = 1
    _refused_by_name(village, village.forged("装旧.fieldbackup", header, body))
    header["keys"] = header_and_body(village.older)[0]["keys"]
    header["created_at"] = "2026-07-01T09:00:00+08:00"
    forged = village.forged("装旧换钥匙.fieldbackup", header, body)
    _refused_by_name(village, forged)
    _refused_on_a_new_laptop(tmp_path, forged, ZHAO)


def test_a_backup_an_older_program_made_still_restores(tmp_path: Path) -> None:
    """The villages' sticks hold backups of format 1: they restore, saying first that nothing
    vouches for their header."""
    village = _Village(tmp_path)
    old = as_format_one(village.older, LI, village.stick / "旧版.fieldbackup")
    header, _ = header_and_body(old)
    assert header["format"] == 1 and "mac" not in header
    assert backups.check_backup(old, LI, work_dir=village.folder)["persons"] == 1

    done = backups.restore(old, village.path, LI)

    assert _persons(village.path) == 1
    assert done.users_said[0].template == backups.UNVOUCHED
    assert str(done.users_said[0]).startswith("备份文件「旧版.fieldbackup」是旧版程序做的")
    assert _refused(village.path, ZHAO)  # disabled since: carried over as before
    ledger = Ledger.open(village.path, credentials=LI)
    try:
        marked = ledger.db.execute(
            "SELECT count(*) FROM meta WHERE key = ?", [store_backup.SEALED_MARK]
        ).fetchone()[0]
    finally:
        ledger.close()
    assert marked == 0
