"""Keeping PostgreSQL's planner statistics up with a hub's merges.

PostgreSQL plans each query from its tables' statistics, which its autovacuum refreshes only
about a minute after a large change. Right after a county's month-end merge, the answers the
devices then ask for were planned as if the tables were nearly empty: a small village's first
answer took 0.25 s instead of 0.03 s, and 100 devices exchanging over HTTP at once waited
15.7–16.4 s at the 95th percentile instead of 9.8–10.2 s (`bench_hub`, a 100,000-person county,
two pairs back to back; the merge itself takes the analysis's 2 s longer). So after a merge,
when the change log has changed by a tenth of its size since the statistics were last taken, the
hub takes them again at once (`ANALYZE`, which samples each table: about 2 s for that county,
little more for a larger one). PostgreSQL itself counts what changed since
(`n_mod_since_analyze`, this session's counts flushed to it first), so every session of the HTTP
service sees the same count. Analysing during a merge was measured too and does not speed the
merge itself, so a batch of bundles is followed by one check at its end.

SQLite: nothing. The store's queries there carry their own join order (`CROSS JOIN`) and do not
rely on statistics; an `ANALYZE` could only change plans that were measured without it.
"""

from __future__ import annotations

from fieldapp.store.ledger import Ledger
from fieldapp.store.postgres import is_url

#: Fewer changed log rows than this never make the statistics stale (a device's daily bundle).
AT_LEAST = 1000
#: The share of the log's size (as the statistics last counted it) that makes them stale.
SHARE = 0.1

_COUNTS = (
    "SELECT s.n_mod_since_analyze, c.reltuples FROM pg_stat_user_tables s "
    "JOIN pg_class c ON c.oid = s.relid WHERE s.relname = 'changes'"
)


def refresh_if_stale(ledger: Ledger) -> bool:
    """On PostgreSQL, take the planner's statistics again when the change log changed by
    `SHARE` of what they last counted (or by `AT_LEAST` rows when they were never taken);
    True when they were. Call it outside a transaction, after merging."""
    if not is_url(ledger.path):
        return False
    db = ledger.db
    version = int(db.execute("SELECT current_setting('server_version_num')").fetchone()[0])
    if version >= 150000:
        # This session's counts reach the shared statistics only now and then (PostgreSQL
        # 15 and later): a merge just committed would not be counted yet.
        db.execute("SELECT pg_stat_force_next_flush()")
    found = db.execute(_COUNTS).fetchone()
    if found is None:
        return False
    changed, counted = int(found[0]), float(found[1])
    if changed < max(AT_LEAST, SHARE * counted):
        return False
    db.execute("ANALYZE")
    return True
