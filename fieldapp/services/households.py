"""Households: their own fields (area, address, number, flags, head)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fieldapp.domain.areacode import AreaLevel, area_at
from fieldapp.domain.claims import ClaimState
from fieldapp.domain.enums import Relation
from fieldapp.domain.errors import ValidationFailed
from fieldapp.domain.models import Household, Person
from fieldapp.domain.sentences import Part, Sentence, Word, listed, said, template
from fieldapp.services.changes import ChangeSet
from fieldapp.services.trust import may_add_at
from fieldapp.services.trust_check import gateway_check, may_add_to, rules_actor
from fieldapp.services.writer import Actor, Writer, writing
from fieldapp.store.ids import new_id
from fieldapp.store.queries import records
from fieldapp.store.queries.records import OfferedRow

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


#: The move's refusals and warnings, each said in the window's language (`sentences`).
CHOOSE_HOUSEHOLD = template("请选择迁入哪一户，或新建一户")
HOUSEHOLD_DELETED = template("要迁入的户已注销，请另选一户")
ALREADY_THERE = template("%1已经在这一户里")
HAS_HEAD = template("这一户已有户主：请选择与户主的关系（配偶、子女……）")
NO_REASON = template("请写明迁户原因（分户、合户、婚迁……）")
HEAD_LEFT = template("%1原是户主：原来那一户现在没有户主，请为它另定户主")
#: A mover's drafts (草稿) recorded in the village they leave, deleted with the move
#: (`drafts_left`): the person's name, the drafts' subsidies.
DRAFTS_DROPPED = template(
    "%1迁到别的村（安置点）后，记在原村的草稿申领不能再提交，已一并删除：%2；需要的请在迁入地重新申领"
)
#: An offered person's drafts recorded in the village that offered them, deleted when the
#: receiving village takes them in (`accept_move`): what the receiver is told (the person's
#: name, the drafts' subsidies).
DRAFTS_DROPPED_IN = template(
    "%1迁入本村（安置点）后，原村为其记的草稿申领不能再提交，已一并删除：%2；"
    "需要的请在本村（安置点）重新申领"
)
#: What the mover is told when a move waits for the receiving village (`move_person`): the
#: person's name, the receiving village.
OFFERED = template(
    "已提出把%1迁入%2的户，待对方村接收：对方村同步后接收，%1才迁过去；在此之前%1仍在本户"
)
#: 接收 or 不接收 of a person no longer offered to this village (taken back, taken in).
NOT_OFFERED = template("%1没有要迁入本村的户，或对方已撤回")
#: 撤回迁入 of a person offered to no one.
NOTHING_TO_WITHDRAW = template("%1没有待对方村接收的迁入")
#: Where an offer goes when the ledger does not name the receiving household's area.
OTHER_VILLAGE = "对方村"

#: Why a person moves to another household (分户: a new household of their own; 合户: into an
#: existing one; 婚迁: by marriage), asked every time and kept in the history.
MOVE_REASONS = ("分户", "合户", "婚迁")
#: Why an offered person's row changed, as the history keeps it: taken in (where the mover gave
#: no reason), taken back, not taken in.
OFFER_REASONS = ("迁入", "撤回迁入", "对方村未接收迁入")


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

    Into a household that lies outside this device's area (another village's family), the
    person is not moved: they are offered to it (`Person.moving_to`) and stay where they are
    until that village's device takes them in (`accept_move`) or not (`decline_move`); the
    change set's warning says so (`OFFERED`).

    One transaction: the new household (its head the person), then the person's household,
    relation and reason in one logged change. When the person headed the household they
    leave, it has no head afterwards; a warning says so (another member is chosen there).
    """
    person = records.get(ledger, Person, person_id)
    if (to_household_id is None) == (new_household is None):
        raise ValidationFailed(said(CHOOSE_HOUSEHOLD))
    if to_household_id is not None:
        target = records.get(ledger, Household, to_household_id)
        if target.deleted:
            raise ValidationFailed(said(HOUSEHOLD_DELETED))
        if target.id == person.household_id:
            raise ValidationFailed(said(ALREADY_THERE, person.name))
        if relation is Relation.HEAD and target.head_person_id:
            raise ValidationFailed(said(HAS_HEAD))
    if not reason.strip():
        raise ValidationFailed(said(NO_REASON))
    if (
        to_household_id is not None
        and not may_add_to(ledger, actor, "persons", "households", to_household_id).allowed
    ):
        return _offer(ledger, actor, person, to_household_id, reason)
    warnings: list[Sentence] = []
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
        to_area = home.area_code if home is not None else target.area_code
        warnings += drafts_left(writer, person.id, person.name, to_area)
        if home is not None:
            target_id = writer.insert(home)
            relation = Relation.HEAD
        moved = {
            "household_id": target_id,
            "relation": relation.value,
            "change_reason": reason.strip(),
        }
        if person.moving_to:  # offered elsewhere before: moved now, the offer is withdrawn
            moved["moving_to"] = None
        writer.update(Person, person.id, moved)
        warnings += left_household(writer, person.id, person.name, person.household_id)
    return writer.changes.with_id(person.id, warnings)


