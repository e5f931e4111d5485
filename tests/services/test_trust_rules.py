"""The pure trust rules: one verdict per (role, scope, table, row before, place, old → new)."""

from __future__ import annotations

import pytest

from fieldapp.domain.claims import ClaimState
from fieldapp.domain.roles import Role, author_parts, signed_author
from fieldapp.services.trust import (
    RULES,
    Actor,
    Context,
    Origins,
    Proposal,
    allowed_steps,
    check,
    check_author,
    check_origin,
    check_parents,
)
from tests.conftest import make_id

VILLAGE = "520502101001"
OTHER = "520502202001"
FIELDS = {
    "persons": frozenset(
        {"household_id", "name", "id_number", "relation", "phone", "account_number", "deleted"}
    ),
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
        }
    ),  # fmt: skip
    "claim_events": frozenset({"claim_id", "from_state", "to_state", "reason", "detail"}),
    "areas": frozenset({"code", "name", "kind", "parent_code", "deleted"}),
    "print_log": frozenset({"paper", "pages", "total_amount"}),
    "export_log": frozenset(
        {"kind", "file_name", "file_hash", "persons", "rows", "area_code", "exported_at"}
    ),
    "policy_drafts": frozenset({"text", "status", "pack_id"}),
}
COORDINATOR = Actor(Role.COORDINATOR, VILLAGE, "红星村")
TOWNSHIP = Actor(Role.TOWNSHIP, "520502101", "城关镇")
COUNTY = Actor(Role.COUNTY, "520502", "县人社局")


def ctx(table: str, before=None, place=None, after=None, targets=None, types=None) -> Context:
    return Context(
        exists=before is not None,
        before=before or {},
        place_before=place,
        places_after=after or {},
        targets=targets or {},
        fields=FIELDS.get(table),
        column_types=types or {},
    )


def person(**extra):
    return {"name": "张三", "id_number": make_id(), "household_id": "h1", **extra}


def claim(state: str, **extra):
    """A claim as the program makes it: dated, placed where its person lives."""
    return {"person_id": "p1", "rule_id": "r1", "amount": 500.0, "state": state,
            "claim_date": "2026-06-05", "area_code": VILLAGE, **extra}  # fmt: skip


# -- scope ------------------------------------------------------------------------------------


def test_edits_inside_the_scope_are_allowed_outside_refused():
    inside = ctx("persons", person(), VILLAGE)
    assert check(COORDINATOR, Proposal("persons", "p1", {"phone": "139"}), inside).allowed
    outside = ctx("persons", person(), OTHER)
    verdict = check(COORDINATOR, Proposal("persons", "p1", {"phone": "139"}), outside)
    assert (verdict.rule, verdict.allowed) == ("scope", False)
    # The village is in words (the actor here lists no areas), never its code.
    assert "野角乡的一个村" in verdict.reason and OTHER not in verdict.reason, verdict.reason
    assert "红星村" in verdict.reason and "负责的范围" in verdict.reason
    assert check(COUNTY, Proposal("persons", "p1", {"phone": "139"}), outside).allowed


def test_moving_out_is_a_transfer_pulling_in_is_not():
    mine = ctx("households", {"area_code": VILLAGE}, VILLAGE, after={"area_code": OTHER})
    assert check(COORDINATOR, Proposal("households", "h1", {"area_code": OTHER}), mine).allowed
    theirs = ctx("households", {"area_code": OTHER}, OTHER, after={"area_code": VILLAGE})
    verdict = check(COORDINATOR, Proposal("households", "h2", {"area_code": VILLAGE}), theirs)
    assert verdict.rule == "scope"
    # a new row must start inside, and may not hang on something outside
    new = ctx("persons", after={"household_id": OTHER})
    verdict = check(COORDINATOR, Proposal("persons", "p9", person()), new)
    assert verdict.rule == "pull_in"
    spell = Context(places_after={"person_id": VILLAGE}, fields=frozenset({"person_id"}))
    assert check(COORDINATOR, Proposal("person_categories", "c", {"person_id": "p1"}), spell).rule
    unknown = ctx("persons", after={"household_id": ""})
    assert check(COORDINATOR, Proposal("persons", "p9", person()), unknown).rule == "no_place"


