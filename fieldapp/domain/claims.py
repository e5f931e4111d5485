"""Subsidy claims and batches: the records the policy engine creates and paperwork prints."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from typing import ClassVar

from fieldapp.domain.models import Record


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


class Claim(Record):
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
    facts: str = "{}"
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
    township_code: str = ""

    def evidence_items(self) -> dict[str, bool]:
        """The evidence checklist: item → collected."""
        try:
            data = json.loads(self.evidence or "{}")
        except ValueError:
            return {}
        return {str(k): bool(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def missing_evidence(self) -> list[str]:
        """Checklist items not yet collected."""
        return [item for item, done in self.evidence_items().items() if not done]


class Batch(Record):
    """A group of claims printed and approved together (one rule, one funding source, one area)."""

    TABLE: ClassVar[str] = "batches"
    rule_id: str
    funding_source: str = ""
    area_code: str = ""
    title: str = ""
    state_filter: str = ""
    notes: str = ""


class ClaimEvent(Record):
    """One step of a claim's trail (state change, evidence, reversal); who/when come from the log."""

    TABLE: ClassVar[str] = "claim_events"
    claim_id: str
    from_state: str = ""
    to_state: str = ""
    reason: str = ""
    detail: str = ""


#: Claims in these states are live: they count against a rule's limit.
LIVE_STATES: frozenset[ClaimState] = frozenset(
    set(ClaimState) - {ClaimState.REJECTED, ClaimState.REVERSED}
)

#: Claims in these states are approved: no edits, only reversal (已撤销) with a reason.
LOCKED_STATES: frozenset[ClaimState] = frozenset({ClaimState.COUNTY_APPROVED, ClaimState.PAID})
