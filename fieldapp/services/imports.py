"""Writing what a spreadsheet import planned: cell changes and new rows, as logged edits.

The tabular room reads and checks a workbook and plans its changes (`fieldapp.tabular`); this
writes them through the ledger's one write path, inside the import's transaction: each changed
row is one logged `update` holding only its changed fields, and new rows go through the bulk
inserter (the same log, the same projection). Which cells to write (conflicts left out unless
the user decided for the sheet) is the planner's decision; this only writes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from fieldapp.store.bulk_insert import BulkInserter
from fieldapp.store.ledger import Ledger

#: Parents before children: a service names its visit, a month's status its spell.
_ORDER = ("persons", "households", "person_categories", "employment_spells", "visits")


def apply_import(
    ledger: Ledger,
    updates: Mapping[tuple[str, str], Mapping[str, Any]],
    inserts: Mapping[str, Sequence[dict[str, Any]]],
) -> int:
    """Write `updates` ((table, row id) → changed fields) and `inserts` (table → new rows) in
    one transaction (the caller's, when one is open); returns how many rows were written."""
    written = 0
    with ledger.transaction():
        for (table, row_id), fields in updates.items():
            if fields and ledger.update(table, row_id, dict(fields)) is not None:
                written += 1
        tables = [t for t in _ORDER if t in inserts] + [t for t in inserts if t not in _ORDER]
        if any(inserts.values()):
            with ledger.bulk_inserter() as bulk:
                for table in tables:
                    rows = _dedupe(inserts[table])
                    written += len(bulk.insert_many(table, rows))
    return written


def _dedupe(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per id (two sheet rows may both add the same month's status of one person)."""
    seen: dict[str, dict[str, Any]] = {}
    for row in rows:
        seen[row["id"]] = row
    return list(seen.values())


class NewRows:
    """The bulk path of an import's new persons: each batch logged and written (on the
    inserter's thread when threaded) while the importer checks the next."""

    def __init__(self, bulk: BulkInserter) -> None:
        self._bulk = bulk

    def people(
        self,
        persons: Sequence[dict[str, Any]],
        categories: Sequence[dict[str, Any]],
        spells: Sequence[dict[str, Any]],
        statuses: Sequence[dict[str, Any]],
    ) -> None:
        """New persons with their categories, current jobs and this month's status."""
        for table, rows in (
            ("persons", persons),
            ("person_categories", categories),
            ("employment_spells", spells),
            ("monthly_status", statuses),
        ):
            self._bulk.insert_many(table, rows)

    def places(self, areas: Sequence[dict[str, Any]], households: Sequence[dict[str, Any]]) -> None:
        """The areas and households the new persons live in (written last, once complete)."""
        self._bulk.insert_many("areas", areas)
        self._bulk.insert_many("households", households)


@contextmanager
def new_rows(ledger: Ledger, *, threaded: bool = False) -> Iterator[NewRows]:
    """`NewRows` inside the caller's open transaction (see `Ledger.bulk_inserter`)."""
    with ledger.bulk_inserter(threaded=threaded) as bulk:
        yield NewRows(bulk)
