"""One person entered twice (a second person row holding the same 身份证号, in another household
of the village) with the same training recorded on each row: 培训生活费补贴 is paid once per
training, its limit key holding the training row, so a claim on each row was two keys and both
were paid (重复享受、虚报冒领). A training (job) is one by its person's ID number and its own
facts (`eligibility.TWIN_FIELDS`: the same course, day and days; the same employer and start
day), whichever person row records it: the second claim is held at the hub as a repeat
(`claim_repeat`) and the village's own program does not pass it on."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from fieldapp.domain.claims import ClaimState
from fieldapp.domain.models import EmploymentSpell
from fieldapp.services import persons
from fieldapp.services.actor import actor_of
from fieldapp.services.claims import ClaimRefused, ClaimService
from fieldapp.services.policy_admin import policy_in_force
from fieldapp.store.ledger import natural_id
from tests.sync import event_village
from tests.sync.hostile import forge
from tests.sync.test_hostile_events import _copy, held_claims

village = event_village.village


def _namesake_training(device, worker: str, tag: str, **course: object) -> tuple[str, str]:
    """A tampered program's second 王五 (the same ID number, a household of his own) with a
    training on his row (as 王五's, unless `course` says otherwise) and 王五's category:
    (person id, training id)."""
    me = device.get("persons", worker)
    home = device.get("households", me["household_id"])
    house = natural_id("households", "forged", tag)
    forge(device, "households", house, {k: home[k] for k in ("area_code", "is_lifted")}
          | {"household_no": f"9{tag[-2:]}"})  # fmt: skip
    kept = ("name", "id_number", "gender", "relation")
    twin = natural_id("persons", "forged", tag)
    forge(device, "persons", twin,
          {k: me[k] for k in kept if me.get(k) is not None} | {"household_id": house})  # fmt: skip
    forge(device, "person_categories", natural_id("person_categories", "forged", tag),
          {"person_id": twin, "category": "脱贫人口", "start_date": "2016-01-01"})  # fmt: skip
    (source,) = device.db.execute(
        "SELECT * FROM services WHERE person_id = ? AND service_type = '职业培训'", [worker]
    ).fetchall()
    names = [d[0] for d in device.db.execute("SELECT * FROM services LIMIT 0").description]
    row = dict(zip(names, source, strict=True))
    fields = ("service_date", "service_type", "training_days", "training_kind")
    course_id = natural_id("services", "forged", tag)
    forge(device, "services", course_id,
          {k: row[k] for k in fields if row.get(k) is not None} | dict(course)
          | {"person_id": twin})  # fmt: skip
    return twin, course_id


def _claim_on(device, claim_id: str, person: str, course: str, tag: str, state: str):
    """The claim `claim_id` made again on the second row and its training, at `state`."""
    made = device.get("claims", claim_id)
    row = _copy(device, claim_id)
    facts = json.loads(made["facts"])
    return forge(device, "claims", natural_id("claims", "forged", tag),
                 row | {"person_id": person, "state": state,
                        "facts": json.dumps(facts | {"event_id": course}, ensure_ascii=False),
                        "limit_key": made["limit_key"].replace(made["person_id"], person)
                        .replace(facts["event_id"], course)})  # fmt: skip


def test_one_persons_training_claimed_again_on_a_second_row_is_held(village, hub):
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    course = service.create(village.ids["worker"], "training_living", on=dt.date(2025, 10, 20))
    service.advance(course.id, ClaimState.SUBMITTED, "材料后补")
    village.exchange()
    twin, copy_course = _namesake_training(village, course.person_id, "twin-a")
    again = _claim_on(village, course.id, twin, copy_course, "twin-a", "已提交")
    village.exchange()
    (held,) = held_claims(hub)
    assert (held.change_id, held.rule) == (again.id, "claim_repeat"), held.reason
    assert "王五" in held.reason and "重复申领" in held.reason, held.reason
    assert "登记了两遍" in held.reason, held.reason
    assert hub.ledger.get("claims", again.row_id) is None
    assert hub.ledger.get("claims", course.id)["state"] == "已提交"


def test_the_village_device_does_not_pass_the_second_rows_claim_on(village, hub):
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    course = service.create(village.ids["worker"], "training_living", on=dt.date(2025, 10, 20))
    service.advance(course.id, ClaimState.SUBMITTED, "材料后补")
    twin, copy_course = _namesake_training(village, course.person_id, "twin-b")
    draft = _claim_on(village, course.id, twin, copy_course, "twin-b", "草稿")
    with pytest.raises(ClaimRefused, match="重复申领"):
        service.advance(draft.row_id, ClaimState.SUBMITTED, "材料后补")
    assert village.get("claims", draft.row_id)["state"] == "草稿"


def test_another_training_of_the_second_row_is_not_a_repeat(village, hub):
    """The same person's other training (another day) on the second row is no repeat: held
    for nothing of the kind (the hub's other checks may say what they say of it)."""
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    course = service.create(village.ids["worker"], "training_living", on=dt.date(2025, 10, 20))
    service.advance(course.id, ClaimState.SUBMITTED, "材料后补")
    village.exchange()
    twin, other = _namesake_training(village, course.person_id, "twin-c", service_date="2025-10-12")
    again = _claim_on(village, course.id, twin, other, "twin-c", "已提交")
    village.exchange()
    assert [h.rule for h in held_claims(hub) if h.change_id == again.id
            and h.rule == "claim_repeat"] == []  # fmt: skip


def test_one_persons_job_claimed_again_on_a_second_row_is_held_when_reviewed(village, hub):
    """一次性交通补助 is paid once per person (`once_ever`): the second row's claim on the same
    job (the same employer and start day recorded on it) is a repeat by the person's ID number
    (`namesake_repeat_of`), held when the village passes it on in review (村审核), as a repeat
    under one key is; the first claim stands."""
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    first = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    service.advance(first.id, ClaimState.SUBMITTED, "材料后补")
    service.advance(first.id, ClaimState.VILLAGE_REVIEWED)
    village.exchange()
    twin, _course = _namesake_training(village, first.person_id, "twin-d")
    job = village.get("employment_spells", first.spell_id)
    kept = set(EmploymentSpell.model_fields) - {"id", "person_id", "created_at", "created_by",
        "created_device", "updated_at", "updated_by", "updated_device", "deleted"}  # fmt: skip
    copy_job = natural_id("employment_spells", "forged", "twin-d")
    forge(village, "employment_spells", copy_job,
          {k: job[k] for k in kept if job.get(k) is not None} | {"person_id": twin})  # fmt: skip
    row = _copy(village, first.id)
    made = forge(village, "claims", natural_id("claims", "forged", "twin-d"),
                 row | {"person_id": twin, "state": "已提交", "spell_id": copy_job,
                        "limit_key": row["limit_key"].replace(first.person_id, twin)})  # fmt: skip
    step = forge(village, "claims", made.row_id, {"state": "村审核"},
                 parents={"state": [made.id]})  # fmt: skip
    village.exchange()
    held = {h.change_id: h for h in held_claims(hub)}
    assert set(held) == {step.id}, [(h.rule, h.reason) for h in held.values()]
    assert held[step.id].rule == "claim_repeat", held[step.id].reason
    assert "王五" in held[step.id].reason, held[step.id].reason
    assert hub.ledger.get("claims", made.row_id)["state"] == "已提交"
    assert hub.ledger.get("claims", first.id)["state"] == "村审核"


def _copy_job(device, job_id: str, person: str, tag: str) -> str:
    """The job `job_id` recorded again on the person row `person` (the same employer and start
    day): the copy's id."""
    job = device.get("employment_spells", job_id)
    kept = set(EmploymentSpell.model_fields) - {"id", "person_id", "created_at", "created_by",
        "created_device", "updated_at", "updated_by", "updated_device", "deleted"}  # fmt: skip
    copy_job = natural_id("employment_spells", "forged", tag)
    forge(device, "employment_spells", copy_job,
          {k: job[k] for k in kept if job.get(k) is not None} | {"person_id": person})  # fmt: skip
    return copy_job


def _offered(device, person: str, rule_id: str, on: dt.date):
    """`person`'s result of `rule_id` as the 补贴 page's list (and `fieldapp eligible`) find it."""
    from fieldapp.services.claims import EligibilityService

    found = EligibilityService(device, policy_in_force(device)).for_all(on, explained=True)
    return next(r for r in found if r.person_id == person and r.rule_id == rule_id)


def _listed_by_command(device, rule_id: str, on: dt.date, capsys) -> list[str]:
    """The statuses `fieldapp eligible --json` lists for 王五 (each row of his) under `rule_id`."""
    from fieldapp.cli.main import main

    capsys.readouterr()
    assert main(["--db", str(device.path), "eligible", "--on", on.isoformat(), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    number = device.ids["worker"]
    return [i["status"] for i in listed if i["id_number"] == number and i["rule_id"] == rule_id]


def test_the_second_rows_copy_of_a_claimed_training_is_not_offered(
    village, hub, capsys, monkeypatch
):
    """The 补贴 page's list (and `fieldapp eligible`) offered the second row's copy of 王五's
    claimed training as 符合条件: the coordinator claimed it, and the claim was refused when
    submitted (重复申领). It is listed as 已申领, naming the first row's claim."""
    on = dt.date(2025, 10, 20)
    service = ClaimService(village, policy_in_force(village))
    course = service.create(village.ids["worker"], "training_living", on=on)
    twin, _copy_course = _namesake_training(village, course.person_id, "twin-e")
    result = _offered(village, twin, "training_living", on)
    assert (result.status.value, result.claim_id) == ("claimed", course.id), result.summary
    assert "已申领" in result.summary and "登记了两遍" in result.summary, result.summary
    assert _listed_by_command(village, "training_living", on, capsys) == ["claimed"] * 2
    # (a county's list, too many people to name: the numbers held twice found in one pass)
    monkeypatch.setattr("fieldapp.store.facts.BY_IDS_LIMIT", 0)
    assert _offered(village, twin, "training_living", on).claim_id == course.id
    monkeypatch.undo()
    # … while a training of his own on the second row (another day) is still offered
    third, _other = _namesake_training(village, course.person_id, "twin-f",
                                       service_date="2025-09-01")  # fmt: skip
    assert _offered(village, third, "training_living", on).status.value == "eligible"


def test_the_second_rows_copy_of_a_claimed_job_is_not_offered(village, hub, capsys):
    """一次性交通补助 (once per person) claimed on 王五's first row: the second row, his job
    recorded on it, was offered it again; it is listed as 已申领, as the refusal at 提交 says."""
    village.exchange()  # the county's figure
    on = dt.date(2025, 6, 5)
    service = ClaimService(village, policy_in_force(village))
    first = service.create(village.ids["worker"], "transport_cross_county", on=on)
    twin, _course = _namesake_training(village, first.person_id, "twin-g")
    _copy_job(village, first.spell_id, twin, "twin-g")
    result = _offered(village, twin, "transport_cross_county", on)
    assert (result.status.value, result.claim_id) == ("claimed", first.id), result.summary
    assert _listed_by_command(village, "transport_cross_county", on, capsys) == ["claimed"] * 2


def test_the_second_row_claims_again_once_the_paid_row_is_deleted(village, hub):
    """The program says to delete one of a person's two rows (`persons.entered_twice`: 删除
    重复录入的一条): the row whose claim was paid deleted, the same training on the other row
    was claimed and paid again — only live rows were one person. A deleted row is still its
    ID number's: its claims past the draft count."""
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    course = service.create(village.ids["worker"], "training_living", on=dt.date(2025, 10, 20))
    service.advance(course.id, ClaimState.SUBMITTED, "材料后补")
    twin, copy_course = _namesake_training(village, course.person_id, "twin-e")
    village.exchange()
    with hub.ledger.transaction():  # the county paid it
        hub.ledger.update("claims", course.id, {"state": ClaimState.PAID.value})
    village.exchange()
    assert village.get("claims", course.id)["state"] == ClaimState.PAID.value
    persons.delete(village, actor_of(village), course.person_id, "重复录入")
    # the 补贴 page's list no longer offers the live row's copy: it says where it was claimed
    on = dt.date(2025, 10, 20)
    offered = _offered(village, twin, "training_living", on)
    assert (offered.status.value, offered.claim_id) == ("claimed", course.id), offered.summary
    # … on the row deleted as the duplicate, which the coordinator no longer finds in the list
    assert "申领在已删除的那条登记上" in offered.summary, offered.summary
    draft = _claim_on(village, course.id, twin, copy_course, "twin-e", "草稿")
    with pytest.raises(ClaimRefused, match="重复申领"):
        service.advance(draft.row_id, ClaimState.SUBMITTED, "材料后补")
    again = forge(village, "claims", draft.row_id, {"state": "已提交"},
                  parents={"state": [draft.id]})  # fmt: skip
    village.exchange()
    held = {h.change_id: h.rule for h in held_claims(hub)}
    assert held == {again.id: "claim_repeat"}, [(h.rule, h.reason) for h in held_claims(hub)]
    assert hub.ledger.get("persons", course.person_id)["deleted"]


def test_a_deleted_rows_draft_does_not_stop_the_live_rows_claim(village, hub):
    """Entered twice, a draft made on the row then deleted as the duplicate: the live row's
    claim of the same training is the first passed on, not a repeat."""
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    course = service.create(village.ids["worker"], "training_living", on=dt.date(2025, 10, 20))
    twin, copy_course = _namesake_training(village, course.person_id, "twin-f")
    persons.delete(village, actor_of(village), course.person_id, "重复录入")
    offered = _offered(village, twin, "training_living", dt.date(2025, 10, 20))
    assert offered.status.value == "eligible", offered.summary  # a deleted row's draft: nothing
    draft = _claim_on(village, course.id, twin, copy_course, "twin-f", "草稿")
    service.advance(draft.row_id, ClaimState.SUBMITTED, "材料后补")
    village.exchange()
    assert [h for h in held_claims(hub) if h.rule == "claim_repeat"] == []
    assert hub.ledger.get("claims", draft.row_id)["state"] == "已提交"


def test_a_once_per_person_subsidy_is_not_paid_again_after_the_paid_row_is_deleted(village, hub):
    """一次性交通补助 (once per person) paid on one of a person's two rows; that row deleted as
    the duplicate (as the program says to), the other row's claim passed on in review was
    taken — only live rows were read as the same person (`namesake_repeat_of`)."""
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    first = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    service.advance(first.id, ClaimState.SUBMITTED, "材料后补")
    twin, _course = _namesake_training(village, first.person_id, "twin-g")
    village.exchange()
    with hub.ledger.transaction():  # the county paid it
        hub.ledger.update("claims", first.id, {"state": ClaimState.PAID.value})
    village.exchange()
    persons.delete(village, actor_of(village), first.person_id, "重复录入")
    job = village.get("employment_spells", first.spell_id)
    kept = set(EmploymentSpell.model_fields) - {"id", "person_id", "created_at", "created_by",
        "created_device", "updated_at", "updated_by", "updated_device", "deleted"}  # fmt: skip
    copy_job = natural_id("employment_spells", "forged", "twin-g")
    forge(village, "employment_spells", copy_job,
          {k: job[k] for k in kept if job.get(k) is not None} | {"person_id": twin})  # fmt: skip
    row = _copy(village, first.id)
    made = forge(village, "claims", natural_id("claims", "forged", "twin-g"),
                 row | {"person_id": twin, "state": "已提交", "spell_id": copy_job,
                        "limit_key": row["limit_key"].replace(first.person_id, twin)})  # fmt: skip
    with pytest.raises(ClaimRefused, match="重复申领"):
        service.advance(made.row_id, ClaimState.VILLAGE_REVIEWED)
    step = forge(village, "claims", made.row_id, {"state": "村审核"},
                 parents={"state": [made.id]})  # fmt: skip
    village.exchange()
    held = {h.change_id: h.rule for h in held_claims(hub)}
    assert held == {step.id: "claim_repeat"}, [(h.rule, h.reason) for h in held_claims(hub)]


def test_a_deleted_rows_draft_does_not_stop_the_live_rows_once_per_person_claim(village, hub):
    """A draft of 一次性交通补助 on the row then deleted as the duplicate was never passed on:
    the live row's claim is reviewed as the first."""
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    first = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    twin, _course = _namesake_training(village, first.person_id, "twin-h")
    job = village.get("employment_spells", first.spell_id)
    kept = set(EmploymentSpell.model_fields) - {"id", "person_id", "created_at", "created_by",
        "created_device", "updated_at", "updated_by", "updated_device", "deleted"}  # fmt: skip
    copy_job = natural_id("employment_spells", "forged", "twin-h")
    forge(village, "employment_spells", copy_job,
          {k: job[k] for k in kept if job.get(k) is not None} | {"person_id": twin})  # fmt: skip
    persons.delete(village, actor_of(village), first.person_id, "重复录入")
    row = _copy(village, first.id)
    made = forge(village, "claims", natural_id("claims", "forged", "twin-h"),
                 row | {"person_id": twin, "state": "已提交", "spell_id": copy_job,
                        "limit_key": row["limit_key"].replace(first.person_id, twin)})  # fmt: skip
    service.advance(made.row_id, ClaimState.VILLAGE_REVIEWED)
    village.exchange()
    assert [h for h in held_claims(hub) if h.rule == "claim_repeat"] == []
    assert hub.ledger.get("claims", made.row_id)["state"] == "村审核"
