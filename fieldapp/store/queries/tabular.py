"""The reads spreadsheet import, update and export need, in bulk (tabular's SQL lives here).

The reads an import makes take a connection rather than a ledger: a long import reads through
a second connection while its own transaction is being written (see `Ledger.reader`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from fieldapp.domain.models import Person
from fieldapp.domain.snapshots import snapshot_of
from fieldapp.store.columns import select_list
from fieldapp.store.filters import within_area
from fieldapp.store.ledger import Ledger

CHUNK = 900  # stays under SQLite's default limit of bound parameters


@snapshot_of(Person)
@dataclass(frozen=True)
class KnownPerson:
    """A live person already in the ledger (its `Person` fields by name)."""

    id: str
    name: str
    id_number: str
    household_id: str | None
    birth_date: str | None


_KNOWN = select_list(KnownPerson, {Person: "persons"})


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def persons_by_number(db: Database, numbers: Iterable[str]) -> dict[str, KnownPerson]:
    """Live persons holding any of these ID numbers."""
    found: dict[str, KnownPerson] = {}
    for part in _chunks(sorted(set(numbers))):
        rows = db.execute(
            f"SELECT {_KNOWN} FROM persons "
            f"WHERE deleted = 0 AND id_number IN ({','.join('?' * len(part))})",
            part,
        ).fetchall()
        for row in rows:
            person = KnownPerson(*row)
            found[person.id_number] = person
    return found


def persons_by_name(db: Database, names: Iterable[str]) -> dict[tuple[str, str], KnownPerson]:
    """Live persons with any of these names, keyed by (name, birth date)."""
    found: dict[tuple[str, str], KnownPerson] = {}
    for part in _chunks(sorted(set(names))):
        rows = db.execute(
            f"SELECT {_KNOWN} FROM persons "
            f"WHERE deleted = 0 AND name IN ({','.join('?' * len(part))})",
            part,
        ).fetchall()
        for row in rows:
            person = KnownPerson(*row)
            found.setdefault((person.name, person.birth_date or ""), person)
    return found


def household_area(db: Database, household_id: str) -> str | None:
    """The area code of a household."""
    row = db.execute("SELECT area_code FROM households WHERE id = ?", [household_id]).fetchone()
    return row[0] if row else None


# -- export ------------------------------------------------------------------------------------


def count_persons(ledger: Ledger, area_prefix: str | None = None) -> int:
    """How many live persons an export will write."""
    sql = (
        "SELECT count(*) FROM persons p LEFT JOIN households h ON h.id = p.household_id "
        "WHERE p.deleted = 0"
    )
    args: list[Any] = []
    if area_prefix:
        inside, area_params = within_area("h.area_code", area_prefix)
        sql += f" AND {inside}"
        args += area_params
    return int(ledger.db.execute(sql, args).fetchone()[0])


EXPORT_PERSON_COLUMNS = (
    "p.id, p.name, p.id_number, p.relation, p.phone, p.labour_ability, p.health, p.education, "
    "p.graduation_year, p.account_bank, p.account_number, p.hukou_code, p.notes, "
    "p.sex, p.left_school_month, "
    "h.area_code, h.address, h.household_no, hp.id_number, hp.name"
)


def export_persons(ledger: Ledger, area_prefix: str | None = None) -> Iterator[dict[str, Any]]:
    """Live persons with their household, grouped by household (head first)."""
    names = [c.split(".")[1] for c in EXPORT_PERSON_COLUMNS.split(", ")]
    names[-2:] = ["head_id_number", "head_name"]
    sql = (
        f"SELECT {EXPORT_PERSON_COLUMNS} FROM persons p "
        "LEFT JOIN households h ON h.id = p.household_id "
        "LEFT JOIN persons hp ON hp.id = h.head_person_id "
        "WHERE p.deleted = 0"
    )
    args: list[Any] = []
    if area_prefix:
        inside, area_params = within_area("h.area_code", area_prefix)
        sql += f" AND {inside}"
        args += area_params
    sql += " ORDER BY h.area_code, h.rowid, p.relation != '户主', p.rowid"
    cursor = ledger.db.execute(sql, args)
    while True:
        batch = cursor.fetchmany(2000)
        if not batch:
            return
        for row in batch:
            yield dict(zip(names, row, strict=True))


def categories_by_person(ledger: Ledger) -> dict[str, list[tuple[str, str | None, str | None]]]:
    """Live category memberships per person id, oldest first."""
    found: dict[str, list[tuple[str, str | None, str | None]]] = {}
    rows = ledger.db.execute(
        "SELECT person_id, category, start_date, end_date FROM person_categories "
        "WHERE deleted = 0 ORDER BY person_id, start_date, rowid"
    )
    for person_id, category, start, end in rows:
        found.setdefault(person_id, []).append((category, start, end))
    return found


def current_spells(ledger: Ledger, on: dt.date) -> dict[str, dict[str, Any]]:
    """Per person, the latest employment spell still running on `on`."""
    cursor = ledger.db.execute(
        "SELECT person_id, start_date, end_date, place_code, place_name, form, employer, "
        "employer_kind, monthly_income, contract_months, insurance_months, organized_export, "
        "export_agency "
        "FROM employment_spells WHERE deleted = 0 AND start_date <= ? "
        "AND (end_date IS NULL OR end_date >= ?) ORDER BY person_id, start_date",
        [on.isoformat(), on.isoformat()],
    )
    names = [d[0] for d in cursor.description]
    return {row[0]: dict(zip(names, row, strict=True)) for row in cursor}


def latest_status(ledger: Ledger) -> dict[str, str]:
    """Per person, the work status of their latest recorded month."""
    # SQLite takes a bare column (status) from the row that gave max(month): one pass, no sort.
    rows = ledger.db.execute(
        "SELECT person_id, status, max(month) FROM monthly_status WHERE deleted = 0 "
        "GROUP BY person_id"
    ).fetchall()
    return {person_id: status for person_id, status, _month in rows}


# -- update from a sheet ---------------------------------------------------------------------

#: The ledger tables a workbook's rows touch, keyed to their person.
PERSON_FACT_TABLES = (
    "person_categories",
    "employment_spells",
    "unemployment_registrations",
    "services",
    "visits",
    "monthly_status",
)


def _fetch(db: Database, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, args)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def person_rows(db: Database, numbers: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Live persons (every column) by ID number."""
    found: dict[str, dict[str, Any]] = {}
    for part in _chunks(sorted(set(numbers))):
        marks = ",".join("?" * len(part))
        for row in _fetch(
            db, f"SELECT * FROM persons WHERE deleted = 0 AND id_number IN ({marks})", part
        ):
            found[row["id_number"]] = row
    return found


