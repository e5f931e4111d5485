"""SQL conditions shared by the store's queries (the one way an area filter is written)."""

from __future__ import annotations

from fieldapp.domain.areacode import area_prefix, prefix_range


def within_area(column: str, area: str | None) -> tuple[str, list[str]]:
    """`column` inside `area` as (SQL condition, parameters); ('1', []) when `area` is blank.

    A range on the code, not `LIKE 'x%'`, so SQLite walks the area index: codes nest by prefix
    (see `fieldapp.domain.areacode`). `column` is a trusted column name, never user input.
    """
    prefix = area_prefix(area)
    if not prefix:
        return "1", []
    lo, hi = prefix_range(prefix)
    return f"({column} >= ? AND {column} < ?)", [lo, hi]
