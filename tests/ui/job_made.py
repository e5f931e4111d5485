"""李建国's job at 遵义某电子厂 from 2026-03-01, written through the service as the job editor's
tests start from it (`job`)."""

from __future__ import annotations

from typing import Any

from fieldapp.domain.bounds import beyond
from fieldapp.domain.models import EmploymentSpell, Person
from fieldapp.services import work
from tests.records import Records


def job(window, **fields: Any) -> EmploymentSpell:
    """The job with `fields` (income, terms, …), as the ledger holds it. A figure past what the
    job service takes (999,999 months: `domain.bounds`) is stored as an older import stored
    it, through the write door past the service, as a job kept from before the bound came."""
    session = window.session
    records = Records(session.ledger)
    person = records.select(Person, "name = '李建国'")[0]
    spell = EmploymentSpell(
        person_id=person.id, start_date="2026-03-01", employer="遵义某电子厂", **fields
    )
    if any(beyond(name, value) for name, value in fields.items()):
        return records.get(EmploymentSpell, records.save(spell))
    made = work.save_record(session.ledger, session.actor, spell)
    return records.get(EmploymentSpell, made.id)
