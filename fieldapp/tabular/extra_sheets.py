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
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from fieldapp.domain import idnumber
from fieldapp.domain.dates import today as china_today
from fieldapp.domain.dates import written_text
from fieldapp.domain.enums import (
    EmployerKind,
    EmploymentForm,
    ServiceType,
    UnemploymentClass,
    WorkStatus,
)
from fieldapp.domain.labels import FIELD_LABELS
from fieldapp.domain.sentences import Day, Part, Sentence, Word, said, template
from fieldapp.domain.status_words import BUILT_IN_STATUS_WORDS
from fieldapp.domain.values import same_value
from fieldapp.reference import divisions
from fieldapp.services.work import month_follows
from fieldapp.store.ledger import natural_id, new_id
from fieldapp.store.queries import tabular as store
from fieldapp.store.queries.monthly import months_naming_jobs
from fieldapp.tabular import cells, person_row
from fieldapp.tabular.cells import CellError, StatusWords, nfkc
from fieldapp.tabular.columns import EXTRA_SHEETS, NO, YES
from fieldapp.tabular.ledger_update import Differ, RowPlan, differs, shown

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


def _choice(
    text: str, label: str, words: dict[str, str], mapped: list[Any], said: StatusWords
) -> str:
    """A drop-down cell read by its list (`words`); a 就业状态 word the list does not know,
    by what the import's `said` words say it means."""
    typed = nfkc(text)
    if typed in words:
        value = words[typed]
        if value != typed:
            mapped.append((label, typed, value))
        return value
    reason = cells.unreadable(label, typed, sorted(set(words.values())))
    if words is _STATUS:
        meaning = said.get(typed)  # a word the user or county said the meaning of
        if meaning is not None:
            mapped.append((label, typed, meaning))
            return meaning
        raise cells.UnknownStatus(reason, typed, label)
    raise CellError(reason)


def _enum_words(enum: type[Any]) -> dict[str, str]:
    return {m.value: m.value for m in enum}


_FORM = _enum_words(EmploymentForm)
_EMPLOYER_KIND = _enum_words(EmployerKind)
_CLASS = _enum_words(UnemploymentClass)
_STATUS = _enum_words(WorkStatus) | {k: v.value for k, v in BUILT_IN_STATUS_WORDS.items()}
_SERVICE = _enum_words(ServiceType) | {"培训": TRAINING, "推荐岗位": "岗位推荐", "回访": "跟踪回访"}


def _bool(text: str, label: str, mapped: list[Any]) -> bool:
    typed = nfkc(text).upper()
    if typed not in _BOOL_WORDS:
        raise CellError(said(cells.NOT_YES_NO, Word(label), text))
    value = _BOOL_WORDS[typed]
    if typed not in (YES, NO):
        mapped.append((label, text, YES if value else NO))
    return value


def _date(
    key: str, value: object, text: str, label: str, today: str, notes: list[Sentence] | None
) -> str | None:
    """A date cell's day (ISO). Of a date naming a month alone (2025-06, 2025年10月), as on the
    people sheet: an end taken as the month's last day (`cells.month_end`), any other as its
    first, each said in `notes` when given (the day is the same without); an end not yet come
    is `_LEFT_OUT`, said."""
    day = cells.date(value, label)
    if day is None:
        return None
    if key in _ENDS:
        if _iso(day) > today:
            # Not yet come (a contract's end, a course still running): the record is kept as
            # not ended — on an update the ledger's end stays — and the row says so.
            if notes is not None:
                month = cells.month_only(value) and day.day == 1
                notes.append(said(END_TO_COME, Word(label), Day(day, "month" if month else "day")))
            return _LEFT_OUT
        on = dt.date.fromisoformat(today)
        end = cells.month_end(value, day, on) if day.day == 1 else None
        if end is not None:  # a month alone reads as its first day: it ended by its last
            day = end
            if notes is not None:
                notes.append(person_row.month_end_said(Word(label), text, end, on))
    elif notes is not None and day.day == 1 and cells.month_only(value):
        # A start, a registration, a visit of a month alone: its first day, said.
        taken = person_row.START_MONTH_ONLY if key == "start_date" else DAY_MONTH_ONLY
        notes.append(said(taken, Word(label), text, Day(day)))
    return _iso(day)


