"""The change log and the one function that projects a change onto the ledger tables.

Every write, local or received by sync, is a `Change`: one row of one table, the fields it sets,
and per field the versions its author had seen (`parents`). `apply_change` is the only code that
turns changes into table rows, so a ledger can be rebuilt from its log and two replicas holding
the same changes hold the same rows whatever order the changes came in.

Per field, the current versions ("heads") are the changes that set it and that no later change
has seen. One head: that value. Several with different values: a conflict, listed in `conflicts`
until someone resolves it; meanwhile the head with the greatest (hlc, change id) is shown.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from operator import attrgetter, itemgetter
from typing import Any

import sqlite_utils

from fieldapp.store.hlc import stamp_to_iso

META_COLUMNS = frozenset(
    {
        "id",
        "created_at",
        "created_by",
        "created_device",
        "updated_at",
        "updated_by",
        "updated_device",
        "_origin",
        "_heads",
        "_ckey",
        "_ukey",
    }
)

Deriver = Callable[[dict[str, Any]], dict[str, Any]]

ColumnDeriver = Callable[[dict[str, list[Any]]], dict[str, list[Any]]]

#: Columns computed from a row's fields (not in the log): table → (sources, outputs, function).
DERIVED: dict[str, tuple[frozenset[str], frozenset[str], Deriver]] = {}
#: The same computed column by column, for bulk writes (see `register_derived`).
DERIVED_COLUMNS: dict[str, ColumnDeriver] = {}


#: Bulk search indexing per table: the set-based form of its insert trigger (m0001, m0005).
SEARCH_INDEXING: dict[str, tuple[str, ...]] = {
    "persons": (
        "INSERT INTO person_words(rowid, search_words) "
        "SELECT rowid, search_words FROM persons WHERE rowid > {since}",
        "INSERT INTO person_digits(rowid, id_number, phone) "
        "SELECT rowid, id_number, phone FROM persons WHERE rowid > {since}",
    )
}


@contextmanager
def search_indexed_after(conn: sqlite3.Connection, table: str) -> Iterator[None]:
    """Insert rows of `table` inside this block; a searchable table's are indexed at its end.

    The m0005 switch: while `_search_deferred` holds a row the per-row search trigger stands
    aside; the `SEARCH_INDEXING` statements then index every row inserted since, which is
    what the trigger would have done, about three times faster. Set and cleared inside the
    caller's transaction, so no commit ever sees it set.
    """
    indexing = SEARCH_INDEXING.get(table)
    if not indexing:
        yield
        return
    conn.execute(f"INSERT INTO _search_deferred SELECT coalesce(max(rowid), 0) FROM [{table}]")
    try:
        yield
    finally:
        if conn.in_transaction:
            since = "(SELECT since_rowid FROM _search_deferred)"
            for sql in indexing:
                conn.execute(sql.format(since=since))
            conn.execute("DELETE FROM _search_deferred")


def register_derived(
    table: str,
    sources: Iterable[str],
    outputs: Iterable[str],
    fn: Deriver,
    columns: ColumnDeriver,
) -> None:
    """Register columns (`outputs`) recomputed whenever one of `sources` changes in `table`.

    `fn` computes them for one row; `columns` the same for many rows at once (bulk writes):
    each source's values in, each output's values out.
    """
    DERIVED[table] = (frozenset(sources), frozenset(outputs), fn)
    DERIVED_COLUMNS[table] = columns


_DUMPS = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
# The C encoder `json.dumps` builds on every call with these options, built once: encoding
# every change of a bundle is a noticeable share of an import. No cycle check (the markers
# dict): logged values are plain JSON, and a failed call must not leave markers behind.
_C_DUMPS = (
    c_make_encoder(None, _DUMPS.default, encode_basestring, None, ":", ",", True, False, True)
    if c_make_encoder is not None
    else None
)


def dumps(value: Any) -> str:
    """Canonical JSON: sorted keys, no spaces, Chinese kept as is."""
    if _C_DUMPS is None:
        return _DUMPS.encode(value)
    return "".join(_C_DUMPS(value, 0))


def to_storable(value: Any) -> Any:
    """Dates as ISO text, enums as their value; everything else as given."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "value") and not isinstance(value, (int, float, str, bool)):
        return value.value
    return value


