"""A slip of the keyboard: a command's `--out` naming the ledger or its key file
(`rosters --out ledger.db`, `backup --out ledger.db.keys`). The file was replaced by the
workbook or the backup and the ledger was gone; it is refused and nothing changes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENV = {"FIELDAPP_TEST_FAST_KDF": "1", "FIELDAPP_USER": "李芳", "FIELDAPP_PASSWORD": "村里的口令1"}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", *args],
        cwd=ROOT,
        env={**os.environ, **ENV},
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("made") / "ledger.db"
    done = run("--db", str(db), "demo", "--persons", "20", "--seed", "4")
    assert done.returncode == 0, done.stderr
    return db


COMMANDS = {
    "rosters": ["rosters", "--area", "52", "--out"],
    "monthly report": ["report", "monthly", "--month", "2026-11", "--out"],
    "backup": ["backup", "--out"],
}


@pytest.mark.parametrize("target", ["ledger.db", "ledger.db.keys"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_result_is_not_saved_over_the_ledger_or_its_key_file(
    made: Path, tmp_path: Path, command: str, target: str
) -> None:
    db = tmp_path / "ledger.db"
    for name in ("ledger.db", "ledger.db.keys"):
        (tmp_path / name).write_bytes((made.parent / name).read_bytes())
    # The test's own data folder (FIELDAPP_HOME, `tmp_path / "home"`) may already be there: a
    # CI run found it made before the copy, by a thread of an earlier test on the same worker.
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}

    done = run("--db", str(db), *COMMANDS[command], str(tmp_path / target))

    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "毁掉台账" in done.stderr and "另取一个文件名" in done.stderr, done.stderr
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name in before} == before
    listed = run("--db", str(db), "user", "list")
    assert listed.returncode == 0 and "李芳" in listed.stdout, listed.stderr


def test_a_plain_ledger_is_not_saved_over_either(tmp_path: Path) -> None:
    db = tmp_path / "plain.db"
    plain = subprocess.run(
        [sys.executable, "-m", "fieldapp", "--db", str(db), "demo", "--persons", "5"],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if not k.startswith("FIELDAPP_")},
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )
    assert plain.returncode == 0, plain.stderr
    before = db.read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "fieldapp", "--db", str(db), "rosters", "--area", "52",
         "--out", str(db)],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if not k.startswith("FIELDAPP_")},
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )  # fmt: skip
    assert done.returncode != 0 and "毁掉台账" in done.stderr, done.stderr
    assert db.read_bytes() == before
