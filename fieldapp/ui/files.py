"""Where file dialogs open: the folder last used for the user's own files (exports, imports,
PDFs, packs, enrolment files), remembered in the settings; before any, the user's documents
folder. Before, a dialog given no folder opened in the app's working folder (the program's
own folder when started from its shortcut), a place no coordinator keeps her files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from fieldapp.ui import prefs

_KEY = "last_folder"


def documents() -> Path:
    """The user's documents folder (their home when the system names none that exists)."""
    where = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(where) if where and Path(where).is_dir() else Path.home()


def start_folder() -> Path:
    """The folder last used, while it still exists (a USB drive taken out: documents)."""
    last = prefs.get(_KEY, "")
    return Path(last) if last and Path(last).is_dir() else documents()


def start_at(name: str = "") -> str:
    """What to give a file dialog as its start: `name` (a file name to suggest) in the start
    folder, or the folder itself."""
    folder = start_folder()
    return str(folder / name) if name else str(folder)


def used(path: str) -> str:
    """Remember the folder of the file (or the folder) the user chose; returns `path`."""
    if path:
        chosen = Path(path)
        prefs.put(_KEY, str(chosen if chosen.is_dir() else chosen.parent))
    return path