@dataclass(frozen=True)
class Change:
    """One logged write: who, which device, when (HLC), which row, which fields, what was seen."""

    device_id: str
    seq: int
    hlc: str
    author: str
    tbl: str
    row_id: str
    data: dict[str, Any]
    parents: dict[str, list[str]] | None = None

    @property
    def id(self) -> str:
        """Globally unique change id: device id and sequence number."""
        return f"{self.device_id}:{self.seq}"

    @property
    def key(self) -> str:
        """Total order used to pick the shown value among concurrent ones."""
        return f"{self.hlc}/{self.id}"

    def as_row(self) -> tuple[str, int, str, str, str, str, str, str | None]:
        """The `changes` table row."""
        parents = dumps(self.parents) if self.parents else None
        return (
            self.device_id,
            self.seq,
            self.hlc,
            self.author,
            self.tbl,
            self.row_id,
            dumps(self.data),
            parents,
        )

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> Change:
        """Rebuild from a `changes` table row (column order of `as_row`)."""
        device_id, seq, hlc, author, tbl, row_id, data, parents = row
        return cls(
            device_id,
            int(seq),
            hlc,
            author,
            tbl,
            row_id,
            json.loads(data),
            json.loads(parents) if parents else None,
        )


CHANGE_COLUMNS = "device_id, seq, hlc, author, tbl, row_id, data, parents"


