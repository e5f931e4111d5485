"""Importing a 台账 spreadsheet: every good row in, every bad row reported with its reason.

Rows go through in chunks of a few thousand, each in three steps. (1) Each row is parsed and
validated on its own (ID number, dates, categories, enumerations…) without touching the
database. (2) Rows are checked against the rows before them and the ledger: duplicate ID
numbers, households grouped by 户主身份证号码 (a new household for a head in the file, the
existing one for a head already in the ledger), areas found or created; a member whose head's
row is further down waits for the end. (3) The chunk's accepted rows go to a `BulkInserter`.

Everything is written in one transaction, so a row is never half-written and a cancelled or
failed import leaves the ledger as it was. SQLite writes a chunk on its own thread while the
next chunk is parsed; the checks in (2) read the ledger through a second connection, which
sees it as it was before the import. Households and areas are written last, once every member
has been seen (a member's categories mark a household as relocated or lifted).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from fieldapp.bulk import paused_gc
from fieldapp.domain import divisions, idnumber
from fieldapp.domain.areacode import AreaLevel, area_at
from fieldapp.domain.dates import month_key
from fieldapp.domain.enums import (
    Category,
    EmploymentForm,
    Health,
    LabourAbility,
    Relation,
    WorkStatus,
    parse_labour_ability,
)
from fieldapp.domain.errors import InvalidIdNumber
from fieldapp.domain.progress import CancelCheck, Progress, Ticker
from fieldapp.store.bulk_insert import BulkInserter
from fieldapp.store.ledger import Ledger, natural_id, new_id
from fieldapp.store.queries.areas import all_areas
from fieldapp.tabular import cells, store
from fieldapp.tabular.areas import AreaResolver, PlaceRef
from fieldapp.tabular.cells import CellError
from fieldapp.tabular.columns import (
    BY_KEY,
    CATEGORY_ALIASES,
    RELATION_ALIASES,
    WORK_STATUS_ALIASES,
)
from fieldapp.tabular.reader import Table, read_table

#: Rows parsed, placed and handed to the writer at a time.
CHUNK_ROWS = 5000
#: Rows in the first chunk: the writer thread waits for it, idle, while it is checked.
FIRST_CHUNK_ROWS = 1000
#: 人员类别 cells and items parsed once each per import. Dates make them varied (a 100 000-row
#: ledger has about 35 000 distinct cells, 18 000 distinct items); the caches are emptied
#: when an import ends, so the app does not keep them.
CATEGORY_CACHE = 1 << 16
_CATEGORY_SPLIT = re.compile(r"[、,，;；/\s]+(?![^()]*\))")
_CATEGORY_ITEM = re.compile(r"^([^()]+?)(?:\(([^)]*)\))?$")
_SPACES = re.compile(r"\s+")
_RANGE_SPLIT = re.compile(r"\s*(?:~|～|至|到|—|--)\s*")
_LIFTED = {Category.LIFTED.value}
_RELOCATED = {Category.RELOCATED.value, Category.RELOCATED_FOLLOWER.value}


@dataclass(frozen=True)
class RowProblem:
    """A rejected row (or a warning about an imported one): spreadsheet row number and reason."""

    row: int
    reason: str

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"row": self.row, "reason": self.reason}


@dataclass
class ImportReport:
    """What an import did."""

    imported: int = 0
    rejected: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    households_created: int = 0
    households_joined: int = 0
    areas_created: int = 0
    sheet: str = ""
    unknown_headers: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """`{"imported": n, "rejected": [{"row": r, "reason": "..."}], "warnings": [...]}`."""
        return {
            "imported": self.imported,
            "rejected": [p.as_dict() for p in self.rejected],
            "warnings": [p.as_dict() for p in self.warnings],
            "households_created": self.households_created,
            "households_joined": self.households_joined,
            "areas_created": self.areas_created,
        }


@dataclass(slots=True)
class ParsedRow:
    """One valid row, ready to be placed in a household and written."""

    row: int
    person: dict[str, Any]
    head_number: str
    categories: list[tuple[str, str | None, str | None]]
    spell: dict[str, Any] | None
    status: str | None
    place: PlaceRef
    household: dict[str, Any]
    warnings: list[str]
    hukou_given: bool


# -- pass 1: one row ------------------------------------------------------------------------------


def _label(key: str) -> str:
    return BY_KEY[key].header


def _id_number(value: object, key: str) -> idnumber.IdInfo:
    if type(value) is str:
        raw = value.strip()
    elif isinstance(value, float) and value >= 1e11:
        raise CellError(
            f"{_label(key)}已被 Excel 存成数字（{value:.6g}），后几位已丢失，无法恢复；"
            "请把该列设为文本后重新录入"
        )
    else:
        raw = cells.text(value)
    if not raw:
        raise CellError(f"{_label(key)}为空")
    try:
        return _validate(raw)
    except InvalidIdNumber as error:
        # The domain's messages start with 身份证号码; say when it is the head's number.
        message = str(error)
        raise CellError("户主" + message if key == "head_id_number" else message) from None


@lru_cache(maxsize=4096)
def _validate(raw: str) -> idnumber.IdInfo:
    """idnumber.validate, cached: a household's head number repeats on every member's row."""
    return idnumber.validate(raw)


def _choice_text(text: str, key: str, parse: Callable[[str], Any], default: Any) -> Any:
    """A drop-down cell (read as text) parsed by `parse`; `default` when blank."""
    if not text:
        return default
    try:
        return _parsed(parse, text)
    except (ValueError, KeyError):
        allowed = "、".join(BY_KEY[key].choices)
        raise CellError(f"{_label(key)}“{_norm(text)}”无法识别，应为：{allowed}") from None


@lru_cache(maxsize=1024)
def _parsed(parse: Callable[[str], Any], text: str) -> Any:
    """A drop-down value parsed once per import run: the same few words fill every row."""
    return parse(_norm(text))


@lru_cache(maxsize=4096)
def _region_code(text: str, label: str) -> str:
    """A 区划代码 cell as digits (spaces dropped), once per distinct cell; "" when blank."""
    code = _SPACES.sub("", _norm(text))
    if code and (not code.isdigit() or len(code) not in (6, 9, 12)):
        raise CellError(f"{label}“{code}”应为 6、9 或 12 位数字")
    return code


def _relation(text: str) -> Relation:
    return RELATION_ALIASES.get(text) or Relation(text)


def _work_status(text: str) -> WorkStatus:
    return WORK_STATUS_ALIASES.get(text) or WorkStatus(text)


@lru_cache(maxsize=CATEGORY_CACHE)
def _categories(text: str) -> tuple[tuple[str, str | None, str | None], ...]:
    """'脱贫人口（2016-12-31）、低保' → ((category, start, end), …), or CellError naming the bad
    item; once per distinct text (many rows repeat one)."""
    found: dict[str, tuple[str, str | None, str | None]] = {}
    for item in _CATEGORY_SPLIT.split(_norm(text)):
        if item:
            parsed = _category_item(item)
            found.setdefault(parsed[0], parsed)
    return tuple(found.values())


@lru_cache(maxsize=CATEGORY_CACHE)
def _category_item(item: str) -> tuple[str, str | None, str | None]:
    """One '脱贫人口(2016-12-31)' of a cell: (category, start, end)."""
    match = _CATEGORY_ITEM.match(item)
    if not match:
        raise CellError(f"人员类别“{item}”格式不对")
    word, dates = match.group(1).strip(), (match.group(2) or "").strip()
    category = _category(word)
    start = end = None
    if dates:
        parts = _RANGE_SPLIT.split(dates, maxsplit=1)
        start_day = cells.date(parts[0], f"{category}的认定日期") if parts[0] else None
        end_day = cells.date(parts[1], f"{category}的结束日期") if len(parts) > 1 else None
        start = start_day.isoformat() if start_day else None
        end = end_day.isoformat() if end_day else None
    return category, start, end


def _category(word: str) -> str:
    if word == "三类人员":
        raise CellError(
            "“三类人员”是统称，请写明具体类别（脱贫人口、农村低收入人口、易地搬迁人口等）"
        )
    try:
        return Category(word).value
    except ValueError:
        if word in CATEGORY_ALIASES:
            return CATEGORY_ALIASES[word].value
    known = "、".join(c.value for c in Category)
    raise CellError(f"未知的人员类别“{word}”（可用：{known}）")


#: Columns the import reads nothing from (序号, and 户主姓名 which is only there for people).
_UNUSED = frozenset({"seq", "head_name"})
_READ = frozenset(BY_KEY) - _UNUSED
#: Columns whose number and date cells the parsers take as they are (an ID number Excel turned
#: into a number, a date cell, an Excel day number, an amount).
_RAW = frozenset(
    {
        "id_number",
        "head_id_number",
        "start_date",
        "monthly_income",
        "contract_months",
        "insurance_months",
        "graduation_year",
    }
)


def _norm(text: str) -> str:
    """`cells.norm` for a cell already read as text."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def _spell(
    texts: dict[str, str],
    get: Callable[[str], object],
    status: WorkStatus | None,
    today: dt.date,
) -> dict[str, Any] | None:
    """The row's current job; `get` gives a cell as its parser takes it (see `parse_row`)."""
    text = texts.get
    has_work = bool(
        text("workplace")
        or text("workplace_code")
        or text("employer")
        or text("start_date")
        or text("monthly_income")
    )
    if status is None and not has_work:
        return None
    if status is not None and status is not WorkStatus.EMPLOYED:
        if has_work:
            raise CellError(f"就业状态为“{status.value}”，但填写了务工信息，请核对")
        return None
    start = cells.date(get("start_date"), _label("start_date"))
    if start is None:
        raise CellError("已就业人员须填写务工开始日期")
    if start > today:
        raise CellError(f"务工开始日期 {start.isoformat()} 晚于今天")
    place_name = texts.get("workplace", "")
    place_code = _region_code(texts.get("workplace_code", ""), "务工地区划代码")
    if not place_code and place_name:
        place_code = divisions.resolve_place(place_name) or ""
    if place_code and not place_name:
        place_name = divisions.full_name(place_code) if divisions.get(place_code) else ""
        place_name = place_name or divisions.name(place_code) or ""
    form = _choice_text(texts.get("form", ""), "form", EmploymentForm, EmploymentForm.EMPLOYEE)
    return {
        "start_date": start.isoformat(),
        "end_date": None,
        "place_code": place_code,
        "place_name": place_name,
        "form": form.value,
        "employer": texts.get("employer", ""),
        "monthly_income": cells.number(get("monthly_income"), _label("monthly_income")),
        "contract_months": cells.months(get("contract_months"), _label("contract_months")),
        "insurance_months": cells.months(get("insurance_months"), _label("insurance_months")),
        "organized_export": bool(
            cells.yes_no(text("organized_export"), _label("organized_export"))
        ),
        "export_agency": texts.get("export_agency", ""),
        "is_first_export": None,
        "is_casual": False,
        "training_days": None,
    }


