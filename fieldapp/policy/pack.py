"""The policy pack: rules as data (TOML), validated with pydantic, with county overrides.

A pack file has a `[pack]` header, optional `[lines]`, `[deadlines]`, `[calendar]` and
`[[service_levels]]` tables, and `[[rules]]`. A local (county) pack names the pack it `extends`
and may add `[[rules]]`, change existing ones with `[[overrides]]` (amount, validity, limit,
evidence, enabled…) and change lines and deadlines. A file that is not valid is refused with a
`PackError` naming the file, the line and the problem, in Chinese.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from fieldapp.domain.claims import Payee
from fieldapp.domain.enums import Category, EmploymentForm, ServiceType, UnemploymentLevel
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.regions import PlaceScope


class PackError(FieldappError):
    """A policy pack that cannot be used: names the file, the line and the problem."""

    def __init__(self, file: str, line: int | None, problem: str) -> None:
        where = f"{file} 第 {line} 行" if line else file
        super().__init__(f"政策包 {where}：{problem}")
        self.file = file
        self.line = line
        self.problem = problem


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AmountKind(StrEnum):
    """How a rule's amount is set."""

    FIXED = "fixed"
    CAPPED = "capped"
    PER_DAY = "per_day"
    COUNTY = "county"


AMOUNT_LABELS = {
    AmountKind.FIXED: "定额",
    AmountKind.CAPPED: "最高限额，县定标准",
    AmountKind.PER_DAY: "按天计发",
    AmountKind.COUNTY: "县定标准",
}


class Amount(_Strict):
    """Fixed, per day, capped (county sets ≤ max) or county-set, each with the figure to pay."""

    kind: AmountKind
    value: float | None = Field(default=None, ge=0)
    max: float | None = Field(default=None, ge=0)
    default: float | None = Field(default=None, ge=0)
    note: str = ""

    @model_validator(mode="after")
    def _complete(self) -> Amount:
        if self.kind in (AmountKind.FIXED, AmountKind.PER_DAY) and self.value is None:
            raise ValueError("定额或按天计发的金额必须给出 value")
        if self.kind is AmountKind.CAPPED and self.max is None:
            raise ValueError("最高限额的金额必须给出 max")
        if self.kind in (AmountKind.CAPPED, AmountKind.COUNTY) and self.default is None:
            raise ValueError("县定标准的金额必须给出默认值 default")
        if self.max is not None and self.default is not None and self.default > self.max:
            raise ValueError(f"默认金额 {self.default:g} 超过最高限额 {self.max:g}")
        return self

    def figure(self, days: int | None = None) -> float:
        """The amount payable (per-day amounts times the days)."""
        if self.kind is AmountKind.PER_DAY:
            total = (self.value or 0) * (days or 0)
            return min(total, self.max) if self.max is not None else total
        if self.kind is AmountKind.FIXED:
            return float(self.value or 0)
        return float(self.default or 0)

    def describe(self) -> str:
        """Chinese description, e.g. '最高 500 元（县定标准，默认 500 元）'."""
        if self.kind is AmountKind.FIXED:
            text = f"{self.value:g} 元"
        elif self.kind is AmountKind.PER_DAY:
            text = f"每天 {self.value:g} 元"
        elif self.kind is AmountKind.CAPPED:
            text = f"最高 {self.max:g} 元（县定标准，默认 {self.default:g} 元）"
        else:
            text = f"县定标准（默认 {self.default:g} 元）"
        return f"{text}；{self.note}" if self.note else text


class LimitKind(StrEnum):
    """How often a rule may be paid to one person."""

    ONCE_EVER = "once_ever"
    ONCE_PER_YEAR = "once_per_year"
    ONCE_PER_MONTH = "once_per_month"
    ONCE_PER_SPELL = "once_per_spell"


LIMIT_LABELS = {
    LimitKind.ONCE_EVER: "限享受一次",
    LimitKind.ONCE_PER_YEAR: "每人每个自然年度一次",
    LimitKind.ONCE_PER_MONTH: "每人每月一次",
    LimitKind.ONCE_PER_SPELL: "每段就业（每次培训）一次",
}


class Limit(_Strict):
    """The rule's limit; rules sharing a `group` share it (e.g. all transport subsidies)."""

    kind: LimitKind = LimitKind.ONCE_EVER
    group: str = ""
    count_from: dt.date | None = None

    def describe(self) -> str:
        """Chinese description of the limit."""
        text = LIMIT_LABELS[self.kind]
        return f"{text}（自 {self.count_from} 起计）" if self.count_from else text


class EventKind(StrEnum):
    """What qualifies: an employment spell or a training."""

    SPELL = "spell"
    TRAINING = "training"


