"""The ledger's area tree: every area, for pickers, imports, exports and rosters."""

from __future__ import annotations

from fieldapp.domain.areacode import AreaRow
from fieldapp.store.queries import Source, db_of


def all_areas(source: Source) -> list[AreaRow]:
    """Every live area, ordered by code (so parents come before their children)."""
    rows = db_of(source).execute(
        "SELECT code, name, kind, parent_code FROM areas WHERE deleted = 0 ORDER BY code"
    )
    return [AreaRow(*row) for row in rows.fetchall()]
