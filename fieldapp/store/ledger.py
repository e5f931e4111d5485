"""The ledger store: open a file, identify the device and author, and write through the log.

`Ledger` is what every other layer uses (CLI, GUI, policy services, sync). All writes go through
`insert` / `insert_many` / `update` / `delete`, each of which appends to the change log in the
same transaction as the row it changes; nothing is ever physically deleted.
"""

from __future__ import annotations

import getpass
import os
import secrets
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlite_utils

from fieldapp.domain.progress import CancelCheck, Progress
from fieldapp.domain.roles import signed_author
from fieldapp.saving import mark_unsure_commit
from fieldapp.store.bulk_insert import BulkInserter
from fieldapp.store.bulk_update import AroundBatch, BeforeUpdate, update_many
from fieldapp.store.changelog import Change, to_storable
from fieldapp.store.connection import ledger_gone, ledger_replaced, open_database, trim_wal
from fieldapp.store.hlc import HybridClock
from fieldapp.store.ids import NATURAL_KEY_NAMESPACE, natural_id, new_id
from fieldapp.store.migrations import migrate
from fieldapp.store.postgres import PgDatabase, is_url
from fieldapp.store.projector import Projector
from fieldapp.store.read_pool import ReadPool
from fieldapp.store.sync_state import SyncState
from fieldapp.store.users import bind_user
from fieldapp.store.vault import (
    Credentials,
    Unlocked,
    ensure_county_slot,
    open_store,
    open_with_key,
)

__all__ = ["NATURAL_KEY_NAMESPACE", "Ledger", "natural_id", "new_id"]