def test_a_new_household_elsewhere_only_as_the_destination_of_a_transfer():
    data = {"area_code": OTHER, "address": "3栋"}
    plain = ctx("households", after={"area_code": OTHER})
    assert check(COORDINATOR, Proposal("households", "h9", data), plain).rule == "pull_in"
    target = Context(
        places_after={"area_code": OTHER}, fields=FIELDS["households"], transfer_target=True
    )
    assert check(COORDINATOR, Proposal("households", "h9", data), target).allowed


# -- county tables ----------------------------------------------------------------------------


def test_areas_are_the_countys_but_a_village_may_add_its_own_groups():
    row = {"code": VILLAGE, "name": "红星村", "kind": "村", "parent_code": "520502101"}
    reparent = Proposal("areas", "a1", {"parent_code": VILLAGE})
    verdict = check(COORDINATOR, reparent, ctx("areas", row))
    assert verdict.rule == "county_table" and "县级" in verdict.reason
    assert check(COUNTY, reparent, ctx("areas", row)).allowed
    assert check(COORDINATOR, Proposal("areas", "a1", dict(row)), ctx("areas", row)).allowed
    group = {"code": VILLAGE + "003", "name": "三组", "kind": "组", "parent_code": VILLAGE}
    assert check(COORDINATOR, Proposal("areas", "a3", group), ctx("areas")).allowed
    elsewhere = dict(group, code=OTHER + "003")
    assert check(COORDINATOR, Proposal("areas", "a4", elsewhere), ctx("areas")).rule == (
        "county_table"
    )


def test_unclassified_tables_are_county_only_and_audit_trails_append_only():
    assert check(COORDINATOR, Proposal("secret", "x", {"a": 1}), ctx("secret")).rule == (
        "unknown_table"
    )
    log = ctx("print_log", {"paper": "花名册", "pages": 2}, types={"pages": "INTEGER"})
    verdict = check(COORDINATOR, Proposal("print_log", "l1", {"pages": 1}), log)
    assert verdict.rule == "append_only"
    new = ctx("print_log", types={"pages": "INTEGER"})
    assert check(COORDINATOR, Proposal("print_log", "l2", {"pages": 3}), new).allowed
    assert check(COORDINATOR, Proposal("print_log", "l2", {"pages": "三"}), new).rule == (
        "malformed"
    )


# -- claims by role ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actor", "before", "after", "rule"),
    [
        (COORDINATOR, "草稿", "已提交", None),
        (COORDINATOR, "已提交", "村审核", None),
        (COORDINATOR, "村审核", "乡镇审核", "claim_step"),
        (COORDINATOR, "乡镇审核", "县审批", "claim_step"),
        (COORDINATOR, "县审批", "已发放", "claim_step"),
        (COORDINATOR, "草稿", "已发放", "claim_flow"),
        (TOWNSHIP, "村审核", "乡镇审核", None),
        (TOWNSHIP, "已提交", "村审核", "claim_step"),
        (TOWNSHIP, "乡镇审核", "县审批", "claim_step"),
        (COUNTY, "乡镇审核", "县审批", None),
        (COUNTY, "县审批", "已发放", None),
        (COUNTY, "已提交", "村审核", None),
        (COUNTY, "已发放", "县审批", "claim_flow"),
    ],
)
def test_claim_steps_by_role(actor, before, after, rule):
    context = ctx("claims", claim(before), VILLAGE)  # its person lives where it lies
    verdict = check(actor, Proposal("claims", "c1", {"state": after}), context)
    assert verdict.rule == (rule or "")
    if rule == "claim_step":
        assert "只有" in verdict.reason and "可以操作" in verdict.reason


#: The village a claim's person moved to (in the same township).
MOVED_TO = VILLAGE[:-3] + "002"


@pytest.mark.parametrize(
    ("who", "before", "after", "area", "rule"),
    [
        ("new", "草稿", "已提交", VILLAGE, "claim_area"),
        ("new", "已提交", "村审核", VILLAGE, "claim_area"),
        ("township", "村审核", "乡镇审核", VILLAGE, "claim_area"),
        ("new", "已提交", "驳回", VILLAGE, None),
        ("new", "草稿", "已提交", "", None),
        ("county", "乡镇审核", "县审批", VILLAGE, None),
    ],
)
def test_a_claim_is_passed_on_where_its_person_lives(who, before, after, area, rule):
    """Its person moved to another village (a draft goes along): passing it on from where it
    lies is held (`claim_area`); rejecting it is not, nor a claim kept without an area, nor
    the county's step."""
    actor = {
        "new": Actor(Role.COORDINATOR, MOVED_TO, "白云村"),
        "township": TOWNSHIP,
        "county": COUNTY,
    }[who]
    context = ctx("claims", claim(before, area_code=area), MOVED_TO)
    verdict = check(actor, Proposal("claims", "c1", {"state": after, "reason": "已迁走"}), context)
    assert verdict.rule == (rule or ""), verdict.reason


