"""A scripted start (FIELDAPP_QUIT_AFTER_START, as packaging's smoke tests use it) logs in from
the environment, and never waits on a login screen nobody will fill in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

USER = {"FIELDAPP_USER": "测试员", "FIELDAPP_PASSWORD": "scripted-Start-2026"}


def start(db: Path, home: Path, extra: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FIELDAPP_")}
    env.update(QT_QPA_PLATFORM="offscreen", FIELDAPP_HOME=str(home), **extra)
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", "--db", str(db), *args],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_a_scripted_start_logs_in_from_the_environment_or_stops_at_once(tmp_path):
    db = tmp_path / "ledger.db"
    made = start(db, tmp_path, USER, "demo", "--persons", "20")
    assert made.returncode == 0, made.stderr
    assert not db.read_bytes().startswith(b"SQLite format 3")  # encrypted with that user

    quit_after = {"FIELDAPP_QUIT_AFTER_START": "1"}
    opened = start(db, tmp_path, {**quit_after, **USER})
    assert opened.returncode == 0, opened.stderr

    # No user in the environment: a sentence and exit 1 at once, not a login screen forever.
    alone = start(db, tmp_path, quit_after)
    assert alone.returncode == 1
    assert "用户名和口令" in alone.stderr

    # A wrong password is refused, not waited on either.
    wrong = start(db, tmp_path, {**quit_after, **USER, "FIELDAPP_PASSWORD": "wrong-Password-1"})
    assert wrong.returncode != 0
