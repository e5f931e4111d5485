"""A subsidy is paid once by the person's 身份证号 (the repeat checks find a person's other rows
and their claims by it). A tampered program changed the ID number of 王五, whose 培训生活费补贴
was submitted, entered a second 王五 holding his real number with the same training, and
claimed it again: the first claim's row no longer held the number, so the second was no
repeat and both were paid (虚报冒领). Changing the ID number of a person with a claim past the
draft (submitted, in review, approved or paid) is now the county's to do: the village's
program refuses it, saying so, and the hub holds it (`claimed_id`) — and so the second claim,
its namesake's still there, is held as the repeat it is. A draft's, a rejected claim's person,
and the county correcting a number, go on as before."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.claims import ClaimState
from fieldapp.domain.models import Person
from fieldapp.services import persons
from fieldapp.services.actor import actor_of
from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import policy_in_force
from fieldapp.services.trust_check import TrustRefused
from tests.conftest import make_id
from tests.sync import event_village
from tests.sync.event_village import _county_device, _edit
from tests.sync.test_hostile_events import held_claims
from tests.sync.test_hostile_namesake_event import _claim_on, _namesake_training

village = event_village.village

#: Another valid number of the same birthday: a typo's correction, or a tampered program's.
OTHER_NUMBER = make_id(seq="135")


def _submitted_training(device) -> tuple[str, str]:
    """王五's 培训生活费补贴, submitted (on its way to payment): (claim id, his person id)."""
    service = ClaimService(device, policy_in_force(device))
    course = service.create(device.ids["worker"], "training_living", on=dt.date(2025, 10, 20))
    service.advance(course.id, ClaimState.SUBMITTED, "材料后补")
    return course.id, course.person_id


def _renumbering_held(hub) -> list[str]:
    """The rules holding a change to the other number (the fixture's own early rows aside)."""
    return [h.rule for h in hub.rejected() if h.change.data.get("id_number") == OTHER_NUMBER]


def _renumbered(device, person_id: str, number: str):
    """Save the person with another ID number as the person editor does."""
    person = Person.model_validate(device.get("persons", person_id))
    return persons.save(
        device,
        actor_of(device),
        person.model_copy(update={"id_number": number}),
        loaded=person,
        confirmed=True,
    )


def test_the_number_of_a_person_claimed_for_is_held_and_the_claim_again_with_it(village, hub):
    village.exchange()
    claim_id, worker = _submitted_training(village)
    village.exchange()
    number = village.get("persons", worker)["id_number"]
    twin, copy_course = _namesake_training(village, worker, "renum-a")
    renumbered = _edit(village, "persons", worker, {"id_number": OTHER_NUMBER})
    again = _claim_on(village, claim_id, twin, copy_course, "renum-a", "已提交")
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert held[renumbered.id].rule == "claimed_id", held[renumbered.id].reason
    reason = held[renumbered.id].reason
    assert "王五" in reason and "已提交" in reason and "县" in reason, reason
    assert hub.ledger.get("persons", worker)["id_number"] == number
    (repeat,) = held_claims(hub)
    assert (repeat.change_id, repeat.rule) == (again.id, "claim_repeat"), repeat.reason
    assert hub.ledger.get("claims", again.row_id) is None
    assert hub.ledger.get("claims", claim_id)["state"] == "已提交"


def test_the_village_program_refuses_the_number_saying_who_corrects_it(village, hub):
    claim_id, worker = _submitted_training(village)
    number = village.get("persons", worker)["id_number"]
    with pytest.raises(TrustRefused) as refused:
        _renumbered(village, worker, OTHER_NUMBER)
    assert refused.value.rule == "claimed_id"
    said = str(refused.value)
    assert "王五" in said and "培训生活费补贴" in said and "已提交" in said, said
    assert "县里" in said and "驳回" in said, said
    assert village.get("persons", worker)["id_number"] == number
    # Rejected, the claim pays nothing: the number is corrected as before.
    ClaimService(village, policy_in_force(village)).advance(
        claim_id, ClaimState.REJECTED, "身份证号码有误"
    )
    _renumbered(village, worker, OTHER_NUMBER)
    assert village.get("persons", worker)["id_number"] == OTHER_NUMBER
    village.exchange()
    assert _renumbering_held(hub) == []
    assert hub.ledger.get("persons", worker)["id_number"] == OTHER_NUMBER


def test_a_draft_leaves_the_number_free(village, hub):
    """A draft is not passed on and pays nothing: a typo found while filling it in is
    corrected there and then."""
    service = ClaimService(village, policy_in_force(village))
    draft = service.create(village.ids["worker"], "training_living", on=dt.date(2025, 10, 20))
    _renumbered(village, draft.person_id, OTHER_NUMBER)
    village.exchange()
    assert _renumbering_held(hub) == []
    assert hub.ledger.get("persons", draft.person_id)["id_number"] == OTHER_NUMBER


def test_the_county_corrects_the_number(village, hub, tmp_path):
    """The county office's desktop corrects a claimed person's number, and it lands."""
    from fieldapp.sync.exchange import export_bundle, import_bundle

    village.exchange()
    _, worker = _submitted_training(village)
    village.exchange()
    county = _county_device(tmp_path, hub)
    import_bundle(county, hub.export_for("县人社局", tmp_path / "down.fs").path)
    _renumbered(county, worker, OTHER_NUMBER)
    hub.import_file(export_bundle(county, tmp_path / "up.fs").path)
    assert [h.rule for h in hub.rejected() if h.device == "县人社局"] == []
    assert hub.ledger.get("persons", worker)["id_number"] == OTHER_NUMBER