@pytest.mark.parametrize(
    ("lies", "lives"),
    [(VILLAGE, VILLAGE + "003"), (VILLAGE + "001", VILLAGE + "003"), (VILLAGE + "001", VILLAGE)],
)
def test_a_draft_is_passed_on_after_its_family_is_put_in_another_group_of_the_village(lies, lives):
    """The coordinator puts a household in a 村民组 of the village (or another one, or takes it
    out of one) while a claim of theirs is a draft: the claim is still the village's, on its
    公示表 and in its batches, and is submitted and reviewed there."""
    context = ctx("claims", claim("草稿", area_code=lies), lives)
    verdict = check(COORDINATOR, Proposal("claims", "c1", {"state": "已提交"}), context)
    assert verdict.allowed, verdict.reason
    reviewed = ctx("claims", claim("村审核", area_code=lies), lives)
    verdict = check(TOWNSHIP, Proposal("claims", "c1", {"state": "乡镇审核"}), reviewed)
    assert verdict.allowed, verdict.reason


@pytest.mark.parametrize(
    ("who", "before", "batched", "rule"),
    [
        ("village", "乡镇审核", "b1", "claim_locked"),  # taken out of (or moved from) its batch
        ("village", "乡镇审核", None, None),  # an unbatched one put in a batch
        ("village", "村审核", "b1", None),  # not yet the township's
        ("township", "乡镇审核", "b1", None),
        ("county", "乡镇审核", "b1", None),
    ],
)
def test_a_claim_the_township_passed_stays_in_its_batch_for_the_village(who, before, batched, rule):
    """Once the township has passed a claim (乡镇审核) it is on the roster the township posts
    and sends on by its batch: a village moving it out of that batch (or into another) changed
    the roster the county works from. The township and the county may."""
    actor = {"village": COORDINATOR, "township": TOWNSHIP, "county": COUNTY}[who]
    context = ctx("claims", claim(before, batch_id=batched), VILLAGE, after={"batch_id": VILLAGE})
    verdict = check(actor, Proposal("claims", "c1", {"batch_id": "b2"}), context)
    assert verdict.rule == (rule or ""), verdict.reason
    if rule:
        assert "乡镇审核" in verdict.reason and "批次" in verdict.reason, verdict.reason
    out = check(actor, Proposal("claims", "c1", {"batch_id": None}), context)
    assert out.rule == ((rule or "") if batched else ""), out.reason


@pytest.mark.parametrize("state", ["驳回", "已撤销"])
def test_an_ended_claim_is_not_deleted_and_not_told_to_be_rejected(state):
    """Deleting a rejected (reversed) claim was refused saying it can only be rejected or
    reversed — which it already is. It says the claim stays on the ledger for the record."""
    context = ctx("claims", claim(state), VILLAGE)
    verdict = check(COORDINATOR, Proposal("claims", "c1", {"deleted": True}), context)
    assert verdict.rule == "claim_delete"
    assert "只能驳回" not in verdict.reason and "备查" in verdict.reason, verdict.reason
    assert state in verdict.reason


def test_rejecting_needs_a_reason_and_a_submitted_claim_is_frozen():
    context = ctx("claims", claim("已提交"), VILLAGE)
    no_reason = Proposal("claims", "c1", {"state": "驳回"})
    assert check(COORDINATOR, no_reason, context).rule == "claim_reason"
    with_reason = Proposal("claims", "c1", {"state": "驳回", "reason": "材料不全"})
    assert check(COORDINATOR, with_reason, context).allowed
    for field, value in (("amount", 50000.0), ("person_id", "p2"), ("rule_id", "r9")):
        verdict = check(COUNTY, Proposal("claims", "c1", {field: value}), context)
        assert verdict.rule == "claim_frozen", field
    draft = ctx("claims", claim("草稿"), VILLAGE)
    assert check(COORDINATOR, Proposal("claims", "c1", {"amount": 800.0}), draft).allowed
    paid = ctx("claims", claim("已发放"), VILLAGE)
    assert check(COUNTY, Proposal("claims", "c1", {"evidence": "{}"}), paid).rule == (
        "claim_locked"
    )
    final = ctx("claims", claim("驳回"), VILLAGE)
    assert check(COUNTY, Proposal("claims", "c1", {"state": "已提交"}), final).rule == (
        "claim_locked"
    )
    deleted = Proposal("claims", "c1", {"deleted": True})
    assert check(COORDINATOR, deleted, context).rule == "claim_delete"
    assert check(COORDINATOR, deleted, draft).allowed


