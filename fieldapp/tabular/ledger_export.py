"""Exporting the ledger as a 台账 in the import template's shape, so export → import round-trips.

xlsx is written with XlsxWriter in constant-memory mode (rows streamed, ID numbers as strings);
csv is UTF-8 with a BOM, which Excel opens without garbling Chinese.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fieldapp.domain.enums import AreaKind, WorkStatus
from fieldapp.domain.progress import CancelCheck, Progress, Ticker
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries import tabular as store
from fieldapp.store.queries.areas import all_areas
from fieldapp.tabular.columns import COLUMNS, YES
from fieldapp.tabular.template import open_workbook, write_instructions

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
            for key in ("form", "employer", "monthly_income", "contract_months"):
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
    """Write the ledger (or one area of it) to xlsx or csv; returns the number of persons."""
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
            written = _write_xlsx(partial, rows, job, total)
        partial.replace(path)  # only a complete file takes the name
    finally:
        partial.unlink(missing_ok=True)
    job.tick(total, total, force=True)
    return written


def _write_xlsx(path: Path, rows: Iterator[dict[str, Any]], job: Ticker, total: int) -> int:
    book, sheet, formats = open_workbook(path)
    count = 0
    try:
        for count, row in enumerate(rows, start=1):
            for index, column in enumerate(COLUMNS):
                value = row.get(column.key)
                if value is None or value == "":
                    continue
                if isinstance(value, dt.date):
                    sheet.write_datetime(count, index, value, formats.date)
                elif column.key in _NUMBER_KEYS or column.key == "seq":
                    sheet.write_number(count, index, value)
                else:
                    sheet.write_string(count, index, str(value))
            job.tick(count, total)
        write_instructions(book, formats)
    finally:
        book.close()
    return count


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
    return str(value)
