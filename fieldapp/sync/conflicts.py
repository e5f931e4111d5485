"""Conflicts for review: both (all) values with who, when and on which device; a resolution is
an ordinary change that saw every version, so it travels to every replica like any edit."""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from fieldapp.domain.claims import batch_name
from fieldapp.domain.conflict_numbers import SHORTEST_NUMBER, long_enough, number_range, typed
from fieldapp.domain.errors import NotFound, ValidationFailed
from fieldapp.domain.labels import field_label
from fieldapp.domain.places_said import PLACE_FIELDS, Listed, PlaceWording, say_place
from fieldapp.domain.sentences import OWNED, Sentence, Word, said, template
from fieldapp.reference import divisions
from fieldapp.services.chunked import chunked
from fieldapp.services.incarnation import own_origins
from fieldapp.services.trust import AREA, LINKS, printable, table_name
from fieldapp.services.writer import Actor, Writer, actor_of, writing
from fieldapp.store import replica
from fieldapp.store.changelog import Change
from fieldapp.store.hlc import stamp_to_iso
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.areas import listed_places
from fieldapp.store.queries.history import TABLE_LABELS
from fieldapp.store.sync_state import SyncState
from fieldapp.sync.rejected import Subjects, household_said


@dataclass(frozen=True)
class ConflictValue:
    """One of the concurrent values of a field."""

    value_id: str
    value: Any
    author: str
    at: str
    device_id: str
    device: str
    shown: bool


@dataclass(frozen=True)
class Conflict:
    """A field with several concurrent values."""

    conflict_id: str
    table: str
    table_label: str
    row_id: str
    field: str
    subject: str
    values: list[ConflictValue]

    @property
    def check(self) -> str:
        """The check code of the values listed (see `check_code`)."""
        return check_code(v.value_id for v in self.values)

    @property
    def whose(self) -> str:
        """Whose which field, in the clerk's words (张三的联系电话): what every sentence about
        the conflict names it by (the conflicts page shows no number)."""
        return str(self.whose_said)

    @property
    def whose_said(self) -> Sentence:
        """`whose` as a sentence: the table's and the field's names in the language shown."""
        return said(OWNED, self.subject or Word(self.table_label), Word(field_label(self.field)))

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly form, with the check code of the values listed."""
        return asdict(self) | {"check": self.check}


def check_code(value_ids: Iterable[str]) -> str:
    """A short code of exactly these values of a conflict: `conflicts` prints it, and
    `conflicts resolve --check` refuses when the conflict's values are no longer the ones
    listed (listing and resolving are separate runs; an exchange may come in between)."""
    return hashlib.sha1("\n".join(sorted(value_ids)).encode()).hexdigest()[:6]


class ConflictGone(NotFound):
    """No conflict has this id now: resolved (here, or elsewhere and brought by an exchange),
    or the id is mistyped."""

    cli_hint = "用 fieldapp conflicts 查看现在的冲突和编号"


class ConflictChanged(NotFound):
    """A conflict's values are no longer those the person chose among (an exchange came in, or
    it was resolved elsewhere): nothing is set aside unseen."""

    cli_hint = "用 fieldapp conflicts 重新列出（每个冲突旁有新的核对码）"


def conflict_id(table: str, row_id: str, field: str) -> str:
    """A short stable id of a conflict (the same on every replica)."""
    return replica.conflict_key_id(table, row_id, field)


def conflict_ids(ledger: Ledger) -> list[str]:
    """The id of every open conflict, no value read: what the short numbers are made from."""
    return replica.conflict_ids(ledger.db)


def _subject(subjects: Subjects, table: str, row_id: str, row: dict[str, Any]) -> str:
    """Who or what the row is about, for people to recognise it: the person, the household
    (张三家, or its address) as the held-change reports say it, else the row's own name."""
    return subjects.of(table, row_id, {}) or str(
        row.get("name") or row.get("address") or batch_name(str(row.get("title") or ""))
    )


