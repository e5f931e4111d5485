"""A hanging test fails on pytest-timeout's limit instead of stalling CI (pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_test_has_a_time_limit(request) -> None:
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]
    limit = options["ini_options"]["timeout"]
    assert 60 <= limit <= 600
    assert float(request.config.getini("timeout")) == limit
    assert request.config.getini("timeout_method") == "thread"


def test_a_test_stuck_outside_python_is_ended(tmp_path: Path) -> None:
    # time.sleep in C, like a modal Qt loop: the thread method still ends it.
    (tmp_path / "test_hang.py").write_text("import time\n\ndef test_hang():\n    time.sleep(600)\n")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), "-o", "timeout=2",
         "-p", "no:cacheprovider", "--rootdir", str(tmp_path), str(tmp_path / "test_hang.py")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode != 0
    assert "Timeout" in done.stdout + done.stderr and "test_hang" in done.stdout + done.stderr
    assert time.monotonic() - started < 100
