"""A person's work: employment spells, unemployment registrations, the monthly status."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fieldapp.domain.models import EmploymentSpell, MonthlyStatus, UnemploymentRegistration
from fieldapp.services.changes import ChangeSet
from fieldapp.services.writer import Actor, writing
from fieldapp.store.ids import natural_id

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger


def save_record(
    ledger: Ledger, actor: Actor, record: EmploymentSpell | UnemploymentRegistration
) -> ChangeSet:
    """Add or edit a spell or a registration; the change set's id is the record's."""
    with writing(ledger, actor) as writer:
        record_id = writer.save(record)
    return writer.changes.with_id(record_id)


def set_monthly_status(ledger: Ledger, actor: Actor, status: MonthlyStatus) -> ChangeSet:
    """Record a month's status; its id derives from (person, month), so devices agree."""
    status = status.model_copy(
        update={"id": natural_id("monthly_status", status.person_id, status.month)}
    )
    with writing(ledger, actor) as writer:
        writer.save(status)
    return writer.changes.with_id(status.id)
