"""Rows a device holds only because another village offered it a person, once that offer ended.

A person offered into one of a village's households (`Person.moving_to`) reaches that village's
device with everything hung on them (`answers.OFFER`), read-only, so that it can judge the
offer. Withdrawn by the offering village or turned down, the person leaves its scope as a family
that moved out does; but a family that moved out was the village's own, and a person offered
and never taken in never was: their ID number, bank account and history have no business on its
laptop. So the hub names those rows in its answer (`bundle.FORGET_FILE`, to a device whose
ledger is at `FORGET_SINCE` or past it) and the device removes them from its copy — a cache
eviction, not a change: nothing is logged and nothing is sent back. Offered again, they come
back whole, as rows the device never had (`answers`: the hub forgets it sent them).

Both ends judge a row by the same test (`offered_only`), the hub over its whole log, the device
over what it holds; the device's own test is what keeps a forged or mistaken answer from
removing what is its own. A row leaves only when it is held *because of an offer* and for
nothing else:

- it hangs on a person (a row without one — a household, a batch — is never removed), and each
  person it hangs on was offered to one of the device's households (some version of them names
  such a household in `moving_to`) and is offered to none of them now;
- neither the row nor a person it hangs on was ever in the device's area: no version of it
  names an area code inside the area, or a household that ever was inside it (the device's own
  people, a family that moved out, a person it took in and who moved on — all stay). Inside
  means by code or by the area tree, as it stands or as any version of an area row put it (a
  group the county once hung under the village: `tests/hub/test_unexplained_departure.py`);
- the device wrote nothing to it but an answer to the offer (`ANSWER_FIELDS`: it never made
  it, never edited it), and the hub has acknowledged that answer.

A row that left the device's area by any other path — a family the area tree moved, one that
moved out — was never offered to it and stays, as every departure did before. The test reads
in batches, a few look-ups whatever the number of rows (a whole village leaving at once is told
in one answer: `tests/hub/test_departures_read_at_once.py`), and stops after the first when no
person among them was ever offered anywhere.

The device's own changes to a row it forgets stay in its log, unprojected (its change log's
numbering is its own and must not go back); the other devices' changes of the row, the row,
its conflicts and its superseded marks leave. What was forgotten, and by which answer, is noted
in `sync_forgotten` (migration 48: row ids only).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping
from typing import Any

import sqlite_utils

from fieldapp.domain.areacode import area_prefix
from fieldapp.store.answers import COUNTY_WIDE, OFFER, _fill
from fieldapp.store.changelog import CHANGE_COLUMNS, Change
from fieldapp.store.dump import synced_tables

#: The ledger version from which a device forgets what the hub names (migration 48's, which
#: gives it `sync_forgotten`). A device states its version in every bundle; the hub names rows
#: to forget only to one at or past it (`reads_forget`): an older device keeps them, read-only,
#: as it always did.
FORGET_SINCE = 48
#: What a device may have written to a person offered to it and still forget them: its answer
#: to the offer, turning it down (`trust.DECLINE_FIELDS`).
ANSWER_FIELDS = frozenset({OFFER, "change_reason"})
#: The most rows one answer names to forget.
FORGET_MAX = 100_000
#: The columns that place a row, read of the rows named and of their people and households.
_PLACING = ("person_id", "household_id", "area_code", OFFER)

#: One logged version of a row: (origin, seq, table, data).
Version = tuple[str, int, str, dict[str, Any]]


def reads_forget(schema_version: object) -> bool:
    """Whether a device whose bundles state `schema_version` forgets what an answer names
    (`FORGET_SINCE`); an unknown version (ASCII digits only): no."""
    text = str(schema_version or "")
    return text.isascii() and text.isdigit() and int(text) >= FORGET_SINCE


def _versions(db: sqlite_utils.Database, rows: Iterable[str]) -> dict[str, list[Version]]:
    """Every logged version of each of `rows`, in one look-up."""
    rows = set(rows)
    if not rows:
        return {}
    _fill(db, "temp._forget_rows", rows)
    found: dict[str, list[Version]] = {}
    for device_id, seq, tbl, row_id, data in db.execute(
        "SELECT c.device_id, c.seq, c.tbl, c.row_id, c.data FROM temp._forget_rows f "
        "CROSS JOIN changes c WHERE c.row_id = f.v"
    ).fetchall():
        try:
            value = json.loads(data) if isinstance(data, str) else data
        except ValueError:
            value = None
        version = (str(device_id), int(seq), str(tbl), value if isinstance(value, dict) else {})
        found.setdefault(str(row_id), []).append(version)
    return found


def _now(db: sqlite_utils.Database, table: str, rows: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The placing columns (`_PLACING`) of each of `rows` of `table` as it stands, in one
    look-up (a row not there is left out)."""
    rows = set(rows)
    columns = [c for c in _PLACING if c in {c.name for c in db[table].columns}] if rows else []
    if not columns:
        return {}
    _fill(db, "temp._forget_rows", rows)
    selected = ", ".join(f"t.[{c}]" for c in columns)
    found = db.execute(
        f"SELECT t.id, {selected} FROM temp._forget_rows f CROSS JOIN [{table}] t WHERE t.id = f.v"
    ).fetchall()
    return {str(r[0]): dict(zip(columns, r[1:], strict=True)) for r in found}


