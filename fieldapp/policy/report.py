"""Monthly figures the county asks for (DOMAIN.md "What the county cares about"), pure code.

Per village/site and in total: persons by category × employment status; the employed by place
and by form; zero-employment households; the registered unemployed by level and class with
overdue services; subsidies claimed, approved and paid by kind and funding source; and 一户一人
coverage of relocated and lifted-out-of-poverty households. Figures are as of the month's last
day. Claims count from the day they were submitted (a draft is no claim yet), not the month they
pay (发放月份): 本月新申领 the month's, 本年累计 the year's to the report's day; approvals and
payments by the day of their step, each China's day (`claims_note`, printed under the table).
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from fieldapp.domain.areacode import AreaLevel, area_at
from fieldapp.domain.claims import Claim, ClaimState, ClaimStep
from fieldapp.domain.dates import written
from fieldapp.domain.enums import (
    OTHER_RURAL,
    Category,
    EmploymentForm,
    UnemploymentClass,
    UnemploymentLevel,
)
from fieldapp.domain.month import Month
from fieldapp.domain.regions import PlaceScope, place_scope
from fieldapp.policy.due import DueListBuilder, Urgency, level_of
from fieldapp.policy.facts import HouseholdFacts, PersonFacts
from fieldapp.policy.guard import pack_title
from fieldapp.policy.households import has_labour, is_employed, is_lifted_or_relocated
from fieldapp.policy.pack import Policy
from fieldapp.reference import divisions

EMPLOYED, NOT_EMPLOYED, NO_LABOUR = "已就业", "未就业", "无劳动能力或非劳动年龄"
WORK_STATES = (EMPLOYED, NOT_EMPLOYED, NO_LABOUR)
#: How a job of the employed recorded without its place is counted (`employed_by_place`) …
NO_PLACE = "地点未登记"
#: … and one recorded without its form (`employed_by_form`: `EmploymentForm.UNKNOWN`, as
#: the facts read a blank form or one none of the program's).
UNRECORDED = EmploymentForm.UNKNOWN.value
PLACES = tuple(p.value for p in PlaceScope) + (NO_PLACE,)
APPROVED = frozenset({ClaimState.COUNTY_APPROVED.value, ClaimState.PAID.value})
#: 三类人员 (seed 004): 脱贫人口, 农村低收入人口 and 易地搬迁人口, with the groups each includes.
THREE_GROUPS = "三类人员"
_IN_THREE = frozenset(
    c.value
    for c in (
        Category.LIFTED,
        Category.MONITORED,
        Category.LOW_INCOME,
        Category.RURAL_DIBAO,
        Category.RURAL_TEKUN,
        Category.RELOCATED,
        Category.RELOCATED_FOLLOWER,
    )
)


def month_end(month: str) -> dt.date:
    """Last day of 'YYYY-MM'; text that is no month raises `InvalidMonth` (a ValueError), the
    one sentence every place a month is typed says (月份应写成“年-月”，如 2025-03：…)."""
    return Month(month).last_day


@dataclass
class ClaimFigures:
    """Claims of one kind and funding source: `claimed`, `new_this_month`, `approved`, `paid`
    count claims (笔), the sets the persons they are for (人) — one person claimed for
    December and January is 1 人 2 笔, as the 花名册 paying them says."""

    claimed: int = 0
    claimed_amount: float = 0.0
    new_this_month: int = 0
    approved: int = 0
    approved_amount: float = 0.0
    paid: int = 0
    paid_amount: float = 0.0
    claimed_by: set[str] = field(default_factory=set)
    new_by: set[str] = field(default_factory=set)
    approved_by: set[str] = field(default_factory=set)
    paid_by: set[str] = field(default_factory=set)

    COUNTS: ClassVar[tuple[str, ...]] = (
        "claimed",
        "claimed_amount",
        "new_this_month",
        "approved",
        "approved_amount",
        "paid",
        "paid_amount",
    )
    PERSONS: ClassVar[tuple[str, ...]] = ("claimed_by", "new_by", "approved_by", "paid_by")

    def add(self, other: ClaimFigures) -> None:
        """Add another area's claims: counts and amounts summed, persons united."""
        for name in self.COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in self.PERSONS:
            getattr(self, name).update(getattr(other, name))

    def as_dict(self) -> dict[str, Any]:
        """JSON shape: the counts of claims under their keys, the persons under *_persons."""
        return {name: getattr(self, name) for name in self.COUNTS} | {
            "claimed_persons": len(self.claimed_by),
            "new_this_month_persons": len(self.new_by),
            "approved_persons": len(self.approved_by),
            "paid_persons": len(self.paid_by),
        }


