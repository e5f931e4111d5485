"""Claims a tampered village (township) program can still bend after the figure, month, job and
payee checks (`test_hostile_figures.py`, `test_hostile_events.py`): a claim asking for nothing
or less than nothing, or for no day at all (so never compared with the standard); a claim
written into another village's place; a person moved out of the township while a claim of
theirs waits for payment; a repeat that sorts before the approved claim; an approved claim's
batch changed. Each is refused at the device's write door and held at the hub."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from fieldapp.domain.claims import Claim as ClaimModel
from fieldapp.domain.claims import ClaimState
from fieldapp.domain.enums import Relation
from fieldapp.domain.models import Household
from fieldapp.services.actor import actor_of
from fieldapp.services.claims import ClaimRefused, ClaimService
from fieldapp.services.policy_admin import policy_in_force
from fieldapp.services.trust_check import TrustRefused
from fieldapp.services.writer import writing
from fieldapp.store.ledger import Ledger, natural_id
from fieldapp.sync.exchange import import_bundle
from tests.policy.helpers import HOME
from tests.sync import raised_figure as figures
from tests.sync.event_village import _edit
from tests.sync.hostile import forge
from tests.sync.raised_figure import NEIGHBOUR, _december

NUMBER = figures.NUMBER
#: A village of another township.
ELSEWHERE = "520502002001"

pytestmark = pytest.mark.today("2027-03-01")


#: 红星村's laptop holding 赵六 (a 公益性岗位 since July 2026) and the county's 2027 pack, synced;
#: a claim's fields as a tampered program sends them for a claim of its own.
village = figures.village
_copy = figures._copy


def _write(device: Ledger, table: str, row_id: str, data: dict[str, Any]) -> None:
    """An edit through the device's own write door (as any service writes)."""
    with writing(device, actor_of(device)) as writer:
        writer.update_row(table, row_id, data)


# -- 1. claim_amount: nothing, less than nothing, or no day to judge the amount by ------------


def test_a_claim_for_nothing_less_or_no_day_is_held_at_the_hub(village, hub):
    """The figure check compared an amount with the standard only from above, and only when the
    claim had a 申领日期: a tampered program's claim for -600 元 (it lowers the roster's total
    and hides another's excess), for 0 元 (it takes the person's one month and can be raised
    later by another device's edit of the draft), and a claim with no 申领日期 (no month, so no
    standard: any amount passed) all landed. Each is now held (`claim_amount`)."""
    december = _december(village)
    row = _copy(village, december.id)
    november = row | {"claim_date": "2026-11-30",
                      "limit_key": row["limit_key"].replace("2026-12", "2026-11")}  # fmt: skip
    negative = forge(village, "claims", natural_id("claims", "forged", "neg"),
                     november | {"amount": -600.0})  # fmt: skip
    october = row | {"claim_date": "2026-10-31",
                     "limit_key": row["limit_key"].replace("2026-12", "2026-10")}  # fmt: skip
    nothing = forge(village, "claims", natural_id("claims", "forged", "zero"),
                    october | {"amount": 0.0})  # fmt: skip
    undated = forge(village, "claims", natural_id("claims", "forged", "undated"),
                    row | {"claim_date": None, "amount": 6000.0,
                           "limit_key": row["limit_key"].replace("2026-12", "")})  # fmt: skip
    cleared = _edit(village, "claims", december.id, {"claim_date": None, "amount": 6000.0})
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert {negative.id, nothing.id, undated.id, cleared.id} <= set(held)
    assert {held[c.id].rule for c in (negative, nothing, undated, cleared)} == {"claim_amount"}
    assert "-600 元" in held[negative.id].reason and "大于零" in held[negative.id].reason
    assert "赵六" in held[undated.id].reason and "没有申领日期" in held[undated.id].reason
    for forged in (negative, nothing, undated):
        assert hub.ledger.get("claims", forged.row_id) is None
    stored = hub.ledger.get("claims", december.id)
    assert (stored["amount"], stored["claim_date"]) == (600, "2026-12-31")