def test_new_claims_start_as_drafts_and_only_where_claims_are_made():
    new = ctx("claims", after={"person_id": VILLAGE})
    paid = Proposal("claims", "c9", claim("已发放", amount=50000.0))
    assert check(COORDINATOR, paid, new).rule == "claim_new_state"
    draft = Proposal("claims", "c9", claim("草稿"))
    assert check(COORDINATOR, draft, new).allowed
    assert check(TOWNSHIP, draft, ctx("claims", after={"person_id": VILLAGE})).rule == (
        "claim_step"
    )


def test_claim_events_follow_the_same_steps_and_the_claim():
    target = {"claim_id": claim("县审批")}
    forged = Proposal(
        "claim_events", "e1", {"claim_id": "c1", "from_state": "乡镇审核", "to_state": "县审批"}
    )
    context = ctx("claim_events", after={"claim_id": VILLAGE}, targets=target)
    assert check(COORDINATOR, forged, context).rule == "claim_step"
    assert check(COUNTY, forged, context).allowed
    stale = ctx("claim_events", after={"claim_id": VILLAGE}, targets={"claim_id": claim("草稿")})
    assert check(COUNTY, forged, stale).rule == "event_mismatch"
    note = Proposal(
        "claim_events", "e2", {"claim_id": "c1", "from_state": "草稿", "to_state": "草稿"}
    )
    assert check(COORDINATOR, note, stale).allowed


def test_allowed_steps_for_the_ui():
    assert allowed_steps(Role.COORDINATOR, "已提交") == [
        ClaimState.VILLAGE_REVIEWED,
        ClaimState.REJECTED,
    ]
    assert allowed_steps(Role.COORDINATOR, "村审核") == []
    assert allowed_steps(Role.TOWNSHIP, "村审核") == [
        ClaimState.TOWNSHIP_REVIEWED,
        ClaimState.REJECTED,
    ]
    assert set(allowed_steps(Role.COUNTY, "县审批")) == {ClaimState.PAID, ClaimState.REVERSED}
    assert allowed_steps(Role.COUNTY, "完全不存在") == []


# -- values -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "data", "word"),
    [
        ("claims", {"state": "完全不存在"}, "状态"),
        ("claims", {"amount": "abc"}, "金额"),
        ("persons", {"id_number": "520502198503161010"}, "身份证号码"),
        ("persons", {"relation": "邻居"}, "与户主关系"),
        ("persons", {"name": None}, "姓名"),
    ],
)
def test_malformed_values_are_refused(table, data, word):
    before = claim("草稿") if table == "claims" else person()
    verdict = check(COUNTY, Proposal(table, "r1", data), ctx(table, before, VILLAGE))
    assert verdict.rule == "malformed" and word in verdict.reason


def test_values_must_be_stored_in_their_canonical_form():
    context = ctx("claims", claim("草稿"), VILLAGE)
    assert check(COUNTY, Proposal("claims", "c1", {"amount": True}), context).rule == "malformed"
    assert check(COUNTY, Proposal("claims", "c1", {"amount": 800}), context).allowed
    spell = {"person_id": "p1", "start_date": "2024-03-01"}
    fields = frozenset({"person_id", "start_date"})
    new = Context(places_after={"person_id": VILLAGE}, fields=fields)
    as_number = Proposal("employment_spells", "s1", dict(spell, start_date=1709251200))
    assert check(COORDINATOR, as_number, new).rule == "malformed"
    assert check(COORDINATOR, Proposal("employment_spells", "s1", spell), new).allowed


