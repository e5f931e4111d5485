"""Pydantic models of ledger records. Each maps to one store table (`TABLE`).

Every record carries who created and last changed it, on which device and when; the store fills
those from the change log, so callers never type them.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from fieldapp.domain import idnumber
from fieldapp.domain.areacode import SPACES_AROUND, AreaCode, InvalidAreaCode
from fieldapp.domain.dates import add_months
from fieldapp.domain.enums import (
    AreaKind,
    Category,
    EmploymentForm,
    Health,
    LabourAbility,
    Relation,
    ServiceType,
    UnemploymentClass,
    UnemploymentLevel,
    WorkStatus,
)
from fieldapp.domain.regions import PlaceScope, place_scope
from fieldapp.domain.sentences import said


class Record(BaseModel):
    """Common columns: id, soft-delete flag and attribution."""

    # defer_build: each model's validator is built when the model is first used, not when this
    # module is imported (the desktop app's start built all nine before its window showed).
    model_config = ConfigDict(use_enum_values=False, extra="ignore", defer_build=True)
    TABLE: ClassVar[str] = ""

    id: str = ""
    deleted: bool = False
    created_at: str | None = None
    created_by: str | None = None
    created_device: str | None = None
    updated_at: str | None = None
    updated_by: str | None = None
    updated_device: str | None = None

    def fields(self) -> dict[str, object]:
        """The record's own data fields as stored (dates as ISO text, enums as text)."""
        skip = set(Record.model_fields)
        return {k: v for k, v in self.model_dump(mode="json").items() if k not in skip}


class Area(Record):
    """A place in the tree: county → township → village → group, or site → building."""

    TABLE: ClassVar[str] = "areas"
    code: str
    name: str
    kind: AreaKind
    parent_code: str | None = None

    @field_validator("code", "parent_code")
    @classmethod
    def _valid_code(cls, value: str | None) -> str | None:
        return exact_area_code(value)


class Household(Record):
    """户: an address in an area, a head and members."""

    TABLE: ClassVar[str] = "households"
    area_code: str
    address: str = ""
    household_no: str = ""
    head_person_id: str | None = None
    is_relocated: bool = False
    is_lifted: bool = False
    notes: str = ""

    @field_validator("area_code")
    @classmethod
    def _valid_area(cls, value: str) -> str:
        return exact_area_code(value) or ""


def exact_area_code(value: str | None) -> str | None:
    """`value` when it is blank or exactly an area code (6, 9, 12 or 15 ASCII digits, nothing
    around them); else `InvalidAreaCode` with a Chinese reason (pydantic reports it as the
    field's error). A household's area was any text: `abc`, or a village's code with letters
    after it, which lay "inside" the village for every scope check."""
    if value and AreaCode(value) != value:  # AreaCode refuses what is no code at all
        raise InvalidAreaCode(said(SPACES_AROUND, value))
    return value


