"""A person's history as a coordinator reads it: one line per change, in words.

The change log records fields; people read events. Each logged change becomes one line: when
(short), who, on which device (by its name, never its id), and what — "删除（原因：迁出）",
"迁户：张三户 → 李四户（原因：婚迁）", "电话：空 → 13800001111". Ids never show: households by
their head and place, other ids not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from fieldapp.domain.dates import china_iso
from fieldapp.domain.dates import today as china_today
from fieldapp.domain.labels import field_label
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


def _value(field: str, value: object, households: Mapping[str, str]) -> str:
    if value is None or value == "":
        return "空"
    if isinstance(value, bool):
        return "是" if value else "否"
    if field == "household_id":
        return households.get(str(value), "另一户")
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def _as_stored(reason: str) -> str:
    return reason


def _describe(
    fields: list[FieldChange],
    created: bool,
    households: Mapping[str, str],
    reason_said: Callable[[str], str] = _as_stored,
) -> str:
    first = fields[0]
    label = TABLE_LABELS.get(first.table, "记录")
    reason = next((str(f.new) for f in fields if f.field == "change_reason" and f.new), "")
    why = f"（原因：{reason_said(reason.removeprefix('恢复：'))}）" if reason else ""
    if created:
        return f"新增{label}" if first.table != "persons" else "登记到台账"
    deleted = next((f for f in fields if f.field == "deleted"), None)
    if deleted is not None and first.table == "persons":
        return ("删除" if deleted.new else "恢复") + why
    if deleted is not None and deleted.new:
        return f"删除{label}{why}"
    parts: list[str] = []
    for f in fields:
        if f.field in HIDDEN or f.field == "deleted":
            continue
        name = "户" if f.field == "household_id" else field_label(f.field, f.table)
        old, new = _value(f.field, f.old, households), _value(f.field, f.new, households)
        if f.field == "household_id":
            parts.insert(0, f"迁户：{old} → {new}")
        else:
            parts.append(f"{name}：{old} → {new}")
    prefix = "" if first.table == "persons" else f"{label}·"
    return prefix + "；".join(parts) + why if parts else f"修改{label}{why}"


def history_lines(
    changes: Iterable[FieldChange],
    households: Mapping[str, str],
    devices: Mapping[str, str],
    today: dt.date | None = None,
    reason_said: Callable[[str], str] = _as_stored,
) -> list[HistoryLine]:
    """The person's field changes as lines, newest first; a reason given for a change
    (删除、恢复、迁户) said by `reason_said` (the window's language: `held_words.why_shown`),
    else as stored."""
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
            first.author.split("@", 1)[1] if "@" in (first.author or "") else "其他设备"
        )
        lines.append(
            HistoryLine(
                first.at,
                short_time(first.at, today),
                author,
                device,
                _describe(fields, created, households, reason_said),
            )
        )
    lines.reverse()
    return lines
