"""A one-time subsidy (交通补贴, 吸纳就业补贴, 培训生活费补贴) is paid for a job or a training
that began on a day: the claim carries that day (`event_date`), the job (`spell_id`) or
training it pays for, and, for a subsidy paid once per job, the job in its limit key. The hub
checked the amount against the figure of the claim's day, but nothing checked that the person
has such a job or training beginning that day: a tampered program could claim for a job that
never was, or one job twice under a made-up second key. The hub now holds such a claim
(`claim_event`), judged against its merged ledger — the job may arrive in the same bundle."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from fieldapp.domain.claims import Claim as ClaimModel
from fieldapp.domain.claims import ClaimState
from fieldapp.domain.models import EmploymentSpell, ServiceRecord
from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import policy_in_force
from fieldapp.store.ledger import natural_id
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.records import Records
from tests.sync import event_village
from tests.sync.event_village import SON, _county_device, _edit
from tests.sync.hostile import forge

#: The fixture, bound by its name (an import of it would be shadowed by every test's argument).
village = event_village.village


def _copy(device, claim_id: str) -> dict:
    stored = device.get("claims", claim_id)
    kept = set(ClaimModel.model_fields) - {"id", "created_at", "created_by", "created_device",
                                            "updated_at", "updated_by", "updated_device"}  # fmt: skip
    return {k: stored[k] for k in kept if k in stored}


def test_an_honest_one_time_claim_lands_with_its_job_in_the_same_bundle(village, hub):
    village.exchange()  # the county's pack reaches the laptop
    service = ClaimService(village, policy_in_force(village))
    made = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    assert made.event_date == dt.date(2025, 3, 5) and made.spell_id
    village.exchange()
    assert held_claims(hub) == []
    assert hub.ledger.get("claims", made.id)["event_date"] == "2025-03-05"


def test_a_one_time_claim_for_a_job_that_never_was_is_held(village, hub):
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    honest = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    row = _copy(village, honest.id)
    moved = forge(village, "claims", natural_id("claims", "forged", "day"),
                  row | {"event_date": "2024-01-01"})  # fmt: skip
    nojob = forge(village, "claims", natural_id("claims", "forged", "job"),
                  row | {"spell_id": natural_id("employment_spells", "none")})  # fmt: skip
    other = village.get("persons", _person(village, SON))
    theirs = forge(village, "claims", natural_id("claims", "forged", "who"),
                   row | {"person_id": other["id"], "person_name": other["name"],
                          "id_number": other["id_number"],
                          "limit_key": row["limit_key"].replace(honest.person_id, other["id"])})  # fmt: skip
    village.exchange()
    held = {h.change_id: h for h in held_claims(hub)}
    assert set(held) == {moved.id, nojob.id, theirs.id}
    # (a job id the hub has never heard of places the claim nowhere: held for that first)
    assert held[nojob.id].rule in {"no_place", "claim_event"}
    assert {held[moved.id].rule, held[theirs.id].rule} == {"claim_event"}
    why = held[moved.id].reason
    assert "王五" in why and "2024年1月1日" in why and "2025年3月5日" in why, why
    assert "王小五" in held[theirs.id].reason
    assert hub.ledger.get("claims", honest.id) is not None
    for change in (moved, nojob, theirs):
        assert hub.ledger.get("claims", change.row_id) is None


def test_one_training_claimed_twice_under_a_made_up_key_is_held(village, hub):
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    honest = service.create(village.ids["worker"], "training_living", on=dt.date(2025, 10, 20))
    row = _copy(village, honest.id)
    again = forge(village, "claims", natural_id("claims", "forged", "again"),
                  row | {"limit_key": row["limit_key"].rsplit(":", 1)[0] + ":另一次"})  # fmt: skip
    village.exchange()
    (held,) = held_claims(hub)
    assert (held.change_id, held.rule) == (again.id, "claim_event")
    assert "王五" in held.reason


def test_a_claim_moved_onto_another_job_alone_is_held(village, hub):
    """Only its job changed (another of 王五's jobs, begun another day): the claim would pay
    that job at the first one's day and figure."""
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    honest = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    later = EmploymentSpell(person_id=honest.person_id, start_date=dt.date(2025, 5, 1),
                            place_code="440305", employer="另一家厂")  # fmt: skip
    with village.transaction():
        other_job = Records(village).save(later)
    moved = forge(village, "claims", honest.id, {"spell_id": other_job},
                  parents={"spell_id": village.heads("claims", honest.id)["spell_id"]})  # fmt: skip
    village.exchange()
    (held,) = held_claims(hub)
    assert (held.change_id, held.rule) == (moved.id, "claim_event")
    assert "2025年5月1日" in held.reason
    assert hub.ledger.get("claims", honest.id)["spell_id"] == honest.spell_id


def _person(device, number: str) -> str:
    (row,) = device.db.execute("SELECT id FROM persons WHERE id_number = ?", [number]).fetchall()
    return row[0]


def held_claims(hub) -> list:
    """What the hub holds of claims (the township's first upload also sends the county's
    own areas, which it holds: not what these tests are about)."""
    return [h for h in hub.rejected() if h.change.tbl == "claims"]


def test_a_training_subsidy_paid_by_the_day_asking_more_than_its_days_is_held(village, hub):
    """培训生活费补贴 is paid by the day (王五's 10 days of training: 400 元). A tampered program
    set the claim's amount to 99999 元: the hub judged no amount of a subsidy paid by the day,
    and it landed. Now judged against the training's days on the hub's ledger (`claim_amount`);
    the honest claim lands."""
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    honest = service.create(village.ids["worker"], "training_living", on=dt.date(2025, 10, 20))
    village.exchange()
    assert held_claims(hub) == []
    big = forge(village, "claims", honest.id, {"amount": 99999.0},
                parents={"amount": village.heads("claims", honest.id)["amount"]})  # fmt: skip
    village.exchange()
    (held,) = held_claims(hub)
    assert (held.change_id, held.rule) == (big.id, "claim_amount")
    assert "99999" in held.reason and "王五" in held.reason
    # The training's first day as a coordinator writes it (it read 2025-… 开始的就业（培训）).
    assert re.search(r"补贴（\d{4}年\d{1,2}月\d{1,2}日开始的就业（培训）", held.reason), held.reason
    assert hub.ledger.get("claims", honest.id)["amount"] == honest.amount


def test_a_job_a_one_time_claim_pays_for_is_not_deleted_or_moved_under_it(village, hub):
    """王五's 跨县交通补贴 (once, for his job in Shenzhen begun 2025-03-05) was submitted and
    accepted; a tampered program then deleted the job, or moved its start day or employer: each
    landed, and the claim stood on a job that no longer was (and a job made anew under another
    id could be claimed for again). The hub now holds such a change (`claimed_event`) while a
    submitted claim pays for the job, saying which claim; the job's end lands, and once the
    claim is rejected the job may be corrected."""
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    claim = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    training = service.create(village.ids["worker"], "training_living", on=dt.date(2025, 10, 20))
    for made in (claim, training):
        service.advance(made.id, ClaimState.SUBMITTED, "材料后补")
    village.exchange()
    assert held_claims(hub) == []
    job, course = claim.spell_id, training.facts.event_id
    gone = _edit(village, "employment_spells", job, {"deleted": 1})
    village.exchange()
    moved = _edit(village, "employment_spells", job, {"deleted": 0, "start_date": "2025-01-01"})
    other = _edit(village, "employment_spells", job, {"employer": "另一家厂"})
    longer = _edit(village, "services", course, {"training_days": 30})
    dropped = _edit(village, "services", course, {"deleted": 1})
    ended = _edit(village, "employment_spells", job, {"end_date": "2025-11-30"})
    village.exchange()
    held = {h.change_id: h for h in hub.rejected() if h.change.tbl in {"employment_spells",
                                                                       "services"}}  # fmt: skip
    assert set(held) >= {gone.id, moved.id, other.id, longer.id, dropped.id}
    assert ended.id not in held
    for change in (gone, moved, other, longer, dropped):
        assert held[change.id].rule == "claimed_event", held[change.id].reason
    why = held[gone.id].reason
    assert (
        "王五" in why and "跨县" in why and "王五2025年3月5日开始的就业" in why and "驳回" in why
    ), why
    assert "培训" in held[longer.id].reason
    row = hub.ledger.get("employment_spells", job)
    assert (row["deleted"], row["start_date"], row["end_date"]) == (0, "2025-03-05", "2025-11-30")
    assert row["employer"] != "另一家厂"
    assert hub.ledger.get("services", course)["training_days"] == 10
    assert not hub.ledger.get("services", course)["deleted"]
    # Rejected, the claim pays nothing: the job is corrected.
    service.advance(claim.id, ClaimState.REJECTED, "开始日期登记错了")
    fixed = _edit(village, "employment_spells", job, {"start_date": "2025-03-06"})
    village.exchange()
    assert fixed.id not in {h.change_id for h in hub.rejected()}
    assert hub.ledger.get("employment_spells", job)["start_date"] == "2025-03-06"


def test_a_draft_whose_job_was_moved_is_held_when_submitted(village, hub):
    """A draft pays nothing (and the village may delete one): its job may be corrected, but
    the draft is judged against the job again when it is submitted — held at the hub
    (`claim_event`) when a tampered program passes it on, refused on the village's device."""
    from fieldapp.services.claims import ClaimRefused

    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    claim = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    village.exchange()
    moved = _edit(village, "employment_spells", claim.spell_id, {"start_date": "2025-01-01"})
    with pytest.raises(ClaimRefused, match="2025年1月1日"):
        service.advance(claim.id, ClaimState.SUBMITTED, "材料后补")
    passed = _edit(village, "claims", claim.id, {"state": "已提交"})
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert moved.id not in held
    assert held[passed.id].rule == "claim_event", held[passed.id].reason
    assert hub.ledger.get("claims", claim.id)["state"] == "草稿"


def test_the_village_device_says_a_claimed_job_is_not_changed_until_its_claim_is(village):
    """The village's own program refuses the same at its write door, saying why and what to
    do; a draft does not hold its job, and once the claim is rejected the job is corrected."""
    from fieldapp.services import work
    from fieldapp.services.actor import actor_of
    from fieldapp.services.trust_check import TrustRefused
    from fieldapp.store.queries.records import to_model

    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    claim = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    job = to_model(EmploymentSpell, village.get("employment_spells", claim.spell_id))
    me = actor_of(village)
    work.save_record(village, me, job.model_copy(update={"employer": "深圳某厂"}), job)
    job = to_model(EmploymentSpell, village.get("employment_spells", claim.spell_id))
    service.advance(claim.id, ClaimState.SUBMITTED, "材料后补")
    for edit in ({"start_date": dt.date(2025, 1, 1)}, {"employer": "另一家厂"}):
        with pytest.raises(TrustRefused) as refused:
            work.save_record(village, me, job.model_copy(update=edit), job)
        assert refused.value.rule == "claimed_event"
        assert "王五" in str(refused.value) and "驳回" in str(refused.value)
        # The job's first day as a coordinator writes it, not 2025-…
        assert re.search(r"王五\d{4}年\d{1,2}月\d{1,2}日开始的就业已申领", str(refused.value))
    work.save_record(village, me, job.model_copy(update={"monthly_income": 5000.0}), job)
    service.advance(claim.id, ClaimState.REJECTED, "开始日期登记错了")
    work.save_record(village, me, job.model_copy(update={"start_date": dt.date(2025, 3, 6)}), job)
    assert village.get("employment_spells", claim.spell_id)["start_date"] == "2025-03-06"


def test_a_training_recorded_with_more_days_than_it_lasted_pays_no_more(village, hub):
    """培训生活费补贴 pays 40 元 a day of training, with no cap: a training recorded as 300 days
    over 1–5 November (a tampered program, or a slip of the keyboard) was offered and claimed
    at 12 000 元, and the hub judged the claim by the 300 days; a training whose days were then
    emptied left the claim's amount unjudged (99 999 元 landed). A training now pays no more
    days than the calendar gives it, from its first day to its end (or the claim's day): 5 days,
    200 元, on the device and at the hub; a training without days pays none."""
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    first = service.create(village.ids["worker"], "training_living", on=dt.date(2025, 10, 20))
    person = first.person_id
    long = ServiceRecord(person_id=person, service_date=dt.date(2025, 11, 1),
                         end_date=dt.date(2025, 11, 5), service_type="职业培训",
                         training_days=300)  # fmt: skip
    with village.transaction():
        course = Records(village).save(long)
    service = ClaimService(village, policy_in_force(village))
    claim = service.create(village.ids["worker"], "training_living", on=dt.date(2025, 11, 20))
    assert claim.facts.event_id == course
    assert claim.amount == 200.0
    village.exchange()
    assert held_claims(hub) == []
    big = _edit(village, "claims", claim.id, {"amount": 12000.0})
    village.exchange()
    (held,) = held_claims(hub)
    assert (held.change_id, held.rule) == (big.id, "claim_amount"), held.reason
    assert hub.ledger.get("claims", claim.id)["amount"] == 200.0
    emptied = _edit(village, "services", course, {"training_days": None})
    bigger = _edit(village, "claims", claim.id, {"amount": 99999.0})
    village.exchange()
    held = {h.change_id: h for h in held_claims(hub)}
    assert emptied.id not in {h.change_id for h in hub.rejected()}
    assert held[bigger.id].rule == "claim_amount", held[bigger.id].reason
    assert hub.ledger.get("claims", claim.id)["amount"] == 200.0


def test_a_claim_written_on_the_countys_own_devices_is_judged_by_its_job_and_figure(
    village, hub, tmp_path
):
    """The hub judged a village's claims by the policy (claim_amount, claim_event), but not
    those the county's own devices write: a claim of 99 999 元, or for a job 王五 never had,
    written on the hub's own ledger or sent from the county office's desktop landed as made.
    The county may correct data and decide each step of review, but a claim asking more than
    the policy pays, or for a job the ledger does not have, is wrong whoever writes it: the
    write door of the hub's ledger and of the county's desktop refuse it, and the hub holds it
    when a county device sends it; an honest claim made there lands."""
    from fieldapp.services.actor import actor_of
    from fieldapp.services.trust_check import TrustRefused
    from fieldapp.services.writer import writing

    village.exchange()
    service = ClaimService(hub.ledger, policy_in_force(hub.ledger))
    honest = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    assert hub.ledger.get("claims", honest.id)["amount"] == honest.amount
    me = actor_of(hub.ledger)
    nowhere = natural_id("employment_spells", "none")
    for forged, rule in (
        ({"amount": 99999.0}, "claim_amount"),
        ({"spell_id": nowhere, "limit_key": honest.limit_key + "2"}, "claim_event"),
    ):
        with pytest.raises(TrustRefused) as refused, writing(hub.ledger, me) as writer:
            writer.insert(honest.model_copy(update={"id": "", **forged}))
        assert refused.value.rule == rule, str(refused.value)
    # The county office's desktop: its own door, and the hub when a tampered one sends it.
    county = _county_device(tmp_path, hub)
    counter = iter(range(1000))

    def exchange() -> None:
        hub.import_file(export_bundle(county, tmp_path / f"cu{next(counter)}.fs").path)
        import_bundle(county, hub.export_for("县人社局", tmp_path / f"cd{next(counter)}.fs").path)

    exchange()
    assert county.get("claims", honest.id) is not None
    with pytest.raises(TrustRefused) as refused, writing(county, actor_of(county)) as writer:
        writer.insert(honest.model_copy(update={"id": "", "amount": 99999.0}))
    assert refused.value.rule == "claim_amount"
    row = _copy(county, honest.id)
    big = forge(county, "claims", natural_id("claims", "county", "big"),
                row | {"amount": 99999.0})  # fmt: skip
    exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert held[big.id].rule == "claim_amount", held[big.id].reason
    assert hub.ledger.get("claims", big.row_id) is None
    # The county's own review steps are its own, as before.
    county_service = ClaimService(county, policy_in_force(county))
    county_service.advance(honest.id, ClaimState.SUBMITTED, "材料后补")
    exchange()
    assert hub.ledger.get("claims", honest.id)["state"] == "已提交"


def test_a_claim_paid_to_someone_the_policy_does_not_pay_is_held(village, hub):
    """The 花名册 pays a claim to its payee: the person's own account, or the employer or
    labour agency written on the claim (用人单位：某电子厂). Nothing judged the payee: a
    tampered program sent 王五's 跨县交通补贴 (paid to him) as paid to 用人单位 我的公司, and
    his agency's 跟踪服务补贴 (paid to 某劳务公司, on his job) to 我的劳务公司 — both landed, the
    money going to whoever was written. The hub now holds a claim whose payee is not the one
    the policy pays, or not the employer (agency) of its job on the ledger (`claim_payee`);
    the honest claims land."""
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    transport = service.create(village.ids["worker"], "transport_cross_county",
                               on=dt.date(2025, 6, 5))  # fmt: skip
    agency = service.create(village.ids["worker"], "tracking_service_agency",
                            on=dt.date(2025, 6, 5))  # fmt: skip
    assert (agency.payee.value, agency.payee_name) == ("经营性人力资源服务机构", "某劳务公司")
    village.exchange()
    assert held_claims(hub) == []
    to_company = forge(village, "claims", natural_id("claims", "forged", "company"),
                       _copy(village, transport.id) | {"payee": "用人单位",
                                                       "payee_name": "我的公司"})  # fmt: skip
    to_mine = forge(village, "claims", natural_id("claims", "forged", "agency"),
                    _copy(village, agency.id) | {"payee_name": "我的劳务公司"})  # fmt: skip
    village.exchange()
    held = {h.change_id: h for h in held_claims(hub)}
    assert set(held) == {to_company.id, to_mine.id}
    assert {h.rule for h in held.values()} == {"claim_payee"}, [h.reason for h in held.values()]
    assert "我的公司" in held[to_company.id].reason and "王五" in held[to_company.id].reason
    assert "某劳务公司" in held[to_mine.id].reason
    for change in (to_company, to_mine):
        assert hub.ledger.get("claims", change.row_id) is None


def test_a_claim_printed_under_another_persons_name_is_held(village, hub):
    """The 花名册 and 公示表 print the name and ID number frozen on a claim, the account of the
    person it is for: a tampered program sent 王五's 跨县交通补贴 written as 王小五's (name and
    ID number) — posted in the village under the son's name, paid into 王五's account — and it
    landed. The hub now holds a claim whose name or ID number is not its person's on the
    ledger (`claim_person`); the honest claim lands."""
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    honest = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    village.exchange()
    assert held_claims(hub) == []
    son = village.get("persons", _person(village, SON))
    row = _copy(village, honest.id)
    masked = forge(village, "claims", natural_id("claims", "forged", "masked"),
                   row | {"person_name": son["name"], "id_number": son["id_number"]})  # fmt: skip
    renamed = forge(village, "claims", natural_id("claims", "forged", "renamed"),
                    row | {"person_name": "王武"})  # fmt: skip
    village.exchange()
    held = {h.change_id: h for h in held_claims(hub)}
    assert set(held) == {masked.id, renamed.id}
    assert {h.rule for h in held.values()} == {"claim_person"}, [h.reason for h in held.values()]
    assert "王小五" in held[masked.id].reason and "王五" in held[masked.id].reason


def test_the_account_of_an_approved_claim_changed_before_payment_is_held(village, hub):
    """The 花名册 pays a claim into its person's 社保卡账号 as the ledger holds it when printed:
    王五's 跨县交通补贴 approved by the county (县审批, awaiting payment), a tampered program
    changed his account to another, and it landed — the approved money going to whoever holds
    that account. The hub now holds a change of the account (or bank) of a person with a claim
    approved and not yet paid (`paid_account`), for the county to check and accept; his son's
    account, with no claim waiting, changes as before."""
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    made = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    village.exchange()
    hub.ledger.update("claims", made.id, {"state": "县审批"})
    village.exchange()
    worker, son = made.person_id, _person(village, SON)
    before = hub.ledger.get("persons", worker)["account_number"]
    moved = _edit(village, "persons", worker, {"account_number": "6228480012345678927"})
    theirs = _edit(village, "persons", son, {"account_number": "6228480012345678919"})
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert moved.id in held and theirs.id not in held
    assert held[moved.id].rule == "paid_account", held[moved.id].reason
    assert "王五" in held[moved.id].reason and "县审批" in held[moved.id].reason
    assert hub.ledger.get("persons", worker)["account_number"] == before
    assert hub.ledger.get("persons", son)["account_number"] == "6228480012345678919"


def test_a_draft_is_deleted_and_a_submitted_claim_never(village, hub):
    """A draft whose job was corrected could not be submitted, nor deleted: the once-only
    subsidy was blocked for good. The village deletes its draft now (logged, and the subsidy is
    claimed anew); a submitted claim is refused at its write door, and a tampered program's
    deletion of one is held at the hub (`claim_delete`)."""
    from fieldapp.services.claims import ClaimRefused

    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    draft = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    village.exchange()
    service.delete_draft(draft.id)
    village.exchange()
    assert hub.ledger.get("claims", draft.id)["deleted"] == 1
    assert [h for h in hub.rejected() if h.change.tbl in {"claims", "claim_events"}] == []
    again = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    service.advance(again.id, ClaimState.SUBMITTED, "材料后补")
    with pytest.raises(ClaimRefused, match="只能驳回或撤销"):
        service.delete_draft(again.id)
    village.exchange()
    gone = _edit(village, "claims", again.id, {"deleted": 1})
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert held[gone.id].rule == "claim_delete", held[gone.id].reason
    assert hub.ledger.get("claims", again.id)["deleted"] == 0


def test_a_person_deleted_while_a_claim_waits_for_payment_is_held(village, hub):
    """The 花名册 pays each claim of its batch by the person's ledger row: 王五's 跨县交通补贴
    submitted (已提交, on its way to payment), a tampered program deleted 王五 and it landed —
    the claim went on to the roster and was paid for a person the ledger no longer holds (one
    who moved away, or was never there). The hub now holds a person's deletion while a claim of
    theirs past the draft waits for payment (`claimed_person`); the village's own program
    refuses it, saying what to do; his son, with no claim, is deleted as before, and once the
    claim is rejected 王五 may be deleted too."""
    from fieldapp.services import persons
    from fieldapp.services.actor import actor_of
    from fieldapp.services.trust_check import TrustRefused

    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    made = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    service.advance(made.id, ClaimState.SUBMITTED, "材料后补")
    village.exchange()
    worker, son = made.person_id, _person(village, SON)
    with pytest.raises(TrustRefused) as refused:
        persons.delete(village, actor_of(village), worker, "迁出")
    assert refused.value.rule == "claimed_person"
    assert "王五" in str(refused.value) and "驳回" in str(refused.value), str(refused.value)
    gone = _edit(village, "persons", worker, {"deleted": 1})
    theirs = _edit(village, "persons", son, {"deleted": 1})
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert gone.id in held and theirs.id not in held
    assert held[gone.id].rule == "claimed_person", held[gone.id].reason
    assert "王五" in held[gone.id].reason and "已提交" in held[gone.id].reason
    assert not hub.ledger.get("persons", worker)["deleted"]
    assert hub.ledger.get("persons", son)["deleted"]
    # Rejected, the claim pays nothing: 王五's deletion, sent again, lands.
    service.advance(made.id, ClaimState.REJECTED, "已迁出")
    again = _edit(village, "persons", worker, {"deleted": 1, "change_reason": "迁出"})
    village.exchange()
    assert again.id not in {h.change_id for h in hub.rejected()}
    assert hub.ledger.get("persons", worker)["deleted"]


def test_the_roster_lists_no_claim_of_a_deleted_person(village, hub):
    """A person deleted on the county's own ledger (the county corrects its data) after their
    claim was batched was still printed on the batch's 花名册 and paid; the roster now leaves
    such a claim off, saying so, as it leaves off one rejected since."""
    from fieldapp.paperwork.paper_data import PaperData
    from fieldapp.services import persons
    from fieldapp.services.actor import actor_of

    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    made = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    service.advance(made.id, ClaimState.SUBMITTED, "材料后补")
    village.exchange()
    county = ClaimService(hub.ledger, policy_in_force(hub.ledger))
    batch, claims = county.create_batch("transport_cross_county")
    assert [c.id for c in claims] == [made.id]
    assert [c.id for c in PaperData(hub.ledger).batch_claims(batch.id)] == [made.id]
    persons.delete(hub.ledger, actor_of(hub.ledger), made.person_id, "重复录入")
    data = PaperData(hub.ledger)
    assert data.batch_claims(batch.id) == []
    dropped = str(data.dropped_note(batch.id))
    assert "王五" in dropped and "删除" in dropped


def test_a_training_recorded_again_under_a_new_id_is_not_claimed_twice(village, hub):
    """培训生活费补贴 is paid once per training (吸纳就业补贴 once per job): 王五's was claimed
    and submitted; his training was then recorded again (same course, day and days) — a
    tampered program, or two laptops offline each writing it — and a claim on the copy was
    offered and landed, paying one training twice. The copy's claim is now the repeat it is:
    the village's program offers no claim on it (已申领), and the hub holds a claim on it passed
    on towards payment (`claim_repeat`); the copy itself is kept (the ledger's to tidy), and a
    second training of another day is claimed as before."""
    from fieldapp.domain.errors import FieldappError
    from fieldapp.services.claims import ClaimRefused

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
    service = ClaimService(village, policy_in_force(village))
    with pytest.raises(FieldappError, match="已申领"):
        service.create(village.ids["worker"], "training_living", on=dt.date(2025, 10, 20))
    facts = json.loads(village.get("claims", course.id)["facts"])
    twice = forge(village, "claims", natural_id("claims", "forged", "copy-course"),
                  _copy(village, course.id) | {"state": "已提交",
                  "facts": json.dumps(facts | {"event_id": copy_course}, ensure_ascii=False),
                  "limit_key": course.limit_key.replace(first, copy_course)})  # fmt: skip
    with pytest.raises(ClaimRefused, match="重复申领"):
        service.advance(twice.row_id, ClaimState.VILLAGE_REVIEWED, "")
    village.exchange()
    (held,) = held_claims(hub)
    assert (held.change_id, held.rule) == (twice.id, "claim_repeat"), held.reason
    assert "王五" in held.reason and "重复申领" in held.reason, held.reason
    assert hub.ledger.get("claims", twice.row_id) is None
    assert hub.ledger.get("services", copy_course) is not None
    # Another training (another day): claimed as before.
    with village.transaction():
        Records(village).save(ServiceRecord(
            person_id=course.person_id, service_date=dt.date(2025, 11, 3),
            service_type="职业培训", training_days=3))  # fmt: skip
    service = ClaimService(village, policy_in_force(village))
    other = service.create(village.ids["worker"], "training_living", on=dt.date(2025, 11, 20))
    service.advance(other.id, ClaimState.SUBMITTED, "材料后补")
    village.exchange()
    assert [h.change_id for h in held_claims(hub)] == [twice.id]
    assert hub.ledger.get("claims", other.id)["state"] == "已提交"
