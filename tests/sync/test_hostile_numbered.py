"""The 申请编号 / 批次编号 a paper prints is read from the change that made its claim or batch
(`numbers.row_number`): a change of the row stamped before that one would take its place, and
the number printed on the 申请表, 花名册 and the posted 公示表 would name nothing. The hub holds
such a change (`numbered_first`), whichever field it sets; an honest device never stamps one
(its clock moves past every change it holds)."""

from __future__ import annotations

import datetime as dt

from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import policy_in_force
from fieldapp.store.hlc import format_stamp, parse_stamp
from fieldapp.store.queries.claims import ClaimQueries
from tests.policy.helpers import HOME
from tests.sync.event_village import village  # noqa: F401
from tests.sync.hostile import both_ways_judged, forge


def test_a_change_stamped_before_its_claim_or_batch_was_made_is_held(village, hub):  # noqa: F811
    """红星村's draft claim for 王五 and a batch reach the hub; a tampered program then edits
    each with a stamp a second before it was made: both held, saying the number that would
    change; the hub's numbers stay, and an honest edit after them lands."""
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    claim = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    with village.transaction():
        batch_id = village.insert(
            "batches", {"rule_id": "transport_cross_county", "area_code": HOME, "title": "六月"}
        )
    village.exchange()
    queries = ClaimQueries(hub.ledger)
    numbers = (queries.get(claim.id).number, queries.batch(batch_id).number)
    assert all(numbers)
    forged = []
    for table, row_id, data in (
        ("claims", claim.id, {"missing_evidence_reason": "材料后补"}),
        ("batches", batch_id, {"title": "七月"}),
    ):
        wall, _counter = parse_stamp(village.get(table, row_id)["_ckey"].split("/")[0])
        heads = village.heads(table, row_id)
        forged.append(
            forge(
                village,
                table,
                row_id,
                data,
                parents={k: heads[k] for k in data if heads.get(k)},
                hlc=format_stamp(wall - 1000, 0),
            )  # fmt: skip
        )
    with both_ways_judged():
        village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    for change, number in zip(forged, numbers, strict=True):
        assert held[change.id].rule == "numbered_first", held[change.id].reason
        assert number in held[change.id].reason, held[change.id].reason
    assert "申请编号" in held[forged[0].id].reason and "批次编号" in held[forged[1].id].reason
    assert (queries.get(claim.id).number, queries.batch(batch_id).number) == numbers
    assert hub.ledger.get("batches", batch_id)["title"] == "六月"
    # Edited honestly (stamped now), the same fields land.
    with village.transaction():
        village.update("batches", batch_id, {"title": "八月"})
    village.exchange()
    assert hub.ledger.get("batches", batch_id)["title"] == "八月"
    assert queries.batch(batch_id).number == numbers[1]
