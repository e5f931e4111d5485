"""The reads spreadsheet import, update and export need, in bulk (tabular's SQL lives here).

The reads an import makes take a connection rather than a ledger: a long import reads through
a second connection while its own transaction is being written (see `Ledger.reader`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from fieldapp.domain.models import (
    CategoryMembership,
    EmploymentSpell,
    MonthlyStatus,
    Person,
    Record,
    ServiceRecord,
    UnemploymentRegistration,
    Visit,
)
from fieldapp.domain.snapshots import snapshot_of
from fieldapp.store.columns import select_list
from fieldapp.store.hlc import parse_stamp
from fieldapp.store.replica import vector

#: `x IN` this, bound to a JSON array of the values: one statement for any number of values
#: (SQLite's IN over a list of parameters is capped at its parameter limit, and a statement of
#: 900 parameters compiled per chunk cost a fifth of a 100 000-row update's reads).
_AMONG = "(SELECT value FROM json_each(?))"


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


def _json(values: Iterable[str]) -> list[str]:
    """The parameter of `_AMONG`: the distinct values as a JSON array."""
    return [json.dumps(sorted(set(values)), ensure_ascii=False)]


def persons_by_number(db: Database, numbers: Iterable[str]) -> dict[str, KnownPerson]:
    """Live persons holding any of these ID numbers."""
    found: dict[str, KnownPerson] = {}
    rows = db.execute(
        f"SELECT {_KNOWN} FROM persons WHERE deleted = 0 AND id_number IN {_AMONG}",
        _json(numbers),
    )
    for row in rows.fetchall():
        person = KnownPerson(*row)
        found[person.id_number] = person
    return found


def persons_by_name(db: Database, names: Iterable[str]) -> dict[tuple[str, str], KnownPerson]:
    """Live persons with any of these names, keyed by (name, birth date)."""
    found: dict[tuple[str, str], KnownPerson] = {}
    rows = db.execute(
        f"SELECT {_KNOWN} FROM persons WHERE deleted = 0 AND name IN {_AMONG} ORDER BY rowid",
        _json(names),
    )
    for row in rows.fetchall():
        person = KnownPerson(*row)
        found.setdefault((person.name, person.birth_date or ""), person)
    return found


def household_facts(db: Database, ids: Iterable[str]) -> dict[str, tuple[str, str, str]]:
    """Per household id, its head's ID number and name ('' where it has none) and its area."""
    sql = (
        "SELECT h.id, coalesce(p.id_number, ''), coalesce(p.name, ''), h.area_code "
        f"FROM households h LEFT JOIN persons p ON p.id = h.head_person_id WHERE h.id IN {_AMONG}"
    )
    return {r[0]: (r[1], r[2], r[3] or "") for r in db.execute(sql, _json(ids)).fetchall()}


def members_not_among(
    db: Database, household_ids: Iterable[str], numbers: Iterable[str]
) -> list[tuple[str, str, str]]:
    """(name, ID number, head's name) of the live members of these households whose ID
    numbers are not among `numbers`, household by household."""
    sql = (
        "SELECT p.name, p.id_number, coalesce(hp.name, '') FROM persons p "
        "JOIN households h ON h.id = p.household_id "
        "LEFT JOIN persons hp ON hp.id = h.head_person_id "
        f"WHERE p.deleted = 0 AND p.household_id IN {_AMONG} AND p.id_number NOT IN {_AMONG} "
        "ORDER BY h.rowid, p.rowid"
    )
    args = [*_json(household_ids), *_json(numbers)]
    return [(row[0], row[1], row[2]) for row in db.execute(sql, args).fetchall()]