class FundingByCategory(_Strict):
    """A funding source for persons holding one of `categories` on the event date."""

    categories: list[Category]
    source: str = Field(min_length=1)


class Conditions(_Strict):
    """Conditions over ledger facts; all given ones must hold (absent ones are not checked)."""

    categories_any: list[Category] = []
    categories_none: list[Category] = []
    place_scopes: list[PlaceScope] = []
    forms: list[EmploymentForm] = []
    stable_months_min: int | None = Field(default=None, ge=1)
    contract_months_min: int | None = Field(default=None, ge=1)
    contract_months_max: int | None = Field(default=None, ge=1)
    insurance_months_min: int | None = Field(default=None, ge=1)
    organized_export: bool | None = None
    first_export: bool | None = None
    age_at_event_min: int | None = Field(default=None, ge=0)
    age_at_event_max: int | None = Field(default=None, ge=0)
    graduation_within_years: int | None = Field(default=None, ge=0)
    registered_unemployed: bool | None = None
    registered_unemployed_months_min: int | None = Field(default=None, ge=1)
    first_business: bool | None = None
    training_days_min: int | None = Field(default=None, ge=1)
    casual_work: bool | None = None


class Rule(_Strict):
    """One subsidy rule, traced to its clause."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    title: str = Field(min_length=1)
    clause: str = Field(min_length=1)
    also_clauses: list[str] = []
    enabled: bool = True
    valid_from: dt.date
    valid_to: dt.date | None = None
    payee: Literal["person", "employer", "agency"] = "person"
    event: EventKind = EventKind.SPELL
    amount: Amount
    funding_source: str = Field(min_length=1)
    funding_by_category: list[FundingByCategory] = []
    limit: Limit = Limit()
    evidence: list[str] = []
    conditions: Conditions = Conditions()
    note: str = ""

    @model_validator(mode="after")
    def _period(self) -> Rule:
        if self.valid_to and self.valid_to < self.valid_from:
            raise ValueError(f"有效期结束日 {self.valid_to} 早于开始日 {self.valid_from}")
        return self

    @property
    def payee_kind(self) -> Payee:
        """The domain's payee value."""
        return {
            "person": Payee.PERSON,
            "employer": Payee.EMPLOYER,
            "agency": Payee.AGENCY,
        }[self.payee]

    @property
    def limit_group(self) -> str:
        """The limit group (the rule id when none is given)."""
        return self.limit.group or self.id

    def in_force_on(self, day: dt.date) -> bool:
        """True when `day` lies in the validity period."""
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def period_text(self) -> str:
        """'2023-06-15 至 2025-12-31' (or '起长期有效')."""
        end = str(self.valid_to) if self.valid_to else "长期"
        return f"{self.valid_from} 至 {end}"


class RuleOverride(_Strict):
    """A county's change to an existing rule: only the fields given are replaced."""

    rule: str
    enabled: bool | None = None
    title: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    amount: Amount | None = None
    funding_source: str | None = None
    funding_by_category: list[FundingByCategory] | None = None
    limit: Limit | None = None
    evidence: list[str] | None = None
    conditions: Conditions | None = None
    clause: str | None = None
    note: str | None = None


class PackHeader(_Strict):
    """`[pack]`: identity and lineage."""

    id: str = Field(pattern=r"^[A-Za-z0-9_.-]+$")
    version: str = Field(min_length=1)
    title: str = Field(min_length=1)
    issued: dt.date | None = None
    extends: str | None = None
    region: str = ""
    sources: list[str] = []


class Lines(_Strict):
    """County lines (`[lines]`)."""

    welfare_post_income_line: float | None = Field(default=None, ge=0)
    welfare_post_income_months: int | None = Field(default=None, ge=1)


class Deadlines(_Strict):
    """Service deadlines and minimums (`[deadlines]`)."""

    service_1311_workdays: int | None = Field(default=None, ge=1)
    registration_workdays: int | None = Field(default=None, ge=1)
    monthly_update_day: int | None = Field(default=None, ge=1, le=28)
    follow_up_months: list[int] | None = None
    due_soon_workdays: int | None = Field(default=None, ge=0)
    working_age_min: int | None = Field(default=None, ge=0)
    working_age_max: int | None = Field(default=None, ge=1)
    clause_1311: str | None = None
    clause_registration: str | None = None
    clause_monthly: str | None = None
    clause_follow_up: str | None = None


class CalendarDays(_Strict):
    """Working-day adjustments the calendar package lacks (`[calendar]`)."""

    extra_holidays: list[dt.date] = []
    extra_workdays: list[dt.date] = []


