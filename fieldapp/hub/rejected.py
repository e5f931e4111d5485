"""The county's review of held changes: list them, accept one as the county's own change, or
dismiss it with a reason (`fieldapp hub rejected`).

A held change was refused by the trust rules when it arrived (`fieldapp.sync.intake`); it was
never applied nor forwarded. Accepting it writes its values as a change of the hub itself,
author ``审核人（接受 原修改人@设备）@中心`` so both names stay on record, after the rules
have looked at it once more as the county (a malformed value or an impossible claim step
cannot be accepted by anyone, only dismissed). Either decision is reported to the device in
its next answer. A claim or batch the county's change makes keeps the number its device
printed: the change carries the key of the change the device made it with (`HELD_KEY`), which
every ledger takes as the row's creating key (`store.projector.creating_key`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from fieldapp.domain.claims import batch_name
from fieldapp.domain.dates import china_iso, china_minute, vouched_today
from fieldapp.domain.numbers import HELD_KEY, row_number
from fieldapp.domain.places_said import UNKNOWN_PLACE, Places, PlaceWording, say_place
from fieldapp.domain.roles import HUB_ACCOUNT_SAID, Role, said_to_devices
from fieldapp.domain.sentences import (
    OWNED,
    Day,
    Part,
    Sentence,
    Word,
    said,
    saying,
    sentence_data,
    sentence_or_none,
    template,
)
from fieldapp.policy.eligibility import claim_not_yet_due
from fieldapp.reference import divisions
from fieldapp.services.change_said import (
    PLACES,
    facts_opened,
    field_said,
    record_said,
    said_by_area,
    value_said,
    values_said,
)
from fieldapp.services.trust import (
    AREA,
    HUB_TABLES,
    LINKS,
    NUMBERED,
    RULES,
    Actor,
    Proposal,
    check,
    hub_kept,
    printable,
    row_id_taken,
    table_name,
)
from fieldapp.services.trust_check import (
    SIGNED_RULES,
    asks_due,
    asks_policy,
    context_for,
    made_out_of_time,
    named_actor,
    policy_judge,
)
from fieldapp.store import replica
from fieldapp.store.held import (
    ACCEPTED,
    DISMISSED,
    HELD,
    HeldChange,
    HeldChanges,
    logged_rows,
    logged_tables,
)
from fieldapp.store.hlc import parse_stamp
from fieldapp.store.places import PlaceFinder
from fieldapp.store.queries.areas import listed_places
from fieldapp.store.queries.claims import ClaimQueries
from fieldapp.sync.errors import SyncError

if TYPE_CHECKING:
    from fieldapp.hub.folder import Hub
    from fieldapp.store.hlc import HybridClock

STATUS_LABELS = {HELD: "待审核", ACCEPTED: "已接受", DISMISSED: "不予采纳"}


@dataclass(frozen=True)
class Hints:
    """What a refusal tells the reviewer to do next, in the words of where they decide: each a
    template of no parts (`hint`), so a county desktop in English says it in English."""

    listing: str
    dismissing: str
    reason: str
    #: The command line names a held change by its number; the desktop's table shows none.
    numbered: bool = True
    #: Told to a county device over HTTP: the hub computer's login account is not named
    #: (`roles.said_to_devices`).
    remote: bool = False

    def which(self, held_id: int) -> Sentence:
        """How a message names the held change."""
        return said(HELD_NUMBERED, str(held_id)) if self.numbered else said(THIS_HELD)


#: How a refusal of a decision names the held change: by its number (the command line) …
HELD_NUMBERED = template("第 %1 条")
#: … or as the one chosen (the county desktop's table shows no numbers).
THIS_HELD = template("这条修改")


def hint(text: str) -> Part:
    """A hint (`Hints`' words, a template of no parts) as a sentence's part; '' for none."""
    return said(text) if text else ""


#: `fieldapp hub rejected` on the hub's own command line.
CLI = Hints(
    template("（fieldapp hub rejected 列出全部）"),
    template("（--dismiss … --reason …）"),
    template("（--reason）"),
)
#: A county office's desktop (`GET/POST /v1/held…`): its buttons, never a command.
DESKTOP = Hints(
    template("（点「从中心刷新」看最新的列表）"),
    template("（点「不予采纳…」并写明原因）"),
    "",
    numbered=False,
    remote=True,
)

#: Why a decision on a held change was refused (`accept`, `dismiss`): as sentences, so a county
#: desktop in English says them in English (the hub sends each beside its text, `reason_said`).
#: The hint (%2, %4: `Hints`) says what to do instead where the reviewer decides.
NO_SUCH_HELD = template("没有编号为 %1 的未接受修改%2")
NOT_AT_THE_HUB = template("中心没有这条未接受修改%1")
#: Decided already: by whom (%2) and when (%3, China time to the minute).
ACCEPTED_ALREADY = template("%1已处理（已接受，%2 %3）")
DISMISSED_ALREADY = template("%1已处理（不予采纳，%2 %3）")
DECIDED_ALREADY = {ACCEPTED: ACCEPTED_ALREADY, DISMISSED: DISMISSED_ALREADY}
#: … decided in a way this program does not know (a status a later program or a hand edit
#: wrote, %2 as the row has it), by whom (%3) and when (%4).
DECIDED_OTHERWISE = template("%1已处理（%2，%3 %4）")
#: Decided on a hub without users, as a county device is told it (`roles.said_to_devices`).
HUB_ACCOUNT = template(HUB_ACCOUNT_SAID)
DAMAGED_HELD = template("%1在中心台账里已损坏（修改的内容读不出来），不能接受。只能不予采纳%2")
#: The held change (%1), whose record (%2), why the rules refuse it (%3), the hint (%4).
CANNOT_ACCEPT = template("%1（%2）不能接受：%3。只能不予采纳%4")
NOT_YET_ACCEPTED = template("%1（%2）现在不能接受：%3。也可以不予采纳%4")
REASON_REQUIRED = template("不予采纳必须写明原因%1，设备上会看到")


def _why(reason: str, sentence: Sentence | None) -> Part:
    """A rule's reason as a part: its sentence where it says the reason as shown
    (`sentences.saying`, the one check of a sentence beside its text), else text."""
    shown = printable(reason)
    return saying(shown, sentence) or shown


def as_item(held: HeldChange) -> dict[str, Any]:
    """One held change as `hub rejected --json` lists it."""
    change = held.change
    return {
        "id": held.id,
        "device": held.device,
        "author": change.author,
        "table": change.tbl,
        "table_label": table_name(change.tbl),
        "row_id": change.row_id,
        "fields": sorted(change.data),
        "values": dict(change.data),
        "rule": held.rule,
        "rule_label": RULES.get(held.rule, held.rule),
        "reason": held.reason,
        # Its reason as its sentence (template and parts), where the hub kept one and it still
        # reads: a desktop or a script in English says it in English (null: the text stands).
        "reason_said": reason_said_of(held),
        "received_at": held.received_at,
        "status": held.status,
        "status_label": STATUS_LABELS.get(held.status, held.status),
        "decided_at": held.decided_at,
        "decided_by": held.decided_by,
        "decision": held.decision,
        "applied_change": held.applied_change,
        "change_id": held.change_id,
        "damaged": held.damaged,
        # The same times in China time (ISO, +08:00): the hub's clock may keep UTC, and a
        # county desktop reading them over HTTP cannot know its zone.
        "received_at_china": china_iso(held.received_at) or None,
        "decided_at_china": china_iso(held.decided_at) or None,
    }


def reason_said_of(held: HeldChange) -> object:
    """A held change's reason as JSON's template and parts, read back as the desktop reads
    it (`sentences.sentence_or_none`): None when it kept none, or one that no longer reads
    (a hand edit, a template this program has dropped) — never a sentence it did not make."""
    said = sentence_or_none(held.reason_said)
    return None if said is None else sentence_data(said)


def subject(hub: Hub, held: HeldChange) -> str:
    """Who or what a held change is about, as the clerk knows it: the person's name (of the
    row, or of the person the row belongs to), a household's address, an area's name, a
    batch's title; the values the change itself sets when the hub has no such row yet; else
    '' (never its row id: the values the change sets say what it is)."""
    change, ledger = held.change, hub.ledger
    row = ledger.get(change.tbl, change.row_id) or {}
    values = {**change.data, **{k: v for k, v in row.items() if v not in (None, "")}}
    if change.tbl != "persons" and values.get("person_id"):
        person = ledger.get("persons", str(values["person_id"])) or {}
        if person.get("name"):
            return f"「{_short(person['name'])}」"
    for key in ("name", "address", "code", "title"):
        if isinstance(values.get(key), str) and _named(key, values[key]):
            return f"「{_short(_named(key, values[key]))}」"
    return ""


def _named(key: str, value: str) -> str:
    """A row's naming field as said: a batch's title without the stale head count an older
    batch was titled with (`claims.batch_name`, as its papers say it)."""
    return (batch_name(value) if key == "title" else value).strip()


#: Names a row (table, row id) as the clerk knows it: 「赵六」, 「一组」; '' when unknown.
RowNames = Callable[[str, str], str]
#: An area's code as a sentence's part (`places_said.place_part` with the hub's tables).
PlaceParts = Callable[[str], Part]


def row_names(hub: Hub, held: Iterable[HeldChange] = ()) -> RowNames:
    """Names the row another field points at (a person's household, a claim's person…): by the
    hub's row, else by what a held change (`held`: the ones listed with it, e.g. the household
    held in the same bundle as its people) sets on it."""
    waiting: dict[str, dict[str, Any]] = {}
    for each in held:
        waiting.setdefault(each.change.row_id, {}).update(each.change.data)

    def name(table: str, row_id: str) -> str:
        row = hub.ledger.get(table, row_id) or {}
        values = {
            **waiting.get(row_id, {}),
            **{k: v for k, v in row.items() if v not in (None, "")},
        }
        for key in ("name", "address", "title"):
            if isinstance(values.get(key), str) and _named(key, values[key]):
                return f"「{_short(_named(key, values[key]))}」"
        return ""

    return name


#: The fields that point at another row (`trust.LINKS`): shown by what that row is, never by
#: its internal id.
_ROW_FIELDS = {field: table for links in LINKS.values() for field, table in links if table != AREA}


def describe(
    held: HeldChange,
    about: str | None = None,
    places: Places | None = None,
    rows: RowNames | None = None,
    numbered: bool = True,
) -> str:
    """One line for people: what, by whom, why not accepted (the reason whole: it is the
    explanation the clerk decides on), what was decided; `about` names the row as the clerk
    knows it (`subject`); `places` (`say_place`, `PlaceWording.SENTENCE`: as the reason names them)
    names the areas the change sets, `rows` (`row_names`) the rows it points at. `numbered`: led by the held
    change's number, as the command line names it (not on the desktop, which shows none)."""
    change = held.change
    number = f"{held.id}. " if numbered else ""
    line = (
        f"{number}[{STATUS_LABELS.get(held.status, held.status)}] {held.device} "
        f"{printable(change.author)}：{content(held, about, places, rows)}"
        f"——原因：{printable(held.reason)}（{china_minute(held.received_at)}）"
    )
    if held.status != HELD:
        line += f"；{held.decided_by} 于 {china_minute(held.decided_at)}：{held.decision or ''}"
    return line