def test_the_village_device_refuses_a_claim_for_nothing_or_without_its_day(village, hub):
    """The write door refuses the same edits, and a claim a tampered program left on the laptop
    with such an amount or no day is not passed on by the honest program."""
    december = _december(village)
    for data in ({"amount": 0.0}, {"amount": -1.0}, {"claim_date": None}):
        with pytest.raises(TrustRefused) as refused:
            _write(village, "claims", december.id, data)
        assert refused.value.rule == "claim_amount", str(refused.value)
    assert village.get("claims", december.id)["amount"] == 600
    service = ClaimService(village, policy_in_force(village))
    for data in ({"amount": -600.0}, {"claim_date": None}):
        forged = forge(village, "claims", december.id, data)
        with pytest.raises(ClaimRefused) as refused:
            service.advance(december.id, ClaimState.SUBMITTED, "材料后补")
        assert "赵六" in str(refused.value), str(refused.value)
        assert village.get("claims", december.id)["state"] == ClaimState.DRAFT.value
        forge(village, "claims", december.id, {"amount": 600.0, "claim_date": "2026-12-31"},
              parents={k: [forged.id] for k in data})  # fmt: skip
    service.advance(december.id, ClaimState.SUBMITTED, "材料后补")


# -- 3. claim_area: a claim placed in another village ------------------------------------------


def test_a_claim_placed_in_another_village_is_held_and_never_reaches_it(
    village, hub, make_device, tmp_path
):
    """A claim's area code puts it on its village's 公示表 and into the batches made there; the
    trust rules placed a claim by its person only. A tampered 红星村 program wrote 赵六's
    November claim into 白云村 (the same township), and moved his December draft there: both
    landed, and 白云村's laptop received them, to be posted and batched as its own. Both are
    now held (`claim_area`), and 白云村 never receives them; the honest claim lands."""
    neighbour = make_device("白云村", NEIGHBOUR)
    december = _december(village)
    row = _copy(village, december.id)
    november = forge(village, "claims", natural_id("claims", "forged", "nov"),
                     row | {"area_code": NEIGHBOUR, "claim_date": "2026-11-30",
                            "limit_key": row["limit_key"].replace("2026-12", "2026-11")})  # fmt: skip
    moved = _edit(village, "claims", december.id, {"area_code": NEIGHBOUR})
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert set(held) == {november.id, moved.id}
    assert {h.rule for h in held.values()} == {"claim_area"}, [h.reason for h in held.values()]
    why = held[moved.id].reason
    # The hub does not list the neighbour village: said in words, never by its code.
    assert "赵六" in why and "市西街道的一个村" in why and "红星村" in why, why
    assert NEIGHBOUR not in why and HOME not in why, why
    assert hub.ledger.get("claims", november.row_id) is None
    assert hub.ledger.get("claims", december.id)["area_code"] == HOME
    import_bundle(neighbour, hub.export_for("白云村", tmp_path / "neighbour.fs").path)
    assert neighbour.get("claims", november.row_id) is None
    assert neighbour.get("claims", december.id) is None


def test_the_village_device_refuses_to_place_a_claim_in_another_village(village, hub):
    december = _december(village)
    for area in (NEIGHBOUR, ELSEWHERE, ""):
        with pytest.raises(TrustRefused) as refused:
            _write(village, "claims", december.id, {"area_code": area})
        assert refused.value.rule == "claim_area", str(refused.value)
        assert "赵六" in str(refused.value) and "红星村" in str(refused.value)
    assert village.get("claims", december.id)["area_code"] == HOME


# -- 5. claim_locked: an approved claim's batch ----------------------------------------------


def _approved_in_the_countys_batch(village, hub) -> tuple[str, str]:
    """赵六's December, submitted by the village, approved (县审批) by the county and put in its
    batch; (claim id, batch id), synced back to the village."""
    december = _december(village)
    ClaimService(village, policy_in_force(village)).advance(
        december.id, ClaimState.SUBMITTED, "材料后补"
    )
    village.exchange()
    with hub.ledger.transaction():
        batch = hub.ledger.insert(
            "batches", {"rule_id": "welfare_post_subsidy", "area_code": HOME[:9],
                        "title": "公益性岗位补贴2026年12月"})  # fmt: skip
    hub.ledger.update("claims", december.id, {"state": "县审批", "batch_id": batch})
    village.exchange()
    assert village.get("claims", december.id)["batch_id"] == batch
    return december.id, batch


