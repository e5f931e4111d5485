"""Who may change what: one rule set, run by a device before it writes and by the hub on every
change it receives (the way CouchDB runs `validate_doc_update` on every replicated document).

The rules are pure: no SQL, no files, no clock. Everything they need to know about the ledger is
computed by the store and handed in (`Context`): where the row was *before* the change (its
place: an area code, found through the household a person lives in, the person a spell hangs
on …), where each of the row's links points afterwards, the link targets' current values (a
claim's state, for its events), which of the change's parents the receiver does not know.
Nothing in a `Context` comes from the change being judged.

A `Verdict` either allows the change or names the rule that refused it and says why in Chinese,
in a coordinator's words, with the role that may do it instead.

The rules (each `Verdict.rule` is one of `RULES`):

- county-wide tables (areas, policy packs …) are written only by the county or the hub (a
  device may add a new area inside its own scope — its groups or buildings — and may send
  the county's own values again, nothing else);
- households, persons and every row hung on them only within the sender's scope (its enrolled
  area and everything under it — DHIS2's capture org units, CommCare's case owner location),
  judged by where the row was before the change; moving a household or a person out of the
  scope is a transfer and allowed, pulling one in is not, and a row may not be hung on
  something outside the scope; a person is moved out only into a new household (their new
  home, made in the same bundle): into a household another area holds already, the move is
  an offer (`moving_to`) that only the device whose scope holds that household takes up
  (the one pull-in allowed) or turns down (`_person_move`); an offer names a household the
  receiver holds, in an area it lists and outside the sender's own (`offer_target`);
- claims follow the state machine by role: village steps (create, submit, 村审核, 驳回 of a
  submitted claim) for coordinators, township steps (乡镇审核, 驳回) for townships, county steps
  (县审批, 已发放, 驳回, 已撤销) for the county, which may also take any lower step; a submitted
  claim's person, rule, amount and other frozen facts never change; a claim asks for more
  than nothing and carries its 申领日期 (`claim_amount`), lies where its person's household
  does (`claim_area`, below the county), and an approved claim's batch is the county's
  (`claim_locked`);
- a claim's or batch's change is never stamped before the change that made the row
  (`numbered_first`: its printed 申请编号 / 批次编号 is read from that change), and a new
  one's id never reads as such a number (`numbered_id`: a typed number would find it);
- audit trails (claim events, the print log) are appended, never edited;
- every value passes the domain model's validation and is stored in its canonical form;
- every change carries the sender's own change-log id, an author of the form ``姓名@设备名称``
  naming the sender, and parents the receiver knows.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import Any, NamedTuple

from pydantic import ValidationError

from fieldapp.domain.areacode import AreaLevel, area_at
from fieldapp.domain.claims import Batch, Claim, ClaimEvent, ClaimState
from fieldapp.domain.controls import CONTROL as _CONTROL
from fieldapp.domain.dates import CHINA, today
from fieldapp.domain.enums import ServiceType
from fieldapp.domain.errors import ValidationFailed
from fieldapp.domain.labels import field_label
from fieldapp.domain.models import (
    Area,
    CategoryMembership,
    EmploymentSpell,
    Household,
    MonthlyStatus,
    Person,
    Record,
    ServiceRecord,
    UnemploymentRegistration,
    Visit,
)
from fieldapp.domain.money import yuan
from fieldapp.domain.numbers import HELD_KEY, parse_number, row_number
from fieldapp.domain.places_said import Listed, place_part
from fieldapp.domain.roles import Role
from fieldapp.domain.sentences import (
    AND_MORE,
    Day,
    Part,
    Sentence,
    Word,
    either,
    listed,
    said,
    template,
)
from fieldapp.reference import divisions
from fieldapp.store.hlc import followed, parse_stamp

S = ClaimState

# -- vocabulary ----------------------------------------------------------------------------

#: Every rule a verdict may name, with its Chinese name (for lists and the county's review).
RULES: dict[str, str] = {
    "unknown_table": "未知的表",
    "unknown_field": "未知的字段",
    "malformed": "值不合格",
    "county_table": "县级统一维护的内容",
    "scope": "超出本机负责的范围",
    "pull_in": "把范围外的记录拉入本机范围",
    "move_in": "把人迁入别处已有的户，须由那里接收",
    "offered_person": "待对方村接收迁入时修改这个人",
    "offer_target": "提出迁入的户台账上没有，或就在本机范围内",
    "link_scope": "挂到范围外的记录上",
    "no_place": "无法确定所属地区",
    "partial_row": "记录在中心不存在",
    "claim_new_state": "新建申领的状态",
    "claim_flow": "申领状态流程",
    "claim_step": "申领审核权限",
    "claim_reason": "驳回或撤销须写原因",
    "claim_frozen": "已提交申领的内容不能改",
    "claim_locked": "已审批或已终结的申领不能改",
    "claim_delete": "申领不能删除",
    "claim_amount": "申领金额高于补贴标准、不是正数或无从核对",
    "claim_period": "申领月份与申领日期不符",
    "claim_repeat": "重复申领",
    "claim_future": "申领日期还没有到",
    "claim_event": "申领的就业或培训在台账上没有",
    "claim_category": "申领依据的人员类别在台账上没有",
    "claim_facts": "申领依据的失业登记、毕业登记或此前的就业与台账上的不一致",
    "claim_made": "申请日期不对",
    "claim_rule": "申领的补贴不在政策中",
    "claimed_event": "已申领补贴的就业或培训被删除或改动",
    "claim_payee": "收款方不是政策规定的",
    "claim_funding": "资金来源不是政策规定的",
    "claim_person": "申领的人不对：姓名、身份证号码不是本人的，或这个人已从台账删除",
    "paid_account": "待发放申领的收款账号被改",
    "claimed_person": "申领等待发放时删除申领人",
    "claimed_id": "已申领补贴的人改身份证号码",
    "claim_area": "申领的地区不是申领人所在户的地区",
    "claimed_moved": "申领等待发放时把申领人迁往别的村",
    "append_only": "记录只能新增，不能修改",
    "event_mismatch": "审核记录与申领状态不符",
    "hub_id": "冒用中心的台账标识",
    "foreign_id": "冒用其他设备的台账标识",
    "author": "修改人署名不符",
    "user_disabled": "修改人已在本设备上停用",
    "parents": "依据的前版本不存在",
    "claim_account": "审批时记下的收款账号不是申领人的",
    "numbered_first": "改动早于申领或批次的建立（纸上的编号会变）",
    "numbered_id": "申领或批次的标识写成了纸上编号的样子",
    "held_key": "改写申领或批次接受前的编号",
    "logged_time": "打印或导出的时间不是本程序记下的时间",
    "logged_scope": "打印或导出记录记的是范围外的人员、申领或地区",
    "numbered_ahead": "申领或批次建立的时间比中心的时钟快一天以上（纸上的编号会变）",
    "stamped_ahead": "修改记下的时间比中心的时钟快一天以上",
    "row_id_taken": "记录的标识已是另一类记录的",
}

#: Tables the county keeps for everyone: only the county office or the hub writes them.
COUNTY_TABLES: frozenset[str] = frozenset({"areas", "policy_packs", "policy_drafts"})

#: County tables only the hub itself writes: the packs it signed. A county device no more
#: than a village's may delete or alter one — a signature cannot be forged, but the newest
#: edition taken back (deleted, or altered until it no longer verifies) puts the hub and
#: every device back on the edition before it, a lowered figure raised again.
HUB_TABLES: frozenset[str] = frozenset({"policy_packs"})

#: Rows papers name by a number read from their creating change (`numbers.row_number`).
NUMBERED: frozenset[str] = frozenset({"claims", "batches"})

#: County tables a device may add rows to inside its own scope (never change): a village adds
#: its groups, a site its buildings (codes "extended locally", see `AreaCode`). The area tree
#: still decides nothing a device can widen: a new area's code must lie inside its scope.
LOCAL_AREAS: frozenset[str] = frozenset({"areas"})

#: Trails that are appended to, never edited (except by the county, to correct them).
APPEND_ONLY: frozenset[str] = frozenset({"claim_events", "print_log", "export_log"})

#: Sentinel link target: the column holds an area code itself.
AREA = "areas"

#: How a row finds where it is: its ownership links as (column, table the column points into).
#: The first link says where the row lives (its place); every link, when set, must point inside
#: the sender's scope after the change. Tables not listed here and not county tables have no
#: place (the print log: a device logs its own prints).
LINKS: dict[str, tuple[tuple[str, str], ...]] = {
    "households": (("area_code", AREA), ("head_person_id", "persons")),
    "persons": (("household_id", "households"),),
    "person_categories": (("person_id", "persons"),),
    "employment_spells": (("person_id", "persons"),),
    "unemployment_registrations": (("person_id", "persons"),),
    "monthly_status": (("person_id", "persons"), ("spell_id", "employment_spells")),
    "services": (
        ("person_id", "persons"),
        ("household_id", "households"),
        ("visit_id", "visits"),
    ),
    "visits": (("household_id", "households"), ("person_id", "persons")),
    # A claim goes into a batch only of the sender's own area: a village cannot put its claim
    # into the township's batch (the roster the county pays from) — the batch's maker does.
    "claims": (
        ("person_id", "persons"),
        ("spell_id", "employment_spells"),
        ("batch_id", "batches"),
    ),
    "claim_events": (("claim_id", "claims"),),
    "batches": (("area_code", AREA),),
}

#: The link whose change is a transfer (moving the row out to another area is allowed).
TRANSFERS: dict[str, str] = {"households": "area_code", "persons": "household_id"}

#: Tables without a place that any role may append to (a device's own audit of its prints and
#: exports).
UNPLACED: frozenset[str] = frozenset({"print_log", "export_log"})

#: What a print or export log names, as (column, table it points into): each, when set and
#: known to the receiver, lies inside the writer's scope (`_check_logged`). A log is synced to
#: every device its place, person or claim lies under, where its footer code is how a signed
#: or posted paper (a 公示表, a 花名册) is checked to be that ledger's: a log naming another
#: village would pass there as its own printed, posted paper. Not links: a log has no place
#: of its own, nothing else is judged by them.
NAMED: dict[str, tuple[tuple[str, str], ...]] = {
    "print_log": (
        ("area_code", AREA),
        ("batch_id", "batches"),
        ("claim_id", "claims"),
        ("person_id", "persons"),
    ),
    "export_log": (("area_code", AREA),),
}

#: Of `NAMED`, the columns that may name a wider area holding the writer's own: a village
#: prints its part of its township's (the county's) batch, a township exports the county's
#: report from a ledger that holds its own township.
NAMED_WIDER: frozenset[str] = frozenset({"area_code", "batch_id"})

#: The domain model that validates each table's values.
MODELS: dict[str, type[Record]] = {
    model.TABLE: model
    for model in (
        Area,
        Household,
        Person,
        CategoryMembership,
        EmploymentSpell,
        UnemploymentRegistration,
        Visit,
        ServiceRecord,
        MonthlyStatus,
        Claim,
        Batch,
        ClaimEvent,
    )
}

TABLE_NAMES: dict[str, str] = {
    "areas": "区域",
    "policy_packs": "政策包",
    "policy_drafts": "县级政策包草稿",
    "households": "户信息",
    "persons": "人员信息",
    "person_categories": "人员类别",
    "employment_spells": "就业经历",
    "unemployment_registrations": "失业登记",
    "monthly_status": "月度状态",
    "services": "服务记录",
    "visits": "走访记录",
    "claims": "补贴申领",
    "claim_events": "申领审核记录",
    "batches": "申领批次",
    "print_log": "打印记录",
    "export_log": "导出记录",
}


def table_name(table: str) -> str:
    """The Chinese name of a synced table (the table itself when unnamed)."""
    return TABLE_NAMES.get(table, table)


# -- claims by role ------------------------------------------------------------------------


class Level(Enum):
    """Who reviews at which step: the village, the township, the county."""

    VILLAGE = "村"
    TOWNSHIP = "乡镇"
    COUNTY = "县"


#: Each step of the claim flow (from → to) and the level that takes it; `None` is creation.
CLAIM_STEPS: dict[tuple[ClaimState | None, ClaimState], Level] = {
    (None, S.DRAFT): Level.VILLAGE,
    (None, S.SUBMITTED): Level.VILLAGE,
    (S.DRAFT, S.SUBMITTED): Level.VILLAGE,
    (S.SUBMITTED, S.VILLAGE_REVIEWED): Level.VILLAGE,
    (S.SUBMITTED, S.REJECTED): Level.VILLAGE,
    (S.VILLAGE_REVIEWED, S.TOWNSHIP_REVIEWED): Level.TOWNSHIP,
    (S.VILLAGE_REVIEWED, S.REJECTED): Level.TOWNSHIP,
    (S.TOWNSHIP_REVIEWED, S.COUNTY_APPROVED): Level.COUNTY,
    (S.TOWNSHIP_REVIEWED, S.REJECTED): Level.COUNTY,
    (S.COUNTY_APPROVED, S.PAID): Level.COUNTY,
    (S.COUNTY_APPROVED, S.REVERSED): Level.COUNTY,
    (S.PAID, S.REVERSED): Level.COUNTY,
}

#: The levels each role acts at. The county (and the hub, the county's administrator) may take
#: every step; a village or township device only its own, so no device approves its own work.
ROLE_LEVELS: dict[Role, frozenset[Level]] = {
    Role.COORDINATOR: frozenset({Level.VILLAGE}),
    Role.TOWNSHIP: frozenset({Level.TOWNSHIP}),
    Role.COUNTY: frozenset(Level),
    Role.HUB: frozenset(Level),
}

#: Steps that must say why.
NEEDS_REASON: frozenset[ClaimState] = frozenset({S.REJECTED, S.REVERSED})

#: Fields of a submitted claim that may still change (everything else is frozen at submission:
#: the person, the rule, the amount and the facts they were judged on).
CLAIM_MUTABLE: frozenset[str] = frozenset(
    {"state", "reason", "evidence", "missing_evidence_reason", "batch_id"}
)

#: Fields of an approved (县审批 / 已发放) claim that may still change.
CLAIM_LOCKED_MUTABLE: frozenset[str] = frozenset({"state", "reason", "batch_id"})

#: Fields the county's approving step (to 县审批) writes: the payee's bank and account as they
#: are then, which the 花名册 pays to (`claim_account` at the hub checks them).
KEPT_AT_APPROVAL: frozenset[str] = frozenset({"approved_bank", "approved_account"})

LOCKED: frozenset[ClaimState] = frozenset({S.COUNTY_APPROVED, S.PAID})
FINAL: frozenset[ClaimState] = frozenset({S.REJECTED, S.REVERSED})


def roles_for(level: Level) -> list[Role]:
    """The device roles that act at `level` (for messages naming who may)."""
    return [r for r in (Role.COORDINATOR, Role.TOWNSHIP, Role.COUNTY) if level in ROLE_LEVELS[r]]


def allowed_steps(role: Role, state: ClaimState | str) -> list[ClaimState]:
    """The states `role` may move a claim in `state` to (the UI offers only these)."""
    current = parse_state(state)
    return [
        target
        for (source, target), level in CLAIM_STEPS.items()
        if source is current and current is not None and level in ROLE_LEVELS[role]
    ]


def awaited_states(role: Role) -> list[ClaimState]:
    """The states of the claims waiting for `role`'s own review — a step at the highest level
    it acts at, a reversal not counted (the township: 村审核; the county: 乡镇审核, 县审批)."""
    own = max(ROLE_LEVELS[role], key=list(Level).index)
    return [
        state
        for state in S
        if any(
            source is state and level is own and target is not S.REVERSED
            for (source, target), level in CLAIM_STEPS.items()
        )
    ]


def may_create_claims(role: Role) -> bool:
    """True when `role` may create (and submit) claims."""
    return Level.VILLAGE in ROLE_LEVELS[role]


def parse_state(value: object) -> ClaimState | None:
    """The claim state `value` names, or None (blank, or text that is no state)."""
    if isinstance(value, ClaimState):
        return value
    try:
        return ClaimState(str(value)) if value not in (None, "") else None
    except ValueError:
        return None


# -- who is asking, what they propose, what the store knows -------------------------------


@dataclass(frozen=True)
class Actor:
    """Who writes: the role and scope the hub fixed in the enrolment, and the device's name."""

    role: Role
    #: The enrolled area code; the scope is it and everything under it (None: everywhere).
    scope: str | None
    device: str = ""
    #: The scope's name where the device knows it (its messages say 鸭池镇, not 520502100).
    area_name: str = ""
    #: The areas the actor's ledger lists (`say_place` names a place by them first; a refusal
    #: says any other in words from the division table, never its code).
    places: Listed | None = field(default=None, compare=False, hash=False)
    #: Judged at the hub, which sends its reason back to the device: where a row outside the
    #: device's area lies now (a person, a household, a claim the hub holds, not a place the
    #: change itself writes) is not said (`ELSEWHERE_UNSAID`) — a change naming a person's id
    #: would tell any device where they live, move by move. The county's are told it.
    unsaid_elsewhere: bool = field(default=False, compare=False, hash=False)
    #: Judged at the hub: the device's users the hub knows are disabled on it (the device
    #: said so, or the county decided it): whatever is authored as one of them is held
    #: (`check_author`), from any incarnation of the device.
    disabled_users: frozenset[str] = field(default=frozenset(), compare=False, hash=False)

    def covers(self, place: str | None) -> bool:
        """True when `place` (an area code) lies inside this actor's scope."""
        if self.role is Role.HUB or self.scope is None:
            return True
        return bool(place) and str(place).startswith(self.scope)

    @property
    def county_level(self) -> bool:
        """True for the county office's devices and the hub itself."""
        return self.role in (Role.COUNTY, Role.HUB)

    def describe(self) -> str:
        """大坝村专员（村/安置点专员 · 大坝村）, as the window title says it; in words from the
        division table where the ledger does not list the area (本机（村/安置点专员 · 七星关区
        鸭池镇的一个村））."""
        return str(self.described())

    def described(self) -> Sentence:
        """`describe` as a sentence of its parts (the device's name, its role, its area)."""
        device: Part = self.device or Word("本机")
        if not self.scope:
            return said(_DESCRIBED, device, Word(self.role.label))
        where = self.area_name or place_part(self.scope, divisions(), self.places)
        return said(_DESCRIBED_IN, device, Word(self.role.label), where)


