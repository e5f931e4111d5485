"""The one projection of changes that create rows: a batch of them, set-based inside SQLite.

Every new row, whoever makes it, is written here: a local `Ledger.insert` (a batch of one), a
`BulkInserter` batch of thousands (demo data, a spreadsheet import), a received change that
creates a row (`Projector.apply`, a batch of one) and the creating changes of a bundle
(`Projector.apply_many`). Python gathers the batch column by column (`NewRows`); SQLite does the
rest in a few statements: the values go into a staging table, and from it the log entries and
the table rows, with the attribution columns computed in SQL.

A batch is a few statements, so SQLite does its share without holding Python's GIL: a
`BulkInserter` on a writer thread overlaps it with the caller preparing the next batch, which
row-by-row `executemany` cannot (it takes the GIL back for every row).

A column is given per row (a list, staged) or once for the whole batch (`Bound`); a list
holding one value of one type is bound once instead of staged. `Sql` columns are computed from
the others (`{name}` stands for another column's SQL, `{_n}` for the row's place in the batch).
`Extracted` columns are read by SQLite out of another staged column (a received change's
fields out of its canonical JSON): binding a value costs more than SQLite's reading it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import Any

from fieldapp.store.changelog import search_indexed_after
from fieldapp.store.connection import max_variables

#: Key prefix of a row column whose name the change log uses too (see `_Layout`).
ROW_ONLY = "row:"

#: Parameters per statement at most: SQLite's default limit (builds may allow more).
MAX_PARAMETERS = 32766
#: Parameters per staging statement: big enough that a batch is a few statements, small enough
#: that the compiled statement the connection keeps is about a megabyte.
STAGING_PARAMETERS = 8192


@dataclass(frozen=True)
class Bound:
    """One value for every row of the batch."""

    value: Any


@dataclass(frozen=True)
class Sql:
    """A column computed in SQL; `{name}` in `text` is column `name`'s SQL, `:name` a param."""

    text: str
    params: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Extracted:
    """Per-row values SQLite can read out of another column of the batch (`sql`, e.g. a field
    of the change's JSON): a staged batch computes them there instead of binding each value;
    a batch of one (or a writer that binds every row) binds `values`."""

    values: list[Any]
    sql: str


Source = list[Any] | Bound | Sql | Extracted


@dataclass
class NewRows:
    """Creating changes of one table: the `changes` columns and the row columns to write.

    `log` maps each `changes` column but `tbl` to its source; `row` maps each column of the
    table's new rows (id, data fields, merge and attribution columns, derived columns) to its
    source. Sources may refer to each other by name (`Sql`), across both maps; a name used in
    both maps must be the same source.
    """

    table: str
    count: int
    log: dict[str, Source]
    row: dict[str, Source]
    extra: dict[str, Source] = field(default_factory=dict)  # only referred to by `Sql`


def attribution(at: Source, author: Source, device: Source, key: Source) -> dict[str, Source]:
    """The created and updated columns of a new row: one change both created and last set it."""
    return {
        "created_at": at,
        "created_by": author,
        "created_device": device,
        "_ckey": key,
        "updated_at": at,
        "updated_by": author,
        "updated_device": device,
        "_ukey": key,
    }


def write(conn: sqlite3.Connection, rows: NewRows, max_parameters: int | None = None) -> None:
    """Log and project the batch; a searchable table's new rows are indexed right after."""
    limit = max_parameters or min(MAX_PARAMETERS, max_variables(conn))
    if rows.count == 1:
        # A single write binds its one row directly; the table's own trigger indexes it.
        for sql, params in _single(rows):
            conn.execute(sql, params)
        return
    if getattr(conn, "stage_rows", None) is not None:
        # PostgreSQL (store/postgres.py): the batch is copied (COPY) into a typed staging
        # table, then the same two INSERT … SELECT statements, each column cast to its type.
        copied = _copied(conn, rows)
        if copied is not None:
            for sql, params in copied:
                conn.execute(sql, params)
            return
        # A column no staging type holds as binding would (floats among integers too big
        # for a float): each row bound directly, one statement shape, sent pipelined.
        singles = [_single(_nth(rows, n), n) for n in range(rows.count)]
        for k, (sql, _params) in enumerate(singles[0]):
            conn.executemany(sql, [single[k][1] for single in singles])
        return
    statements = _statements(rows, limit)
    with search_indexed_after(conn, rows.table):
        for sql, params in statements:
            conn.execute(sql, params)


