"""The bulk update path: the same log, versions, conflicts and rows as one update at a time."""

from __future__ import annotations

import shutil

import pytest

from fieldapp.store import bulk_update
from fieldapp.store.changelog import Change
from fieldapp.store.hlc import HybridClock
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.search import PersonSearch
from tests.conftest import make_id

#: Tables whose every byte must agree (the search index's own tables are compared by searching).
COMPARED = (
    "changes",
    "superseded",
    "conflicts",
    "persons",
    "monthly_status",
    "employment_spells",
)
NOW_MS = 1_900_000_000_000


def _remote(seq: int, row_id: str, data: dict, parents: dict | None, hlc: str) -> Change:
    return Change("dev-b", seq, hlc, "远端", "persons", row_id, data, parents)


def _ledger_with_history(path) -> tuple[list[str], list[str]]:
    """Persons in every state an update meets: plain, edited, with a conflict, with a field only
    a remote change set (`_heads`), deleted; and some monthly statuses."""
    ledger = Ledger.open(path, author="录入员")
    with ledger.transaction():
        people = ledger.insert_many(
            "persons",
            [
                {"name": name, "id_number": make_id(seq=f"{i:03d}"), "phone": f"1380000{i:04d}"}
                for i, name in enumerate(["张长英", "单雄信", "曾国藩", "覃小红", "李梅", "王五"])
            ],
        )
        months = ledger.insert_many(
            "monthly_status",
            [{"person_id": p, "month": "2026-05", "status": "未就业"} for p in people],
        )
    origin = {p: ledger.get("persons", p)["_origin"] for p in people}
    ledger.update("persons", people[1], {"notes": "已核实"})
    local = ledger.update("persons", people[2], {"phone": "111"})
    assert local is not None
    ledger.apply_changes(
        [
            # people[2].phone: two versions, a conflict listed
            _remote(
                1, people[2], {"phone": "222"}, {"phone": [origin[people[2]]]}, "9999999999999-0000"
            ),
            # people[3].notes set by a remote change only: kept in `_heads`
            _remote(
                2,
                people[3],
                {"notes": "搬迁"},
                {"notes": [origin[people[3]]]},
                "0000000000001-0000",
            ),
            # people[4].phone: two versions with the same value, no conflict listed
            _remote(3, people[4], {"phone": "13800000004"}, None, "0000000000002-0000"),
        ]
    )
    ledger.delete("persons", people[5])
    assert ledger.db.execute("SELECT count(*) FROM conflicts").fetchone()[0] == 1
    ledger.close()
    return people, months


def _open(path) -> Ledger:
    ledger = Ledger.open(path, author="更新员")
    ledger.clock = HybridClock(ledger.get_meta("hlc"), now_ms=lambda: NOW_MS)
    return ledger


def _tables(ledger: Ledger) -> dict[str, list[tuple]]:
    return {
        t: sorted(ledger.db.execute(f"SELECT * FROM [{t}]").fetchall(), key=repr) for t in COMPARED
    }


@pytest.fixture
def copies(tmp_path):
    people, months = _ledger_with_history(tmp_path / "base.db")
    for name in ("one.db", "bulk.db"):
        shutil.copy(tmp_path / "base.db", tmp_path / name)
    one, bulk = _open(tmp_path / "one.db"), _open(tmp_path / "bulk.db")
    yield one, bulk, people, months
    one.close()
    bulk.close()


