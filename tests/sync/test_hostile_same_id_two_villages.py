"""One person on two villages' ledgers (the same ID number on two person rows: a family
registered at its resettlement site while its home village still holds it, or a tampered
program entering someone again elsewhere), each village claiming the same month's post subsidy
for them: the one-time guard counts claims by person row (`limit_key`), so two rows are two
people to it and the month is paid twice (重复享受、虚报冒领). The hub holds the later claim's
review step as it holds a repeat under one key (`claim_repeat`), and a device holding both
rows (the township's, or a village's two laptops') does not pass it on."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.claims import ClaimState
from fieldapp.domain.models import Area, EmploymentSpell, Household, Person
from fieldapp.services.claims import ClaimRefused, ClaimService
from fieldapp.services.policy_admin import policy_in_force
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.records import Records
from tests.sync import raised_figure
from tests.sync.raised_figure import NEIGHBOUR, NUMBER

#: December 2026 is claimed once it is past.
pytestmark = pytest.mark.today("2027-03-01")

village = raised_figure.village


def _namesake(device, area: str, household_no: str = "021") -> str:
    """赵六 again, on `device` in `area`: the same ID number, the same 保洁岗 since July."""
    repo = Records(device)
    with device.transaction():
        repo.ensure_area(Area(code=area, name="新寨村", kind="村"))
        home = repo.save(Household(area_code=area, household_no=household_no))
        pid, _ = repo.add_person(Person(household_id=home, name="赵六", id_number=NUMBER))
        repo.save(
            EmploymentSpell(
                person_id=pid,
                start_date=dt.date(2026, 7, 1),
                form="公益性岗位",
                place_code="520502001",
                employer="红星村保洁岗",
                contract_months=12,
            )
        )
    return pid


def _december(device, step: ClaimState = ClaimState.VILLAGE_REVIEWED):
    """赵六's December post subsidy claimed on `device` and taken to `step`."""
    service = ClaimService(device, policy_in_force(device))
    made = service.create(NUMBER, "welfare_post_subsidy", on=dt.date(2026, 12, 31))
    if step is not ClaimState.DRAFT:
        service.advance(made.id, ClaimState.SUBMITTED, "材料后补")
    if step is ClaimState.VILLAGE_REVIEWED:
        service.advance(made.id, ClaimState.VILLAGE_REVIEWED)
    return made


def test_the_same_id_numbers_month_claimed_in_a_second_village_is_held(
    village, hub, make_device, tmp_path
):
    """红星村 claims 赵六's December and passes it 村审核; 新寨村, holding 赵六 under the same ID
    number, claims December again and passes it 村审核 too. Its step is held at the hub as a
    repeat, naming 赵六 and the month; the first claim stands reviewed."""
    first = _december(village)
    village.exchange()
    other = make_device("新寨村", NEIGHBOUR)
    hub.import_file(export_bundle(other, tmp_path / "o0.fs").path)
    import_bundle(other, hub.export_for("新寨村", tmp_path / "od0.fs").path)
    _namesake(other, NEIGHBOUR)
    second = _december(other)  # its device holds no other 赵六: nothing to refuse
    hub.import_file(export_bundle(other, tmp_path / "o1.fs").path)
    held = [h for h in hub.rejected() if h.change.row_id == second.id]
    assert [h.rule for h in held] == ["claim_repeat"], [(h.rule, h.reason) for h in held]
    assert "赵六" in held[0].reason and "2026年12月" in held[0].reason, held[0].reason
    assert hub.ledger.get("claims", second.id)["state"] == ClaimState.SUBMITTED.value
    assert hub.ledger.get("claims", first.id)["state"] == ClaimState.VILLAGE_REVIEWED.value


def test_a_device_holding_both_rows_does_not_pass_the_second_claim_on(
    village, hub, make_device, tmp_path
):
    """红星村's second laptop entered 赵六 again offline (the same ID number, another household)
    and claimed his December, as the first laptop did: once both reach the first laptop, the
    later claim is not submitted there; the first still is."""
    first = _december(village, ClaimState.DRAFT)
    second_laptop = make_device("红星村二号", raised_figure.HOME)
    _namesake(second_laptop, raised_figure.HOME, household_no="031")
    # (the county's pack, and the first 赵六, come after: he is found by his number on it)
    import_bundle(second_laptop, hub.export_for("红星村二号", tmp_path / "sd0.fs").path)
    second = _december(second_laptop, ClaimState.DRAFT)
    hub.import_file(export_bundle(second_laptop, tmp_path / "s0.fs").path)
    village.exchange()
    assert village.get("claims", second.id) is not None
    service = ClaimService(village, policy_in_force(village))
    with pytest.raises(ClaimRefused) as refused:
        service.advance(second.id, ClaimState.SUBMITTED, "材料后补")
    said = str(refused.value)
    assert "赵六" in said and "重复申领" in said and "2026年12月" in said, said
    assert village.get("claims", second.id)["state"] == ClaimState.DRAFT.value
    service.advance(first.id, ClaimState.SUBMITTED, "材料后补")
