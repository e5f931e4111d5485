"""What an import holds while it plans a big workbook: each fact row's own fields, repeated
texts and dates once (a 100 000-person workbook is some 400 000 extra rows and their plans)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from fieldapp.demo.generator import build_demo
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries import tabular as store
from fieldapp.tabular import extra_sheets, ledger_import
from fieldapp.tabular.extra_sheets import parse_extra
from fieldapp.tabular.ledger_export import export_ledger
from fieldapp.tabular.ledger_import import ImportReport, import_ledger
from fieldapp.tabular.ledger_update import RowPlan, writes_of
from tests.conftest import make_id

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
#: Who wrote a row and its version bookkeeping: never needed to plan an import.
ATTRIBUTION = {"created_at", "created_by", "created_device", "updated_at", "updated_by"}
VERSIONS = {"updated_device", "_origin", "_heads", "_ckey", "_ukey"}


def _whole_rows(ledger: Ledger, table: str) -> dict[str, dict]:
    cursor = ledger.db.execute(f"SELECT * FROM {table} WHERE deleted = 0")
    names = [d[0] for d in cursor.description]
    return {row[0]: dict(zip(names, row, strict=True)) for row in cursor.fetchall()}


def test_fact_rows_give_each_records_fields_as_stored_and_no_bookkeeping(ledger):
    build_demo(ledger, 40, seed=3)
    people = [r[0] for r in ledger.db.execute("SELECT id FROM persons WHERE deleted = 0")]
    for table in store.PERSON_FACT_TABLES:
        whole = _whole_rows(ledger, table)
        found = store.fact_rows(ledger.db, table, people)
        rows = [row for rows in found.values() for row in rows]
        # (a visit to a whole household names no person: those are read by household)
        assert len(rows) == sum(r["person_id"] is not None for r in whole.values()) > 0, table
        for row in rows:
            assert not (set(row) & (ATTRIBUTION | VERSIONS)), table
            assert {"id", "deleted", "person_id"} <= set(row), table
            assert row == {k: whole[row["id"]][k] for k in row}, table
        # Every data column the table holds is read: a planner compares any of them.
        data = set(next(iter(whole.values()))) - ATTRIBUTION - VERSIONS - {"search_words"}
        assert all(set(row) == data for row in rows), table
    households = [r[0] for r in ledger.db.execute("SELECT id FROM households")]
    visits = store.visits_of_households(ledger.db, households)
    whole = _whole_rows(ledger, "visits")
    assert sum(map(len, visits.values())) == len(whole) > 0
    for row in (r for rows in visits.values() for r in rows):
        assert row == {k: whole[row["id"]][k] for k in row}
        assert not set(row) & (ATTRIBUTION | VERSIONS)
    months = _whole_rows(ledger, "monthly_status")
    by_id = store.rows_by_id(ledger.db, "monthly_status", list(months))
    assert [r["id"] for r in by_id] and all(r == {k: months[r["id"]][k] for k in r} for r in by_id)


def test_the_records_an_import_plans_against_hold_each_text_once(ledger):
    # An import holds every record of its rows' persons while it plans them (its peak, for an
    # update: 20 000 persons' jobs, services, months …). SQLite gives each cell its own copy of
    # its text, and the records repeat theirs (a day, a place, a status); each read now holds
    # each text once. The values are as stored (the first test), numbers left as they are.
    build_demo(ledger, 40, seed=3)
    people = [r[0] for r in ledger.db.execute("SELECT id FROM persons WHERE deleted = 0")]
    households = [r[0] for r in ledger.db.execute("SELECT id FROM households")]
    months = [r[0] for r in ledger.db.execute("SELECT id FROM monthly_status WHERE deleted = 0")]
    reads = {
        table: [r for rows in store.fact_rows(ledger.db, table, people).values() for r in rows]
        for table in store.PERSON_FACT_TABLES
    }
    reads["visits by household"] = [
        r for rows in store.visits_of_households(ledger.db, households).values() for r in rows
    ]
    reads["months by id"] = store.rows_by_id(ledger.db, "monthly_status", months)
    for read, rows in reads.items():
        texts: dict[str, str] = {}
        cells = [v for row in rows for v in row.values() if type(v) is str and v]
        for value in cells:
            assert texts.setdefault(value, value) is value, (read, value)
        assert len(texts) < len(cells), read  # texts repeat, each held once
    for table in store.PERSON_FACT_TABLES:  # each value of the type stored (1.0 not made 1)
        whole = _whole_rows(ledger, table)
        for row in reads[table]:
            assert {k: type(v) for k, v in row.items()} == {
                k: type(whole[row["id"]][k]) for k in row
            }, table


def test_rows_naming_the_same_day_or_text_share_one_copy_until_the_import_ends(ledger, tmp_path):
    first, second = make_id("520502", "19750316", "131"), make_id("520502", "19780520", "142")
    # Texts read from two cells are two objects, as calamine gives them.
    employer = ["".join(["贵州", "某某", "建筑公司"]) for _ in range(2)]
    assert employer[0] is not employer[1]
    rows = [
        parse_extra(
            "就业经历",
            "就业经历",
            3 + i,
            {"id_number": number, "start_date": "2024-03-01", "employer": employer[i]},
            {},
            words={},
        )
        for i, number in enumerate((first, second))
    ]
    assert rows[0].values["start_date"] == "2024-03-01"
    assert rows[0].values["start_date"] is rows[1].values["start_date"]
    assert rows[0].values["employer"] == "贵州某某建筑公司"
    assert rows[0].values["employer"] is rows[1].values["employer"]
    # An import lets go of what it kept for sharing when it ends.
    build_demo(ledger, 10, seed=2)
    export_ledger(ledger, tmp_path / "book.xlsx")
    fresh = Ledger.open(tmp_path / "fresh.db", author="测试员")
    try:
        report = import_ledger(fresh, tmp_path / "book.xlsx")
    finally:
        fresh.close()
    assert report.rejected == [] and report.imported > 0
    assert extra_sheets._shared.cache_info().currsize == 0
    assert extra_sheets._iso.cache_info().currsize == 0


def test_a_fresh_import_plans_with_who_and_where_only_and_keeps_plans_compact(
    ledger, tmp_path, monkeypatch
):
    build_demo(ledger, 12, seed=4)
    export_ledger(ledger, tmp_path / "book.xlsx")
    asked: list[tuple[int, tuple[str, ...]]] = []
    person_rows = store.person_rows

    def spy(db, numbers, fields=()):
        numbers, fields = list(numbers), tuple(fields)
        asked.append((len(numbers), fields))
        return person_rows(db, numbers, fields)

    monkeypatch.setattr(store, "person_rows", spy)
    fresh = Ledger.open(tmp_path / "fresh.db", author="测试员")
    try:
        report = import_ledger(fresh, tmp_path / "book.xlsx")
    finally:
        fresh.close()
    assert report.rejected == [] and report.changes
    # Nobody in the sheet was in the ledger: no person's changeable fields were read.
    assert asked and all(fields == () for _count, fields in asked)
    for plan in report.changes:
        assert type(plan.changes) is tuple and type(plan.inserts) is tuple
    # An update reads them for the persons it updates.
    asked.clear()
    sheet = tmp_path / "book.xlsx"
    report = import_ledger(ledger, sheet, update=True)
    assert report.rejected == []
    assert any(fields for _count, fields in asked)


def test_while_writing_the_planner_holds_no_list_of_every_extra_rows_id_number(
    ledger, tmp_path, monkeypatch
):
    # The ID numbers the extra sheets' rows name are looked up once; a 100 000-person
    # workbook names some 400 000 of them (one per row), and the list of them was kept
    # through the planning and the writing, each a cell's own text.
    build_demo(ledger, 12, seed=5)
    export_ledger(ledger, tmp_path / "book.xlsx")
    held: list[list[str]] = []
    apply_import = ledger_import.apply_import

    def spy(writer, updates, inserts):
        planner = sys._getframe(1).f_locals
        held.extend(
            value
            for value in planner.values()
            if type(value) is list and value and all(type(v) is str for v in value)
        )
        return apply_import(writer, updates, inserts)

    monkeypatch.setattr(ledger_import, "apply_import", spy)
    fresh = Ledger.open(tmp_path / "fresh.db", author="测试员")
    try:
        report = import_ledger(fresh, tmp_path / "book.xlsx")
    finally:
        fresh.close()
    assert report.rejected == [] and report.imported > 0
    assert held == []


def _previewed_demo(ledger: Ledger, tmp_path) -> tuple[ImportReport, Ledger]:
    """A 12-person demo's export previewed (a dry run) into a fresh ledger: the report and
    that ledger, open (the caller closes it)."""
    build_demo(ledger, 12, seed=6)
    export_ledger(ledger, tmp_path / "book.xlsx")
    fresh = Ledger.open(tmp_path / "fresh.db", author="测试员")
    return import_ledger(fresh, tmp_path / "book.xlsx", dry_run=True), fresh


def test_the_preview_holds_each_new_record_packed_not_as_a_dict_of_its_fields(ledger, tmp_path):
    # A 100 000-person workbook's import keeps some 400 000 plans for its preview, most adding
    # one record: each record's dict of a dozen fields was the largest part of its memory.
    report, fresh = _previewed_demo(ledger, tmp_path)
    try:
        shapes: dict[tuple[str, ...], tuple[str, ...]] = {}
        inserts = [i for plan in report.changes for i in plan.inserts]
        assert len(inserts) > 20
        for table, keys, values in inserts:
            assert type(keys) is tuple and type(values) is tuple and len(keys) == len(values)
            assert keys is shapes.setdefault(keys, keys), table  # one tuple per shape
            assert not any(type(v) is dict for v in values)
        # …and the preview says each as it did: what the sheet's row adds, field by field.
        plan = next(p for p in report.changes if p.inserts)
        table, keys, values = plan.inserts[0]
        row = dict(zip(keys, values, strict=True))
        assert plan.as_dict()["new"][0] == plan.describe_insert(table, row)
        assert plan.as_dict()["new"][0].startswith("新增")
        # The real import writes those records, every one.
        written = import_ledger(fresh, tmp_path / "book.xlsx")
        assert written.rejected == []
        for table in {t for t, _k, _v in inserts}:
            ids = {v[k.index("id")] for t, k, v in inserts if t == table}
            found = fresh.db.execute(f"SELECT count(*) FROM {table} WHERE deleted = 0").fetchone()
            assert found[0] >= len(ids) > 0, table
    finally:
        fresh.close()


def test_parsed_extra_rows_are_held_packed_until_planned():
    # Every extra row waits until every person is known (some 400 000 at 100 000 persons):
    # a dict of its fields and an empty list each were most of what the import grew by.
    numbers = [make_id("520502", f"1975031{i}", f"13{i}") for i in range(3)]
    rows = [
        parse_extra(
            "就业经历",
            "就业经历",
            3 + i,
            {"id_number": number, "start_date": "2024-03-01", "employer": f"贵州{i}号公司"},
            {},
            words={},
        )
        for i, number in enumerate(numbers)
    ]
    keys = rows[0].fields[0]
    for i, row in enumerate(rows):
        assert row.fields[0] is keys and type(row.fields[1]) is tuple
        assert not any(type(v) in (dict, list) for v in row.fields[1])
        assert row.mapped == () and row.mapped is rows[0].mapped
        assert row.values == {"start_date": "2024-03-01", "employer": f"贵州{i}号公司"}
        assert row.get("employer") == f"贵州{i}号公司" and row.get("end_date") is None
    # A word read as the ledger's is still said (有 → 是), and kept with its row.
    mapped = parse_extra(
        "就业经历",
        "就业经历",
        9,
        {"id_number": numbers[0], "start_date": "2024-03-01", "organized_export": "有"},
        {},
        words={},
    )
    assert mapped.values["organized_export"] is True
    assert mapped.mapped == (("是否有组织劳务输出", "有", "是"),)


def test_an_extra_sheets_cells_are_let_go_chunk_by_chunk_as_its_rows_are_parsed(
    ledger, tmp_path, monkeypatch
):
    # An extra sheet's cells were all held until its last row was parsed, beside every row
    # parsed from them (a 月度状态 sheet of 100 000 persons is a million cells).
    build_demo(ledger, 12, seed=7)
    export_ledger(ledger, tmp_path / "book.xlsx")

    def preview() -> dict:
        fresh = Ledger.open(tmp_path / f"fresh{len(seen)}.db", author="测试员")
        try:
            return import_ledger(fresh, tmp_path / "book.xlsx", dry_run=True).as_json()
        finally:
            fresh.close()

    seen: list[tuple[str, int, int]] = []
    whole = preview()
    parse = ledger_import.parse_extra

    def spy(sheet, kind, row, texts, raw, *rest, **words):
        table = sys._getframe(1).f_locals.get("sheet")
        if getattr(table, "rows", None) is not None:  # an extra sheet's row (_read_extra)
            at = row - table.header_row - 1
            freed = [i for i, cells in enumerate(table.rows) if cells == []]
            assert all(i < at for i in freed), (sheet, row)  # only rows parsed before it
            seen.append((sheet, row, len(freed)))
        return parse(sheet, kind, row, texts, raw, *rest, **words)

    monkeypatch.setattr(ledger_import, "parse_extra", spy)
    monkeypatch.setattr(ledger_import, "FIRST_CHUNK_ROWS", 3)
    monkeypatch.setattr(ledger_import, "CHUNK_ROWS", 3)
    chunked = preview()
    assert any(freed > 0 for _sheet, _row, freed in seen)
    # …and the import does exactly what it did reading each sheet whole.
    # (the new records' ids aside: each import makes its own)
    assert _no_ids(chunked) == _no_ids(whole)


def _no_ids(report: dict) -> str:
    return UUID.sub("…", json.dumps(report, ensure_ascii=False, sort_keys=True))


#: In a process of its own: 40 MB of the C heap freed but for every hundredth block (as a
#: sheet's parse leaves it), the memory resident before and after `give_back_freed`.
_FRAGMENTED = """
import sys
from fieldapp.bulk import give_back_freed

