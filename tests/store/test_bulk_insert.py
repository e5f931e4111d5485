"""The set-based bulk write path: the same rows and log as one change at a time, on any thread."""

from __future__ import annotations

import ctypes
import datetime as dt
import sys
import threading
from collections.abc import Callable

import pytest

from fieldapp.domain.enums import Category, EmploymentForm
from fieldapp.store.changelog import Change, dumps
from fieldapp.store.connection import IntegrityError
from fieldapp.store.dump import canonical_dump
from fieldapp.store.hlc import COUNTER_LIMIT, HybridClock, parse_stamp
from fieldapp.store.ledger import Ledger
from fieldapp.store.new_rows import _staging_insert
from fieldapp.store.queries.search import PersonSearch
from tests.conftest import make_id

NAMES = ("张长英", "单雄信", "曾国藩", "覃小红", "李 梅")


def _people(count: int, start: int = 0) -> list[dict[str, object]]:
    return [
        {
            "name": NAMES[i % len(NAMES)],
            "id_number": make_id(birth=f"19{60 + i % 40:02d}0316", seq=f"{i % 1000:03d}"),
            "phone": f"1380000{i:04d}",
            "graduation_year": 2000 + i % 20 if i % 3 else None,
            "notes": '引号" 反斜杠\\ 换行\n' if i % 7 == 0 else "",
        }
        for i in range(start, start + count)
    ]


def _log(ledger: Ledger) -> list[Change]:
    rows = ledger.db.execute(
        "SELECT device_id, seq, hlc, author, tbl, row_id, data, parents FROM changes ORDER BY seq"
    ).fetchall()
    return [Change.from_row(r) for r in rows]


def test_bulk_rows_are_what_projecting_their_log_makes(tmp_path):
    bulk = Ledger.open(tmp_path / "bulk.db", author="录入员")
    with bulk.transaction():
        person_ids = bulk.insert_many("persons", _people(3000))  # several statements' worth
        bulk.insert_many(
            "person_categories",
            [
                {"person_id": p, "category": Category.LIFTED, "start_date": dt.date(2016, 12, 31)}
                for p in person_ids[:50]
            ],
        )
        bulk.insert_many(
            "employment_spells",
            [
                {"person_id": p, "monthly_income": 3500.5, "organized_export": True}
                for p in person_ids[:9]
            ],
        )
    log = _log(bulk)
    assert [c.seq for c in log] == list(range(1, 3060))
    assert [c.hlc for c in log] == sorted(c.hlc for c in log)
    assert len({c.hlc for c in log}) == len(log)
    # The log's JSON is canonical (what `dumps` makes of the same values).
    stored = [r[0] for r in bulk.db.execute("SELECT data FROM changes ORDER BY seq")]
    assert stored == [dumps(c.data) for c in log]
    category = log[3000].data  # dates and enums are stored as text
    assert category["category"] == Category.LIFTED.value
    assert category["start_date"] == "2016-12-31"

    replayed = Ledger.open(tmp_path / "replayed.db")
    for change in log:  # one change at a time, through the projector's slow path
        with replayed.transaction():
            replayed.projector.apply(change)
    assert canonical_dump(replayed.db) == canonical_dump(bulk.db)
    row = bulk.get("persons", person_ids[1])
    assert row is not None and row["sex"] in ("男", "女") and row["birth_date"].startswith("19")
    assert row["created_by"] == "录入员" and row["_origin"] == f"{bulk.device_id}:2"
    search = PersonSearch(bulk.db)
    assert {h.name for h in search.search("shanxiongxin")} == {"单雄信"}
    assert {h.name for h in search.search("13800002999")} == {NAMES[2999 % 5]}


#: Every kind of value the log's JSON must write exactly as `dumps` does: `employer` is text
#: only (SQLite writes it), `place_name` mixes text and a number (Python writes each value).
SPELLS = [
    {
        "employer": '引号" 反斜杠\\ 换行\n 制表\t \b\f \x01\x1f \x7f \u2028 𠀀 😀 /',
        "monthly_income": 3500.5,
        "contract_months": 12,
        "organized_export": True,
        "start_date": dt.date(2024, 3, 1),
        "form": EmploymentForm.EMPLOYEE,
    },
    {"employer": "", "monthly_income": 0.1, "organized_export": 0, "place_name": "遵义"},
    {"employer": "x", "monthly_income": 1e-7, "contract_months": 2**53 + 1},
    {"employer": "z", "monthly_income": 1e20, "is_casual": False, "place_name": 5},
    {"employer": "y", "monthly_income": 4200, "training_days": -3},
    {"employer": None, "monthly_income": 12345678.123456789, "export_agency": "贵州"},
]


