"""The policy pack: rules as data (TOML), validated with pydantic.

A pack file has a `[pack]` header, the `[[documents]]` its rules cite, optional `[lines]`,
`[deadlines]`, `[clauses]`, `[calendar]`, `[[service_levels]]` and `[[service_bundles]]`, and
`[[rules]]`. A county pack names the pack it `extends` and may add `[[rules]]` of its own,
change what the county decides about existing rules with `[[overrides]]` (its figure under the
seeds' cap, an extension to a new end date on the county's document, switching a rule on or
off, stricter conditions…), set its lines, and add the State Council's yearly holiday schedule
and its own holidays. `fieldapp.policy.combine` applies county packs to their base and refuses
what the county may not change. Reading files: `fieldapp.policy.packfile`.

Documents are cited as people know them: by official number (黔府发〔2023〕12号 附件2 第（四）条),
or by title in 《》 when a document has no number.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from fieldapp.domain.claims import Payee
from fieldapp.domain.dates import written
from fieldapp.domain.enums import (
    Category,
    EmployerKind,
    EmploymentForm,
    ServiceType,
    UnemploymentLevel,
    WorkStatus,
)
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.money import yuan
from fieldapp.domain.regions import PlaceScope
from fieldapp.domain.sentences import (
    Day,
    Part,
    Sentence,
    Word,
    fill,
    joined,
    listed,
    said,
    template,
)
from fieldapp.domain.status_words import built_in_reading

#: What an amount the county has not set shows instead of a figure.
UNSET = "待县里核定标准"
#: A subsidy (%1, as the pack names it) whose standard the county has still to set.
UNSET_RULE = template("%1：待县里核定标准")
#: The monitoring income line, still to be set by the county.
UNSET_INCOME_LINE = template("防止返贫监测收入线：待县里核定标准")
#: The monitoring income line named alone, in a list of what the county has still to set.
INCOME_LINE_NAME = "防止返贫监测收入线"


#: A pack that cannot be used: its file (and the line), and the problem (a sentence of its own).
PACK_REFUSED = template("政策包 %1：%2")
PACK_REFUSED_AT = template("政策包 %1 第 %2 行：%3")
#: A pack as its file names it (`NEEDS_PROGRAM`'s %1, where no pack was read).
PACK_NAMED = template("政策包 %1")
#: A pack (%1, as its file or the hub's edition names it) that states (`[pack] requires`) a
#: later program (%2) than this one (%3).
NEEDS_PROGRAM = template(
    "%1要用 %2 版或更新版本的程序才能启用（本机的程序是 %3 版），请升级本机程序；该政策包未启用"
)


#: The keys a pack author writes for what a refusal speaks of in the clerk's words (the
#: refusal's template → the keys): said on the command line after the refusal (`cli_hint`),
#: never on the desktop, where a county's clerk installs or edits a pack.
PACK_KEYS: dict[str, str] = {}
#: … as the command line says them (%1 the keys).
PACK_KEYS_SAID = "政策包文件中的写法：%1"


def keyed(text: str, keys: str) -> str:
    """`text` (a template) with the pack keys an author writes for it (`PACK_KEYS`)."""
    PACK_KEYS[text] = keys
    return text


#: A rule asked for by its id (%1) that the pack does not have.
NO_SUCH_RULE = template("政策包中没有编号为 %1 的规则")


class PackError(FieldappError):
    """A policy pack that cannot be used: names the file, the line and the problem.

    `problem`: Chinese text, or a sentence (a template and its parts: then the whole is one too,
    `said`, which the desktop says in its language). `named`: the problem names the pack itself
    (`NewerPack`), said whole, not after the file's name. `keys`: the pack's keys the problem
    speaks of, for the command line (`cli_hint`), when its template's (`PACK_KEYS`) are not
    all of them."""

    def __init__(
        self,
        file: str,
        line: int | None,
        problem: str | Sentence,
        *,
        named: bool = False,
        keys: str = "",
    ) -> None:
        reason: str | Sentence
        if isinstance(problem, Sentence):
            if named:
                reason = problem
            elif line:
                reason = said(PACK_REFUSED_AT, file, str(line), problem)
            else:
                reason = said(PACK_REFUSED, file, problem)
        else:
            where = f"{file} 第 {line} 行" if line else file
            reason = f"政策包 {where}：{problem}"
        super().__init__(reason)
        self.file = file
        self.line = line
        self.problem = problem
        if not keys and isinstance(problem, Sentence):
            keys = PACK_KEYS.get(problem.template, "")
        if keys:
            self.cli_hint = PACK_KEYS_SAID.replace("%1", keys)
        #: The pack's text did not validate: on a pack the hub signed (and so checked), what
        #: this program does not know was written by a later one.
        self.invalid = False


class NewerPack(PackError):
    """A pack stating (`[pack] requires`) a later program than this one: said as a county pack
    the hub sent and this device cannot take is (`NEEDS_PROGRAM`), named by its file."""

    def __init__(self, file: str, line: int | None, requires: str, running: str) -> None:
        named = said(PACK_NAMED, file)
        super().__init__(file, line, said(NEEDS_PROGRAM, named, requires, running), named=True)
        self.requires = requires
        self.running = running


def _written(text: str) -> str:
    """A text a pack must give that is only spaces names nothing (every list and paper would
    show a blank where it stands): refused as an empty one is (`string_too_short`: 不能为空)."""
    if not text.strip():
        raise PydanticCustomError(
            "string_too_short", "String should have at least 1 character", {"min_length": 1}
        )
    return text


#: A text a pack must give (a title, a clause, a document's number, a funding source …):
#: neither empty nor only spaces.
Written = Annotated[str, Field(min_length=1), AfterValidator(_written)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


# -- documents ------------------------------------------------------------------------------------


class Document(_Strict):
    """A policy document the rules cite: its official number and title."""

    number: str = ""
    title: Written
    issuer: str = ""
    date: dt.date | None = None
    #: 政策执行期限 when the document states one.
    ends: dt.date | None = None

    @property
    def cite_name(self) -> str:
        """How a citation names it: the number, or 《title》 when it has none."""
        return self.number or f"《{self.title}》"

    def describe(self) -> str:
        """'黔府发〔2023〕12号《省人民政府关于促进高质量充分就业的意见》'."""
        return f"{self.number}《{self.title}》" if self.number else f"《{self.title}》"


# -- amounts --------------------------------------------------------------------------------------


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


#: A rule's amount as `Amount.said` says it: a figure and its unit (100 元, 元/月 the
#: program's word), or by the day (每天 40 元).
MONEY = template("%1 %2")
PER_DAY = template("每天 %1")
#: … a county figure (%1, `MONEY`), with the seeds' cap (%2) where there is one.
COUNTY_FIGURE = template("%1（县定标准）")
COUNTY_FIGURE_CAPPED = template("%1（县定标准，最高 %2）")
#: … no county figure yet (`UNSET`), below the seeds' cap (%1) where there is one.
NOT_SET = template(UNSET)
UNSET_CAPPED = template(UNSET + "（最高 %1）")


class Amount(_Strict):
    """A rule's amount: fixed or per day (the province's figure), capped or county-set.

    For capped and county-set amounts `value` is the county's figure, and None until the county
    sets it: such a rule shows “待县里核定标准”, counts no money and prints no amount. `max` is
    the seeds' cap, which no county figure may exceed.
    """

    kind: AmountKind
    value: float | None = Field(default=None, ge=0)
    max: float | None = Field(default=None, ge=0)
    unit: str = "元"
    note: str = ""

    @model_validator(mode="before")
    @classmethod
    def _old_default(cls, data: Any) -> Any:
        # Packs written before issue 14 gave the county figure as `default`.
        if isinstance(data, dict) and "default" in data:
            data = dict(data)
            default = data.pop("default")
            data.setdefault("value", default)
        return data

    @model_validator(mode="after")
    def _complete(self) -> Amount:
        if self.kind in (AmountKind.FIXED, AmountKind.PER_DAY) and self.value is None:
            raise ValueError("定额或按天计发的金额必须给出 value")
        if self.kind is AmountKind.CAPPED and self.max is None:
            raise ValueError("最高限额的金额必须给出 max")
        if self.max is not None and self.value is not None and self.value > self.max:
            raise ValueError(f"金额 {yuan(self.value)} 元超过最高限额 {yuan(self.max)} 元")
        return self

    @property
    def is_set(self) -> bool:
        """False while a county figure has not been set."""
        return self.value is not None

    def figure(self, days: int | None = None) -> float | None:
        """The amount payable (per-day amounts times the days); None when not yet set."""
        if self.value is None:
            return None
        if self.kind is AmountKind.PER_DAY:
            total = self.value * (days or 0)
            return min(total, self.max) if self.max is not None else total
        return float(self.value)

    def describe(self) -> str:
        """Chinese description, e.g. '400 元（县定标准，最高 500 元）' or '待县里核定标准' — the
        text a claim keeps (`QualifyingFacts.amount_rule`); `said` is its sentence."""
        return str(self.said())

    def said(self) -> Sentence:
        """The amount as a sentence (a window says it in its language; its Chinese is
        `describe`'s): '400 元（县定标准，最高 500 元）', '每天 40 元', or
        '待县里核定标准'.

        The note ('岗位补贴标准由县里核定') says who sets a county figure: once the county has
        set one, '（县定标准）' already says it, so the note shows only while none is set."""
        cap = money_said(self.max, self.unit) if self.max is not None else None
        text: Sentence
        if self.kind is AmountKind.PER_DAY:
            # (by the day in 元 whatever the unit; a per-day amount always has its value)
            text = (
                said(PER_DAY, money_said(self.value, "元"))
                if self.value is not None
                else said(NOT_SET)
            )
        elif self.kind is AmountKind.FIXED:
            text = money_said(self.value, self.unit) if self.value is not None else said(NOT_SET)
        elif self.value is None:
            text = said(UNSET_CAPPED, cap) if cap is not None else said(NOT_SET)
        elif cap is not None:
            return said(COUNTY_FIGURE_CAPPED, money_said(self.value, self.unit), cap)
        else:
            return said(COUNTY_FIGURE, money_said(self.value, self.unit))
        return joined(text, self.note) if self.note else text


def money_said(value: float, unit: str) -> Sentence:
    """A figure and its unit (500 元, 600 元/月): the number as it is, the unit the program's
    word — wherever the policy says a rule's amount (`Amount.said`, the editor's labels, the
    judge's 补贴标准)."""
    return said(MONEY, yuan(value), Word(unit))


#: A figure and its unit as `money_said` writes it (600 元/月): the number, a space, the unit.
_MONEY_READ = r"(\d+(?:\.\d+)?) ([^\s（），；]+)"
#: Each way `Amount.said` says an amount (without the county's note), as read back from its
#: Chinese: the template, and a pattern of it whose groups are figure-and-unit pairs.
_AMOUNTS_READ: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (text, re.compile(pattern))
    for text, pattern in (
        (MONEY, _MONEY_READ),
        (PER_DAY, "每天 " + _MONEY_READ),
        (COUNTY_FIGURE, _MONEY_READ + "（县定标准）"),
        (COUNTY_FIGURE_CAPPED, _MONEY_READ + "（县定标准，最高 " + _MONEY_READ + "）"),
        (NOT_SET, re.escape(UNSET)),
        (UNSET_CAPPED, re.escape(UNSET) + "（最高 " + _MONEY_READ + "）"),
    )
)