def test_an_approved_claims_batch_is_not_changed_below_the_county(village, hub):
    """The county pays an approved (县审批) claim by its batch's 花名册. Only a paid claim's
    batch was kept: a tampered village program took an approved claim out of the county's batch
    (the next batch took it again: paid twice) or put it into a batch of its own, and both
    landed. Both are now held (`claim_locked`) and refused at the village's write door."""
    claim_id, batch = _approved_in_the_countys_batch(village, hub)
    with village.transaction():
        own = village.insert("batches", {"rule_id": "welfare_post_subsidy", "area_code": HOME,
                                         "title": "红星村公示"})  # fmt: skip
    for target in (None, own):
        with pytest.raises(TrustRefused) as refused:
            _write(village, "claims", claim_id, {"batch_id": target})
        assert refused.value.rule == "claim_locked", str(refused.value)
        assert "县级" in str(refused.value)
    out = _edit(village, "claims", claim_id, {"batch_id": None})
    village.exchange()
    into = forge(village, "claims", claim_id, {"batch_id": own}, parents={"batch_id": [out.id]})
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert held[out.id].rule == "claim_locked", held[out.id].reason
    assert held[into.id].rule == "claim_locked", held[into.id].reason
    assert "县审批" in held[out.id].reason and "批次" in held[out.id].reason
    assert hub.ledger.get("claims", claim_id)["batch_id"] == batch


def test_a_village_batch_leaves_out_what_the_county_approved(village, hub):
    """编成批次 on the village took every unbatched claim past the draft, approved ones too:
    the county's approved claim went into the village's batch (and out of the county's next
    one). It now takes what the village has not yet passed to the county's payment."""
    service = ClaimService(village, policy_in_force(village))
    december = _december(village)
    service.advance(december.id, ClaimState.SUBMITTED, "材料后补")
    village.exchange()
    hub.ledger.update("claims", december.id, {"state": "县审批"})
    village.exchange()
    january = service.create(NUMBER, "welfare_post_subsidy", on=dt.date(2027, 1, 31))
    service.advance(january.id, ClaimState.SUBMITTED, "材料后补")
    _batch, claims = service.create_batch("welfare_post_subsidy")
    assert [c.id for c in claims] == [january.id]
    assert village.get("claims", december.id)["batch_id"] is None


# -- 4. claim_repeat: the approved claim is always the first ----------------------------------


def test_a_repeat_stamped_before_the_approved_claim_is_the_one_held(village, hub):
    """The guard took the claim created first (its stamp) as the first and the other as the
    repeat. A tampered program made 赵六's December again after the county approved the first,
    stamped a year earlier: it sorted first, so it passed 村审核, and the county's review listed
    the approved claim as the repeat. An approved (or paid) claim now always counts first: the
    newcomer is held at the hub, refused on the device, and named as the repeat. (Stamped a
    year before the day it keeps, it is held at once as `claim_made`: stamped the day before,
    as far as a kept day may be from its stamp, it still sorts first.)"""
    from fieldapp.store.hlc import format_stamp

    december = _december(village)
    service = ClaimService(village, policy_in_force(village))
    service.advance(december.id, ClaimState.SUBMITTED, "材料后补")
    village.exchange()
    hub.ledger.update("claims", december.id, {"state": "县审批"})
    village.exchange()
    early = format_stamp(int(dt.datetime(2027, 2, 28, 4, tzinfo=dt.UTC).timestamp() * 1000), 0)
    repeat = natural_id("claims", "forged", "again")
    made = forge(village, "claims", repeat,
                 _copy(village, december.id) | {"state": "已提交", "batch_id": None},
                 hlc=early)  # fmt: skip
    assert (
        village.get("claims", repeat)["created_at"]
        < village.get("claims", december.id)["created_at"]
    )
    with pytest.raises(ClaimRefused) as refused:
        service.advance(repeat, ClaimState.VILLAGE_REVIEWED)
    assert "重复申领" in str(refused.value) and "县审批" in str(refused.value), str(refused)
    village.exchange()
    assert made.id not in {h.change_id for h in hub.rejected()}  # submitted: for the county
    (problem,) = hub.violations()
    assert problem["rows"] == [december.id, repeat], problem
    passed = forge(village, "claims", repeat, {"state": ClaimState.VILLAGE_REVIEWED.value},
                   parents={"state": village.heads("claims", repeat)["state"]})  # fmt: skip
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert held[passed.id].rule == "claim_repeat", held[passed.id].reason
    assert "县审批" in held[passed.id].reason
    assert hub.ledger.get("claims", repeat)["state"] == ClaimState.SUBMITTED.value


