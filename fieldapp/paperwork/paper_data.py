"""What the papers print, read from the ledger: claims, batches, persons, households, areas.

Builds the view models of `fieldapp.paperwork.views` from the rows `fieldapp.store.queries.paper`
reads (the renderers never see the database). The print log is written by
`fieldapp.services.printing` and read by `fieldapp.store.queries.paper.print_log`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from fieldapp.domain import account as accounts
from fieldapp.domain import idnumber
from fieldapp.domain.areacode import AreaLevel, AreaRow, area_at, in_area
from fieldapp.domain.claims import (
    DROPPED_STATES,
    LOCKED_STATES,
    Batch,
    Claim,
    ClaimState,
    QualifyingFacts,
    on_roster,
)
from fieldapp.domain.dates import month_day, whole_months_between, written, written_text
from fieldapp.domain.dates import today as china_today
from fieldapp.domain.enums import HAS_LABOUR, OTHER_RURAL, AreaKind, WorkStatus
from fieldapp.domain.errors import FieldappError, NotFound, ValidationFailed
from fieldapp.domain.models import EmploymentSpell, Household, Person, ServiceRecord
from fieldapp.domain.money import yuan
from fieldapp.domain.month import Month
from fieldapp.domain.places_said import PlaceWording, say_place
from fieldapp.domain.regions import region_name
from fieldapp.domain.sentences import Part, said
from fieldapp.paperwork.masking import posted_categories
from fieldapp.paperwork.notes_said import (
    ALL_DROPPED,
    BLANK,
    DOUBTFUL_ACCOUNT,
    DOUBTFUL_ACCOUNTS,
    DROPPED,
    GONE,
    MOVED_ACCOUNT,
    MOVED_BANK,
    NO_CLAIMS,
    NO_HOUSEHOLDS,
    NO_SUCH_VILLAGE,
    NONE_APPROVED,
    NOT_A_VILLAGE,
    NOT_APPROVED,
    NothingToPrint,
    notes,
    some,
    some_people,
    told_apart,
)
from fieldapp.paperwork.settings import PaperSettings, from_meta
from fieldapp.paperwork.views import (
    UNNOTED,
    Attachment,
    CertificateView,
    Fact,
    FormView,
    HouseholdMonth,
    MemberMonth,
    PersonView,
    RosterRow,
    RosterView,
    VisitSheetView,
)
from fieldapp.policy.citations import official
from fieldapp.policy.guard import pack_title
from fieldapp.policy.workdays import WorkCalendar
from fieldapp.reference import divisions
from fieldapp.services.actor import actor_of
from fieldapp.store.ledger_kind import is_demo
from fieldapp.store.queries import paper as paper_rows
from fieldapp.store.queries.claims import ClaimQueries

if TYPE_CHECKING:
    from fieldapp.policy.pack import Policy
    from fieldapp.store.ledger import Ledger

#: A claim's subsidy on its 申请表 when neither the claim nor the pack in force names it (a claim
#: a tampered or old program made): 补贴申请表, as a form of several subsidies is titled; never
#: the rule's id, which is for machines.
UNTITLED = "补贴"
#: Claims a batch's papers leave off: nobody is to be paid for them.
_DROPPED = DROPPED_STATES

#: The reviews a claim in each state has passed (a public notice names those all its rows have).
_REVIEWS: dict[ClaimState, tuple[str, ...]] = {
    ClaimState.VILLAGE_REVIEWED: ("村级初审",),
    ClaimState.TOWNSHIP_REVIEWED: ("村级初审", "乡镇审核"),
    ClaimState.COUNTY_APPROVED: ("村级初审", "乡镇审核"),
    ClaimState.PAID: ("村级初审", "乡镇审核"),
}


def _written_place(name: str | None, code: str | None) -> str:
    """The place written with a job; '' when none is, or when it is only its code's digits
    (as the demo and old sheets write it): the code is then said by name."""
    written = (name or "").strip()
    return "" if written.isdigit() and code else written


#: Facts of a form a roster row does not repeat in its 资格条件: the rule's figure (in the
#: basis above the table) and the month or year paid (a column of its own).
_NOT_IN_FACT = frozenset({"补贴标准", "发放月份", "发放年度"})


def _reviews_passed(claims: Sequence[Claim]) -> tuple[str, ...]:
    """The reviews every one of `claims` has passed (none while one is only submitted)."""
    passed = [_REVIEWS.get(c.state, ()) for c in claims]
    return min(passed, key=len) if passed else ()


def common_area(codes: Sequence[str]) -> str:
    """The smallest village, township or county holding every code: the area a batch made
    without one covers (a county-wide batch is the county's, not its first claim's township)."""
    for level in (AreaLevel.VILLAGE, AreaLevel.TOWNSHIP, AreaLevel.COUNTY):
        heads = {area_at(code, level) for code in codes}
        if len(heads) == 1 and len(head := heads.pop()) == level.value:
            return head
    return ""


def _nothing_to_print(batch: Batch, dropped: Part) -> NothingToPrint:
    """Why a batch has no paper to print (`dropped`: what its papers leave off, or '')."""
    if str(dropped):
        return NothingToPrint(said(ALL_DROPPED, batch.name() or batch.number, dropped))
    return NothingToPrint(said(NO_CLAIMS, batch.name() or batch.number))


#: Per person id, what is due this month (from the policy engine's due list), as short texts.
DueLookup = Callable[[str], Sequence[str]]


def _visit_said(visit: Mapping[str, Any]) -> str:
    """A visit as the sheet's 本月走访 says it: its day (10月5日, as the heading's 2026年10月
    says the month) on a line, who went and what came of it from the start of the next, so
    the narrow column never cuts the visitor's name (欧阳志 / 强)."""
    said = f"{visit['visitor'] or ''} {visit['outcome'] or ''}".strip()
    return f"{_said_day(visit['visit_date'])}\n{said}".strip()


def _said_day(text: str | None) -> str:
    """A stored day of the sheet's month as the sheet says it (10月5日); odd text as it is."""
    try:
        day = _day(text)
    except ValueError:
        day = None
    return month_day(day) if day else str(text or "")


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text[:10]) if text else None


