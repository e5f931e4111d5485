"""The county's copy of a held change (`held_key`, `fieldapp.hub.rejected.accept`) projects the
same in any order: the row keeps the held change's creating key (its printed number), and a
later change its device made over the held change supersedes the county's copy, whether it is
applied before the copy, after it, or with it."""

from __future__ import annotations

import itertools

import pytest

from fieldapp.domain.numbers import row_number
from fieldapp.store.changelog import Change
from fieldapp.store.dump import canonical_dump
from fieldapp.store.hlc import format_stamp
from fieldapp.store.ledger import Ledger

ROW = "batch-1"
VILLAGE, HUB = "0a1b2c3d4e5f6071", "f0e1d2c3b4a59687"


def _changes(ledger: Ledger) -> dict[str, Change]:
    made = ledger._full("batches", {"rule_id": "r", "area_code": "520502101001", "title": "十二月"})
    held = Change(VILLAGE, 5, format_stamp(1_790_000_000_000, 0), "张三@红星村", "batches", ROW,
                  made, None)  # fmt: skip
    copy = Change(HUB, 2, format_stamp(1_790_000_900_000, 0), "县人社局（接受 张三@红星村）@中心",
                  "batches", ROW, made | {"held_key": held.key}, None)  # fmt: skip
    over = Change(VILLAGE, 6, format_stamp(1_790_000_100_000, 0), "张三@红星村", "batches", ROW,
                  {"title": "十二月（一）"}, {"title": [held.id]})  # fmt: skip
    return {"held": held, "copy": copy, "over": over}


def apply_in_turn(ledger: Ledger, changes: list[Change], together: bool) -> None:
    """Apply `changes` in their order: in one bundle (`together`) or one bundle each."""
    if together:
        ledger.apply_changes(changes)
    else:
        for change in changes:
            ledger.apply_changes([change])


@pytest.mark.parametrize("together", [False, True], ids=["one by one", "in one bundle"])
def test_the_countys_copy_keeps_the_number_and_is_superseded_in_any_order(tmp_path, together):
    dumps = []
    for n, order in enumerate(itertools.permutations(["copy", "over"])):
        ledger = Ledger.open(tmp_path / f"l{together}{n}.db", author="测试")
        try:
            changes = _changes(ledger)
            apply_in_turn(ledger, [changes[name] for name in order], together)
            row = ledger.get("batches", ROW)
            assert row["_ckey"] == changes["held"].key
            assert row_number(row["_ckey"]) == row_number(changes["held"].key)
            assert row["created_device"] == HUB and "接受" in row["created_by"]
            assert row["title"] == "十二月（一）"
            assert ledger.heads("batches", ROW)["title"] == [changes["over"].id]
            dump = canonical_dump(ledger.db)
            assert dump["conflicts"] == []
            dumps.append({k: v for k, v in dump.items() if k != "changes"})
        finally:
            ledger.close()
    assert dumps[0] == dumps[1]