#: Any other date of a month alone (登记日期, 发现日期, 走访日期): %1 the heading, %2 the cell,
#: %3 the day taken (the month's first).
DAY_MONTH_ONLY = template("%1“%2”只填到月份，已按%3记入，请核对")


#: An end date not yet come: the column's heading, the day (or month) it gives.
END_TO_COME = template("%1%2晚于今天：这一格没有导入，按还没有结束记，请核对")
#: What `_date` gives for a cell left out of the row (as a blank cell is).
_LEFT_OUT = ""


#: The end dates a month alone ends on the last day of (a job's, a training's, a registration's).
_ENDS = frozenset(("end_date", "ended_date"))


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
    *,
    words: StatusWords,
    notes: list[Sentence] | None = None,
) -> ExtraRow:
    """One extra-sheet row checked on its own; CellError carries the Chinese reason. `today`
    (ISO) is the day no date may be after: a sheet's reader gives it once for its rows.
    `words`: the import's 就业状态 words no list knows, as said for it (`cells.StatusWords`).
    `notes`: given, gets what is to be said on the row if it is taken (a date of a month
    alone, `_date`); the row's days are the same without it."""
    labels = _LABELS[kind]
    today = today or china_today().isoformat()

    def label(key: str) -> str:
        return labels[key]

    number = texts.get("id_number", "")
    if not number:
        raise CellError(said(idnumber.EMPTY))
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
            cell = raw[key] if key in raw else text
            iso = _date(key, cell, text, labels[key], today, notes)
            if iso != _LEFT_OUT:
                values[key] = iso
        elif how == _BOOL:
            values[key] = _bool(text, labels[key], mapped)
        elif how == _CHOICE:
            values[key] = _choice(text, labels[key], _CHOICES[key], mapped, words)
        elif how == _NUMBER:
            values[key] = cells.number(raw[key] if key in raw else text, labels[key])
        elif how == _MONTHS:
            values[key] = cells.months(raw[key] if key in raw else text, labels[key])
        elif how == _DAYS:
            values[key] = cells.days(raw[key] if key in raw else text, labels[key])
        elif how == _SERVICES:
            values[key] = [
                _choice(t, labels[key], _SERVICE, mapped, words)
                for t in _SPLIT.split(nfkc(text))
                if t
            ]
        elif how == _HOUSEHOLD:
            values[key] = nfkc(text) in ("全户", "户", "家庭")
        elif how == _MONTH:
            day = cells.date(raw[key] if key in raw else text, labels[key])
            values[key] = _month_of(day) if day else None
        else:  # _CODE: 6, 9 or 12 digits, as a person's 区划代码 (`cells.region_code`)
            values[key] = cells.region_code(text, labels[key]) or None
    _check(kind, values, label, today)
    return ExtraRow(sheet, kind, row, number, _packed(values), tuple(mapped) if mapped else ())


# A row of an extra sheet refused for its cells taken together (`_check`); a code's cell is
# refused by `cells.region_code`.
UNREGISTERED = template("登记日期和发现日期至少填一个")
#: … the end, then the start (days).
END_BEFORE = template("结束日期%1早于开始日期%2")
#: … the column's heading and its day (as ISO writes it: 2026-05-01).
AFTER_TODAY = template("%1 %2 晚于今天")
NO_MONTH = template("月份为空")
NO_STATUS = template("就业状态为空")
#: … the heading of the date's column.
UNDATED = template("%1为空：请填写%1（只知道月份的，填 2024-03 这样）")


def _day(text: str) -> Part:
    """A day the row holds (its ISO text) as a sentence's part: a `Day` (said as the language
    shown writes days), else as a paper writes it (`written_text`)."""
    try:
        return Day(dt.date.fromisoformat(text)) if len(text) == 10 else written_text(text)
    except ValueError:
        return written_text(text)


