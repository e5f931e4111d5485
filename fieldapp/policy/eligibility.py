"""Who qualifies for which subsidy, and why: every rule of the policy against one person's facts.

A rule is evaluated as of its qualifying event's date (the start of an employment spell, or a
training), not today's: categories must be held on that date and the date must lie in the rule's
validity period. Time-driven conditions (months of stable employment) are measured up to the
as-of date; when only they are missing the result is "not yet" with the date it will be met.

There is one evaluator. Each rule is compiled once (`compiled`): its conditions become check
functions and its cheapest ones (validity, form, categories) a gate. `detail` only decides
whether explanations are built: without it an event that fails the gate is skipped before any
check runs and the first unmet condition ends the event, which keeps a 100k-person ledger within
a couple of seconds; with it every condition of every event is explained.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

from fieldapp.domain.claims import Payee, QualifyingFacts, period_paid
from fieldapp.domain.dates import add_months, written
from fieldapp.domain.enums import ServiceType
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.labels import field_label
from fieldapp.domain.money import yuan
from fieldapp.domain.places_said import say_place
from fieldapp.domain.sentences import (
    COLONED,
    OWNED,
    QUOTED,
    SEMICOLONED,
    Day,
    Part,
    Sentence,
    Word,
    listed,
    said,
    template,
)
from fieldapp.domain.snapshots import snapshot_fields, snapshot_maker
from fieldapp.policy.conditions import Check, Ctx, compile_checks, ledger_checks
from fieldapp.policy.facts import (
    ClaimFacts,
    PersonFacts,
    RegistrationFacts,
    ServiceFacts,
    SpellFacts,
    home_code_of,
)
from fieldapp.policy.guard import namesake_key
from fieldapp.policy.pack import (
    LIMIT_COUNTED_FROM,
    LIMIT_LABELS,
    UNSET,
    AmountKind,
    EventKind,
    LimitKind,
    Policy,
    Rule,
    money_said,
)
from fieldapp.reference import divisions


class Status(StrEnum):
    """A rule's result for one person."""

    ELIGIBLE = "eligible"
    NOT_YET = "not_yet"
    NOT_ELIGIBLE = "not_eligible"
    CLAIMED = "claimed"


STATUS_LABELS = {
    Status.ELIGIBLE: "符合条件",
    Status.NOT_YET: "暂未满足",
    Status.NOT_ELIGIBLE: "不符合",
    Status.CLAIMED: "已申领",
}

_RANK = {Status.ELIGIBLE: 0, Status.NOT_YET: 1, Status.CLAIMED: 2, Status.NOT_ELIGIBLE: 3}


@dataclass(frozen=True, slots=True)
class Reason:
    """One condition, met or not, explained in Chinese with its clause.

    `said` is the explanation as a sentence (`conditions.Outcome.said`), which the desktop says
    in the window's language; None where the judge has it only as Chinese text (then `text`)."""

    met: bool
    text: str
    clause: str = ""
    said: Part | None = field(default=None, compare=False)

    def as_dict(self) -> dict[str, Any]:
        """JSON shape."""
        return {"met": self.met, "text": self.text, "clause": self.clause}

    def __str__(self) -> str:
        mark = "✓" if self.met else "✗"
        return f"{mark} {self.text}（{self.clause}）" if self.clause else f"{mark} {self.text}"


def _said_as(part: Part | None, template: str) -> bool:
    """Whether `part` is a sentence of `template`."""
    return isinstance(part, Sentence) and part.template == template


def _reason(met: bool, sentence: Part, clause: str) -> Reason:
    """A condition judged, its explanation a sentence (its Chinese the reason's text)."""
    return Reason(met, str(sentence), clause, sentence)


#: The judge's own reasons (the conditions' are `conditions`'): a claim already made, the
#: rule's period, the month (year) paid and the job then, the agreement, nothing to judge.
CLAIMED = template("已申领（%1），%2")
CLAIMED_FOR = template("%1，%2的事项")
#: … made on the person's other row (one person entered twice: the same ID number).
CLAIMED_ELSEWHERE = template("%1；此人在台账上登记了两遍，申领在另一条登记上")
#: … made on the person's other row, deleted since as the duplicate (in no list any more).
CLAIMED_GONE = template("%1；此人在台账上登记了两遍，申领在已删除的那条登记上")
LIMIT_FROM = LIMIT_COUNTED_FROM  # (`Limit.said`'s: one sentence for the rule and its claims)
PERIOD = template("%1至%2")
BEGAN_IN = template("%1开始于%2，在政策有效期（%3）内")
BEGAN_OUT = template("%1开始于%2，不在政策有效期（%3）内")
MONTHLY_IN = template("按月发放：%1在政策有效期（%2）内")
MONTHLY_OUT = template("按月发放：%1不在政策有效期（%2）内")
YEARLY_IN = template("按年度发放：%1在政策有效期（%2）内")
YEARLY_OUT = template("按年度发放：%1不在政策有效期（%2）内")
STILL_IN = template("%1仍在%2（%3起）")
LEFT_BEFORE = template("%1已于%2结束，%3不在%1")
AGREEMENT = template("协议（%1起%2个月，至%3）")
IN_AGREEMENT = template("%1在%2期内")
AGREEMENT_ENDED = template("%1已到期，%2不在协议期内（续签后请登记新的协议）")
NO_JOB_RECORD = template("截至%1没有就业记录")
NO_TRAINING_RECORD = template("截至%1没有职业培训记录")


@dataclass(slots=True)
class RuleResult:
    """A rule's result for one person: status, amount, funding and the reasons.

    `amount` is None when the rule's figure is the county's and the county has not set it.
    """

    person_id: str
    id_number: str
    name: str
    rule_id: str
    rule_title: str
    clause: str
    status: Status
    amount: float | None = None
    funding_source: str = ""
    payee: str = ""
    payee_name: str = ""
    event_date: dt.date | None = None
    event_id: str | None = None
    eligible_from: dt.date | None = None
    limit_key: str = ""
    claim_id: str | None = None
    reasons: list[Reason] = field(default_factory=list)
    #: The policy it was judged under (`Policy.version`, e.g. guizhou-2023@2026.1+county@2026.2).
    pack_version: str = ""
    #: Where the person's household is (an area code), for lists over many villages.
    area_code: str = ""

    @property
    def amount_text(self) -> str:
        """'500 元', or '待县里核定标准'."""
        return UNSET if self.amount is None else f"{yuan(self.amount)} 元"

    @property
    def summary(self) -> str:
        """One Chinese line: the first unmet reason, or the status."""
        if self.status is Status.CLAIMED:
            # The judge's own reason for a claim already made (its sentence's template, not
            # its first letter: a condition's text may begin with 已 too).
            claimed = (r.text for r in self.reasons if _said_as(r.said, CLAIMED))
            return next(claimed, "已申领")
        unmet = [r for r in self.reasons if not r.met]
        if unmet:
            return unmet[0].text
        if self.status is Status.ELIGIBLE and self.amount is None:
            return f"符合条件（金额{UNSET}）"
        return STATUS_LABELS[self.status]

    def as_dict(self) -> dict[str, Any]:
        """JSON shape used by the CLI."""
        return {
            "id_number": self.id_number,
            "name": self.name,
            "rule_id": self.rule_id,
            "rule_title": self.rule_title,
            "clause": self.clause,
            "status": str(self.status),
            "amount": self.amount,
            "amount_text": self.amount_text,
            "funding_source": self.funding_source,
            "payee": self.payee,
            "payee_name": self.payee_name,
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "event_id": self.event_id,
            "eligible_from": self.eligible_from.isoformat() if self.eligible_from else None,
            "claim_id": self.claim_id,
            "summary": self.summary,
            "reasons": [r.as_dict() for r in self.reasons],
            "pack_version": self.pack_version,
        }


def limit_key(rule: Rule, person_id: str, on: dt.date, event_id: str | None) -> str:
    """The key the one-time guard counts: limit group, person and period."""
    kind = rule.limit.kind
    if kind is LimitKind.ONCE_EVER:
        period = f"since:{rule.limit.count_from}" if rule.limit.count_from else "ever"
    elif kind is LimitKind.ONCE_PER_YEAR:
        period = f"year:{on.year}"
    elif kind is LimitKind.ONCE_PER_MONTH:
        period = f"month:{on.year:04d}-{on.month:02d}"
    else:
        period = f"event:{event_id}"
    return f"{rule.limit_group}|{person_id}|{period}"


def funding_for(rule: Rule, categories: frozenset[str] | set[str]) -> str:
    """The funding source for a person holding `categories` on the event date."""
    for option in rule.funding_by_category:
        if any(str(c) in categories for c in option.categories):
            return option.source
    return rule.funding_source