#: A device as a refusal names it: its name, its role (and its area).
_DESCRIBED = template("%1（%2）")
_DESCRIBED_IN = template("%1（%2 · %3）")


class Proposal(NamedTuple):
    """A change as proposed: one row of one table and the values it sets.

    Named tuples, like `Context` and `Verdict`: immutable, and made in a third of a frozen
    dataclass's time (the hub makes one of each for every change it receives).
    """

    table: str
    row_id: str
    data: Mapping[str, Any]


#: The empty mapping a `Context` field defaults to (read-only: the default is shared).
_NOTHING: Mapping[str, Any] = MappingProxyType({})


class Context(NamedTuple):
    """What the receiving ledger knows, computed by the store (never read from the change).

    `before` is the row's current values (empty for a new row). `place_before` is where the
    row was (an area code; None when it has no place or its owner is unknown). `places_after`
    gives, per link column set after the change, the place it points to ("" when the target
    is unknown). `targets` gives, per link column, the target row's current values.
    `fields` is the table's data fields, None when the receiver has no such table.
    """

    exists: bool = False
    before: Mapping[str, Any] = _NOTHING
    place_before: str | None = None
    places_after: Mapping[str, str] = _NOTHING
    targets: Mapping[str, Mapping[str, Any]] = _NOTHING
    fields: frozenset[str] | None = None
    #: Declared column types (TEXT, INTEGER, REAL …), for tables without a domain model.
    column_types: Mapping[str, str] = _NOTHING
    #: A new household that the same sender moves one of its own people into (in the same
    #: bundle): the destination of a transfer, which may lie outside the sender's scope.
    transfer_target: bool = False
    #: For a person: where the household lies that the person is offered to move into (the
    #: change's `moving_to`, else the row's; "" when none is named or it is unknown).
    offered_place: str = ""
    #: For a person taken in from an offer: the offer it answers is the one standing (the
    #: change saw the latest version of the row's `moving_to`); False when the offering
    #: village took it back or changed it since (the hub compares the change's parents).
    offer_seen: bool = True
    #: For a person no offer stands for: the change clears `moving_to` having seen a version
    #: of it since replaced — it answers an offer the offering village took back (the hub
    #: compares the change's parents; a device's own door never sees this).
    offer_ended: bool = False
    #: For a person the change offers to a household (sets `moving_to`): the receiver holds
    #: that household, live, in an area it lists — one some village's device can answer;
    #: False for a household it does not hold (none, deleted, or in no area it knows).
    offered_held: bool = True
    #: For a row a subsidy is judged by (`OFFER_KEPT_ROWS`) whose change moves it to another
    #: person: the person it hung on before, as the row stands (empty otherwise) — a row of
    #: an offered person is kept both ways: not put on them, not taken off them.
    person_before: Mapping[str, Any] = _NOTHING
    #: For a person moved into another household: that household is a new one, made in the
    #: same bundle (a new home), not one the receiver held before.
    new_home: bool = False
    #: Link columns (other than the row's place) naming a row that a change of the same bundle
    #: creates: that row is judged on its own when it comes (a household's head, created after
    #: the household). Such a link never decides the place.
    coming: frozenset[str] = frozenset()
    #: For a new area row whose code is an official county or township: its row as the
    #: official table writes it (code, name, kind, parent_code); None otherwise.
    official: Mapping[str, Any] | None = None
    #: For a print log naming a person who lies outside the writer's scope now: where the
    #: person lay when the log says it was printed (its printed_at), as the hub's log of the
    #: person's household and the household's area has it ("" or absent when it cannot say).
    printed_where: str = ""


class Verdict(NamedTuple):
    """Allowed, or the rule that refused and a Chinese reason (and, where the rule made it of
    a template and its parts, `said`: the reason as a `Sentence`, which a window can say in
    its language; str(said) is `reason`)."""

    allowed: bool
    rule: str = ""
    reason: str = ""
    said: Sentence | None = None

    @property
    def rule_name(self) -> str:
        """The refusing rule's Chinese name."""
        return RULES.get(self.rule, self.rule)


ALLOWED = Verdict(True)