#: The fields whose value is another row's id, and the table it points into.
LINKED: dict[str, str] = {
    field: target for links in LINKS.values() for field, target in links if target != AREA
}


def is_link(table: str, field: str) -> bool:
    """True when `field` holds another row's id or an area's code: a value chosen among
    those shown, never typed (a typed text would be stored as the link)."""
    return field in LINKED or field in PLACE_FIELDS


def value_said(ledger: Ledger, table: str, field: str, value: Any) -> str:
    """A conflicting value as a coordinator reads it: 空, 是 / 否, an area by its name, another
    row by what people call it (a person by name, a household 张三家 or by its address, a
    batch by its title), never its id. Many values: `ValuesSaid`."""
    return ValuesSaid(ledger, [(field, value)])(table, field, value)


class ValuesSaid:
    """`value_said` for many values (a list of conflicts): the rows their links name and the
    households' heads read for all of them at once (a statement per table, `Subjects`), the
    ledger's places once — not two or three lookups a value shown."""

    def __init__(self, ledger: Ledger, values: Iterable[tuple[str, Any]]) -> None:
        """`values`: (field, value) of every value to be said."""
        self.ledger = ledger
        self._places: Listed | None = None
        linked: list[tuple[str, str, dict[str, Any]]] = [
            (LINKED[field], str(value), {})
            for field, value in values
            if field in LINKED and value is not None and value != "" and not isinstance(value, bool)
        ]
        self._subjects = Subjects(ledger, linked)
        self._asked = {(target, row_id) for target, row_id, _data in linked}

    def __call__(self, table: str, field: str, value: Any) -> str:
        """`value` of `field` said (`value_said`); a linked row not among the values given at
        the start is read then."""
        if value is None or value == "":
            return "（空）"
        if isinstance(value, bool):
            return "是" if value else "否"
        if isinstance(value, str) and field in PLACE_FIELDS:
            if self._places is None:
                self._places = listed_places(self.ledger)
            return say_place(value, divisions(), listed=self._places, wording=PlaceWording.SENTENCE)
        target = LINKED.get(field)
        if target is not None:
            return self._linked(target, str(value))
        if isinstance(value, (dict, list)):
            return json.dumps(value, ensure_ascii=False)
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    def _linked(self, target: str, row_id: str) -> str:
        """Another row by what people call it, never its id."""
        row = self._subjects.stored(target, row_id)
        if row is None and (target, row_id) not in self._asked:  # not given at the start
            row = self.ledger.get(target, row_id)
            if target == "households" and row:
                return household_said(self.ledger, row_id, row) or _no_address(target)
        elif target == "households" and row:
            return self._subjects.of(target, row_id, {}) or _no_address(target)
        row = row or {}
        for key in ("name", "title", "address", "employer", "month", "day"):
            value = row.get(key)
            if isinstance(value, str) and key == "title":
                value = batch_name(value)  # a batch's, without an older title's head count
            if isinstance(value, str) and value.strip():
                return printable(value)
        return f"（本机台账里没有的{table_name(target)}）"


def _no_address(target: str) -> str:
    return f"（一户，{table_name(target)}无地址）"


def list_conflicts(ledger: Ledger) -> list[Conflict]:
    """Every open conflict with its values, the shown one marked."""
    return _loaded(ledger, replica.conflict_keys(ledger.db))


def starting(ledger: Ledger, wanted: str) -> list[Conflict]:
    """The open conflicts whose number starts with `wanted` (none when it is shorter than
    `SHORTEST_NUMBER`), only those loaded with their values: matched in the store by the id's
    range (`number_range`), not every conflict loaded to compare its id."""
    if not long_enough(wanted):
        return []
    return _loaded(ledger, replica.conflict_keys_between(ledger.db, *number_range(wanted)))


