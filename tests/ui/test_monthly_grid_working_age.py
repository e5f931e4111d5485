"""按月更新 lists the people the 待办 asks it to update, at the county's working age.

With the county's pack keeping people to 63 in the 劳动力 (`[deadlines] working_age_max = 63`),
the 待办 listed a 62-year-old's 月度更新 and 办理所选 opened his household's 按月更新 — where he
was not: the grid took 16–60 whatever the pack said, so the item could not be done there. The
grid now takes the ages of the policy in force, as the 待办, the 月报 and the 户级责任 do.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fieldapp.domain.models import Household, Person
from fieldapp.policy.due import DueListBuilder
from fieldapp.services.policy_admin import install_local, policy_in_force
from fieldapp.store.facts import FactsLoader
from fieldapp.store.ledger import Ledger
from tests.conftest import make_id
from tests.policy.helpers import COUNTY_PACK
from tests.records import Records
from tests.ui.conftest import UI_USER


@pytest.fixture
def to_63(ledger_path: Path, tmp_path: Path) -> str:
    """The county's pack with working age to 63, and an able 62-year-old in the household:
    his household's id."""
    pack = tmp_path / "county.toml"
    pack.write_text(COUNTY_PACK + "\n[deadlines]\nworking_age_max = 63\n", encoding="utf-8")
    ledger = Ledger.open(ledger_path, credentials=UI_USER)
    try:
        install_local(ledger, pack)
        repo = Records(ledger)
        (home,) = repo.select(Household, "deleted = 0")
        number = make_id("520502", "19640601", "131")
        repo.add_person(Person(household_id=home.id, name="杨正明", id_number=number))
        return home.id
    finally:
        ledger.close()


def test_the_62_year_old_the_due_list_names_is_in_the_grid(to_63, window) -> None:
    # Entered in December: January's update is his first, overdue on 10 February.
    ledger = window.session.ledger
    facts = [p for h in FactsLoader(ledger).households() for p in h.members]
    due = DueListBuilder(policy_in_force(ledger)).build(facts, dt.date(2027, 2, 10))
    assert [i for i in due if i.name == "杨正明" and i.kind == "月度更新"], [
        (i.name, i.kind, i.month) for i in due
    ]
    page = window.show_page("monthly")
    page.show_household(to_63, "杨正明", "2027-01")
    names = [e.row.name for e in page.model.entries]
    assert "杨正明" in names, names
