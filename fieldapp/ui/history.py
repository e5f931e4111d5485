"""A person's history as a coordinator reads it: one line per change, in words.

The change log records fields; people read events. Each logged change becomes one line: when
(short), who, on which device (by its name, never its id), and what — "删除（原因：迁出）",
"迁户：张三户 → 李四户（原因：婚迁）", "电话：空 → 13800001111". Ids never show: households by
their head and place, other ids not at all. The words are `HistoryWords`: Chinese by default, the
window's language as `history_said.history_words` gives them (this module has no Qt).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from fieldapp.domain.dates import china_iso
from fieldapp.domain.dates import today as china_today
from fieldapp.domain.labels import field_label
from fieldapp.domain.money import yuan
from fieldapp.domain.sentences import fill
from fieldapp.services.change_said import DAY_FIELDS
from fieldapp.store.queries.history import TABLE_LABELS, FieldChange

#: Fields shown in other words, or not at all (ids, search helpers, the reason itself).
HIDDEN = frozenset(
    {"person_id", "visit_id", "spell_id", "batch_id", "search_words", "change_reason", "held_key"}
)


@dataclass(frozen=True)
class HistoryLine:
    """One change: when, who, which device, what."""

    at: str
    when: str
    author: str
    device: str
    text: str


def short_time(at: str, today: dt.date | None = None) -> str:
    """'14:03' today, '12-01 14:03' this year, '2025-03-01' before: China time, as every other
    time on screen (`china_iso`: with its zone, else this computer's), whatever zone this
    computer keeps — a change projected on a clock kept in UTC at 10:31 at the office says
    02:31 with no zone."""
    today = today or china_today()
    try:
        stamp = dt.datetime.fromisoformat(china_iso(at))
    except ValueError:
        return at[:16].replace("T", " ")
    if stamp.date() == today:
        return stamp.strftime("%H:%M")
    if stamp.year == today.year:
        return stamp.strftime("%m-%d %H:%M")
    return stamp.strftime("%Y-%m-%d")


def _same(text: str) -> str:
    return text


def _stored(table: str, key: str, value: str) -> str:
    return value


@dataclass(frozen=True)
class HistoryWords:
    """The words a line is made of: Chinese by default, as stored; the person panel passes them
    in the window's language (`fieldapp.ui.history_said.history_words`). No Qt here: the
    sentences are templates (%1, %2, %3), the names and values said by the functions given."""

    #: A field's name, by (field, table): the held lines' and the conflicts' names.
    field: Callable[[str, str], str] = field_label
    #: A table's Chinese name (`TABLE_LABELS`), as shown.
    table: Callable[[str], str] = _same
    #: A stored value of a field, by (table, field, value): the program's own words shown,
    #: what people typed as typed.
    stored: Callable[[str, str, str], str] = _stored
    #: A day or month kept as ISO text ('2026-10-05', '2026-10'), as shown.
    day: Callable[[str], str] = _same
    #: Why a person was deleted, restored or moved (`held_words.why_shown`).
    reason: Callable[[str], str] = _same
    empty: str = "空"
    yes: str = "是"
    no: str = "否"
    other_household: str = "另一户"
    other_device: str = "其他设备"
    some_record: str = "记录"
    registered: str = "登记到台账"
    added: str = "新增%1"
    person_deleted: str = "删除"
    person_restored: str = "恢复"
    deleted: str = "删除%1"
    changed: str = "修改%1"
    moved: str = "迁户：%1 → %2"
    field_changed: str = "%1：%2 → %3"
    of_record: str = "%1·%2"
    why: str = "（原因：%1）"
    joiner: str = "；"


#: The lines in Chinese, as stored.
CHINESE = HistoryWords()


def filled(template: str, *values: str) -> str:
    """`template` with %1, %2 … replaced by `values` at once (a value's own "%2" stays):
    `domain.sentences.fill`, its parts given one by one."""
    return fill(template, values)


def _value(
    table: str, field: str, value: object, households: Mapping[str, str], words: HistoryWords
) -> str:
    if value is None or value == "":
        return words.empty
    if isinstance(value, bool):
        return words.yes if value else words.no
    if field in ("household_id", "moving_to"):  # a household, and one offered to: never an id
        return households.get(str(value), words.other_household)
    if isinstance(value, float):
        return yuan(value, grouped=True)  # as the page's column and the paper say it
    if isinstance(value, str) and field in DAY_FIELDS:
        return words.day(value)
    if isinstance(value, str):
        return words.stored(table, field, value)
    return str(value)


def _describe(
    fields: list[FieldChange],
    created: bool,
    households: Mapping[str, str],
    words: HistoryWords = CHINESE,
) -> str:
    first = fields[0]
    label = (
        words.table(TABLE_LABELS[first.table]) if first.table in TABLE_LABELS else words.some_record
    )
    reason = next((str(f.new) for f in fields if f.field == "change_reason" and f.new), "")
    why = filled(words.why, words.reason(reason.removeprefix("恢复："))) if reason else ""
    if created:
        return filled(words.added, label) if first.table != "persons" else words.registered
    deleted = next((f for f in fields if f.field == "deleted"), None)
    if deleted is not None and first.table == "persons":
        return (words.person_deleted if deleted.new else words.person_restored) + why
    if deleted is not None and deleted.new:
        return filled(words.deleted, label) + why
    parts: list[str] = []
    for f in fields:
        if f.field in HIDDEN or f.field == "deleted":
            continue
        old = _value(f.table, f.field, f.old, households, words)
        new = _value(f.table, f.field, f.new, households, words)
        if f.field == "household_id":
            parts.insert(0, filled(words.moved, old, new))
        else:
            parts.append(filled(words.field_changed, words.field(f.field, f.table), old, new))
    if not parts:
        return filled(words.changed, label) + why
    said = words.joiner.join(parts)
    return (said if first.table == "persons" else filled(words.of_record, label, said)) + why


def history_lines(
    changes: Iterable[FieldChange],
    households: Mapping[str, str],
    devices: Mapping[str, str],
    today: dt.date | None = None,
    words: HistoryWords = CHINESE,
) -> list[HistoryLine]:
    """The person's field changes as lines, newest first, said in `words` (the window's
    language: `history_said.history_words`; Chinese, as stored, by default)."""
    grouped: dict[str, list[FieldChange]] = {}
    for change in changes:
        grouped.setdefault(change.change_id, []).append(change)
    seen_rows: set[str] = set()
    lines: list[HistoryLine] = []
    for fields in grouped.values():  # oldest first: the first change of a row created it
        first = fields[0]
        created = first.row_id not in seen_rows
        seen_rows.add(first.row_id)
        author = first.author.split("@")[0] if first.author else ""
        device = devices.get(first.device_id) or (
            first.author.split("@", 1)[1] if "@" in (first.author or "") else words.other_device
        )
        lines.append(
            HistoryLine(
                first.at,
                short_time(first.at, today),
                author,
                device,
                _describe(fields, created, households, words),
            )
        )
    lines.reverse()
    return lines
