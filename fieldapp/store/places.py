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

from collections.abc import Mapping
from typing import Any

import sqlite_utils

#: The link target meaning "this column is an area code".
AREA = "areas"

#: How far links are followed (a claim event → claim → person → household → area is 4).
MAX_DEPTH = 8

Links = Mapping[str, tuple[tuple[str, str], ...]]


class PlaceFinder:
    """Rows and their places over one ledger database and an overlay of pending changes."""

    def __init__(self, db: sqlite_utils.Database, links: Links) -> None:
        self.db = db
        self.links = links
        self._tables = set(db.table_names())
        self._stored: dict[tuple[str, str], dict[str, Any] | None] = {}
        self._overlay: dict[tuple[str, str], dict[str, Any]] = {}
        self._types: dict[str, dict[str, str]] = {}

    # -- rows -------------------------------------------------------------------------------

    def _fetch(self, table: str, row_id: str) -> dict[str, Any] | None:
        if table not in self._tables:
            return None
        cursor = self.db.execute(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])
        values = cursor.fetchone()
        if values is None:
            return None
        return dict(zip([d[0] for d in cursor.description], values, strict=True))

    def stored(self, table: str, row_id: str) -> dict[str, Any] | None:
        """The row as the ledger holds it (cached), without the overlay."""
        key = (table, row_id)
        if key not in self._stored:
            self._stored[key] = self._fetch(table, row_id)
        return self._stored[key]

    def row(self, table: str, row_id: str) -> dict[str, Any] | None:
        """The row as it will be once the pending changes are applied (None: no such row)."""
        stored = self.stored(table, row_id)
        pending = self._overlay.get((table, row_id))
        if pending is None:
            return stored
        return {**(stored or {}), **pending}

    def remember(self, table: str, row_id: str, data: Mapping[str, Any]) -> None:
        """Add an accepted change to the overlay (later changes of the batch see it)."""
        self._overlay.setdefault((table, row_id), {}).update(data)

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
        links = self.links.get(table)
        if row is None or not links or depth > MAX_DEPTH:
            return None
        column, target = links[0]
        value = row.get(column)
        if value in (None, ""):
            return None
        if target == AREA:
            return str(value)
        return self.place(target, self.row(target, str(value)), depth + 1)

    def link_places(self, table: str, values: Mapping[str, Any]) -> dict[str, str]:
        """Per link column set in `values`, the place its target is in ("" when unknown)."""
        found: dict[str, str] = {}
        for column, target in self.links.get(table, ()):
            value = values.get(column)
            if value in (None, ""):
                continue
            if target == AREA:
                found[column] = str(value)
            else:
                found[column] = self.place(target, self.row(target, str(value))) or ""
        return found

    def targets(self, table: str, values: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
        """Per row link column set in `values`, the target row's values (when it exists)."""
        found: dict[str, dict[str, Any]] = {}
        for column, target in self.links.get(table, ()):
            value = values.get(column)
            if target == AREA or value in (None, ""):
                continue
            target_row = self.row(target, str(value))
            if target_row is not None:
                found[column] = target_row
        return found
