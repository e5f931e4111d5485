"""The ledger store: open a file, identify the device and author, and write through the log.

`Ledger` is what every other layer uses (CLI, GUI, policy services, sync). All writes go through
`insert` / `insert_many` / `update` / `delete`, each of which appends to the change log in the
same transaction as the row it changes; nothing is ever physically deleted.
"""

from __future__ import annotations

import getpass
import json
import secrets
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlite_utils
from uuid6 import uuid7

from fieldapp.store import derived as _derived  # noqa: F401  (registers derived columns)
from fieldapp.store.changelog import DERIVED, Change, Projector, to_storable
from fieldapp.store.connection import open_database
from fieldapp.store.hlc import HybridClock, stamp_to_iso
from fieldapp.store.migrations import migrate

#: Namespace for deterministic ids of rows with a natural key (a person's status for a month).
NATURAL_KEY_NAMESPACE = uuid.UUID("6f1c8a52-5e0b-4c1e-9a61-2f2e8f6d7b10")


def new_id() -> str:
    """A fresh UUIDv7 row id (time-ordered, so inserts append to the index)."""
    return str(uuid7())


def natural_id(table: str, *key: str) -> str:
    """The same id on every device for the same natural key (UUIDv5)."""
    return str(uuid.uuid5(NATURAL_KEY_NAMESPACE, "/".join((table, *key))))


