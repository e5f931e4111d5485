"""The facts the policy engine evaluates: slim, immutable snapshots of one person's records.

Each facts class is a snapshot of one domain model (`fieldapp.domain.snapshots`): it copies the
model's fields under the model's names, so `fieldapp.store.facts` loads them by name in bulk straight from rows (whole-ledger evaluation)
and the engine itself never touches the database. To give the rules a new fact, add the field
to the model, its column to a migration, and the same name to the facts class;
tests/store/test_records_agree.py fails until the three agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from fieldapp.domain import idnumber
from fieldapp.domain.claims import Claim, ClaimState
from fieldapp.domain.enums import EmploymentForm
from fieldapp.domain.models import (
    CategoryMembership,
    EmploymentSpell,
    MonthlyStatus,
    Person,
    ServiceRecord,
    UnemploymentRegistration,
)
from fieldapp.domain.snapshots import snapshot_fields, snapshot_maker, snapshot_of


@snapshot_of(CategoryMembership)
@dataclass(frozen=True, slots=True)
class CategorySpan:
    """A category held from `start_date` to `end_date` (inclusive, open when None)."""

    category: str
    start_date: dt.date | None = None
    end_date: dt.date | None = None

    def holds_on(self, day: dt.date) -> bool:
        """True when held on `day`."""
        return (self.start_date is None or self.start_date <= day) and (
            self.end_date is None or day <= self.end_date
        )


#: The forms of work the program has (`EmploymentForm`, 未登记 among them).
_FORMS = frozenset(f.value for f in EmploymentForm)


@snapshot_of(EmploymentSpell)
@dataclass(frozen=True, slots=True)
class SpellFacts:
    """One employment spell: every `EmploymentSpell` field but its person.

    To give the rules a new fact about a spell, add the field to `EmploymentSpell`, its column
    to a migration, and here under the same name: the loaders copy fields by name.
    """

    id: str
    start_date: dt.date
    end_date: dt.date | None = None
    place_code: str = ""
    place_name: str = ""
    form: str = "单位就业"
    employer: str = ""
    monthly_income: float | None = None
    contract_months: int | None = None
    insurance_months: int | None = None
    organized_export: bool = False
    export_agency: str = ""
    is_first_export: bool | None = None
    is_casual: bool = False
    training_days: int | None = None
    employer_kind: str = ""

    def __post_init__(self) -> None:
        # A stored form none of the program's (打零工 from an old import, written past the
        # services; its model refuses it), or a blank one, is read as 未登记: the 月报 counted it as a form of
        # its own, and no rule may see a form it cannot name. Safe for eligibility: a pack's
        # `forms` are the program's and never 未登记 (`Conditions`), so neither is paid, and
        # nothing else asks a spell's form but for 自主创业 and 公益性岗位.
        if self.form not in _FORMS:
            object.__setattr__(self, "form", EmploymentForm.UNKNOWN.value)

    def active_on(self, day: dt.date) -> bool:
        """True when the spell covers `day`."""
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)


@snapshot_of(UnemploymentRegistration)
@dataclass(frozen=True, slots=True)
class RegistrationFacts:
    """One unemployment registration."""

    id: str
    found_date: dt.date | None = None
    registered_date: dt.date | None = None
    unemployment_class: str | None = None
    ended_date: dt.date | None = None


@snapshot_of(ServiceRecord)
@dataclass(frozen=True, slots=True)
class ServiceFacts:
    """One service given."""

    id: str
    service_date: dt.date
    service_type: str
    training_days: int | None = None
    end_date: dt.date | None = None
    training_kind: str = ""


@snapshot_of(Claim)
@dataclass(frozen=True, slots=True)
class ClaimFacts:
    """An existing claim, as far as limits and 'already claimed' need it."""

    id: str
    rule_id: str
    limit_key: str
    state: str
    event_date: dt.date | None = None
    created_at: str = ""

    @property
    def live(self) -> bool:
        """Rejected and reversed claims no longer count."""
        return self.state not in (ClaimState.REJECTED.value, ClaimState.REVERSED.value)


@snapshot_of(MonthlyStatus)
@dataclass(frozen=True, slots=True)
class MonthFacts:
    """A month's recorded work status and income."""

    month: str
    status: str
    income: float | None = None


