"""Households: their own fields (area, address, number, flags, head)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fieldapp.domain.models import Household
from fieldapp.services.changes import ChangeSet
from fieldapp.services.writer import Actor, writing

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger


def save(ledger: Ledger, actor: Actor, household: Household) -> ChangeSet:
    """Create a household, or write the fields that changed; the change set's id is its id."""
    with writing(ledger, actor) as writer:
        household_id = writer.save(household)
    return writer.changes.with_id(household_id)