def _loaded(ledger: Ledger, keys: Iterable[tuple[str, str, str]]) -> list[Conflict]:
    """The conflicts of these cells with their values, the shown one marked."""
    names = SyncState(ledger.db).origin_names()
    keys = list(keys)
    # Whose each conflict is, and the rows themselves, read for all of them at once (a
    # statement per table and few hundred rows), not up to five lookups a conflict.
    subjects = Subjects(ledger, [(table, row_id, {}) for table, row_id, _field in keys])
    # The heads are in the rows; their changes read for all the conflicts at once too (per
    # device, a statement per few hundred), not one lookup a head.
    heads = {
        (table, row_id, field): ledger.projector.heads_of(subjects.stored(table, row_id), field)
        for table, row_id, field in keys
    }
    logged = ledger.projector.load_changes(h for ids in heads.values() for h in ids)
    found = []
    for table, row_id, field in keys:
        row = subjects.stored(table, row_id) or {}
        changes = [logged[h] for h in heads[(table, row_id, field)] if h in logged]
        shown = max(changes, key=lambda c: c.key).id if changes else None
        values = [
            _value(c, field, names, c.id == shown) for c in sorted(changes, key=lambda c: c.key)
        ]
        found.append(
            Conflict(
                conflict_id(table, row_id, field),
                table,
                TABLE_LABELS.get(table, table),
                row_id,
                field,
                _subject(subjects, table, row_id, row),
                values,
            )
        )
    return found


def _value(change: Change, field: str, names: dict[str, str], shown: bool) -> ConflictValue:
    return ConflictValue(
        change.id,
        change.data.get(field),
        change.author,
        stamp_to_iso(change.hlc),
        change.device_id,
        names.get(change.device_id, change.device_id),
        shown,
    )


#: A conflict's number typed too short (%1 the fewest characters, %2 as typed, %3 its length),
#: naming none now (%1), or naming several (%1).
NUMBER_TOO_SHORT = template(
    "冲突的编号至少要写 %1 位，收到的“%2”只有 %3 位（用 fieldapp conflicts 查看编号）"
)
CONFLICT_GONE = template(
    "找不到冲突 %1：它可能已经解决（在本机，或在别的设备上、同步带来了结果），"
    "也可能编号有误；台账没有改动"
)
NUMBER_SHARED = template("编号 %1 不止对应一处冲突，请多写几位（用 fieldapp conflicts 查看编号）")
#: A new value typed for a field (%1) of yes or no, or of a number (%2 as typed).
YES_OR_NO = template("%1 只能是 是/否")
NEEDS_NUMBER = template("%1 需要数字，收到“%2”")
#: Neither or both of a value kept and a value typed (the command line's options).
KEEP_OR_VALUE = template("请用 --keep 指定保留哪个值，或用 --value 给出新值（二选一）")
#: The conflict (%1, whose which field) changed since it was listed; with the check code given
#: (%1 its number, %2 whose, %3 the code given, %4 how many values now, %5 their code).
CHANGED_SINCE = template("%1的冲突在列出之后又变了，请再看一遍")
CHECK_DIFFERS = template(
    "冲突 %1（%2）在列出之后又变了，或核对码抄错了（给的是 %3；现在有 %4 个值，核对码 %5），"
    "没有处理；请重新列出冲突，看过各个值再决定"
)
#: The value chosen to keep is no longer among the conflict's (%1 whose).
KEPT_VALUE_GONE = template(
    "%1的冲突中没有要保留的那个值（可能已被同步带来的值取代），没有处理；请重新列出冲突再决定"
)


def find_conflict(ledger: Ledger, wanted: str) -> Conflict:
    """The conflict with this id (a unique prefix of at least `SHORTEST_NUMBER` characters is
    enough); only the conflicts it names are loaded (`starting`)."""
    wanted = typed(wanted)
    if not long_enough(wanted):
        # Shorter numbers name no conflict (none is listed so short): say what to type, not
        # "not found" — a clerk who typed 3 of the 4 characters she was told looks again.
        raise NotFound(said(NUMBER_TOO_SHORT, str(SHORTEST_NUMBER), wanted, str(len(wanted))))
    matches = starting(ledger, wanted)
    if not matches:
        raise ConflictGone(said(CONFLICT_GONE, wanted))
    if len(matches) != 1:
        raise NotFound(said(NUMBER_SHARED, wanted))
    return matches[0]


