"""A rule's conditions as check functions, each explaining itself in Chinese when asked.

A check looks at one qualifying event (an employment spell or a training) of one person, as of
a date, and returns an `Outcome`: met or not, the words (built only when an explanation is
wanted), and for conditions that only time will meet, the day they will be met.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from fieldapp.domain.dates import add_months, whole_months_between, written
from fieldapp.domain.month import Month
from fieldapp.domain.places_said import say_place
from fieldapp.domain.regions import PlaceScope, place_scope
from fieldapp.policy.facts import PersonFacts, ServiceFacts, SpellFacts
from fieldapp.policy.pack import Conditions
from fieldapp.reference import divisions

#: Places outside the home township: work there makes a rural worker "transferred" labour.
_TRANSFERRED = frozenset(
    {PlaceScope.COUNTY.value, PlaceScope.PROVINCE.value, PlaceScope.OUT_OF_PROVINCE.value}
)
#: Places outside the home county: coming back from work there is "returning home".
_AWAY = frozenset({PlaceScope.PROVINCE.value, PlaceScope.OUT_OF_PROVINCE.value})


@dataclass(slots=True)
class Ctx:
    """What one check looks at: the person, the event and the as-of date."""

    facts: PersonFacts
    on: dt.date
    event_date: dt.date
    spell: SpellFacts | None
    service: ServiceFacts | None
    categories: frozenset[str] | set[str]
    #: When `categories` were held: the event's date, or the period paid ('2026年度').
    held_when: str = ""

    @property
    def when(self) -> str:
        """'2025年3月1日' or '2026年度': the day (or period) the categories are judged on."""
        return self.held_when or written(self.event_date)


Words = str | Callable[[], str]


@dataclass(frozen=True, slots=True)
class Outcome:
    """A check's verdict; `ready_on` is set when it is only a matter of time."""

    met: bool
    text: Words
    ready_on: dt.date | None = None
    hard: bool = True

    def words(self) -> str:
        """The explanation (built only when asked: the bulk path never needs it)."""
        return self.text() if callable(self.text) else self.text


Check = Callable[[Ctx], Outcome]


def _join(values: Iterable[object]) -> str:
    return "、".join(str(v) for v in values)


@lru_cache(maxsize=65536)
def _scope(home_code: str, place_code: str) -> str:
    # A village's people share a home code and a few workplaces: the pairs repeat endlessly.
    return str(place_scope(home_code, place_code))


def scope_of(facts: PersonFacts, spell: SpellFacts) -> str:
    """乡镇内 / 县内 / 省内跨县 / 跨省 of a spell ('' when its place is not recorded)."""
    return _scope(facts.home_code, spell.place_code) if spell.place_code else ""


def transferred_spell(facts: PersonFacts, day: dt.date) -> SpellFacts | None:
    """A spell outside the home township begun by `day`: the person is rural transferred labour."""
    return next(
        (s for s in facts.spells if s.start_date <= day and scope_of(facts, s) in _TRANSFERRED),
        None,
    )


def compile_checks(c: Conditions) -> list[Check]:
    """The conditions as check functions, cheapest first (the gate conditions lead)."""
    checks: list[Check] = []
    if c.categories_any:
        checks.append(_categories_any(c))
    if c.categories_none:
        checks.append(_categories_none(c))
    if c.forms:
        checks.append(_forms(c))
    if c.employer_kinds:
        checks.append(_employer_kinds(c))
    if c.place_scopes:
        checks.append(_place(c))
    if c.new_to_scope:
        checks.append(_new_to_scope(c))
    if c.newly_returned:
        checks.append(_newly_returned(c.returned_within_months))
    if c.organized_export is not None:
        checks.append(_organized(c.organized_export))
    if c.first_export is not None:
        checks.append(_first_export(c.first_export))
    if c.casual_work is not None:
        checks.append(_casual(c.casual_work))
    if c.contract_months_min is not None or c.contract_months_max is not None:
        checks.append(_contract(c.contract_months_min, c.contract_months_max))
    if c.insurance_months_min is not None:
        checks.append(_insurance(c.insurance_months_min))
    if c.age_at_event_min is not None or c.age_at_event_max is not None:
        checks.append(_age(c.age_at_event_min, c.age_at_event_max))
    if c.graduate_window_months is not None:
        checks.append(_graduate_window(c.graduate_window_months))
    if c.graduate_unemployed:
        checks.append(_graduate_unemployed)
    if c.registered_unemployed or c.registered_unemployed_months_min:
        checks.append(_registered(c.registered_unemployed_months_min))
    if c.first_business is not None:
        checks.append(_first_business(c.first_business))
    if c.training_days_min is not None:
        checks.append(_training(c.training_days_min))
    if c.stable_months_min is not None:
        checks.append(_stable(c.stable_months_min))
    return checks