@dataclass
class AreaFigures:
    """One village/site's figures (or the total)."""

    code: str
    name: str
    persons: int = 0
    households: int = 0
    by_category: dict[str, Counter[str]] = field(default_factory=dict)
    employed_by_place: Counter[str] = field(default_factory=Counter)
    employed_by_form: Counter[str] = field(default_factory=Counter)
    zero_employment_households: int = 0
    unemployed_by_level: Counter[str] = field(default_factory=Counter)
    unemployed_by_class: Counter[str] = field(default_factory=Counter)
    overdue_services: int = 0
    claims: dict[tuple[str, str], ClaimFigures] = field(default_factory=dict)
    one_per_household: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, other: AreaFigures) -> None:
        """Add another area's figures into this one (for the total)."""
        self.persons += other.persons
        self.households += other.households
        for cat, counts in other.by_category.items():
            self.by_category.setdefault(cat, Counter()).update(counts)
        self.employed_by_place.update(other.employed_by_place)
        self.employed_by_form.update(other.employed_by_form)
        self.zero_employment_households += other.zero_employment_households
        self.unemployed_by_level.update(other.unemployed_by_level)
        self.unemployed_by_class.update(other.unemployed_by_class)
        self.overdue_services += other.overdue_services
        for key, fig in other.claims.items():
            self.claims.setdefault(key, ClaimFigures()).add(fig)
        for kind, counts in other.one_per_household.items():
            self.one_per_household.setdefault(kind, Counter()).update(counts)

    def as_dict(self) -> dict[str, Any]:
        """JSON shape (Chinese keys where they are labels)."""
        return {
            "code": self.code,
            "name": self.name,
            "persons": self.persons,
            "households": self.households,
            # In the printed report's order, the same on every run (a set's order is not).
            "by_category": {
                c: {s: self.by_category[c][s] for s in WORK_STATES if s in self.by_category[c]}
                for c in category_rows(self.by_category)
            },
            "employed_by_place": {p: self.employed_by_place.get(p, 0) for p in PLACES},
            "employed_by_form": {
                f: self.employed_by_form[f] for f in sorted(self.employed_by_form)
            },
            "zero_employment_households": self.zero_employment_households,
            "unemployed_by_level": {lv: self.unemployed_by_level.get(lv, 0) for lv in LEVELS},
            "unemployed_by_class": {c: self.unemployed_by_class.get(c, 0) for c in CLASSES},
            "overdue_services": self.overdue_services,
            "claims": [
                {"rule": rule, "funding_source": source} | fig.as_dict()
                for (rule, source), fig in sorted(self.claims.items())
            ],
            "one_per_household": {
                kind: dict(v) | {"coverage": coverage(v)}
                for kind, v in sorted(self.one_per_household.items(), key=_kind_rank)
            },
        }


#: The 一户一人 table's rows, in its order.
HOUSEHOLD_KINDS = ("脱贫户", "易地搬迁户")


def _kind_rank(item: tuple[str, Counter[str]]) -> tuple[int, str]:
    kind = item[0]
    return (HOUSEHOLD_KINDS.index(kind) if kind in HOUSEHOLD_KINDS else len(HOUSEHOLD_KINDS), kind)


def coverage(counts: Counter[str]) -> float | None:
    """Share of households with labour that have someone employed."""
    base = counts.get("有劳动力户数", 0)
    return round(counts.get("已实现一户一人", 0) / base, 4) if base else None


