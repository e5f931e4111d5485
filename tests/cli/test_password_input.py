"""Passwords and user names as scripts really hand them over (issue 16): a password file saved
by Windows Notepad (GBK, or UTF-8 with a byte-order mark) or by PowerShell's ``>`` (UTF-16), and
an environment or command line in a terminal whose encoding is not UTF-8."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "村里的口令1"


def run(
    *args: str | bytes, env: dict[str, str | bytes] | None = None
) -> subprocess.CompletedProcess[str]:
    """The real program in a child process, without a terminal."""
    full: dict[str, str | bytes] = {**os.environ, "FIELDAPP_TEST_FAST_KDF": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", *args],
        cwd=ROOT,
        env=full,  # type: ignore[arg-type]  # bytes values are what a non-UTF-8 shell passes
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    db = tmp_path / "l.db"
    made = run(
        "--db", str(db), "--user", "李芳", "demo", "--persons", "5",
        env={"FIELDAPP_PASSWORD": PASSWORD},
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    return db


@pytest.mark.parametrize(
    "encoded",
    [
        PASSWORD.encode("gbk") + b"\r\n",  # Notepad's 'ANSI' on a Chinese Windows
        codecs.BOM_UTF8 + PASSWORD.encode("utf-8") + b"\r\n",  # Notepad's 'UTF-8 with BOM'
        codecs.BOM_UTF16_LE + f"{PASSWORD}\r\n".encode("utf-16-le"),  # PowerShell 5's `>`
    ],
    ids=["gbk", "utf8-bom", "utf16"],
)
def test_a_password_file_saved_on_windows_opens_the_ledger(
    ledger: Path, tmp_path: Path, encoded: bytes
) -> None:
    password_file = tmp_path / "口令.txt"
    password_file.write_bytes(encoded)
    done = run("--db", str(ledger), "--user", "李芳", "--password-file", str(password_file),
               "user", "list")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "李芳" in done.stdout


def test_a_password_file_of_no_known_encoding_is_one_chinese_line(
    ledger: Path, tmp_path: Path
) -> None:
    password_file = tmp_path / "口令.txt"
    password_file.write_bytes(b"\x81\x30\xff\xfe\x00\x80")  # no text in any encoding we read
    done = run("--db", str(ledger), "--user", "李芳", "--password-file", str(password_file),
               "user", "list")  # fmt: skip
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "口令文件" in lines[0] and "UTF-8" in lines[0], done.stderr
    assert not Path(f"{ledger}.attempts").exists()  # not counted as a wrong password


@pytest.mark.parametrize("variable", ["FIELDAPP_USER", "FIELDAPP_PASSWORD"])
def test_a_user_or_password_from_a_gbk_terminal_is_one_chinese_line(
    ledger: Path, variable: str
) -> None:
    env: dict[str, str | bytes] = {"FIELDAPP_USER": "李芳", "FIELDAPP_PASSWORD": PASSWORD}
    env[variable] = env[variable].encode("gbk")  # type: ignore[union-attr]
    done = run("--db", str(ledger), "user", "list", env=env)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "UTF-8" in lines[0], done.stderr
    assert not Path(f"{ledger}.attempts").exists()


def test_a_user_name_on_the_command_line_of_a_gbk_terminal_is_one_chinese_line(
    ledger: Path,
) -> None:
    done = run("--db", str(ledger), "--user", "李芳".encode("gbk"), "user", "list",
               env={"FIELDAPP_PASSWORD": PASSWORD})  # fmt: skip
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "UTF-8" in done.stderr, done.stderr


def test_a_new_password_from_a_gbk_terminal_is_refused_and_nothing_changes(
    ledger: Path,
) -> None:
    before = Path(f"{ledger}.keys").read_bytes()
    done = run("--db", str(ledger), "user", "add", "王强", env={
        "FIELDAPP_USER": "李芳", "FIELDAPP_PASSWORD": PASSWORD,
        "FIELDAPP_NEW_PASSWORD": "王强的口令12".encode("gbk"),
    })  # fmt: skip
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "UTF-8" in done.stderr, done.stderr
    assert Path(f"{ledger}.keys").read_bytes() == before
    listed = run("--db", str(ledger), "user", "list",
                 env={"FIELDAPP_USER": "李芳", "FIELDAPP_PASSWORD": PASSWORD})  # fmt: skip
    assert "王强" not in listed.stdout


def test_a_ledger_copied_without_its_key_file_says_so_with_or_without_a_password(
    ledger: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "新电脑"
    elsewhere.mkdir()
    copy = elsewhere / "ledger.db"
    copy.write_bytes(ledger.read_bytes())  # the ledger, not its key file beside it
    for env in ({"FIELDAPP_USER": "李芳", "FIELDAPP_PASSWORD": PASSWORD}, {}):
        done = run("--db", str(copy), "search", "张", env=env)
        assert done.returncode == 1
        assert "Traceback" not in done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and "ledger.db.keys" in lines[0] and "钥匙文件" in lines[0], (
            done.stderr
        )
    assert sorted(p.name for p in elsewhere.iterdir()) == ["ledger.db"]
    assert copy.read_bytes() == ledger.read_bytes()


@pytest.mark.parametrize("named", [True, False], ids=["password", "user"])
def test_ctrl_d_at_a_terminal_prompt_is_one_chinese_line(ledger: Path, named: bool) -> None:
    import pty
    import select
    import time

    env = {k: v for k, v in os.environ.items() if k not in ("FIELDAPP_USER", "FIELDAPP_PASSWORD")}
    who = ["--user", "李芳"] if named else []
    master, slave = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "fieldapp", "--db", str(ledger), *who, "user", "list"],
        cwd=ROOT,
        env={**env, "FIELDAPP_TEST_FAST_KDF": "1"},
        stdin=slave,
        stdout=slave,
        stderr=slave,
        start_new_session=True,
    )
    os.close(slave)
    seen = b""
    try:
        end = time.monotonic() + 60
        answered = False
        while time.monotonic() < end:
            ready, _, _ = select.select([master], [], [], 0.5)
            if not ready:
                if child.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
            if not answered and "：".encode() in seen:
                os.write(master, b"\x04")  # Ctrl+D: the end of input, nothing typed
                answered = True
        assert child.wait(timeout=60) != 0
    finally:
        if child.poll() is None:
            child.kill()
        os.close(master)
    text = seen.decode("utf-8", errors="replace")
    assert "Traceback" not in text and "EOFError" not in text, text
    assert "错误：" in text and "取消" in text, text


def test_a_backup_file_given_as_the_ledger_says_to_restore_it(ledger: Path, tmp_path: Path) -> None:
    env = {"FIELDAPP_USER": "李芳", "FIELDAPP_PASSWORD": PASSWORD}
    made = tmp_path / "备份.fieldbackup"
    assert run("--db", str(ledger), "backup", "--out", str(made), env=env).returncode == 0
    before = made.read_bytes()
    for given in (env, {}):
        done = run("--db", str(made), "search", "张", env=given)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        lines = done.stderr.strip().splitlines()
        # the refusal (the desktop's words: 设置 → 从备份恢复), then the command line's way in
        assert len(lines) == 2 and "备份文件" in lines[0] and "restore" in lines[1], done.stderr
    assert made.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("备份")) == [made.name]


def test_the_key_file_given_as_the_ledger_names_the_ledger_beside_it(ledger: Path) -> None:
    keys = Path(f"{ledger}.keys")
    before = keys.read_bytes()
    for env in ({"FIELDAPP_USER": "李芳", "FIELDAPP_PASSWORD": PASSWORD}, {}):
        done = run("--db", str(keys), "search", "张", env=env)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and "钥匙文件" in lines[0], done.stderr
        assert f"请给出它旁边的台账文件 {ledger.name}" in lines[0], done.stderr
    assert keys.read_bytes() == before
    assert not Path(f"{keys}.attempts").exists() and not Path(f"{keys}.keys").exists()
