"""The conflict list reads the changes of every conflict's heads for all the conflicts at once
(`Projector.load_changes`: per device, a statement per few hundred seqs), not a statement a
head (2,000 of the 2,008 statements of listing 1,000 conflicts). The same conflicts, values,
order and shown value as reading each head's change one by one (`load_change`)."""

from __future__ import annotations

from typing import Any

import pytest

from fieldapp.store import projector as projector_module
from fieldapp.store.changelog import Change
from fieldapp.store.hlc import format_stamp
from fieldapp.store.ledger import Ledger
from fieldapp.sync.conflicts import list_conflicts, starting


def _clashes(ledger: Ledger, count: int, *, three: bool = False) -> list[str]:
    """`count` persons whose phone this device and another (and, `three`, a third) set
    concurrently: a conflict each; the persons' ids."""
    with ledger.transaction():
        ids = [ledger.insert("persons", {"name": f"村民{n}", "phone": "1"}) for n in range(count)]
    before = {row_id: ledger.heads("persons", row_id)["phone"] for row_id in ids}
    ledger.update_many("persons", [(row_id, {"phone": "13800000000"}) for row_id in ids])
    remote = []
    for n, row_id in enumerate(ids):
        stamp = format_stamp(1_700_000_000_000 + n, 0)
        seen = {"phone": before[row_id]}
        remote.append(
            Change("设备乙", n + 1, stamp, "李四", "persons", row_id, {"phone": "2"}, seen)
        )
        if three:
            remote.append(
                Change("设备丙", n + 1, stamp, "王五", "persons", row_id, {"phone": "3"}, seen)
            )
    ledger.apply_changes(remote)
    return ids


def _one_by_one(ledger: Ledger) -> list[tuple[Any, ...]]:
    """Each conflict's values as reading each head's change alone gives them."""
    found = []
    for conflict in list_conflicts(ledger):
        row = ledger.get(conflict.table, conflict.row_id)
        heads = ledger.projector.heads_of(row, conflict.field)
        changes = [c for c in map(ledger.projector.load_change, heads) if c is not None]
        shown = max(changes, key=lambda c: c.key).id
        found.append(
            (
                conflict.conflict_id,
                [
                    (c.id, c.data.get(conflict.field), c.author, c.device_id, c.id == shown)
                    for c in sorted(changes, key=lambda c: c.key)
                ],
            )
        )
    return found


def _listed(ledger: Ledger) -> list[tuple[Any, ...]]:
    return [
        (
            c.conflict_id,
            [(v.value_id, v.value, v.author, v.device_id, v.shown) for v in c.values],
        )
        for c in list_conflicts(ledger)
    ]


def _reads_of_changes(ledger: Ledger) -> tuple[int, int]:
    """(statements reading the change log, all statements) while the conflicts are listed."""
    statements: list[str] = []
    ledger.db.conn.set_trace_callback(statements.append)
    try:
        list_conflicts(ledger)
    finally:
        ledger.db.conn.set_trace_callback(None)
    return sum("FROM changes" in s for s in statements), len(statements)


def test_the_same_values_as_read_one_by_one(ledger: Ledger) -> None:
    _clashes(ledger, 5, three=True)
    listed = _listed(ledger)
    assert len(listed) == 5
    assert all(len(values) == 3 for _id, values in listed)
    assert {v[1] for _id, values in listed for v in values} == {"13800000000", "2", "3"}
    assert sum(v[4] for _id, values in listed for v in values) == 5  # one shown a conflict
    assert listed == _one_by_one(ledger)
    # a conflict found by its number carries the same values as in the list
    first = list_conflicts(ledger)[0]
    assert starting(ledger, first.conflict_id) == [first]


def test_the_changes_are_read_together_not_per_conflict(tmp_path) -> None:
    counts = []
    for count in (1, 60):
        ledger = Ledger.open(tmp_path / f"{count}.db", author="测试员")
        try:
            _clashes(ledger, count, three=True)
            counts.append(_reads_of_changes(ledger))
        finally:
            ledger.close()
    (few_changes, few_all), (many_changes, many_all) = counts
    # one statement per device (this one, 设备乙, 设备丙) for 60 conflicts as for 1; one by
    # one it was a statement a value, 180 here
    assert few_changes == many_changes == 3, counts
    assert many_all == few_all, counts


def test_a_statement_per_few_hundred_seqs(ledger: Ledger, monkeypatch) -> None:
    _clashes(ledger, 7)
    expected = _listed(ledger)
    monkeypatch.setattr(projector_module, "CHANGES_PER_QUERY", 3)
    changes, _all = _reads_of_changes(ledger)
    assert changes == 3 + 3  # 7 seqs of each of two devices, 3 a statement
    assert _listed(ledger) == expected == _one_by_one(ledger)


def test_a_head_the_log_lacks_is_left_out_as_one_by_one(ledger: Ledger) -> None:
    _clashes(ledger, 2)
    conflict = list_conflicts(ledger)[0]
    gone = conflict.values[0].value_id
    device, seq = gone.rsplit(":", 1)
    with ledger.transaction():  # a log row lost (a damaged file): no value, not a crash
        ledger.db.execute("DELETE FROM changes WHERE device_id = ? AND seq = ?", [device, seq])
    listed = _listed(ledger)
    assert [v[0] for v in listed[0][1]] == [v.value_id for v in conflict.values[1:]]
    assert listed == _one_by_one(ledger)


@pytest.mark.parametrize("wanted", [["x:1", "bad", ":", "x:y"]])
def test_ids_that_name_no_change_are_none(ledger: Ledger, wanted: list[str]) -> None:
    assert ledger.projector.load_changes(wanted) == {}
