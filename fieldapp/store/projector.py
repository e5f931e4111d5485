"""The projector: the one code that turns logged changes into ledger table rows.

A change that creates a row is written by `fieldapp.store.new_rows`, alone (a batch of one) or
with the other creating changes of a bundle; a change to an existing row is merged into it
(`merge`), alone (`_merge_into`) or, for a bundle, with the bundle's other such changes in
order, written together (`_apply_in_order`). Since this is the only projection, a ledger can be rebuilt from its log, and
two replicas holding the same changes hold the same rows whatever order the changes came in.

Per field, the current versions ("heads") are the changes that set it and that no later change
has seen. One head: that value. Several with different values: a conflict, listed in `conflicts`
until someone resolves it; meanwhile the head with the greatest (hlc, change id) is shown.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter, itemgetter
from typing import Any

import sqlite_utils

from fieldapp.domain.numbers import HELD_KEY
from fieldapp.store.changelog import CHANGE_COLUMNS, META_COLUMNS, Change, dumps
from fieldapp.store.derived import DERIVED, DERIVED_COLUMNS
from fieldapp.store.hlc import stamp_to_iso
from fieldapp.store.new_rows import (
    Bound,
    Extracted,
    NewRows,
    Source,
    Sql,
    attribution,
    write,
)

#: Changes to existing rows merged in one run (`Projector._apply_in_order`): their rows are
#: held in memory meanwhile.
RUN = 5000

#: The most seqs of one device a statement of `Projector.load_changes` asks for (SQLite's
#: bound parameters are 32,766 at most; PostgreSQL's 65,535).
CHANGES_PER_QUERY = 500


class Projector:
    """Applies changes to the ledger tables of one database (call inside a transaction)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self._columns: dict[str, list[str]] = {}
        self._data_fields: dict[str, list[str]] = {}
        self._creating: dict[str, frozenset[str] | None] = {}
        self._types: dict[str, dict[str, str]] = {}
        #: Changes of the run `_apply_in_order` is merging, by id: logged as far as the merge
        #: is concerned, though their log rows are written with the run's.
        self._pending: dict[str, Change] = {}

    def columns(self, table: str) -> list[str]:
        """All columns of a table, cached (with their declared types, `stored_as_given`'s)."""
        if table not in self._columns:
            described = self.db[table].columns  # one PRAGMA: the names, and their types
            self._columns[table] = [c.name for c in described]
            self._types[table] = {c.name: c.type.upper() for c in described}
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
        pending = self._pending.get(change_id)
        if pending is not None:
            return Change.from_row(pending.as_row())  # as the log would give it back
        device, seq = change_id.rsplit(":", 1)
        row = self.db.execute(
            f"SELECT {CHANGE_COLUMNS} FROM changes WHERE device_id=? AND seq=?",
            [device, int(seq)],
        ).fetchone()
        return Change.from_row(row) if row else None

    def load_changes(self, change_ids: Iterable[str]) -> dict[str, Change]:
        """`load_change` of many changes at once: change id → change, for those the log (or the
        run being merged) holds. By the log's key, per device, `CHANGES_PER_QUERY` seqs a
        statement (plain SQL that PostgreSQL speaks too), not a statement a change."""
        found: dict[str, Change] = {}
        wanted: dict[str, set[int]] = {}
        for change_id in set(change_ids):
            pending = self._pending.get(change_id)
            if pending is not None:
                found[change_id] = Change.from_row(pending.as_row())
                continue
            device, _colon, seq = change_id.rpartition(":")
            if device and seq.isdigit():
                wanted.setdefault(device, set()).add(int(seq))
        for device, seqs in sorted(wanted.items()):
            ordered = sorted(seqs)
            for start in range(0, len(ordered), CHANGES_PER_QUERY):
                chunk = ordered[start : start + CHANGES_PER_QUERY]
                rows = self.db.execute(
                    f"SELECT {CHANGE_COLUMNS} FROM changes "
                    f"WHERE device_id = ? AND seq IN ({', '.join('?' * len(chunk))})",
                    [device, *chunk],
                ).fetchall()
                for row in rows:
                    change = Change.from_row(row)
                    found[change.id] = change
        return found

    def heads_of(self, row: dict[str, Any] | None, field: str) -> list[str]:
        """The current change ids of one field of a loaded row.

        A row's heads are stored in one of two forms, by the order its changes arrived in:
        made by a change that sets every field, `_origin` names it as the head of every field
        `_heads` does not list (a first sync writes hundreds of thousands of rows so, with
        nothing per field); made by an edit that came before the creation, or by a creation a
        later change had already seen, `_heads` lists each field (`_create`). `merge` keeps
        either form, listing only what moved on from `_origin`. Both read the same here, and
        outside the projector nothing else reads them (`Ledger.heads`, a new change's parents,
        the conflict list, `canonical_dump` ask here): tests/store/test_heads_either_form.py. Not made one form: it
        would pick an origin by rule on every merge (the hub's busiest path) and rewrite every
        row stored in the other form, and no reader would see a difference."""
        return row_heads(row, field)

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
        for field, ids in (change.parents or {}).items():
            self.db.conn.executemany(
                "INSERT OR IGNORE INTO superseded VALUES (?, ?)", [(i, field) for i in ids]
            )
        row = self.fetch_row(change.tbl, change.row_id)
        if row is None:
            self._create(change)
        else:
            self.db.execute(
                f"INSERT INTO changes ({CHANGE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)", change.as_row()
            )
            self._merge_into(row, change)
        return True

    def _superseded(self, change_id: str, fields: Iterable[str]) -> set[str]:
        """Which of `fields` of this change a known later change has already seen."""
        rows = self.db.execute(
            "SELECT field FROM superseded WHERE change_id = ?", [change_id]
        ).fetchall()
        found = {r[0] for r in rows}
        return found.intersection(fields)

    def _dead(self, change: Change, fields: Iterable[str]) -> set[str]:
        """`_superseded` of `change`, and of the held change it is the county's copy of
        (`held_id`): a later change its device made over that one has seen this one too."""
        dead = self._superseded(change.id, fields)
        held = held_id(change)
        return dead if held is None else dead | self._superseded(held, fields)

    def _create(self, change: Change) -> None:
        """A change whose row does not exist yet: a batch of one of `create_rows`."""
        known = self.data_fields(change.tbl)
        fields = [f for f in known if f in change.data]
        dead = self._dead(change, fields)
        if not change.parents and not dead and len(fields) == len(known):
            self.create_rows(change.tbl, [change])
            return
        # `_origin` stands for "this change is the head of every field"; a change that sets
        # only some fields (an edit arriving before the row's creation), or one a later change
        # already saw, lists its heads.
        values = tuple(f for f in fields if f not in dead)
        heads = dumps({f: [change.id] for f in values})
        self.create_rows(change.tbl, [change], values, heads=heads)

    def create_rows(
        self,
        table: str,
        changes: Sequence[Change],
        fields: tuple[str, ...] | None = None,
        *,
        heads: str | None = None,
    ) -> None:
        """Log changes that each create a new row of `table`, and write those rows.

        By default each change sets every data field and is its row's origin; a batch of one
        may instead set only `fields`, with `heads` as its row's `_heads`.
        """
        if fields is None:
            fields = tuple(self.data_fields(table))
        count = len(changes)
        # Column by column with C-level maps: a first sync writes hundreds of thousands of
        # changes here, and a Python loop per change and column would cost more than SQLite.
        data = list(map(_DATA, changes))
        columns = {f: list(map(itemgetter(f), data)) for f in fields}
        hlcs = list(map(_HLC, changes))
        parents = list(map(_PARENTS, changes))
        log: dict[str, Source] = {
            "device_id": list(map(_DEVICE_ID, changes)),
            "seq": list(map(_SEQ, changes)),
            "hlc": hlcs,
            "author": list(map(_AUTHOR, changes)),
            "row_id": Sql("{id}"),
            "data": Sql("{_data}"),
            "parents": [dumps(p) if p else None for p in parents] if any(parents) else Bound(None),
        }
        fields_of_row = {f: _from_json(f, values) for f, values in columns.items()}
        row: dict[str, Source] = {"id": list(map(_ROW_ID, changes)), **fields_of_row}
        if heads is None:
            row["_origin"] = Sql("({device_id} || ':' || {seq})")
        else:
            row["_heads"] = Bound(heads)
        key = Sql("({hlc} || '/' || {device_id} || ':' || {seq})")
        row |= attribution(Sql("{at}"), Sql("{author}"), Sql("{device_id}"), key)
        if HELD_KEY in fields and any(map(_HELD, changes)):
            # A row the county accepted from a held change keeps that change's key as its
            # creating key (`creating_key`): its printed number. Rare: bound row by row.
            row["_ckey"] = [creating_key(c) for c in changes]
        row |= derived_columns(table, columns, count)
        extra: dict[str, Source] = {
            "at": list(map(stamp_to_iso, hlcs)),
            "_data": list(map(_DATA_JSON, changes)),  # the log's canonical JSON of each
        }
        write(self.db.conn, NewRows(table, count, log, row, extra))

    def apply_many(self, changes: Sequence[Change]) -> list[Change]:
        """Log and project many changes; the same result as `apply` on each, in bulk.

        Changes that create a new row which nothing else in the batch touches (the bulk of a
        first sync) are written together by `create_rows`; every other change goes through
        `apply`. Returns the changes that were new, in the order given.
        """
        ids = list(map(_ID, changes))
        unique = dict(zip(ids, changes, strict=True))
        if len(unique) < len(ids):
            unique = {}
            for change_id, change in zip(ids, changes, strict=True):
                unique.setdefault(change_id, change)
        present = self._present_ids(unique)
        new = {i: c for i, c in unique.items() if i not in present} if present else unique
        fast = self._creating_changes(new)
        by_table: dict[str, list[Change]] = {}
        # A bundle holds long runs of one table: grouped run by run, order kept per table.
        for table, run in groupby(fast.values(), key=_TBL):
            by_table.setdefault(table, []).extend(run)
        for table, created in by_table.items():
            self.create_rows(table, created)
        if len(fast) < len(new):
            self._apply_in_order([c for i, c in new.items() if i not in fast])
        return list(new.values())

    def _apply_in_order(self, changes: list[Change]) -> None:
        """`apply` on each of `changes` in turn (none of them logged, ids distinct), batched.

        A month-end bundle moves hundreds of claims a step each, and `apply` costs each change
        five statements. Here the run's rows and superseded fields are read at once, each
        change is merged in Python in order (`merge`, the rules `apply` follows), each row's
        merged values are kept for the next change to it, and the log rows, superseded
        versions, conflicts and rows are written with one statement of each kind. A change
        whose row does not exist yet is created as `apply` creates it, after what came before
        it is written. A row whose written values would read back otherwise than they were
        given (a number in a text column) is written and read again before its next change.
        At most `RUN` changes' rows are held at a time.
        """
        if not all(self._creating_fields(t) is not None for t in {c.tbl for c in changes}):
            for change in changes:
                self.apply(change)  # an unknown table fails where `apply` fails
            return
        try:
            for start in range(0, len(changes), RUN):
                run = _Run(self, changes[start : start + RUN])
                for change in changes[start : start + RUN]:
                    run.apply(change)
                run.flush()
                self._pending = {}
        finally:
            self._pending = {}

    def stored_as_given(self, table: str, updates: dict[str, Any]) -> dict[str, Any] | None:
        """`updates` as the row will read them back once written, or None when that is not
        certain here (a value of another kind than its column's: text given a number)."""
        self.columns(table)  # read with the names, once (`columns`)
        types = self._types[table]
        stored = {}
        for column, value in updates.items():
            kind = type(value)
            declared = types.get(column, "")
            if value is None or (kind is _STORED_AS.get(declared)):
                stored[column] = value
            elif kind is bool and declared == "INTEGER":
                stored[column] = int(value)
            elif kind is int and declared == "REAL":
                stored[column] = float(value)
            else:
                return None
        return stored

    def _present_ids(self, changes: dict[str, Change]) -> set[str]:
        """Ids of `changes` (by id) already in the log (one range scan per device)."""
        by_device: dict[str, list[int]] = {}
        for device, run in groupby(changes.values(), key=_DEVICE_ID):
            by_device.setdefault(device, []).extend(map(_SEQ, run))
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
        row_ids = list(map(_ROW_ID, values))
        # Rows more than one change of the batch touches go the one-by-one way. Row ids are
        # almost always distinct (a first sync's are), which a set tells at C speed.
        twice: set[tuple[str, str]] = set()
        if len(set(row_ids)) < len(row_ids):
            per_row = Counter(zip(map(_TBL, values), row_ids, strict=True))
            twice = {key for key, n in per_row.items() if n > 1}
        cited: set[str] = set()
        for parents in filter(None, map(_PARENTS, values)):
            for ids in parents.values():
                cited.update(ids)
        candidates: dict[str, Change] = {}
        by_table: dict[str, list[str]] = {}
        for table, run in groupby(new.items(), key=_ITEM_TBL):
            fields = self._creating_fields(table)
            if fields is None:
                continue
            # A creating change has no parents and sets every data field of its table.
            found = [
                (i, c)
                for i, c in run
                if not c.parents
                and fields <= c.data.keys()
                and (not twice or (table, c.row_id) not in twice)
            ]
            candidates.update(found)
            by_table.setdefault(table, []).extend(c.row_id for _i, c in found)
        existing: set[tuple[str, str]] = set()
        for table, ids in by_table.items():
            if not ids:
                continue
            rows = self.db.execute(
                f"SELECT id FROM [{table}] WHERE id IN (SELECT value FROM json_each(?))",
                [json.dumps(ids)],
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

    def _creating_fields(self, table: str) -> frozenset[str] | None:
        """The data fields a change must set to create a `table` row in bulk (None: the table
        is unknown here, and its changes go the slow, checked way)."""
        if table not in self._creating:
            known = self._table_known(table)
            self._creating[table] = frozenset(self.data_fields(table)) if known else None
        return self._creating[table]

    def _table_known(self, table: str) -> bool:
        try:
            return bool(self.columns(table))
        except Exception:  # noqa: BLE001 - an unknown table goes the slow, checked way
            return False

    def _merge_into(self, row: dict[str, Any], change: Change) -> None:
        fields = [f for f in self.data_fields(change.tbl) if f in change.data]
        merge = self.merge(row, change, self._dead(change, fields))
        for field, conflicted in merge.conflicts:
            self.db.execute(CONFLICT_SQL[conflicted], [change.tbl, change.row_id, field])
        self.db.execute(merge.update_sql, [*merge.updates.values(), change.row_id])

    def merge(self, row: dict[str, Any], change: Change, dead: set[str]) -> Merge:
        """What merging `change` into its existing `row` writes (reads only, writes nothing).

        `dead`: the fields of `change` a known later change has already seen (`_superseded`).
        """
        fields = [f for f in self.data_fields(change.tbl) if f in change.data]
        heads = json.loads(row["_heads"]) if row.get("_heads") else {}
        updates: dict[str, Any] = {}
        conflicts: list[tuple[str, bool]] = []
        copy = self._county_copy(row)
        for field in fields:
            # A change already superseded (its successor arrived first) is no head, but what
            # it had seen is still superseded: heads are the versions nobody has seen.
            before = self.heads_of(row, field)
            seen = set((change.parents or {}).get(field, []))
            if copy is not None and copy[0] in seen:
                seen.update(copy[1])  # over the held change: over the county's copy of it too
            current = [h for h in before if h not in seen]
            if field not in dead:
                current.append(change.id)
            if current == before or not current:
                continue
            heads[field] = current
            updates[field] = self._winning_value(field, current, change)
            conflicts.append((field, self._in_conflict(field, current, change)))
        if row.get("_origin"):
            origin = row["_origin"]
            heads = {f: ids for f, ids in heads.items() if ids != [origin]}
        updates["_heads"] = dumps(heads) if heads else None
        made = creating_key(change)
        if made < (row.get("_ckey") or "~"):
            updates |= _attribution(change, created=True) | {"_ckey": made}
        if change.key > (row.get("_ukey") or ""):
            updates |= _attribution(change, created=False)
        merged = row | updates
        updates |= self._derive(change.tbl, merged, set(updates))
        return Merge(change, updates, conflicts)

    def _county_copy(self, row: dict[str, Any]) -> tuple[str, list[str]] | None:
        """A row the county accepted from a held change (`HELD_KEY`): that change's id, and
        the changes that set the key (the county's copy of it). A device's later change made
        over the held change (its parents name it) has seen the county's copy: it supersedes
        it as it would the held change, instead of standing beside it as a conflict."""
        kept = row.get(HELD_KEY)
        if not isinstance(kept, str) or "/" not in kept:
            return None
        return kept.rpartition("/")[2], self.heads_of(row, HELD_KEY)

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

    def _in_conflict(self, field: str, ids: list[str], change: Change) -> bool:
        """True when the field's heads hold different values (listed in `conflicts`)."""
        if len(ids) < 2:
            return False
        values = {dumps(c.data.get(field)) for c in self._head_changes(ids, change)}
        return len(values) > 1

    def _derive(self, table: str, row: dict[str, Any], changed: set[str]) -> dict[str, Any]:
        if table not in DERIVED:
            return {}
        sources, _outputs, fn = DERIVED[table]
        return fn(row) if sources & changed else {}


@dataclass(frozen=True)
class Merge:
    """A change merged into its existing row: the row's new column values (`updates`, in the
    order of `update_sql`'s parameters, then the row id) and, per field it set, whether the
    field is now in conflict (listed in `conflicts`) or not (taken off the list)."""

    change: Change
    updates: dict[str, Any]
    conflicts: list[tuple[str, bool]]

    @property
    def update_sql(self) -> str:
        """The UPDATE writing `updates` to the row (parameters: the values, then the id)."""
        assignments = ", ".join(f"[{c}] = ?" for c in self.updates)
        return f"UPDATE [{self.change.tbl}] SET {assignments} WHERE id = ?"


class _Run:
    """The state of `Projector._apply_in_order`: the rows as merged so far, and what is still
    to be written."""

    def __init__(self, projector: Projector, changes: list[Change]) -> None:
        self.projector = projector
        self.db = projector.db
        self.rows: dict[tuple[str, str], dict[str, Any] | None] = {}
        ids_by_table: dict[str, list[str]] = {}
        for change in changes:
            ids_by_table.setdefault(change.tbl, []).append(change.row_id)
        for table, ids in ids_by_table.items():
            self.rows.update(dict.fromkeys(((table, i) for i in ids), None))
            cursor = self.db.execute(
                f"SELECT * FROM [{table}] WHERE id IN (SELECT value FROM json_each(?))",
                [json.dumps(list(dict.fromkeys(ids)))],
            )
            names = [d[0] for d in cursor.description]
            for values in cursor.fetchall():
                row = dict(zip(names, values, strict=True))
                self.rows[(table, row["id"])] = row
        self.dead: dict[str, set[str]] = {}
        held = [i for i in map(held_id, changes) if i is not None]
        rows = self.db.execute(
            "SELECT change_id, field FROM superseded WHERE change_id IN "
            "(SELECT value FROM json_each(?))",
            [json.dumps([c.id for c in changes] + held)],
        ).fetchall()
        for change_id, field in rows:
            self.dead.setdefault(change_id, set()).add(field)
        self.stale: set[tuple[str, str]] = set()
        self.superseded: list[tuple[str, str]] = []
        self.log: list[tuple[Any, ...]] = []
        self.conflicts: dict[tuple[str, str, str], bool] = {}
        self.updates: dict[tuple[str, str], dict[str, Any]] = {}

    def apply(self, change: Change) -> None:
        """What `Projector.apply` does for one new change, written later (`flush`)."""
        projector = self.projector
        for field, ids in (change.parents or {}).items():
            self.superseded.extend((i, field) for i in ids)
            for i in ids:
                self.dead.setdefault(i, set()).add(field)
        key = (change.tbl, change.row_id)
        if key in self.stale:
            self.flush()
            self.rows[key] = projector.fetch_row(*key)
            self.stale.discard(key)
        row = self.rows[key]
        if row is None:
            self.flush()
            projector._create(change)  # noqa: SLF001 - the projector's own helper
            self.rows[key] = projector.fetch_row(*key)
            return
        self.log.append(change.as_row())
        projector._pending[change.id] = change  # noqa: SLF001 - the projector's own state
        dead = self.dead.get(change.id, set())
        held = held_id(change)
        if held is not None:
            dead = dead | self.dead.get(held, set())
        merge = projector.merge(row, change, dead)
        for field, conflicted in merge.conflicts:
            self.conflicts[(change.tbl, change.row_id, field)] = conflicted
        self.updates.setdefault(key, {}).update(merge.updates)
        stored = projector.stored_as_given(change.tbl, merge.updates)
        if stored is None:
            self.stale.add(key)
        else:
            self.rows[key] = row | stored

    def flush(self) -> None:
        """Write what the run has merged so far: one statement of each kind."""
        conn = self.db.conn
        if self.superseded:
            conn.executemany(
                "INSERT OR IGNORE INTO superseded VALUES (?, ?)",
                list(dict.fromkeys(self.superseded)),
            )
        if self.log:
            conn.executemany(
                f"INSERT INTO changes ({CHANGE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)", self.log
            )
        for conflicted in (True, False):
            keys = [k for k, c in self.conflicts.items() if c is conflicted]
            if keys:
                conn.executemany(CONFLICT_SQL[conflicted], keys)
        by_statement: dict[tuple[str, tuple[str, ...]], list[list[Any]]] = {}
        for (table, row_id), updates in self.updates.items():
            by_statement.setdefault((table, tuple(updates)), []).append([*updates.values(), row_id])
        for (table, columns), params in by_statement.items():
            assignments = ", ".join(f"[{c}] = ?" for c in columns)
            conn.executemany(f"UPDATE [{table}] SET {assignments} WHERE id = ?", params)
        self.superseded, self.log, self.conflicts, self.updates = [], [], {}, {}


def creating_key(change: Change) -> str:
    """The creating key (`_ckey`) `change` gives a row it makes: its own key, or the earlier
    key of the held change it was accepted from (`HELD_KEY`), which the row's number reads.

    Every replica applies the county's change with the field, and a row's `_ckey` is the least
    its changes give: every ledger, and one rebuilt from its log, numbers the row alike."""
    kept = change.data.get(HELD_KEY) if change.data else None
    if isinstance(kept, str) and "/" in kept and kept < change.key:
        return kept
    return change.key


def held_id(change: Change) -> str | None:
    """The id of the held change `change` is the county's copy of (its `HELD_KEY` names it),
    or None."""
    made = creating_key(change)
    return made.rpartition("/")[2] if made != change.key else None


def _HELD(change: Change) -> bool:  # noqa: N802 - named like the getters below
    return bool(change.data.get(HELD_KEY))


#: Recording (True) or clearing (False) one field's conflict: parameters table, row id, field.
CONFLICT_SQL = {
    True: "INSERT OR IGNORE INTO conflicts VALUES (?, ?, ?)",
    False: "DELETE FROM conflicts WHERE tbl=? AND row_id=? AND field=?",
}


def derived_columns(table: str, columns: dict[str, list[Any]], count: int) -> dict[str, Source]:
    """The table's derived columns for new rows setting `columns`, computed column by column.

    Nothing when the rows set none of the sources (a missing source counts as null).
    """
    if table not in DERIVED or not DERIVED[table][0] & columns.keys():
        return {}
    nulls = [None] * count
    sources = {name: columns.get(name, nulls) for name in DERIVED[table][0]}
    return dict(DERIVED_COLUMNS[table](sources))


#: The Python type a column of each declared type reads back as it was given.
_STORED_AS: dict[str, type] = {"TEXT": str, "INTEGER": int, "REAL": float}

_TBL = attrgetter("tbl")
_ROW_ID = attrgetter("row_id")
_PARENTS = attrgetter("parents")
_ID = attrgetter("id")
_DATA = attrgetter("data")
_DATA_JSON = attrgetter("data_json")
_HLC = attrgetter("hlc")
_DEVICE_ID = attrgetter("device_id")
_SEQ = attrgetter("seq")
_AUTHOR = attrgetter("author")


#: Types SQLite reads back out of JSON exactly as Python binds them (True as 1, text as text);
#: a float is bound from Python, whose conversion from text the store does not second-guess.
_JSON_EXACT = frozenset({str, int, bool, type(None)})
_INT64 = (-(2**63), 2**63 - 1)


def _from_json(field: str, values: list[Any]) -> Source:
    """A data field's column, read by SQLite out of each change's JSON when that gives exactly
    the values (see `_JSON_EXACT`); otherwise the values, bound."""
    kinds = set(map(type, values))
    if not kinds <= _JSON_EXACT:
        return values
    if int in kinds:
        ints = [v for v in values if type(v) is int]
        if min(ints) < _INT64[0] or max(ints) > _INT64[1]:
            return values  # binding refuses it, as it always did
    return Extracted(values, f"({{_data}} ->> '$.{field}')")


def _ITEM_TBL(item: tuple[str, Change]) -> str:  # noqa: N802 - named like the getters above
    return item[1].tbl


def _attribution(change: Change, *, created: bool) -> dict[str, Any]:
    prefix = "created" if created else "updated"
    return {
        f"{prefix}_at": stamp_to_iso(change.hlc),
        f"{prefix}_by": change.author,
        f"{prefix}_device": change.device_id,
        "_ckey" if created else "_ukey": change.key,
    }


def row_heads(row: Mapping[str, Any] | None, field: str) -> list[str]:
    """The current change ids of one field of a stored row (`Projector.heads_of`: either form
    its heads are stored in); a rule asks of the row as its finder read it."""
    if row is None:
        return []
    heads = json.loads(row["_heads"]) if row.get("_heads") else {}
    if field in heads:
        return list(heads[field])
    return [row["_origin"]] if row.get("_origin") else []
