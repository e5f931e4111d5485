"""A newer build of the .deb installs over the one a laptop has (`apt install ./fieldapp….deb`).

apt replaces an installed package only by a higher version; every build used to be called
0.1.0 (pyproject's), so the county's clerk installing the next build was told "fieldapp is
already the newest version (0.1.0)" and the laptop kept the old program.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.build_script import _build_script

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.skipif(shutil.which("dpkg") is None, reason="dpkg compares Debian versions"),
    pytest.mark.skipif(not (ROOT / ".git").exists(), reason="a git checkout numbers its builds"),
]


def _newer(a: str, b: str) -> bool:
    return subprocess.run(["dpkg", "--compare-versions", a, "gt", b]).returncode == 0


def test_the_next_build_of_the_same_version_installs_over_the_last() -> None:
    build = _build_script()
    version = build.project()["version"]
    this_build = build.deb_version(version)
    assert this_build.startswith(version)
    assert _newer(this_build, version)  # what every earlier build was called
    assert _newer(this_build, build.deb_version(version, "HEAD~1"))  # the build before