def refuse(rule: str, reason: str | Sentence) -> Verdict:
    """A refusal by `rule` (one of `RULES`), for `reason` (a `Sentence`: kept as one too)."""
    assert rule in RULES, rule
    if isinstance(reason, Sentence):
        return Verdict(False, rule, str(reason), reason)
    return Verdict(False, rule, reason)


#: The program's own words a refusal's sentence may hold besides the tables', fields', claim
#: states', roles' and levels' names (the desktop translates each: `held_words.words()`).
SAID_WORDS: tuple[str, ...] = (
    "本机",
    "未知地区",
    "此人",
    "对方村",
    "补贴",
    "没有金额",
    "空白",
    "状态不明",
    "空",
    "原来的村",
    "这个批次",
    "有人",
    "删除",
    "修改",
    *(level.value for level in Level),
)


def _table(table: str) -> Word:
    """A table's name (`TABLE_NAMES`) as a part of a sentence."""
    return Word(table_name(table))


def _field(name: str, table: str = "") -> Word:
    """A field's name (`field_label`) as a part of a sentence."""
    return Word(field_label(name, table))


def _state(state: object) -> Word:
    """A claim's state as a part of a sentence."""
    return Word(str(state))


# -- the row rules -------------------------------------------------------------------------


def check(
    actor: Actor, proposal: Proposal, context: Context, values: Verdict | None = None
) -> Verdict:
    """Whether `actor` may make `proposal`, given what the receiver knows (`context`).

    `values`: what `check_values` says of this proposal in this context, when that is already
    known (the hub judges the values of a bundle's new rows ahead, see `trust_check`).
    """
    rules = (_check_names, check_values, _check_county, _check_scope, _check_logged, _check_claim)
    for rule in rules:
        if rule is check_values and values is not None:
            verdict = values
        else:
            verdict = rule(actor, proposal, context)
        if not verdict.allowed:
            return verdict
    return ALLOWED


#: Tables whose new rows `clears_new_row` may clear: placed by their links, with a model,
#: neither county-kept, append-only nor claims (whose new rows have rules of their own).
CLEARABLE: frozenset[str] = (
    frozenset(LINKS) - COUNTY_TABLES - APPEND_ONLY - {"claims", "claim_events", "batches"}
)


def clears_new_row(
    actor: Actor,
    table: str,
    data: Mapping[str, Any],
    fields: frozenset[str] | None,
    places_after: Mapping[str, str],
    values: Verdict,
) -> bool:
    """True only when `check` allows creating this row: a sufficient condition, cheap enough
    to ask of every change a hub receives (a village's first bundle is nearly all new rows in
    its own area). False says nothing: `check` then judges the change with its full `Context`.

    Given a new row of a `CLEARABLE` table whose values `check_values` passed (`values`), and
    `places_after` as `Context.places_after` gives them: every field is a field of the table
    (`_check_names`), the table is no county table, trail or claim (`_check_county`,
    `_check_claim` allow it), and every link it sets leads inside the actor's scope, its place
    included (`_check_scope` refuses nothing then, whatever transfers or later rows of the same
    bundle would have excused).
    """
    if table not in CLEARABLE or fields is None or not values.allowed:
        return False
    if not data.keys() <= fields:
        return False
    if actor.role is Role.HUB:
        return True
    links = LINKS[table]
    if data.get(links[0][0]) in (None, ""):
        return False  # a new row without its place: `_check_scope` says why (or lets the county)
    for column, _target in links:
        value = data.get(column)
        if value in (None, ""):
            continue  # only the place must be set, and it is
        place = places_after.get(column, "")
        if not place or not actor.covers(place):
            return False
    return True


def _check_names(actor: Actor, proposal: Proposal, context: Context) -> Verdict:
    if context.fields is None:
        return refuse("unknown_table", said(UNKNOWN_TABLE, proposal.table))
    if proposal.data.keys() <= context.fields:
        return ALLOWED
    unknown = sorted(set(proposal.data) - context.fields)
    if unknown:
        return refuse(
            "unknown_field", said(UNKNOWN_FIELDS, _table(proposal.table), listed(unknown))
        )
    return ALLOWED


UNKNOWN_TABLE = template("中心没有「%1」这类记录")
UNKNOWN_FIELDS = template("%1没有这些字段：%2")


def _official_ancestor(actor: Actor, proposal: Proposal, context: Context) -> bool:
    """A new row for the official county or township above the actor's area, exactly as the
    official table writes it: a ledger filled before enrolment made it so, and it adds no
    reach (the scope comes from the enrolment, never from the area tree)."""
    official = context.official
    if context.exists or official is None or not actor.scope:
        return False
    if not actor.scope.startswith(str(official.get("code"))):
        return False
    data = {k: v for k, v in proposal.data.items() if not (k == "deleted" and v in (False, 0))}
    return data == dict(official)


COUNTY_KEPT = template("「%1」由县里统一维护，只有县级设备或县级汇总中心可以修改（%2）")
APPEND_ONLY_SAID = template("「%1」只能新增，不能修改（县级可以更正）")
COUNTY_ONLY = template("「%1」只有县级可以修改")
#: A county device changing a pack the hub signed (%1 the table, %2 the device).
HUB_KEPT = template("「%1」由县级汇总中心签发，任何设备都不能修改或删除，县级设备也不能（%2）")
#: A held change of a pack the hub signed, which no review can accept (%1 the table).
HUB_KEPT_HELD = template(
    "「%1」由县级汇总中心签发，设备对它的修改谁也不能接受，只能不予采纳；要改政策，请签发新版本"
)


def hub_kept(table: str) -> Verdict:
    """Why a held change of `table` (one of `HUB_TABLES`) cannot be accepted: the hub's
    acceptance writes as the hub, which may write the packs — the device that sent the change
    (a county device may review held changes) would have its own forged change taken in."""
    return refuse("county_table", said(HUB_KEPT_HELD, _table(table)))


NEW_AREA_UNDER = template(
    "新的区域「%1」的上级写成了%2，不在%3负责的范围内：本机新增的组、楼栋只能挂在本机区域内的"
    "地方下面"
)
NEW_AREA_OUTSIDE = template("新的区域「%1」（%2）不在%3负责的范围内：范围外的区域由县里统一维护")


def _county_refusal(actor: Actor, table: str) -> Verdict:
    return refuse("county_table", said(COUNTY_KEPT, _table(table), actor.described()))


def _append_only_refusal(table: str) -> Verdict:
    return refuse("append_only", said(APPEND_ONLY_SAID, _table(table)))


def _check_county(actor: Actor, proposal: Proposal, context: Context) -> Verdict:
    table = proposal.table
    if table in COUNTY_TABLES and not actor.county_level:
        if context.exists and all(context.before.get(f) == v for f, v in proposal.data.items()):
            return ALLOWED  # the same values again (a device made the county's row itself)
        code = str(proposal.data.get("code") or "")
        parent = str(proposal.data.get("parent_code") or "")
        if table in LOCAL_AREAS and not context.exists and actor.covers(code):
            if not parent or actor.covers(parent) or (actor.scope or "").startswith(parent):
                return ALLOWED  # a new group or building inside its own area (or itself)
        if table in LOCAL_AREAS and _official_ancestor(actor, proposal, context):
            return ALLOWED  # the county's or township's row above it, as the official table has it
        if table in LOCAL_AREAS and not context.exists and code:
            name = str(proposal.data.get("name") or "")
            if actor.covers(code):
                # Hung under a place outside it and above none of it (another village): that
                # place's answers, its 走访记录表 and every place said by the tree would take
                # the new area, and its households, as its own.
                under = place_part(parent, divisions(), actor.places)
                return refuse("county_table", said(NEW_AREA_UNDER, name, under, actor.described()))
            where = place_part(code, divisions(), actor.places)
            return refuse("county_table", said(NEW_AREA_OUTSIDE, name, where, actor.described()))
        return _county_refusal(actor, table)
    if table in HUB_TABLES and actor.role is not Role.HUB:
        if context.exists and all(context.before.get(f) == v for f, v in proposal.data.items()):
            return ALLOWED  # the same values again
        return refuse("county_table", said(HUB_KEPT, _table(table), actor.described()))
    if table in APPEND_ONLY and context.exists and not actor.county_level:
        return _append_only_refusal(table)
    if table not in COUNTY_TABLES and table not in LINKS and table not in UNPLACED:
        if not actor.county_level:  # a table nobody has classified: default deny
            return refuse("county_table", said(COUNTY_ONLY, _table(table)))
    return ALLOWED


NO_PLACE = template("%1必须有%2")
NO_TARGET = template("%1的%2指向的记录在中心不存在，无法确定所属地区")
OUT_OF_SCOPE_LINK = template("%1的%2指向%3，不在%4负责的范围内")
NEW_WITHOUT = template("新建的%1没有%2")
PLACE_UNKNOWN = template("无法确定这条%1属于哪个地区（所属的人员或户不明），只有县级可以修改")
OUT_OF_SCOPE = template("这条%1属于%2，不在%3负责的范围内")
#: … said by the hub to a device below the county (`Actor.unsaid_elsewhere`): not where.
OUT_OF_SCOPE_UNSAID = template("这条%1不在%2负责的范围内")
OUT_OF_SCOPE_LINK_UNSAID = template("%1的%2不在%3负责的范围内")
NEW_WITHOUT_PLACE = template("新建的%1必须有所属地区")
ADDED_OUT_OF_SCOPE = template("%1属于%2，不在%3负责的范围内")


def _check_scope(actor: Actor, proposal: Proposal, context: Context) -> Verdict:
    table = proposal.table
    if table not in LINKS or actor.role is Role.HUB:
        return ALLOWED
    if table == "persons" and context.exists:
        moved = _person_move(actor, proposal, context)
        if moved is not None:
            return moved
    label = _table(table)
    links = LINKS[table]
    if context.exists:
        verdict = _place_verdict(actor, table, context.place_before)
        if not verdict.allowed:
            return verdict
    transfer = TRANSFERS.get(table) if context.exists else None
    if table == "households" and not context.exists and context.transfer_target:
        transfer = "area_code"  # a new home elsewhere for someone moving out of the scope
    for column, _target in links:
        if column not in proposal.data or column == transfer:
            continue
        value = proposal.data[column]
        if value in (None, ""):
            if column == links[0][0] and not actor.county_level:
                return refuse("no_place", said(NO_PLACE, label, _field(column)))
            continue
        place = context.places_after.get(column, "")
        if not place:
            if actor.county_level:
                continue  # the county may point anywhere in the county, known or not yet
            if column in context.coming and column != links[0][0]:
                continue  # its target comes later in the same bundle and is judged then
            return refuse("no_place", said(NO_TARGET, label, _field(column)))
        if not actor.covers(place):
            rule = "pull_in" if column == links[0][0] else "link_scope"
            if _unsaid(actor, _target):
                unsaid = said(OUT_OF_SCOPE_LINK_UNSAID, label, _field(column), actor.described())
                return refuse(rule, unsaid)
            where = place_part(place, divisions(), actor.places)
            return refuse(
                rule, said(OUT_OF_SCOPE_LINK, label, _field(column), where, actor.described())
            )
    if not context.exists and links[0][0] not in proposal.data and not actor.county_level:
        return refuse("no_place", said(NEW_WITHOUT, label, _field(links[0][0])))
    return _hung_kept(actor, proposal, context) or ALLOWED