def paid_period(kind: LimitKind, on: dt.date) -> tuple[dt.date, dt.date, str]:
    """The month (or year) a periodic subsidy claimed on `on` pays for: first day, last day,
    and its name ('2026年12月', '2026年度')."""
    if kind is LimitKind.ONCE_PER_MONTH:
        first = on.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return first, last, f"{on.year}年{on.month}月"
    return dt.date(on.year, 1, 1), dt.date(on.year, 12, 31), f"{on.year}年度"


#: How long after a rule's end the lists of who may claim say it has ended (the weeks after
#: the new year, before the county's extension reaches every device).
ENDED_NOTICE_DAYS = 62


#: Subsidies whose period has just ended (their titles, the day it ended).
ENDED = template(
    "%1的执行期已于%2结束：此后开始的就业、培训和此后的月份不再符合条件，"
    "县里延续执行（随政策包下发）后恢复"
)


def ended_said(policy: Policy, on: dt.date) -> list[Sentence]:
    """What a list of who may claim as of `on` says of the rules that have just ended: their
    people are no longer listed for later jobs and months, which nothing else would tell. As
    sentences a window says in its language (`ended_notices`: their Chinese)."""
    ended: dict[dt.date, list[str]] = {}
    for rule in policy.active_rules:
        end = rule.valid_to
        if end is not None and end < on <= end + dt.timedelta(days=ENDED_NOTICE_DAYS):
            ended.setdefault(end, []).append(rule.title)
    return [said(ENDED, listed(titles), Day(end)) for end, titles in sorted(ended.items())]


def ended_notices(policy: Policy, on: dt.date) -> list[str]:
    """`ended_said` in Chinese: '一次性交通补助（…）的执行期已于2026年12月31日结束：…'."""
    return [str(notice) for notice in ended_said(policy, on)]


#: A county figure (of a subsidy, %1 as the pack names it) from a day (%2) after its rule ends
#: (%3).
UNUSED_FIGURE = template(
    "%1的新金额%2起执行，但这项补贴只执行到%3，新金额用不上（%3以后的月份和就业都不能申领）："
    "请同时写明延续执行到哪一天和依据的文件"
)


def unused_figures(policy: Policy) -> list[tuple[Rule, Sentence]]:
    """The county's figures set from a day after their rule ends (next year's figure published
    without next year's extension): never paid, and from that day the subsidy is not claimable
    at all. Each with what to say to the county, a sentence (the county editor says it in the
    window's language; the command line in Chinese, adding how to extend)."""
    found: list[tuple[Rule, Sentence]] = []
    for rule in policy.active_rules:
        start, end = rule.figure_from, rule.valid_to
        if start is not None and end is not None and start > end:
            found.append((rule, said(UNUSED_FIGURE, rule.title, Day(start), Day(end))))
    return found


def rule_as_judged(rule: Rule, on: dt.date, event_date: dt.date | None) -> Rule:
    """The rule with the county's figure of the day its amount is judged on: the first day of
    the month (year) paid for a periodic subsidy, else the day the job or training began; a
    December claimed in January is paid December's figure."""
    if rule.figure_from is None:
        return rule
    kind = rule.limit.kind
    if kind in (LimitKind.ONCE_PER_MONTH, LimitKind.ONCE_PER_YEAR):
        return rule.as_of(paid_period(kind, on)[0])
    return rule.as_of(event_date or on)


def _said(day: dt.date | None) -> str:
    """A day as a coordinator writes it (2026年3月1日); '' for none."""
    return written(day) if day is not None else ""


def _day(value: object) -> dt.date | None:
    """A date held as a date or as its ISO text (a stored row), else None."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value not in (None, "") else None
    except ValueError:
        return None


def training_days_paid(days: int | None, start: object, end: object, on: object) -> int | None:
    """The days of a training a per-day subsidy claimed on `on` pays: its days as recorded,
    never more than the calendar gives it from its first day (`start`) to its end (`end`, or
    `on` when it had not ended by then) — a training recorded as 300 days over five pays five.
    None when no days are recorded; dates as dates or their ISO text."""
    if days is None:
        return None
    first = _day(start)
    stops = [d for d in (_day(end), _day(on)) if d is not None]
    if first is None or not stops:
        return days
    return max(0, min(days, (min(stops) - first).days + 1))


def _rule_of(policy: Policy, claim: Mapping[str, Any]) -> Rule | None:
    """The rule a claim (its fields by name) is made under, None when `policy` holds none."""
    try:
        return policy.rule(str(claim.get("rule_id") or ""))
    except FieldappError:
        return None


# -- the policy's refusals, each a template and its parts (`fieldapp.domain.sentences`): the
# write door, the hub and the claim service say them in Chinese, a window in its language.

#: The program's words the policy's refusals may hold, said in the language shown.
SAID_WORDS: tuple[str, ...] = (
    "此人", "补贴", "就业", "培训", "未写明", "（空）", "是", "否", "未登记", "今天", "中心收到时",
    "中心今天", "元", "元/月", *(str(payee) for payee in Payee),
    *LIMIT_LABELS.values(), "长期",
)  # fmt: skip


def _owned(who: object, what: Part) -> Part:
    """`what` of `who` (张三的一次性交通补助), or `what` alone when no one is named."""
    return said(OWNED, str(who), what) if who else what


def _named(claim: Mapping[str, Any], rule: Rule) -> Part:
    """A claim as its reasons name it: 张三的一次性交通补助, or the subsidy alone when the claim
    keeps no name (never a sentence opening on 的)."""
    return _owned(claim.get("person_name"), str(claim.get("rule_title") or rule.title))


def _whose(claim: Mapping[str, Any]) -> Part:
    """The claim's person by name, else 此人."""
    return str(claim.get("person_name") or "") or Word("此人")


def _period(kind: LimitKind, on: dt.date) -> Day:
    """The month (year) a periodic subsidy claimed on `on` pays for (`paid_period`)."""
    first = paid_period(kind, on)[0]
    return Day(first, "month" if kind is LimitKind.ONCE_PER_MONTH else "year")


UNDATED = template(
    "%1没有申领日期：不知道申领的是哪个月（哪一天开始的就业）的补贴，"
    "金额就无从与补贴标准核对；请按政策重新申领"
)
NOT_ABOVE_ZERO = template("%1申领 %2 元：申领金额必须大于零（按政策的补贴标准），请按政策重新申领")
PERIOD_WRONG = template(
    "%1申领的月份（%2）与申领日期%3不符：按月（按年度）发放的补贴"
    "申领的是申领日期所在的%4，请按申领日期重新申领"
)
#: A one-time subsidy's job (training) begun on a day.
BEGUN = template("%1开始的就业（培训）")
STANDARD_UNSET = template(f"补贴标准{UNSET}")
STANDARD = template("补贴标准为 %1")
STANDARD_CITED = template("补贴标准为 %1（%2）")
ABOVE = template("%1（%2）申领 %3 元，高于政策的标准：%2的%4，请按现行标准重新申领")


def claim_beyond_policy(
    policy: Policy, claim: Mapping[str, Any], days: int | None = None
) -> tuple[str, Sentence] | None:
    """Why a claim (its fields by name, as stored or as a model dumps them) asks for more than
    `policy` pays, as (rule, reason); None when it does not, or when the policy cannot say (a
    rule it does not hold, a per-day amount).

    Two ways a tampered program (or a claim made before the county lowered a figure) asks too
    much: an amount above the figure the policy gives for the month (year) paid, or the job
    begun (`rule_as_judged`); and a month paid — the period in its `limit_key`, which the
    papers print and the one-time guard counts — other than its claim date's, December
    claimed at January's figure, or one month claimed twice under two periods' keys. And two
    it would otherwise pass unjudged: no claim date (no month, so no figure to compare with)
    and an amount of zero or below.
    """
    rule = _rule_of(policy, claim)
    if rule is None:
        return None
    name = _named(claim, rule)
    on = _day(claim.get("claim_date"))
    if on is None:
        # No day, no figure: an undated claim would pass whatever it asks.
        return "claim_amount", said(UNDATED, name)
    try:
        asked = float(claim.get("amount") or 0)
    except (TypeError, ValueError):
        asked = 0.0
    if asked <= 0:
        return "claim_amount", said(NOT_ABOVE_ZERO, name, yuan(asked))
    event = _day(claim.get("event_date"))
    kind = rule.limit.kind
    periodic = kind in (LimitKind.ONCE_PER_MONTH, LimitKind.ONCE_PER_YEAR)
    key = str(claim.get("limit_key") or "")
    if periodic:
        wanted = limit_key(rule, str(claim.get("person_id") or ""), on, None)
        if key != wanted:
            shown = _key_period(key) or key.rpartition("|")[2].partition(":")[2] or Word("未写明")
            return "claim_period", said(PERIOD_WRONG, name, shown, Day(on), _period(kind, on))
    then = rule_as_judged(rule, on, event)
    if then.amount.kind is AmountKind.PER_DAY:
        # Paid by the training's days (`days`, as the ledger holds them), else at most its cap.
        figure = then.amount.figure(days) if days is not None else then.amount.max
        if figure is None:
            return None
    else:
        figure = then.amount.figure()
    try:
        amount = float(claim.get("amount") or 0)
    except (TypeError, ValueError):
        return None
    if figure is not None and amount <= figure:
        return None
    when = _period(kind, on) if periodic else said(BEGUN, Day(event or on))
    if figure is None:
        standard = said(STANDARD_UNSET)
    elif then.figure_document:
        standard = said(STANDARD_CITED, money_said(figure, then.amount.unit), then.figure_document)
    else:
        standard = said(STANDARD, money_said(figure, then.amount.unit))
    return "claim_amount", said(ABOVE, name, when, yuan(amount), standard)


