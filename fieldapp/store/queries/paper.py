"""What the papers read: rows of areas, persons, households and their month, and the print log.

`fieldapp.paperwork.paper_data` turns these rows (plain dicts, one per ledger row) into the view
models the renderers print; nothing here knows what a paper looks like.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from fieldapp.domain import idnumber
from fieldapp.domain.areacode import prefix_range
from fieldapp.domain.models import Record
from fieldapp.store.filters import as_time, within_area
from fieldapp.store.queries import Source, db_of
from fieldapp.store.queries.persons import HOUSEHOLD_HELD

#: Values per `IN (…)` list (SQLite's default limit of bound parameters is far above).
_CHUNK = 500


def _rows(source: Source, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    cursor = db_of(source).execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def _where_in(
    source: Source,
    table: str,
    column: str,
    values: Sequence[str],
    extra: str = "",
    params: Iterable[Any] = (),
) -> list[dict[str, Any]]:
    """Live rows of `table` whose `column` is one of `values` (and `extra`, trusted SQL)."""
    out: list[dict[str, Any]] = []
    extra_sql = f" AND ({extra})" if extra else ""
    fixed = list(params)
    for i in range(0, len(values), _CHUNK):
        chunk = list(values[i : i + _CHUNK])
        marks = ",".join("?" for _ in chunk)
        out += _rows(
            source,
            f"SELECT * FROM [{table}] WHERE deleted = 0 AND [{column}] IN ({marks}){extra_sql}",
            [*chunk, *fixed],
        )
    return out


# -- areas -------------------------------------------------------------------------------------


def area(source: Source, code: str) -> dict[str, Any] | None:
    """The live area with this code, as a row."""
    found = _rows(source, "SELECT * FROM areas WHERE deleted = 0 AND code = ? LIMIT 1", [code])
    return found[0] if found else None


def area_codes_under(source: Source, code: str) -> list[str]:
    """The area and every area below it in the tree."""
    rows = _rows(
        source,
        "WITH RECURSIVE t(code) AS (SELECT ? UNION SELECT a.code FROM areas a JOIN t "
        "ON a.parent_code = t.code WHERE a.deleted = 0) SELECT code FROM t",
        [code],
    )
    return [r["code"] for r in rows]


def has_households_in(source: Source, area_code: str) -> bool:
    """True when some live household lies in the area (by code prefix)."""
    inside, params = within_area("area_code", area_code)
    found = _rows(
        source, f"SELECT 1 FROM households WHERE deleted = 0 AND {inside} LIMIT 1", params
    )
    return bool(found)


def households_in(source: Source, codes: Sequence[str], area_code: str) -> list[dict[str, Any]]:
    """Live households in any of `codes` or under `area_code`, by area, number and id; none
    when `codes` is empty (`IN ()` is no SQL to PostgreSQL, and a blank area is the ledger)."""
    if not codes:
        return []
    marks = ",".join("?" for _ in codes)
    inside, params = within_area("area_code", area_code)
    return _rows(
        source,
        f"SELECT * FROM households WHERE deleted = 0 AND (area_code IN ({marks}) "
        f"OR {inside}) ORDER BY area_code, household_no, id",
        [*codes, *params],
    )


# -- persons and their month -------------------------------------------------------------------


def row(source: Source, model: type[Record], row_id: str) -> dict[str, Any] | None:
    """One row of a kind of record by id (deleted rows too), None when absent."""
    found = _rows(source, f"SELECT * FROM [{model.TABLE}] WHERE id = ?", [row_id])
    return found[0] if found else None


def categories(source: Source, person_id: str) -> list[dict[str, Any]]:
    """A person's live category rows (category, start_date, end_date), by category."""
    return _rows(
        source,
        "SELECT category, start_date, end_date FROM person_categories "
        "WHERE deleted = 0 AND person_id = ? ORDER BY category",
        [person_id],
    )


