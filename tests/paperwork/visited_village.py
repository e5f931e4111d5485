"""A village ledger for the visit sheets and certificates: households, October's statuses, a
job, a service and a visit (`_village`), and what a coordinator types on the sheet afterwards
(`_typed_on_the_sheet`)."""

from __future__ import annotations

import datetime as dt

from fieldapp.domain.enums import ServiceType, WorkStatus
from fieldapp.domain.models import EmploymentSpell, MonthlyStatus, ServiceRecord, Visit
from tests.paperwork.builders import add_areas, add_household
from tests.records import Records


def _village(ledger, households: int = 3, members: int = 3) -> list[list[str]]:
    repo = Records(ledger)
    people = []
    with ledger.transaction():
        add_areas(repo)
        for i in range(households):
            household_id, ids = add_household(repo, i, members)
            people.append(ids)
            if i == 0:
                repo.set_monthly_status(
                    MonthlyStatus(person_id=ids[0], month="2026-10", status=WorkStatus.EMPLOYED)
                )
                ledger.insert(
                    "employment_spells",
                    EmploymentSpell(
                        person_id=ids[0],
                        start_date=dt.date(2026, 3, 1),
                        place_name="浙江省宁波市北仑区",
                        employer="宁波某某电子有限公司",
                    ).fields(),
                )
                ledger.insert(
                    "services",
                    ServiceRecord(
                        person_id=ids[1],
                        service_date=dt.date(2026, 10, 12),
                        service_type=ServiceType.JOB_RECOMMENDATION,
                    ).fields(),
                )
                ledger.insert(
                    "visits",
                    Visit(
                        household_id=household_id,
                        visit_date=dt.date(2026, 10, 5),
                        visitor="罗志强",
                        outcome="需推荐岗位",
                    ).fields(),
                )
            else:
                for pid in ids:
                    repo.set_monthly_status(
                        MonthlyStatus(
                            person_id=pid, month="2026-10", status=WorkStatus.NOT_EMPLOYED
                        )
                    )
    return people


def _typed_on_the_sheet(ledger, household: str, person: str, outcome: str, notes: str) -> None:
    """A visit to `household` on 2026-10-20 with `outcome`, and `person`'s October status
    (not employed) with `notes`, as a coordinator types them."""
    with ledger.transaction():
        ledger.insert(
            "visits",
            Visit(
                household_id=household,
                visit_date=dt.date(2026, 10, 20),
                visitor="罗志强",
                outcome=outcome,
            ).fields(),
        )
        Records(ledger).set_monthly_status(
            MonthlyStatus(
                person_id=person,
                month="2026-10",
                status=WorkStatus.NOT_EMPLOYED,
                notes=notes,
            )
        )
