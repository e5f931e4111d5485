"""The command line run in-process as a test drives it: (exit code, out, err), and any
enrolment code it prints kept for the next `enrol` (`tests.codes.keep_code_said`); or in a
process of its own, as a user (`run_as`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.store.vault import Credentials
from tests.codes import keep_code_said

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    keep_code_said(out)
    return code, out, err


def run_as(who: Credentials, *args: str) -> subprocess.CompletedProcess[str]:
    """`fieldapp *args` in a process of its own as `who` (FIELDAPP_USER, FIELDAPP_PASSWORD;
    no terminal), its output kept."""
    env = {
        **os.environ,
        "FIELDAPP_TEST_FAST_KDF": "1",
        "FIELDAPP_USER": who.user,
        "FIELDAPP_PASSWORD": who.password,
    }
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
