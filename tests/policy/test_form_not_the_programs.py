"""A stored 就业形式 none of the program's (打零工 from an old import, written past the
services, which refuse it) was counted by the 月报 as a form of its own (a bar, a row of its
own) and handed to the rules as it stood. The facts now read it as 未登记, as a job imported
without its form: the 月报 counts it there, the person still employed, and no rule pays on it
— a rule naming forms names the program's, never 未登记 — exactly as for a 未登记 job, while
the same job as 单位就业 is paid.

A blank stored form (a ledger row written with '') took the facts class's default and was read
as 单位就业, paid as one; it too is now 未登记. So is no other blank read as a value: a blank
劳动能力 stays blank, not 普通劳动力, and counts as no labour."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from fieldapp.domain.enums import Category
from fieldapp.domain.models import CategoryMembership, EmploymentSpell, Household, Person
from fieldapp.policy.eligibility import Status
from fieldapp.policy.households import has_labour
from fieldapp.policy.registry import PolicyRegistry
from fieldapp.services.claims import EligibilityService
from fieldapp.services.report import monthly_report
from fieldapp.store.facts import FactsLoader
from tests.conftest import make_id
from tests.paperwork.builders import COUNTY, GROUP, TOWNSHIP, add_areas

ON = dt.date(2026, 6, 5)
FORMS = ("打零工", "", "未登记", "单位就业")
JOB = {
    "start_date": dt.date(2026, 3, 5),
    "place_code": TOWNSHIP,
    "employer": "某合作社",
    "employer_kind": "农民专业合作社",
    "contract_months": 12,
    "insurance_months": 3,
}


def test_a_form_not_the_programs_is_read_as_not_recorded(repo, ledger):
    add_areas(repo)
    home = repo.save(Household(area_code=GROUP, household_no="H00066", address="6号"))
    numbers = {}
    for n, form in enumerate(FORMS):
        number = make_id(COUNTY, f"1985030{n + 1}", f"{500 + n}")
        person = Person(household_id=home, name=f"王{form}", id_number=number)
        pid, _warnings = repo.add_person(person)
        repo.save(
            CategoryMembership(
                person_id=pid, category=Category.LIFTED, start_date=dt.date(2020, 1, 1)
            )
        )
        spell = EmploymentSpell(person_id=pid, **JOB).fields()
        ledger.insert("employment_spells", spell | {"form": form})  # as an old import wrote it
        numbers[form] = number
    policy = PolicyRegistry(local=Path(tempfile.mkdtemp())).load()
    service = EligibilityService(ledger, policy)

    for odd in ("打零工", ""):
        (spell,) = service.facts_of(numbers[odd]).spells
        assert spell.form == "未登记"

    # 月报: no bar of its own; employed, counted under 未登记 with the job left blank
    report = monthly_report(ledger, policy, ON.strftime("%Y-%m"))
    assert dict(report.total.employed_by_form) == {"未登记": 3, "单位就业": 1}
    assert sum(report.total.employed_by_place.values()) == 4

    # Eligibility: as the 未登记 job, and nothing a form decides paid on it
    status = {
        form: {r.rule_id: r.status for r in service.for_person(numbers[form], ON)} for form in FORMS
    }
    assert status["打零工"] == status["未登记"] == status[""]
    gated = {rule.id for rule in policy.active_rules if rule.conditions.forms}
    for odd in ("打零工", ""):
        assert gated and all(status[odd][r] != Status.ELIGIBLE for r in gated)
    # the same job as 单位就业 is paid 吸纳就业补贴: the set-up is one a form decides
    assert status["单位就业"]["absorb_lifted"] == Status.ELIGIBLE
    assert status["打零工"]["absorb_lifted"] == Status.NOT_ELIGIBLE
    assert status[""]["absorb_lifted"] == Status.NOT_ELIGIBLE


def test_a_blank_labour_ability_is_no_labour(repo, ledger):
    add_areas(repo)
    home = repo.save(Household(area_code=GROUP, household_no="H00067", address="7号"))
    number = make_id(COUNTY, "19850310", "510")
    pid, _warnings = repo.add_person(Person(household_id=home, name="李空", id_number=number))
    (facts,) = FactsLoader(ledger).persons(person_ids=[pid])
    assert facts.labour_ability == "普通劳动力"
    assert has_labour(facts, ON)

    ledger.update("persons", pid, {"labour_ability": ""})  # as an old import wrote it
    (facts,) = FactsLoader(ledger).persons(person_ids=[pid])
    assert facts.labour_ability == ""
    assert not has_labour(facts, ON)