#: Per extra sheet, the dates it cannot be kept without.
_DATED = {"就业经历": ("start_date",), "培训": ("start_date",), "走访服务": ("visit_date",)}


def _check(kind: str, values: dict[str, Any], label: Callable[[str], str], today: str) -> None:
    """Rules within one row: dates in order, none after `today`, the key present."""
    start = values.get("start_date")
    end = values.get("end_date") or values.get("ended_date")
    if kind == "失业登记":
        if not values.get("registered_date") and not values.get("found_date"):
            raise CellError(said(UNREGISTERED))
        start = values.get("registered_date") or values.get("found_date")
    if start and end and end < start:
        raise CellError(said(END_BEFORE, _day(end), _day(start)))
    for key in ("start_date", "visit_date", "registered_date", "found_date"):
        if values.get(key) and values[key] > today:
            raise CellError(said(AFTER_TODAY, Word(label(key)), values[key]))
    if kind == "月度状态" and not values.get("month"):
        raise CellError(said(NO_MONTH))
    if kind == "月度状态" and not values.get("status"):
        raise CellError(said(NO_STATUS))
    # The date a record is known by (a job's, a training's start, a visit's day): without it
    # the record has no place in time, and the ledger's cannot be matched.
    for key in _DATED.get(kind, ()):
        if not values.get(key):
            raise CellError(said(UNDATED, Word(label(key))))


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

    `jobs`: ID number → (the job, the fields the ledger sheet gave of it). The row that fills
    it in is the first of the person's rows naming its start date that agrees with every field
    the ledger sheet gave; `ExtraPlanner` then finds the job as that row gives it, and pairs
    them. A row that does not agree (another job of the same day, a different income) fills
    nothing in: its plan changes or adds a job, each cell shown and logged as that row's, and
    the job is never written as a mix of two. Returns the (sheet, row) of each row that filled
    a field in (the import counts it as a record updated).
    """
    filled: set[tuple[str, int]] = set()
    taken: set[str] = set()
    for row in rows:
        if row.kind != JOBS or row.id_number in taken or row.id_number not in jobs:
            continue
        job, gave = jobs[row.id_number]
        if row.get("start_date") != job["start_date"]:
            continue
        fields = spell_fields(row.values)
        if any(name in gave and differs(name, job.get(name), v) for name, v in fields.items()):
            continue  # another job of that day, or a cell given otherwise: a later row may agree
        taken.add(row.id_number)
        for name, value in fields.items():
            if differs(name, job.get(name), value):
                job[name] = value
                filled.add((row.sheet, row.row))
    return filled


#: A job's cell two sheets give otherwise (%1 the field, %2 this sheet's value, %3 the other
#: sheet, %4 its row, %5 its value), taken from the other sheet.
BOTH_GIVEN = template("%1：本表填的是 %2，工作表“%3”第 %4 行填的是 %5，按“%3”导入；请核对哪个对")


def _both(name: str, ours: Any, sheet: str, row: int, theirs: Any) -> Sentence:
    """A job's cell the ledger sheet's row gives as `ours` and a 就业经历 row as `theirs`,
    taken as the latter, said at the former: '月收入：本表填的是 2800，工作表“就业经历”第 4 行
    填的是 3100，按“就业经历”导入；请核对哪个对'."""
    label = Word(FIELD_LABELS.get(name, name))
    return said(BOTH_GIVEN, label, _value(ours), sheet, str(row), _value(theirs))


def _value(value: Any) -> Part:
    """A cell's value as the preview shows it, a blank one said in the language shown."""
    text = shown(value)
    return Word(text) if text == shown(None) else text


