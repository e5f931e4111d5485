"""The spell's employer kind and the person's month of leaving school reach the policy facts."""

from __future__ import annotations

from fieldapp.domain.models import EmploymentSpell, Household, Person
from fieldapp.store.facts import FactsLoader
from fieldapp.store.ledger import Ledger
from tests.conftest import make_id
from tests.policy.helpers import HOME, D
from tests.records import Records


def test_employer_kind_and_left_school_month_are_stored_and_loaded(tmp_path) -> None:
    ledger = Ledger.open(tmp_path / "l.db", author="测试")
    repo = Records(ledger)
    with ledger.transaction():
        household = repo.save(Household(area_code=HOME))
        pid, _ = repo.add_person(
            Person(
                household_id=household,
                name="赵六",
                id_number=make_id("520502", "20010203", "123"),
                graduation_year=2024,
                left_school_month="2024-07",
            )
        )
        repo.save(
            EmploymentSpell(person_id=pid, start_date=D(2025, 1, 6), employer_kind="家庭农场")
        )
    (facts,) = FactsLoader(ledger).persons()
    assert facts.left_school_month == "2024-07"
    assert facts.spells[0].employer_kind == "家庭农场"
    ledger.close()
