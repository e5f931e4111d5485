"""Every write is logged in its own transaction; the tables are a projection of the log."""

from __future__ import annotations

import json
import random
import uuid

import pytest

from fieldapp.store.changelog import Change
from fieldapp.store.dump import canonical_dump
from fieldapp.store.ids import NATURAL_KEY_NAMESPACE
from fieldapp.store.ledger import Ledger, natural_id
from fieldapp.store.migrations import current_version, latest_version
from fieldapp.store.projector import Projector
from tests.conftest import make_id


def _log(ledger: Ledger) -> list[tuple]:
    return ledger.db.execute("SELECT * FROM changes ORDER BY device_id, seq").fetchall()


def _dump(ledger: Ledger, table: str) -> list[tuple]:
    cols = [c for c in ledger.projector.columns(table) if c not in {"_heads"}]
    rows = ledger.db.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY id").fetchall()
    return rows


def test_new_file_is_migrated_to_latest(ledger):
    assert current_version(ledger.db) == latest_version()
    assert {"changes", "persons", "households", "conflicts"} <= set(ledger.db.table_names())


def test_reopening_keeps_device_id_and_sequence(tmp_path):
    first = Ledger.open(tmp_path / "x.db", author="甲")
    with first.transaction():
        first.insert("areas", {"code": "520502", "name": "七星关区", "kind": "县"})
    device = first.device_id
    first.close()
    again = Ledger.open(tmp_path / "x.db", author="甲")
    assert again.device_id == device
    with again.transaction():
        again.insert("areas", {"code": "520502101", "name": "某镇", "kind": "乡镇"})
    assert [r[1] for r in _log(again)] == [1, 2]


@pytest.mark.parametrize(
    "write",
    ["insert", "insert_many", "update", "delete", "undelete"],
)
def test_every_kind_of_write_is_logged_with_attribution(ledger, write):
    pid = ledger.insert("persons", {"name": "李四", "id_number": make_id()})
    before = len(_log(ledger))
    if write == "insert":
        ledger.insert("persons", {"name": "王五", "id_number": make_id(seq="125")})
    elif write == "insert_many":
        ledger.insert_many("persons", [{"name": "赵六", "id_number": make_id(seq="127")}])
    elif write == "update":
        ledger.update("persons", pid, {"phone": "13900001111"})
    elif write == "delete":
        ledger.delete("persons", pid)
    else:
        ledger.delete("persons", pid)
        before += 1
        ledger.undelete("persons", pid)
    log = _log(ledger)
    assert len(log) == before + 1
    device_id, seq, hlc, author, *_ = log[-1]
    assert (device_id, author) == (ledger.device_id, "测试员")
    assert [r[1] for r in log] == list(range(1, len(log) + 1))  # gap-free
    assert hlc > log[-2][2]


def test_delete_keeps_the_row_and_its_history(ledger):
    pid = ledger.insert("persons", {"name": "李四", "id_number": make_id()})
    ledger.delete("persons", pid)
    row = ledger.get("persons", pid)
    assert row["deleted"] == 1 and row["name"] == "李四"
    ledger.undelete("persons", pid)
    assert ledger.get("persons", pid)["deleted"] == 0


def test_failing_write_leaves_neither_row_nor_log(ledger):
    ledger.insert("persons", {"name": "李四", "id_number": make_id()})
    before_log, before_rows = _log(ledger), _dump(ledger, "persons")
    with pytest.raises(RuntimeError), ledger.transaction():
        ledger.insert("persons", {"name": "王五", "id_number": make_id(seq="125")})
        ledger.update(
            "persons", ledger.db.execute("SELECT id FROM persons").fetchone()[0], {"phone": "1"}
        )
        raise RuntimeError("disk full")
    assert _log(ledger) == before_log
    assert _dump(ledger, "persons") == before_rows
    # the sequence continues without a gap after the rolled-back transaction
    ledger.insert("persons", {"name": "赵六", "id_number": make_id(seq="127")})
    assert [r[1] for r in _log(ledger)] == [1, 2]


def test_unknown_field_is_refused_before_anything_is_written(ledger):
    with pytest.raises(KeyError):
        ledger.insert("persons", {"name": "李四", "nonsense": 1})
    assert _log(ledger) == []


def test_unchanged_values_are_not_logged(ledger):
    pid = ledger.insert("persons", {"name": "李四", "id_number": make_id()})
    assert ledger.update("persons", pid, {"name": "李四"}) is None
    assert len(_log(ledger)) == 1


def test_update_records_the_versions_seen(ledger):
    pid = ledger.insert("persons", {"name": "李四", "id_number": make_id()})
    first = ledger.update("persons", pid, {"phone": "1"})
    second = ledger.update("persons", pid, {"phone": "2"})
    assert first.parents == {"phone": [f"{ledger.device_id}:1"]}
    assert second.parents == {"phone": [first.id]}
    assert ledger.heads("persons", pid)["phone"] == [second.id]
    assert ledger.heads("persons", pid)["name"] == [f"{ledger.device_id}:1"]