def amount_read(text: str) -> Sentence | None:
    """The sentence `Amount.said` made of `text` — the amount a claim keeps as its Chinese
    (`QualifyingFacts.amount_rule`) — read back, so a window says a kept claim's amount in its
    language (the text stays the record); None when `text` is not one of its sentences (a claim
    kept by another program's words: shown as kept)."""
    head, mark, note = text.partition("；")
    for form, pattern in _AMOUNTS_READ:
        found = pattern.fullmatch(head)
        if found is None:
            continue
        pairs = found.groups()
        if (form == PER_DAY and pairs[1] != "元") or (mark and not note):
            return None  # (by the day is always in 元; a note is never empty)
        monies = [said(MONEY, pairs[i], Word(pairs[i + 1])) for i in range(0, len(pairs), 2)]
        sentence = monies[0] if form == MONEY else said(form, *monies)
        return joined(sentence, note) if mark else sentence
    return None


def money_text(value: float | None, unit: str = "元") -> str:
    """'500 元', or '待县里核定标准' for an amount nobody has set."""
    return UNSET if value is None else f"{yuan(value)} {unit}"


# -- limits ---------------------------------------------------------------------------------------


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
        """Chinese description of the limit (the text a claim keeps,
        `QualifyingFacts.limit`); `said` is its sentence."""
        return str(self.said())

    def said(self) -> Part:
        """'每人每月一次', or '每人每个自然年度一次（自2026年1月1日起计）'."""
        label = Word(LIMIT_LABELS[self.kind], common=True)
        return said(LIMIT_COUNTED_FROM, label, Day(self.count_from)) if self.count_from else label


