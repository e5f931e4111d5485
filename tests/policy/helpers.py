"""Builders for policy tests: PersonFacts in one line, and a small real ledger."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from fieldapp.domain.models import (
    Area,
    CategoryMembership,
    EmploymentSpell,
    Household,
    Person,
    ServiceRecord,
    UnemploymentRegistration,
)
from fieldapp.policy.combine import combine
from fieldapp.policy.facts import (
    CategorySpan,
    ClaimFacts,
    PersonFacts,
    RegistrationFacts,
    ServiceFacts,
    SpellFacts,
)
from fieldapp.policy.pack import Policy
from fieldapp.policy.packfile import parse_pack_text
from fieldapp.policy.registry import PolicyRegistry
from tests.conftest import make_id
from tests.records import Records

D = dt.date
HOME = "520502001001"  # 七星关区 某乡镇 某村
IN_COUNTY = "520502002"
IN_PROVINCE = "520102"  # 贵阳 南明区
OUT_OF_PROVINCE = "440305"  # 深圳 南山区


def spell(start: dt.date, **kw: Any) -> SpellFacts:
    """A spell with sensible defaults (out of province, a small company, 12-month contract,
    3 months insured)."""
    values: dict[str, Any] = {
        "id": kw.pop("id", f"s-{start}"),
        "start_date": start,
        "place_code": OUT_OF_PROVINCE,
        "place_name": "深圳市南山区",
        "employer": "某电子厂",
        "employer_kind": "小微企业",
        "contract_months": 12,
        "insurance_months": 3,
    }
    values.update(kw)
    return SpellFacts(**values)


def person(
    *,
    categories: dict[str, tuple[dt.date | None, dt.date | None]] | None = None,
    spells: tuple[SpellFacts, ...] = (),
    birth: str = "19850316",
    **kw: Any,
) -> PersonFacts:
    """PersonFacts for a person born on `birth`, living in HOME."""
    number = make_id("520502", birth, "123")
    cats = tuple(CategorySpan(c, s, e) for c, (s, e) in (categories or {}).items())
    values: dict[str, Any] = {
        "person_id": "p1",
        "id_number": number,
        "name": "王五",
        "birth_date": dt.date(int(birth[:4]), int(birth[4:6]), int(birth[6:])),
        "area_code": HOME,
        "home_code": HOME,
        "categories": cats,
        "spells": spells,
    }
    values.update(kw)
    return PersonFacts(**values)


LIFTED = {"脱贫人口": (D(2016, 1, 1), None)}

#: A county pack as a county would write it: its figures under the seeds' caps, an extension.
COUNTY_PACK = """
[pack]
id = "qixingguan"
version = "2026.1"
title = "七星关区就业帮扶政策（2026年）"
extends = "guizhou-2023"
region = "520502"
authority = "七星关区人力资源和社会保障局"
document = "七人社通〔2026〕3号"
document_date = 2026-01-05

[[documents]]
number = "七人社通〔2026〕3号"
title = "关于2026年就业帮扶补贴标准和延续执行有关政策的通知"
issuer = "七星关区人力资源和社会保障局"
date = 2026-01-05

[lines]
welfare_post_income_line = 650
welfare_post_income_line_document = "七人社通〔2026〕3号"

[[overrides]]
rule = "transport_cross_county"
figure = 500
figure_document = "七人社通〔2026〕3号"

[[overrides]]
rule = "transport_cross_province_lifted"
figure = 500
figure_document = "七人社通〔2026〕3号"