def _codes_ever(db: sqlite_utils.Database, prefix: str) -> set[str]:
    """The area codes that are, or by any version of an area row ever were, inside the area
    of `prefix` by the area tree (codes starting with it count in any case: `_Judge.inside`)."""
    areas = {str(r[0]): (r[1], r[2]) for r in db.execute("SELECT id, code, parent_code FROM areas")}
    codes: dict[str, set[str]] = {}
    parents: dict[str, set[str]] = {}
    for row, values in _versions(db, areas).items():
        for *_, data in values:
            for key, into in (("code", codes), ("parent_code", parents)):
                if isinstance(data.get(key), str) and data[key]:
                    into.setdefault(row, set()).add(data[key])
    for row, (code, parent) in areas.items():
        if code:
            codes.setdefault(row, set()).add(str(code))
        if parent:
            parents.setdefault(row, set()).add(str(parent))
    below: dict[str, set[str]] = {}
    for row, held in codes.items():
        for parent in parents.get(row, ()):
            below.setdefault(parent, set()).update(held)
    inside = {c for held in codes.values() for c in held if c.startswith(prefix)}
    frontier = list(inside)
    while frontier:
        fresh = below.get(frontier.pop(), set()) - inside
        inside |= fresh
        frontier.extend(fresh)
    return inside