#: A limit counted from a day (`Limit.said`).
LIMIT_COUNTED_FROM = template("%1（自%2起计）")
_LIMIT_COUNTED_READ = re.compile(r"(.+)（自(\d{4})年(\d{1,2})月(\d{1,2})日起计）")


def limit_read(text: str) -> Part | None:
    """The part `Limit.said` made of `text` — the limit a claim keeps as its Chinese
    (`QualifyingFacts.limit`) — read back for a window in another language; None when it is
    not one of its sentences."""
    if text in LIMIT_LABELS.values():
        return Word(text, common=True)
    found = _LIMIT_COUNTED_READ.fullmatch(text)
    if found is None or found[1] not in LIMIT_LABELS.values():
        return None
    try:
        day = dt.date(int(found[2]), int(found[3]), int(found[4]))
    except ValueError:
        return None
    return said(LIMIT_COUNTED_FROM, Word(found[1], common=True), Day(day))


class EventKind(StrEnum):
    """What qualifies: an employment spell or a training."""

    SPELL = "spell"
    TRAINING = "training"


class FundingByCategory(_Strict):
    """A funding source for persons holding one of `categories` on the event date."""

    categories: list[Category]
    source: Written


# -- conditions -----------------------------------------------------------------------------------


#: A condition's bound (%1) in months, years of age, days.
IN_MONTHS = template("%1个月")
IN_YEARS = template("%1岁")
IN_DAYS = template("%1天")
#: Each condition a county may only make stricter, in the clerk's words (the pack's key →
#: its name: refusals of a county pack name a condition so, `combine`, `packfile`), and the unit of its bound (None: not a number).
CONDITION_NAMES: dict[str, tuple[str, str | None]] = {
    "categories_any": (template("享受补贴的人员类别"), None),
    "place_scopes": (template("务工地点范围"), None),
    "forms": (template("就业形式"), None),
    "employer_kinds": (template("对用人单位类型的限制"), None),
    "categories_none": (template("不享受本项补贴的人员类别"), None),
    "or_rural_transferred": (template("“农村转移劳动力也可享受”"), None),
    "stable_months_min": (template("要求的稳定就业时长"), IN_MONTHS),
    "contract_months_min": (template("要求的劳动合同（协议）期限"), IN_MONTHS),
    "insurance_months_min": (template("要求的社会保险缴费月数"), IN_MONTHS),
    "age_at_event_min": (template("要求的最低年龄"), IN_YEARS),
    "registered_unemployed_months_min": (template("要求的失业登记时长"), IN_MONTHS),
    "training_days_min": (template("要求的培训天数"), IN_DAYS),
    "contract_months_max": (template("劳动合同（协议）期限的上限"), IN_MONTHS),
    "age_at_event_max": (template("要求的最高年龄"), IN_YEARS),
    "graduate_window_months": (template("离校后可享受的期限"), IN_MONTHS),
    "returned_within_months": (template("返乡后可享受的期限"), IN_MONTHS),
    "new_lookback_months": (template("认定“新”务工时查看此前务工的期限"), IN_MONTHS),
    "new_to_scope": (template("新外出务工"), None),
    "newly_returned": (template("新返乡"), None),
    "organized_export": (template("通过有组织劳务输出就业"), None),
    "first_export": (template("首次有组织劳务输出"), None),
    "graduate_unemployed": (template("离校未就业"), None),
    "registered_unemployed": (template("登记失业"), None),
    "first_business": (template("首次创业"), None),
    "casual_work": (template("临时务工（临工）"), None),
}


