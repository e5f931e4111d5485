"""`fieldapp restore` of a backup made before a user was disabled brought the user back with
their old password. The command line now carries the users' newer states over from the ledger
it replaces and says so; the disabled user, whose old password opens the backup, cannot
restore over the ledger; on a new laptop it says nobody can know, and how to list the users."""

from __future__ import annotations

from pathlib import Path

from fieldapp.services import backup as backups
from fieldapp.services import users
from fieldapp.store.keyfile import WrongPassword
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials
from tests.helpers.cli import run_as as run

LI = Credentials("李芳", "村里的口令1")
ZHAO = Credentials("赵敏", "赵敏的口令12")


def _made(tmp_path: Path) -> tuple[Path, Path]:
    """A ledger of 李芳 and 赵敏, backed up; then 赵敏 disabled (the key changed)."""
    path = tmp_path / "l.db"
    ledger = Ledger.open(path, credentials=LI)
    users.add_user(ledger, ZHAO.user, ZHAO.password)
    backup = backups.back_up(ledger, tmp_path / "b.fieldbackup")
    users.disable_user(ledger, ZHAO.user)
    unlocked = ledger.unlocked
    ledger.close()
    assert unlocked is not None
    users.rotate_key(path, unlocked)
    return path, backup


def test_restore_keeps_a_disabled_user_disabled(tmp_path: Path) -> None:
    path, backup = _made(tmp_path)

    done = run(LI, "--db", str(path), "restore", str(backup))

    assert done.returncode == 0, done.stderr
    assert "用户 赵敏 在备份之后已停用：恢复后仍是停用的，旧口令打不开台账" in done.stdout
    refused = run(ZHAO, "--db", str(path), "user", "list")
    assert refused.returncode != 0


def test_the_disabled_user_cannot_restore_from_the_command_line(tmp_path: Path) -> None:
    path, backup = _made(tmp_path)
    before = path.read_bytes()

    done = run(ZHAO, "--db", str(path), "restore", str(backup))

    assert done.returncode != 0
    assert "须由能打开现在这个台账的用户" in done.stderr
    assert path.read_bytes() == before
    try:
        Ledger.open(path, credentials=ZHAO).close()
    except WrongPassword:
        pass
    else:
        raise AssertionError("赵敏's old password opened the ledger")


def test_a_restore_on_a_new_laptop_says_to_check_the_users(tmp_path: Path) -> None:
    _path, backup = _made(tmp_path)
    laptop = tmp_path / "新电脑" / "ledger.db"

    done = run(LI, "--db", str(laptop), "restore", str(backup))

    assert done.returncode == 0, done.stderr
    assert "无法知道备份之后哪些用户停用了" in done.stdout
    assert f"fieldapp --db {laptop} user list" in done.stdout


def test_an_administrator_whose_password_changed_since_the_backup_gives_both(
    tmp_path: Path,
) -> None:
    """李芳 changed her password after the backup (the laptop was lost a while, say): the backup
    opens with the old one, the ledger on the device with the new one. One --password-file
    could not be both; the backup's comes from --backup-password-file (or
    FIELDAPP_BACKUP_PASSWORD)."""
    path, backup = _made(tmp_path)
    ledger = Ledger.open(path, credentials=LI)
    users.change_password(ledger, LI.user, "换过的口令34")
    ledger.close()
    now = Credentials(LI.user, "换过的口令34")
    before = path.read_bytes()

    alone = run(now, "--db", str(path), "restore", str(backup))
    assert alone.returncode != 0
    assert "--backup-password-file" in alone.stderr, alone.stderr
    assert path.read_bytes() == before

    old = tmp_path / "backup-password.txt"
    old.write_text(LI.password + "\n", encoding="utf-8")
    done = run(now, "--db", str(path), "restore", str(backup), "--backup-password-file", str(old))

    assert done.returncode == 0, done.stderr
    assert "已从" in done.stdout
    Ledger.open(path, credentials=now).close()  # her password now opens the restored ledger
    try:
        Ledger.open(path, credentials=LI).close()
    except WrongPassword:
        pass
    else:
        raise AssertionError("the password changed since the backup opened the ledger again")


def test_a_wrong_backup_password_file_is_said_as_that_file_s_password(tmp_path: Path) -> None:
    """The backup's password given by --backup-password-file is wrong: the refusal says the
    password given for the backup day is wrong, not to give one with --backup-password-file
    (the option just used)."""
    path, backup = _made(tmp_path)
    Ledger.open(path, credentials=LI).close()  # its first opening since the key changed
    before = path.read_bytes()
    wrong = tmp_path / "backup-password.txt"
    wrong.write_text("不是那天的口令9\n", encoding="utf-8")
    wrong.chmod(0o600)

    done = run(LI, "--db", str(path), "restore", str(backup), "--backup-password-file", str(wrong))

    assert done.returncode != 0
    assert "给出的备份那天的口令不对" in done.stderr, done.stderr
    assert "请用 --backup-password-file" not in done.stderr, done.stderr
    assert path.read_bytes() == before
