"""The employment-services due list: unemployment levels, minimum services, and deadlines.

Deadlines are counted on the Chinese statutory calendar (`WorkCalendar`): the "1311" service
within 5 working days of finding an unemployed person (001 附件4（三）), registration completed
within 7 working days (003（十六）), the monthly status update for every working-age person with
labour ability, and follow-up visits after a placement. The figures come from the pack.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from fieldapp.domain.dates import add_months, month_key, whole_months_between
from fieldapp.domain.enums import HAS_LABOUR, ServiceType, UnemploymentLevel
from fieldapp.policy.facts import PersonFacts, RegistrationFacts
from fieldapp.policy.pack import Policy, ServiceLevel
from fieldapp.policy.workdays import WorkCalendar

#: Services that count as the start of the "1311" service.
FIRST_SERVICES = frozenset(
    {
        ServiceType.POLICY.value,
        ServiceType.GUIDANCE.value,
        ServiceType.JOB_RECOMMENDATION.value,
        ServiceType.TRAINING.value,
        ServiceType.ASSISTANCE.value,
    }
)

#: How far ahead an item still shows as merely "due" (days).
HORIZON_DAYS = 31


class Urgency(StrEnum):
    """How pressing a due item is."""

    OVERDUE = "已逾期"
    DUE_SOON = "即将到期"
    DUE = "待办"


_URGENCY_RANK = {Urgency.OVERDUE: 0, Urgency.DUE_SOON: 1, Urgency.DUE: 2}


@dataclass(slots=True)
class DueItem:
    """One thing a coordinator must do for one person, by a date."""

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
        }


@dataclass(frozen=True, slots=True)
class LevelStatus:
    """A registered unemployed person's level, class and minimum-service progress."""

    level: UnemploymentLevel
    unemployment_class: str | None
    months: int
    progress: dict[str, tuple[int, int]]
    complete: bool
    due_date: dt.date | None
    clause: str

    def progress_text(self) -> str:
        """'职业指导 1/1、岗位推荐 2/3'."""
        return "、".join(f"{k} {got}/{need}" for k, (got, need) in self.progress.items())


def level_of(registered: dt.date, on: dt.date) -> UnemploymentLevel:
    """四级 from months registered: ≤1, ≤6, ≤12, >12 (001 附件3（六）1)."""
    for months, level in (
        (1, UnemploymentLevel.SHORT),
        (6, UnemploymentLevel.MEDIUM_SHORT),
        (12, UnemploymentLevel.MEDIUM_LONG),
    ):
        if on <= add_months(registered, months):
            return level
    return UnemploymentLevel.LONG


def level_status(
    policy: Policy, facts: PersonFacts, registration: RegistrationFacts, on: dt.date
) -> LevelStatus | None:
    """Level and minimum-service progress of one open registration as of `on`."""
    start = registration.registered_date
    if start is None or start > on:
        return None
    level = level_of(start, on)
    spec: ServiceLevel | None = next((s for s in policy.service_levels if s.level is level), None)
    counts: dict[str, int] = {}
    for service in facts.services:
        if start <= service.service_date <= on:
            counts[service.service_type] = counts.get(service.service_type, 0) + 1
    progress: dict[str, tuple[int, int]] = {}
    if spec is not None:
        for kind, need in spec.minimums.items():
            progress[str(kind)] = (min(counts.get(str(kind), 0), need), need)
    complete = all(got >= need for got, need in progress.values())
    due = add_months(start, spec.max_months) if spec and spec.max_months else None
    if spec is not None and spec.max_months is None:
        due = add_months(start, 12)
    return LevelStatus(
        level,
        registration.unemployment_class,
        whole_months_between(start, on),
        progress,
        complete,
        due,
        spec.clause if spec else "",
    )


