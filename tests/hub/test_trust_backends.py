"""The hub's trust rules on both stores: refused changes are held (not logged, counted as
received), reported to the sender and decided by the county, on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.store.changelog import Change
from fieldapp.store.held import received_vector
from fieldapp.store.ledger import natural_id
from fieldapp.store.queries.claims import ClaimQueries
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.helpers.hostile_county import named
from tests.policy.helpers import COUNTY_PACK
from tests.sync import event_village
from tests.sync.helpers import JOB_START, VILLAGE, add_family, add_job, job_of
from tests.sync.hostile import foreign, forge, send

OTHER = "520502202001"

#: 红星村's laptop holding 王五 (a job, a training) and his son, and the county's figures
#: (`tests.sync.event_village`), here on either store's hub.
village = event_village.village


def test_held_changes_on_both_backends(tmp_path, hub, make_device, capsys):
    village = make_device("红星村", VILLAGE)
    other = make_device("远村", OTHER)
    _, (mine,) = add_family(village, VILLAGE, ["101"])
    _, (theirs,) = add_family(other, OTHER, ["103"], surname="王")
    for device in (village, other):
        hub.import_file(export_bundle(device, tmp_path / f"{device.device_id}.fs").path)
    heads = hub.ledger.heads("persons", theirs)
    across = forge(village, "persons", theirs, {"phone": "13000000000"},
                   parents={"phone": heads["phone"]})  # fmt: skip
    paid = forge(village, "claims", natural_id("claims", "x", mine), {
        "person_id": mine, "rule_id": "r1", "state": "已发放", "amount": 50000.0})  # fmt: skip
    fine = village.update("persons", mine, {"notes": "正常修改"})
    as_hub = foreign(hub.ledger.device_id, 900, "persons", mine, {"phone": "1"})
    result = hub.import_file(send(village, tmp_path / "attack.fs", [as_hub]).path)
    assert (result.held, result.new_changes) == (3, 1)
    assert hub.ledger.get("persons", mine)["notes"] == "正常修改"
    rules = {h.change_id: h.rule for h in hub.rejected()}
    assert rules == {across.id: "scope", paid.id: "claim_new_state", as_hub.id: "hub_id"}
    # Held under its own id counts as received; one forged under another's id counts for nobody.
    vector = received_vector(hub.ledger.db)
    assert vector[village.device_id] == max(fine.seq, paid.seq)
    assert vector.get(hub.ledger.device_id, 0) < 900
    import_bundle(village, hub.export_for("红星村", tmp_path / "answer.fs").path)
    village.update("persons", mine, {"phone": "13911112222"})
    hub.import_file(export_bundle(village, tmp_path / "later.fs").path)  # no gap, no re-send
    assert hub.ledger.get("persons", mine)["phone"] == "13911112222"
    held_id = next(h.id for h in hub.rejected() if h.change_id == across.id)
    root = str(hub.root)
    hub.close()
    assert cli(["hub", "rejected", "--dir", root, "--accept", str(held_id)]) == 0
    capsys.readouterr()
    assert cli(["hub", "rejected", "--dir", root, "--json"]) == 0
    listed = {i["id"]: i for i in json.loads(capsys.readouterr().out)}
    assert listed[held_id]["status"] == "accepted" and listed[held_id]["decided_by"]
    assert cli(["hub", "devices", "--dir", root, "--json"]) == 0
    devices = {d["device"]: d for d in json.loads(capsys.readouterr().out)}
    assert devices["红星村"]["refused"] == 2 and devices["红星村"]["role"] == "coordinator"


@pytest.mark.today("2027-06-06")
def test_a_claims_kept_day_is_carried_and_judged_on_both_backends(tmp_path, hub, make_device):
    """A claim now keeps the day its laptop made it (`applied_on`, its 申请日期), which the hub
    judged not at all: a tampered program's claim kept as made in 2100 (out of every report
    until then) or before its own claim date landed, its stamp honest. The hub now judges the
    kept day, at creation and when a later change sets it; an honest claim's day reaches the
    other laptops, and a claim an older program made (no day kept) lands as before, its day
    its stamp's."""
    from fieldapp.services.policy_admin import publish
    from tests.policy.helpers import COUNTY_PACK

    publish(hub.ledger, COUNTY_PACK, "county.toml")
    village = make_device("红星村", VILLAGE)
    second = make_device("红星村二号", VILLAGE)
    _, people = add_family(village, VILLAGE, ["101", "102", "103", "104", "105"])
    for person in people:
        add_job(village, person)

    def made(person: str, **kept: str) -> Change:
        data = named({"person_id": person, "rule_id": "transport_cross_county",
                "limit_key": f"transport|{person}|ever", "state": "草稿", "amount": 500.0,
                "area_code": VILLAGE,
                "spell_id": job_of(person), "event_date": JOB_START, "claim_date": "2027-06-05",
                "person_name": village.get("persons", person)["name"], **kept})  # fmt: skip
        return forge(village, "claims", natural_id("claims", "kept", person), data)

    honest = made(people[0], applied_on="2027-06-06")
    older = made(people[1])  # an older program keeps no day
    late = made(people[2], applied_on="2100-01-01")
    early = made(people[3], applied_on="2027-03-01")
    moved = made(people[4], applied_on="2027-06-06")
    hub.import_file(send(village, tmp_path / "kept.fs").path)
    held = {h.change_id: h for h in hub.rejected()}
    assert set(held) == {late.id, early.id}, [(h.rule, h.reason) for h in held.values()]
    assert {h.rule for h in held.values()} == {"claim_made"}
    assert "2100-01-01" in held[late.id].reason and "2027-03-01" in held[early.id].reason
    assert hub.ledger.get("claims", honest.row_id)["applied_on"] == "2027-06-06"
    import_bundle(village, hub.export_for("红星村", tmp_path / "back.fs").path)
    later = forge(village, "claims", moved.row_id, {"applied_on": "2100-01-01"},
                  parents={"applied_on": village.heads("claims", moved.row_id)["applied_on"]})  # fmt: skip
    hub.import_file(send(village, tmp_path / "later.fs").path)
    assert later.id in {h.change_id for h in hub.rejected()}
    assert hub.ledger.get("claims", moved.row_id)["applied_on"] == "2027-06-06"
    import_bundle(second, hub.export_for("红星村二号", tmp_path / "down.fs").path)
    claims = ClaimQueries(second)
    assert claims.get(honest.row_id).made_on() == dt.date(2027, 6, 6)
    stamped = claims.get(older.row_id)
    assert stamped.applied_on is None and stamped.made_on() == dt.date.today()


