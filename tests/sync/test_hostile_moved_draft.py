"""A draft claim goes along when its person moves (only a claim past the draft holds its person
in place, `claimed_moved`), and stays recorded where it was made (its area: 红星村's 公示表 and
batches). The village the person moved to may change the claim (a claim lies where its person
does), and `claim_area` — a claim lies where its person's household does — was asked only of a
change of the claim's area or person: 白云村 submitted (and reviewed) 红星村's draft as it was,
a claim on its way to payment on 红星村's lists for a person 红星村 no longer holds and cannot
reach, reviewed by a village it is not listed in — what `claimed_moved` and `claim_area` are
for. Passing a claim on (提交, 村审核, 乡镇审核) below the county is now judged by `claim_area`
too; rejecting it is not (the new village may reject a stray claim)."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.claims import ClaimState
from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import policy_in_force
from fieldapp.services.trust_check import TrustRefused
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.policy.helpers import HOME
from tests.sync import raised_figure as figures
from tests.sync.hostile import forge
from tests.sync.raised_figure import NEIGHBOUR, NUMBER
from tests.sync.test_hostile_claims import _write

pytestmark = pytest.mark.today("2027-03-01")

#: 红星村's laptop holding 赵六 (a 公益性岗位 since July 2026) and the county's 2027 pack.
village = figures.village


@pytest.fixture
def moved(village, hub, make_device, tmp_path):
    """赵六's December draft made in 红星村, his household then moved to 白云村 (a draft does
    not hold him in place); 白云村's laptop, synced."""
    draft = ClaimService(village, policy_in_force(village)).create(
        NUMBER, "welfare_post_subsidy", on=dt.date(2026, 12, 31)
    )
    household = village.get("persons", draft.person_id)["household_id"]
    _write(village, "households", household, {"area_code": NEIGHBOUR})
    village.exchange()
    assert hub.rejected() == []
    assert hub.ledger.get("claims", draft.id)["area_code"] == HOME
    baiyun = make_device("白云村", NEIGHBOUR)
    counter = iter(range(1000))

    def exchange() -> None:
        hub.import_file(export_bundle(baiyun, tmp_path / f"by-up{next(counter)}.fs").path)
        import_bundle(baiyun, hub.export_for("白云村", tmp_path / f"by-dn{next(counter)}.fs").path)

    exchange()
    baiyun.exchange = exchange  # type: ignore[attr-defined]
    return baiyun, draft


def test_the_new_village_passing_on_a_draft_left_in_the_old_is_held(moved, hub):
    """A tampered 白云村 program submits and reviews 红星村's draft: both held (`claim_area`),
    the claim stays a draft in 红星村."""
    baiyun, draft = moved
    submitted = forge(baiyun, "claims", draft.id, {"state": ClaimState.SUBMITTED.value,
                                                   "missing_evidence_reason": "材料后补"})  # fmt: skip
    reviewed = forge(baiyun, "claims", draft.id, {"state": ClaimState.VILLAGE_REVIEWED.value},
                     parents={"state": [submitted.id]})  # fmt: skip
    baiyun.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert held[submitted.id].rule == "claim_area", held[submitted.id].reason
    why = held[submitted.id].reason
    assert "赵六" in why and "红星村" in why and "公示表" in why, why
    assert reviewed.id in held
    assert hub.ledger.get("claims", draft.id)["state"] == ClaimState.DRAFT.value


def test_the_new_village_may_reject_a_stray_claim(moved, hub):
    """Rejecting it stops it (nothing is paid): the new village's rejection lands. (A draft is
    rejected by its deletion, and a submitted claim by 驳回; one submitted before the move
    holds its person in place, so the 驳回 here comes of the county's own move.)"""
    baiyun, draft = moved
    with hub.ledger.transaction():
        hub.ledger.update("claims", draft.id, {"state": ClaimState.SUBMITTED.value})
    baiyun.exchange()
    rejected = forge(baiyun, "claims", draft.id, {"state": ClaimState.REJECTED.value,
                                                  "reason": "已迁入本村，请原村核对"})  # fmt: skip
    baiyun.exchange()
    assert rejected.id not in {h.change_id for h in hub.rejected()}
    assert hub.ledger.get("claims", draft.id)["state"] == ClaimState.REJECTED.value


def test_the_new_villages_write_door_refuses_to_pass_it_on(moved, hub):
    """The write door says the claim is recorded in 红星村 while he lives in 白云村."""
    baiyun, draft = moved
    if baiyun.get("claims", draft.id) is None:
        pytest.skip("the draft does not reach 白云村's laptop")
    with pytest.raises(TrustRefused) as refused:
        _write(baiyun, "claims", draft.id, {"state": ClaimState.SUBMITTED.value,
                                             "missing_evidence_reason": "材料后补"})  # fmt: skip
    assert refused.value.rule == "claim_area"
    assert "红星村" in str(refused.value)