@dataclass
class MonthlyReport:
    """The month's figures per village/site and in total."""

    month: str
    as_of: dt.date
    areas: list[AreaFigures]
    total: AreaFigures

    def as_dict(self) -> dict[str, Any]:
        """JSON shape used by `report monthly --json`."""
        return {
            "month": self.month,
            "as_of": self.as_of.isoformat(),
            "total": self.total.as_dict(),
            "areas": [a.as_dict() for a in self.areas],
        }


def claims_note(month: str, as_of: dt.date) -> list[str]:
    """What each column of 补贴申领 counts, printed under it: by the day a claim was submitted,
    not the month it pays — December's post subsidy submitted on 5 January is January's; each
    approval and payment by the day it was made (China's day). Days as the papers write them."""
    year = f"{written(dt.date(as_of.year, 1, 1))}至{written(as_of)}"
    return [
        "注：① 补贴申领按提交日期（申领提交审核之日）统计，不按发放月份："
        "上月及以前月份的补贴在本月提交的，计入本月；未提交的草稿不计。",
        f"② 申领人数、笔数、金额（本年累计）：本年{year}提交的申领，到制表之日已驳回、已撤销的不计。",
        f"③ 本月新申领：{month[:4]}年{int(month[5:7])}月提交的申领。",
        f"④ 已审批、已发放：本年{year}经县审批、已发放的"
        "人数、笔数和金额，按审批、发放当日计（含上年提交、本年审批或发放的）。",
        "⑤ 人数按人计，同一人申领几个月的计 1 人；笔数按申领计，一个月一笔"
        "（同一人 12 月、1 月各领一次，计 1 人 2 笔）。",
        "⑥ 日期均按北京时间。",
    ]


def category_rows(counted: Iterable[str]) -> list[str]:
    """The 人员类别 rows of 人员类别 × 就业状态 in the order of the category list: 三类人员 after
    the three it joins, any other word held after the list, and 其他农村劳动力 (of no group)
    last."""
    order = [c.value for c in Category]
    order.insert(order.index(Category.RELOCATED_FOLLOWER.value) + 1, THREE_GROUPS)
    rank = {name: i for i, name in enumerate(order)}
    return sorted(counted, key=lambda c: (c == OTHER_RURAL, rank.get(c, len(rank)), c))


def _person_figures(
    fig: AreaFigures, person: PersonFacts, on: dt.date, ages: tuple[int, int]
) -> None:
    fig.persons += 1
    if not has_labour(person, on, *ages):
        state = NO_LABOUR
    elif is_employed(person, on):
        state = EMPLOYED
    else:
        state = NOT_EMPLOYED
    # Of none of the groups: named as his claim papers, the 一库五册 and the visit sheet name him.
    held = person.categories_on(on) or {OTHER_RURAL}
    if held & _IN_THREE:
        held = held | {THREE_GROUPS}
    for cat in held:
        fig.by_category.setdefault(cat, Counter())[state] += 1
    active = [s for s in person.spells if s.active_on(on)]
    if active:
        spell = max(active, key=lambda s: s.start_date)
        scope = (
            str(place_scope(person.home_code, spell.place_code))
            if spell.place_code and person.home_code
            else NO_PLACE
        )
        fig.employed_by_place[scope] += 1
        fig.employed_by_form[spell.form] += 1
    elif state == EMPLOYED:
        fig.employed_by_place[NO_PLACE] += 1
        fig.employed_by_form[UNRECORDED] += 1
    for reg in person.registrations:
        if (
            reg.registered_date
            and reg.registered_date <= on
            and (reg.ended_date is None or reg.ended_date > on)
        ):
            fig.unemployed_by_level[level_of(reg.registered_date, on).value] += 1
            fig.unemployed_by_class[reg.unemployment_class or "未分类"] += 1


