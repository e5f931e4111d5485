"""A coordinator's own laptop, its ledger edited past the program (the ledger's password is the
coordinator's: SQLite opens it, and a row can be written without a change in the log).

Such a row never leaves the laptop: a bundle carries only logged changes (asserted below). But
a claim made on the laptop freezes what the rule saw (`Claim.facts`: the categories held, the
job) and travels, logged, on its own. 王五 is no 脱贫人口: a 脱贫人口 row slipped into the
laptop's ledger made him eligible for the 一次性交通补助 there, the program made and submitted
the claim as it should on what it read — and the hub, which judged the claim's amount, month,
job and payee but not who the person was, took it, its form printing 属于脱贫人口 and its money
from 衔接推进乡村振兴补助资金, while its own ledger had no such 脱贫人口 record. A claim made or
submitted now holds only the categories its person holds on the receiving ledger in the days
it paid for (`claim_category`); else the hub holds it for the county."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from fieldapp.domain.claims import ClaimState
from fieldapp.domain.enums import UnemploymentClass
from fieldapp.domain.models import CategoryMembership, EmploymentSpell, UnemploymentRegistration
from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import policy_in_force, publish
from fieldapp.store.held import HeldChanges
from fieldapp.store.ids import natural_id
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.conftest import make_id
from tests.policy.helpers import COUNTY_PACK
from tests.records import Records
from tests.sync.helpers import VILLAGE, add_family, add_job, unpack

pytestmark = pytest.mark.today("2026-07-10")


def _slipped_in(device, person_id: str, category: str = "脱贫人口") -> str:
    """A membership written straight into the laptop's SQLite file: no change logged."""
    row_id = natural_id("person_categories", "slipped", person_id)
    row = CategoryMembership(
        id=row_id, person_id=person_id, category=category, start_date=dt.date(2016, 1, 1)
    ).fields()
    with device.transaction():
        device.db.execute(
            "INSERT INTO person_categories (id, person_id, category, start_date, deleted)"
            " VALUES (?, ?, ?, ?, 0)",
            [row_id, row["person_id"], row["category"], row["start_date"]],
        )
    return row_id


def test_a_category_written_past_the_log_gives_no_claim_at_the_hub(tmp_path, hub, make_device):
    publish(hub.ledger, COUNTY_PACK, "county.toml")
    device = make_device("红星村", VILLAGE)
    _, (pid,) = add_family(device, VILLAGE, ["101"], surname="王")
    add_job(device, pid)
    hub.import_file(export_bundle(device, tmp_path / "up0.fs").path)
    import_bundle(device, hub.export_for("红星村", tmp_path / "dn0.fs").path)

    slipped = _slipped_in(device, pid)
    service = ClaimService(device, policy_in_force(device))
    claim = service.create(make_id(seq="101"), "transport_cross_county", on=dt.date(2026, 7, 1))
    assert (
        "脱贫人口" in claim.facts.categories and claim.funding_source == "衔接推进乡村振兴补助资金"
    )
    service.advance(claim.id, ClaimState.SUBMITTED, "材料后补")
    sent = export_bundle(device, tmp_path / "up1.fs").path
    # The slipped row is not in the bundle: only logged changes leave the laptop.
    payload = unpack(sent, hub.ledger)["changes.ndjson"].decode("utf-8")
    rows = {json.loads(line)["row_id"] for line in payload.splitlines() if line.strip()}
    assert claim.id in rows and slipped not in rows

    result = hub.import_file(sent)
    assert hub.ledger.get("person_categories", slipped) is None
    assert hub.ledger.get("claims", claim.id) is None, (
        "the claim landed on a category the hub lacks"
    )
    held = HeldChanges(hub.ledger.db).list()
    (reason,) = {
        h.reason for h in held if h.change.row_id == claim.id and h.rule == "claim_category"
    }
    assert "属于脱贫人口" in reason and "台账上" in reason, reason
    # The days as a coordinator writes them (it read 台账上王五在2025-03-05 那天 …).
    assert re.search(r"在\d{4}年\d{1,2}月\d{1,2}日(那天|至)", reason), reason
    assert result is not None