@pytest.mark.today("2027-06-06")
def test_a_claims_kept_day_cleared_falls_back_to_a_judged_stamp(tmp_path, hub, make_device):
    """A claim keeping an honest day (`applied_on`) was judged by that day alone, its creating
    change's stamp not at all; a tampered program then sent a change clearing the day, and the
    claim's 申请日期 fell back to the stamp — forged before the claim's own date. Clearing the
    kept day is judged against the stamp of the change that made the claim (held as
    claim_made), and the claim keeps its day. The creating change so stamped — three months
    before the day it keeps — is itself held now (`claim_made`: the day kept must agree with
    its creating stamp), so the claim never lands; one stamped the day before the day it keeps
    (a clock a little behind) lands, and its day cleared falls back to that stamp, before the
    claim's own date: held as before."""
    from fieldapp.services.policy_admin import publish
    from fieldapp.store.hlc import format_stamp
    from tests.policy.helpers import COUNTY_PACK

    publish(hub.ledger, COUNTY_PACK, "county.toml")
    village = make_device("红星村", VILLAGE)
    _, people = add_family(village, VILLAGE, ["101"])
    add_job(village, people[0])
    person = people[0]
    early = format_stamp(int(dt.datetime(2027, 3, 1, 12).timestamp() * 1000), 0)
    data = named({"person_id": person, "rule_id": "transport_cross_county",
            "limit_key": f"transport|{person}|ever", "state": "草稿", "amount": 500.0,
                "area_code": VILLAGE,
            "spell_id": job_of(person), "event_date": JOB_START, "claim_date": "2027-06-05",
            "person_name": village.get("persons", person)["name"],
            "applied_on": "2027-06-06"})  # fmt: skip
    forged = forge(village, "claims", natural_id("claims", "cleared", person), data, hlc=early)
    hub.import_file(send(village, tmp_path / "forged.fs").path)
    held = {h.change_id: h for h in hub.rejected()}
    assert held[forged.id].rule == "claim_made", [(h.rule, h.reason) for h in held.values()]
    assert "2027-03-01" in held[forged.id].reason
    assert hub.ledger.get("claims", forged.row_id) is None
    day_before = format_stamp(int(dt.datetime(2027, 6, 5, 12).timestamp() * 1000), 0)
    data = named(data | {"claim_date": "2027-06-06"})
    made = forge(village, "claims", natural_id("claims", "cleared", "again"), data,
                 hlc=day_before)  # fmt: skip
    hub.import_file(send(village, tmp_path / "made.fs").path)
    assert made.id not in {h.change_id for h in hub.rejected()}, [
        (h.rule, h.reason) for h in hub.rejected()
    ]
    assert hub.ledger.get("claims", made.row_id)["applied_on"] == "2027-06-06"
    import_bundle(village, hub.export_for("红星村", tmp_path / "back.fs").path)
    cleared = forge(village, "claims", made.row_id, {"applied_on": None},
                    parents={"applied_on": village.heads("claims", made.row_id)["applied_on"]})  # fmt: skip
    hub.import_file(send(village, tmp_path / "cleared.fs").path)
    held = {h.change_id: h for h in hub.rejected()}
    assert cleared.id in held and held[cleared.id].rule == "claim_made"
    assert hub.ledger.get("claims", made.row_id)["applied_on"] == "2027-06-06"