def _key_period(key: str) -> Part:
    """The month (year) a limit key counts a claim in (`period_paid`), as a day's part; ''
    for a key that names none."""
    written_ = period_paid(key)
    if not written_:
        return ""
    kind, _, period = key.rpartition("|")[2].partition(":")
    if kind == "month":
        return Day(dt.date(int(period[:4]), int(period[5:]), 1), "month")
    return Day(dt.date(int(period), 1, 1), "year")


NOT_YET_DUE = template(
    "%1（%2）的申领日期%3还没有到（%4是%5）：补贴只能为已经到来的月份（已经开始的就业、培训）"
    "申领，不能预先申领；到了那一天再申领"
)
CLAIMED_ON = template("%1申领")


def claim_not_yet_due(
    claim: Mapping[str, Any], today: dt.date, today_said: str = "今天"
) -> tuple[str, Sentence] | None:
    """Why a claim (its fields by name, as stored or as a model dumps them) cannot be made or
    passed on `today`, as (rule, reason): its claim date is after `today` — next June's post
    subsidy claimed in December pays for work not yet done (骗取、套取资金); None otherwise.

    Pure: the caller says which day it is (the device its own, the hub the day a bundle
    arrives — never the sending device's clock) and how the reason names that day
    (`today_said`, one of `SAID_WORDS`).
    """
    on = _day(claim.get("claim_date"))
    if on is None or on <= today:
        return None
    name = said_claim(claim)
    kind = str(claim.get("limit_key") or "").rpartition("|")[2].partition(":")[0] or {
        LimitKind.ONCE_PER_MONTH.value: "month", LimitKind.ONCE_PER_YEAR.value: "year"
    }.get(str(claim.get("limit_kind") or ""), "")  # fmt: skip
    event = _day(claim.get("event_date"))
    when: Part
    if kind == "month":
        when = Day(on, "month")
    elif kind == "year":
        when = Day(on, "year")
    else:
        when = said(BEGUN, Day(event)) if event is not None else said(CLAIMED_ON, Day(on))
    return "claim_future", said(NOT_YET_DUE, name, when, Day(on), Word(today_said), Day(today))


def said_claim(claim: Mapping[str, Any]) -> Sentence:
    """A claim as the door's claim checks name it: 张三的乡村公益性岗位补贴, 此人的补贴."""
    return said(OWNED, _whose(claim), str(claim.get("rule_title") or "") or Word("补贴"))


def claim_event_id(policy: Policy, claim: Mapping[str, Any]) -> tuple[str, str] | None:
    """The job (table "employment_spells") or training (table "services") a one-time claim
    says it pays for, as (table, row id) — its `spell_id`, or the training its frozen facts
    name; None for a subsidy paid by the month (year), or a rule the policy does not hold."""
    rule = _rule_of(policy, claim)
    if rule is None:
        return None
    if rule.limit.kind in (LimitKind.ONCE_PER_MONTH, LimitKind.ONCE_PER_YEAR):
        return None
    if rule.event is EventKind.SPELL:
        return "employment_spells", str(claim.get("spell_id") or "")
    return "services", training_id(claim)


#: What makes two of a person's jobs (trainings) one recorded twice — by two laptops offline,
#: or a tampered program's copy under a new id: a subsidy paid once per job (training) pays
#: the copy's claim as a repeat of the first (`event_twin`).
TWIN_FIELDS: Mapping[str, tuple[str, ...]] = {
    "employment_spells": ("start_date", "employer"),
    "services": ("service_type", "service_date", "training_kind", "training_days"),
}


def event_twin(table: str, one: Mapping[str, Any], other: Mapping[str, Any]) -> bool:
    """True when `one` and `other` (rows, or facts as fields by name, of `table`) are one job
    (training) of one person recorded twice: the same start day and employer (the same course,
    day and days). A deleted row is no twin."""
    fields = TWIN_FIELDS.get(table)
    if not fields or one.get("deleted") or other.get("deleted"):
        return False
    if str(one.get("person_id") or "") != str(other.get("person_id") or ""):
        return False

    def said(value: object) -> str:
        return "" if value is None else str(getattr(value, "value", value)).strip()

    return all(said(one.get(f)) == said(other.get(f)) for f in fields)


def _as_fields(event: SpellFacts | ServiceFacts) -> dict[str, Any]:
    return {f: getattr(event, f, None) for f in TWIN_FIELDS["employment_spells"]
            + TWIN_FIELDS["services"]}  # fmt: skip


def training_id(claim: Mapping[str, Any]) -> str:
    """The training a claim's frozen facts name (`event_id`; '' when they name none or are not
    readable — a stored row's facts are JSON text, a new change's may be a mapping)."""
    facts = claim.get("facts")
    if isinstance(facts, str):
        try:
            facts = json.loads(facts or "{}")
        except (ValueError, RecursionError):
            facts = {}
    found = facts.get("event_id") if isinstance(facts, Mapping) else None
    return str(found or "")


def _categories_held(
    rule: Rule,
    claim: Mapping[str, Any],
    on: dt.date,
    held: Iterable[Mapping[str, Any]],
    job: Mapping[str, Any] | None = None,
) -> tuple[dt.date, dt.date, set[str]]:
    """The days a claim's categories are counted on (`categories_days`, as the device's judge
    counts them: its job's or training's first day; the month, year paid while in its `job` —
    the job row it names, as the receiving ledger has it — up to the claim's date) and the
    categories its person holds on some day of them, from `held` (category rows as the
    receiving ledger has them)."""
    started = _day(job.get("start_date")) if job is not None else None
    days = (started, _day((job or {}).get("end_date"))) if started is not None else None
    first, last = categories_days(rule, on, _day(claim.get("event_date")), days)
    person = str(claim.get("person_id") or "")
    found = {
        str(row.get("category") or "")
        for row in held
        if not row.get("deleted")
        and str(row.get("person_id") or "") == person
        and ((start := _day(row.get("start_date"))) is None or start <= last)
        and ((end := _day(row.get("end_date"))) is None or first <= end)
    }
    return first, last, found


def claim_category_unfounded(
    policy: Policy,
    claim: Mapping[str, Any],
    held: Iterable[Mapping[str, Any]],
    job: Mapping[str, Any] | None = None,
) -> tuple[str, Sentence] | None:
    """Why a claim says its person held a category the ledger does not give them, as (rule,
    reason); None when every category it says is held, or when the policy cannot say.

    A claim freezes the categories its rule saw (`Claim.facts`: its form prints them, its
    funding source follows them); they must be the ledger's: `held` are the person's category
    rows as the receiving ledger has them, each to cover some day the claim was judged on
    (`categories_days`: its event's day, else its claim date; for a subsidy paid by the month
    (year), that period's days in its `job`, the job row it names, up to its claim date).
    A category written into the making laptop's file past its change log never reaches the
    ledger, and no claim may rest on it.
    """
    rule = _rule_of(policy, claim)
    stated = QualifyingFacts.from_stored(claim.get("facts")).categories
    on = _day(claim.get("claim_date"))
    if rule is None or not stated or on is None:
        return None
    first, last, found = _categories_held(rule, claim, on, held, job)
    missing = [c for c in stated if c not in found]
    if not missing:
        return None
    who = _whose(claim)
    name = _named(claim, rule)
    when = said(ON_DAY, Day(first)) if first == last else said(FROM_TO, Day(first), Day(last))
    return "claim_category", said(
        CATEGORY_UNFOUNDED, name, who, listed([Word(c) for c in missing]), when
    )