def parse_row(
    row: int, texts: dict[str, str], raw: dict[str, object], today: dt.date | None = None
) -> ParsedRow:
    """Validate one row on its own; CellError carries the Chinese reason.

    `texts` and `raw` are a row as `Table.records` gives it: each filled cell as text, and the
    number and date cells of the `_RAW` columns as read.
    """
    # Written for speed (it runs once per row of files of 100 000 rows): every cell is read as
    # text once, blank cells take the short way, and the parsers see only filled cells.
    text = texts.get

    def get(key: str) -> object:
        """A cell as read when it is a number or date of a `_RAW` column, else as text."""
        return raw[key] if key in raw else text(key)

    name = "".join(text("name", "").split())
    if not name:
        raise CellError("姓名为空")
    if len(name) > 40:
        raise CellError(f"姓名“{name[:10]}…”过长")
    own = get("id_number")
    info = _id_number(own, "id_number")
    head_given = bool(text("head_id_number"))
    head_raw = get("head_id_number")
    if not head_given:
        head_number = info.number
    elif head_raw is own or (type(head_raw) is str and head_raw == own):
        head_number = info.number  # the head's own row: the same cell, already validated
    else:
        head_number = _id_number(head_raw, "head_id_number").number
    is_head = head_number == info.number
    relation = _choice_text(
        text("relation", ""), "relation", _relation, Relation.HEAD if is_head else Relation.OTHER
    )
    if not head_given and relation is not Relation.HEAD:
        raise CellError("户主身份证号码为空（户主本人可填自己的号码）")
    if is_head and relation is not Relation.HEAD:
        raise CellError(f"本人身份证号码与户主身份证号码相同，但与户主关系填的是“{relation.value}”")
    if not is_head and relation is Relation.HEAD:
        raise CellError("与户主关系为“户主”，但户主身份证号码不是本人的号码")
    status = _choice_text(text("work_status", ""), "work_status", _work_status, None)
    spell = _spell(texts, get, status, today or dt.date.today())
    if spell is not None:
        status = WorkStatus.EMPLOYED
    hukou = text("hukou_code", "")
    if hukou:
        hukou = _region_code(hukou, "户籍地区划代码")
    labour = _choice_text(
        text("labour_ability", ""), "labour_ability", parse_labour_ability, LabourAbility.ORDINARY
    )
    account = text("account_number", "")
    person = {
        "name": name,
        "id_number": info.number,
        "relation": relation.value,
        "phone": cells.phone(text("phone")) if text("phone") else "",
        "labour_ability": labour.value,
        "health": _choice_text(text("health", ""), "health", Health, Health.HEALTHY).value,
        "education": text("education", ""),
        "graduation_year": (
            cells.year(get("graduation_year"), _label("graduation_year"))
            if text("graduation_year")
            else None
        ),
        "account_bank": text("account_bank", ""),
        "account_number": _SPACES.sub("", _norm(account)) if account else "",
        "hukou_code": hukou,
        "notes": text("notes", ""),
    }
    place = PlaceRef(
        text("county", ""),
        text("township", ""),
        text("village", ""),
        text("group", ""),
        text("site", ""),
        building=text("building", ""),
        code=_norm(text("area_code", "")),
    )
    household = {"address": text("address", ""), "household_no": text("household_no", "")}
    warnings = list(info.warnings)
    if spell and spell["place_name"] and not spell["place_code"]:
        warnings.append(f"务工地点“{spell['place_name']}”未能识别为行政区划，按文字保存")
    categories = text("categories")
    return ParsedRow(
        row,
        person,
        head_number,
        list(_categories(categories)) if categories else [],
        spell,
        status.value if status else None,
        place,
        household,
        warnings,
        bool(hukou),
    )