def _coded(place: str, code: str) -> str:
    """`place` with the code it was found by in brackets, as a clerk writes it: one bracket,
    the code beside the county it belongs to — a retired county's 水城县（今水城区） becomes
    水城县（520221101，今水城区）, not 水城县（今水城区）（520221101）."""
    if place.endswith("）") and "（今" in place:
        before, now = place[:-1].rsplit("（今", 1)
        return f"{before}（{code}，今{now}）"
    return f"{place}（{code}）"


def _months(n: Any) -> str:
    return f"{n} 个月" if n not in (None, "") else ""


def _number(value: float | None) -> str:
    """A figure as people write it: 4500, 4500.5 (not 4500.0), rounded half up to the fen as
    the window and the rosters say it (12345.665 → 12345.67)."""
    if not value:
        return ""
    return yuan(value)


def _after_paid(claim: Claim) -> dt.date | None:
    """The day after the month (year) a monthly (yearly) subsidy's claim pays: its months in
    post are counted to the end of the month paid (July to December is 6), not to the morning of
    the day it was judged on — yet never past the end of that day: January's (2027's) claimed
    on 4 January counts to then, not to the month's (year's) end still to come. None for a
    one-time subsidy."""
    kind, _, period = claim.limit_key.rpartition("|")[2].partition(":")
    if kind == "month" and re.fullmatch(r"\d{4}-\d{2}", period):
        after = Month(period).last_day + dt.timedelta(days=1)
    elif kind == "year" and re.fullmatch(r"\d{4}", period):
        after = dt.date(int(period) + 1, 1, 1)
    else:
        return None
    judged = claim.claim_date
    return min(after, judged + dt.timedelta(days=1)) if judged else after


def paid_month(claim: Claim) -> Month | None:
    """The month a subsidy paid by the month pays (its limit's period: '…|month:2026-12' →
    2026-12), None for any other."""
    kind, _, period = claim.limit_key.rpartition("|")[2].partition(":")
    return (
        Month(period)
        if kind == "month" and re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", period)
        else None
    )


#: The words counties name a paper of attendance by (当月考勤记录, 考勤表, 出勤表, 出勤记录,
#: 签到表, 打卡记录): for a subsidy paid by the month, the month's. A county pack lists its
#: papers as plain names (`Rule.evidence`), declaring no kind; these words, or a name the rule
#: itself gives the month (当月…, 本月…), are how its month's paper is known.
ATTENDANCE = ("考勤", "出勤", "签到", "打卡")

#: A paper the rule names as the month's: 当月工资发放记录, 本月签到表.
_THE_MONTHS = re.compile(r"^(?:当月|本月)")


def of_the_month(item: str) -> bool:
    """Whether a rule's paper covers the month a subsidy paid by the month pays: one the rule
    names as the month's (当月…, 本月…), or one of attendance by any word counties use."""
    return bool(_THE_MONTHS.match(item.strip())) or any(word in item for word in ATTENDANCE)


def attendance_so_far(
    form: FormView, month: Month | None, today: dt.date, calendar: WorkCalendar
) -> FormView:
    """The form as printed on `today`: a month's paper (乡村公益性岗位补贴's 当月考勤记录, a
    county's 出勤表 or 签到表: `of_the_month`) covers the month to `today` when the form is
    printed before the month's last working day — '考勤记录（截至12月4日）：已附' — not the
    whole month, which has not yet been worked: a claim is made in the month it pays (its
    申请日期's), early in it as often as not. Printed on that last working day or after it,
    the form names the paper as the rule does."""
    if month is None or today > month.last_day:
        return form
    last = month.last_day
    while last > month.first_day and not calendar.is_workday(last):
        last -= dt.timedelta(days=1)
    if today >= last:
        return form
    so_far = f"（截至{month_day(today)}）"

    def said(item: str) -> str:
        if not of_the_month(item):
            return item
        return _THE_MONTHS.sub("", item.strip()) + so_far

    evidence = tuple(dataclasses.replace(a, item=said(a.item)) for a in form.evidence)
    return dataclasses.replace(form, evidence=evidence)


def made_on(claim: Claim) -> str:
    """The day the claim was made, as printed under 申请日期: the making laptop's own day
    (`Claim.made_on`; a month's subsidy is claimed after the month, judged on the month's last
    day: `claim_date` is that judging day, not the day anyone applied) — as the blank beside
    it (年 月 日) writes it: 2027年1月5日."""
    made = claim.made_on()
    return written(made) if made else ""


#: '县定标准、执行至2027年12月31日（某县人社局 某人社通〔2026〕20号，2026年12月10日）': one
#: county document setting the figure and extending the rule (`Rule.citation`); group 1 the
#: extension, group 2 the document's number; read as printed (`official`: a claim judged before
#: keeps 执行至 2027-12-31（…，2026-12-10）, written alike).
_FIGURE_AND_EXTENSION = re.compile(
    r"^县定标准、(执行至[^\s（]+（(?:[^（）]* )?([^ （）]+?)(?:，\d{4}年\d{1,2}月\d{1,2}日)?）)$"
)


def batch_basis(claims: Sequence[Claim]) -> str:
    """The policy basis a batch's papers cite: every document its claims were judged on, once.

    A batch may span the county's editions — December's post subsidy paid on the figure of one
    notice, January's on a later one that also extends the rule: each figure's document is then
    named with the months (or year) it pays, '县定标准：某人社通〔2026〕3号（2026年12月）、
    某人社通〔2026〕20号（2027年1月）', and each extension once.
    """
    # Each as printed (`official`): a claim judged before keeps its extension's days in ISO.
    cited = [official(c.source_clause) for c in claims]
    clauses = list(dict.fromkeys(c for c in cited if c))
    if len(clauses) <= 1:
        return clauses[0] if clauses else ""
    parts: dict[str, None] = {}
    figures: dict[str, dict[str, None]] = {}  # document → the periods paid on it
    in_order = sorted(zip(claims, cited, strict=True), key=lambda c: c[0].claim_date or dt.date.min)
    for claim, clause in in_order:  # months in order
        for part in (p for p in clause.split("；") if p):
            both = _FIGURE_AND_EXTENSION.match(part)
            number = part.removeprefix("县定标准：") if part.startswith("县定标准：") else ""
            if both:
                part, number = both.group(1), both.group(2)
            if number:
                parts.setdefault("县定标准", None)  # where the figures are cited
                figures.setdefault(number, {})[claim.paid_for()] = None
                if not both:
                    continue
            parts.setdefault(part, None)
    periods = all(all(figures[n]) for n in figures) and len(figures) > 1
    said = "、".join(f"{n}（{'、'.join(p)}）" if periods else n for n, p in figures.items())
    return "；".join(f"县定标准：{said}" if p == "县定标准" else p for p in parts)