def claim_category_unmet(
    policy: Policy,
    claim: Mapping[str, Any],
    held: Iterable[Mapping[str, Any]],
    job: Mapping[str, Any] | None = None,
) -> tuple[str, Sentence] | None:
    """Why a claim's person holds none of the categories its rule is paid to (the rule's
    `categories_any`: 脱贫人口、农村低保对象 …), as (rule, reason); None when they hold one, the
    rule asks for none (or takes rural transferred labour besides), or the policy cannot say.

    `held` are the person's category rows as the receiving ledger has them; one must cover some
    day the claim was judged on, as `claim_category_unfounded` counts them. A claim that writes
    no category at all is judged here: `claim_category_unfounded` checks only those it writes.
    """
    rule = _rule_of(policy, claim)
    on = _day(claim.get("claim_date"))
    if rule is None or on is None:
        return None
    conditions = rule.conditions
    wanted = frozenset(str(c) for c in conditions.categories_any)
    if not wanted or conditions.or_rural_transferred:
        return None
    first, last, found = _categories_held(rule, claim, on, held, job)
    if found & wanted:
        return None
    when = said(ON_DAY, Day(first)) if first == last else said(FROM_TO, Day(first), Day(last))
    return "claim_category", said(
        CATEGORY_UNMET,
        _named(claim, rule),
        _whose(claim),
        when,
        listed([Word(str(c)) for c in conditions.categories_any]),
    )


def claim_category_excluded(
    policy: Policy,
    claim: Mapping[str, Any],
    held: Iterable[Mapping[str, Any]],
    job: Mapping[str, Any] | None = None,
) -> tuple[str, Sentence] | None:
    """Why a claim's person holds a category its rule is not paid to (the rule's
    `categories_none`: 一次性交通补助（其他农村劳动力新跨省务工） is for those not 脱贫人口 …), as
    (rule, reason); None when they hold none, the rule excludes none, or the policy cannot say.

    `held` are the person's category rows as the receiving ledger has them; one covering some
    day the claim is judged on (`categories_days`, as eligibility counts them: its job's first
    day; the days of the month, year paid in its `job`, the job row it names, up to the
    claim's date) excludes it."""
    rule = _rule_of(policy, claim)
    on = _day(claim.get("claim_date"))
    if rule is None or on is None:
        return None
    excluded = frozenset(str(c) for c in rule.conditions.categories_none)
    if not excluded:
        return None
    first, last, held_then = _categories_held(rule, claim, on, held, job)
    found = sorted(held_then & excluded)
    if not found:
        return None
    when = said(ON_DAY, Day(first)) if first == last else said(FROM_TO, Day(first), Day(last))
    return "claim_category", said(
        CATEGORY_EXCLUDED,
        _named(claim, rule),
        _whose(claim),
        when,
        listed([Word(c) for c in found]),
    )


CATEGORY_EXCLUDED = template(
    "%1：台账上%2在%3属于%4，这项补贴不发给这些人员：请先核对人员类别登记，再按政策重新申领"
)


def claim_named_wrong(policy: Policy, claim: Mapping[str, Any]) -> tuple[str, Sentence] | None:
    """Why a claim names its subsidy otherwise than its rule: a `rule_title` other than the
    rule's title, or a `source_clause` other than the clause the rule cites for the day it
    pays (`rule_as_judged`: the county's figure document of that day with it), as (rule,
    reason); None when both are the policy's, or when the policy cannot say. The application
    form, roster and public notice print both as written; one left empty (an older program's)
    prints the pack's title, no clause, and is not refused."""
    rule = _rule_of(policy, claim)
    on = _day(claim.get("claim_date"))
    if rule is None or on is None:
        return None
    then = rule_as_judged(rule, on, _day(claim.get("event_date")))
    cited = then.citation
    # A claim made before the county extended the rule cites it as it was then: without the
    # extensions (or the later of them) the county has added since.
    earlier = {
        then.model_copy(update={"extensions": then.extensions[:kept]}).citation
        for kept in range(len(then.extensions))
    }
    title = str(claim.get("rule_title") or "")
    clause = str(claim.get("source_clause") or "")
    if title in ("", rule.title) and (clause in ("", cited) or clause in earlier):
        return None
    return "claim_rule", said(
        NAMED_WRONG,
        _owned(claim.get("person_name"), rule.title),
        title or Word("（空）"),
        clause or Word("（空）"),
        rule.title,
        cited,
    )


NAMED_WRONG = template(
    "%1写的补贴名称是“%2”、政策依据是“%3”，按政策应是“%4”、“%5”："
    "申请表、花名册和公示表照申领印补贴名称和政策依据，请在程序中按政策重新申领"
)


def claim_out_of_force(policy: Policy, claim: Mapping[str, Any]) -> tuple[str, Sentence] | None:
    """Why a claim pays for a job (training) begun, or a month (year), outside its rule's
    validity dates (`valid_from`, `valid_to`), as (rule, reason); None when inside, or when
    the policy cannot say. Judged as eligibility judges it (`CompiledRule`): the month (year)
    paid must meet the period, a one-time subsidy's job (training) begin in it."""
    rule = _rule_of(policy, claim)
    on = _day(claim.get("claim_date"))
    if rule is None or on is None:
        return None
    kind = rule.limit.kind
    end = rule.valid_to or dt.date.max
    period = said(
        PERIOD, Day(rule.valid_from), Day(rule.valid_to) if rule.valid_to else Word("长期")
    )
    if kind in (LimitKind.ONCE_PER_MONTH, LimitKind.ONCE_PER_YEAR):
        first, last, _name = paid_period(kind, on)
        if rule.valid_from <= last and first <= end:
            return None
        text = said(
            MONTHLY_OUT if kind is LimitKind.ONCE_PER_MONTH else YEARLY_OUT,
            _period(kind, on),
            period,
        )
    else:
        day = _day(claim.get("event_date")) or on
        if rule.valid_from <= day <= end:
            return None
        text = said(
            BEGAN_OUT,
            Word("就业" if rule.event is EventKind.SPELL else "培训", common=True),
            Day(day),
            period,
        )
    return "claim_rule", said(OUT_OF_FORCE, _named(claim, rule), text)


OUT_OF_FORCE = template("%1：%2，这项补贴不能申领；请按政策重新申领")
CATEGORY_UNFOUNDED = template(
    "%1写明%2属于%3，台账上%2在%4没有这样的登记："
    "补贴只能依据台账上登记的人员类别申领，请先登记人员类别，再按登记重新申领"
)
CATEGORY_UNMET = template(
    "%1：台账上%2在%3不属于%4中的任何一类，这项补贴只发给这些人员："
    "请先核对人员类别登记，再按政策重新申领"
)
ON_DAY = template("%1那天")
FROM_TO = template("%1至%2")


#: A job's fields the rules judge by (`conditions`): the claim's frozen job must have them as the
#: ledger does.
JUDGED_JOB_FIELDS = (
    "start_date",
    "end_date",
    "place_code",
    "form",
    "employer_kind",
    "contract_months",
    "insurance_months",
    "organized_export",
    "export_agency",
    "is_first_export",
    "is_casual",
)


def _plain(value: object) -> object:
    """A stored or frozen value as one compares it: a flag as 0/1, a blank as None."""
    if isinstance(value, bool):
        return int(value)
    if value in ("", None):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def claim_job_altered(
    claim: Mapping[str, Any], event: Mapping[str, Any] | None
) -> tuple[str, Sentence] | None:
    """Why a claim's frozen job is not the job the ledger holds, as (rule, reason); None when
    it is, or when the claim froze no job, or the ledger has none of that id (`claim_event`
    says so).

    A claim keeps the job as its rule saw it (`Claim.facts.spell`): where, what kind, how long
    insured. Written on the making laptop into the job's row past its change log (深圳 for a job
    the ledger has in the county), the job the rule judged is one the county never received:
    each field the rules judge by must be the ledger's.
    """
    spell = QualifyingFacts.from_stored(claim.get("facts")).spell
    if spell is None or event is None or str(event.get("id") or spell.id) != spell.id:
        return None
    frozen = spell.model_dump(mode="json")

    def shown(name: str, value: object) -> Part:
        if name == "place_code":
            return say_place(str(value or ""), divisions()) or Word("未登记")
        if isinstance(value, bool) or name in ("organized_export", "is_first_export", "is_casual"):
            return Word("是" if value else "否")
        if value in (None, ""):
            return Word("未登记")
        # (a job's form and its employer's kind are the program's words; a day, a number as is)
        return Word(str(value)) if name in ("form", "employer_kind") else str(value)

    differ: list[Part] = [
        said(
            JOB_FIELD_DIFFERS,
            Word("务工地点" if n == "place_code" else field_label(n)),
            shown(n, frozen.get(n)),
            shown(n, event.get(n)),
        )
        for n in JUDGED_JOB_FIELDS
        if n in frozen and _plain(frozen.get(n)) != _plain(event.get(n))
    ]
    if not differ:
        return None
    name = said(OWNED, str(claim.get("person_name") or ""), str(claim.get("rule_title") or ""))
    return "claim_event", said(JOB_ALTERED, name, listed(differ, SEMICOLONED))


