"""A person's full history: every field change, old → new, who, when, on which device."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from fieldapp.store.hlc import stamp_to_iso
from fieldapp.store.ledger import Ledger

#: Tables whose rows hang off a person by `person_id`.
PERSON_CHILD_TABLES = (
    "person_categories",
    "employment_spells",
    "unemployment_registrations",
    "services",
    "monthly_status",
    "visits",
)

#: Chinese names of tables for display.
TABLE_LABELS = {
    "persons": "人员信息",
    "households": "户信息",
    "person_categories": "人员类别",
    "employment_spells": "就业经历",
    "unemployment_registrations": "失业登记",
    "services": "服务记录",
    "monthly_status": "月度状态",
    "visits": "走访记录",
    "areas": "区域",
    "claims": "补贴申领",
    "claim_events": "申领审核记录",
    "batches": "申领批次",
}


@dataclass(frozen=True)
class FieldChange:
    """One field's change in a record's history."""

    at: str
    hlc: str
    author: str
    device_id: str
    change_id: str
    table: str
    row_id: str
    field: str
    old: Any
    new: Any

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly form."""
        return dict(self.__dict__)


def row_history(ledger: Ledger, row_ids: list[str]) -> list[FieldChange]:
    """Every field change of the given rows, oldest first, with the value before each."""
    if not row_ids:
        return []
    marks = ",".join("?" for _ in row_ids)
    rows = ledger.db.execute(
        f"SELECT device_id, seq, hlc, author, tbl, row_id, data FROM changes "
        f"WHERE row_id IN ({marks}) ORDER BY hlc, device_id, seq",
        row_ids,
    ).fetchall()
    last: dict[tuple[str, str], Any] = {}
    out: list[FieldChange] = []
    for device_id, seq, hlc, author, tbl, row_id, data in rows:
        for field, new in sorted(json.loads(data).items()):
            old = last.get((row_id, field))
            last[(row_id, field)] = new
            if old is None and new in (None, "", False):
                continue
            out.append(
                FieldChange(
                    stamp_to_iso(hlc),
                    hlc,
                    author,
                    device_id,
                    f"{device_id}:{seq}",
                    tbl,
                    row_id,
                    field,
                    old,
                    new,
                )
            )
    return out


def person_history(
    ledger: Ledger, person_id: str, household_id: str | None = None
) -> list[FieldChange]:
    """The person's own fields and every record that hangs off them; given their household,
    its visits to the whole household (全户) too."""
    ids = [person_id]
    if household_id:
        ids += [
            r[0]
            for r in ledger.db.execute(
                "SELECT id FROM visits WHERE household_id = ? AND person_id IS NULL",
                [household_id],
            ).fetchall()
        ]
    for table in PERSON_CHILD_TABLES:
        ids += [
            r[0]
            for r in ledger.db.execute(
                f"SELECT id FROM [{table}] WHERE person_id = ?", [person_id]
            ).fetchall()
        ]
    return row_history(ledger, ids)
