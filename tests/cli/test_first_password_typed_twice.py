"""The first password typed on the terminal — a new ledger, a plain one encrypted (as `fieldapp
enrol` asks), a new hub — was asked once: a slip of the finger locked the ledger with a password
nobody knew, and a ledger not yet enrolled (or the hub, whose key is the county's way back into
every ledger) has no one to reset it: lost for good. It is now asked twice, as a new user's
is; two entries that differ make and encrypt nothing."""

from __future__ import annotations

import getpass
import io
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.services.ledgers import open_ledger
from fieldapp.store.connection import is_plain_sqlite


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _typed(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """The terminal: each password prompt answered in turn (prompts kept)."""
    prompts: list[str] = []
    queue = list(answers)

    def typed(prompt: str = "") -> str:
        prompts.append(prompt)
        return queue.pop(0)

    monkeypatch.setattr("sys.stdin", _Terminal())
    monkeypatch.setattr(getpass, "getpass", typed)
    return prompts


@pytest.mark.parametrize("made", ["new", "plain", "hub"])
def test_a_first_password_mistyped_on_the_terminal_makes_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    made: str,
) -> None:
    db = tmp_path / "ledger.db"
    if made == "plain":
        open_ledger(
            db
        ).close()  # a ledger made without a password (the command line now refuses to)
    if made == "hub":
        argv = ["--user", "县管理员", "hub", "init", "--dir", str(tmp_path / "县汇总")]
        made_file = tmp_path / "县汇总" / "hub.db"
    else:
        argv = ["--db", str(db), "--user", "李芳", "user", "list"]
        made_file = db
    capsys.readouterr()
    prompts = _typed(monkeypatch, "村里的口令1", "村里的口令2")
    assert main(argv) != 0
    err = capsys.readouterr().err
    assert "两次输入的口令不一致" in err and "Traceback" not in err, err
    assert len(prompts) == 2 and "再输入一次" in prompts[1], prompts
    if made == "plain":
        assert is_plain_sqlite(db)
    else:
        assert not made_file.exists()

    prompts = _typed(monkeypatch, "村里的口令1", "村里的口令1")
    assert main(argv) == 0
    assert not is_plain_sqlite(made_file)


def test_an_encrypted_ledgers_password_is_asked_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "ledger.db")
    _typed(monkeypatch, "村里的口令1", "村里的口令1")
    assert main(["--db", db, "--user", "李芳", "user", "list"]) == 0
    prompts = _typed(monkeypatch, "村里的口令1")
    assert main(["--db", db, "--user", "李芳", "user", "list"]) == 0
    assert len(prompts) == 1


def test_a_first_wave_backup_restored_at_the_terminal_asks_its_password_twice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first-wave backup (a plain copy) has no password: the one typed to restore it becomes
    its first user's, the only way into the restored ledger — asked twice as any first one."""
    from fieldapp.store.ledger import Ledger

    backup = tmp_path / "U盘" / "ledger-备份-20261120-140512.db"
    backup.parent.mkdir()
    Ledger.open(backup).close()
    db = tmp_path / "new" / "ledger.db"
    capsys.readouterr()
    prompts = _typed(monkeypatch, "村里的口令1", "村里的口令2")
    assert main(["--db", str(db), "--user", "李芳", "restore", str(backup)]) != 0
    err = capsys.readouterr().err
    assert "两次输入的口令不一致" in err and "Traceback" not in err, err
    assert len(prompts) == 2 and "再输入一次" in prompts[1], prompts
    assert not db.exists()
    prompts = _typed(monkeypatch, "村里的口令1", "村里的口令1")
    assert main(["--db", str(db), "--user", "李芳", "restore", str(backup)]) == 0
    assert len(prompts) == 2


def test_a_first_wave_backup_says_its_backup_password_was_not_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first-wave backup has no password of its own: `--backup-password-file` given for it
    was passed over without a word, and the clerk believed the restored ledger opened with
    that password. It is said: not used, the ledger opens with the password given for the
    user."""
    from fieldapp.services.ledgers import Credentials
    from fieldapp.store.ledger import Ledger

    backup = tmp_path / "U盘" / "ledger-备份-20261120-140512.db"
    backup.parent.mkdir()
    Ledger.open(backup).close()
    then = tmp_path / "那时的口令.txt"
    then.write_text("备份那天的口令9\n", encoding="utf-8")
    db = tmp_path / "new" / "ledger.db"
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")
    capsys.readouterr()
    args = ["--db", str(db), "--user", "李芳", "restore", str(backup)]
    assert main([*args, "--backup-password-file", str(then)]) == 0
    out = capsys.readouterr().out
    assert "旧版程序" in out and "没有用到" in out and "李芳" in out, out
    # … and not that the users are the backup's, to be checked: it has none, 李芳 is its one
    assert "无法知道" not in out and "user list" not in out, out
    open_ledger(db, credentials=Credentials("李芳", "村里的口令1")).close()
