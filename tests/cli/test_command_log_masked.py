"""A command's log lines go where the desktop's go — fieldapp.log in the data folder, masked
— never to stderr: under cron or systemd stderr is a journal on disk. `hub import` past the
quarantine's limit logged the refused file's path (a name and an ID number in it) to stderr
unmasked, through Python's last-resort handler, beside its code in English."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.codes import plain_hub
from tests.helpers.clear_text import SECRETS, assert_no_clear_text

ROOT = Path(__file__).resolve().parents[2]


def test_hub_import_logs_to_the_masked_file_not_to_stderr(tmp_path: Path) -> None:
    home = tmp_path / "home"
    hub = plain_hub(tmp_path / "县汇总")
    env = os.environ | {"FIELDAPP_HOME": str(home), "PYTHONIOENCODING": "utf-8"}

    def fieldapp(*argv: object) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "fieldapp", *map(str, argv)], cwd=ROOT, env=env,
            capture_output=True, text=True, encoding="utf-8", timeout=120,
        )  # fmt: skip

    assert fieldapp("hub", "quarantine", "--dir", hub, "--limit-mb", 1).returncode == 0
    sticks = [tmp_path / f"{SECRETS['name']}{SECRETS['id_number']}-{n}.fieldsync" for n in "ab"]
    for stick in sticks:
        stick.write_bytes(os.urandom(700_000))
    done = fieldapp("hub", "import", "--dir", hub, *sticks)
    assert done.returncode == 1, done.stderr
    assert "这个文件未保留" in done.stdout  # the command's own words, as before
    (tmp_path / "stderr.txt").write_text(done.stderr, encoding="utf-8")
    assert_no_clear_text(tmp_path / "stderr.txt")
    assert "not_bundle" not in done.stderr and "Traceback" not in done.stderr
    log = home / "fieldapp.log"
    text = log.read_text(encoding="utf-8")
    assert "WARNING fieldapp.sync" in text and "not_bundle" in text, text  # kept, masked
    assert_no_clear_text(*(p for p in home.rglob("*") if p.is_file()))
    if os.name != "nt":
        assert log.stat().st_mode & 0o077 == 0


#: `fieldapp hub import` with a fault put in — the kind a damaged row or a bug brings — whose
#: message carries a bundle's values, as the command runs it.
FAULTY_IMPORT = f"""
import sys
from fieldapp.cli.main import main
from fieldapp.hub.folder import Hub

def import_files(self, files):
    raise ValueError("{SECRETS["name"]}（{SECRETS["id_number"]}）的账号 {SECRETS["account"]} 不对")

Hub.import_files = import_files
sys.exit(main(sys.argv[1:]))
"""


def test_a_fault_is_one_chinese_line_and_its_traceback_goes_to_the_log(tmp_path: Path) -> None:
    """An error no command foresaw printed Python's traceback on stderr, the exception's text
    (a row's values) in clear; it is said in one Chinese line naming the log, where the
    traceback is, masked."""
    home = tmp_path / "home"
    hub = plain_hub(tmp_path / "县汇总")
    stick = tmp_path / "红星村.fieldsync"
    stick.write_bytes(b"x")
    env = os.environ | {"FIELDAPP_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-c", FAULTY_IMPORT, "hub", "import", "--dir", str(hub), str(stick)],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "ValueError" not in done.stderr, done.stderr
    log = home / "fieldapp.log"
    assert done.stderr.startswith("错误：") and str(log) in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    (tmp_path / "stderr.txt").write_text(done.stderr, encoding="utf-8")
    assert_no_clear_text(tmp_path / "stderr.txt")
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "ValueError" in text and "import_files" in text, text
    assert_no_clear_text(*(p for p in home.rglob("*") if p.is_file()))


def test_a_log_that_cannot_be_opened_stops_no_command_and_leaks_nothing(tmp_path: Path) -> None:
    """fieldapp.log unopenable (here a folder in its place; a read-only data folder, a full
    disk): the command runs and says what it says, its log lines unwritten, not on stderr."""
    home = tmp_path / "home"
    (home / "fieldapp.log").mkdir(parents=True)
    env = os.environ | {"FIELDAPP_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-c", FAULTY_IMPORT, "hub", "import", "--dir",
         str(plain_hub(tmp_path / "县汇总")), str(tmp_path / "x.fieldsync")],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert done.stderr == "错误：程序内部出错，命令没有完成\n", done.stderr


#: The log's limit made tiny (a traceback or two) so that it rotates; put before a script.
TINY_LOG = """
from fieldapp.domain import redact

redact.LOG_MAX_BYTES = 600
"""


def test_the_log_rotates_its_old_files_kept_private_and_masked(tmp_path: Path) -> None:
    """fieldapp.log grew without end (a daily cron `hub import`, years of the desktop) on a
    small disk: past its limit it becomes fieldapp.log.1 (.1 to .2, …), the oldest dropped, each
    its owner's only and masked like the rest."""
    home = tmp_path / "home"
    hub = plain_hub(tmp_path / "县汇总")
    env = os.environ | {"FIELDAPP_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    stick = tmp_path / f"{SECRETS['name']}{SECRETS['id_number']}.fieldsync"
    stick.write_bytes(b"x")
    for _ in range(8):  # each run logs a masked traceback (a few hundred bytes)
        done = subprocess.run(
            [sys.executable, "-c", TINY_LOG + FAULTY_IMPORT, "hub", "import", "--dir",
             str(hub), str(stick)],
            cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
        )  # fmt: skip
        assert done.returncode == 1, done.stderr
    logs = sorted(p.name for p in home.glob("fieldapp.log*"))
    assert logs == ["fieldapp.log", "fieldapp.log.1", "fieldapp.log.2", "fieldapp.log.3"], logs
    for log in home.glob("fieldapp.log*"):
        assert "Traceback" in log.read_text(encoding="utf-8")
        if os.name != "nt":
            assert log.stat().st_mode & 0o077 == 0, log
    assert_no_clear_text(*(p for p in home.rglob("*") if p.is_file()))
