"""Commands that work on a ledger already there do not quietly make a new, empty one.

On a laptop whose ledger was made with `--db 红星村.db`, `fieldapp user add 王强` or `fieldapp
sync export --out …` without `--db` made a new empty encrypted ledger at the default place and
said 已新增用户 / 已导出 with no hint: the new colleague was added to a ledger nobody uses, the
county was sent an empty bundle. They are refused, naming the ledger looked for and --db.
A first open with a user and password (docs/security.md: 命令行：第一次带用户名和口令打开台账的人)
still makes a ledger, and now says so and where.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from tests.policy.helpers import COUNTY_PACK


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
        ["sync", "import", "OUT"],
        # the pack goes in beside the ledger in use: which one, and is it a village's?
        ["policy", "install", "OUT"],
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


def test_the_calendar_without_a_ledger_is_the_built_in_packs_and_says_so(
    tmp_path: Path, as_li: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """README's `fieldapp calendar --year 2027` on a fresh machine was refused (没有台账 …):
    the days off are the program's as much as the ledger's. With no ledger the built-in pack's
    calendar is shown, saying so and which ledger was looked for; nothing is made."""
    folder = tmp_path / "data"
    missing = folder / "ledger.db"
    assert main(["--db", str(missing), "calendar", "--year", "2027"]) == 0
    captured = capsys.readouterr()
    assert f"没有找到台账 {missing.resolve()}" in captured.out and "内置政策包" in captured.out
    assert "2027年工作日历" in captured.out and "春节" in captured.out
    assert "已新建台账" not in captured.err and "Traceback" not in captured.err
    assert main(["--db", str(missing), "calendar", "--year", "2026", "--json"]) == 0
    captured = capsys.readouterr()
    listed = json.loads(captured.out)  # the keys scripts read, as with a ledger
    assert listed["year"] == 2026 and listed["source"] == "library"
    assert {"date": "2026-02-14", "name": "调休上班"} in listed["workdays"]
    assert f"没有找到台账 {missing.resolve()}" in captured.err
    assert not missing.exists() and not folder.exists()


def test_the_calendar_of_the_default_place_with_no_ledger_makes_none(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The README's command as typed, no --db, in a throw-away data folder (conftest's)."""
    from fieldapp.paths import data_dir, default_ledger_path

    ledger = default_ledger_path()
    assert main(["calendar", "--year", "2027"]) == 0
    assert f"没有找到台账 {ledger.resolve()}" in capsys.readouterr().out
    assert not [p for p in data_dir().rglob("*") if p.name.startswith(ledger.name)]


def test_policy_check_needs_no_ledger(
    tmp_path: Path, as_li: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """`policy check 本县政策.toml` only reads a file: with no ledger it made an empty one to
    look for the county's pack in it. It checks against the built-in pack, says there is no
    ledger (so no county pack to compare with), and makes nothing."""
    folder = tmp_path / "data"
    missing = folder / "ledger.db"
    pack = tmp_path / "本县政策.toml"
    pack.write_text(COUNTY_PACK, encoding="utf-8")
    assert main(["--db", str(missing), "policy", "check", str(pack)]) == 0
    captured = capsys.readouterr()
    assert "政策包可用：本县政策.toml" in captured.out
    assert f"没有找到台账 {missing.resolve()}" in captured.out
    assert "已新建台账" not in captured.err and "Traceback" not in captured.err
    assert not missing.exists() and not folder.exists()
    broken = tmp_path / "坏的.toml"
    broken.write_text("[pack\n", encoding="utf-8")
    assert main(["--db", str(missing), "policy", "check", str(broken)]) == 2
    assert not missing.exists() and not folder.exists()
