"""张长英 with a job, an unemployment registration and a service, shown on the ledger page
(`person_with_records`, a fixture)."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.models import (
    EmploymentSpell,
    Person,
    ServiceRecord,
    UnemploymentRegistration,
    Visit,
)
from fieldapp.services import work
from fieldapp.services.visits import record
from tests.records import Records


@pytest.fixture
def person_with_records(window):
    """张长英 with a job, a registration and a service, shown on the ledger page."""
    session = window.session
    ledger = session.ledger
    person = Records(ledger).select(Person, "name = '张长英'")[0]
    day = dt.date(2026, 11, 2)
    job = EmploymentSpell(person_id=person.id, start_date=day, employer="录错的厂")
    session.apply(work.save_record(ledger, session.actor, job))
    found = UnemploymentRegistration(person_id=person.id, found_date=day)
    session.apply(work.save_record(ledger, session.actor, found))
    visit = Visit(household_id=person.household_id, person_id=person.id, visit_date=day)
    service = ServiceRecord(
        person_id=person.id,
        household_id=person.household_id,
        service_date=day,
        service_type="岗位推荐",
    )
    session.apply(record(ledger, session.actor, visit, services=[service]))
    window.open_person(person.id)
    return window.show_page("ledger").panel, person
