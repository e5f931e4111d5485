"""A change's canonical JSON (`Change.data_json`) is worked out once and is what the log stores;
it is no field of the change (equality and copies ignore it)."""

from __future__ import annotations

import dataclasses

from fieldapp.store.changelog import Change, dumps, encode_ahead


def _change(**data: object) -> Change:
    return Change.of_fields(
        {
            "device_id": "dev",
            "seq": 1,
            "hlc": "2026-01-01T00:00:00.000Z/0000",
            "author": "张三@甲村",
            "tbl": "persons",
            "row_id": "p1",
            "data": dict(data),
        }
    )


def test_data_json_is_the_canonical_json_the_log_stores() -> None:
    change = _change(name="张三", phone=None, graduation_year=2020, deleted=False)
    assert change.data_json == dumps(change.data)
    assert change.data_json == '{"deleted":false,"graduation_year":2020,"name":"张三","phone":null}'
    assert change.as_row()[6] == change.data_json


def test_worked_out_ahead_it_changes_nothing_a_change_is_compared_by() -> None:
    ahead, later = _change(name="李四"), _change(name="李四")
    encode_ahead([ahead])
    assert ahead == later
    assert ahead.as_row() == later.as_row()
    copy = dataclasses.replace(ahead, data={"name": "王五"})
    assert copy.data_json == '{"name":"王五"}'
    assert ahead.data_json == '{"name":"李四"}'
