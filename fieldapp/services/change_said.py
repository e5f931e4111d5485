"""A change of a record in people's words: whose record, which fields, to what values.

One wording for both lists of changes the county did not accept: the village's own
(`fieldapp.sync.rejected`: the sync page, `fieldapp sync status`) and the county's
(`fieldapp.hub.rejected`: `fieldapp hub rejected`, the county desktop's review). A line reads
张三的人员信息（联系电话为“139……”）, 区域“七星关区”（县）, 删除一组的户信息 — no “=”, no
area codes, no ids. The caller names the record and the places its own way (this ledger's,
the hub's); this module only says them. No I/O, no Qt: the sync page says the same pieces
through its translations.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import ValidationError

from fieldapp.domain.claims import QualifyingFacts
from fieldapp.domain.dates import written_text
from fieldapp.domain.labels import FIELD_LABELS, TABLE_FIELD_LABELS, field_label
from fieldapp.domain.places_said import PLACE_FIELDS
from fieldapp.services.trust import printable, table_name

#: Fields a coordinator calls otherwise than their stored name says (a place, not its code).
FIELD_WORDS = {"hukou_code": "户籍地", "place_code": "务工地"}

#: The fields said by a place's name (an employment's 务工地 too).
PLACES = PLACE_FIELDS | {"place_code"}

#: An area's own fields said by how the area itself is named (its name, its level), or never
#: (its code: 区划代码 says nothing to people).
AREA_NAMED = ("code", "kind")


#: Tables whose records are called by their own name (an area's, a batch's title), not as
#: someone's.
NAMED = frozenset({"areas", "batches"})


def field_said(key: str, table: str) -> str:
    """A field's name as people call it: 户籍地, not 户籍地区划代码."""
    return FIELD_WORDS.get(key) or field_label(key, table)


def never_named(key: str) -> bool:
    """True for a field no line names: the deletion mark (said as 删除…), links to other rows
    (…_id: ids mean nothing to people), an area's code and level (said by naming the area,
    `said_by_area`)."""
    return key == "deleted" or key.endswith("_id") or key in AREA_NAMED


def fields_said() -> tuple[str, ...]:
    """Every field's name a line may say (`field_said`), once each: the words the desktop
    translates (`fieldapp.ui.held_words`)."""
    names = [field_said(key, "") for key in FIELD_LABELS if not never_named(key)]
    names += [field_said(key, table) for table, key in TABLE_FIELD_LABELS]
    return tuple(dict.fromkeys(names))


#: Fields that hold a day or a month ('2026-10-03', '2026-11'), said as a paper writes them.
DAY_FIELDS = frozenset(
    key
    for key in FIELD_LABELS
    if key.endswith(("_date", "_month")) or key in ("month", "applied_on")
)


def value_said(value: object, key: str = "") -> str:
    """A value (of the field `key`) as people read it: 是 / 否, 50000 not 50000.0, a list with
    、, a day or month as written (2026年10月3日, 2026年11月), text as written (never Python's
    repr)."""
    if key in DAY_FIELDS and isinstance(value, str):
        return written_text(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, list | tuple):
        return "、".join(printable(v) for v in value)
    return printable(value)


def said_by_area(table: str, key: str, value: object, whose: str) -> bool:
    """True for an area's field its line says by naming the area (`record_said`): its code and
    level, and its name when the area is already called by it."""
    if table != "areas":
        return False
    return key in AREA_NAMED or (key == "name" and isinstance(value, str) and whose.endswith(value))


def record_said(table: str, whose: str, level: str = "", deleted: bool = False) -> str:
    """Whose record: 张三的人员信息; an area by its name and level, 区域“七星关区”（县）, a
    batch by its title, 申领批次“碧阳街道第一批”; the table alone when nothing names it;
    删除… for a deletion."""
    name = table_name(table)
    if table in NAMED and whose:
        what = f"{name}“{whose}”" + (f"（{level}）" if level else "")
    else:
        what = f"{whose}的{name}" if whose else name
    return "删除" + what if deleted else what


def values_said(fields: Iterable[tuple[str, str | None]]) -> str:
    """(field's name, value shown) pairs as a line says them: 联系电话为“139……”，户主为空
    (a value of None: the change empties the field)."""
    return "，".join(
        f"{label}为空" if value is None else f"{label}为“{value}”" for label, value in fields
    )


#: What a claim's kept facts say to people, in the order a line says them (`facts_opened`).
FACTS_SAID = ("amount_rule", "limit")


def facts_opened(table: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """`data` with a claim's kept facts (`claims.facts`, the JSON of `QualifyingFacts`) opened
    into what they say to people — its 补贴标准 and 享受次数 (the rule's texts as the claim
    keeps them; the reasons and the job as it stood are on its forms) — instead of the JSON.
    The stored text stays the record; facts that are not `QualifyingFacts` (another program's,
    forged) are kept as they came."""
    if table != "claims" or not isinstance(data.get("facts"), str):
        return dict(data)
    try:
        kept = json.loads(data["facts"])
        # (an object with neither is no claim's facts: read as one, it would say nothing)
        ours = isinstance(kept, dict) and any(kept.get(key) for key in FACTS_SAID)
        facts = QualifyingFacts.model_validate(kept) if ours else None
    except (ValueError, RecursionError, ValidationError):
        facts = None
    if facts is None:
        return dict(data)
    opened = {key: value for key, value in data.items() if key != "facts"}
    opened.update({key: getattr(facts, key) for key in FACTS_SAID})
    return opened
