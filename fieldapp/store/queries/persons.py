"""The ledger table and its neighbours: persons as rows, filtered, paged; a month's visits.

The ledger table over 100,000 persons never loads full rows at once: `person_rowids` returns the
matching persons' rowids in order (an int array, under 1 MB at 100k), and `rows_by_rowid` fetches
one page of display rows by primary key, so a page at the end costs the same as the first.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fieldapp.domain import account
from fieldapp.domain.dates import today as china_today
from fieldapp.domain.models import Household, Person
from fieldapp.domain.month import Month
from fieldapp.domain.snapshots import snapshot_of
from fieldapp.store.columns import select_list
from fieldapp.store.filters import within_area
from fieldapp.store.queries import Source, db_of

#: Work-status filter value meaning "no status recorded for the month".
NOT_UPDATED = "未更新"
#: Filter value meaning "an account to check": one Excel rounded (digits past the 15th lost),
#: which the papers print blank.
ACCOUNT_DOUBT = "账号待核实"
#: The accounts that may be rounded (every digit past the 15th a zero); `excel_rounded` decides.
_MAYBE_ROUNDED = "length(p.account_number) > 15 AND rtrim(substr(p.account_number, 16), '0') = ''"


#: A person `p` this ledger lists as one of its people: one of no household (未分户: entered
#: so, in this ledger), or of a household it holds (`h`: their household, LEFT JOINed; NULL
#: when not held). A device holds a person whose household it does not hold only as another
#: village's: offered to one of its households (`moving_to`: listed in its offers box until
#: taken in, read-only), or kept as they stood once the offer was taken back or turned down —
#: as a family that moved out is kept, read-only (docs/security.md, 迁出的人). Such a person is
#: not listed, searched, counted or exported as the village's own (not 未分户 with no place);
#: their own village holds their household and lists them as ever. An unenrolled ledger's
#: persons all have their household here, or none.
HOUSEHOLD_HELD = "(p.household_id IS NULL OR p.household_id = '' OR h.id IS NOT NULL)"
#: The households persons name that the ledger does not hold: the persons' household index and
#: the households' ids read side by side in order, once (a merge: `ORDER BY` keeps SQLite from
#: building a temporary table of either). Nearly always none.
_NOT_HELD = (
    "SELECT household_id FROM persons WHERE household_id <> ''"
    " EXCEPT SELECT id FROM households ORDER BY 1"
)
#: `HOUSEHOLD_HELD` where the household is not joined: every person, when the ledger holds the
#: household of each person of one (`_NOT_HELD` empty: found once for the whole statement, not
#: looked up person by person — a household looked up for each of 100,000 persons made listing
#: 全部区域 half as slow again); else those of none or of a household not among `_NOT_HELD`.
HOUSEHOLD_HELD_ALONE = (
    f"(NOT EXISTS (SELECT 1 FROM ({_NOT_HELD}) AS nh)"
    " OR p.household_id IS NULL OR p.household_id = ''"
    f" OR p.household_id NOT IN ({_NOT_HELD}))"
)
#: `HOUSEHOLD_HELD_ALONE` for a first page: each person's household looked up, which costs by
#: the persons read (a page), where `_NOT_HELD` reads every person's household once.
_HOUSEHOLD_HELD_PAGED = (
    "(p.household_id IS NULL OR p.household_id = ''"
    " OR EXISTS (SELECT 1 FROM households oh WHERE oh.id = p.household_id))"
)


@snapshot_of(Person, Household, extra=frozenset({"rowid"}))
@dataclass(frozen=True)
class PersonRow:
    """One row of the ledger table: `Person` fields and its household's, by name."""

    rowid: int
    id: str
    name: str
    sex: str | None
    birth_date: str | None
    id_number: str
    phone: str | None
    relation: str | None
    labour_ability: str | None
    household_id: str | None
    area_code: str | None
    household_no: str | None
    address: str | None


#: Columns of a ledger table row, in order (see `PersonRow`).
PERSON_COLUMNS = select_list(PersonRow, {Person: "p", Household: "h"})