@pytest.mark.today("2027-06-06")
def test_the_account_kept_at_approval_is_judged_and_stored_on_both_backends(
    tmp_path, hub, make_device
):
    """The county's approving step keeps the payee's bank and account (migration 32): the
    honest approval's are stored on either backend; one keeping another's account is held
    (`claim_account`)."""
    from fieldapp.domain.account import card_number
    from fieldapp.services.policy_admin import publish
    from tests.policy.helpers import COUNTY_PACK
    from tests.sync.event_village import _county_device

    publish(hub.ledger, COUNTY_PACK, "county.toml")  # the figure the claims are judged by

    own, theirs = card_number("622848001234567"), card_number("622700098765432")
    village = make_device("红星村", VILLAGE)
    _, people = add_family(village, VILLAGE, ["101", "102"])
    claims = []
    for person in people:
        add_job(village, person)
        village.update("persons", person, {"account_bank": "中国农业银行", "account_number": own})
        data = named({"person_id": person, "rule_id": "transport_cross_county",
                "limit_key": f"transport|{person}|ever", "state": "草稿", "amount": 500.0,
                "area_code": VILLAGE, "claim_date": "2027-06-05",
                "spell_id": job_of(person), "event_date": JOB_START,
                "person_name": village.get("persons", person)["name"]})  # fmt: skip
        claims.append(forge(village, "claims", natural_id("claims", "kept", person), data).row_id)
    hub.import_file(send(village, tmp_path / "claims.fs").path)
    for claim in claims:
        hub.ledger.update("claims", claim, {"state": "乡镇审核"})
    county = _county_device(tmp_path, hub)
    import_bundle(county, hub.export_for("县人社局", tmp_path / "down.fs").path)
    approved = []
    for claim, account in zip(claims, (own, theirs), strict=True):
        heads = county.heads("claims", claim)
        kept = {"state": "县审批", "approved_bank": "中国农业银行", "approved_account": account}
        approved.append(forge(county, "claims", claim, kept,
                              parents={k: heads[k] for k in kept if heads.get(k)}))  # fmt: skip
    hub.import_file(export_bundle(county, tmp_path / "up.fs").path)
    held = {h.change_id: h.rule for h in hub.rejected() if h.device == "县人社局"}
    assert held == {approved[1].id: "claim_account"}
    stored = hub.ledger.get("claims", claims[0])
    assert (stored["state"], stored["approved_account"]) == ("县审批", own)
    assert hub.ledger.get("claims", claims[1])["state"] == "乡镇审核"


