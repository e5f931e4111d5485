"""Subsidy claims and batches: the records the policy engine creates and paperwork prints."""

from __future__ import annotations

import datetime as dt
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


class Batch(Record):
    """A group of claims printed and approved together (one rule, one funding source, one area)."""

    TABLE: ClassVar[str] = "batches"
    rule_id: str
    funding_source: str = ""
    area_code: str = ""
    title: str = ""
    state_filter: str = ""
    notes: str = ""