def test_a_category_logged_with_the_claim_lets_it_land(tmp_path, hub, make_device):
    """The honest case beside it: 王五 found to be 脱贫人口 and his claim made the same day, both
    reach the hub in one bundle (the category first, as the laptop logged it): it lands."""
    publish(hub.ledger, COUNTY_PACK, "county.toml")
    device = make_device("红星村", VILLAGE)
    _, (pid,) = add_family(device, VILLAGE, ["101"], surname="王")
    add_job(device, pid)
    import_bundle(device, hub.export_for("红星村", tmp_path / "dn.fs").path)  # the county's pack
    with device.transaction():
        Records(device).save(
            CategoryMembership(person_id=pid, category="脱贫人口", start_date=dt.date(2016, 1, 1))
        )
    service = ClaimService(device, policy_in_force(device))
    claim = service.create(make_id(seq="101"), "transport_cross_county", on=dt.date(2026, 7, 1))
    service.advance(claim.id, ClaimState.SUBMITTED, "材料后补")
    hub.import_file(export_bundle(device, tmp_path / "up.fs").path)
    assert HeldChanges(hub.ledger.db).list() == []
    assert hub.ledger.get("claims", claim.id)["state"] == ClaimState.SUBMITTED


def _lifted_worker_in_the_county(tmp_path, hub, make_device) -> tuple[object, str, str]:
    """红星村's laptop with 王五 (脱贫人口) working in 七星关区, synced both ways with the county
    pack in force: (the device, his id, his job's id)."""
    publish(hub.ledger, COUNTY_PACK, "county.toml")
    device = make_device("红星村", VILLAGE)
    _, (pid,) = add_family(device, VILLAGE, ["101"], surname="王")
    job = add_job(device, pid)
    with device.transaction():
        Records(device).save(
            CategoryMembership(person_id=pid, category="脱贫人口", start_date=dt.date(2016, 1, 1))
        )
        device.update("employment_spells", job, {"place_code": "520502002", "place_name": ""})
    hub.import_file(export_bundle(device, tmp_path / "up0.fs").path)
    import_bundle(device, hub.export_for("红星村", tmp_path / "dn0.fs").path)
    return device, pid, job


def test_a_job_moved_past_the_log_gives_no_claim_at_the_hub(tmp_path, hub, make_device):
    """The same with the job: 王五 (脱贫人口) works in the county (七星关区, no 交通补助). His job's
    place written as 深圳市南山区 straight into the laptop's file made him eligible there; the
    claim's frozen job says 440305, the hub's says 520502 — held (`claim_event`)."""
    device, pid, job = _lifted_worker_in_the_county(tmp_path, hub, make_device)

    with device.transaction():
        device.db.execute(
            "UPDATE employment_spells SET place_code = '440305', place_name = '深圳市南山区'"
            " WHERE id = ?",
            [job],
        )
    service = ClaimService(device, policy_in_force(device))
    claim = service.create(make_id(seq="101"), "transport_cross_county", on=dt.date(2026, 7, 1))
    assert claim.facts.spell is not None and claim.facts.spell.place_code == "440305"
    service.advance(claim.id, ClaimState.SUBMITTED, "材料后补")
    hub.import_file(export_bundle(device, tmp_path / "up1.fs").path)
    assert hub.ledger.get("employment_spells", job)["place_code"] == "520502002"
    assert hub.ledger.get("claims", claim.id) is None, "the claim landed on a job the hub lacks"
    held = HeldChanges(hub.ledger.db).list()
    reasons = {h.rule: h.reason for h in held if h.change.row_id == claim.id}
    assert "深圳市南山区" in reasons["claim_event"] and "七星关区" in reasons["claim_event"], (
        reasons
    )


def _hired(device, person_id: str, registered: dt.date) -> tuple[str, str]:
    """王五, registered unemployed on `registered` (logged), hired by a small company on
    2025-06-02 (a 1-year contract, 3 months insured): the 吸纳登记失业半年以上人员 subsidy's
    case. Returns (registration id, job id)."""
    reg = UnemploymentRegistration(
        person_id=person_id,
        found_date=registered,
        registered_date=registered,
        unemployment_class=UnemploymentClass.NO_SKILLS,
        ended_date=dt.date(2025, 6, 1),
    )
    job = EmploymentSpell(
        person_id=person_id,
        start_date=dt.date(2025, 6, 2),
        place_code="520502002",
        employer="某公司",
        employer_kind="小微企业",
        contract_months=12,
        insurance_months=3,
    )
    with device.transaction():
        return Records(device).save(reg), Records(device).save(job)