def content(
    held: HeldChange,
    about: str | None = None,
    places: Places | None = None,
    rows: RowNames | None = None,
) -> str:
    """What a held change sets, on whose record, as the village's list says it
    (`services.change_said`): ``张三的人员信息（联系电话为“139…”，户主为空，脱贫户为“否”）``,
    ``区域“七星关区”（县）``; `about` (`subject`) names the record, `places` (`say_place`,
    `PlaceWording.SENTENCE`) the areas it sets (所在区域为“碧阳街道 大坝村”; one the hub does
    not list as the reason says it: 所在区域为“七星关区梨树镇的一个村”), `rows` (`row_names`)
    the rows it points at (所属户为“一组”). No “=”, no area codes, no ids."""
    return content_of(content_said(held, about, places, rows))


def content_said(
    held: HeldChange,
    about: str | None = None,
    places: Places | None = None,
    rows: RowNames | None = None,
    parts: PlaceParts | None = None,
) -> dict[str, Any]:
    """`content` in pieces, for a desktop to say in the language it shows (the held list's
    ``content_said``): the record (``table``, ``whose``, ``level``, ``deleted``), whether it is
    ``damaged``, and each field it sets as ``[key, its name, the value shown]`` (None: emptied).
    The names are the program's (translated there), the values people's (said as typed).

    ``values_said`` (with `parts`): a place the hub lists only above it, or not at all, as
    the sentence its Chinese value is (七星关区梨树镇的一个村: a village in 七星关区梨树镇 in
    the English window), by key; apart from the fields, which a desktop before it unpacks
    as three."""
    change = held.change
    whose, level = _whose(held, about, places)
    fields = [
        (k, field_said(k, change.tbl), _value(k, v, places, rows))
        for k, v in sorted(facts_opened(change.tbl, change.data).items())
        # Another id (a claim's rule_id) says nothing to the clerk; rows it points at are
        # said by what they are.
        if k != "deleted"
        and not (k == HELD_KEY and v is None)  # every new claim's: blank
        and not (k.endswith("_id") and k not in _ROW_FIELDS)
        and not said_by_area(change.tbl, k, v, whose)
        and not _said_as_whose(k, v, whose, rows)
    ]
    as_sentences: dict[str, object] = {}
    if not held.damaged and parts is not None:
        for key, _label, value in fields:
            code = change.data.get(key)
            if key in PLACES and value is not None and isinstance(code, str):
                part = parts(code)
                if isinstance(part, Sentence):
                    as_sentences[key] = sentence_data(part)
    return {
        "table": change.tbl,
        "whose": whose,
        "level": level,
        "deleted": change.data.get("deleted") is True,
        "damaged": bool(held.damaged),
        # Each field as a list [key, its name, the value shown] (as desktops read it).
        "fields": [] if held.damaged else [list(f) for f in fields],
        "values_said": as_sentences,
    }