# -- 2. claimed_moved: moved out of the township while a claim waits --------------------------


def _submitted(village, hub) -> ClaimModel:
    december = _december(village)
    ClaimService(village, policy_in_force(village)).advance(
        december.id, ClaimState.SUBMITTED, "材料后补"
    )
    village.exchange()
    return december


def test_a_household_moved_out_of_the_township_while_a_claim_waits_is_held(village, hub):
    """赵六's December claim was submitted (on its way to payment); a tampered 红星村 program
    moved his household to a village of another township, or him alone into a new household
    there: both landed, the claim stayed placed in 红星村 to be paid there, and the new place
    could claim the month again. Both are now held for the county (`claimed_moved`); moving
    within the township lands."""
    december = _submitted(village, hub)
    household = village.get("persons", december.person_id)["household_id"]
    away = _edit(village, "households", household, {"area_code": ELSEWHERE})
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert held[away.id].rule == "claimed_moved", held[away.id].reason
    why = held[away.id].reason
    assert "赵六" in why and "乡村公益性岗位补贴" in why and "驳回" in why, why
    assert hub.ledger.get("households", household)["area_code"] == HOME
    new_home = natural_id("households", "forged", "elsewhere")
    forge(village, "households", new_home, {"area_code": ELSEWHERE, "household_no": "900",
                                            "head_person_id": december.person_id})  # fmt: skip
    alone = _edit(village, "persons", december.person_id, {"household_id": new_home})
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert held[alone.id].rule == "claimed_moved", held[alone.id].reason
    assert hub.ledger.get("persons", december.person_id)["household_id"] == household


def test_a_household_moved_within_the_township_while_a_claim_waits_is_held(village, hub):
    """Moving within the township was let through: a tampered 红星村 program moved 赵六's
    household (or him alone into a household there) to 白云村 while his December claim waited.
    The claim kept 红星村's area code, so it stayed on 红星村's 公示表 and in its batches to be
    paid there, while 白云村 holds him (and could claim the month again); 红星村 could no longer
    reach the claim, 白云村 could not pass it (`claim_area`). Such a move is now held as a move
    out of the township is (`claimed_moved`); moving him into another household where the
    claim lies (his own village) lands."""
    december = _submitted(village, hub)
    household = village.get("persons", december.person_id)["household_id"]
    near = _edit(village, "households", household, {"area_code": NEIGHBOUR})
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert held[near.id].rule == "claimed_moved", held[near.id].reason
    why = held[near.id].reason
    assert "赵六" in why and "乡村公益性岗位补贴" in why and "公示" in why, why
    assert hub.ledger.get("households", household)["area_code"] == HOME
    there = natural_id("households", "forged", "neighbour")
    forge(village, "households", there, {"area_code": NEIGHBOUR, "household_no": "900",
                                         "head_person_id": december.person_id})  # fmt: skip
    alone = _edit(village, "persons", december.person_id, {"household_id": there})
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert held[alone.id].rule == "claimed_moved", held[alone.id].reason
    assert hub.ledger.get("persons", december.person_id)["household_id"] == household
    # Into another household where the claim lies (his own village) is no move away: it lands.
    home = natural_id("households", "forged", "home")
    forge(village, "households", home, {"area_code": HOME, "household_no": "901",
                                        "head_person_id": december.person_id})  # fmt: skip
    split = forge(village, "persons", december.person_id, {"household_id": home},
                  parents={"household_id": [alone.id]})  # fmt: skip
    village.exchange()
    assert split.id not in {h.change_id for h in hub.rejected()}
    assert hub.ledger.get("persons", december.person_id)["household_id"] == home


