"""Scenarios: one refusal of each templated sentence, through the rules' own functions."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from fieldapp.domain.roles import Role
from fieldapp.services import trust, trust_check
from fieldapp.services.trust import Actor, Context, Proposal, Verdict, check

VILLAGE = "520502101001"
OTHER = "520502202001"
TOWN = "520502101"
FIELDS = {
    "persons": frozenset({"household_id", "name", "id_number", "relation", "phone", "deleted"}),
    "households": frozenset({"area_code", "address", "head_person_id", "deleted"}),
    "claims": frozenset(
        {
            "person_id",
            "rule_id",
            "amount",
            "state",
            "reason",
            "evidence",
            "batch_id",
            "deleted",
            "claim_date",
            "area_code",
            "spell_id",
            "person_name",
            "rule_title",
        }
    ),  # fmt: skip
    "claim_events": frozenset({"claim_id", "from_state", "to_state", "reason", "detail"}),
    "areas": frozenset({"code", "name", "kind", "parent_code", "deleted"}),
    "policy_packs": frozenset({"text"}),
    "print_log": frozenset({"paper", "pages"}),
    "mystery": frozenset({"x"}),
    "employment_spells": frozenset({"person_id", "employer", "deleted"}),
}
COORDINATOR = Actor(Role.COORDINATOR, VILLAGE, "红星村")
UNNAMED = Actor(Role.COORDINATOR, VILLAGE)
TOWNSHIP = Actor(Role.TOWNSHIP, TOWN, "城关镇")
COUNTY = Actor(Role.COUNTY, "520502", "县人社局")
#: 红星村 as the hub judges its changes: where a row outside its area lies is not said.
HUB_TOLD = dataclasses.replace(COORDINATOR, unsaid_elsewhere=True)


def ctx(table: str, before=None, place=None, after=None, targets=None) -> Context:
    return Context(
        exists=before is not None,
        before=before or {},
        place_before=place,
        places_after=after or {},
        targets=targets or {},
        fields=FIELDS.get(table),
    )


def claim(state: str, **extra):
    return {"person_id": "p1", "rule_id": "r1", "amount": 500.0, "state": state,
            "claim_date": "2026-06-05", "area_code": VILLAGE, "person_name": "王小明",
            "rule_title": "乡村公益性岗位补贴", **extra}  # fmt: skip


def _c(actor: Actor, table: str, data, before=None, place=None, after=None, targets=None):
    return lambda: check(
        actor, Proposal(table, "r1", data), ctx(table, before, place, after, targets)
    )


def _approved(**extra):
    return claim("县审批", **extra)


SCENARIOS: dict[str, Callable[[], Verdict]] = {
    "county_table": _c(COORDINATOR, "policy_packs", {"text": "x"}, before={"text": "y"}),
    "county_table_everywhere": _c(
        Actor(Role.COORDINATOR, None, "某机"), "policy_packs", {"text": "x"}, before={"text": "y"}
    ),
    "county_table_unnamed": _c(UNNAMED, "policy_packs", {"text": "x"}, before={"text": "y"}),
    "county_table_parent": _c(
        COORDINATOR,
        "areas",
        {"code": VILLAGE + "001", "name": "一组", "kind": "组", "parent_code": OTHER},
    ),
    "county_table_outside": _c(
        COORDINATOR,
        "areas",
        {"code": OTHER + "001", "name": "一组", "kind": "组", "parent_code": OTHER},
    ),
    "hub_table": _c(COUNTY, "policy_packs", {"text": "x"}, before={"text": "y"}),
    "hub_table_held": lambda: trust.hub_kept("policy_packs"),
    "county_default": _c(COORDINATOR, "mystery", {"x": "1"}),
    "append_only": _c(COORDINATOR, "claim_events", {"reason": "x"}, before={"reason": "y"}),
    "no_place_must": lambda: trust._check_scope(
        COORDINATOR,
        Proposal("employment_spells", "r1", {"person_id": None}),
        ctx("employment_spells", {"employer": "a"}, VILLAGE),
    ),
    "no_place_missing": _c(
        COORDINATOR,
        "employment_spells",
        {"person_id": "p9"},
        before={"employer": "a"},
        place=VILLAGE,
    ),
    "pull_in": _c(
        COORDINATOR,
        "employment_spells",
        {"person_id": "p9"},
        before={"employer": "a"},
        place=VILLAGE,
        after={"person_id": OTHER},
    ),
    "move_in": lambda: check(
        COORDINATOR,
        Proposal("persons", "r1", {"household_id": "h-other"}),
        Context(
            exists=True,
            before={"name": "王小明", "household_id": "h1"},
            place_before=VILLAGE,
            places_after={"household_id": OTHER},
            fields=FIELDS["persons"],
        ),
    ),
    # … as the hub tells the device: not where the household lies (`Actor.unsaid_elsewhere`)
    "move_in_unsaid": lambda: check(
        HUB_TOLD,
        Proposal("persons", "r1", {"household_id": "h-other"}),
        Context(
            exists=True,
            before={"name": "王小明", "household_id": "h1"},
            place_before=VILLAGE,
            places_after={"household_id": OTHER},
            fields=FIELDS["persons"],
        ),
    ),
    "offered_person": lambda: check(
        COORDINATOR,
        Proposal("persons", "r1", {"account_number": "6222000011113333"}),
        Context(
            exists=True,
            before={"name": "王小明", "household_id": "h1", "moving_to": "h-other"},
            place_before=VILLAGE,
            offered_place=OTHER,
            fields=FIELDS["persons"] | {"account_number", "moving_to"},
        ),
    ),
    "row_id_taken": lambda: trust.row_id_taken("claims", "persons"),
    # An offer naming a household the ledger does not hold, or one of the device's own area
    "offer_nowhere": lambda: check(
        HUB_TOLD,
        Proposal("persons", "r1", {"moving_to": "h-guessed", "change_reason": "投亲"}),
        Context(
            exists=True,
            before={"name": "王小明", "household_id": "h1"},
            place_before=VILLAGE,
            offered_held=False,
            fields=FIELDS["persons"] | {"moving_to", "change_reason"},
        ),
    ),
    "offer_own_area": lambda: check(
        COORDINATOR,
        Proposal("persons", "r1", {"moving_to": "h2", "change_reason": "投亲"}),
        Context(
            exists=True,
            before={"name": "王小明", "household_id": "h1"},
            place_before=VILLAGE,
            offered_place=VILLAGE,
            fields=FIELDS["persons"] | {"moving_to", "change_reason"},
        ),
    ),
    "offer_taken_back": lambda: check(
        Actor(Role.COORDINATOR, OTHER, "远村"),
        Proposal("persons", "r1", {"household_id": "h-other", "moving_to": None}),
        Context(
            exists=True,
            before={"name": "王小明", "household_id": "h1", "moving_to": "h-other"},
            place_before=VILLAGE,
            places_after={"household_id": OTHER},
            offered_place=OTHER,
            offer_seen=False,
            fields=FIELDS["persons"] | {"moving_to"},
        ),
    ),
    "decline_taken_back": lambda: check(
        Actor(Role.COORDINATOR, OTHER, "远村"),
        Proposal("persons", "r1", {"moving_to": None, "change_reason": "对方村未接收迁入"}),
        Context(
            exists=True,
            before={"name": "王小明", "household_id": "h1", "moving_to": "h-other"},
            place_before=VILLAGE,
            offered_place=OTHER,
            offer_seen=False,
            fields=FIELDS["persons"] | {"moving_to", "change_reason"},
        ),
    ),
    # … an offer simply taken back, none made again (`Context.offer_ended`)
    "decline_withdrawn": lambda: check(
        Actor(Role.COORDINATOR, OTHER, "远村"),
        Proposal("persons", "r1", {"moving_to": None, "change_reason": "对方村未接收迁入"}),
        Context(
            exists=True,
            before={"name": "王小明", "household_id": "h1", "moving_to": None},
            place_before=VILLAGE,
            offer_ended=True,
            fields=FIELDS["persons"] | {"moving_to", "change_reason"},
        ),
    ),
    "link_scope": _c(
        COORDINATOR,
        "households",
        {"head_person_id": "p9"},
        before={"address": "a"},
        place=VILLAGE,
        after={"head_person_id": OTHER},
    ),
    "logged_scope": lambda: trust._check_logged(
        COORDINATOR,
        Proposal("print_log", "r1", {"claim_id": "c9"}),
        ctx("print_log", after={"claim_id": OTHER}),
    ),
    # … as the hub tells the device: not where the row lies (`Actor.unsaid_elsewhere`)
    "link_scope_unsaid": _c(
        HUB_TOLD,
        "households",
        {"head_person_id": "p9"},
        before={"address": "a"},
        place=VILLAGE,
        after={"head_person_id": OTHER},
    ),
    "logged_scope_unsaid": lambda: trust._check_logged(
        HUB_TOLD,
        Proposal("print_log", "r1", {"claim_id": "c9"}),
        ctx("print_log", after={"claim_id": OTHER}),
    ),
    "scope_unsaid": _c(HUB_TOLD, "persons", {"name": "张三"}, before={"name": "a"}, place=OTHER),
    "no_place_new": lambda: trust._check_scope(
        COORDINATOR,
        Proposal("employment_spells", "r1", {"employer": "张三"}),
        ctx("employment_spells"),
    ),
    "no_place_unknown": _c(COORDINATOR, "persons", {"name": "张三"}, before={"name": "a"}),
    "scope": _c(COORDINATOR, "persons", {"name": "张三"}, before={"name": "a"}, place=OTHER),
    "may_change": lambda: trust.may_change(COORDINATOR, "persons", OTHER),
    "may_add_no_place": lambda: trust.may_add_at(COORDINATOR, "visits", None),
    "may_add_outside": lambda: trust.may_add_at(COORDINATOR, "visits", OTHER),
    "claim_new_state": _c(COORDINATOR, "claims", claim("村审核"), after={"person_id": VILLAGE}),
    "claim_new_by_township": _c(TOWNSHIP, "claims", claim("草稿"), after={"person_id": TOWN}),
    "claim_flow": _c(
        COORDINATOR, "claims", {"state": "县审批"}, before=claim("草稿"), place=VILLAGE
    ),
    "claim_step": _c(
        COORDINATOR, "claims", {"state": "乡镇审核"}, before=claim("村审核"), place=VILLAGE
    ),
    "claim_step_county": _c(
        TOWNSHIP, "claims", {"state": "县审批"}, before=claim("乡镇审核"), place=VILLAGE
    ),
    "claim_unreadable": _c(
        COORDINATOR, "claims", {"amount": 1.0}, before=claim("半途"), place=VILLAGE
    ),
    "claim_delete": _c(
        COORDINATOR, "claims", {"deleted": True}, before=claim("已提交"), place=VILLAGE
    ),
    "claim_delete_ended": _c(
        COORDINATOR, "claims", {"deleted": True}, before=claim("驳回"), place=VILLAGE
    ),
    "claim_delete_role": _c(
        TOWNSHIP, "claims", {"deleted": True}, before=claim("草稿"), place=VILLAGE
    ),
    "claim_final": _c(COUNTY, "claims", {"amount": 1.0}, before=claim("驳回"), place=VILLAGE),
    "claim_paid_batch": _c(
        COUNTY, "claims", {"batch_id": "b2"}, before=claim("已发放", batch_id="b1"), place=VILLAGE
    ),
    "claim_locked_batch": _c(
        COORDINATOR,
        "claims",
        {"batch_id": "b2"},
        before=_approved(batch_id="b1"),
        place=VILLAGE,
        after={"batch_id": VILLAGE},
    ),
    "claim_township_batch": _c(
        COORDINATOR,
        "claims",
        {"batch_id": None},
        before=claim("乡镇审核", batch_id="b1"),
        place=VILLAGE,
    ),
    "claim_locked_fields": _c(
        COUNTY, "claims", {"amount": 1.0, "rule_id": "r2"}, before=_approved(), place=VILLAGE
    ),
    "claim_frozen": _c(
        COORDINATOR, "claims", {"amount": 1.0}, before=claim("已提交"), place=VILLAGE
    ),
    "claim_bad_state": lambda: trust._check_claim_row(
        COORDINATOR, {"state": "半途"}, ctx("claims", claim("草稿"), VILLAGE)
    ),
    "claim_reason": _c(
        COORDINATOR, "claims", {"state": "驳回"}, before=claim("已提交"), place=VILLAGE
    ),
    "claim_amount": _c(
        COORDINATOR, "claims", claim("草稿", amount=0.0), after={"person_id": VILLAGE}
    ),
    "claim_no_amount": _c(
        COORDINATOR,
        "claims",
        claim("草稿", amount=None, person_name=None),
        after={"person_id": VILLAGE},
    ),
    "claim_no_date": _c(
        COORDINATOR, "claims", claim("草稿", claim_date=None), after={"person_id": VILLAGE}
    ),
    "claim_area": _c(
        COORDINATOR,
        "claims",
        claim("草稿", area_code=VILLAGE[:-3] + "002"),
        after={"person_id": VILLAGE},
    ),
    "claim_area_blank": _c(
        COORDINATOR, "claims", claim("草稿", area_code=""), after={"person_id": VILLAGE}
    ),
    "event_step": _c(
        COORDINATOR,
        "claim_events",
        {"claim_id": "c1", "from_state": "村审核", "to_state": "乡镇审核"},
        after={"claim_id": VILLAGE},
    ),
    "event_unreadable": _c(
        COORDINATOR,
        "claim_events",
        {"claim_id": "c1", "from_state": "半途", "to_state": "乡镇审核"},
        after={"claim_id": VILLAGE},
    ),
    "event_level": _c(
        COORDINATOR,
        "claim_events",
        {"claim_id": "c1", "to_state": "县审批"},
        after={"claim_id": VILLAGE},
    ),
    "event_mismatch": _c(
        COORDINATOR,
        "claim_events",
        {"claim_id": "c1", "from_state": "已提交", "to_state": "村审核"},
        after={"claim_id": VILLAGE},
        targets={"claim_id": {"state": "草稿"}},
    ),
    "account_awaited": lambda: trust_check.account_awaited([_approved()]),
    "account_reviewed": lambda: trust_check.account_awaited([claim("乡镇审核")]),
    "account_not_kept": lambda: trust_check.account_not_kept(
        claim("村审核"),
        {
            "state": "县审批",
            "approved_bank": "中国农业银行",
            "approved_account": "6228480000001234",
        },
        {"account_bank": "中国农业银行", "account_number": "6228480000005678"},
    ),
    "account_not_kept_empty": lambda: trust_check.account_not_kept(
        claim("村审核"),
        {"state": "县审批"},
        {"account_bank": "中国农业银行", "account_number": "6228480000005678"},
    ),
    "claimed_person": lambda: trust_check.claimed_person([claim("已提交")]),
    "claimed_person_unnamed": lambda: trust_check.claimed_person(
        [claim("已提交", person_name=None, rule_title=None)]
    ),
    "claimed_id": lambda: trust_check.claimed_id([claim("驳回"), claim("已发放")]),
    "claimed_id_unnamed": lambda: trust_check.claimed_id(
        [claim("村审核", person_name=None, rule_title=None)]
    ),
    "claimed_moved_out": lambda: trust_check.moved_out(
        COORDINATOR,
        "persons",
        "p1",
        {"household_id": "h1"},
        {"household_id": "h2"},
        lambda table, row: {"h1": {"area_code": VILLAGE}, "h2": {"area_code": OTHER}}.get(row),
        lambda household: [],
        lambda person: [claim("已提交")],
    ),
    "claimed_moved_within": lambda: trust_check.moved_out(
        COORDINATOR,
        "households",
        "h1",
        {"area_code": VILLAGE},
        {"area_code": VILLAGE[:-3] + "002"},
        lambda table, row: None,
        lambda household: ["p1"],
        lambda person: [claim("村审核")],
    ),
    "claimed_moved_unknown": lambda: trust_check.moved_out(
        COORDINATOR,
        "persons",
        "p1",
        {"household_id": "h1"},
        {"household_id": "h9"},
        lambda table, row: {"h1": {"area_code": VILLAGE}}.get(row),
        lambda household: [],
        lambda person: [claim("已提交")],
    ),
    "batch_paid_from": lambda: trust_check.batch_paid_from(
        COORDINATOR,
        "b1",
        {"title": "六月公益岗", "rule_id": "r1"},
        {"rule_id": "r2"},
        [_approved(batch_id="b1")],
    ),
    "batch_township_posted": lambda: trust_check.batch_paid_from(
        COORDINATOR,
        "b1",
        {"title": "六月公益岗", "rule_id": "r1"},
        {"rule_id": "r2"},
        [claim("乡镇审核", batch_id="b1")],
    ),
    "batch_joined": lambda: trust_check.batch_joined(
        COORDINATOR,
        "c2",
        claim("已提交"),
        {"batch_id": "b1"},
        {"title": "六月公益岗"},
        [claim("乡镇审核", batch_id="b1")],
    ),
    "claimed_job": lambda: trust_check.claimed_event(
        "employment_spells",
        "s1",
        {"employer": "甲厂"},
        {"employer": "乙厂"},
        [claim("已提交", spell_id="s1", event_date="2026-06-01")],
    ),
    "claimed_job_deleted_undated": lambda: trust_check.claimed_event(
        "employment_spells",
        "s1",
        {"employer": "甲厂"},
        {"deleted": True},
        [claim("村审核", spell_id="s1", person_name=None, rule_title=None)],
    ),
    "claimed_training": lambda: trust_check.claimed_event(
        "services",
        "t1",
        {"training_days": 10},
        {"deleted": True},
        [claim("县审批", facts='{"event_id": "t1"}', event_date="2026-05-10")],
    ),
    "claimed_training_undated": lambda: trust_check.claimed_event(
        "services",
        "t1",
        {"training_days": 10},
        {"training_days": 5},
        [claim("已提交", facts={"event_id": "t1"})],
    ),
    "ended_before_month": lambda: trust_check.claimed_event(
        "employment_spells",
        "s1",
        {"end_date": None},
        {"end_date": "2026-05-20"},
        [claim("已提交", spell_id="s1", limit_kind="once_per_month")],
    ),
    "ended_before_year": lambda: trust_check.claimed_event(
        "employment_spells",
        "s1",
        {"end_date": None},
        {"end_date": "2025-12-31"},
        [claim("已提交", spell_id="s1", limit_kind="once_per_year")],
    ),
}
