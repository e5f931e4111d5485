"""Persons: adding, editing and deleting people, with the ledger's entry rules.

The entry rules that need the ledger live here: an ID number already in the ledger is refused
(naming the existing person and their place); the same name and birth date under another ID is
a warning the user confirms (`NeedsConfirmation`, then `confirmed=True`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import TYPE_CHECKING

from fieldapp.domain import account as accounts
from fieldapp.domain import idnumber
from fieldapp.domain import phone as phones
from fieldapp.domain.account import account_said
from fieldapp.domain.dates import today as china_today
from fieldapp.domain.enums import Category, Relation
from fieldapp.domain.errors import (
    DuplicateIdNumber,
    MalformedRow,
    NeedsConfirmation,
    ValidationFailed,
)
from fieldapp.domain.models import CategoryMembership, Household, Person
from fieldapp.domain.phone import phones_said
from fieldapp.domain.sentences import SEMICOLONED, Part, Sentence, Word, listed, said, template
from fieldapp.services.changes import ChangeSet
from fieldapp.services.writer import Actor, Writer, writing
from fieldapp.store.queries import Source, records

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger


def _row(ledger: Ledger, person_id: str) -> tuple[Person | None, list[str]]:
    """A person's row as the ledger holds it and the fields of it the model refuses (an older
    program's): (the person, []) when it reads; (None, those fields) when it does not — this
    save corrects it, its fields checked as typed; (None, []) for a new person or a row gone.
    One read for the checks, the tidying and the correction of a save."""
    try:
        return (records.find(ledger, Person, person_id) if person_id else None), []
    except MalformedRow as error:
        return None, list(error.fields)


def _holder(ledger: Ledger, number: str, own_id: str) -> Person | None:
    """The live person holding an ID number, for the duplicate check of `own_id`'s save: its
    own unreadable stored row is no duplicate (saving corrects it); another person's is
    refused with what is wrong with it (`MalformedRow`): the number is taken."""
    try:
        return records.person_by_id_number(ledger, number)
    except MalformedRow as error:
        if own_id and error.row_id == own_id:
            return None
        raise


#: Another person of the same name and birth day: confirmed before the save goes ahead (the
#: import says it of a row as a warning).
#: An ID number (%1, masked) two or more live persons of this ledger hold (%2 how many), and
#: who they are (%3: `ENTERED_BY` each, joined by ；), with what to do.
ENTERED_TWICE = template(
    "身份证号 %1 在本台账中登记了 %2 次：%3。请核对后删除重复录入的一条（删除原因选“重复录入”）"
)
#: One of them: the name, the place, who entered them (or no one known).
ENTERED_BY = template("%1（%2，%3 录入）")
ENTERED_BY_UNKNOWN = template("%1（%2，未知 录入）")
NAMESAKE = template("台账中已有同名同出生日期的人：%1，身份证号 %2（%3）。请确认不是同一人")


def household_place(source: Source, household_id: str | None) -> Part:
    """Where a household's members are registered, as a sentence's part: a place is a name,
    said as it is in every language (梨树镇 红星村 一组); 未分户, a word of the program's, is
    said in the language shown."""
    place = records.household_place(source, household_id)
    return Word(place, common=True) if place == records.NO_HOUSEHOLD else place


def namesake(source: Source, name: str, id_number: str, household_id: str | None) -> Sentence:
    """`NAMESAKE` of the person already in the ledger (their name, number and household)."""
    return said(NAMESAKE, name, id_number, household_place(source, household_id))


def _started_from(stored: Person | None, loaded: Person | None) -> Person | None:
    """What a save starts from, by which its phone and account count as typed or changed
    (`check_entry` checks them so, `save` tidies them so): what the editor loaded, while the
    row it edits (`stored`, the ledger's: `_row`) is there and reads — then only what changed
    from it is written; else that row; None for a new person, a row gone or unreadable (every
    field checked and kept as typed)."""
    if loaded is not None and stored is not None and loaded.id == stored.id:
        return loaded
    return stored


def entered(person: Person, kept: Person | None) -> Person:
    """`person` with its phone and account as the editor and the import keep them typed
    (`domain.phone.entered`, `domain.account.entered`): digits, spaces and hyphens dropped,
    those `kept` (the ledger's, or as an editor loaded them) left as they are."""
    return person.model_copy(
        update={
            "phone": phones.entered(person.phone, kept.phone if kept else None),
            "account_number": accounts.entered(
                person.account_number, kept.account_number if kept else None
            ),
        }
    )


def check_entry(
    ledger: Ledger, person: Person, *, confirmed: bool = False, loaded: Person | None = None
) -> list[str | Sentence]:
    """The entry rules; raises DuplicateIdNumber / NeedsConfirmation, returns warnings, each
    a sentence to say in the language shown.

    A phone or an account typed or changed must be a real number (`phones_said`,
    `account_said`); ValidationFailed names what is wrong. Changed from `loaded` (the person
    as an editor loaded them) when given, else from the ledger's row: another program may have
    saved the field since the editor opened, and the old value the user left is not theirs to
    correct (the save writes only what changed from `loaded`).
    """
    stored, _ = _row(ledger, person.id)
    return _checked(ledger, person, _started_from(stored, loaded), confirmed=confirmed)


def _checked(
    ledger: Ledger, person: Person, stored: Person | None, *, confirmed: bool
) -> list[str | Sentence]:
    """`check_entry` of a save starting from `stored` (`_started_from`)."""
    # A phone typed or changed now, not one inherited, as the editor decides it: an empty one
    # (blank, spaces) is no number and nothing to check.
    if phones.changed(person.phone, stored.phone if stored else None):
        # Each of several numbers (138…、0857-…), as the import and the editor check them.
        problems = phones_said(person.phone)
        if problems:
            raise ValidationFailed(problems[0])  # its sentence: said in the window's language
    # The account a subsidy is paid into, checked here too (the editor and the import check it
    # as typed; a save from elsewhere — the command line, a script — met no check): one typed or
    # changed now, not one inherited (`domain.account`: those in a ledger are left as they are).
    if accounts.changed(person.account_number, stored.account_number if stored else None):
        wrong = account_said(person.account_number)
        if wrong is not None:
            raise ValidationFailed(wrong)
    existing = _holder(ledger, person.id_number, person.id)
    if existing is not None and existing.id != person.id:
        raise DuplicateIdNumber(
            person.id_number, existing.id, existing.name, records.person_place(ledger, existing)
        )
    warnings: list[str | Sentence] = list(
        idnumber.warnings_said(idnumber.validate(person.id_number))
    )
    similar = records.namesakes(ledger, person)
    if similar:
        other = similar[0]
        message = namesake(ledger, other.name, other.id_number, other.household_id)
        if not confirmed:
            raise NeedsConfirmation(message)
        warnings.append(message)
    return warnings


def save(
    ledger: Ledger,
    actor: Actor,
    person: Person,
    *,
    categories: Collection[Category] | None = None,
    new_household: Household | None = None,
    confirmed: bool = False,
    on: dt.date | None = None,
    loaded: Person | None = None,
    loaded_categories: Collection[Category] | None = None,
) -> ChangeSet:
    """Add a person (no id yet) or save edits to one, after the entry rules; all or nothing.

    `categories` (when given) are the categories the person holds from `on` (today): new ones
    start then, dropped ones end then, history is kept. `new_household` is created first and
    the person put in it; a person who is its 户主 becomes its head. The change set's `id` is
    the person's, its `warnings` what the user should read.

    `loaded` and `loaded_categories` are the person and categories as an editor showed them:
    then only what was changed from them is written. Another program with the ledger open (a
    second copy of the app, a sync) may have saved other fields meanwhile, which the editor's
    stale values must not put back.
    """
    with writing(ledger, actor) as writer:
        if new_household is not None:
            person = person.model_copy(update={"household_id": writer.insert(new_household)})
        stored, unreadable = _row(ledger, person.id)  # read once: checked, tidied, corrected
        started = _started_from(stored, loaded)
        warnings = _checked(ledger, person, started, confirmed=confirmed)  # as typed
        # Kept as the editor and the import keep them: a script's "6217 0000 …" as digits,
        # those it started from (as `check_entry` measured them) as they are.
        person = entered(person, started)
        if loaded is not None and unreadable:
            # Its stored row corrected: the fields changed in the editor and the unreadable
            # ones (chosen there), not the rest, which another program may have saved since.
            before = loaded.fields()
            fields = {
                k: v for k, v in person.fields().items() if k in unreadable or before.get(k) != v
            }
            writer.update(Person, person.id, fields)
            person_id = person.id
        else:
            person_id = writer.save(person, loaded)
        if categories is not None:
            wanted = set(categories)
            _hold_categories(
                writer,
                person_id,
                wanted,
                on or china_today(),
                None if loaded_categories is None else set(loaded_categories),
            )
        if new_household is not None and person.relation == Relation.HEAD:
            writer.update(Household, person.household_id or "", {"head_person_id": person_id})
    return writer.changes.with_id(person_id, warnings)


def move_out(
    ledger: Ledger, actor: Actor, person_ids: Collection[str], household: Household
) -> ChangeSet:
    """People of this device's area move to a new household elsewhere (a relocation site, a
    village in another township): the household is created there and they join it; the first
    becomes its head; a household left behind that they headed has no head now, with the
    warning `move_person` gives (`households.left_household`). A transfer: the trust rules let a device create a household outside its
    area only as the new home of people it moves out, and the hub then serves them to the
    device of the new area. The change set's `id` is the new household's.
    """
    from fieldapp.services.households import drafts_left, left_household
    from fieldapp.services.trust_check import gateway_check
    from fieldapp.store.ids import new_id

    movers = list(person_ids)
    warnings: list[Sentence] = []
    head = household.head_person_id or (movers[0] if movers else None)
    home = household.model_copy(update={"id": household.id or new_id(), "head_person_id": head})
    with writing(ledger, actor, gateway_check(ledger, transfers={home.id})) as writer:
        writer.insert(home)
        left: list[tuple[str, str, str | None]] = []
        for person_id in movers:
            moved: dict[str, object] = {"household_id": home.id}
            was = writer.ledger.get("persons", person_id) or {}
            if was.get("moving_to"):  # offered elsewhere before: moved now, withdrawn
                moved["moving_to"] = None
            name = str(was.get("name") or "")
            warnings += drafts_left(writer, person_id, name, home.area_code)
            writer.update(Person, person_id, moved)
            left.append((person_id, name, was.get("household_id")))
        for person_id, name, household_id in left:  # once all have gone: who stays behind
            warnings += left_household(writer, person_id, name, household_id)
    return writer.changes.with_id(home.id, warnings)


def _hold_categories(
    writer: Writer,
    person_id: str,
    wanted: set[Category],
    on: dt.date,
    loaded: set[Category] | None = None,
) -> None:
    """Start the wanted categories not yet held on `on`; end the held ones not wanted. With
    `loaded` (what an editor showed), only those ticked or unticked since are started or ended."""
    held = {
        m.category: m
        for m in records.person_records(writer.ledger, CategoryMembership, person_id)
        if m.holds_on(on)
    }
    start, end = wanted - set(held), set(held) - wanted
    if loaded is not None:
        start, end = start & (wanted - loaded), end & (loaded - wanted)
    for category in sorted(start):
        writer.insert(CategoryMembership(person_id=person_id, category=category, start_date=on))
    for category in sorted(end):
        writer.update(CategoryMembership, held[category].id, {"end_date": on.isoformat()})


#: Why a person leaves the ledger: asked every time, kept in the history.
DELETE_REASONS = ("迁出", "死亡", "重复录入")


def delete(ledger: Ledger, actor: Actor, person_id: str, reason: str = "") -> ChangeSet:
    """Mark a person deleted (logged, can be undone; their history stays).

    `reason` (迁出 / 死亡 / 重复录入 / the user's words) is written in the same logged change,
    so the history shows why.
    """
    with writing(ledger, actor) as writer:
        writer.update(Person, person_id, {"deleted": True, "change_reason": reason.strip()})
    return writer.changes.with_id(person_id)


def restore(ledger: Ledger, actor: Actor, person_id: str, reason: str) -> ChangeSet:
    """Undo a deletion, with the reason in the same logged change (恢复：…).

    Refused when another person now holds the same ID number (restoring would make two).
    """
    person = records.get(ledger, Person, person_id)
    holder = _holder(ledger, person.id_number, person.id)
    if holder is not None and holder.id != person.id:
        raise DuplicateIdNumber(
            person.id_number, holder.id, holder.name, records.person_place(ledger, holder)
        )
    with writing(ledger, actor) as writer:
        writer.update(
            Person, person_id, {"deleted": False, "change_reason": f"恢复：{reason.strip()}"}
        )
    return writer.changes.with_id(person_id)


def entered_twice(ledger: Ledger) -> list[Sentence]:
    """One line per ID number two live persons of this ledger hold, with what to do.

    A device cannot enter a number it already holds, but a sync can bring one: a relocation
    site types in a family from its roster, then their home village moves the same people over
    (the county's `hub violations` lists it too; here it is the device that can act on it)."""
    from fieldapp.store.replica import duplicate_id_numbers

    lines = []
    for number, ids in duplicate_id_numbers(ledger.db):
        people = [records.get(ledger, Person, i) for i in ids]
        where = listed(
            [
                said(ENTERED_BY, p.name, records.person_place(ledger, p), p.created_by)
                if p.created_by
                else said(ENTERED_BY_UNKNOWN, p.name, records.person_place(ledger, p))
                for p in people
            ],
            SEMICOLONED,
        )
        lines.append(said(ENTERED_TWICE, idnumber.mask(number), str(len(ids)), where))
    return lines
