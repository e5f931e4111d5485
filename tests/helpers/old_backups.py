"""Backups as older programs wrote them, made from a real backup of this one: the header of
format 1 (no `mac`) over pages without the mark a format-2 backup's copy carries."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from fieldapp.store import backup as store_backup
from fieldapp.store.connection import connect
from fieldapp.store.vault import Credentials


def header_and_body(backup: Path) -> tuple[dict[str, Any], bytes]:
    """A backup file's header (as JSON) and its body (the encrypted pages)."""
    data = backup.read_bytes()[len(store_backup.MAGIC) :]
    line, _, body = data.partition(b"\n")
    return json.loads(line), body


def written(path: Path, header: dict[str, Any], body: bytes) -> Path:
    """A backup file of this header and body, as the program writes one."""
    line = json.dumps(header, sort_keys=True).encode("utf-8")
    path.write_bytes(store_backup.MAGIC + line + b"\n" + body)
    return path


def as_format_one(backup: Path, who: Credentials, dest: Path) -> Path:
    """`backup` as a program before the header's `mac` wrote it (`who` opens it): format 1,
    no `mac`, its pages without `SEALED_MARK`, size and checksum its own."""
    header, body = header_and_body(backup)
    keys = store_backup.read_backup(backup).keys
    key = keys.unlock(who.user, who.password)
    pages = dest.with_name(dest.name + ".pages")
    pages.write_bytes(body)
    conn = connect(pages, key, keys.cipher)
    conn.execute("DELETE FROM meta WHERE key = ?", [store_backup.SEALED_MARK])
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    body = pages.read_bytes()
    pages.unlink()
    old = {k: v for k, v in header.items() if k != "mac"}
    old |= {"format": 1, "size": len(body), "sha256": hashlib.sha256(body).hexdigest()}
    return written(dest, old, body)
