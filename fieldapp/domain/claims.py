"""Subsidy claims and batches: the records the policy engine creates and paperwork prints."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import Any, ClassVar, NamedTuple

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_serializer,
    field_validator,
)

from fieldapp.domain.dates import china_iso
from fieldapp.domain.models import EmploymentSpell, Record
from fieldapp.domain.month import Month
from fieldapp.domain.numbers import made_day, row_number


class ClaimState(StrEnum):
    """草稿 → 已提交 → 村审核 → 乡镇审核 → 县审批 → 已发放, or 驳回; 已撤销 reverses an approval."""

    DRAFT = "草稿"
    SUBMITTED = "已提交"
    VILLAGE_REVIEWED = "村审核"
    TOWNSHIP_REVIEWED = "乡镇审核"
    COUNTY_APPROVED = "县审批"
    PAID = "已发放"
    REJECTED = "驳回"
    REVERSED = "已撤销"


class Payee(StrEnum):
    """Who a subsidy is paid to."""

    PERSON = "个人"
    EMPLOYER = "用人单位"
    AGENCY = "经营性人力资源服务机构"


class QualifyingFacts(BaseModel):
    """What the rule saw when the claim was made, frozen on the claim (`Claim.facts`).

    The spell is the `EmploymentSpell` record as it stood then, so a form prints its fields by
    name. Stored as canonical JSON in the claims table's `facts` column; claims made before
    this model stored the same keys with a spell lacking its id and person, which are read as
    the claim's `spell_id` and `person_id`.
    """

    model_config = ConfigDict(frozen=True, extra="ignore")

    reasons: tuple[str, ...] = ()
    event_id: str | None = None
    categories: tuple[str, ...] = ()
    amount_rule: str = ""
    limit: str = ""
    spell: EmploymentSpell | None = None

    @field_serializer("spell")
    def _spell_fields(self, spell: EmploymentSpell | None) -> dict[str, Any] | None:
        return None if spell is None else {"id": spell.id, **spell.fields()}

    def to_text(self) -> str:
        """The stored form: canonical JSON, without a spell when there is none."""
        data = self.model_dump(mode="json", exclude={"spell"} if self.spell is None else None)
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_stored(
        cls, value: object, person_id: str = "", spell_id: str | None = None
    ) -> QualifyingFacts:
        """Read the stored form, old or new; what cannot be read is left out, never fatal.

        A claim's facts are printed on its forms: a malformed spell (or malformed JSON) must
        not make the claim itself unreadable, so it is dropped and the rest kept.
        """
        if isinstance(value, QualifyingFacts):
            return value
        if isinstance(value, str):
            try:
                value = json.loads(value or "{}")
            except (ValueError, RecursionError):  # nested past reading: a forged text
                return cls()
        if not isinstance(value, dict):
            return cls()
        data = dict(value)
        spell = data.get("spell")
        if isinstance(spell, dict):
            data["spell"] = {"person_id": person_id, "id": spell_id or "", **spell}
        try:
            return cls.model_validate(data)
        except ValidationError:
            data.pop("spell", None)
            try:
                return cls.model_validate(data)
            except ValidationError:
                return cls()


def year_written(year: int) -> str:
    """A year a subsidy is paid for, as papers write it: 2026年度."""
    return f"{year}年度"


class Numbered(Record):
    """A row a paper names by its number (申请编号、批次编号: `numbers.row_number`), read from
    its creating change's key as the store hands the row over; never written."""

    creating_key: str = Field(default="", validation_alias="_ckey", exclude=True)
    #: The key of the change its device made it with, when the county accepted it from the
    #: hub's held changes (`HELD_KEY`): the creating key it keeps. Written only by the hub.
    held_key: str | None = None

    @property
    def number(self) -> str:
        """The number papers print and the claims page shows ('' for a row not yet stored)."""
        return row_number(self.creating_key)

    def made_day(self) -> dt.date | None:
        """China's day the row was made (its creating change's stamp), or None."""
        return made_day(self.creating_key)


