"""Household duties: 一户一人, zero-employment households, public-welfare post holders.

- 一户一人: a lifted-out-of-poverty or relocated household with labour should have at least one
  member employed.
- 零就业家庭: households with labour and no one employed are found and cleared (动态清零).
- Income above the line: a public-welfare post holder whose flexible income exceeds the county's
  monitoring line for N consecutive months must leave the post (not checked while the county
  has not set its line).
- One person, one post: nobody holds two public-welfare posts at once.

Each flag cites the clause the pack gives it (`[clauses]`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from fieldapp.domain.dates import add_months, month_key, written
from fieldapp.domain.enums import HAS_LABOUR, Category, WorkStatus
from fieldapp.domain.money import yuan
from fieldapp.domain.month import Month
from fieldapp.policy.facts import HouseholdFacts, PersonFacts, SpellFacts
from fieldapp.policy.pack import UNSET, Policy

POST = "公益性岗位"
LABOUR_VALUES = frozenset(a.value for a in HAS_LABOUR)
LIFTED_OR_RELOCATED = frozenset(
    {
        Category.LIFTED.value,
        Category.MONITORED.value,
        Category.RELOCATED.value,
        Category.RELOCATED_FOLLOWER.value,
    }
)


class DutyKind:
    """The kinds of household duty flags (Chinese labels are the values)."""

    ONE_PER_HOUSEHOLD = "一户一人未实现"
    ZERO_EMPLOYMENT = "零就业家庭"
    INCOME_ABOVE_LINE = "公益性岗位收入超线"
    TWO_POSTS = "一人多岗"


@dataclass(slots=True)
class DutyFlag:
    """One household or person needing action, with the reason and clause."""

    kind: str
    household_id: str
    household_no: str
    area_code: str
    text: str
    clause: str
    person_ids: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """JSON shape."""
        return {
            "kind": self.kind,
            "household_no": self.household_no,
            "area_code": self.area_code,
            "text": self.text,
            "clause": self.clause,
            "names": self.names,
        }


def has_labour(person: PersonFacts, on: dt.date, age_min: int = 16, age_max: int = 60) -> bool:
    """Working age and able to work on `on`."""
    return person.labour_ability in LABOUR_VALUES and age_min <= person.age_on(on) <= age_max


def is_employed(person: PersonFacts, on: dt.date) -> bool:
    """Employed on `on`: a spell covers the day, or the month's status says so."""
    if person.employed_on(on):
        return True
    key = month_key(on)
    return any(m.month == key and m.status == WorkStatus.EMPLOYED.value for m in person.months)


def is_lifted_or_relocated(household: HouseholdFacts, on: dt.date) -> bool:
    """A 脱贫 or 易地搬迁 household (flag or a member's category)."""
    if household.is_lifted or household.is_relocated:
        return True
    return any(LIFTED_OR_RELOCATED & m.categories_on(on) for m in household.members)


def posts_on(person: PersonFacts, on: dt.date) -> list[SpellFacts]:
    """The public-welfare post spells active on `on`."""
    return [s for s in person.spells if s.form == POST and s.active_on(on)]


def flexible_income(person: PersonFacts, month: str) -> float | None:
    """A month's flexible income: the monthly update's figure, else non-post spells' income."""
    for m in person.months:
        if m.month == month and m.income is not None:
            return float(m.income)
    mid = dt.date(int(month[:4]), int(month[5:7]), 15)
    others = [
        s.monthly_income
        for s in person.spells
        if s.form != POST and s.active_on(mid) and s.monthly_income is not None
    ]
    return float(sum(others)) if others else None


def months_above(
    person: PersonFacts,
    on: dt.date,
    line: float | Callable[[dt.date], float | None],
    needed: int,
) -> list[str]:
    """The consecutive months (latest first) up to `on` whose flexible income exceeded `line`
    (a figure, or the line in force on a month's first day)."""
    run: list[str] = []
    day = on.replace(day=1)
    for _ in range(needed + 1):
        key = month_key(day)
        income = flexible_income(person, key)
        if income is None and not run and key == month_key(on):
            day = add_months(day, -1)  # this month not reported yet: start from the last one
            continue
        then = line(day) if callable(line) else line
        if income is None or then is None or income <= then:
            break
        run.append(key)
        day = add_months(day, -1)
    return run