@snapshot_of(Person)
@dataclass(frozen=True, slots=True)
class PersonFields:
    """The `Person` fields `PersonFacts` copies by name, with their types and defaults."""

    id_number: str
    name: str
    household_id: str | None = None
    labour_ability: str = "普通劳动力"
    graduation_year: int | None = None
    relation: str = ""
    left_school_month: str | None = None
    #: When the person entered this ledger (the change log's time): the monthly update falls
    #: due from the month after.
    created_at: str | None = None


@dataclass(frozen=True, slots=True)
class NamesakeFacts:
    """Another person row holding the same ID number — one person entered twice (two
    households, two laptops; or deleted since as the duplicate, its drafts left out): its jobs,
    trainings and claims, which are the person's too (a job recorded on each row is one job, a
    subsidy claimed on either row is claimed)."""

    person_id: str
    spells: tuple[SpellFacts, ...] = ()
    services: tuple[ServiceFacts, ...] = ()
    claims: tuple[ClaimFacts, ...] = ()
    #: Deleted since, as the duplicate: the coordinator finds it in no list.
    deleted: bool = False


@dataclass(slots=True)
class PersonFacts:
    """Everything the rules look at for one person.

    `person_id` is the person's `id`; the fields of `PersonFields` are the `Person` fields of
    the same name; `birth_date` and `sex` derive from the ID number, `area_code` is the
    household's and `home_code` the household registration's region (`home_code_of`).
    """

    person_id: str
    id_number: str
    name: str
    birth_date: dt.date
    sex: str = ""
    household_id: str | None = None
    area_code: str = ""
    home_code: str = ""
    labour_ability: str = "普通劳动力"
    graduation_year: int | None = None
    relation: str = ""
    left_school_month: str | None = None
    created_at: str | None = None
    categories: tuple[CategorySpan, ...] = ()
    spells: tuple[SpellFacts, ...] = ()
    registrations: tuple[RegistrationFacts, ...] = ()
    services: tuple[ServiceFacts, ...] = ()
    claims: tuple[ClaimFacts, ...] = ()
    months: tuple[MonthFacts, ...] = ()
    #: The other live rows of the same person (the same ID number), if any (`NamesakeFacts`).
    namesakes: tuple[NamesakeFacts, ...] = ()

    def age_on(self, day: dt.date) -> int:
        """Whole years of age on `day`."""
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def categories_on(self, day: dt.date) -> set[str]:
        """Categories held on `day`."""
        return {c.category for c in self.categories if c.holds_on(day)}

    def categories_during(self, start: dt.date, end: dt.date) -> frozenset[str]:
        """Categories held on some day from `start` to `end` (inclusive)."""
        return frozenset(
            c.category
            for c in self.categories
            if (c.start_date is None or c.start_date <= end)
            and (c.end_date is None or start <= c.end_date)
        )

    def employed_on(self, day: dt.date) -> bool:
        """True when some spell covers `day`."""
        return any(s.active_on(day) for s in self.spells)


def person_fields(values: Sequence[Any]) -> dict[str, Any]:
    """`PersonFacts` keywords from the `PERSON_FIELDS` values of a person, stored or model form."""
    made = snapshot_maker(PersonFields)(values)
    return {name: getattr(made, name) for name in PERSON_FIELDS}


#: The `Person` fields `PersonFacts` copies by name (the rest are joined or derived).
PERSON_FIELDS = snapshot_fields(PersonFields)


def home_code_of(hukou_code: str | None, area_code: str | None, id_number: str) -> str:
    """The household-registration region: 户籍 code, else the household's area, else the ID's."""
    return hukou_code or area_code or id_number[:6]


#: The facts classes taken from one record each (the whole-ledger loader reads their tables).
FACT_CLASSES = (CategorySpan, SpellFacts, RegistrationFacts, ServiceFacts, ClaimFacts, MonthFacts)


@dataclass(slots=True)
class HouseholdFacts:
    """A household and its members' facts (for household duties and reports)."""

    household_id: str
    area_code: str = ""
    household_no: str = ""
    address: str = ""
    is_relocated: bool = False
    is_lifted: bool = False
    members: list[PersonFacts] = field(default_factory=list)


def birth_of(id_number: str) -> dt.date:
    """Birth date from an ID number (fast path for bulk loading)."""
    try:
        return dt.date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    except ValueError:
        return idnumber.validate(id_number).birth_date