def test_update_many_writes_what_updating_one_by_one_writes(copies):
    one, bulk, people, months = copies
    person_updates = [
        (people[0], {"phone": "13900000000", "name": "张常英"}),  # derived columns, search index
        (people[1], {"notes": "已核实", "phone": "13800000001"}),  # nothing changes: no entry
        (people[2], {"phone": "111"}),  # a conflict resolved: logged though the value is shown
        (people[3], {"notes": "外出务工", "phone": "13600000003"}),  # over a remote version
        (people[4], {"phone": "13800000004"}),  # same value, two versions: logged, superseding both
        (people[5], {"notes": "已注销"}),  # a deleted row
        (people[0], {"notes": "第二次"}),  # the same row again: sees the first update
    ]
    month_updates = [(m, {"status": "已就业", "income": 3500.5}) for m in months[:4]]
    with one.transaction():
        expected = [one.update("persons", r, f) for r, f in person_updates]
        expected += [one.update("monthly_status", r, f) for r, f in month_updates]
    heard: list[tuple[str, str | None, dict]] = []
    with bulk.transaction():
        got = bulk.update_many(
            "persons",
            person_updates,
            lambda row_id, row, fields: heard.append((row_id, row and row["phone"], dict(fields))),
        )
        got += bulk.update_many("monthly_status", month_updates)
    assert got == expected
    assert [c is None for c in got[:7]] == [False, True, False, False, False, False, False]
    assert _tables(bulk) == _tables(one)
    assert bulk.get_meta("hlc") == one.get_meta("hlc")
    assert bulk.db.execute("SELECT count(*) FROM conflicts").fetchone()[0] == 0
    # Each update was heard with the row as it was before it (the second sees the first).
    assert heard[0] == (people[0], "13800000000", person_updates[0][1])
    assert heard[6] == (people[0], "13900000000", {"notes": "第二次"})
    search = PersonSearch(bulk.db)
    assert {h.name for h in search.search("13900000000")} == {"张常英"}
    assert not search.search("13800000000")


def test_batches_split_where_a_row_repeats_or_the_batch_is_full(monkeypatch):
    monkeypatch.setattr(bulk_update, "BATCH", 3)
    updates = [(r, {}) for r in ["a", "b", "a", "c", "d", "e", "f"]]
    runs = [[r for r, _ in batch] for batch in bulk_update._batches(updates)]
    assert runs == [["a", "b"], ["a", "c", "d"], ["e", "f"]]


def test_a_missing_row_is_refused_and_nothing_of_the_transaction_stays(copies):
    _one, bulk, people, _months = copies
    before = bulk.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    with pytest.raises(KeyError, match="persons/nobody"):
        with bulk.transaction():
            bulk.update_many("persons", [(people[0], {"phone": "1"}), ("nobody", {"phone": "2"})])
    assert bulk.db.execute("SELECT count(*) FROM changes").fetchone()[0] == before
    assert bulk.get("persons", people[0])["phone"] == "13800000000"


def conflicted_persons(ledger: Ledger, count: int) -> list[str]:
    """`count` persons, each with its phone in conflict (two devices changed it unseen)."""
    with ledger.transaction():  # one at a time: a hub on PostgreSQL inserts no rows in bulk
        people = [
            ledger.insert("persons", {"name": f"王{n}", "id_number": make_id(seq=f"{n:03d}")})
            for n in range(count)
        ]
    remote = []
    for n, person in enumerate(people):
        origin = {"phone": [ledger.get("persons", person)["_origin"]]}
        for device, phone in (("dev-b", "222"), ("dev-c", "333")):
            remote.append(
                Change(
                    device,
                    n + 1,
                    f"9999999999999-{n:04d}",
                    "远端",
                    "persons",
                    person,
                    {"phone": phone},
                    origin,
                )
            )
    ledger.apply_changes(remote)
    assert ledger.db.execute("SELECT count(*) FROM conflicts").fetchone()[0] == count
    return people


def test_a_batch_reads_only_its_own_rows_conflicts(tmp_path):
    """A batch read every conflict its table had ever listed (`WHERE tbl = ?`) to know which of
    its fields to take off the list: at a hub, the table's whole conflict history for each
    batch. Now only the conflicts of the rows it updates are read; the same are cleared."""
    ledger = _open(tmp_path / "many.db")
    people = conflicted_persons(ledger, 40)
    traced: list[str] = []
    ledger.db.conn.set_trace_callback(traced.append)
    with ledger.transaction():
        ledger.update_many("persons", [(people[0], {"phone": "111"}), (people[1], {"notes": "核"})])
    ledger.db.conn.set_trace_callback(None)
    reads = [s for s in traced if s.startswith("SELECT") and "FROM conflicts" in s]
    assert reads
    # Run again after the batch (39 conflicts still listed, people[1]'s among them), the reads
    # return only those of the batch's rows: people[1]'s phone (the old read returned all 39).
    read = sum(len(ledger.db.execute(s).fetchall()) for s in reads)
    assert read == 1
    listed = {r[0] for r in ledger.db.execute("SELECT row_id FROM conflicts").fetchall()}
    assert listed == set(people[1:])
    assert ledger.get("persons", people[0])["phone"] == "111"
