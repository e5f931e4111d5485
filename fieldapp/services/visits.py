"""Visits to households (走访) and the services given on them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from fieldapp.domain.models import ServiceRecord, Visit
from fieldapp.services.changes import ChangeSet
from fieldapp.services.writer import Actor, writing
from fieldapp.store.queries import records

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger


def record(
    ledger: Ledger,
    actor: Actor,
    visit: Visit,
    service: ServiceRecord | None = None,
    *,
    services: Sequence[ServiceRecord] = (),
) -> ChangeSet:
    """Save a visit and the services given on it (each linked to the visit), all at once.

    `service` is one service (older callers); `services` any number. The change set's id is
    the visit's.
    """
    given = [*([service] if service is not None else []), *services]
    with writing(ledger, actor) as writer:
        visit_id = writer.save(visit)
        for record in given:
            writer.save(record.model_copy(update={"visit_id": visit_id}))
    return writer.changes.with_id(visit_id)


def delete(ledger: Ledger, actor: Actor, visit_id: str) -> ChangeSet:
    """Mark a visit recorded by mistake deleted, and the services given on it: logged, the
    rows and their history kept."""
    with writing(ledger, actor) as writer:
        for service in records.visit_services(ledger, visit_id):
            writer.delete(ServiceRecord, service.id)
        writer.delete(Visit, visit_id)
    return writer.changes.with_id(visit_id)
