"""Restoring a backup while another program has the ledger open (the desktop app left running,
the clerk restoring from a terminal): refused, nothing changed, the app's later work kept; a
ledger left behind by a crash still restores (issue 16)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fieldapp.services import backup as backups
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials
from tests.helpers.cli import ROOT, run_as

LI = Credentials("李芳", "村里的口令1")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_as(LI, *args)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.endswith("-shm")}


def test_a_restore_is_refused_while_the_desktop_app_has_the_ledger_open(tmp_path: Path) -> None:
    # The ledger's own folder: the program's home (FIELDAPP_HOME, tmp_path/home) takes its log.
    village = tmp_path / "村"
    village.mkdir()
    path = village / "ledger.db"
    backup = village / "备份.fieldbackup"
    app = Ledger.open(path, credentials=LI)  # the desktop app, left open
    app.set_meta("note", "备份之前")
    backups.back_up(app, backup)
    app.set_meta("note", "备份之后")
    before = _files(village)

    done = run("--db", str(path), "restore", str(backup))

    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "另一个程序" in lines[0] and "关闭" in lines[0], done.stderr
    assert _files(village) == before  # nothing replaced, nothing kept beside it
    app.set_meta("later", "恢复失败之后的工作")  # the app goes on, and its work is kept
    app.close()
    again = Ledger.open(path, credentials=LI)
    assert (again.get_meta("note"), again.get_meta("later")) == ("备份之后", "恢复失败之后的工作")
    again.close()


def test_a_ledger_left_by_a_crash_still_restores(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    backup = tmp_path / "备份.fieldbackup"
    first = Ledger.open(path, credentials=LI)
    first.set_meta("note", "备份之前")
    backups.back_up(first, backup)
    first.close()
    crash = (
        "import os\n"
        "os.environ['FIELDAPP_TEST_FAST_KDF'] = '1'\n"
        "from fieldapp.store.ledger import Ledger\n"
        "from fieldapp.store.vault import Credentials\n"
        f"ledger = Ledger.open({str(path)!r}, credentials=Credentials('李芳', '村里的口令1'))\n"
        "ledger.set_meta('note', '崩溃之前')\n"
        "os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", crash], cwd=ROOT, timeout=120, check=False)
    assert Path(f"{path}-shm").exists()  # what a crash leaves: the log and its index

    done = run("--db", str(path), "restore", str(backup))

    assert done.returncode == 0, done.stderr
    restored = Ledger.open(path, credentials=LI)
    assert restored.get_meta("note") == "备份之前"
    restored.close()