def test_log_json_written_by_sqlite_is_what_the_one_change_path_writes(tmp_path):
    one = Ledger.open(tmp_path / "one.db", author="甲")
    bulk = Ledger.open(tmp_path / "bulk.db", author="甲")
    rows = SPELLS
    with one.transaction():
        ids = [one.insert("employment_spells", r) for r in rows]
    with bulk.transaction():
        bulk.insert_many(
            "employment_spells", [{**r, "id": i} for r, i in zip(rows, ids, strict=True)]
        )
    query = "SELECT row_id, data FROM changes ORDER BY seq"
    assert bulk.db.execute(query).fetchall() == one.db.execute(query).fetchall()
    for row_id in ids:
        kept, made = one.get("employment_spells", row_id), bulk.get("employment_spells", row_id)
        assert kept is not None and made is not None
        for name in one.projector.data_fields("employment_spells"):
            assert (made[name], type(made[name])) == (kept[name], type(kept[name])), name


@pytest.mark.parametrize(
    ("value", "error"),
    [(float("nan"), ValueError), (float("inf"), ValueError), ({"a": 1}, TypeError)],
)
def test_values_the_log_cannot_hold_are_refused_before_anything_is_written(ledger, value, error):
    with pytest.raises(error, match="monthly_income"):
        with ledger.transaction(), ledger.bulk_inserter(threaded=True) as bulk:
            bulk.insert_many("employment_spells", [{"monthly_income": value}])
    assert ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0] == 0


def test_threaded_inserter_writes_on_another_thread_and_commits_with_the_transaction(ledger):
    traced: list[tuple[str, str]] = []
    with ledger.transaction(), ledger.bulk_inserter(threaded=True) as bulk:
        ledger.db.conn.set_trace_callback(
            lambda sql: traced.append((threading.current_thread().name, sql))
        )
        for start in range(0, 600, 100):
            ids = bulk.insert_many("persons", _people(100, start))
        bulk.insert_many("person_categories", [{"person_id": i, "category": "低保"} for i in ids])
    ledger.db.conn.set_trace_callback(None)
    # While the writer runs, the caller's thread never touches the connection: its first
    # statement is the inserter's closing RELEASE.
    first_caller = next(i for i, (thread, _sql) in enumerate(traced) if thread != "ledger-writer")
    assert traced[first_caller][1].startswith("RELEASE")
    assert {thread for thread, _sql in traced[:first_caller]} == {"ledger-writer"}
    assert ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0] == 600
    assert [c.seq for c in _log(ledger)] == list(range(1, 701))


def test_a_failed_batch_on_the_writer_thread_takes_back_the_whole_inserter(ledger):
    with ledger.transaction():
        kept = ledger.insert("persons", {"name": "王五", "id_number": make_id(seq="555")})
    with pytest.raises(IntegrityError):
        with ledger.transaction(), ledger.bulk_inserter(threaded=True) as bulk:
            bulk.insert_many("persons", _people(100))
            bulk.insert_many("persons", [{"id": kept, "name": "重复", "id_number": "x"}])
            bulk.insert_many("persons", _people(100, 100))  # skipped once a batch failed
    assert [r[0] for r in ledger.db.execute("SELECT id FROM persons")] == [kept]
    assert [c.seq for c in _log(ledger)] == [1]
    with ledger.transaction():  # the device's sequence goes on without a gap
        ledger.insert("persons", {"name": "赵六", "id_number": make_id(seq="666")})
    assert [c.seq for c in _log(ledger)] == [1, 2]


def test_batches_of_any_size_share_one_compiled_staging_statement(ledger):
    # The connection keeps each distinct statement compiled (about a megabyte for a staging
    # insert): batch sizes must not multiply them. Padding rows never reach the ledger.
    _staging_insert.cache_clear()
    with ledger.transaction(), ledger.bulk_inserter() as bulk:
        for start, count in ((0, 8), (8, 373), (381, 1000), (1381, 9)):  # one layout
            bulk.insert_many("persons", _people(count, start))
    assert _staging_insert.cache_info().currsize == 1
    assert ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0] == 1390
    assert [c.seq for c in _log(ledger)] == list(range(1, 1391))