def content_of(said: dict[str, Any]) -> str:
    """`content_said`'s pieces as one line, in Chinese (`content`)."""
    what = record_said(said["table"], said["whose"], said["level"], said["deleted"])
    if said["damaged"]:
        return f"{what}（内容已损坏，读不出来，只能不予采纳）"
    values = values_said((label, value) for _key, label, value in said["fields"])
    return what + (f"（{values}）" if values else "")


def record(held: HeldChange, about: str | None = None, places: Places | None = None) -> str:
    """Whose record a held change is, as `content` begins: 张0的人员信息, 区域“…”（村）."""
    whose, level = _whose(held, about, places)
    return record_said(held.change.tbl, whose, level, held.change.data.get("deleted") is True)


def _whose(held: HeldChange, about: str | None, places: Places | None) -> tuple[str, str]:
    """Who or what the record is (`about`; an area by its name) and, for an area, its level."""
    change = held.change
    whose = _unquoted(about or "")
    if change.tbl != "areas":
        return whose, ""
    # The area itself by its name (its 区划代码 says nothing to people), its level beside it.
    # A village the hub does not list yet is said under the deepest level it knows, its name
    # beside it (七星关区梨树镇 新寨村, not 七星关区梨树镇的一个村 新寨村).
    code = change.data.get("code") or change.row_id
    named = places(str(code), wording=PlaceWording.SHORT) if places is not None and code else ""
    name = _short(change.data.get("name") or "")
    if name and not named.endswith(name):
        named = f"{named} {name}" if named else name
    return named or whose, printable(change.data.get("kind") or "")


