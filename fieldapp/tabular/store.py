"""The reads import and export need, in bulk (the SQL of the tabular area lives here only).

The reads an import makes take a connection rather than a ledger: a long import reads through
a second connection while its own transaction is being written (see `Ledger.reader`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from fieldapp.store.filters import within_area
from fieldapp.store.ledger import Ledger

CHUNK = 900  # stays under SQLite's default limit of bound parameters


@dataclass(frozen=True)
class KnownPerson:
    """A live person already in the ledger."""

    id: str
    name: str
    id_number: str
    household_id: str | None
    birth_date: str | None


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def persons_by_number(db: Database, numbers: Iterable[str]) -> dict[str, KnownPerson]:
    """Live persons holding any of these ID numbers."""
    found: dict[str, KnownPerson] = {}
    for part in _chunks(sorted(set(numbers))):
        rows = db.execute(
            "SELECT id, name, id_number, household_id, birth_date FROM persons "
            f"WHERE deleted = 0 AND id_number IN ({','.join('?' * len(part))})",
            part,
        ).fetchall()
        for row in rows:
            found[row[2]] = KnownPerson(*row)
    return found


def persons_by_name(db: Database, names: Iterable[str]) -> dict[tuple[str, str], KnownPerson]:
    """Live persons with any of these names, keyed by (name, birth date)."""
    found: dict[tuple[str, str], KnownPerson] = {}
    for part in _chunks(sorted(set(names))):
        rows = db.execute(
            "SELECT id, name, id_number, household_id, birth_date FROM persons "
            f"WHERE deleted = 0 AND name IN ({','.join('?' * len(part))})",
            part,
        ).fetchall()
        for row in rows:
            found.setdefault((row[1], row[4] or ""), KnownPerson(*row))
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
        "monthly_income, contract_months, insurance_months, organized_export, export_agency "
        "FROM employment_spells WHERE deleted = 0 AND start_date <= ? "
        "AND (end_date IS NULL OR end_date >= ?) ORDER BY person_id, start_date",
        [on.isoformat(), on.isoformat()],
    )
    names = [d[0] for d in cursor.description]
    return {row[0]: dict(zip(names, row, strict=True)) for row in cursor}


def latest_status(ledger: Ledger) -> dict[str, str]:
    """Per person, the work status of their latest recorded month."""
    rows = ledger.db.execute(
        "SELECT person_id, status FROM monthly_status WHERE deleted = 0 ORDER BY person_id, month"
    )
    return {person_id: status for person_id, status in rows}
