"""Writing what a spreadsheet import planned: cell changes and new rows, as logged edits.

The tabular room reads and checks a workbook and plans (`fieldapp.tabular.ledger_update`);
this writes the plan through the ledger's one write path, inside the import's transaction:
each changed row is one logged `update` holding only its changed fields; new rows go through
the bulk inserter (the same log). A conflicting cell (the ledger changed it after the sheet's
date) is written only when the user decided for the sheet (`take_sheet`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import Any

from fieldapp.store.ledger import Ledger
from fieldapp.tabular.ledger_update import RowPlan


def apply_plans(ledger: Ledger, plans: Iterable[RowPlan], take_sheet: Collection[str] = ()) -> int:
    """Write the plans' changes and new rows; returns how many rows were changed or added."""
    updates: dict[tuple[str, str], dict[str, Any]] = defaultdict(dict)
    inserts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for plan in plans:
        for change in plan.changes:
            if change.conflict is None or change.key in take_sheet:
                updates[(change.table, change.row_id)][change.field] = change.new
        for table, row in plan.inserts:
            inserts[table].append(row)
    with ledger.transaction():
        for (table, row_id), fields in updates.items():
            ledger.update(table, row_id, fields)
        if inserts:
            with ledger.bulk_inserter() as bulk:
                # Parents first: a service names its visit, a status its spell.
                for table in ("employment_spells", "visits", *inserts):
                    rows = inserts.pop(table, None)
                    if rows:
                        bulk.insert_many(table, _dedupe(rows))
    return len(updates) + sum(len(r) for r in inserts.values())


def _dedupe(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per id (two sheet rows may both add this month's status of one person)."""
    seen: dict[str, dict[str, Any]] = {}
    for row in rows:
        seen[row["id"]] = row
    return list(seen.values())