def _said_as_whose(key: str, value: object, whose: str, rows: RowNames | None) -> bool:
    """A link to the row the line is already about (a claim's person: 张0的补贴申领)."""
    if key not in _ROW_FIELDS or not isinstance(value, str) or rows is None or not whose:
        return False
    return _unquoted(rows(_ROW_FIELDS[key], value)) == whose


def _unquoted(about: str) -> str:
    """A name as `subject` gives it (「张三」), without the clerk's brackets: the line says it as
    the village's does (张三的人员信息)."""
    return about[1:-1] if about.startswith("「") and about.endswith("」") else about


def _value(
    key: str, value: object, places: Places | None, rows: RowNames | None = None
) -> str | None:
    """A value as the line shows it, in the clerk's words (`change_said.value_said`): None for
    an emptied field (said 为空), an area's code by the area's name, another row by what it is
    (一组), never its id; an area the hub knows nothing of as such, not by its code (its code
    only when `places` is not given)."""
    if value is None or value == "":
        return None
    if key in PLACES and isinstance(value, str) and places is not None:
        # As the hub's reason names it (`trust`: 七星关区梨树镇的一个村), one way to say a place.
        return places(value, wording=PlaceWording.SENTENCE) or UNKNOWN_PLACE
    if key in _ROW_FIELDS and isinstance(value, str):
        named = rows(_ROW_FIELDS[key], value) if rows is not None else ""
        return _unquoted(named) or f"中心还没有的{table_name(_ROW_FIELDS[key])}"
    return _clipped(value_said(value, key))


def _clipped(value: object, longest: int = 60) -> str:
    """A value as one line shows it, cut short (`--json` has it whole)."""
    text = printable(value)
    return text if len(text) <= longest else f"{text[: longest - 1]}…（共 {len(text)} 字）"


def _short(text: object, longest: int = 30) -> str:
    shown = printable(text)
    return shown if len(shown) <= longest else shown[: longest - 1] + "…"


#: Whose record a held change is, where a name says it (%1) and its table's word (%2, a
#: `Word`): 张0的人员信息 — said in the language shown (an area, a batch, a deletion, a record
#: nothing names: as the list's text). The policy's 张0的补贴申领 (`sentences.OWNED`).
RECORD_OF = OWNED


