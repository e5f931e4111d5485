"""The county-wide `policy_packs` table: county packs the hub has signed and published.

The hub writes one row per published version (its id derives from pack id and version, so a
version is published once); every device receives every row. Which pack a device uses, and the
copy it keeps of it, is decided by `fieldapp.services.policy_admin`.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from fieldapp.store.ids import natural_id

TABLE = "policy_packs"
FIELDS = ("pack_id", "version", "seq", "published_at", "text", "signature", "key_id")


def row_id(pack_id: str, version: str) -> str:
    """The row of one published version (the same on every replica)."""
    return natural_id(TABLE, pack_id, version)


def published_rows(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every live published pack, newest publication first."""
    if TABLE not in db.table_names():
        return []
    cursor = db.execute(
        f"SELECT id, {', '.join(FIELDS)} FROM {TABLE} WHERE deleted = 0 "
        "ORDER BY seq DESC, published_at DESC, id"
    )
    names = ["id", *FIELDS]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def next_seq(db: sqlite_utils.Database) -> int:
    """The publication number the next pack gets."""
    row = db.execute(f"SELECT max(seq) FROM {TABLE}").fetchone()
    return int(row[0] or 0) + 1


# -- drafts from the county's devices --------------------------------------------------------

DRAFTS = "policy_drafts"
#: A draft's states: waiting for the hub, published, refused.
PENDING, PUBLISHED, REFUSED = "待签发", "已签发", "退回"


def drafts(db: sqlite_utils.Database, status: str | None = None) -> list[dict[str, Any]]:
    """Drafts (of one status), oldest first, with the device that wrote them."""
    if DRAFTS not in db.table_names():
        return []
    where, params = ("AND status = ?", [status]) if status else ("", [])
    cursor = db.execute(
        "SELECT id, text, note, status, status_note, pack_id, version, created_at, created_by, "
        f"created_device FROM {DRAFTS} WHERE deleted = 0 {where} ORDER BY created_at, id",
        params,
    )
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
