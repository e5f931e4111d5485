"""A realistic demo ledger, the same for the same seed (and day).

Households of realistic size and make-up (head, spouse, children, parents, grandchildren) in
villages and relocation sites of a real Guizhou county; valid ID numbers (some under retired
region codes, some born elsewhere); categories in plausible proportions with start dates; labour
ability and health by age; graduates with the month they left school (高校毕业生 for five years
from then); employment spells local / in-province / cross-province with employers and their
kinds (用人单位类型), incomes, contracts, insurance and organized labour export; workers home
from a job away recorded as 返乡农村劳动力; unemployment registrations, now and then one a job
ended; visits and services over the past 18 months; the last three months' status.

The work looks like a ledger kept up: most of the services the due list asks for were given on
time, a few people were found unemployed in the last days (due soon), a few slipped (overdue by
days, not by a year), and this month's status is entered as far as the month has gone.

It goes into a demo ledger only (`fieldapp.services.ledgers.make_demo`): a new file, or one
that already is a demo; a real ledger is refused. Its changes are written as 演示数据.

Everything is written through the logged bulk path, one transaction per chunk of
`FLUSH_PERSONS` persons, so a county-sized demo (a million persons) commits as it goes and its
memory stays flat: ID numbers are unique by construction (a serial per region, birth date and
sex, counted in a table of fixed size), never by remembering every number made. Row ids are fresh UUIDv7s; the content is what
the seed fixes.
"""

from __future__ import annotations

import datetime as dt
import mmap
import random
from dataclasses import dataclass, field
from typing import Any

from fieldapp.demo import names as words
from fieldapp.demo.areas import plan_areas
from fieldapp.domain.account import card_number
from fieldapp.domain.areacode import AreaRow
from fieldapp.domain.dates import add_months, month_key
from fieldapp.domain.enums import (
    EDUCATION,
    Category,
    EmployerKind,
    EmploymentForm,
    Health,
    LabourAbility,
    Relation,
    ServiceType,
    UnemploymentClass,
    WorkStatus,
)
from fieldapp.domain.errors import ValidationFailed
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
from fieldapp.domain.places_said import PlaceWording, say_place
from fieldapp.domain.progress import CancelCheck, Cancelled, Progress
from fieldapp.domain.roles import Role
from fieldapp.domain.sentences import said, template
from fieldapp.reference import divisions
from fieldapp.services.areas import area_id
from fieldapp.services.ledgers import make_demo
from fieldapp.services.writer import Actor, CheckedBulkInserter, Writer, actor_of, writing
from fieldapp.store.ids import natural_id, new_id
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.areas import all_areas
from fieldapp.store.queries.persons import existing_id_numbers, person_count

#: Persons per chunk; each chunk is one committed transaction.
FLUSH_PERSONS = 5000
#: Rows per insert statement within a chunk. Each statement of a transaction keeps the pages
#: it changes, as they were, to undo it alone, and the ledger keeps that journal in memory
#: (temp_store=MEMORY: a temp file would be outside the encryption). Rows with ids in no
#: order (monthly statuses have natural ids; the log's index by row id) change a page each,
#: so with a chunk's statuses in one statement that journal grew with the ledger (SQLite's
#: peak within a chunk 51 MB at 25,000 persons, 103 MB at 200,000; the 1M demo's peak 441 MB).
#: In statements of 500 statuses: 200,000 persons peak at 246-248 MB instead of 287, SQLite's
#: own peak 65 MB, the build 6-9 % slower.
STATEMENT_ROWS = 500
#: Who the change log says wrote the demo (never the person at the keyboard).
DEMO_AUTHOR = "演示数据"
#: Serials per region, birth date and sex: odd for men, even for women (GB 11643).
SERIALS = 499
#: Birth years the serial table covers (back from this year); older ones are counted aside.
SERIAL_YEARS = 130
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


