"""The employment-services due list: unemployment levels, minimum services, and deadlines.

Deadlines are counted on the Chinese statutory calendar (`WorkCalendar`): the "1311" service
within 5 working days of finding an unemployed person, cleared only when every service that
makes up "1311" has been given; unemployment registration completed within 7 working days; the
minimum services of each unemployment level, listed with their progress from the day the level
starts; the monthly status update of every working-age person with labour ability; follow-up
visits after a placement. A deadline counted in calendar months (the monthly update, a level's
minimum services, a follow-up visit) that falls on a weekend or holiday moves to the next
working day on the same calendar (民法典 第二百零三条). Figures, service bundles and citations come from the pack. When a
year's holiday schedule is missing the deadlines are estimated and the items say so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from fieldapp.domain.dates import (
    add_months,
    china_iso,
    month_key,
    whole_months_between,
)
from fieldapp.domain.enums import HAS_LABOUR, ServiceType, UnemploymentLevel
from fieldapp.domain.sentences import Day, Part, Sentence, Word, either, listed, said, template
from fieldapp.policy.facts import PersonFacts, RegistrationFacts, ServiceFacts, SpellFacts
from fieldapp.policy.pack import Policy, ServiceBundle, ServiceLevel
from fieldapp.policy.workdays import WorkCalendar, estimate_notice

#: How far ahead an item still shows as merely "due" (days); level items show from their start.
HORIZON_DAYS = 31

#: The level boundaries in months registered (≤1, ≤6, ≤12, >12).
LEVEL_BOUNDS: tuple[tuple[int, UnemploymentLevel], ...] = (
    (1, UnemploymentLevel.SHORT),
    (6, UnemploymentLevel.MEDIUM_SHORT),
    (12, UnemploymentLevel.MEDIUM_LONG),
)


#: Each due item's 说明, kept as a sentence (`DueItem.said`) so the 待办 page says it in the
#: window's language; its Chinese (`DueItem.title`) is what the list, the paper and
#: `fieldapp due` always said.
REGISTRATION_DUE = template("%1发现失业，%2个工作日内办结失业登记")
SERVICE_1311_DUE = template("%1发现失业，%2个工作日内提供“1311”就业服务（%3）")
#: One item of a bundle (政策宣传1次) and its services, either of which counts (A或B).
BUNDLE_ITEM = template("%1%2次")
LEVEL_DUE = template("%1（登记%2个月）最低服务，%3起计")
LEVEL_CLASS_DUE = template("%1（登记%2个月，%3）最低服务，%4起计")
MONTHLY_DUE = template("%1就业状态按月更新")
FOLLOW_UP_DUE = template("%1就业（%2）后第%3次跟踪回访")
#: One service's progress (政策宣传 0/1: given, needed), listed with 、 in the 进度 column.
PROGRESS = template("%1 %2/%3")
#: The 跟踪回访 item's progress names its kind, one of the forms' words.
VISITS = "跟踪回访"


def progress_said(parts: list[tuple[Part, int, int]]) -> Part:
    """Services given of those needed, each as `PROGRESS`, listed (政策宣传 0/1、岗位推荐 0/3)."""
    return listed([said(PROGRESS, what, str(got), str(need)) for what, got, need in parts])


def bundle_said(bundle: ServiceBundle) -> Part:
    """A bundle's items as a sentence: its Chinese is `ServiceBundle.describe()`."""
    return listed(
        [
            said(
                BUNDLE_ITEM,
                either([Word(str(s), common=True) for s in item.services]),
                str(item.count),
            )
            for item in bundle.items
        ]
    )


class Urgency(StrEnum):
    """How pressing a due item is."""

    OVERDUE = "已逾期"
    DUE_SOON = "即将到期"
    DUE = "待办"


_URGENCY_RANK = {Urgency.OVERDUE: 0, Urgency.DUE_SOON: 1, Urgency.DUE: 2}