class ServiceLevel(_Strict):
    """Minimum services for one unemployment level (`[[service_levels]]`)."""

    level: UnemploymentLevel
    max_months: int | None = Field(default=None, ge=1)
    minimums: dict[ServiceType, int]
    clause: str = ""
    note: str = ""


class PackFile(_Strict):
    """One pack file as written."""

    pack: PackHeader
    lines: Lines = Lines()
    deadlines: Deadlines = Deadlines()
    calendar: CalendarDays = CalendarDays()
    service_levels: list[ServiceLevel] = []
    rules: list[Rule] = []
    overrides: list[RuleOverride] = []

    @field_validator("rules")
    @classmethod
    def _unique(cls, rules: list[Rule]) -> list[Rule]:
        seen: set[str] = set()
        for rule in rules:
            if rule.id in seen:
                raise ValueError(f"规则编号 {rule.id} 重复")
            seen.add(rule.id)
        return rules


class Policy(BaseModel):
    """The pack in force: a base pack with the county packs applied, in order."""

    model_config = ConfigDict(frozen=True)

    version: str
    title: str
    files: list[str]
    lines: Lines
    deadlines: Deadlines
    calendar: CalendarDays
    service_levels: list[ServiceLevel]
    rules: list[Rule]

    def rule(self, rule_id: str) -> Rule:
        """A rule by id, or a Chinese error."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise FieldappError(f"政策包中没有编号为 {rule_id} 的规则")

    @property
    def active_rules(self) -> list[Rule]:
        """Rules that are switched on."""
        return [r for r in self.rules if r.enabled]

    def line(self, name: str, default: float) -> float:
        """A county line, with the code's fallback."""
        value = getattr(self.lines, name)
        return default if value is None else float(value)

    def deadline(self, name: str, default: Any) -> Any:
        """A deadline setting, with the code's fallback."""
        value = getattr(self.deadlines, name)
        return default if value is None else value


# -- reading files ------------------------------------------------------------------------------

_ERROR_TEXT = {
    "missing": "缺少必填项",
    "extra_forbidden": "不认识的字段（可能拼错了）",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "float_parsing": "应为数字",
    "float_type": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "string_type": "应为文字（加引号）",
    "date_type": "应为日期（如 2025-12-31，不加引号）",
    "date_parsing": "应为日期（如 2025-12-31，不加引号）",
    "date_from_datetime_parsing": "应为日期（如 2025-12-31，不加引号）",
    "list_type": "应为列表 [ … ]",
    "dict_type": "应为表（{ … } 或 [表名]）",
    "model_type": "应为表（{ … } 或 [表名]）",
    "greater_than_equal": "数值太小",
    "less_than_equal": "数值太大",
    "string_too_short": "不能为空",
    "string_pattern_mismatch": "格式不对（规则编号只用小写字母、数字和下划线）",
}


def _problem(error: dict[str, Any]) -> str:
    """A Chinese sentence for one pydantic error."""
    kind = error.get("type", "")
    where = ".".join(str(p) for p in error.get("loc", ()) if not isinstance(p, int))
    if kind == "value_error":
        text = str(error.get("msg", "")).removeprefix("Value error, ")
    elif kind in ("enum", "literal_error"):
        allowed = (error.get("ctx") or {}).get("expected", "")
        text = f"取值“{error.get('input')}”不在允许范围内（允许：{allowed}）"
    else:
        text = _ERROR_TEXT.get(kind, f"取值不合法（{error.get('msg', '')}）")
    return f"{where}：{text}" if where else text


_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"]+)\s*\]\]?")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")


