"""PostgreSQL for a county hub that outgrows one file: the one place SQLite and PostgreSQL differ.

The store's code speaks one SQL, SQLite's, through one object, a `sqlite_utils.Database`.
`PgDatabase` is a stand-in for that object on PostgreSQL (psycopg 3): the same `execute`,
`conn.executemany`, `table_names()` and `db[table].columns`, with every statement translated
here, once, by `translate` (cached). So the projector, the sync bookkeeping, the hub's answers
and the migrations are the same code on both; what differs is in this module:

| SQLite | PostgreSQL |
|---|---|
| `?` placeholders, `[name]` quoting | `%s`, `"name"` (and a literal `%` doubled) |
| `BEGIN IMMEDIATE` (one writer) | `BEGIN` + a transaction-scoped advisory lock (one writer) |
| `BEGIN` (a read snapshot) | `BEGIN ISOLATION LEVEL REPEATABLE READ` |
| `INSERT OR IGNORE` / `INSERT OR REPLACE` | `ON CONFLICT DO NOTHING` / `ON CONFLICT (key) DO UPDATE` |
| `json_extract(x, '$.k')`, `json_each(?)` | `(x::jsonb ->> 'k')` (also in expression indexes), `jsonb_array_elements_text` |
| `json_object('k', v, …)` (a bulk batch's log entries), `json(x)` in it, `CAST(x AS INTEGER)` | the same canonical text joined with `to_json` (`jsonb` would reorder keys and respell numbers), `x`, `BIGINT` |
| `x IN temp_table`, `temp.` names | `x IN (SELECT * FROM temp_table)`, temp tables unqualified |
| scalar `max(a, b)`, `group_concat`, `datetime('now')`, `printf` stamps, `strftime` China times, `instr` | `GREATEST`, `string_agg`, `to_char`, `lpad`, `to_char(to_timestamp(…))`, `strpos` |
| `INTEGER`, `REAL`, `BLOB`; `INTEGER PRIMARY KEY` | `BIGINT`, `DOUBLE PRECISION`, `BYTEA`; an identity column |
| `WITHOUT ROWID`, `PRAGMA …`, `rowid` | dropped, skipped, `ctid` |
| FTS5 person search (tables, triggers) | none: searching people is a device's work, not the hub's |
| a trail's guard, `CREATE TRIGGER … BEGIN SELECT RAISE(ABORT, '…'); END` (`store.trails`) | a row trigger calling `fieldapp_refuse('…')` (`REFUSE`), which raises the same message |
| a batch of new rows staged in an untyped temp table (`new_rows`) | COPY into a temp table typed by the values, each column cast to its target's type (`PgConnection.stage_rows`, `cast`) |

Booleans are stored as 0/1 as SQLite does, sums come back as numbers (not `Decimal`), and the
database must sort text byte-wise as SQLite does (created with `LC_COLLATE 'C'`, which
`create_database` does and `check_collation` insists on), so the same bundles give the same
canonical dump on both.
Writers queue on one advisory lock, as SQLite's `BEGIN IMMEDIATE` queues them: the change
log's gap-free sequence numbers and the hub's answers rely on one writer at a time.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Iterator, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import psycopg

#: The advisory lock every write transaction takes (any constant; documented for operators).
WRITER_LOCK = 0x6669656C64  # "field"

SCHEMES = ("postgresql://", "postgres://")

#: A trail's guard as `store.trails` (and version 40 before it) writes it for SQLite (the only
#: triggers PostgreSQL gets).
_GUARD = re.compile(
    r"^\s*CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)\s+BEFORE\s+(UPDATE|DELETE)\s+ON\s+(\w+)\s+"
    r"(?:FOR\s+EACH\s+ROW\s+WHEN\s+\((.*)\)\s+)?"
    r"BEGIN\s+SELECT\s+RAISE\(ABORT,\s*'([^']*)'\);\s*END\s*$",
    re.IGNORECASE | re.DOTALL,
)

#: The function every guard calls: refuses the statement with the guard's own message.
REFUSE = (
    "CREATE OR REPLACE FUNCTION fieldapp_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'restrict_violation'; END $$"
)

#: The person search's triggers (FTS5: searching people is a device's work). PostgreSQL never
#: gets them; every other trigger is a guard (`_GUARD`) or refused (`translate`, `statement`).
SEARCH_TRIGGERS = frozenset(
    {"persons_search_ai", "persons_search_ad", "persons_words_au", "persons_digits_au"}
)

#: Statements with no PostgreSQL counterpart: the person search's tables and triggers.
_SKIP = re.compile(
    r"^\s*(PRAGMA|CREATE\s+VIRTUAL\s+TABLE"
    rf"|CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?({'|'.join(sorted(SEARCH_TRIGGERS))})\b)"
    r"|\b(person_words|person_digits|_search_deferred)\b",
    re.IGNORECASE,
)

#: SQLite's `DROP TRIGGER [IF EXISTS] name`, which names no table (PostgreSQL's must:
#: `PgDatabase.statement` finds it).
_DROP_TRIGGER = re.compile(r"^\s*DROP\s+TRIGGER\s+(IF\s+EXISTS\s+)?(\w+)\s*;?\s*$", re.I)
_CREATE_TRIGGER = re.compile(r"^\s*CREATE\s+TRIGGER\b", re.IGNORECASE)


def is_url(location: object) -> bool:
    """True for a PostgreSQL connection URL (as opposed to a file path)."""
    return isinstance(location, str) and location.startswith(SCHEMES)


def has_password(url: str) -> bool:
    """True when a URL carries a password (in its user part or as ?password=)."""
    from urllib.parse import parse_qs, urlsplit

    parts = urlsplit(url)
    return bool(parts.password) or "password" in parse_qs(parts.query)


def shown_url(url: str) -> str:
    """The URL as messages and logs may show it: a password in it replaced by ***."""
    from urllib.parse import urlsplit

    if not has_password(url):
        return url
    parts = urlsplit(url)
    netloc = parts.netloc
    if parts.password:
        user, _, host = netloc.rpartition("@")
        netloc = f"{user.split(':', 1)[0]}:***@{host}"
    query = re.sub(r"(^|&)password=[^&]*", r"\1password=***", parts.query)
    return parts._replace(netloc=netloc, query=query).geturl()


def user_of(url: str) -> str:
    """The database user a URL connects as (libpq's default, the system user, when unsaid)."""
    import getpass
    from urllib.parse import parse_qs, urlsplit

    parts = urlsplit(url)
    named = parse_qs(parts.query).get("user")
    return parts.username or (named[0] if named else "") or getpass.getuser()


class Column(NamedTuple):
    """A column as `sqlite_utils` describes one: name and (SQLite) type."""

    name: str
    type: str


_TYPES = {"bigint": "INTEGER", "double precision": "REAL", "bytea": "BLOB", "text": "TEXT"}
_PG_TYPES = {sqlite: pg for pg, sqlite in _TYPES.items()}


def _staged_type(values: list[Any]) -> str | None:
    """The staging column type that keeps `values` as binding each one would give them:
    whole numbers and yes/no as bigint, floats (with whole numbers a float holds exactly) as
    double precision, text (with anything else but floats) as text. None: no such type."""
    kinds = {type(v) for v in values} - {type(None)}
    if kinds and kinds <= {int, bool}:
        return "bigint"
    exact = all(abs(v) <= 2**53 for v in values if type(v) is int)
    if float in kinds:
        return "double precision" if kinds <= {int, bool, float} and exact else None
    return "text"


# -- translation ------------------------------------------------------------------------------


def _ddl(sql: str) -> str:
    sql = re.sub(r"\)\s*WITHOUT\s+ROWID", ")", sql, flags=re.IGNORECASE)
    sql = re.sub(
        r"\bINTEGER\s+PRIMARY\s+KEY\b",
        "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
        sql,
        flags=re.IGNORECASE,
    )
    sql = re.sub(r"\bINTEGER\b(?!\s+GENERATED)", "BIGINT", sql, flags=re.IGNORECASE)
    sql = re.sub(r"\bREAL\b", "DOUBLE PRECISION", sql, flags=re.IGNORECASE)
    return re.sub(r"\bBLOB\b", "BYTEA", sql, flags=re.IGNORECASE)


def truncate_guard(name: str) -> str:
    """The name of the TRUNCATE guard that goes with the DELETE guard `name` (`_guard`)."""
    return re.sub(r"_delete$", "", name) + "_truncate"


def _guard(name: str, verb: str, table: str, when: str | None, message: str) -> str:
    """A trail's guard (`_GUARD`) as a PostgreSQL row trigger (made again if it exists).

    A guard refusing every DELETE comes with a second statement: PostgreSQL's TRUNCATE empties
    a table without firing a row trigger, so a statement trigger refuses it with the same
    message (SQLite has no TRUNCATE; its `DELETE FROM t` fires the row guard). The two are
    run together (`PgDatabase.execute`; no parameters, so one round trip takes both)."""
    condition = ""
    if when:
        # SQLite's `a IS NOT b` compares NULLs as values: PostgreSQL's IS DISTINCT FROM.
        when = re.sub(r"\bIS\s+NOT\b(?!\s+NULL\b)", "IS DISTINCT FROM", when, flags=re.I)
        condition = f" WHEN ({when})"
    refuse = f"EXECUTE FUNCTION fieldapp_refuse('{message}')"
    text = f"CREATE OR REPLACE TRIGGER {name} BEFORE {verb} ON {table} FOR EACH ROW{condition} "
    text += refuse
    if verb.upper() == "DELETE" and not when:
        text += (
            f"; CREATE OR REPLACE TRIGGER {truncate_guard(name)} BEFORE TRUNCATE ON {table} "
            f"FOR EACH STATEMENT {refuse}"
        )
    return text


_QUOTED = re.compile(r"('(?:[^']|'')*')")


def _outside_quotes(text: str, named: bool) -> str:
    """Placeholders and `%` turned into psycopg's, but never inside a quoted literal."""
    parts = _QUOTED.split(text)
    for i in range(0, len(parts), 2):  # even parts are outside quotes
        part = parts[i].replace("%", "%%")
        if named:
            part = re.sub(r"(?<![:\w]):(\w+)", r"%(\1)s", part)
        parts[i] = part.replace("?", "%s")
    for i in range(1, len(parts), 2):
        parts[i] = parts[i].replace("%", "%%")
    return "".join(parts)


@lru_cache(maxsize=4096)
def translate(sql: str, named: bool = False) -> str | None:
    """The PostgreSQL form of one statement of the store's SQL (None: nothing to run).

    `named`: the parameters come as a dict (`:name` placeholders), else as a sequence (`?`).
    """
    guard = _GUARD.match(sql)
    if guard is not None:
        return _outside_quotes(_guard(*guard.groups()), named)
    if _SKIP.search(sql):
        return None
    if _CREATE_TRIGGER.match(sql) or _DROP_TRIGGER.match(sql):
        # Never skipped in silence: a migration's trigger not in a guard's form would leave a
        # PostgreSQL hub unguarded, a drop of one leave it guarded (`PgDatabase.statement`
        # runs SQLite's drops; this is for a caller who translates one without a database).
        raise ValueError(
            f"PostgreSQL 不能照搬这条触发器语句，请改写成数据库守卫的写法：{sql.strip()}"
        )
    text = sql.strip()
    head = text[:40].upper()
    if head.startswith(("CREATE TABLE", "CREATE TEMP TABLE", "ALTER TABLE")):
        text = _ddl(text)
    text = _outside_quotes(text, named)
    text = re.sub(r"\btemp\.", "", text)
    text = re.sub(r"\[(\w+)\]", r'"\1"', text)
    text = re.sub(
        r"json_extract\(\s*([\w.]+)\s*,\s*'\$\.(\w+)'\s*\)", r"(\1::jsonb ->> '\2')", text
    )
    text = re.sub(
        r"SELECT\s+value\s+FROM\s+json_each\((%s|%\(\w+\)s)\)",
        r"SELECT jsonb_array_elements_text(CAST(\1 AS jsonb))",
        text,
    )
    if "json_object(" in text:
        text = _json_objects(text)
    text = re.sub(r"\bAS\s+INTEGER\)", "AS BIGINT)", text)  # SQLite's integers are 64-bit
    # SQLite's `x IN some_table` (a one-column temp table).
    text = re.sub(r"\bIN\s+(_\w+)\b(?!\s*\()", r"IN (SELECT * FROM \1)", text)
    text = re.sub(r"\bmax\(([^(),]+),([^(),]+)\)", r"GREATEST(\1,\2)", text)
    text = re.sub(r"\bmin\(([^(),]+),([^(),]+)\)", r"LEAST(\1,\2)", text)
    text = re.sub(r"\bgroup_concat\(([^()]+)\)", r"string_agg(\1, ',')", text)
    text = text.replace(
        "datetime('now')", "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')"
    )
    text = re.sub(
        r"printf\('%%013d-%%04d',\s*(.+?),\s*(.+?)\)(?=\s*(,|AS|$|\)|\|\|))",
        r"(lpad((\1)::bigint::text, 13, '0') || '-' || lpad((\2)::bigint::text, 4, '0'))",
        text,
    )
    text = re.sub(r"\binstr\(", "strpos(", text)  # the same arguments, the same answer
    # `hlc.key_to_iso_sql`: China time of a whole number of seconds since 1970, with +08:00.
    text = re.sub(
        r"strftime\('%%Y-%%m-%%dT%%H:%%M:%%S\+08:00',\s*(.+?),\s*'unixepoch',\s*'\+8 hours'\)",
        r"""to_char(to_timestamp((\1) + 28800) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"')""",
        text,
    )
    text = re.sub(r"\browid\b", "ctid", text)
    text = re.sub(r"\bINSERT\s+OR\s+IGNORE\s+INTO\b", "INSERT INTO", text, flags=re.IGNORECASE)
    if re.match(r"INSERT\s+OR\s+IGNORE", sql.strip(), re.IGNORECASE):
        text += " ON CONFLICT DO NOTHING"
    return text


def _arguments(text: str, start: int) -> tuple[list[str], int]:
    """The top-level arguments of the call whose `(` is at `start`, and the index after its `)`."""
    parts: list[str] = []
    depth, begin, i = 0, start + 1, start
    while i < len(text):
        char = text[i]
        if char == "'":
            i = text.index("'", i + 1)
            while text.startswith("''", i):  # a doubled quote inside the literal
                i = text.index("'", i + 2)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                parts.append(text[begin:i].strip())
                return parts, i + 1
        elif char == "," and depth == 1:
            parts.append(text[begin:i].strip())
            begin = i + 1
        i += 1
    raise ValueError(f"unbalanced call in {text!r}")


def _json_value(sql: str) -> str:
    """The JSON text of one `json_object` value as SQLite writes it (null for NULL)."""
    if sql.startswith("json("):
        inner, end = _arguments(sql, 4)
        if end == len(sql) and len(inner) == 1:  # already JSON text: SQLite keeps it as it is
            return f"COALESCE(CAST({inner[0]} AS text), 'null')"
    return f"COALESCE(CAST(to_json({sql}) AS text), 'null')"


def _json_objects(text: str) -> str:
    """SQLite's `json_object('k', v, …)` as the same canonical text (keys in the order given,
    no spaces, text escaped as SQLite and Python do), which json_build_object (spaces) and
    jsonb (keys by length, numbers respelt) do not write. Keys are plain names."""
    while (found := re.search(r"\bjson_object\(", text)) is not None:
        args, end = _arguments(text, found.end() - 1)
        pieces: list[str] = []
        literal = "{"
        for k in range(0, len(args), 2):
            key = re.fullmatch(r"'(\w+)'", args[k])
            if key is None:
                raise ValueError(f"json_object key {args[k]!r} is not a plain name")
            literal += ("," if k else "") + f'"{key.group(1)}":'
            pieces += [f"'{literal}'", _json_value(args[k + 1])]
            literal = ""
        pieces.append("'}'")
        text = text[: found.start()] + "(" + " || ".join(pieces) + ")" + text[end:]
    return text


_REPLACE = re.compile(
    r"^\s*INSERT\s+OR\s+REPLACE\s+INTO\s+(\w+)\s*(\(([^)]*)\))?\s*(VALUES|SELECT)",
    re.IGNORECASE,
)


# -- the stand-in -----------------------------------------------------------------------------


class _EmptyCursor:
    """What a skipped statement returns."""

    description: list[tuple[str, ...]] = []
    rowcount = 0

    def fetchone(self) -> None:
        return None

    def fetchall(self) -> list[tuple[Any, ...]]:
        return []

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(())


class PgConnection:
    """The `db.conn` of a `PgDatabase`: executemany, transaction state, close."""

    def __init__(self, database: PgDatabase) -> None:
        self._db = database

    @property
    def in_transaction(self) -> bool:
        """True inside BEGIN … COMMIT."""
        import psycopg

        status = self._db.raw.info.transaction_status
        return status != psycopg.pq.TransactionStatus.IDLE

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:  # noqa: ANN401
        """Like `PgDatabase.execute`."""
        return self._db.execute(sql, params)

    def executemany(self, sql: str, rows: Any) -> None:  # noqa: ANN401 - any iterable of rows
        """Run one statement for many parameter rows (psycopg pipelines them)."""
        rows = [r if isinstance(r, dict) else tuple(r) for r in rows]
        text = self._db.statement(sql, bool(rows) and isinstance(rows[0], dict))
        if text is None:
            return
        if rows:
            with self._db.lock, self._db.raw.cursor() as cursor:
                cursor.executemany(text, rows)

    def close(self) -> None:
        """Close the connection."""
        self._db.raw.close()

    def getlimit(self, _category: int) -> int:
        """Parameters per statement (PostgreSQL allows 65535; the store stays under SQLite's)."""
        return 32766

    def stage_rows(self, columns: list[list[Any]]) -> str | None:
        """COPY a batch's columns into this session's staging table for their number of
        columns (created on first use, emptied first); returns its name.

        Each column is typed by its values (whole numbers and yes/no as bigint, floats as
        double precision, anything else as text), and `n` numbers the rows from 0: what
        SQLite's untyped staging table and its rowid give `store/new_rows.py`. None (nothing
        staged) when a column mixes floats with integers too big for a float to hold.
        """
        found = [_staged_type(values) for values in columns]
        if None in found:
            return None
        types = [t for t in found if t is not None]
        columns_sql = ", ".join(f"c{i} {t}" for i, t in enumerate(types, start=1))
        # One table per shape of columns, named by a digest (PostgreSQL names are short).
        name = "new_rows_" + hashlib.sha1(columns_sql.encode()).hexdigest()[:16]
        with self._db.lock, self._db.raw.cursor() as cursor:
            # Every time: a rolled-back transaction takes a table it created with it.
            cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} (n bigint, {columns_sql})")
            cursor.execute(f"TRUNCATE {name}")
            names = ", ".join(f"c{i}" for i in range(1, len(columns) + 1))
            with cursor.copy(f"COPY {name} (n, {names}) FROM STDIN") as copy:
                for row in enumerate(zip(*columns, strict=True)):
                    copy.write_row((row[0], *row[1]))
        return name

    def cast(self, table: str, column: str, sql: str) -> str:
        """`sql` converted to the type of `table.column`, as a bound value would be."""
        kind = next((c.type for c in self._db.columns_of(table) if c.name == column), "TEXT")
        return f"CAST({sql} AS {_PG_TYPES.get(kind, 'text')})"