#: What the receiving device writes when it takes an offered person in: their household (the
#: one offered), the offer cleared, their relation to its head and why.
ACCEPT_FIELDS: frozenset[str] = frozenset(
    {"household_id", "moving_to", "relation", "change_reason"}
)
#: What it writes when it does not: the offer cleared, and why.
DECLINE_FIELDS: frozenset[str] = frozenset({"moving_to", "change_reason"})

MOVE_IN_WAITS = template(
    "把%1迁入%2已有的户，须由%2接收：本机只能提出迁入，等%2的设备接收后才迁过去（%3）"
)
#: … said by the hub to a device below the county (`Actor.unsaid_elsewhere`): not where the
#: household lies — a device moving its own person to a guessed household id would learn it.
MOVE_IN_WAITS_UNSAID = template(
    "把%1迁入本机范围以外已有的户，须由那里接收：本机只能提出迁入，等那里的设备接收后才迁过去（%2）"
)
#: What the offering device may write of a person it offered while the offer stands: take it
#: back (or offer them to another household instead), or move them elsewhere itself — the
#: offer cleared with the move. Nothing else: the receiving village decides on the person as
#: offered (their account, their ID number …).
OFFER_ENDS_FIELDS: frozenset[str] = frozenset({"moving_to", "change_reason"})
MOVE_ENDS_FIELDS: frozenset[str] = frozenset(
    {"household_id", "moving_to", "relation", "change_reason"}
)
OFFERED_UNCHANGED = template("已提出把%1迁入%2的户，待对方接收：请先撤回迁入再修改（%3）")
OFFER_TAKEN_BACK = template(
    "%1的迁入在接收之前已被提出的村撤回或改过：这次接收的不是现在提出的迁入，没有迁入。请同步后重新查看待接收的迁入人员（%2）"
)
#: A 不接收 of an offer the offering village took back, no offer made again (%1 the person,
#: %2 the device).
DECLINE_WITHDRAWN = template(
    "%1的迁入在答复之前已被提出的村撤回：不用再答复。请同步后重新查看待接收的迁入人员（%2）"
)
DECLINE_TAKEN_BACK = template(
    "%1的迁入在答复之前已被提出的村撤回或改过：这次不接收的不是现在提出的迁入，现在的迁入仍待答复。请同步后重新查看待接收的迁入人员（%2）"
)


#: An offer (`moving_to`) naming a household the ledger does not hold: none, deleted, or in an
#: area it does not list — no village's device could answer it (%1 the person, %2 the device).
#: The same words whatever the household is: the hub tells a device that guessed an id
#: nothing of where, or whether, that household is.
OFFER_NOWHERE = template(
    "提出把%1迁入的户在台账上没有（没有这一户、已删除，或不在台账上的村）：没有哪个村能接收，迁入没有提出（%2）"
)
#: An offer naming a household of the offering device's own area: that is a plain move.
OFFER_OWN_AREA = template("%1要迁入的户在%2负责的范围内：直接迁户即可，不用提出迁入")


def _offer_aimed(actor: Actor, data: Mapping[str, Any], context: Context) -> Verdict | None:
    """An offer (a change setting `moving_to`) by the person's own device names a household
    another village holds: one the ledger does not hold (`Context.offered_held`) would wait
    for an answer no one can give, one of the device's own area is moved into at once (the
    program does so), not offered (`offer_target`). None when it does."""
    who = str({**context.before, **data}.get("name") or "") or Word("此人")
    if not context.offered_held:
        return refuse("offer_target", said(OFFER_NOWHERE, who, actor.described()))
    if actor.covers(context.offered_place):
        return refuse("offer_target", said(OFFER_OWN_AREA, who, actor.described()))
    return None


def _answer_too_late(
    actor: Actor, data: Mapping[str, Any], context: Context, moving: bool, place: str
) -> Verdict | None:
    """A take-in or a turn-down (`ACCEPT_FIELDS`, `DECLINE_FIELDS`) of an offer the offering
    village took back before it arrived, no offer standing now (`Context.offer_ended`): an
    honest race, refused as a stale take-in is (`offered_person`), not as a change of another
    village's person (`scope`). A take-in into a household outside the sender's area, or any
    other change, is judged as before (None)."""
    who = str(context.before.get("name") or "") or Word("此人")
    if moving and data.keys() <= ACCEPT_FIELDS:
        if place and actor.covers(place):
            return refuse("offered_person", said(OFFER_TAKEN_BACK, who, actor.described()))
    elif not moving and data.keys() <= DECLINE_FIELDS:
        return refuse("offered_person", said(DECLINE_WITHDRAWN, who, actor.described()))
    return None


def _offer_kept(actor: Actor, data: Mapping[str, Any], context: Context) -> Verdict | None:
    """The offering device's change of a person it offered (`before.moving_to`), while the
    offer stands: only ending it — taken back or made to another household
    (`OFFER_ENDS_FIELDS`), or the person moved elsewhere with the offer cleared
    (`MOVE_ENDS_FIELDS`) — else refused (`offered_person`). The county may correct any row."""
    before = context.before
    if not before.get("moving_to") or actor.county_level:
        return None
    keys = data.keys()
    if "moving_to" in keys and keys <= OFFER_ENDS_FIELDS:
        return None  # taken back, or offered to another household instead
    if (
        keys <= MOVE_ENDS_FIELDS
        and "moving_to" in keys
        and data["moving_to"] in (None, "")
        and data.get("household_id") not in (None, "", before.get("household_id"))
    ):
        return None  # moved elsewhere by its own village: the offer ends with the move
    who = str(before.get("name") or "") or Word("此人")
    where = _offered_where(actor, context)
    return refuse("offered_person", said(OFFERED_UNCHANGED, who, where, actor.described()))


def _offered_where(actor: Actor, context: Context) -> Part:
    """Where the household a person is offered to lies, as a refusal says it: 对方村 when
    unknown, and at the hub to a device below the county (`_unsaid`) — an offer to a guessed
    household id, then any change of the person, would tell it where that household lies."""
    if not context.offered_place or _unsaid(actor, "households"):
        return Word("对方村")
    return place_part(context.offered_place, divisions(), actor.places)


#: The rows hung on a person that a subsidy is judged by (`store.facts`: categories, jobs,
#: unemployment registrations, trainings): kept as offered while an offer stands, as the
#: person row is — the receiving village takes in the person it saw, not a job or a 脱贫人口
#: added after. Not the month's status, visits or other services: the offering village's
#: monthly round goes on (its grid saves every member or none), and no subsidy reads them.
OFFER_KEPT_ROWS: frozenset[str] = frozenset(
    {"person_categories", "employment_spells", "unemployment_registrations", "services"}
)
#: Of services, the ones kept (`OFFER_KEPT_ROWS`): trainings, which training subsidies pay.
_KEPT_SERVICE = ServiceType.TRAINING.value


def _hung_kept(actor: Actor, proposal: Proposal, context: Context) -> Verdict | None:
    """A change of a row `OFFER_KEPT_ROWS` names hung on a person offered to another village
    (the person row as it stands, `targets`), by a device below the county: refused
    (`offered_person`), as a change of the person row is (`_offer_kept`); None otherwise."""
    if proposal.table not in OFFER_KEPT_ROWS or actor.county_level:
        return None
    merged = {**context.before, **proposal.data}
    if proposal.table == "services" and _KEPT_SERVICE not in (
        merged.get("service_type"),
        context.before.get("service_type"),  # a training made another service is changed
    ):
        return None
    # The person the row hangs on after the change, and the one it hung on before (a row
    # taken off an offered person changes what the receiving village takes in as much).
    for person in (context.targets.get("person_id") or {}, context.person_before):
        if person.get("moving_to"):
            who = str(person.get("name") or "") or Word("此人")
            where = _offered_where(actor, context)
            return refuse("offered_person", said(OFFERED_UNCHANGED, who, where, actor.described()))
    return None


def _person_move(actor: Actor, proposal: Proposal, context: Context) -> Verdict | None:
    """A person moved into another household, or offered to one (`moving_to`): None when the
    change is none of these, to be judged as any other.

    - An offer taken up: the device whose scope holds the household offered (not the
      person's own: on it the person's household may be unknown) moves the person into exactly that household, clearing the offer, writing
      nothing else of theirs (`ACCEPT_FIELDS`): allowed — the one pull-in that is.
    - An offer turned down: that device clears the offer and writes nothing else
      (`DECLINE_FIELDS`): allowed. A take-in or a turn-down answers the offer standing: one
      that saw an offer since taken back (and made again) is refused (`offered_person`,
      `Context.offer_seen`: the hub compares the change's parents; a device's own write door
      always answers what it holds). Any other change of the person by a device outside
      their scope is judged as before (`scope`): a pull-in without the offer stays refused.
    - The person's own device moving them into a household outside its scope that the
      receiver held before (another village's family): refused (`move_in`): it offers
      instead. Into a new household made in the same bundle (a family's new home at a
      relocation site), it is a transfer as before: no one else's household grows by it.
    """
    data, before = proposal.data, context.before
    offered = str(before.get("moving_to") or "")
    target = data.get("household_id")
    moving = (
        "household_id" in data
        and target not in (None, "")
        and (target != before.get("household_id"))
    )
    place = context.places_after.get("household_id", "") if moving else ""
    if not actor.covers(context.place_before):
        # Not the person's own device: only the one offered them may take them in or not.
        clears = "moving_to" in data and data["moving_to"] in (None, "")
        if not offered and clears and context.offer_ended:
            return _answer_too_late(actor, data, context, moving, place)
        if not offered or not clears:
            return None
        if moving and target == offered and data.keys() <= ACCEPT_FIELDS:
            if place and actor.covers(place):
                if not context.offer_seen:
                    who = str(before.get("name") or "") or Word("此人")
                    return refuse("offered_person", said(OFFER_TAKEN_BACK, who, actor.described()))
                return ALLOWED
        elif not moving and data.keys() <= DECLINE_FIELDS:
            if context.offered_place and actor.covers(context.offered_place):
                if not context.offer_seen:  # turns down an offer since taken back
                    who = str(before.get("name") or "") or Word("此人")
                    return refuse(
                        "offered_person", said(DECLINE_TAKEN_BACK, who, actor.described())
                    )
                return ALLOWED
        return None  # judged as any change of a row outside the scope
    if data.get("moving_to") not in (None, ""):
        aimed = _offer_aimed(actor, data, context)
        if aimed is not None:
            return aimed
    if moving and place and not actor.covers(place) and not context.new_home:
        who = str({**before, **data}.get("name") or "") or Word("此人")
        if _unsaid(actor, "households"):
            return refuse("move_in", said(MOVE_IN_WAITS_UNSAID, who, actor.described()))
        where = place_part(place, divisions(), actor.places)
        return refuse("move_in", said(MOVE_IN_WAITS, who, where, actor.described()))
    return _offer_kept(actor, data, context)


LOGGED_OUT_OF_SCOPE = template(
    "这条%1的%2在%3，不在%4负责的范围内：每台设备只记本机为本范围打印、导出的材料，记到别处的"
    "会被当作那里打印、公示过的材料"
)
#: … said by the hub to a device below the county (`Actor.unsaid_elsewhere`): not where.
LOGGED_UNSAID = template(
    "这条%1的%2不在%3负责的范围内：每台设备只记本机为本范围打印、导出的材料，记到别处的"
    "会被当作那里打印、公示过的材料"
)


