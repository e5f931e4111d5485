"""Search words read names the usual way first (issue 18).

A name's pinyin words now come in two kinds: those of its usual reading, and those of rarer
readings of its characters marked `fieldapp.store.pinyin.RARE`, which the search ranks after
every usual match (at 100k persons "wjt" found 26 of its first 50 only through 超 read tiao).
The words are a derived column: this recomputes them for the persons already in the ledger
(the full-text index follows through its update trigger).
"""

from __future__ import annotations

import sqlite_utils

from fieldapp.store.pinyin import search_words

VERSION = 21
BATCH = 5000


def apply(db: sqlite_utils.Database) -> None:
    """Recompute every person's search words, in batches (a hub on PostgreSQL keeps no search
    index: people are searched on devices)."""
    if "person_words" not in db.table_names():
        return
    last = 0
    while True:
        rows = db.execute(
            "SELECT rowid, name, search_words FROM persons WHERE rowid > ? ORDER BY rowid LIMIT ?",
            [last, BATCH],
        ).fetchall()
        if not rows:
            return
        changed = [
            (words, rowid)
            for rowid, name, old in rows
            if (words := search_words(name or "")) != old
        ]
        if changed:
            db.conn.executemany("UPDATE persons SET search_words = ? WHERE rowid = ?", changed)
        last = rows[-1][0]
