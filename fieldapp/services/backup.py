"""Backups of the open ledger and restoring one (the file is copied while the ledger is open)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.domain.progress import Progress
from fieldapp.store import backup as _store_backup

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger

backup_name = _store_backup.backup_name
check_backup = _store_backup.check_backup
restore_from = _store_backup.restore_from
BackupError = _store_backup.BackupError


def back_up(ledger: Ledger, dest: str | Path, progress: Progress | None = None) -> Path:
    """Copy `ledger` into `dest` page by page (SQLite's online backup); returns the file."""
    return _store_backup.backup_to(ledger.db.conn, dest, progress)
