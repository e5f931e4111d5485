"""Ledger records read back as domain models: one by id, a household's members, a person's
categories, spells, registrations, services and months, and where a person lives."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from pydantic import ValidationError

from fieldapp.domain import idnumber
from fieldapp.domain.enums import Relation
from fieldapp.domain.errors import MalformedRow, NotFound
from fieldapp.domain.models import (
    Area,
    CategoryMembership,
    EmploymentSpell,
    MonthlyStatus,
    Person,
    Record,
    ServiceRecord,
    UnemploymentRegistration,
    Visit,
)
from fieldapp.domain.places_said import say_place
from fieldapp.domain.sentences import said, template
from fieldapp.reference import divisions
from fieldapp.store.queries import Source, db_of
from fieldapp.store.queries.areas import listed_places
from fieldapp.store.queries.malformed import malformed, note, person_unreadable, value_said

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger

R = TypeVar("R", bound=Record)

#: Records that belong to one person (their history is part of the person's).
PERSON_RECORDS: tuple[type[Record], ...] = (
    CategoryMembership,
    EmploymentSpell,
    UnemploymentRegistration,
    ServiceRecord,
    MonthlyStatus,
)


def to_model(model: type[R], row: dict[str, Any]) -> R:
    """A projected row as a domain model (derived and merge columns ignored); `MalformedRow`
    (a Chinese message) when the stored values are not what the model accepts."""
    try:
        return model.model_validate({k: v for k, v in row.items() if v is not None})
    except (ValidationError, ValueError, TypeError) as error:
        raise malformed(model.TABLE, row, error) from None


def to_models(db: Any, model: type[R], names: list[str], rows: Iterable[Sequence[Any]]) -> list[R]:
    """Rows as models; one no model accepts is left out and noted (`malformed.skipped`)."""
    return [made for _row, made in _accepted(db, model, names, rows)]


def accepted_rows(
    db: Any, model: type[R], names: list[str], rows: Iterable[Sequence[Any]]
) -> list[dict[str, Any]]:
    """The rows `to_models` makes models of, as stored (a dict each, as `Ledger.get` reads
    one): for a check that reads them as the ledger holds them."""
    return [row for row, _made in _accepted(db, model, names, rows)]


def _accepted(
    db: Any, model: type[R], names: list[str], rows: Iterable[Sequence[Any]]
) -> list[tuple[dict[str, Any], R]]:
    found = []
    for values in rows:
        row = dict(zip(names, values, strict=True))
        try:
            found.append((row, to_model(model, row)))
        except MalformedRow as error:
            note(db, error)
    return found


def find(ledger: Ledger, model: type[R], row_id: str) -> R | None:
    """One record by id (deleted ones too), or None."""
    row = ledger.get(model.TABLE, row_id) if row_id else None
    return None if row is None else to_model(model, row)


#: No row of this id (%1), deleted or not.
NO_RECORD = template("找不到记录 %1")


def get(ledger: Ledger, model: type[R], row_id: str) -> R:
    """One record by id, or NotFound."""
    found = find(ledger, model, row_id)
    if found is None:
        raise NotFound(said(NO_RECORD, row_id))
    return found


def person_for_repair(ledger: Ledger, person_id: str) -> tuple[Person, dict[str, str]]:
    """A person whose stored row the model refuses, for the editor that corrects it: the row
    with the refused fields left at the model's defaults, and those fields with what is stored
    in them as a clerk reads it (“（空）”, or the value quoted). `MalformedRow` when even that
    is refused (a field with no default is wrong: the name, the ID number), NotFound when
    there is no such row."""
    row = ledger.get(Person.TABLE, person_id) if person_id else None
    if row is None:
        raise NotFound(said(NO_RECORD, person_id))
    try:
        return to_model(Person, row), {}
    except MalformedRow as error:
        refused = {field: value_said(row.get(field)) for field in error.fields}
    kept = {k: v for k, v in row.items() if k not in refused}
    return to_model(Person, kept), refused


def _select(ledger: Ledger, model: type[R], where: str, params: Iterable[Any] = ()) -> list[R]:
    """Live (not deleted) records matching a trusted WHERE clause."""
    rows = ledger.db.execute(
        f"SELECT * FROM [{model.TABLE}] WHERE deleted = 0 AND ({where}) ORDER BY rowid",
        list(params),
    )
    names = [d[0] for d in rows.description]
    return to_models(ledger.db, model, names, rows.fetchall())


def person_by_id_number(ledger: Ledger, number: str) -> Person | None:
    """The live person holding this ID number, if any; `MalformedRow` (saying the person is
    in the ledger, which field holds which unreadable value, and what to do) when their
    stored row is one the model refuses — never None for a person who is there."""
    rows = ledger.db.execute(
        "SELECT * FROM [persons] WHERE deleted = 0 AND id_number = ? ORDER BY rowid",
        [idnumber.normalise(number)],
    )
    names = [d[0] for d in rows.description]
    row = rows.fetchone()
    if row is None:
        return None
    stored = dict(zip(names, row, strict=True))
    try:
        return Person.model_validate({k: v for k, v in stored.items() if v is not None})
    except (ValidationError, ValueError, TypeError) as error:
        raise person_unreadable(stored, error) from None


def namesakes(ledger: Ledger, person: Person) -> list[Person]:
    """Other live persons with the same name and birth date (perhaps the same person)."""
    found = _select(
        ledger, Person, "name = ? AND birth_date = ?", [person.name, person.birth_date.isoformat()]
    )
    return [p for p in found if p.id != person.id]


def members(ledger: Ledger, household_id: str) -> list[Person]:
    """Live members of a household."""
    return _select(ledger, Person, "household_id = ?", [household_id])


def offered_persons(ledger: Ledger) -> list[Person]:
    """Live persons offered to another household (`Person.moving_to`), waiting to be taken in."""
    return _select(ledger, Person, "moving_to IS NOT NULL AND moving_to != ''")


def rows_by_id(ledger: Ledger, table: str, row_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """`ledger.get` of many rows of one table at once, by id (deleted rows included; an id
    not there is not a key): one statement per `PEOPLE_PER_QUERY` ids."""
    wanted = sorted({row_id for row_id in row_ids if row_id})
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(wanted), PEOPLE_PER_QUERY):
        chunk = wanted[start : start + PEOPLE_PER_QUERY]
        marks = ", ".join("?" * len(chunk))
        cursor = ledger.db.execute(f"SELECT * FROM [{table}] WHERE id IN ({marks})", chunk)
        names = [d[0] for d in cursor.description]
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            found[str(row["id"])] = row
    return found


def head_names(ledger: Ledger, household_ids: Iterable[str]) -> dict[str, str]:
    """The name of each household's live head (the first `members` lists), by household id;
    a household without one is not a key. One statement per `PEOPLE_PER_QUERY` households."""
    wanted = sorted({household for household in household_ids if household})
    found: dict[str, str] = {}
    for start in range(0, len(wanted), PEOPLE_PER_QUERY):
        chunk = wanted[start : start + PEOPLE_PER_QUERY]
        marks = ", ".join("?" * len(chunk))
        rows = ledger.db.execute(
            "SELECT household_id, name FROM [persons] WHERE deleted = 0 AND relation = ? "
            f"AND household_id IN ({marks}) ORDER BY rowid",
            [Relation.HEAD.value, *chunk],
        ).fetchall()
        for household, name in rows:
            found.setdefault(str(household), str(name or ""))
    return found


def person_records(ledger: Ledger, model: type[R], person_id: str) -> list[R]:
    """A person's live categories, spells, registrations, services or monthly status."""
    return _select(ledger, model, "person_id = ?", [person_id])


