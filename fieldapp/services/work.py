"""A person's work: employment spells, unemployment registrations, the monthly status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from fieldapp.domain.models import (
    EmploymentSpell,
    MonthlyStatus,
    ServiceRecord,
    UnemploymentRegistration,
)
from fieldapp.services.changes import ChangeSet
from fieldapp.services.writer import Actor, writing
from fieldapp.store.ids import natural_id

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger


def save_record(
    ledger: Ledger,
    actor: Actor,
    record: EmploymentSpell | UnemploymentRegistration,
    loaded: EmploymentSpell | UnemploymentRegistration | None = None,
) -> ChangeSet:
    """Add or edit a spell or a registration; the change set's id is the record's. With
    `loaded` (the record as an editor showed it) only what was changed from it is written."""
    with writing(ledger, actor) as writer:
        record_id = writer.save(record, loaded)
    return writer.changes.with_id(record_id)


def start_job(
    ledger: Ledger, actor: Actor, spell: EmploymentSpell, ending: Sequence[EmploymentSpell]
) -> ChangeSet:
    """A new job, and the person's earlier jobs it follows (`ending`, still open) ended the day
    before it starts — all written or none; the change set's id is the new job's."""
    with writing(ledger, actor) as writer:
        for old in ending:
            ended = old.model_copy(update={"end_date": spell.start_date - dt.timedelta(days=1)})
            writer.save(ended, old)
        record_id = writer.save(spell)
    return writer.changes.with_id(record_id)


def delete_record(
    ledger: Ledger,
    actor: Actor,
    model: type[EmploymentSpell | UnemploymentRegistration | ServiceRecord],
    row_id: str,
) -> ChangeSet:
    """Mark a person's job, registration or service deleted (one entered by mistake): logged,
    the row and its history kept."""
    with writing(ledger, actor) as writer:
        writer.delete(model, row_id)
    return writer.changes.with_id(row_id)


def set_monthly_status(ledger: Ledger, actor: Actor, status: MonthlyStatus) -> ChangeSet:
    """Record a month's status; its id derives from (person, month), so devices agree."""
    return set_monthly_statuses(ledger, actor, [status])


def set_monthly_statuses(
    ledger: Ledger, actor: Actor, statuses: Sequence[MonthlyStatus]
) -> ChangeSet:
    """Record many persons' statuses at once (the monthly grid): all are written or none.

    Each is its own logged change (who, when, on which device); a status already so is not
    written again. Ids derive from (person, month), so devices agree on the row.
    """
    with writing(ledger, actor) as writer:
        last = ""
        for status in statuses:
            last = natural_id("monthly_status", status.person_id, status.month)
            writer.save(status.model_copy(update={"id": last}))
    return writer.changes.with_id(last or None)