class Claim(Numbered):
    """One subsidy claim for one person under one rule, with its qualifying facts frozen in."""

    TABLE: ClassVar[str] = "claims"
    person_id: str
    rule_id: str
    rule_title: str = ""
    pack_version: str = ""
    source_clause: str = ""
    event_date: dt.date | None = None
    amount: float = 0.0
    payee: Payee = Payee.PERSON
    payee_name: str = ""
    funding_source: str = ""
    state: ClaimState = ClaimState.DRAFT
    limit_key: str = ""
    spell_id: str | None = None
    area_code: str = ""
    facts: QualifyingFacts = QualifyingFacts()
    evidence: str = "{}"
    missing_evidence_reason: str = ""
    reason: str = ""
    batch_id: str | None = None
    # Added by the policy engine (issue 3): frozen identity for printing, and the limit data the
    # one-time guard re-checks at the hub on merged claims.
    id_number: str = ""
    person_name: str = ""
    claim_date: dt.date | None = None
    limit_kind: str = ""
    #: Written with the claim (its area's township) and never read: nothing prints, batches,
    #: routes or judges by it. A claim's place is its `area_code`, which the trust rules hold
    #: to its person's household (`claim_area`); read the township from that, never from here.
    township_code: str = ""
    #: The day the claim was made (its 申请日期), the making laptop's own day (`dates.today`),
    #: stored since migration 30; None on claims made before, or by an older program.
    applied_on: dt.date | None = None
    #: The payee's bank and account when the county approved the claim (县审批), kept by the
    #: approving step since migration 32: the roster pays to them, not to an account changed
    #: since. Blank on claims not yet approved, or approved before (or by an older program).
    approved_bank: str = ""
    approved_account: str = ""

    @field_validator("facts", mode="before")
    @classmethod
    def _read_facts(cls, value: object, info: ValidationInfo) -> QualifyingFacts:
        return QualifyingFacts.from_stored(
            value, info.data.get("person_id", ""), info.data.get("spell_id")
        )

    @field_serializer("facts", when_used="json")
    def _facts_text(self, facts: QualifyingFacts) -> str:
        return facts.to_text()

    def paid_for(
        self,
        month_said: Callable[[Month], str] = Month.label,
        year_said: Callable[[int], str] = year_written,
    ) -> str:
        """'2026年12月' (or '2026年度') for a claim of a subsidy paid by the month (year): the
        period its limit is counted in, which is the one it pays; '' for a one-time subsidy.
        Written by `month_said` and `year_said` (a screen's, in its language)."""
        return period_paid(self.limit_key, month_said, year_said)

    def made_on(self) -> dt.date | None:
        """The day the claim was made (its 申请日期): the day the laptop that made it said it was
        (`applied_on`). `claim_date` is the day it was judged on — for a subsidy paid by the
        month, the month's last day: December's, made on 5 January, was made on 2027-01-05 and
        pays 2026年12月. A claim made by an older program, which kept no day of its own, was
        made on the day its row was created (its creating change's stamp: the ledger's clock,
        which a sync with a laptop whose clock ran fast moves ahead); the judging day only for
        a claim whose creation the ledger does not hold."""
        if self.applied_on is not None:
            return self.applied_on
        if self.created_at:
            try:
                return dt.date.fromisoformat(china_iso(self.created_at)[:10])
            except ValueError:
                pass
        return self.claim_date

    def evidence_items(self) -> dict[str, bool]:
        """The evidence checklist: item → collected."""
        try:
            data = json.loads(self.evidence or "{}")
        except (ValueError, RecursionError):  # nested past reading: a forged text
            return {}
        return {str(k): bool(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def missing_evidence(self) -> list[str]:
        """Checklist items not yet collected."""
        return [item for item, done in self.evidence_items().items() if not done]


class Batch(Numbered):
    """A group of claims printed and approved together (one rule, one funding source, one area)."""

    TABLE: ClassVar[str] = "batches"
    rule_id: str
    funding_source: str = ""
    area_code: str = ""
    title: str = ""
    state_filter: str = ""
    notes: str = ""

    def name(self) -> str:
        """The batch as papers and lists name it: its title without the head count a batch
        was titled with when made (一次性交通补助（4人）, …（1人2笔））. That count went stale —
        a claim rejected after batching is left off its 花名册 and 公示表, and a village prints
        only its own people of a township's batch — and a notice must state no count it does
        not list; each paper states the count it lists."""
        return batch_name(self.title)


#: The head count at the end of a batch's title, as batches were titled when made (（4人）,
#: （1人2笔）, typed （2 人））: `Batch.name` leaves it out.
MADE_COUNT = re.compile(r"[（(]\s*\d+\s*人(?:\s*\d+\s*笔)?\s*[）)]\s*$")


def batch_name(title: str) -> str:
    """A batch's stored `title` as `Batch.name` says it (for a batch read as a row)."""
    return MADE_COUNT.sub("", title).strip()


class ClaimEvent(Record):
    """One step of a claim's trail (state change, evidence, reversal); who/when come from the log."""

    TABLE: ClassVar[str] = "claim_events"
    claim_id: str
    from_state: str = ""
    to_state: str = ""
    reason: str = ""
    detail: str = ""


def persons_and_claims(claims: Sequence[Claim], space: str = " ") -> str:
    """'3 人 6 笔' — the persons claims pay (one paid for two months is one person) and the
    claims, as the roster paying them counts them; '3 人' when each person has one claim."""
    persons = len({c.id_number or c.person_id for c in claims})
    counted = f"{persons}{space}人"
    return counted if persons == len(claims) else f"{counted}{space}{len(claims)}{space}笔"


#: Claims in these states stay in their batch but are left off its 花名册 and 公示表 (and its
#: counts): rejected or reversed after it was made.
DROPPED_STATES: frozenset[ClaimState] = frozenset({ClaimState.REJECTED, ClaimState.REVERSED})

#: Claims in these states are approved: no edits, only reversal (已撤销) with a reason.
LOCKED_STATES: frozenset[ClaimState] = frozenset({ClaimState.COUNTY_APPROVED, ClaimState.PAID})

#: Claims a batch's 发放花名册 lists (and `batch list` and the batches page count): those the
#: county approved, or paid. A claim of the batch still short of 县审批 is not to be paid yet:
#: the roster says it leaves it off, its 公示表 (which says the reviews its rows passed) and
#: 申请表 still list it.
ROSTER_STATES: frozenset[ClaimState] = LOCKED_STATES


class OnRoster(NamedTuple):
    """A batch's claims as its 发放花名册 takes them (`on_roster`): `listed` (the county
    approved or paid them), `waiting` (still short of 县审批: left off, said), `dropped`
    (rejected or reversed after batching: left off every paper)."""

    listed: list[Claim]
    waiting: list[Claim]
    dropped: list[Claim]

    @property
    def persons(self) -> int:
        """How many people it lists (one paid for two months is one)."""
        return len({c.id_number or c.person_id for c in self.listed})

    @property
    def total(self) -> float:
        """What it pays, in yuan."""
        return sum(c.amount for c in self.listed)


def on_roster(claims: Iterable[Claim]) -> OnRoster:
    """`claims` (a batch's) as its 发放花名册 lists, leaves waiting and drops them: what the
    roster prints, `batch list` counts and the batches page sums, said once."""
    split = OnRoster([], [], [])
    for claim in claims:
        if claim.state in ROSTER_STATES:
            split.listed.append(claim)
        elif claim.state in DROPPED_STATES:
            split.dropped.append(claim)
        else:
            split.waiting.append(claim)
    return split


class ClaimStep(NamedTuple):
    """A claim's change of state (a `ClaimEvent` that moved it) and the day it happened on:
    China's day of the step's stamp, as the 月报 counts submissions, approvals and payments."""

    from_state: str
    to_state: str
    day: dt.date


def period_paid(
    limit_key: str,
    month_said: Callable[[Month], str] = Month.label,
    year_said: Callable[[int], str] = year_written,
) -> str:
    """The month (year) a limit key counts a claim in, as papers write it: '2026年12月' for
    '…|month:2026-12', '2026年度' for '…|year:2026'; '' for any other key. A screen in another
    language passes its own writers (the UI's `days.month_said`: October 2026)."""
    kind, _, period = limit_key.rpartition("|")[2].partition(":")
    if kind == "month" and re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", period):
        return month_said(Month(period))
    if kind == "year" and re.fullmatch(r"\d{4}", period):
        return year_said(int(period))
    return ""
