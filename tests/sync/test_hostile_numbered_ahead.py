"""A claim or batch made with a stamp far ahead of every clock. Its printed number is read from
the change that made it (`numbers.row_number`), and a change stamped before that one takes its
place (`numbered_first`). An honest laptop's clock moves past every change it receives — but
not past one more than a day ahead of its own (`hlc.MAX_DRIFT_MS`, so a laptop with a wrong
year cannot drag everyone's clocks). A tampered 红星村 program made a batch stamped a month
ahead (its 申请日期 kept as today's, so nothing judged the stamp): it landed at the hub, and
then every honest change of it was stamped before it — the second 红星村 laptop's held as
`numbered_first`, the county's own at the hub taken as the batch's first change, its 批次编号
turned into the hub's. Now such a claim or batch is held when it arrives (`numbered_ahead`);
within the day the clocks follow it, and it lands."""

from __future__ import annotations

import time

from fieldapp.domain.dates import today
from fieldapp.store.hlc import MAX_DRIFT_MS, format_stamp
from fieldapp.store.queries.claims import ClaimQueries
from tests.helpers.hostile_county import claim
from tests.helpers.stamps import _month_ahead
from tests.sync.helpers import VILLAGE
from tests.sync.hostile import forge


def _batch(title: str) -> dict:
    return {"rule_id": "transport_cross_county", "area_code": VILLAGE, "title": title}


def test_a_claim_or_batch_made_a_month_ahead_is_held_and_its_number_stays(county, hub):  # noqa: F811
    village, second, mine = county["village"], county["second"], county["mine"]
    ahead = _month_ahead()
    batch = forge(village, "batches", "ahead-batch", _batch("十二月"), hlc=ahead)
    made = forge(
        village, "claims", "ahead-claim", claim(mine) | {"applied_on": str(today())}, hlc=ahead
    )
    near = format_stamp(int(time.time() * 1000) + MAX_DRIFT_MS // 2, 0)
    fine = forge(village, "batches", "near-batch", _batch("十一月"), hlc=near)
    village.update("persons", mine, {"notes": "批次已建"})
    county["exchange"](village, "红星村")
    held = {h.change_id: (h.rule, h.reason) for h in hub.rejected()}
    assert held.get(batch.id, ("",))[0] == "numbered_ahead", held
    assert held.get(made.id, ("",))[0] == "numbered_ahead", held
    assert "批次编号" in held[batch.id][1] and "申请编号" in held[made.id][1], held
    assert hub.ledger.get("batches", "ahead-batch") is None
    assert hub.ledger.get("claims", "ahead-claim") is None
    assert fine.id not in held and hub.ledger.get("batches", "near-batch") is not None
    assert hub.ledger.get("persons", mine)["notes"] == "批次已建"
    # Within a day, the clocks follow it: the second laptop's edit lands, the number stays.
    number = ClaimQueries(hub.ledger).batch("near-batch").number
    county["exchange"](second, "红星村二号")
    with second.transaction():
        second.update("batches", "near-batch", {"title": "十一月（二）"})
    county["exchange"](second, "红星村二号")
    assert not [h for h in hub.rejected() if h.device == "红星村二号"]
    assert hub.ledger.get("batches", "near-batch")["title"] == "十一月（二）"
    assert ClaimQueries(hub.ledger).batch("near-batch").number == number