def _check_logged(actor: Actor, proposal: Proposal, context: Context) -> Verdict:
    """A print or export log names (`NAMED`) only places, batches, claims and persons inside
    the writer's scope, or a wider area (batch) that holds it (`NAMED_WIDER`); one the
    receiver does not know names nothing it holds, and reaches no device. A claim is judged
    by its own area, and its person with it (the form of a paid claim whose person moved); a
    person by where they lay when the log says it was printed, where the hub can tell
    (`Context.printed_where`: printed before the person was moved away, synced after)."""
    named = NAMED.get(proposal.table)
    if not named or actor.role is Role.HUB:
        return ALLOWED
    claim = context.targets.get("claim_id") or {}
    # A claim lies where it is noticed and paid, its own area (`claim_area`), which stays
    # when its person moves away after it was paid: its form is reprinted where it was made.
    claimed_at = str(claim.get("area_code") or "")
    for column, _target in named:
        place = context.places_after.get(column, "")
        if column == "claim_id" and claimed_at:
            place = claimed_at
        if not place or actor.covers(place):
            continue
        if (
            column == "person_id"
            and claim.get("person_id") == proposal.data.get("person_id")
            and actor.covers(claimed_at)
        ):
            continue  # the person of a claim of its own, moved away since
        if column == "person_id" and context.printed_where and actor.covers(context.printed_where):
            continue  # the person was its own when printed, moved away before the log came
        if column in NAMED_WIDER and actor.scope and actor.scope.startswith(place):
            continue
        label = _table(proposal.table)
        if _unsaid(actor, _target):
            unsaid = said(LOGGED_UNSAID, label, _field(column), actor.described())
            return refuse("logged_scope", unsaid)
        where = place_part(place, divisions(), actor.places)
        return refuse(
            "logged_scope",
            said(LOGGED_OUT_OF_SCOPE, label, _field(column), where, actor.described()),
        )
    return ALLOWED


def _place_verdict(actor: Actor, table: str, place: str | None) -> Verdict:
    """May `actor` change a row of `table` (one with a place) that lies at `place`?"""
    if actor.role is Role.HUB:
        return ALLOWED
    label = _table(table)
    if place is None and not actor.county_level:
        return refuse("no_place", said(PLACE_UNKNOWN, label))
    if not actor.covers(place):
        if _unsaid(actor, table):
            return refuse("scope", said(OUT_OF_SCOPE_UNSAID, label, actor.described()))
        where: Part = place_part(place, divisions(), actor.places) or Word("未知地区")
        return refuse("scope", said(OUT_OF_SCOPE, label, where, actor.described()))
    return ALLOWED


#: Rows whose place a refusal says to any device: an area (the change itself writes its code;
#: the county's areas reach every device) and a batch (a township's, the county's: it reaches
#: each village whose claims it holds, and says where no person lives). Every other row with a
#: place lies where a person or a household does.
SAID_ELSEWHERE: frozenset[str] = frozenset({AREA, "batches"})


def _unsaid(actor: Actor, table: str) -> bool:
    """True when a refusal to `actor` does not say where a row of `table` outside its area
    lies (`Actor.unsaid_elsewhere`): where a person, household, claim … is now is the hub's
    to know, not the sender's (`SAID_ELSEWHERE` are said)."""
    return actor.unsaid_elsewhere and not actor.county_level and table not in SAID_ELSEWHERE


def may_change(actor: Actor, table: str, place: str | None) -> Verdict:
    """Whether `actor` may change an existing row of `table` that lies at `place` (the area
    code its links lead to, None when unknown), whatever the change: the table and scope rules
    `check` applies to every edit, asked before a form is filled (the desktop app greys out
    what this refuses, with its reason). Claim steps are `allowed_steps`' business."""
    if table in COUNTY_TABLES and not actor.county_level:
        return _county_refusal(actor, table)
    if table in APPEND_ONLY and not actor.county_level:
        return _append_only_refusal(table)
    if table in LINKS:
        return _place_verdict(actor, table, place)
    return ALLOWED


def may_add_at(actor: Actor, table: str, place: str | None) -> Verdict:
    """Whether `actor` may create a row of `table` hung on something at `place` (a visit for
    a person, a claim, a new member of a household): its place must lie in the scope."""
    if actor.role is Role.HUB or table not in LINKS:
        return ALLOWED
    if table == "claims":
        verdict = _step_verdict(actor, None, S.DRAFT)
        if not verdict.allowed:
            return verdict
    if not place:  # as `_check_scope` judges a new row without its place
        if actor.county_level:
            return ALLOWED
        return refuse("no_place", said(NEW_WITHOUT_PLACE, _table(table)))
    if not actor.covers(place):
        where = place_part(place, divisions(), actor.places)
        return refuse("pull_in", said(ADDED_OUT_OF_SCOPE, _table(table), where, actor.described()))
    return ALLOWED


#: The roles that may take a step, as a refusal names them: 村/安置点专员或县级设备.
DEVICES_OF = template("%1设备")


def _who_may(level: Level) -> Sentence:
    return said(DEVICES_OF, either([Word(r.label, common=True) for r in roles_for(level)]))


NEW_CLAIM_STATES = template("新建的申领只能是「%1」或「%2」")
CLAIM_FLOW = template("申领当前为「%1」，不能变为「%2」（不符合审核流程）")
CLAIM_MADE_BY = template("申领由%1新建，本机不能新建（%2）")
CLAIM_STEP = template("把申领从「%1」变为「%2」是%3级审核，只有%4可以操作（%5）")
STATE_UNREAD = template("申领的状态「%1」无法识别，只有县级可以更正")
NOT_DELETED = template("「%1」的申领不能删除，只能驳回或撤销")
#: A rejected or reversed claim deleted: not told to be rejected, which it is.
ENDED_NOT_DELETED = template("「%1」的申领不能删除：它留在台账上备查（更正请新建申领）")
DRAFTS_DELETED_BY = template("只有%1可以删除草稿申领")
CLAIM_ENDED = template("申领已「%1」，不能再修改（更正请新建申领）")
PAID_BATCH = template(
    "申领已「%1」，所属批次不能再改：它已按这个批次的花名册发放，移出批次会被下一个批次再编入、"
    "再发放一次；如有错误只能撤销"
)
APPROVED_BATCH = template(
    "申领已「%1」，所属批次只有县级可以调整：县里按批次的花名册发放，村、乡镇改动批次会让它漏发"
    "或再发一次（%2）"
)
TOWNSHIP_BATCH = template(
    "申领已「%1」，所属批次只有乡镇、县里可以调整：乡镇按这个批次公示、报送花名册，村里移出或改动"
    "批次，县里收到的花名册就变了（%2）"
)
CLAIM_LOCKED = template("申领已「%1」，%2不能再修改；如有错误只能撤销")
CLAIM_FROZEN = template(
    "申领提交后%1不能再改（人员、补贴项目、金额以提交时为准；有误请驳回后新建）"
)
NO_STATE = template("申领状态「%1」不是有效的状态")
NEEDS_REASON_SAID = template("把申领变为「%1」必须写明原因")


def _check_claim(actor: Actor, proposal: Proposal, context: Context) -> Verdict:
    if proposal.table == "claims":
        return _check_claim_row(actor, proposal.data, context)
    if proposal.table == "claim_events":
        return _check_claim_event(actor, proposal.data, context)
    return ALLOWED


def _step_verdict(actor: Actor, source: ClaimState | None, target: ClaimState) -> Verdict:
    """May `actor` move a claim from `source` (None: creating it) to `target`?"""
    level = CLAIM_STEPS.get((source, target))
    if level is None:
        if source is None:
            return refuse(
                "claim_new_state", said(NEW_CLAIM_STATES, _state(S.DRAFT), _state(S.SUBMITTED))
            )
        return refuse("claim_flow", said(CLAIM_FLOW, _state(source), _state(target)))
    if level not in ROLE_LEVELS[actor.role]:
        if source is None:
            return refuse("claim_step", said(CLAIM_MADE_BY, _who_may(level), actor.described()))
        return refuse(
            "claim_step",
            said(
                CLAIM_STEP,
                _state(source),
                _state(target),
                Word(level.value, common=True),
                _who_may(level),
                actor.described(),
            ),
        )
    return ALLOWED


def may_step(actor: Actor, source: ClaimState, target: ClaimState) -> Verdict:
    """May `actor` move a claim from `source` to `target` (the flow's and the role's rule;
    the UI says with it why a step it does not offer is another level's)?"""
    return _step_verdict(actor, source, target)


def _check_claim_row(actor: Actor, data: Mapping[str, Any], context: Context) -> Verdict:
    if not context.exists:
        target = parse_state(data.get("state")) or S.DRAFT
        verdict = _step_verdict(actor, None, target)
        if verdict.allowed:
            verdict = _claim_figures(data, context)
        if verdict.allowed:
            verdict = _claim_place(actor, data, context)
        return verdict
    before = parse_state(context.before.get("state"))
    changed = {f for f, v in data.items() if context.before.get(f) != v}
    if not changed:
        return ALLOWED
    if before is None:
        if actor.county_level:
            return ALLOWED  # the county puts right a claim whose stored state is unreadable
        return refuse("claim_flow", said(STATE_UNREAD, str(context.before.get("state"))))
    if "deleted" in changed:
        if before in FINAL:
            return refuse("claim_delete", said(ENDED_NOT_DELETED, _state(before)))
        if before is not S.DRAFT:
            return refuse("claim_delete", said(NOT_DELETED, _state(before)))
        if Level.VILLAGE not in ROLE_LEVELS[actor.role]:
            return refuse("claim_delete", said(DRAFTS_DELETED_BY, _who_may(Level.VILLAGE)))
    if before in FINAL:
        return refuse("claim_locked", said(CLAIM_ENDED, _state(before)))
    if before is S.PAID and "batch_id" in changed and context.before.get("batch_id"):
        # Paid by its batch's 花名册: taken out (or moved), the next batch would pay it again.
        return refuse("claim_locked", said(PAID_BATCH, _state(before)))
    if before in LOCKED and "batch_id" in changed and not actor.county_level:
        # The county pays an approved claim by the batch it put it in: a village or township
        # moving it out (or into a batch of its own) would leave it to be paid twice, or never.
        return refuse("claim_locked", said(APPROVED_BATCH, _state(before), actor.described()))
    if (
        before is S.TOWNSHIP_REVIEWED
        and "batch_id" in changed
        and context.before.get("batch_id")
        and Level.TOWNSHIP not in ROLE_LEVELS[actor.role]
        and not actor.county_level
    ):
        # Passed by the township: on the roster it posts and sends on by this batch. A village
        # taking it out (or moving it) changed the roster the county works from.
        return refuse("claim_locked", said(TOWNSHIP_BATCH, _state(before), actor.described()))
    if before in LOCKED:
        extra = sorted(changed - CLAIM_LOCKED_MUTABLE)
        if extra:
            names = listed([Word(field_label(f), common=True) for f in extra])
            return refuse("claim_locked", said(CLAIM_LOCKED, _state(before), names))
    elif before is not S.DRAFT:
        # The approving step keeps the account the claim is paid to (no other step may).
        kept = KEPT_AT_APPROVAL if parse_state(data.get("state")) is S.COUNTY_APPROVED else set()
        extra = sorted(changed - CLAIM_MUTABLE - {"deleted"} - kept)
        if extra:
            names = listed([Word(field_label(f), common=True) for f in extra])
            return refuse("claim_frozen", said(CLAIM_FROZEN, names))
    if "state" in changed:
        wanted = parse_state(data.get("state"))
        if wanted is None:
            return refuse("malformed", said(NO_STATE, str(data.get("state"))))
        verdict = _step_verdict(actor, before, wanted)
        if not verdict.allowed:
            return verdict
        if wanted in NEEDS_REASON:
            reason = data.get("reason", context.before.get("reason"))
            if not str(reason or "").strip():
                return refuse("claim_reason", said(NEEDS_REASON_SAID, _state(wanted)))
    if changed & {"amount", "claim_date"}:
        verdict = _claim_figures(data, context)
        if not verdict.allowed:
            return verdict
    if changed & {"area_code", "person_id"}:
        return _claim_place(actor, data, context)
    if "state" in changed and parse_state(data.get("state")) in PASSED_ON:
        # Passed on where its person no longer lives: a draft goes along when its person moves
        # (only a claim past the draft holds them in place, `claimed_moved`), recorded where it
        # was made — the new village would pass on a claim on the old one's 公示表 and batches,
        # which the old one can no longer reach. (One kept without an area, an older
        # program's, lies where its person does.)
        if context.before.get("area_code"):
            return _claim_place(actor, data, context, AreaLevel.VILLAGE)
    return ALLOWED


