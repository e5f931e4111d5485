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

from fieldapp.domain.dates import add_months, month_key
from fieldapp.domain.enums import HAS_LABOUR, Category, WorkStatus
from fieldapp.domain.money import yuan
from fieldapp.domain.sentences import Day, Part, Sentence, Word, joined, listed, said, template
from fieldapp.policy.facts import HouseholdFacts, PersonFacts, SpellFacts
from fieldapp.policy.pack import Policy

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
    #: The reason as a sentence (its Chinese is `text`), for the window's language.
    said: Sentence | None = None
    #: The clause as a sentence when the program wrote part of it (its Chinese is `clause`:
    #: 监测收入线：黔府发〔2023〕12号), for the window's language; None when it is the pack's
    #: text as the county wrote it.
    clause_said: Sentence | None = None

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


def above_line_said(line: float | None) -> Sentence:
    """'超过监测线 650 元/月', or while the line is unset '超过监测线（监测线待县里核定）' (never
    '待县里核定标准 元/月'; a flag is raised only against a line that is set, so the second is a
    guard, but what it says is still the clerk's words)."""
    return said(ABOVE_UNSET_LINE) if line is None else said(ABOVE_THE_LINE, yuan(line))


def above_each_months_line_said(start: dt.date, line: float | None, before: float) -> Sentence:
    """'超过当月的监测线（2027年1月1日起 700 元/月，此前 650 元/月）', or while the new line is
    unset '…（2027年1月1日起的监测线待县里核定，此前 650 元/月）' (a guard, as above)."""
    if line is None:
        return said(ABOVE_EACH_MONTHS_UNSET_LINE, Day(start), yuan(before))
    return said(ABOVE_EACH_MONTHS_LINE, Day(start), yuan(line), yuan(before))


#: Each flag's reason (`DutyFlag.said`), kept as a sentence so the 户级责任 page says it in the
#: window's language; its Chinese (`DutyFlag.text`) is what the list, the paper and
#: `fieldapp duties` always said.
NO_ONE_EMPLOYED = template("有劳动力%1人（%2），无人就业")
ZERO_EMPLOYMENT = template("劳动年龄内有劳动能力%1人，均未就业，需动态清零")
INCOME_ABOVE_LINE = template("%1 灵活就业收入连续%2个月（%3至%4）%5，应退出公益性岗位")
ABOVE_THE_LINE = template("超过监测线 %1 元/月")
ABOVE_EACH_MONTHS_LINE = template("超过当月的监测线（%1起 %2 元/月，此前 %3 元/月）")
#: The same while the line is unset (a guard: no flag is raised against an unset line).
ABOVE_UNSET_LINE = template("超过监测线（监测线待县里核定）")
ABOVE_EACH_MONTHS_UNSET_LINE = template("超过当月的监测线（%1起的监测线待县里核定，此前 %2 元/月）")
TWO_POSTS = template("%1 同时在两个公益性岗位：%2（%3起）与 %4（%5起）")
#: The document of each monitoring line a run of months was measured against (监测收入线：…),
#: after the clause the pack gives the flag (`joined`: ；).
LINE_CITED = template("监测收入线：%1")
#: A welfare post whose employer is not written, the first and the second of two.
FIRST_POST, SECOND_POST = "岗位一", "岗位二"


def _flag(
    kind: str,
    base: tuple[str, str, str],
    text: Sentence,
    clause: Part,
    ids: list[str],
    names: list[str],
) -> DutyFlag:
    """A flag whose reason is the sentence `text` (and its Chinese), and its clause (the pack's
    text, or a sentence of it and what the program adds)."""
    shown = clause if isinstance(clause, Sentence) else None
    return DutyFlag(kind, *base, str(text), str(clause), ids, names, text, shown)


def household_duties(
    policy: Policy, households: Iterable[HouseholdFacts], on: dt.date
) -> list[DutyFlag]:
    """Every duty flag of the given households as of `on`."""
    lines = policy.lines
    line = policy.line("welfare_post_income_line")
    needed = int(policy.line("welfare_post_income_months") or 6)
    clauses = policy.clauses

    def line_clause(run: list[str]) -> Part:
        """The clause, with the document of each line the run was measured against."""
        numbers = [lines.income_line_on(_first_day(m))[1] for m in run]
        cited = list(dict.fromkeys(n for n in numbers if n))
        if not cited:
            return clauses.income_above_line
        lines_cited = said(LINE_CITED, listed(cited))
        if not clauses.income_above_line:
            return lines_cited
        return joined(clauses.income_above_line, lines_cited)

    def line_text(run: list[str]) -> Sentence:
        """'超过监测线 650 元/月', or with a new line in the run the line of each month."""
        start = lines.welfare_post_income_line_from
        if start is None or not run[-1] < month_key(start) <= run[0]:
            return above_line_said(lines.income_line_on(_first_day(run[0]))[0])
        before = lines.welfare_post_income_line_before or 0
        return above_each_months_line_said(start, line, before)

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
                    _flag(
                        DutyKind.ONE_PER_HOUSEHOLD,
                        base,
                        said(NO_ONE_EMPLOYED, str(len(labour)), listed(names)),
                        clauses.one_per_household,
                        ids,
                        names,
                    )
                )
            flags.append(
                _flag(
                    DutyKind.ZERO_EMPLOYMENT,
                    base,
                    said(ZERO_EMPLOYMENT, str(len(labour))),
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
                        _flag(
                            DutyKind.INCOME_ABOVE_LINE,
                            base,
                            said(
                                INCOME_ABOVE_LINE,
                                person.name,
                                str(len(run)),
                                Day(_first_day(run[-1]), "month"),
                                Day(_first_day(run[0]), "month"),
                                line_text(run),
                            ),
                            line_clause(run),
                            [person.person_id],
                            [person.name],
                        )
                    )
            for a, b in overlapping_posts(person):
                flags.append(
                    _flag(
                        DutyKind.TWO_POSTS,
                        base,
                        said(
                            TWO_POSTS,
                            person.name,
                            a.employer or Word(FIRST_POST),
                            Day(a.start_date),
                            b.employer or Word(SECOND_POST),
                            Day(b.start_date),
                        ),
                        clauses.two_posts,
                        [person.person_id],
                        [person.name],
                    )
                )
    return flags