class PaperData:
    """Reads the ledger into paper view models; one instance per print job (it caches)."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.claims = ClaimQueries(ledger)
        self._areas: dict[str, dict[str, Any] | None] = {}
        self._persons: dict[str, dict[str, Any] | None] = {}
        self._households: dict[str, dict[str, Any] | None] = {}
        #: person id → (name, ID number, village), for each person printed whose account Excel had rounded (its
        #: digits past the 15th lost): printed blank, to be written in by hand (`account_note`).
        self.doubtful_accounts: dict[str, tuple[str, str, str]] = {}
        #: claim id → ((name, ID number, village), 账号 or 开户银行, as kept at approval, as the person's row has it
        #: now; accounts `brief`), for each approved (paid) claim printed whose person's account
        #: changed since: the kept one is printed, the clerk asked to check (`moved_notes`).
        self.moved_accounts: dict[str, tuple[tuple[str, str, str], str, str, str]] = {}
        #: claim id → its form, made once: a batch's roster and its forms share them.
        self._forms: dict[str, FormView] = {}
        #: The pack in force, read when a claim with no title is printed (False: none read).
        self._policy: Policy | Literal[False] | None = None

    # -- settings -----------------------------------------------------------------------------

    def settings(self, area_code: str = "") -> PaperSettings:
        """The county's wording from meta keys `paper.*`; the county name from the area tree."""
        settings = from_meta(self.ledger.get_meta)
        if is_demo(self.ledger):
            settings = dataclasses.replace(settings, demo=True)
        if not settings.county_name and area_code:
            county = self._ancestor(area_code, AreaKind.COUNTY)
            if county:
                settings = dataclasses.replace(settings, county_name=county["name"])
        generic = PaperSettings.objection_contact
        township = self._ancestor(area_code, AreaKind.TOWNSHIP) if area_code else None
        if settings.objection_contact == generic and township:
            # The placeholder names no office a villager could find: the township's centre.
            office = generic.replace("乡镇（街道）", str(township["name"]), 1)
            settings = dataclasses.replace(settings, objection_contact=office)
        return settings

    # -- areas, persons, households -----------------------------------------------------------

    def _area(self, code: str) -> dict[str, Any] | None:
        if code not in self._areas:
            self._areas[code] = paper_rows.area(self.ledger, code)
        return self._areas[code]

    def _lineage(self, code: str | None) -> list[dict[str, Any]]:
        """The area and its ancestors, nearest first (the code's prefixes when rows are missing)."""
        chain: list[dict[str, Any]] = []
        seen: set[str] = set()
        while code and code not in seen:
            seen.add(code)
            area = self._area(code)
            if area is None:
                break
            chain.append(area)
            code = area["parent_code"]
        return chain

    def _ancestor(self, code: str, kind: AreaKind) -> dict[str, Any] | None:
        return next((a for a in self._lineage(code) if a["kind"] == kind.value), None)

    def _listed(self, code: str) -> AreaRow | None:
        """The ledger's area `code` as `say_place` reads it (None where it is not listed)."""
        area = self._area(code)
        if area is None:
            return None
        return AreaRow(code, area["name"], area["kind"], area["parent_code"])

    def place_of(self, code: str, *, with_code: bool = True) -> str:
        """A 户籍 code as a place: its path from the county where the ledger knows the area;
        else the nearest area it knows (or the county's name) with the code in brackets —
        `with_code=False` leaves the code out where a name was found (a job's place)."""
        for level in (AreaLevel.GROUP, AreaLevel.VILLAGE, AreaLevel.TOWNSHIP, AreaLevel.COUNTY):
            known = area_at(code, level)
            if self._area(known) is not None:
                path = say_place(known, divisions(), self._listed)
                return path if known == code or not with_code else _coded(path, code)
        county = region_name(code)
        if county and len(code) > 6 and with_code:
            return _coded(county, code)
        return county or code

    def work_place(self, spell: EmploymentSpell) -> str:
        """Where a job is, as the forms say it: the place written with it, else its code's
        name (浙江省宁波市北仑区) — a 花名册 printed 330206 for a job recorded by code alone,
        or by its code written as its place (as the demo and old sheets have it)."""
        written = _written_place(spell.place_name, spell.place_code)
        if written:
            return written
        return self.place_of(spell.place_code, with_code=False) if spell.place_code else ""

    def place_near(self, place: str, area_code: str) -> str:
        """A job's place as a sheet of `area_code` says it: one in the area's own county from
        below the county (龙坑街道, not 贵州省遵义市播州区龙坑街道 in a narrow column), any
        other whole; the county itself stays named."""
        county = area_at(area_code, AreaLevel.COUNTY)
        name = say_place(county, divisions(), self._listed)
        above = region_name(county) or say_place(county, divisions())  # its province and city
        at = place.find(name) if name else -1
        if at < 0 or not above.startswith(place[:at]):
            return place
        return place[at + len(name) :].lstrip() or place

    def unit_near(self, unit: str, area_code: str) -> str:
        """A unit or post as a sheet of `area_code` says it: one named after the area's own
        county from below the county (公益性岗位（保洁员）, not 威宁彝族回族苗族自治县公益性岗位
        （保洁员） in a narrow column), any other whole; a unit that is only the county's
        name stays named."""
        county = area_at(area_code, AreaLevel.COUNTY)
        listed = self._listed(county)
        names = (
            say_place(county, divisions(), self._listed),
            divisions().full_name(county),
            divisions().name(county) or "",
            listed.name if listed else "",
        )
        for name in sorted({n for n in names if n and n != county}, key=len, reverse=True):
            if unit.startswith(name) and unit[len(name) :].strip():
                return unit[len(name) :].strip()
        return unit

    def _person(self, person_id: str) -> dict[str, Any] | None:
        if person_id not in self._persons:
            self._persons[person_id] = paper_rows.row(self.ledger, Person, person_id)
        return self._persons[person_id]

    def _household(self, household_id: str | None) -> dict[str, Any] | None:
        if not household_id:
            return None
        if household_id not in self._households:
            self._households[household_id] = paper_rows.row(self.ledger, Household, household_id)
        return self._households[household_id]

    def _categories(self, person_id: str, first: dt.date, last: dt.date) -> list[str]:
        """Categories held on any day between first and last, in a stable order."""
        held = [
            r["category"]
            for r in paper_rows.categories(self.ledger, person_id)
            if (not r["start_date"] or r["start_date"] <= last.isoformat())
            and (not r["end_date"] or r["end_date"] >= first.isoformat())
        ]
        return list(dict.fromkeys(held))

    def person_view(
        self,
        person_id: str,
        *,
        on: dt.date | None = None,
        name: str = "",
        id_number: str = "",
        kept: Mapping[str, Any] | None = None,
    ) -> PersonView:
        """A person as printed; `name`/`id_number` frozen on a claim win over the current row,
        as do the bank and account an approved claim `kept` (`approved_bank`/`_account`)."""
        row = self._person(person_id) or {}
        if kept is not None:
            row = {
                **row,
                "account_bank": kept.get("approved_bank") or "",
                "account_number": kept.get("approved_account") or "",
            }
        number = id_number or row.get("id_number") or ""
        sex, birth = "", ""
        try:
            info = idnumber.validate(number)
            # 出生年月 as the form writes its other days: 1980年5月 (it read 1980-05).
            sex, birth = info.sex, Month.of(info.birth_date).label()
        except Exception:  # noqa: BLE001 - an odd number still prints, as it is
            pass
        household = self._household(row.get("household_id"))
        address = ""
        if household:
            address = " ".join(
                x
                for x in (
                    say_place(household["area_code"], divisions(), self._listed),
                    household.get("address"),
                )
                if x
            )
        home = ""
        hukou = row.get("hukou_code") or ""
        if hukou and not (household and in_area(household["area_code"], hukou)):
            home = self.place_of(hukou)
        day = on or china_today()
        account_number = row.get("account_number") or ""
        if accounts.excel_rounded(account_number):
            village = (
                self._area_name_of(household["area_code"], AreaKind.VILLAGE, AreaKind.SITE)
                if household
                else ""
            )
            self.doubtful_accounts[person_id] = (name or row.get("name") or "", number, village)
            account_number = ""
        return PersonView(
            name=name or row.get("name") or "",
            id_number=number,
            sex=sex,
            birth=birth,
            phone=row.get("phone") or "",
            address=address,
            home=home,
            categories=tuple(self._categories(person_id, day, day)),
            account_bank=row.get("account_bank") or "",
            account_number=account_number,
        )

    # -- claims and batches -------------------------------------------------------------------

    def account_note(self, person_ids: Sequence[str] | None = None) -> Part:
        """What to say of the accounts printed blank (of `person_ids`, default all read), or
        ''; the persons named."""
        people = [
            person
            for pid, person in self.doubtful_accounts.items()
            if person_ids is None or pid in person_ids
        ]
        # Namesakes told apart by their ID numbers' tails; "account … is" of one person.
        names = told_apart(people)
        kind = DOUBTFUL_ACCOUNT if len(names) == 1 else DOUBTFUL_ACCOUNTS
        doubtful = said(kind, some_people(names, 10)) if names else ""
        return notes(doubtful, *self.moved_notes())

    def claim(self, claim_id: str) -> Claim:
        """One claim (a unique id prefix is accepted)."""
        return self.claims.get(claim_id)

    def batch(self, batch_id: str) -> Batch:
        """One batch, or NotFound."""
        return self.claims.batch(batch_id)

    def batch_area(self, batch: Batch) -> str:
        """The area the batch's papers speak for on this ledger: the batch's own, or, on a
        device enrolled for an area inside it (a village holding its own claims of the
        township's or the county's batch, and only those), the device's area: it prints and
        posts the notice of its part, under its own name."""
        scope = actor_of(self.ledger).scope
        inside = bool(scope) and scope != batch.area_code and in_area(scope, batch.area_code)
        return scope if batch.area_code and scope and inside else batch.area_code

    def batch_claims(self, batch_id: str) -> list[Claim]:
        """The batch's claims still to be paid or paid, in roster order (township, village,
        then name): a claim rejected or reversed after it was batched is left off its papers,
        and one not yet paid of a person deleted since."""
        batch_id = self.batch(batch_id).id
        claims = [
            c
            for c in self.claims.batch_claims(batch_id)
            if c.state not in _DROPPED and not self._person_gone(c)
        ]
        return sorted(claims, key=lambda c: (c.area_code, c.person_name, c.id_number))

    def _person_gone(self, claim: Claim) -> bool:
        """True when `claim`, not yet paid, is of a person deleted from the ledger since: the
        roster pays no one the ledger no longer holds (a paid claim is printed as it was)."""
        if claim.state is ClaimState.PAID:
            return False
        person = self._person(claim.person_id)
        return person is not None and bool(person.get("deleted"))

    def dropped_note(self, batch_id: str) -> Part:
        """What the batch's papers leave off (claims rejected or reversed since, claims not yet
        paid of persons deleted since), or ''."""
        batch_id = self.batch(batch_id).id
        claims = self.claims.batch_claims(batch_id)
        dropped = [c for c in claims if c.state in _DROPPED]
        gone = [c for c in claims if c.state not in _DROPPED and self._person_gone(c)]
        # Namesakes told apart (by their ID numbers' tails, the village where those are alike).
        left_off = [
            said(kind, str(len(claims)), some(told_apart([self._who(c) for c in claims]), 5))
            for kind, claims in ((DROPPED, dropped), (GONE, gone))
            if claims
        ]
        return notes(*left_off)

    def waiting_note(self, batch_id: str) -> Part:
        """What the batch's 发放花名册 leaves off as not yet approved: its claims listed on its
        other papers (`batch_claims`) the county has not approved (nor paid), or ''."""
        waiting = on_roster(self.batch_claims(batch_id)).waiting
        if not waiting:
            return ""
        # Each person once (one paid for two months is one name), namesakes told apart.
        names = told_apart(list(dict.fromkeys(self._who(c) for c in waiting)))
        return said(NOT_APPROVED, str(len(waiting)), some(names, 5))

    def _who(self, claim: Claim) -> tuple[str, str, str]:
        """A claim's person as a note names them (`told_apart`): name, ID number, village."""
        village = self._area_name_of(claim.area_code, AreaKind.VILLAGE, AreaKind.SITE)
        return claim.person_name, claim.id_number, village

    def _service(self, service_id: str | None) -> dict[str, Any] | None:
        return paper_rows.row(self.ledger, ServiceRecord, service_id) if service_id else None

    def form(self, claim: Claim | str) -> FormView:
        """The application form of one claim."""
        if isinstance(claim, str):
            claim = self.claim(claim)
        if claim.id not in self._forms:
            self._forms[claim.id] = self._form(claim)
        return self._forms[claim.id]

    def _form(self, claim: Claim) -> FormView:
        facts = claim.facts
        on = claim.event_date or claim.claim_date or china_today()
        kept = self._kept(claim)
        person = self.person_view(
            claim.person_id, on=on, name=claim.person_name, id_number=claim.id_number, kept=kept
        )
        if facts.categories:
            person = dataclasses.replace(person, categories=facts.categories)
        if not person.categories:
            # Of none of the groups: the ledger's people are all its rural labour, and a blank
            # 人员类别 is a box the township sends back (the 其他农村劳动力 subsidies' own words).
            person = dataclasses.replace(person, categories=(OTHER_RURAL,))
        return FormView(
            claim_id=claim.id,
            rule_title=claim.rule_title or self._pack_title(claim.rule_id) or UNTITLED,
            person=person,
            amount=float(claim.amount or 0),
            facts=tuple(self.fact_list(claim, facts)),
            source_clause=claim.source_clause,
            pack_version=claim.pack_version,
            payee=str(claim.payee),
            payee_name=claim.payee_name,
            funding_source=claim.funding_source,
            event_date=claim.event_date.isoformat() if claim.event_date else "",
            claim_date=made_on(claim),
            state=str(claim.state),
            batch_id=claim.batch_id or "",
            number=claim.number,
            batch_number=self._batch_number(claim.batch_id),
            township=self._area_name_of(claim.area_code, AreaKind.TOWNSHIP),
            village=self._area_name_of(claim.area_code, AreaKind.VILLAGE, AreaKind.SITE),
            village_label="安置点" if self._in_site(claim.area_code) else "村（社区）",
            evidence=tuple(Attachment(k, v) for k, v in claim.evidence_items().items()),
            missing_reason=claim.missing_evidence_reason if claim.missing_evidence() else "",
        )

    def _pack_title(self, rule_id: str) -> str:
        """The title the pack in force gives rule `rule_id` ('' when it holds none, or no pack
        can be read: the form is still printed, with `UNTITLED`)."""
        return pack_title(self.policy(), rule_id)

    def working_ages(self) -> tuple[int, int]:
        """Working age as the policy in force sets it (as the 月报, the 户级责任清单 and the
        待办 count it), 16–60 when no pack can be read."""
        policy = self.policy()
        if policy is None:
            return 16, 60
        return (
            int(policy.deadline("working_age_min", 16)),
            int(policy.deadline("working_age_max", 60)),
        )

    def policy(self) -> Policy | None:
        """The policy in force (None when no pack can be read: the papers still print)."""
        if self._policy is None:
            from fieldapp.services.policy_admin import policy_in_force

            try:
                self._policy = policy_in_force(self.ledger)
            except FieldappError:
                self._policy = False
        return self._policy or None

    def work_calendar(self) -> WorkCalendar:
        """Working days as the policy in force counts them (its year's holiday schedule), else
        the statutory calendar."""
        policy = self.policy()
        return WorkCalendar(policy.calendar) if policy is not None else WorkCalendar()

    def _batch_number(self, batch_id: str | None) -> str:
        """The number of a claim's batch ('' when it has none, or one this ledger lacks)."""
        try:
            return self.batch(batch_id).number if batch_id else ""
        except NotFound:
            return ""

    def _kept(self, claim: Claim) -> dict[str, str] | None:
        """The bank and account `claim` is paid to when the county has approved it: those kept
        at approval (None when it is not approved, or was before they were kept: the person's
        own are printed). A person's account changed since is noted (`moved_accounts`)."""
        kept = {"approved_bank": claim.approved_bank, "approved_account": claim.approved_account}
        if claim.state not in LOCKED_STATES or not any(kept.values()):
            return None
        row = self._person(claim.person_id)
        if not accounts.same_account(kept, row):
            now = accounts.kept_account(row)
            name, number, village = self._who(claim)
            who = (name or str((row or {}).get("name") or ""), number, village)
            field = "approved_account"
            if accounts.normalise(kept[field]) != accounts.normalise(now[field]):
                then, is_now = accounts.brief(kept[field]), accounts.brief(now[field])
                self.moved_accounts[claim.id] = (who, "账号", then, is_now)
            else:  # the same number at another bank
                then, is_now = kept["approved_bank"], now["approved_bank"]
                self.moved_accounts[claim.id] = (who, "开户银行", then, is_now)
        return kept

    def moved_notes(self, claim_ids: Sequence[str] | None = None) -> tuple[Part, ...]:
        """One line for each claim printed (of `claim_ids`, default all) whose person's account
        changed after the county approved it: the roster prints the account kept then.
        Namesakes are told apart (`told_apart`)."""
        moved = [
            moved
            for cid, moved in self.moved_accounts.items()
            if claim_ids is None or cid in claim_ids
        ]
        names = told_apart([who for who, *_rest in moved])
        return tuple(
            said(
                MOVED_ACCOUNT if what == "账号" else MOVED_BANK,
                name,
                then or said(BLANK),
                now or said(BLANK),
            )
            for name, (_who, what, then, now) in zip(names, moved, strict=True)
        )

    def _in_site(self, code: str) -> bool:
        """True when `code` lies in a relocation site: its papers say 安置点, not 村."""
        return self._ancestor(code, AreaKind.SITE) is not None

    def _area_name_of(self, code: str, *kinds: AreaKind) -> str:
        for kind in kinds:
            area = self._ancestor(code, kind)
            if area:
                return str(area["name"])
        return ""

    def fact_list(self, claim: Claim, facts: QualifyingFacts) -> list[Fact]:
        """The qualifying facts the rule used, labelled for the form."""
        out: list[Fact] = []
        paid = claim.paid_for()
        if paid:  # a subsidy paid by the month (year): which one this claim pays
            out.append(Fact("发放年度" if paid.endswith("年度") else "发放月份", paid))
        spell = facts.spell
        if spell is not None:
            start = spell.start_date
            # Counted to the claim's day (a monthly subsidy's: the end of the month it pays), or
            # to the job's end if it ended before: never past it to an agreement's end to come.
            upto = _after_paid(claim) or claim.claim_date or claim.event_date
            end = min(spell.end_date, upto) if spell.end_date and upto else spell.end_date or upto
            months = whole_months_between(start, end) if end and end >= start else None
            pairs = [
                # A job of the form's own county from below it (鸭溪镇), as the 一库五册
                ("务工地点", self.place_near(self.work_place(spell), claim.area_code)),
                ("用工单位", spell.employer),
                ("就业开始时间", written(start)),  # as the form's other days
                ("就业形式", spell.form.value),
                ("稳定就业月数", _months(months)),
                ("劳动合同期限", _months(spell.contract_months)),
                ("社保缴纳月数", _months(spell.insurance_months)),
                ("月收入（元）", _number(spell.monthly_income)),
            ]
            if spell.organized_export:
                pairs.append(("组织输出机构", spell.export_agency or "有组织劳务输出"))
            out += [Fact(label, value) for label, value in pairs if value]
        service = self._service(facts.event_id) if spell is None else None
        if service:
            out.append(Fact("服务项目", service.get("service_type") or ""))
            out.append(Fact("服务日期", written_text(service.get("service_date"))))
            if service.get("training_days"):
                out.append(Fact("培训天数", f"{service['training_days']} 天"))
        if claim.event_date and spell is None and not service:
            out.append(Fact("资格事件日期", written(claim.event_date)))
        if facts.amount_rule:
            out.append(Fact("补贴标准", official(facts.amount_rule)))
        return out

    def roster(self, batch_id: str, *, paying: bool = False) -> RosterView:
        """The batch's roster rows (full ID numbers and accounts: not for posting): every claim
        its papers list (`batch_claims`), the 公示表's and the 申请表's; `paying`, the 发放花名册's,
        only those the county approved or paid (`ROSTER_STATES`), saying above its table how
        many it leaves off as not yet approved, and who."""
        batch = self.batch(batch_id)
        claims = self.batch_claims(batch.id)
        waiting: Part = ""
        if paying:
            waiting = self.waiting_note(batch.id)
            claims = on_roster(claims).listed
            if not claims and str(waiting):
                left_off = notes(waiting, self.dropped_note(batch.id))
                raise NothingToPrint(said(NONE_APPROVED, batch.name() or batch.number, left_off))
        if not claims:
            raise _nothing_to_print(batch, self.dropped_note(batch.id))
        lines: list[RosterRow] = []
        spells = 0
        for claim in claims:
            form = self.form(claim)
            spell = claim.facts.spell
            # One of the roster's own county from below it (鸭溪镇), as on the form.
            place = (
                self.place_near(self.work_place(spell), claim.area_code)
                if spell is not None
                else ""
            )
            # The month (year) a claim pays has its column (发放月份), not the place's.
            paid = claim.paid_for()
            if spell is not None and place:
                spells += 1
                fact = f"{place}（{spell.employer}）" if spell.employer else place
            else:
                # What the claim pays for: the service and its day, and for a training paid
                # by the day its days (the amount is checked against them); the figure is the
                # rule's, in the basis above the table.
                shown = [f for f in form.facts if f.label not in _NOT_IN_FACT][:3]
                fact = "；".join(f"{f.label}：{f.value}" for f in shown)
            account, payee = form.person.account_number, ""
            if form.payee != "个人":
                account, payee = "", f"{form.payee}：{form.payee_name}"
            lines.append(
                RosterRow(
                    name=form.person.name,
                    sex=form.person.sex,
                    id_number=form.person.id_number,
                    categories="、".join(form.person.categories),
                    fact=fact,
                    amount=form.amount,
                    account=account,
                    # Its own source (the policy's, `claim_funding`); one naming none is
                    # 未注明, never paid from the source its batch names (set by whoever
                    # made or changed the batch, checked against no claim).
                    funding_source=claim.funding_source or UNNOTED,
                    claim_id=claim.id,
                    payee=payee,
                    village=form.village,
                    village_label=form.village_label,
                    paid_for=paid,
                )
            )
        title = claims[0].rule_title if claims else batch.name()
        clause = batch_basis(claims)
        area = self.batch_area(batch) or common_area([c.area_code for c in claims])
        return RosterView(
            batch_id=batch.id,
            title=title or batch.name(),
            rows=tuple(lines),
            batch_name=batch_name(batch),
            number=batch.number,
            area_name=say_place(area, divisions(), self._listed, PlaceWording.LOCAL)
            if area
            else "",
            fact_label="务工地点（用工单位）" if spells else "资格条件",
            funding_source=batch.funding_source,
            rule_clause=clause,
            pack_version="、".join(dict.fromkeys(c.pack_version for c in claims if c.pack_version)),
            reviewed=tuple(
                "安置点初审" if step == "村级初审" and area and self._in_site(area) else step
                for step in _reviews_passed(claims)
            ),
            notes=tuple(
                str(n) for n in (*self.moved_notes([c.id for c in claims]), waiting) if str(n)
            ),
        )

    # -- visit sheet ----------------------------------------------------------------------------

    def area_codes_under(self, code: str) -> list[str]:
        """The area and every area below it in the tree."""
        return paper_rows.area_codes_under(self.ledger, code)

    def visit_sheet(
        self, area_code: str, month: str, due: DueLookup | None = None
    ) -> VisitSheetView:
        """Every household of a village or site with its members' month."""
        days = Month(month)  # InvalidMonth: the one sentence (BAD_MONTH) with `said` set
        first, last = days.first_day, days.last_day
        if len(area_code) < 12:  # a county or township: the sheet is a village's or site's
            raise ValidationFailed(said(NOT_A_VILLAGE, self.place_of(area_code)))
        codes = self.area_codes_under(area_code)
        if self._area(area_code) is None and len(codes) <= 1:
            if not paper_rows.has_households_in(self.ledger, area_code):
                raise NotFound(said(NO_SUCH_VILLAGE, area_code))
        households = paper_rows.households_in(self.ledger, codes, area_code)
        members = self._members([h["id"] for h in households])
        # A household everyone left (moved to a site, died) is no one to visit.
        households = [h for h in households if members.get(h["id"])]
        if not households:
            where = say_place(area_code, divisions(), self._listed, PlaceWording.LOCAL)
            raise NothingToPrint(said(NO_HOUSEHOLDS, where))
        ids = [h["id"] for h in households]
        visits = _grouped(paper_rows.visits_between(self.ledger, ids, first, last), "household_id")
        person_ids = [p["id"] for ps in members.values() for p in ps]
        statuses = {
            r["person_id"]: r for r in paper_rows.statuses_in(self.ledger, person_ids, month)
        }
        services = _grouped(
            paper_rows.services_between(self.ledger, person_ids, first, last), "person_id"
        )
        spells = paper_rows.spells_between(self.ledger, person_ids, first, last)
        spell_by_person: dict[str, dict[str, Any]] = {}
        for s in sorted(spells, key=lambda s: s["start_date"]):
            spell_by_person[s["person_id"]] = s
        out: list[HouseholdMonth] = []
        for h in households:
            people = members.get(h["id"], [])
            rows = tuple(
                self._member_month(p, h, first, last, statuses, services, spell_by_person, due)
                for p in people
            )
            head = next((p for p in people if p["id"] == h["head_person_id"]), None)
            head = head or next((p for p in people if p["relation"] == "户主"), None)
            flags = [
                f for f, on in (("脱贫户", h["is_lifted"]), ("搬迁户", h["is_relocated"])) if on
            ]
            working = [
                (p["id"] in spell_by_person and p["id"] not in statuses) or m.status == _EMPLOYED
                for m, p in zip(rows, people, strict=True)
                if m.in_labour()
            ]
            # 零就业: has labour of working age (as the 月报 and the 户级责任清单 count it), and
            # nobody employed this month (by status, or by a job on record where the month's
            # status is not entered yet).
            zero = bool(working) and not any(working)
            out.append(
                HouseholdMonth(
                    household_no=h["household_no"] or "",
                    head_name=(head or (people[0] if people else {"name": ""}))["name"],
                    address=" ".join(
                        x
                        for x in (
                            say_place(
                                h["area_code"], divisions(), self._listed, PlaceWording.LOCAL
                            ),
                            h["address"],
                        )
                        if x
                    ),
                    flags="、".join(flags),
                    members=rows,
                    visits=tuple(
                        _visit_said(v)
                        for v in sorted(visits.get(h["id"], []), key=lambda v: v["visit_date"])
                    ),
                    zero_employment=zero,
                )
            )
        return VisitSheetView(
            area_code=area_code,
            area_name=say_place(area_code, divisions(), self._listed, PlaceWording.LOCAL),
            month=month,
            households=tuple(out),
            due_source="政策包待办清单" if due is not None else "",
            leader="安置点负责人" if self._in_site(area_code) else "村（社区）负责人",
        )

    def _members(self, household_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        order = {r: i for i, r in enumerate(_RELATION_ORDER)}
        found: dict[str, list[dict[str, Any]]] = {}
        for p in paper_rows.members(self.ledger, household_ids):
            found.setdefault(p["household_id"], []).append(p)
        for people in found.values():
            people.sort(key=lambda p: (order.get(p["relation"], 99), p["birth_date"] or ""))
        return found

    def _member_month(
        self,
        p: dict[str, Any],
        household: dict[str, Any],
        first: dt.date,
        last: dt.date,
        statuses: dict[str, dict[str, Any]],
        services: dict[str, list[dict[str, Any]]],
        spells: dict[str, dict[str, Any]],
        due: DueLookup | None,
    ) -> MemberMonth:
        status = statuses.get(p["id"])
        spell = spells.get(p["id"])
        age = ""
        birth = _day(p.get("birth_date"))
        if birth:
            age = str(last.year - birth.year - ((last.month, last.day) < (birth.month, birth.day)))
        work = ""
        if spell:
            work = " ".join(
                x
                for x in (
                    self.place_near(
                        _written_place(spell.get("place_name"), spell.get("place_code"))
                        or self.place_of(spell.get("place_code") or "", with_code=False),
                        str(household["area_code"]),
                    ),
                    spell.get("employer"),
                    spell.get("form"),
                    "临工" if spell.get("is_casual") else "",
                )
                if x
            )
        given = tuple(
            f"{_said_day(s['service_date'])} {s['service_type']}"
            for s in sorted(services.get(p["id"], []), key=lambda s: s["service_date"])
        )
        items = list(due(p["id"])) if due is not None else []
        ages = self.working_ages()
        working_age = age.isdigit() and ages[0] <= int(age) <= ages[1]
        labour = p["labour_ability"] in _LABOUR and working_age
        held = "、".join(self._categories(p["id"], first, last))
        if due is None and not status and labour:
            # Without the policy's due list, the one duty the ledger itself shows.
            items.append("本月状态待更新")
        text = status["status"] if status else ""
        if status and status.get("notes"):
            work = work or status["notes"]
        return MemberMonth(
            name=p["name"],
            sex=p.get("sex") or "",
            age=age,
            relation=p.get("relation") or "",
            # The sheet is carried door to door: no category that exposes a health or a past;
            # a 劳动力 of no group is named as his claim papers and the 一库五册 name him, and
            # so is one who holds only those (a blank would single him out).
            categories=posted_categories(held, OTHER_RURAL if labour else ""),
            labour_ability=p.get("labour_ability") or "",
            status=text,
            work=work,
            services=given,
            due=tuple(items),
            working_ages=ages,
        )

    # -- certificates ---------------------------------------------------------------------------

    def certificate(
        self, id_number: str, casual: bool | None = None, today: dt.date | None = None
    ) -> CertificateView:
        """A work certificate pre-filled from the person's latest employment spell.

        The wage is the job's monthly income as last said (`_wage`); 连续稳定就业 counts whole
        months of a spell still running.
        """
        today = today or china_today()
        person_id = self.person_id_of(id_number)
        person = self.person_view(person_id)
        spells = paper_rows.spells_of(self.ledger, person_id)
        wanted = [s for s in spells if casual is None or bool(s["is_casual"]) == casual]
        spell = wanted[0] if wanted else {}
        is_casual = bool(spell.get("is_casual")) if casual is None else casual
        income = self._wage(person_id, spell, spells, today) if spell else None
        start, end = _day(spell.get("start_date")), _day(spell.get("end_date"))
        running = start is not None and start <= today and (end is None or end >= today)
        stable = whole_months_between(start, today) if running and start else None
        return CertificateView(
            person=person,
            casual=is_casual,
            employer=spell.get("employer") or "",
            place=_written_place(spell.get("place_name"), spell.get("place_code"))
            or self.place_of(spell.get("place_code") or "", with_code=False),
            job="",
            # In the form of the 年 月 日 the employer dates it with (2026年3月1日).
            start_date=written(start) if start else "",
            end_date=written(end) if end else "",
            monthly_income=_number(income) if isinstance(income, (int, float)) else "",
            contract_months=str(spell.get("contract_months") or ""),
            insurance_months=str(spell.get("insurance_months") or ""),
            home_place=person.registered,
            stable_months=str(stable) if stable else "",
            counted_to=written(today) if stable else "",
            in_site=self._lives_in_site(person_id),
        )

    def _lives_in_site(self, person_id: str) -> bool:
        """True when the person's household lives in a relocation site."""
        household = self._household((self._person(person_id) or {}).get("household_id"))
        return household is not None and self._in_site(str(household["area_code"]))

    def _wage(
        self,
        person_id: str,
        spell: Mapping[str, Any],
        spells: Sequence[Mapping[str, Any]],
        today: dt.date | None = None,
    ) -> float | None:
        """The monthly income a certificate of `spell` attests, in this order:

        1. this month's, from the monthly update, when said no earlier than the job's own
           figure (or the job has none): what the job pays now, as said last — the job
           editor and `import --update` move it with the job's (`services.work.month_follows`),
           and one typed for this month since is the later word;
        2. the job's own monthly income: what the job pays, for a job still held and one
           ended alike;
        3. last month's, when the job has no figure: what it paid last month, the latest
           known. Never before the job's own — it is what was earned then, and a job's income
           edited since would print as it was.

        A month's figure is the job's when the month names it (`spell_id`), or names none
        and it is the person's latest started job running that month (the one its update was
        about); a month naming another job is that job's.
        """
        month = Month.of(today or china_today())
        said: dict[str, Mapping[str, Any]] = {}
        job_id = str(spell["id"])
        for row in paper_rows.month_incomes(
            self.ledger, person_id, [str(month), str(month.previous())], job_id
        ):
            if row.get("status") != _EMPLOYED or not row.get("income"):
                continue
            named = str(row.get("spell_id") or "")
            if (named or _latest_job_in(spells, Month(row["month"]))) == job_id:
                said[str(row["month"])] = row
        own = spell.get("monthly_income")
        now = said.get(str(month))
        if now is not None and (not own or now["income_at"] >= now["job_income_at"]):
            return float(now["income"])
        if own:
            return float(own)
        before = said.get(str(month.previous()))
        return float(before["income"]) if before is not None else None

    def person_id_of(self, id_number: str) -> str:
        """The person id for an ID number, or NotFound."""
        found = paper_rows.person_id_of(self.ledger, id_number)
        if found is None:
            raise NotFound(idnumber.not_in_ledger(id_number))
        return found


def _latest_job_in(spells: Sequence[Mapping[str, Any]], month: Month) -> str:
    """The id of the latest started of `spells` (latest first) that ran in `month`, "" none."""
    for s in spells:
        start, end = _day(s.get("start_date")), _day(s.get("end_date"))
        if (
            start is not None
            and start <= month.last_day
            and (end is None or end >= month.first_day)
        ):
            return str(s["id"])
    return ""


_LABOUR = frozenset(a.value for a in HAS_LABOUR)
_EMPLOYED = WorkStatus.EMPLOYED.value
_RELATION_ORDER = (
    "户主",
    "配偶",
    "子女",
    "父母",
    "岳父母或公婆",
    "祖父母",
    "媳婿",
    "孙子女",
    "兄弟姐妹",
    "其他",
)


def _grouped(found: list[dict[str, Any]], key: str) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for r in found:
        grouped.setdefault(r[key], []).append(r)
    return grouped


def batch_name(batch: Batch) -> str:
    """A batch as its papers' footers name it: its name and the day it was made, as the
    batches list shows them (一次性交通补助，2026年12月4日编) — never the head count it was
    titled with (`Batch.name`): each paper states the count it lists."""
    day = batch.made_day()
    return "，".join(p for p in (batch.name(), f"{written(day)}编" if day else "") if p)