class Projector:
    """Applies changes to the ledger tables of one database (call inside a transaction)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self._columns: dict[str, list[str]] = {}
        self._data_fields: dict[str, list[str]] = {}

    def columns(self, table: str) -> list[str]:
        """All columns of a table, cached."""
        if table not in self._columns:
            self._columns[table] = [c.name for c in self.db[table].columns]
        return self._columns[table]

    def data_fields(self, table: str) -> list[str]:
        """The fields a change may set: every column but meta and derived ones (cached)."""
        if table not in self._data_fields:
            derived = DERIVED[table][1] if table in DERIVED else frozenset()
            self._data_fields[table] = [
                c for c in self.columns(table) if c not in META_COLUMNS and c not in derived
            ]
        return self._data_fields[table]

    def has_change(self, change_id: str) -> bool:
        """True when this change is already in the log."""
        device, seq = change_id.rsplit(":", 1)
        row = self.db.execute(
            "SELECT 1 FROM changes WHERE device_id=? AND seq=?", [device, int(seq)]
        ).fetchone()
        return row is not None

    def load_change(self, change_id: str) -> Change | None:
        """A change by id, or None."""
        device, seq = change_id.rsplit(":", 1)
        row = self.db.execute(
            f"SELECT {CHANGE_COLUMNS} FROM changes WHERE device_id=? AND seq=?",
            [device, int(seq)],
        ).fetchone()
        return Change.from_row(row) if row else None

    def heads_of(self, row: dict[str, Any] | None, field: str) -> list[str]:
        """The current change ids of one field of a loaded row."""
        if row is None:
            return []
        heads = json.loads(row["_heads"]) if row.get("_heads") else {}
        if field in heads:
            return list(heads[field])
        return [row["_origin"]] if row.get("_origin") else []

    def fetch_row(self, table: str, row_id: str) -> dict[str, Any] | None:
        """One projected row as a dict, deleted or not."""
        cursor = self.db.execute(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])
        values = cursor.fetchone()
        if values is None:
            return None
        return dict(zip([d[0] for d in cursor.description], values, strict=True))

    def apply(self, change: Change) -> bool:
        """Log and project one change; False (and nothing done) when already present."""
        if self.has_change(change.id):
            return False
        self.db.execute(
            f"INSERT INTO changes ({CHANGE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)", change.as_row()
        )
        for field, ids in (change.parents or {}).items():
            self.db.conn.executemany(
                "INSERT OR IGNORE INTO superseded VALUES (?, ?)", [(i, field) for i in ids]
            )
        row = self.fetch_row(change.tbl, change.row_id)
        if row is None:
            self._create_row(change)
        else:
            self._merge_into(row, change)
        return True

    def _superseded(self, change_id: str, fields: Iterable[str]) -> set[str]:
        """Which of `fields` of this change a known later change has already seen."""
        rows = self.db.execute(
            "SELECT field FROM superseded WHERE change_id = ?", [change_id]
        ).fetchall()
        found = {r[0] for r in rows}
        return found.intersection(fields)

    def _create_row(self, change: Change) -> None:
        fields = [f for f in change.data if f in self.columns(change.tbl)]
        dead = self._superseded(change.id, fields)
        values = {f: change.data[f] for f in fields if f not in dead}
        meta = _attribution(change, created=True) | _attribution(change, created=False)
        # `_origin` stands for "this change is the head of every field"; a change that sets
        # only some fields (an edit arriving before the row's creation) must list its heads.
        if change.parents or dead or not self._covers_all(change.tbl, values):
            meta["_heads"] = dumps({f: [change.id] for f in values})
        else:
            meta["_origin"] = change.id
        row = {"id": change.row_id, **values, **meta}
        row.update(self._derive(change.tbl, row, set(values)))
        columns = list(row)
        self.db.execute(
            f"INSERT INTO [{change.tbl}] ({', '.join(f'[{c}]' for c in columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})",
            [row[c] for c in columns],
        )

    def _covers_all(self, table: str, values: dict[str, Any]) -> bool:
        return set(self.data_fields(table)) <= set(values)

    def apply_many(self, changes: Sequence[Change]) -> list[Change]:
        """Log and project many changes; the same result as `apply` on each, in bulk.

        Changes that create a new row which nothing else in the batch touches (the bulk of a
        first sync) are inserted with `executemany`; every other change goes through `apply`.
        Returns the changes that were new, in the order given.
        """
        ids = [c.id for c in changes]
        unique = dict(zip(ids, changes, strict=True))
        if len(unique) < len(ids):
            unique = {}
            for change_id, change in zip(ids, changes, strict=True):
                unique.setdefault(change_id, change)
        present = self._present_ids(unique)
        new = {i: c for i, c in unique.items() if i not in present} if present else unique
        fast = self._creating_changes(new)
        self._insert_created(fast)
        if len(fast) < len(new):
            for change_id, change in new.items():
                if change_id not in fast:
                    self.apply(change)
        return list(new.values())

    def _present_ids(self, changes: dict[str, Change]) -> set[str]:
        """Ids of `changes` (by id) already in the log (one range scan per device)."""
        by_device: dict[str, list[int]] = {}
        for change in changes.values():
            seqs = by_device.get(change.device_id)
            if seqs is None:
                seqs = by_device[change.device_id] = []
            seqs.append(change.seq)
        found: set[str] = set()
        for device, seqs in by_device.items():
            rows = self.db.execute(
                "SELECT seq FROM changes WHERE device_id = ? AND seq BETWEEN ? AND ?",
                [device, min(seqs), max(seqs)],
            ).fetchall()
            if rows:
                wanted = set(seqs)
                found.update(f"{device}:{r[0]}" for r in rows if r[0] in wanted)
        return found

    def _creating_changes(self, new: dict[str, Change]) -> dict[str, Change]:
        """Changes `apply` would turn into a fresh row with `_origin`, and nothing else."""
        values = new.values()
        per_row = Counter(zip(map(_TBL, values), map(_ROW_ID, values), strict=True))
        cited: set[str] = set()
        for parents in map(_PARENTS, values):
            if parents:
                for ids in parents.values():
                    cited.update(ids)
        tables = {t for t, _row in per_row}
        wanted = {t: frozenset(self.data_fields(t)) for t in tables if self._table_known(t)}
        candidates: dict[str, Change] = {}
        by_table: dict[str, list[str]] = {t: [] for t in wanted}
        for change_id, change in new.items():
            table = change.tbl
            fields = wanted.get(table)
            if (
                fields is None
                or change.parents
                or per_row[(table, change.row_id)] != 1
                or not fields <= change.data.keys()
            ):
                continue
            candidates[change_id] = change
            by_table[table].append(change.row_id)
        existing: set[tuple[str, str]] = set()
        for table, row_ids in by_table.items():
            if not row_ids:
                continue
            rows = self.db.execute(
                f"SELECT id FROM [{table}] WHERE id IN (SELECT value FROM json_each(?))",
                [json.dumps(row_ids)],
            ).fetchall()
            existing.update((table, r[0]) for r in rows)
        rows = self.db.execute(
            "SELECT change_id FROM superseded WHERE change_id IN (SELECT value FROM json_each(?))",
            [json.dumps(list(candidates))],
        ).fetchall()
        dead = (cited & candidates.keys()) | {r[0] for r in rows}
        if not dead and not existing:
            return candidates
        return {
            i: c
            for i, c in candidates.items()
            if i not in dead and (c.tbl, c.row_id) not in existing
        }

    def _table_known(self, table: str) -> bool:
        try:
            return bool(self.columns(table))
        except Exception:  # noqa: BLE001 - an unknown table goes the slow, checked way
            return False

    def _insert_created(self, fast: dict[str, Change]) -> None:
        """Bulk form of `_create_row` for changes that each create a whole new row."""
        if not fast:
            return
        self.db.conn.executemany(
            f"INSERT INTO changes ({CHANGE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)",
            [
                (c.device_id, c.seq, c.hlc, c.author, c.tbl, c.row_id, dumps(c.data), None)
                for c in fast.values()  # a creating change has no parents (`as_row`)
            ],
        )
        meta = (
            "created_at", "created_by", "created_device", "_ckey",
            "updated_at", "updated_by", "updated_device", "_ukey", "_origin",
        )  # fmt: skip
        by_table: dict[str, list[tuple[str, Change]]] = {}
        for item in fast.items():
            by_table.setdefault(item[1].tbl, []).append(item)
        for table, items in by_table.items():
            # A creating change sets exactly the table's data fields (see _creating_changes).
            fields = tuple(self.data_fields(table))
            picked = itemgetter(*fields)
            many = len(fields) > 1
            columns = ("id", *fields, *meta)
            rows = []
            for change_id, change in items:
                at, key = stamp_to_iso(change.hlc), f"{change.hlc}/{change_id}"
                author, device = change.author, change.device_id
                data = picked(change.data)
                rows.append(
                    (change.row_id, *(data if many else (data,)), at, author, device, key)
                    + (at, author, device, key, change_id)
                )
            if table in DERIVED:
                self._insert_derived(table, columns, fields, rows)
            else:
                self.insert_rows(table, columns, rows)

    def _insert_derived(
        self,
        table: str,
        columns: tuple[str, ...],
        fields: tuple[str, ...],
        rows: list[tuple[Any, ...]],
    ) -> None:
        """Insert rows of a table with derived columns, each computed as `_create_row` does."""
        groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        changed = set(fields)
        for values in rows:
            extra = self._derive(table, dict(zip(columns, values, strict=True)), changed)
            groups.setdefault((*columns, *extra), []).append((*values, *extra.values()))
        for group_columns, group_rows in groups.items():
            self.insert_rows(table, group_columns, group_rows)

    def insert_rows(
        self, table: str, columns: tuple[str, ...], rows: Sequence[Sequence[Any]]
    ) -> None:
        """executemany of new rows; for a searchable table, index them set-based afterwards."""
        insert = (
            f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})"
        )
        with search_indexed_after(self.db.conn, table):
            self.db.conn.executemany(insert, rows)

    def _merge_into(self, row: dict[str, Any], change: Change) -> None:
        fields = [f for f in change.data if f in row]
        dead = self._superseded(change.id, fields)
        heads = json.loads(row["_heads"]) if row.get("_heads") else {}
        updates: dict[str, Any] = {}
        for field in fields:
            # A change already superseded (its successor arrived first) is no head, but what
            # it had seen is still superseded: heads are the versions nobody has seen.
            before = self.heads_of(row, field)
            seen = set((change.parents or {}).get(field, []))
            current = [h for h in before if h not in seen]
            if field not in dead:
                current.append(change.id)
            if current == before or not current:
                continue
            heads[field] = current
            updates[field] = self._winning_value(field, current, change)
            self._track_conflict(change.tbl, change.row_id, field, current, change)
        if row.get("_origin"):
            origin = row["_origin"]
            heads = {f: ids for f, ids in heads.items() if ids != [origin]}
        updates["_heads"] = dumps(heads) if heads else None
        if change.key < (row.get("_ckey") or "~"):
            updates |= _attribution(change, created=True)
        if change.key > (row.get("_ukey") or ""):
            updates |= _attribution(change, created=False)
        merged = row | updates
        updates |= self._derive(change.tbl, merged, set(updates))
        assignments = ", ".join(f"[{c}] = ?" for c in updates)
        self.db.execute(
            f"UPDATE [{change.tbl}] SET {assignments} WHERE id = ?",
            [*updates.values(), change.row_id],
        )

    def _head_changes(self, ids: list[str], change: Change) -> list[Change]:
        found = []
        for head in ids:
            loaded = change if head == change.id else self.load_change(head)
            if loaded is not None:
                found.append(loaded)
        return found

    def _winning_value(self, field: str, ids: list[str], change: Change) -> Any:
        if ids == [change.id] or not ids:
            return change.data[field]
        winner = max(self._head_changes(ids, change), key=lambda c: c.key)
        return winner.data.get(field)

    def _track_conflict(
        self, table: str, row_id: str, field: str, ids: list[str], change: Change
    ) -> None:
        values = {dumps(c.data.get(field)) for c in self._head_changes(ids, change)}
        if len(ids) > 1 and len(values) > 1:
            self.db.execute(
                "INSERT OR IGNORE INTO conflicts VALUES (?, ?, ?)", [table, row_id, field]
            )
        else:
            self.db.execute(
                "DELETE FROM conflicts WHERE tbl=? AND row_id=? AND field=?",
                [table, row_id, field],
            )

    def _derive(self, table: str, row: dict[str, Any], changed: set[str]) -> dict[str, Any]:
        if table not in DERIVED:
            return {}
        sources, _outputs, fn = DERIVED[table]
        return fn(row) if sources & changed else {}


_TBL = attrgetter("tbl")
_ROW_ID = attrgetter("row_id")
_PARENTS = attrgetter("parents")


def _attribution(change: Change, *, created: bool) -> dict[str, Any]:
    prefix = "created" if created else "updated"
    return {
        f"{prefix}_at": stamp_to_iso(change.hlc),
        f"{prefix}_by": change.author,
        f"{prefix}_device": change.device_id,
        "_ckey" if created else "_ukey": change.key,
    }


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