@dataclass(frozen=True)
class LedgerFilter:
    """What the ledger table shows: an area (code prefix), a category, a month's work status."""

    area_prefix: str = ""
    category: str = ""
    work_status: str = ""
    month: str = ""

    def where(self, *, paged: bool = False) -> tuple[str, list[Any]]:
        """SQL condition on `persons p` and its parameters; `paged`: for a first page only
        (`HOUSEHOLD_HELD` asked of the persons read, not of every person at once)."""
        parts, params = ["p.deleted = 0"], []
        if self.area_prefix:
            # A household of the area is one the ledger holds (`HOUSEHOLD_HELD` follows).
            inside, area_params = within_area("area_code", self.area_prefix)
            parts.append(
                f"p.household_id IN (SELECT id FROM households WHERE deleted = 0 AND {inside})"
            )
            params += area_params
        else:
            parts.append(_HOUSEHOLD_HELD_PAGED if paged else HOUSEHOLD_HELD_ALONE)
        if self.category:
            parts.append(
                "p.id IN (SELECT person_id FROM person_categories WHERE deleted = 0 "
                "AND category = ? AND (end_date IS NULL OR end_date >= ?))"
            )
            params += [self.category, china_today().isoformat()]
        if self.work_status == ACCOUNT_DOUBT:
            parts.append(_MAYBE_ROUNDED)  # `person_rowids` keeps those Excel rounded
        elif self.work_status:
            month = self.month or china_today().strftime("%Y-%m")
            if self.work_status == NOT_UPDATED:
                parts.append(
                    "p.id NOT IN (SELECT person_id FROM monthly_status "
                    "WHERE deleted = 0 AND month = ?)"
                )
                params.append(month)
            else:
                parts.append(
                    "p.id IN (SELECT person_id FROM monthly_status "
                    "WHERE deleted = 0 AND month = ? AND status = ?)"
                )
                params += [month, self.work_status]
        return " AND ".join(parts), params


def person_rowids(source: Source, flt: LedgerFilter, limit: int | None = None) -> array[int]:
    """Rowids of the persons the filter selects, in entry order (the first `limit` only: the
    window shows its first page at once and lists the rest off the GUI thread)."""
    where, params = flt.where(paged=limit is not None)
    tail = " LIMIT ?" if limit is not None else ""
    if flt.work_status == ACCOUNT_DOUBT:  # a few rows: the card check is made here
        rows = db_of(source).execute(
            f"SELECT p.rowid, p.account_number FROM persons p WHERE {where} ORDER BY p.rowid",
            params,
        )
        found = [rowid for rowid, number in rows if account.excel_rounded(number)]
        return array("q", found[:limit] if limit is not None else found)
    cursor = db_of(source).execute(
        f"SELECT p.rowid FROM persons p WHERE {where} ORDER BY p.rowid{tail}",
        [*params, limit] if limit is not None else params,
    )
    out = array("q")
    while batch := cursor.fetchmany(20000):
        out.extend(r[0] for r in batch)
    return out


def _rows_by_key(
    source: Source, column: str, position: int, keys: Sequence[Any]
) -> list[PersonRow]:
    """Display rows whose `column` (at `position` in PERSON_COLUMNS) is in `keys`, in that order."""
    if not keys:
        return []
    marks = ",".join("?" for _ in keys)
    found = {
        r[position]: PersonRow(*r)
        for r in db_of(source)
        .execute(
            f"SELECT {PERSON_COLUMNS} FROM persons p "
            f"LEFT JOIN households h ON h.id = p.household_id WHERE p.{column} IN ({marks})",
            list(keys),
        )
        .fetchall()
    }
    return [found[k] for k in keys if k in found]


def rows_by_rowid(source: Source, rowids: Sequence[int]) -> list[PersonRow]:
    """Display rows for the given person rowids, in the order given."""
    return _rows_by_key(source, "rowid", 0, rowids)


def rows_by_id(source: Source, ids: Sequence[str]) -> list[PersonRow]:
    """Display rows for the given person ids, in the order given."""
    return _rows_by_key(source, "id", 1, ids)


def household_members(source: Source, household_id: str) -> list[PersonRow]:
    """Live members of a household, head first."""
    rows = (
        db_of(source)
        .execute(
            f"SELECT {PERSON_COLUMNS} FROM persons p LEFT JOIN households h ON h.id = p.household_id "
            "WHERE p.deleted = 0 AND p.household_id = ? "
            "ORDER BY p.relation <> '户主', p.birth_date",
            [household_id],
        )
        .fetchall()
    )
    return [PersonRow(*r) for r in rows]


@dataclass(frozen=True)
class HouseholdVisitRow:
    """A household in the month view: head, address, visits this month, last visit date."""

    household_id: str
    head_name: str
    area_code: str
    address: str
    member_count: int
    visits: int
    last_visit: str | None