class PgTable:
    """`db[table]`: its columns as sqlite_utils lists them, and its rows."""

    def __init__(self, database: PgDatabase, name: str) -> None:
        self.db, self.name = database, name

    @property
    def columns(self) -> list[Column]:
        """Name and SQLite type of each column, in order."""
        return self.db.columns_of(self.name)

    @property
    def rows(self) -> Iterator[dict[str, Any]]:
        """Every row as a dict."""
        cursor = self.db.execute(f'SELECT * FROM "{self.name}"')
        names = [d[0] for d in cursor.description]
        for row in cursor.fetchall():
            yield dict(zip(names, row, strict=True))

    def exists(self) -> bool:
        """True when the table exists."""
        return self.name in self.db.table_names()


class PgDatabase:
    """A PostgreSQL database behind the store's `sqlite_utils.Database` interface."""

    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg  # noqa: F401 - its absence said in Chinese, before `_connected`
        except ImportError:
            raise RuntimeError(
                "本机没有安装 PostgreSQL 支持，请先安装：pip install 'fieldapp[postgresql]'"
            ) from None

        self.url = url
        self.raw = _connected(url)
        self.conn = PgConnection(self)
        #: psycopg connections are not for two threads at once; the hub gives each worker
        #: thread its own, this lock only guards against a stray second user.
        self.lock = threading.RLock()
        self._columns: dict[str, list[Column]] = {}
        self._keys: dict[str, list[str]] = {}

    def reachable(self) -> bool:
        """False when the connection is lost — the server restarted, failed over, or an
        administrator ended it — so a long-running service opens a new one instead of failing
        every request on it. An idle connection is asked a trivial query; one inside a
        transaction is its user's business."""
        import psycopg
        from psycopg.pq import TransactionStatus

        if self.raw.closed or self.raw.broken:
            return False
        if self.raw.info.transaction_status != TransactionStatus.IDLE:
            return True
        try:
            with self.lock:
                self.raw.execute("SELECT 1")
        except psycopg.OperationalError:
            return False
        return True

    def reconnect(self) -> None:
        """Open a new connection to the same database in place of a lost one (every user of
        this `PgDatabase` goes on with it); raises what connecting raises."""
        import psycopg

        raw = _connected(self.url)
        with self.lock:
            old, self.raw = self.raw, raw
            self._columns.clear()
            self._keys.clear()
        try:
            old.close()
        except psycopg.Error:
            pass  # lost already

    # -- statements -------------------------------------------------------------------------

    def statement(self, sql: str, named: bool = False) -> str | None:
        """The PostgreSQL text of `sql` (INSERT OR REPLACE needs the table's key, SQLite's
        DROP TRIGGER the trigger's table)."""
        dropped = _DROP_TRIGGER.match(sql)
        if dropped is not None:
            return self._drop_trigger(dropped.group(2), bool(dropped.group(1)))
        match = _REPLACE.match(sql)
        if match is None:
            return translate(sql, named)
        table = match.group(1)
        if match.group(3):
            columns = [c.strip() for c in match.group(3).split(",")]
        else:
            columns = [c.name for c in self.columns_of(table)]
        keys = self.keys_of(table)
        rest = sql[match.start(4) :]
        updates = ", ".join(f'"{c}" = EXCLUDED."{c}"' for c in columns if c not in keys)
        action = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
        quoted = ", ".join(f'"{c}"' for c in columns)
        text = translate(f"INSERT INTO {table} ({quoted}) {rest}", named)
        assert text is not None
        return f"{text} ON CONFLICT ({', '.join(keys)}) {action}"

    def _drop_trigger(self, name: str, if_exists: bool) -> str | None:
        """SQLite's `DROP TRIGGER [IF EXISTS] name` as PostgreSQL's, which names the table
        (with a DELETE guard, its TRUNCATE guard goes too). A trigger PostgreSQL lacks is
        refused as SQLite refuses it (no such trigger), unless IF EXISTS or a search trigger,
        which PostgreSQL never gets: a drop never passes in silence."""
        names = [name]
        if name.endswith("_delete"):
            names.append(truncate_guard(name))
        rows = self.raw.execute(
            "SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE NOT t.tgisinternal AND t.tgname = ANY(%s) "
            "AND c.relnamespace = current_schema()::regnamespace ORDER BY c.relname, t.tgname",
            [names],
        ).fetchall()
        if not any(found == name for found, _ in rows):
            if if_exists or name in SEARCH_TRIGGERS:
                return None
            raise ValueError(f"PostgreSQL 数据库里没有触发器 {name}，无法删除")
        return "; ".join(f"DROP TRIGGER {found} ON {table}" for found, table in rows)

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Any:  # noqa: ANN401
        """Run one statement; returns a cursor (fetchone, fetchall, description)."""
        word = sql.strip().upper()
        if word == "BEGIN IMMEDIATE":
            with self.lock:
                self.raw.execute("BEGIN")
                self.raw.execute("SELECT pg_advisory_xact_lock(%s)", [WRITER_LOCK])
            return _EmptyCursor()
        if word in {"BEGIN", "BEGIN DEFERRED"}:
            self.raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
            return _EmptyCursor()
        named = isinstance(params, dict)
        text = self.statement(sql, named)
        if text is None:
            return _EmptyCursor()
        if text.lstrip().upper().startswith(("CREATE", "ALTER", "DROP")):
            self._columns.clear()
            self._keys.clear()
        if "EXECUTE FUNCTION fieldapp_refuse(" in text:
            with self.lock:
                self.raw.execute(REFUSE)
        values: Any = params if named else list(params or ())
        with self.lock:
            return self.raw.execute(text, values)

    def executescript(self, script: str) -> None:
        """Run several `;`-separated statements."""
        for part in script.split(";"):
            if part.strip():
                self.execute(part)

    # -- schema -----------------------------------------------------------------------------

    def table_names(self) -> list[str]:
        """Tables of the current schema (not temporary ones)."""
        rows = self.raw.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
            "ORDER BY table_name"
        ).fetchall()
        return [r[0] for r in rows]

    def columns_of(self, table: str) -> list[Column]:
        """Columns of a table, in order, with SQLite's type names (cached until DDL)."""
        if table not in self._columns:
            rows = self.raw.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = %s "
                "ORDER BY ordinal_position",
                [table],
            ).fetchall()
            self._columns[table] = [Column(n, _TYPES.get(t, t.upper())) for n, t in rows]
        return self._columns[table]

    def keys_of(self, table: str) -> list[str]:
        """The primary key columns of a table."""
        if table not in self._keys:
            rows = self.raw.execute(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a "
                "ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
                "WHERE i.indrelid = %s::regclass AND i.indisprimary",
                [table],
            ).fetchall()
            self._keys[table] = [r[0] for r in rows]
        return self._keys[table]

    def __getitem__(self, table: str) -> PgTable:
        return PgTable(self, table)


