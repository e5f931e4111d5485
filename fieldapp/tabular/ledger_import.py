"""Importing a 台账 spreadsheet: every good row in, every bad row reported with its reason.

Rows go through in chunks of a few thousand, each in three steps. (1) Each row is parsed and
validated on its own (ID number, dates, categories, enumerations…) without touching the
database. (2) Rows are checked against the rows before them and the ledger: duplicate ID
numbers, households grouped by 户主身份证号码 (a new household for a head in the file, the
existing one for a head already in the ledger), areas found or created; a member whose head's
row is further down waits for the end. (3) The chunk's accepted rows go to the bulk writer
(`services.imports.new_rows`). Then the rows of persons the ledger already had (an update) and
the extra sheets' rows are planned cell by cell (`ledger_update`, `extra_sheets`) and written
as logged edits (`services.imports.apply_import`); a dry run rolls all of it back.

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
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from fieldapp.bulk import paused_gc
from fieldapp.domain import idnumber
from fieldapp.domain.areacode import AreaLevel, area_at
from fieldapp.domain.dates import month_key
from fieldapp.domain.enums import (
    Category,
    EmployerKind,
    EmploymentForm,
    Health,
    LabourAbility,
    Relation,
    WorkStatus,
    parse_labour_ability,
)
from fieldapp.domain.errors import InvalidIdNumber
from fieldapp.domain.progress import CancelCheck, Progress, Ticker
from fieldapp.reference import divisions
from fieldapp.services.changes import NO_CHANGES, ChangeSet
from fieldapp.services.imports import NewRows, apply_import, new_rows
from fieldapp.services.writer import Actor, Writer, actor_of, writing
from fieldapp.store.ledger import Ledger, natural_id, new_id
from fieldapp.store.queries import tabular as store
from fieldapp.store.queries.areas import all_areas
from fieldapp.tabular import cells, dates
from fieldapp.tabular.areas import AreaResolver, PlaceRef
from fieldapp.tabular.cells import CellError
from fieldapp.tabular.columns import (
    BY_KEY,
    CATEGORY_ALIASES,
    EXTRA_SHEETS,
    LABOUR_ALIASES,
    NO,
    RELATION_ALIASES,
    SEX_ALIASES,
    WORK_STATUS_ALIASES,
    YES,
    header_month,
)
from fieldapp.tabular.extra_sheets import ExtraPlanner, parse_extra
from fieldapp.tabular.guard import Scan
from fieldapp.tabular.ledger_update import (
    CellChange,
    Differ,
    PersonPlanner,
    RowPlan,
    conflicts_of,
    shown,
    writes_of,
)
from fieldapp.tabular.reader import Table, Workbook, read_workbook

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
    """A rejected row (or a warning about an imported one): sheet, row number and reason."""

    row: int
    reason: str
    sheet: str = ""

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"sheet": self.sheet, "row": self.row, "reason": self.reason}


@dataclass(frozen=True)
class Mapped:
    """A colloquial cell value read as the ledger's word (全劳力 → 普通劳动力)."""

    sheet: str
    row: int
    column: str
    before: str
    after: str

    def as_dict(self) -> dict[str, Any]:
        """JSON form (`from`/`to`)."""
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "from": self.before,
            "to": self.after,
        }


