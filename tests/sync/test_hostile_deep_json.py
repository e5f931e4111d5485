"""A claim keeps two JSON texts: its frozen facts (`facts`) and its checklist of papers
(`evidence`). Python reads JSON nested a few thousand levels deep only to raise RecursionError,
which no reader caught (they catch ValueError): a tampered 红星村 program's claim whose 材料
checklist was 3000 brackets deep landed at the hub and went to every device above the village,
where the claim list's 缺少材料 column, the 申请表 and the county's commands read it and fail;
one whose facts were nested so stopped its sender's whole bundle at the hub. Now such a text is
held as malformed (the bundle's honest change lands) and refused at the write door, and a
checklist or facts already stored so read as empty."""

from __future__ import annotations

import pytest

from fieldapp.domain.claims import Claim, QualifyingFacts
from fieldapp.services.actor import actor_of
from fieldapp.services.trust_check import TrustRefused
from fieldapp.services.writer import writing
from fieldapp.store.ledger import natural_id
from tests.sync.hostile import forge
from tests.sync.raised_figure import _copy, _december, village  # noqa: F401

DEEP = "[" * 3000 + "]" * 3000
DEEP_OBJECT = '{"a":' * 3000 + "1" + "}" * 3000

pytestmark = pytest.mark.today("2027-03-01")


def test_a_claim_with_json_nested_past_reading_is_held_and_the_bundle_lands(village, hub):  # noqa: F811
    december = _december(village)
    village.exchange()
    row = _copy(village, december.id)
    november = row | {"claim_date": "2026-11-30", "facts": DEEP_OBJECT,
                      "limit_key": row["limit_key"].replace("2026-12", "2026-11")}  # fmt: skip
    forged = [
        forge(village, "claims", december.id, {"evidence": DEEP}),
        forge(village, "claims", natural_id("claims", "deep", "nov"), november),
    ]
    with village.transaction():
        village.update("claims", december.id, {"missing_evidence_reason": "材料后补"})
    village.exchange()
    held = {h.change_id: (h.rule, h.reason) for h in hub.rejected()}
    assert {held[c.id][0] for c in forged} == {"malformed"}, held
    stored = hub.ledger.get("claims", december.id)
    assert stored["missing_evidence_reason"] == "材料后补" and stored["evidence"] != DEEP


def test_the_write_door_refuses_it_and_a_stored_one_reads_as_empty(village):  # noqa: F811
    december = _december(village)
    for data in ({"evidence": DEEP}, {"facts": DEEP_OBJECT}):
        with pytest.raises(TrustRefused) as refused, writing(village, actor_of(village)) as w:
            w.update_row("claims", december.id, data)
        assert refused.value.rule == "malformed", str(refused.value)
    kept = Claim.model_validate(village.get("claims", december.id) | {"evidence": DEEP})
    assert kept.evidence_items() == {} and kept.missing_evidence() == []
    assert QualifyingFacts.from_stored(DEEP_OBJECT) == QualifyingFacts()
