"""Test set-up through the services: save records, add persons, read them back.

The application writes only through `fieldapp.services`; tests that need a few rows in a ledger
make them the same way (`Records(ledger).add_person(...)`), so every fixture row is logged and
attributable like a real one. Reads go through `fieldapp.store.queries`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from fieldapp.domain.models import Area, Household, MonthlyStatus, Person, Record
from fieldapp.domain.places_said import say_place
from fieldapp.reference import divisions
from fieldapp.services import areas, persons, work
from fieldapp.services.writer import actor_of, writing
from fieldapp.store.changelog import Change
from fieldapp.store.ledger import Ledger
from fieldapp.store.projector import Projector
from fieldapp.store.queries import records
from fieldapp.store.queries.areas import listed_places
from fieldapp.store.queries.records import to_model

R = TypeVar("R", bound=Record)

#: A text whose JSON is awkward (quotes, backslash, slash, control characters, DEL).
AWKWARD_TEXT = 'a"b\\c/\n\r\t\b\f\x01\x1f\x7f'
#: Values of every kind a column takes from a device's JSON: astral and line-separator
#: characters, empty, null, yes/no, the ends of a 64-bit integer.
AWKWARD_VALUES: list[object] = [
    "😀张三\u2028\u2029",
    "",
    None,
    True,
    False,
    0,
    -1,
    2**63 - 1,
    -(2**63),
]


def person_creations(
    count: int, notes: Callable[[int], object], graduation_year: Callable[[int], object]
) -> list[Change]:
    """`count` logged creations of persons by one device, every field present, the n-th with
    `notes(n)` and `graduation_year(n + 1)`: awkward values for the bulk-row paths (SQLite's JSON
    extraction, PostgreSQL's COPY) to store exactly as binding them one by one does."""
    from tests.conftest import make_id

    fields = Projector(Ledger.open(":memory:").db).data_fields("persons")
    changes = []
    for n in range(count):
        data = {f: None for f in fields} | {"deleted": False}
        data |= {"name": f"张{n}", "id_number": make_id(seq=f"{n % 1000:03d}")}
        data |= {"notes": notes(n), "graduation_year": graduation_year(n + 1)}
        hlc = f"17961470146{n % 100:02d}-{n:04d}"
        changes.append(Change("dev1", n + 1, hlc, "员", "persons", f"p{n:05d}", data, None))
    return changes


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
        return say_place(code, divisions(), listed_places(self.ledger))