def test_unknown_fields_are_refused_before_anything_is_queued(ledger):
    with pytest.raises(KeyError, match="nickname"):
        with ledger.transaction(), ledger.bulk_inserter(threaded=True) as bulk:
            bulk.insert_many("persons", [{"name": "张三", "nickname": "三儿"}])
    assert ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0] == 0


def test_an_inserter_needs_an_open_transaction(ledger):
    with pytest.raises(RuntimeError):
        ledger.bulk_inserter()


def test_clock_stamps_in_bulk_keep_increasing_past_a_full_counter():
    clock = HybridClock(now_ms=lambda: 1_700_000_000_000)
    first = clock.now()
    stamps = clock.stamps(COUNTER_LIMIT + 5)
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert first < stamps[0]
    assert all(len(s) == len(first) for s in stamps)
    assert parse_stamp(stamps[-1])[0] == 1_700_000_000_001
    assert clock.now() > stamps[-1]
    assert clock.stamps(0) == []


def test_an_inserter_without_undo_leaves_taking_back_to_its_transaction(ledger):
    # An import is all or nothing: its inserters set no savepoint (`undo=False`), and a
    # failed batch is taken back with the whole transaction, the sequence going on unbroken.
    with ledger.transaction():
        kept = ledger.insert("persons", {"name": "王五", "id_number": make_id(seq="555")})
    traced: list[str] = []
    ledger.db.conn.set_trace_callback(traced.append)
    with pytest.raises(IntegrityError):
        with ledger.transaction(), ledger.bulk_inserter(threaded=True, undo=False) as bulk:
            bulk.insert_many("persons", _people(100))
            bulk.insert_many("persons", [{"id": kept, "name": "重复", "id_number": "x"}])
    ledger.db.conn.set_trace_callback(None)
    assert not [sql for sql in traced if "SAVEPOINT" in sql or sql.startswith("RELEASE")]
    assert [r[0] for r in ledger.db.execute("SELECT id FROM persons")] == [kept]
    with ledger.transaction(), ledger.bulk_inserter(undo=False) as bulk:
        bulk.insert_many("persons", _people(3))
    assert [c.seq for c in _log(ledger)] == [1, 2, 3, 4]


def _sqlite_memory() -> tuple[Callable[[], int], Callable[[int], int]]:
    """SQLite's own count of the memory it holds, and of the most it held (reset with 1)."""
    import glob
    import os

    import sqlcipher3

    found = glob.glob(os.path.join(os.path.dirname(sqlcipher3.__file__), "_sqlite3*"))
    library = ctypes.CDLL(found[0])
    used, most = library.sqlite3_memory_used, library.sqlite3_memory_highwater
    used.restype = most.restype = ctypes.c_int64
    most.argtypes = [ctypes.c_int]
    return used, most


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sqlcipher3's library by name")
def test_without_undo_sqlite_keeps_no_copy_of_the_pages_an_inserter_changes(tmp_path):
    # A savepoint makes SQLite keep, in memory (temp_store=MEMORY), the first copy of every
    # page written since: 40 MB of a 20 000-person import's peak went to it.
    used, most = _sqlite_memory()

    def held(undo: bool) -> int:
        ledger = Ledger.open(tmp_path / f"{undo}.db", author="录入员")
        ledger.db.execute("PRAGMA cache_size=-1000")  # pages leave the cache, as at 20 000
        try:
            with ledger.transaction():
                with ledger.bulk_inserter(undo=False) as bulk:
                    ids = bulk.insert_many("persons", _people(4000))
                most(1)
                before = used()
                with ledger.bulk_inserter(undo=undo) as bulk:
                    for month in ("2024-01", "2024-02", "2024-03"):
                        rows = [{"person_id": p, "month": month, "status": "已就业"} for p in ids]
                        bulk.insert_many("monthly_status", rows)
                        bulk.insert_many("employment_spells", [{"person_id": p} for p in ids])
                return most(0) - before
        finally:
            ledger.close()

    assert held(undo=False) < held(undo=True) * 0.5  # (0.9 MB against 4.3 MB)
