"""A rule's conditions as check functions, each explaining itself when asked.

A check looks at one qualifying event (an employment spell or a training) of one person, as of
a date, and returns an `Outcome`: met or not, the words (built only when an explanation is
wanted), and for conditions that only time will meet, the day they will be met.

The words are a sentence kept as its template and its parts (`fieldapp.domain.sentences`):
`Outcome.words()` is its Chinese, byte for byte what the judge always said (the reasons
saved with a claim, the papers, the command line); `Outcome.said()` is the sentence, which the
desktop says in the window's language (`held_words.sentence_shown`). The parts: days as `Day`,
the program's words (a category, a job's form, an employer's kind, where a job is from home)
as `Word`, what the ledger holds (a place, an employer, a number) as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from fieldapp.domain.dates import add_months, whole_months_between
from fieldapp.domain.places_said import say_place
from fieldapp.domain.regions import PlaceScope, place_scope
from fieldapp.domain.sentences import Day, Part, Word, listed, said, template
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
    #: When `categories` were held: the event's date, or the period paid (2026年度, a `Day`
    #: of kind "year"; 2026年3月, of kind "month").
    held_when: Part = ""

    @property
    def when(self) -> Part:
        """2025年3月1日 or 2026年度: the day (or period) the categories are judged on."""
        return self.held_when or Day(self.event_date)


Words = Part | Callable[[], Part]


@dataclass(frozen=True, slots=True)
class Outcome:
    """A check's verdict; `ready_on` is set when it is only a matter of time."""

    met: bool
    text: Words
    ready_on: dt.date | None = None
    hard: bool = True

    def said(self) -> Part:
        """The explanation as a sentence (built only when asked: the bulk path never needs
        it), said in the window's language by the desktop."""
        return self.text() if callable(self.text) else self.text

    def words(self) -> str:
        """The explanation in Chinese."""
        return str(self.said())


Check = Callable[[Ctx], Outcome]


def _words(values: Iterable[object]) -> Part:
    """The program's words (categories, forms, kinds, places from home) one after another
    (脱贫人口、退役军人), each said in the language shown."""
    return listed([Word(str(v), common=True) for v in values])


#: The program's words the reasons say as parts of their own (besides the categories, the
#: forms and the kinds a person's or a job's fields hold), said in the language shown.
SAID_WORDS: tuple[str, ...] = (
    *(str(scope) for scope in PlaceScope),
    "外出", "此前", "未登记", "地点未登记", "输出机构未登记",
)  # fmt: skip


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


# -- the reasons' sentences ----------------------------------------------------------------------

