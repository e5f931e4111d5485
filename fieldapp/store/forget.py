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
removing what is its own:

- the row, or a person it hangs on, was never in the device's area: no version of it names an
  area code inside the area, or a household that ever was inside it (the device's own people,
  a family that moved out, a person it took in and who moved on — all stay);
- no offer of the person to one of its households stands now;
- the device wrote nothing to it but an answer to the offer (`DECLINE_FIELDS`: it never made
  it, never edited it), and the hub has acknowledged that answer;
- it hangs on a person (a row without one — a household, a batch — is never removed).

The device's own changes to a row it forgets stay in its log, unprojected (its change log's
numbering is its own and must not go back); the other devices' changes of the row, the row,
its conflicts and its superseded marks leave. What was forgotten, and by which answer, is noted
in `sync_forgotten` (migration 48: row ids only).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

import sqlite_utils

from fieldapp.domain.areacode import area_prefix
from fieldapp.store.changelog import CHANGE_COLUMNS, Change
from fieldapp.store.dump import synced_tables

#: The ledger version from which a device forgets what the hub names (migration 48's, which
#: gives it `sync_forgotten`). A device states its version in every bundle; the hub names rows
#: to forget only to one at or past it (`reads_forget`): an older device keeps them, read-only,
#: as it always did.
FORGET_SINCE = 48
#: What a device may have written to a person offered to it and still forget them: its answer
#: to the offer, turning it down (`trust.DECLINE_FIELDS`).
ANSWER_FIELDS = frozenset({"moving_to", "change_reason"})
#: The most rows one answer names to forget.
FORGET_MAX = 100_000


def reads_forget(schema_version: object) -> bool:
    """Whether a device whose bundles state `schema_version` forgets what an answer names
    (`FORGET_SINCE`); an unknown version (ASCII digits only): no."""
    text = str(schema_version or "")
    return text.isascii() and text.isdigit() and int(text) >= FORGET_SINCE


def _versions(db: sqlite_utils.Database, row_id: str) -> list[tuple[str, int, str, dict[str, Any]]]:
    """Every logged version of `row_id`: (origin, seq, table, data)."""
    found = []
    for device_id, seq, tbl, data in db.execute(
        "SELECT device_id, seq, tbl, data FROM changes WHERE row_id = ?", [row_id]
    ).fetchall():
        try:
            value = json.loads(data) if isinstance(data, str) else data
        except ValueError:
            value = None
        found.append((str(device_id), int(seq), str(tbl), value if isinstance(value, dict) else {}))
    return found


def _current(db: sqlite_utils.Database, table: str, row_id: str) -> dict[str, Any] | None:
    cursor = db.execute(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


class _Judge:
    """The test `offered_only` applies, over one ledger, for one area."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        area: str,
        own: Collection[str],
        acked: Mapping[str, int],
    ) -> None:
        self.db, self.prefix, self.own, self.acked = db, area_prefix(area), set(own), acked
        # The ledger's synced tables only: never a user, a key, a hub's or a sync record.
        self.tables = set(synced_tables(db))
        self._homes: dict[str, bool] = {}
        self._people: dict[str, bool] = {}

    def inside(self, code: object) -> bool:
        return isinstance(code, str) and bool(code) and code.startswith(self.prefix)

    def home_inside(self, household: object) -> bool:
        """A household that is, or ever was, inside the area (any version of it)."""
        if not isinstance(household, str) or not household:
            return False
        if household not in self._homes:
            codes = [d.get("area_code") for *_, d in _versions(self.db, household)]
            now = _current(self.db, "households", household)
            codes.append((now or {}).get("area_code"))
            self._homes[household] = any(self.inside(c) for c in codes)
        return self._homes[household]

    def own_word(self, versions: Sequence[tuple[str, int, str, dict[str, Any]]]) -> bool:
        """The device wrote to the row more than an answer to an offer, or an answer the hub
        has not acknowledged yet."""
        for origin, seq, _tbl, data in versions:
            if origin in self.own and (
                not data.keys() <= ANSWER_FIELDS or seq > self.acked.get(origin, 0)
            ):
                return True
        return False

    def placed(self, table: str, row_id: str) -> tuple[bool, set[str]]:
        """Whether the row itself was ever placed inside the area or is the device's own word,
        and the people it hangs on (itself, for a person)."""
        versions = _versions(self.db, row_id)
        now = _current(self.db, table, row_id) if table in self.tables else None
        datas = [d for *_, d in versions] + ([now] if now else [])
        if self.own_word(versions):
            return True, set()
        people = {row_id} if table == "persons" else set()
        for data in datas:
            if self.inside(data.get("area_code")) or self.home_inside(data.get("household_id")):
                return True, set()
            if table != "persons" and isinstance(data.get("person_id"), str):
                people.add(data["person_id"])
        return False, {p for p in people if p}

    def person_ours(self, person: str) -> bool:
        """A person who was ever the area's, is offered to it now, or whom the device wrote."""
        if person not in self._people:
            placed, _ = self.placed("persons", person)
            now = _current(self.db, "persons", person) or {}
            self._people[person] = placed or self.home_inside(now.get("moving_to"))
        return self._people[person]

    def forgettable(self, table: str, row_id: str) -> bool:
        if table not in self.tables or not self.prefix:
            return False
        placed, people = self.placed(table, row_id)
        return not placed and bool(people) and not any(self.person_ours(p) for p in people)


def offered_only(
    db: sqlite_utils.Database,
    area: str,
    rows: Iterable[tuple[str, str]],
    own: Collection[str],
    acked: Mapping[str, int],
) -> list[tuple[str, str]]:
    """Of `rows` ((table, row id)), those a device of `area` holds only as hung on a person
    offered to it and no longer (see the module): never one ever inside its area, one of a
    person offered to it now, one it wrote more than an answer to, or one whose answer by it
    (`own`: its change-log ids) is past `acked` (origin → the highest seq the hub holds)."""
    judge = _Judge(db, area, own, acked)
    return sorted({(t, r) for t, r in rows if judge.forgettable(t, r)})


def tables_of(db: sqlite_utils.Database, row_ids: Iterable[str]) -> list[tuple[str, str]]:
    """(table, row id) of each of `row_ids` the log holds (the hub's rows by their ids)."""
    found: list[tuple[str, str]] = []
    for row_id in sorted(set(row_ids)):
        row = db.execute("SELECT tbl FROM changes WHERE row_id = ? LIMIT 1", [row_id]).fetchone()
        if row is not None:
            found.append((str(row[0]), row_id))
    return found


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