def household_rows(db: Database, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Households (every column) by id."""
    found: dict[str, dict[str, Any]] = {}
    for part in _chunks(sorted(set(ids))):
        marks = ",".join("?" * len(part))
        for row in _fetch(db, f"SELECT * FROM households WHERE id IN ({marks})", part):
            found[row["id"]] = row
    return found


def fact_rows(
    db: Database, table: str, person_ids: Iterable[str]
) -> dict[str, list[dict[str, Any]]]:
    """Live rows of one of `PERSON_FACT_TABLES` per person id, oldest first."""
    if table not in PERSON_FACT_TABLES:
        raise ValueError(table)
    found: dict[str, list[dict[str, Any]]] = {}
    for part in _chunks(sorted(set(person_ids))):
        marks = ",".join("?" * len(part))
        rows = _fetch(
            db,
            f"SELECT * FROM {table} WHERE deleted = 0 AND person_id IN ({marks}) ORDER BY rowid",
            part,
        )
        for row in rows:
            found.setdefault(row["person_id"], []).append(row)
    return found


def rows_by_id(db: Database, table: str, ids: Iterable[str]) -> list[dict[str, Any]]:
    """Live rows of one of `PERSON_FACT_TABLES` by their ids (a month's status rows)."""
    if table not in PERSON_FACT_TABLES:
        raise ValueError(table)
    found: list[dict[str, Any]] = []
    for part in _chunks(sorted(set(ids))):
        marks = ",".join("?" * len(part))
        found += _fetch(db, f"SELECT * FROM {table} WHERE deleted = 0 AND id IN ({marks})", part)
    return found


def visits_of_households(
    db: Database, household_ids: Iterable[str]
) -> dict[str, list[dict[str, Any]]]:
    """Live visits per household id (a visit to the whole household names no person)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for part in _chunks(sorted(set(household_ids))):
        marks = ",".join("?" * len(part))
        rows = _fetch(
            db,
            f"SELECT * FROM visits WHERE deleted = 0 AND household_id IN ({marks}) ORDER BY rowid",
            part,
        )
        for row in rows:
            found.setdefault(row["household_id"], []).append(row)
    return found


@dataclass(frozen=True)
class Edit:
    """The last logged change of one field of one row: when (clock stamp) and by whom."""

    stamp: str
    author: str


def edits_after(db: Database, stamp: str, tables: Iterable[str]) -> dict[tuple[str, str], Edit]:
    """(row id, field) → the last change to it logged after `stamp`, in these tables.

    The changes after a sheet's date are few next to the ledger (a month's edits), so they are
    read whole and matched in Python rather than looked up row by row.
    """
    found: dict[tuple[str, str], Edit] = {}
    names = sorted(set(tables))
    marks = ",".join("?" * len(names))
    cursor = db.execute(
        "SELECT c.row_id, j.key, c.hlc, c.author FROM changes c, json_each(c.data) j "
        f"WHERE c.hlc > ? AND c.tbl IN ({marks}) ORDER BY c.hlc",
        [stamp, *names],
    )
    for row_id, field, hlc, author in cursor:
        found[(row_id, field)] = Edit(hlc, author or "")
    return found


def export_facts(
    ledger: Ledger, table: str, fields: Sequence[str], area_prefix: str | None = None
) -> Iterator[tuple[Any, ...]]:
    """(person's name, ID number, *fields) of each live row of one of `PERSON_FACT_TABLES`,
    in household order (the extra sheets of an export). `fields` are column names of `table`
    (checked against the table, never user input)."""
    if table not in PERSON_FACT_TABLES:
        raise ValueError(table)
    columns = _columns_of(ledger, table, "t", fields)
    sql = (
        f"SELECT p.name, p.id_number{columns} FROM {table} t "
        "JOIN persons p ON p.id = t.person_id AND p.deleted = 0 "
        "LEFT JOIN households h ON h.id = p.household_id WHERE t.deleted = 0"
    )
    where, args = within_area("h.area_code", area_prefix)
    sql += f" AND {where} ORDER BY h.area_code, h.rowid, p.rowid, t.rowid"
    cursor = ledger.db.execute(sql, args)
    while batch := cursor.fetchmany(5000):
        yield from batch


def household_visits(
    ledger: Ledger, fields: Sequence[str], area_prefix: str | None = None
) -> list[tuple[Any, ...]]:
    """(head's name, head's ID number, *fields) of each live visit to a whole household."""
    columns = _columns_of(ledger, "visits", "v", fields)
    where, args = within_area("h.area_code", area_prefix)
    sql = (
        f"SELECT hp.name, hp.id_number{columns} FROM visits v "
        "JOIN households h ON h.id = v.household_id "
        "JOIN persons hp ON hp.id = h.head_person_id "
        f"WHERE v.deleted = 0 AND v.person_id IS NULL AND {where} "
        "ORDER BY h.area_code, h.rowid, v.rowid"
    )
    return ledger.db.execute(sql, args).fetchall()


def _columns_of(ledger: Ledger, table: str, alias: str, fields: Sequence[str]) -> str:
    """', t.a, t.b' for fields checked to be columns of `table` (never user input in SQL)."""
    known = {row[1] for row in ledger.db.execute(f"PRAGMA table_info({table})")}
    if not set(fields) <= known:
        raise ValueError(sorted(set(fields) - known))
    return "".join(f", {alias}.{f}" for f in fields)


def services_by_visit(ledger: Ledger) -> dict[str, list[dict[str, Any]]]:
    """Live services per visit id (the services given on a visit)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for row in _fetch(
        ledger.db,
        "SELECT * FROM services WHERE deleted = 0 AND visit_id IS NOT NULL ORDER BY rowid",
        [],
    ):
        found.setdefault(row["visit_id"], []).append(row)
    return found