#: More demo people asked outside the area this computer is enrolled for (%1), in %2.
OUTSIDE_SCOPE = template(
    "这台电脑登记负责%1，演示数据只能加在%1以内；%2不在其中，请选%1或其下的村组。"
)


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
        cancelled: CancelCheck | None = None,
    ) -> None:
        self.ledger = ledger
        self._actor = actor
        self.target = persons
        self.rng = random.Random(seed)
        #: The details added since (employer kinds, leaving school, returning home, registered
        #: before a job): drawn apart, so a seed's older data stays as it was.
        self.more = random.Random(f"demo-details-{seed}")
        #: The spells made for the person being built: (id, start, end, away from the county).
        self.spells: list[tuple[str, dt.date, dt.date | None, bool]] = []
        #: The categories of the person being built.
        self.categories: set[Category] = set()
        self.area = area
        self.today = today or dt.date.today()
        self.progress = progress
        self.cancelled = cancelled
        #: Serials handed out per (region, birth date, sex), made when the areas are planned.
        self.serials: _Serials
        self.check_existing = False
        self.retired = sorted(divisions().retired_codes())
        self.other_counties = [d.code for d in divisions().counties()]
        self.report = DemoReport()
        self.batch: dict[type[Record], list[dict[str, Any]]] = {}
        self.writer: Writer  # the use-case's writer, while `build` runs

    # -- top level ----------------------------------------------------------------------------

    def build(self) -> DemoReport:
        """Create the areas and all households, chunk by chunk; returns counts.

        Refuses a real ledger (ValidationFailed); Cancelled between chunks keeps what was
        committed (a smaller demo).
        """
        make_demo(self.ledger)
        existing = {a.code: (a.name, a.kind, a.parent_code) for a in all_areas(self.ledger)}
        known = set(existing)
        self.area = self._enrolled_area(self._actor or actor_of(self.ledger), existing)
        plan = plan_areas(self.rng, max(1, self.target // 3), existing, self.area)
        self.plan = plan
        self.serials = _Serials([plan.county, *self.retired, *self.other_counties], self.today)
        self.report.county = plan.county
        self.county_name = plan.existing[plan.county][0]
        self.check_existing = person_count(self.ledger) > 0
        author = self.ledger.author
        self.ledger.author = DEMO_AUTHOR
        try:
            self.actor = self._actor or actor_of(self.ledger)
            with writing(self.ledger, self.actor) as writer:
                self.writer = writer
                self._write(
                    Area,
                    [
                        dict(a, id=area_id(str(a["code"])))
                        for a in plan.new
                        if a["code"] not in known
                    ],
                )
            made = 0
            while made < self.target:
                made += self._household(min(self.target - made, self._household_size()))
                if len(self.batch.get(Person, ())) >= FLUSH_PERSONS:
                    self._commit()
                    self.report.persons = made
                    if self.progress:
                        self.progress(made, self.target)
                    if self.cancelled and self.cancelled():
                        raise Cancelled()
            self._commit()
        finally:
            self.ledger.author = author
        self.report.persons = made
        if self.progress:
            self.progress(made, self.target)
        return self.report

    def _enrolled_area(
        self, actor: Actor, existing: dict[str, tuple[str, str, str | None]]
    ) -> str | None:
        """Where the demo goes on a ledger enrolled with a (training) hub: inside the area the
        enrolment gave it, the whole of it when none is named; a named area outside it is
        refused before anything is written (the device's trust check would refuse every
        household there)."""
        scope = actor.scope
        if actor.role is None or not scope or actor.role is Role.HUB:
            return self.area
        if self.area is None:
            return scope
        if self.area.startswith(scope):
            return self.area

        def name(code: str) -> str:
            return existing.get(code, ("",))[0] or say_place(
                code, divisions(), None, PlaceWording.SENTENCE
            )

        raise ValidationFailed(said(OUTSIDE_SCOPE, name(scope), name(self.area)))

    def _commit(self) -> None:
        """Write the chunk gathered so far in one transaction."""
        if self.check_existing:
            self._avoid_existing_numbers()
        with writing(self.ledger, self.actor) as writer:
            self.writer = writer
            self._flush()

    def _avoid_existing_numbers(self) -> None:
        """Give new numbers to the chunk's persons whose number a person of the ledger has
        (a demo added to a demo): asked of the ledger per chunk, never held in memory."""
        rows = self.batch.get(Person, [])
        while True:
            taken = existing_id_numbers(self.ledger, [r["id_number"] for r in rows])
            if not taken:
                return
            for row in rows:
                number = row["id_number"]
                if number in taken:
                    born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
                    row["id_number"] = self._number_in(number[:6], born, int(number[16]) % 2 == 1)

    def _add(self, model: type[Record], row: dict[str, Any]) -> None:
        self.batch.setdefault(model, []).append(row)

    def _write(
        self,
        model: type[Record],
        rows: list[dict[str, Any]],
        bulk: CheckedBulkInserter | None = None,
    ) -> None:
        # Rows with new ids (in time order) go in at the end of every index, a page after the
        # other: one statement each. Only rows with natural ids need `STATEMENT_ROWS`.
        step = STATEMENT_ROWS if model is MonthlyStatus else max(len(rows), 1)
        for start in range(0, len(rows), step):
            if bulk is None:
                self.writer.insert_many(model, rows[start : start + step])
            else:
                bulk.insert_many(model, rows[start : start + step])
        if rows:
            self.report.rows += len(rows)
            self.report.counts[model.TABLE] = self.report.counts.get(model.TABLE, 0) + len(rows)

    def _flush(self) -> None:
        # Households before persons before everything that points at persons, through one
        # inserter: a household names its head, who comes after it, and an enrolled device's
        # trust check judges the household again once its head is in (where it lies).
        with self.writer.bulk() as bulk:
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
                self._write(model, self.batch.pop(model, []), bulk)

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
        # A day of the year `age` years back, never today or later: the newest babies are
        # spread over the days already past, not piled on yesterday.
        year = self.today.year - age
        first = dt.date(year, 1, 1)
        last = min(dt.date(year, 12, 31), self.today - dt.timedelta(days=1))
        if last < first:
            first = dt.date(year - 1, 1, 1)
        return first + dt.timedelta(days=self.rng.randint(0, (last - first).days))

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
        return self._number_in(region, born, male)

    def _number_in(self, region: str, born: dt.date, male: bool) -> str:
        """The next unused number for a region, birth date and sex (unique by construction).

        Each (region, day, sex) has 499 serials of its sex's parity, handed out from an offset
        fixed by the key (numbers look scattered, as real ones do); a full day moves to the day before.
        """
        while True:
            key = (int(region) * 100_000_000 + int(born.strftime("%Y%m%d"))) * 2 + male
            used = self.serials.used(region, born, male)
            if used < SERIALS:
                break
            born -= dt.timedelta(days=1)  # the day before: never a birth date in the future
        self.serials.take(region, born, male, used + 1)
        serial = ((key % 257) + used) % SERIALS  # 0..498
        seq = serial * 2 + (1 if male else 2)  # men 001..997, women 002..998
        first = f"{region}{born.strftime('%Y%m%d')}{seq:03d}"
        return first + make_check_char(first)

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
        left_school = self._left_school(graduation_year)
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
                "left_school_month": f"{left_school:%Y-%m}" if left_school else None,
                "account_bank": "贵州农信" if age >= 16 else "",
                # The same draw as ever (a seed's other data unchanged), its last digit the card's.
                "account_number": (
                    card_number(f"62215{rng.randint(0, 10**13 - 1):013d}"[:-1]) if age >= 16 else ""
                ),
                "hukou_code": self.plan.county,
                "notes": "",
            },
        )
        self._categories(
            person_id, member, age, health, relocated, lifted, monitored, dibao, left_school
        )
        self.spells = []
        if 16 <= age <= 60 and ability in (
            LabourAbility.ORDINARY,
            LabourAbility.SKILLED,
            LabourAbility.WEAK,
        ):
            self._work(person_id, household_id, age, ability, graduation_year, member.born)
            self._returned(person_id)

    def _left_school(self, graduation_year: int | None) -> dt.date | None:
        """The month a graduate left school: June or July of the graduation year as a rule,
        now and then the winter term's end; none yet for this year's class before it leaves."""
        if graduation_year is None:
            return None
        month = self.more.choices((7, 6, 1, 12), (70, 22, 4, 4))[0]
        left = dt.date(graduation_year, month, 1)
        return left if left <= self.today else None

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
        options = EDUCATION
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
        left_school: dt.date | None,
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
            rng.randint(0, 4)  # the draws as ever (a seed's other data unchanged)
        # 高校毕业生: those who left a college or university in the last five years, from then.
        if left_school is not None and left_school > add_months(self.today, -60):
            found.append((Category.GRADUATE, left_school))
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
        self.categories = {category for category, _start in found}
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
            spell_id, income, placement = self._spell(person_id, age, ability, start, None)
            self._statuses(person_id, spell_id, WorkStatus.EMPLOYED, income, start)
            self._registered_before(person_id, household_id, start, working_age)
            if placement:
                self._follow_ups(person_id, household_id, start)
            elif rng.random() < 0.3:
                self._service(person_id, household_id, ServiceType.POLICY)
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
    ) -> tuple[str, float, bool]:
        """A spell; returns its id, its income and whether it was a placement (organized
        export or a public-welfare post: the due list then asks for follow-up visits)."""
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
            code, place = township, self._place_words(township)
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
                income = rng.choice((800, 1000, 1200))
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
        if form is EmploymentForm.FLEXIBLE and self.more.random() < 0.3:
            # Flexible workers who pay their own insurance (灵活就业人员参保).
            insurance = self.more.randint(min(1, months_worked), months_worked)
        spell_id = new_id()
        self.spells.append((spell_id, start, end, scope != "local"))
        placement = organized or form is EmploymentForm.WELFARE_POST
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
                "employer_kind": self._employer_kind(form, scope, employer),
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
        return spell_id, float(income), placement

    def _place_words(self, code: str) -> str:
        """A place in the county as papers say it ('贵州省毕节市七星关区碧阳街道'): the table's
        name, then the plan's own for a level the table does not list (a ledger's township, the
        城关镇 a county without listed townships gets), never the code's digits."""
        existing = self.plan.existing

        def listed(at: str) -> AreaRow | None:
            found = existing.get(at)
            return AreaRow(at, *found) if found is not None else None

        return say_place(code, divisions(), listed, PlaceWording.WHOLE)

    def _employer_kind(self, form: EmploymentForm, scope: str, employer: str) -> str:
        """用人单位类型 as a coordinator records it: by the employer's name where it tells,
        else in the shares of a village's jobs; now and then not asked (blank)."""
        more = self.more
        if form is EmploymentForm.WORKSHOP or "帮扶车间" in employer:
            return EmployerKind.WORKSHOP.value
        if form is EmploymentForm.SELF_EMPLOYED:
            return EmployerKind.SOLE_TRADER.value
        if form in (EmploymentForm.WELFARE_POST, EmploymentForm.WORK_RELIEF):
            return EmployerKind.OTHER.value
        if more.random() < 0.08:
            return ""
        if "合作社" in employer:
            return EmployerKind.COOPERATIVE.value
        if "种植基地" in employer:
            return more.choice((EmployerKind.LARGE_GROWER, EmployerKind.FAMILY_FARM)).value
        large = {"out": 55, "province": 30}.get(scope, 10)
        kinds = (EmployerKind.LARGE_ENTERPRISE, EmployerKind.SMALL_ENTERPRISE, EmployerKind.OTHER)
        return more.choices(kinds, (large, 95 - large, 5))[0].value

    def _statuses(
        self,
        person_id: str,
        spell_id: str | None,
        status: WorkStatus,
        income: float | None,
        since: dt.date | None = None,
    ) -> None:
        """The last three months' status, entered as a coordinator keeps up: the two months
        before nearly always, this month as far as the month has gone."""
        rng = self.rng
        first = dt.date(self.today.year, self.today.month, 1)
        month_days = (add_months(first, 1) - first).days
        entered = (0.99, 0.96, min(0.9, max(0.05, 1.1 * self.today.day / month_days)))
        for back in range(STATUS_MONTHS - 1, -1, -1):
            if rng.random() >= entered[STATUS_MONTHS - 1 - back]:
                continue
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

    def _registered_before(
        self, person_id: str, household_id: str, hired: dt.date, working_age: dt.date
    ) -> None:
        """Now and then the job ended a registered unemployment (失业登记 until the day before
        the hire), when no other job was held in that time."""
        more = self.more
        if more.random() >= 0.15:
            return
        found = hired - dt.timedelta(days=more.randint(30, 420))
        registered = found + dt.timedelta(days=more.randint(0, 4))
        ended = hired - dt.timedelta(days=1)
        earlier = self.spells[:-1]  # the last is the job itself
        if found < working_age or any(
            start < hired and (end is None or end >= found) for _id, start, end, _away in earlier
        ):
            return
        self._add(
            UnemploymentRegistration,
            {
                "person_id": person_id,
                "found_date": found.isoformat(),
                "registered_date": registered.isoformat(),
                "unemployment_class": more.choice(tuple(UnemploymentClass)).value,
                "ended_date": ended.isoformat(),
            },
        )
        self._add(
            CategoryMembership,
            {
                "person_id": person_id,
                "category": Category.UNEMPLOYED.value,
                "start_date": registered.isoformat(),
                "end_date": ended.isoformat(),
            },
        )
        self._service(person_id, household_id, ServiceType.UNEMPLOYMENT_REGISTRATION, registered)
        # A registered unemployed person placed in a job is visited after (跟踪回访).
        self._follow_ups(person_id, household_id, hired, more, slips=0)

    def _returned(self, person_id: str) -> None:
        """返乡农村劳动力: who came home from work outside the county (that job ended) and took
        a job at home is mostly recorded so, from the day after the job away ended."""
        if Category.RETURNED in self.categories or len(self.spells) < 2:
            return
        ordered = sorted(self.spells, key=lambda s: s[1])
        for (_a, _s, away_end, away), (_b, home_start, _e, home_away) in zip(
            ordered, ordered[1:], strict=False
        ):
            if away and away_end is not None and away_end < home_start and not home_away:
                if self.more.random() < 0.7:
                    self.categories.add(Category.RETURNED)
                    self._add(
                        CategoryMembership,
                        {
                            "person_id": person_id,
                            "category": Category.RETURNED.value,
                            "start_date": (away_end + dt.timedelta(days=1)).isoformat(),
                            "end_date": None,
                        },
                    )
                return

    def _registration(self, person_id: str, household_id: str) -> None:
        """A registration and the services given since, as the due list will judge them:
        most served on time, a few found in the last days, a few slipped by days."""
        rng = self.rng
        today = self.today
        roll = rng.random()
        if roll < 0.08:  # found in the last days: the "1311" and registration still to do
            found = today - dt.timedelta(days=rng.randint(0, 3))
            registered: dt.date | None = None
            given: list[tuple[ServiceType, dt.date]] = []
        elif roll < 0.14:  # slipped: found a few weeks ago, part of the "1311" given
            found = today - dt.timedelta(days=rng.randint(9, 20))
            registered = found + dt.timedelta(days=rng.randint(1, 4))
            given = [(ServiceType.POLICY, found + dt.timedelta(days=1))]
        else:  # served: the "1311" within days, each level's minimum once the level began
            found = self._start(
                today - dt.timedelta(days=HISTORY_DAYS), today - dt.timedelta(days=30)
            )
            registered = found + dt.timedelta(days=rng.randint(0, 4))
            given = self._served(found, registered)
        self._add(
            UnemploymentRegistration,
            {
                "person_id": person_id,
                "found_date": found.isoformat(),
                "registered_date": registered.isoformat() if registered else None,
                "unemployment_class": rng.choice(tuple(UnemploymentClass)).value,
                "ended_date": None,
            },
        )
        if registered is None:
            return
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
        for kind, day in given:
            if day <= today:
                self._service(person_id, household_id, kind, day)

    def _served(self, found: dt.date, registered: dt.date) -> list[tuple[ServiceType, dt.date]]:
        """Services of someone looked after: "1311" in the first days, then every level's
        minimum soon after the level began (now and then the current one is still open)."""
        rng = self.rng
        jobs = ServiceType.JOB_RECOMMENDATION
        # One service a day: the first week after being found is the "1311".
        given = [
            (ServiceType.POLICY, found + dt.timedelta(days=1)),
            (ServiceType.GUIDANCE, found + dt.timedelta(days=2)),
            *((jobs, found + dt.timedelta(days=3 + n)) for n in range(3)),
            (rng.choice((ServiceType.TRAINING, ServiceType.INTERNSHIP)), found + dt.timedelta(6)),
        ]
        minimums = (
            (jobs, jobs, jobs),
            (ServiceType.GUIDANCE, jobs, jobs, jobs),
            (ServiceType.GUIDANCE, jobs, jobs, jobs, ServiceType.TRAINING),
            (ServiceType.ASSISTANCE,),
        )
        starts = [registered] + [
            add_months(registered, m) + dt.timedelta(days=1) for m in (1, 6, 12)
        ]
        for number, (start, needed) in enumerate(zip(starts, minimums, strict=True)):
            if start > self.today:
                break
            current = number == len(starts) - 1 or starts[number + 1] > self.today
            # The current level's minimum is now and then still open (due by the level's
            # end); long-term unemployment is taken into assistance on the day it begins.
            if current and number < len(starts) - 1 and rng.random() < 0.12:
                continue
            first = max(start, found + dt.timedelta(days=7))  # after the "1311" week
            given += [(kind, first + dt.timedelta(days=3 * n)) for n, kind in enumerate(needed)]
        return given

    def _follow_ups(
        self,
        person_id: str,
        household_id: str,
        start: dt.date,
        rng: random.Random | None = None,
        slips: float = 0.06,
    ) -> None:
        """Follow-up visits after a placement, one and three months on (now and then late;
        `slips` of them not given)."""
        rng = rng or self.rng
        for months in (1, 3):
            due = add_months(start, months)
            if due > self.today or rng.random() < slips:
                continue
            day = due - dt.timedelta(days=rng.randint(0, 10))
            self._service(person_id, household_id, ServiceType.FOLLOW_UP, max(day, start))

    def _service(
        self, person_id: str, household_id: str, kind: ServiceType, day: dt.date | None = None
    ) -> None:
        day = day or self._start(self.today - dt.timedelta(days=HISTORY_DAYS), self.today)
        training = kind is ServiceType.TRAINING
        days = self.rng.randint(3, 15) if training else None
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
                "training_days": days,
                "end_date": (day + dt.timedelta(days=days - 1)).isoformat() if days else None,
                "training_kind": "职业技能培训" if training else "",
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