def ledger_checks(c: Conditions) -> list[tuple[str, Check]]:
    """The checks judged by the person's records other than the job paid for, each with what
    it judges in words: where the job is from the person's home (户籍, `scope_of`), the
    unemployment registration (失业登记), the graduation year and month
    of leaving school (and the jobs since), the jobs before this one (first export, new to
    working away, newly returned, first business). A claim's frozen facts keep them only as its reasons
    said them; the receiving ledger judges them again on its own records
    (`eligibility.claim_facts_unfounded`)."""
    checks: list[tuple[str, Check]] = []
    if c.place_scopes:
        checks.append(("户籍地和务工地点", _place(c)))
    if c.graduate_window_months is not None:
        checks.append(("毕业年份和离校月份", _graduate_window(c.graduate_window_months)))
    if c.graduate_unemployed:
        checks.append(("离校后的就业", _graduate_unemployed))
    if c.registered_unemployed or c.registered_unemployed_months_min:
        checks.append(("失业登记", _registered(c.registered_unemployed_months_min)))
    if c.first_export is not None:
        checks.append(("此前的劳务输出", _first_export(c.first_export)))
    if c.new_to_scope:
        checks.append(("此前的外出务工", _new_to_scope(c)))
    if c.newly_returned:
        checks.append(("返乡前的务工", _newly_returned(c.returned_within_months)))
    if c.first_business is not None:
        checks.append(("此前的创业", _first_business(c.first_business)))
    return checks


def where_worked(spell: SpellFacts) -> str:
    """Where a job is, in words: the place written with it, else its code's name from the division
    table ('广东省深圳市南山区' for a job recorded as 440305 alone); '' when neither is known."""
    return spell.place_name or say_place(spell.place_code, divisions())


# -- who ------------------------------------------------------------------------------------------


def _categories_any(c: Conditions) -> Check:
    wanted = frozenset(str(x) for x in c.categories_any)
    names = _join(c.categories_any)
    or_transferred = c.or_rural_transferred

    def categories_any(ctx: Ctx) -> Outcome:
        held = wanted & ctx.categories
        if held:
            return Outcome(True, lambda: f"{ctx.when} 属于{_join(sorted(held))}")
        if or_transferred:
            moved = transferred_spell(ctx.facts, ctx.event_date)
            if moved is not None:
                return Outcome(
                    True,
                    lambda: (
                        f"有乡镇外务工经历（{written(moved.start_date)}起在"
                        f"{where_worked(moved)}），属农村转移劳动力"
                    ),
                )
            return Outcome(
                False,
                lambda: f"{ctx.when} 不属于{names}，也没有乡镇外务工经历（农村转移劳动力）",
            )
        return Outcome(False, lambda: f"{ctx.when} 不属于{names}")

    return categories_any


def _categories_none(c: Conditions) -> Check:
    unwanted = frozenset(str(x) for x in c.categories_none)
    names = _join(c.categories_none)

    def categories_none(ctx: Ctx) -> Outcome:
        held = unwanted & ctx.categories
        if held:
            return Outcome(False, lambda: f"{ctx.when} 属于{_join(sorted(held))}，应按专门政策办理")
        return Outcome(True, lambda: f"{ctx.when} 不属于{names}")

    return categories_none


