"""A claim or batch is found by the number its papers print (申请编号、批次编号, `KMTAX-1234`)
as well as by its id, and a row's id is whatever its creating change says (any text up to 100
characters). A tampered program made a claim whose *id* is the number printed on another
claim's 申请表, and a batch whose id is another batch's 批次编号: the lookups tried the id
first, so `fieldapp claim advance KMTAX-1234`, typed off the honest claim's paper, moved the
forged claim on, and `print roster --batch …` printed the forged batch's list. Now a new claim
or batch whose id reads as a number is refused at the door and held at the hub
(`numbered_id`), and a typed number is looked up by number only, so one already on a ledger
never answers for it."""

from __future__ import annotations

import pytest

from fieldapp.domain.claims import Batch
from fieldapp.services.actor import actor_of
from fieldapp.services.trust_check import TrustRefused
from fieldapp.services.writer import writing
from fieldapp.store.queries.claims import ClaimQueries
from tests.policy.helpers import HOME
from tests.sync.hostile import both_ways_judged, forge
from tests.sync.raised_figure import _copy, _december, village  # noqa: F401

pytestmark = pytest.mark.today("2027-03-01")


def _batch(device) -> str:
    with device.transaction():
        return device.insert(
            "batches", {"rule_id": "welfare_post_subsidy", "area_code": HOME, "title": "十二月"}
        )


def test_a_claim_or_batch_whose_id_is_another_ones_number_is_held(village, hub):  # noqa: F811
    """赵六's December claim and 红星村's batch reach the hub with their numbers; the tampered
    program then makes a November claim whose id is December's 申请编号 and a batch whose id
    is the batch's 批次编号. Both are held (`numbered_id`); the laptop that forged them (which
    holds them) still finds the honest claim and batch by their numbers, typed as on paper."""
    december = _december(village)
    batch_id = _batch(village)
    village.exchange()
    queries = ClaimQueries(hub.ledger)
    claim_number, batch_number = queries.get(december.id).number, queries.batch(batch_id).number
    assert claim_number and batch_number
    row = _copy(village, december.id)
    november = row | {"claim_date": "2026-11-30",
                      "limit_key": row["limit_key"].replace("2026-12", "2026-11")}  # fmt: skip
    forged = [
        forge(village, "claims", claim_number, november),
        forge(
            village,
            "batches",
            batch_number,
            {"rule_id": "welfare_post_subsidy", "area_code": HOME, "title": "伪"},
        ),  # fmt: skip
    ]
    with both_ways_judged():
        village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    for change in forged:
        assert held[change.id].rule == "numbered_id", held[change.id].reason
        assert change.row_id in held[change.id].reason, held[change.id].reason
    assert hub.ledger.get("claims", claim_number) is None
    assert hub.ledger.get("batches", batch_number) is None
    # The forging laptop holds both rows; a number typed off a paper finds the honest ones.
    assert village.get("claims", claim_number) is not None
    mine = ClaimQueries(village)
    for typed in (claim_number, f" {claim_number.lower()} ", claim_number.replace("-", "－")):
        assert mine.get(typed).id == december.id
    assert mine.batch(batch_number).id == batch_id


def test_the_village_device_refuses_a_claim_or_batch_with_a_numbers_id(village):  # noqa: F811
    """The write door refuses a new batch (claim) whose id reads as a number, however it is
    typed: lower case, a full-width dash."""
    for row_id in ("ABCDE-12", "abcde-7", "ABCDE－3"):
        with pytest.raises(TrustRefused) as refused, writing(village, actor_of(village)) as w:
            w.insert(Batch(id=row_id, rule_id="welfare_post_subsidy", area_code=HOME, title="x"))
        assert refused.value.rule == "numbered_id", str(refused.value)
        assert village.get("batches", row_id) is None
