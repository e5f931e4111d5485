"""Checks re-run at the hub on merged data: the same person entered twice (one ID number on
two live rows) and one-time subsidies claimed twice (two devices offline), for review."""

from __future__ import annotations

from fieldapp.domain.errors import FieldappError
from fieldapp.domain.idnumber import mask
from fieldapp.domain.places_said import say_place
from fieldapp.policy.guard import find_limit_violations
from fieldapp.policy.pack import Policy
from fieldapp.reference import divisions
from fieldapp.store import replica
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.areas import listed_places
from fieldapp.store.queries.claims import ClaimQueries


def find_violations(ledger: Ledger) -> list[dict[str, object]]:
    """Every violation as a dict: kind, Chinese message, the rows involved, who entered them."""
    found: list[dict[str, object]] = []
    for number, ids in replica.duplicate_id_numbers(ledger.db):
        rows = [ledger.get("persons", i) or {} for i in ids]
        places = []
        listed = listed_places(ledger)
        for row in rows:
            household = ledger.get("households", row.get("household_id") or "")
            place = (
                say_place(household["area_code"], divisions(), listed) if household else "未分户"
            )
            # 姓名@设备名称, as the device's enrolment signs it (its id is for machines)
            places.append(f"{row.get('name')}（{place}，{row.get('created_by') or '未知'} 录入）")
        found.append(
            {
                "kind": "duplicate_id",
                "message": f"身份证号 {mask(number)} 在台账中登记了 {len(ids)} 次："
                + "；".join(places),
                "rows": ids,
            }
        )
    for violation in find_limit_violations(ClaimQueries(ledger).all(), _policy(ledger)):
        found.append(
            {
                "kind": "limit",
                "message": violation.message,
                "rows": [violation.first.id, violation.repeat.id],
            }
        )
    return found


def _policy(ledger: Ledger) -> Policy | None:
    """The pack in force (it names a subsidy a claim carries no title of), None when unread."""
    from fieldapp.services.policy_admin import policy_in_force

    try:
        return policy_in_force(ledger)
    except FieldappError:
        return None
