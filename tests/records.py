"""Test set-up through the services: save records, add persons, read them back.

The application writes only through `fieldapp.services`; tests that need a few rows in a ledger
make them the same way (`Records(ledger).add_person(...)`), so every fixture row is logged and
attributable like a real one. Reads go through `fieldapp.store.queries`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from fieldapp.domain.models import Area, Household, MonthlyStatus, Person, Record
from fieldapp.services import areas, persons, work
from fieldapp.services.writer import actor_of, writing
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries import records
from fieldapp.store.queries.records import to_model

R = TypeVar("R", bound=Record)


class Records:
    """One ledger's rows, made through the services and read through the queries."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.db = ledger.db
        self.actor = actor_of(ledger)

    # -- writes (services) ----------------------------------------------------------------

    def save(self, record: Record) -> str:
        """Create or update any record; returns its id."""
        with writing(self.ledger, self.actor) as writer:
            return writer.save(record)

    def ensure_area(self, area: Area) -> str:
        """Create an area once; returns its row id."""
        areas.ensure(self.ledger, self.actor, [area])
        return areas.area_id(area.code)

    def add_person(self, person: Person, *, confirmed: bool = False) -> tuple[str, list[str]]:
        """A new person after the entry rules: (id, warnings)."""
        changes = persons.save(self.ledger, self.actor, person, confirmed=confirmed)
        return changes.id or "", list(changes.warnings)

    def set_monthly_status(self, status: MonthlyStatus) -> str:
        """A month's status (its id derives from person and month)."""
        return work.set_monthly_status(self.ledger, self.actor, status).id or ""

    # -- reads (queries) ------------------------------------------------------------------

    def get(self, model: type[R], row_id: str) -> R:
        """One record by id, or NotFound."""
        return records.get(self.ledger, model, row_id)

    def household(self, household_id: str) -> Household:
        """One household by id."""
        return records.get(self.ledger, Household, household_id)

    def select(self, model: type[R], where: str, params: Iterable[Any] = ()) -> list[R]:
        """Live records matching a WHERE clause (tests may write their SQL)."""
        rows = self.db.execute(
            f"SELECT * FROM [{model.TABLE}] WHERE deleted = 0 AND ({where})", list(params)
        )
        names = [d[0] for d in rows.description]
        return [to_model(model, dict(zip(names, r, strict=True))) for r in rows.fetchall()]

    def person_by_id_number(self, number: str) -> Person | None:
        """The live person holding an ID number."""
        return records.person_by_id_number(self.ledger, number)

    def person_records(self, model: type[R], person_id: str) -> list[R]:
        """A person's live records of one kind."""
        return records.person_records(self.ledger, model, person_id)

    def members(self, household_id: str) -> list[Person]:
        """Live members of a household."""
        return records.members(self.ledger, household_id)

    def area_path(self, code: str | None) -> str:
        """'乡镇 村 组' of an area code."""
        return records.area_path(self.ledger, code)