def test_the_village_device_refuses_to_move_a_waiting_claimant_to_a_neighbour(village, hub):
    """The write door refuses the move within the township too, naming whose claim, which
    subsidy and the village it stays in; rejected, the claim waits no more and he moves."""
    december = _submitted(village, hub)
    household = village.get("persons", december.person_id)["household_id"]
    with pytest.raises(TrustRefused) as refused:
        _write(village, "households", household, {"area_code": NEIGHBOUR})
    said = str(refused.value)
    assert refused.value.rule == "claimed_moved"
    assert "赵六" in said and "乡村公益性岗位补贴" in said and "驳回" in said, said
    assert village.get("households", household)["area_code"] == HOME
    ClaimService(village, policy_in_force(village)).advance(
        december.id, ClaimState.REJECTED, "已迁走"
    )
    _write(village, "households", household, {"area_code": NEIGHBOUR})
    assert village.get("households", household)["area_code"] == NEIGHBOUR


def test_a_waiting_claimant_is_put_in_a_group_of_his_village_and_the_claim_goes_on(village, hub):
    """The coordinator sorts the village's households into its 村民组 while 赵六's December
    claim waits: the claim is still the village's — on its 公示表, in its batches, reviewed by
    it — so the move is made on the device, lands at the hub, and the claim is passed on."""
    from fieldapp.domain.models import Area
    from fieldapp.services import areas

    december = _submitted(village, hub)
    group = HOME + "003"
    areas.ensure(
        village, actor_of(village), [Area(code=group, name="三组", kind="组", parent_code=HOME)]
    )
    household = village.get("persons", december.person_id)["household_id"]
    _write(village, "households", household, {"area_code": group})
    ClaimService(village, policy_in_force(village)).advance(
        december.id, ClaimState.VILLAGE_REVIEWED
    )
    village.exchange()
    assert hub.rejected() == []
    assert hub.ledger.get("households", household)["area_code"] == group
    assert hub.ledger.get("claims", december.id)["state"] == ClaimState.VILLAGE_REVIEWED.value


def test_the_village_device_refuses_to_move_out_a_person_whose_claim_waits(village, hub):
    """The write door says whose claim and which subsidy; once the claim is rejected the move
    is made, and the county's own ledger moves such a household as it decides."""
    from fieldapp.services import households, persons

    december = _submitted(village, hub)
    household = village.get("persons", december.person_id)["household_id"]
    with pytest.raises(TrustRefused) as refused:
        _write(village, "households", household, {"area_code": ELSEWHERE})
    said = str(refused.value)
    assert refused.value.rule == "claimed_moved"
    assert "赵六" in said and "乡村公益性岗位补贴" in said and "要迁出先驳回申领" in said, said
    with pytest.raises(TrustRefused) as refused:
        persons.move_out(village, actor_of(village), [december.person_id],
                         Household(area_code=ELSEWHERE, household_no="900"))  # fmt: skip
    assert refused.value.rule == "claimed_moved"
    assert village.get("persons", december.person_id)["household_id"] == household
    # The county's own ledger may move it.
    with writing(hub.ledger, actor_of(hub.ledger)) as writer:
        writer.update_row("households", household, {"area_code": ELSEWHERE})
    assert hub.ledger.get("households", household)["area_code"] == ELSEWHERE
    # Rejected, the claim waits no more: the village moves him.
    ClaimService(village, policy_in_force(village)).advance(
        december.id, ClaimState.REJECTED, "已迁出"
    )
    households.move_person(village, actor_of(village), december.person_id, "婚迁",
                           Relation.HEAD, new_household=Household(area_code=ELSEWHERE,
                                                                  household_no="901"))  # fmt: skip
    assert village.get("persons", december.person_id)["household_id"] != household


# -- 5. a village's batch once the county pays from it ----------------------------------------


