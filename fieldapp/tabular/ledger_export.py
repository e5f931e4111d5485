"""Exporting the ledger as a 台账 in the import template's shape, so export → import round-trips.

xlsx is written by `workbook` (rustpy-xlsxwriter: rows streamed, every text cell a string so ID
and account numbers keep their digits); csv is UTF-8 with a BOM, which Excel opens without
garbling Chinese, and every text cell that would start a formula is neutralised.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fieldapp.domain.enums import AreaKind, ServiceType, WorkStatus
from fieldapp.domain.progress import CancelCheck, Progress, Ticker
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries import tabular as store
from fieldapp.store.queries.areas import all_areas
from fieldapp.tabular import workbook
from fieldapp.tabular.columns import COLUMNS, NO, YES

_AREA_KEYS = {
    AreaKind.COUNTY.value: "county",
    AreaKind.TOWNSHIP.value: "township",
    AreaKind.VILLAGE.value: "village",
    AreaKind.GROUP.value: "group",
    AreaKind.SITE.value: "site",
    AreaKind.BUILDING.value: "building",
}
_NUMBER_KEYS = {"monthly_income", "contract_months", "insurance_months", "graduation_year"}


def format_categories(items: list[tuple[str, str | None, str | None]]) -> str:
    """'脱贫人口（2016-12-31）、农村低保对象' — the 人员类别 cell, dates in brackets."""
    parts = []
    for category, start, end in items:
        if start or end:
            dates = (start or "") + (f"~{end}" if end else "")
            parts.append(f"{category}（{dates}）")
        else:
            parts.append(category)
    return "、".join(parts)


class AreaNames:
    """Area code → the names of each level above it (county, township, village…)."""

    def __init__(self, ledger: Ledger) -> None:
        self._areas = {a.code: a for a in all_areas(ledger)}
        self._cache: dict[str, dict[str, str]] = {}

    def levels(self, code: str | None) -> dict[str, str]:
        """{'county': …, 'township': …, 'village': …} for an area code."""
        if not code:
            return {}
        if code not in self._cache:
            names: dict[str, str] = {}
            seen: set[str] = set()
            current = self._areas.get(code)
            while current is not None and current.code not in seen:
                seen.add(current.code)
                key = _AREA_KEYS.get(current.kind)
                if key:
                    names.setdefault(key, current.name)
                current = self._areas.get(current.parent_code or "")
            self._cache[code] = names
        return self._cache[code]


def export_rows(
    ledger: Ledger, today: dt.date | None = None, area_prefix: str | None = None
) -> Iterator[dict[str, Any]]:
    """One {column key: value} per live person, household by household, head first."""
    today = today or dt.date.today()
    categories = store.categories_by_person(ledger)
    spells = store.current_spells(ledger, today)
    statuses = store.latest_status(ledger)
    areas = AreaNames(ledger)
    for seq, person in enumerate(store.export_persons(ledger, area_prefix), start=1):
        person_id = person["id"]
        row: dict[str, Any] = {k: v for k, v in person.items() if k != "id"}
        row["seq"] = seq
        row.update(areas.levels(person["area_code"]))
        row["categories"] = format_categories(categories.get(person_id, []))
        spell = spells.get(person_id)
        if spell is not None:
            row["work_status"] = WorkStatus.EMPLOYED.value
            row["workplace"] = spell["place_name"]
            row["workplace_code"] = spell["place_code"]
            row["start_date"] = dt.date.fromisoformat(spell["start_date"])
            row["organized_export"] = YES if spell["organized_export"] else ""
            for key in ("form", "employer", "employer_kind", "monthly_income", "contract_months"):
                row[key] = spell[key]
            row["insurance_months"] = spell["insurance_months"]
            row["export_agency"] = spell["export_agency"]
        else:
            row["work_status"] = statuses.get(person_id, "")
        yield row


def export_ledger(
    ledger: Ledger,
    path: str | Path,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    area_prefix: str | None = None,
    today: dt.date | None = None,
) -> int:
    """Write the ledger (or one area of it) to xlsx or csv; returns the number of persons.

    The xlsx holds the ledger sheet and every extra sheet (就业经历 …), so importing it into an
    empty ledger brings back every fact; a csv holds the ledger sheet only.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    total = store.count_persons(ledger, area_prefix)
    job = Ticker(progress, cancelled, message="已取消导出", every=2000)
    job.tick(0, total, force=True)
    rows = export_rows(ledger, today, area_prefix)
    partial = path.with_name(path.name + ".part")
    try:
        if path.suffix.lower() == ".csv":
            written = _write_csv(partial, rows, job, total)
        else:
            counter = _Counter(rows, job, total)
            extra = extra_records(ledger, area_prefix)
            workbook.write_ledger_workbook(partial, counter, extra, exported_at=_now())
            written = counter.count
        partial.replace(path)  # only a complete file takes the name
    finally:
        partial.unlink(missing_ok=True)
    job.tick(total, total, force=True)
    return written


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class _Counter:
    """The ledger rows as the writer takes them, counted, reporting progress (and a cancel,
    raised from inside the writer's loop, stops the write)."""

    def __init__(self, rows: Iterator[dict[str, Any]], job: Ticker, total: int) -> None:
        self._rows, self._job, self._total = rows, job, total
        self.count = 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        job, total = self._job, self._total
        for count, row in enumerate(self._rows, start=1):
            self.count = count
            job.tick(count, total)
            yield row


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _yes(value: object) -> str | None:
    if value is None:
        return None
    return YES if value else NO


