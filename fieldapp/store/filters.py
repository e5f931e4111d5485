"""SQL conditions shared by the store's queries (the one way an area filter is written, the one
way a stored time is ordered)."""

from __future__ import annotations

from fieldapp.domain.areacode import area_prefix, prefix_range


def within_area(column: str, area: str | None) -> tuple[str, list[str]]:
    """`column` inside `area` as (SQL condition, parameters); ('1 = 1', []) when `area` is
    blank (a bare 1 is true to SQLite, but PostgreSQL takes no integer as a condition).

    A range on the code, not `LIKE 'x%'`, so SQLite walks the area index: codes nest by prefix
    (see `fieldapp.domain.areacode`). `column` is a trusted column name, never user input.
    """
    prefix = area_prefix(area)
    if not prefix:
        return "1 = 1", []
    lo, hi = prefix_range(prefix)
    return f"({column} >= ? AND {column} < ?)", [lo, hi]


def as_time(column: str) -> str:
    """SQL ordering a stored time `column` as time (UTC text), not as text.

    A time written with its zone (`dates.now_stamp`: +08:00) is read with it; one written with
    none is this computer's local time (`dates.china_iso` reads it so), as SQLite's 'utc'
    modifier takes it. Compared as text, a row written at 17:00 China time on a UTC clock with
    no zone ('09:00') came after one written at 10:31 with +08:00. Text that is no time is
    NULL (last, newest first). `column` is a trusted column name, never user input.
    """
    return (
        f"CASE WHEN substr({column}, 20) GLOB '*[Z+-]*' THEN datetime({column}) "
        f"ELSE datetime({column}, 'utc') END"
    )
