"""Writing what a spreadsheet import planned: new rows and cell changes, through the one door.

The tabular room reads and checks a workbook and plans its changes (`fieldapp.tabular`); this
writes them with the import's `Writer` (`fieldapp.services.writer`), inside its one transaction,
so every row passes the same trust check as a dialog's single write and the import's change set
names everything it wrote. New persons go through `new_people` (the bulk path: the same log, the
same projection); the updates of persons the ledger had and the extra sheets' records through
`apply_import`, each changed row one logged edit holding only its changed fields. Which cells to
write (conflicts left out unless the user decided for the sheet) is the planner's decision; this
only writes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import islice
from typing import Any

from fieldapp.domain.models import (
    Area,
    CategoryMembership,
    EmploymentSpell,
    Household,
    MonthlyStatus,
    Person,
)
from fieldapp.services.writer import CheckedBulkInserter, Writer, model_of

#: New rows handed to the store at a time by `apply_import`.
INSERT_BATCH = 5000
#: Parents before children: a person names their household (the hub judges a person by it),
#: a service its visit, a month's status its spell.
_ORDER = ("households", "persons", "person_categories", "employment_spells", "visits")


#: A new row packed flat: its table, its keys (one tuple shared by the rows of its shape, "id"
#: among them), then its values. An import keeps its new rows for the preview; a dict each
#: cost five times this, and a tuple of the values beside one of the keys and values a third
#: more.
Packed = tuple[Any, ...]


def apply_import(
    writer: Writer,
    updates: Mapping[tuple[str, str], Mapping[str, Any]],
    inserts: Mapping[str, Sequence[Packed]],
) -> int:
    """Write `updates` ((table, row id) → changed fields) and `inserts` (table → its new rows,
    `Packed`) with the import's writer; returns how many rows were written. A batch's rows are
    made dicts for the store as it is written, and let go after. An error is the whole
    transaction's to roll back (no savepoint: `Writer.bulk`)."""
    written = 0
    # Each table's updates in one go (the store's bulk path, every row checked as a single
    # write is): a monthly sheet changes one or two fields of tens of thousands of rows.
    by_table: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
    for (table, row_id), fields in updates.items():
        if fields:
            by_table.setdefault(table, []).append((row_id, fields))
    for table, changed in by_table.items():
        written += sum(change is not None for change in writer.update_rows(table, changed))
    tables = [t for t in _ORDER if t in inserts] + [t for t in inserts if t not in _ORDER]
    if any(inserts.values()):
        # Threaded (where the writer's check reads nothing, `Writer.bulk`): SQLite writes a
        # batch while the next is laid out.
        # No savepoint of its own (`undo`): an import is written whole or not at all.
        with writer.bulk(threaded=True, undo=False) as bulk:
            for table in tables:
                rows = _dedupe(inserts[table])
                model = model_of(table)
                # In batches: the store lays out a batch's log entries and columns whole, and a
                # workbook's 月度状态 sheet alone may add hundreds of thousands of rows.
                for start in range(0, len(rows), INSERT_BATCH):
                    batch = [
                        dict(zip(record[1], islice(record, 2, None), strict=True))
                        for record in rows[start : start + INSERT_BATCH]
                    ]
                    written += len(bulk.insert_many(model, batch))
    return written


def _dedupe(rows: Sequence[Packed]) -> list[Packed]:
    """One row per id (two sheet rows may both add the same month's status of one person):
    the last one given, where the first was."""
    seen: dict[str, Packed] = {}
    for record in rows:
        seen[record[2 + record[1].index("id")]] = record
    return list(seen.values())


class NewPeople:
    """The bulk path of an import's new persons: each batch checked, logged and written (on the
    inserter's thread when threaded) while the importer checks the next."""

    def __init__(self, bulk: CheckedBulkInserter) -> None:
        self._bulk = bulk

    def people(
        self, persons: Sequence[dict[str, Any]], categories: Sequence[dict[str, Any]]
    ) -> None:
        """New persons with their categories."""
        self._bulk.insert_many(Person, persons)
        self._bulk.insert_many(CategoryMembership, categories)

    def jobs(self, spells: Sequence[dict[str, Any]]) -> None:
        """The new persons' current jobs (once every sheet is read: another may complete
        them), before the statuses that name them."""
        for start in range(0, len(spells), INSERT_BATCH):
            self._bulk.insert_many(EmploymentSpell, spells[start : start + INSERT_BATCH])

    def statuses(self, rows: Sequence[dict[str, Any]]) -> None:
        """The new persons' statuses this month."""
        for start in range(0, len(rows), INSERT_BATCH):
            self._bulk.insert_many(MonthlyStatus, rows[start : start + INSERT_BATCH])

    def places(self, areas: Sequence[dict[str, Any]], households: Sequence[dict[str, Any]]) -> None:
        """The areas and households the new persons live in (written last, once complete: an
        enrolled device's check judges the persons again then, and the hub takes a person
        whose household comes later in the same bundle, `trust_check.screen`)."""
        self._bulk.insert_many(Area, areas)
        self._bulk.insert_many(Household, households)


@contextmanager
def new_people(writer: Writer, *, threaded: bool = False) -> Iterator[NewPeople]:
    """`NewPeople` in the writer's open transaction (see `Ledger.bulk_inserter`): threaded, the
    inserter's thread owns the connection until the block ends (read through another). Its
    rows are taken back only with that whole transaction (no savepoint: `Writer.bulk`)."""
    with writer.bulk(threaded=threaded, undo=False) as bulk:
        yield NewPeople(bulk)