def _record_of(hub: Hub, held: HeldChange) -> Part:
    """Whose record a held change is, as its line in the list names it (`record`): 张0的人员信息,
    区域“七星关区梨树镇 新寨村”（村）; the record's kind alone when nothing names it, never its id.
    A person's or household's by its name as a sentence (`RECORD_OF`), where its Chinese is
    that text; else the text."""
    places = partial(
        say_place,
        table=divisions(),
        listed=listed_places(hub.ledger),
        wording=PlaceWording.SENTENCE,
    )
    whose, level = _whose(held, subject(hub, held), places)  # (once: `record` would again)
    change = held.change
    text = record_said(change.tbl, whose, level, change.data.get("deleted") is True)
    name = table_name(change.tbl)
    if whose and text == f"{whose}的{name}":
        return said(RECORD_OF, whose, Word(name, common=True))
    return text


def listing(hub: Hub, status: str | None = None) -> list[HeldChange]:
    """Held changes of every device, oldest first (of one status when given)."""
    return HeldChanges(hub.ledger.db).list(status=status)


def _waiting(store: HeldChanges, held_id: int, hints: Hints) -> HeldChange:
    held = store.get(held_id)
    if held is None:
        if hints.numbered:
            raise SyncError(said(NO_SUCH_HELD, str(held_id), hint(hints.listing)))
        raise SyncError(said(NOT_AT_THE_HUB, hint(hints.listing)))
    if held.status != HELD:
        by = said_to_devices(held.decided_by) if hints.remote else held.decided_by
        when = china_minute(held.decided_at)
        decided = DECIDED_ALREADY.get(held.status)
        who: Part = said(HUB_ACCOUNT) if by == HUB_ACCOUNT_SAID else str(by)
        if decided is None:  # a status this program does not know: said as it is
            label = STATUS_LABELS.get(held.status, held.status)
            raise SyncError(said(DECIDED_OTHERWISE, hints.which(held_id), label, who, when))
        raise SyncError(said(decided, hints.which(held_id), who, when))
    return held


def accept(
    hub: Hub, held_id: int, reviewer: str, reason: str = "", *, hints: Hints = CLI
) -> HeldChange:
    """Apply a held change as the county's own change (see the module docstring)."""
    ledger = hub.ledger
    with hub.lock, ledger.transaction():
        store = HeldChanges(ledger.db)
        held = _waiting(store, held_id, hints)
        change = held.change
        if held.damaged:
            raise SyncError(said(DAMAGED_HELD, hints.which(held_id), hint(hints.dismissing)))
        fields = {t: frozenset(f) for t, f in replica.data_columns(ledger.db).items()}
        finder = PlaceFinder(ledger.db, LINKS)
        context = context_for(
            finder, change.tbl, change.row_id, change.data, fields.get(change.tbl)
        )
        county = named_actor(ledger, Role.HUB, None, hub.identity.name)
        verdict = check(county, Proposal(change.tbl, change.row_id, change.data), context)
        if verdict.allowed and change.tbl in HUB_TABLES:
            # The packs change by publishing only: accepted, a device's change of one would be
            # written as the hub's (a county device may accept its own held change).
            verdict = hub_kept(change.tbl)
        taken = logged_tables(ledger.db, [change.row_id]).get(change.row_id, set())
        if verdict.allowed and taken - {change.tbl}:
            # An id names one row, the county's too: another table's row under it would travel
            # with this one to every device holding either (`trust.row_id_taken`).
            verdict = row_id_taken(change.tbl, min(taken - {change.tbl}))
        if not verdict.allowed:
            raise _not_accepted(hub, held, hints, _why(verdict.reason, verdict.said))
        vouched = _vouched(hub)
        # What its sender may not do, beyond the reason the county was told and accepts it
        # over: held for the first rule that refused it (its signature, its place, a row the
        # hub did not hold yet), a rule judged after it never spoke — a claim stepped past the
        # township's review, written as the county's own once the family it waited on was
        # accepted ("接受了它，这条也可以接受"), or another village's account signed "王芳".
        untold = _untold(hub, held, vouched)
        if untold:
            raise _not_accepted(hub, held, hints, untold)
        day = vouched_today(vouched)
        early = (
            _not_yet_due(finder.row(change.tbl, change.row_id), change.data, day)
            if asks_due(change.tbl, change.data, context.exists)
            else None
        )
        if early is not None:
            raise _not_accepted(hub, held, hints, early, NOT_YET_ACCEPTED)
        beyond = _beyond_policy(hub, held, finder)
        if beyond:
            raise _not_accepted(hub, held, hints, beyond)
        _follow(ledger.clock, held, ledger.get(change.tbl, change.row_id), vouched)
        previous = ledger.author
        # Recorded as 审核人（接受 原修改人@设备）@中心: both names stay with the change.
        ledger.author = f"{reviewer}（接受 {printable(change.author)}）"
        try:
            if context.exists:
                made = ledger.update(change.tbl, change.row_id, dict(change.data))
                applied = made.id if made is not None else None
            else:
                data = dict(change.data)
                kept = _kept_key(hub, store, held, day) if change.tbl in NUMBERED else None
                if kept is not None:
                    data[HELD_KEY] = kept  # the row keeps the number its device printed
                ledger.insert(change.tbl, data, change.row_id)
                applied = f"{ledger.device_id}:{replica.max_seq(ledger.db, ledger.device_id)}"
        finally:
            ledger.author = previous
        store.decide(held_id, ACCEPTED, reviewer, reason.strip() or "接受", applied)
        found = store.get(held_id)
    assert found is not None
    return found