def household_area(db: Database, household_id: str) -> str | None:
    """The area code of a household."""
    row = db.execute("SELECT area_code FROM households WHERE id = ?", [household_id]).fetchone()
    return row[0] if row else None


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
#: Who wrote a row and when: the planners never read it (a conflict is the change log's).
_ATTRIBUTION = frozenset(Record.model_fields) - {"id", "deleted"}
#: Per fact table, the columns its rows are read with: the record's id, deleted flag and data
#: fields. Not `*`: the attribution and version columns (`_heads`, `_ckey` …) were more than
#: half of each row, and an import of a 100 000-person workbook holds every fact row of its
#: persons while it plans (a few hundred thousand rows).
_FACT_COLUMNS = {
    model.TABLE: ", ".join(f for f in model.model_fields if f not in _ATTRIBUTION)
    for model in (
        CategoryMembership,
        EmploymentSpell,
        UnemploymentRegistration,
        ServiceRecord,
        Visit,
        MonthlyStatus,
    )
}


def _fetch(db: Database, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, args)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _fetch_records(db: Database, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    """`_fetch` for the records of a fact table, each text the read gives held once: SQLite
    gives every cell its own copy, and the records repeat theirs from row to row (a day, a
    month, a place and its code, an employer, a status, a service's kind). An import holds
    every record of its rows' persons while it plans them (its peak): the texts were some
    two fifths of a job's record (1 285 → 770 bytes a job; 20 000 persons' services 25 → 15 MB)."""
    cursor = db.execute(sql, args)
    names = [d[0] for d in cursor.description]
    texts: dict[str, str] = {}
    keep = texts.setdefault
    return [
        dict(zip(names, [keep(v, v) if type(v) is str else v for v in row], strict=True))
        for row in cursor  # row by row: all the rows' tuples at once were a third of the read
    ]


#: What every caller of `person_rows` gets: who the person is and where they live.
_PERSON_KEYS = ("id", "name", "id_number", "household_id")


def person_rows(
    db: Database, numbers: Iterable[str], fields: Iterable[str] = ()
) -> dict[str, dict[str, Any]]:
    """Live persons by ID number: their id, name, ID number and household, and `fields`
    (fields of `Person`: what a sheet may change). Only these are read: a 100 000-row update
    read every column (search words, version heads …) for nothing, a third of the read."""
    wanted = [*_PERSON_KEYS, *(f for f in dict.fromkeys(fields) if f not in _PERSON_KEYS)]
    unknown = [f for f in wanted if f not in Person.model_fields]
    if unknown:
        raise ValueError(f"not a person field: {unknown}")
    sql = f"SELECT {', '.join(wanted)} FROM persons WHERE deleted = 0 AND id_number IN {_AMONG}"
    return {row["id_number"]: row for row in _fetch(db, sql, _json(numbers))}


def offered_ids(db: Database, ids: Iterable[str]) -> set[str]:
    """Of these persons (by id), the live ones offered to another household (`moving_to`)."""
    sql = (
        "SELECT id FROM persons WHERE deleted = 0 AND moving_to IS NOT NULL"
        f" AND moving_to != '' AND id IN {_AMONG}"
    )
    return {row["id"] for row in _fetch(db, sql, _json(ids))}


def household_rows(db: Database, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Households (every column) by id."""
    sql = f"SELECT * FROM households WHERE id IN {_AMONG}"
    return {row["id"]: row for row in _fetch(db, sql, _json(ids))}


def fact_rows(
    db: Database, table: str, person_ids: Iterable[str]
) -> dict[str, list[dict[str, Any]]]:
    """Live rows of one of `PERSON_FACT_TABLES` per person id, oldest first."""
    if table not in PERSON_FACT_TABLES:
        raise ValueError(table)
    found: dict[str, list[dict[str, Any]]] = {}
    columns = _FACT_COLUMNS[table]
    sql = (
        f"SELECT {columns} FROM {table} WHERE deleted = 0 AND person_id IN {_AMONG} ORDER BY rowid"
    )
    for row in _fetch_records(db, sql, _json(person_ids)):
        found.setdefault(row["person_id"], []).append(row)
    return found


def rows_by_id(db: Database, table: str, ids: Iterable[str]) -> list[dict[str, Any]]:
    """Live rows of one of `PERSON_FACT_TABLES` by their ids (a month's status rows)."""
    if table not in PERSON_FACT_TABLES:
        raise ValueError(table)
    sql = f"SELECT {_FACT_COLUMNS[table]} FROM {table} WHERE deleted = 0 AND id IN {_AMONG}"
    return _fetch_records(db, sql, _json(ids))


def visits_of_households(
    db: Database, household_ids: Iterable[str]
) -> dict[str, list[dict[str, Any]]]:
    """Live visits per household id (a visit to the whole household names no person)."""
    found: dict[str, list[dict[str, Any]]] = {}
    columns = _FACT_COLUMNS["visits"]
    sql = f"SELECT {columns} FROM visits WHERE deleted = 0 AND household_id IN {_AMONG} ORDER BY rowid"
    for row in _fetch_records(db, sql, _json(household_ids)):
        found.setdefault(row["household_id"], []).append(row)
    return found


@dataclass(frozen=True)
class Edit:
    """The last logged change of one field of one row: when (clock stamp) and by whom."""

    stamp: str
    author: str


def last_change(db: Database) -> str:
    """The newest change's clock in the log ("" for an empty log): what came before a write."""
    found = db.execute("SELECT max(hlc) FROM changes").fetchone()[0]
    return str(found or "")


class EditsAfter:
    """(row id, field) → the last change to it logged after `stamp` (and not after `until`,
    when given), in these tables: `get` as a dict's.

    The changes after a sheet's date are usually few next to the ledger (a month's edits):
    those are read whole and matched in Python rather than looked up row by row. But a
    ledger updated from a workbook older than much of it (a freshly imported ledger updated
    from its own workbook: every change is after the sheet's date) would hold every field of
    every row, and asks for the few cells that differ: past `WHOLE` changes, each row asked
    for is looked up in the log by its id (the last one kept), so the memory is one row's.

    "After the sheet" is by the authors' stamps, and also by this ledger's own order of
    arrival when this device logged a ledger export at or after the sheet's date
    (`arrived_by`, the first such): a change stamped before the sheet (another device's, by
    its clock) that reached this ledger only after that export was not in the sheet — the
    sheet's own export, when this device made it — and counts as after it: a conflict to
    decide, never an overwrite. A sheet this device did not export (another device's, the
    county's) is judged the same way against this device's next export, which can only add
    conflicts; what reached this ledger before that export with a stamp older than the sheet
    is judged by the stamps alone, as everything is when this device has no such export (or
    one made before its arrivals were kept): whether the other device's sheet held it, this
    ledger cannot know.
    """

    #: Up to this many changes after the sheet's date are read whole.
    WHOLE = 10_000

    def __init__(
        self, db: Database, stamp: str, tables: Iterable[str], until: str | None = None
    ) -> None:
        names = sorted(set(tables))
        marks = ",".join("?" * len(names))
        bound = "" if until is None else " AND c.hlc <= ?"
        after = "c.hlc > ?"
        given: list[Any] = [stamp]
        # A change stamped before the sheet that reached this ledger after the export the
        # sheet may be from (another device's, through an exchange) was never in the sheet.
        # Those of the origins that gained since are found once by their keys' ranges (one
        # index range per origin) and looked up as the log is read: no origin's test a row.
        arrived = arrived_by(db, stamp) if stamp else None
        if arrived is not None:
            gained = {
                o: arrived.get(o, 0) for o, top in vector(db).items() if top > arrived.get(o, 0)
            }
            if gained:
                late = (
                    "SELECT l.device_id, l.seq FROM json_each(?) g JOIN changes l "
                    "ON l.device_id = g.key AND l.seq > g.value"
                )
                after = f"(c.hlc > ? OR (c.device_id, c.seq) IN ({late}))"
                given.append(json.dumps(gained, sort_keys=True))
        self._where = f"{after}{bound} AND c.tbl IN ({marks})"
        self._args: list[Any] = [*given, *([] if until is None else [until]), *names]
        self._db = db
        many = db.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM changes c WHERE {self._where} LIMIT ?)",
            [*self._args, self.WHOLE + 1],
        ).fetchone()[0]
        self._whole: dict[tuple[str, str], Edit] | None = None
        if many <= self.WHOLE:
            self._whole = self._read("")
        self._row = ""  # the row last looked up, and its fields' edits
        self._fields: dict[tuple[str, str], Edit] = {}

    def get(self, key: tuple[str, str]) -> Edit | None:
        """The last change to this field of this row after the sheet's date (None: none)."""
        if self._whole is not None:
            return self._whole.get(key)
        if key[0] != self._row:
            self._row, self._fields = key[0], self._read(key[0])
        return self._fields.get(key)

    def _read(self, row_id: str) -> dict[tuple[str, str], Edit]:
        """The changes after the sheet's date, of one row when `row_id` is given, in log order:
        each field's last."""
        found: dict[tuple[str, str], Edit] = {}
        one = " AND c.row_id = ?" if row_id else ""
        cursor = self._db.execute(
            "SELECT c.row_id, j.key, c.hlc, c.author FROM changes c, json_each(c.data) j "
            f"WHERE {self._where}{one} ORDER BY c.hlc",
            [*self._args, *([row_id] if row_id else [])],
        )
        for row, field, hlc, author in cursor:
            found[(row, field)] = Edit(hlc, author or "")
        return found


#: What a planner asks a cell's later edit of: the log's (`EditsAfter`), or none ({}).
Edits = EditsAfter | dict[tuple[str, str], Edit]


def edits_after(
    db: Database, stamp: str, tables: Iterable[str], until: str | None = None
) -> EditsAfter:
    """(row id, field) → the last change to it logged after `stamp` (and not after `until`,
    when given), in these tables (`EditsAfter`: read whole when few, else row by row)."""
    return EditsAfter(db, stamp, tables, until)


#: The export log's kind of a ledger export (`services.exports.record_export`'s callers).
LEDGER_EXPORT = "台账"

#: The `meta` key (this computer's, never synced) of a ledger export's arrivals, by its log id.
_ARRIVED = "ledger_export_arrived:"


def note_export_arrivals(db: Database, export_id: str) -> None:
    """Keep, with this device's ledger export `export_id`, how far each origin's changes reached
    in this ledger's log as it was logged (`replica.vector`): what an update from that sheet
    counts as received after it (`arrived_by`). Local (`meta`), one row per ledger export: the
    order of arrival is this ledger's own, not another device's. The kept ones no update can
    be judged by any more are dropped (`prune_export_arrivals`)."""
    db.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        [_ARRIVED + export_id, json.dumps(vector(db), sort_keys=True)],
    )
    prune_export_arrivals(db)


