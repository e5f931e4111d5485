"""The monthly status grid: working-age persons of a household, a group or a village, with last
month's and this month's status side by side (one query, not one per person)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fieldapp.domain.enums import HAS_LABOUR
from fieldapp.domain.month import Month
from fieldapp.store.filters import within_area
from fieldapp.store.queries import Source, db_of


@dataclass(frozen=True)
class GridRow:
    """One person of the grid: who, where, and the two months' status (None: not entered)."""

    person_id: str
    name: str
    id_number: str
    birth_date: str
    labour_ability: str
    relation: str
    household_id: str
    household_no: str
    area_code: str
    head_name: str
    last_status: str | None
    last_income: float | None
    last_spell_id: str | None
    status: str | None
    income: float | None
    spell_id: str | None
    notes: str


_GRID = """
SELECT p.id, p.name, p.id_number, p.birth_date, p.labour_ability, p.relation,
       h.id, COALESCE(h.household_no, ''), h.area_code,
       COALESCE((SELECT name FROM persons WHERE id = h.head_person_id), ''),
       last.status, last.income, last.spell_id,
       cur.status, cur.income, cur.spell_id, COALESCE(cur.notes, '')
FROM persons p
JOIN households h ON h.id = p.household_id AND h.deleted = 0
LEFT JOIN monthly_status last
       ON last.person_id = p.id AND last.month = ? AND last.deleted = 0
LEFT JOIN monthly_status cur
       ON cur.person_id = p.id AND cur.month = ? AND cur.deleted = 0
WHERE p.deleted = 0 AND p.labour_ability IN ({labour})
  AND p.birth_date > ? AND p.birth_date <= ? AND {scope}
ORDER BY h.area_code, h.household_no, h.id, p.relation <> '户主', p.birth_date
"""


def monthly_grid(
    source: Source,
    month: str,
    *,
    area_prefix: str = "",
    household_id: str | None = None,
    age_min: int = 16,
    age_max: int = 60,
) -> list[GridRow]:
    """Working-age persons with labour ability (on the month's last day) of a household or an
    area, household by household, head first, with their status for `month` and the month
    before."""
    this = Month(month)
    last_day = this.last_day
    before = this.previous()
    # Aged age_min..age_max on the last day: born after (age_max+1) years before it, and on or
    # before age_min years before it.
    oldest = _years_before(last_day, age_max + 1).isoformat()
    youngest = _years_before(last_day, age_min).isoformat()
    if household_id is not None:
        scope, scope_params = "h.id = ?", [household_id]
    else:
        scope, scope_params = within_area("h.area_code", area_prefix)
    labour = sorted(a.value for a in HAS_LABOUR)
    sql = _GRID.format(labour=",".join("?" for _ in labour), scope=scope)
    params: list[Any] = [str(before), str(this), *labour, oldest, youngest, *scope_params]
    return [GridRow(*row) for row in db_of(source).execute(sql, params).fetchall()]


def _years_before(day: dt.date, years: int) -> dt.date:
    """The same day `years` earlier (29 February falls back to the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def month_status(source: Source, person_id: str, month: str) -> tuple[str, float | None] | None:
    """A person's status and income for one month, None when not entered."""
    row = (
        db_of(source)
        .execute(
            "SELECT status, income FROM monthly_status "
            "WHERE person_id = ? AND month = ? AND deleted = 0",
            [person_id, month],
        )
        .fetchone()
    )
    return (row[0], row[1]) if row else None


def months_naming_jobs(source: Source, month_ids: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    """Job id → its month's status row among `month_ids` (month row id → job id) that names
    it (live), with `income_at` and `job_income_at`: the clock of the last logged change to
    the month's income and to the job's monthly income ("" none) — which was changed later.
    The import's month and a job's income edited by hand read it alike (`services.work`)."""
    sql = (
        "SELECT m.id, m.spell_id, m.month, m.status, m.income, "
        "(SELECT max(c.hlc) FROM changes c, json_each(c.data) j WHERE c.row_id = m.id"
        " AND c.tbl = 'monthly_status' AND j.key = 'income') AS income_at, "
        "(SELECT max(c.hlc) FROM changes c, json_each(c.data) j WHERE c.row_id = m.spell_id"
        " AND c.tbl = 'employment_spells' AND j.key = 'monthly_income') AS job_income_at "
        "FROM monthly_status m WHERE m.deleted = 0 AND m.id IN (SELECT value FROM json_each(?))"
    )
    cursor = db_of(source).execute(sql, [json.dumps(sorted(month_ids), ensure_ascii=False)])
    names = [d[0] for d in cursor.description]
    found = {}
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        if row["spell_id"] and month_ids[row["id"]] == row["spell_id"]:
            row["income_at"], row["job_income_at"] = (
                row["income_at"] or "",
                row["job_income_at"] or "",
            )
            found[str(row["spell_id"])] = row
    return found