HELD = template("%1 属于%2")
HELD_OTHER = template("%1 属于%2，应按专门政策办理")
NOT_HELD = template("%1 不属于%2")
NOT_HELD_NOR_MOVED = template("%1 不属于%2，也没有乡镇外务工经历（农村转移劳动力）")
MOVED = template("有乡镇外务工经历（%1起在%2），属农村转移劳动力")
AGE = template("%1 时年龄%2岁（要求%3）")
AGES = template("%1—%2岁")
AGES_FROM = template("%1—不限岁")
YEARS = template("%1年")
MONTHS = template("%1个月")
NO_GRADUATION = template("未登记毕业年份（高校毕业生须登记毕业年份和离校月份）")
NOT_GRADUATED = template("%1年毕业，%2时尚未毕业")
GRADUATION_YEAR = template("%1年毕业，%2在毕业年度内")
NO_LEAVING_MONTH = template("%1年毕业，未登记离校月份，无法计算离校%2内（请登记离校月份）")
LEFT_WITHIN = template("%1离校，离校%2内即%3前；%4在此期间")
LEFT_BEYOND = template("%1离校，离校%2内即%3前；%4已超过")
NO_LEAVING = template("未登记毕业年份和离校月份，无法确认离校未就业")
WORKED_SINCE_LEAVING = template("离校后已于%1就业（%2），不属于离校未就业")
NOT_WORKED_SINCE_LEAVING = template("%1离校后至%2前未就业")
NOT_REGISTERED = template("%1前未登记失业")
REGISTERED = template("%1起登记失业")
REGISTERED_MONTHS = template("入职前登记失业%1个月（%2起，要求≥%3个月）")
FORM = template("就业形式为%1")
FORM_WANTED = template("就业形式为%1，要求%2")
KIND_UNSET = template("用人单位类型未登记（本项补贴限%1等）")
KIND = template("用人单位类型为%1")
KIND_WANTED = template("用人单位类型为%1，本项补贴限%2")
PLACE_UNSET = template("务工地点未登记，要求%1")
PLACE = template("务工地点%1，属%2")
PLACE_WANTED = template("务工地点%1，属%2，要求%3")
NO_JOB = template("没有就业记录")
WITHIN_MONTHS = template("近%1个月内")
WORKED_AWAY_BEFORE = template("%1已有%2务工经历（%3起在%4），不属于新%2务工")
NEW_AWAY = template("%1没有%2务工经历，属新%2务工")
NOTHING_BEFORE = template("入职前没有登记外出务工经历，不能认定为新返乡")
LAST_NOT_AWAY = template("入职前最近一段就业在%1（%2），不属于返乡")
STILL_AWAY = template("入职时在%1的务工（%2起）尚未结束")
RETURNED_LONG_AGO = template("%1结束在%2的务工，返乡已超过%3个月")
RETURNED = template("%1结束在%2的务工返乡，%3入职")
ORGANIZED = template("通过有组织劳务输出就业")
ORGANIZED_BY = template("通过有组织劳务输出就业（%1）")
NOT_ORGANIZED = template("非有组织劳务输出")
ORGANIZED_WANTED = template("不是通过有组织劳务输出就业")
ORGANIZED_UNWANTED = template("属有组织劳务输出")
FIRST_EXPORT = template("首次通过有组织劳务输出就业")
EXPORTED_BEFORE = template("此前已通过有组织劳务输出就业（%1起，%2），非首次")
NOT_FIRST_EXPORT = template("登记为非首次有组织劳务输出")
CASUAL = template("临时务工（临工）")
NOT_CASUAL = template("非临工")
AT_LEAST_MONTHS = template("≥%1个月")
AT_MOST_MONTHS = template("≤%1个月")
CONTRACT_UNSET = template("劳动合同（协议）期限未登记（要求%1）")
CONTRACT = template("劳动合同（协议）期限%1个月（要求%2）")
INSURANCE_UNSET = template("社会保险缴费月数未登记（要求≥%1个月）")
INSURANCE = template("缴纳社会保险%1个月（要求≥%2个月）")
BUSINESS_BEFORE = template("此前已有创业记录（%1起）")
FIRST_BUSINESS = template("首次创业")
TRAINING = template("培训%1天（要求≥%2天）")
STABLE = template("稳定就业%1个月（%2起，要求≥%3个月）")
TOO_SHORT = template("该段就业%1至%2，仅%3个月，不足%4个月")
STABLE_SO_FAR = template("稳定就业 %1/%2 个月，%3起可申请")


# -- who ------------------------------------------------------------------------------------------


def _categories_any(c: Conditions) -> Check:
    wanted = frozenset(str(x) for x in c.categories_any)
    names = _words(c.categories_any)
    or_transferred = c.or_rural_transferred

    def categories_any(ctx: Ctx) -> Outcome:
        held = wanted & ctx.categories
        if held:
            return Outcome(True, lambda: said(HELD, ctx.when, _words(sorted(held))))
        if or_transferred:
            moved = transferred_spell(ctx.facts, ctx.event_date)
            if moved is not None:
                return Outcome(
                    True, lambda: said(MOVED, Day(moved.start_date), where_worked(moved))
                )
            return Outcome(False, lambda: said(NOT_HELD_NOR_MOVED, ctx.when, names))
        return Outcome(False, lambda: said(NOT_HELD, ctx.when, names))

    return categories_any


def _categories_none(c: Conditions) -> Check:
    unwanted = frozenset(str(x) for x in c.categories_none)
    names = _words(c.categories_none)

    def categories_none(ctx: Ctx) -> Outcome:
        held = unwanted & ctx.categories
        if held:
            return Outcome(False, lambda: said(HELD_OTHER, ctx.when, _words(sorted(held))))
        return Outcome(True, lambda: said(NOT_HELD, ctx.when, names))

    return categories_none


def _age(low: int | None, high: int | None) -> Check:
    least = str(low if low is not None else 0)
    span = said(AGES, least, str(high)) if high is not None else said(AGES_FROM, least)

    def age(ctx: Ctx) -> Outcome:
        years = ctx.facts.age_on(ctx.event_date)
        ok = (low is None or years >= low) and (high is None or years <= high)
        # (the day as ISO text, as the judge always wrote it here)
        return Outcome(ok, lambda: said(AGE, str(ctx.event_date), str(years), span))

    return age


