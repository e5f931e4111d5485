"""A realistic demo ledger, the same for the same seed (and day).

Households of realistic size and make-up (head, spouse, children, parents, grandchildren) in
villages and relocation sites of a real Guizhou county; valid ID numbers (some under retired
region codes, some born elsewhere); categories in plausible proportions with start dates; labour
ability and health by age; employment spells local / in-province / cross-province with
employers, incomes, contracts, insurance and organized labour export; unemployment
registrations; visits and services over the past 18 months; the last three months' status.

Everything is written through `Ledger.insert_many` (the logged bulk path) in one transaction.
Row ids are fresh UUIDv7s; the content is what the seed fixes.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from fieldapp.demo import names as words
from fieldapp.demo.areas import plan_areas
from fieldapp.domain.dates import add_months, month_key
from fieldapp.domain.enums import (
    Category,
    EmploymentForm,
    Health,
    LabourAbility,
    Relation,
    ServiceType,
    UnemploymentClass,
    WorkStatus,
)
from fieldapp.domain.idnumber import make_check_char
from fieldapp.domain.models import (
    Area,
    CategoryMembership,
    EmploymentSpell,
    Household,
    MonthlyStatus,
    Person,
    Record,
    ServiceRecord,
    UnemploymentRegistration,
    Visit,
)
from fieldapp.domain.progress import Progress
from fieldapp.reference import divisions
from fieldapp.services.areas import area_id
from fieldapp.services.writer import Actor, Writer, actor_of, writing
from fieldapp.store.ids import natural_id, new_id
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.areas import all_areas
from fieldapp.store.queries.persons import id_numbers

FLUSH_PERSONS = 5000
HISTORY_DAYS = 548  # 18 months of visits and services
STATUS_MONTHS = 3

_SURNAMES = [s for s, _ in words.SURNAMES]
_SURNAME_WEIGHTS = [w for _, w in words.SURNAMES]


@dataclass
class DemoReport:
    """What the demo builder wrote."""

    persons: int = 0
    households: int = 0
    rows: int = 0
    county: str = ""
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class _Member:
    relation: Relation
    born: dt.date
    male: bool
    surname: str


class DemoBuilder:
    """Builds `persons` people into a ledger, deterministically for `seed` and `today`."""

    def __init__(
        self,
        ledger: Ledger,
        persons: int,
        seed: int = 1,
        area: str | None = None,
        today: dt.date | None = None,
        progress: Progress | None = None,
        actor: Actor | None = None,
    ) -> None:
        self.ledger = ledger
        self.actor = actor or actor_of(ledger)
        self.target = persons
        self.rng = random.Random(seed)
        self.area = area
        self.today = today or dt.date.today()
        self.progress = progress
        self.numbers: set[str] = set()
        self.retired = sorted(divisions().retired_codes())
        self.other_counties = [d.code for d in divisions().counties()]
        self.report = DemoReport()
        self.batch: dict[type[Record], list[dict[str, Any]]] = {}
        self.writer: Writer  # the use-case's writer, while `build` runs

    # -- top level ----------------------------------------------------------------------------

    def build(self) -> DemoReport:
        """Create the areas and all households; returns counts."""
        existing = {a.code: (a.name, a.kind, a.parent_code) for a in all_areas(self.ledger)}
        known = set(existing)
        plan = plan_areas(self.rng, max(1, self.target // 3), existing, self.area)
        self.plan = plan
        self.report.county = plan.county
        self.county_name = plan.existing[plan.county][0]
        self.numbers |= set(id_numbers(self.ledger))
        with writing(self.ledger, self.actor) as writer:
            self.writer = writer
            self._write(
                Area,
                [dict(a, id=area_id(str(a["code"]))) for a in plan.new if a["code"] not in known],
            )
            made = 0
            while made < self.target:
                made += self._household(min(self.target - made, self._household_size()))
                if len(self.batch.get(Person, ())) >= FLUSH_PERSONS:
                    self._flush()
                    if self.progress:
                        self.progress(made, self.target)
            self._flush()
        self.report.persons = made
        if self.progress:
            self.progress(made, self.target)
        return self.report

    def _add(self, model: type[Record], row: dict[str, Any]) -> None:
        self.batch.setdefault(model, []).append(row)

    def _write(self, model: type[Record], rows: list[dict[str, Any]]) -> None:
        if rows:
            self.writer.insert_many(model, rows)
            self.report.rows += len(rows)
            self.report.counts[model.TABLE] = self.report.counts.get(model.TABLE, 0) + len(rows)

    def _flush(self) -> None:
        # Households before persons before everything that points at persons.
        for model in (
            Household,
            Person,
            CategoryMembership,
            EmploymentSpell,
            UnemploymentRegistration,
            Visit,
            ServiceRecord,
            MonthlyStatus,
        ):
            self._write(model, self.batch.pop(model, []))

    # -- households ---------------------------------------------------------------------------

    def _household_size(self) -> int:
        return self.rng.choices((1, 2, 3, 4, 5, 6, 7), (10, 18, 22, 24, 15, 8, 3))[0]

    def _household(self, size: int) -> int:
        rng = self.rng
        relocated = bool(self.plan.sites) and (not self.plan.rural or rng.random() < 0.15)
        place = rng.choice(self.plan.sites if relocated else self.plan.rural)
        members = self._members(size)
        lifted = relocated or rng.random() < 0.32
        monitored = not lifted and rng.random() < 0.05
        dibao = rng.random() < (0.18 if lifted else 0.05)
        household_id = new_id()
        ids = [new_id() for _ in members]
        household_no = f"{place[-6:]}{self.report.households + 1:05d}"
        self._add(
            Household,
            {
                "id": household_id,
                "area_code": place,
                "address": self._address(place, relocated),
                "household_no": household_no,
                "head_person_id": ids[0],
                "is_relocated": relocated,
                "is_lifted": lifted,
                "notes": "",
            },
        )
        for person_id, member in zip(ids, members, strict=True):
            self._person(
                person_id, household_id, member, place, relocated, lifted, monitored, dibao
            )
        self._visits(household_id, ids)
        self.report.households += 1
        return len(members)

    def _address(self, place: str, relocated: bool) -> str:
        if relocated:
            return (
                f"{self.rng.randint(1, 6)}单元{self.rng.randint(1, 18)}0{self.rng.randint(1, 4)}室"
            )
        return f"{self.rng.randint(1, 120)}号"

    def _members(self, size: int) -> list[_Member]:
        rng = self.rng
        surname = rng.choices(_SURNAMES, _SURNAME_WEIGHTS)[0]
        head_age = rng.randint(26, 78) if size > 1 else rng.randint(30, 85)
        head_male = rng.random() < 0.85
        members = [_Member(Relation.HEAD, self._born(head_age), head_male, surname)]
        if size >= 2 and head_age < 80:
            spouse_age = max(20, head_age + rng.randint(-5, 3))
            members.append(
                _Member(
                    Relation.SPOUSE,
                    self._born(spouse_age),
                    not head_male,
                    rng.choices(_SURNAMES, _SURNAME_WEIGHTS)[0],
                )
            )
        while len(members) < size:
            roll = rng.random()
            if roll < 0.72 and head_age > 22:
                age = max(0, head_age - rng.randint(20, 34))
                members.append(
                    _Member(Relation.CHILD, self._born(age), rng.random() < 0.52, surname)
                )
            elif roll < 0.84 and head_age < 55:
                age = min(95, head_age + rng.randint(22, 32))
                members.append(
                    _Member(Relation.PARENT, self._born(age), rng.random() < 0.45, surname)
                )
            elif head_age > 48:
                age = max(0, head_age - rng.randint(44, 58))
                members.append(
                    _Member(Relation.GRANDCHILD, self._born(age), rng.random() < 0.52, surname)
                )
            else:
                age = max(16, head_age + rng.randint(-8, 8))
                members.append(
                    _Member(Relation.SIBLING, self._born(age), rng.random() < 0.5, surname)
                )
        return members

    def _born(self, age: int) -> dt.date:
        year = self.today.year - age
        day = dt.date(year, 1, 1) + dt.timedelta(days=self.rng.randint(0, 364))
        return min(day, self.today - dt.timedelta(days=1))

    # -- persons ------------------------------------------------------------------------------

    def _id_number(self, born: dt.date, male: bool) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.12 and born.year < 2011 and self.retired:
            region = rng.choice(self.retired)
        elif roll < 0.22:
            region = rng.choice(self.other_counties)
        else:
            region = self.plan.county
        birth = born.strftime("%Y%m%d")
        seq = rng.randrange(1 if male else 0, 999, 2)
        for _ in range(500):
            first = f"{region}{birth}{seq:03d}"
            number = first + make_check_char(first)
            if number not in self.numbers:
                self.numbers.add(number)
                return number
            seq = (seq + 2) % 1000
        raise RuntimeError("演示数据身份证号码用尽")

    def _name(self, member: _Member) -> str:
        rng = self.rng
        chars = words.MALE_CHARS if member.male else words.FEMALE_CHARS
        pool = chars + words.NEUTRAL_CHARS
        given = rng.choice(pool) if rng.random() < 0.25 else rng.choice(pool) + rng.choice(chars)
        return member.surname + given

    def _age(self, born: dt.date) -> int:
        day = self.today
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def _person(
        self,
        person_id: str,
        household_id: str,
        member: _Member,
        place: str,
        relocated: bool,
        lifted: bool,
        monitored: bool,
        dibao: bool,
    ) -> None:
        rng = self.rng
        age = self._age(member.born)
        health = rng.choices(
            (Health.HEALTHY, Health.CHRONIC, Health.SERIOUS, Health.DISABLED),
            (85, 9, 2, 4) if age < 60 else (55, 32, 6, 7),
        )[0]
        ability = self._ability(age, health)
        graduation_year = None
        education = self._education(age)
        if education == "大专" or education == "本科及以上":
            graduation_year = member.born.year + rng.randint(21, 23)
            if graduation_year > self.today.year:
                graduation_year = None
        phone = f"1{rng.choice('3578')}{rng.randint(0, 9)}{rng.randint(0, 99999999):08d}"
        self._add(
            Person,
            {
                "id": person_id,
                "household_id": household_id,
                "name": self._name(member),
                "id_number": self._id_number(member.born, member.male),
                "relation": member.relation.value,
                "phone": phone if 16 <= age <= 75 and rng.random() < 0.8 else "",
                "labour_ability": ability.value,
                "health": health.value,
                "education": education,
                "graduation_year": graduation_year,
                "account_bank": "贵州农信" if age >= 16 else "",
                "account_number": (f"62215{rng.randint(0, 10**13 - 1):013d}" if age >= 16 else ""),
                "hukou_code": self.plan.county,
                "notes": "",
            },
        )
        self._categories(person_id, member, age, health, relocated, lifted, monitored, dibao)
        if 16 <= age <= 60 and ability in (
            LabourAbility.ORDINARY,
            LabourAbility.SKILLED,
            LabourAbility.WEAK,
        ):
            self._work(person_id, household_id, age, ability, graduation_year, member.born)

    def _ability(self, age: int, health: Health) -> LabourAbility:
        rng = self.rng
        if age < 16:
            return LabourAbility.NONE
        if health is Health.SERIOUS or (health is Health.DISABLED and rng.random() < 0.5):
            return LabourAbility.LOST
        if age > 65:
            return rng.choices((LabourAbility.WEAK, LabourAbility.NONE), (40, 60))[0]
        if health is not Health.HEALTHY or age > 58:
            return LabourAbility.WEAK
        return rng.choices((LabourAbility.ORDINARY, LabourAbility.SKILLED), (78, 22))[0]

    def _education(self, age: int) -> str:
        if age < 7:
            return ""
        if age < 13:
            return "小学"
        if age < 16:
            return "初中"
        if age < 19:
            return self.rng.choices(("初中", "高中", "中专"), (30, 45, 25))[0]
        options = ("文盲或半文盲", "小学", "初中", "高中", "中专", "大专", "本科及以上")
        weights = (25, 40, 25, 5, 3, 1, 1) if age > 50 else (2, 15, 45, 15, 10, 8, 5)
        return self.rng.choices(options, weights)[0]

    def _start(self, earliest: dt.date, latest: dt.date) -> dt.date:
        span = max(0, (latest - earliest).days)
        return earliest + dt.timedelta(days=self.rng.randint(0, span))

    def _categories(
        self,
        person_id: str,
        member: _Member,
        age: int,
        health: Health,
        relocated: bool,
        lifted: bool,
        monitored: bool,
        dibao: bool,
    ) -> None:
        rng = self.rng
        found: list[tuple[Category, dt.date | None]] = []
        born = member.born
        if lifted:
            found.append(
                (
                    Category.LIFTED,
                    max(born, dt.date(2014, 10, 1) + dt.timedelta(rng.randint(0, 2200))),
                )
            )
        if monitored:
            found.append(
                (Category.MONITORED, self._start(max(born, dt.date(2020, 6, 1)), self.today))
            )
        if dibao:
            found.append(
                (Category.RURAL_DIBAO, self._start(max(born, dt.date(2016, 1, 1)), self.today))
            )
        if relocated:
            category = (
                Category.RELOCATED
                if member.relation is Relation.HEAD or rng.random() < 0.8
                else Category.RELOCATED_FOLLOWER
            )
            found.append(
                (category, max(born, dt.date(2017, 3, 1) + dt.timedelta(rng.randint(0, 1000))))
            )
        if health is Health.DISABLED:
            found.append((Category.DISABLED, self._start(born, self.today)))
        if member.male and 25 <= age <= 55 and rng.random() < 0.03:
            found.append(
                (Category.VETERAN, self._start(max(born, dt.date(2000, 1, 1)), self.today))
            )
        if 22 <= age <= 28 and rng.random() < 0.12:
            found.append((Category.GRADUATE, dt.date(self.today.year - rng.randint(0, 4), 7, 1)))
        if 18 <= age <= 55 and rng.random() < 0.05:
            found.append(
                (Category.RETURNED, self._start(self.today - dt.timedelta(days=500), self.today))
            )
        if age >= 45 and health is not Health.HEALTHY and rng.random() < 0.2:
            found.append(
                (
                    Category.HARD_TO_EMPLOY,
                    self._start(self.today - dt.timedelta(days=900), self.today),
                )
            )
        for category, start in found:
            self._add(
                CategoryMembership,
                {
                    "person_id": person_id,
                    "category": category.value,
                    "start_date": start.isoformat() if start else None,
                    "end_date": None,
                },
            )

    # -- work ---------------------------------------------------------------------------------

    def _work(
        self,
        person_id: str,
        household_id: str,
        age: int,
        ability: LabourAbility,
        graduation_year: int | None,
        born: dt.date,
    ) -> None:
        rng = self.rng
        working_age = add_months(born, 16 * 12)  # nobody starts work before 16
        if age <= 22 and rng.random() < 0.45:
            self._statuses(person_id, None, WorkStatus.STUDYING, None)
            return
        employed_share = 0.45 if ability is LabourAbility.WEAK else 0.72
        ended_latest = self.today - dt.timedelta(days=400)
        if rng.random() < 0.35 and working_age <= ended_latest:  # an earlier spell that ended
            start = self._start(
                max(working_age, self.today - dt.timedelta(days=1500)), ended_latest
            )
            end = start + dt.timedelta(days=rng.randint(90, 360))
            self._spell(person_id, age, ability, start, end)
        if rng.random() < employed_share:
            start = self._start(
                max(working_age, self.today - dt.timedelta(days=1100)),
                self.today - dt.timedelta(days=10),
            )
            spell_id, income = self._spell(person_id, age, ability, start, None)
            self._statuses(person_id, spell_id, WorkStatus.EMPLOYED, income, start)
            if rng.random() < 0.3:
                self._service(
                    person_id, household_id, rng.choice((ServiceType.FOLLOW_UP, ServiceType.POLICY))
                )
            return
        self._statuses(person_id, None, WorkStatus.NOT_EMPLOYED, None)
        if rng.random() < 0.25:
            self._registration(person_id, household_id)
        for _ in range(rng.randint(0, 2)):
            self._service(
                person_id,
                household_id,
                rng.choice(
                    (
                        ServiceType.JOB_RECOMMENDATION,
                        ServiceType.GUIDANCE,
                        ServiceType.POLICY,
                        ServiceType.TRAINING,
                    )
                ),
            )

    def _spell(
        self, person_id: str, age: int, ability: LabourAbility, start: dt.date, end: dt.date | None
    ) -> tuple[str, float]:
        rng = self.rng
        stem = rng.choice(words.FACTORY_STEMS)
        county = self.county_name
        scope = rng.choices(
            ("local", "province", "out"),
            (35, 22, 43) if ability is not LabourAbility.WEAK else (75, 15, 10),
        )[0]
        organized = False
        agency = ""
        if scope == "out":
            code, place, _w = rng.choices(
                words.CROSS_PROVINCE, [w for *_x, w in words.CROSS_PROVINCE]
            )[0]
            employer = f"{place[3:6] if place.startswith('广东') else place[:2]}{stem}{rng.choice(words.FACTORY_WORDS)}有限公司"
            form = EmploymentForm.EMPLOYEE if rng.random() < 0.85 else EmploymentForm.FLEXIBLE
            income = rng.randrange(3800, 8000, 100)
            organized = rng.random() < 0.3
        elif scope == "province":
            choices = [w for w in words.IN_PROVINCE if w[0] != self.plan.county]
            code, place, _w = rng.choices(choices, [w for *_x, w in choices])[0]
            employer = f"贵州{stem}{rng.choice(words.FACTORY_WORDS)}有限公司"
            form = rng.choices((EmploymentForm.EMPLOYEE, EmploymentForm.FLEXIBLE), (75, 25))[0]
            income = rng.randrange(2800, 6000, 100)
            organized = rng.random() < 0.12
        else:
            township = rng.choice(
                [
                    c
                    for c, v in self.plan.existing.items()
                    if v[1] == "乡镇" and c.startswith(self.plan.county)
                ]
                or [self.plan.county]
            )
            code, place = township, divisions().full_name(township)
            form = rng.choices(
                (
                    EmploymentForm.EMPLOYEE,
                    EmploymentForm.FLEXIBLE,
                    EmploymentForm.WELFARE_POST,
                    EmploymentForm.WORKSHOP,
                    EmploymentForm.SELF_EMPLOYED,
                    EmploymentForm.WORK_RELIEF,
                ),
                (25, 30, 15 if ability is LabourAbility.WEAK else 4, 15, 8, 5),
            )[0]
            if form is EmploymentForm.WELFARE_POST:
                employer = f"{county}公益性岗位（{rng.choice(('保洁员', '护林员', '护路员', '安置点楼栋长'))}）"
                income = float(rng.choice((800, 1000, 1200)))
            elif form is EmploymentForm.SELF_EMPLOYED:
                employer = f"个体经营（{rng.choice(('养殖', '小卖部', '运输', '餐饮'))}）"
                income = rng.randrange(2000, 6000, 100)
            else:
                employer = rng.choice(words.LOCAL_EMPLOYERS).format(county=county, stem=stem)
                income = rng.randrange(1800, 4500, 100)
        if organized:
            agency = rng.choice(words.AGENCIES).format(county=county, stem=stem)
        contract = (
            rng.choice((12, 12, 24, 36, None))
            if form is EmploymentForm.EMPLOYEE
            else (12 if form is EmploymentForm.WELFARE_POST else None)
        )
        months_worked = max(0, ((end or self.today) - start).days // 30)
        insurance = (
            min(months_worked, rng.randint(0, months_worked))
            if form is EmploymentForm.EMPLOYEE
            else 0
        )
        spell_id = new_id()
        self._add(
            EmploymentSpell,
            {
                "id": spell_id,
                "person_id": person_id,
                "start_date": start.isoformat(),
                "end_date": end.isoformat() if end else None,
                "place_code": code,
                "place_name": place,
                "form": form.value,
                "employer": employer,
                "monthly_income": float(income),
                "contract_months": contract,
                "insurance_months": insurance,
                "organized_export": organized,
                "export_agency": agency,
                "is_first_export": organized and rng.random() < 0.6,
                "is_casual": form is EmploymentForm.FLEXIBLE and rng.random() < 0.5,
                "training_days": None,
            },
        )
        return spell_id, float(income)

    def _statuses(
        self,
        person_id: str,
        spell_id: str | None,
        status: WorkStatus,
        income: float | None,
        since: dt.date | None = None,
    ) -> None:
        first = dt.date(self.today.year, self.today.month, 1)
        for back in range(STATUS_MONTHS):
            month_start = add_months(first, -back)
            now = status
            if since is not None and since > add_months(month_start, 1) - dt.timedelta(days=1):
                now = WorkStatus.NOT_EMPLOYED
            month = month_key(month_start)
            self._add(
                MonthlyStatus,
                {
                    "id": natural_id("monthly_status", person_id, month),
                    "person_id": person_id,
                    "month": month,
                    "status": now.value,
                    "spell_id": spell_id if now is WorkStatus.EMPLOYED else None,
                    "income": income if now is WorkStatus.EMPLOYED else None,
                    "notes": "",
                },
            )

    def _registration(self, person_id: str, household_id: str) -> None:
        rng = self.rng
        found = self._start(
            self.today - dt.timedelta(days=HISTORY_DAYS), self.today - dt.timedelta(days=3)
        )
        registered = found + dt.timedelta(days=rng.randint(0, 9))
        registered = min(registered, self.today)
        self._add(
            UnemploymentRegistration,
            {
                "person_id": person_id,
                "found_date": found.isoformat(),
                "registered_date": registered.isoformat(),
                "unemployment_class": rng.choice(tuple(UnemploymentClass)).value,
                "ended_date": None,
            },
        )
        self._add(
            CategoryMembership,
            {
                "person_id": person_id,
                "category": Category.UNEMPLOYED.value,
                "start_date": registered.isoformat(),
                "end_date": None,
            },
        )
        self._service(person_id, household_id, ServiceType.UNEMPLOYMENT_REGISTRATION, registered)

    def _service(
        self, person_id: str, household_id: str, kind: ServiceType, day: dt.date | None = None
    ) -> None:
        day = day or self._start(self.today - dt.timedelta(days=HISTORY_DAYS), self.today)
        self._add(
            ServiceRecord,
            {
                "person_id": person_id,
                "household_id": household_id,
                "visit_id": None,
                "service_date": day.isoformat(),
                "service_type": kind.value,
                "notes": words.SERVICE_NOTES[kind.value],
                "outcome": "",
                "training_days": self.rng.randint(3, 15) if kind is ServiceType.TRAINING else None,
            },
        )

    def _visits(self, household_id: str, ids: list[str]) -> None:
        rng = self.rng
        visitor = rng.choice(words.COORDINATORS)
        for _ in range(rng.randint(1, 5)):
            day = self._start(self.today - dt.timedelta(days=HISTORY_DAYS), self.today)
            self._add(
                Visit,
                {
                    "household_id": household_id,
                    "person_id": rng.choice(ids) if rng.random() < 0.4 else None,
                    "visit_date": day.isoformat(),
                    "visitor": visitor,
                    "notes": rng.choice(words.VISIT_NOTES),
                    "outcome": rng.choice(words.VISIT_OUTCOMES),
                },
            )


def build_demo(
    ledger: Ledger,
    persons: int,
    seed: int = 1,
    area: str | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> DemoReport:
    """Fill `ledger` with a demo of `persons` people (see the module docstring)."""
    return DemoBuilder(ledger, persons, seed, area, today, progress).build()
