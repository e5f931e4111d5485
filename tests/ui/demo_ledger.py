"""What the UI tests look up in the demo ledger."""

from __future__ import annotations


def biggest_village(ledger) -> str:
    return ledger.db.execute(
        "SELECT h.area_code FROM households h JOIN persons p ON p.household_id = h.id "
        "GROUP BY substr(h.area_code, 1, 12) ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0][:12]
