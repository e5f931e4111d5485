"""A claim's `limit_kind` (how often its subsidy is paid: once per job, per month …) is written
by the laptop that makes it, and the hub's repeat and job checks read it from the claim:

- a job (training) recorded twice under two ids is one job: a claim on the copy, of a subsidy
  paid once per job, is a repeat (`twin_claim`, `claim_repeat`) — asked only of a claim whose
  `limit_kind` says once per job;
- a month's post subsidy holds its post: the post's end put back before the month claimed is
  held (`claimed_event`) — asked only of a claim whose `limit_kind` says by the month.

A tampered program wrote the copy's claim (or the month's claim) with no `limit_kind`, or
another one: both checks passed it over, the one training was paid twice, the post was ended
before the month it was paid for. Both checks now ask how often a claim is paid of its rule in
the policy (`trust_check.limit_kind_of`), never of the claim: what it says changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from fieldapp.domain.claims import ClaimState
from fieldapp.domain.models import ServiceRecord
from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import policy_in_force
from fieldapp.store.ledger import natural_id
from tests.records import Records
from tests.sync import event_village, raised_figure
from tests.sync.event_village import _edit
from tests.sync.hostile import forge
from tests.sync.test_hostile_events import _copy, held_claims

#: 红星村 with 王五 trained from 2025-10-09 (10 days), the county's figures.
village = event_village.village
#: 红星村 with 赵六 on a 公益性岗位 since July 2026, the county's 2027 pack.
post_village = raised_figure.village


@pytest.mark.parametrize("kind", ["", "once_ever", "按次"], ids=["blank", "once_ever", "words"])
def test_a_copied_trainings_claim_saying_another_limit_is_held(village, hub, kind):
    """王五's 培训生活费补贴 (once per training) claimed and submitted; his training recorded
    again (same course, day and days) and claimed on the copy under a `limit_kind` that is not
    once per training: it landed past the repeat check, submitted and 村审核, one training
    paid twice. Held now as the repeat it is (`claim_repeat`), whatever it says."""
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    course = service.create(village.ids["worker"], "training_living", on=dt.date(2025, 10, 20))
    service.advance(course.id, ClaimState.SUBMITTED, "材料后补")
    village.exchange()
    first = course.facts.event_id
    with village.transaction():
        copy_course = Records(village).save(ServiceRecord(
            person_id=course.person_id, service_date=dt.date(2025, 10, 9),
            service_type="职业培训", training_days=10))  # fmt: skip
    facts = json.loads(village.get("claims", course.id)["facts"])
    twice = forge(village, "claims", natural_id("claims", "forged", f"copy-{kind}"),
                  _copy(village, course.id) | {"state": "已提交", "limit_kind": kind,
                  "facts": json.dumps(facts | {"event_id": copy_course}, ensure_ascii=False),
                  "limit_key": course.limit_key.replace(first, copy_course)})  # fmt: skip
    reviewed = forge(village, "claims", twice.row_id, {"state": "村审核"},
                     parents={"state": [twice.id]})  # fmt: skip
    village.exchange()
    held = {h.change_id: h for h in held_claims(hub)}
    assert twice.id in held, "the copy's claim landed"
    assert held[twice.id].rule == "claim_repeat", held[twice.id].reason
    why = held[twice.id].reason
    assert "王五" in why and "重复申领" in why and "同一次" in why, why
    assert reviewed.id in held
    assert hub.ledger.get("claims", twice.row_id) is None
    assert hub.ledger.get("claims", course.id)["state"] == "已提交"


@pytest.mark.today("2027-03-01")
def test_a_months_claim_saying_no_limit_does_not_free_its_post(post_village, hub):
    """赵六's December post subsidy, its draft's `limit_kind` cleared by a tampered program
    and then submitted: the post's end put back to November then landed (the month's check
    asked only of a claim saying it is paid by the month). The claim is paid by the month
    as its rule says: the back-dated end is held (`claimed_event`)."""
    from tests.sync.raised_figure import NUMBER

    service = ClaimService(post_village, policy_in_force(post_village))
    december = service.create(NUMBER, "welfare_post_subsidy", on=dt.date(2026, 12, 31))
    _edit(post_village, "claims", december.id, {"limit_kind": ""})
    service.advance(december.id, ClaimState.SUBMITTED, "材料后补")
    post_village.exchange()
    assert hub.rejected() == []
    assert hub.ledger.get("claims", december.id)["limit_kind"] == ""
    assert hub.ledger.get("claims", december.id)["state"] == "已提交"
    post = december.spell_id
    heads = post_village.heads("employment_spells", post)
    early = forge(post_village, "employment_spells", post, {"end_date": "2026-11-15"},
                  parents={"end_date": heads["end_date"]})  # fmt: skip
    post_village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert held[early.id].rule == "claimed_event", held[early.id].reason
    assert "结束日期2026年11月15日不能早于2026年12月1日" in held[early.id].reason
    assert hub.ledger.get("employment_spells", post)["end_date"] is None


@pytest.mark.today("2027-03-01")
def test_the_village_device_reads_a_months_claim_by_its_rule_too(post_village, hub):
    """The write door asks the same of the ledger's policy: a post whose month's claim says
    no limit is not ended before that month there either."""
    from fieldapp.services.trust_check import TrustRefused
    from tests.sync.raised_figure import NUMBER
    from tests.sync.test_hostile_claims import _write

    service = ClaimService(post_village, policy_in_force(post_village))
    december = service.create(NUMBER, "welfare_post_subsidy", on=dt.date(2026, 12, 31))
    _edit(post_village, "claims", december.id, {"limit_kind": "once_ever"})
    service.advance(december.id, ClaimState.SUBMITTED, "材料后补")
    with pytest.raises(TrustRefused) as refused:
        _write(post_village, "employment_spells", december.spell_id, {"end_date": "2026-11-15"})
    assert refused.value.rule == "claimed_event"


def test_an_honest_claim_writes_its_rules_limit_and_lands(village, hub):
    """The program writes the rule's own limit: a claim so made lands, as before."""
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    course = service.create(village.ids["worker"], "training_living", on=dt.date(2025, 10, 20))
    assert village.get("claims", course.id)["limit_kind"] == "once_per_spell"
    service.advance(course.id, ClaimState.SUBMITTED, "材料后补")
    village.exchange()
    assert held_claims(hub) == []
    assert hub.ledger.get("claims", course.id)["state"] == "已提交"