class Ledger:
    """One ledger file: its device identity, its clock, and the logged write path.

    An encrypted ledger (`unlocked` given) is opened by one of its users: that user is the
    author of every change it writes, whatever `author` says. A plain ledger has no users; its
    author is `author`, else the one set on this device, else the system's user name.
    """

    def __init__(
        self,
        db: sqlite_utils.Database,
        path: str,
        author: str | None = None,
        unlocked: Unlocked | None = None,
    ) -> None:
        self.db = db
        self.path = path
        #: The file every write checks is still there (None: in memory, PostgreSQL), and is
        #: still the file opened (its device and inode number).
        self._file = None if path == ":memory:" or is_url(path) else Path(path).absolute()
        self._identity = _identity(self._file)
        migrate(db)
        self.unlocked = unlocked
        self.user = unlocked.user if unlocked else None
        if self.user is not None:
            bind_user(db, self.user)
        self.device_id = self._meta_default("device_id", lambda: secrets.token_hex(8))
        self.author = self.user or author or self.get_meta("author") or _os_user()
        #: The name the county enrolled this ledger under; every change records its author as
        #: ``姓名@设备名称`` (`recorded_author`) and the hub holds any other. Read from the
        #: signed enrolment: meta `device_name` is a label the settings page lets anyone edit,
        #: and on a ledger enrolled by the first wave it is the wizard's host name, or none.
        enrolled = SyncState(db).identity()
        self.device_name = enrolled.name if enrolled else self.get_meta("device_name")
        self.clock = HybridClock(self.get_meta("hlc"))
        self.projector = Projector(db)
        self._depth = 0
        self._next_seq = 0
        #: Shared by several `Ledger`s of one file in one process (the hub's worker threads):
        #: held for each write transaction, so writers queue here instead of timing out on
        #: SQLite's busy wait while another thread's big import holds the file.
        self.write_gate: threading.Lock | None = None
        self._read_pool: ReadPool | None = None
        #: Set by `close`: the connection is gone and the ledger must be opened again.
        self.closed = False
        self.seal_for_county()

    @property
    def recorded_author(self) -> str:
        """The author logged with each change: the user, and the enrolled device's name."""
        return signed_author(self.author, self.device_name)

    @classmethod
    def open(
        cls,
        path: str | Path,
        author: str | None = None,
        credentials: Credentials | None = None,
        create: bool = False,
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
    ) -> Ledger:
        """Open or create the ledger at `path` and bring its schema up to date.

        With `credentials` an encrypted ledger is unlocked, a plain one converted and a new one
        created encrypted (`fieldapp.store.vault`); without, only a plain or new one opens.
        With `create`, only a new one: one already there is refused (`LedgerExists`).
        A plain one's conversion reports to `progress` and stops at `cancel` (`Cancelled`).
        """
        db, unlocked = open_store(path, credentials, create, progress, cancel)
        try:
            return cls(db, str(path), author, unlocked)
        except BaseException:
            db.conn.close()
            raise

    def seal_for_county(self) -> None:
        """Seal the database key to the enrolled county hub, once the ledger knows the hub
        (a ledger made before its enrolment gets its county slot here, at the next open or
        right after enrolling)."""
        if self.unlocked is not None and self.path != ":memory:":
            hub_key = SyncState(self.db).hub_box_public()
            self.unlocked = ensure_county_slot(self.path, self.unlocked, hub_key)

    @property
    def encrypted(self) -> bool:
        """True when the file is encrypted (it has users and a key file)."""
        return self.unlocked is not None

    def sibling(self) -> Ledger:
        """Another connection to this ledger, as the same user (for a worker thread); no
        password work again."""
        if self.unlocked is None:
            return _noting_into(self, Ledger.open(self.path, author=self.author))
        db = open_with_key(self.path, self.unlocked.key, self.unlocked.keyfile)
        return _noting_into(self, Ledger(db, self.path, self.author, self.unlocked))

    def reachable(self) -> bool:
        """False when the connection to a PostgreSQL ledger was lost (a file never is)."""
        return not isinstance(self.db, PgDatabase) or self.db.reachable()

    def reconnect(self) -> bool:
        """A PostgreSQL ledger's lost connection opened again (`PgDatabase.reconnect`); True
        when a new one was opened. Raises what connecting raises (the server still gone)."""
        if self.reachable() or not isinstance(self.db, PgDatabase):
            return False
        self.db.reconnect()
        return True

    def data_version(self) -> int | None:
        """A number that changes when another connection (a worker's, another program's)
        commits to this ledger's file — not this connection's own commits. None where it is
        not known (PostgreSQL): the caller reads again."""
        if isinstance(self.db, PgDatabase):
            return None
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        """Close the connection (and the read pool's, if one was opened)."""
        if self._read_pool is not None:
            self._read_pool.close()
            self._read_pool = None
        self.db.conn.close()
        self.closed = True

    def read_pool(self) -> ReadPool | None:
        """Reader connections of this ledger's file for reading several tables at once
        (`store.read_pool`), opened on first use and closed with the ledger.

        None when they would not see what this connection sees — inside a transaction (its
        writes are not committed yet) — or when there is no file to open again (in memory,
        PostgreSQL).
        """
        if self.path == ":memory:" or is_url(self.path) or self.db.conn.in_transaction:
            return None
        if self._read_pool is None:
            self._read_pool = ReadPool(self.reader)
        return self._read_pool

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
        gate = self.write_gate
        if gate is not None:
            gate.acquire()
        try:
            yield from self._outer_transaction()
        finally:
            if gate is not None:
                gate.release()

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Reads that all see one state of the ledger, whatever other connections commit
        meanwhile (a read transaction: an export's sheets, a hub's answer). Inside
        `transaction()` that transaction already is one state."""
        if self._depth:
            yield
            return
        self.db.execute("BEGIN")
        try:
            yield
        finally:
            self.db.execute("COMMIT")

    def check_present(self) -> None:
        """Raise `LedgerGone` when the ledger's file is no longer where it was opened (its
        stick pulled out, the file moved away): SQLite would go on writing into the open
        files, and the work would be lost when the program closes."""
        if self._file is None:
            return
        now = _identity(self._file)
        if now is None:
            raise ledger_gone(self._file)
        if self._identity is not None and now != self._identity:
            raise ledger_replaced(self._file)

    def _outer_transaction(self) -> Iterator[None]:
        self.check_present()
        clock_state = (self.clock.wall, self.clock.counter)
        self.db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        self._next_seq = self._max_seq() + 1
        committing = False
        try:
            yield
            self.set_meta("hlc", self.clock.last)
            committing = True
            self.db.execute("COMMIT")
        except BaseException as error:
            # A PostgreSQL COMMIT whose connection went: recorded or not, nobody knows
            # (`saving.unsure_commit`), and there is nothing left to roll back on it.
            unsure = committing and isinstance(error, Exception) and mark_unsure_commit(error)
            # SQLite may already have rolled back by itself (SQLITE_FULL, I/O errors); a second
            # ROLLBACK would raise and hide the real error.
            if not unsure and self.db.conn.in_transaction:
                self.db.execute("ROLLBACK")
            # The clock goes back with what was rolled back — never past stamps an unsure
            # COMMIT may have recorded (its own, or a device's it followed, up to a day ahead):
            # the next change would be stamped before changes the ledger holds.
            if not unsure:
                self.clock.wall, self.clock.counter = clock_state
            raise
        finally:
            self._depth = 0
        trim_wal(self.db.conn, self.path)

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
            self.recorded_author,
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
        with self.transaction(), self.bulk_inserter() as bulk:
            return bulk.insert_many(table, rows)

    def bulk_inserter(self, *, threaded: bool = False, undo: bool = True) -> BulkInserter:
        """A `BulkInserter` for many `insert_many` batches in the open transaction.

        Threaded, SQLite writes each batch on a writer thread while the caller prepares the
        next; meanwhile only the inserter may use this ledger's connection (read through
        `reader()`). Without `undo` its rows cannot be taken back alone: the caller rolls
        back the whole transaction on an error (see `BulkInserter`).
        """
        return BulkInserter(self, threaded=threaded, undo=undo)

    def wait_for_others(self, seconds: float) -> None:
        """How long a write on this connection waits for another program's (or connection's)
        write to end before it is refused as 'database is locked' (30 s by default). The
        desktop's own connection waits briefly: its thread is the window's, which would not
        repaint or answer while waiting behind another copy's long import."""
        if isinstance(self.db, PgDatabase):
            return
        self.db.conn.execute(f"PRAGMA busy_timeout={int(seconds * 1000)}")

    def reader(self) -> sqlite_utils.Database:
        """A second connection to this file, for reading: it sees the ledger as last committed.

        A long import reads the ledger through it while its own transaction is still open (and
        written from another thread). The caller closes it.
        """
        if self.path == ":memory:":
            raise ValueError("an in-memory ledger has no second connection")
        if self.unlocked is not None:
            return open_with_key(self.path, self.unlocked.key, self.unlocked.keyfile)
        return open_database(self.path)

    @property
    def in_transaction(self) -> bool:
        """True inside `transaction()`."""
        return self._depth > 0

    def reserve_seqs(self, count: int) -> int:
        """Take `count` consecutive sequence numbers for new changes; returns the first."""
        if not self._depth:
            raise RuntimeError("writes must run inside Ledger.transaction()")
        first = self._next_seq
        self._next_seq += count
        return first

    def release_seqs(self, first: int) -> None:
        """Give back the numbers from `first` on: what used them was rolled back."""
        self._next_seq = first

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
            data, parents = self.changed_fields(row, fields, seen)
            if not data:
                return None
            change = self._new_change(table, row_id, data, parents)
            self.projector.apply(change)
            return change

    def changed_fields(
        self,
        row: dict[str, Any],
        fields: Mapping[str, Any],
        seen: dict[str, list[str]] | None = None,
    ) -> tuple[dict[str, Any], dict[str, list[str]]]:
        """What an update of `row` logs: the fields whose value changes (or that are in
        conflict, or were named with `seen`), and per field the versions it supersedes."""
        data, parents = {}, {}
        for field, value in fields.items():
            value = to_storable(value)
            heads = self.projector.heads_of(row, field)
            in_conflict = len(heads) > 1
            if row.get(field) == value and not in_conflict and seen is None:
                continue
            data[field] = value
            found = list(seen[field]) if seen and field in seen else heads
            if found:
                parents[field] = found
        return data, parents

    def update_many(
        self,
        table: str,
        updates: Sequence[tuple[str, Mapping[str, Any]]],
        before_each: BeforeUpdate | None = None,
        around_batch: AroundBatch | None = None,
    ) -> list[Change | None]:
        """`update` of many rows at once: the same log entries, superseded versions, conflicts
        and rows as `update` of each in turn, written a batch at a time (see `bulk_update`).

        `before_each(row_id, row, fields)` hears each update before its batch is written (the
        services' trust check); `around_batch(updates)`, a context opened around a batch's
        `before_each` calls (nothing written while it is open). Returns each update's change,
        None where nothing changed.
        """
        with self.transaction():
            return update_many(self, table, updates, before_each, around_batch)

    def delete(self, table: str, row_id: str) -> Change | None:
        """Mark a row deleted (a logged change; the row and its history stay)."""
        return self.update(table, row_id, {"deleted": True})

    def undelete(self, table: str, row_id: str) -> Change | None:
        """Bring back a deleted row (also a logged change)."""
        return self.update(table, row_id, {"deleted": False})

    def apply_changes(self, changes: Sequence[Change], vouched_ms: int = 0) -> int:
        """Merge changes from other devices in one transaction; returns how many were new.
        `vouched_ms`: a hub's `HybridClock.observe`."""
        with self.transaction():
            new = self.projector.apply_many(changes)
            self.clock.observe_all([change.hlc for change in new], vouched_ms)
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


def _identity(path: Path | None) -> tuple[int, int] | None:
    """The file's device and inode number; None when there is no file there."""
    if path is None:
        return None
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some Windows set-ups
        return "用户"


def _noting_into(ledger: Ledger, sibling: Ledger) -> Ledger:
    """`sibling` noting the rows its lists skip into `ledger`'s notes (`malformed.skipped`)."""
    from fieldapp.store.queries.malformed import share_notes

    share_notes(ledger.db, sibling.db)
    return sibling
