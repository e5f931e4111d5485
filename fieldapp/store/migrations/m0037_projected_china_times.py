"""Every synced row's created_at and updated_at in China time with +08:00, from its change keys.

The ledger projected a change's time (`hlc.stamp_to_iso`) as this computer's local time with
no zone: a county hub kept in UTC wrote 23:30 on the 4th for a claim made at 07:30 on the 5th
in Guizhou, and what cuts the day or minute from the text (a claim's 申请日期 when its laptop
kept none, a person's first monthly update, 建立时间, a duplicate claim's 录入 time) said the
hub's day. It now writes China time with its offset, as `dates.now_stamp` writes every other
time; this rewrites the rows projected before.

Exact, whatever zone this computer keeps now or kept then: a row's created_at is the time of
the stamp its `_ckey` starts with (the change that created it) and its updated_at that of its
`_ukey` (the last change that set it) — what the projector writes for a new change. A row
with no key (none is written so) keeps the text it has. Set-based: one UPDATE per table, the
time worked out by the database (`hlc.key_to_iso_sql`; PostgreSQL's form in
`store.postgres`), so a 100k-person ledger is rewritten at first start in seconds, not minutes.
Run again, nothing changes.
"""

from __future__ import annotations

import sqlite_utils

from fieldapp.store.hlc import key_to_iso_sql

VERSION = 37

#: Each projected time and the change key it is the time of.
TIMES = (("created_at", "_ckey"), ("updated_at", "_ukey"))


def apply(db: sqlite_utils.Database) -> None:
    """Recompute created_at from `_ckey` and updated_at from `_ukey` in every synced table."""
    for table in db.table_names():
        columns = {c.name for c in db[table].columns}
        if "_heads" not in columns:  # not a projection of the change log
            continue
        for time_column, key in TIMES:
            if {time_column, key} <= columns:
                db.execute(
                    f"UPDATE [{table}] SET {time_column} = {key_to_iso_sql(key)} "
                    f"WHERE {_is_key(key)}"
                )


def _is_key(key: str) -> str:
    """SQL: `key` starts with a stamp ('wall ms' in 13 digits, then '-'), on either backend."""
    return (
        f"{key} IS NOT NULL AND length({key}) > 14 AND substr({key}, 14, 1) = '-' "
        f"AND trim(substr({key}, 1, 13), '0123456789') = ''"
    )