class Person(Record):
    """人: keyed in practice by the 18-digit ID number; birth date and sex are derived from it."""

    TABLE: ClassVar[str] = "persons"
    household_id: str | None = None
    name: str = Field(min_length=1, max_length=40)
    id_number: str
    relation: Relation = Relation.HEAD
    phone: str = ""
    labour_ability: LabourAbility = LabourAbility.ORDINARY
    health: Health = Health.HEALTHY
    education: str = ""
    graduation_year: int | None = None
    #: 离校年月 'YYYY-MM': graduate windows (离校2年内, 离校5年内) are counted from it.
    left_school_month: str | None = Field(default=None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    account_bank: str = ""
    account_number: str = ""
    hukou_code: str = ""
    notes: str = ""
    #: Why the last deletion, restoring or move happened (written in the same logged change,
    #: so the history shows it beside the change): 迁出, 死亡, 重复录入, 分户, 合户, 婚迁 …
    change_reason: str = ""
    #: The household of another area this person is offered to move into, waiting for that
    #: area's device to take them in (`services.households.accept_move`) or not; None: no
    #: offer. The person stays in `household_id` until then.
    moving_to: str | None = None

    @field_validator("id_number", mode="before")
    @classmethod
    def _valid_id(cls, value: str) -> str:
        return idnumber.validate(value).number

    @field_validator("name", mode="before")
    @classmethod
    def _clean_name(cls, value: str) -> str:
        return "".join(str(value).split())

    @property
    def birth_date(self) -> dt.date:
        """Derived from the ID number."""
        return idnumber.validate(self.id_number).birth_date

    @property
    def sex(self) -> str:
        """男 or 女, derived from the ID number."""
        return "男" if int(self.id_number[16]) % 2 else "女"

    def age_on(self, day: dt.date) -> int:
        """Whole years of age on a date (29 February birthdays turn on 1 March)."""
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class CategoryMembership(Record):
    """A category held from `start` to `end` (inclusive; open-ended when None)."""

    TABLE: ClassVar[str] = "person_categories"
    person_id: str
    category: Category
    start_date: dt.date | None = None
    end_date: dt.date | None = None

    def holds_on(self, day: dt.date) -> bool:
        """True when the category is held on `day`."""
        if self.deleted:
            return False
        if self.start_date and day < self.start_date:
            return False
        return not (self.end_date and day > self.end_date)


class EmploymentSpell(Record):
    """A continuous job: where, in what form, for whom, since when, with what contract."""

    TABLE: ClassVar[str] = "employment_spells"
    person_id: str
    start_date: dt.date
    end_date: dt.date | None = None
    place_code: str = ""
    place_name: str = ""
    form: EmploymentForm = EmploymentForm.EMPLOYEE
    employer: str = ""
    #: 用人单位类型, one of `EmployerKind`'s words: the employer-absorption subsidies pay only
    #: some kinds of employer.
    employer_kind: str = ""
    monthly_income: float | None = None
    contract_months: int | None = None
    insurance_months: int | None = None
    organized_export: bool = False
    export_agency: str = ""
    is_first_export: bool | None = None
    is_casual: bool = False
    training_days: int | None = None

    def scope(self, home_code: str) -> PlaceScope | None:
        """乡镇内 / 县内 / 省内跨县 / 跨省 relative to the person's home county."""
        if not self.place_code or not home_code:
            return None
        return place_scope(home_code, self.place_code)

    def active_on(self, day: dt.date) -> bool:
        """True when the spell covers `day`."""
        if self.deleted or day < self.start_date:
            return False
        return self.end_date is None or day <= self.end_date


class UnemploymentRegistration(Record):
    """失业登记: when the person was found and registered, and their class."""

    TABLE: ClassVar[str] = "unemployment_registrations"
    person_id: str
    found_date: dt.date | None = None
    registered_date: dt.date | None = None
    unemployment_class: UnemploymentClass | None = None
    ended_date: dt.date | None = None

    def level_on(self, day: dt.date) -> UnemploymentLevel | None:
        """四级 by time registered on `day`: ≤1, ≤6, ≤12 or >12 months (黔府发〔2023〕12号 附件3（六）)."""
        if not self.registered_date or day < self.registered_date:
            return None
        for months, level in (
            (1, UnemploymentLevel.SHORT),
            (6, UnemploymentLevel.MEDIUM_SHORT),
            (12, UnemploymentLevel.MEDIUM_LONG),
        ):
            if day <= add_months(self.registered_date, months):
                return level
        return UnemploymentLevel.LONG


class Visit(Record):
    """走访: a coordinator's visit to a household (and possibly one person)."""

    TABLE: ClassVar[str] = "visits"
    household_id: str
    person_id: str | None = None
    visit_date: dt.date
    visitor: str = ""
    notes: str = ""
    outcome: str = ""


class ServiceRecord(Record):
    """A service given to a person: job recommendation, guidance, training, briefing…"""

    TABLE: ClassVar[str] = "services"
    person_id: str
    household_id: str | None = None
    visit_id: str | None = None
    service_date: dt.date
    service_type: ServiceType
    notes: str = ""
    outcome: str = ""
    training_days: int | None = None
    end_date: dt.date | None = None
    training_kind: str = ""


class MonthlyStatus(Record):
    """A person's work status for one month; its id is derived from (person, month)."""

    TABLE: ClassVar[str] = "monthly_status"
    person_id: str
    month: str = Field(pattern=r"^\d{4}-\d{2}$")
    status: WorkStatus
    spell_id: str | None = None
    income: float | None = None
    notes: str = ""
