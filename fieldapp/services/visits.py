"""Visits to households (走访) and the services given on them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fieldapp.domain.models import ServiceRecord, Visit
from fieldapp.services.changes import ChangeSet
from fieldapp.services.writer import Actor, writing

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger


def record(
    ledger: Ledger, actor: Actor, visit: Visit, service: ServiceRecord | None = None
) -> ChangeSet:
    """Save a visit and, when given, the service given on it (linked to the visit).

    The change set's id is the visit's.
    """
    with writing(ledger, actor) as writer:
        visit_id = writer.save(visit)
        if service is not None:
            writer.save(service.model_copy(update={"visit_id": visit_id}))
    return writer.changes.with_id(visit_id)