def test_old_garbage_in_a_field_does_not_block_another_field():
    broken = claim("草稿", amount="abc")
    context = ctx("claims", broken, VILLAGE)
    assert check(COORDINATOR, Proposal("claims", "c1", {"evidence": "{}"}), context).allowed


def test_a_claim_with_an_unreadable_state_is_the_countys_to_correct():
    broken = ctx("claims", claim("完全不存在"), VILLAGE)
    fix = Proposal("claims", "c1", {"state": "驳回", "reason": "数据有误"})
    assert check(COORDINATOR, fix, broken).rule == "claim_flow"
    assert check(COUNTY, fix, broken).allowed


# -- who signed it ----------------------------------------------------------------------------


def test_origins_authors_and_parents():
    origins = Origins(own=frozenset({"aa"}), hub="hh", owners={"bb": ("乙村", True)})
    assert check_origin("aa", origins).allowed
    assert check_origin("hh", origins).rule == "hub_id"
    verdict = check_origin("bb", origins)
    assert verdict.rule == "foreign_id" and "已注销的设备「乙村」" in verdict.reason
    assert check_origin("zz", origins).rule == "foreign_id"
    assert check_author("张三@红星村", "红星村").allowed
    for forged in ("县人社局局长", "局长@县级汇总中心", "@红星村", "a@b@红星村"):
        assert check_author(forged, "红星村").rule == "author", forged
    assert check_parents([]).allowed
    assert check_parents(["bb:99"]).rule == "parents"
    assert set(RULES) >= {"scope", "claim_step", "malformed", "hub_id", "parents"}


def test_signed_author():
    assert signed_author("张三", "红星村") == "张三@红星村"
    assert signed_author("局长@县级汇总中心", "红星村") == "局长＠县级汇总中心@红星村"
    assert signed_author("  ", None) == "用户"
    assert author_parts("张三@红星村") == ("张三", "红星村")
    assert author_parts("张三") == ("张三", "")


def test_every_synced_table_is_classified_and_named(tmp_path):
    """A table another area adds to the synced ledger must be given a rule here (county-wide,
    placed by its links, or an append-only trail) and a Chinese name for the messages; left
    unclassified it would be county-only by default, and a village device's every write to it
    would be held."""
    from fieldapp.services.trust import COUNTY_TABLES, LINKS, TABLE_NAMES, UNPLACED
    from fieldapp.store.dump import synced_tables
    from fieldapp.store.ledger import Ledger

    ledger = Ledger.open(tmp_path / "ledger.db", author="测试员")
    tables = synced_tables(ledger.db)
    ledger.close()
    assert "persons" in tables
    unclassified = [t for t in tables if t not in COUNTY_TABLES | LINKS.keys() | UNPLACED]
    assert unclassified == []
    assert [t for t in tables if t not in TABLE_NAMES] == []


def test_a_device_appends_to_its_export_log_but_never_edits_it():
    types = {"rows": "INTEGER"}
    new = ctx("export_log", types=types)
    appended = check(COORDINATOR, Proposal("export_log", "e1", {"kind": "花名册", "rows": 3}), new)
    assert appended.allowed
    done = ctx("export_log", {"kind": "花名册", "rows": 3}, types=types)
    verdict = check(COORDINATOR, Proposal("export_log", "e1", {"rows": 0}), done)
    assert verdict.rule == "append_only"
    drafts = ctx("policy_drafts")
    refused = check(COORDINATOR, Proposal("policy_drafts", "d1", {"text": "…"}), drafts)
    assert refused.rule == "county_table" and "县级政策包草稿" in refused.reason
    assert check(COUNTY, Proposal("policy_drafts", "d1", {"text": "…"}), drafts).allowed


def test_a_village_may_bring_the_official_rows_above_it_but_nothing_else_of_the_tree():
    """A ledger filled before enrolment holds its county's and township's rows, made from the
    official table: exactly those land; another name, another parent, or a county that is not
    above the device's area are the county's to write."""
    from fieldapp.services.trust_check import official_area

    township = official_area(VILLAGE[:9])
    county = official_area(VILLAGE[:6])
    assert township is not None and county is not None and township["parent_code"] == VILLAGE[:6]

    def new_area(data, official):
        context = Context(fields=FIELDS["areas"], official=official)
        return check(COORDINATOR, Proposal("areas", "a", data), context)

    assert new_area({**township, "deleted": False}, township).allowed
    assert new_area(dict(county), county).allowed
    renamed = new_area({**township, "name": "改名镇"}, township)
    assert renamed.rule == "county_table"
    assert new_area({**county, "parent_code": None}, county).rule == "county_table"
    elsewhere = official_area("520103")  # a county of 贵阳, not above 红星村
    assert elsewhere is not None and new_area(dict(elsewhere), elsewhere).rule == "county_table"
    assert new_area({**township, "name": "改名镇"}, None).rule == "county_table"