def test_a_registration_moved_back_past_the_log_gives_no_claim_at_the_hub(
    tmp_path, hub, make_device
):
    """王五 registered unemployed on 2025-03-01, three months before the company hired him: no
    一次性吸纳就业补贴 for a hire of someone unemployed half a year. His registration's day
    written back to 2024-10-01 straight into the laptop's file made him eight months unemployed
    there; the program made and submitted the company's 500 元 claim on it, and the hub, whose
    registration says 2025-03-01, must hold it (`claim_facts`), naming both days."""
    publish(hub.ledger, COUNTY_PACK, "county.toml")
    device = make_device("红星村", VILLAGE)
    _, (pid,) = add_family(device, VILLAGE, ["101"], surname="王")
    reg, _job = _hired(device, pid, dt.date(2025, 3, 1))
    hub.import_file(export_bundle(device, tmp_path / "up0.fs").path)
    import_bundle(device, hub.export_for("红星村", tmp_path / "dn0.fs").path)

    with device.transaction():
        device.db.execute(
            "UPDATE unemployment_registrations SET registered_date = '2024-10-01',"
            " found_date = '2024-10-01' WHERE id = ?",
            [reg],
        )
    service = ClaimService(device, policy_in_force(device))
    claim = service.create(make_id(seq="101"), "absorb_long_unemployed", on=dt.date(2025, 9, 5))
    assert claim.amount == 500
    service.advance(claim.id, ClaimState.SUBMITTED, "材料后补")
    hub.import_file(export_bundle(device, tmp_path / "up1.fs").path)
    assert hub.ledger.get("unemployment_registrations", reg)["registered_date"] == "2025-03-01"
    assert hub.ledger.get("claims", claim.id) is None, (
        "the claim landed on a registration the hub lacks"
    )
    held = HeldChanges(hub.ledger.db).list()
    reasons = {h.rule: h.reason for h in held if h.change.row_id == claim.id}
    reason = reasons["claim_facts"]
    assert "2024年10月1日" in reason and "2025年3月1日" in reason and "登记失业" in reason, reason


def test_a_registration_logged_with_the_claim_lets_it_land(tmp_path, hub, make_device):
    """The honest case: 王五 registered on 2024-10-01, his hire and the company's claim reach
    the hub in one bundle (the registration first, as logged): it lands."""
    publish(hub.ledger, COUNTY_PACK, "county.toml")
    device = make_device("红星村", VILLAGE)
    _, (pid,) = add_family(device, VILLAGE, ["101"], surname="王")
    import_bundle(device, hub.export_for("红星村", tmp_path / "dn.fs").path)  # the county's pack
    _hired(device, pid, dt.date(2024, 10, 1))
    service = ClaimService(device, policy_in_force(device))
    claim = service.create(make_id(seq="101"), "absorb_long_unemployed", on=dt.date(2025, 9, 5))
    service.advance(claim.id, ClaimState.SUBMITTED, "材料后补")
    hub.import_file(export_bundle(device, tmp_path / "up.fs").path)
    assert HeldChanges(hub.ledger.db).list() == []
    assert hub.ledger.get("claims", claim.id)["state"] == ClaimState.SUBMITTED


def _graduate_hired(tmp_path, hub, make_device, year: int, left: str) -> tuple[object, str]:
    """王五 (graduated `year`, left school `left`, both logged), hired by a small company on
    2023-08-01 on a 1-year contract, all at the hub; returns (device, person id)."""
    publish(hub.ledger, COUNTY_PACK, "county.toml")
    device = make_device("红星村", VILLAGE)
    _, (pid,) = add_family(device, VILLAGE, ["101"], surname="王")
    job = EmploymentSpell(
        person_id=pid,
        start_date=dt.date(2023, 8, 1),
        place_code="520502002",
        employer="某公司",
        employer_kind="小微企业",
        contract_months=12,
        insurance_months=3,
    )
    with device.transaction():
        device.update("persons", pid, {"graduation_year": year, "left_school_month": left})
        Records(device).save(job)
    hub.import_file(export_bundle(device, tmp_path / "up0.fs").path)
    import_bundle(device, hub.export_for("红星村", tmp_path / "dn0.fs").path)
    return device, pid