def test_one_persons_training_on_two_rows_claimed_twice_is_held_on_both_backends(village, hub):
    """The same verdict on either store: a training recorded on a second row of one person
    (the same ID number) claimed again is a repeat (`claim_repeat`)."""
    from fieldapp.domain.claims import ClaimState
    from fieldapp.services.claims import ClaimService
    from fieldapp.services.policy_admin import policy_in_force
    from tests.sync.test_hostile_namesake_event import _claim_on, _namesake_training

    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    course = service.create(village.ids["worker"], "training_living", on=dt.date(2025, 10, 20))
    service.advance(course.id, ClaimState.SUBMITTED, "材料后补")
    village.exchange()
    twin, copy_course = _namesake_training(village, course.person_id, "twin-pg")
    again = _claim_on(village, course.id, twin, copy_course, "twin-pg", "已提交")
    village.exchange()
    held = {h.change_id: h.rule for h in hub.rejected() if h.change.tbl == "claims"}
    assert held == {again.id: "claim_repeat"}, [(h.rule, h.reason) for h in hub.rejected()]
    assert hub.ledger.get("claims", again.row_id) is None
    assert hub.ledger.get("persons", twin) is not None


def test_a_claim_for_a_person_deleted_in_its_bundle_is_held_on_both_backends(village, hub):
    """The same verdict on either store: a new claim for a person deleted in the same bundle
    is held (`claim_person`); the deletion (no claim of theirs waited) lands."""
    from tests.sync.event_village import _edit
    from tests.sync.test_hostile_claim_deleted_person import _draft

    village.exchange()
    worker, row = _draft(village)
    village.exchange()
    gone = _edit(village, "persons", worker, {"deleted": 1})
    forged = forge(village, "claims", natural_id("claims", "forged", "gone"), row)
    village.exchange()
    held = {h.change_id: h.rule for h in hub.rejected() if h.change.tbl == "claims"}
    assert held == {forged.id: "claim_person"}, [(h.rule, h.reason) for h in hub.rejected()]
    assert gone.id not in {h.change_id for h in hub.rejected()}
    assert hub.ledger.get("persons", worker)["deleted"]
    assert hub.ledger.get("claims", forged.row_id) is None


def test_a_print_logged_for_another_village_is_held_on_both_backends(tmp_path, hub, make_device):
    """The same verdict on either store: a print or export log naming another village's
    person or place is held (`logged_scope`); the device's own print lands."""
    village = make_device("红星村", VILLAGE)
    other = make_device("远村", OTHER)
    _, (mine,) = add_family(village, VILLAGE, ["101"])
    _, (theirs,) = add_family(other, OTHER, ["103"], surname="王")
    hub.import_file(export_bundle(other, tmp_path / "other.fs").path)
    paper = {"paper": "公示表", "code": "c0ffee000001", "content_hash": "0" * 64, "pages": 1,
             "rows": 1, "printed_at": "2026-11-30T09:15:00+08:00"}  # fmt: skip
    person = forge(village, "print_log", "forged-person", paper | {"person_id": theirs})
    area = forge(village, "print_log", "forged-area", paper | {"area_code": OTHER})
    export = forge(village, "export_log", "forged-export", {
        "kind": "台账", "file_name": "a.xlsx", "file_hash": "0" * 64, "persons": 1, "rows": 1,
        "area_code": OTHER, "exported_at": "2026-11-30T09:15:00+08:00"})  # fmt: skip
    own = forge(village, "print_log", "own", paper | {"person_id": mine, "area_code": VILLAGE})
    hub.import_file(export_bundle(village, tmp_path / "village.fs").path)
    held = {h.change_id: h.rule for h in hub.rejected()}
    assert held == {c.id: "logged_scope" for c in (person, area, export)}, held
    assert hub.ledger.get("print_log", own.row_id) is not None
    assert hub.ledger.get("print_log", person.row_id) is None