@dataclass
class ImportReport:
    """What an import (or an update, or its dry run) did."""

    imported: int = 0
    persons_imported: int = 0  # of `imported`, the new persons (the rest: extra-sheet records)
    updated: int = 0
    unchanged: int = 0
    rejected: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    mapped: list[Mapped] = field(default_factory=list)
    #: Every change an update makes (or would make), person by person (`ledger_update`).
    changes: list[Any] = field(default_factory=list)
    #: Cells the ledger changed after the sheet's date: kept unless decided otherwise.
    conflicts: list[Any] = field(default_factory=list)
    households_created: int = 0
    households_joined: int = 0
    areas_created: int = 0
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)
    unknown_headers: list[str] = field(default_factory=list)
    sheet_date: str = ""
    sheet_date_source: str = ""
    dry_run: bool = False
    #: What the import wrote, per kind of record (the window's refresh); empty for a dry run.
    written: ChangeSet = NO_CHANGES

    def as_json(self) -> dict[str, Any]:
        """The CLI's `--json`: imported, updated, unchanged, rejected, mapped, conflicts …"""
        return {
            "imported": self.imported,
            "persons_imported": self.persons_imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": [p.as_dict() for p in self.rejected],
            "mapped": [m.as_dict() for m in self.mapped],
            "conflicts": [c.as_dict() for c in self.conflicts],
            "changes": [c.as_dict() for c in self.changes],
            "warnings": [p.as_dict() for p in self.warnings],
            "households_created": self.households_created,
            "households_joined": self.households_joined,
            "areas_created": self.areas_created,
            "sheets": self.sheets,
            "unknown_headers": self.unknown_headers,
            "sheet_date": self.sheet_date,
            "sheet_date_source": self.sheet_date_source,
            "dry_run": self.dry_run,
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
    given: frozenset[str] = frozenset()  # the columns this row filled in
    mapped: list[tuple[str, str, str]] = field(default_factory=list)  # (column, from, to)
    month_status: str | None = None  # the monthly-status column's value, if filled
    sheet: str = ""  # the worksheet the row is on (set by the importer)


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
    if len(raw) == 15:
        upgraded = idnumber.upgrade_15(raw)
        if upgraded is not None:
            info = _validate_cell(upgraded, key)
            note = f"{_label(key)} {raw} 是 15 位的旧号码，已按国家标准升级为 18 位 {upgraded}"
            return info._replace(warnings=(*info.warnings, note))
    return _validate_cell(raw, key)


def _validate_cell(raw: str, key: str) -> idnumber.IdInfo:
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


def _choice_text(
    text: str,
    key: str,
    parse: Callable[[str], Any],
    default: Any,
    mapped: list[tuple[str, str, str]] | None = None,
) -> Any:
    """A drop-down cell (read as text) parsed by `parse`; `default` when blank. A colloquial
    word read as another (全劳力 → 普通劳动力) is added to `mapped` as (column, from, to)."""
    if not text:
        return default
    try:
        value = _parsed(parse, text)
        if mapped is not None and value is not None and value.value != text:
            mapped.append((_label(key), text, value.value))
        return value
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


def _labour(text: str) -> LabourAbility:
    return LABOUR_ALIASES.get(text) or parse_labour_ability(text)


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
def _category_words(text: str) -> tuple[tuple[str, str], ...]:
    """The 人员类别 words of a cell that were read as another category (低保户 → 农村低保对象),
    once per distinct cell; `_categories` has already refused the cell if a word is unknown."""
    found = []
    for item in _CATEGORY_SPLIT.split(_norm(text)):
        match = _CATEGORY_ITEM.match(item) if item else None
        if match:
            word = match.group(1).strip()
            category = _category_item(item)[0]
            if word != category:
                found.append((word, category))
    return tuple(found)


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
        "left_school_month",
        "phone",
        "account_number",
    }
)
#: Longest text a cell may hold, per column (others: `MAX_CELL`). A longer one is pasted from
#: somewhere else, or is an attack on whoever opens the export.
MAX_CELL = 100
MAX_CELL_OF = {"notes": 500, "address": 200, "categories": 300, "workplace": 100}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")


def check_cell_texts(texts: dict[str, str], labels: Callable[[str], str]) -> None:
    """CellError for a cell that is too long or holds control characters (line breaks and
    tabs are allowed in free text)."""
    for key, value in texts.items():
        limit = MAX_CELL_OF.get(key, MAX_CELL)
        if len(value) > limit:
            raise CellError(f"{labels(key)}过长（{len(value)} 字，最多 {limit} 字）")
        if not value.isprintable() and _CONTROL.search(value):
            raise CellError(f"{labels(key)}含有控制字符（不可见的特殊字符），请删除后重新填写")


