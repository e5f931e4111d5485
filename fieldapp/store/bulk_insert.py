"""Creating many new rows through the change log, projected set-based inside SQLite.

Demo data, a spreadsheet import and the first-run wizard create thousands of rows at once. Per
batch, Python only gathers each field's values, the sequence numbers and clock stamps, and the
columns the store derives (a person's sex, birth date and search words). SQLite does the rest in
a few set-based statements: the rows go into a staging table, and from it the log entries (their
canonical JSON made by `json_object`) and the table rows, with the attribution columns computed
in SQL. These are the same log and rows `Projector._create_row` writes one change at a time
(tests compare the two, byte for byte).

A batch is a few statements, so SQLite does its share without holding Python's GIL. With
`threaded=True` the statements run on a writer thread while the caller prepares the next batch:
on a two-core laptop one core reads and checks a spreadsheet while the other writes the ledger.
Row-by-row `executemany` cannot overlap like that, because it takes the GIL back for every row.
"""

from __future__ import annotations

import math
import queue
import sqlite3
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from itertools import chain, repeat
from typing import TYPE_CHECKING, Any

from fieldapp.store.changelog import (
    DERIVED,
    DERIVED_COLUMNS,
    dumps,
    search_indexed_after,
    to_storable,
)
from fieldapp.store.hlc import format_stamp, nth_stamp_parts, nth_stamp_sql, stamp_to_iso
from fieldapp.store.ids import new_id

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger

#: Values stored as they are; anything else (dates, enums) goes through `to_storable`.
PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})
_SAVEPOINT = "bulk_insert"
#: Batches waiting for the writer thread at most.
QUEUE_DEPTH = 3
#: Seconds a thread holds the GIL before handing it over, while a writer thread runs.
SWITCH_INTERVAL = 0.001
#: Parameters per statement at most: SQLite's default limit (builds may allow more).
MAX_PARAMETERS = 32766
#: Parameters per staging statement: big enough that a batch is a few statements, small enough
#: that the compiled statement the connection keeps is about a megabyte.
STAGING_PARAMETERS = 8192

_Job = Callable[[], None]