@dataclass(slots=True)
class DueItem:
    """One thing a coordinator must do for one person, by a date.

    `note` says when the deadline is an estimate (the year's holiday schedule is missing).
    """

    person_id: str
    id_number: str
    name: str
    area_code: str
    kind: str
    title: str
    due_date: dt.date
    urgency: Urgency
    workdays_left: int
    clause: str = ""
    progress: str = ""
    note: str = ""
    #: The services still short, in the order the rule lists them (those of a rule's line
    #: naming one service): what a visit handling the item gives next.
    short: tuple[str, ...] = ()
    #: The month a 月度更新 is for ('2026-11'; its title says it as written, 2026年11月).
    month: str = ""
    #: The title as a sentence (its Chinese is `title`), for the window's language.
    said: Sentence | None = None
    #: The progress as a sentence (its Chinese is `progress`: 政策宣传 0/1、岗位推荐 0/3), for
    #: the window's language.
    progress_said: Sentence | None = None

    def sort_key(self) -> tuple[int, dt.date, str, str]:
        """Most urgent first: overdue (oldest first), then due soon, then due."""
        return (_URGENCY_RANK[self.urgency], self.due_date, self.area_code, self.id_number)

    def as_dict(self) -> dict[str, Any]:
        """JSON shape."""
        return {
            "id_number": self.id_number,
            "name": self.name,
            "area_code": self.area_code,
            "kind": self.kind,
            "title": self.title,
            "due_date": self.due_date.isoformat(),
            "urgency": str(self.urgency),
            "workdays_left": self.workdays_left,
            "clause": self.clause,
            "progress": self.progress,
            "note": self.note,
            "month": self.month,
        }


def count_services(
    services: Iterable[ServiceFacts], start: dt.date, end: dt.date
) -> dict[str, int]:
    """Services given from `start` to `end` (inclusive), by type."""
    counts: dict[str, int] = {}
    for service in services:
        if start <= service.service_date <= end:
            counts[service.service_type] = counts.get(service.service_type, 0) + 1
    return counts


@dataclass(frozen=True, slots=True)
class BundleProgress:
    """How far a service bundle ("1311") is: per item, services given and needed."""

    bundle: ServiceBundle
    progress: tuple[tuple[str, int, int], ...]

    @property
    def complete(self) -> bool:
        """True when every item has its count."""
        return all(got >= need for _, got, need in self.progress)


def bundle_progress(
    bundle: ServiceBundle, services: Iterable[ServiceFacts], start: dt.date, end: dt.date
) -> BundleProgress:
    """Progress of a bundle from the services given between `start` and `end`.

    A service counts toward one item only (the first whose list names it), so one job
    recommendation never clears two items.
    """
    counts = count_services(services, start, end)
    rows: list[tuple[str, int, int]] = []
    for item in bundle.items:
        got = 0
        for kind in item.services:
            take = min(counts.get(str(kind), 0), item.count - got)
            counts[str(kind)] = counts.get(str(kind), 0) - take
            got += take
        rows.append((item.label, got, item.count))
    return BundleProgress(bundle, tuple(rows))


@dataclass(frozen=True, slots=True)
class LevelStatus:
    """A registered unemployed person's level, class and minimum-service progress.

    Progress counts the services given from the day the level started (`started`).
    """

    level: UnemploymentLevel
    unemployment_class: str | None
    months: int
    started: dt.date
    progress: dict[str, tuple[int, int]]
    complete: bool
    due_date: dt.date | None
    clause: str


def level_of(registered: dt.date, on: dt.date) -> UnemploymentLevel:
    """四级 from months registered: ≤1, ≤6, ≤12, >12."""
    for months, level in LEVEL_BOUNDS:
        if on <= add_months(registered, months):
            return level
    return UnemploymentLevel.LONG


def level_start(registered: dt.date, level: UnemploymentLevel) -> dt.date:
    """The first day of a level: the registration day, or the day after the previous level ends."""
    previous = 0
    for months, bound in LEVEL_BOUNDS:
        if bound is level:
            break
        previous = months
    if previous == 0:
        return registered
    return add_months(registered, previous) + dt.timedelta(days=1)


def level_status(
    policy: Policy, facts: PersonFacts, registration: RegistrationFacts, on: dt.date
) -> LevelStatus | None:
    """Level and minimum-service progress of one open registration as of `on`."""
    start = registration.registered_date
    if start is None or start > on:
        return None
    level = level_of(start, on)
    began = level_start(start, level)
    spec: ServiceLevel | None = next((s for s in policy.service_levels if s.level is level), None)
    counts = count_services(facts.services, began, on)
    progress: dict[str, tuple[int, int]] = {}
    if spec is not None:
        for kind, need in spec.minimums.items():
            progress[str(kind)] = (min(counts.get(str(kind), 0), need), need)
    complete = all(got >= need for got, need in progress.values())
    if spec is None:
        due = None
    elif spec.max_months is not None:
        # The level's minimums are due by its last day.
        due = add_months(start, spec.max_months)
    else:
        # 长期失业: taken into employment assistance on becoming long-term unemployed.
        due = began
    return LevelStatus(
        level,
        registration.unemployment_class,
        whole_months_between(start, on),
        began,
        progress,
        complete,
        due,
        spec.clause if spec and spec.clause else policy.clauses.levels,
    )


