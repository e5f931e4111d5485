#!/usr/bin/env python3
"""One-step set-up for fieldapp: `python3 dev.py run` starts the app, `python3 dev.py test` runs every check.

Both create `.venv/` beside this file on first use and install the project into it, so a fresh
machine with Python 3.11+ needs nothing else.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".fieldapp-installed"


def _requirements_digest() -> str:
    """Hash of pyproject.toml: re-install only when dependencies change."""
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_env() -> None:
    """Create the virtual environment and install fieldapp with its dev tools."""
    if not PY.exists():
        print("正在创建虚拟环境 / creating .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = _requirements_digest()
    if STAMP.exists() and STAMP.read_text() == digest:
        return
    print("正在安装依赖 / installing dependencies …", flush=True)
    subprocess.check_call([str(PY), "-m", "pip", "install", "-q", "--upgrade", "pip"])
    subprocess.check_call([str(PY), "-m", "pip", "install", "-q", "-e", f"{ROOT}[dev]"])
    STAMP.write_text(digest)


def run_tests(extra: list[str]) -> int:
    """ruff, then the whole pytest suite offscreen."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    rc = subprocess.call([str(PY), "-m", "ruff", "check", "fieldapp", "tests", "bench"], cwd=ROOT)
    if rc != 0:
        return rc
    return subprocess.call([str(PY), "-m", "pytest", *extra], cwd=ROOT, env=env)


def main(argv: list[str]) -> int:
    """Entry point: `run [fieldapp args]`, `test [pytest args]` or `bench [args]`."""
    if not argv or argv[0] not in {"run", "test", "bench"}:
        print(__doc__)
        return 2
    ensure_env()
    cmd, rest = argv[0], argv[1:]
    if cmd == "test":
        return run_tests(rest)
    if cmd == "bench":
        return subprocess.call([str(PY), str(ROOT / "bench" / "run.py"), *rest], cwd=ROOT)
    return subprocess.call([str(PY), "-m", "fieldapp", *rest], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