class BulkInserter:
    """Creates new rows in one open `Ledger.transaction()`; see the module docstring.

    While a threaded inserter is open its thread owns the ledger's connection: the caller must
    not use `ledger.db` until `close()` (reads go through a separate connection, which sees the
    ledger as it was before the transaction).
    """

    def __init__(self, ledger: Ledger, *, threaded: bool = False) -> None:
        if not ledger.in_transaction:
            raise RuntimeError("BulkInserter needs an open Ledger.transaction()")
        self.ledger = ledger
        self.conn = ledger.db.conn
        self._max_parameters = min(
            MAX_PARAMETERS, self.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        )
        self._error: BaseException | None = None
        self._queue: queue.Queue[_Job | None] | None = None
        self._thread: threading.Thread | None = None
        # Everything this inserter writes can be taken back at once (`abandon`), leaving the
        # surrounding transaction and the device's sequence numbers as they were.
        self._first_seq = ledger.reserve_seqs(0)
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
        # Fields in sorted order: the log's JSON lists them in that order (canonical).
        fields = sorted(ledger.projector.data_fields(table))
        allowed = {*fields, "id"}
        for given in rows:
            if not allowed.issuperset(given):
                raise KeyError(f"{table} has no field(s) {sorted(given.keys() - allowed)}")
        count = len(rows)
        ids = [given.get("id") or new_id() for given in rows]
        columns = [list(map(dict.get, rows, repeat(name))) for name in fields]
        deleted = fields.index("deleted")
        columns[deleted] = list(map(bool, columns[deleted]))
        kinds: list[_Json] = []
        for index, name in enumerate(fields):
            columns[index], kind = _storable_column(table, name, columns[index])
            kinds.append(kind)
        derived = _derived(table, fields, columns)
        seq = ledger.reserve_seqs(count)
        wall, counter = ledger.clock.reserve(count)
        # Rows are stamped in SQL from the first stamp; their local time is one text unless
        # the batch spans a second.
        first, last = (_local_time(wall, counter, i) for i in (0, count - 1))
        at = [_local_time(wall, counter, i) for i in range(count)] if first != last else None
        params: dict[str, Any] = {
            "device": ledger.device_id,
            "author": ledger.author,
            "tbl": table,
            "seq": seq,
            "wall": wall,
            "counter": counter,
            "at": first,
        }
        staged = [ids, *_staged_fields(columns, kinds, params)]
        if at is not None:
            staged.append(at)
        staged += derived.values()
        layout = _Layout(table, tuple(fields), tuple(kinds), tuple(derived), at is not None)
        values = list(chain.from_iterable(zip(*staged, strict=True)))
        statements = self._statements(layout, values, params)
        self._run(lambda: self._execute(table, statements))
        return ids

    def close(self) -> None:
        """Wait for every batch and stop the thread; raise a write error (all taken back)."""
        try:
            self._stop()
            self._raise_pending()
        except BaseException:
            self.abandon()
            raise
        self.conn.execute(f"RELEASE {_SAVEPOINT}")

    def abandon(self) -> None:
        """Stop and take back everything written (the caller's transaction goes on)."""
        self._error = self._error or _Abandoned()
        self._stop()
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

    def _execute(
        self, table: str, statements: list[tuple[str, Sequence[Any] | dict[str, Any]]]
    ) -> None:
        """One batch; a searchable table's new rows are indexed set-based right after."""
        with search_indexed_after(self.conn, table):
            for sql, params in statements:
                self.conn.execute(sql, params)

    def _statements(
        self, layout: _Layout, values: list[Any], params: dict[str, Any]
    ) -> list[tuple[str, Sequence[Any] | dict[str, Any]]]:
        """The batch's rows into a staging table, then its log entries and table rows from it."""
        width = layout.width
        rows = max(1, min(self._max_parameters, STAGING_PARAMETERS) // width)
        size = rows * width
        staging = f"temp.bulk_rows_{width}"
        statements: list[tuple[str, Sequence[Any] | dict[str, Any]]] = [
            (_staging_table(width), ()),
            (f"DELETE FROM {staging}", ()),
        ]
        # One statement shape per width, so the connection's statement cache keeps one compiled
        # copy of it (about 100 bytes per parameter) rather than one per batch size. The last
        # statement is padded with rows of zeros (Python's sqlite3 binds an int several times
        # faster than a None), which come after the batch's rows and are dropped.
        for start in range(0, len(values), size):
            chunk = values[start : start + size]
            padding = size - len(chunk)
            statements.append((_staging_insert(width, rows), chunk + [0] * padding))
        if len(values) % size:
            count = len(values) // width
            statements.append((f"DELETE FROM {staging} WHERE rowid > ?", (count,)))
        statements.append((_log_insert(layout), params))
        statements.append((_row_insert(layout), params))
        statements.append((f"DELETE FROM {staging}", ()))
        return statements


class _Abandoned(Exception):
    """Marks an inserter stopped by its caller; later jobs are skipped."""


# -- the batch's shape and its SQL -------------------------------------------------------------


class _Json(Enum):
    """How a field's values reach the log's JSON, which SQLite's `json_object` writes."""

    PLAIN = "plain"  # text, whole numbers or nulls: as SQLite renders them, which is canonical
    BOOL = "bool"  # stored 1/0, logged true/false
    FRAGMENT = "fragment"  # anything else: each value's canonical JSON made here, in its own column
    CONSTANT = "constant"  # the same value in every row: bound once, with its JSON


@dataclass(frozen=True)
class _Layout:
    """One batch's staging columns: id, fields, fragments, local times, derived columns.

    A CONSTANT field has no staging column; the local time has one only when `timed`.
    """

    table: str
    fields: tuple[str, ...]
    kinds: tuple[_Json, ...]
    derived: tuple[str, ...]
    timed: bool

    @property
    def width(self) -> int:
        staged = sum(k is not _Json.CONSTANT for k in self.kinds)
        return 1 + staged + self.kinds.count(_Json.FRAGMENT) + self.timed + len(self.derived)

    def columns(self) -> tuple[list[str], list[str], str, list[str]]:
        """SQL for each field's value and its JSON, the local time, and the derived columns."""
        values: list[str] = []
        json: list[str] = []
        staged = iter(range(2, self.width + 1))
        for index, kind in enumerate(self.kinds):
            column = f"c{next(staged)}" if kind is not _Json.CONSTANT else f":v{index}"
            values.append(column)
            if kind is _Json.PLAIN:
                json.append(column)
            elif kind is _Json.BOOL:
                json.append(f"json(CASE {column} WHEN 1 THEN 'true' WHEN 0 THEN 'false' END)")
            elif kind is _Json.CONSTANT:
                json.append(f"json(:j{index})")
            else:
                json.append("")  # its fragment column follows the staged values
        for index, kind in enumerate(self.kinds):
            if kind is _Json.FRAGMENT:
                json[index] = f"json(c{next(staged)})"
        at = f"c{next(staged)}" if self.timed else ":at"
        derived = [f"c{next(staged)}" for _ in self.derived]
        return values, json, at, derived


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
    if kinds <= {str} or kinds == {int}:
        return values, _Json.PLAIN
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


def _derived(table: str, fields: list[str], columns: list[list[Any]]) -> dict[str, list[Any]]:
    """The table's derived columns for a batch, computed column by column."""
    if table not in DERIVED:
        return {}
    sources = sorted(DERIVED[table][0])
    return DERIVED_COLUMNS[table]({name: columns[fields.index(name)] for name in sources})


def _staged_fields(
    columns: list[list[Any]], kinds: list[_Json], params: dict[str, Any]
) -> list[list[Any]]:
    """The fields' staging columns, then their fragment columns.

    A field with one value in every row becomes CONSTANT (in `kinds`): bound once through
    `params` as `v<i>` (its value) and `j<i>` (its JSON), with no staging column.
    """
    staged: list[list[Any]] = []
    for index, (column, kind) in enumerate(zip(columns, kinds, strict=True)):
        if kind is not _Json.FRAGMENT and column.count(column[0]) == len(column):
            kinds[index] = _Json.CONSTANT
            value = column[0]
            params[f"v{index}"] = value
            # BOOL columns are staged as 1/0 (`_storable_column`); the log says true/false.
            params[f"j{index}"] = dumps(
                bool(value) if kind is _Json.BOOL and value is not None else value
            )
        else:
            staged.append(column)
    staged += [_fragments(c) for c, k in zip(columns, kinds, strict=True) if k is _Json.FRAGMENT]
    return staged


def _local_time(wall: int, counter: int, index: int) -> str:
    """The local time people read of stamp `index` in a reserved run."""
    return stamp_to_iso(format_stamp(*nth_stamp_parts(wall, counter, index)))


def _is_float(value: Any) -> bool:
    return type(value) is float


@lru_cache(maxsize=16)
def _staging_table(width: int) -> str:
    # Columns without a type keep every value exactly as bound (no affinity conversion), so the
    # log sees what the caller gave; the table's own columns convert as they always do.
    columns = ", ".join(f"c{i}" for i in range(1, width + 1))
    return f"CREATE TEMP TABLE IF NOT EXISTS bulk_rows_{width} ({columns})"


@lru_cache(maxsize=16)
def _staging_insert(width: int, count: int) -> str:
    """Plain `?` parameters only: SQLite compiles numbered ones (`?123`) in quadratic time."""
    row = f"({', '.join('?' * width)})"
    return f"INSERT INTO temp.bulk_rows_{width} VALUES " + ", ".join([row] * count)


_SEQ = "(:seq + rowid - 1)"  # staging rowids count from 1 in each batch
_STAMP = nth_stamp_sql(":wall", ":counter", "rowid - 1")


@lru_cache(maxsize=64)
def _log_insert(layout: _Layout) -> str:
    """The batch's log entries, their JSON made by SQLite from the staged values."""
    _values, json, _at, _derived = layout.columns()
    members = ", ".join(
        f"'{name}', {value}" for name, value in zip(layout.fields, json, strict=True)
    )
    return (
        "INSERT INTO changes (device_id, seq, hlc, author, tbl, row_id, data, parents) "
        f"SELECT :device, {_SEQ}, {_STAMP}, :author, :tbl, c1, json_object({members}), NULL "
        f"FROM temp.bulk_rows_{layout.width} ORDER BY rowid"
    )


@lru_cache(maxsize=64)
def _row_insert(layout: _Layout) -> str:
    """The batch's table rows: what `Projector._create_row` writes for a whole-row change.

    The change is the row's origin; its author, device and time both created and last
    updated it.
    """
    values, _json, at, derived = layout.columns()
    change_id = f"(:device || ':' || {_SEQ})"
    attribution = f"{at}, :author, :device, ({_STAMP} || '/' || {change_id})"
    columns = [
        "id", *layout.fields, "_origin",
        "created_at", "created_by", "created_device", "_ckey",
        "updated_at", "updated_by", "updated_device", "_ukey",
        *layout.derived,
    ]  # fmt: skip
    selected = ["c1", *values, change_id, attribution, attribution, *derived]
    return (
        f"INSERT INTO [{layout.table}] ({', '.join(f'[{c}]' for c in columns)}) "
        f"SELECT {', '.join(selected)} FROM temp.bulk_rows_{layout.width} ORDER BY rowid"
    )