def _household_figures(
    fig: AreaFigures, hh: HouseholdFacts, on: dt.date, ages: tuple[int, int]
) -> None:
    fig.households += 1
    labour = any(has_labour(m, on, *ages) for m in hh.members)
    employed = any(is_employed(m, on) for m in hh.members)
    if labour and not employed:
        fig.zero_employment_households += 1
    kinds = []
    if hh.is_lifted or any(
        {"脱贫人口", "防返贫监测对象"} & m.categories_on(on) for m in hh.members
    ):
        kinds.append("脱贫户")
    if hh.is_relocated or any(
        {"易地搬迁人口", "易地搬迁随迁人口"} & m.categories_on(on) for m in hh.members
    ):
        kinds.append("易地搬迁户")
    if not kinds and is_lifted_or_relocated(hh, on):
        kinds.append("脱贫户")
    for kind in kinds:
        counts = fig.one_per_household.setdefault(kind, Counter())
        counts["户数"] += 1
        if labour:
            counts["有劳动力户数"] += 1
            if employed:
                counts["已实现一户一人"] += 1


def claim_history(claim: Claim, steps: Sequence[ClaimStep] = ()) -> list[tuple[dt.date, str]]:
    """(day, state) of a claim from the day it was made, each step on the day it happened; a
    claim with no steps on record (imported, or made by an older program) has been in its
    state since the day it was made."""
    made = claim.made_on()
    if not steps:
        return [(made, str(claim.state))] if made is not None else []
    return [(made or steps[0].day, steps[0].from_state), *((s.day, s.to_state) for s in steps)]


def _state_on(history: list[tuple[dt.date, str]], day: dt.date) -> str:
    """The claim's state at the end of `day` ('' before it was made)."""
    state = ""
    for since, reached in history:
        if since <= day:
            state = reached
    return state


def _first_day(history: list[tuple[dt.date, str]], states: Iterable[str]) -> dt.date | None:
    """The day the claim first reached one of `states`."""
    wanted = set(states)
    return next((day for day, reached in history if reached in wanted), None)


#: States past the draft: a claim counts as made (申领) from the day it reached one.
SUBMITTED = frozenset(
    s.value for s in ClaimState if s not in (ClaimState.DRAFT, ClaimState.REJECTED)
)
WITHDRAWN = frozenset({ClaimState.REJECTED.value, ClaimState.REVERSED.value})


#: The row of claims neither their own record nor the pack in force names (a tampered program's,
#: an old one's): never their rule's id, which is for machines.
UNTITLED = "未写明名称的补贴"


def _claim_figures(
    fig: AreaFigures,
    claim: Claim,
    month: str,
    on: dt.date,
    steps: Sequence[ClaimStep],
    policy: Policy | None = None,
) -> None:
    """A claim in the year's figures to `on`: counted from the day it was submitted (a draft is
    no claim yet), approved and paid on the days of those steps; not at all once rejected or
    reversed by `on`. Its row: its title, else the one `policy` (in force) gives its rule."""
    history = claim_history(claim, steps)
    if claim.deleted or _state_on(history, on) in WITHDRAWN | {"", ClaimState.DRAFT.value}:
        return
    year = dt.date(on.year, 1, 1)
    title = claim.rule_title or pack_title(policy, claim.rule_id) or UNTITLED
    key = (title, claim.funding_source or "未定")
    person = claim.id_number or claim.person_id or claim.id
    submitted = _first_day(history, SUBMITTED)
    approved = _first_day(history, APPROVED)
    paid = _first_day(history, {ClaimState.PAID.value})
    if not any(d is not None and year <= d <= on for d in (submitted, approved, paid)):
        return
    f = fig.claims.setdefault(key, ClaimFigures())
    if submitted is not None and year <= submitted <= on:
        f.claimed += 1
        f.claimed_amount += claim.amount
        f.claimed_by.add(person)
        if submitted.strftime("%Y-%m") == month:
            f.new_this_month += 1
            f.new_by.add(person)
    if approved is not None and year <= approved <= on:
        f.approved += 1
        f.approved_amount += claim.amount
        f.approved_by.add(person)
    if paid is not None and year <= paid <= on:
        f.paid += 1
        f.paid_amount += claim.amount
        f.paid_by.add(person)