def parse_value(ledger: Ledger, table: str, field: str, text: str) -> Any:
    """A typed value from the command line, by the column's type."""
    kind = replica.column_type(ledger.db, table, field)
    if field == "deleted" or kind.startswith("INT") and text in {"是", "否", "true", "false"}:
        if text.lower() in {"是", "true", "1", "已删除"}:
            return True
        if text.lower() in {"否", "false", "0"}:
            return False
        raise ValidationFailed(said(YES_OR_NO, field))
    if text == "":
        return None if kind != "TEXT" else ""
    try:
        if kind.startswith("INT"):
            return int(text)
        if kind in {"REAL", "FLOAT", "NUMERIC"}:
            return float(text)
    except ValueError:
        raise ValidationFailed(said(NEEDS_NUMBER, field, text)) from None
    return text


def resolve(
    ledger: Ledger,
    wanted: str,
    *,
    keep: str | None = None,
    value: str | None = None,
    actor: Actor | None = None,
    seen: Collection[str] | None = None,
    check: str | None = None,
    number: str | None = None,
) -> Change:
    """Resolve a conflict by keeping one value (`keep` = its value id) or giving a new one.

    The resolution is an ordinary change, written through the services' one write path; it
    sets aside every value the conflict has. `seen`: the value ids shown to whoever chose
    (the conflicts page): a value come in since (an exchange meanwhile) is not set aside
    unseen — NotFound, as when the chosen value is gone. `check`: the same for the command
    line, the check code `conflicts` printed for the values it listed (`check_code`);
    `number`: the conflict's number as `conflicts` listed it, said when the check refuses
    (else as `wanted` was typed: the whole id a script gave is not what the clerk read).
    """
    if (keep is None) == (value is None):
        raise ValidationFailed(said(KEEP_OR_VALUE))
    with writing(ledger, actor or actor_of(ledger)) as writer:
        conflict = find_conflict(ledger, wanted)
        # Said in the clerk's words, with the number as typed on the command line, never a
        # change's id.
        whose = conflict.whose_said
        ids = [v.value_id for v in conflict.values]
        if seen is not None and set(seen) != set(ids):
            raise ConflictChanged(said(CHANGED_SINCE, whose))
        if check is not None and typed(check) != conflict.check:
            # The same refusal for a code copied wrong: the code binds the values, a changed
            # one and a mistyped one cannot be told apart. Both are said, with the code given.
            raise ConflictChanged(
                said(
                    CHECK_DIFFERS,
                    number or typed(wanted),
                    whose,
                    typed(check),
                    str(len(ids)),
                    conflict.check,
                )
            )
        if keep is not None:
            chosen = [v for v in conflict.values if v.value_id == keep.strip()]
            if not chosen:
                raise NotFound(said(KEPT_VALUE_GONE, whose))
            new_value = chosen[0].value
        else:
            new_value = parse_value(ledger, conflict.table, conflict.field, value or "")
        change = _write(writer, conflict, new_value)
    return change


def _write(writer: Writer, conflict: Conflict, new_value: Any) -> Change:
    """A resolution: the field set to `new_value`, an edit that saw every value shown."""
    ids = [v.value_id for v in conflict.values]
    change = writer.update_row(
        conflict.table, conflict.row_id, {conflict.field: new_value}, seen={conflict.field: ids}
    )
    if change is None:  # pragma: no cover - a conflict always logs its resolution
        raise ValidationFailed("没有需要保存的改动")
    return change