class _Layout:
    """Which sources are staged (c2, c3 …; c1 is always the row id) and the SQL of each name."""

    def __init__(
        self, rows: NewRows, *, stage: bool = True, row_number: str = "(rowid - 1)"
    ) -> None:
        self.staged: list[list[Any]] = []
        self.params: dict[str, Any] = {"tbl": rows.table}
        # A name refers to the log's column first: `{seq}` in `_origin` is the change's number
        # even when the table has a data column of that name (`policy_packs.seq`), whose own
        # values are emitted for the row under a separate key (`row_sql`).
        self._sources: dict[str, Source] = {**rows.extra, **rows.row, **rows.log}
        for name, source in rows.row.items():
            if name in rows.log and rows.log[name] is not source:
                self._sources[ROW_ONLY + name] = source
        self._sql: dict[str, str] = {}
        self._stage = stage
        self.bound: list[tuple[str, str]] = []  # (parameter, column) of each bound column
        ids = rows.row["id"]
        assert isinstance(ids, list), "row ids are given per row"
        # `_n` is the row's place in the batch, from 0: staging rowids count from 1.
        self._sql["_n"] = row_number if stage else ":_n"
        self._extract = row_number == "(rowid - 1)"  # SQLite reads JSON fields itself
        if stage:
            self.staged.append(ids)
            self._sql["id"] = "c1"

    def row_sql(self, name: str) -> str:
        """The SQL of the row's column `name` (its own values when the log has the name too)."""
        return self.sql(ROW_ONLY + name if ROW_ONLY + name in self._sources else name)

    def sql(self, name: str) -> str:
        """The SQL expression of column `name`, staging or binding its values on first use."""
        found = self._sql.get(name)
        if found is not None:
            return found
        source = self._sources[name]
        if isinstance(source, Extracted):
            # The same value everywhere binds once; otherwise SQLite reads each row's.
            values = source.values
            if not self._stage or _one_value(values):
                source = Bound(values[0])
            else:
                source = Sql(source.sql) if self._extract else values
        if isinstance(source, list) and (not self._stage or _one_value(source)):
            source = Bound(source[0])
        if isinstance(source, Bound):
            param = f"p{len(self.params)}"
            self.params[param] = source.value
            self.bound.append((param, name))
            found = f":{param}"
        elif isinstance(source, Sql):
            self.params.update(source.params)
            found = source.text.format_map(_Refs(self))
        else:
            self.staged.append(source)
            found = f"c{len(self.staged)}"
        self._sql[name] = found
        return found


class _Refs(dict[str, str]):
    def __init__(self, layout: _Layout) -> None:
        super().__init__()
        self.layout = layout

    def __missing__(self, name: str) -> str:
        return self.layout.sql(name)


def _one_value(values: list[Any]) -> bool:
    """True when every value is the first, of the same type (True, 1 and 1.0 stay apart)."""
    first = values[0]
    # C-level passes: a generator over every value costs more than staging the column.
    return values.count(first) == len(values) and len(set(map(type, values))) == 1