def _follow(
    clock: HybridClock, held: HeldChange, row: Mapping[str, Any] | None, vouched: int | None
) -> None:
    """The hub's `clock` moved past the held change's stamp and the row's (`_ckey`, `_ukey`)
    before it stamps the county's accepting change: a village's change it held is stamped by
    the village's clock, and while the hub's is behind (reset a year back) the county's change
    would be older — it would not keep the number the village printed (`creating_key` keeps the
    least key), and lose to the village's on every field. As any stamp it takes, one followed
    only within a day of its clock, or of the time its devices vouch for while it doubts its
    clock as behind (`vouched`, `own_clock.vouched`): a stamp further ahead moves it not."""
    keys = [held.change.hlc, *(str(row.get(k) or "") for k in ("_ckey", "_ukey") if row)]
    for stamp in (k.split("/", 1)[0] for k in keys):
        try:
            parse_stamp(stamp)  # one reading of a stamp: what the clock reads, or nothing
        except ValueError:
            continue  # a row's missing key, a stored stamp no clock reads
        clock.observe(stamp, vouched or 0)


def _kept_key(hub: Hub, store: HeldChanges, held: HeldChange, day: dt.date) -> str | None:
    """The key of the change the device made the held claim's (batch's) row with, which the
    county's accepting change keeps so the row keeps the number the device printed; None when
    it is not the device's own to keep: a change-log id forged as another's, a number some
    row already has, or (a claim) a making stamp before its claim date, which the hub's
    intake refuses (`claim_made`; judged by the hub's `day`, `dates.vouched_today`): then the row is
    numbered by the county's change, as any.

    A making stamp further ahead than the hub's clock follows (`_follow`; held as
    `numbered_ahead`, or the village's date set wrong) is not kept as the row's creating stamp:
    every later change of the row would be stamped before it (`numbered_first` until that
    day; a year 2100 stamp, for ever), and the county's change, stamped before it, would be
    the row's first — its number the county's. The number is the change id's (the device and
    its count), not the stamp's: the key kept is that change id at the hub's stamp of now,
    just before the accepting change's own."""
    key = store.first_key(held)
    number = row_number(key)
    if key is None or not number:
        return None
    stamp, _, change_id = key.partition("/")
    if logged_rows(hub.ledger.db, [change_id]) or ClaimQueries(hub.ledger).by_number(number):
        return None
    if held.change.tbl == "claims" and not made_out_of_time(stamp, held.change.data, day).allowed:
        return None
    clock = hub.ledger.clock
    try:
        ahead = parse_stamp(stamp) > parse_stamp(clock.last)
    except ValueError:
        ahead = True  # no clock reads it: no stamp of a row either
    return f"{clock.now()}/{change_id}" if ahead else key


def _not_accepted(
    hub: Hub, held: HeldChange, hints: Hints, why: Part, way: str = CANNOT_ACCEPT
) -> SyncError:
    """The refusal of `accept` for `why`: the held change as the reviewer's place names it,
    whose record it is (`_record_of`), why, and how to dismiss it instead — `way` says whether
    only that is left (`CANNOT_ACCEPT`) or it may be accepted later (`NOT_YET_ACCEPTED`)."""
    which, record_of = hints.which(held.id), _record_of(hub, held)
    return SyncError(said(way, which, record_of, why, hint(hints.dismissing)))


