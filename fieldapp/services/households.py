"""Households: their own fields (area, address, number, flags, head)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fieldapp.domain.enums import Relation
from fieldapp.domain.errors import ValidationFailed
from fieldapp.domain.models import Household, Person
from fieldapp.services.changes import ChangeSet
from fieldapp.services.trust_check import gateway_check
from fieldapp.services.writer import Actor, writing
from fieldapp.store.ids import new_id
from fieldapp.store.queries import records

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger


def save(
    ledger: Ledger, actor: Actor, household: Household, loaded: Household | None = None
) -> ChangeSet:
    """Create a household, or write the fields that changed (from `loaded`, as an editor showed
    it, when given: see `Writer.save`); the change set's id is its id."""
    with writing(ledger, actor) as writer:
        household_id = writer.save(household, loaded)
    return writer.changes.with_id(household_id)


#: Why a person moves to another household (分户: a new household of their own; 合户: into an
#: existing one; 婚迁: by marriage), asked every time and kept in the history.
MOVE_REASONS = ("分户", "合户", "婚迁")


def move_person(
    ledger: Ledger,
    actor: Actor,
    person_id: str,
    reason: str,
    relation: Relation,
    *,
    to_household_id: str | None = None,
    new_household: Household | None = None,
) -> ChangeSet:
    """Move a person into another household, or into a new one made for them (分户; or a new
    home elsewhere — a relocation site, another township's village — which the hub then serves
    to that area's device).

    One transaction: the new household (its head the person), then the person's household,
    relation and reason in one logged change. When the person headed the household they
    leave, it has no head afterwards; a warning says so (another member is chosen there).
    """
    person = records.get(ledger, Person, person_id)
    if (to_household_id is None) == (new_household is None):
        raise ValidationFailed("请选择迁入哪一户，或新建一户")
    if to_household_id is not None:
        target = records.get(ledger, Household, to_household_id)
        if target.deleted:
            raise ValidationFailed("要迁入的户已注销，请另选一户")
        if target.id == person.household_id:
            raise ValidationFailed(f"{person.name}已经在这一户里")
        if relation is Relation.HEAD and target.head_person_id:
            raise ValidationFailed("这一户已有户主：请选择与户主的关系（配偶、子女……）")
    if not reason.strip():
        raise ValidationFailed("请写明迁户原因（分户、合户、婚迁……）")
    warnings: list[str] = []
    home = None
    if new_household is not None:  # made with its head: it may lie outside this device's area
        home = new_household.model_copy(
            update={"id": new_household.id or new_id(), "head_person_id": person.id}
        )
    # A new home elsewhere (a relocation site, another village) is a transfer: the trust rules
    # let a device create a household outside its area only as the new home of its own people.
    check = gateway_check(ledger, transfers={home.id}) if home is not None else None
    with writing(ledger, actor, check) as writer:
        target_id = to_household_id
        if home is not None:
            target_id = writer.insert(home)
            relation = Relation.HEAD
        writer.update(
            Person,
            person.id,
            {
                "household_id": target_id,
                "relation": relation.value,
                "change_reason": reason.strip(),
            },
        )
        old = records.find(ledger, Household, person.household_id or "")
        if old is not None and old.head_person_id == person.id:
            writer.update(Household, old.id, {"head_person_id": None})
            if records.members(ledger, old.id):
                warnings.append(f"{person.name}原是户主：原来那一户现在没有户主，请为它另定户主")
    return writer.changes.with_id(person.id, warnings)