class Ledger:
    """One ledger file: its device identity, its clock, and the logged write path."""

    def __init__(self, db: sqlite_utils.Database, path: str, author: str | None = None) -> None:
        self.db = db
        self.path = path
        migrate(db)
        self.device_id = self._meta_default("device_id", lambda: secrets.token_hex(8))
        self.author = author or self.get_meta("author") or _os_user()
        self.clock = HybridClock(self.get_meta("hlc"))
        self.projector = Projector(db)
        self._depth = 0
        self._next_seq = 0

    @classmethod
    def open(cls, path: str | Path, author: str | None = None) -> Ledger:
        """Open or create the ledger at `path` and bring its schema up to date."""
        return cls(open_database(path), str(path), author)

    def close(self) -> None:
        """Close the connection."""
        self.db.conn.close()

    # -- meta -------------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        """A value from the ledger's `meta` table."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str | None) -> None:
        """Store a `meta` value (local settings; not synced)."""
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    def _meta_default(self, key: str, make: Any) -> str:
        value = self.get_meta(key)
        if value is None:
            value = make()
            self.set_meta(key, value)
        return value

    # -- transactions -----------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """`BEGIN IMMEDIATE … COMMIT`; nested calls join the outer one; errors roll back all."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        clock_state = (self.clock.wall, self.clock.counter)
        self.db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        self._next_seq = self._max_seq() + 1
        try:
            yield
            self.set_meta("hlc", self.clock.last)
            self.db.execute("COMMIT")
        except BaseException:
            # SQLite may already have rolled back by itself (SQLITE_FULL, I/O errors); a second
            # ROLLBACK would raise and hide the real error.
            if self.db.conn.in_transaction:
                self.db.execute("ROLLBACK")
            self.clock.wall, self.clock.counter = clock_state
            raise
        finally:
            self._depth = 0

    def _max_seq(self) -> int:
        row = self.db.execute(
            "SELECT max(seq) FROM changes WHERE device_id = ?", [self.device_id]
        ).fetchone()
        return int(row[0] or 0)

    def _new_change(
        self, table: str, row_id: str, data: dict[str, Any], parents: dict[str, list[str]] | None
    ) -> Change:
        if not self._depth:
            raise RuntimeError("writes must run inside Ledger.transaction()")
        change = Change(
            self.device_id,
            self._next_seq,
            self.clock.now(),
            self.author,
            table,
            row_id,
            data,
            parents or None,
        )
        self._next_seq += 1
        return change

    # -- writes -----------------------------------------------------------------------------

    def insert(self, table: str, fields: dict[str, Any], row_id: str | None = None) -> str:
        """Create a row; every data field (missing ones as null) is logged. Returns its id."""
        with self.transaction():
            row_id = row_id or new_id()
            existing = self.projector.fetch_row(table, row_id)
            if existing is not None:
                self.update(table, row_id, fields)
                return row_id
            self.projector.apply(self._new_change(table, row_id, self._full(table, fields), None))
        return row_id

    def insert_many(self, table: str, rows: Sequence[dict[str, Any]]) -> list[str]:
        """Create many new rows at once: the bulk path of `insert`, same log, same projection."""
        if not rows:
            return []
        with self.transaction():
            fields = self.projector.data_fields(table)
            allowed = {*fields, "id"}
            plain = [f for f in fields if f != "deleted"]
            changed = set(fields)
            derived = table in DERIVED
            author, device = self.author, self.device_id
            log_rows, table_rows, ids = [], [], []
            columns: list[str] = []
            for given in rows:
                unknown = given.keys() - allowed
                if unknown:
                    raise KeyError(f"{table} has no field(s) {sorted(unknown)}")
                get = given.get
                row_id = get("id") or new_id()
                # What `_full` builds; plain values (nearly all) need no conversion.
                values = list(map(get, plain))
                if not _PLAIN_TYPES.issuperset(map(type, values)):
                    values = [to_storable(v) for v in values]
                data = dict(zip(plain, values, strict=True))
                data["deleted"] = bool(get("deleted", False))
                seq, hlc = self._next_seq, self.clock.now()
                self._next_seq += 1
                change_id = f"{device}:{seq}"
                log_rows.append((device, seq, hlc, author, table, row_id, _dumps(data), None))
                at, key = stamp_to_iso(hlc), f"{hlc}/{change_id}"
                # The row `Projector._create_row` would write for this change.
                values = [row_id, *data.values(), change_id, at, author, device, key]
                values += (at, author, device, key)
                if derived:
                    extra = self.projector._derive(table, data, changed)
                    values += extra.values()
                if not columns:
                    columns = ["id", *data, "_origin", *_CREATED, *_UPDATED]
                    columns += extra if derived else ()
                table_rows.append(values)
                ids.append(row_id)
            self.db.conn.executemany(
                "INSERT INTO changes (device_id, seq, hlc, author, tbl, row_id, data, parents) "
                "VALUES (?,?,?,?,?,?,?,?)",
                log_rows,
            )
            self.projector.insert_rows(table, tuple(columns), table_rows)
        return ids

    def update(
        self,
        table: str,
        row_id: str,
        fields: dict[str, Any],
        seen: dict[str, list[str]] | None = None,
    ) -> Change | None:
        """Change some fields of a row; unchanged values are not logged.

        `seen` gives, per field, the versions the editor was looking at (from `heads`); by
        default the current ones. A version the editor had not seen stays as a conflict.
        """
        with self.transaction():
            row = self.projector.fetch_row(table, row_id)
            if row is None:
                raise KeyError(f"{table}/{row_id}")
            data, parents = {}, {}
            for field, value in fields.items():
                value = to_storable(value)
                heads = self.projector.heads_of(row, field)
                in_conflict = len(heads) > 1
                if row.get(field) == value and not in_conflict and seen is None:
                    continue
                data[field] = value
                parents[field] = list(seen[field]) if seen and field in seen else heads
            if not data:
                return None
            change = self._new_change(table, row_id, data, {k: v for k, v in parents.items() if v})
            self.projector.apply(change)
            return change

    def delete(self, table: str, row_id: str) -> Change | None:
        """Mark a row deleted (a logged change; the row and its history stay)."""
        return self.update(table, row_id, {"deleted": True})

    def undelete(self, table: str, row_id: str) -> Change | None:
        """Bring back a deleted row (also a logged change)."""
        return self.update(table, row_id, {"deleted": False})

    def apply_changes(self, changes: Sequence[Change]) -> int:
        """Merge changes from other devices in one transaction; returns how many were new."""
        with self.transaction():
            new = self.projector.apply_many(changes)
            for change in new:
                self.clock.observe(change.hlc)
        return len(new)

    def _full(self, table: str, fields: dict[str, Any]) -> dict[str, Any]:
        known = self.projector.data_fields(table)
        unknown = set(fields) - set(known)
        if unknown:
            raise KeyError(f"{table} has no field(s) {sorted(unknown)}")
        data = {f: to_storable(fields.get(f)) for f in known if f != "deleted"}
        data["deleted"] = bool(fields.get("deleted", False))
        return data

    # -- reads ------------------------------------------------------------------------------

    def get(self, table: str, row_id: str) -> dict[str, Any] | None:
        """One row as a dict (deleted rows included)."""
        return self.projector.fetch_row(table, row_id)

    def heads(self, table: str, row_id: str) -> dict[str, list[str]]:
        """Per field, the version ids an editor of this row is now looking at."""
        row = self.projector.fetch_row(table, row_id)
        return {f: self.projector.heads_of(row, f) for f in self.projector.data_fields(table)}

    def changes_since(self, device_id: str, after_seq: int) -> list[Change]:
        """One device's changes with seq > after_seq, in order."""
        rows = self.db.execute(
            "SELECT device_id, seq, hlc, author, tbl, row_id, data, parents FROM changes "
            "WHERE device_id = ? AND seq > ? ORDER BY seq",
            [device_id, after_seq],
        ).fetchall()
        return [Change.from_row(r) for r in rows]


_CREATED = ("created_at", "created_by", "created_device", "_ckey")
_UPDATED = ("updated_at", "updated_by", "updated_device", "_ukey")
_PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})
#: `changelog.dumps` with its encoder built once (json.dumps builds one per call with options).
_dumps = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some Windows set-ups
        return "用户"