def _ledger_exports(db: Database, device: str) -> list[tuple[dt.datetime, str]]:
    """This device's live ledger exports with a readable time, (time, id), in the order
    `arrived_by` looks at them."""
    rows = db.execute(
        "SELECT id, exported_at FROM export_log WHERE deleted = 0 AND created_device = ? "
        "AND kind = ? AND exported_at IS NOT NULL",
        [device, LEDGER_EXPORT],
    ).fetchall()
    found: list[tuple[dt.datetime, str]] = []
    for export_id, text in rows:
        try:
            at = dt.datetime.fromisoformat(str(text)).astimezone(dt.UTC)
        except (ValueError, OverflowError, OSError):  # not a time, or one no clock converts
            continue
        found.append((at, str(export_id)))
    return sorted(found)


def _arrivals(db: Database, export_id: str) -> dict[str, int] | None:
    """The arrivals kept with this export (`note_export_arrivals`); None when none are, or
    not what it wrote."""
    kept = db.execute("SELECT value FROM meta WHERE key = ?", [_ARRIVED + export_id]).fetchone()
    if kept is None:  # an export made before arrivals were kept
        return None
    try:
        arrived = json.loads(kept[0])
        return {str(origin): int(seq) for origin, seq in arrived.items()}
    except (ValueError, TypeError, AttributeError):  # not what `note_export_arrivals` wrote
        return None