def leave_jobs_to_their_sheet(
    plans: Sequence[RowPlan], jobs: dict[str, tuple[str, int, dict[str, Any]]]
) -> list[tuple[str, int, Sentence]]:
    """Take out of the ledger sheet's `plans` each change to a job's cell that the 就业经历
    row matched to that job (`ExtraPlanner.jobs`) gives otherwise: the job's own sheet wins,
    as when the job is new (`complete_jobs`). Each import of the same workbook turned such a
    cell back and forth, one sheet's value, then the other's. Returns what to say, at the
    ledger sheet's row: (sheet, row, text naming both cells)."""
    said = []
    income: tuple[Any, Any] | None = None
    for plan in plans:
        kept = []
        for change in plan.changes:
            other = jobs.get(change.row_id) if change.table == "employment_spells" else None
            if other is None or change.field not in other[2]:
                kept.append(change)
                continue
            sheet, row, given = other
            value = given[change.field]
            if same_value(value, change.new):
                kept.append(change)
                continue
            said.append((plan.sheet, plan.row, _both(change.field, change.new, sheet, row, value)))
            if change.field == "monthly_income":
                income = (change.new, value)
        if len(kept) < len(plan.changes):
            plan.changes = tuple(kept)
        if income is not None:
            _month_follows(plan, *income)
            income = None
    return said


def _month_follows(plan: RowPlan, ours: Any, theirs: Any) -> None:
    """The month's status the ledger sheet's `plan` gives, with its job's income as that row
    gives it (`ours`), given the income the job's own sheet gives (`theirs`): the month says
    the income of the job it names, as the import keeps it."""
    kept = []
    for change in plan.changes:
        if change.table == "monthly_status" and change.field == "income":
            if same_value(change.new, ours):
                change.new = theirs
            if not differs("income", change.old, change.new):
                continue
        kept.append(change)
    plan.changes = tuple(kept)
    if any(table == "monthly_status" for table, *_ in plan.records):
        records = list(plan.new_rows())
        plan.packed = ()
        for table, record in records:
            if table == "monthly_status" and same_value(record.get("income"), ours):
                record["income"] = theirs
            plan.add_insert(table, record)


#: A person's records of a table when the ledger holds none (read only: one for every row).
_NO_RECORDS: tuple[dict[str, Any], ...] = ()

#: The ledger's table whose records a sheet's rows are matched to.
_FACT_TABLES = {
    JOBS: "employment_spells",
    "失业登记": "unemployment_registrations",
    "培训": "services",
    "走访服务": "services",
    "月度状态": "monthly_status",
}