JOB_FIELD_DIFFERS = template("%1申领上是%2，台账上是%3")
JOB_ALTERED = template(
    "%1所依据的就业与台账上登记的不一致（%2）：补贴按台账上登记的就业核定，请核对就业登记后重新申领"
)


#: The words a claim's saved reasons say each `ledger_checks` subject with.
_SAID_WITH = {
    "户籍地和务工地点": ("务工地点",),
    "失业登记": ("登记失业",),
    "毕业年份和离校月份": ("年毕业", "离校，离校", "未登记毕业年份（"),
    "离校后的就业": ("离校后", "离校未就业"),
    "此前的劳务输出": ("有组织劳务输出",),
    "此前的外出务工": ("务工经历",),
    "返乡前的务工": ("返乡",),
    "此前的创业": ("创业",),
}


def _without_clause(said: str) -> str:
    """A saved reason without the clause it ends with (（黔府发〔2023〕12号 附件2 第（四）条；…）):
    the ledger's words beside it carry none."""
    depth = 0
    for at in range(len(said) - 1, -1, -1):
        depth += {"）": 1, "（": -1}.get(said[at], 0)
        if depth == 0:
            tail = said[at:]
            return said[:at] if tail.startswith("（") and "号" in tail else said
    return said


def rests_on_records(policy: Policy, claim: Mapping[str, Any]) -> bool:
    """True when the claim's rule looks at its person's registrations, graduation or earlier
    jobs (`conditions.ledger_checks`): `claim_facts_unfounded` has something to judge."""
    rule = _rule_of(policy, claim)
    return rule is not None and bool(ledger_checks(rule.conditions))


def claim_facts_unfounded(
    policy: Policy,
    claim: Mapping[str, Any],
    person: Mapping[str, Any] | None,
    registrations: Iterable[Mapping[str, Any]],
    spells: Iterable[Mapping[str, Any]],
) -> tuple[str, Sentence] | None:
    """Why a claim rests on a registration, graduation or earlier job its person does not have
    on the receiving ledger, as (rule, reason); None when the ledger's own records meet the
    rule's conditions on them (`conditions.ledger_checks`), or the policy cannot say.

    `person` is the person's row, `registrations` and `spells` their rows as the ledger will
    have them (each tried for the claim's person; deleted ones left out). A claim freezes what
    its rule saw only as its reasons said it (入职前登记失业8个月（2024-10-01 起…）): a
    registration's day written back in the making laptop's file past its change log never
    reaches the ledger, and no claim may rest on it. The reason names what the claim said and
    what the ledger says.
    """
    rule = _rule_of(policy, claim)
    on = _day(claim.get("event_date")) or _day(claim.get("claim_date"))
    checks = ledger_checks(rule.conditions) if rule is not None else []
    if not checks or on is None:
        return None
    whose = str(claim.get("person_id") or "")
    mine = [r for r in (*registrations, *spells) if not r.get("deleted")]
    mine = [r for r in mine if str(r.get("person_id") or "") == whose]
    year = (person or {}).get("graduation_year")
    number = str(claim.get("id_number") or "")
    facts = PersonFacts(
        person_id=whose,
        id_number=number,
        name=str(claim.get("person_name") or ""),
        birth_date=dt.date.min,
        # (the claim's area is its person's household's, `claim_area`)
        area_code=str(claim.get("area_code") or ""),
        home_code=home_code_of(
            str((person or {}).get("hukou_code") or ""), str(claim.get("area_code") or ""), number
        ),
        graduation_year=year if isinstance(year, int) and not isinstance(year, bool) else None,
        left_school_month=str((person or {}).get("left_school_month") or "") or None,
        registrations=tuple(
            snapshot_maker(RegistrationFacts)(
                [r.get(n) for n in snapshot_fields(RegistrationFacts)]
            )
            for r in mine
            if "registered_date" in r
        ),
        spells=tuple(
            snapshot_maker(SpellFacts)([r.get(n) for n in snapshot_fields(SpellFacts)])
            for r in mine
            if "start_date" in r and _day(r["start_date"]) is not None
        ),
    )
    job = str(claim.get("spell_id") or "")
    this = next((s for s in facts.spells if s.id == job), None)
    ctx = Ctx(facts, on, on, this, None, frozenset())
    saved = QualifyingFacts.from_stored(claim.get("facts")).reasons
    differ: list[Part] = []
    for subject, check in checks:
        outcome = check(ctx)
        if outcome.met:
            continue
        words = [
            _without_clause(r.removeprefix("✓ "))
            for r in saved
            if any(w in r for w in _SAID_WITH.get(subject, ()))
        ]
        # (what the claim and the ledger say, in the words the rules wrote them)
        if words:
            saved_said = listed(words, SEMICOLONED)  # (joined in the window's words)
            differ.append(said(FACT_DIFFERS, Word(subject), saved_said, outcome.said()))
        else:
            differ.append(said(FACT_UNMET, Word(subject), outcome.said()))
    if not differ:
        return None
    name = said(OWNED, str(claim.get("person_name") or ""), str(claim.get("rule_title") or ""))
    return "claim_facts", said(FACTS_UNFOUNDED, name, listed(differ, SEMICOLONED))


FACT_DIFFERS = template("%1：申领上写的是“%2”，台账上是“%3”")
FACT_UNMET = template("%1：台账上是“%2”")
FACTS_UNFOUNDED = template(
    "%1所依据的登记与台账上的不一致（%2）：补贴按台账上的登记核定，请核对登记后重新申领"
)


def claim_event_unfounded(
    policy: Policy, claim: Mapping[str, Any], event: Mapping[str, Any] | None
) -> tuple[str, Sentence] | None:
    """Why a one-time claim is not founded on the job (training) it names, as (rule, reason);
    None when it is, or when the policy cannot say.

    A one-time subsidy pays for a job or training that began on a day: the claim carries that
    day (`event_date`), whose figure its amount is judged against, and the event
    (`claim_event_id`); `event` is that row as the ledger holds it (None: no such row). The
    row must be the claimant's own, a training when the rule pays for one, begin on the
    claim's day, and the limit key must count that event (a made-up key would let one job be
    paid twice past the one-time guard).
    """
    rule = _rule_of(policy, claim)
    if rule is None:
        return None
    if rule.limit.kind in (LimitKind.ONCE_PER_MONTH, LimitKind.ONCE_PER_YEAR):
        return None
    spell = rule.event is EventKind.SPELL
    what = Word("就业" if spell else "培训")
    name = _named(claim, rule)
    day = _day(claim.get("event_date"))
    # (the day as the ledger stores it: 2026-05-01)
    begun = said(BEGUN_ON, str(day), what) if day is not None else said(UNDATED_EVENT, what)
    person = str(claim.get("person_id") or "")
    if (
        event is None
        or event.get("deleted")
        or str(event.get("person_id") or "") != person
        or (not spell and event.get("service_type") != _TRAINING)
    ):
        return "claim_event", said(EVENT_NOT_HERE, name, begun, _whose(claim), what)
    start = _day(event.get("start_date" if spell else "service_date"))
    if start != day:
        written_ = Day(day) if day is not None else Word("未写明")
        recorded = Day(start) if start is not None else ""
        return "claim_event", said(EVENT_DAY_DIFFERS, name, what, written_, recorded)
    named = claim_event_id(policy, claim)
    if (
        start is not None
        and named is not None
        and str(claim.get("limit_key") or "") != limit_key(rule, person, start, named[1])
    ):
        return "claim_event", said(EVENT_KEY_WRONG, name, begun, what)
    return None


BEGUN_ON = template("%1 开始的%2")
UNDATED_EVENT = template("未写明开始日期的%1")
EVENT_NOT_HERE = template(
    "%1申领的%2，台账上没有登记在%3名下：一次性补贴只能为本人登记在台账上的%4申领，"
    "请先登记%4，再按登记的%4申领"
)
EVENT_DAY_DIFFERS = template(
    "%1写的%2开始日期（%3）与台账上登记的（%4）不符：补贴按%2开始那天的条件和标准核定，"
    "请按台账上的%2重新申领"
)
EVENT_KEY_WRONG = template(
    "%1（%2）的查重信息与这次%3不符：同一次%3（同一个人）只能申领一次，请重新申领"
)