#: Per extra sheet: its table, and per sheet column after 姓名 and 身份证号码 the stored field
#: (the columns are `columns.EXTRA_SHEETS`' in order).
_SPELL_FIELDS = (
    "start_date",
    "end_date",
    "place_name",
    "place_code",
    "form",
    "employer",
    "employer_kind",
    "monthly_income",
    "contract_months",
    "insurance_months",
    "organized_export",
    "export_agency",
    "is_first_export",
    "is_casual",
    "training_days",
)
_DATE_FIELDS = frozenset(
    {"start_date", "end_date", "found_date", "registered_date", "ended_date", "service_date"}
)
_YES_FIELDS = frozenset({"organized_export", "is_first_export", "is_casual"})


def _converted(rows: Iterator[tuple[Any, ...]], fields: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """Stored values as cells: ISO dates as dates, flags as 是/否 (other columns as they are)."""
    dates = [i + 2 for i, f in enumerate(fields) if f in _DATE_FIELDS]
    flags = [i + 2 for i, f in enumerate(fields) if f in _YES_FIELDS]
    fromiso = dt.date.fromisoformat
    out = []
    for row in rows:
        if dates or flags:
            row = list(row)  # type: ignore[assignment]
            for i in dates:
                if row[i]:
                    row[i] = fromiso(row[i])  # type: ignore[index]
            for i in flags:
                if row[i] is not None:
                    row[i] = YES if row[i] else NO  # type: ignore[index]
        out.append(tuple(row))
    return out


def extra_records(
    ledger: Ledger, area_prefix: str | None = None
) -> dict[str, list[tuple[Any, ...]]]:
    """The extra sheets' rows as tuples in the sheet's column order, keyed by sheet title."""
    sheets: dict[str, list[tuple[Any, ...]]] = {}
    facts = store.export_facts
    sheets["就业经历"] = _converted(
        facts(ledger, "employment_spells", _SPELL_FIELDS, area_prefix), _SPELL_FIELDS
    )
    fields: tuple[str, ...] = ("found_date", "registered_date", "unemployment_class", "ended_date")
    sheets["失业登记"] = _converted(
        facts(ledger, "unemployment_registrations", fields, area_prefix), fields
    )
    fields = (
        "training_kind",
        "service_date",
        "end_date",
        "training_days",
        "outcome",
        "notes",
        "service_type",
        "visit_id",
    )
    services = _converted(facts(ledger, "services", fields, area_prefix), fields)
    training = ServiceType.TRAINING.value
    sheets["培训"] = [r[:8] for r in services if r[8] == training and not r[9]]
    by_visit = store.services_by_visit(ledger)
    visit_fields = ("visit_date", "person_id", "id", "visitor", "notes", "outcome")
    visits = [*facts(ledger, "visits", visit_fields, area_prefix)]
    visits += store.household_visits(ledger, visit_fields, area_prefix)
    rows = [
        (
            name,
            number,
            _day(day),
            "、".join(s["service_type"] for s in by_visit.get(visit_id, [])),
            YES,
            "全户" if person_id is None else "本人",
            visitor,
            notes,
            outcome,
        )
        for name, number, day, person_id, visit_id, visitor, notes, outcome in visits
    ]
    alone: dict[tuple[str, dt.date], list[Any]] = {}
    for name, number, _kind, day, _end, _days, outcome, notes, kind, visit_id in services:
        if visit_id or kind == training:
            continue
        key = (number, day)
        if key in alone and alone[key][7] == notes:
            alone[key][3] += "、" + kind
            continue
        alone[key] = [name, number, day, kind, NO, "本人", "", notes, outcome]
    sheets["走访服务"] = rows + [tuple(r) for r in alone.values()]
    fields = ("month", "status", "income", "notes")
    sheets["月度状态"] = list(facts(ledger, "monthly_status", fields, area_prefix))
    return sheets


#: Characters that make a spreadsheet read a CSV cell as a formula (OWASP CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A CSV cell that cannot run as a formula: a leading =, +, -, @, tab or CR gets a quote
    mark before it (Excel and WPS show the text as typed; the import strips it again)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _write_csv(path: Path, rows: Iterator[dict[str, Any]], job: Ticker, total: int) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        # A CSV has no document properties: the export time an update needs as the sheet's
        # date (see `dates`) goes in a title line above the header, as in the xlsx.
        writer.writerow([workbook.title_text("劳动力台账", _now())])
        writer.writerow([c.header for c in COLUMNS])
        for count, row in enumerate(rows, start=1):
            writer.writerow([_csv_cell(row.get(c.key)) for c in COLUMNS])
            job.tick(count, total)
    return count


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)  # a number written by us: a leading minus is the number's own
    return neutralise(str(value))