class ExtraPlanner:
    """Plans extra-sheet rows against the ledger (read through `db`)."""

    def __init__(self, db: Any, differ: Differ) -> None:
        self.db = db
        self.differ = differ
        self.used: set[str] = set()  # records already matched by a row of this import
        #: Each ledger job a 就业经历 row matched → (sheet, row, the job's fields it gives):
        #: the ledger sheet's row leaves those to it (`leave_jobs_to_their_sheet`).
        self.jobs: dict[str, tuple[str, int, dict[str, Any]]] = {}
        #: (sheet, row) → the job it takes ("" none), for the rows sharing a person and a start
        #: day with another row: a later row's own job is not taken by an earlier one.
        self._paired: dict[tuple[str, int], str] = {}
        #: The ledger sheet's new jobs (`plan`'s `new_jobs`): id → (fields given, sheet, row).
        self._new: dict[str, tuple[frozenset[str], str, int]] = {}
        #: What to say at a ledger sheet's row: (sheet, row, text).
        self.said: list[tuple[str, int, str | Sentence]] = []
        #: This import's new jobs → the month's status it wrote naming each (id, income):
        #: a job whose own row gives another income gives the month that income too.
        self.months: dict[str, tuple[str, Any]] = {}
        #: The import's month: an existing job whose row gives another income gives that
        #: month's status naming it the income too (`_follow_months`), unless the ledger
        #: sheet's rows change that month's income (`months_changed`, `_month_follows`).
        self.month = ""
        self.months_changed: set[str] = set()
        #: The existing jobs whose income a row changes: (its plan, the job, the new income).
        self._follow: list[tuple[RowPlan, dict[str, Any], Any]] = []
        #: The month rows a 月度状态 row of this import gives (it says that month itself).
        self._month_rows: set[str] = set()
        #: The conflicting cells decided for the sheet's value (the import's `take_sheet`): a
        #: job's income in conflict and not among them is not written, so its month does not
        #: follow it (`_follow_months`).
        self.take_sheet: Container[str] = frozenset()

    def plan(
        self,
        rows: list[ExtraRow],
        persons: dict[str, dict[str, Any]],
        new_jobs: Sequence[tuple[dict[str, Any], frozenset[str], str, int]] = (),
    ) -> list[RowPlan]:
        """One RowPlan per row (each row's person is in `persons`, by ID number), in order.

        `new_jobs`: the jobs the ledger sheet's rows add to known persons, not yet written
        (each with the fields its row gave, its sheet and row). A 就业经历 row finds them as
        the ledger's: the one it takes is completed in place (`_complete`), not added again.

        `rows` is emptied as it is planned, each row let go once its plan is made: a workbook's
        extra sheets may hold hundreds of thousands of rows, and with their plans beside them
        they were the peak of an import's memory.
        """
        # Each table read for the persons whose rows can match its records, and only those:
        # a 就业经历 sheet alone read every person's registrations, services and months too.
        # And each read only when its first row is planned, and let go after its last: an
        # update of a whole exported workbook held every record of every person at once.
        ids: dict[str, dict[str, None]] = {table: {} for table in _FACT_TABLES.values()}
        households: dict[str, None] = {}
        last: dict[str, int] = {}  # table → the index of the last row planned against it
        for index, row in enumerate(rows):
            table = _FACT_TABLES[row.kind]
            ids[table][persons[row.id_number]["id"]] = None
            last[table] = index
            if row.kind == "走访服务":
                households[persons[row.id_number]["household_id"] or ""] = None
                last["visits"] = index
        for job, gave, sheet, row_no in new_jobs:
            self._new[str(job["id"])] = (gave, sheet, row_no)
        ends: dict[int, list[str]] = {}
        for table, at in last.items():
            ends.setdefault(at, []).append(table)
        del last
        facts: dict[str, dict[str, list[dict[str, Any]]]] = {}
        plans = []
        rows.reverse()  # taken from the end, in the rows' order
        index = 0
        while rows:
            kind = rows[-1].kind
            table = _FACT_TABLES[kind]
            if table not in facts:  # its first row: read, and the rows sharing a key paired
                self._read(table, ids.pop(table), rows, persons, facts, new_jobs)
            if kind == "走访服务" and "visits" not in facts:
                facts["visits"] = store.visits_of_households(self.db, households)
                households = {}
                self._pair_same_key("走访服务", rows, persons, facts)
            row = rows.pop()
            person = persons[row.id_number]
            plan = RowPlan(row.sheet, row.row, person["id"], person["name"], person["id_number"])
            mine = facts[table].get(person["id"], _NO_RECORDS)
            values = row.values
            if kind == JOBS:
                self._spell(plan, values, mine)
            elif kind == "失业登记":
                self._registration(plan, values, mine)
            elif kind == "培训":
                self._training(plan, values, mine, person)
            elif kind == "走访服务":
                household_visits = facts["visits"].get(person["household_id"] or "", _NO_RECORDS)
                self._visit(plan, values, mine, household_visits, person)
            elif kind == "月度状态":
                self._month(plan, values, mine)
            plans.append(plan)
            for done in ends.get(index, ()):  # its last row planned: let go
                facts[done] = {}
            index += 1
        self._follow_months()
        return plans

    def _read(
        self,
        table: str,
        wanted: dict[str, None],
        rows: list[ExtraRow],
        persons: dict[str, dict[str, Any]],
        facts: dict[str, dict[str, list[dict[str, Any]]]],
        new_jobs: Sequence[tuple[dict[str, Any], frozenset[str], str, int]],
    ) -> None:
        """`table`'s records of the `wanted` persons into `facts`, before its first row is
        planned (`rows`: those not yet planned, last first): with the ledger sheet's new jobs
        among the jobs, and the rows that share the records of their key paired (`_pair`)."""
        facts[table] = store.fact_rows(self.db, table, wanted) if wanted else {}
        if table == "employment_spells":
            for job, *_ in new_jobs:
                facts[table].setdefault(job["person_id"], []).append(job)
            self._pair_same_day_jobs(reversed(rows), persons, facts[table])
        elif table == "unemployment_registrations":
            self._pair_same_key("失业登记", rows, persons, facts)
        elif table == "services":
            self._pair_same_key("培训", rows, persons, facts)

    def _pair_same_day_jobs(
        self,
        rows: Iterable[ExtraRow],
        persons: dict[str, dict[str, Any]],
        spells: dict[str, list[dict[str, Any]]],
    ) -> None:
        """For the 就业经历 rows sharing a person and a start day (two jobs of one day), which
        ledger job each takes, before any takes one (`_pair`)."""
        days: dict[tuple[str, Any], list[ExtraRow]] = {}
        for row in rows:
            if row.kind == JOBS:
                days.setdefault((row.id_number, row.get("start_date")), []).append(row)
        for (number, start), same_day in days.items():
            if len(same_day) < 2:
                continue
            jobs = [s for s in spells.get(persons[number]["id"], []) if s["start_date"] == start]
            self._pair([(row, spell_fields(row.values)) for row in same_day], jobs)

    def _pair_same_key(
        self,
        kind: str,
        rows: list[ExtraRow],
        persons: dict[str, dict[str, Any]],
        facts: dict[str, dict[str, list[dict[str, Any]]]],
    ) -> None:
        """For the rows of `kind` (失业登记, 培训 or 走访服务) of `rows` (last first) sharing
        the ledger's records of their key (two trainings of one kind and day, two visits of
        one day), which record each takes, before any takes one (`_pair`)."""
        visits = facts.get("visits", {})
        groups: dict[tuple[str, ...], list[ExtraRow]] = {}
        for row in reversed(rows):
            if row.kind == kind:
                found, _ = _keyed(row, persons[row.id_number], facts, visits)
                if found:
                    groups.setdefault(tuple(str(r["id"]) for r in found), []).append(row)
        for same_key in groups.values():
            if len(same_key) > 1:  # each row's fields read again: a few rows of thousands
                keyed = [_keyed(row, persons[row.id_number], facts, visits) for row in same_key]
                self._pair(
                    [(row, k[1]) for row, k in zip(same_key, keyed, strict=True)], keyed[0][0]
                )

    def _pair(
        self, members: list[tuple[ExtraRow, dict[str, Any]]], records: list[dict[str, Any]]
    ) -> None:
        """Which of `records` (the ledger's, of one key) each of `members` (rows of that key,
        each with the fields it gives) takes (`_paired`): a row repeating a record exactly
        first, then the row agreeing with a record in the most cells (of equals, the earlier
        row and record); the rows left over are new records. The first row no longer takes
        the record a later row gives as it is."""
        pairs = []
        for i, (row, wanted) in enumerate(members):
            for j, record in enumerate(records):
                agree = sum(same_value(record.get(k), v) for k, v in wanted.items())
                pairs.append((agree == len(wanted), agree, -i, -j, row, record))
        pairs.sort(key=lambda p: p[:4], reverse=True)
        taken: set[str] = set()
        for *_, row, record in pairs:
            key = (row.sheet, row.row)
            if key not in self._paired and record["id"] not in taken:
                self._paired[key] = str(record["id"])
                taken.add(record["id"])
        for row, _ in members:
            self._paired.setdefault((row.sheet, row.row), "")

    def _claim(
        self, plan: RowPlan, rows: Sequence[dict[str, Any]], wanted: dict[str, Any]
    ) -> dict[str, Any] | None:
        """Of the ledger's records of a row's key (a job's start day, a training's kind and
        day …): the one paired with it when another row shares the key (`_pair`, "": none, a
        new record), else of those no row took, the one agreeing with it in the most cells
        (the first of equals); taken from now on."""
        paired = self._paired.get((plan.sheet, plan.row))
        if paired is not None:
            free = [r for r in rows if r["id"] == paired]
        else:
            free = [r for r in rows if r["id"] not in self.used]
        if not free:
            return None
        match = max(free, key=lambda r: sum(same_value(r.get(k), v) for k, v in wanted.items()))
        self.used.add(match["id"])
        return match

    def _complete(self, plan: RowPlan, job: dict[str, Any], updates: dict[str, Any]) -> None:
        """A new job of the ledger sheet's, not yet written, taken by a 就业经历 row: its
        cells written into it (the job's own sheet wins, as on an existing job), each one
        the ledger sheet's row gave otherwise said there, naming both."""
        gave, sheet, row = self._new[str(job["id"])]
        for name, value in updates.items():
            if not differs(name, job.get(name), value):
                continue
            if name in gave:
                said = _both(name, job.get(name), plan.sheet, plan.row, value)
                self.said.append((sheet, row, said))
            job[name] = value

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

    def _spell(self, plan: RowPlan, values: dict[str, Any], rows: Sequence[dict[str, Any]]) -> None:
        updates = spell_fields(values)
        match = self._claim(
            plan, [r for r in rows if r["start_date"] == values["start_date"]], updates
        )
        if match is not None:
            self.jobs[str(match["id"])] = (plan.sheet, plan.row, updates)
            if str(match["id"]) in self._new:
                self._complete(plan, match, updates)
                return
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
        if match is not None:
            self._month_follows_job(plan, match, updates)

    def _month_follows_job(
        self, plan: RowPlan, job: dict[str, Any], updates: dict[str, Any]
    ) -> None:
        """This month's status the import wrote naming `job` (a new person's, `months`) with
        its income as the 台账 gave it: when the job's own row gives another, the month says
        that one too (the import keeps the job's sheet's), changed in the same row's plan —
        by the one rule of the job editor and `import --update` (`work.month_follows`), the
        month and its job written at once by this import (neither said after the other).
        An existing job's month is read from the ledger once all rows are planned
        (`_follow_months`)."""
        month = self.months.get(str(job["id"]))
        if month and "monthly_income" in updates:
            written = {
                "month": self.month,
                "income": month[1],
                "income_at": "",
                "job_income_at": "",
            }
            if month_follows(written, job["monthly_income"], updates["monthly_income"]) is True:
                row = {"id": month[0], "income": month[1]}
                income = {"income": updates["monthly_income"]}
                self.differ.change(plan, "monthly_status", row, income)
        elif (
            not month
            and self.month
            and "monthly_income" in updates
            and differs("monthly_income", job.get("monthly_income"), updates["monthly_income"])
        ):
            self._follow.append((plan, job, updates["monthly_income"]))

    def _follow_months(self) -> None:
        """The existing jobs whose rows change their income (`_follow`): the import's month's
        status naming each (read once for all) takes the new income, one change in the job's
        row's plan, as a new person's does. A month whose income is not the job's and was
        changed after it (its own change later in the log: set by hand) is left, and said.
        Nor does a month follow a job's income the import does not write: one changed in the
        ledger after the sheet's date (a conflict, kept as the ledger has it unless decided for
        the sheet) — the month would say an income its job does not."""
        if not self._follow:
            return
        ids = {
            natural_id("monthly_status", job["person_id"], self.month): str(job["id"])
            for _, job, _ in self._follow
        }
        months = months_naming_jobs(self.db, ids)
        for plan, job, income in self._follow:
            month = months.get(str(job["id"]))
            if month is None:
                continue
            if month["id"] in self.months_changed or month["id"] in self._month_rows:
                continue  # the month's own cell on this workbook says it
            if self._income_held(plan, str(job["id"])):
                continue  # the job keeps the ledger's income; its conflict is shown
            # The job editor's rule (`work.month_follows`): one rule, one sentence.
            follows = month_follows(month, job["monthly_income"], income)
            if isinstance(follows, Sentence):
                self.said.append((plan.sheet, plan.row, follows))
            elif follows:  # its income is the job's: the job's conflict, if any, decides it
                self.differ.change(plan, "monthly_status", month, {"income": income}, follows=True)
        self._follow = []

    def _income_held(self, plan: RowPlan, job_id: str) -> bool:
        """True when `plan` changes the job's monthly income only as a conflict not decided
        for the sheet: the import leaves that income as the ledger has it."""
        for change in plan.changes:
            if (change.table, change.row_id, change.field) == (
                "employment_spells",
                job_id,
                "monthly_income",
            ):
                return change.conflict is not None and (
                    change.key not in self.take_sheet or change.key in self.differ.overtaken
                )
        return False

    def _registration(
        self, plan: RowPlan, values: dict[str, Any], rows: Sequence[dict[str, Any]]
    ) -> None:
        match = self._claim(plan, _registrations_of(values, rows), values)
        defaults = {"person_id": plan.person_id}
        self._upsert(plan, "unemployment_registrations", match, dict(values), defaults)

    def _training(
        self,
        plan: RowPlan,
        values: dict[str, Any],
        rows: Sequence[dict[str, Any]],
        person: dict[str, Any],
    ) -> None:
        found, updates = _trainings_of(values, rows)
        match = self._claim(plan, found, updates)
        start = values["start_date"]
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
        services: Sequence[dict[str, Any]],
        visits: Sequence[dict[str, Any]],
        person: dict[str, Any],
    ) -> None:
        day = values["visit_date"]
        types = values.get("service_types", [])
        text: dict[str, Any] = {k: values[k] for k in ("notes", "outcome") if k in values}
        household_id = person["household_id"]
        if values.get("visited", True):
            person_id = None if values.get("whole_household") else plan.person_id
            found, wanted = _visits_of(values, visits, plan.person_id)
            match = self._claim(plan, found, wanted)
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

    def _month(self, plan: RowPlan, values: dict[str, Any], rows: Sequence[dict[str, Any]]) -> None:
        row_id = natural_id("monthly_status", plan.person_id, values["month"])
        self._month_rows.add(row_id)
        match = next((r for r in rows if r["id"] == row_id), None)
        updates = {k: v for k, v in values.items() if k in ("status", "income", "notes")}
        defaults = {"person_id": plan.person_id, "month": values["month"], "notes": ""}
        self._upsert(plan, "monthly_status", match, updates, defaults, row_id)