def _statements(rows: NewRows, max_parameters: int) -> list[tuple[str, Any]]:
    """The batch's values into a staging table, then its log entries and table rows from it."""
    layout = _Layout(rows)
    log = {name: layout.sql(name) for name in rows.log}
    row = {name: layout.row_sql(name) for name in rows.row}
    width = len(layout.staged)
    count = rows.count
    per_statement = max(1, min(max_parameters, STAGING_PARAMETERS) // width)
    size = per_statement * width
    staging = f"temp.new_rows_{width}"
    statements: list[tuple[str, Any]] = [
        (_staging_table(width), ()),
        (f"DELETE FROM {staging}", ()),
    ]
    values = list(chain.from_iterable(zip(*layout.staged, strict=True)))
    # One statement shape per width, so the connection's statement cache keeps one compiled
    # copy of it (about 100 bytes per parameter) rather than one per batch size. The last
    # statement is padded with rows of zeros (Python's sqlite3 binds an int several times
    # faster than a None), which come after the batch's rows and are dropped.
    for start in range(0, len(values), size):
        chunk = values[start : start + size]
        statements.append(
            (_staging_insert(width, per_statement), chunk + [0] * (size - len(chunk)))
        )
    if len(values) % size:
        statements.append((f"DELETE FROM {staging} WHERE rowid > ?", (count,)))
    source = f"FROM {staging} ORDER BY rowid"
    statements.append((_insert("changes", {"tbl": ":tbl", **log}, source), layout.params))
    statements.append((_insert(rows.table, row, source), layout.params))
    statements.append((f"DELETE FROM {staging}", ()))
    return statements


def _copied(conn: Any, rows: NewRows) -> list[tuple[str, Any]] | None:  # noqa: ANN401
    """PostgreSQL: the batch's staged columns COPYed into a staging table (`conn.stage_rows`,
    whose row number is `n`), then its log entries and rows from it, each column cast to the
    type of the column it fills (`conn.cast`). None (nothing done) when a column cannot be
    staged as binding its values would store them."""
    layout = _Layout(rows, row_number="n")
    log = {name: layout.sql(name) for name in rows.log}
    row = {name: layout.row_sql(name) for name in rows.row}
    staging = conn.stage_rows(layout.staged)
    if staging is None:
        return None
    source = f"FROM {staging} ORDER BY n"
    log_columns = {"tbl": ":tbl"} | {n: conn.cast("changes", n, sql) for n, sql in log.items()}
    row_columns = {n: conn.cast(rows.table, n, sql) for n, sql in row.items()}
    return [
        (_insert("changes", log_columns, source), layout.params),
        (_insert(rows.table, row_columns, source), layout.params),
    ]


def _nth(rows: NewRows, n: int) -> NewRows:
    """Row `n` of a batch as a batch of one."""

    def one(source: Source) -> Source:
        if isinstance(source, Extracted):
            return [source.values[n]]
        return [source[n]] if isinstance(source, list) else source

    return NewRows(
        rows.table,
        1,
        {k: one(v) for k, v in rows.log.items()},
        {k: one(v) for k, v in rows.row.items()},
        {k: one(v) for k, v in rows.extra.items()},
    )


def _single(rows: NewRows, place: int = 0) -> list[tuple[str, Any]]:
    """A batch of one: its values bound as parameters, no staging table.

    The statements depend only on the batch's shape (its column names and computed columns),
    so they are made once per shape: a single write costs two cached statements.
    """
    sources = {**rows.extra, **rows.row, **rows.log}
    sources.update(
        {ROW_ONLY + n: s for n, s in rows.row.items() if n in rows.log and rows.log[n] is not s}
    )
    shape = (
        rows.table,
        tuple((n, s.text if isinstance(s, Sql) else None) for n, s in sources.items()),
    )
    plan = _PLANS.get(shape)
    if plan is None:
        layout = _Layout(rows, stage=False)
        log = {name: layout.sql(name) for name in rows.log}
        row = {name: layout.row_sql(name) for name in rows.row}
        plan = _PLANS[shape] = (
            _insert("changes", {"tbl": ":tbl", **log}),
            _insert(rows.table, row),
            tuple(layout.bound),
        )
    log_sql, row_sql, bound = plan
    params: dict[str, Any] = {"tbl": rows.table, "_n": place}
    for source in sources.values():
        if isinstance(source, Sql) and source.params:
            params.update(source.params)
    for param, name in bound:
        value = sources[name]
        if isinstance(value, Extracted):
            params[param] = value.values[0]
        else:
            params[param] = value.value if isinstance(value, Bound) else value[0]  # type: ignore[index]
    return [(log_sql, params), (row_sql, params)]


#: Statements of a batch of one, by shape (see `_single`).
_PLANS: dict[
    tuple[str, tuple[tuple[str, str | None], ...]], tuple[str, str, tuple[tuple[str, str], ...]]
] = {}


def _insert(table: str, columns: dict[str, str], source: str | None = None) -> str:
    """INSERT of `columns` (name → SQL) from `source`, or of one row of values without one."""
    names = ", ".join(f"[{c}]" for c in columns)
    values = ", ".join(columns.values())
    if source is None:
        return f"INSERT INTO [{table}] ({names}) VALUES ({values})"
    return f"INSERT INTO [{table}] ({names}) SELECT {values} {source}"


@lru_cache(maxsize=16)
def _staging_table(width: int) -> str:
    # Columns without a type keep every value exactly as bound (no affinity conversion), so the
    # log sees what the caller gave; the table's own columns convert as they always do.
    columns = ", ".join(f"c{i}" for i in range(1, width + 1))
    return f"CREATE TEMP TABLE IF NOT EXISTS new_rows_{width} ({columns})"


@lru_cache(maxsize=16)
def _staging_insert(width: int, count: int) -> str:
    """Plain `?` parameters only: SQLite compiles numbered ones (`?123`) in quadratic time."""
    row = f"({', '.join('?' * width)})"
    return f"INSERT INTO temp.new_rows_{width} VALUES " + ", ".join([row] * count)