def test_a_paper_printed_before_its_person_moved_away_is_taken_on_both_backends(
    tmp_path, hub, make_device
):
    """The same verdict on either store (`answers.places_then` reads the hub's log): 红星村's
    务工证明 printed offline before its other laptop moved the person to a relocation site
    lands; a log naming the person dated long before they were entered is held."""
    import time

    from fieldapp.domain.enums import Relation
    from fieldapp.domain.models import Household
    from fieldapp.domain.prints import PrintRecord
    from fieldapp.services import households
    from fieldapp.services.printing import log_print
    from fieldapp.services.writer import actor_of
    from tests.sync.helpers import SITE

    village = make_device("红星村", VILLAGE)
    second = make_device("红星村二号", VILLAGE)
    _, (mine,) = add_family(village, VILLAGE, ["101"])
    hub.import_file(export_bundle(village, tmp_path / "v1.fs").path)
    import_bundle(second, hub.export_for("红星村二号", tmp_path / "s1.fs").path)
    time.sleep(1.1)  # printed_at is to the second: printed after the person was entered
    paper = {"paper": "务工证明", "code": "c0ffee000002", "content_hash": "0" * 64, "pages": 1,
             "rows": 1, "person_id": mine, "area_code": VILLAGE}  # fmt: skip
    printed = log_print(village, actor_of(village), PrintRecord(**paper))
    long_ago = forge(village, "print_log", "long-ago", paper | {
        "code": "c0ffee000003", "printed_at": "2020-01-01T09:00:00+08:00"})  # fmt: skip
    households.move_person(
        second, actor_of(second), mine, "易地扶贫搬迁", Relation.HEAD,
        new_household=Household(area_code=SITE, address="5栋1单元"),
    )  # fmt: skip
    hub.import_file(export_bundle(second, tmp_path / "s2.fs").path)
    hub.import_file(export_bundle(village, tmp_path / "v2.fs").path)
    held = {h.change_id: h.rule for h in hub.rejected()}
    assert held == {long_ago.id: "logged_scope"}, held
    assert hub.ledger.get("print_log", printed.id) is not None


#: The county's pack with two post subsidies of its own paid by the month: one for those not
#: 脱贫人口 (`categories_none`), one for 脱贫人口 (`categories_any`).
MONTHLY_CATEGORIES_PACK = (
    COUNTY_PACK
    + """
[[rules]]
id = "post_others"
title = "村级保洁岗位补贴（其他农村劳动力）"
clause = "七人社通〔2026〕3号 第一条"
valid_from = 2026-01-01
payee = "person"
amount = { kind = "fixed", value = 300 }
funding_source = "就业补助资金"
limit = { kind = "once_per_month", group = "post_others" }
evidence = ["身份证复印件"]

[rules.conditions]
forms = ["公益性岗位"]
categories_none = ["脱贫人口"]

[[rules]]
id = "post_lifted"
title = "村级保洁岗位补贴（脱贫人口）"
clause = "七人社通〔2026〕3号 第二条"
valid_from = 2026-01-01
payee = "person"
amount = { kind = "fixed", value = 500 }
funding_source = "衔接推进乡村振兴补助资金"
limit = { kind = "once_per_month", group = "post_lifted" }
evidence = ["身份证复印件"]

[rules.conditions]
forms = ["公益性岗位"]
categories_any = ["脱贫人口"]
"""
)


