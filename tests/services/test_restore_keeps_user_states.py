"""Restoring a backup made before a user was disabled (or before a password was changed)
brought that user back: the restored ledger's key file is the backup's, with the disabled
user's password slot in it, and its users table says they are enabled — the old password opened
the ledger again. A restore over the ledger still on the device now carries over the users'
states that are newer than the backup (disabled stays disabled, a changed password stays
changed, a user added since is kept) and says so; replacing that ledger needs a password that
opens it now (a disabled user, an old password, cannot restore over it, by either kind of
backup); a restore with no ledger on the device says it cannot know, and to check the users."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fieldapp.domain.errors import FieldappError
from fieldapp.services import backup as backups
from fieldapp.services import users
from fieldapp.store.keyfile import WrongPassword
from fieldapp.store.ledger import Ledger
from fieldapp.store.users import UserRefused, user
from fieldapp.store.vault import Credentials

LI = Credentials("李芳", "村里的口令1")
ZHAO = Credentials("赵敏", "赵敏的口令12")
NEW_ZHAO = Credentials("赵敏", "赵敏的新口令34")
SUN = Credentials("孙丽", "孙丽的口令56")


def _ledger_with_zhao(tmp_path: Path) -> tuple[Path, Path]:
    """A ledger of 李芳 (administrator) and 赵敏, and a backup of it."""
    path = tmp_path / "l.db"
    ledger = Ledger.open(path, credentials=LI)
    users.add_user(ledger, ZHAO.user, ZHAO.password)
    backup = backups.back_up(ledger, tmp_path / "b.fieldbackup")
    ledger.close()
    return path, backup


def _disable(path: Path, name: str) -> None:
    ledger = Ledger.open(path, credentials=LI)
    unlocked = ledger.unlocked
    users.disable_user(ledger, name)
    ledger.close()
    assert unlocked is not None
    users.rotate_key(path, unlocked)


def _refused(path: Path, credentials: Credentials) -> bool:
    try:
        Ledger.open(path, credentials=credentials).close()
    except (WrongPassword, UserRefused):
        return True
    return False


def test_a_user_disabled_after_the_backup_stays_disabled(tmp_path: Path) -> None:
    path, backup = _ledger_with_zhao(tmp_path)
    _disable(path, ZHAO.user)
    assert _refused(path, ZHAO)

    done = backups.restore(backup, path, LI)

    assert _refused(path, ZHAO)  # the old password no longer opens the restored ledger
    ledger = Ledger.open(path, credentials=LI)
    zhao = user(ledger.db, ZHAO.user)
    ledger.close()
    assert zhao is not None
    assert zhao.disabled and zhao.disabled_by == LI.user
    said = "\n".join(str(s) for s in done.users_said)
    assert "赵敏" in said and "停用" in said


def test_a_password_changed_after_the_backup_stays_changed(tmp_path: Path) -> None:
    path, backup = _ledger_with_zhao(tmp_path)
    ledger = Ledger.open(path, credentials=LI)
    users.change_password(ledger, ZHAO.user, NEW_ZHAO.password)
    users.add_user(ledger, SUN.user, SUN.password)  # added after the backup
    ledger.close()

    done = backups.restore(backup, path, LI)

    assert _refused(path, ZHAO)  # the old password
    Ledger.open(path, credentials=NEW_ZHAO).close()  # the new one opens
    Ledger.open(path, credentials=SUN).close()  # the user added since is kept
    said = "\n".join(str(s) for s in done.users_said)
    assert "赵敏" in said and "孙丽" in said


def test_the_disabled_user_cannot_restore_over_the_ledger(tmp_path: Path) -> None:
    """赵敏 kept the backup and her old password opens it; the ledger on the device she can no
    longer open is not hers to replace."""
    path, backup = _ledger_with_zhao(tmp_path)
    _disable(path, ZHAO.user)
    before = path.read_bytes()

    with pytest.raises(FieldappError) as refused:
        backups.restore(backup, path, ZHAO)

    assert "当前台账" in str(refused.value)
    assert path.read_bytes() == before
    assert _refused(path, ZHAO)
    Ledger.open(path, credentials=LI).close()


def test_an_old_password_cannot_restore_over_the_ledger(tmp_path: Path) -> None:
    path, backup = _ledger_with_zhao(tmp_path)
    ledger = Ledger.open(path, credentials=LI)
    users.change_password(ledger, ZHAO.user, NEW_ZHAO.password)
    ledger.close()

    with pytest.raises(FieldappError):
        backups.restore(backup, path, ZHAO)
    assert _refused(path, ZHAO)


def test_a_first_wave_backup_is_no_way_round(tmp_path: Path) -> None:
    """A plain copy of a ledger (the first wave's backup) makes whoever restores it its first
    user: restored over the ledger on the device, it too needs a password that opens that."""
    plain = tmp_path / "first" / "ledger.db"
    plain.parent.mkdir()
    Ledger.open(plain).close()
    old = tmp_path / "ledger-备份-20261120-140512.db"
    shutil.copyfile(plain, old)
    path, _backup = _ledger_with_zhao(tmp_path)
    _disable(path, ZHAO.user)

    with pytest.raises(FieldappError):
        backups.restore(old, path, ZHAO)
    assert _refused(path, ZHAO)


def test_a_first_wave_backup_restored_by_the_administrator_keeps_the_users(
    tmp_path: Path,
) -> None:
    """Restored over the ledger by its administrator, the plain copy gets the users as they
    are now: the administrator with the password just set for it, 赵敏 still disabled."""
    plain = tmp_path / "first" / "ledger.db"
    plain.parent.mkdir()
    Ledger.open(plain).close()
    old = tmp_path / "ledger-备份-20261120-140512.db"
    shutil.copyfile(plain, old)
    path, _backup = _ledger_with_zhao(tmp_path)
    _disable(path, ZHAO.user)
    chosen = Credentials(LI.user, "恢复时新设的口令")

    with pytest.raises(FieldappError):
        backups.restore(old, path, chosen)  # the password set now does not open the ledger
    done = backups.restore(old, path, LI)

    assert _refused(path, ZHAO)
    ledger = Ledger.open(path, credentials=LI)
    assert users.may_manage(ledger)
    ledger.close()
    assert any("赵敏" in str(s) and "停用" in str(s) for s in done.users_said)


def test_a_restore_with_no_ledger_on_the_device_says_it_cannot_know(tmp_path: Path) -> None:
    _path, backup = _ledger_with_zhao(tmp_path)
    laptop = tmp_path / "new-laptop" / "ledger.db"

    done = backups.restore(backup, laptop, LI)

    said = "\n".join(str(s) for s in done.users_said)
    assert "核对" in said and "用户" in said
    Ledger.open(laptop, credentials=ZHAO).close()  # as the backup had it


def test_a_damaged_ledger_replaced_still_says_who_is_disabled(tmp_path: Path) -> None:
    """The ledger restored over because it is damaged: its users table cannot be read, but its
    key file says who opens it now — a user with no password there stays disabled."""
    path, backup = _ledger_with_zhao(tmp_path)
    _disable(path, ZHAO.user)
    size = path.stat().st_size
    path.write_bytes(bytes(range(256)) * (size // 256 + 1))  # the pages gone, the key file left

    done = backups.restore(backup, path, LI)

    assert _refused(path, ZHAO)
    Ledger.open(path, credentials=LI).close()
    said = [str(s) for s in done.users_said]
    assert any("赵敏" in s and "停用" in s for s in said)
    assert any("读不出用户名单" in s for s in said)


def test_a_restore_over_a_ledger_unchanged_since_says_so(tmp_path: Path) -> None:
    path, backup = _ledger_with_zhao(tmp_path)

    done = backups.restore(backup, path, ZHAO)  # any user who opens it now may restore

    assert [s.template for s in done.users_said] == [backups.USERS_AS_BEFORE]
    Ledger.open(path, credentials=ZHAO).close()
    Ledger.open(path, credentials=LI).close()


def test_a_user_only_the_backup_has_is_disabled_until_looked_at(tmp_path: Path) -> None:
    """A backup of another ledger (or one rewritten by whoever could open it) names a user the
    ledger on this device never had: nobody here vouches for them — disabled, and said."""
    path, _backup = _ledger_with_zhao(tmp_path)
    other = tmp_path / "other" / "l.db"
    other.parent.mkdir()
    ledger = Ledger.open(other, credentials=LI)
    users.add_user(ledger, SUN.user, SUN.password)
    backup = backups.back_up(ledger, tmp_path / "other.fieldbackup")
    ledger.close()

    done = backups.restore(backup, path, LI)

    assert _refused(path, SUN)
    Ledger.open(path, credentials=ZHAO).close()  # this device's user is carried over
    said = "\n".join(str(s) for s in done.users_said)
    assert "用户 孙丽 只在备份里有" in said and "用户 赵敏 是备份之后新增的" in said


def _rewritten(backup: Path, who: Credentials, sql: str) -> Path:
    """The backup as someone who can open it rewrites it: pages changed, checksum and `mac`
    made anew (the `mac` stops those who only hold the file: she holds the key)."""
    import hashlib
    import json

    from fieldapp.store import backup as store_backup
    from fieldapp.store.connection import connect

    info = store_backup.read_backup(backup)
    key = info.keys.unlock(who.user, who.password)
    pages = backup.with_name("pages.db")
    pages.write_bytes(backup.read_bytes()[info.offset :])
    conn = connect(pages, key, info.keys.cipher)
    conn.execute(sql)
    conn.close()
    body = pages.read_bytes()
    header = json.loads(backup.read_bytes()[len(store_backup.MAGIC) : info.offset])
    header |= {"size": len(body), "sha256": hashlib.sha256(body).hexdigest()}
    header["mac"] = store_backup.header_mac(key, header)
    made = backup.with_name("rewritten.fieldbackup")
    line = json.dumps(header, sort_keys=True).encode("utf-8")
    made.write_bytes(store_backup.MAGIC + line + b"\n" + body)
    return made


def test_a_backup_rewritten_to_look_newer_does_not_bring_a_user_back(tmp_path: Path) -> None:
    """赵敏, disabled, rewrites her copy of the backup so that her row says she was enabled
    again after the disabling, and hands it to the administrator to restore."""
    path, backup = _ledger_with_zhao(tmp_path)
    _disable(path, ZHAO.user)
    forged = _rewritten(
        backup,
        ZHAO,
        "UPDATE users SET enabled_at = '2099-01-01T00:00:00+08:00', "
        "password_changed_at = '2099-01-01T00:00:00+08:00' WHERE name = '赵敏'",
    )

    backups.restore(forged, path, LI)

    assert _refused(path, ZHAO)
