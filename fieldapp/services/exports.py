"""The export log (issue 16): every file of personal data written out is recorded like a print.

Exports are clear by nature (they go to paper and to the county). The dialogs and commands say
so (`PERSONAL_DATA_NOTE`), and each export is logged — who (the logged-in user) and on which
device (the row's attribution), what, how many people, when, and the SHA-256 of the file, so a
spreadsheet found later can be matched to the export that made it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from fieldapp.paths import make_private
from fieldapp.store import users as store
from fieldapp.store.ledger import Ledger

#: Said by every export and print dialog, and by the export commands.
PERSONAL_DATA_NOTE = "含个人信息，请妥善保管"


def file_hash(path: str | Path) -> str:
    """SHA-256 of a file, in hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def record_export(
    ledger: Ledger,
    kind: str,
    path: str | Path,
    persons: int,
    rows: int | None = None,
    area_code: str | None = None,
) -> str:
    """Log one export that has been written to `path`; returns the log row's id.

    The file is made readable by its owner only (0600 on Linux) whatever the process's umask:
    the command line sets 077 for itself, but an export must not rely on how it was started."""
    make_private(path)
    return store.log_export(
        ledger,
        kind,
        Path(path).name,
        file_hash(path),
        persons,
        persons if rows is None else rows,
        area_code,
    )


def export_log(ledger: Ledger, limit: int = 200) -> list[dict[str, Any]]:
    """The latest exports, newest first (JSON keys: id, kind, file_name, file_hash, persons,
    rows, area_code, exported_at, user, device)."""
    return store.export_log(ledger.db, limit)
