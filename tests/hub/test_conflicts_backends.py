"""A hub's conflict list reads its heads' changes for all the conflicts at once
(`Projector.load_changes`: per device, a statement per few hundred seqs, plain SQL) on SQLite
and on PostgreSQL alike, with the same values as reading each head's change one by one."""

from __future__ import annotations

from typing import Any

from fieldapp.hub.folder import Hub
from fieldapp.store import projector as projector_module
from fieldapp.store.changelog import Change
from fieldapp.store.hlc import format_stamp
from fieldapp.sync.conflicts import list_conflicts


def _one_by_one(hub: Hub) -> list[tuple[Any, ...]]:
    ledger = hub.ledger
    found = []
    for conflict in list_conflicts(ledger):
        row = ledger.get(conflict.table, conflict.row_id)
        heads = ledger.projector.heads_of(row, conflict.field)
        changes = sorted(
            (c for c in map(ledger.projector.load_change, heads) if c is not None),
            key=lambda c: c.key,
        )
        found.append((conflict.conflict_id, [(c.id, c.data["phone"]) for c in changes]))
    return found


def test_the_hub_lists_conflicts_read_together_on_both_backends(hub: Hub, monkeypatch) -> None:
    ledger = hub.ledger
    created = [
        Change(
            "设备甲",
            n + 1,
            format_stamp(1_700_000_000_000 + n, 0),
            "张三",
            "persons",
            f"p{n}",
            {"name": f"村民{n}", "phone": "1"},
            None,
        )
        for n in range(5)
    ]
    ledger.apply_changes(created)
    edits = [
        Change(
            device,
            n + 1,
            format_stamp(1_700_000_100_000 + n, 0),
            who,
            "persons",
            f"p{n}",
            {"phone": phone},
            {"phone": [created[n].id]},
        )
        for n in range(5)
        for device, who, phone in (("设备乙", "李四", "2"), ("设备丙", "王五", "3"))
    ]
    ledger.apply_changes(edits)
    # 2 seqs a statement: more than one statement for a device's heads
    monkeypatch.setattr(projector_module, "CHANGES_PER_QUERY", 2)
    listed = [
        (c.conflict_id, [(v.value_id, v.value) for v in c.values]) for c in list_conflicts(ledger)
    ]
    assert len(listed) == 5
    assert all(sorted(value for _id, value in values) == ["2", "3"] for _cid, values in listed)
    assert listed == _one_by_one(hub)