def _digits_cell(value: object, label: str, always_text: bool) -> str:
    """A phone or account cell as typed, or CellError when Excel stored it as a number and
    its digits may be lost (an account always, a phone when too long or in 1.2E+17 form)."""
    if isinstance(value, float) or isinstance(value, int) and not isinstance(value, bool):
        if always_text or value >= 1e15 or not float(value).is_integer():
            raise CellError(
                f"{label}已被 Excel 存成数字（{float(value):.6g}），后几位可能已丢失，无法恢复；"
                "请把该列设为文本后重新录入"
            )
        return str(int(value))
    raw = _norm(str(value)).strip()
    if _SCIENTIFIC.match(raw):
        raise CellError(
            f"{label}“{raw}”已被 Excel 存成数字（科学计数法），后几位已丢失，无法恢复；"
            "请把该列设为文本后重新录入"
        )
    return raw


def _norm(text: str) -> str:
    """`cells.norm` for a cell already read as text."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def _spell(
    texts: dict[str, str],
    get: Callable[[str], object],
    status: WorkStatus | None,
    today: dt.date,
    mapped: list[tuple[str, str, str]] | None = None,
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
        place_code = divisions().resolve_place(place_name) or ""
    if place_code and not place_name:
        place_name = divisions().full_name(place_code) if divisions().get(place_code) else ""
        place_name = place_name or divisions().name(place_code) or ""
    form = _choice_text(
        texts.get("form", ""), "form", EmploymentForm, EmploymentForm.EMPLOYEE, mapped
    )
    kind = _choice_text(texts.get("employer_kind", ""), "employer_kind", EmployerKind, None, mapped)
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
        "employer_kind": kind.value if kind else "",
        "organized_export": bool(
            yes_no_mapped(text("organized_export"), _label("organized_export"), mapped)
        ),
        "export_agency": texts.get("export_agency", ""),
        "is_first_export": None,
        "is_casual": False,
        "training_days": None,
    }


def yes_no_mapped(
    text: str | None, label: str, mapped: list[tuple[str, str, str]] | None
) -> bool | None:
    """`cells.yes_no`, adding √/有/Y… read as 是 or 否 to `mapped`."""
    value = cells.yes_no(text, label)
    if value is not None and mapped is not None:
        word = YES if value else NO
        typed = _norm(text or "")
        if typed != word:
            mapped.append((label, typed, word))
    return value


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

    check_cell_texts(texts, _label)
    mapped: list[tuple[str, str, str]] = []
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
        text("relation", ""),
        "relation",
        _relation,
        Relation.HEAD if is_head else Relation.OTHER,
        mapped,
    )
    if not head_given and relation is not Relation.HEAD:
        raise CellError("户主身份证号码为空（户主本人可填自己的号码）")
    if is_head and relation is not Relation.HEAD:
        raise CellError(f"本人身份证号码与户主身份证号码相同，但与户主关系填的是“{relation.value}”")
    if not is_head and relation is Relation.HEAD:
        raise CellError("与户主关系为“户主”，但户主身份证号码不是本人的号码")
    status = _choice_text(text("work_status", ""), "work_status", _work_status, None, mapped)
    month_status = _choice_text(
        text("month_status", ""), "month_status", _work_status, None, mapped
    )
    # 本月就业状态 alone records the month (linked to the running job, if any); only 就业状态
    # with work columns describes a job.
    spell = _spell(texts, get, status, today or dt.date.today(), mapped)
    if spell is not None:
        status = WorkStatus.EMPLOYED
    hukou = text("hukou_code", "")
    if hukou:
        hukou = _region_code(hukou, "户籍地区划代码")
    labour = _choice_text(
        text("labour_ability", ""), "labour_ability", _labour, LabourAbility.ORDINARY, mapped
    )
    account = text("account_number", "")
    if account:
        account = _digits_cell(get("account_number"), _label("account_number"), True)
    phone_cell = text("phone")
    if phone_cell:
        phone_cell = _digits_cell(get("phone"), _label("phone"), False)
    sex = text("sex")
    if sex:
        typed = _norm(sex)
        word = SEX_ALIASES.get(typed)
        if word is None:
            raise CellError(f"性别“{typed}”无法识别，应为：男、女")
        if typed != word:
            mapped.append((_label("sex"), typed, word))
        if word != info.sex:
            raise CellError(f"性别填的是“{word}”，但身份证号码表明是{info.sex}性，请核对")
    left_school = text("left_school_month")
    if left_school:
        left_day = cells.date(get("left_school_month"), _label("left_school_month"))
        left_school = left_day.strftime("%Y-%m") if left_day else ""
    person = {
        "name": name,
        "id_number": info.number,
        "relation": relation.value,
        "phone": cells.phone(phone_cell) if phone_cell else "",
        "labour_ability": labour.value,
        "health": _choice_text(text("health", ""), "health", Health, Health.HEALTHY, mapped).value,
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
        "left_school_month": left_school or None,
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
    if categories:
        mapped.extend(
            ("人员类别", word, category) for word, category in _category_words(categories)
        )
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
        frozenset(texts),
        mapped,
        month_status.value if month_status else None,
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
        *,
        update: bool = False,
        dry_run: bool = False,
        take_sheet: Collection[str] = (),
        actor: Actor | None = None,
    ) -> None:
        self.ledger = ledger
        self.actor = actor or actor_of(ledger)
        self.job = Ticker(progress, cancelled, message="已取消导入，台账未作任何修改", every=1000)
        self.today = today or dt.date.today()
        self.update = update
        self.dry_run = dry_run
        self.take_sheet = frozenset(take_sheet)  # conflicts decided for the sheet's value
        self.report = ImportReport(dry_run=dry_run)
        self._month = month_key(self.today)
        self._reads: Database = ledger.db
        self._resolver = AreaResolver([])
        self._sheet = ""
        self._first_row: dict[str, tuple[str, int]] = {}  # ID number → first (sheet, row)
        self._households: dict[str, str] = {}  # head's ID number → household id
        self._new_households: dict[str, dict[str, Any]] = {}  # household id → row, written last
        self._area_of: dict[str, str] = {}  # household id → area code
        self._waiting: list[tuple[ParsedRow, str]] = []  # members whose head comes further down
        self._written: set[str] = set()  # ids of the persons this import wrote
        self._created: set[str] = set()  # ids of every row this import's bulk writer created
        self._existing: list[tuple[ParsedRow, str]] = []  # rows of persons already in the ledger
        self._hidden: set[int] = set()
        self._merges_known = True
        self._months: dict[str, str] = {}  # sheet → the month its status column names
        self._statuses_given = False  # a 月度状态 sheet gives the months: 就业状态 adds none

    def run(self, table: Table | Workbook) -> ImportReport:
        """Validate and write; returns the report (rejected rows listed, good rows written).

        One transaction: new persons through the bulk writer, then the updates of persons the
        ledger had and the extra sheets' records as logged edits. A dry run does all of it
        and rolls back, so its report is exactly what the import would do.
        """
        book = table if isinstance(table, Workbook) else Workbook([table], Scan())
        people = book.ledger_tables()
        self.report.sheets = [t.sheet for t in book.tables]
        self.report.sheet = people[0].sheet if people else book.tables[0].sheet
        self.report.unknown_headers = [
            h if len(book.tables) == 1 else f"{t.sheet}：{h}"
            for t in book.tables
            for h in t.unknown_headers
        ]
        if book.sheet_date is not None:
            china = book.sheet_date + dt.timedelta(hours=8)
            self.report.sheet_date = china.strftime("%Y-%m-%d %H:%M")
            self.report.sheet_date_source = book.sheet_date_source
        stamp = dates.stamp_of(book.sheet_date) if book.sheet_date else None
        edits = store.edits_after(self.ledger.db, stamp, EDITED_TABLES) if stamp else {}
        total = sum(len(t.rows) for t in book.tables)
        self._statuses_given = any(t.kind == "月度状态" for t in book.tables)
        self.job.tick(0, total, force=True)
        reader = self._open_reader()
        self._reads = reader or self.ledger.db
        done = 0
        try:
            # One door for every write: the services' writer, its trust check, one transaction.
            with writing(self.ledger, self.actor) as writer:
                with new_rows(writer, threaded=bool(reader)) as bulk:
                    self._resolver = AreaResolver(all_areas(self._reads))
                    for sheet in people:
                        self._sheet, self._hidden = sheet.sheet, sheet.hidden_rows
                        self._merges_known = sheet.merges_known
                        self._months[sheet.sheet] = _status_month(sheet) or self._month
                        rows = len(sheet.rows)
                        for start, stop in _chunks(rows):
                            records = sheet.records(start, stop, _READ, _RAW)
                            parsed = self._parse(records, done + start, total)
                            self._write(bulk, self._place(parsed))
                            self.job.tick(done + stop, total, force=True)
                        done += rows
                    self._write(bulk, self._place_waiting())
                    bulk.places(self._resolver.created, list(self._new_households.values()))
                # The bulk writer is done: this connection now sees the new persons too.
                self._plan_and_apply(writer, book, stamp, edits, done, total)
                self.job.tick(total, total, force=True)  # the last moment a cancel undoes all
                if self.dry_run:
                    raise _DryRun
                self.report.written = writer.changes
        except _DryRun:
            pass
        finally:
            if reader is not None:
                reader.conn.close()
        self.report.areas_created = len(self._resolver.created)
        order = {name: i for i, name in enumerate(self.report.sheets)}
        for found in (self.report.rejected, self.report.warnings):
            found.sort(key=lambda p: (order.get(p.sheet, 0), p.row))
        return self.report

    def _plan_and_apply(
        self,
        writer: Writer,
        book: Workbook,
        stamp: str | None,
        edits: dict[tuple[str, str], store.Edit],
        done: int,
        total: int,
    ) -> None:
        """Plan the existing persons' updates and the extra sheets' rows; write what may be."""
        extra_rows = []
        for sheet in book.extra_tables():
            self._sheet, self._hidden = sheet.sheet, sheet.hidden_rows
            for row, texts, raw in sheet.records(raw=_EXTRA_RAW):
                done += 1
                self.job.tick(done, total)
                try:
                    check_cell_texts(texts, partial(_extra_label, sheet.kind))
                    extra = parse_extra(sheet.sheet, sheet.kind, row, texts, raw)
                    extra_rows.append(extra)
                    self._add_mapped(row, extra.mapped)
                except CellError as error:
                    self._reject(row, str(error))
        numbers = [i.person["id_number"] for i, _ in self._existing]
        numbers += [r.id_number for r in extra_rows]
        persons = store.person_rows(self.ledger.db, numbers)
        differ = Differ(edits)
        plans = PersonPlanner(self.ledger.db, stamp, self._month, self._months).plan(
            self._existing, persons
        )
        for item, _sheet in self._existing:
            self.report.warnings.extend(RowProblem(item.row, w, item.sheet) for w in item.warnings)
        for plan in plans:
            plan.changes = [
                CellChange(c.table, c.row_id, c.field, c.old, c.new, edits.get((c.row_id, c.field)))
                for c in plan.changes
            ]
        known = [r for r in extra_rows if r.id_number in persons]
        for extra in extra_rows:
            if extra.id_number not in persons:
                self.report.rejected.append(
                    RowProblem(
                        extra.row,
                        f"身份证号码 {extra.id_number} 不在台账中，也不在本工作簿的人员表中",
                        extra.sheet,
                    )
                )
        extra_plans = ExtraPlanner(self.ledger.db, differ).plan(known, persons)
        if not self.update:
            extra_plans = [p for p in extra_plans if not self._refuse_changes(p)]
        apply_import(writer, *writes_of([*plans, *extra_plans], self.take_sheet))
        people = {id(p) for p in plans}
        for plan in [*plans, *extra_plans]:
            applied = [c for c in plan.changes if c.conflict is None or c.key in self.take_sheet]
            if id(plan) in people:
                if applied or plan.inserts:
                    self.report.updated += 1
                else:
                    self.report.unchanged += 1
            elif applied:
                self.report.updated += 1
            elif plan.inserts:
                self.report.imported += 1
            else:
                self.report.unchanged += 1
            if not plan.is_empty():
                self.report.changes.append(plan)
        self.report.conflicts = [
            c for c in conflicts_of([*plans, *extra_plans]) if c.change.key not in self.take_sheet
        ]

    def _refuse_changes(self, plan: RowPlan) -> bool:
        """Without --update a row may add records, and complete the ones this import made
        (an extra sheet's spell filling in what the ledger sheet's columns left out), but not
        change the ledger's."""
        changes = [c for c in plan.changes if c.row_id not in self._created]
        if not changes:
            return False
        first = changes[0]
        self.report.rejected.append(
            RowProblem(
                plan.row,
                f"台账中已有这条记录，{first.label}不同（台账：{shown(first.old)}，表格："
                f"{shown(first.new)}）；要修改请用“更新”方式导入",
                plan.sheet,
            )
        )
        return True

    def _add_mapped(self, row: int, mapped: list[tuple[str, str, str]]) -> None:
        self.report.mapped.extend(Mapped(self._sheet, row, c, a, b) for c, a, b in mapped)

    def _open_reader(self) -> Database | None:
        """A second connection for the import's reads, so the writes can run on their thread."""
        try:
            return self.ledger.reader()
        except ValueError:  # an in-memory ledger: reads and writes share its one connection
            return None

    def _reject(self, row: int, reason: str, sheet: str | None = None) -> None:
        self.report.rejected.append(
            RowProblem(row, reason, self._sheet if sheet is None else sheet)
        )

    def _parse(
        self,
        records: Iterable[tuple[int, dict[str, str], dict[str, object]]],
        done: int,
        total: int,
    ) -> list[ParsedRow]:
        parsed: list[ParsedRow] = []
        today = self.today
        hidden = self._hidden
        above: tuple[int, str] | None = None  # (row, 户主身份证号码) of the row above
        for offset, (row, texts, raw) in enumerate(records):
            self.job.tick(done + offset, total)
            above = self._merged_head(row, texts, raw, above)
            if hidden and row in hidden:
                self.report.warnings.append(
                    RowProblem(row, "这一行在表格中是隐藏的，已照常读取", self._sheet)
                )
            try:
                item = parse_row(row, texts, raw, today)
            except CellError as error:
                self._reject(row, str(error))
                continue
            item.sheet = self._sheet
            parsed.append(item)
            if item.mapped:
                self._add_mapped(row, item.mapped)
        return parsed

    def _merged_head(
        self,
        row: int,
        texts: dict[str, str],
        raw: dict[str, object],
        above: tuple[int, str] | None,
    ) -> tuple[int, str] | None:
        """A member's blank 户主身份证号码 right under a filled one is the household's merged
        cell (ods and csv keep only its top cell): take it, with a warning. Returns this row's
        (row, head number) for the next."""
        head = texts.get("head_id_number")
        if head:
            return row, head
        relation = _norm(texts.get("relation", ""))
        if (
            not self._merges_known
            and "head_id_number" not in texts
            and above is not None
            and above[0] == row - 1
            and relation not in ("", "户主", "本人")
        ):
            texts["head_id_number"] = above[1]
            raw.pop("head_id_number", None)
            self.report.warnings.append(
                RowProblem(
                    row,
                    f"户主身份证号码为空，按合并单元格取上一行的 {above[1]}，请核对",
                    self._sheet,
                )
            )
            return row, above[1]
        return None

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
                sheet, row = self._first_row[number]
                where = f"第 {row} 行" if sheet == self._sheet else f"工作表“{sheet}”第 {row} 行"
                self._reject(item.row, f"身份证号码 {number} 与{where}重复")
                continue
            self._first_row[number] = (self._sheet, item.row)
            if number in known:
                if self.update:
                    self._existing.append((item, self._sheet))
                    continue
                other = known[number]
                self._reject(
                    item.row,
                    f"身份证号码 {number} 已在台账中（{other.name}），不能重复导入；"
                    "要用表格更新已有的人，请选择“更新”方式导入",
                )
                continue
            household_id = self._household_for(item, known)
            if household_id is _WAIT:
                self._waiting.append((item, self._sheet))
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
        for item, sheet in self._waiting:
            head = item.head_number
            household_id = self._households.get(head)
            if household_id is not None:
                accepted.append((item, household_id))
            elif head in self._first_row:
                head_sheet, head_row = self._first_row[head]
                where = (
                    f"第 {head_row} 行"
                    if head_sheet == sheet
                    else f"工作表“{head_sheet}”第 {head_row} 行"
                )
                self._reject(item.row, f"户主所在的{where}未能导入，同户成员一并退回", sheet)
            else:
                self._reject(item.row, f"户主身份证号码 {head} 既不在本表中，也不在台账中", sheet)
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

    def _write(self, bulk: NewRows, accepted: list[tuple[ParsedRow, str]]) -> None:
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
            if item.status is not None and not self._statuses_given:
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
            self.report.warnings.extend(RowProblem(item.row, w, item.sheet) for w in item.warnings)
        self._written.update(p["id"] for p in persons)
        self._created.update(r["id"] for r in (*persons, *spells, *statuses))
        bulk.people(persons, categories, spells, statuses)
        self.report.imported += len(persons)
        self.report.persons_imported += len(persons)