def _approved_in_batch(village, hub) -> tuple[str, ClaimModel]:
    """赵六's December claim, batched by 红星村 and approved by the county in that batch."""
    december = _submitted(village, hub)
    batch, _claims = ClaimService(village, policy_in_force(village)).create_batch(
        "welfare_post_subsidy"
    )
    village.exchange()
    hub.ledger.update("claims", december.id, {"state": "县审批"})
    village.exchange()
    assert hub.ledger.get("claims", december.id)["batch_id"] == batch.id
    return batch.id, december


def test_a_village_cannot_change_or_delete_its_batch_the_county_pays_from(village, hub):
    """The county pays an approved claim by the 花名册 of the batch it lies in — the village's
    own batch when the village batched it. A tampered 红星村 program then renamed that batch,
    changed its funding source and deleted it: the roster lost its title and source, and a
    deleted batch left 赵六's approved claim in no batch the county could print (nor batch
    again). Each is now held for the county (`claim_locked`); the county may change it."""
    batch, december = _approved_in_batch(village, hub)
    before = hub.ledger.get("batches", batch)
    renamed = _edit(village, "batches", batch, {"title": "另一个批次", "funding_source": "别的"})
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert held[renamed.id].rule == "claim_locked", held[renamed.id].reason
    why = held[renamed.id].reason
    assert "赵六" in why and "县审批" in why and "花名册" in why, why
    gone = _edit(village, "batches", batch, {"deleted": 1})
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert held[gone.id].rule == "claim_locked", held[gone.id].reason
    after = hub.ledger.get("batches", batch)
    assert (after["title"], after["funding_source"], after["deleted"]) == (
        before["title"], before["funding_source"], before["deleted"]
    )  # fmt: skip
    assert hub.ledger.get("claims", december.id)["batch_id"] == batch
    with writing(hub.ledger, actor_of(hub.ledger)) as writer:
        writer.update_row("batches", batch, {"title": "县里改的名"})
    assert hub.ledger.get("batches", batch)["title"] == "县里改的名"


def test_the_village_device_refuses_to_change_a_batch_with_an_approved_claim(village, hub):
    """The write door says whose claim holds the batch; before the county approves anything in
    it, the village renames its own batch freely."""
    december = _submitted(village, hub)
    batch, _claims = ClaimService(village, policy_in_force(village)).create_batch(
        "welfare_post_subsidy"
    )
    _write(village, "batches", batch.id, {"title": "十二月公益性岗位"})
    assert village.get("batches", batch.id)["title"] == "十二月公益性岗位"
    village.exchange()
    hub.ledger.update("claims", december.id, {"state": "县审批"})
    village.exchange()
    for data in (
        {"funding_source": "别的资金"},
        {"title": "改名", "state_filter": "村审核"},
        {"deleted": 1},
    ):
        with pytest.raises(TrustRefused) as refused:
            _write(village, "batches", batch.id, data)
        assert refused.value.rule == "claim_locked"
        said = str(refused.value)
        assert "赵六" in said and "县审批" in said and "十二月公益性岗位" in said, said
    assert village.get("batches", batch.id)["title"] == "十二月公益性岗位"
    assert not village.get("batches", batch.id)["deleted"]
    # Its wording may still be corrected: a title's 更正 pays nobody else.
    _write(village, "batches", batch.id, {"title": "十二月公益性岗位（更正）"})
    assert village.get("batches", batch.id)["title"] == "十二月公益性岗位（更正）"


def test_a_waiting_claim_without_an_area_still_holds_its_person_in_place(village, hub):
    """A claim kept without an area (made by an older program, or the county's correction)
    lies where its person lived: moving him out of the township is refused all the same."""
    december = _submitted(village, hub)
    hub.ledger.update("claims", december.id, {"area_code": ""})
    village.exchange()
    assert village.get("claims", december.id)["area_code"] == ""
    household = village.get("persons", december.person_id)["household_id"]
    with pytest.raises(TrustRefused) as refused:
        _write(village, "households", household, {"area_code": ELSEWHERE})
    assert refused.value.rule == "claimed_moved", str(refused.value)
    assert village.get("households", household)["area_code"] == HOME