def month_visits(source: Source, month: str, area_prefix: str = "") -> list[HouseholdVisitRow]:
    """Households of an area with their visit count in `month` ('YYYY-MM'), unvisited first."""
    days = Month(month)
    first, last = days.first_day.isoformat(), days.last_day.isoformat()
    inside, area_params = within_area("h.area_code", area_prefix)
    params: list[Any] = [first, last, *area_params]
    where = f"h.deleted = 0 AND {inside}"
    rows = (
        db_of(source)
        .execute(
            "SELECT h.id, "
            "  COALESCE((SELECT name FROM persons WHERE id = h.head_person_id), "
            "    (SELECT name FROM persons WHERE household_id = h.id AND deleted = 0 "
            "     ORDER BY relation <> '户主' LIMIT 1), ''), "
            "  h.area_code, COALESCE(h.address, ''), "
            "  (SELECT count(*) FROM persons WHERE household_id = h.id AND deleted = 0), "
            "  count(v.id), max(v.visit_date) "
            "FROM households h LEFT JOIN visits v ON v.household_id = h.id AND v.deleted = 0 "
            "  AND v.visit_date BETWEEN ? AND ? "
            f"WHERE {where} GROUP BY h.id ORDER BY count(v.id) > 0, h.area_code, h.household_no",
            params,
        )
        .fetchall()
    )
    return [HouseholdVisitRow(*r) for r in rows]


def existing_id_numbers(source: Source, numbers: Sequence[str]) -> set[str]:
    """Those of `numbers` some person of the ledger holds (deleted persons' too), by index."""
    found: set[str] = set()
    db = db_of(source)
    for start in range(0, len(numbers), 500):
        chunk = list(numbers[start : start + 500])
        marks = ",".join("?" for _ in chunk)
        rows = db.execute(f"SELECT id_number FROM persons WHERE id_number IN ({marks})", chunk)
        found.update(r[0] for r in rows.fetchall())
    return found


def person_count(source: Source, *, live: bool = False) -> int:
    """How many persons the ledger holds (only those not deleted, with `live`)."""
    where = " WHERE deleted = 0" if live else ""
    return int(db_of(source).execute(f"SELECT count(*) FROM persons{where}").fetchone()[0])


@dataclass(frozen=True)
class DeletedRow:
    """A deleted person as the 已删除人员 list shows them: who, where, when, by whom, why."""

    id: str
    name: str
    id_number: str
    area_code: str | None
    household_no: str | None
    deleted_at: str | None
    deleted_by: str | None
    reason: str | None


def deleted_persons(source: Source, area_prefix: str = "") -> list[DeletedRow]:
    """Deleted persons of an area, the latest deletion first (their rows and history stay)."""
    inside, params = within_area("h.area_code", area_prefix)
    rows = (
        db_of(source)
        .execute(
            "SELECT p.id, p.name, p.id_number, h.area_code, h.household_no, p.updated_at, "
            "p.updated_by, p.change_reason FROM persons p "
            f"LEFT JOIN households h ON h.id = p.household_id WHERE p.deleted = 1 AND {inside} "
            f"AND {HOUSEHOLD_HELD} "
            "ORDER BY p._ukey DESC",  # the deleting change last made first (not the second)
            params,
        )
        .fetchall()
    )
    return [DeletedRow(*r) for r in rows]


@dataclass(frozen=True)
class HouseholdParts:
    """What names a household in a move: its head's name ('' when it has none, nor anyone
    living), its area's name and its address ('' when unknown)."""

    head: str
    area: str
    address: str

    @property
    def place(self) -> str:
        """The area's name then the address, as written (大坝村 大坝村一组 8 号)."""
        return " ".join(x for x in (self.area, self.address) if x)


def household_parts(source: Source, ids: Sequence[str]) -> dict[str, HouseholdParts]:
    """Household id → its head and place, for saying moves between households (the words
    around them are the caller's: the window says them in its language)."""
    if not ids:
        return {}
    marks = ",".join("?" for _ in ids)
    rows = (
        db_of(source)
        .execute(
            "SELECT h.id, COALESCE(hp.name, (SELECT name FROM persons WHERE household_id = h.id "
            "  AND deleted = 0 ORDER BY relation <> '户主', birth_date LIMIT 1), ''), "
            "COALESCE(a.name, ''), COALESCE(h.address, '') "
            "FROM households h LEFT JOIN persons hp ON hp.id = h.head_person_id "
            f"LEFT JOIN areas a ON a.code = h.area_code WHERE h.id IN ({marks})",
            list(ids),
        )
        .fetchall()
    )
    return {household_id: HouseholdParts(*parts) for household_id, *parts in rows}


def household_labels(source: Source, ids: Sequence[str]) -> dict[str, str]:
    """Household id → '张三户（一组 12号）' for the command line's moves between households."""
    out = {}
    for household_id, parts in household_parts(source, ids).items():
        where = parts.place
        out[household_id] = f"{parts.head or '无户主'}户" + (f"（{where}）" if where else "")
    return out
