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


def extra_records(
    ledger: Ledger, area_prefix: str | None = None
) -> dict[str, list[dict[str, Any]]]:
    """The extra sheets' rows, {column key: value} each, keyed by sheet title."""
    sheets: dict[str, list[dict[str, Any]]] = {}
    sheets["就业经历"] = [
        {
            "name": r["_name"],
            "id_number": r["_id_number"],
            "start_date": _day(r["start_date"]),
            "end_date": _day(r["end_date"]),
            "workplace": r["place_name"],
            "workplace_code": r["place_code"],
            "form": r["form"],
            "employer": r["employer"],
            "employer_kind": r["employer_kind"],
            "monthly_income": r["monthly_income"],
            "contract_months": r["contract_months"],
            "insurance_months": r["insurance_months"],
            "organized_export": _yes(r["organized_export"]),
            "export_agency": r["export_agency"],
            "is_first_export": _yes(r["is_first_export"]),
            "is_casual": _yes(r["is_casual"]),
            "training_days": r["training_days"],
        }
        for r in store.export_facts(ledger, "employment_spells", area_prefix)
    ]
    sheets["失业登记"] = [
        {
            "name": r["_name"],
            "id_number": r["_id_number"],
            "found_date": _day(r["found_date"]),
            "registered_date": _day(r["registered_date"]),
            "unemployment_class": r["unemployment_class"],
            "ended_date": _day(r["ended_date"]),
        }
        for r in store.export_facts(ledger, "unemployment_registrations", area_prefix)
    ]
    services = list(store.export_facts(ledger, "services", area_prefix))
    sheets["培训"] = [
        {
            "name": r["_name"],
            "id_number": r["_id_number"],
            "training_kind": r["training_kind"],
            "start_date": _day(r["service_date"]),
            "end_date": _day(r["end_date"]),
            "training_days": r["training_days"],
            "outcome": r["outcome"],
            "notes": r["notes"],
        }
        for r in services
        if r["service_type"] == ServiceType.TRAINING.value and not r["visit_id"]
    ]
    by_visit = store.services_by_visit(ledger)
    visits = [*store.export_facts(ledger, "visits", area_prefix)]
    visits += store.household_visits(ledger, area_prefix)
    rows = [
        {
            "name": v["_name"],
            "id_number": v["_id_number"],
            "visit_date": _day(v["visit_date"]),
            "service_types": "、".join(s["service_type"] for s in by_visit.get(v["id"], [])),
            "visited": YES,
            "whole_household": "全户" if v["person_id"] is None else "本人",
            "visitor": v["visitor"],
            "notes": v["notes"],
            "outcome": v["outcome"],
        }
        for v in visits
    ]
    alone: dict[tuple[str, str], dict[str, Any]] = {}
    for r in services:
        if r["visit_id"] or r["service_type"] == ServiceType.TRAINING.value:
            continue
        key = (r["_id_number"], r["service_date"])
        if key in alone and alone[key]["notes"] == r["notes"]:
            alone[key]["service_types"] += "、" + r["service_type"]
            continue
        alone[key] = {
            "name": r["_name"],
            "id_number": r["_id_number"],
            "visit_date": _day(r["service_date"]),
            "service_types": r["service_type"],
            "visited": NO,
            "whole_household": "本人",
            "visitor": "",
            "notes": r["notes"],
            "outcome": r["outcome"],
        }
    sheets["走访服务"] = rows + list(alone.values())
    sheets["月度状态"] = [
        {
            "name": r["_name"],
            "id_number": r["_id_number"],
            "month": r["month"],
            "status": r["status"],
            "income": r["income"],
            "notes": r["notes"],
        }
        for r in store.export_facts(ledger, "monthly_status", area_prefix)
    ]
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