#: The steps passing a claim on towards payment below the county, which `claim_area` judges
#: as it judges a claim made or moved: a claim is passed on where its person lives.
PASSED_ON: frozenset[ClaimState] = frozenset({S.SUBMITTED, S.VILLAGE_REVIEWED, S.TOWNSHIP_REVIEWED})


CLAIM_NAMED = template("%1的“%2”")
CLAIM_ASKS = template("%1申领%2：申领金额必须大于零（按政策的补贴标准），请在程序中按政策重新申领")
#: An amount after 申领 (申领 0 元; with the space, as the papers write amounts).
YUAN = template(" %1 元")
CLAIM_UNDATED = template(
    "%1没有申领日期：不知道申领的是哪个月（哪一天开始的就业）的补贴，金额就无从与补贴标准核对；"
    "请在程序中按政策重新申领"
)
CLAIM_ELSEWHERE = template(
    "%1写的地区是%2，而申领人的户在%3：申领只能记在申领人所在的村（安置点），否则会列进别村的"
    "公示表和批次；请在程序中重新申领"
)


def person_named(row: Mapping[str, Any]) -> Part:
    """The claim's person as a refusal names them (此人 when it has no name)."""
    return str(row.get("person_name") or "") or Word("此人")


def claim_named(row: Mapping[str, Any]) -> Sentence:
    """赵六的“乡村公益性岗位补贴”, as a refusal names a claim."""
    title: Part = str(row.get("rule_title") or "") or Word("补贴")
    return said(CLAIM_NAMED, person_named(row), title)


def _claim_figures(data: Mapping[str, Any], context: Context) -> Verdict:
    """A claim (its change applied; a deleted one is not judged) asks for money, and says the
    day whose figure it is judged by: an amount of zero or below, or no 申领日期 (no month to
    find the standard of, so never compared with it), is no claim an honest program makes."""
    row = {**context.before, **data}
    if row.get("deleted"):
        return ALLOWED
    amount = row.get("amount")
    if not isinstance(amount, (int, float)) or isinstance(amount, bool) or amount <= 0:
        shown: Part = (
            said(YUAN, yuan(amount)) if isinstance(amount, (int, float)) else Word("没有金额")
        )
        return refuse("claim_amount", said(CLAIM_ASKS, claim_named(row), shown))
    if row.get("claim_date") in (None, ""):
        return refuse("claim_amount", said(CLAIM_UNDATED, claim_named(row)))
    return ALLOWED


def _claim_place(
    actor: Actor, data: Mapping[str, Any], context: Context, level: AreaLevel | None = None
) -> Verdict:
    """A claim made by a village or township device lies where its person's household does:
    its area code puts it on that village's 公示表 and into its batches (`claim_area`). The
    county corrects its data and is not judged. `level`: the two compared only to that level
    (a claim passed on is the village's whichever of its 村民组 the family was put in since)."""
    if actor.county_level:
        return ALLOWED
    person = (
        context.places_after.get("person_id", "") if "person_id" in data else context.place_before
    )
    if not person:
        return ALLOWED  # the person's place unknown: `_check_scope` says why
    row = {**context.before, **data}
    if row.get("deleted"):
        return ALLOWED
    area = str(row.get("area_code") or "")
    if area == person or (level is not None and area_at(area, level) == area_at(person, level)):
        return ALLOWED
    written: Part = place_part(area, divisions(), actor.places) if area else Word("空白")
    lives = place_part(person, divisions(), actor.places)
    return refuse("claim_area", said(CLAIM_ELSEWHERE, claim_named(row), written, lives))


EVENT_SAID = template("审核记录：%1")
EVENT_FROM_UNREAD = template("审核记录的原状态「%1」无法识别")
EVENT_STEP = template("「%1」是%2级审核，只有%3可以操作（%4）")
EVENT_MISMATCH = template("审核记录写的是「%1」，而申领当前为「%2」")


def _check_claim_event(actor: Actor, data: Mapping[str, Any], context: Context) -> Verdict:
    """A step on a claim's trail must be one the sender may take, and be what happened."""
    if context.exists:
        return ALLOWED  # edits are append-only's business
    source = parse_state(data.get("from_state"))
    target = parse_state(data.get("to_state"))
    if target is None or target is source:
        return ALLOWED  # a note on the trail (evidence collected …), not a step
    if source is not None:
        verdict = _step_verdict(actor, source, target)
    elif data.get("from_state"):
        verdict = (
            ALLOWED
            if actor.county_level
            else refuse("claim_flow", said(EVENT_FROM_UNREAD, str(data.get("from_state"))))
        )
    else:
        levels = {lvl for (_s, t), lvl in CLAIM_STEPS.items() if t is target}
        verdict = ALLOWED
        if not levels & ROLE_LEVELS[actor.role]:
            level = min(levels, key=list(Level).index)
            verdict = refuse(
                "claim_step",
                said(
                    EVENT_STEP,
                    _state(target),
                    Word(level.value, common=True),
                    _who_may(level),
                    actor.described(),
                ),
            )
    if not verdict.allowed:
        return refuse(verdict.rule, said(EVENT_SAID, verdict.said or verdict.reason))
    claim = context.targets.get("claim_id")
    if claim is not None and parse_state(claim.get("state")) is not target:
        now: Part = _state(claim["state"]) if claim.get("state") else Word("状态不明")
        return refuse("event_mismatch", said(EVENT_MISMATCH, _state(target), now))
    return ALLOWED


# -- values --------------------------------------------------------------------------------


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 30 else text[:29] + "…"


def check_values(actor: Actor, proposal: Proposal, context: Context) -> Verdict:
    """Every value the change sets passes the table's domain model, in its stored form.

    The row's current values fill in what the change leaves out, so a partial edit is judged
    as the row it makes; a problem in a field the change does not touch is not its fault.
    So a row already stored with a value the check now refuses (a C1 control character an
    older program let through, `_CONTROL`) is not re-judged: only a change sending it again.

    The hub asks this of every change it receives (about a third of decoding an upload), so
    the common case is cheap and every verdict stays as it was: one pass over the change finds
    its first control character, the first required field it empties and what the model
    reads (a new row's, the change's values alone); after the model, a value the raw value
    plainly says (`_as_given`) is stored as given, any other goes through `_storable` and
    `_canonical` (tests/services/test_trust_values_fast.py).
    """
    table = proposal.table
    data = proposal.data
    before = context.before
    if table in NUMBERED:
        if not context.exists and parse_number(proposal.row_id):
            return _number_as_id(table, proposal.row_id)
        if _writes_held_key(data, before):
            return _held_key_written(table)
    model = MODELS.get(table)
    if model is None:
        return _unmodelled_values(proposal, context)
    known, required = _model_fields(model)
    merged = {k: v for k, v in before.items() if k in known and v is not None} if before else {}
    emptied = None  # the first required field the change empties
    for name, value in data.items():
        if value is None:
            if emptied is None and name in required:
                emptied = name
            continue
        if isinstance(value, str) and not value.isprintable() and _CONTROL.search(value):
            return _control_refused(table, name, value)
        if name in known:
            merged[name] = value
    flag = data.get("deleted", False)
    if type(flag) is not bool and not _is_flag(flag):
        return refuse("malformed", said(BAD_FLAG, _shown(flag)))
    if table in _JSON_TEXTS:
        for name in _JSON_TEXTS[table]:
            if _past_reading(data.get(name)):
                return refuse("malformed", said(TOO_DEEP, _table(table), _field(name, table)))
    if emptied is not None:
        return refuse("malformed", said(EMPTIED, _field(emptied)))
    try:
        validated = model.model_validate(merged)
    except ValidationError as error:
        for problem in error.errors():
            where = problem.get("loc") or ("",)
            name = str(where[0])
            if name in proposal.data or (not context.exists and name not in merged):
                value = proposal.data.get(name, "（空）")
                if problem.get("type") == "enum" and isinstance(value, str):
                    return refuse("malformed", _newer_value(proposal.table, name, value))
                why = _why(problem)
                return refuse(
                    "malformed",
                    said(
                        NOT_VALID, _table(table), _field(name, table), _shown(value),
                        said(WHY, why[1:-1]) if why else "",
                    ),
                )  # fmt: skip
        return ALLOWED
    values = validated.__dict__  # the fields' values, as getattr reads them
    for name, raw in data.items():
        if raw is None or name not in known:
            continue
        value = values[name]
        if value is None:
            continue
        kind = type(value)
        if kind is str:
            # Stored as given (what `_canonical` says of them, without the calls): so exactly
            # the model's text — a model that reads a number as text (a name of 1) would pass a
            # number the rest of the program, its search words first, takes for text.
            if raw == value:
                continue
            named: tuple[Part, ...] = (_table(table), _field(name, table), _shown(raw))
            if isinstance(raw, str):
                # Read as another text (an ID number with spaces, full-width digits or a small
                # x; a name with spaces): stored as sent, it would escape what compares the
                # text as written — the county's list of people entered twice first.
                return refuse("malformed", said(NOT_WRITTEN_AS, *named, _shown(value)))
            return refuse("malformed", said(NOT_TEXT, *named))
        if (kind is bool and type(raw) is bool) or _as_given(kind, value, raw):
            continue
        if not _storable(value):
            return refuse(
                "malformed", said(NOT_STORABLE, _table(table), _field(name, table), _shown(raw))
            )
        if not _canonical(value, raw):
            return refuse(
                "malformed", said(NOT_CANONICAL, _table(table), _field(name, table), _shown(raw))
            )
    return ALLOWED