def monthly_figures(
    policy: Policy,
    month: str,
    households: Iterable[HouseholdFacts],
    claims: Iterable[Claim],
    area_names: dict[str, str],
    *,
    today: dt.date | None = None,
    area: str | None = None,
    steps: Mapping[str, Sequence[ClaimStep]] | None = None,
) -> MonthlyReport:
    """Compute the month's report from household facts (with members) and claims, with each
    claim's `steps` (by claim id); `area`: the area it was asked for (else the one all its
    villages lie in) names the total."""
    on = month_end(month)
    if today is not None and today < on:
        on = today
    ages = (
        int(policy.deadline("working_age_min", 16)),
        int(policy.deadline("working_age_max", 60)),
    )
    due = DueListBuilder(policy)
    by_area: dict[str, AreaFigures] = {}

    def fig_for(code: str) -> AreaFigures:
        village = area_at(code, AreaLevel.VILLAGE)
        if village not in by_area:
            by_area[village] = AreaFigures(village, area_names.get(village, village or "未分区"))
        return by_area[village]

    for hh in households:
        fig = fig_for(hh.area_code)
        if hh.members:  # one everyone left (moved to a site, died) is no household to count
            _household_figures(fig, hh, on, ages)
        for person in hh.members:
            _person_figures(fig, person, on, ages)
            fig.overdue_services += sum(
                1
                for item in due.for_person(person, on)
                if item.urgency is Urgency.OVERDUE and item.kind != "月度更新"
            )
    for claim in claims:
        at = fig_for(claim.area_code)
        _claim_figures(at, claim, month, on, (steps or {}).get(claim.id, ()), policy)
    areas = sorted(by_area.values(), key=lambda a: a.code)
    total = AreaFigures("", _total_name([a.code for a in areas], area_names, area))
    for fig in areas:
        total.add(fig)
    return MonthlyReport(month, on, areas, total)


def _total_name(codes: list[str], area_names: dict[str, str], area: str | None) -> str:
    """'碧阳街道合计': the total named after the area asked for, else the smallest known area
    every village of the report lies in — by the ledger's name, else the division table's
    (a ledger may not list its county: 七星关区合计, not 合计 of nowhere); '合计' when none
    is known."""
    common = area or (os.path.commonprefix(codes) if codes and all(codes) else "")
    for length in (15, 12, 9, 6):
        if len(common) < length:
            continue
        # The table's name of this very code (never a level above it: a village it does
        # not list is not its township).
        name = area_names.get(common[:length]) or divisions().name(common[:length])
        if name:
            return f"{name}合计"
    return "合计"


LEVELS = tuple(level.value for level in UnemploymentLevel)
CLASSES = tuple(c.value for c in UnemploymentClass) + ("未分类",)
FORMS = tuple(f.value for f in EmploymentForm)


#: The most bars or slices a chart of the report shows, printed (月报's pie and bars) or on
#: screen (报表's charts): past it, the largest `CHART_MOST - 1` and one 其他 for the rest
#: (forty bars', sixty slices' labels ran into each other); the tables keep every row.
CHART_MOST = 8


def largest(rows: list[list[Any]], most: int, other: Callable[[int], str]) -> list[list[Any]]:
    """`rows` (label, count) itself (the same list) when at most `most` or all 0; else those
    counting anyone, the most first (as listed when equal): all of them if at most `most`,
    else the largest `most - 1` and one [`other(n)`, their sum] for the n rest (其他（3种形式）:
    `other` says it in the reader's language)."""
    if len(rows) <= most or not any(count for _label, count in rows):
        return rows
    ranked = sorted((row for row in rows if row[1]), key=lambda row: -row[1])
    if len(ranked) <= most:
        return [list(row) for row in ranked]
    shown, rest = ranked[: most - 1], ranked[most - 1 :]
    return [*(list(row) for row in shown), [other(len(rest)), sum(c for _p, c in rest)]]