def arrived_by(db: Database, stamp: str) -> dict[str, int] | None:
    """Per origin, the last seq this ledger held when this device logged its first ledger export
    at or after the sheet's date `stamp` whose arrivals it kept (the sheet's own export, when it
    is this device's: the export is dated as it begins, logged once written). None when there
    is none. A later export's hold more than the sheet's own did (fewer changes count as after
    it, never fewer than by the stamps alone); the first one is the nearest this ledger knows.
    An exchange taken in while an export was being written counts as before it: the stamps
    decide there."""
    found = db.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
    if found is None:
        return None
    since = dt.datetime.fromtimestamp(parse_stamp(stamp)[0] // 1000, dt.UTC)
    for at, export_id in _ledger_exports(db, str(found[0])):
        if at < since:
            continue
        arrived = _arrivals(db, export_id)
        if arrived is not None:
            return arrived
    return None


def prune_export_arrivals(db: Database) -> int:
    """Drop the arrivals kept with a ledger export that can no longer change how any update is
    judged; returns how many were dropped.

    One row per export, never dropped, grows by every export for the life of the ledger. Not
    by age, nor "older than the newest import of that file": a workbook exported once is sent
    to several villages and comes back over weeks, and a dropped row makes its update judged
    by the next export's arrivals — fewer changes counted as after it, an overwrite where a
    conflict was due. Dropped is only a row whose next one (`arrived_by`'s order) answers the
    same for every sheet that would be judged by it: no other device's change arrived between
    the two exports, and this device's own first change after the row was stamped after the
    second of its export ended — whatever the sheet's date that chose the row (at most that
    second), those own changes count as after it by their stamps already. Exports made
    between two exchanges (the usual many) keep one row among them; an export whose log row
    was deleted keeps its row (it may be restored, and then matters again)."""
    found = db.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
    if found is None:
        return 0
    own = str(found[0])
    kept = [
        (at, export_id, arrived)
        for at, export_id in _ledger_exports(db, own)
        if (arrived := _arrivals(db, export_id)) is not None
    ]
    dropped: list[str] = []
    for (at, export_id, arrived), (_, _, later) in zip(kept, kept[1:], strict=False):
        if _others(arrived, own) != _others(later, own):
            continue
        first = arrived.get(own, 0) + 1
        if later.get(own, 0) >= first:  # own changes between the two: stamped after `at`'s second?
            row = db.execute(
                "SELECT hlc FROM changes WHERE device_id = ? AND seq = ?", [own, first]
            ).fetchone()
            ends = (int(at.timestamp()) + 1) * 1000
            if row is None or parse_stamp(str(row[0]))[0] < ends:
                continue
        dropped.append(export_id)
    if dropped:
        db.conn.executemany("DELETE FROM meta WHERE key = ?", [(_ARRIVED + e,) for e in dropped])
    return len(dropped)


def _others(arrived: dict[str, int], own: str) -> dict[str, int]:
    """The arrivals of the other devices (none counted as 0)."""
    return {origin: seq for origin, seq in arrived.items() if origin != own and seq}


def exported_before(
    db: Database,
    file_name: str,
    device_id: str,
    moment: dt.datetime,
    *,
    not_before: dt.datetime | None = None,
) -> dt.datetime | None:
    """When `device_id` last exported a ledger (kind 台账) file named `file_name`, at or before
    `moment` (aware), to the second; not one before `not_before` (the file's own export time,
    when it says one: an earlier export of that name is another file). Another kind of export
    of that name (一库五册, 户级责任 …) is not what a ledger sheet was taken from. The export
    log keeps China time with its offset; rows written before it keep this computer's local
    time with no zone, so the times are compared as times, not as text."""
    rows = db.execute(
        "SELECT exported_at FROM export_log WHERE deleted = 0 AND file_name = ? "
        "AND created_device = ? AND kind = ? AND exported_at IS NOT NULL",
        [file_name, device_id, LEDGER_EXPORT],
    ).fetchall()
    limit = moment.replace(microsecond=0)
    floor = not_before.replace(microsecond=0) if not_before is not None else None
    found = None
    for (text,) in rows:
        try:
            at = dt.datetime.fromisoformat(str(text)).astimezone(dt.UTC)
        except (ValueError, OverflowError, OSError):  # not a time, or one no clock converts
            continue
        if at <= limit and (floor is None or at >= floor) and (found is None or at > found):
            found = at
    return found