def _first_day(month: str) -> dt.date:
    return dt.date(int(month[:4]), int(month[5:7]), 1)


def overlapping_posts(person: PersonFacts) -> list[tuple[SpellFacts, SpellFacts]]:
    """Pairs of public-welfare post spells that overlap in time."""
    posts = sorted((s for s in person.spells if s.form == POST), key=lambda s: s.start_date)
    pairs = []
    for i, a in enumerate(posts):
        for b in posts[i + 1 :]:
            if b.start_date <= (a.end_date or dt.date.max):
                pairs.append((a, b))
    return pairs


def _line_said(line: float | None) -> str:
    """A monitoring line as a flag says it: its figure, or 待县里核定标准 (a flag is raised only
    against a line that is set, so the second is a guard, not a sentence anyone reads)."""
    return UNSET if line is None else yuan(line)


def household_duties(
    policy: Policy, households: Iterable[HouseholdFacts], on: dt.date
) -> list[DutyFlag]:
    """Every duty flag of the given households as of `on`."""
    lines = policy.lines
    line = policy.line("welfare_post_income_line")
    needed = int(policy.line("welfare_post_income_months") or 6)
    clauses = policy.clauses

    def line_clause(run: list[str]) -> str:
        """The clause, with the document of each line the run was measured against."""
        numbers = [lines.income_line_on(_first_day(m))[1] for m in run]
        cited = "、".join(dict.fromkeys(n for n in numbers if n))
        return "；".join(
            x for x in (clauses.income_above_line, cited and f"监测收入线：{cited}") if x
        )

    def line_text(run: list[str]) -> str:
        """'超过监测线 650 元/月', or with a new line in the run the line of each month."""
        start = lines.welfare_post_income_line_from
        if start is None or not run[-1] < month_key(start) <= run[0]:
            return f"超过监测线 {_line_said(lines.income_line_on(_first_day(run[0]))[0])} 元/月"
        before = lines.welfare_post_income_line_before or 0
        return f"超过当月的监测线（{written(start)}起 {_line_said(line)} 元/月，此前 {yuan(before)} 元/月）"

    age_min = int(policy.deadline("working_age_min", 16))
    age_max = int(policy.deadline("working_age_max", 60))
    flags: list[DutyFlag] = []
    for hh in households:
        labour = [m for m in hh.members if has_labour(m, on, age_min, age_max)]
        employed = [m for m in hh.members if is_employed(m, on)]
        base = (hh.household_id, hh.household_no, hh.area_code)
        if labour and not employed:
            names = [m.name for m in labour]
            ids = [m.person_id for m in labour]
            if is_lifted_or_relocated(hh, on):
                flags.append(
                    DutyFlag(
                        DutyKind.ONE_PER_HOUSEHOLD,
                        *base,
                        f"有劳动力{len(labour)}人（{'、'.join(names)}），无人就业",
                        clauses.one_per_household,
                        ids,
                        names,
                    )
                )
            flags.append(
                DutyFlag(
                    DutyKind.ZERO_EMPLOYMENT,
                    *base,
                    f"劳动年龄内有劳动能力{len(labour)}人，均未就业，需动态清零",
                    clauses.zero_employment,
                    ids,
                    names,
                )
            )
        for person in hh.members:
            if line is not None and posts_on(person, on):
                run = months_above(person, on, lambda d: lines.income_line_on(d)[0], needed)
                if len(run) >= needed:
                    flags.append(
                        DutyFlag(
                            DutyKind.INCOME_ABOVE_LINE,
                            *base,
                            f"{person.name} 灵活就业收入连续{len(run)}个月（{Month(run[-1]).label()}至{Month(run[0]).label()}）"
                            f"{line_text(run)}，应退出公益性岗位",
                            line_clause(run),
                            [person.person_id],
                            [person.name],
                        )
                    )
            for a, b in overlapping_posts(person):
                flags.append(
                    DutyFlag(
                        DutyKind.TWO_POSTS,
                        *base,
                        f"{person.name} 同时在两个公益性岗位：{a.employer or '岗位一'}"
                        f"（{written(a.start_date)}起）与 {b.employer or '岗位二'}"
                        f"（{written(b.start_date)}起）",
                        clauses.two_posts,
                        [person.person_id],
                        [person.name],
                    )
                )
    return flags