def _keyed(
    row: ExtraRow,
    person: dict[str, Any],
    facts: dict[str, dict[str, list[dict[str, Any]]]],
    visits: dict[str, list[dict[str, Any]]],
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """A 失业登记, 培训 or 走访服务 row's records of its key, and the fields it gives them
    (none for a service given without a visit)."""
    values = row.values
    if row.kind == "失业登记":
        registrations = facts["unemployment_registrations"].get(person["id"], _NO_RECORDS)
        return _registrations_of(values, registrations), values
    if row.kind == "培训":
        return _trainings_of(values, facts["services"].get(person["id"], _NO_RECORDS))
    if not values.get("visited", True):
        return [], {}
    return _visits_of(values, visits.get(person["household_id"] or "", _NO_RECORDS), person["id"])


def _registrations_of(
    values: dict[str, Any], rows: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """A 失业登记 row's records of its key: its person's registrations of its registration
    day, else (none given) of its day found among those not registered."""
    registered, found = values.get("registered_date"), values.get("found_date")
    return [
        r
        for r in rows
        if (registered and r["registered_date"] == registered)
        or (not registered and not r["registered_date"] and r["found_date"] == found)
    ]


def _trainings_of(
    values: dict[str, Any], services: Sequence[dict[str, Any]]
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """A 培训 row's records of its key (the person's trainings of its kind and start day),
    and the fields it gives them."""
    start, kind = values["start_date"], values.get("training_kind", "")
    found = [
        r
        for r in services
        if r["service_type"] == TRAINING
        and r["service_date"] == start
        and (r["training_kind"] or "") == kind
    ]
    return found, {k: v for k, v in values.items() if k != "start_date"}


def _visits_of(
    values: dict[str, Any], visits: Sequence[dict[str, Any]], person_id: str
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """A 走访服务 row's records of its key (its household's visits of its day, to the person
    or, 全户, to the household), and the fields it gives them."""
    visited = None if values.get("whole_household") else person_id
    found = [
        v for v in visits if v["visit_date"] == values["visit_date"] and v["person_id"] == visited
    ]
    return found, {k: values[k] for k in ("visitor", "notes", "outcome") if k in values}
