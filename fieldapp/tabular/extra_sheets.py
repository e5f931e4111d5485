"""The workbook's extra sheets: 就业经历, 失业登记, 培训, 走访服务, 月度状态.

Each row names a person by ID number (one the ledger holds, or one the workbook's ledger sheet
brings) and gives one record: a spell, a registration, a training, a visit with its services,
a month's status. A row is matched to the ledger's record by its natural key (the spell's start
date, the registration's date, the training's start and kind, the visit's date, the month): a
match is compared cell by cell like an update (`ledger_update.Differ`), anything else is new.
Two records may share a key (two jobs from one day): a row takes the one it repeats exactly,
else the first no earlier row of the import has taken, else it is a new record.
So an exported workbook imported again changes nothing, and into an empty ledger brings every
fact back.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from fieldapp.domain.dates import today as china_today
from fieldapp.domain.dates import written_text
from fieldapp.domain.enums import (
    EmployerKind,
    EmploymentForm,
    ServiceType,
    UnemploymentClass,
    WorkStatus,
)
from fieldapp.reference import divisions
from fieldapp.store.ledger import natural_id, new_id
from fieldapp.store.queries import tabular as store
from fieldapp.tabular import cells
from fieldapp.tabular.cells import CellError, nfkc
from fieldapp.tabular.columns import EXTRA_SHEETS, NO, WORK_STATUS_ALIASES, YES
from fieldapp.tabular.ledger_update import Differ, RowPlan, differs, same_value

TRAINING = ServiceType.TRAINING.value
_SPLIT = re.compile(r"[、,，;；/\s]+")
_BOOL_WORDS = {"是": True, "有": True, "√": True, "Y": True, "YES": True, "1": True}
_BOOL_WORDS |= {"否": False, "无": False, "×": False, "N": False, "NO": False, "0": False}


@dataclass(slots=True)
class ExtraRow:
    """One parsed extra-sheet row: whose, and the fields it gives (blank cells left out).

    The fields are kept packed (`fields`: the keys one tuple shared by the rows of that shape,
    the values a tuple) and `values` gives them as a dict: an import holds every extra row until
    every person is known, some 400 000 of them at 100 000 persons, and a dict each (with an
    empty list of words mapped) was most of what its memory grew by while reading them."""

    sheet: str
    kind: str
    row: int
    id_number: str
    fields: tuple[tuple[str, ...], tuple[Any, ...]]
    mapped: Sequence[tuple[str, str, str]]

    @property
    def values(self) -> dict[str, Any]:
        """The fields the row gives (a new dict each time: the row's own are not changed)."""
        keys, values = self.fields
        return dict(zip(keys, values, strict=True))

    def get(self, key: str) -> Any:
        """One field the row gives, or None."""
        keys, values = self.fields
        return values[keys.index(key)] if key in keys else None


#: Each shape (field keys in order) of the extra rows parsed, once (`ExtraRow.fields`).
_SHAPES: dict[tuple[str, ...], tuple[str, ...]] = {}


def _packed(values: dict[str, Any]) -> tuple[tuple[str, ...], tuple[Any, ...]]:
    keys = tuple(values)
    return _SHAPES.setdefault(keys, keys), tuple(values.values())


_LABELS = {kind: {c.key: c.header for c in cols} for kind, cols in EXTRA_SHEETS.items()}


def _label(kind: str, key: str) -> str:
    return _LABELS[kind][key]


def _choice(text: str, label: str, words: dict[str, str], mapped: list[Any]) -> str:
    typed = nfkc(text)
    if typed in words:
        value = words[typed]
        if value != typed:
            mapped.append((label, typed, value))
        return value
    allowed = "、".join(sorted(set(words.values())))
    reason = f"{label}“{typed}”无法识别，应为：{allowed}"
    if words is _STATUS:
        said = cells.said_status(typed)  # a word the user said the meaning of for this import
        if said is not None:
            mapped.append((label, typed, said))
            return said
        raise cells.UnknownStatus(reason, typed, label)
    raise CellError(reason)


def _enum_words(enum: type[Any]) -> dict[str, str]:
    return {m.value: m.value for m in enum}


_FORM = _enum_words(EmploymentForm)
_EMPLOYER_KIND = _enum_words(EmployerKind)
_CLASS = _enum_words(UnemploymentClass)
_STATUS = _enum_words(WorkStatus) | {k: v.value for k, v in WORK_STATUS_ALIASES.items()}
_SERVICE = _enum_words(ServiceType) | {"培训": TRAINING, "推荐岗位": "岗位推荐", "回访": "跟踪回访"}


def _bool(text: str, label: str, mapped: list[Any]) -> bool:
    typed = nfkc(text).upper()
    if typed not in _BOOL_WORDS:
        raise CellError(f"{label}“{text}”应填“是”或“否”")
    value = _BOOL_WORDS[typed]
    if typed not in (YES, NO):
        mapped.append((label, text, YES if value else NO))
    return value


def _date(value: object, label: str) -> str | None:
    day = cells.date(value, label)
    return _iso(day) if day else None


# One text per day and per month, shared by every row naming it: an import holds each extra
# row's dates until it is planned and each plan's until the preview is gone (a 100 000-person
# workbook names a few thousand days in some 400 000 rows).
@lru_cache(maxsize=8192)
def _iso(day: dt.date) -> str:
    return day.isoformat()


@lru_cache(maxsize=4096)
def _month_of(day: dt.date) -> str:
    return day.strftime("%Y-%m")


@lru_cache(maxsize=65536)
def _shared(text: str) -> str:
    """The first of equal texts (an employer, a visitor, a note many rows repeat), kept once."""
    return text


def forget_shared() -> None:
    """Let go of the texts and dates kept for sharing (an import calls this when it ends)."""
    for cache in (_iso, _month_of, _shared):
        cache.cache_clear()


#: How parse_extra reads each typed column (any other is free text, kept as typed).
_DATE, _NUMBER, _MONTHS, _DAYS, _BOOL, _CHOICE, _SERVICES, _HOUSEHOLD, _MONTH, _CODE, _WHO = range(
    11
)
_READ_AS: dict[str, int] = (
    dict.fromkeys(("name", "id_number"), _WHO)
    | dict.fromkeys(
        ("start_date", "end_date", "found_date", "registered_date", "ended_date", "visit_date"),
        _DATE,
    )
    | dict.fromkeys(("monthly_income", "income"), _NUMBER)
    | dict.fromkeys(("contract_months", "insurance_months"), _MONTHS)
    | {"training_days": _DAYS}
    | dict.fromkeys(("organized_export", "is_first_export", "is_casual", "visited"), _BOOL)
    | dict.fromkeys(("form", "employer_kind", "unemployment_class", "status"), _CHOICE)
    | {"service_types": _SERVICES, "whole_household": _HOUSEHOLD, "month": _MONTH}
    | {"workplace_code": _CODE}
)
#: The words each choice column takes.
_CHOICES = {
    "form": _FORM,
    "employer_kind": _EMPLOYER_KIND,
    "unemployment_class": _CLASS,
    "status": _STATUS,
}


def parse_extra(
    sheet: str,
    kind: str,
    row: int,
    texts: dict[str, str],
    raw: dict[str, object],
    today: str | None = None,
) -> ExtraRow:
    """One extra-sheet row checked on its own; CellError carries the Chinese reason. `today`
    (ISO) is the day no date may be after: a sheet's reader gives it once for its rows."""
    labels = _LABELS[kind]

    def label(key: str) -> str:
        return labels[key]

    number = texts.get("id_number", "")
    if not number:
        raise CellError("身份证号码为空")
    mapped: list[tuple[str, str, str]] = []
    values: dict[str, Any] = {}
    # Each column read as its key says, looked up once (a chain of tests of the key cost a
    # tenth of an import of a workbook's extra sheets).
    read_as = _READ_AS.get
    for key, text in texts.items():
        how = read_as(key)
        if how is None:
            values[key] = _shared(text)
        elif how == _WHO:
            continue
        elif how == _DATE:
            values[key] = _date(raw[key] if key in raw else text, labels[key])
        elif how == _BOOL:
            values[key] = _bool(text, labels[key], mapped)
        elif how == _CHOICE:
            values[key] = _choice(text, labels[key], _CHOICES[key], mapped)
        elif how == _NUMBER:
            values[key] = cells.number(raw[key] if key in raw else text, labels[key])
        elif how == _MONTHS:
            values[key] = cells.months(raw[key] if key in raw else text, labels[key])
        elif how == _DAYS:
            days = cells.number(raw[key] if key in raw else text, labels[key])
            values[key] = int(days) if days is not None else None
        elif how == _SERVICES:
            values[key] = [
                _choice(t, labels[key], _SERVICE, mapped) for t in _SPLIT.split(nfkc(text)) if t
            ]
        elif how == _HOUSEHOLD:
            values[key] = nfkc(text) in ("全户", "户", "家庭")
        elif how == _MONTH:
            day = cells.date(raw[key] if key in raw else text, labels[key])
            values[key] = _month_of(day) if day else None
        else:  # _CODE
            code = re.sub(r"\s+", "", nfkc(text))
            if not code.isdigit() or len(code) not in (6, 9, 12):
                raise CellError(f"{labels[key]}“{code}”应为 6、9 或 12 位数字")
            values[key] = code
    _check(kind, values, label, today or china_today().isoformat())
    return ExtraRow(sheet, kind, row, number, _packed(values), tuple(mapped) if mapped else ())


#: Per extra sheet, the dates it cannot be kept without.
_DATED = {"就业经历": ("start_date",), "培训": ("start_date",), "走访服务": ("visit_date",)}


def _check(kind: str, values: dict[str, Any], label: Callable[[str], str], today: str) -> None:
    """Rules within one row: dates in order, none after `today`, the key present."""
    start = values.get("start_date")
    end = values.get("end_date") or values.get("ended_date")
    if kind == "失业登记":
        if not values.get("registered_date") and not values.get("found_date"):
            raise CellError("登记日期和发现日期至少填一个")
        start = values.get("registered_date") or values.get("found_date")
    if start and end and end < start:
        raise CellError(f"结束日期{written_text(end)}早于开始日期{written_text(start)}")
    for key in ("start_date", "visit_date", "registered_date", "found_date"):
        if values.get(key) and values[key] > today:
            raise CellError(f"{label(key)} {values[key]} 晚于今天")
    if kind == "月度状态" and not values.get("month"):
        raise CellError("月份为空")
    if kind == "月度状态" and not values.get("status"):
        raise CellError("就业状态为空")
    # The date a record is known by (a job's, a training's start, a visit's day): without it
    # the record has no place in time, and the ledger's cannot be matched.
    for key in _DATED.get(kind, ()):
        if not values.get(key):
            raise CellError(
                f"{label(key)}为空：请填写{label(key)}（只知道月份的，填 2024-03 这样）"
            )


JOBS = "就业经历"


def spell_fields(values: dict[str, Any]) -> dict[str, Any]:
    """The job's fields a 就业经历 row gives, its place as the ledger keeps one (a name and a
    code, the one found from the other)."""
    updates = {k: v for k, v in values.items() if k not in ("workplace", "workplace_code")}
    name, code = values.get("workplace"), values.get("workplace_code")
    if code and not name:
        name = divisions().full_name(code) if divisions().get(code) else divisions().name(code)
    if name and not code:
        code = divisions().resolve_place(name) or ""
    if name is not None or code is not None:
        updates["place_name"] = name or ""
        updates["place_code"] = code or ""
    return updates


def complete_jobs(
    jobs: dict[str, tuple[dict[str, Any], frozenset[str]]], rows: Sequence[ExtraRow]
) -> set[tuple[str, int]]:
    """Complete the new persons' jobs from the ledger sheet (not yet written) with the 就业经历
    rows that give the same jobs, so that each job is written once, whole.

    `jobs`: ID number → (the job, the fields the ledger sheet gave of it). The row that takes a
    job is the one `ExtraPlanner` would match to it, the first of the person's rows naming its
    start date. When it agrees with every field the ledger sheet gave, it fills in the others.
    When it does not (another job of the same day, a different income), nothing is filled
    in: its plan changes the job as before, each cell shown and logged as that row's, and the
    job is never written as a mix of two. Returns the (sheet, row) of each row that filled a
    field in (the import counts it as a record updated).
    """
    filled: set[tuple[str, int]] = set()
    taken: set[str] = set()
    for row in rows:
        if row.kind != JOBS or row.id_number in taken or row.id_number not in jobs:
            continue
        job, gave = jobs[row.id_number]
        if row.get("start_date") != job["start_date"]:
            continue
        taken.add(row.id_number)
        fields = spell_fields(row.values)
        if any(name in gave and differs(name, job.get(name), v) for name, v in fields.items()):
            continue
        for name, value in fields.items():
            if differs(name, job.get(name), value):
                job[name] = value
                filled.add((row.sheet, row.row))
    return filled


class ExtraPlanner:
    """Plans extra-sheet rows against the ledger (read through `db`)."""

    def __init__(self, db: Any, differ: Differ) -> None:
        self.db = db
        self.differ = differ
        self.used: set[str] = set()  # records already matched by a row of this import

    def plan(self, rows: list[ExtraRow], persons: dict[str, dict[str, Any]]) -> list[RowPlan]:
        """One RowPlan per row (each row's person is in `persons`, by ID number), in order.

        `rows` is emptied as it is planned, each row let go once its plan is made: a workbook's
        extra sheets may hold hundreds of thousands of rows, and with their plans beside them
        they were the peak of an import's memory.
        """
        ids = [persons[r.id_number]["id"] for r in rows]
        households = [persons[r.id_number]["household_id"] or "" for r in rows]
        facts = {
            "employment_spells": store.fact_rows(self.db, "employment_spells", ids),
            "unemployment_registrations": store.fact_rows(
                self.db, "unemployment_registrations", ids
            ),
            "services": store.fact_rows(self.db, "services", ids),
            "monthly_status": store.fact_rows(self.db, "monthly_status", ids),
        }
        visits = store.visits_of_households(self.db, households)
        plans = []
        rows.reverse()  # taken from the end, in the rows' order
        while rows:
            row = rows.pop()
            person = persons[row.id_number]
            plan = RowPlan(row.sheet, row.row, person["id"], person["name"], person["id_number"])
            mine = {table: found.get(person["id"], []) for table, found in facts.items()}
            values = row.values
            if row.kind == JOBS:
                self._spell(plan, values, mine["employment_spells"])
            elif row.kind == "失业登记":
                self._registration(plan, values, mine["unemployment_registrations"])
            elif row.kind == "培训":
                self._training(plan, values, mine["services"], person)
            elif row.kind == "走访服务":
                household_visits = visits.get(person["household_id"] or "", [])
                self._visit(plan, values, mine["services"], household_visits, person)
            elif row.kind == "月度状态":
                self._month(plan, values, mine["monthly_status"])
            plans.append(plan)
        return plans

    def _claim(self, rows: list[dict[str, Any]], wanted: dict[str, Any]) -> dict[str, Any] | None:
        """Of the ledger's records sharing a row's key, the one the row repeats exactly, else
        the first no earlier row took (None: the row is a new record); taken from now on."""
        free = [r for r in rows if r["id"] not in self.used]
        match = next(
            (r for r in free if all(same_value(r.get(k), v) for k, v in wanted.items())),
            free[0] if free else None,
        )
        if match is not None:
            self.used.add(match["id"])
        return match

    def _upsert(
        self,
        plan: RowPlan,
        table: str,
        match: dict[str, Any] | None,
        updates: dict[str, Any],
        defaults: dict[str, Any],
        new_id_: str | None = None,
    ) -> str:
        if match is not None:
            self.differ.change(plan, table, match, updates)
            return str(match["id"])
        row_id = new_id_ or new_id()
        plan.add_insert(table, {"id": row_id, **defaults, **updates})
        return row_id

    def _spell(self, plan: RowPlan, values: dict[str, Any], rows: list[dict[str, Any]]) -> None:
        updates = spell_fields(values)
        match = self._claim([r for r in rows if r["start_date"] == values["start_date"]], updates)
        defaults = {
            "person_id": plan.person_id,
            "end_date": None,
            "place_code": "",
            "place_name": "",
            "form": EmploymentForm.UNKNOWN.value,  # blank: not known, never guessed
            "employer": "",
            "employer_kind": "",
            "organized_export": False,
            "export_agency": "",
            "is_casual": False,
        }
        self._upsert(plan, "employment_spells", match, updates, defaults)

    def _registration(
        self, plan: RowPlan, values: dict[str, Any], rows: list[dict[str, Any]]
    ) -> None:
        registered, found = values.get("registered_date"), values.get("found_date")
        match = self._claim(
            [
                r
                for r in rows
                if (registered and r["registered_date"] == registered)
                or (not registered and not r["registered_date"] and r["found_date"] == found)
            ],
            values,
        )
        defaults = {"person_id": plan.person_id}
        self._upsert(plan, "unemployment_registrations", match, dict(values), defaults)

    def _training(
        self,
        plan: RowPlan,
        values: dict[str, Any],
        rows: list[dict[str, Any]],
        person: dict[str, Any],
    ) -> None:
        start, kind = values["start_date"], values.get("training_kind", "")
        updates = {k: v for k, v in values.items() if k != "start_date"}
        match = self._claim(
            [
                r
                for r in rows
                if r["service_type"] == TRAINING
                and r["service_date"] == start
                and (r["training_kind"] or "") == kind
            ],
            updates,
        )
        defaults = {
            "person_id": plan.person_id,
            "household_id": person["household_id"],
            "visit_id": None,
            "service_date": start,
            "service_type": TRAINING,
            "notes": "",
            "outcome": "",
            "training_kind": "",
        }
        self._upsert(plan, "services", match, updates, defaults)

    def _visit(
        self,
        plan: RowPlan,
        values: dict[str, Any],
        services: list[dict[str, Any]],
        visits: list[dict[str, Any]],
        person: dict[str, Any],
    ) -> None:
        day = values["visit_date"]
        types = values.get("service_types", [])
        text: dict[str, Any] = {k: values[k] for k in ("notes", "outcome") if k in values}
        household_id = person["household_id"]
        if values.get("visited", True):
            person_id = None if values.get("whole_household") else plan.person_id
            wanted = {k: values[k] for k in ("visitor", "notes", "outcome") if k in values}
            match = self._claim(
                [v for v in visits if v["visit_date"] == day and v["person_id"] == person_id],
                wanted,
            )
            updates = dict(text)
            if "visitor" in values:
                updates["visitor"] = values["visitor"]
            defaults = {
                "household_id": household_id,
                "person_id": person_id,
                "visit_date": day,
                "visitor": "",
                "notes": "",
                "outcome": "",
            }
            visit_id = self._upsert(plan, "visits", match, updates, defaults)
            given = [s for s in services if s["visit_id"] == visit_id]
        else:
            visit_id = None
            given = [s for s in services if s["visit_id"] is None and s["service_date"] == day]
        for kind in types:
            match = next((s for s in given if s["service_type"] == kind), None)
            defaults = {
                "person_id": plan.person_id,
                "household_id": household_id,
                "visit_id": visit_id,
                "service_date": day,
                "service_type": kind,
                "notes": "",
                "outcome": "",
            }
            self._upsert(
                plan, "services", match, dict(text) if not visit_id else {}, defaults | text
            )

    def _month(self, plan: RowPlan, values: dict[str, Any], rows: list[dict[str, Any]]) -> None:
        row_id = natural_id("monthly_status", plan.person_id, values["month"])
        match = next((r for r in rows if r["id"] == row_id), None)
        updates = {k: v for k, v in values.items() if k in ("status", "income", "notes")}
        defaults = {"person_id": plan.person_id, "month": values["month"], "notes": ""}
        self._upsert(plan, "monthly_status", match, updates, defaults, row_id)