# -- a move into another area's household: offered, taken in there ------------------------


def _person_ctx(before, place, after=None, offered="", new_home=False) -> Context:
    return Context(
        exists=True,
        before=before,
        place_before=place,
        places_after=after or {},
        fields=FIELDS["persons"] | {"moving_to", "change_reason"},
        offered_place=offered,
        new_home=new_home,
    )


def test_a_village_moves_its_person_into_another_villages_household_only_as_an_offer():
    """Moving one's own person into a household another village holds is refused (the receiving
    village was never asked: a made-up person with any account landed in its ledger); the offer
    (`moving_to`) is the village's own edit, the person staying where they are."""
    mine = person()
    moved = Proposal("persons", "p1", {"household_id": "h-other"})
    verdict = check(COORDINATOR, moved, _person_ctx(mine, VILLAGE, {"household_id": OTHER}))
    assert (verdict.allowed, verdict.rule) == (False, "move_in")
    assert "张三" in verdict.reason and "接收" in verdict.reason, verdict.reason
    offer = Proposal("persons", "p1", {"moving_to": "h-other", "change_reason": "婚迁"})
    assert check(COORDINATOR, offer, _person_ctx(mine, VILLAGE, offered=OTHER)).allowed
    # Into a new home the same bundle makes (a family relocating): a transfer, as before.
    new = _person_ctx(mine, VILLAGE, {"household_id": OTHER}, new_home=True)
    assert check(COORDINATOR, moved, new).allowed
    # Within its own village, or by the county covering both: moved directly.
    inside = Proposal("persons", "p1", {"household_id": "h2"})
    assert check(COORDINATOR, inside, _person_ctx(mine, VILLAGE, {"household_id": VILLAGE}))
    county = check(COUNTY, moved, _person_ctx(mine, VILLAGE, {"household_id": OTHER}))
    assert county.allowed
    # A township covering both villages moves directly; into another township's, it offers.
    near = _person_ctx(mine, VILLAGE, {"household_id": "520502101002"})
    assert check(TOWNSHIP, moved, near).allowed
    far = check(TOWNSHIP, moved, _person_ctx(mine, VILLAGE, {"household_id": OTHER}))
    assert far.rule == "move_in"


def test_the_receiving_village_takes_in_or_turns_down_only_the_person_offered_to_it():
    other = Actor(Role.COORDINATOR, OTHER, "远村")
    offered = person(moving_to="h-other")
    take = Proposal("persons", "p1", {"household_id": "h-other", "moving_to": None,
                                      "relation": "其他", "change_reason": "婚迁"})  # fmt: skip
    # Its household unknown on the receiving device (the person's village not held there).
    context = _person_ctx(offered, None, {"household_id": OTHER}, offered=OTHER)
    assert check(other, take, context).allowed
    no = Proposal("persons", "p1", {"moving_to": None})
    assert check(other, no, _person_ctx(offered, VILLAGE, offered=OTHER)).allowed
    # Without the offer, into another household than offered, or writing anything else of
    # the person's (an account): refused as any change of another village's person.
    plain = person()
    for before, proposal in (
        (plain, take),
        (person(moving_to="h-else"), take),
        (offered, Proposal("persons", "p1", {**take.data, "account_number": "6222"})),
        (offered, Proposal("persons", "p1", {"household_id": "h-other"})),
        (offered, Proposal("persons", "p1", {"moving_to": None, "phone": "139"})),
    ):
        verdict = check(other, proposal, _person_ctx(before, VILLAGE, {"household_id": OTHER},
                                                     offered=OTHER))  # fmt: skip
        assert (verdict.allowed, verdict.rule) == (False, "scope"), proposal
    # A third village cannot turn it down for the one offered.
    third = Actor(Role.COORDINATOR, "520502303001", "三村")
    verdict = check(third, no, _person_ctx(offered, VILLAGE, offered=OTHER))
    assert verdict.rule == "scope"
