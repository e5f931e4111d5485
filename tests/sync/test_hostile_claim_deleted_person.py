"""A claim for a person the ledger no longer holds: a tampered village program deleted 王五 (no
claim of his waited, so the deletion lands) and sent a new claim for him — before, or in the
same bundle — and the hub took it: the claim stood for someone deleted (moved away, entered by
mistake), beyond the roster's reach yet counted and reviewable, and a claim on a row the
village then restores is paid as if never questioned (虚报冒领). The hub now holds a claim made
for (or passed on for) a deleted person (`claim_person`, `CLAIM_PERSON_DELETED`), and the
village's own write door refuses it."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.claims import Claim as ClaimModel
from fieldapp.domain.claims import ClaimState
from fieldapp.services.actor import actor_of
from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import policy_in_force
from fieldapp.services.trust_check import TrustRefused
from fieldapp.services.writer import writing
from fieldapp.store.ledger import natural_id
from tests.sync import event_village
from tests.sync.event_village import _edit
from tests.sync.hostile import forge
from tests.sync.test_hostile_events import _copy, held_claims

village = event_village.village


def _draft(device) -> tuple[str, dict]:
    """王五's 跨县交通补贴 made as the program makes it, then deleted (a draft: deleting him is
    allowed); its row as a tampered program sends a claim of its own."""
    service = ClaimService(device, policy_in_force(device))
    made = service.create(device.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    row = _copy(device, made.id)
    service.delete_draft(made.id)
    return made.person_id, row


def test_a_new_claim_for_a_person_deleted_in_the_same_bundle_is_held(village, hub):
    village.exchange()
    worker, row = _draft(village)
    village.exchange()
    gone = _edit(village, "persons", worker, {"deleted": 1})
    claim = forge(village, "claims", natural_id("claims", "forged", "gone"), row)
    village.exchange()
    assert hub.ledger.get("persons", worker)["deleted"]  # (no claim waited: it landed)
    assert gone.id not in {h.change_id for h in hub.rejected()}
    (held,) = held_claims(hub)
    assert (held.change_id, held.rule) == (claim.id, "claim_person"), held.reason
    assert "王五" in held.reason and "删除" in held.reason, held.reason
    assert hub.ledger.get("claims", claim.row_id) is None


def test_a_new_claim_for_a_person_deleted_before_is_held(village, hub):
    village.exchange()
    worker, row = _draft(village)
    _edit(village, "persons", worker, {"deleted": 1})
    village.exchange()
    claim = forge(village, "claims", natural_id("claims", "forged", "later"),
                  row | {"state": ClaimState.SUBMITTED.value})  # fmt: skip
    village.exchange()
    (held,) = held_claims(hub)
    assert (held.change_id, held.rule) == (claim.id, "claim_person"), held.reason
    assert hub.ledger.get("claims", claim.row_id) is None


def test_a_draft_of_a_deleted_person_is_not_passed_on(village, hub):
    """The draft made before 王五 was deleted stays a draft: submitted, it is held."""
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    made = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    village.exchange()
    _edit(village, "persons", made.person_id, {"deleted": 1})
    step = _edit(village, "claims", made.id, {"state": ClaimState.SUBMITTED.value})
    village.exchange()
    (held,) = held_claims(hub)
    assert (held.change_id, held.rule) == (step.id, "claim_person"), held.reason
    assert hub.ledger.get("claims", made.id)["state"] == ClaimState.DRAFT.value


def test_the_village_write_door_refuses_a_claim_for_a_deleted_person(village, hub):
    village.exchange()
    worker, row = _draft(village)
    _edit(village, "persons", worker, {"deleted": 1})
    with pytest.raises(TrustRefused) as refused:
        with writing(village, actor_of(village)) as writer:
            writer.insert(ClaimModel.model_validate(row))
    assert refused.value.rule == "claim_person", str(refused.value)
    assert "王五" in str(refused.value) and "删除" in str(refused.value), str(refused.value)


def test_the_county_reads_the_hold_as_a_deleted_persons(village, hub):
    """The held list (`hub rejected`, the devices' 被扣下的修改) heads each hold with its rule's
    name: a claim held for a deleted person was headed “申领的姓名、身份证号码不是本人的”, which
    sends the county to check a name and ID number that are right."""
    from fieldapp.hub.rejected import as_item

    village.exchange()
    worker, row = _draft(village)
    _edit(village, "persons", worker, {"deleted": 1})
    village.exchange()
    forge(village, "claims", natural_id("claims", "forged", "label"), row)
    village.exchange()
    (held,) = held_claims(hub)
    label = as_item(held)["rule_label"]
    assert "删除" in label, label