def _age(low: int | None, high: int | None) -> Check:
    span = f"{low if low is not None else 0}—{high if high is not None else '不限'}岁"

    def age(ctx: Ctx) -> Outcome:
        years = ctx.facts.age_on(ctx.event_date)
        ok = (low is None or years >= low) and (high is None or years <= high)
        return Outcome(ok, lambda: f"{ctx.event_date} 时年龄{years}岁（要求{span}）")

    return age


def _graduate_window(months: int) -> Check:
    """毕业年度, or within `months` counted from the month of leaving school (that month is the
    first): 离校2年内 of a July 2023 leaver runs to the end of June 2025."""
    years = f"{months // 12}年" if months % 12 == 0 else f"{months}个月"

    def graduate_window(ctx: Ctx) -> Outcome:
        grad = ctx.facts.graduation_year
        day = ctx.event_date
        if grad is None:
            return Outcome(False, "未登记毕业年份（高校毕业生须登记毕业年份和离校月份）")
        if day.year < grad:
            return Outcome(False, lambda: f"{grad}年毕业，{written(day)}时尚未毕业")
        if day.year == grad:
            return Outcome(True, lambda: f"{grad}年毕业，{written(day)}在毕业年度内")
        left = ctx.facts.left_school_month
        if not left:
            return Outcome(
                False,
                lambda: f"{grad}年毕业，未登记离校月份，无法计算离校{years}内（请登记离校月份）",
            )
        start = dt.date(int(left[:4]), int(left[5:7]), 1)
        ends = add_months(start, months)
        return Outcome(
            day < ends,
            lambda: (
                f"{Month.of(start).label()}离校，离校{years}内即{written(ends - dt.timedelta(days=1))}前；"
                f"{written(day)}" + ("在此期间" if day < ends else "已超过")
            ),
        )

    return graduate_window


def _left_school(facts: PersonFacts) -> dt.date | None:
    if facts.left_school_month:
        return dt.date(int(facts.left_school_month[:4]), int(facts.left_school_month[5:7]), 1)
    return dt.date(facts.graduation_year, 1, 1) if facts.graduation_year else None


def _graduate_unemployed(ctx: Ctx) -> Outcome:
    """未就业: no job begun between leaving school and this one."""
    left = _left_school(ctx.facts)
    if left is None:
        return Outcome(False, "未登记毕业年份和离校月份，无法确认离校未就业")
    this = ctx.spell
    earlier = next(
        (
            s
            for s in ctx.facts.spells
            if (this is None or s.id != this.id) and left <= s.start_date < ctx.event_date
        ),
        None,
    )
    if earlier is not None:
        return Outcome(
            False,
            lambda: (
                f"离校后已于{written(earlier.start_date)}就业（{earlier.employer or earlier.form}），"
                "不属于离校未就业"
            ),
        )
    return Outcome(
        True, lambda: f"{Month.of(left).label()}离校后至{written(ctx.event_date)}前未就业"
    )


def _registered(months: int | None) -> Check:
    def registered(ctx: Ctx) -> Outcome:
        day = ctx.event_date
        regs = [
            r for r in ctx.facts.registrations if r.registered_date and r.registered_date <= day
        ]
        # The registration must still be open the day before the hire (hiring ends it).
        open_regs = [
            r for r in regs if r.ended_date is None or r.ended_date >= day - dt.timedelta(days=1)
        ]
        starts = [r.registered_date for r in open_regs if r.registered_date]
        if not starts:
            return Outcome(False, lambda: f"{written(day)}前未登记失业")
        start = min(starts)
        got = whole_months_between(start, day)
        if months is None:
            return Outcome(True, lambda: f"{written(start)}起登记失业")
        return Outcome(
            got >= months,
            lambda: f"入职前登记失业{got}个月（{written(start)}起，要求≥{months}个月）",
        )

    return registered


# -- where and for whom ---------------------------------------------------------------------------


def _forms(c: Conditions) -> Check:
    forms = frozenset(str(x) for x in c.forms)
    names = _join(c.forms)

    def form(ctx: Ctx) -> Outcome:
        got = ctx.spell.form if ctx.spell else ""
        if got in forms:
            return Outcome(True, lambda: f"就业形式为{got}")
        return Outcome(False, lambda: f"就业形式为{got or '未登记'}，要求{names}")

    return form