def locate_lines(text: str) -> dict[tuple[str | int, ...], int]:
    """Map TOML paths (('rules', 2, 'amount'), …) to 1-based line numbers."""
    found: dict[tuple[str | int, ...], int] = {}
    counters: dict[str, int] = {}
    current: tuple[str | int, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.split("#", 1)[0] if '"' not in line else line
        header = _HEADER.match(stripped)
        if header:
            parts = header.group(2).replace('"', "").split(".")
            if header.group(1) == "[[":
                name = ".".join(parts)
                counters[name] = counters.get(name, -1) + 1
                # Sub-tables of the current array element keep its index.
                for key in list(counters):
                    if key.startswith(name + "."):
                        del counters[key]
                current = _indexed(parts, counters)
            else:
                current = _indexed(parts, counters)
            found.setdefault(current, number)
            if header.group(1) == "[[":
                found.setdefault(current[:-1], number)
            continue
        key = _KEY.match(stripped)
        if key:
            found.setdefault((*current, key.group(1)), number)
    return found


def _indexed(parts: list[str], counters: dict[str, int]) -> tuple[str | int, ...]:
    """('rules', 'conditions') → ('rules', 3, 'conditions') using the array counters."""
    path: list[str | int] = []
    for i, part in enumerate(parts):
        path.append(part)
        name = ".".join(parts[: i + 1])
        if name in counters:
            path.append(counters[name])
    return tuple(path)


def line_of(lines: dict[tuple[str | int, ...], int], loc: tuple[str | int, ...]) -> int | None:
    """The line of the longest known prefix of a pydantic error location."""
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def read_pack_file(path: str | Path) -> PackFile:
    """Parse and validate one pack file, or raise PackError (file, line, problem)."""
    path = Path(path)
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PackError(name, None, "文件不存在") from None
    except UnicodeDecodeError:
        raise PackError(name, None, "不是 UTF-8 编码的文本文件") from None
    return parse_pack_text(text, name)


def parse_pack_text(text: str, name: str) -> PackFile:
    """Parse and validate pack text; `name` is used in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = re.search(r"\(at line (\d+), column (\d+)\)", message)
        line = int(match.group(1)) if match else None
        detail = re.sub(r"\s*\(at line.*\)$", "", message)
        raise PackError(name, line, f"TOML 语法错误（{_toml_problem(detail)}）") from None
    try:
        return PackFile.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        loc = tuple(first.get("loc", ()))
        line = line_of(locate_lines(text), loc)
        more = len(error.errors()) - 1
        suffix = f"（另有 {more} 处问题）" if more > 0 else ""
        raise PackError(name, line, _problem(dict(first)) + suffix) from None


def _toml_problem(detail: str) -> str:
    """Chinese gloss of the commonest TOML syntax errors, keeping the original words."""
    glossary = {
        "Expected '=' after a key": "键后面缺少“=”",
        "Invalid value": "值不合法（文字要加引号）",
        "Cannot overwrite a value": "同一个键写了两次",
        "Cannot declare": "同一个表写了两次",
        "Unclosed array": "列表缺少“]”",
        "Unterminated string": "引号没有闭合",
        "Invalid statement": "这一行看不懂",
        "Illegal character": "含有不允许的字符",
    }
    for english, chinese in glossary.items():
        if detail.startswith(english):
            return f"{chinese}：{detail}"
    return detail


# -- combining packs ----------------------------------------------------------------------------


def combine(files: list[tuple[str, PackFile]]) -> Policy:
    """Apply local packs to their base, in the order given; the first file must be a base pack."""
    if not files:
        raise PackError("（无）", None, "没有可用的政策包")
    base_name, base = files[0]
    if base.pack.extends:
        raise PackError(base_name, None, f"缺少被扩展的基础政策包 {base.pack.extends}")
    rules = {r.id: r for r in base.rules}
    lines = base.lines.model_dump()
    deadlines = base.deadlines.model_dump()
    holidays = list(base.calendar.extra_holidays)
    workdays = list(base.calendar.extra_workdays)
    levels = {lv.level: lv for lv in base.service_levels}
    versions = [f"{base.pack.id}@{base.pack.version}"]
    known_ids = {base.pack.id}
    for name, local in files[1:]:
        if local.pack.extends and local.pack.extends not in known_ids:
            raise PackError(
                name,
                None,
                f"扩展的政策包 {local.pack.extends} 不存在（已有：{'、'.join(known_ids)}）",
            )
        for rule in local.rules:
            if rule.id in rules:
                raise PackError(
                    name, None, f"规则 {rule.id} 已存在，修改已有规则请写在 [[overrides]] 中"
                )
            rules[rule.id] = rule
        for override in local.overrides:
            if override.rule not in rules:
                raise PackError(name, None, f"要修改的规则 {override.rule} 不存在")
            changes = {
                k: v for k, v in override.model_dump(exclude={"rule"}, exclude_none=True).items()
            }
            merged = rules[override.rule].model_dump() | changes
            try:
                rules[override.rule] = Rule.model_validate(merged)
            except ValidationError as error:
                raise PackError(name, None, _problem(dict(error.errors()[0]))) from None
        lines |= local.lines.model_dump(exclude_none=True)
        deadlines |= local.deadlines.model_dump(exclude_none=True)
        holidays += local.calendar.extra_holidays
        workdays += local.calendar.extra_workdays
        levels |= {lv.level: lv for lv in local.service_levels}
        versions.append(f"{local.pack.id}@{local.pack.version}")
        known_ids.add(local.pack.id)
    return Policy(
        version="+".join(versions),
        title=base.pack.title,
        files=[n for n, _ in files],
        lines=Lines.model_validate(lines),
        deadlines=Deadlines.model_validate(deadlines),
        calendar=CalendarDays(extra_holidays=holidays, extra_workdays=workdays),
        service_levels=list(levels.values()),
        rules=list(rules.values()),
    )