@pytest.mark.today("2026-08-03")
def test_a_months_categories_are_counted_alike_by_device_and_hub_on_both_backends(
    tmp_path, hub, make_device
):
    """A subsidy paid by the month counts a person's categories on the days of the month paid
    while in the job, up to the claim's date — as the device's judge did; the hub counted them
    from the month's first day (to its last): 张0, 脱贫人口 until 10 July, on the post from 15
    July, and 张1, on the post 1–15 July, 脱贫人口 from 20 July, were 符合条件 on the device
    for July's post subsidy for others, and their honest claims were held at the hub (not paid
    to 脱贫人口); 张0's claim of the one for 脱贫人口 (which the device does not offer him) was
    taken. Both now count the same days (`eligibility.categories_days`)."""
    from fieldapp.domain.claims import ClaimState
    from fieldapp.domain.models import CategoryMembership, EmploymentSpell
    from fieldapp.policy.eligibility import Status
    from fieldapp.services.claims import ClaimService, EligibilityService
    from fieldapp.services.policy_admin import policy_in_force, publish
    from tests.records import Records

    publish(hub.ledger, MONTHLY_CATEGORIES_PACK, "county.toml")
    village = make_device("红星村", VILLAGE)
    import_bundle(village, hub.export_for("红星村", tmp_path / "pack.fs").path)
    _, (left, late) = add_family(village, VILLAGE, ["101", "102"])
    repo = Records(village)
    days = {left: ("2026-07-15", None, "2016-01-01", "2026-07-10"),
            late: ("2026-07-01", "2026-07-15", "2026-07-20", None)}  # fmt: skip
    with village.transaction():
        for person, (start, end, since, until) in days.items():
            repo.save(EmploymentSpell(
                person_id=person, start_date=dt.date.fromisoformat(start),
                end_date=dt.date.fromisoformat(end) if end else None, form="公益性岗位",
                place_code="520502101", employer="红星村保洁岗", contract_months=12))  # fmt: skip
            repo.save(CategoryMembership(
                person_id=person, category="脱贫人口", start_date=dt.date.fromisoformat(since),
                end_date=dt.date.fromisoformat(until) if until else None))  # fmt: skip
    july = dt.date(2026, 7, 31)
    policy = policy_in_force(village)
    found = {
        (r.person_id, r.rule_id): r.status
        for r in EligibilityService(village, policy).for_all(july, include_not_eligible=True)
    }
    assert found[left, "post_others"] is found[late, "post_others"] is Status.ELIGIBLE
    assert found[left, "post_lifted"] is Status.NOT_ELIGIBLE
    service = ClaimService(village, policy)
    made = []
    for person in (left, late):
        claim = service.create(village.get("persons", person)["id_number"], "post_others", on=july)
        made.append(service.advance(claim.id, ClaimState.SUBMITTED, "材料后补").id)
    hub.import_file(export_bundle(village, tmp_path / "up.fs").path)
    assert [(h.rule, h.reason) for h in hub.rejected()] == []
    assert [hub.ledger.get("claims", c)["state"] for c in made] == ["已提交"] * 2
    # … and the claim the device does not offer, made by a tampered program, is held
    from tests.sync.test_hostile_events import _copy

    row = _copy(village, made[0])
    forged = forge(village, "claims", natural_id("claims", "forged", "lifted"), row | {
        "rule_id": "post_lifted", "rule_title": "村级保洁岗位补贴（脱贫人口）",
        "source_clause": "七人社通〔2026〕3号 第二条", "amount": 500.0,
        "funding_source": "衔接推进乡村振兴补助资金",
        "limit_key": row["limit_key"].replace("post_others", "post_lifted")})  # fmt: skip
    hub.import_file(send(village, tmp_path / "forged.fs").path)
    held = {h.change_id: h for h in hub.rejected()}
    assert set(held) == {forged.id}, [(h.rule, h.reason) for h in held.values()]
    assert held[forged.id].rule == "claim_category", held[forged.id].reason


def test_an_offer_to_a_household_the_hub_does_not_hold_is_held_on_both_backends(
    tmp_path, hub, make_device
):
    """An offer (`moving_to`) names a household some village can answer: one that is nowhere
    is held (`offer_target`), one in a village the hub lists stands, on either store."""
    from fieldapp.store.ids import new_id

    village = make_device("红星村", VILLAGE)
    other = make_device("远村", OTHER)
    _, (mine, second) = add_family(village, VILLAGE, ["101", "105"])
    _, (theirs,) = add_family(other, OTHER, ["103"], surname="王")
    for device in (other, village):
        hub.import_file(export_bundle(device, tmp_path / f"{device.device_id}.fs").path)
    their_home = hub.ledger.get("persons", theirs)["household_id"]
    nowhere = forge(village, "persons", mine, {"moving_to": new_id(), "change_reason": "投亲"})
    forge(village, "persons", second, {"moving_to": their_home, "change_reason": "投亲"})
    hub.import_file(export_bundle(village, tmp_path / "offers.fs").path)
    assert {h.change_id: h.rule for h in hub.rejected()} == {nowhere.id: "offer_target"}
    assert hub.ledger.get("persons", mine)["moving_to"] is None
    assert hub.ledger.get("persons", second)["moving_to"] == their_home
