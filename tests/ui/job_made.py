"""李建国's job at 遵义某电子厂 from 2026-03-01, written through the service as the job editor's
tests start from it (`job`)."""

from __future__ import annotations

from typing import Any

from fieldapp.domain.models import EmploymentSpell, Person
from fieldapp.services import work
from tests.records import Records


def job(window, **fields: Any) -> EmploymentSpell:
    """The job with `fields` (income, terms, …), as the ledger holds it."""
    session = window.session
    person = Records(session.ledger).select(Person, "name = '李建国'")[0]
    made = work.save_record(
        session.ledger,
        session.actor,
        EmploymentSpell(
            person_id=person.id, start_date="2026-03-01", employer="遵义某电子厂", **fields
        ),
    )
    return Records(session.ledger).get(EmploymentSpell, made.id)