def _graduate_window(months: int) -> Check:
    """毕业年度, or within `months` counted from the month of leaving school (that month is the
    first): 离校2年内 of a July 2023 leaver runs to the end of June 2025."""
    years = said(YEARS, str(months // 12)) if months % 12 == 0 else said(MONTHS, str(months))

    def graduate_window(ctx: Ctx) -> Outcome:
        grad = ctx.facts.graduation_year
        day = ctx.event_date
        if grad is None:
            return Outcome(False, said(NO_GRADUATION))
        if day.year < grad:
            return Outcome(False, lambda: said(NOT_GRADUATED, str(grad), Day(day)))
        if day.year == grad:
            return Outcome(True, lambda: said(GRADUATION_YEAR, str(grad), Day(day)))
        left = ctx.facts.left_school_month
        if not left:
            return Outcome(False, lambda: said(NO_LEAVING_MONTH, str(grad), years))
        start = dt.date(int(left[:4]), int(left[5:7]), 1)
        ends = add_months(start, months)
        last = ends - dt.timedelta(days=1)
        return Outcome(
            day < ends,
            lambda: said(
                LEFT_WITHIN if day < ends else LEFT_BEYOND,
                Day(start, "month"),
                years,
                Day(last),
                Day(day),
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
        return Outcome(False, said(NO_LEAVING))
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
            lambda: said(
                WORKED_SINCE_LEAVING,
                Day(earlier.start_date),
                earlier.employer or Word(earlier.form),
            ),
        )
    return Outcome(
        True, lambda: said(NOT_WORKED_SINCE_LEAVING, Day(left, "month"), Day(ctx.event_date))
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
            return Outcome(False, lambda: said(NOT_REGISTERED, Day(day)))
        start = min(starts)
        got = whole_months_between(start, day)
        if months is None:
            return Outcome(True, lambda: said(REGISTERED, Day(start)))
        return Outcome(
            got >= months, lambda: said(REGISTERED_MONTHS, str(got), Day(start), str(months))
        )

    return registered


# -- where and for whom ---------------------------------------------------------------------------


def _forms(c: Conditions) -> Check:
    forms = frozenset(str(x) for x in c.forms)
    names = _words(c.forms)

    def form(ctx: Ctx) -> Outcome:
        got = ctx.spell.form if ctx.spell else ""
        if got in forms:
            return Outcome(True, lambda: said(FORM, Word(got, common=True)))
        return Outcome(False, lambda: said(FORM_WANTED, Word(got or "未登记", common=True), names))

    return form


def _employer_kinds(c: Conditions) -> Check:
    kinds = frozenset(str(x) for x in c.employer_kinds)
    names = _words(c.employer_kinds)

    def employer_kind(ctx: Ctx) -> Outcome:
        got = ctx.spell.employer_kind if ctx.spell else ""
        if not got:
            return Outcome(False, lambda: said(KIND_UNSET, names))
        if got in kinds:
            return Outcome(True, lambda: said(KIND, Word(got, common=True)))
        return Outcome(False, lambda: said(KIND_WANTED, Word(got, common=True), names))

    return employer_kind


def _place(c: Conditions) -> Check:
    scopes = frozenset(str(x) for x in c.place_scopes)
    names = _words(c.place_scopes)

    def place(ctx: Ctx) -> Outcome:
        spell = ctx.spell
        if spell is None or not spell.place_code:
            return Outcome(False, lambda: said(PLACE_UNSET, names))
        got = scope_of(ctx.facts, spell)
        scope = Word(got, common=True)
        if got in scopes:
            return Outcome(True, lambda: said(PLACE, where_worked(spell), scope))
        return Outcome(False, lambda: said(PLACE_WANTED, where_worked(spell), scope, names))

    return place


def _new_to_scope(c: Conditions) -> Check:
    """新（跨省）务工: no earlier spell in the same places (within the look-back, when given)."""
    scopes = frozenset(str(x) for x in c.place_scopes)
    names = _words(c.place_scopes) or Word("外出", common=True)
    lookback = c.new_lookback_months

    def new_to_scope(ctx: Ctx) -> Outcome:
        this = ctx.spell
        if this is None:
            return Outcome(False, said(NO_JOB))
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
        window = said(WITHIN_MONTHS, str(lookback)) if lookback else Word("此前")
        if earlier is not None:
            return Outcome(
                False,
                lambda: said(
                    WORKED_AWAY_BEFORE,
                    window,
                    names,
                    Day(earlier.start_date),
                    where_worked(earlier),
                ),
            )
        return Outcome(True, lambda: said(NEW_AWAY, window, names))

    return new_to_scope


def _newly_returned(within: int | None) -> Check:
    """新返乡: the previous spell was outside the home county and ended before this one."""

    def newly_returned(ctx: Ctx) -> Outcome:
        this = ctx.spell
        if this is None:
            return Outcome(False, said(NO_JOB))
        before = [s for s in ctx.facts.spells if s.id != this.id and s.start_date < this.start_date]
        if not before:
            return Outcome(False, said(NOTHING_BEFORE))
        last = max(before, key=lambda s: (s.start_date, s.id))
        where: Part = where_worked(last) or Word("地点未登记", common=True)
        scope = scope_of(ctx.facts, last)
        if scope not in _AWAY:
            return Outcome(
                False,
                lambda: said(LAST_NOT_AWAY, where, Word(scope or "地点未登记", common=True)),
            )
        if last.end_date is None or last.end_date >= this.start_date:
            return Outcome(False, lambda: said(STILL_AWAY, where, Day(last.start_date)))
        ended = last.end_date
        if within is not None and this.start_date > add_months(ended, within):
            return Outcome(False, lambda: said(RETURNED_LONG_AGO, Day(ended), where, str(within)))
        return Outcome(True, lambda: said(RETURNED, Day(ended), where, Day(this.start_date)))

    return newly_returned


# -- the job --------------------------------------------------------------------------------------


def _organized(wanted: bool) -> Check:
    def organized(ctx: Ctx) -> Outcome:
        spell = ctx.spell
        got = bool(spell and spell.organized_export)
        if got == wanted:
            agency = spell.export_agency if spell else ""
            if not got:
                return Outcome(True, said(NOT_ORGANIZED))
            return Outcome(
                True,
                lambda: said(ORGANIZED_BY, agency) if agency else said(ORGANIZED),
            )
        return Outcome(False, said(ORGANIZED_WANTED if wanted else ORGANIZED_UNWANTED))

    return organized


def _first_export(wanted: bool) -> Check:
    def first_export(ctx: Ctx) -> Outcome:
        spell = ctx.spell
        if spell is None:
            return Outcome(False, said(NO_JOB))
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
        text: Part
        if first:
            text = said(FIRST_EXPORT)
        elif earlier is not None:
            text = said(
                EXPORTED_BEFORE,
                Day(earlier.start_date),
                earlier.export_agency or Word("输出机构未登记", common=True),
            )
        else:
            text = said(NOT_FIRST_EXPORT)
        return Outcome(first == wanted, text)

    return first_export


def _casual(wanted: bool) -> Check:
    def casual(ctx: Ctx) -> Outcome:
        got = bool(ctx.spell and ctx.spell.is_casual)
        return Outcome(got == wanted, said(CASUAL if got else NOT_CASUAL))

    return casual


def _contract(low: int | None, high: int | None) -> Check:
    want = listed(
        [
            *([said(AT_LEAST_MONTHS, str(low))] if low else []),
            *([said(AT_MOST_MONTHS, str(high))] if high else []),
        ]
    )

    def contract(ctx: Ctx) -> Outcome:
        got = ctx.spell.contract_months if ctx.spell else None
        if got is None:
            return Outcome(False, lambda: said(CONTRACT_UNSET, want))
        ok = (low is None or got >= low) and (high is None or got <= high)
        return Outcome(ok, lambda: said(CONTRACT, str(got), want))

    return contract


def _insurance(need: int) -> Check:
    def insurance(ctx: Ctx) -> Outcome:
        got = ctx.spell.insurance_months if ctx.spell else None
        if got is None:
            return Outcome(False, lambda: said(INSURANCE_UNSET, str(need)))
        return Outcome(got >= need, lambda: said(INSURANCE, str(got), str(need)))

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
            return Outcome(not wanted, lambda: said(BUSINESS_BEFORE, Day(earlier[0].start_date)))
        return Outcome(wanted, said(FIRST_BUSINESS))

    return first_business


def _training(need: int) -> Check:
    def training(ctx: Ctx) -> Outcome:
        days = ctx.service.training_days if ctx.service else None
        return Outcome((days or 0) >= need, lambda: said(TRAINING, str(days or 0), str(need)))

    return training


def _stable(months: int) -> Check:
    def stable(ctx: Ctx) -> Outcome:
        spell = ctx.spell
        if spell is None:
            return Outcome(False, said(NO_JOB))
        start, end = spell.start_date, spell.end_date
        ready = add_months(start, months)
        upto = min(end, ctx.on) if end else ctx.on
        got = whole_months_between(start, upto)
        if got >= months:
            return Outcome(True, lambda: said(STABLE, str(got), Day(start), str(months)))
        if end is not None and end < ready:
            return Outcome(
                False, lambda: said(TOO_SHORT, Day(start), Day(end), str(got), str(months))
            )
        return Outcome(
            False,
            lambda: said(STABLE_SO_FAR, str(got), str(months), Day(ready)),
            ready_on=ready,
            hard=False,
        )

    return stable