class Side(enum.Enum):
    """Whose value a bulk resolution keeps, the same for every conflict chosen."""

    #: The value the ledger shows now (the newest by the clocks).
    SHOWN = "shown"
    #: The value written on this device (a conflict with none, or several, is left).
    HERE = "here"
    #: The value written on another device (a conflict with none, or several, is left).
    OTHER = "other"


def value_on(conflict: Conflict, side: Side, own: Collection[str]) -> ConflictValue | None:
    """The value of `conflict` on `side` (None: it has no single one there). `own`: every
    change-log id this ledger wrote under (`own_origins`: a restored ledger writes under a
    fresh one, and what it wrote before the restore is still its own, 本机)."""
    if side is Side.SHOWN:
        found = [v for v in conflict.values if v.shown]
    elif side is Side.HERE:
        found = [v for v in conflict.values if v.device_id in own]
    else:
        found = [v for v in conflict.values if v.device_id not in own]
    return found[0] if len(found) == 1 else None


@dataclass
class ManyResolved:
    """What a bulk resolution did: the resolutions written, the conflicts changed since they
    were shown (skipped, not overwritten), and those with no single value on the side."""

    changes: list[Change]
    changed: int = 0
    no_value: int = 0
    stopped: bool = False


#: Resolutions written in one transaction by `resolve_many`: a commit (and its wait for the
#: disk) per few hundred rather than per resolution, each still checked and re-read as one.
CHUNK = 250


def resolve_many(
    ledger: Ledger,
    conflicts: Sequence[Conflict],
    side: Side,
    *,
    actor: Actor | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    into: ManyResolved | None = None,
) -> ManyResolved:
    """Resolve each of `conflicts` (as they were shown) by keeping its value on `side`, each
    written exactly as a single resolution is (through the one write door and its trust
    check, attributed, logged), `CHUNK` of them to a transaction. A conflict whose values
    are no longer those shown (resolved meanwhile, another value come in) is skipped and
    counted, never overwritten: its row is re-read inside the transaction that would write
    it. One without a single value on the side is counted and left. `cancelled` stops
    between two: every resolution written before stays written (`changes` says how many).
    A chunk that fails is rolled back and written again one by one (`services.chunked`, as
    `decide_many`'s), so that what stands when the error comes is what resolving them one
    at a time leaves. A chunk none of whose conflicts has a value on the side opens no
    transaction: nothing in it can be written.

    `into`, when given, is filled as the resolutions are written, so that when an error is
    raised it says what stands: the resolutions written before the failing one (the rest
    were not). `progress` never steps back, not while a failed chunk is written again."""
    own = set(own_origins(ledger))
    done = into if into is not None else ManyResolved([])

    def one(n: int, writer: Writer | None) -> None:
        _resolve_one(ledger, writer, conflicts[n], side, own, done)

    def writes(start: int, end: int) -> bool:
        # A chunk none of whose conflicts has a value on the side is counted without a
        # transaction (no wait on the file, no refusal for this laptop's date, for nothing).
        return any(value_on(c, side, own) is not None for c in conflicts[start:end])

    chunked(
        ledger,
        actor or actor_of(ledger),
        len(conflicts),
        one,
        done,
        chunk=CHUNK,
        progress=progress,
        cancelled=cancelled,
        writes=writes,
    )
    return done


def _resolve_one(
    ledger: Ledger,
    writer: Writer | None,
    conflict: Conflict,
    side: Side,
    own: Collection[str],
    done: ManyResolved,
) -> None:
    """One conflict of `resolve_many`, inside the writer's transaction: its row re-read, so
    that one changed since it was shown is counted, not overwritten."""
    chosen = value_on(conflict, side, own)
    if chosen is None:
        done.no_value += 1
        return
    assert writer is not None  # a chunk with a value to write runs in a transaction
    row = ledger.get(conflict.table, conflict.row_id) or {}
    heads = set(ledger.projector.heads_of(row, conflict.field))
    if heads != {v.value_id for v in conflict.values}:
        done.changed += 1
        return
    done.changes.append(_write(writer, conflict, chosen.value))