def _beyond_policy(hub: Hub, held: HeldChange, finder: PlaceFinder) -> Part:
    """Why the county's policy refuses a held claim's change (`policy_judge`: more than the
    standard, a subsidy the policy does not hold, a job the ledger lacks, a one-time subsidy
    claimed again), as its arrival would have judged it had no other rule held it first —
    accepting it makes it the county's own, and the county's review steps judge no amount.
    '' when the policy lets it in, or judges none of it. Its sentence where the policy made
    it of one (`_why`: a county desktop in English says it in English), else its text."""
    change = held.change
    peer = hub.state.peer(held.device)
    # Judged as from its sender, as on arrival (`admit`): a village's (township's) step passing
    # a claim on is the policy's, the county's own steps are not; repeats are judged but for
    # the county's own devices' claims. A device the hub no longer knows counts as a village's.
    sender = (
        Actor(peer.device_role, peer.area_code)
        if peer is not None
        else Actor(Role.COORDINATOR, None)
    )
    if not asks_policy(sender, change.tbl, change.data):
        return ""
    row = {**(finder.row(change.tbl, change.row_id) or {}), **change.data}
    if row.get("deleted"):
        return ""
    verdict = policy_judge(hub.ledger, repeats=not sender.county_level)(
        change.row_id, row, finder.row
    )
    return "" if verdict.allowed else _why(verdict.reason, verdict.said)


def _untold(hub: Hub, held: HeldChange, vouched: int | None) -> Part:
    """Why its sender's rules refuse a held change for a rule the county was not told, as its
    arrival would judge it now (`intake.judged`: the rows it waited on accepted since, its
    place known); '' when they allow it or refuse it only as it was held (`held.rule`, and
    those of its kind: where it lies, its days; how it is signed, the hub's clock) — or the hub no
    longer knows the device (its role and area unknown).
    (`tests/sync/test_hostile_signature_first.py`)"""
    from fieldapp.sync import intake

    peer = hub.state.peer(held.device)
    if peer is None:
        return ""
    told = {held.rule} | SIGNED_RULES | CLOCK_RULES
    for kind in (PLACED_RULES, DATED_RULES):
        if held.rule in kind:
            told |= kind
    _, kept = intake.judged(hub.ledger, hub.state, peer, [held.change], vouched_ms=vouched)
    for refusal in kept:
        if refusal.verdict.rule not in told:
            return _why(refusal.verdict.reason, refusal.verdict.said)
    return ""


def _vouched(hub: Hub) -> int | None:
    """The time the hub's devices' changes vouch for while it doubts its clock as behind
    (`own_clock.vouched`), else None."""
    from fieldapp.hub import own_clock

    return own_clock.vouched(hub.ledger)


#: Why a held claim cannot be accepted yet (`_not_yet_due`): its claim date (%1, a `Day`),
#: the hub's day (%2).
NOT_DUE_YET = template("申领日期%1还没有到（中心今天是%2），补贴不能预先发放；从%1起才能接受")


def _not_yet_due(
    before: Mapping[str, Any] | None, data: Mapping[str, Any], on: dt.date
) -> Sentence | None:
    """Why a held claim (`before` as the hub has it, `data` its change) cannot be accepted on
    the hub's day `on` (`dates.vouched_today`): dated after it, accepting would pay for work not yet done
    all the same (`claim_future`); it may be accepted from its claim date. None when it may be
    now."""
    row = {**(before or {}), **data}
    if row.get("deleted"):
        return None
    if claim_not_yet_due(row, on, "中心今天") is None:
        return None
    due = Day(dt.date.fromisoformat(str(row.get("claim_date"))))  # as claim_not_yet_due read it
    return said(NOT_DUE_YET, due, Day(on))


#: `rejudge` refused while the hub doubts its clock as ahead: why it doubts it (%1,
#: `own_clock.Doubt.sentence`).
NOT_REJUDGED_AHEAD = template("%1。改对之前不能按中心的时钟重新核对")

#: The decision recorded on a held change `rejudge` accepts (the device sees it): kept as its
#: Chinese, as every decision is (a reviewer's own words are), and said in the language shown
#: where a window reads it back (`decision_said`).
REJUDGED = template("中心电脑的时钟改对后按同样的规定重新核对：可以收下，接受")
#: The decisions the program itself records (the rest are a reviewer's words).
PROGRAM_DECISIONS = frozenset({REJUDGED})


def decision_said(decision: str) -> Part:
    """A held change's recorded decision as a window says it: one the program records
    (`PROGRAM_DECISIONS`) as its sentence, in the language shown; a reviewer's own words as
    they wrote them."""
    return said(decision) if decision in PROGRAM_DECISIONS else decision


#: The rules that hold a change by the hub's clock: stamped ahead of it, a claim or batch made
#: ahead of it, a claim dated after the day it arrived.
CLOCK_RULES = frozenset({"stamped_ahead", "numbered_ahead", "claim_future"})
#: The held changes `rejudge` judges again: those held by the hub's clock, and those that
#: could not be placed (the household or person they belong to was held with them).
REJUDGED_RULES = CLOCK_RULES | {"no_place"}