[[overrides]]
rule = "welfare_post_subsidy"
figure = 600
figure_document = "七人社通〔2026〕3号"
"""

__all__ = [
    "COUNTY_PACK",
    "D",
    "HOME",
    "IN_COUNTY",
    "IN_PROVINCE",
    "LIFTED",
    "OUT_OF_PROVINCE",
    "ClaimFacts",
    "RegistrationFacts",
    "ServiceFacts",
    "person",
    "populate",
    "spell",
]


def populate(repo: Records) -> dict[str, str]:
    """A village with a lifted worker in Shenzhen, a registered unemployed person and others."""
    ledger = repo.ledger
    ids: dict[str, str] = {}
    with ledger.transaction():
        repo.ensure_area(Area(code="520502001", name="某乡镇", kind="乡镇", parent_code="520502"))
        repo.ensure_area(Area(code=HOME, name="红星村", kind="村", parent_code="520502001"))
        repo.ensure_area(
            Area(code="520502001901", name="幸福安置点", kind="安置点", parent_code="520502001")
        )
        h1 = repo.save(Household(area_code=HOME, household_no="001", is_lifted=True))
        worker = make_id("520502", "19850316", "123")
        pid, _ = repo.add_person(Person(household_id=h1, name="王五", id_number=worker))
        repo.save(CategoryMembership(person_id=pid, category="脱贫人口", start_date=D(2016, 1, 1)))
        repo.save(
            EmploymentSpell(
                person_id=pid,
                start_date=D(2025, 3, 5),
                place_code=OUT_OF_PROVINCE,
                place_name="深圳市南山区",
                employer="某电子厂",
                contract_months=12,
                insurance_months=3,
                organized_export=True,
                export_agency="某劳务公司",
            )
        )
        ids["worker"] = worker
        h2 = repo.save(Household(area_code="520502001901", household_no="101", is_relocated=True))
        jobless = make_id("520502", "19900101", "245")
        pid2, _ = repo.add_person(Person(household_id=h2, name="李四", id_number=jobless))
        repo.save(
            CategoryMembership(person_id=pid2, category="易地搬迁人口", start_date=D(2019, 1, 1))
        )
        repo.save(
            UnemploymentRegistration(
                person_id=pid2,
                found_date=D(2025, 9, 26),
                registered_date=D(2025, 9, 28),
                unemployment_class="缺乏基本技能",
            )
        )
        repo.save(
            ServiceRecord(person_id=pid2, service_date=D(2025, 9, 29), service_type="岗位推荐")
        )
        repo.save(
            ServiceRecord(
                person_id=pid2,
                service_date=D(2025, 10, 9),
                service_type="职业培训",
                training_days=10,
            )
        )
        ids["jobless"] = jobless
    return ids


def post_worker(
    repo: Records,
    start: dt.date = D(2026, 7, 1),
    *,
    place_name: str = "",
    employer: str = "红星村保洁岗",
    place_code: str = "520502001",
) -> tuple[str, str]:
    """赵六 of household 009 in HOME, on 红星村's 保洁岗 — a 公益性岗位 (the county's monthly post
    subsidy) since `start` — in one transaction: (person id, ID number)."""
    number = make_id("520502", "19800505", "311")
    with repo.ledger.transaction():
        home = repo.save(Household(area_code=HOME, household_no="009"))
        pid, _ = repo.add_person(Person(household_id=home, name="赵六", id_number=number))
        repo.save(
            EmploymentSpell(
                person_id=pid,
                start_date=start,
                form="公益性岗位",
                place_code=place_code,
                place_name=place_name,
                employer=employer,
                contract_months=12,
            )
        )
    return pid, number


#: The county's pack with the post subsidy extended to 2027-12-31 on its own notice: a claim for
#: January 2027 is judged by a rule still in force.
EXTENDED_PACK = COUNTY_PACK.replace(
    'figure = 600\nfigure_document = "七人社通〔2026〕3号"',
    'figure = 600\nfigure_document = "七人社通〔2026〕3号"\n'
    'valid_to = 2027-12-31\ndocument = "七人社通〔2026〕3号"',
)


def extended_policy() -> Policy:
    """The province's packs and `EXTENDED_PACK`, combined as a device holds them."""
    base = PolicyRegistry(local=Path(tempfile.mkdtemp())).base_files()
    return combine([*base, ("county.toml", parse_pack_text(EXTENDED_PACK, "county.toml"))])
