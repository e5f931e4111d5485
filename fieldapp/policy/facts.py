"""The facts the policy engine evaluates: slim, immutable snapshots of one person's records.

They are built either from domain models (`PersonFacts.from_models`, used for one person and in
tests) or in bulk straight from rows by `fieldapp.store.facts` (whole-ledger evaluation), so the
engine itself never touches the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from fieldapp.domain import idnumber
from fieldapp.domain.claims import Claim, ClaimState
from fieldapp.domain.models import (
    CategoryMembership,
    EmploymentSpell,
    Household,
    MonthlyStatus,
    Person,
    ServiceRecord,
    UnemploymentRegistration,
)


@dataclass(frozen=True, slots=True)
class CategorySpan:
    """A category held from `start` to `end` (inclusive, open when None)."""

    category: str
    start: dt.date | None = None
    end: dt.date | None = None

    def holds_on(self, day: dt.date) -> bool:
        """True when held on `day`."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class SpellFacts:
    """One employment spell."""

    id: str
    start: dt.date
    end: dt.date | None = None
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

    def active_on(self, day: dt.date) -> bool:
        """True when the spell covers `day`."""
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class RegistrationFacts:
    """One unemployment registration."""

    id: str
    found_date: dt.date | None = None
    registered_date: dt.date | None = None
    unemployment_class: str | None = None
    ended_date: dt.date | None = None

    def open_on(self, day: dt.date) -> bool:
        """True when the person is registered unemployed on `day`."""
        start = self.registered_date
        return (
            start is not None
            and start <= day
            and (self.ended_date is None or day <= self.ended_date)
        )


@dataclass(frozen=True, slots=True)
class ServiceFacts:
    """One service given."""

    id: str
    date: dt.date
    service_type: str
    training_days: int | None = None


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


@dataclass(frozen=True, slots=True)
class MonthFacts:
    """A month's recorded work status and income."""

    month: str
    status: str
    income: float | None = None


@dataclass(slots=True)
class PersonFacts:
    """Everything the rules look at for one person."""

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
    categories: tuple[CategorySpan, ...] = ()
    spells: tuple[SpellFacts, ...] = ()
    registrations: tuple[RegistrationFacts, ...] = ()
    services: tuple[ServiceFacts, ...] = ()
    claims: tuple[ClaimFacts, ...] = ()
    months: tuple[MonthFacts, ...] = ()

    def age_on(self, day: dt.date) -> int:
        """Whole years of age on `day`."""
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def categories_on(self, day: dt.date) -> set[str]:
        """Categories held on `day`."""
        return {c.category for c in self.categories if c.holds_on(day)}

    def employed_on(self, day: dt.date) -> bool:
        """True when some spell covers `day`."""
        return any(s.active_on(day) for s in self.spells)

    @classmethod
    def from_models(
        cls,
        person: Person,
        *,
        household: Household | None = None,
        area_code: str = "",
        categories: Iterable[CategoryMembership] = (),
        spells: Iterable[EmploymentSpell] = (),
        registrations: Iterable[UnemploymentRegistration] = (),
        services: Iterable[ServiceRecord] = (),
        claims: Iterable[Claim] = (),
        months: Iterable[MonthlyStatus] = (),
    ) -> PersonFacts:
        """Facts from domain models (deleted records are left out)."""
        area = area_code or (household.area_code if household else "")
        return cls(
            person_id=person.id,
            id_number=person.id_number,
            name=person.name,
            birth_date=person.birth_date,
            sex=person.sex,
            household_id=person.household_id,
            area_code=area,
            home_code=home_code_of(person.hukou_code, area, person.id_number),
            labour_ability=str(person.labour_ability),
            graduation_year=person.graduation_year,
            relation=str(person.relation),
            categories=tuple(
                CategorySpan(str(c.category), c.start_date, c.end_date)
                for c in categories
                if not c.deleted
            ),
            spells=tuple(
                sorted(
                    (
                        SpellFacts(
                            s.id,
                            s.start_date,
                            s.end_date,
                            s.place_code,
                            s.place_name,
                            str(s.form),
                            s.employer,
                            s.monthly_income,
                            s.contract_months,
                            s.insurance_months,
                            s.organized_export,
                            s.export_agency,
                            s.is_first_export,
                            s.is_casual,
                        )
                        for s in spells
                        if not s.deleted
                    ),
                    key=lambda s: (s.start, s.id),
                )
            ),
            registrations=tuple(
                RegistrationFacts(
                    r.id,
                    r.found_date,
                    r.registered_date,
                    str(r.unemployment_class) if r.unemployment_class else None,
                    r.ended_date,
                )
                for r in registrations
                if not r.deleted
            ),
            services=tuple(
                ServiceFacts(s.id, s.service_date, str(s.service_type), s.training_days)
                for s in services
                if not s.deleted
            ),
            claims=tuple(
                ClaimFacts(
                    c.id, c.rule_id, c.limit_key, str(c.state), c.event_date, c.created_at or ""
                )
                for c in claims
                if not c.deleted
            ),
            months=tuple(
                MonthFacts(m.month, str(m.status), m.income) for m in months if not m.deleted
            ),
        )


def home_code_of(hukou_code: str | None, area_code: str | None, id_number: str) -> str:
    """The household-registration region: 户籍 code, else the household's area, else the ID's."""
    return hukou_code or area_code or id_number[:6]


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
