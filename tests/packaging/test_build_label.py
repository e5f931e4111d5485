"""`fieldapp --version` on an installed .deb named the build: it said "fieldapp 0.2.0" for every
build, while the .deb was 0.2.0+741.g4d5c7dd — the county's clerk asking a village "which build
do you run?" could not tell last month's laptop from this month's. The build writes its label
beside the packaged resources and `--version` reads it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import fieldapp
from tests.packaging.build_script import _build_script

ROOT = Path(__file__).resolve().parents[2]


def _frozen_folder(tmp_path: Path) -> Path:
    """dist/fieldapp as PyInstaller leaves it: the package's resources under _internal."""
    folder = tmp_path / "fieldapp"
    (folder / "_internal" / "fieldapp" / "resources").mkdir(parents=True)
    return folder


def _version_in(folder: Path) -> str:
    """What `fieldapp --version` prints run from that folder (sys._MEIPASS as the frozen
    executable sets it)."""
    code = (
        "import sys\n"
        f"sys._MEIPASS = {str(folder / '_internal')!r}\n"
        "from fieldapp.cli.main import main\n"
        "main(['--version'])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_packaged_program_says_its_build_label(tmp_path: Path) -> None:
    folder = _frozen_folder(tmp_path)
    assert _version_in(folder) == f"fieldapp {fieldapp.__version__}"  # no label: as before
    label = f"{fieldapp.__version__}+741.g4d5c7dd"
    _build_script().write_build_label(folder, label)
    assert _version_in(folder) == f"fieldapp {label}"


def test_a_label_of_another_version_is_not_believed(tmp_path: Path) -> None:
    """A folder upgraded by hand (new program files over an old build's label) says the
    program's own version, not a label that is not its."""
    folder = _frozen_folder(tmp_path)
    _build_script().write_build_label(folder, "0.0.1+3.gdeadbee")
    assert _version_in(folder) == f"fieldapp {fieldapp.__version__}"
