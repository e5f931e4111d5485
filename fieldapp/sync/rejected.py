"""A device's view of its own changes the county did not accept, and taking them back.

The hub reports, in every answer, each change of this device it holds for review and what the
county decided (`Manifest.rejected`). The device keeps the reports (`sync_rejected`), shows
them ("县里未接受的修改 … 原因 …": the sync page and `fieldapp sync status`), and lets the
user undo one locally: the change stays in the log, the rows are worked out again without it
(`fieldapp.store.withdraw`), so the device agrees with the hub again. When the county accepts
a change as its own, the device's copy is taken back by itself: the county's copy replaces it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from fieldapp.domain.dates import china_minute
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.places_said import PlaceWording, say_place
from fieldapp.domain.sentences import (
    Part,
    Sentence,
    said,
    saying,
    sentence_data,
    sentence_or_none,
    template,
)
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
from fieldapp.services.trust import RULES, newer_value_named, printable, table_name
from fieldapp.store.held import ACCEPTED, RejectedReports, report_said
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.areas import listed_places
from fieldapp.store.queries.records import head_names, rows_by_id
from fieldapp.store.withdraw import withdraw

STATUS_LABELS = {
    "held": "县里待审核",
    ACCEPTED: "县里已接受，记作县里自己的修改",
    "dismissed": "县里不予采纳",
}

#: How a report opens: a change the county accepted was held, not refused (it said
#: "县里未接受的修改：…；县里已接受").
OPENING = "县里未接受的修改：%1"
OPENING_ACCEPTED = "县里扣下审核的修改：%1"

#: This device's copy of a change taken back (`undo`), and of one the county accepted: the
#: county wrote it as its own change and sent it out, so the device's copy is withdrawn
#: (`settle_accepted`, or the user's undo before the county decided) and the county's stands
#: in its place. It said "县里已接受…；本机已撤销", which read as if the two undid each other.
UNDONE = "；本机已撤销（%1）"
UNDONE_ACCEPTED = "；本机原来的这条已撤下（%1），以县里记下的为准"


def rejected_changes(ledger: Ledger) -> list[dict[str, Any]]:
    """Every reported change of this device, newest first, as `sync status --json` lists it."""
    items = []
    places = partial(
        say_place, table=divisions(), listed=listed_places(ledger), wording=PlaceWording.SENTENCE
    )
    reports = RejectedReports(ledger.db).list()
    subjects = Subjects(
        ledger, [(r["tbl"] or "", r["row_id"] or "", r.get("data") or {}) for r in reports]
    )
    for report in reports:
        data = report.get("data") or {}
        # Read back once (`report_said`), for both the reason's sentence and the shown one's.
        sentence = report_said(report["reason"], report.get("reason_said"))
        items.append(
            {
                "id": report["hub_id"],
                "change_id": report["change_id"],
                "table": report["tbl"],
                "table_label": table_name(report["tbl"] or ""),
                "row_id": report["row_id"],
                "fields": sorted(data),
                "values": data,
                "author": report["author"],
                "rule": report["rule"],
                "rule_label": RULES.get(report["rule"], report["rule"]),
                "reason": report["reason"],
                # Whose change it was, and the areas it sets by their names (this ledger's).
                "subject": subjects.of(report["tbl"] or "", report["row_id"] or "", data),
                "shown": _places_named(data, places),
                # An area's change: the area by its name (its code says nothing to people).
                "area_said": _area_said(ledger, report, places),
                "reason_shown": _reason_shown(report, places),
                # `reason_shown` as its sentence: `reason_said` with the areas its parts name by
                # code named as `reason_shown` names them, so a window in another language says
                # the same place as the Chinese (None where `reason_said` is None, or the
                # shown reason is not the hub's: a value from a newer program).
                "reason_shown_said": _shown_said_data(report, sentence, places),
                # The reason as its sentence (template and parts, as JSON: `sentence_data`), so
                # a window says it in its language; None where the hub sent none (an older hub,
                # a reason it kept as text) or what is kept does not read back as a sentence of
                # this program's that says the text (`report_said`: a hand edit, a template a
                # later program dropped). The Chinese stays `reason`.
                "reason_said": None if sentence is None else sentence_data(sentence),
                "received_at": report["received_at"],
                # China time (ISO, +08:00) as the hub sent it; None from an older hub, whose
                # `received_at` is its own clock's, zone unknown (not shown in the text).
                "received_at_china": report.get("received_at_china") or None,
                "status": report["status"],
                "status_label": STATUS_LABELS.get(report["status"], report["status"]),
                "decided_at": report["decided_at"],
                "decided_by": report["decided_by"],
                "decision": report["decision"],
                "undone": report["undone_at"] is not None,
                "undone_at": report["undone_at"],
            }
        )
    return items


@dataclass(frozen=True)
class HeldSaid:
    """A reported change in a coordinator's words, in pieces: `describe` joins them in
    Chinese, the sync page in its language. Whose record (`whose`: a person's name, a
    household as 张三家, an area by its name), which fields to what values (`fields`: the
    field's name as a coordinator calls it, the value as written, places by their names),
    why (`reason`, the hub's), and what became of it. No codes, no ids."""

    table: str
    whose: str
    #: (field, its name here, the value shown); `field` lets a translation name it.
    fields: tuple[tuple[str, str, str], ...]
    deleted: bool
    #: An area's level (县, 乡镇, 村, 组 …): an area's change says it beside the area's name.
    level: str
    reason: str
    #: A value from a newer program, as the hub names it (就业经历的就业形式「未登记」): the
    #: reason is then this device's `NEWER_VALUE_HERE`, not the hub's; '' for other reasons.
    newer: str
    received: str
    status: str
    decision: str
    undone: str
    #: The hub's reason as its sentence (`rejected_changes`' `reason_said`, read back again:
    #: an item may come from anywhere), for a window in another language; None: `reason`.
    said: Sentence | None = None


def held_said(item: dict[str, Any]) -> HeldSaid:
    """`item` (of `rejected_changes`) as `HeldSaid` says it."""
    table = str(item["table"] or "")
    shown = facts_opened(table, item.get("shown") or item["values"])
    level = ""
    whose = str(item.get("subject") or "")
    if table == "areas":
        # The area itself: by its name as the ledger or the division table says it (its code,
        # 区划代码, says nothing to a coordinator); its level beside it.
        whose = str(item.get("area_said") or printable(shown.get("name") or ""))
        level = printable(shown.get("kind") or "")
    fields = tuple(
        (key, field_said(key, table), value_said(value, key))
        for key, value in sorted(shown.items())
        # Links to other rows (…_id) hold ids that mean nothing to the user; empty values say
        # nothing; an area's code and level are said by its name above.
        if key != "deleted"
        and not key.endswith("_id")
        and value not in (None, "")
        and not said_by_area(table, key, value, whose)
    )
    decided = item["decision"] and item["status"] != "held"
    return HeldSaid(
        table=table,
        whose=whose,
        fields=fields,
        deleted=item["values"].get("deleted") is True,
        level=level,
        reason=str(item.get("reason_shown") or item["reason"] or ""),
        newer=newer_value_named(str(item["rule"] or ""), str(item["reason"] or "")),
        received=china_minute(item["received_at_china"]) if item.get("received_at_china") else "",
        status=str(item["status"]),
        decision=str(item["decision"]) if decided else "",
        undone=china_minute(item["undone_at"]) if item["undone"] else "",
        said=_said_of(item),
    )


def _said_of(item: dict[str, Any]) -> Sentence | None:
    """An item's sentence where it reads back and says the reason the item shows (its
    `reason_shown`, else its `reason`): `reason_shown_said`, else `reason_said`; else None."""
    reason = item.get("reason_shown") or item.get("reason")
    for key in ("reason_shown_said", "reason_said"):
        sentence = saying(reason, sentence_or_none(item.get(key)))
        if sentence is not None:
            return sentence
    return None


def describe(item: dict[str, Any]) -> str:
    """县里未接受的修改：张三的人员信息（联系电话为“139…”）原因：…"""
    said = held_said(item)
    what = record_said(said.table, said.whose, said.level, said.deleted)
    values = values_said((label, value) for _key, label, value in said.fields)
    accepted = said.status == ACCEPTED
    opening = OPENING_ACCEPTED if accepted else OPENING
    text = opening.replace("%1", what) + (f"（{values}）" if values else "")
    text += f"原因：{said.reason}"
    if said.received:
        text += f"；县里 {said.received} 收到"
    text += f"；{STATUS_LABELS.get(said.status, said.status)}"
    if said.decision:
        text += f"：{said.decision}"
    if said.undone:
        text += (UNDONE_ACCEPTED if accepted else UNDONE).replace("%1", said.undone)
    return text


#: What a value from a newer program means for the village (the hub's reason tells the county's
#: clerk to upgrade the hub first): `%1` is the value as the hub names it. The one sentence: the
#: sync page says it through its translations (`fieldapp.ui.held_words.newer_value_here`).
NEWER_VALUE_HERE = (
    "%1是县里中心的程序还没有的选项：多半是本机的程序比县里中心的新。这条修改已保留在县里待审核，"
    "不会丢失；由县里决定：升级中心的程序后接受，或不予采纳并写明原因，同步后这里会显示。"
    "本机不用重填，也不用撤销；程序什么时候升级，听县里的安排"
)


def _reason_shown(report: dict[str, Any], places: Callable[[str | None], str]) -> str:
    """The hub's reason as this device says it: in the village's words for a value from a
    newer program (`NEWER_VALUE_HERE`: the hub's speaks to the county's clerk), an area the
    hub named by its code by its name here."""
    reason = str(report["reason"] or "")
    newer = newer_value_named(str(report["rule"] or ""), reason)
    if newer:
        return NEWER_VALUE_HERE.replace("%1", newer)
    return _AREA_CODE.sub(lambda m: places(m.group(1)) or m.group(0), reason)


#: An area the hub could name only by its code in its reason ('区域 520502001002003': it had
#: not received the area's row), named here as this ledger knows it.
_AREA_CODE = re.compile(r"区域 (\d{6,15})")


def _shown_said_data(
    report: dict[str, Any], sentence: Sentence | None, places: Callable[[str | None], str]
) -> object:
    """`_reason_shown` as a sentence (template and parts, as JSON): the kept report's sentence
    (`report_said`, read by the caller) with each area its text parts name by code (an older
    hub's reason quoted in a newer one's: 它没有被接受的原因：…区域 520502001002003…) named as
    `_reason_shown` names it; None where there is no sentence or the reason shown is not the
    hub's (`NEWER_VALUE_HERE`)."""
    if sentence is None or newer_value_named(str(report["rule"] or ""), str(report["reason"])):
        return None
    return sentence_data(_places_in_parts(sentence, places))


def _places_in_parts(sentence: Sentence, places: Callable[[str | None], str]) -> Sentence:
    """`sentence` with `_AREA_CODE` named in each text part, as `_reason_shown` names it in the
    whole text (no template has 区域 in it: only a part, what a reason quotes, can)."""

    def named(part: Part) -> Part:
        if isinstance(part, Sentence):
            return _places_in_parts(part, places)
        if isinstance(part, str):
            return _AREA_CODE.sub(lambda m: places(m.group(1)) or m.group(0), part)
        return part

    return Sentence(sentence.template, tuple(named(p) for p in sentence.parts))


def _area_said(ledger: Ledger, report: dict[str, Any], places: Callable[[str | None], str]) -> str:
    """The area an area's change is about, by its name ('' for another table's change)."""
    if report["tbl"] != "areas":
        return ""
    data = report.get("data") or {}
    row = ledger.get("areas", report["row_id"] or "") or {}
    code = data.get("code") or row.get("code")
    return places(str(code)) if code else printable(data.get("name") or row.get("name") or "")


def _places_named(data: dict[str, Any], places: Callable[[str | None], str]) -> dict[str, Any]:
    """`data` with each area code it sets named as this ledger knows the area ('市西街道 小河村
    三组'; from the division table when not listed here); the code when nothing names it."""
    shown = dict(data)
    for key in PLACES:
        value = data.get(key)
        if isinstance(value, str) and value:
            shown[key] = places(value) or value
    return shown


def subject_of(ledger: Ledger, table: str, row_id: str, data: dict[str, Any]) -> str:
    """Whom or what the change is about, as the coordinator knows it: the person (by name),
    else the household (张三家, or its address); '' when this ledger cannot say. The values a report
    shows leave out the links to other rows (their ids mean nothing to people), so without
    this a refused 月度状态 or 联系电话 did not say whose it was."""
    return Subjects(ledger, [(table, row_id, data)]).of(table, row_id, data)


class Subjects:
    """`subject_of` for many changes: the rows they name read for all of them at once (a
    statement per table and few hundred ids), not one by one (2,000 held changes took four
    lookups each, a household's members read as whole persons to find its head)."""

    def __init__(self, ledger: Ledger, changes: Iterable[tuple[str, str, dict[str, Any]]]) -> None:
        wanted: dict[str, set[str]] = {}
        changes = list(changes)
        for table, row_id, _data in changes:
            if table and row_id:
                wanted.setdefault(table, set()).add(row_id)
        self._rows = {
            (table, row_id): row
            for table, ids in wanted.items()
            for row_id, row in rows_by_id(ledger, table, ids).items()
        }
        merged = [self._row(table, row_id, data) for table, row_id, data in changes]
        person_ids = {str(row.get("person_id") or "") for row in merged}
        self._persons = rows_by_id(ledger, "persons", person_ids)
        household_ids = {str(row.get("household_id") or "") for row in merged}
        household_ids |= {row_id for table, row_id, _data in changes if table == "households"}
        self._households = rows_by_id(ledger, "households", household_ids)
        self._heads = head_names(ledger, household_ids)

    def stored(self, table: str, row_id: str) -> dict[str, Any] | None:
        """The row as stored here (`ledger.get`, read at the start); None when it is not."""
        return self._rows.get((table, row_id))

    def _row(self, table: str, row_id: str, data: dict[str, Any]) -> dict[str, Any]:
        """The change's row as stored here with the change's values over it."""
        if not (table and row_id):
            return dict(data)
        return {**self._rows.get((table, row_id), {}), **data}

    def of(self, table: str, row_id: str, data: dict[str, Any]) -> str:
        """Whom the change is about (`subject_of`); a change not given at the start is said
        only as far as the rows read then know."""
        row = self._row(table, row_id, data)
        if table == "persons" and row.get("name"):
            return printable(row["name"])
        person = self._persons.get(str(row.get("person_id") or ""))
        if person and person.get("name"):
            return printable(person["name"])
        if table == "households":
            return self._household(row_id, row)
        household_id = str(row.get("household_id") or "")
        household = self._households.get(household_id)
        return self._household(household_id, household) if household else ""

    def _household(self, household_id: str, row: dict[str, Any]) -> str:
        """`household_said` from the heads read at the start."""
        return _household_named(self._heads.get(household_id), row)


def household_said(ledger: Ledger, household_id: str, row: dict[str, Any]) -> str:
    """A household as people call it: 张三家 (its head), else its address."""
    return _household_named(head_names(ledger, [household_id]).get(household_id), row)


def _household_named(head: str | None, row: dict[str, Any]) -> str:
    """张三家 by its `head`'s name, else the household's address (`row`'s)."""
    return f"{printable(head)}家" if head is not None else printable(row.get("address") or "")


#: A refused change to take back (%1 its number) the hub never reported.
NEVER_REPORTED = template("县里没有报告过编号为 %1 的未接受修改")


def undo(ledger: Ledger, change_ids: Iterable[str]) -> int:
    """Take back this device's refused changes here (see the module docstring); returns how
    many were taken back. Refuses ids the hub never reported."""
    reports = RejectedReports(ledger.db)
    known = {r["change_id"]: r for r in reports.list()}
    wanted = []
    for change_id in change_ids:
        found = known.get(change_id) or _by_number(known.values(), change_id)
        if found is None:
            raise FieldappError(said(NEVER_REPORTED, change_id))
        if found["undone_at"] is None:
            wanted.append(found["change_id"])
    if not wanted:
        return 0
    with ledger.transaction():
        withdraw(ledger, wanted, already=reports.undone())
        reports.mark_undone(wanted)
    return len(wanted)


def _by_number(reports: Iterable[dict[str, Any]], text: str) -> dict[str, Any] | None:
    """A report by the hub's number (what `sync status` shows)."""
    return next((r for r in reports if str(r["hub_id"]) == str(text).strip()), None)


def settle_accepted(ledger: Ledger) -> int:
    """Take back this device's copies of changes the county accepted as its own."""
    reports = RejectedReports(ledger.db)
    accepted = [
        r["change_id"]
        for r in reports.list()
        if r["status"] == ACCEPTED and r["undone_at"] is None and r["tbl"] is not None
    ]
    if not accepted:
        return 0
    withdraw(ledger, accepted, already=reports.undone())
    reports.mark_undone(accepted)
    return len(accepted)
