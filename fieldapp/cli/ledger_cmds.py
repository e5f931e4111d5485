"""Ledger commands: search and person show."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from fieldapp.cli.common import JSON_HELP, fail, open_ledger, print_json
from fieldapp.domain import idnumber
from fieldapp.domain.dates import china_minute, written
from fieldapp.domain.errors import InvalidIdNumber, MalformedRow
from fieldapp.domain.labels import field_label
from fieldapp.domain.places_said import say_place
from fieldapp.reference import divisions
from fieldapp.store.queries import records
from fieldapp.store.queries.areas import listed_places
from fieldapp.store.queries.history import TABLE_LABELS, FieldChange, person_history
from fieldapp.store.queries.search import PersonSearch

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `search` and `person show`."""
    p = sub.add_parser("search", help="查找人员（姓名、拼音、身份证或电话号码片段）")
    p.add_argument(
        "text",
        help="姓名、拼音或首字母、身份证号或电话号码的一段（- 从标准输入读，不记入命令历史）",
    )
    p.add_argument("--limit", type=int, default=50, help="最多列出几人（默认 50）")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(func=cmd_search)

    person = sub.add_parser("person", help="人员").add_subparsers(dest="person_cmd", required=True)
    show = person.add_parser("show", help="显示一个人的信息")
    show.add_argument("id_number", help="身份证号（18 位；- 从标准输入读，不记入命令历史）")
    show.add_argument("--json", action="store_true", help=JSON_HELP)
    show.add_argument("--history", action="store_true", help="列出全部修改记录")
    show.set_defaults(func=cmd_person_show)


def cmd_search(args: argparse.Namespace) -> int:
    """Print matching persons, best first."""
    ledger = open_ledger(args, existing="search")
    hits = PersonSearch(ledger.db).search(args.text, limit=args.limit)
    if args.json:
        print_json([h.as_dict() for h in hits])
        return 0
    listed = listed_places(ledger)
    for h in hits:
        place = say_place(h.area_code, divisions(), listed)
        print(f"{h.name}\t{h.id_number}\t{h.sex or ''}\t{h.phone or ''}\t{place}")
    if not hits:
        print("没有找到匹配的人员")
    return 0


def cmd_person_show(args: argparse.Namespace) -> int:
    """Print one person, their records and (with --history) every change."""
    ledger = open_ledger(args, existing="person show")
    try:
        person = records.person_by_id_number(ledger, args.id_number)
    except (InvalidIdNumber, MalformedRow) as error:
        return fail(str(error))
    if person is None:
        return fail(str(idnumber.not_in_ledger(args.id_number)))
    held = {
        model.TABLE: [
            r.model_dump(mode="json") for r in records.person_records(ledger, model, person.id)
        ]
        for model in records.PERSON_RECORDS
    }
    data = person.model_dump(mode="json") | {
        "sex": person.sex,
        "birth_date": person.birth_date.isoformat(),
        "place": records.person_place(ledger, person),
        "records": held,
    }
    history = person_history(ledger, person.id) if args.history else []
    if args.json:
        if args.history:
            data["history"] = [h.as_dict() for h in history]
        print_json(data)
        return 0
    born = written(person.birth_date)  # as a person writes it; --json keeps it ISO
    print(f"{person.name}  {person.id_number}  {person.sex}  出生 {born}")
    print(
        f"所在：{data['place']}  与户主关系：{person.relation}  劳动能力：{person.labour_ability}"
    )
    print(f"电话：{person.phone or '—'}")
    for table, rows in held.items():
        if rows:
            print(f"{TABLE_LABELS.get(table, table)}：{len(rows)} 条")
    for line in _history_lines(ledger, history):
        print(line)
    return 0


#: Fields that link a record to another by id: the line says nothing by printing the id.
_LINKS = frozenset({"person_id", "visit_id", "spell_id", "batch_id", "search_words"})


def _history_lines(ledger: Ledger, history: list[FieldChange]) -> list[str]:
    """One line per field change, in words: households by their head and place (迁户：…), the
    device by its name, the reason after the move; no ids."""
    from fieldapp.store.queries.persons import household_labels
    from fieldapp.store.queries.sync import device_names

    homes_named = ("household_id", "moving_to")  # moved to, or offered to: never an id
    moved = {str(v) for h in history if h.field in homes_named for v in (h.old, h.new) if v}
    homes = household_labels(ledger, sorted(moved))
    devices = device_names(ledger)
    reasons = {h.change_id: str(h.new) for h in history if h.field == "change_reason" and h.new}
    lines = []
    for h in history:
        if h.field in _LINKS or h.field == "change_reason":
            continue
        who = (
            h.author
            if "@" in (h.author or "")
            else f"{h.author}（{devices.get(h.device_id, '其他设备')}）"
        )
        if h.field == "household_id":
            old, new = (homes.get(str(v), "另一户") if v else "（空）" for v in (h.old, h.new))
            why = f"（原因：{reasons[h.change_id]}）" if h.change_id in reasons else ""
            lines.append(f"{china_minute(h.at)}  {who}  迁户：{old} → {new}{why}")
            continue
        if h.field == "moving_to":
            old, new = (homes.get(str(v), "另一户") if v else "（空）" for v in (h.old, h.new))
            lines.append(f"{china_minute(h.at)}  {who}  待迁入的户：{old} → {new}")
            continue
        label = TABLE_LABELS.get(h.table, h.table)
        old = "（空）" if h.old in (None, "") else h.old
        lines.append(
            f"{china_minute(h.at)}  {who}  {label}·{field_label(h.field, h.table)}：{old} → {h.new}"
        )
    return lines
