"""The one-time enrolment code as the village really gives it to `fieldapp enrol`: typed on a
terminal (hidden, as a password: the code opens the device's private key, and a laptop's
screen is seen by whoever stands behind it), with three tries for a slip of the finger, or
piped in by the county's script. Each run is the real program in a child process."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from tests.codes import plain_hub

ROOT = Path(__file__).resolve().parents[2]
WRONG = "1111 2222 3333 4444"
PROMPT = "登记码"
#: The terminal cases run the program on a pseudo-terminal (POSIX).
on_a_terminal = pytest.mark.skipif(sys.platform == "win32", reason="a POSIX pseudo-terminal")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "FIELDAPP_ENROL_CODE"}
    # A throw-away ledger without a password (refused for real use); cheap Argon2id costs.
    env |= {"FIELDAPP_TEST_PLAIN_ENROL": "1", "FIELDAPP_TEST_FAST_KDF": "1"}
    return env | {"PYTHONIOENCODING": "utf-8"}


@pytest.fixture
def enrolment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    """红星村's sealed enrolment file and the code `hub enroll` printed for it."""
    hub = tmp_path / "县汇总"
    plain_hub(hub)
    out = tmp_path / "红星村.enrol"
    capsys.readouterr()
    args = ["hub", "enroll", "--dir", str(hub), "--device", "红星村", "--area", "520502101001"]
    assert main([*args, "--out", str(out), "--json"]) == 0
    return out, str(json.loads(capsys.readouterr().out)["code"])


def _enrol_args(tmp_path: Path, file: Path) -> list[str]:
    return [sys.executable, "-m", "fieldapp", "--db", str(tmp_path / "l.db"), "enrol", str(file)]


class Terminal:
    """The program run on a pseudo-terminal of its own, as the clerk's window would run it."""

    def __init__(self, args: list[str]) -> None:
        self.master, slave = os.openpty()
        self.proc = subprocess.Popen(
            args, cwd=ROOT, env=_env(), stdin=slave, stdout=slave, stderr=slave,
            start_new_session=True,  # no other controlling terminal than this one
        )  # fmt: skip
        os.close(slave)
        self.seen = b""
        self.at = 0  # where the last text waited for ended

    def wait_for(self, text: str, timeout: float = 60) -> None:
        """Once `text` is on the screen after the last text waited for."""
        wanted = text.encode("utf-8")
        end = time.monotonic() + timeout
        while (found := self.seen.find(wanted, self.at)) < 0:
            left = end - time.monotonic()
            assert left > 0, self.seen.decode("utf-8", "replace")
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.master, 4096)
                except OSError:  # the program has ended (EIO on Linux)
                    chunk = b""
                assert chunk, self.seen.decode("utf-8", "replace")
                self.seen += chunk
        self.at = found + len(wanted)

    def type(self, line: str) -> None:
        os.write(self.master, f"{line}\n".encode())

    def finish(self) -> tuple[int, str]:
        """The exit code and everything shown."""
        while True:
            try:
                chunk = os.read(self.master, 4096)
            except OSError:
                break
            if not chunk:
                break
            self.seen += chunk
        os.close(self.master)
        return self.proc.wait(timeout=60), self.seen.decode("utf-8", "replace")


@on_a_terminal
def test_the_code_typed_on_a_terminal_is_hidden_and_a_slip_may_be_retyped(
    tmp_path: Path, enrolment: tuple[Path, str]
) -> None:
    """The code used to be read as plain input, shown on the screen as typed, and one slip
    ended the command; now it is read as a password is, and a wrong code is said in Chinese
    with the tries left."""
    file, code = enrolment
    term = Terminal(_enrol_args(tmp_path, file))
    term.wait_for(PROMPT)
    term.type(WRONG)
    term.wait_for("还可以再输 2 次")
    term.wait_for(PROMPT)
    term.type(code)
    status, shown = term.finish()
    assert status == 0, shown
    assert "已登记为设备 红星村" in shown
    assert "登记码不对" in shown
    assert WRONG not in shown and code not in shown, shown  # never echoed
    assert "Traceback" not in shown


@on_a_terminal
def test_three_wrong_codes_on_a_terminal_end_without_enrolling(
    tmp_path: Path, enrolment: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    file, _code = enrolment
    term = Terminal(_enrol_args(tmp_path, file))
    for left in (2, 1):
        term.wait_for(PROMPT)
        term.type(WRONG)
        term.wait_for(f"还可以再输 {left} 次")
    term.wait_for(PROMPT)
    term.type("1234")  # too short: counted as a try too, said as such
    status, shown = term.finish()
    assert status == 1, shown
    assert "16 位数字" in shown and "3 次" in shown and "没有登记" in shown, shown
    assert "Traceback" not in shown
    # Not enrolled, and no ledger made for an enrolment that did not happen
    # (tests/cli/test_clerk_walkthrough.py).
    assert not (tmp_path / "l.db").exists()


def test_a_script_still_pipes_the_code_in(tmp_path: Path, enrolment: tuple[Path, str]) -> None:
    file, code = enrolment
    done = subprocess.run(
        _enrol_args(tmp_path, file), cwd=ROOT, env=_env(), input=f"{code}\n",
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "已登记为设备 红星村" in done.stdout
    assert code not in done.stdout + done.stderr


def test_a_wrong_code_piped_in_ends_at_once_in_chinese(
    tmp_path: Path, enrolment: tuple[Path, str]
) -> None:
    """A script has no one to ask again: the wrong code is said once, nothing enrolled."""
    file, _code = enrolment
    done = subprocess.run(
        _enrol_args(tmp_path, file), cwd=ROOT, env=_env(), input=f"{WRONG}\n{WRONG}\n",
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert done.returncode == 1, done.stdout
    assert "登记码不对" in done.stderr and "Traceback" not in done.stderr
    assert "还可以" not in done.stderr


def test_nothing_piped_in_says_where_the_code_is_given(
    tmp_path: Path, enrolment: tuple[Path, str]
) -> None:
    file, _code = enrolment
    done = subprocess.run(
        _enrol_args(tmp_path, file), cwd=ROOT, env=_env(), stdin=subprocess.DEVNULL,
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert done.returncode == 1
    assert "登记码" in done.stderr and "FIELDAPP_ENROL_CODE" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