BAD_FLAG = template("「已删除」标记「%1」不合格")
TOO_DEEP = template("%1的%2嵌套太深，读不出来")
EMPTIED = template("%1不能为空")
NOT_VALID = template("%1的%2「%3」不合格%4")
#: What a model's own check said of a value, in brackets after it (`_why`).
WHY = template("（%1）")
NOT_WRITTEN_AS = template("%1的%2「%3」不是规范的写法，应为「%4」")
NOT_TEXT = template("%1的%2「%3」不是文字")
NOT_STORABLE = template("%1的%2「%3」不是能记下的数")
NOT_CANONICAL = template("%1的%2「%3」不是规范的写法")


def _as_given(kind: type, value: Any, raw: Any) -> bool:
    """True when the model's `value` (of type `kind`) is plainly what `raw`, the value sent,
    stores as (so `_storable` and `_canonical` both allow it): a yes/no sent as one, an integer
    within 64 bits sent as that integer, a finite number sent as a number equal to it, a date
    sent as its ISO text, a text enum sent as its text. False decides nothing: those two do."""
    if kind is bool:
        return type(raw) is bool
    if kind is int:
        return type(raw) is int and raw == value and -(2**63) <= value < 2**63
    if kind is float:
        return (type(raw) is float or type(raw) is int) and raw == value and math.isfinite(value)
    if kind is dt.date:
        return type(raw) is str and raw == value.isoformat()
    # A text enum (neither a number nor a date, whatever its value says).
    return (
        type(raw) is str
        and isinstance(value, str)
        and isinstance(value, Enum)
        and raw == value._value_
    )


def _control_refused(table: str, name: str, value: str) -> Verdict:
    """A text value with a control character (`_CONTROL`)."""
    return refuse(
        "malformed",
        said(CONTROL, _table(table), _field(name, table), printable(_shown(value))),
    )


CONTROL = template(
    "%1的%2「%3」含有看不见的控制字符：程序和表格都不这样写"
    "（县里的数据库存不下，换行、制表符以外的都不行）"
)


def _unmodelled_values(proposal: Proposal, context: Context) -> Verdict:
    """`check_values` of a table without a domain model (the print and export logs, policy
    packs …): no control character, a logged time as the program writes it, each value of its
    column's declared type (`_check_types`)."""
    for name, value in proposal.data.items():
        if isinstance(value, str) and not value.isprintable() and _CONTROL.search(value):
            return _control_refused(proposal.table, name, value)
    logged = _LOGGED_TIMES.get(proposal.table)
    if logged is not None and proposal.data.get(logged):
        verdict = _logged_time(proposal.table, logged, proposal.data[logged])
        if not verdict.allowed:
            return verdict
    return _check_types(proposal, context)


def _number_as_id(table: str, row_id: str) -> Verdict:
    """A new claim or batch whose id reads as a printed number (`numbers.parse_number`): an
    honest program's ids are UUIDs, never numbers. Let in, it would stand for the claim (batch)
    whose 申请编号 (批次编号) it copies wherever a number is typed off a paper."""
    what, label = _numbered(table)
    return refuse("numbered_id", said(NUMBER_AS_ID, what, _shown(row_id), label))


def _numbered(table: str) -> tuple[Word, Word]:
    """A claim or batch, and the number its papers print, as parts of a sentence."""
    what, label = ("申领", "申请编号") if table == "claims" else ("批次", "批次编号")
    return Word(what), Word(label)


NUMBER_AS_ID = template(
    "新建%1的标识「%2」写成了纸上%3的样子：按纸上的编号查%1时，"
    "会查到它而不是印着这个编号的那一条。本程序不会这样写，请核对发出它的电脑的程序"
)
HELD_KEY_WRITTEN = template(
    "这条修改改写%1在县里接受前的%2（只有县里接受扣下的%1时由中心记下）：接受它，"
    "%1印的%2就会变成它写的那一个，可能是另一条%1的。本程序不会这样写，"
    "请核对发出它的电脑的程序"
)


def _writes_held_key(data: Mapping[str, Any], before: Mapping[str, Any]) -> bool:
    """A change that sets the key a claim (batch) the county accepted keeps (`HELD_KEY`), or
    clears one kept: only the hub's acceptance of the held change that made it writes one."""
    return data.get(HELD_KEY) is not None or (HELD_KEY in data and before.get(HELD_KEY) is not None)


def _held_key_written(table: str) -> Verdict:
    """A change writing `HELD_KEY` (`_writes_held_key`): the row's creating key, whose number
    (申请编号、批次编号) papers print, would become the one it names — another claim's, say."""
    return refuse("held_key", said(HELD_KEY_WRITTEN, *_numbered(table)))


# Control characters no program or sheet writes (a sheet's import refuses them too,
# `tabular.person_row`): NUL stopped a PostgreSQL hub on the sender's whole bundle
# (UntranslatableCharacter), the rest print as nothing on every paper; the C1 ones
# (U+0080–U+009F) too, and U+009B acts as ESC[ on some terminals, where the hub's log and
# listings are read. Line breaks and tabs are free text's. Only a change's own values are
# judged (`check_values` reads `proposal.data`): a row already stored with one, from an older
# program, is not re-judged — an edit of its other fields goes through, one sending the
# value again is refused. (`_CONTROL`, imported: `domain.controls`, one pattern for the sheet,
# the hub's values and a bundle's row ids.)

#: The time an audit row keeps of its print or export (`now_stamp`, older programs this
#: computer's local time with no zone), which every print and export log lists, newest first.
#: Only tables without a domain model (`MODELS`): `check_values` reads it for those alone.
_LOGGED_TIMES: Mapping[str, str] = MappingProxyType(
    {"print_log": "printed_at", "export_log": "exported_at"}
)
#: The earliest year a print or export of this program can be logged in.
_FIRST_LOGGED_YEAR = 2020


def _logged_time(table: str, name: str, value: Any) -> Verdict:
    """A print's or export's time as the program writes it: ISO, in China time with its offset
    or with no zone (an older program's), from 2020 to the day after today (a clock a little
    ahead). Any other text was written by another program: in a zone or a year no clock
    converts it stopped every listing of the log, and one dated ahead stood above every real
    print of the log, which lists the newest first."""
    try:
        moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or len(value) <= 10:
        why = said(NO_TIME)
    elif moment.tzinfo is not None and moment.utcoffset() != CHINA.utcoffset(None):
        why = said(NOT_CHINA_TIME)
    elif not _FIRST_LOGGED_YEAR <= moment.year or moment.date() > today() + dt.timedelta(days=1):
        why = said(NOT_IN_YEARS, str(_FIRST_LOGGED_YEAR), str(today()))
    else:
        return ALLOWED
    return refuse(
        "logged_time", said(LOGGED_WRONG, _table(table), _field(name, table), _shown(value), why)
    )


LOGGED_WRONG = template("%1的%2「%3」%4：本程序不会这样记，请核对发出它的电脑的程序和时间")
NO_TIME = template("不是时间")
NOT_CHINA_TIME = template("不是按北京时间记下的")
NOT_IN_YEARS = template("不在 %1 年到今天（%2）之间")


#: Fields kept as JSON text, read back by every device that shows or prints the row.
_JSON_TEXTS: Mapping[str, tuple[str, ...]] = MappingProxyType({"claims": ("facts", "evidence")})


def _past_reading(value: Any) -> bool:
    """True for a JSON text nested deeper than Python reads (RecursionError, which readers
    catching ValueError let through): no program writes one. Other unreadable text is judged
    as before (its readers leave it out)."""
    if not isinstance(value, str) or value.count("[") + value.count("{") < 500:
        return False
    try:
        json.loads(value)
    except RecursionError:
        return True
    except ValueError:
        return False
    return False


#: What the hub says of a value a newer program has, after naming it (`_newer_value`): the
#: device knows the reason by these words (`newer_value_named`).
NEWER_VALUE = "是本程序没有的选项：多半是这台设备的程序比中心新。"


#: `_newer_value`'s sentence (its Chinese names the value as `newer_value_named` reads it).
NEWER_VALUE_SAID = template(
    f"%1的%2「%3」{NEWER_VALUE}请先升级中心的程序，再接受这一条（它已保留在待审核中，"
    "不会丢失）；如果中心已是最新版本，这个值不对，请不予采纳"
)


def _newer_value(table: str, name: str, value: str) -> Sentence:
    """Why a word this program does not have for a field (a 就业形式 added in a later version)
    is held: most often the sending device runs a newer program than this one. Said so, with
    what to do, rather than called a wrong value. These are the county clerk's words (what to
    do at the hub); the village's list says its own (`fieldapp.sync.rejected`)."""
    return said(NEWER_VALUE_SAID, _table(table), _field(name, table), _shown(value))


def newer_value_named(rule: str, reason: str) -> str:
    """The value a hub's `malformed` reason says a newer program has, as it names it
    (就业经历的就业形式「未登记」); '' for any other reason."""
    named, found, _ = reason.partition(NEWER_VALUE)
    return named if rule == "malformed" and found else ""


def _why(problem: Mapping[str, Any]) -> str:
    """What a model's own check said of a value when it says it in Chinese (a validator's
    `ValidationFailed`: an area code's digits, an ID number's checksum), in brackets; nothing
    for pydantic's English, which a clerk cannot use."""
    error = (problem.get("ctx") or {}).get("error")
    if not isinstance(error, ValidationFailed):
        return ""
    text = printable(error)
    return f"（{text if len(text) <= 80 else text[:79] + '…'}）"


_MODEL_FIELDS: dict[type[Record], tuple[frozenset[str], frozenset[str]]] = {}


def _model_fields(model: type[Record]) -> tuple[frozenset[str], frozenset[str]]:
    """A model's field names and those of its required fields (cached: the hub asks for
    every change it receives)."""
    found = _MODEL_FIELDS.get(model)
    if found is None:
        fields = model.model_fields
        found = _MODEL_FIELDS[model] = (
            frozenset(fields),
            frozenset(name for name, info in fields.items() if info.is_required()),
        )
    return found


def _is_flag(value: Any) -> bool:
    """True for what the store keeps as a yes/no (True, False, 1, 0; never null)."""
    return value in (True, False) and not isinstance(value, (str, float))


#: The integers SQLite stores (64 bits); a longer one stops the merge (OverflowError).
_INT_RANGE = range(-(2**63), 2**63)


def _storable(value: Any) -> bool:
    """False for a number no store keeps as that number: infinite or not a number (a bundle's
    JSON may say Infinity, NaN), an integer beyond 64 bits."""
    if isinstance(value, bool):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, int):
        return value in _INT_RANGE
    return True


def _canonical(value: Any, raw: Any) -> bool:
    """True when `raw` is how the store writes `value` (dates as ISO text, enums as values)."""
    if isinstance(value, dt.date):
        return isinstance(raw, str) and raw == value.isoformat()
    if isinstance(value, Enum):
        return bool(raw == value.value)
    if isinstance(value, bool):
        return raw in (True, False, 0, 1) and not isinstance(raw, str)
    if isinstance(value, (int, float)):
        return isinstance(raw, (int, float)) and not isinstance(raw, bool) and raw == value
    return True


_TYPE_CHECKS: dict[str, tuple[type, ...]] = {
    "TEXT": (str,),
    "INTEGER": (int,),
    "REAL": (int, float),
}


