"""A claim paid above the county's figure (虚报): the county's pack raises the post subsidy from
600 to 700 元/月 from 2027-01-01, so December 2026 is still paid 600 元. A tampered village
program claims December at January's 700 元 (and another month at double the figure); the hub
holds each with its reason, and no review step passes a claim above the figure of its month."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.claims import ClaimState
from fieldapp.domain.errors import FieldappError
from fieldapp.services.claims import ClaimRefused, ClaimService
from fieldapp.services.policy_admin import policy_in_force
from fieldapp.store.ledger import natural_id
from tests.sync import raised_figure
from tests.sync.hostile import forge
from tests.sync.raised_figure import NUMBER, _copy

#: December's, January's and February's claims are made (and forged) once those months are past.
pytestmark = pytest.mark.today("2027-03-01")

#: The fixture, bound by its name (an import of it would be shadowed by every test's argument).
village = raised_figure.village


def test_a_claim_above_the_figure_of_its_month_is_held_at_the_hub(village, hub):
    service = ClaimService(village, policy_in_force(village))
    december = service.create(NUMBER, "welfare_post_subsidy", on=dt.date(2026, 12, 31))
    january = service.create(NUMBER, "welfare_post_subsidy", on=dt.date(2027, 1, 31))
    assert (december.amount, january.amount) == (600, 700)
    # The tampered program: December's draft raised to January's figure, citing its notice …
    raised = forge(village, "claims", december.id,
                   {"amount": 700.0, "source_clause": january.source_clause})  # fmt: skip
    # … and February claimed at twice the figure, as a new claim of its own.
    row = _copy(village, january.id)
    row |= {"amount": 1400.0, "claim_date": "2027-02-28",
            "limit_key": row["limit_key"].replace("2027-01", "2027-02")}  # fmt: skip
    doubled = forge(village, "claims", natural_id("claims", "forged", "feb"), row)
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert set(held) == {raised.id, doubled.id}
    assert {h.rule for h in held.values()} == {"claim_amount"}
    why = held[raised.id].reason
    assert "700 元" in why and "2026年12月" in why and "600 元/月" in why, why
    assert "七人社通〔2026〕3号" in why
    assert "2027年2月" in held[doubled.id].reason and "1400 元" in held[doubled.id].reason
    assert hub.ledger.get("claims", december.id)["amount"] == 600  # the honest draft stands
    assert hub.ledger.get("claims", january.id)["amount"] == 700  # January's figure is 700
    assert hub.ledger.get("claims", doubled.row_id) is None


def test_no_review_step_passes_a_claim_above_the_figure_of_its_month(village, hub):
    """The write door: a claim whose amount is above its month's figure (made by a tampered
    program, or before the county lowered the figure) is not submitted nor passed on."""
    service = ClaimService(village, policy_in_force(village))
    december = service.create(NUMBER, "welfare_post_subsidy", on=dt.date(2026, 12, 31))
    forge(village, "claims", december.id, {"amount": 700.0})
    with pytest.raises(ClaimRefused) as refused:
        service.advance(december.id, ClaimState.SUBMITTED, "缺件原因")
    said = str(refused.value)
    assert "赵六" in said and "2026年12月" in said and "700 元" in said and "600 元/月" in said
    assert "重新申领" in said
    assert village.get("claims", december.id)["state"] == ClaimState.DRAFT.value
    # Rejecting it is still possible, and a claim at its figure goes on as before.
    january = service.create(NUMBER, "welfare_post_subsidy", on=dt.date(2027, 1, 31))
    service.advance(january.id, ClaimState.SUBMITTED, "缺件原因")


def test_a_claim_whose_month_is_not_its_claim_dates_is_held(village, hub):
    """December on the papers (its limit key names 2026-12) at January's figure (dated in
    January): the month it pays is not the month of its date, so it is held, and January's own
    claim (the same key as a claim dated in January) still lands."""
    service = ClaimService(village, policy_in_force(village))
    january = service.create(NUMBER, "welfare_post_subsidy", on=dt.date(2027, 1, 31))
    row = _copy(village, january.id)
    row["limit_key"] = row["limit_key"].replace("2027-01", "2026-12")
    december = forge(village, "claims", natural_id("claims", "forged", "dec"), row)
    village.exchange()
    (held,) = hub.rejected()
    assert (held.change_id, held.rule) == (december.id, "claim_period")
    assert "月份（2026年12月）与申领日期2027年1月31日不符" in held.reason, held.reason
    assert "所在的2027年1月" in held.reason
    assert hub.ledger.get("claims", january.id)["amount"] == 700


def test_a_second_claim_for_the_same_month_is_held_when_passed_on(village, hub):
    """December claimed twice for 赵六, the second made by a tampered program past the guard
    that refuses it on an honest one: sent 已提交, it reaches the county's review as a repeat
    (as two laptops offline would); passed on to 村审核, that step is held."""
    service = ClaimService(village, policy_in_force(village))
    december = service.create(NUMBER, "welfare_post_subsidy", on=dt.date(2026, 12, 31))
    service.advance(december.id, ClaimState.SUBMITTED, "缺件原因")
    row_id = natural_id("claims", "forged", "dec2")
    forge(village, "claims", row_id,
          _copy(village, december.id) | {"state": ClaimState.SUBMITTED.value})  # fmt: skip
    village.exchange()
    assert hub.rejected() == []
    (problem,) = hub.violations()
    assert problem["rows"] == [december.id, row_id]
    passed = forge(village, "claims", row_id, {"state": ClaimState.VILLAGE_REVIEWED.value})
    village.exchange()
    (held,) = hub.rejected()
    assert (held.change_id, held.rule) == (passed.id, "claim_repeat")
    assert "赵六" in held.reason and "重复申领" in held.reason, held.reason
    assert hub.ledger.get("claims", row_id)["state"] == ClaimState.SUBMITTED.value


def test_no_review_step_passes_a_repeat_claim(village, hub):
    """Two laptops of the village, both offline, each claimed 赵六's December: the second
    (in the guard's order) is not passed on at any step; the first is, and the second can be
    rejected."""
    service = ClaimService(village, policy_in_force(village))
    december = service.create(NUMBER, "welfare_post_subsidy", on=dt.date(2026, 12, 31))
    repeat = natural_id("claims", "other laptop", "dec")
    forge(village, "claims", repeat, _copy(village, december.id))
    with pytest.raises(ClaimRefused) as refused:
        service.advance(repeat, ClaimState.SUBMITTED, "缺件原因")
    said = str(refused.value)
    assert "赵六的“乡村公益性岗位补贴”（2026年12月）重复申领：已有一条（草稿" in said, said
    assert "这条不能变为“已提交”，草稿可以删除" in said
    assert village.get("claims", repeat)["state"] == ClaimState.DRAFT.value
    service.advance(december.id, ClaimState.SUBMITTED, "缺件原因")


def test_a_claim_rejected_and_made_again_in_one_bundle_is_no_repeat(village, hub):
    """What the refusals above ask for: the village rejects December's claim and makes it again;
    both steps reach the hub in one bundle, the new claim is not taken for a repeat."""
    service = ClaimService(village, policy_in_force(village))
    first = service.create(NUMBER, "welfare_post_subsidy", on=dt.date(2026, 12, 31))
    service.advance(first.id, ClaimState.SUBMITTED, "缺件原因")
    village.exchange()
    service.advance(first.id, ClaimState.REJECTED, "金额有误")
    again = service.create(NUMBER, "welfare_post_subsidy", on=dt.date(2026, 12, 31))
    service.advance(again.id, ClaimState.SUBMITTED, "缺件原因")
    village.exchange()
    assert hub.rejected() == []
    assert hub.ledger.get("claims", again.id)["state"] == ClaimState.SUBMITTED.value


def test_a_batch_leaves_no_repeat_claim_to_be_posted_and_paid_twice(village, hub):
    """Two laptops of the village, both offline, each claimed and submitted 赵六's December;
    once synced, 编成批次 on either took both: the village's 公示表 and 花名册 listed 赵六 twice
    for December (1 人 2 笔, 1200 元), to be posted and paid twice. The batch is now refused
    while a claim in it repeats another, naming both; once the repeat is rejected the batch is
    made of the first alone."""
    service = ClaimService(village, policy_in_force(village))
    december = service.create(NUMBER, "welfare_post_subsidy", on=dt.date(2026, 12, 31))
    service.advance(december.id, ClaimState.SUBMITTED, "缺件原因")
    repeat = natural_id("claims", "other laptop", "dec")
    forge(village, "claims", repeat,
          _copy(village, december.id) | {"state": ClaimState.SUBMITTED.value})  # fmt: skip
    with pytest.raises(FieldappError) as refused:
        service.create_batch("welfare_post_subsidy")
    said = str(refused.value)
    assert "赵六的“乡村公益性岗位补贴”（2026年12月）重复申领" in said, said
    assert "驳回" in said
    assert village.get("claims", december.id)["batch_id"] is None
    service.advance(repeat, ClaimState.REJECTED, "重复申领")
    batch, claims = service.create_batch("welfare_post_subsidy")
    assert [c.id for c in claims] == [december.id]


def test_a_months_post_subsidy_for_a_month_out_of_the_post_is_held(village, hub):
    """乡村公益性岗位补贴 pays a month in the post (吃空饷 is the fraud every audit looks for):
    赵六 is in his post since 2026-07-01. The hub judged a month's claim by its figure and its
    month, never by the post: a tampered program claimed June 2026 — before he took the post —
    and another month naming no post at all, and both landed. The hub now holds a month's claim
    whose job is not its person's, or did not cover any day of the month (`claim_event`); the
    honest December lands."""
    service = ClaimService(village, policy_in_force(village))
    december = service.create(NUMBER, "welfare_post_subsidy", on=dt.date(2026, 12, 31))
    assert december.spell_id
    row = _copy(village, december.id)
    june = forge(village, "claims", natural_id("claims", "forged", "june"),
                 row | {"claim_date": "2026-06-30",
                        "limit_key": row["limit_key"].replace("2026-12", "2026-06")})  # fmt: skip
    ghost = forge(village, "claims", natural_id("claims", "forged", "ghost"),
                  row | {"claim_date": "2026-11-30", "spell_id": None,
                         "limit_key": row["limit_key"].replace("2026-12", "2026-11")})  # fmt: skip
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert set(held) == {june.id, ghost.id}
    assert {h.rule for h in held.values()} == {"claim_event"}, [h.reason for h in held.values()]
    why = held[june.id].reason
    assert "赵六" in why and "2026年6月" in why and "2026年7月1日" in why, why
    assert hub.ledger.get("claims", december.id) is not None


def test_a_post_ended_before_a_month_claimed_for_it_is_held(village, hub):
    """赵六's December was claimed (submitted) for his post; a tampered program then ended the
    post on 15 November, back-dated: the claim stood paying a month out of the post. The hub
    now holds an end put before a month a submitted claim pays for the job (`claimed_event`);
    the post ended after December lands."""
    from fieldapp.domain.claims import ClaimState as State

    service = ClaimService(village, policy_in_force(village))
    december = service.create(NUMBER, "welfare_post_subsidy", on=dt.date(2026, 12, 31))
    service.advance(december.id, State.SUBMITTED, "材料后补")
    village.exchange()
    assert hub.rejected() == []
    post = december.spell_id
    heads = village.heads("employment_spells", post)
    early = forge(village, "employment_spells", post, {"end_date": "2026-11-15"},
                  parents={"end_date": heads["end_date"]})  # fmt: skip
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert held[early.id].rule == "claimed_event", held[early.id].reason
    assert "2026年12月" in held[early.id].reason or "赵六" in held[early.id].reason
    assert "结束日期2026年11月15日不能早于2026年12月1日" in held[early.id].reason
    assert hub.ledger.get("employment_spells", post)["end_date"] is None
    later = forge(village, "employment_spells", post, {"end_date": "2027-01-15"},
                  parents={"end_date": [early.id]})  # fmt: skip
    village.exchange()
    assert later.id not in {h.change_id for h in hub.rejected()}
    assert hub.ledger.get("employment_spells", post)["end_date"] == "2027-01-15"


def test_a_repeat_carrying_no_title_is_named_by_the_pack_in_force_never_by_its_rule_id(
    village, hub
):
    """A claim sent with no 补贴名称 (a tampered program, or an old one) repeating 赵六's
    December: the repeat was said as “welfare_post_subsidy”重复申领 — the rule's id, which no
    coordinator knows. The hub's hold, its 合并后的问题 and the device's refusal now say the
    subsidy as the pack in force names it."""
    service = ClaimService(village, policy_in_force(village))
    december = service.create(NUMBER, "welfare_post_subsidy", on=dt.date(2026, 12, 31))
    service.advance(december.id, ClaimState.SUBMITTED, "缺件原因")
    row_id = natural_id("claims", "forged", "untitled")
    forge(village, "claims", row_id,
          _copy(village, december.id) | {"state": ClaimState.SUBMITTED.value, "rule_title": ""})  # fmt: skip
    with pytest.raises(ClaimRefused) as refused:
        service.advance(row_id, ClaimState.VILLAGE_REVIEWED)
    said = str(refused.value)
    assert "赵六的“乡村公益性岗位补贴”（2026年12月）重复申领" in said, said
    village.exchange()
    (problem,) = hub.violations()
    assert (
        "赵六（身份证号" in problem["message"]
        and "的“乡村公益性岗位补贴”重复申领" in problem["message"]
    ), problem
    passed = forge(village, "claims", row_id, {"state": ClaimState.VILLAGE_REVIEWED.value})
    village.exchange()
    (held,) = hub.rejected()
    assert (held.change_id, held.rule) == (passed.id, "claim_repeat")
    assert "赵六的“乡村公益性岗位补贴”（2026年12月）重复申领" in held.reason, held.reason
    for words in (said, problem["message"], held.reason):
        assert "welfare_post_subsidy" not in words, words


def test_a_repeat_no_pack_names_is_said_as_the_same_subsidy():
    """With no title on either claim and no pack that holds the rule: 同一项补贴, not its id."""
    from fieldapp.policy.guard import ClaimRow, find_limit_violations, repeated

    def row(i: str, key: str) -> ClaimRow:
        return ClaimRow.of(i, {"limit_key": "transport|p1|once:", "state": "已提交",
                               "rule_id": "transport_cross_county", "person_name": "张0",
                               "created_at": "2026-12-01T08:00:00+08:00", "_ckey": key})  # fmt: skip

    first, second = row("a", "1764547200000-0000/d:1"), row("b", "1764547200000-0001/d:1")
    said = repeated(second, first)
    assert said.startswith("张0的同一项补贴重复申领：已有一条（已提交"), said
    (violation,) = find_limit_violations([first, second])
    assert "张0的同一项补贴重复申领" in violation.message, violation.message
    assert "transport_cross_county" not in said + violation.message
