"""Smoke-test an installed fieldapp: `python packaging/smoke.py PATH-TO-fieldapp [WORK-DIR]`.

Runs the same walk as the wheel and .deb tests (tests/packaging/cli_flow.py): demo, policy list,
a claim through approval, a batch and `print roster`, then checks the PDF names the person. Used
by the Windows workflow on the installed fieldapp-cli.exe; prints what it did, exits 1 on failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.packaging.cli_flow import demo_policy_roster  # noqa: E402


def main(argv: list[str]) -> int:
    """Walk the command line of the given executable in a work folder."""
    exe = argv[0]
    work = Path(argv[1]) if len(argv) > 1 else Path(tempfile.mkdtemp(prefix="fieldapp-smoke-"))
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONIOENCODING="utf-8")

    def run(args: Sequence[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [exe, *args], cwd=work, env=env, capture_output=True, text=True,
            encoding="utf-8", errors="replace", timeout=300,
        )  # fmt: skip

    roster = work / "roster.pdf"
    seen = demo_policy_roster(run, work / "smoke.db", roster)
    print(f"ok: {seen['name']} · {seen['rule_title']} · {roster} ({roster.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
