"""The ledger's area tree: every area, for pickers, imports, exports and rosters."""

from __future__ import annotations

from fieldapp.domain.areacode import AreaRow
from fieldapp.domain.places_said import Listed
from fieldapp.store.queries import Source, db_of


def all_areas(source: Source) -> list[AreaRow]:
    """Every live area, ordered by code (so parents come before their children)."""
    rows = db_of(source).execute(
        "SELECT code, name, kind, parent_code FROM areas WHERE deleted = 0 ORDER BY code"
    )
    return [AreaRow(*row) for row in rows.fetchall()]


def listed_places(source: Source) -> Listed:
    """The ledger's areas as `fieldapp.domain.places_said.say_place` reads them: code → its
    live row, None where the ledger does not list it; each code looked up once (a list of many
    rows in a few areas, a refusal naming places), so ask again for a fresh view."""
    rows: dict[str, AreaRow | None] = {}

    def row(code: str) -> AreaRow | None:
        if code not in rows:
            db = db_of(source)  # the ledger's connection when asked (a session may reopen it)
            found = db.execute(
                "SELECT code, name, kind, parent_code FROM areas WHERE deleted = 0 AND code = ?",
                [code],
            ).fetchone()
            rows[code] = AreaRow(*found) if found is not None else None
        return rows[code]

    return row


def area_parts(source: Source, area_prefix: str | None = None) -> list[tuple[str, int]]:
    """The villages and sites (12-digit codes; a household placed higher keeps its own code)
    where the area's households live, with how many households each: the pieces a long list
    over a township or county is worked out in, one after the other."""
    from fieldapp.store.filters import within_area

    inside, params = within_area("area_code", area_prefix)
    rows = db_of(source).execute(
        "SELECT substr(area_code, 1, 12) AS part, count(*) FROM households "
        f"WHERE deleted = 0 AND {inside} GROUP BY part ORDER BY part",
        params,
    )
    return [(str(part), int(n)) for part, n in rows.fetchall()]


def household_areas(source: Source) -> list[str]:
    """Every area code a live household of the ledger is placed at."""
    rows = db_of(source).execute(
        "SELECT DISTINCT area_code FROM households WHERE deleted = 0 AND area_code IS NOT NULL"
    )
    return [str(code) for (code,) in rows.fetchall()]
