"""Users, passwords, backups and the county reset through the command line (issue 16)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.store import keyfile
from fieldapp.store.connection import WrongKey, open_database
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials
from tests.codes import keep_code_said

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def as_li(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shell of 李芳, the village coordinator."""
    monkeypatch.setenv("FIELDAPP_USER", "李芳")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real program in a child process, without a terminal."""
    full = {**os.environ, "FIELDAPP_TEST_FAST_KDF": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", *args],
        cwd=ROOT,
        env=full,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_a_new_ledger_with_a_password_is_encrypted_with_that_user_first(
    tmp_path: Path, as_li: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "l.db")
    assert main(["--db", db, "demo", "--persons", "12", "--seed", "3"]) == 0
    assert Path(f"{db}.keys").is_file()
    capsys.readouterr()
    assert main(["--db", db, "user", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(u["name"], u["admin"], u["disabled"]) for u in listed] == [("李芳", True, False)]

    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", "王强的口令12")
    assert main(["--db", db, "user", "add", "王强"]) == 0
    # 王强 writes as 王强, whatever he claims.
    monkeypatch.setenv("FIELDAPP_USER", "王强")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "王强的口令12")
    assert main(["--db", db, "--author", "县人社局局长", "user", "list"]) == 2
    assert main(["--db", db, "user", "add", "赵敏"]) == 1  # not an administrator
    assert "管理员" in capsys.readouterr().err
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", "王强的新口令12")
    assert main(["--db", db, "user", "passwd"]) == 0
    monkeypatch.setenv("FIELDAPP_PASSWORD", "王强的新口令12")
    ledger = Ledger.open(db, credentials=Credentials("王强", "王强的新口令12"))
    pid = ledger.db.execute("SELECT id FROM persons LIMIT 1").fetchone()[0]
    ledger.update("persons", pid, {"phone": "13900001111"})
    assert ledger.get("persons", pid)["updated_by"] == "王强"
    ledger.close()

    monkeypatch.setenv("FIELDAPP_USER", "李芳")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")
    old_keys = keyfile.load(db)
    old_key = old_keys.unlock("王强", "王强的新口令12")  # what a copy of the key file gives him
    capsys.readouterr()
    assert main(["--db", db, "user", "disable", "王强"]) == 0
    assert "新钥匙" in capsys.readouterr().out
    with pytest.raises(WrongKey):  # the ledger was re-encrypted under a new key
        open_database(db, old_key, old_keys.cipher)
    monkeypatch.setenv("FIELDAPP_USER", "王强")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "王强的新口令12")
    capsys.readouterr()
    assert main(["--db", db, "search", "张"]) == 1
    assert capsys.readouterr().err.strip() == "错误：用户名或口令不对"


def test_a_wrong_or_missing_password_is_one_chinese_line_and_changes_nothing(
    tmp_path: Path,
) -> None:
    db = tmp_path / "l.db"
    made = run(
        "--db",
        str(db),
        "--user",
        "李芳",
        "demo",
        "--persons",
        "5",
        env={"FIELDAPP_PASSWORD": "村里的口令1"},
    )
    assert made.returncode == 0, made.stderr
    # (the tries counted, and the data folder each command's log is written in)
    skipped = {"l.db.attempts", "home"}
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name not in skipped}
    for env, args in (
        ({"FIELDAPP_PASSWORD": "不对的口令"}, ["--user", "李芳"]),
        ({}, ["--user", "李芳"]),
        ({"FIELDAPP_PASSWORD": "村里的口令1"}, []),
    ):
        done = run("--db", str(db), *args, "search", "张", env=env)
        assert done.returncode != 0
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("错误："), done.stderr
        assert "Traceback" not in done.stderr and done.stdout == ""
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name not in skipped}
    assert after == before
    password_file = tmp_path / "pw.txt"
    password_file.write_text("村里的口令1\n", encoding="utf-8")
    ok = run(
        "--db", str(db), "--user", "李芳", "--password-file", str(password_file), "search", "张"
    )
    assert ok.returncode == 0, ok.stderr


def test_backup_restore_and_county_reset_from_the_command_line(
    tmp_path: Path, as_li: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, backup = str(tmp_path / "l.db"), tmp_path / "u盘" / "备份.fieldbackup"
    assert main(["--db", db, "demo", "--persons", "20", "--seed", "5"]) == 0
    assert main(["--db", db, "backup", "--out", str(backup)]) == 0
    elsewhere = str(tmp_path / "新电脑" / "ledger.db")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "不对的口令")
    assert main(["--db", elsewhere, "restore", str(backup)]) == 1
    assert not Path(elsewhere).exists()
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")
    assert main(["--db", elsewhere, "restore", str(backup)]) == 0
    capsys.readouterr()
    assert main(["--db", elsewhere, "search", "张", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(
        (main(["--db", db, "search", "张", "--json"]), capsys.readouterr().out)[1]
    )

    hub = str(tmp_path / "hub")
    monkeypatch.setenv("FIELDAPP_USER", "县管理员")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "县里的口令1")
    # The ledger is a demo: it enrols with a hub made for training (a real hub refuses it).
    assert main(["hub", "init", "--dir", hub, "--training"]) == 0
    assert (
        main(
            [
                "hub",
                "enroll",
                "--dir",
                hub,
                "--device",
                "红星村",
                "--area",
                "520502101001",
                "--out",
                str(tmp_path / "r.enrol"),
            ]
        )
        == 0
    )
    keep_code_said(capsys.readouterr().out)  # what the county tells the village by phone
    monkeypatch.setenv("FIELDAPP_USER", "李芳")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")
    assert main(["--db", db, "enrol", str(tmp_path / "r.enrol")]) == 0
    monkeypatch.setenv("FIELDAPP_USER", "县管理员")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "县里的口令1")
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", "县里给的新口令")
    assert main(["hub", "reset-password", "--dir", hub, "--ledger", db, "--user", "李芳"]) == 0
    monkeypatch.setenv("FIELDAPP_USER", "李芳")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "县里给的新口令")
    assert main(["--db", db, "user", "list"]) == 0
    monkeypatch.setenv("FIELDAPP_USER", "县管理员")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "猜的口令123")
    assert main(["hub", "reset-password", "--dir", hub, "--ledger", db, "--user", "李芳"]) == 1
    # A user mistyped is said before a new password is asked for (a script has none to give).
    monkeypatch.setenv("FIELDAPP_PASSWORD", "县里的口令1")
    monkeypatch.delenv("FIELDAPP_NEW_PASSWORD")
    capsys.readouterr()
    assert main(["hub", "reset-password", "--dir", hub, "--ledger", db, "--user", "李四"]) == 1
    err = capsys.readouterr().err
    assert "没有名为 李四 的用户" in err and "新口令" not in err, err


def test_every_export_is_logged_with_who_how_many_and_the_file_hash(
    tmp_path: Path, as_li: None, capsys: pytest.CaptureFixture[str]
) -> None:
    import hashlib

    db, out = str(tmp_path / "l.db"), tmp_path / "导出" / "台账.xlsx"
    assert main(["--db", db, "demo", "--persons", "15", "--seed", "2"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "export", str(out)]) == 0
    assert "含个人信息，请妥善保管" in capsys.readouterr().out
    assert main(["--db", db, "exports", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["kind"] == "台账" and row["user"] == "李芳" and row["persons"] == 15
    assert row["file_name"] == "台账.xlsx" and row["exported_at"]
    assert row["file_hash"] == hashlib.sha256(out.read_bytes()).hexdigest()
    # Said as the clerk reads it: who, not the device's internal id.
    assert main(["--db", db, "exports"]) == 0
    said = capsys.readouterr().out
    assert "李芳（本机）" in said and row["device"] not in said, said
    if os.name != "nt":
        assert out.stat().st_mode & 0o077 == 0 and out.parent.stat().st_mode & 0o077 == 0


@pytest.mark.skipif(os.name == "nt", reason="a pseudo-terminal is POSIX")
def test_on_a_terminal_the_password_is_asked_and_not_echoed(tmp_path: Path) -> None:
    import pty
    import select

    db = tmp_path / "l.db"
    made = run(
        "--db",
        str(db),
        "--user",
        "李芳",
        "demo",
        "--persons",
        "5",
        env={"FIELDAPP_PASSWORD": "村里的口令1"},
    )
    assert made.returncode == 0, made.stderr
    env = {k: v for k, v in os.environ.items() if k != "FIELDAPP_PASSWORD"}
    master, slave = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "fieldapp", "--db", str(db), "--user", "李芳", "user", "list"],
        cwd=ROOT,
        env={**env, "FIELDAPP_TEST_FAST_KDF": "1"},
        stdin=slave,
        stdout=slave,
        stderr=slave,
        start_new_session=True,
    )
    os.close(slave)

    def read_until(done, seconds: float = 60) -> bytes:
        seen = b""
        end = time.monotonic() + seconds
        while not done(seen) and time.monotonic() < end:
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(master, 4096)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                seen += chunk
        return seen

    try:
        prompt = read_until(lambda seen: "口令".encode() in seen)
        assert "李芳 的口令".encode() in prompt
        os.write(master, "村里的口令1\n".encode())
        rest = read_until(lambda _seen: False, 60)
        assert child.wait(timeout=60) == 0
    finally:
        if child.poll() is None:
            child.kill()
        os.close(master)
    assert "李芳".encode() in rest and "村里的口令1".encode() not in prompt + rest


def test_a_command_that_needs_the_ledger_and_its_policy_unlocks_the_ledger_once(
    tmp_path: Path, as_li: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`claim list`, `due`, `eligible` … read the ledger and the policy stored in it: the
    password's key is derived once (each derivation is the slow part of a start on an old
    laptop), and one connection serves both."""
    db = str(tmp_path / "l.db")
    assert main(["--db", db, "demo", "--persons", "12", "--seed", "3"]) == 0
    opened: list[Ledger] = []
    real_open = Ledger.open.__func__  # type: ignore[attr-defined]

    def counting(cls: type[Ledger], *args: object, **kwargs: object) -> Ledger:
        ledger = real_open(cls, *args, **kwargs)
        opened.append(ledger)
        return ledger

    monkeypatch.setattr(Ledger, "open", classmethod(counting))
    for command in (["claim", "list"], ["due", "--json"], ["eligible", "--json"]):
        capsys.readouterr()
        opened.clear()
        assert main(["--db", db, *command]) == 0, capsys.readouterr().err
        assert len(opened) == 1, command
        assert opened[0].encrypted