# -- pass 2 and 3 ---------------------------------------------------------------------------------


class LedgerImporter:
    """Imports one table into one ledger (see the module docstring for the passes)."""

    def __init__(
        self,
        ledger: Ledger,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
        today: dt.date | None = None,
    ) -> None:
        self.ledger = ledger
        self.job = Ticker(progress, cancelled, message="已取消导入，台账未作任何修改", every=1000)
        self.today = today or dt.date.today()
        self.report = ImportReport()
        self._month = month_key(self.today)
        self._reads: Database = ledger.db
        self._resolver = AreaResolver([])
        self._first_row: dict[str, int] = {}  # ID number → first row carrying it
        self._households: dict[str, str] = {}  # head's ID number → household id
        self._new_households: dict[str, dict[str, Any]] = {}  # household id → row, written last
        self._area_of: dict[str, str] = {}  # household id → area code
        self._waiting: list[ParsedRow] = []  # members whose head's row comes further down
        self._written: set[str] = set()  # ids of the persons this import wrote

    def run(self, table: Table) -> ImportReport:
        """Validate and write; returns the report (rejected rows listed, good rows written)."""
        self.report.sheet = table.sheet
        self.report.unknown_headers = table.unknown_headers
        total = len(table.rows)
        self.job.tick(0, total, force=True)
        reader = self._open_reader()
        self._reads = reader or self.ledger.db
        try:
            ledger = self.ledger
            with ledger.transaction(), ledger.bulk_inserter(threaded=bool(reader)) as bulk:
                self._resolver = AreaResolver(all_areas(self._reads))
                for start, stop in _chunks(total):
                    parsed = self._parse(table.records(start, stop, _READ, _RAW), start, total)
                    self._write(bulk, self._place(parsed))
                    self.job.tick(stop, total, force=True)
                self._write(bulk, self._place_waiting())
                bulk.insert_many("areas", self._resolver.created)
                bulk.insert_many("households", list(self._new_households.values()))
                self.job.tick(total, total, force=True)  # the last moment a cancel undoes all
        finally:
            if reader is not None:
                reader.conn.close()
        self.report.areas_created = len(self._resolver.created)
        self.report.rejected.sort(key=lambda p: p.row)
        self.report.warnings.sort(key=lambda p: p.row)
        return self.report

    def _open_reader(self) -> Database | None:
        """A second connection for the import's reads, so the writes can run on their thread."""
        try:
            return self.ledger.reader()
        except ValueError:  # an in-memory ledger: reads and writes share its one connection
            return None

    def _reject(self, row: int, reason: str) -> None:
        self.report.rejected.append(RowProblem(row, reason))

    def _parse(
        self,
        records: Iterable[tuple[int, dict[str, str], dict[str, object]]],
        done: int,
        total: int,
    ) -> list[ParsedRow]:
        parsed: list[ParsedRow] = []
        today = self.today
        for offset, (row, texts, raw) in enumerate(records):
            self.job.tick(done + offset, total)
            try:
                parsed.append(parse_row(row, texts, raw, today))
            except CellError as error:
                self._reject(row, str(error))
        return parsed

    def _known(self, numbers: list[str]) -> dict[str, store.KnownPerson]:
        """Persons the ledger held before this import with any of these ID numbers."""
        found = store.persons_by_number(self._reads, numbers)
        return {n: p for n, p in found.items() if p.id not in self._written}

    def _place(self, parsed: list[ParsedRow]) -> list[tuple[ParsedRow, str]]:
        """Drop duplicates and find each row's household; returns (row, household id).

        Rows are taken in file order, so the first of two rows with one ID number is the one
        imported. A member whose head's row comes further down waits for `_place_waiting`.
        """
        known = self._known(
            [p.person["id_number"] for p in parsed] + [p.head_number for p in parsed]
        )
        accepted: list[tuple[ParsedRow, str]] = []
        for item in parsed:
            number = item.person["id_number"]
            if number in self._first_row:
                self._reject(item.row, f"身份证号码 {number} 与第 {self._first_row[number]} 行重复")
                continue
            self._first_row[number] = item.row
            if number in known:
                other = known[number]
                self._reject(
                    item.row, f"身份证号码 {number} 已在台账中（{other.name}），不能重复导入"
                )
                continue
            household_id = self._household_for(item, known)
            if household_id is _WAIT:
                self._waiting.append(item)
            elif household_id is not None:
                accepted.append((item, household_id))
        self._add_similar_name_warnings([a[0] for a in accepted])
        return accepted

    def _household_for(self, item: ParsedRow, known: dict[str, store.KnownPerson]) -> str | None:
        """The row's household id; None when the row is rejected, `_WAIT` to decide later."""
        head = item.head_number
        household_id = self._households.get(head)
        if household_id is not None:
            return household_id
        if head in known:
            household_id = known[head].household_id
            if household_id is None:
                self._reject(item.row, f"户主（身份证号码 {head}）在台账中尚未分户，请先为其建户")
                return None
            self.report.households_joined += 1
            self._area_of[household_id] = store.household_area(self._reads, household_id) or ""
        elif head == item.person["id_number"]:
            try:
                area_code = self._resolver.resolve(item.place)
            except CellError as error:
                self._reject(item.row, str(error))
                return None
            household_id = new_id()
            self._new_households[household_id] = self._new_household(item, household_id, area_code)
            self._area_of[household_id] = area_code
            self.report.households_created += 1
        else:
            return _WAIT
        self._households[head] = household_id
        return household_id

    def _place_waiting(self) -> list[tuple[ParsedRow, str]]:
        """Members whose head's row came after theirs: into that household, or rejected."""
        accepted: list[tuple[ParsedRow, str]] = []
        for item in self._waiting:
            head = item.head_number
            household_id = self._households.get(head)
            if household_id is not None:
                accepted.append((item, household_id))
            elif head in self._first_row:
                self._reject(
                    item.row,
                    f"户主所在的第 {self._first_row[head]} 行未能导入，同户成员一并退回",
                )
            else:
                self._reject(item.row, f"户主身份证号码 {head} 既不在本表中，也不在台账中")
        self._waiting.clear()
        self._add_similar_name_warnings([a[0] for a in accepted])
        return accepted

    def _new_household(self, head: ParsedRow, household_id: str, area_code: str) -> dict[str, Any]:
        head.person["id"] = new_id()
        return {
            "id": household_id,
            "area_code": area_code,
            "address": head.household["address"],
            "household_no": head.household["household_no"],
            "head_person_id": head.person["id"],
            "is_relocated": False,
            "is_lifted": False,
            "notes": "",
        }

    def _add_similar_name_warnings(self, rows: list[ParsedRow]) -> None:
        if not rows:
            return
        similar = store.persons_by_name(self._reads, [r.person["name"] for r in rows])
        similar = {k: p for k, p in similar.items() if p.id not in self._written}
        if not similar:  # a new ledger, or no namesakes in this chunk
            return
        for item in rows:
            birth = item.person["id_number"][6:14]
            key = (item.person["name"], f"{birth[:4]}-{birth[4:6]}-{birth[6:]}")
            if key in similar:
                other = similar[key]
                item.warnings.append(
                    f"台账中已有同名同出生日期的人：{other.name}，身份证号码 {other.id_number}，"
                    "请确认不是同一人"
                )

    def _write(self, bulk: BulkInserter, accepted: list[tuple[ParsedRow, str]]) -> None:
        persons, categories, spells, statuses = [], [], [], []
        month = self._month
        for item, household_id in accepted:
            person = dict(item.person)
            person_id = person.get("id") or new_id()
            person["id"] = person_id
            person["household_id"] = household_id
            if not item.hukou_given:
                person["hukou_code"] = area_at(self._area_of.get(household_id), AreaLevel.COUNTY)
            persons.append(person)
            household = self._new_households.get(household_id)
            for category, start, end in item.categories:
                categories.append(
                    {
                        "person_id": person_id,
                        "category": category,
                        "start_date": start,
                        "end_date": end,
                    }
                )
                if household is not None and category in _RELOCATED:
                    household["is_relocated"] = True
                if household is not None and category in _LIFTED:
                    household["is_lifted"] = True
            spell_id = None
            if item.spell is not None:
                spell_id = new_id()
                spells.append({"id": spell_id, "person_id": person_id, **item.spell})
            if item.status is not None:
                statuses.append(
                    {
                        "id": natural_id("monthly_status", person_id, month),
                        "person_id": person_id,
                        "month": month,
                        "status": item.status,
                        "spell_id": spell_id,
                        "income": item.spell["monthly_income"] if item.spell else None,
                        "notes": "导入",
                    }
                )
            self.report.warnings.extend(RowProblem(item.row, w) for w in item.warnings)
        self._written.update(p["id"] for p in persons)
        for table, rows in (
            ("persons", persons),
            ("person_categories", categories),
            ("employment_spells", spells),
            ("monthly_status", statuses),
        ):
            bulk.insert_many(table, rows)
        self.report.imported += len(persons)


_WAIT = "wait"  # `_household_for`: the head's row is further down the sheet


def _chunks(total: int) -> Iterator[tuple[int, int]]:
    """(start, stop) of each chunk of rows: a small first one, so the writer starts early."""
    start = 0
    size = min(CHUNK_ROWS, FIRST_CHUNK_ROWS)
    while start < total:
        yield start, min(start + size, total)
        start += size
        size = CHUNK_ROWS


def import_ledger(
    ledger: Ledger,
    path: str | Path,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> ImportReport:
    """Import a 台账 file (xlsx, xls, csv…) into the ledger; see ImportReport."""
    try:
        with paused_gc():
            table = read_table(path)
            report = LedgerImporter(ledger, progress, cancelled).run(table)
            # Freed while the collector still rests: once it is back, its first pass would
            # otherwise walk every cell of the sheet (a tenth of a second per 100 000 rows).
            del table
    finally:
        forget_parsed_cells()
    return report


def forget_parsed_cells() -> None:
    """Empty the per-import caches of parsed cells (the app lives on after an import)."""
    for cache in (_categories, _category_item, _validate, _parsed, _region_code):
        cache.cache_clear()