def members(source: Source, household_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Live persons of these households."""
    return _where_in(source, "persons", "household_id", household_ids)


def visits_between(
    source: Source, household_ids: Sequence[str], first: dt.date, last: dt.date
) -> list[dict[str, Any]]:
    """Live visits to these households from `first` to `last`."""
    return _where_in(
        source,
        "visits",
        "household_id",
        household_ids,
        "visit_date BETWEEN ? AND ?",
        [first.isoformat(), last.isoformat()],
    )


def services_between(
    source: Source, person_ids: Sequence[str], first: dt.date, last: dt.date
) -> list[dict[str, Any]]:
    """Live services given to these persons from `first` to `last`."""
    return _where_in(
        source,
        "services",
        "person_id",
        person_ids,
        "service_date BETWEEN ? AND ?",
        [first.isoformat(), last.isoformat()],
    )


def statuses_in(source: Source, person_ids: Sequence[str], month: str) -> list[dict[str, Any]]:
    """Live monthly status rows of these persons for `month` ('YYYY-MM')."""
    return _where_in(source, "monthly_status", "person_id", person_ids, "month = ?", [month])


def month_incomes(
    source: Source, person_id: str, months: Sequence[str], spell_id: str
) -> list[dict[str, Any]]:
    """A person's live monthly status rows of `months` ('YYYY-MM'), each with `income_at` and
    `job_income_at`: the clock of the last logged change to the month's income and to the
    monthly income of the job `spell_id` ("" none) — which of the two was said later."""
    if not months:
        return []
    marks = ",".join("?" for _ in months)
    sql = (
        "SELECT m.*, "
        "(SELECT max(c.hlc) FROM changes c, json_each(c.data) j WHERE c.row_id = m.id"
        " AND c.tbl = 'monthly_status' AND j.key = 'income') AS income_at, "
        "(SELECT max(c.hlc) FROM changes c, json_each(c.data) j WHERE c.row_id = ?"
        " AND c.tbl = 'employment_spells' AND j.key = 'monthly_income') AS job_income_at "
        f"FROM monthly_status m WHERE m.deleted = 0 AND m.person_id = ? AND m.month IN ({marks})"
    )
    found = _rows(source, sql, [spell_id, person_id, *months])
    for row in found:
        row["income_at"], row["job_income_at"] = row["income_at"] or "", row["job_income_at"] or ""
    return found


def spells_between(
    source: Source, person_ids: Sequence[str], first: dt.date, last: dt.date
) -> list[dict[str, Any]]:
    """Live employment spells of these persons running on some day from `first` to `last`."""
    return _where_in(
        source,
        "employment_spells",
        "person_id",
        person_ids,
        "start_date <= ? AND (end_date IS NULL OR end_date = '' OR end_date >= ?)",
        [last.isoformat(), first.isoformat()],
    )


def spells_of(source: Source, person_id: str) -> list[dict[str, Any]]:
    """A person's live employment spells, latest start first."""
    return _rows(
        source,
        "SELECT * FROM employment_spells WHERE deleted = 0 AND person_id = ? "
        "ORDER BY start_date DESC",
        [person_id],
    )


def person_id_of(source: Source, id_number: str) -> str | None:
    """The id of the live person holding an ID number, None when there is none — of the
    ledger's own people (`HOUSEHOLD_HELD`): a certificate is not printed for another village's
    person the device holds read-only (offered to it, or kept since the offer ended)."""
    number = idnumber.normalise(id_number)
    found = _rows(
        source,
        "SELECT p.id FROM persons p LEFT JOIN households h ON h.id = p.household_id"
        f" WHERE p.deleted = 0 AND p.id_number = ? AND {HOUSEHOLD_HELD} LIMIT 1",
        [number],
    )
    return str(found[0]["id"]) if found else None


# -- the print log -----------------------------------------------------------------------------


def print_log(
    source: Source, *, batch_id: str | None = None, code: str | None = None, limit: int = 200
) -> list[dict[str, Any]]:
    """Logged prints, newest first, optionally for one batch or one footer code."""
    where, params = ["deleted = 0"], []
    if batch_id:
        where.append("batch_id = ?")
        params.append(batch_id)
    if code:
        where.append("(code = ? OR (content_hash >= ? AND content_hash < ?))")
        params += [code.lower(), *prefix_range(code.lower())]  # or the hash's first digits
    return _rows(
        source,
        "SELECT id, paper, batch_id, claim_id, person_id, area_code, month, code, content_hash, "
        "pages, rows, total_amount, printed_at, file_name, created_by, created_device "
        f"FROM print_log WHERE {' AND '.join(where)} "
        f"ORDER BY {as_time('printed_at')} DESC, printed_at DESC, id DESC LIMIT ?",
        [*params, limit],
    )