def resident():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) * 1024

blocks = [bytes(1000) for _ in range(40000)]  # beyond Python's own small-object pools
kept = blocks[::100]
del blocks
before = resident()
asked = give_back_freed()
print(asked, before, resident())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's heap")
def test_the_c_heap_a_sheets_parse_freed_goes_back_to_the_system():
    # A sheet's cells are parsed into the C heap and let go once read; glibc kept the holes,
    # some 20 MB of a 20 000-person import's peak, to its end. The import now gives them back
    # after each sheet.
    done = subprocess.run(
        [sys.executable, "-c", _FRAGMENTED], capture_output=True, text=True, check=True
    )
    asked, before, after = done.stdout.split()
    assert asked == "True"
    assert int(before) - int(after) > 25 * 2**20, (before, after)


def test_a_plans_new_record_is_one_flat_tuple_and_the_writes_are_those_records(ledger, tmp_path):
    # A plan adding one record held it as a tuple of its values, inside (table, keys, values),
    # inside a tuple of the plan's records: three tuples where one does (a sixth of what a
    # 20 000-person import's plans held). The writes are the plans' own records, none copied.
    report, fresh = _previewed_demo(ledger, tmp_path)
    fresh.close()
    plans = [p for p in report.changes if p.packed]
    assert len([p for p in plans if len(p.records) == 1]) > 20
    for plan in (p for p in plans if len(p.records) == 1):
        [record] = plan.records
        assert record is plan.packed
        table, keys = record[0], record[1]
        assert type(table) is str and type(keys) is tuple and len(record) == 2 + len(keys)
        assert not any(type(v) is tuple for v in record[2:])
        assert plan.inserts == ((table, keys, record[2:]),)
    _updates, inserts = writes_of(plans)
    written = [record for records in inserts.values() for record in records]
    assert sorted(map(id, written)) == sorted(id(r) for p in plans for r in p.records)
    # A row adding two records (a visit and its service) keeps both, in order.
    plan = RowPlan("走访服务", 3, "p", "张长英", "520502197503161311")
    plan.add_insert("visits", {"id": "v", "visit_date": "2024-03-01"})
    plan.add_insert("services", {"id": "s", "visit_id": "v", "service_type": "政策宣传"})
    assert [t for t, _row in plan.new_rows()] == ["visits", "services"]
    assert [r["id"] for _t, r in plan.new_rows()] == ["v", "s"]
    assert len(plan.as_dict()["new"]) == 2 and not plan.is_empty()
    assert {t: [r[2] for r in rs] for t, rs in writes_of([plan])[1].items()} == {
        "visits": ["v"],
        "services": ["s"],
    }