def test_a_graduation_moved_past_the_log_gives_no_claim_at_the_hub(tmp_path, hub, make_device):
    """王五 left school in July 2020: hired in August 2023 he is past 离校2年内, no 1000 元
    一次性吸纳就业补贴 for the company. His graduation written as 2023 straight into the
    laptop's file made him a graduate of the year there; the claim made on it is held at the
    hub, which has him leaving in 2020 (`claim_facts`), naming both years."""
    device, pid = _graduate_hired(tmp_path, hub, make_device, 2020, "2020-07")
    with device.transaction():
        device.db.execute(
            "UPDATE persons SET graduation_year = 2023, left_school_month = '2023-07' WHERE id = ?",
            [pid],
        )
    service = ClaimService(device, policy_in_force(device))
    claim = service.create(make_id(seq="101"), "absorb_graduate", on=dt.date(2023, 11, 1))
    assert claim.amount == 1000
    service.advance(claim.id, ClaimState.SUBMITTED, "材料后补")
    hub.import_file(export_bundle(device, tmp_path / "up1.fs").path)
    assert hub.ledger.get("persons", pid)["graduation_year"] == 2020
    assert hub.ledger.get("claims", claim.id) is None, "the claim landed on a graduation it lacks"
    held = HeldChanges(hub.ledger.db).list()
    reasons = {h.rule: h.reason for h in held if h.change.row_id == claim.id}
    reason = reasons["claim_facts"]
    assert "2023年毕业" in reason and "2020年7月离校" in reason and "离校后至" not in reason, reason


def test_an_earlier_job_deleted_past_the_log_gives_no_claim_at_the_hub(tmp_path, hub, make_device):
    """王五 graduated in 2023 but worked at a 餐馆 from August before the company hired him: no
    离校未就业 graduate. The 餐馆 job deleted straight from the laptop's file made him one there;
    the hub, which still has it, holds the claim (`claim_facts`), naming the job."""
    device, pid = _graduate_hired(tmp_path, hub, make_device, 2023, "2023-07")
    earlier = EmploymentSpell(
        person_id=pid,
        start_date=dt.date(2023, 7, 10),
        end_date=dt.date(2023, 7, 30),
        place_code="520502002",
        employer="某餐馆",
        form="灵活就业",
    )
    with device.transaction():
        gone = Records(device).save(earlier)
    hub.import_file(export_bundle(device, tmp_path / "up1.fs").path)
    with device.transaction():
        device.db.execute("DELETE FROM employment_spells WHERE id = ?", [gone])
    service = ClaimService(device, policy_in_force(device))
    claim = service.create(make_id(seq="101"), "absorb_graduate", on=dt.date(2023, 11, 1))
    service.advance(claim.id, ClaimState.SUBMITTED, "材料后补")
    hub.import_file(export_bundle(device, tmp_path / "up2.fs").path)
    assert hub.ledger.get("claims", claim.id) is None, "the claim landed past a job it lacks"
    held = HeldChanges(hub.ledger.db).list()
    reasons = {h.rule: h.reason for h in held if h.change.row_id == claim.id}
    assert "某餐馆" in reasons["claim_facts"], reasons


def test_a_graduate_of_the_year_lands_at_the_hub(tmp_path, hub, make_device):
    """The honest case: 王五 left school in July 2023, hired in August: the claim lands."""
    device, _ = _graduate_hired(tmp_path, hub, make_device, 2023, "2023-07")
    service = ClaimService(device, policy_in_force(device))
    claim = service.create(make_id(seq="101"), "absorb_graduate", on=dt.date(2023, 11, 1))
    service.advance(claim.id, ClaimState.SUBMITTED, "材料后补")
    hub.import_file(export_bundle(device, tmp_path / "up1.fs").path)
    assert HeldChanges(hub.ledger.db).list() == []
    assert hub.ledger.get("claims", claim.id)["state"] == ClaimState.SUBMITTED