class _Judge:
    """The test `offered_only` applies, over one ledger, for one area."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        prefix: str,
        own: Collection[str],
        acked: Mapping[str, int],
    ) -> None:
        self.db, self.prefix, self.own, self.acked = db, prefix, set(own), acked
        self._codes: set[str] | None = None

    def inside(self, code: object) -> bool:
        if not isinstance(code, str) or not code:
            return False
        if code.startswith(self.prefix):
            return True
        if self._codes is None:
            self._codes = _codes_ever(self.db, self.prefix)
        return code in self._codes

    def own_word(self, versions: Iterable[Version]) -> bool:
        """The device wrote to the row more than an answer to an offer, or an answer the hub
        has not acknowledged yet."""
        for origin, seq, _tbl, data in versions:
            if origin in self.own and (
                not data.keys() <= ANSWER_FIELDS or seq > self.acked.get(origin, 0)
            ):
                return True
        return False

    def forgettable(self, named: Mapping[str, str | None]) -> list[tuple[str, str]]:
        """Of `named` (row id → the table it is named in; None: the table its log says), the
        rows to forget, as (table, row id)."""
        versions = _versions(self.db, named)
        rows: dict[str, str] = {}
        for row, said in named.items():
            tables = {v[2] for v in versions.get(row, ())}
            table = said or (next(iter(tables)) if len(tables) == 1 else None)
            # Never a row the log does not hold, or holds under another table than named.
            if table and tables == {table} and table not in COUNTY_WIDE:
                rows[row] = table
        people: dict[str, set[str]] = {}
        for row, table in rows.items():
            if self.own_word(versions[row]):
                continue
            if table == "persons":
                people[row] = {row}
            else:
                held = {d.get("person_id") for *_, d in versions[row]}
                people[row] = {p for p in held if isinstance(p, str) and p}
        people = {r: p for r, p in people.items() if p}
        persons = set().union(*people.values()) if people else set()
        versions |= _versions(self.db, persons - versions.keys())
        offered = {p for p in persons if any(d.get(OFFER) for *_, d in versions.get(p, ()) if d)}
        # Held because of an offer or not at all: a whole village moving out stops here.
        people = {r: p for r, p in people.items() if p <= offered}
        if not people:
            return []
        return self._judged(rows, people, versions)

    def _judged(
        self,
        rows: Mapping[str, str],
        people: Mapping[str, set[str]],
        versions: dict[str, list[Version]],
    ) -> list[tuple[str, str]]:
        """`forgettable`'s rows held by offered people only: those never placed inside the
        area, their people never inside it nor offered to it now."""
        persons = set().union(*people.values())
        now: dict[str, dict[str, Any]] = {}
        by_table: dict[str, set[str]] = {"persons": set(persons)}
        for row in people:
            by_table.setdefault(rows[row], set()).add(row)
        for table, ids in by_table.items():
            now |= _now(self.db, table, ids)
        datas = {
            r: [d for *_, d in versions.get(r, ())] + [now.get(r) or {}] for r in {*versions, *now}
        }
        homes: set[str] = set()
        for row in set(people) | persons:
            for data in datas.get(row, ()):
                homes |= {h for c in ("household_id", OFFER) if isinstance(h := data.get(c), str)}
        homes.discard("")
        home_versions = _versions(self.db, homes)
        home_now = _now(self.db, "households", homes)
        inside_homes = {
            h
            for h in homes
            if any(
                self.inside(d.get("area_code"))
                for d in [*(v[3] for v in home_versions.get(h, ())), home_now.get(h) or {}]
            )
        }

        def placed(row: str) -> bool:
            return any(
                self.inside(d.get("area_code")) or d.get("household_id") in inside_homes
                for d in datas.get(row, ())
            )

        def kept(person: str) -> bool:
            """Never offered to the area, ever the area's, offered to it now, or written by
            the device."""
            return (
                not any(d.get(OFFER) in inside_homes for d in datas.get(person, ()))
                or placed(person)
                or (now.get(person) or {}).get(OFFER) in inside_homes
                or self.own_word(versions.get(person, ()))
            )

        staying = {p for p in persons if kept(p)}
        return sorted(
            (rows[r], r) for r, held in people.items() if not placed(r) and not held & staying
        )


def offered_only(
    db: sqlite_utils.Database,
    area: str,
    rows: Iterable[tuple[str, str]],
    own: Collection[str],
    acked: Mapping[str, int],
) -> list[tuple[str, str]]:
    """Of `rows` ((table, row id)), those a device of `area` holds only as hung on a person
    offered to it and no longer (see the module): never one ever inside its area, one of a
    person never offered to it, offered to it now or ever inside it, one it wrote more than an
    answer to, or one whose answer by it (`own`: its change-log ids) is past `acked` (origin →
    the highest seq the hub holds)."""
    prefix = area_prefix(area)
    tables = set(synced_tables(db))
    named: dict[str, str | None] = {}
    for table, row in rows:
        if table in tables and named.get(row, table) == table:
            named[row] = table
        else:
            named[row] = ""  # named twice, under two tables, or not a ledger table: kept
    named = {r: t for r, t in named.items() if t}
    if not prefix or not named:
        return []
    return _Judge(db, prefix, own, acked).forgettable(named)


def leaving_offered(
    db: sqlite_utils.Database,
    area: str,
    row_ids: Iterable[str],
    own: Collection[str],
    acked: Mapping[str, int],
) -> list[tuple[str, str]]:
    """`offered_only` over row ids alone, each of the table its log says (the hub's rows that
    leave a device's area)."""
    prefix = area_prefix(area)
    named: dict[str, str | None] = dict.fromkeys(row_ids)
    if not prefix or not named:
        return []
    return _Judge(db, prefix, own, acked).forgettable(named)


def evict(
    db: sqlite_utils.Database, rows: Iterable[tuple[str, str]], own: Collection[str], note: str
) -> int:
    """Remove `rows` from the ledger's copy (call inside a transaction, after `offered_only`):
    the row, the other devices' changes of it, its conflicts and superseded marks; this
    device's own changes of it (`own`) stay in the log, unprojected. Each is noted in
    `sync_forgotten` with `note` (the answer that named it). Returns how many rows left."""
    removed = 0
    mine = set(own)
    for table, row_id in rows:
        every = [
            Change.from_row(r)
            for r in db.execute(
                f"SELECT {CHANGE_COLUMNS} FROM changes WHERE row_id = ? AND tbl = ?",
                [row_id, table],
            ).fetchall()
        ]
        named = {c.id for c in every}
        for change in every:
            for ids in (change.parents or {}).values():
                named.update(ids)
        db.execute(
            "DELETE FROM superseded WHERE change_id IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(named))],
        )
        db.conn.executemany(
            "DELETE FROM changes WHERE device_id = ? AND seq = ?",
            [(c.device_id, c.seq) for c in every if c.device_id not in mine],
        )
        gone = db.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id]).rowcount
        db.execute("DELETE FROM conflicts WHERE tbl = ? AND row_id = ?", [table, row_id])
        db.execute(
            "INSERT OR REPLACE INTO sync_forgotten (row_id, tbl, answer) VALUES (?, ?, ?)",
            [row_id, table, note],
        )
        removed += max(gone, 0)
    return removed


def forgotten(db: sqlite_utils.Database) -> dict[str, str]:
    """The rows this ledger forgot (row id → table), as `sync_forgotten` notes them."""
    if "sync_forgotten" not in db.table_names():
        return {}
    return {str(r): str(t) for r, t in db.execute("SELECT row_id, tbl FROM sync_forgotten")}