#: Ids per statement of `people_records` (well under every store's limit of parameters).
PEOPLE_PER_QUERY = 500


def people_records(ledger: Ledger, model: type[R], person_ids: Iterable[str]) -> dict[str, list[R]]:
    """`person_records` of many persons at once, by person id (each asked for is a key, with
    none for a person who has none): one statement per `PEOPLE_PER_QUERY` persons."""
    wanted = sorted(set(person_ids))
    found: dict[str, list[R]] = {person: [] for person in wanted}
    for start in range(0, len(wanted), PEOPLE_PER_QUERY):
        chunk = wanted[start : start + PEOPLE_PER_QUERY]
        marks = ", ".join("?" * len(chunk))
        for record in _select(ledger, model, f"person_id IN ({marks})", chunk):
            found[str(getattr(record, "person_id", ""))].append(record)
    return found


def household_visits(ledger: Ledger, household_id: str) -> list[Visit]:
    """The live visits to a whole household (全户), not to one of its members."""
    return _select(ledger, Visit, "household_id = ? AND person_id IS NULL", [household_id])


def visit_services(ledger: Ledger, visit_id: str) -> list[ServiceRecord]:
    """The live services given on a visit."""
    return _select(ledger, ServiceRecord, "visit_id = ?", [visit_id])


