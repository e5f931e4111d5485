"""Creating many new rows through the change log, projected set-based inside SQLite.

Demo data, a spreadsheet import and the first-run wizard create thousands of rows at once. Per
row, Python builds only what the log needs: the row's `{field: value}` as canonical JSON, its
sequence number and clock stamp, and the columns the store derives (a person's sex, birth date
and search words). A whole batch then goes to SQLite as a few multi-row `INSERT … SELECT … FROM
(VALUES …)` statements that append the log entries and create the table rows, with the
attribution columns computed in SQL: the same rows `Projector._create_row` writes one change at
a time (tests compare the two).

A batch is a few statements, so SQLite does its share without holding Python's GIL. With
`threaded=True` the statements run on a writer thread while the caller prepares the next batch:
on a two-core laptop one core reads and checks a spreadsheet while the other writes the ledger.
Row-by-row `executemany` cannot overlap like that, because it takes the GIL back for every row.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from fieldapp.store.changelog import (
    DERIVED,
    dumps,
    dumps_presorted,
    search_indexed_after,
    to_storable,
)
from fieldapp.store.hlc import stamp_to_iso
from fieldapp.store.ids import new_id

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger

#: Values stored as they are; anything else (dates, enums) goes through `to_storable`.
PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})
_SAVEPOINT = "bulk_insert"
#: Batches waiting for the writer thread at most.
QUEUE_DEPTH = 3
#: Parameters per statement at most: SQLite's default limit (builds may allow more).
MAX_PARAMETERS = 32766

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
        if threaded:
            self._queue = queue.Queue(QUEUE_DEPTH)
            self._thread = threading.Thread(target=self._work, name="ledger-writer", daemon=True)
            self._thread.start()

    # -- caller side ------------------------------------------------------------------------

    def insert_many(self, table: str, rows: Sequence[dict[str, Any]]) -> list[str]:
        """Log and create new rows (ids given as "id" or made here); returns their ids."""
        if not rows:
            return []
        self._raise_pending()
        ledger = self.ledger
        # Fields in sorted order: the log's canonical JSON needs no sorting, and the table rows
        # list their columns in the same order.
        fields = sorted(ledger.projector.data_fields(table))
        allowed = {*fields, "id"}
        deleted = fields.index("deleted")
        derive = DERIVED[table][2] if table in DERIVED else None
        seq = ledger.reserve_seqs(len(rows))
        stamps = ledger.clock.stamps(len(rows))
        log: list[Any] = []  # per change: seq, hlc, row id, data
        table_rows: list[Any] = []  # per row: id, fields, seq, hlc, time, derived columns
        derived: list[str] = []
        ids: list[str] = []
        for given, hlc in zip(rows, stamps, strict=True):
            if not allowed.issuperset(given):
                raise KeyError(f"{table} has no field(s) {sorted(given.keys() - allowed)}")
            get = given.get
            row_id = get("id") or new_id()
            values = list(map(get, fields))
            values[deleted] = bool(values[deleted])
            encode = dumps_presorted
            if not PLAIN_TYPES.issuperset(map(type, values)):
                values = [to_storable(v) for v in values]
                encode = dumps  # a nested dict or list must have its keys sorted too
            data = dict(zip(fields, values, strict=True))
            log += (seq, hlc, row_id, encode(data))
            table_rows.append(row_id)
            table_rows += values
            table_rows += (seq, hlc, stamp_to_iso(hlc))
            if derive is not None:
                extra = derive(data)
                derived = derived or list(extra)
                table_rows += extra.values()
            ids.append(row_id)
            seq += 1
        statements = self._log_statements(table, log)
        statements += self._row_statements(table, fields, derived, table_rows)
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

    def _execute(self, table: str, statements: list[tuple[str, list[Any]]]) -> None:
        """One batch; a searchable table's new rows are indexed set-based right after."""
        with search_indexed_after(self.conn, table):
            for sql, params in statements:
                self.conn.execute(sql, params)

    def _log_statements(self, table: str, log: list[Any]) -> list[tuple[str, list[Any]]]:
        """INSERTs of log entries from rows of (seq, hlc, row id, data)."""
        ledger = self.ledger
        head = (
            "INSERT INTO changes (device_id, seq, hlc, author, tbl, row_id, data, parents) "
            "SELECT ?, column1, column2, ?, ?, column3, column4, NULL FROM (VALUES "
        )
        return self._split(head, 4, [ledger.device_id, ledger.author, table], log)

    def _row_statements(
        self, table: str, fields: list[str], derived: list[str], values: list[Any]
    ) -> list[tuple[str, list[Any]]]:
        """INSERTs of new rows from rows of (id, fields, seq, hlc, time, derived columns).

        What `Projector._create_row` writes for a change that creates a whole row: the change
        is the row's origin, its author, device and time both created and last updated it.
        """
        count = len(fields)
        seq, hlc, at = (f"column{count + i}" for i in (2, 3, 4))
        change_id = f"(? || ':' || {seq})"
        key = f"({hlc} || '/' || {change_id})"
        attribution = f"{at}, ?, ?, {key}"
        columns = [
            "id", *fields, "_origin",
            "created_at", "created_by", "created_device", "_ckey",
            "updated_at", "updated_by", "updated_device", "_ukey",
            *derived,
        ]  # fmt: skip
        selected = [f"column{i}" for i in range(1, count + 2)]
        selected += [change_id, attribution, attribution]
        selected += [f"column{count + 5 + i}" for i in range(len(derived))]
        device, author = self.ledger.device_id, self.ledger.author
        constants = [device, author, device, device, author, device, device]
        head = (
            f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
            f"SELECT {', '.join(selected)} FROM (VALUES "
        )
        return self._split(head, count + 4 + len(derived), constants, values)

    def _split(
        self, head: str, width: int, constants: list[Any], values: list[Any]
    ) -> list[tuple[str, list[Any]]]:
        """Statements of `head` and VALUES rows of `width`, as many as SQLite takes parameters.

        Plain `?` parameters only: SQLite compiles numbered ones (`?123`) in quadratic time.
        """
        per_statement = max(1, (self._max_parameters - len(constants)) // width)
        row = f"({', '.join('?' * width)})"
        statements = []
        for start in range(0, len(values), per_statement * width):
            chunk = values[start : start + per_statement * width]
            count = len(chunk) // width
            sql = _statement(head, row, count)
            statements.append((sql, constants + chunk))
        return statements


class _Abandoned(Exception):
    """Marks an inserter stopped by its caller; later jobs are skipped."""


@lru_cache(maxsize=64)
def _statement(head: str, row: str, count: int) -> str:
    """`head` with `count` VALUES rows, built once (`Ledger.insert_many` makes an inserter a call)."""
    return head + ", ".join([row] * count) + ")"