class Conditions(_Strict):
    """Conditions over ledger facts; all given ones must hold (absent ones are not checked)."""

    categories_any: list[Category] = []
    #: With `categories_any`: rural transferred labour (农村转移劳动力: has worked outside the
    #: home township) qualifies too.
    or_rural_transferred: bool = False
    categories_none: list[Category] = []
    place_scopes: list[PlaceScope] = []
    #: "新" (新跨省务工): no earlier spell in `place_scopes` (within the look-back, when given).
    new_to_scope: bool | None = None
    new_lookback_months: int | None = Field(default=None, ge=1)
    #: "新返乡": the person's previous spell was outside the home county and ended before this
    #: one began (within `returned_within_months` of it, when given).
    newly_returned: bool | None = None
    returned_within_months: int | None = Field(default=None, ge=1)
    forms: list[EmploymentForm] = []
    employer_kinds: list[EmployerKind] = []

    @field_validator("forms")
    @classmethod
    def _no_unknown_form(cls, forms: list[EmploymentForm]) -> list[EmploymentForm]:
        """未登记 is a job whose form no one entered: paying it would pay on a guess."""
        if EmploymentForm.UNKNOWN in forms:
            raise ValueError("就业形式“未登记”是没有填写就业形式，不能作为补贴条件")
        return forms

    stable_months_min: int | None = Field(default=None, ge=1)
    contract_months_min: int | None = Field(default=None, ge=1)
    contract_months_max: int | None = Field(default=None, ge=1)
    insurance_months_min: int | None = Field(default=None, ge=1)
    organized_export: bool | None = None
    first_export: bool | None = None
    age_at_event_min: int | None = Field(default=None, ge=0)
    age_at_event_max: int | None = Field(default=None, ge=0)
    #: 毕业年度 or within this many months of the month of leaving school (离校2年内 = 24).
    graduate_window_months: int | None = Field(default=None, ge=0)
    #: "未就业": no job between leaving school and this one.
    graduate_unemployed: bool | None = None
    registered_unemployed: bool | None = None
    registered_unemployed_months_min: int | None = Field(default=None, ge=1)
    first_business: bool | None = None
    training_days_min: int | None = Field(default=None, ge=1)
    casual_work: bool | None = None


# -- rules ----------------------------------------------------------------------------------------


class Extension(_Strict):
    """A county's extension of a rule to a new end date, on its own document."""

    valid_to: dt.date
    document: Written
    issuer: str = ""
    date: dt.date | None = None

    def describe(self) -> str:
        """'执行至2026年12月31日（某县人社局 某人社通〔2026〕3号，2026年1月5日）': its days as a
        paper writes them (it is printed on every 申请表 and 花名册 citing the rule)."""
        when = f"，{written(self.date)}" if self.date else ""
        who = f"{self.issuer} " if self.issuer else ""
        return f"执行至{written(self.valid_to)}（{who}{self.document}{when}）"