def calendar_notices(policy: Policy, on: dt.date, items: Iterable[DueItem] = ()) -> list[str]:
    """What a due list as of `on` must say about its deadlines: one line per year whose holiday
    schedule is missing, among the items' deadlines and the weeks around `on`."""
    calendar = WorkCalendar(policy.calendar)
    around = calendar.estimated_years(on - dt.timedelta(days=HORIZON_DAYS), on)
    around += calendar.estimated_years(on, on + dt.timedelta(days=HORIZON_DAYS))
    notices = [estimate_notice(y) for y in sorted(set(around))]
    notices += [n for item in items for n in item.note.split("；") if n]
    return list(dict.fromkeys(notices))


def first_update_month(facts: PersonFacts) -> str | None:
    """The first month whose status is due: the month after the person entered the ledger.

    A person entered today has nothing to update for this month (nor, of course, for last
    month): their first update is next month's. None when the entry time is unknown.
    """
    entered = china_iso(facts.created_at)[:7]
    if len(entered) != 7 or not entered[:4].isdigit():
        return None
    return month_key(add_months(dt.date(int(entered[:4]), int(entered[5:7]), 1), 1))


class DueListBuilder:
    """Builds the due list for a set of persons as of a date."""

    def __init__(self, policy: Policy, calendar: WorkCalendar | None = None) -> None:
        self.policy = policy
        self.calendar = calendar or WorkCalendar(policy.calendar)
        d = policy.deadline
        self.days_1311 = int(d("service_1311_workdays", 5))
        self.days_registration = int(d("registration_workdays", 7))
        self.monthly_day: int | None = policy.deadlines.monthly_update_day
        self.follow_up = [int(m) for m in d("follow_up_months", [1, 3])]
        self.soon = int(d("due_soon_workdays", 2))
        self.age_min = int(d("working_age_min", 16))
        self.age_max = int(d("working_age_max", 60))
        self.clauses = policy.clauses
        self.bundle_1311 = policy.bundle("1311")
        self._estimated: set[int] = set()

    def notices(self) -> list[str]:
        """Plain warnings for the years whose deadlines were estimated in this list."""
        return [estimate_notice(y) for y in sorted(self._estimated)]

    def _item(
        self,
        facts: PersonFacts,
        on: dt.date,
        kind: str,
        title: Sentence,
        due: dt.date,
        clause: str,
        progress: Part = "",
        *,
        always: bool = False,
        counted_from: dt.date | None = None,
        short: tuple[str, ...] = (),
        month: str = "",
    ) -> DueItem | None:
        if not always and due > on + dt.timedelta(days=HORIZON_DAYS):
            return None
        left = self.calendar.workdays_between(on, due)
        if due < on:
            urgency = Urgency.OVERDUE
        elif left <= self.soon:
            urgency = Urgency.DUE_SOON
        else:
            urgency = Urgency.DUE
        years = set(self.calendar.estimated_years(on, due))
        if counted_from is not None:
            years |= set(self.calendar.estimated_years(counted_from, due))
        self._estimated |= years
        return DueItem(
            facts.person_id,
            facts.id_number,
            facts.name,
            facts.area_code,
            kind,
            str(title),
            due,
            urgency,
            left,
            clause,
            str(progress),
            "；".join(estimate_notice(y) for y in sorted(years)),
            short,
            month,
            title,
            progress if isinstance(progress, Sentence) else None,
        )

    def for_person(self, facts: PersonFacts, on: dt.date) -> list[DueItem]:
        """Every open item of one person."""
        items: list[DueItem | None] = []
        for reg in facts.registrations:
            if reg.ended_date is not None and reg.ended_date <= on:
                continue
            items.extend(self._registration_items(facts, reg, on))
        items.append(self._monthly_item(facts, on))
        items.extend(self._follow_ups(facts, on))
        return [i for i in items if i is not None]

    def _registration_items(
        self, facts: PersonFacts, reg: RegistrationFacts, on: dt.date
    ) -> list[DueItem | None]:
        out: list[DueItem | None] = []
        found = reg.found_date or reg.registered_date
        if found is None or found > on:
            return out
        out.append(self._item_1311(facts, found, on))
        if reg.registered_date is None:
            due = self.calendar.add_workdays(found, self.days_registration)
            out.append(
                self._item(
                    facts,
                    on,
                    "失业登记",
                    said(REGISTRATION_DUE, Day(found), str(self.days_registration)),
                    due,
                    self.clauses.registration,
                    counted_from=found,
                )
            )
            return out
        status = level_status(self.policy, facts, reg, on)
        if status is not None and not status.complete and status.due_date is not None:
            level, months, started = (
                Word(status.level.value),
                str(status.months),
                Day(status.started),
            )
            title = (
                said(
                    LEVEL_CLASS_DUE,
                    level,
                    months,
                    Word(status.unemployment_class, common=True),
                    started,
                )
                if status.unemployment_class
                else said(LEVEL_DUE, level, months, started)
            )
            out.append(
                self._item(
                    facts,
                    on,
                    "分级服务",
                    title,
                    self.calendar.last_day(status.due_date),
                    status.clause,
                    progress_said(
                        [(Word(k), got, need) for k, (got, need) in status.progress.items()]
                    ),
                    always=True,
                    short=tuple(k for k, (got, need) in status.progress.items() if got < need),
                )
            )
        return out

    def _item_1311(self, facts: PersonFacts, found: dt.date, on: dt.date) -> DueItem | None:
        """Open until every service of "1311" has been given since the person was found."""
        bundle = self.bundle_1311
        if bundle is None:
            return None
        done = bundle_progress(bundle, facts.services, found, on)
        if done.complete:
            return None
        due = self.calendar.add_workdays(found, self.days_1311)
        return self._item(
            facts,
            on,
            "1311服务",
            said(SERVICE_1311_DUE, Day(found), str(self.days_1311), bundle_said(bundle)),
            due,
            self.clauses.service_1311 or bundle.clause,
            progress_said(
                [
                    (either([Word(str(s)) for s in item.services]), got, need)
                    for item, (_label, got, need) in zip(bundle.items, done.progress, strict=True)
                ]
            ),
            counted_from=found,
            short=tuple(
                str(item.services[0])
                for item, (_label, got, need) in zip(bundle.items, done.progress, strict=True)
                if got < need and len(item.services) == 1
            ),
        )

    def _monthly_item(self, facts: PersonFacts, on: dt.date) -> DueItem | None:
        if facts.labour_ability not in {a.value for a in HAS_LABOUR}:
            return None
        recorded = {m.month for m in facts.months}
        first = first_update_month(facts)
        previous = add_months(on.replace(day=1), -1)
        for month_start in (previous, on.replace(day=1)):
            key = month_key(month_start)
            if key in recorded:
                continue
            # Of working age in the month updated — on its last day, as the 按月更新 grid
            # lists the month's people — not on the day the list is made: at the new year the
            # December update is still due of whom December's grid lists.
            age = facts.age_on(add_months(month_start, 1) - dt.timedelta(days=1))
            if age < self.age_min or age > self.age_max:
                continue
            if first is not None and key < first and not any(m < key for m in recorded):
                continue  # not yet in the ledger that month, and not tracked before it
            if self.monthly_day:
                due = month_start.replace(day=self.monthly_day)
            else:
                # No county day: the month itself is the limit.
                due = add_months(month_start, 1) - dt.timedelta(days=1)
            due = self.calendar.last_day(due)
            return self._item(
                facts,
                on,
                "月度更新",
                said(MONTHLY_DUE, Day(month_start, "month")),
                due,
                self.clauses.monthly,
                month=key,
            )
        return None

    def _follow_ups(self, facts: PersonFacts, on: dt.date) -> list[DueItem | None]:
        out: list[DueItem | None] = []
        for spell in facts.spells:
            # Placements older than a year have had their follow-ups (or never will).
            if spell.start_date > on or spell.start_date < on - dt.timedelta(days=366):
                continue
            if not self._is_placement(facts, spell.start_date, spell):
                continue
            visits = sum(
                1
                for s in facts.services
                if s.service_type == ServiceType.FOLLOW_UP.value
                and s.service_date >= spell.start_date
            )
            for number, months in enumerate(self.follow_up, start=1):
                if visits >= number:
                    continue
                due = self.calendar.last_day(add_months(spell.start_date, months))
                out.append(
                    self._item(
                        facts,
                        on,
                        "跟踪回访",
                        said(
                            FOLLOW_UP_DUE,
                            Day(spell.start_date),
                            spell.employer or Word(spell.form, common=True),
                            str(number),
                        ),
                        due,
                        self.clauses.follow_up,
                        progress_said([(Word(VISITS), visits, len(self.follow_up))]),
                    )
                )
                break
        return out

    @staticmethod
    def _is_placement(facts: PersonFacts, start: dt.date, spell: SpellFacts) -> bool:
        """A job found after registration, through organized export, or in a welfare post."""
        if spell.organized_export or spell.form == "公益性岗位":
            return True
        return any(
            r.registered_date is not None and r.registered_date <= start
            for r in facts.registrations
        )

    def build(self, people: Iterable[PersonFacts], on: dt.date) -> list[DueItem]:
        """The due list for many persons, most urgent first."""
        items = [item for facts in people for item in self.for_person(facts, on)]
        items.sort(key=DueItem.sort_key)
        return items