def test_natural_keys_give_the_same_id_everywhere():
    assert natural_id("monthly_status", "p1", "2026-11") == natural_id(
        "monthly_status", "p1", "2026-11"
    )
    assert natural_id("monthly_status", "p1", "2026-11") != natural_id(
        "monthly_status", "p1", "2026-12"
    )
    # Exactly the standard UUIDv5 (ids already stored on other devices must not change).
    assert natural_id("monthly_status", "张三", "2026-11") == str(
        uuid.uuid5(NATURAL_KEY_NAMESPACE, "monthly_status/张三/2026-11")
    )


def _remote(device: str, seq: int, hlc: str, row_id: str, data: dict, parents=None) -> Change:
    return Change(device, seq, hlc, "远端", "persons", row_id, data, parents)


def test_concurrent_edits_to_different_fields_both_survive(ledger):
    pid = ledger.insert("persons", {"name": "李四", "id_number": make_id()})
    origin = f"{ledger.device_id}:1"
    ledger.update("persons", pid, {"phone": "111"})
    ledger.apply_changes(
        [_remote("dev-b", 1, "0000000000001-0000", pid, {"notes": "搬迁"}, {"notes": [origin]})]
    )
    row = ledger.get("persons", pid)
    assert (row["phone"], row["notes"]) == ("111", "搬迁")
    assert ledger.db.execute("SELECT count(*) FROM conflicts").fetchone()[0] == 0


def test_concurrent_values_of_one_field_are_kept_as_a_conflict(ledger):
    pid = ledger.insert("persons", {"name": "李四", "id_number": make_id()})
    origin = f"{ledger.device_id}:1"
    local = ledger.update("persons", pid, {"phone": "111"})
    remote = _remote("dev-b", 1, "9999999999999-0000", pid, {"phone": "222"}, {"phone": [origin]})
    ledger.apply_changes([remote])
    assert ledger.get("persons", pid)["phone"] == "222"  # the later stamp is shown
    assert sorted(ledger.heads("persons", pid)["phone"]) == sorted([local.id, remote.id])
    assert ledger.db.execute("SELECT tbl, row_id, field FROM conflicts").fetchall() == [
        ("persons", pid, "phone")
    ]
    # an edit that saw both versions resolves it
    ledger.update("persons", pid, {"phone": "111"}, seen={"phone": [local.id, remote.id]})
    assert ledger.db.execute("SELECT count(*) FROM conflicts").fetchone()[0] == 0
    assert ledger.get("persons", pid)["phone"] == "111"


def test_applying_the_same_change_twice_changes_nothing(ledger):
    pid = ledger.insert("persons", {"name": "李四", "id_number": make_id()})
    change = _remote("dev-b", 1, "0000000000001-0000", pid, {"phone": "9"}, None)
    assert ledger.apply_changes([change]) == 1
    snapshot = (_log(ledger), _dump(ledger, "persons"))
    assert ledger.apply_changes([change]) == 0
    assert (_log(ledger), _dump(ledger, "persons")) == snapshot


def test_tables_rebuild_from_the_log_in_any_order(ledger, tmp_path):
    ids = [
        ledger.insert("persons", {"name": n, "id_number": make_id(seq=s)})
        for n, s in (("李四", "123"), ("王五", "125"), ("赵六", "127"))
    ]
    ledger.update("persons", ids[0], {"phone": "1"})
    ledger.update("persons", ids[0], {"phone": "2"})
    ledger.delete("persons", ids[1])
    ledger.apply_changes(
        [
            _remote(
                "dev-b",
                1,
                "1900000000000-0000",
                ids[0],
                {"phone": "3"},
                {"phone": [f"{ledger.device_id}:4"]},
            ),
            _remote(
                "dev-b",
                2,
                "1900000000001-0000",
                ids[2],
                {"notes": "外出"},
                {"notes": [f"{ledger.device_id}:3"]},
            ),
        ]
    )
    changes = [
        Change.from_row(r)
        for r in ledger.db.execute(
            "SELECT device_id, seq, hlc, author, tbl, row_id, data, parents FROM changes"
        ).fetchall()
    ]
    expected = canonical_dump(ledger.db)
    assert expected["conflicts"] == [("persons", ids[0], "phone")]
    for attempt in range(6):
        random.Random(attempt).shuffle(changes)
        rebuilt = Ledger.open(tmp_path / f"rebuilt{attempt}.db")
        rebuilt.apply_changes(changes)
        assert canonical_dump(rebuilt.db) == expected
        rebuilt.close()


def test_insert_many_and_insert_project_identically(tmp_path):
    a, b = Ledger.open(tmp_path / "a.db"), Ledger.open(tmp_path / "b.db")
    rows = [
        {"id": f"row{i}", "name": "张长英", "id_number": make_id(seq=f"{i:03d}")} for i in range(5)
    ]
    a.insert_many("persons", rows)
    changes = [
        Change.from_row(r)
        for r in a.db.execute(
            "SELECT device_id, seq, hlc, author, tbl, row_id, data, parents FROM changes"
        ).fetchall()
    ]
    b.apply_changes(changes)
    assert _dump(a, "persons") == _dump(b, "persons")
    data = json.loads(a.db.execute("SELECT data FROM changes").fetchone()[0])
    assert data["name"] == "张长英" and "search_words" not in data


def test_projector_reports_data_fields_without_derived_ones(ledger):
    fields = Projector(ledger.db).data_fields("persons")
    assert "id_number" in fields and "sex" not in fields and "_heads" not in fields
