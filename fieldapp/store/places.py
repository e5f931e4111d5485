"""Where rows are: the area a row belongs to, found by following its ownership links.

The trust rules judge a change by where its row was *before* the change (a person by the area
of the household they live in, a spell by its person, a claim event by its claim …). The rules
themselves are pure (`fieldapp.services.trust`); this module reads what they need from the
ledger, plus an overlay of the changes accepted so far in the same batch (a bundle's new
household, then the people put into it), so a batch is judged as if applied change by change
without writing anything until it is all judged.

`links` maps a table to its ownership links, (column, target table) pairs, the first of which
says where the row lives; the target `areas` means the column holds an area code itself.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping
from typing import Any

import sqlite_utils

from fieldapp.store.changelog import Change

#: The link target meaning "this column is an area code".
AREA = "areas"

#: How far links are followed (a claim event → claim → person → household → area is 4).
MAX_DEPTH = 8

#: Row ids per query when rows are read a table at a time (`PlaceFinder.preload`).
PRELOAD_CHUNK = 5000

Links = Mapping[str, tuple[tuple[str, str], ...]]


def row_links(links: Links) -> dict[str, tuple[tuple[str, str], ...]]:
    """Per table, its links to other rows (area codes aside)."""
    return {
        table: tuple((column, target) for column, target in pairs if target != AREA)
        for table, pairs in links.items()
    }


def _link_keys(
    by_table: Mapping[str, tuple[tuple[str, str], ...]], table: str, values: Mapping[str, Any]
) -> list[tuple[str, str]]:
    """(target table, row id) of each row link of `table` set in `values`."""
    return [
        (target, str(values[column]))
        for column, target in by_table.get(table, ())
        if values.get(column) not in (None, "")
    ]


def asked_rows(links: Links, changes: Iterable[Change]) -> set[tuple[str, str]]:
    """(table, row id) of each change's own row and of every row its links name (area codes
    aside): what judging `changes` asks about first (`PlaceFinder.preload` reads them, and
    whatever they link to). Worked out from the changes alone."""
    by_table = row_links(links)
    found = {(c.tbl, c.row_id) for c in changes}
    for change in changes:
        found.update(_link_keys(by_table, change.tbl, change.data))
    return found


class PlaceFinder:
    """Rows and their places over one ledger database and an overlay of pending changes."""

    def __init__(
        self, db: sqlite_utils.Database, links: Links, tables: Collection[str] | None = None
    ) -> None:
        """`tables`: the ledger's table names where the caller has read them already (a
        device's write gateway reads them once for all its writes, not once a write)."""
        self.db = db
        self.links = links
        self._tables = frozenset(db.table_names() if tables is None else tables)
        self._stored: dict[tuple[str, str], dict[str, Any] | None] = {}
        self._overlay: dict[tuple[str, str], dict[str, Any]] = {}
        #: Stored row and overlay merged, per row the overlay touches (until touched again):
        #: a bundle's new household is looked up once for each of its people.
        self._merged: dict[tuple[str, str], dict[str, Any]] = {}
        self._types: dict[str, dict[str, str]] = {}
        #: Per row, its place and how many row links lead there (`_place_of`): a bundle asks
        #: for the place of the same household for each of its people, of the same person
        #: for each of their records. Only known places are kept, and every row on the way
        #: to a kept one is kept too, so `remember` can tell when one may have moved.
        self._places: dict[tuple[str, str], tuple[str, int]] = {}
        #: Per table, its links to other rows (`link_keys`; the hub asks for every change).
        self._row_links = row_links(links)

    # -- rows -------------------------------------------------------------------------------

    def _fetch(self, table: str, row_id: str) -> dict[str, Any] | None:
        if table not in self._tables:
            return None
        cursor = self.db.execute(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])
        values = cursor.fetchone()
        if values is None:
            return None
        return dict(zip([d[0] for d in cursor.description], values, strict=True))

    def _fetch_many(self, table: str, row_ids: list[str]) -> dict[str, dict[str, Any]]:
        """The rows of `table` among `row_ids` (every one a ledger table's TEXT id), by id."""
        found: dict[str, dict[str, Any]] = {}
        for start in range(0, len(row_ids), PRELOAD_CHUNK):
            cursor = self.db.execute(
                f"SELECT * FROM [{table}] WHERE id IN (SELECT value FROM json_each(?))",
                [json.dumps(row_ids[start : start + PRELOAD_CHUNK])],
            )
            names = [d[0] for d in cursor.description]
            for values in cursor.fetchall():
                row = dict(zip(names, values, strict=True))
                found[row["id"]] = row
        return found

    def preload(self, keys: Iterable[tuple[str, str]]) -> None:
        """Read the rows `keys` (table, row id) name, and every row their links lead to, a
        table at a time: one query per table and level of links instead of one per row.

        What `stored` then answers is what it would have read row by row (this reads the
        same ledger, before anything of the batch is written); a row not preloaded is still
        read when asked for.
        """
        wanted = {key for key in keys if key not in self._stored}
        for _level in range(MAX_DEPTH + 2):
            if not wanted:
                return
            by_table: dict[str, list[str]] = {}
            for table, row_id in wanted:
                by_table.setdefault(table, []).append(row_id)
            following: set[tuple[str, str]] = set()
            for table, row_ids in by_table.items():
                rows = self._fetch_many(table, row_ids) if table in self._tables else {}
                for row_id in row_ids:
                    row = rows.get(row_id)
                    self._stored[(table, row_id)] = row
                    if row is not None:
                        following.update(self.link_keys(table, row))
            wanted = {key for key in following if key not in self._stored}

    def link_keys(self, table: str, values: Mapping[str, Any]) -> list[tuple[str, str]]:
        """(target table, row id) of each row link set in `values` (area codes aside)."""
        return _link_keys(self._row_links, table, values)

    def known(self, table: str, rows: Iterable[Mapping[str, Any]]) -> None:
        """Rows of `table` a query of the same ledger has just read whole (every column, as
        `stored` reads one), kept so that `stored` answers them unread; a row already read
        is kept as it was read then. (As `preload`: before anything of the batch is written.)"""
        for row in rows:
            self._stored.setdefault((table, str(row["id"])), dict(row))

    def stored(self, table: str, row_id: str) -> dict[str, Any] | None:
        """The row as the ledger holds it (cached), without the overlay."""
        key = (table, row_id)
        if key not in self._stored:
            self._stored[key] = self._fetch(table, row_id)
        return self._stored[key]

    def row(self, table: str, row_id: str) -> dict[str, Any] | None:
        """The row as it will be once the pending changes are applied (None: no such row)."""
        key = (table, row_id)
        pending = self._overlay.get(key)
        if pending is None:
            return self.stored(table, row_id)
        merged = self._merged.get(key)
        if merged is None:
            merged = self._merged[key] = {**(self.stored(table, row_id) or {}), **pending}
        return merged

    def remember(self, table: str, row_id: str, data: Mapping[str, Any]) -> None:
        """Add an accepted change to the overlay (later changes of the batch see it)."""
        key = (table, row_id)
        self._overlay.setdefault(key, {}).update(data)
        self._merged.pop(key, None)
        if key in self._places:
            links = self.links.get(table)
            if links and links[0][0] in data:
                # The row may move, and with it every row placed through it: those are all
                # kept (a kept place keeps its whole way), so none is kept any more. A row
                # not kept is on no kept row's way (a new row of a bundle never is).
                self._places.clear()

    def area_listed(self, code: str) -> bool:
        """True when the ledger lists a live area of this code (`areas`, the overlay's pending
        changes of it seen first): a household there is one some device's area holds."""
        pending = {row_id for table, row_id in self._overlay if table == AREA}
        for row_id in pending:
            row = self.row(AREA, row_id) or {}
            if row.get("code") == code and not row.get("deleted"):
                return True
        if AREA not in self._tables:
            return False
        found = self.db.execute(
            f"SELECT id FROM [{AREA}] WHERE code = ? AND deleted = 0", [code]
        ).fetchall()
        return any(row_id not in pending for (row_id,) in found)

    def column_types(self, table: str) -> dict[str, str]:
        """Declared column types of a table (TEXT, INTEGER, REAL …), cached."""
        if table not in self._types:
            found = {}
            if table in self._tables:
                found = {c.name: str(c.type).upper() for c in self.db[table].columns}
            self._types[table] = found
        return self._types[table]

    # -- places -----------------------------------------------------------------------------

    def place(self, table: str, row: Mapping[str, Any] | None, depth: int = 0) -> str | None:
        """The area code `row` of `table` belongs to, by its first link (None: unknown)."""
        found = self._locate(table, row, depth)
        return found[0] if found is not None else None

    def _locate(
        self, table: str, row: Mapping[str, Any] | None, depth: int
    ) -> tuple[str, int] | None:
        """`row`'s place and the number of row links followed to it (None: unknown, or more
        than `MAX_DEPTH` levels down from `depth`)."""
        links = self.links.get(table)
        if row is None or not links or depth > MAX_DEPTH:
            return None
        column, target = links[0]
        value = row.get(column)
        if value in (None, ""):
            return None
        if target == AREA:
            return str(value), 0
        found = self._place_of(target, str(value), depth + 1)
        return (found[0], found[1] + 1) if found is not None else None

    def _place_of(self, table: str, row_id: str, depth: int) -> tuple[str, int] | None:
        """`_locate` of a row by id, kept while its way stays the same (see `remember`)."""
        key = (table, row_id)
        found = self._places.get(key)
        if found is None or depth + found[1] > MAX_DEPTH:
            found = self._locate(table, self.row(table, row_id), depth)
            if found is not None:
                self._places[key] = found
        return found

    def link_places(
        self,
        table: str,
        values: Mapping[str, Any],
        links: tuple[tuple[str, str], ...] | None = None,
    ) -> dict[str, str]:
        """Per link column set in `values`, the place its target is in ("" when unknown).
        `links`: the columns to follow instead of the table's own links (what a row without
        a place names, the print log's claim and person)."""
        found: dict[str, str] = {}
        for column, target in self.links.get(table, ()) if links is None else links:
            value = values.get(column)
            if value in (None, ""):
                continue
            if target == AREA:
                found[column] = str(value)
            else:
                place = self._place_of(target, str(value), 0)
                found[column] = place[0] if place is not None else ""
        return found

    def targets(
        self,
        table: str,
        values: Mapping[str, Any],
        links: tuple[tuple[str, str], ...] | None = None,
    ) -> dict[str, dict[str, Any]]:
        """Per row link column set in `values`, the target row's values (when it exists);
        `links` as `link_places` takes them."""
        found: dict[str, dict[str, Any]] = {}
        for column, target in self.links.get(table, ()) if links is None else links:
            value = values.get(column)
            if target == AREA or value in (None, ""):
                continue
            target_row = self.row(target, str(value))
            if target_row is not None:
                found[column] = target_row
        return found
