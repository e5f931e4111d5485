"""Where things live: the user's data folder, the default ledger, bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "fieldapp"


def data_dir() -> Path:
    """The user's data folder (FIELDAPP_HOME overrides it, e.g. for tests)."""
    override = os.environ.get("FIELDAPP_HOME")
    path = (
        Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_ledger_path() -> Path:
    """The ledger the app opens when none is named."""
    return data_dir() / "ledger.db"


def resources_dir() -> Path:
    """The bundled `resources/` folder, also when frozen by PyInstaller."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """A file under `resources/`."""
    return resources_dir().joinpath(*parts)
