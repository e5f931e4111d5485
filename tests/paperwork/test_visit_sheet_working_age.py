"""The visit sheet counts working age as the county's pack sets it.

A county that keeps its people of 61 to 63 in the 劳动力 (`[deadlines] working_age_max = 63`, as
the retirement age rises year by year from 2025) had the 月报, the 户级责任清单 and the 待办
count a jobless 62-year-old able to work, and his household 零就业; the 走访记录 carried door to
door said 16–60 whatever the pack said: no 零就业家庭, and him not of the 劳动力. The sheet now
takes the ages from the policy in force, as the others do.
"""

from __future__ import annotations

import re
from pathlib import Path

from fieldapp.domain.models import Household, Person
from fieldapp.domain.month import Month
from fieldapp.paperwork.jobs import visits_job
from fieldapp.paperwork.paper_data import PaperData
from fieldapp.policy.households import DutyKind, household_duties
from fieldapp.services.policy_admin import install_local, policy_in_force
from fieldapp.store.facts import FactsLoader
from fieldapp.store.ledger import Ledger
from tests.conftest import make_id
from tests.paperwork.builders import GROUP, VILLAGE, add_areas
from tests.policy.helpers import COUNTY_PACK
from tests.records import Records


def _sixty_two(ledger: Ledger) -> None:
    repo = Records(ledger)
    with ledger.transaction():
        add_areas(repo)
        home = ledger.insert(
            "households", Household(area_code=GROUP, address="7号", household_no="H00007").fields()
        )
        head = ledger.insert(
            "persons",
            Person(household_id=home, name="杨正明", id_number=make_id("520321", "19640601", "131"),
                   relation="户主").fields(),
        )  # fmt: skip
        ledger.update("households", home, {"head_person_id": head})


def _flat(pdf: bytes) -> str:
    from tests.paperwork.pdftext import page_texts

    return re.sub(r"\s+", "", "".join(page_texts(pdf)))


def test_a_county_working_age_to_63_counts_a_jobless_62_year_old_household(
    ledger: Ledger, tmp_path: Path
) -> None:
    _sixty_two(ledger)
    pack = tmp_path / "county.toml"
    pack.write_text(
        COUNTY_PACK.replace('region = "520502"', 'region = "520321"')
        + "\n[deadlines]\nworking_age_max = 63\n",
        encoding="utf-8",
    )
    install_local(ledger, pack)
    policy = policy_in_force(ledger)
    # The 户级责任清单 counts him (the 月报 and 待办 read the same ages).
    households = FactsLoader(ledger).households(area_prefix=VILLAGE, with_months=True)
    flags = household_duties(policy, households, Month("2026-12").last_day)
    assert any(f.kind == DutyKind.ZERO_EMPLOYMENT for f in flags), flags
    sheet = PaperData(ledger).visit_sheet(VILLAGE, "2026-12", due=lambda _pid: [])
    (household,) = sheet.households
    (member,) = household.members
    assert member.age == "62" and member.in_labour()
    assert household.zero_employment
    flat = _flat(visits_job(ledger, VILLAGE, "2026-12", due=lambda _pid: []).render())
    assert "零就业家庭1户" in flat, flat[-300:]