class DueListBuilder:
    """Builds the due list for a set of persons as of a date."""

    def __init__(self, policy: Policy, calendar: WorkCalendar | None = None) -> None:
        self.policy = policy
        self.calendar = calendar or WorkCalendar(
            policy.calendar.extra_holidays, policy.calendar.extra_workdays
        )
        d = policy.deadline
        self.days_1311 = int(d("service_1311_workdays", 5))
        self.days_registration = int(d("registration_workdays", 7))
        self.monthly_day = int(d("monthly_update_day", 25))
        self.follow_up = list(d("follow_up_months", [1, 3]))
        self.soon = int(d("due_soon_workdays", 2))
        self.age_min = int(d("working_age_min", 16))
        self.age_max = int(d("working_age_max", 60))
        self.clause_1311 = str(d("clause_1311", "001 附件4（三）"))
        self.clause_registration = str(d("clause_registration", "003（十六）"))
        self.clause_monthly = str(d("clause_monthly", "001 附件2（十四）"))
        self.clause_follow_up = str(d("clause_follow_up", "001 附件3（五）3"))

    def _item(
        self,
        facts: PersonFacts,
        on: dt.date,
        kind: str,
        title: str,
        due: dt.date,
        clause: str,
        progress: str = "",
    ) -> DueItem | None:
        if due > on + dt.timedelta(days=HORIZON_DAYS):
            return None
        left = self.calendar.workdays_between(on, due)
        if due < on:
            urgency = Urgency.OVERDUE
        elif left <= self.soon:
            urgency = Urgency.DUE_SOON
        else:
            urgency = Urgency.DUE
        return DueItem(
            facts.person_id,
            facts.id_number,
            facts.name,
            facts.area_code,
            kind,
            title,
            due,
            urgency,
            left,
            clause,
            progress,
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
        served = any(
            s.service_date >= found and s.service_type in FIRST_SERVICES for s in facts.services
        )
        if not served:
            due = self.calendar.add_workdays(found, self.days_1311)
            out.append(
                self._item(
                    facts,
                    on,
                    "1311服务",
                    f"{found} 发现失业，{self.days_1311}个工作日内提供“1311”就业服务",
                    due,
                    self.clause_1311,
                )
            )
        if reg.registered_date is None:
            due = self.calendar.add_workdays(found, self.days_registration)
            out.append(
                self._item(
                    facts,
                    on,
                    "失业登记",
                    f"{found} 发现失业，{self.days_registration}个工作日内办结失业登记",
                    due,
                    self.clause_registration,
                )
            )
            return out
        status = level_status(self.policy, facts, reg, on)
        if status is not None and not status.complete and status.due_date is not None:
            klass = f"，{status.unemployment_class}" if status.unemployment_class else ""
            out.append(
                self._item(
                    facts,
                    on,
                    "分级服务",
                    f"{status.level.value}（登记{status.months}个月{klass}）最低服务",
                    status.due_date,
                    status.clause,
                    status.progress_text(),
                )
            )
        return out

    def _monthly_item(self, facts: PersonFacts, on: dt.date) -> DueItem | None:
        if facts.labour_ability not in {a.value for a in HAS_LABOUR}:
            return None
        age = facts.age_on(on)
        if age < self.age_min or age > self.age_max:
            return None
        recorded = {m.month for m in facts.months}
        previous = add_months(on.replace(day=1), -1)
        for month_start in (previous, on.replace(day=1)):
            key = month_key(month_start)
            if key in recorded:
                continue
            due = month_start.replace(day=self.monthly_day)
            return self._item(
                facts, on, "月度更新", f"{key} 就业状态按月更新", due, self.clause_monthly
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
                due = add_months(spell.start_date, months)
                out.append(
                    self._item(
                        facts,
                        on,
                        "跟踪回访",
                        f"{spell.start_date} 就业（{spell.employer or spell.form}）后第{number}次跟踪回访",
                        due,
                        self.clause_follow_up,
                        f"跟踪回访 {visits}/{len(self.follow_up)}",
                    )
                )
                break
        return out

    @staticmethod
    def _is_placement(facts: PersonFacts, start: dt.date, spell: Any) -> bool:
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