def claim_month_unfounded(
    policy: Policy, claim: Mapping[str, Any], job: Mapping[str, Any] | None
) -> tuple[str, Sentence] | None:
    """Why a claim of a subsidy paid by the month (year) for a job is not founded on a job of
    its person covering the month (year) it pays, as (rule, reason); None when it is, or when
    the policy cannot say. `job` is the row its `spell_id` names as the ledger holds it (None:
    no such row). A month's post subsidy names its post; a year's, when it names a job, is
    judged by it."""
    rule = _rule_of(policy, claim)
    if rule is None or rule.event is not EventKind.SPELL:
        return None
    kind = rule.limit.kind
    if kind not in (LimitKind.ONCE_PER_MONTH, LimitKind.ONCE_PER_YEAR):
        return None
    on = _day(claim.get("claim_date"))
    if on is None:
        return None
    first, last, _name = paid_period(kind, on)
    period = _period(kind, on)
    who = _whose(claim)
    name = said(
        MONTH_CLAIMED, who, str(claim.get("rule_title") or rule.title), period
    )  # fmt: skip
    named = str(claim.get("spell_id") or "")
    if not named:
        if kind is LimitKind.ONCE_PER_MONTH:
            return "claim_event", said(NO_JOB_NAMED, name)
        return None
    if (
        job is None
        or job.get("deleted")
        or str(job.get("person_id") or "") != str(claim.get("person_id") or "")
    ):
        return "claim_event", said(JOB_NOT_HERE, name, who)
    start, end = _day(job.get("start_date")), _day(job.get("end_date"))
    if start is None or start > last or (end is not None and end < first):
        began = Day(start) if start is not None else ""
        span = said(SPAN_ENDED, began, Day(end)) if end is not None else said(SPAN, began)
        return "claim_event", said(NOT_AT_WORK, name, span, period)
    return None


MONTH_CLAIMED = template("%1的%2（%3）")
NO_JOB_NAMED = template(
    "%1没有写明是哪一份工作：按月发放的补贴只能为本人登记在台账上、那个月在岗的工作申领，"
    "请按台账上的工作重新申领"
)
JOB_NOT_HERE = template(
    "%1申领的工作，台账上没有登记在%2名下：只能为本人登记在台账上的工作申领，"
    "请先登记工作，再按登记的工作申领"
)
SPAN = template("从%1开始")
SPAN_ENDED = template("从%1开始，到%2结束")
NOT_AT_WORK = template("%1：台账上这份工作%2，%3不在岗，不能申领%3的补贴")


def claim_person_wrong(
    claim: Mapping[str, Any], person: Mapping[str, Any] | None
) -> tuple[str, Sentence] | None:
    """Why a claim's frozen name and ID number — what its forms, 花名册 and 公示表 print — are
    not those of the person it pays (`person`, the row as the ledger holds it), as (rule,
    reason); None when they are, or the person is not known here (judged elsewhere)."""
    if person is None:
        return None
    name, number = str(person.get("name") or ""), str(person.get("id_number") or "")
    written = (str(claim.get("person_name") or ""), str(claim.get("id_number") or ""))
    if written[0] in ("", name) and written[1] in ("", number):
        return None  # (left empty, the papers print the person's own)
    return "claim_person", said(
        PERSON_WRONG, written[0] or name, written[1] or number, name, number
    )


def claim_person_deleted(
    claim: Mapping[str, Any], person: Mapping[str, Any] | None
) -> tuple[str, Sentence] | None:
    """Why a claim may not be made (or passed on) for its person: the ledger holds them
    deleted (moved away, entered by mistake) — the 花名册 leaves a deleted person's claims off,
    yet the claim would stand counted and reviewable, and be paid once the row is restored —
    as (rule, reason); None when the person is live, or not known here (judged elsewhere)."""
    if person is None or not person.get("deleted"):
        return None
    name: Part = str(person.get("name") or claim.get("person_name") or "") or Word("此人")
    title = str(claim.get("rule_title") or "").strip()
    what: Part = said(QUOTED, title) if title else Word("补贴")
    return "claim_person", said(PERSON_DELETED, name, what)


PERSON_DELETED = template(
    "%1在台账上已删除，不能为其申领或报送%2：申领只能为台账上在册的人员提出，删除的人员不列入"
    "花名册。如是误删，请先恢复这个人，再重新申领"
)
PERSON_WRONG = template(
    "申领写的是“%1（%2）”，它所申领的人在台账上是“%3（%4）”：申领表、花名册和公示表上的姓名、"
    "身份证号码须是申领人本人的，请在程序中按台账重新申领"
)


def claim_payee_wrong(
    policy: Policy, claim: Mapping[str, Any], event: Mapping[str, Any] | None
) -> tuple[str, Sentence] | None:
    """Why a claim is paid to someone its rule does not pay, as (rule, reason); None when it
    is not, or when the policy cannot say.

    The 花名册 pays a claim to its payee: the person's own account, or the employer (labour
    agency) the claim names — which must then be the one of its job as the ledger holds it
    (`event`, its row; None: not judged here, `claim_event_unfounded` says so).
    """
    rule = _rule_of(policy, claim)
    if rule is None:
        return None
    name = _named(claim, rule)
    wanted = rule.payee_kind.value
    payee = str(claim.get("payee") or "") or Payee.PERSON.value  # (the model's default)
    written = str(claim.get("payee_name") or "").strip()
    if payee != wanted:
        paid = said(COLONED, Word(payee), written) if written else Word(payee)
        return "claim_payee", said(PAYEE_KIND, name, paid, Word(wanted))
    field = {"employer": "employer", "agency": "export_agency"}.get(rule.payee)
    if field is None or event is None:
        return None
    expected = str(event.get(field) or "").strip()
    if written != expected:
        return "claim_payee", said(
            PAYEE_NAME, name, Word(wanted), written or Word("（空）"), expected or Word("（空）")
        )
    return None


def claim_funding_wrong(policy: Policy, claim: Mapping[str, Any]) -> tuple[str, Sentence] | None:
    """Why a claim is paid from a fund its rule does not give for the categories it was judged
    on, as (rule, reason); None when it is not, or when the policy cannot say.

    The fund (`funding_source`) is the rule's `funding_by_category` for the categories the
    claim holds (`Claim.facts`, the ledger's: `claim_category`), else its `funding_source`;
    the county batches and pays claims by it, and its form prints it. Another fund written by
    the making laptop moves the claim's money into another budget (衔接资金 for a person who is
    no 脱贫人口).
    """
    rule = _rule_of(policy, claim)
    if rule is None:
        return None
    stated = frozenset(QualifyingFacts.from_stored(claim.get("facts")).categories)
    wanted = funding_for(rule, stated)
    written = str(claim.get("funding_source") or "")
    if written in ("", wanted):
        return None  # (none written, as an older program's: its roster says 未注明, no budget)
    name = _named(claim, rule)
    return "claim_funding", said(FUNDING_WRONG, name, written, wanted or Word("（空）"))


FUNDING_WRONG = template(
    "%1写的资金来源是“%2”，按政策和申领时的人员类别应从“%3”列支：资金来源由政策核定，"
    "请在程序中按政策重新申领"
)


PAYEE_KIND = template("%1写的收款方是“%2”，这项补贴按政策发给%3：请在程序中按政策重新申领")
PAYEE_NAME = template(
    "%1的收款%2写的是“%3”，台账上这段就业的%2是“%4”：补贴只能发给就业登记的%2，"
    "请先核对就业登记，再按登记重新申领"
)


#: A qualifying event: its date, the spell or training, and the categories held that day.
Event = tuple[dt.date, SpellFacts | None, ServiceFacts | None, frozenset[str]]

_TRAINING = ServiceType.TRAINING.value
_DAY = dt.timedelta(days=1)


def person_events(facts: PersonFacts, on: dt.date) -> tuple[list[Event], list[Event]]:
    """A person's spells and trainings up to `on`, each with the categories held that day."""
    spells: list[Event] = [
        (s.start_date, s, None, frozenset(facts.categories_on(s.start_date)))
        for s in facts.spells
        if s.start_date <= on
    ]
    trainings: list[Event] = [
        (s.service_date, None, s, frozenset(facts.categories_on(s.service_date)))
        for s in facts.services
        if s.service_type == _TRAINING and s.service_date <= on
    ]
    return spells, trainings