def area(ledger: Ledger, code: str) -> Area | None:
    """The live area with this code, if the ledger knows it."""
    found = _select(ledger, Area, "code = ?", [code])
    return found[0] if found else None


#: Where a person of no household is said to be (one of the program's words, not a place).
NO_HOUSEHOLD = "未分户"


def person_place(ledger: Ledger, person: Person) -> str:
    """Where a person is registered: the area path of their household (an area this ledger
    does not list named from the division table, not shown as its digits)."""
    return household_place(ledger, person.household_id)


def household_place(source: Source, household_id: str | None) -> str:
    """Where a household's members are registered, as `person_place` says it: its area's path
    (a household deleted since, too); `NO_HOUSEHOLD` for none, or one the ledger lacks."""
    db = db_of(source)
    row = (
        db.execute("SELECT area_code FROM households WHERE id = ?", [household_id]).fetchone()
        if household_id
        else None
    )
    if row is None:
        return NO_HOUSEHOLD
    return say_place(row[0], divisions(), listed_places(db))


class OfferedRow(NamedTuple):
    """A person offered to a household (`Person.moving_to`), with what the receiving village
    is shown of them: who, from where, into whose household (`offered_rows`)."""

    id: str
    name: str
    id_number: str
    change_reason: str
    moving_to: str
    #: Where the person lives now: their household's area said as a path, where this ledger
    #: holds it ("" where it does not: the receiving village holds the person, not their home).
    from_place: str
    #: The device that made the offer, by the name the hub gave it ("" when not known).
    offered_by: str
    #: The household offered: its area's code and path, its address and its head's name.
    to_area: str
    to_place: str
    to_address: str
    #: Whether the household has a head (named in it, or a member whose relation is 户主).
    has_head: bool
    head: str
    #: The account the person's subsidies are paid into, as offered (the offering village
    #: cannot change it while the offer waits: `trust.offered_person`).
    account_bank: str = ""
    account_number: str = ""


def offered_rows(source: Source) -> list[OfferedRow]:
    """Every live person offered to a household, in one statement: their own household's area
    (where held), the offered household's area, address and head, and the device whose change
    made the offer (the latest change of the row setting `moving_to`), named as the hub told."""
    db = db_of(source)
    rows = db.execute(
        "SELECT p.id, p.name, p.id_number, p.change_reason, p.moving_to, h.area_code,"
        " o.peer, t.area_code, t.address, t.head_person_id,"
        " (SELECT hp.name FROM persons hp WHERE hp.household_id = t.id AND hp.deleted = 0"
        "   AND hp.relation = ? ORDER BY hp.rowid LIMIT 1), p.account_bank, p.account_number"
        " FROM persons p"
        " LEFT JOIN households h ON h.id = p.household_id"
        " LEFT JOIN households t ON t.id = p.moving_to"
        " LEFT JOIN sync_origins o ON o.device_id = ("
        "   SELECT c.device_id FROM changes c WHERE c.row_id = p.id AND c.tbl = 'persons'"
        "   AND json_extract(c.data, '$.moving_to') IS NOT NULL ORDER BY c.hlc DESC LIMIT 1)"
        " WHERE p.deleted = 0 AND p.moving_to IS NOT NULL AND p.moving_to != ''"
        " ORDER BY p.rowid",
        [Relation.HEAD.value],
    ).fetchall()
    if not rows:
        return []
    listed = listed_places(db)
    table = divisions()

    def place(code: object) -> str:
        return say_place(str(code), table, listed) if code else ""

    return [
        OfferedRow(
            id=str(row[0]),
            name=str(row[1] or ""),
            id_number=str(row[2] or ""),
            change_reason=str(row[3] or ""),
            moving_to=str(row[4]),
            from_place=place(row[5]),
            offered_by=str(row[6] or ""),
            to_area=str(row[7] or ""),
            to_place=place(row[7]) if row[7] else NO_HOUSEHOLD,
            to_address=str(row[8] or ""),
            has_head=bool(row[9] or row[10]),
            head=str(row[10] or ""),
            account_bank=str(row[11] or ""),
            account_number=str(row[12] or ""),
        )
        for row in rows
    ]