def _check_types(proposal: Proposal, context: Context) -> Verdict:
    """Tables without a model: each value has its column's declared type."""
    if "deleted" in proposal.data and not _is_flag(proposal.data["deleted"]):
        return refuse("malformed", said(BAD_FLAG, _shown(proposal.data["deleted"])))
    table = _table(proposal.table)
    for name, value in proposal.data.items():
        wanted = _TYPE_CHECKS.get(context.column_types.get(name, "").upper())
        if value is None or wanted is None:
            continue
        # (a column of a table without a model is named as the database names it)
        if isinstance(value, bool) and wanted != (int,):
            return refuse("malformed", said(NOT_YES_NO, table, name))
        if not isinstance(value, wanted):
            return refuse("malformed", said(WRONG_TYPE, table, name, _shown(value)))
        if not _storable(value):
            return refuse("malformed", said(NOT_STORABLE, table, name, _shown(value)))
    return ALLOWED


NOT_YES_NO = template("%1的%2不应是是非值")
WRONG_TYPE = template("%1的%2「%3」类型不对")


# -- who signed it -------------------------------------------------------------------------


@dataclass(frozen=True)
class Origins:
    """What the hub knows about change-log ids (computed by the store).

    `own`: the sender's own ids (its current and earlier incarnations); `hub`: the hub's own;
    `owners`: every other bound id → (device name, revoked).
    """

    own: frozenset[str]
    hub: str
    owners: Mapping[str, tuple[str, bool]] = field(default_factory=dict)


def check_origin(device_id: str, origins: Origins) -> Verdict:
    """A change must carry one of the sender's own change-log ids."""
    if device_id in origins.own:
        return ALLOWED
    if device_id == origins.hub:
        return refuse("hub_id", said(HUB_ID))
    owner = origins.owners.get(device_id)
    if owner is not None:
        name, revoked = owner
        state = Word("已注销的设备" if revoked else "设备")
        return refuse("foreign_id", said(FOREIGN_ID, state, name))
    return refuse("foreign_id", said(NOT_OWN_ID))


HUB_ID = template("修改署名为县级汇总中心自己的台账标识：设备不能以中心的名义提交修改")
FOREIGN_ID = template("修改署名为%1「%2」的台账标识：每台设备只能提交自己的修改")
NOT_OWN_ID = template("修改署名的台账标识不是发送设备自己的：每台设备只能提交自己的修改")


def printable(text: object) -> str:
    """`text` with every control, format or unassigned character (line breaks, terminal
    escapes, right-to-left overrides) written as \\uXXXX: what a device sent, safe to print.
    Plain text (nearly all) is returned by one fast check: `str.isprintable` is False for
    every "Other" (C*) character, so only text it refuses is walked character by character
    (a separator it also refuses, U+3000 or U+2028, is kept as it is)."""
    s = str(text)
    if s.isprintable():
        return s
    return "".join(
        f"\\u{ord(ch):04x}" if unicodedata.category(ch).startswith("C") else ch for ch in s
    )


def check_author(author: str, device: str, disabled: Collection[str] = ()) -> Verdict:
    """The author is recorded as ``姓名@设备名称`` with the sender's enrolled name; the name
    has no character a user name may not have (`services.users.check_name`): no line breaks
    or terminal escapes riding along into every device's listings. `disabled`: the device's
    users the hub knows are disabled on it — a change authored as one of them is held
    (`user_disabled`): an old copy of the ledger, restored elsewhere, still opens with their
    password and signs with the device's key."""
    person, at, named = (author or "").rpartition("@")
    if (
        at
        and named == device
        and person.strip()
        and "@" not in person
        and printable(person) == person
    ):
        if person in disabled:
            return refuse("user_disabled", said(USER_DISABLED, person, device))
        return ALLOWED
    return refuse("author", said(AUTHOR, _shown(printable(author)), device))


#: A change authored as a user (%1) the hub knows is disabled on the sending device (%2).
USER_DISABLED = template(
    "修改人%1已在设备「%2」上停用，中心扣下停用的用户此后发来的修改，不转发给任何设备"
    "（停用前拷走的台账也一样）。如果此人已重新启用，请县里核实后在中心也重新启用此人，"
    "再处理这些修改"
)


AUTHOR = template(
    "修改人署名为「%1」，应为「姓名@%2」：修改人只能是本设备的使用人，不能冒用他人或其他单位的名义"
)


def numbered_first(table: str, key: str, made: str | None) -> Verdict:
    """A change (ordering key `key`, 'stamp/change id') of a claim or batch whose creating
    change's key is `made`: stamped before it, it would take its place as the row's first
    change, and the 申请编号 / 批次编号 the row's papers print — read from that change — would
    become another, naming the sender's device: a printed or posted paper would no longer
    find its claim. An honest device stamps every change after all it holds (its clock moves
    past every change it receives), so only a tampered program or a forged bundle does this.
    `made` None: the row is new (the change makes it)."""
    if table not in NUMBERED or not made or key >= made:
        return ALLOWED
    what, label = _numbered(table)
    return refuse("numbered_first", said(NUMBERED_FIRST, what, label, row_number(made)))


NUMBERED_FIRST = template(
    "这条修改标的时间早于这条%1建立的时间：接受它，%1的%2 %3 就会变成另一个，"
    "已经打印、公示的纸就查不到这条%1。请核对发出它的电脑的时间和程序"
)


def _stamp_time(stamp: str) -> dt.datetime | None:
    """A stamp's wall time in China; None where no clock converts it."""
    try:
        return dt.datetime.fromtimestamp(int(stamp.split("-", 1)[0]) / 1000, CHINA)
    except (ValueError, OverflowError, OSError):
        return None


def _said_stamp(stamp: str) -> str:
    """A stamp's wall time as a clerk reads it (China time, to the minute); as written where no
    clock converts it."""
    when = _stamp_time(stamp)
    return stamp.split("-", 1)[0] if when is None else f"{when:%Y-%m-%d %H:%M}"


def _ahead(stamp: str, now_ms: int) -> bool:
    """True when `stamp` lies further ahead of a clock reading `now_ms` than any clock follows
    (`hlc.followed`); a stamp no clock reads is not judged here (`malformed` is)."""
    try:
        return not followed(parse_stamp(stamp)[0], now_ms)
    except ValueError:
        return False


def numbered_ahead(table: str, stamp: str, now_ms: int, vouched: bool = False) -> Verdict:
    """A change making a claim or batch (`stamp` its 'wall ms-counter') further ahead of the
    receiver's clock (`now_ms`) than any clock follows (`hlc.followed`: a day, so a laptop with
    a wrong year cannot drag everyone's): every honest change of the row is stamped before it
    — held as `numbered_first` from a laptop, and taken at the hub as the row's first change,
    whose 申请编号 / 批次编号 the papers print then turn into the hub's. (Any other change so
    far ahead is `stamped_ahead`.) `vouched`: `now_ms` is the time the devices' accepted
    changes vouch for, the hub's clock being behind it (`stamped_ahead`)."""
    if table not in NUMBERED or not _ahead(stamp, now_ms):
        return ALLOWED
    what, label = _numbered(table)
    against = _vouched_time(now_ms) if vouched else Word(HUB_CLOCK)
    return refuse("numbered_ahead", said(NUMBERED_AHEAD, what, _said_stamp(stamp), against, label))


HUB_CLOCK = "中心的时钟"
NUMBERED_AHEAD = template(
    "这条%1建立的时间（%2）比%3快了一天以上，先扣下等县里核对："
    "县里核对后接受的，保留原来的%4，已经打印、公示的纸照样查得到。"
    "请核对发出它的电脑的日期和时间"
)
VOUCHED_TIME = template(
    "各设备已同步来的修改证明的时间（%1；中心电脑的时钟慢了，"
    "所以按至少三台设备最近的修改时间来衡量）"
)
HUB_CLOCK_AT = template("中心的时钟（%1）")
STAMPED_AHEAD = template(
    "这条修改记下的时间（%1）比%2快了一天以上：收下它，"
    "到那时以前各台电脑没看到它就改的同一项都改不过它，记录的修改时间显示的是那一天%3。"
    "请核对发出它的电脑的日期和时间；县里核对后可以接受，接受后记为县里此刻的修改"
)
STEP_COUNTED = template("，申领的这一步还会算进%1的月报")
PARENTS_UNKNOWN = template(
    "修改声称看过的版本（%1）在中心并不存在：不能预先作废其他设备尚未提交的修改"
)


def _vouched_time(now_ms: int) -> Sentence:
    """What a stamp was judged against when the hub's clock is behind (`stamped_ahead`)."""
    now = dt.datetime.fromtimestamp(now_ms / 1000, CHINA)
    return said(VOUCHED_TIME, f"{now:%Y-%m-%d %H:%M}")


def stamped_ahead(table: str, stamp: str, now_ms: int, vouched: bool = False) -> Verdict:
    """A change of any table stamped further ahead of the receiver's clock (`now_ms`) than any
    clock follows (`hlc.followed`). Taken, it would win every edit of its fields made without
    seeing it until then (the later stamp wins), show a time to come as the row's 修改时间 (创建
    时间 for a new row), and a claim's step (claim_events) so stamped would count in that
    month's 月报. A laptop whose date was set wrong sends such changes honestly: the county may
    accept each, which makes it the county's change of now.

    `vouched`: the hub doubts its clock as behind (`hub.own_clock`) and `now_ms` is the later
    time the newest changes it accepted from at least three distinct devices in service vouch
    for — one or two hostile devices move it not — said so in the reason."""
    if not _ahead(stamp, now_ms):
        return ALLOWED
    now = dt.datetime.fromtimestamp(now_ms / 1000, CHINA)
    against = _vouched_time(now_ms) if vouched else said(HUB_CLOCK_AT, f"{now:%Y-%m-%d %H:%M}")
    when = _stamp_time(stamp)
    counted: Part = ""
    if table == "claim_events" and when is not None:
        counted = said(STEP_COUNTED, Day(when.date(), "month"))
    return refuse("stamped_ahead", said(STAMPED_AHEAD, _said_stamp(stamp), against, counted))


def check_parents(unknown: Iterable[str]) -> Verdict:
    """Parents must name versions the receiver has: logged there, earlier in the same bundle,
    or the sender's own changes it holds for review (`unknown`: the ones that are none)."""
    missing = sorted(unknown)
    if missing:
        shown = listed(missing[:3])
        return refuse(
            "parents", said(PARENTS_UNKNOWN, said(AND_MORE, shown) if len(missing) > 3 else shown)
        )
    return ALLOWED


ROW_ID_TAKEN = template(
    "这条%1的标识已是中心一条%2的标识：一个标识只能指一条记录（本程序给每条新记录取新的标识），"
    "否则中心会把那条%2当作这条记录发给本机"
)


def row_id_taken(table: str, other: str) -> Verdict:
    """`row_id_taken`: a change of a row of `table` whose id names a row of `other` already (at
    the hub, or earlier in the same bundle). An answer sends a device the changes of each row id
    in its scope, whatever their table: a village's own visit made under the id of another
    village's person (one that moved away, kept as they were) brought that person's every
    change — a new phone, a bank account — back to it. By any device."""
    return refuse("row_id_taken", said(ROW_ID_TAKEN, _table(table), _table(other)))
