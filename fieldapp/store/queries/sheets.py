"""The exported workbook's sheets as rows of cells, one query per sheet (the export's SQL).

Each query returns a sheet's cells in the order the caller names them, already as the cells are
written, so the export hands rows to the spreadsheet writer with no Python per cell (at 100 000
persons, formatting cell by cell in Python cost as much as the writer itself):

- dates are Excel day numbers (days since 1899-12-30, with Excel's phantom 1900-02-29 counted),
  which the workbook shows with a date format;
- flags are the sheet's words for yes and no (`Words`);
- a person's categories are one cell, 脱贫人口（2016-12-31）、农村低保对象 (the notation the import
  reads back, see `tabular.ledger_import`);
- area names are each level's name above the household's area, nearest first.

Columns are named by the sheet's column keys (`fieldapp.tabular.columns`); a key the sheet does
not have is a programming error and raises, so no caller's text reaches the SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

from fieldapp.domain.enums import AreaKind, ServiceType
from fieldapp.store.filters import within_area
from fieldapp.store.queries import Source, db_of
from fieldapp.store.queries.persons import HOUSEHOLD_HELD, HOUSEHOLD_HELD_ALONE

#: Rows fetched at a time: the export reports progress (and hears a cancel) once per batch.
BATCH = 2000

Row = tuple[Any, ...]


@dataclass(frozen=True)
class Words:
    """The words a sheet writes for flags and choices (the caller's, so import reads them)."""

    yes: str
    no: str
    employed: str
    whole_household: str
    self_only: str
    separator: str = "、"


def _day(column: str) -> str:
    """An ISO date column as an Excel day number (null stays null, as does a non-date)."""
    # julianday('1899-12-30') = 2415018.5; Excel counts a 29 February 1900 that never was, so
    # its numbers for days before 1 March 1900 are one less than the plain count.
    return f"(julianday({column}) - 2415018.5 - ({column} < '1900-03-01'))"


def _flag(column: str) -> str:
    """A stored 0/1 as the sheet's yes or no word (null stays blank)."""
    return f"CASE WHEN {column} THEN :yes WHEN {column} IS NOT NULL THEN :no END"


#: Each area level's name above an area, nearest first: a level named twice on the way up
#: (a group inside a group) takes the nearer one. The area table is small (a county's few
#: thousand), so this is read once per export; the levels' keys are `_LEVELS`' values.
_LEVELS = {
    AreaKind.COUNTY: "county",
    AreaKind.TOWNSHIP: "township",
    AreaKind.VILLAGE: "village",
    AreaKind.GROUP: "grp",
    AreaKind.SITE: "site",
    AreaKind.BUILDING: "building",
}
_AREA_LEVELS = (
    "WITH RECURSIVE up(code, above, depth) AS ("
    " SELECT code, code, 0 FROM areas WHERE deleted = 0"
    " UNION ALL"
    " SELECT up.code, a.parent_code, up.depth + 1 FROM up"
    " JOIN areas a ON a.code = up.above AND a.deleted = 0"
    " WHERE a.parent_code IS NOT NULL AND up.depth < 12),"
    " nearest AS (SELECT up.code, a.kind, a.name, min(up.depth) FROM up"
    " JOIN areas a ON a.code = up.above AND a.deleted = 0 GROUP BY up.code, a.kind),"
    " levels AS (SELECT code, "
    + ", ".join(
        f"max(CASE kind WHEN '{kind.value}' THEN name END) AS {key}"
        for kind, key in _LEVELS.items()
    )
    + " FROM nearest GROUP BY code) "
)

#: The ledger sheet: per column key, its cell. `p` the person, `h` the household, `hp` its head,
#: `l` the area levels, `s` the job the person holds on the export day (latest start first).
LEDGER_CELLS: dict[str, str] = {
    "name": "p.name",
    "id_number": "p.id_number",
    "head_id_number": "hp.id_number",
    "head_name": "hp.name",
    "sex": "p.sex",
    "relation": "p.relation",
    "phone": "p.phone",
    "categories": (
        "(SELECT group_concat(c, :separator) FROM (SELECT category || CASE"
        " WHEN start_date IS NULL AND end_date IS NULL THEN ''"
        " ELSE '（' || ifnull(start_date, '') || ifnull('~' || end_date, '') || '）' END AS c"
        " FROM person_categories WHERE person_id = p.id AND deleted = 0"
        " ORDER BY start_date, rowid))"
    ),
    "labour_ability": "p.labour_ability",
    "health": "p.health",
    "education": "p.education",
    "graduation_year": "p.graduation_year",
    "left_school_month": "p.left_school_month",
    "county": "l.county",
    "township": "l.township",
    "village": "l.village",
    "group": "l.grp",
    "site": "l.site",
    "building": "l.building",
    "area_code": "h.area_code",
    "address": "h.address",
    "household_no": "h.household_no",
    "household_notes": "h.notes",
    "hukou_code": "p.hukou_code",
    # Employed when a job runs on the export day, else the latest month's status.
    "work_status": (
        "CASE WHEN s.id IS NOT NULL THEN :employed ELSE (SELECT status FROM monthly_status m"
        " WHERE m.person_id = p.id AND m.deleted = 0 ORDER BY m.month DESC LIMIT 1) END"
    ),
    "month_status": "NULL",  # the update sheet's column: an export leaves it for the village
    "form": "s.form",
    "workplace": "s.place_name",
    "workplace_code": "s.place_code",
    "employer": "s.employer",
    "employer_kind": "s.employer_kind",
    "start_date": _day("s.start_date"),
    "monthly_income": "s.monthly_income",
    "contract_months": "s.contract_months",
    "insurance_months": "s.insurance_months",
    "organized_export": "CASE WHEN s.organized_export THEN :yes END",
    "export_agency": "s.export_agency",
    "account_bank": "p.account_bank",
    "account_number": "p.account_number",
    "notes": "p.notes",
}

_LEDGER_FROM = (
    "FROM persons p"
    " LEFT JOIN households h ON h.id = p.household_id"
    " LEFT JOIN persons hp ON hp.id = h.head_person_id"
    " LEFT JOIN levels l ON l.code = h.area_code"
    " LEFT JOIN employment_spells s ON s.rowid = (SELECT x.rowid FROM employment_spells x"
    " WHERE x.person_id = p.id AND x.deleted = 0 AND x.start_date <= :today"
    " AND (x.end_date IS NULL OR x.end_date >= :today)"
    " ORDER BY x.start_date DESC, x.rowid DESC LIMIT 1)"
    f" WHERE p.deleted = 0 AND {HOUSEHOLD_HELD}"
)
#: Household by household (in area order), the head first: how a village keeps its 台账.
_LEDGER_ORDER = " ORDER BY h.area_code, h.rowid, p.relation != '户主', p.rowid"


#: The most characters an Excel cell holds; the spreadsheet writer refuses a longer text, and
#: with it the whole export.
EXCEL_CELL_CHARS = 32767
#: What a cut text ends with.
CUT_MARK = "……（超出 Excel 单元格 32767 字的上限，以下从略；全文在台账中）"
#: The cells that hold free text, of any length the desktop app or a sync let in (the others
#: are numbers, dates, codes, choices and names the entry rules keep short).
FREE_TEXT = frozenset(
    {
        "notes",
        "household_notes",
        "address",
        "household_no",
        "phone",
        "education",
        "employer",
        "workplace",
        "export_agency",
        "account_bank",
        "visitor",
        "outcome",
        "training_kind",
    }
)


def _capped(column: str) -> str:
    """A free-text column, cut with `CUT_MARK` where longer than an Excel cell holds."""
    keep = EXCEL_CELL_CHARS - len(CUT_MARK)
    return (
        f"CASE WHEN length({column}) > {EXCEL_CELL_CHARS}"
        f" THEN substr({column}, 1, {keep}) || '{CUT_MARK}' ELSE {column} END"
    )


def _select(cells: dict[str, str], keys: Sequence[str], as_json: bool = False) -> str:
    """The cells `keys` name, or (`as_json`) one cell holding them as a JSON array, in UTF-8
    bytes (a blob: the export passes it on as it is, where text was decoded only to be encoded
    again, 0.2–0.4 s of 2 at 100,000 persons). Free text longer than an Excel cell holds is cut
    (`_capped`)."""
    unknown = [key for key in keys if key not in cells]
    if unknown:
        raise ValueError(f"no such column: {unknown}")
    listed = ", ".join(_capped(cells[key]) if key in FREE_TEXT else cells[key] for key in keys)
    return f"CAST(json_array({listed}) AS BLOB)" if as_json else listed


def _batches(source: Source, sql: str, params: dict[str, Any]) -> Iterator[list[Row]]:
    cursor = db_of(source).conn.execute(sql, params)
    while batch := cursor.fetchmany(BATCH):
        yield batch


def _params(words: Words, area: str | None) -> tuple[str, dict[str, Any]]:
    """The area condition on `h.area_code` and the named parameters every sheet binds."""
    inside, bounds = within_area("h.area_code", area)
    if bounds:
        inside = inside.replace("?", ":area_lo", 1).replace("?", ":area_hi", 1)
    params: dict[str, Any] = {
        "yes": words.yes,
        "no": words.no,
        "employed": words.employed,
        "whole": words.whole_household,
        "self": words.self_only,
        "separator": words.separator,
        "training": ServiceType.TRAINING.value,
    }
    params |= dict(zip(("area_lo", "area_hi"), bounds, strict=True)) if bounds else {}
    return inside, params


def count_persons(source: Source, area: str | None = None) -> int:
    """How many live persons the ledger sheet of an export of `area` (or everything) holds."""
    if not area:  # no household joined to count them all: only whether it is held asked
        sql = f"SELECT count(*) FROM persons p WHERE p.deleted = 0 AND {HOUSEHOLD_HELD_ALONE}"
        return int(db_of(source).execute(sql).fetchone()[0])
    inside, bounds = within_area("h.area_code", area)
    sql = (
        "SELECT count(*) FROM persons p LEFT JOIN households h ON h.id = p.household_id "
        f"WHERE p.deleted = 0 AND {HOUSEHOLD_HELD} AND {inside}"
    )
    return int(db_of(source).execute(sql, bounds).fetchone()[0])


def ledger_sheet(
    source: Source,
    keys: Sequence[str],
    words: Words,
    today: dt.date,
    area: str | None = None,
    as_json: bool = False,
) -> Iterator[list[Row]]:
    """Batches of the ledger sheet's rows: per live person the cells `keys` name, in order.

    `as_json`: each row is one cell, its cells as a JSON array made by SQLite, in UTF-8 bytes
    (`json.loads` gives back values equal to the plain row's: SQLite writes every REAL with the
    digits it needs to round-trip). The export's writer process takes the rows this way: no
    Python object per cell is made on this side of the pipe.

    A large sheet is read in two queries, a first slice of its households and the rest
    (`_slices`): a query works out and sorts all its rows before giving the first, so one query
    for the whole ledger kept the export's writer waiting (0.6–0.8 s at 100,000 persons); the
    first slice keeps it busy while the rest is sorted, for about the same work in all.
    """
    inside, params = _params(words, area)
    params["today"] = today.isoformat()
    cells = _select(LEDGER_CELLS, keys, as_json)
    return chain.from_iterable(
        _batches(
            source,
            f"{_AREA_LEVELS}SELECT {cells} {_LEDGER_FROM} AND {inside} AND {part}{_LEDGER_ORDER}",
            params | bounds,
        )
        for part, bounds in _slices(source, inside, params)
    )


#: About how many households the ledger sheet's first slice holds (see `ledger_sheet`).
FIRST_SLICE = 4 * BATCH


def _slices(
    source: Source, inside: str, params: dict[str, Any]
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Conditions that split the ledger sheet into a first slice of about `FIRST_SLICE`
    households and the rest, in the sheet's order (sorted by area code first), with their
    bounds; a sheet with fewer households is one query.

    The two take in every person: an area code that appears while the sheet is read, and a
    person without a household (sorted first, as the one query sorted them). They are written
    on `coalesce(...)` on purpose: a plain range on `h.area_code` turns the left join into an
    inner one and SQLite then reads persons household by household through the area index,
    scattered over the table (1.3 s for the rest of 100,000 against 0.8 s reading every person).
    """
    codes = db_of(source).execute(
        f"SELECT h.area_code, count(*) FROM households h WHERE h.deleted = 0 AND {inside}"
        " GROUP BY h.area_code ORDER BY h.area_code",
        params,
    )
    held = 0
    for code, households in codes:
        if held >= FIRST_SLICE:
            yield "coalesce(h.area_code, '') < :slice", {"slice": code}
            yield "coalesce(h.area_code, '') >= :slice", {"slice": code}
            return
        held += households
    yield "1 = 1", {}


#: The fact sheets: per sheet, its rows (`t` the fact, `p` the person, `h` the household) and
#: per column key its cell. Rows come household by household as on the ledger sheet, each
#: person's in the order they were recorded.
_PERSON = {"name": "p.name", "id_number": "p.id_number"}
#: A fact's person as the ledger sheet lists them (`HOUSEHOLD_HELD`): another village's person
#: the device holds (offered to it, or kept since) brings no row to any sheet.
_OF_PERSON = (
    " JOIN persons p ON p.id = t.person_id AND p.deleted = 0"
    f" LEFT JOIN households h ON h.id = p.household_id WHERE t.deleted = 0 AND {HOUSEHOLD_HELD}"
)
_FACT_ORDER = " ORDER BY h.area_code, h.rowid, p.rowid, t.rowid"


@dataclass(frozen=True)
class _Sheet:
    rows: str
    cells: dict[str, str]
    #: A sheet whose row gathers several records: its GROUP BY and the order of its groups.
    group: str = ""
    order: str = _FACT_ORDER


FACT_SHEETS: dict[str, _Sheet] = {
    "employment_spells": _Sheet(
        "FROM employment_spells t" + _OF_PERSON,
        _PERSON
        | {
            "start_date": _day("t.start_date"),
            "end_date": _day("t.end_date"),
            "workplace": "t.place_name",
            "workplace_code": "t.place_code",
            "form": "t.form",
            "employer": "t.employer",
            "employer_kind": "t.employer_kind",
            "monthly_income": "t.monthly_income",
            "contract_months": "t.contract_months",
            "insurance_months": "t.insurance_months",
            "organized_export": _flag("t.organized_export"),
            "export_agency": "t.export_agency",
            "is_first_export": _flag("t.is_first_export"),
            "is_casual": _flag("t.is_casual"),
            "training_days": "t.training_days",
        },
    ),
    "unemployment_registrations": _Sheet(
        "FROM unemployment_registrations t" + _OF_PERSON,
        _PERSON
        | {
            "found_date": _day("t.found_date"),
            "registered_date": _day("t.registered_date"),
            "unemployment_class": "t.unemployment_class",
            "ended_date": _day("t.ended_date"),
        },
    ),
    # A training is a 职业培训 service given outside a visit; its first day is the service's.
    "trainings": _Sheet(
        "FROM services t" + _OF_PERSON + " AND t.service_type = :training AND t.visit_id IS NULL",
        _PERSON
        | {
            "training_kind": "t.training_kind",
            "start_date": _day("t.service_date"),
            "end_date": _day("t.end_date"),
            "training_days": "t.training_days",
            "outcome": "t.outcome",
            "notes": "t.notes",
        },
    ),
    # A visit to one person, or to the whole household (named by its head), with the services
    # given on it (in the order they were recorded); services given without a visit are
    # `lone_services`.
    "visits": _Sheet(
        "FROM visits t"
        " LEFT JOIN (SELECT visit_id, group_concat(service_type, :separator ORDER BY rowid)"
        " AS kinds FROM services WHERE deleted = 0 AND visit_id IS NOT NULL GROUP BY visit_id) k"
        " ON k.visit_id = t.id"
        " JOIN persons p ON p.id = coalesce(t.person_id,"
        " (SELECT head_person_id FROM households WHERE id = t.household_id)) AND p.deleted = 0"
        f" LEFT JOIN households h ON h.id = p.household_id WHERE t.deleted = 0 AND {HOUSEHOLD_HELD}",
        _PERSON
        | {
            "visit_date": _day("t.visit_date"),
            "service_types": "k.kinds",
            "visited": ":yes",
            "whole_household": "CASE WHEN t.person_id IS NULL THEN :whole ELSE :self END",
            "visitor": "t.visitor",
            "notes": "t.notes",
            "outcome": "t.outcome",
        },
    ),
    # Services given without a visit (trainings apart) as rows of the visits sheet marked not
    # visited: one row per person, day, notes and outcome naming every service given then, so
    # none is lost and an import gives back the same services. Groups come in the order of
    # their first service.
    "lone_services": _Sheet(
        "FROM services t" + _OF_PERSON + " AND t.visit_id IS NULL AND t.service_type != :training",
        _PERSON
        | {
            "visit_date": _day("t.service_date"),
            "service_types": "group_concat(t.service_type, :separator ORDER BY t.rowid)",
            "visited": ":no",
            "whole_household": ":self",
            "visitor": "''",
            "notes": "t.notes",
            "outcome": "t.outcome",
        },
        group=" GROUP BY p.id, t.service_date, t.notes, t.outcome",
        order=" ORDER BY h.area_code, h.rowid, p.rowid, min(t.rowid)",
    ),
    "monthly_status": _Sheet(
        "FROM monthly_status t" + _OF_PERSON,
        _PERSON
        | {"month": "t.month", "status": "t.status", "income": "t.income", "notes": "t.notes"},
    ),
}


def fact_sheet(
    source: Source,
    sheet: str,
    keys: Sequence[str],
    words: Words,
    area: str | None = None,
    as_json: bool = False,
) -> Iterator[list[Row]]:
    """Batches of one of `FACT_SHEETS`' rows: the cells `keys` name, in order (`as_json`: as
    in `ledger_sheet`)."""
    spec = FACT_SHEETS[sheet]
    inside, params = _params(words, area)
    cells = _select(spec.cells, keys, as_json)
    sql = f"SELECT {cells} {spec.rows} AND {inside}{spec.group}{spec.order}"
    return _batches(source, sql, params)
