"""Reading and writing ledger records as domain models, with the ledger's entry rules.

The rules that need the database live here: an ID number already in the ledger is refused
(naming the existing person and their place), the same name and birth date under another ID is a
warning the user confirms.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from fieldapp.domain import idnumber
from fieldapp.domain.errors import DuplicateIdNumber, NeedsConfirmation, NotFound
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
from fieldapp.store.ledger import Ledger, natural_id

R = TypeVar("R", bound=Record)

#: Tables whose rows belong to one person (their history is part of the person's).
PERSON_TABLES: tuple[type[Record], ...] = (
    CategoryMembership,
    EmploymentSpell,
    UnemploymentRegistration,
    ServiceRecord,
    MonthlyStatus,
)


def to_model(model: type[R], row: dict[str, Any]) -> R:
    """A projected row as a domain model (derived and merge columns ignored)."""
    return model.model_validate({k: v for k, v in row.items() if v is not None})


class Repository:
    """Domain-level reads and writes over one ledger."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.db = ledger.db

    # -- generic --------------------------------------------------------------------------

    def save(self, record: Record) -> str:
        """Insert a new record or update the changed fields of an existing one."""
        if record.id and self.ledger.get(record.TABLE, record.id) is not None:
            self.ledger.update(record.TABLE, record.id, record.fields())
            return record.id
        return self.ledger.insert(record.TABLE, record.fields(), record.id or None)

    def get(self, model: type[R], row_id: str) -> R:
        """One record by id, or NotFound."""
        row = self.ledger.get(model.TABLE, row_id)
        if row is None:
            raise NotFound(f"找不到记录 {row_id}")
        return to_model(model, row)

    def select(self, model: type[R], where: str, params: Iterable[Any] = ()) -> list[R]:
        """Live (not deleted) records matching a WHERE clause."""
        rows = self.db.execute(
            f"SELECT * FROM [{model.TABLE}] WHERE deleted = 0 AND ({where})", list(params)
        )
        names = [d[0] for d in rows.description]
        return [to_model(model, dict(zip(names, r, strict=True))) for r in rows.fetchall()]

    # -- areas ------------------------------------------------------------------------------

    def area(self, code: str) -> Area | None:
        """The area with this code, if the ledger knows it."""
        found = self.select(Area, "code = ?", [code])
        return found[0] if found else None

    def ensure_area(self, area: Area) -> str:
        """Create an area once (its id derives from its code, so devices agree)."""
        row_id = natural_id("areas", area.code)
        if self.ledger.get("areas", row_id) is None:
            self.ledger.insert("areas", area.fields(), row_id)
        return row_id

    def area_path(self, code: str | None) -> str:
        """'某乡镇 某村 某组' for display; the code itself when unknown."""
        names: list[str] = []
        seen: set[str] = set()
        while code and code not in seen:
            seen.add(code)
            area = self.area(code)
            if area is None:
                break
            names.append(area.name)
            code = area.parent_code
        return " ".join(reversed(names)) or (code or "")

    # -- households and persons ------------------------------------------------------------

    def person_by_id_number(self, number: str) -> Person | None:
        """The live person holding this ID number, if any."""
        number = idnumber.normalise(number)
        found = self.select(Person, "id_number = ?", [number])
        return found[0] if found else None

    def person_place(self, person: Person) -> str:
        """Where a person is registered: the area path of their household."""
        if not person.household_id:
            return "未分户"
        row = self.ledger.get("households", person.household_id)
        return self.area_path(row["area_code"]) if row else "未分户"

    def check_new_person(self, person: Person, *, confirmed: bool = False) -> list[str]:
        """Entry rules; raises DuplicateIdNumber / NeedsConfirmation, returns warnings."""
        existing = self.person_by_id_number(person.id_number)
        if existing is not None and existing.id != person.id:
            raise DuplicateIdNumber(
                person.id_number, existing.id, existing.name, self.person_place(existing)
            )
        warnings = list(idnumber.validate(person.id_number).warnings)
        similar = [
            p
            for p in self.select(
                Person, "name = ? AND birth_date = ?", [person.name, person.birth_date.isoformat()]
            )
            if p.id != person.id
        ]
        if similar:
            other = similar[0]
            message = (
                f"台账中已有同名同出生日期的人：{other.name}，身份证号 {other.id_number}"
                f"（{self.person_place(other)}）。请确认不是同一人"
            )
            if not confirmed:
                raise NeedsConfirmation(message)
            warnings.append(message)
        return warnings

    def add_person(self, person: Person, *, confirmed: bool = False) -> tuple[str, list[str]]:
        """Save a new person after the entry rules; returns (id, warnings)."""
        with self.ledger.transaction():
            warnings = self.check_new_person(person, confirmed=confirmed)
            return self.save(person), warnings

    def update_person(self, person: Person, *, confirmed: bool = False) -> list[str]:
        """Save edits to a person, re-checking the entry rules when the ID or name changed."""
        with self.ledger.transaction():
            warnings = self.check_new_person(person, confirmed=confirmed)
            self.save(person)
            return warnings

    def members(self, household_id: str) -> list[Person]:
        """Live members of a household."""
        return self.select(Person, "household_id = ?", [household_id])

    def person_records(self, model: type[R], person_id: str) -> list[R]:
        """A person's live categories, spells, registrations, services or monthly status."""
        return self.select(model, "person_id = ?", [person_id])

    def set_monthly_status(self, status: MonthlyStatus) -> str:
        """Record a month's status; the row id derives from (person, month) so devices agree."""
        status.id = natural_id("monthly_status", status.person_id, status.month)
        return self.save(status)

    def visits_of(self, household_id: str) -> list[Visit]:
        """Live visits to a household."""
        return self.select(Visit, "household_id = ?", [household_id])

    def household(self, household_id: str) -> Household:
        """One household by id."""
        return self.get(Household, household_id)
