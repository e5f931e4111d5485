"""Creating many new rows through the change log, a batch at a time, optionally on a thread.

Demo data, a spreadsheet import and the first-run wizard create thousands of rows at once. Per
batch, Python only gathers each field's values, the columns the store derives (a person's sex,
birth date and search words) and the first sequence number and clock stamp; the batch is then a
`NewRows` for the one projection of new rows (`fieldapp.store.new_rows`), in which SQLite
computes each change's sequence number and stamp from the first, writes the log's canonical
JSON with `json_object`, and the rows with their attribution.

With `threaded=True` the batches are written on a writer thread while the caller prepares the
next: on a two-core laptop one core reads and checks a spreadsheet while the other writes the
ledger.
"""

from __future__ import annotations

import math
import queue
import sys
import threading
from collections.abc import Callable, Sequence
from enum import Enum
from itertools import repeat
from typing import TYPE_CHECKING, Any

from fieldapp.store.changelog import dumps, to_storable
from fieldapp.store.connection import max_variables
from fieldapp.store.hlc import format_stamp, nth_stamp_parts, nth_stamp_sql, stamp_to_iso
from fieldapp.store.ids import new_id
from fieldapp.store.new_rows import (
    MAX_PARAMETERS,
    Bound,
    NewRows,
    Source,
    Sql,
    attribution,
    write,
)
from fieldapp.store.projector import derived_columns

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger

#: Values stored as they are; anything else (dates, enums) goes through `to_storable`.
PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})
_SAVEPOINT = "bulk_insert"
#: Batches waiting for the writer thread at most.
QUEUE_DEPTH = 3
#: Seconds a thread holds the GIL before handing it over, while a writer thread runs.
SWITCH_INTERVAL = 0.001

_Job = Callable[[], None]


class BulkInserter:
    """Creates new rows in one open `Ledger.transaction()`; see the module docstring.

    While a threaded inserter is open its thread owns the ledger's connection: the caller must
    not use `ledger.db` until `close()` (reads go through a separate connection, which sees the
    ledger as it was before the transaction).
    """

    def __init__(self, ledger: Ledger, *, threaded: bool = False, undo: bool = True) -> None:
        if not ledger.in_transaction:
            raise RuntimeError("BulkInserter needs an open Ledger.transaction()")
        self.ledger = ledger
        self.conn = ledger.db.conn
        self._max_parameters = min(MAX_PARAMETERS, max_variables(self.conn))
        self._error: BaseException | None = None
        self._queue: queue.Queue[_Job | None] | None = None
        self._thread: threading.Thread | None = None
        # Everything this inserter writes can be taken back at once (`abandon`), leaving the
        # surrounding transaction and the device's sequence numbers as they were: a savepoint,
        # for which SQLite keeps the first copy of every page the inserter changes, in memory
        # (temp_store=MEMORY: nothing goes to disk unencrypted). Without `undo` there is none:
        # an error leaves the rows in the transaction, which the caller then rolls back whole
        # (an import, all or nothing: its savepoints were 40 MB of a 20 000-person one's peak).
        self._first_seq = ledger.reserve_seqs(0)
        self._undo = undo
        if undo:
            self.conn.execute(f"SAVEPOINT {_SAVEPOINT}")
        self._switch_interval: float | None = None
        if threaded:
            self._learn_fields()
            # The writer takes the GIL back after each statement; by default Python makes it
            # wait up to 5 ms for the caller's thread to let go, which leaves SQLite idle.
            self._switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(self._switch_interval, SWITCH_INTERVAL))
            self._queue = queue.Queue(QUEUE_DEPTH)
            self._thread = threading.Thread(target=self._work, name="ledger-writer", daemon=True)
            self._thread.start()

    def _learn_fields(self) -> None:
        """Every ledger table's fields, read before the writer thread owns the connection."""
        projector = self.ledger.projector
        tables = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        for (table,) in tables.fetchall():
            if "_origin" in projector.columns(table):
                projector.data_fields(table)

    # -- caller side ------------------------------------------------------------------------

    def insert_many(self, table: str, rows: Sequence[dict[str, Any]]) -> list[str]:
        """Log and create new rows (ids given as "id" or made here); returns their ids."""
        if not rows:
            return []
        self._raise_pending()
        ledger = self.ledger
        batch = local_rows(ledger, table, rows)
        self._run(lambda: write(self.conn, batch, self._max_parameters))
        ids = batch.row["id"]
        assert isinstance(ids, list)
        return ids

    def close(self) -> None:
        """Wait for every batch and stop the thread; raise a write error (all taken back)."""
        try:
            self._stop()
            self._raise_pending()
        except BaseException:
            self.abandon()
            raise
        if self._undo:
            self.conn.execute(f"RELEASE {_SAVEPOINT}")

    def abandon(self) -> None:
        """Stop and take back everything written (the caller's transaction goes on); without
        `undo`, only stop: the caller rolls its transaction back."""
        self._error = self._error or _Abandoned()
        self._stop()
        if not self._undo:
            return
        if self.conn.in_transaction:  # SQLite may have rolled back by itself (a full disk)
            self.conn.execute(f"ROLLBACK TO {_SAVEPOINT}")
            self.conn.execute(f"RELEASE {_SAVEPOINT}")
        self.ledger.release_seqs(self._first_seq)

    def _stop(self) -> None:
        if self._queue is not None and self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._queue = self._thread = None
        if self._switch_interval is not None:
            sys.setswitchinterval(self._switch_interval)
            self._switch_interval = None

    def __enter__(self) -> BulkInserter:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            self.close()
        else:
            self.abandon()

    def _run(self, job: _Job) -> None:
        if self._queue is None:
            job()
        else:
            self._queue.put(job)

    def _raise_pending(self) -> None:
        error = self._error
        if error is not None and not isinstance(error, _Abandoned):
            raise error

    # -- writer side ------------------------------------------------------------------------

    def _work(self) -> None:
        assert self._queue is not None
        while (job := self._queue.get()) is not None:
            if self._error is None:
                try:
                    job()
                except BaseException as error:  # noqa: BLE001 - handed to the caller's thread
                    self._error = error


