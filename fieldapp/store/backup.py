"""Backups of a ledger file with SQLite's online backup API (safe while the ledger is open)."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from fieldapp.domain.errors import FieldappError
from fieldapp.domain.progress import Progress


class BackupError(FieldappError):
    """A backup could not be made or restored; the message says why."""


def backup_name(ledger_path: str | Path, when: dt.datetime | None = None) -> str:
    """'ledger-备份-20261123-1405.db' for a ledger file."""
    when = when or dt.datetime.now()
    return f"{Path(ledger_path).stem}-备份-{when:%Y%m%d-%H%M%S}.db"


def backup_to(conn: sqlite3.Connection, dest: str | Path, progress: Progress | None = None) -> Path:
    """Copy the open ledger into `dest` page by page; the live file is never locked for long."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".part")
    target = sqlite3.connect(str(partial))
    try:

        def _step(_status: int, remaining: int, total: int) -> None:
            if progress:
                progress(total - remaining, total)

        conn.backup(target, pages=256, progress=_step)
        check = target.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise BackupError(f"备份文件校验失败：{check}")
    finally:
        target.close()
    partial.replace(dest)
    return dest


def check_backup(path: str | Path) -> dict[str, int]:
    """Open a backup read-only and count what it holds; raise BackupError if it is not a ledger."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"找不到备份文件 {path}")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupError(f"备份文件 {path.name} 已损坏")
            persons = conn.execute("SELECT count(*) FROM persons WHERE deleted = 0").fetchone()[0]
            changes = conn.execute("SELECT count(*) FROM changes").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"文件 {path.name} 不是台账备份：{error}") from None
    return {"persons": int(persons), "changes": int(changes)}


def restore_from(backup: str | Path, ledger_path: str | Path) -> Path:
    """Replace a (closed) ledger file by a backup; the old file is kept beside it first.

    Returns the path where the replaced ledger was kept.
    """
    check_backup(backup)
    ledger_path = Path(ledger_path)
    kept = ledger_path.with_name(backup_name(ledger_path).replace("备份", "恢复前"))
    if ledger_path.exists():
        source = sqlite3.connect(str(ledger_path))
        try:
            backup_to(source, kept)
        finally:
            source.close()
    for suffix in ("-wal", "-shm"):
        Path(str(ledger_path) + suffix).unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{Path(backup)}?mode=ro", uri=True)
    try:
        backup_to(src, ledger_path.with_name(ledger_path.name + ".restore"))
    finally:
        src.close()
    shutil.move(str(ledger_path.with_name(ledger_path.name + ".restore")), str(ledger_path))
    return kept