def categories_days(
    rule: Rule, on: dt.date, event_day: dt.date | None, job: tuple[dt.date, dt.date | None] | None
) -> tuple[dt.date, dt.date]:
    """The first and last day a person's categories are counted on for `rule` judged (claimed)
    on `on` — by the device's judge and the hub's checks alike (`claim_category_*`).

    Paid once (per person, job or training): the day of its qualifying event (`event_day`, the
    job's first day or the training's; `on` when none) — the policy pays for taking up the work
    (一次性交通补助: 新跨省务工 — whoever they were when they set out); the complementary
    rules of one limit group (for 脱贫人口 / for other rural labour) are judged on one day.
    Paid by the month (year): the days of the period paid spent in its job (`job`: its first
    and last day, None when not known, counted as the whole period), up to `on` — a category
    held in the month only before the job began, or after it ended, is not the category of
    the work paid for."""
    kind = rule.limit.kind
    if kind not in (LimitKind.ONCE_PER_MONTH, LimitKind.ONCE_PER_YEAR):
        day = event_day or on
        return day, day
    first, last, _name = paid_period(kind, on)
    last = min(last, on)
    if job is not None:
        first = max(first, job[0])
        last = min(last, job[1] or last)
    return first, last


def categories_judged(
    rule: Rule, facts: PersonFacts, on: dt.date, event_date: dt.date | None, event_id: str | None
) -> frozenset[str]:
    """The categories a result of `rule` as of `on` was judged on: those held on its event's
    day, or, for a subsidy paid by the month or year, those held in the period paid while in
    the job (what the claim and its application form record)."""
    kind = rule.limit.kind
    spell = next((s for s in facts.spells if s.id == event_id), None)
    if kind in (LimitKind.ONCE_PER_MONTH, LimitKind.ONCE_PER_YEAR) and spell is not None:
        paid = paid_period(kind, on)
        if spell.start_date <= paid[1] and (spell.end_date is None or spell.end_date >= paid[0]):
            job = (spell.start_date, spell.end_date)
            return facts.categories_during(*categories_days(rule, on, event_date, job))
    return frozenset(facts.categories_on(event_date or on))


@dataclass(slots=True)
class _Verdict:
    """One event's outcome: status, when a time-driven condition is met, and the reasons."""

    status: Status
    event: Event
    ready: dt.date | None = None
    claim: ClaimFacts | None = None
    key: str = ""
    reasons: list[Reason] | None = None

    def unmet(self) -> int:
        return sum(not r.met for r in self.reasons or ())

    def better_than(self, other: _Verdict) -> bool:
        """Eligible before not yet before claimed before not eligible; then fewer unmet
        conditions; then the later event."""
        if _RANK[self.status] != _RANK[other.status]:
            return _RANK[self.status] < _RANK[other.status]
        if self.status is Status.NOT_ELIGIBLE and self.unmet() != other.unmet():
            return self.unmet() < other.unmet()
        return self.event[0] > other.event[0]