def _connected(url: str) -> psycopg.Connection[Any]:
    """A new autocommit connection to `url` as every `PgDatabase` uses it (`_adapt`ed, the
    server's notices below warnings kept out of the log): one way for the first connection and
    for one opened again in place of a lost one (`PgDatabase.reconnect`)."""
    import psycopg

    raw = psycopg.connect(url, autocommit=True)
    _adapt(raw)
    raw.execute("SET client_min_messages TO warning")
    return raw


def _adapt(connection: Any) -> None:  # noqa: ANN401 - psycopg.Connection
    """Booleans go in as 0/1 and numeric sums come out as int/float, as with SQLite."""
    from psycopg.adapt import Loader
    from psycopg.types.numeric import IntDumper

    class BoolAsInt(IntDumper):
        def dump(self, obj: Any) -> bytes:  # noqa: ANN401
            return b"1" if obj else b"0"

    class PlainNumber(Loader):
        def load(self, data: Any) -> Any:  # noqa: ANN401
            value = Decimal(bytes(data).decode())
            return int(value) if value == value.to_integral_value() else float(value)

    connection.adapters.register_dumper(bool, BoolAsInt)
    connection.adapters.register_loader("numeric", PlainNumber)


def index_names(db: Any) -> set[str]:  # noqa: ANN401 - either kind of database
    """Names of the indexes a database (SQLite or PostgreSQL) has."""
    if isinstance(db, PgDatabase):
        rows = db.raw.execute(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
        ).fetchall()
    else:
        rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()
    return {r[0] for r in rows}


def check_collation(database: PgDatabase) -> None:
    """Refuse a database that sorts text other than byte-wise (dumps and the change log's
    skip scans would order differently from SQLite)."""
    row = database.raw.execute(
        "SELECT datcollate, pg_encoding_to_char(encoding) FROM pg_database "
        "WHERE datname = current_database()"
    ).fetchone()
    if row is None or row[0] not in {"C", "POSIX"} or row[1] != "UTF8":
        raise ValueError(
            "PostgreSQL 数据库须按字节排序、UTF8 编码，请这样新建："
            "CREATE DATABASE 名称 TEMPLATE template0 ENCODING 'UTF8' "
            "LC_COLLATE 'C' LC_CTYPE 'C'"
        )


def create_database(admin_url: str, name: str) -> str:
    """Create an empty database for a hub (tests, `hub init`); returns its URL."""
    import psycopg

    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise ValueError(name)
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(
            f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
        )
    base, _, query = admin_url.partition("?")
    prefix = base.rsplit("/", 1)[0]
    return f"{prefix}/{name}" + (f"?{query}" if query else "")
