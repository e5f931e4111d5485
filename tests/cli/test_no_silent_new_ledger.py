"""Commands that work on a ledger already there do not quietly make a new, empty one.

On a laptop whose ledger was made with `--db 红星村.db`, `fieldapp user add 王强` or `fieldapp
sync export --out …` without `--db` made a new empty encrypted ledger at the default place and
said 已新增用户 / 已导出 with no hint: the new colleague was added to a ledger nobody uses, the
county was sent an empty bundle. They are refused, naming the ledger looked for and --db.
A first open with a user and password (docs/security.md: 命令行：第一次带用户名和口令打开台账的人)
still makes a ledger, and now says so and where.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.cli.main import main


@pytest.fixture
def as_li(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_USER", "李芳")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", "王强的口令7")
    monkeypatch.setenv("FIELDAPP_TEST_FAST_KDF", "1")


@pytest.mark.parametrize(
    "command",
    [
        ["user", "add", "王强"],
        ["user", "passwd"],
        ["sync", "export", "--out", "OUT"],
        ["sync", "status"],
        # they only read, or act on what is there: nothing to read in a new empty ledger
        ["search", "王"],
        ["person", "show", "522701199001011234"],
        ["claim", "list"],
        ["batch", "list"],
        ["due"],
        ["export", "OUT"],
        ["exports"],
        ["print", "log"],
        ["print", "roster", "--batch", "1", "--out", "OUT"],
        ["sync", "undo", "1"],
        ["conflicts"],
        ["backup", "--out", "OUT"],
        ["eligible", "--person", "522701199001011234"],
        ["policy", "list"],
        ["print", "settings"],
        ["calendar", "--year", "2026"],
        ["sync", "import", "OUT"],
    ],
)
def test_no_ledger_is_refused_and_none_made(
    tmp_path: Path, as_li: None, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    missing = tmp_path / "data" / "ledger.db"
    out = tmp_path / "给县里.fieldsync"
    argv = [str(out) if part == "OUT" else part for part in command]
    code = main(["--db", str(missing), *argv])
    captured = capsys.readouterr()
    assert code == 1
    assert f"没有台账 {missing}" in captured.err and "--db" in captured.err
    assert "Traceback" not in captured.err
    assert "已新增" not in captured.out and "已导出" not in captured.out
    assert not missing.exists() and not Path(f"{missing}.keys").exists()
    assert not out.exists()


def test_a_first_open_with_a_user_says_a_ledger_was_made_and_where(
    tmp_path: Path, as_li: None, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "红星村.db"
    assert main(["--db", str(db), "demo", "--persons", "3", "--seed", "1"]) == 0
    err = capsys.readouterr().err
    assert f"已新建台账 {db}" in err and "李芳" in err
    assert main(["--db", str(db), "user", "add", "王强"]) == 0
    captured = capsys.readouterr()
    assert "已新增用户 王强" in captured.out and "已新建台账" not in captured.err


def test_user_list_without_a_user_on_no_ledger_makes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`fieldapp --db new.db user list` with no user or password made an empty unencrypted
    ledger, then refused it for having no users (exit 1), the file left behind."""
    for name in ("FIELDAPP_USER", "FIELDAPP_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    folder = tmp_path / "村里"
    folder.mkdir()
    missing = folder / "new.db"
    code = main(["--db", str(missing), "user", "list"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"没有台账 {missing}" in err and "--user" in err and "--db" in err
    assert "已新建台账" not in err and "Traceback" not in err
    assert list(folder.iterdir()) == []


def test_the_new_ledger_note_says_the_full_path(
    tmp_path: Path, as_li: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`fieldapp --db new1.db demo` said 已新建台账 new1.db: which folder it is in is what
    the clerk needs to find it again (a shortcut's start folder, a script's)."""
    monkeypatch.chdir(tmp_path)
    assert main(["--db", "new1.db", "demo", "--persons", "3", "--seed", "1"]) == 0
    err = capsys.readouterr().err
    assert f"已新建台账 {tmp_path.resolve() / 'new1.db'}" in err
