"""A normal install works: the wheel carries its data and runs every command from a fresh venv.

The wheel is built from a copy of the sources, installed with the locked runtime dependencies
(requirements/runtime.txt, hash-checked) into a new virtual environment, and run from a folder
outside the checkout, so nothing can be found by accident in the source tree.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.packaging.cli_flow import demo_policy_roster, pdf_text

ROOT = Path(__file__).resolve().parents[2]
UV = Path(sys.executable).with_name("uv.exe" if os.name == "nt" else "uv")

#: Data the program opens at run time; each must be inside the wheel.
PACKAGE_DATA = (
    "fieldapp/resources/fonts/wqy-microhei.ttc",
    "fieldapp/resources/fonts/wqy-microhei.LICENSE.txt",
    "fieldapp/resources/data/guizhou_areas.json",
    "fieldapp/resources/policies/guizhou_2023.toml",
    "fieldapp/resources/translations/fieldapp_en.qm",
    "fieldapp/resources/icons/fieldapp.png",
)


def build_wheel(dest: Path) -> Path:
    """Build fieldapp's wheel from a clean copy of the sources (the checkout stays untouched)."""
    src = dest / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(
        ROOT / "fieldapp", src / "fieldapp", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    # The locked setuptools from this venv builds it: no download, the version the lock names.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--isolated",
            "--disable-pip-version-check",
            "-q",
            "-w",
            str(dest / "dist"),
            str(src),
        ],
        check=True,
    )
    (wheel,) = (dest / "dist").glob("fieldapp-*.whl")
    return wheel


@pytest.mark.timeout(900)
def test_wheel_installs_and_runs_in_a_fresh_venv(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    assert set(PACKAGE_DATA) <= names, set(PACKAGE_DATA) - names
    assert not any(n.startswith(("resources/", "tests/")) for n in names)

    venv = tmp_path / "venv"
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env |= {"QT_QPA_PLATFORM": "offscreen", "FIELDAPP_HOME": str(tmp_path / "home")}
    subprocess.run([str(UV), "venv", "-q", "--python", sys.executable, str(venv)], check=True)
    py = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    # Offline: `dev.py` has just installed every locked distribution with this uv, so its cache
    # holds them all; the test touches no network (a missing one fails here, naming it).
    uv_pip = [str(UV), "pip", "--quiet", "--offline"]
    lock = ROOT / "requirements" / "runtime.txt"
    subprocess.run(
        [*uv_pip, "sync", "--python", str(py), "--require-hashes", str(lock)], check=True, env=env
    )
    subprocess.run(
        [*uv_pip, "install", "--python", str(py), "--no-deps", str(wheel)], check=True, env=env
    )

    work = tmp_path / "elsewhere"
    work.mkdir()
    exe = venv / ("Scripts/fieldapp.exe" if os.name == "nt" else "bin/fieldapp")

    def run(args: Sequence[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(exe), *args], cwd=work, env=env, capture_output=True, text=True, timeout=300
        )

    # The installed copy is the one running, and it reads its data from site-packages.
    where = subprocess.run(
        [str(py), "-c", "import fieldapp.paths as p; print(p.resource('fonts'))"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(venv) and Path(where).is_dir()

    roster = work / "roster.pdf"
    seen = demo_policy_roster(run, work / "ledger.db", roster)
    text = pdf_text(roster)
    assert seen["name"] in text and "花名册" in text