class CompiledRule:
    """A rule made ready for evaluation: its gate and its checks, built once."""

    __slots__ = (
        "rule",
        "training",
        "valid_from",
        "valid_to",
        "forms",
        "any_of",
        "none_of",
        "checks",
        "after_gate",
        "clause",
        "period",
        "agreement",
    )

    def __init__(self, rule: Rule) -> None:
        c = rule.conditions
        self.rule = rule
        self.training = rule.event is EventKind.TRAINING
        self.valid_from = rule.valid_from
        self.valid_to = rule.valid_to or dt.date.max
        self.clause = rule.citation
        periodic = rule.limit.kind in (LimitKind.ONCE_PER_MONTH, LimitKind.ONCE_PER_YEAR)
        self.period: LimitKind | None = rule.limit.kind if periodic else None
        # Paid month by month under a term-limited agreement (公益性岗位: 每次签订期限不超过1年):
        # the agreement signed when the post began must still run in the month paid.
        self.agreement = periodic and (
            c.contract_months_min is not None or c.contract_months_max is not None
        )
        self.forms = frozenset(str(f) for f in c.forms)
        # Rural transferred labour qualifies besides the categories: no category gate then.
        self.any_of = (
            frozenset() if c.or_rural_transferred else frozenset(str(x) for x in c.categories_any)
        )
        self.none_of = frozenset(str(x) for x in c.categories_none)
        checks = compile_checks(c)
        self.checks: tuple[Check, ...] = tuple(checks)
        # The gate decides categories and form; the checks that say the same lead the list
        # (categories_any, categories_none, forms: see compile_checks) and are skipped after it.
        leading = [bool(c.categories_any), bool(c.categories_none), bool(c.forms)]
        gate = [bool(self.any_of), bool(self.none_of), bool(self.forms)]
        present = [g for lead, g in zip(leading, gate, strict=True) if lead]
        self.after_gate: tuple[Check, ...] = tuple(
            check for i, check in enumerate(checks) if not (i < len(present) and present[i])
        )

    # -- one event ----------------------------------------------------------------------------

    def _claim(
        self, facts: PersonFacts, on: dt.date, event: Event
    ) -> tuple[str, ClaimFacts | None]:
        spell, service = event[1], event[2]
        event_id = spell.id if spell else service.id if service else None
        key = limit_key(self.rule, facts.person_id, on, event_id)
        found = next((c for c in facts.claims if c.limit_key == key and c.live), None)
        mine = spell or service
        if found is None and mine is not None and self.rule.limit.kind is LimitKind.ONCE_PER_SPELL:
            # The same job (training) recorded twice: a claim on either is its claim.
            table = "employment_spells" if spell else "services"
            own = _as_fields(mine)
            events: Sequence[SpellFacts | ServiceFacts] = facts.spells if spell else facts.services
            for other in events:
                if other.id != mine.id and event_twin(table, own, _as_fields(other)):
                    twin = limit_key(self.rule, facts.person_id, on, other.id)
                    found = next((c for c in facts.claims if c.limit_key == twin and c.live), None)
                    if found is not None:
                        break
        if found is None and facts.namesakes:
            found = self._namesakes_claim(facts, on, key, spell, service)
        return key, found

    def _namesakes_claim(
        self,
        facts: PersonFacts,
        on: dt.date,
        key: str,
        spell: SpellFacts | None,
        service: ServiceFacts | None,
    ) -> ClaimFacts | None:
        """A live claim of the same person's other row (the same ID number, `facts.namesakes`)
        the claim under `key` would repeat — as `ClaimService` refuses it when passed on: one
        under the same limit group and period (`namesake_key`), or, of a subsidy paid once per
        job (training), one on the same job recorded on that row (`event_twin`)."""
        mine = spell or service
        once = self.rule.limit.kind is LimitKind.ONCE_PER_SPELL
        own = _as_fields(mine) if mine is not None else {}
        table = "employment_spells" if spell else "services"
        for other in facts.namesakes:
            if once:
                events: Sequence[SpellFacts | ServiceFacts] = (
                    other.spells if spell else other.services
                )
                keys = {
                    limit_key(self.rule, other.person_id, on, e.id)
                    for e in events
                    if mine is not None and event_twin(table, own, _as_fields(e))
                }
            else:
                keys = {namesake_key(key, other.person_id)} - {""}
            found = next((c for c in other.claims if c.limit_key in keys and c.live), None)
            if found is not None:
                return found
        return None

    def _judge(
        self, facts: PersonFacts, on: dt.date, event: Event, detail: bool
    ) -> _Verdict | None:
        """One event's verdict; None when it fails without `detail` (nothing is built)."""
        day, spell, service, held = event
        key, claim = (
            self._claim(facts, on, event) if facts.claims or facts.namesakes else ("", None)
        )
        rule = self.rule
        if claim is not None:
            reasons = None
            if detail:
                state: Part = Word(claim.state, common=True)
                if claim.event_date and self.period is None:
                    # (one paid by the month or year is the row's own period's: no other day)
                    state = said(CLAIMED_FOR, state, Day(claim.event_date))
                if claim.id not in {c.id for c in facts.claims}:
                    gone = any(n.deleted and claim in n.claims for n in facts.namesakes)
                    state = said(CLAIMED_GONE if gone else CLAIMED_ELSEWHERE, state)
                reasons = [_reason(True, said(CLAIMED, state, rule.limit.said()), self.clause)]
            return _Verdict(Status.CLAIMED, event, None, claim, key, reasons)
        paid: tuple[dt.date, dt.date, str] | None = None
        held_then = True
        agreed_to: dt.date | None = None
        if self.period is None:
            in_force = self.valid_from <= day <= self.valid_to
        else:
            # Paid month by month (year by year): the month paid is what must lie in the
            # rule's period, and the person must still be in the job during it.
            paid = paid_period(self.period, on)
            in_force = self.valid_from <= paid[1] and paid[0] <= self.valid_to
            held_then = spell is None or (
                spell.start_date <= paid[1]
                and (spell.end_date is None or spell.end_date >= paid[0])
            )
            if self.agreement and spell is not None and spell.contract_months:
                agreed_to = add_months(spell.start_date, spell.contract_months) - _DAY
        covered = paid is None or agreed_to is None or agreed_to >= paid[0]
        if not detail:
            if not in_force or not held_then or not covered:
                return None
            if self.forms and (spell is None or spell.form not in self.forms):
                return None
        when: Part = ""
        paid_said: Part = ""
        if paid is not None:
            kind: Literal["month", "year"] = (
                "month" if self.period is LimitKind.ONCE_PER_MONTH else "year"
            )
            paid_said = Day(paid[0], kind)
        if paid is not None and spell is not None and held_then:
            # Paid for a month (year): the categories are those held in it while in the job,
            # not on the day the job began (a person found 就业困难 later is paid for the year
            # they are; one who no longer is, is not).
            job = (spell.start_date, spell.end_date)
            held = facts.categories_during(*categories_days(rule, on, day, job))
            event, when = (day, spell, service, held), paid_said
        if not detail:
            if self.any_of and not self.any_of & held:
                return None
            if self.none_of and self.none_of & held:
                return None
        reasons = [] if detail else None
        if reasons is not None:
            what = Word("就业" if spell else "培训", common=True)
            period = said(
                PERIOD, Day(rule.valid_from), Day(rule.valid_to) if rule.valid_to else Word("长期")
            )
            if paid is None:
                text = said(BEGAN_IN if in_force else BEGAN_OUT, what, Day(day), period)
            else:
                monthly = self.period is LimitKind.ONCE_PER_MONTH
                paid_in = (MONTHLY_IN, YEARLY_IN) if in_force else (MONTHLY_OUT, YEARLY_OUT)
                text = said(paid_in[0 if monthly else 1], paid_said, period)
            reasons.append(_reason(in_force, text, self.clause))
        ctx = Ctx(facts, on, day, spell, service, held, when)
        hard = not in_force or not held_then or not covered
        ready: dt.date | None = None
        for check in self.checks if detail else self.after_gate:
            outcome = check(ctx)
            if reasons is not None:
                reasons.append(_reason(outcome.met, outcome.said(), self.clause))
            if outcome.met:
                continue
            if outcome.hard:
                if reasons is None:
                    return None
                hard = True
            elif outcome.ready_on is not None:
                ready = outcome.ready_on if ready is None else max(ready, outcome.ready_on)
        if reasons is not None and paid is not None and spell is not None:
            # After the job's own conditions: a 单位就业 spell is told its form first.
            form = Word(spell.form, common=True)
            if held_then:
                text = said(STILL_IN, paid_said, form, Day(spell.start_date))
            else:
                ended: Part = Day(spell.end_date) if spell.end_date is not None else ""
                text = said(LEFT_BEFORE, form, ended, paid_said)
            reasons.append(_reason(held_then, text, self.clause))
            if agreed_to is not None:
                terms = said(
                    AGREEMENT, Day(spell.start_date), str(spell.contract_months), Day(agreed_to)
                )
                if covered:
                    text = said(IN_AGREEMENT, paid_said, terms)
                else:
                    text = said(AGREEMENT_ENDED, terms, paid_said)
                reasons.append(_reason(covered, text, self.clause))
        if hard:
            status = Status.NOT_ELIGIBLE
        else:
            status = Status.ELIGIBLE if ready is None else Status.NOT_YET
        return _Verdict(status, event, ready, None, key, reasons)

    # -- every event of a person --------------------------------------------------------------

    def result(
        self, facts: PersonFacts, on: dt.date, events: Sequence[Event], *, detail: bool
    ) -> RuleResult | None:
        """The best event's result; without `detail`, None when no event qualifies."""
        best: _Verdict | None = None
        for event in events:
            verdict = self._judge(facts, on, event, detail)
            if verdict is not None and (best is None or verdict.better_than(best)):
                best = verdict
        if best is None:
            if not detail:
                return None
            none = NO_TRAINING_RECORD if self.training else NO_JOB_RECORD
            result = self._empty(facts)
            result.reasons.append(_reason(False, said(none, Day(on)), self.clause))
            return result
        return self._build(facts, on, best)

    def _empty(self, facts: PersonFacts) -> RuleResult:
        rule = self.rule
        return RuleResult(
            facts.person_id,
            facts.id_number,
            facts.name,
            rule.id,
            rule.title,
            self.clause,
            Status.NOT_ELIGIBLE,
            payee=str(rule.payee_kind),
            area_code=facts.area_code,
        )

    def _build(self, facts: PersonFacts, on: dt.date, verdict: _Verdict) -> RuleResult:
        rule = self.rule
        day, spell, service, held = verdict.event
        event_id = spell.id if spell else service.id if service else None
        then = rule_as_judged(rule, on, day)
        payee_name = facts.name
        if rule.payee == "employer":
            payee_name = spell.employer if spell else ""
        elif rule.payee == "agency":
            payee_name = spell.export_agency if spell else ""
        return RuleResult(
            facts.person_id,
            facts.id_number,
            facts.name,
            rule.id,
            rule.title,
            self.clause if then is rule else then.citation,
            verdict.status,
            amount=then.amount.figure(
                training_days_paid(
                    service.training_days, service.service_date, service.end_date, on
                )
                if service
                else None
            ),
            funding_source=funding_for(rule, held),
            payee=str(rule.payee_kind),
            payee_name=payee_name,
            event_date=day,
            event_id=event_id,
            eligible_from=verdict.ready,
            limit_key=verdict.key or limit_key(rule, facts.person_id, on, event_id),
            claim_id=verdict.claim.id if verdict.claim else None,
            reasons=verdict.reasons or [],
            area_code=facts.area_code,
        )


def compiled(rule: Rule) -> CompiledRule:
    """The rule compiled for evaluation: made on first use and kept on the (immutable) rule."""
    made = rule._compiled
    # A copy of a rule (model_copy) carries its original's private attributes: check the owner.
    if not isinstance(made, CompiledRule) or made.rule is not rule:
        made = CompiledRule(rule)
        rule._compiled = made
    return made


def evaluate_rule(
    rule: Rule, facts: PersonFacts, on: dt.date, *, detail: bool = True
) -> RuleResult:
    """One rule for one person as of `on` (a not-eligible result has no reasons without
    `detail`)."""
    made = compiled(rule)
    spells, trainings = person_events(facts, on)
    result = made.result(facts, on, trainings if made.training else spells, detail=detail)
    return result if result is not None else made._empty(facts)


def explain(policy: Policy, result: RuleResult, facts: PersonFacts, on: dt.date) -> RuleResult:
    """The same result with every condition explained (for results of the bulk path)."""
    if result.reasons:
        return result
    explained = evaluate_rule(policy.rule(result.rule_id), facts, on, detail=True)
    explained.pack_version = policy.version
    return explained


def evaluate_person(
    policy: Policy, facts: PersonFacts, on: dt.date, *, detail: bool = True
) -> list[RuleResult]:
    """Every active rule for one person as of `on`."""
    results = [evaluate_rule(rule, facts, on, detail=detail) for rule in policy.active_rules]
    for result in results:
        result.pack_version = policy.version
    return results


def evaluate_all(
    policy: Policy,
    people: Iterable[PersonFacts],
    on: dt.date,
    *,
    include_not_eligible: bool = False,
) -> list[RuleResult]:
    """Every active rule for many persons.

    By default only the open results (eligible, not yet, claimed) are returned, without their
    reasons (call `explain` for the ones shown). `include_not_eligible` returns every pair, each
    with every condition explained.
    """
    rules = [compiled(rule) for rule in policy.active_rules]
    spell_rules = [r for r in rules if not r.training]
    training_rules = [r for r in rules if r.training]
    detail = include_not_eligible
    out: list[RuleResult] = []
    for facts in people:
        spells, trainings = person_events(facts, on)
        if detail:
            for made in rules:
                result = made.result(facts, on, trainings if made.training else spells, detail=True)
                assert result is not None
                out.append(result)
            continue
        for made in spell_rules if spells else ():
            result = made.result(facts, on, spells, detail=False)
            if result is not None:
                out.append(result)
        for made in training_rules if trainings else ():
            result = made.result(facts, on, trainings, detail=False)
            if result is not None:
                out.append(result)
    for result in out:
        result.pack_version = policy.version
    return out
