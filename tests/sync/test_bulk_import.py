"""The fast import path: per-line validation messages, canonical change text, search indexing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.store.changelog import Change, dumps
from fieldapp.store.dump import canonical_dump
from fieldapp.store.ledger import Ledger
from fieldapp.store.projector import Projector
from fieldapp.store.queries.search import PersonSearch
from fieldapp.store.replica import data_columns
from fieldapp.sync.bundle import decode_payload, encode_payload
from fieldapp.sync.errors import BundleRefused
from fieldapp.sync.exchange import export_bundle
from tests.sync.helpers import VILLAGE, add_family

GROUP = "520502101001002"  # a group in the device's own village: inside its scope


def _payload(ledger: Ledger) -> bytes:
    rows = ledger.db.execute(
        "SELECT device_id, seq, hlc, author, tbl, row_id, data, parents FROM changes "
        "ORDER BY device_id, seq"
    ).fetchall()
    return encode_payload(rows)


def _lines(ledger: Ledger) -> list[dict]:
    return [json.loads(line) for line in _payload(ledger).splitlines()]


def _encode(items: list[dict]) -> bytes:
    return b"".join(json.dumps(i, ensure_ascii=False).encode() + b"\n" for i in items)


def _search_index(ledger: Ledger) -> dict[str, list[tuple]]:
    return {
        name: ledger.db.execute(f"SELECT rowid, * FROM {name} ORDER BY rowid").fetchall()
        for name in ("person_words", "person_digits")
    }


def test_decoded_changes_are_the_stored_ones(ledger: Ledger):
    add_family(ledger, VILLAGE, ["101", "103"])
    pid = ledger.db.execute("SELECT id FROM persons LIMIT 1").fetchone()[0]
    ledger.update("persons", pid, {"phone": "13800000000"})
    decoded = decode_payload(_payload(ledger), data_columns(ledger.db))
    stored = ledger.db.execute(
        "SELECT device_id, seq, hlc, author, tbl, row_id, data, parents FROM changes "
        "ORDER BY device_id, seq"
    ).fetchall()
    assert [c.as_row() for c in decoded] == [tuple(r) for r in stored]
    assert decoded == [Change.from_row(r) for r in stored]
    assert any(c.parents for c in decoded)


def test_refusals_name_the_line(ledger: Ledger):
    add_family(ledger, VILLAGE, ["101", "103"])
    columns = data_columns(ledger.db)
    good = _lines(ledger)
    assert len(good) >= 3

    def refused(items: list[dict] | bytes) -> str:
        payload = items if isinstance(items, bytes) else _encode(items)
        with pytest.raises(BundleRefused) as caught:
            decode_payload(payload, columns)
        assert caught.value.code == "invalid"
        return str(caught.value)

    cases = [
        ({"seq": "3"}, "第 3 条修改的 seq 不合格"),
        ({"hlc": "yesterday"}, "第 3 条修改的 hlc 不合格"),
        ({"extra": 1}, "第 3 条修改的 extra 不合格"),
        ({"data": {}}, "第 3 条修改的 data 不合格"),
        ({"data": {"name": ["张"]}}, "第 3 条修改的 data.name"),
        ({"tbl": "secrets"}, "表 secrets 本机没有"),
        ({"parents": {"nosuch": ["x:1"]}}, "前版本与字段不对应"),
    ]
    for patch, message in cases:
        items = [dict(i) for i in good]
        items[2] |= patch
        assert message in refused(items)
    items = [dict(i) for i in good]
    items[2]["data"] = {**items[2]["data"], "salary": 1}
    assert "第 3 条修改含未知字段 ['salary']" in refused(items)
    payload = _encode(good).splitlines(keepends=True)
    assert "第 2 条修改的  不合格" in refused(b"".join([payload[0], b"{not json\n", *payload[2:]]))
    assert "空行" in refused(b"".join([payload[0], b"\n", *payload[1:]]))


def test_missing_or_empty_parents_mean_none(ledger: Ledger):
    add_family(ledger, VILLAGE, ["101"])
    items = _lines(ledger)
    del items[0]["parents"]
    items[1]["parents"] = {}
    decoded = decode_payload(_encode(items), data_columns(ledger.db))
    assert decoded[0].parents is None and decoded[1].parents is None
    assert decoded[1].as_row()[7] is None


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=200)
@given(value=JSON)
def test_dumps_is_canonical_json(value):
    expected = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert dumps(value) == expected


def test_dumps_refuses_what_json_refuses():
    with pytest.raises(TypeError):
        dumps({"a": object()})
    assert dumps({"b": [1]}) == '{"b":[1]}'  # a failed call leaves nothing behind


def test_imported_persons_are_searchable_like_applied_ones(tmp_path: Path, hub, make_device):
    device = make_device("甲村", VILLAGE)
    add_family(device, VILLAGE, ["101", "103"], surname="张")
    add_family(device, GROUP, ["105"], surname="李", kind="组")
    hub.import_file(export_bundle(device, tmp_path / "a.fieldsync").path)
    # The same changes one by one through `apply` (per-row search trigger).
    one_by_one = Ledger.open(tmp_path / "one.db", author="对照")
    with one_by_one.transaction():
        projector = Projector(one_by_one.db)
        for change in device.changes_since(device.device_id, 0):
            projector.apply(change)
    assert _search_index(hub.ledger) == _search_index(one_by_one)
    assert canonical_dump(hub.ledger.db)["persons"] == canonical_dump(one_by_one.db)["persons"]
    assert hub.ledger.db.execute("SELECT count(*) FROM _search_deferred").fetchone()[0] == 0
    hits = PersonSearch(hub.ledger.db).search("李0")
    assert [h.name for h in hits] == ["李0"]
    number = device.db.execute("SELECT id_number FROM persons WHERE name = '张1'").fetchone()[0]
    assert [h.name for h in PersonSearch(hub.ledger.db).search(number[-6:])] == ["张1"]