def drafts_left(
    writer: Writer, person_id: str, name: str, to_area: str, said_as: str = DRAFTS_DROPPED
) -> list[Sentence]:
    """The step before a person moves to a household at `to_area`, in the same writing
    (`move_person`, `persons.move_out`; after it, for the receiving village taking in an
    offered person, `accept_move`, its warning `said_as`): their drafts (草稿, never
    submitted) recorded in another village are deleted, with a warning naming them. Such a
    draft could never be passed on (`claim_area`: a claim goes on from the village its person lives in), and once
    the person lives elsewhere the village it is recorded in could no longer delete it (the
    claim lies where its person does); deleted here, while the person is the writer's (still
    the mover's, or the receiver's now), the write door and the hub judge the deletion as any
    other of the village's drafts."""
    from fieldapp.services.claims import drop_draft
    from fieldapp.store.queries.claims import ClaimQueries

    if not to_area:
        return []
    village = area_at(to_area, AreaLevel.VILLAGE)
    dropped = [
        claim
        for claim in ClaimQueries(writer.ledger).select(
            person_id=person_id, states=[ClaimState.DRAFT]
        )
        if claim.area_code and area_at(claim.area_code, AreaLevel.VILLAGE) != village
    ]  # (an old claim recording no area is passed on from anywhere: not judged, kept)
    for claim in dropped:
        drop_draft(writer, claim.id)
    if not dropped:
        return []
    return [said(said_as, name, listed([c.rule_title or Word("补贴") for c in dropped]))]


def left_household(
    writer: Writer, person_id: str, name: str, household_id: str | None
) -> list[Sentence]:
    """The step after a person has moved out of `household_id` (where they were), in the same
    writing (`move_person`, `persons.move_out`): when they headed it, it has no head now (the
    户主 on its forms would be someone who no longer lives there); a warning says so when
    others still live there, to choose one of them (`HEAD_LEFT`)."""
    old = records.find(writer.ledger, Household, household_id or "")
    if old is None or old.head_person_id != person_id:
        return []
    writer.update(Household, old.id, {"head_person_id": None})
    return [said(HEAD_LEFT, name)] if records.members(writer.ledger, old.id) else []


def _offer(
    ledger: Ledger, actor: Actor, person: Person, household_id: str, reason: str
) -> ChangeSet:
    """Offer `person` to another area's household (`move_person`)."""
    target = records.get(ledger, Household, household_id)
    area = records.area(ledger, target.area_code) if target.area_code else None
    where: Part = area.name if area is not None else Word(OTHER_VILLAGE)
    with writing(ledger, actor) as writer:
        writer.update(
            Person, person.id, {"moving_to": household_id, "change_reason": reason.strip()}
        )
    return writer.changes.with_id(person.id, [said(OFFERED, person.name, where)])


def offered(ledger: Ledger, actor: Actor) -> list[Person]:
    """The people other areas offer to this device's households, waiting for it to take them in
    or not: those whose offered household lies in its area (every offer on a ledger never
    enrolled)."""
    found = []
    for person in records.offered_persons(ledger):
        if may_add_to(ledger, actor, "persons", "households", person.moving_to).allowed:
            found.append(person)
    return found


def offers(ledger: Ledger, actor: Actor) -> list[OfferedRow]:
    """`offered`, as the receiving village's list shows them: who, from where, into whose
    household (`records.offered_rows`: one statement for them all, none per person)."""
    who = rules_actor(ledger, actor)
    return [
        row
        for row in records.offered_rows(ledger)
        if who is None or may_add_at(who, "persons", row.to_area or None).allowed
    ]


def accept_move(
    ledger: Ledger, actor: Actor, person_id: str, relation: Relation = Relation.OTHER
) -> ChangeSet:
    """Take in a person offered to one of this device's households: they move into it (with
    `relation` to its head), the offer cleared. The trust rules allow this pull-in only for the
    household the person was offered to. Taken in as 户主 (a household without a head only:
    else as OTHER), they head it."""
    person = records.get(ledger, Person, person_id)
    if not person.moving_to or person.deleted:
        raise ValidationFailed(said(NOT_OFFERED, person.name))
    target = records.get(ledger, Household, person.moving_to)
    if relation is Relation.HEAD and target.head_person_id:
        relation = Relation.OTHER
    heads = relation is Relation.HEAD  # a household without a head: the one taken in heads it
    with writing(ledger, actor) as writer:
        writer.update(
            Person,
            person.id,
            {
                "household_id": target.id,
                "moving_to": None,
                "relation": relation.value,
                "change_reason": person.change_reason or OFFER_REASONS[0],
            },
        )
        if heads:
            writer.update(Household, target.id, {"head_person_id": person.id})
        # Drafts the offering village made for them (while offered, or before): recorded there,
        # they can be passed on by no one now (`claim_area`), nor deleted by that village (the
        # claim lies where its person does): deleted here, as a move deletes them
        # (`drafts_left`), once the person is this village's, and said.
        warnings = drafts_left(
            writer, person.id, person.name, target.area_code or "", said_as=DRAFTS_DROPPED_IN
        )
    return writer.changes.with_id(person.id, warnings)


def decline_move(ledger: Ledger, actor: Actor, person_id: str) -> ChangeSet:
    """Do not take in a person offered to one of this device's households: the offer is
    cleared, the person stays in their own village."""
    return _clear_offer(ledger, actor, person_id, NOT_OFFERED, OFFER_REASONS[2])


def withdraw_offer(ledger: Ledger, actor: Actor, person_id: str) -> ChangeSet:
    """The mover takes back an offer not yet taken up: the person stays, offered to no one."""
    return _clear_offer(ledger, actor, person_id, NOTHING_TO_WITHDRAW, OFFER_REASONS[1])


def _clear_offer(
    ledger: Ledger, actor: Actor, person_id: str, none_said: str, reason: str
) -> ChangeSet:
    """The person's offer cleared, with `reason` (`decline_move`, `withdraw_offer`);
    `none_said` (a template of the person's name) when there is none to clear."""
    person = records.get(ledger, Person, person_id)
    if not person.moving_to:
        raise ValidationFailed(said(none_said, person.name))
    with writing(ledger, actor) as writer:
        writer.update(Person, person.id, {"moving_to": None, "change_reason": reason})
    return writer.changes.with_id(person.id)