class _Abandoned(Exception):
    """Marks an inserter stopped by its caller; later jobs are skipped."""


# -- a local batch as new rows ------------------------------------------------------------------


class _Json(Enum):
    """How a field's values reach the log's JSON, which SQLite's `json_object` writes."""

    # Text or whole numbers (or nulls): as SQLite renders them, which is canonical. The type
    # is said (a CAST, free in SQLite) for PostgreSQL, which cannot tell a bound value's.
    TEXT = "text"
    WHOLE = "whole"
    BOOL = "bool"  # stored 1/0, logged true/false
    FRAGMENT = "fragment"  # anything else: each value's canonical JSON made here, in its own column


def local_rows(ledger: Ledger, table: str, rows: Sequence[dict[str, Any]]) -> NewRows:
    """New rows written on this device: its next sequence numbers and clock stamps, its author.

    Every data field is logged (missing ones as null), in sorted order as the canonical JSON
    lists them; each change is its row's origin. Takes the sequence numbers and stamps.
    """
    fields = sorted(ledger.projector.data_fields(table))
    allowed = {*fields, "id"}
    for given in rows:
        if not allowed.issuperset(given):
            raise KeyError(f"{table} has no field(s) {sorted(given.keys() - allowed)}")
    count = len(rows)
    ids = [given.get("id") or new_id() for given in rows]
    columns = {name: list(map(dict.get, rows, repeat(name))) for name in fields}
    columns["deleted"] = list(map(bool, columns["deleted"]))
    extra: dict[str, Source] = {}
    members = []
    for name in fields:
        columns[name], kind = _storable_column(table, name, columns[name])
        if kind is _Json.TEXT:
            members.append(f"'{name}', CAST({{{name}}} AS TEXT)")
        elif kind is _Json.WHOLE:
            members.append(f"'{name}', CAST({{{name}}} AS INTEGER)")
        elif kind is _Json.BOOL:
            members.append(
                f"'{name}', json(CASE {{{name}}} WHEN 1 THEN 'true' WHEN 0 THEN 'false' END)"
            )
        else:
            extra[f"_json_{name}"] = _fragments(columns[name])
            members.append(f"'{name}', json({{_json_{name}}})")
    seq = ledger.reserve_seqs(count)
    wall, counter = ledger.clock.reserve(count)
    # Rows are stamped in SQL from the first stamp; their local time is one text unless the
    # batch spans a second.
    first, last = (_local_time(wall, counter, i) for i in (0, count - 1))
    if first == last:
        extra["at"] = Bound(first)
    else:
        extra["at"] = [_local_time(wall, counter, i) for i in range(count)]
    log: dict[str, Source] = {
        "device_id": Bound(ledger.device_id),
        "seq": Sql(_SEQ, (("seq", seq),)),
        "hlc": Sql(_STAMP, (("wall", wall), ("counter", counter))),
        "author": Bound(ledger.recorded_author),
        "row_id": Sql("{id}"),
        "data": Sql(f"json_object({', '.join(members)})"),
        "parents": Bound(None),
    }
    row: dict[str, Source] = {"id": ids, **columns, "_origin": Sql(_ORIGIN)}
    row |= attribution(Sql("{at}"), Sql("{author}"), Sql("{device_id}"), Sql(_KEY))
    row |= derived_columns(table, columns, count)
    return NewRows(table, count, log, row, extra)


def _storable_column(table: str, name: str, values: list[Any]) -> tuple[list[Any], _Json]:
    """A field's values as stored (dates as text, enums as values) and how they are logged."""
    kinds = set(map(type, values))
    if not PLAIN_TYPES.issuperset(kinds):
        values = [_plain(v) for v in values]
        kinds = set(map(type, values))
        strange = kinds - PLAIN_TYPES
        if strange:
            raise TypeError(f"{table}.{name} cannot hold {sorted(k.__name__ for k in strange)}")
    kinds.discard(type(None))
    if kinds <= {str}:
        return values, _Json.TEXT
    if kinds == {int}:
        return values, _Json.WHOLE
    if kinds == {bool}:
        # Staged as 1 and 0, which is how SQLite stores them: Python's sqlite3 binds an int
        # several times faster than a bool.
        return [v if v is None else int(v) for v in values], _Json.BOOL
    if float in kinds and not all(map(math.isfinite, filter(_is_float, values))):
        raise ValueError(f"{table}.{name} holds a number that is not finite")
    return values, _Json.FRAGMENT


def _fragments(values: list[Any]) -> list[str | None]:
    """Each value's canonical JSON text (null stays SQL NULL, which `json()` passes on)."""
    return [None if v is None else dumps(v) for v in values]


def _plain(value: Any) -> Any:
    """`to_storable`, and a text or number enum as its plain value (the log's JSON is the same)."""
    value = to_storable(value)
    return value.value if isinstance(value, Enum) else value


def _local_time(wall: int, counter: int, index: int) -> str:
    """The local time people read of stamp `index` in a reserved run."""
    return stamp_to_iso(format_stamp(*nth_stamp_parts(wall, counter, index)))


def _is_float(value: Any) -> bool:
    return type(value) is float


_SEQ = "(:seq + {_n})"
_STAMP = nth_stamp_sql(":wall", ":counter", "{_n}")
_ORIGIN = "({device_id} || ':' || {seq})"
_KEY = "({hlc} || '/' || {device_id} || ':' || {seq})"