def _employer_kinds(c: Conditions) -> Check:
    kinds = frozenset(str(x) for x in c.employer_kinds)
    names = _join(c.employer_kinds)

    def employer_kind(ctx: Ctx) -> Outcome:
        got = ctx.spell.employer_kind if ctx.spell else ""
        if not got:
            return Outcome(False, lambda: f"用人单位类型未登记（本项补贴限{names}等）")
        if got in kinds:
            return Outcome(True, lambda: f"用人单位类型为{got}")
        return Outcome(False, lambda: f"用人单位类型为{got}，本项补贴限{names}")

    return employer_kind


def _place(c: Conditions) -> Check:
    scopes = frozenset(str(x) for x in c.place_scopes)
    names = _join(c.place_scopes)

    def place(ctx: Ctx) -> Outcome:
        spell = ctx.spell
        if spell is None or not spell.place_code:
            return Outcome(False, lambda: f"务工地点未登记，要求{names}")
        got = scope_of(ctx.facts, spell)
        if got in scopes:
            return Outcome(True, lambda: f"务工地点{where_worked(spell)}，属{got}")
        return Outcome(False, lambda: f"务工地点{where_worked(spell)}，属{got}，要求{names}")

    return place


def _new_to_scope(c: Conditions) -> Check:
    """新（跨省）务工: no earlier spell in the same places (within the look-back, when given)."""
    scopes = frozenset(str(x) for x in c.place_scopes)
    names = _join(c.place_scopes) or "外出"
    lookback = c.new_lookback_months

    def new_to_scope(ctx: Ctx) -> Outcome:
        this = ctx.spell
        if this is None:
            return Outcome(False, "没有就业记录")
        since = add_months(this.start_date, -lookback) if lookback else dt.date.min
        earlier = next(
            (
                s
                for s in ctx.facts.spells
                if s.id != this.id
                and s.start_date < this.start_date
                and (s.end_date is None or s.end_date >= since)
                and scope_of(ctx.facts, s) in scopes
            ),
            None,
        )
        window = f"近{lookback}个月内" if lookback else "此前"
        if earlier is not None:
            return Outcome(
                False,
                lambda: (
                    f"{window}已有{names}务工经历（{written(earlier.start_date)}起在"
                    f"{where_worked(earlier)}），不属于新{names}务工"
                ),
            )
        return Outcome(True, lambda: f"{window}没有{names}务工经历，属新{names}务工")

    return new_to_scope


def _newly_returned(within: int | None) -> Check:
    """新返乡: the previous spell was outside the home county and ended before this one."""

    def newly_returned(ctx: Ctx) -> Outcome:
        this = ctx.spell
        if this is None:
            return Outcome(False, "没有就业记录")
        before = [s for s in ctx.facts.spells if s.id != this.id and s.start_date < this.start_date]
        if not before:
            return Outcome(False, "入职前没有登记外出务工经历，不能认定为新返乡")
        last = max(before, key=lambda s: (s.start_date, s.id))
        where = where_worked(last) or "地点未登记"
        scope = scope_of(ctx.facts, last)
        if scope not in _AWAY:
            return Outcome(
                False, lambda: f"入职前最近一段就业在{where}（{scope or '地点未登记'}），不属于返乡"
            )
        if last.end_date is None or last.end_date >= this.start_date:
            return Outcome(
                False, lambda: f"入职时在{where}的务工（{written(last.start_date)}起）尚未结束"
            )
        ended = last.end_date
        if within is not None and this.start_date > add_months(ended, within):
            return Outcome(
                False, lambda: f"{written(ended)}结束在{where}的务工，返乡已超过{within}个月"
            )
        return Outcome(
            True, lambda: f"{written(ended)}结束在{where}的务工返乡，{written(this.start_date)}入职"
        )

    return newly_returned


# -- the job --------------------------------------------------------------------------------------


