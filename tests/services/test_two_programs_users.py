"""Two programs with one ledger open (the desktop app left open in the morning, a second window
or a script later): a change to the users in one must not undo the other's (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.services import backup as backups
from fieldapp.services import users
from fieldapp.store import keyfile
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials

LI = Credentials("李芳", "村里的口令1")
WANG = Credentials("王强", "王强的口令12")
ZHAO = Credentials("赵敏", "赵敏的口令12")


def _ledger(path: Path) -> None:
    first = Ledger.open(path, credentials=LI)
    users.add_user(first, ZHAO.user, ZHAO.password)
    first.close()


def test_a_user_added_in_another_program_survives_a_password_change_here(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    _ledger(path)
    morning = Ledger.open(path, credentials=LI)  # the desktop app, open since the morning
    script = Ledger.open(path, credentials=LI)
    users.add_user(script, WANG.user, WANG.password)
    script.close()

    users.change_password(morning, None, "李芳的新口令1")
    morning.close()

    Ledger.open(path, credentials=WANG).close()  # 王强 still logs in
    Ledger.open(path, credentials=Credentials(LI.user, "李芳的新口令1")).close()


def test_a_user_disabled_in_another_program_stays_out_of_the_key_file(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    _ledger(path)
    morning = Ledger.open(path, credentials=LI)
    other = Ledger.open(path, credentials=LI)
    users.disable_user(other, ZHAO.user)  # the key is not rotated: `morning` holds the file
    other.close()

    users.add_user(morning, WANG.user, WANG.password)
    morning.close()

    # 赵敏's slot did not come back: her password opens no key, so a later rotation cannot
    # seal the new key to her either.
    with pytest.raises(keyfile.WrongPassword):
        keyfile.load(path).unlock(ZHAO.user, ZHAO.password)
    Ledger.open(path, credentials=WANG).close()


def test_the_lock_screen_takes_the_password_changed_in_another_program(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    _ledger(path)
    morning = Ledger.open(path, credentials=LI)
    other = Ledger.open(path, credentials=LI)
    users.change_password(other, ZHAO.user, "赵敏的新口令12")
    other.close()

    assert not users.switch_user(morning, ZHAO.user, ZHAO.password)  # the old one no longer
    assert users.switch_user(morning, ZHAO.user, "赵敏的新口令12")
    morning.close()


def test_a_backup_holds_the_users_as_they_are_not_as_this_program_read_them(
    tmp_path: Path,
) -> None:
    path = tmp_path / "l.db"
    _ledger(path)
    morning = Ledger.open(path, credentials=LI)
    other = Ledger.open(path, credentials=LI)
    users.add_user(other, WANG.user, WANG.password)
    users.disable_user(other, ZHAO.user)
    other.close()

    backup = backups.back_up(morning, tmp_path / "备份.fieldbackup")
    morning.close()

    assert backups.check_backup(backup, WANG)["changes"] >= 0  # 王强's password opens it
    with pytest.raises(keyfile.WrongPassword):
        backups.check_backup(backup, ZHAO)  # 赵敏, disabled before the backup, cannot
