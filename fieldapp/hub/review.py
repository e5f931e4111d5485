"""Checks re-run at the hub on merged data: the same person entered twice (one ID number on
two live rows), one-time subsidies claimed twice (two devices offline), and changes logged
or still held for review with stamps no clock writes (digits of another script, taken before
the hub refused them), and one id naming two kinds of record (taken before the hub held such
changes), for review."""

from __future__ import annotations

from fieldapp.domain.errors import FieldappError
from fieldapp.domain.idnumber import mask
from fieldapp.domain.places_said import say_place
from fieldapp.policy.guard import find_limit_violations
from fieldapp.policy.pack import Policy
from fieldapp.reference import divisions
from fieldapp.services.trust import table_name
from fieldapp.store import replica
from fieldapp.store.held import HeldChanges
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.areas import listed_places
from fieldapp.store.queries.claims import ClaimQueries
from fieldapp.store.sync_state import SyncState


def find_violations(ledger: Ledger) -> list[dict[str, object]]:
    """Every violation as a dict: kind, Chinese message, the rows involved, who entered them."""
    found: list[dict[str, object]] = []
    for number, ids in replica.duplicate_id_numbers(ledger.db):
        rows = [ledger.get("persons", i) or {} for i in ids]
        places = []
        listed = listed_places(ledger)
        for row in rows:
            household = ledger.get("households", row.get("household_id") or "")
            place = (
                say_place(household["area_code"], divisions(), listed) if household else "未分户"
            )
            # 姓名@设备名称, as the device's enrolment signs it (its id is for machines)
            places.append(f"{row.get('name')}（{place}，{row.get('created_by') or '未知'} 录入）")
        found.append(
            {
                "kind": "duplicate_id",
                "message": f"身份证号 {mask(number)} 在台账中登记了 {len(ids)} 次："
                + "；".join(places),
                "rows": ids,
            }
        )
    for violation in find_limit_violations(ClaimQueries(ledger).all(), _policy(ledger)):
        found.append(
            {
                "kind": "limit",
                "message": violation.message,
                "rows": [violation.first.id, violation.repeat.id],
            }
        )
    found.extend(_odd_stamps(ledger))
    found.extend(_odd_held_stamps(ledger))
    found.extend(_shared_ids(ledger))
    return found


def _shared_ids(ledger: Ledger) -> list[dict[str, object]]:
    """One entry per id the log holds two kinds of record under (`replica.shared_row_ids`):
    taken before the hub held such changes (`trust.row_id_taken`), each still travels with the
    other to every device holding either — a village's visit made under another village's
    person's id brings it that person's every change. Said by kind, name and device, no ids."""
    names = SyncState(ledger.db).origin_names() | {ledger.device_id: "本中心"}
    by_row: dict[str, list[str]] = {}
    for row, table, origins in replica.shared_row_ids(ledger.db):
        record = ledger.get(table, row) if table in ledger.db.table_names() else None
        whose = str((record or {}).get("name") or "") if table == "persons" else ""
        devices = "、".join(sorted({names.get(o, "未登记的设备") for o in origins}))
        what = table_name(table) + (f"“{whose}”" if whose else "")
        by_row.setdefault(row, []).append(f"{what}（{devices} 写入）")
    return [
        {
            "kind": "shared_id",
            "message": "同一个标识下有两类记录："
            + "；".join(kinds)
            + "。中心按标识把一条记录的修改发给持有它的设备，持有其中一条的设备也收到另一条的全部"
            "修改（别村的人员信息、申领也会这样发出去）。本程序不会这样写，请核对后删除后写入的那条，"
            "并查看写入它的电脑上的程序是否被改动过",
            "rows": [row],
        }
        for row, kinds in by_row.items()
    ]


def _odd_stamps(ledger: Ledger) -> list[dict[str, object]]:
    """One entry per device whose logged changes carry stamps in digits of another script
    (full-width, Arabic-Indic): the merge compares stamps as text, so such a change may win
    over a later one of the same field made without sight of it. The hub cannot say
    what time was meant, so it tells the clerk which device and which people."""
    odd = replica.odd_stamps(ledger.db)
    if not odd:
        return []
    names = SyncState(ledger.db).origin_names()
    by_device: dict[str, list[tuple[str, str]]] = {}
    for origin, table, row in odd:
        by_device.setdefault(names.get(origin, "未登记的设备"), []).append((table, row))
    found: list[dict[str, object]] = []
    for device, rows in sorted(by_device.items()):
        people: list[str] = []
        for table, row in rows:
            person = ledger.get("persons", row) if table == "persons" else None
            name = str(person.get("name") or "") if person else ""
            if name and name not in people:
                people.append(name)
        said = _said(people, sum(1 for t, _ in rows if t != "persons"))
        found.append(
            {
                "kind": "odd_stamp",
                "message": f"设备「{device}」送来的 {len(rows)} 条修改，修改时间用的不是普通数字"
                "（全角或其他文字的数字），正常的程序写不出来；合并时按时间比先后，它们可能压过"
                f"别人后来对同一项的修改。涉及：{said}。请核对这些记录，联系技术支持处理，"
                "并查看这台电脑上的程序是否被改动过",
                "rows": sorted({r for _, r in rows}),
            }
        )
    return found


def _odd_held_stamps(ledger: Ledger) -> list[dict[str, object]]:
    """One entry per device with changes still held for review whose stamps are in digits of
    another script (no clock writes them: a tampered program sent them), so the clerk is told
    which device and which people before deciding (no ids)."""
    odd = HeldChanges(ledger.db).odd_stamps()
    by_device: dict[str, list[tuple[str, str, str]]] = {}
    for held in odd:
        change = held.change
        person = ledger.get("persons", change.row_id) if change.tbl == "persons" else None
        name = str((person or {}).get("name") or "") if change.tbl == "persons" else ""
        if change.tbl == "persons" and not name:  # a person the held change itself would add
            name = str(change.data.get("name") or "")
        by_device.setdefault(held.device or "未登记的设备", []).append(
            (change.tbl, change.row_id, name)
        )
    found: list[dict[str, object]] = []
    for device, rows in sorted(by_device.items()):
        people: list[str] = []
        for _, _, name in rows:
            if name and name not in people:
                people.append(name)
        said = _said(people, sum(1 for t, _, _ in rows if t != "persons"))
        found.append(
            {
                "kind": "odd_stamp",
                "message": f"设备「{device}」送来、正在等待审核的 {len(rows)} 条修改，修改时间用的"
                "不是普通数字（全角或其他文字的数字），正常的程序写不出来，这台电脑上的程序可能"
                f"被改动过。涉及：{said}。请先不要批准这些修改，联系技术支持处理，"
                "并查看这台电脑上的程序是否被改动过",
                "rows": sorted({r for _, r, _ in rows}),
            }
        )
    return found


def _said(people: list[str], others: int) -> str:
    """The people named (ten at most) and how many other records, as the clerk reads it."""
    said = "、".join(people[:10]) + ("等" if len(people) > 10 else "")
    if others:
        said += ("，" if said else "") + f"另有 {others} 条其他记录"
    return said


def _policy(ledger: Ledger) -> Policy | None:
    """The pack in force (it names a subsidy a claim carries no title of), None when unread."""
    from fieldapp.services.policy_admin import policy_in_force

    try:
        return policy_in_force(ledger)
    except FieldappError:
        return None