#: The rules of where a row lies (in the sender's scope, pulled in, hung on a row elsewhere,
#: waiting for its place): the county accepting one of them decides the place of the rest.
PLACED_RULES = frozenset({"scope", "pull_in", "link_scope", "move_in", "no_place", "partial_row"})
#: … and of its days (a stamp, a claim's day, its 申请日期 against it): a claim held as not yet
#: due is, once due, one applied for before its day, which the county accepts it over.
DATED_RULES = CLOCK_RULES | {"claim_made"}


@dataclass(frozen=True)
class Rejudged:
    """What `rejudge` did: the held changes it accepted; those held by the hub's clock that
    its rules still hold so; those the rules now hold for another reason, or the county's review
    cannot accept (held id → why); those still waiting for a place (`no_place`: the household
    or person they belong to is still held, 等位置的). All but the first stay held."""

    accepted: list[int]
    still_ahead: list[int]
    refused: dict[int, str]
    waiting: list[int] = field(default_factory=list)
    #: Of `refused`, the reasons the rules made of a sentence (held id → it), which a window
    #: says in its language; a refusal to accept is said as text only.
    refused_said: dict[int, Sentence] = field(default_factory=dict)

    @property
    def kept(self) -> int:
        """How many stay held: every one it judged but did not accept."""
        return len(self.still_ahead) + len(self.refused) + len(self.waiting)


def rejudge(hub: Hub, reviewer: str) -> Rejudged:
    """After the hub's clock is put right: the changes it held by its clock (`CLOCK_RULES`:
    stamped ahead of it, a claim dated after the day it arrived) — with the ones that waited on them for a place (`no_place`: a
    family's people, held with their household) — judged again by the same rules now, as from
    their device (`intake.judged`; against the time its devices vouch for while it still
    doubts its clock as behind, as on arrival). Those the rules clear are accepted as the
    county's, by `reviewer` (`accept`), oldest first; the rest stay held.

    Refused while the hub doubts its clock as ahead: every stamp would look in time then."""
    from fieldapp.hub import own_clock
    from fieldapp.sync import intake

    doubt = own_clock.check(hub.ledger)
    if doubt is not None and doubt.days > 0:
        raise SyncError(said(NOT_REJUDGED_AHEAD, doubt.sentence))
    store = HeldChanges(hub.ledger.db)
    accepted: list[int] = []
    still: list[int] = []
    refused: dict[int, str] = {}
    refused_said: dict[int, Sentence] = {}
    places: list[int] = []  # still waiting for a place
    with hub.lock:
        vouched = own_clock.vouched(hub.ledger)
        waiting = [h for h in store.list(status=HELD) if h.rule in REJUDGED_RULES and not h.damaged]
        cleared: list[int] = []
        by_device: dict[str, list[HeldChange]] = {}
        for h in waiting:
            by_device.setdefault(h.device, []).append(h)
        for device, mine in by_device.items():
            peer = hub.state.peer(device)
            if peer is None or peer.revoked_at:
                still.extend(h.id for h in mine if h.rule in CLOCK_RULES)
                places.extend(h.id for h in mine if h.rule not in CLOCK_RULES)
                continue
            held_of = {h.change.id: h for h in mine}
            allowed, kept = intake.judged(
                hub.ledger, hub.state, peer, [h.change for h in mine], vouched_ms=vouched
            )
            cleared.extend(held_of[c.id].id for c in allowed)
            for refusal in kept:
                held = held_of[refusal.change.id]
                if refusal.verdict.rule == "no_place":
                    places.append(held.id)  # still waits for a place
                elif refusal.verdict.rule in CLOCK_RULES:
                    still.append(held.id)
                else:
                    refused[held.id] = refusal.verdict.reason
                    if refusal.verdict.said is not None:
                        refused_said[held.id] = refusal.verdict.said
        for held_id in sorted(cleared):
            try:
                accept(hub, held_id, reviewer, REJUDGED)  # (a template: its Chinese)
            except SyncError as error:
                refused[held_id] = str(error)
                if error.said is not None:  # (its sentence: the desktop says it in English)
                    refused_said[held_id] = error.said
                continue
            accepted.append(held_id)
    return Rejudged(accepted, sorted(still), refused, sorted(places), refused_said)


def dismiss(
    hub: Hub, held_id: int, reviewer: str, reason: str, *, hints: Hints = CLI
) -> HeldChange:
    """Decide not to take a held change, with a reason the device is told."""
    if not reason.strip():
        raise SyncError(said(REASON_REQUIRED, hint(hints.reason)))
    with hub.lock, hub.ledger.transaction():
        store = HeldChanges(hub.ledger.db)
        _waiting(store, held_id, hints)
        store.decide(held_id, DISMISSED, reviewer, reason.strip())
        found = store.get(held_id)
    assert found is not None
    return found