class _Serials:
    """How many serials each (region, birth date, sex) has handed out, in a table of fixed
    size: regions the demo draws numbers from × the days of SERIAL_YEARS × two sexes, two
    bytes each (under 30 MB, of which only the pages written become resident; the table lives
    as long as the builder, a few objects). A dict of
    counters grew with every new key, a hundred MB at a million persons. A region or day
    outside the table (a number renumbered away from an older demo's) is counted aside."""

    def __init__(self, regions: list[str], today: dt.date) -> None:
        self.index = {region: i for i, region in enumerate(dict.fromkeys(regions))}
        self.first_day = dt.date(today.year - SERIAL_YEARS, 1, 1).toordinal()
        self.days = today.toordinal() - self.first_day + 1
        # Anonymous memory: zero pages the system hands out only when first written.
        self._memory = mmap.mmap(-1, 2 * len(self.index) * self.days * 2)
        self.counts = memoryview(self._memory).cast("H")
        self.aside: dict[tuple[str, int, bool], int] = {}

    def _slot(self, region: str, born: dt.date, male: bool) -> int | None:
        where = self.index.get(region)
        day = born.toordinal() - self.first_day
        if where is None or not 0 <= day < self.days:
            return None
        return (where * self.days + day) * 2 + male

    def used(self, region: str, born: dt.date, male: bool) -> int:
        """Serials handed out so far for this region, day and sex."""
        slot = self._slot(region, born, male)
        if slot is None:
            return self.aside.get((region, born.toordinal(), male), 0)
        return int(self.counts[slot])

    def take(self, region: str, born: dt.date, male: bool, used: int) -> None:
        """Record that `used` serials are now handed out."""
        slot = self._slot(region, born, male)
        if slot is None:
            self.aside[(region, born.toordinal(), male)] = used
        else:
            self.counts[slot] = used


def build_demo(
    ledger: Ledger,
    persons: int,
    seed: int = 1,
    area: str | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> DemoReport:
    """Fill a demo ledger with `persons` people (see the module docstring); a new, empty
    ledger becomes a demo ledger, a real one is refused."""
    return DemoBuilder(ledger, persons, seed, area, today, progress, cancelled=cancelled).build()