def _organized(wanted: bool) -> Check:
    def organized(ctx: Ctx) -> Outcome:
        spell = ctx.spell
        got = bool(spell and spell.organized_export)
        if got == wanted:
            who = f"（{spell.export_agency}）" if spell and spell.export_agency else ""
            return Outcome(
                True, lambda: "通过有组织劳务输出就业" + who if got else "非有组织劳务输出"
            )
        return Outcome(
            False, lambda: "不是通过有组织劳务输出就业" if wanted else "属有组织劳务输出"
        )

    return organized


def _first_export(wanted: bool) -> Check:
    def first_export(ctx: Ctx) -> Outcome:
        spell = ctx.spell
        if spell is None:
            return Outcome(False, "没有就业记录")
        earlier: SpellFacts | None = None
        if spell.is_first_export is not None:
            first = spell.is_first_export
        else:
            earlier = next(
                (
                    s
                    for s in ctx.facts.spells
                    if s.organized_export and s.start_date < spell.start_date and s.id != spell.id
                ),
                None,
            )
            first = earlier is None
        if first:
            text = "首次通过有组织劳务输出就业"
        elif earlier is not None:
            text = (
                f"此前已通过有组织劳务输出就业（{written(earlier.start_date)}起，"
                f"{earlier.export_agency or '输出机构未登记'}），非首次"
            )
        else:
            text = "登记为非首次有组织劳务输出"
        return Outcome(first == wanted, text)

    return first_export


def _casual(wanted: bool) -> Check:
    def casual(ctx: Ctx) -> Outcome:
        got = bool(ctx.spell and ctx.spell.is_casual)
        return Outcome(got == wanted, "临时务工（临工）" if got else "非临工")

    return casual


def _contract(low: int | None, high: int | None) -> Check:
    want = "、".join(x for x in (f"≥{low}个月" if low else "", f"≤{high}个月" if high else "") if x)

    def contract(ctx: Ctx) -> Outcome:
        got = ctx.spell.contract_months if ctx.spell else None
        if got is None:
            return Outcome(False, lambda: f"劳动合同（协议）期限未登记（要求{want}）")
        ok = (low is None or got >= low) and (high is None or got <= high)
        return Outcome(ok, lambda: f"劳动合同（协议）期限{got}个月（要求{want}）")

    return contract


def _insurance(need: int) -> Check:
    def insurance(ctx: Ctx) -> Outcome:
        got = ctx.spell.insurance_months if ctx.spell else None
        if got is None:
            return Outcome(False, lambda: f"社会保险缴费月数未登记（要求≥{need}个月）")
        return Outcome(got >= need, lambda: f"缴纳社会保险{got}个月（要求≥{need}个月）")

    return insurance


def _first_business(wanted: bool) -> Check:
    def first_business(ctx: Ctx) -> Outcome:
        this = ctx.spell
        earlier = [
            s
            for s in ctx.facts.spells
            if s.form == "自主创业" and s.start_date < ctx.event_date and s is not this
        ]
        if earlier:
            return Outcome(
                not wanted, lambda: f"此前已有创业记录（{written(earlier[0].start_date)}起）"
            )
        return Outcome(wanted, "首次创业")

    return first_business


def _training(need: int) -> Check:
    def training(ctx: Ctx) -> Outcome:
        days = ctx.service.training_days if ctx.service else None
        return Outcome((days or 0) >= need, lambda: f"培训{days or 0}天（要求≥{need}天）")

    return training


def _stable(months: int) -> Check:
    def stable(ctx: Ctx) -> Outcome:
        spell = ctx.spell
        if spell is None:
            return Outcome(False, "没有就业记录")
        start, end = spell.start_date, spell.end_date
        ready = add_months(start, months)
        upto = min(end, ctx.on) if end else ctx.on
        got = whole_months_between(start, upto)
        if got >= months:
            return Outcome(
                True, lambda: f"稳定就业{got}个月（{written(start)}起，要求≥{months}个月）"
            )
        if end is not None and end < ready:
            return Outcome(
                False,
                lambda: f"该段就业{written(start)}至{written(end)}，仅{got}个月，不足{months}个月",
            )
        return Outcome(
            False,
            lambda: f"稳定就业 {got}/{months} 个月，{written(ready)}起可申请",
            ready_on=ready,
            hard=False,
        )

    return stable