def _exported(device, person_id: str, agency: str, start: dt.date, **kw: object) -> str:
    """A job in 深圳 that 某劳务公司 (`agency`) sent 王五 to (logged); returns its id."""
    job = EmploymentSpell(
        person_id=person_id,
        start_date=start,
        place_code="440305",
        place_name="深圳市南山区",
        employer="某电子厂",
        organized_export=True,
        export_agency=agency,
        **kw,  # type: ignore[arg-type]
    )
    with device.transaction():
        return Records(device).save(job)


@pytest.mark.parametrize("earlier", [True, False], ids=["exported_before", "first_export"])
def test_an_earlier_export_deleted_past_the_log_gives_no_claim_at_the_hub(
    tmp_path, hub, make_device, earlier
):
    """王五 (脱贫人口) went to 深圳 through 某劳务公司 in 2024 and again in 2025: the 1000 元
    一次性求职创业补贴 pays a first organized export only. The 2024 job deleted straight from
    the laptop's file made the 2025 one his first there; the hub, which has the 2024 job, holds
    the claim (`claim_facts`), naming it. Without a 2024 job (the honest case) it lands."""
    publish(hub.ledger, COUNTY_PACK, "county.toml")
    device = make_device("红星村", VILLAGE)
    _, (pid,) = add_family(device, VILLAGE, ["101"], surname="王")
    with device.transaction():
        Records(device).save(
            CategoryMembership(person_id=pid, category="脱贫人口", start_date=dt.date(2016, 1, 1))
        )
    first = _exported(
        device, pid, "某劳务公司", dt.date(2024, 3, 1), end_date=dt.date(2024, 12, 31)
    )
    _exported(device, pid, "某劳务合作社", dt.date(2025, 3, 1))
    hub.import_file(export_bundle(device, tmp_path / "up0.fs").path)
    import_bundle(device, hub.export_for("红星村", tmp_path / "dn0.fs").path)
    if earlier:
        with device.transaction():
            device.db.execute("DELETE FROM employment_spells WHERE id = ?", [first])
    else:  # deleted as the program deletes: logged, and so at the hub too
        with device.transaction():
            device.update("employment_spells", first, {"deleted": 1})

    service = ClaimService(device, policy_in_force(device))
    claim = service.create(
        make_id(seq="101"), "job_search_export_out_of_province", on=dt.date(2025, 6, 1)
    )
    assert claim.amount == 1000
    service.advance(claim.id, ClaimState.SUBMITTED, "材料后补")
    hub.import_file(export_bundle(device, tmp_path / "up1.fs").path)
    held = HeldChanges(hub.ledger.db).list()
    reasons = {h.rule: h.reason for h in held if h.change.row_id == claim.id}
    if not earlier:
        assert held == [] and hub.ledger.get("claims", claim.id)["state"] == ClaimState.SUBMITTED
        return
    assert hub.ledger.get("claims", claim.id) is None, "the claim landed past a job it lacks"
    reason = reasons["claim_facts"]
    assert "首次通过有组织劳务输出就业" in reason and "2024年3月1日" in reason, reason
    assert "某劳务公司" in reason, reason


def test_a_home_moved_past_the_log_gives_no_claim_at_the_hub(tmp_path, hub, make_device):
    """王五 (脱贫人口, 户籍 七星关区) works in 七星关区: no 跨县 交通补助. His 户籍 written as
    大方县 straight into the laptop's file made the same job 省内跨县 there; the claim's job is
    the hub's to the letter, but the hub, judging where it is from his 户籍 as it has it, holds
    the claim (`claim_facts`), saying 属县内."""
    device, pid, job = _lifted_worker_in_the_county(tmp_path, hub, make_device)

    with device.transaction():
        device.db.execute("UPDATE persons SET hukou_code = '520521' WHERE id = ?", [pid])
    service = ClaimService(device, policy_in_force(device))
    claim = service.create(make_id(seq="101"), "transport_cross_county", on=dt.date(2026, 7, 1))
    service.advance(claim.id, ClaimState.SUBMITTED, "材料后补")
    hub.import_file(export_bundle(device, tmp_path / "up1.fs").path)
    assert hub.ledger.get("claims", claim.id) is None, "the claim landed on a home the hub lacks"
    held = HeldChanges(hub.ledger.db).list()
    reasons = {h.rule: h.reason for h in held if h.change.row_id == claim.id}
    reason = reasons["claim_facts"]
    assert "属省内跨县" in reason and "属县内" in reason and "〔" not in reason, reason
