"""Ledgers with claims and batches for paperwork tests (written through the real store)."""

from __future__ import annotations

import datetime as dt
import json

from fieldapp.domain.account import card_number
from fieldapp.domain.claims import Batch, Claim, ClaimState
from fieldapp.domain.enums import AreaKind, Category
from fieldapp.domain.models import (
    Area,
    CategoryMembership,
    EmploymentSpell,
    Household,
    Person,
)
from fieldapp.policy.households import DutyFlag
from fieldapp.services.claims import ClaimService
from fieldapp.store.ledger import Ledger
from tests.conftest import make_id
from tests.records import Records

COUNTY, TOWNSHIP, VILLAGE, GROUP = "520321", "520321101", "520321101001", "520321101001001"
NAMES = ("张龑", "李嫚", "王昇", "陈喆", "刘䶮", "赵𠈌", "欧阳明月", "吴芳", "杨国强", "黄小红")
LIFTED_FUND = "衔接推进乡村振兴补助资金"
EMPLOYMENT_FUND = "就业补助资金"


#: A claim's steps to the county's approval, each as the reviewer takes it.
TO_APPROVAL = (
    ClaimState.SUBMITTED,
    ClaimState.VILLAGE_REVIEWED,
    ClaimState.TOWNSHIP_REVIEWED,
    ClaimState.COUNTY_APPROVED,
)


def approve(service: ClaimService, *claim_ids: str) -> None:
    """Each claim taken step by step from where it stands to 县审批 (a draft's missing paperwork
    said first), as the 发放花名册 lists only what the county approved."""
    for claim_id in claim_ids:
        claim = service.queries.get(claim_id)
        missing = claim.missing_evidence() and not claim.missing_evidence_reason
        if claim.state is ClaimState.DRAFT and missing:
            service.set_missing_reason(claim_id, "材料在村委")
        done = TO_APPROVAL.index(claim.state) + 1 if claim.state in TO_APPROVAL else 0
        for step in TO_APPROVAL[done:]:
            service.advance(claim_id, step)


def add_areas(repo: Records) -> None:
    """County → township → village → group."""
    for code, name, kind, parent in (
        (COUNTY, "播州区", AreaKind.COUNTY, None),
        (TOWNSHIP, "龙坑街道", AreaKind.TOWNSHIP, COUNTY),
        (VILLAGE, "大坪村", AreaKind.VILLAGE, TOWNSHIP),
        (GROUP, "三组", AreaKind.GROUP, VILLAGE),
    ):
        repo.ensure_area(Area(code=code, name=name, kind=kind, parent_code=parent))


def id_for(i: int) -> str:
    """A distinct valid ID number for person i."""
    born = dt.date(1970, 1, 1) + dt.timedelta(days=37 * i)
    return make_id(COUNTY, born.strftime("%Y%m%d"), f"{i % 1000:03d}")


def add_household(repo: Records, i: int, members: int = 1) -> tuple[str, list[str]]:
    """A household with `members` persons (the first is the head); returns ids."""
    ledger = repo.ledger
    household_id = ledger.insert(
        "households",
        Household(
            area_code=GROUP, address=f"{i}号", household_no=f"H{i:05d}", is_lifted=True
        ).fields(),
    )
    person_ids = []
    for m in range(members):
        n = i * 10 + m
        person = Person(
            household_id=household_id,
            name=NAMES[(i + m) % len(NAMES)],
            id_number=id_for(n),
            relation="户主" if m == 0 else "配偶",
            phone=f"1380000{n:04d}",
            account_bank="贵州农信",
            # A card number (its Luhn check holds): 6230520102000000000 reads as one Excel
            # rounded, which the papers print blank.
            account_number=card_number(f"6230520102{n:08d}"),
        )
        person_ids.append(ledger.insert("persons", person.fields()))
        ledger.insert(
            "person_categories",
            CategoryMembership(
                person_id=person_ids[-1], category=Category.LIFTED, start_date=dt.date(2016, 1, 1)
            ).fields(),
        )
    ledger.update("households", household_id, {"head_person_id": person_ids[0]})
    return household_id, person_ids


def add_claims(
    ledger: Ledger,
    count: int,
    *,
    amounts: list[float] | None = None,
    two_funds: bool = False,
    place_name: str = "浙江省宁波市北仑区",
    state: ClaimState = ClaimState.COUNTY_APPROVED,
) -> tuple[str, list[str]]:
    """`count` persons with a cross-province spell and a claim each in `state` (by default
    approved by the county, as its 发放花名册 lists them), all in one batch."""
    repo = Records(ledger)
    claim_ids = []
    with ledger.transaction():
        add_areas(repo)
        for i in range(count):
            _h, (person_id,) = add_household(repo, i)
            spell = EmploymentSpell(
                person_id=person_id,
                start_date=dt.date(2026, 3, 1),
                place_code="330206",
                place_name=place_name,
                employer="宁波某某电子有限公司",
                contract_months=12,
                insurance_months=6,
            )
            spell_id = ledger.insert("employment_spells", spell.fields())
            facts = {
                "categories": ["脱贫人口"],
                "event_id": spell_id,
                "spell": {
                    "start_date": "2026-03-01",
                    "end_date": None,
                    "place_code": "330206",
                    "place_name": place_name,
                    "form": "单位就业",
                    "employer": "宁波某某电子有限公司",
                    "contract_months": 12,
                    "insurance_months": 6,
                    "organized_export": False,
                    "export_agency": "",
                    "monthly_income": 4500,
                },
                "amount_rule": "500 元",
            }
            amount = amounts[i % len(amounts)] if amounts else 500.0
            fund = EMPLOYMENT_FUND if two_funds and i % 3 == 0 else LIFTED_FUND
            row = ledger.get("persons", person_id)
            claim = Claim(
                person_id=person_id,
                rule_id="transport_cross_county",
                rule_title="一次性交通补助",
                pack_version="2026.1",
                source_clause="001 附件2（四）",
                event_date=dt.date(2026, 3, 1),
                amount=amount,
                funding_source=fund,
                state=state,
                spell_id=spell_id,
                area_code=GROUP,
                facts=json.dumps(facts, ensure_ascii=False),
                evidence=json.dumps({"身份证复印件": True, "务工证明": True}, ensure_ascii=False),
                id_number=row["id_number"],
                person_name=row["name"],
                claim_date=dt.date(2026, 10, 12),
                township_code=TOWNSHIP,
            )
            claim_ids.append(repo.save(claim))
        batch_id = repo.save(
            Batch(rule_id="transport_cross_county", area_code=TOWNSHIP, title="一次性交通补助")
        )
        for claim_id in claim_ids:
            ledger.update(Claim.TABLE, claim_id, {"batch_id": batch_id})
    return batch_id, claim_ids


def duty_of(ledger: Ledger, claim_id: str) -> DutyFlag:
    """A 一户一人 duty on the household of a claim's person (as `add_claims` made it)."""
    person = ledger.get("persons", ledger.get("claims", claim_id)["person_id"])
    household = ledger.get("households", person["household_id"])
    return DutyFlag(
        kind="一户一人",
        household_id=household["id"],
        household_no=household["household_no"],
        area_code=VILLAGE,
        text=f"{person['name']}户无人就业",
        clause="黔府发〔2023〕12号",
        person_ids=[person["id"]],
        names=[person["name"]],
    )
