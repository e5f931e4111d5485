"""Who writes, and what the trust rules are shown before a write: the words of the one door.

Kept apart from `writer.py` so that the trust rules (`fieldapp.services.trust`) can use these
types while the writer uses the rules, without a cycle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fieldapp.domain.roles import Role
from fieldapp.store.sync_state import SyncState

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger


@dataclass(frozen=True)
class Actor:
    """Who writes: the person at the keyboard on this device, with the device's role and area.

    `author` is the name the change log records (the ledger stamps it: an actor is made from the
    ledger it writes to, `actor_of`). `role` and `scope` (an area code: the device may write
    there and below) come from the device's enrolment with the hub; None for a ledger that was
    never enrolled.
    """

    author: str
    device_id: str
    role: Role | None = None
    scope: str | None = None


def actor_of(ledger: Ledger) -> Actor:
    """The actor writing to `ledger`: its author and device, with the role and area its signed
    enrolment gave it (none before it was enrolled)."""
    identity = SyncState(ledger.db).identity()
    if identity is None:
        return Actor(author=ledger.author, device_id=ledger.device_id)
    return Actor(ledger.author, ledger.device_id, identity.device_role, identity.area_code)


@dataclass(frozen=True)
class ProposedChange:
    """One row's change as the trust rules see it before the store writes it."""

    table: str
    row_id: str
    #: The row as it is now (None for a new row): the rules judge by where it was before.
    before: dict[str, Any] | None
    #: The fields being written, with their new values.
    fields: dict[str, Any]


#: The trust rules' signature: raise a FieldappError (Chinese reason) to refuse the change.
ChangeCheck = Callable[[Actor, ProposedChange], None]


def allow_all(_actor: Actor, _change: ProposedChange) -> None:
    """The check used until the trust rules are plugged in: every change is allowed."""
