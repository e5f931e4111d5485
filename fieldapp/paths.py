"""Where things live: the user's data folder, the default ledger, bundled resources."""

from __future__ import annotations

import atexit
import os
import stat
import sys
from contextlib import ExitStack
from functools import cache
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "fieldapp"


def data_dir() -> Path:
    """The user's data folder (FIELDAPP_HOME overrides it, e.g. for tests).

    The default one is the app's own and made private even when it exists: the first wave
    created it readable by every user of the computer, with its clear backups inside."""
    override = os.environ.get("FIELDAPP_HOME")
    path = (
        Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    )
    private_dir(path)
    if not override:
        make_private(path)
    return path


def default_ledger_path() -> Path:
    """The ledger the app opens when none is named."""
    return data_dir() / "ledger.db"


@cache
def resources_dir() -> Path:
    """The package data folder `fieldapp/resources/` as a real directory on disk.

    It travels inside the package, so a wheel, an editable install, a source checkout and a
    PyInstaller folder (which collects it as `fieldapp/resources`) all find it the same way.
    Callers get a real `Path` because Qt and ReportLab open font files by name; should the package
    ever be imported from a zip, `importlib.resources.as_file` unpacks the folder once for the
    life of the process.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "fieldapp" / "resources"
    folder = resources.files("fieldapp").joinpath("resources")
    if isinstance(folder, Path):
        return folder
    stack = ExitStack()
    atexit.register(stack.close)
    return Path(stack.enter_context(resources.as_file(folder)))


def resource(*parts: str) -> Path:
    """A file under `fieldapp/resources/`, e.g. `resource("fonts", "wqy-microhei.ttc")`."""
    return resources_dir().joinpath(*parts)


#: The file a packaged build carries among its resources: the build's label, the .deb's
#: version (0.2.0+741.g4d5c7dd), written there by packaging/build.py.
BUILD_LABEL = "build-label.txt"


def build_label() -> str:
    """This program's version as its build is labelled (`fieldapp --version`): the packaged
    build's label, else `__version__` — from a source tree, or when the label names another
    version (program files copied over an older build). Devices report it beside
    `__version__` (`sync.bundle.About`)."""
    from fieldapp import __version__

    try:
        label = resource(BUILD_LABEL).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return __version__
    return label if label.startswith(f"{__version__}+") else __version__


def private_dir(path: Path) -> None:
    """Create a folder only its owner may enter (0700 on Linux; a user profile on Windows)."""
    if path.exists():
        return
    path.mkdir(parents=True, exist_ok=True, mode=0o700)


def make_private(path: str | Path) -> None:
    """Make an existing file readable by its owner only (a file system without modes is left)."""
    if os.name == "nt":
        return
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        if mode & 0o077:
            os.chmod(path, mode & 0o700)
    except OSError:
        pass  # FAT sticks keep no modes
