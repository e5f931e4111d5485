"""Bulk writes index search set-based; the indexes must end up exactly as the triggers make them."""

from __future__ import annotations

import pytest

from fieldapp.store.connection import DatabaseError, IntegrityError
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.search import PersonSearch
from fieldapp.tabular.ledger_import import import_ledger
from tests.conftest import make_id
from tests.tabular.sheets import write_xlsx

HEADERS = ["姓名", "身份证号码", "户主身份证号码", "联系电话", "县（市、区）", "乡镇（街道）"]


def _assert_indexes_match(ledger: Ledger) -> None:
    """FTS5's own check against the persons table (fails on a missing or extra entry)."""
    for index in ("person_words", "person_digits"):
        ledger.db.execute(f"INSERT INTO {index}({index}, rank) VALUES ('integrity-check', 1)")
    assert ledger.db.execute("SELECT count(*) FROM _search_deferred").fetchone()[0] == 0


def _names(ledger: Ledger, query: str) -> set[str]:
    return {h.name for h in PersonSearch(ledger.db).search(query)}


def _person(name: str, birth: str, seq: str, phone: str = "") -> dict[str, str]:
    return {"name": name, "id_number": make_id("520502", birth, seq), "phone": phone}


def test_the_integrity_check_notices_an_unindexed_row(ledger):
    with ledger.transaction():
        ledger.db.execute("INSERT INTO _search_deferred VALUES (0)")
        ledger.insert("persons", _person("张三", "19800101", "011"))
        ledger.db.execute("DELETE FROM _search_deferred")
    with pytest.raises(DatabaseError):
        _assert_indexes_match(ledger)


def test_imported_people_are_found_and_stay_findable_after_edits(ledger, tmp_path):
    rows = [
        ["张长英", make_id("520502", "19750316", "131"), "", "13800001234", "七星关区", "碧阳街道"],
        ["李建国", make_id("520502", "19700505", "021"), "", "", "七星关区", "碧阳街道"],
    ]
    for row in rows:
        row[2] = row[1]
    report = import_ledger(ledger, write_xlsx(tmp_path / "a.xlsx", HEADERS, rows))
    assert report.imported == 2 and not report.rejected
    _assert_indexes_match(ledger)
    assert _names(ledger, "长英") == {"张长英"}
    assert _names(ledger, "ljg") == {"李建国"}
    assert _names(ledger, "00001234") == {"张长英"}
    assert _names(ledger, rows[1][1][-8:]) == {"李建国"}

    person_id = ledger.db.execute("SELECT id FROM persons WHERE name = '李建国'").fetchone()[0]
    with ledger.transaction():
        ledger.update("persons", person_id, {"name": "王建军", "phone": "13912345678"})
    _assert_indexes_match(ledger)
    assert _names(ledger, "王建军") == {"王建军"}
    assert _names(ledger, "李建国") == set()
    assert _names(ledger, "12345678") == {"王建军"}


def test_a_failed_bulk_insert_inside_a_longer_transaction_leaves_nothing_of_it(ledger):
    first = _person("赵六", "19900101", "011")
    with ledger.transaction():
        ids = ledger.insert_many("persons", [first])
        with pytest.raises(IntegrityError):
            # The second row repeats the first's id: the whole batch is taken back.
            ledger.insert_many(
                "persons",
                [
                    _person("钱七", "19910101", "022"),
                    {**_person("孙八", "19920101", "033"), "id": ids[0]},
                ],
            )
        ledger.insert("persons", _person("周九", "19930101", "044"))
    _assert_indexes_match(ledger)
    assert _names(ledger, "钱七") == set()
    assert _names(ledger, "周九") == {"周九"}
    assert _names(ledger, "孙八") == set()
    # Nothing of the failed batch is logged, and the device's sequence has no gap.
    seqs = [r[0] for r in ledger.db.execute("SELECT seq FROM changes ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1))
    logged = {r[0] for r in ledger.db.execute("SELECT row_id FROM changes")}
    assert logged == {r[0] for r in ledger.db.execute("SELECT id FROM persons")}


def test_rows_received_by_sync_are_indexed_beside_bulk_written_ones(ledger, tmp_path):
    other = Ledger.open(tmp_path / "other.db", author="村干部")
    with other.transaction():
        other.insert_many("persons", [_person("欧阳娜娜", "19991111", "082", "13700007777")])
        other.insert("persons", _person("单田芳", "19660606", "031"))
    changes = other.changes_since(other.device_id, 0)
    with ledger.transaction():
        ledger.insert_many("persons", [_person("曾国强", "19770707", "041")])
    assert ledger.apply_changes(changes) == 2
    with ledger.transaction():
        ledger.insert_many("persons", [_person("覃小红", "19900909", "052")])
    _assert_indexes_match(ledger)
    for name in ("欧阳娜娜", "单田芳", "曾国强", "覃小红"):
        assert _names(ledger, name) == {name}
    assert _names(ledger, "00007777") == {"欧阳娜娜"}
    other.close()