class Rule(_Strict):
    """One subsidy rule, traced to its clause."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    title: Written
    clause: Written
    also_clauses: list[str] = []
    enabled: bool = True
    valid_from: dt.date
    valid_to: dt.date | None = None
    extensions: list[Extension] = []
    payee: Literal["person", "employer", "agency"] = "person"
    event: EventKind = EventKind.SPELL
    amount: Amount
    funding_source: Written
    funding_by_category: list[FundingByCategory] = []
    limit: Limit = Limit()
    evidence: list[str] = []
    conditions: Conditions = Conditions()
    note: str = ""
    #: The county document that set the figure of a capped or county-set amount (its number;
    #: from an override's `figure_document`), cited with the clause.
    figure_document: str = ""
    #: The day the county's figure applies from (a new standard from 2027-01-01): before it the
    #: figure is `figure_before` (None: not set then), set on `figure_before_document`.
    figure_from: dt.date | None = None
    figure_before: float | None = Field(default=None, ge=0)
    figure_before_document: str = ""
    #: The rule compiled for evaluation, made once on first use (`fieldapp.policy.eligibility`).
    _compiled: Any = PrivateAttr(default=None)

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

    @property
    def citation(self) -> str:
        """The clause as printed: '黔府发〔2023〕12号 附件2 第（四）条', with the county's document
        for its figure ('县定标准：某县人社发〔2026〕3号') and any county extension ('执行至
        2026年12月31日（…）'; '县定标准、执行至…' when one document does both)."""
        extended = [e.describe() for e in self.extensions]
        number = self.figure_document
        same = [n for n, e in enumerate(self.extensions) if number and e.document == number]
        if same:  # one county document sets the figure and extends the rule: cited once
            extended[same[-1]] = "县定标准、" + extended[same[-1]]
        figure = [f"县定标准：{number}"] if number and not same else []
        return "；".join([self.clause, *figure, *extended])

    def as_of(self, day: dt.date) -> Rule:
        """The rule with the county's figure (and the document citing it) in force on `day`: the
        figure before `figure_from` for a month paid, or a job begun, before it."""
        if self.figure_from is None or day >= self.figure_from:
            return self
        amount = self.amount.model_copy(update={"value": self.figure_before})
        return self.model_copy(
            update={
                "amount": amount,
                "figure_document": self.figure_before_document if amount.is_set else "",
                "figure_from": None,
                "figure_before": None,
                "figure_before_document": "",
            }
        )

    def amount_text(self) -> str:
        """The amount as `policy list` says it, with the figure before a new one's day: '700
        元/月（县定标准）；2027年1月1日起执行，此前 600 元/月（七人社通〔2026〕3号）'."""
        text = self.amount.describe()
        if self.figure_from is None:
            return text
        before = self.as_of(self.figure_from - dt.timedelta(days=1))
        earlier = money_text(before.amount.value, before.amount.unit)
        cited = f"（{before.figure_document}）" if before.figure_document else ""
        return f"{text}；{written(self.figure_from)}起执行，此前 {earlier}{cited}"

    def in_force_on(self, day: dt.date) -> bool:
        """True when `day` lies in the validity period."""
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def period_text(self) -> str:
        """'2023年6月15日至2025年12月31日' (or '至长期'), as the documents write it."""
        end = written(self.valid_to) if self.valid_to else "长期"
        return f"{written(self.valid_from)}至{end}"


class RuleOverride(_Strict):
    """A county's change to an existing rule: only the fields given are replaced.

    What the county may change is checked when packs are combined (`fieldapp.policy.combine`):
    a county figure only under the seeds' cap, an end date only on a document of its own,
    conditions only stricter.
    """

    rule: str
    enabled: bool | None = None
    title: Written | None = None
    #: The county's figure for a capped or county-set amount.
    figure: float | None = Field(default=None, ge=0)
    #: The county document that sets `figure` (its number; listed in `[[documents]]`): printed
    #: papers cite it for the amount. Required of a pack published or installed from now on.
    figure_document: str | None = None
    #: With `figure`: the day it applies from (months paid, jobs begun on or after it); before
    #: it `figure_before` applies (left out: not set before), on `figure_before_document`.
    figure_from: dt.date | None = None
    figure_before: float | None = Field(default=None, ge=0)
    figure_before_document: str | None = None
    amount: Amount | None = None
    valid_to: dt.date | None = None
    #: The county document that extends the rule (its number; listed in `[[documents]]`).
    document: Written | None = None
    document_date: dt.date | None = None
    funding_source: Written | None = None
    funding_by_category: list[FundingByCategory] | None = None
    limit: Limit | None = None
    evidence: list[str] | None = None
    conditions: Conditions | None = None
    note: str | None = None


# -- the rest of a pack ---------------------------------------------------------------------------


class PackHeader(_Strict):
    """`[pack]`: identity, lineage and the document that issues it."""

    id: str = Field(pattern=r"^[A-Za-z0-9_.-]+$")
    version: Written
    title: Written
    issued: dt.date | None = None
    extends: str | None = None
    region: str = ""
    #: Who issues it and on which document: "某某县人力资源和社会保障局", "某人社通〔2026〕5号".
    authority: str = ""
    document: str = ""
    document_date: dt.date | None = None
    #: The earliest fieldapp that reads the pack ("0.3.0"): a pack using what an earlier program
    #: does not know (a field or value added later) states it, and an earlier program refuses
    #: it saying so (`packfile.parse_pack_text`) instead of reading it as misspelt. Checked
    #: before the rest of the pack; publishing a pack whose `requires` is later than the hub's
    #: own program is refused the same way.
    requires: str | None = None

    def said(self) -> str:
        """The pack as people know it: '某县就业帮扶政策 2026.2 版，某人社通〔2026〕5号'."""
        return f"{self.title} {self.version} 版" + (f"，{self.document}" if self.document else "")


class Lines(_Strict):
    """County lines (`[lines]`): the monitoring income line is the county's (None until set)."""

    welfare_post_income_line: float | None = Field(default=None, ge=0)
    #: The county document that sets the line (its number; listed in `[[documents]]`), cited
    #: by the flag telling that a post holder's income is above it.
    welfare_post_income_line_document: str | None = None
    #: The day the line applies from (a new line for the new year): months before it are
    #: measured against `welfare_post_income_line_before` (None: no line then), on its document.
    welfare_post_income_line_from: dt.date | None = None
    welfare_post_income_line_before: float | None = Field(default=None, ge=0)
    welfare_post_income_line_before_document: str | None = None
    welfare_post_income_months: int | None = Field(default=None, ge=1)

    def income_line_on(self, day: dt.date) -> tuple[float | None, str]:
        """The monitoring line in force on `day` and the document that set it ('' if none)."""
        start = self.welfare_post_income_line_from
        if start is not None and day < start:
            before = self.welfare_post_income_line_before
            return before, (self.welfare_post_income_line_before_document or "") * (
                before is not None
            )
        return self.welfare_post_income_line, self.welfare_post_income_line_document or ""


class Deadlines(_Strict):
    """Service deadlines (`[deadlines]`)."""

    service_1311_workdays: int | None = Field(default=None, ge=1)
    registration_workdays: int | None = Field(default=None, ge=1)
    monthly_update_day: int | None = Field(default=None, ge=1, le=28)
    follow_up_months: list[int] | None = None
    due_soon_workdays: int | None = Field(default=None, ge=0)
    working_age_min: int | None = Field(default=None, ge=0)
    working_age_max: int | None = Field(default=None, ge=1)


class Clauses(_Strict):
    """`[clauses]`: the citations of the duties and deadlines the code keeps."""

    service_1311: str = ""
    registration: str = ""
    monthly: str = ""
    follow_up: str = ""
    levels: str = ""
    one_per_household: str = ""
    zero_employment: str = ""
    income_above_line: str = ""
    two_posts: str = ""


class YearSchedule(_Strict):
    """The State Council's holiday schedule for one year (放假调休安排)."""

    year: int = Field(ge=2000, le=2200)
    document: Written
    title: str = ""
    #: Every day off of the schedule's holidays (weekends inside a holiday may be listed too).
    days_off: list[dt.date] = Field(min_length=1)
    #: Weekend days that are working days (调休上班).
    workdays: list[dt.date] = []

    @model_validator(mode="after")
    def _dates(self) -> YearSchedule:
        for day in [*self.days_off, *self.workdays]:
            if abs(day.year - self.year) > 1:
                raise ValueError(f"{self.year}年安排中的日期 {day} 不在该年前后")
        both = set(self.days_off) & set(self.workdays)
        if both:
            raise ValueError(f"{min(both)} 既是休息日又是上班日")
        return self


class CalendarDays(_Strict):
    """`[calendar]`: yearly schedules, and the county's own extra days."""

    extra_holidays: list[dt.date] = []
    extra_workdays: list[dt.date] = []
    years: list[YearSchedule] = []


class ServiceLevel(_Strict):
    """Minimum services for one unemployment level (`[[service_levels]]`)."""

    level: UnemploymentLevel
    max_months: int | None = Field(default=None, ge=1)
    minimums: dict[ServiceType, int]
    clause: str = ""
    note: str = ""


class ServiceItem(_Strict):
    """One part of a service bundle: `count` services of any of `services`."""

    services: list[ServiceType] = Field(min_length=1)
    count: int = Field(default=1, ge=1)

    @property
    def label(self) -> str:
        """'职业培训或就业见习'."""
        return "或".join(str(s) for s in self.services)


class ServiceBundle(_Strict):
    """A named package of services ("1311"): done only when every item is."""

    name: Written
    items: list[ServiceItem] = Field(min_length=1)
    clause: str = ""
    note: str = ""

    def describe(self) -> str:
        """'政策宣传1次、岗位推荐3次、职业指导1次、职业培训或就业见习1次'."""
        return "、".join(f"{i.label}{i.count}次" for i in self.items)


#: Why a row of the county's 就业状态 words is refused (`WordRefusal.template`): the one source
#: of these sentences. Publishing, `policy check` and the command line say them in Chinese
#: (`str(refusal)`); the county editor in the language shown (`fieldapp.ui.status_words_said`
#: translates these very texts, context ``StatusWords``). %1, %2 … are the refusal's parts.
EMPTY_WORD = template("就业状态用词表中有一个用词是空的（读作“%1”的那一项）")
NO_SUCH_STATUS = template("就业状态用词“%1”读作“%2”不行：就业状态只有%3")
IS_A_STATUS = template("就业状态用词“%1”本身就是一种就业状态，不能读作“%2”")
READ_OTHERWISE = template(
    "就业状态用词“%1”本程序已读作“%2”，不能再说成“%3”（导入时仍会按本程序的读法）"
)
WRITTEN_TWICE = template("就业状态用词“%1”写了两次")
#: The same word written twice in spellings that differ only by spaces before or after it
#: (“在家” and “ 在家”): the pack keeps words without them, so one would silently replace the
#: other. %1 and %2 are the two spellings as written.
SPACED_TWICE = template("就业状态用词“%1”和“%2”只差前后的空格，是同一个词写了两次")
#: How the statuses a refusal lists are joined in Chinese (就业状态只有已就业、未就业…).
LISTED = "、"
#: A pack signed before spelt one word in ways differing only by spaces (`MergedWord`): read as
#: one word, the last spelling's meaning kept, and the next edition the county editor makes
#: writes it once. %1: each spelling as written with its meaning (`SPELLING_READ`, joined by
#: `LISTED`); %2: the word as kept; %3: the meaning kept; %4: the spellings the edition drops.
MERGED_WORD = (
    "现行政策包中就业状态用词%1只差前后的空格，读时算同一个词“%2”，按后写的读作“%3”："
    "新版只写一次“%2”读作“%3”，%4不再写入"
)
#: One spelling of a `MergedWord` and its meaning, as `MERGED_WORD`'s %1 lists them.
SPELLING_READ = "“%1”（读作“%2”）"
#: A spelling `MERGED_WORD`'s %4 names.
SPELLING = "“%1”"


def status_word_sentences() -> tuple[str, ...]:
    """Every sentence a `WordRefusal` says (for the translation catalogue)."""
    return (EMPTY_WORD, NO_SUCH_STATUS, IS_A_STATUS, READ_OTHERWISE, WRITTEN_TWICE, SPACED_TWICE)


@dataclass(frozen=True)
class WordRefusal:
    """Why one row of the county's 就业状态 words is refused, as a sentence (`template`, one of
    `status_word_sentences`) and what fills its %1, %2 … (`parts`): a text is what the county
    wrote, as written; a tuple is the program's own statuses (`WorkStatus`), one or a list,
    which a screen says in its language. `str()` is the Chinese sentence."""

    template: str
    parts: tuple[str | tuple[str, ...], ...]

    def __str__(self) -> str:
        said = [p if isinstance(p, str) else LISTED.join(p) for p in self.parts]
        return _filled(self.template, *said)

    @property
    def said(self) -> Sentence:
        """The refusal as a sentence (its statuses the program's words, `Word`), for where a
        refusal is said whole (`packfile.check_words_written`'s PackError); its Chinese is
        `str()`'s."""
        parts = [
            p if isinstance(p, str) else listed([Word(s, common=True) for s in p])
            for p in self.parts
        ]
        return said(self.template, *parts)


@dataclass(frozen=True)
class MergedWord:
    """One 就业状态 word a pack's text spells in ways differing only by spaces before or after
    it (“在家”, “ 在家”), which reading the pack makes one word, the last spelling's meaning
    kept (`PackFile.status_words`): what a county clerk is told before the next edition,
    which writes the word once, is published (`packfile.merged_words`)."""

    #: The word as the pack keeps it (no spaces around it).
    word: str
    #: Each spelling as the text writes it, with its meaning, in the text's order.
    spellings: tuple[tuple[str, str], ...]

    @property
    def kept(self) -> str:
        """The meaning kept: the last spelling's."""
        return self.spellings[-1][1]

    @property
    def gone(self) -> tuple[str, ...]:
        """The spellings the next edition no longer writes (all but the word as kept)."""
        return tuple(s for s, _ in self.spellings if s != self.word)

    def __str__(self) -> str:
        read = LISTED.join(_filled(SPELLING_READ, s, m) for s, m in self.spellings)
        gone = LISTED.join(_filled(SPELLING, s) for s in self.gone)
        return _filled(MERGED_WORD, read, self.word, self.kept, gone)


def _filled(template: str, *values: str) -> str:
    """`template` with %1, %2 … replaced by `values` at once (`sentences.fill`)."""
    return fill(template, values)


def status_word_refusal(word: str, meaning: str) -> WordRefusal | None:
    """Why one row of the county's 就业状态 words (`PackFile.status_words`) is refused, naming
    the word; None when it may stand. The one check of a row: the pack's reading (publish,
    `policy check`), the command line and the county editor's table all ask it (the last two
    through `status_word_refusals`). A word the import already reads by itself (失业, 务工 …,
    `domain.status_words`) keeps that reading, so the county may repeat it (redundant but
    harmless) but not say it otherwise."""
    allowed = tuple(s.value for s in WorkStatus)
    word, meaning = word.strip(), meaning.strip()  # named as the pack keeps them
    if not word:
        return WordRefusal(EMPTY_WORD, ((meaning,) if meaning in allowed else meaning,))
    if meaning not in allowed:
        return WordRefusal(NO_SUCH_STATUS, (word, meaning, allowed))
    built_in = built_in_reading(word)
    if built_in is not None and built_in != meaning:
        if built_in == word:
            return WordRefusal(IS_A_STATUS, (word, (meaning,)))
        return WordRefusal(READ_OTHERWISE, (word, (built_in.value,), (meaning,)))
    return None


def status_word_problem(word: str, meaning: str) -> str | None:
    """`status_word_refusal` said in Chinese; None when the row may stand."""
    refusal = status_word_refusal(word, meaning)
    return None if refusal is None else str(refusal)


def status_word_refusals(rows: Iterable[tuple[str, str]]) -> list[WordRefusal | None]:
    """Each of the rows (word, status) the county writes for its 就业状态 words, checked as
    publishing checks a row (`status_word_refusal`), and a word written again after a row of
    it that may stand refused as written twice (`WRITTEN_TWICE`; spaces around a word do not
    make it another, as the pack keeps words without them: two spellings differing only so
    are named both, `SPACED_TWICE`); None for a row that may stand. The one check of a list
    the command line (`hub policy edit --word`), the county editor's table and publishing a
    pack written by hand (`packfile.check_words_written`) make."""
    kept: dict[str, str] = {}  # each word as the pack keeps it → the spelling first written
    found: list[WordRefusal | None] = []
    for word, meaning in rows:
        refusal = status_word_refusal(word, meaning)
        first = kept.get(word.strip())
        if refusal is None and first is not None:
            refusal = (
                WordRefusal(WRITTEN_TWICE, (word.strip(),))
                if first == word
                else WordRefusal(SPACED_TWICE, (first, word))
            )
        if refusal is None:
            kept[word.strip()] = word
        found.append(refusal)
    return found


class PackFile(_Strict):
    """One pack file as written."""

    pack: PackHeader
    documents: list[Document] = []
    lines: Lines = Lines()
    deadlines: Deadlines = Deadlines()
    clauses: Clauses | None = None
    calendar: CalendarDays = CalendarDays()
    service_levels: list[ServiceLevel] = []
    service_bundles: list[ServiceBundle] = []
    rules: list[Rule] = []
    overrides: list[RuleOverride] = []
    #: The county's list of the words coordinators write for 就业状态 (`[status_words]`,
    #: "在家" = "未就业"): every import reads them so, unless the user says a word otherwise.
    #: Optional; a pack writing it asks for fieldapp 0.2.0 (`packfile.LATER_KEYS`).
    status_words: dict[str, str] = {}

    @field_validator("status_words")
    @classmethod
    def _statuses(cls, words: dict[str, str]) -> dict[str, str]:
        # Kept without spaces around a word: two spellings differing only so ("在家", " 在家")
        # become one, the later's meaning kept, as packs signed before were read. Such a list
        # is refused where a pack is published (`packfile.check_words_written`), not here.
        for word, meaning in words.items():
            problem = status_word_problem(word, meaning)
            if problem is not None:
                raise ValueError(problem)
        return {word.strip(): meaning.strip() for word, meaning in words.items()}

    @field_validator("rules")
    @classmethod
    def _unique(cls, rules: list[Rule]) -> list[Rule]:
        seen: set[str] = set()
        for rule in rules:
            if rule.id in seen:
                raise ValueError(f"规则编号 {rule.id} 重复")
            seen.add(rule.id)
        return rules

    @field_validator("calendar")
    @classmethod
    def _one_schedule_a_year(cls, calendar: CalendarDays) -> CalendarDays:
        years = [y.year for y in calendar.years]
        if len(set(years)) != len(years):
            raise ValueError("同一年份的放假安排写了两次")
        return calendar


# -- the policy in force --------------------------------------------------------------------------


class PackInfo(_Strict):
    """The pack that decides the policy in force (a hub-published county pack, or the built-in
    seeds' pack) and where it came from: "hub", "builtin" or "local"."""

    id: str
    version: str
    source: str = "builtin"
    title: str = ""
    authority: str = ""
    document: str = ""
    document_date: dt.date | None = None

    def as_dict(self) -> dict[str, str]:
        """The JSON shape of `policy list --json`."""
        return {"id": self.id, "version": self.version, "source": self.source}

    def notice(self) -> str:
        """'政策包已更新：某县就业帮扶政策（县人社局 某人社通〔2026〕5号）'."""
        issued = " ".join(x for x in (self.authority, self.document) if x)
        return (
            f"政策包已更新：{self.title}（{issued}）" if issued else f"政策包已更新：{self.title}"
        )


class Policy(BaseModel):
    """The pack in force: a base pack with the county packs applied, in order."""

    model_config = ConfigDict(frozen=True)

    version: str
    title: str
    files: list[str]
    pack: PackInfo
    documents: list[Document]
    lines: Lines
    deadlines: Deadlines
    clauses: Clauses
    calendar: CalendarDays
    service_levels: list[ServiceLevel]
    service_bundles: list[ServiceBundle]
    rules: list[Rule]
    #: The county's 就业状态 words (`PackFile.status_words`, later packs' words replacing
    #: earlier ones') and the pack that gave them, as people know it (`PackHeader.said`).
    status_words: dict[str, str] = {}
    status_words_from: str = ""

    def holds(self, rule_id: str) -> bool:
        """True when a rule of this id is in the policy (enabled or not)."""
        return any(rule.id == rule_id for rule in self.rules)

    def rule(self, rule_id: str) -> Rule:
        """A rule by id, or a Chinese error."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise FieldappError(said(NO_SUCH_RULE, rule_id))

    @property
    def active_rules(self) -> list[Rule]:
        """Rules that are switched on."""
        return [r for r in self.rules if r.enabled]

    def line(self, name: str) -> float | None:
        """A county line, or None while the county has not set it."""
        value = getattr(self.lines, name)
        return None if value is None else float(value)

    def deadline(self, name: str, default: Any) -> Any:
        """A deadline setting, with the code's fallback."""
        value = getattr(self.deadlines, name)
        return default if value is None else value

    def bundle(self, name: str) -> ServiceBundle | None:
        """A service bundle ("1311") by name."""
        return next((b for b in self.service_bundles if b.name == name), None)

    def unset_figures(self) -> list[str]:
        """What the county has still to set, in Chinese (for `policy list` and the editor)."""
        return [str(said) for said in self.unset_said()]

    def unset_said(self) -> list[Sentence]:
        """What the county has still to set, as sentences (`unset_figures` their Chinese; the
        desktop says them in the window's language): a subsidy as the pack names it, and the
        monitoring income line."""
        out = [said(UNSET_RULE, r.title) for r in self.active_rules if not r.amount.is_set]
        if self.lines.welfare_post_income_line is None:
            out.append(said(UNSET_INCOME_LINE))
        return out

    def unset_named(self) -> list[Part]:
        """What the county has still to set, named alone (`unset_said` without 待县里核定标准
        after each): for a list under one heading (待县里核定：甲；乙). A subsidy as the pack
        names it, the monitoring income line as the program's word (`INCOME_LINE_NAME`)."""
        out: list[Part] = [r.title for r in self.active_rules if not r.amount.is_set]
        if self.lines.welfare_post_income_line is None:
            out.append(Word(INCOME_LINE_NAME))
        return out