_WAIT = "wait"  # `_household_for`: the head's row is further down the sheet
#: Tables whose later edits make a sheet's cell a conflict.
EDITED_TABLES = (
    "persons",
    "households",
    "person_categories",
    "employment_spells",
    "unemployment_registrations",
    "services",
    "visits",
    "monthly_status",
)
#: Extra-sheet columns whose number and date cells the parsers take as read.
_EXTRA_RAW = frozenset(
    {
        "start_date",
        "end_date",
        "found_date",
        "registered_date",
        "ended_date",
        "visit_date",
        "month",
        "monthly_income",
        "income",
        "contract_months",
        "insurance_months",
        "training_days",
    }
)


class _DryRun(Exception):
    """Raised inside the transaction of a dry run, so all it wrote is rolled back."""


def _extra_label(kind: str, key: str) -> str:
    return next((c.header for c in EXTRA_SHEETS[kind] if c.key == key), key)


def _status_month(table: Table) -> str | None:
    """The month a ledger sheet's status header names (“2024年11月就业状态”), if any."""
    return next(
        (
            month
            for i, key in table.columns.items()
            if key == "month_status"
            and (
                month := header_month(table.header_cells[i] if i < len(table.header_cells) else "")
            )
        ),
        None,
    )


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
    *,
    update: bool = False,
    dry_run: bool = False,
    take_sheet: Collection[str] = (),
    actor: Actor | None = None,
) -> ImportReport:
    """Import a 台账 workbook (xlsx, xls, ods, csv…) into the ledger; see ImportReport.

    `update`: persons already in the ledger are updated from their rows (else refused);
    `dry_run`: everything is done and rolled back (the preview); `take_sheet`: the conflicts
    (`CellChange.key`) the user decided for the sheet's value.
    """
    try:
        with paused_gc():
            table = read_workbook(path)
            report = LedgerImporter(
                ledger,
                progress,
                cancelled,
                update=update,
                dry_run=dry_run,
                take_sheet=take_sheet,
                actor=actor,
            ).run(table)
            # Freed while the collector still rests: once it is back, its first pass would
            # otherwise walk every cell of the sheet (a tenth of a second per 100 000 rows).
            del table
    finally:
        forget_parsed_cells()
    return report


def forget_parsed_cells() -> None:
    """Empty the per-import caches of parsed cells (the app lives on after an import)."""
    for cache in (_categories, _category_item, _category_words, _validate, _parsed, _region_code):
        cache.cache_clear()
