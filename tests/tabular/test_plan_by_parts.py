"""An update planned a part at a time gives what planning it whole gave: the extra sheets read
each table only for its rows (and once), the ledger sheet's persons a batch at a time."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil

import openpyxl

from fieldapp.demo.generator import build_demo
from fieldapp.store.ledger import Ledger
from fieldapp.tabular.ledger_export import export_ledger
from fieldapp.tabular.ledger_import import import_ledger
from fieldapp.tabular.ledger_update import PersonPlanner
from tests.tabular.test_round_trip import facts

TODAY = dt.date(2026, 6, 15)
#: A new record's id (UUIDv7, made afresh by each import); natural ids (v5) stay.
NEW_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}")


def _demo(tmp_path, persons: int = 150) -> tuple[Ledger, object]:
    source = Ledger.open(tmp_path / "source.db", author="甲")
    build_demo(source, persons, seed=7, today=TODAY)
    path = tmp_path / "台账.xlsx"
    export_ledger(source, path, today=TODAY)
    return source, path


def test_extra_sheets_in_any_order_read_each_table_once_and_match_as_before(tmp_path):
    """The extra sheets reordered, 培训 and 走访服务 (both services) apart: imported again as
    an update, every row finds its record (nothing added or changed) and each table is read
    once; into an empty ledger, every fact comes across."""
    source, path = _demo(tmp_path)
    book = openpyxl.load_workbook(path)
    order = ["走访服务", "月度状态", "培训", "失业登记", "就业经历"]
    for offset, name in enumerate(order, start=1):
        book.move_sheet(name, offset=book.sheetnames.index(name) * -1 + offset)
    assert book.sheetnames[1:6] == order
    reordered = tmp_path / "reordered.xlsx"
    book.save(reordered)
    statements: list[str] = []
    source.db.conn.set_trace_callback(statements.append)
    try:
        again = import_ledger(source, reordered, update=True)
    finally:
        source.db.conn.set_trace_callback(None)
    assert (again.updated, again.imported, again.rejected, again.changes) == (0, 0, [], [])
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    for table in ("unemployment_registrations", "services", "visits"):
        assert sum(f"FROM {table} WHERE deleted = 0 AND" in s for s in reads) == 1, table
    target = Ledger.open(tmp_path / "target.db", author="乙")
    assert import_ledger(target, reordered).rejected == []
    assert facts(target) == facts(source)
    source.close()
    target.close()


def _changed_ledger_sheet(path, out) -> None:
    """The 台账 with cells changed on every seventh row: a phone, the categories, the month's
    status (未就业 ends running jobs), a job's income."""
    book = openpyxl.load_workbook(path)
    sheet = book["劳动力台账"]
    header = [c.value for c in sheet[2]]
    column = {name: header.index(name) for name in header if name}
    for number, row in enumerate(sheet.iter_rows(min_row=3), start=3):
        if number % 7 == 0:
            row[column["联系电话"]].value = f"1390000{number:04d}"
        if number % 7 == 1:
            row[column["人员类别"]].value = "脱贫人口（2016-01-01）"
        if number % 7 == 2:
            row[column["本月就业状态"]].value = "未就业"
        if number % 7 == 3 and row[column["月收入"]].value:
            row[column["月收入"]].value = 4321
    book.save(out)


def _said(report) -> str:
    return NEW_ID.sub("<new>", json.dumps(report.as_json(), ensure_ascii=False, default=str))


def test_persons_planned_a_batch_at_a_time_as_all_at_once(tmp_path, monkeypatch):
    source, path = _demo(tmp_path)
    source.close()
    changed = tmp_path / "changed.xlsx"
    _changed_ledger_sheet(path, changed)
    said, kept = [], []
    for batch in (PersonPlanner.BATCH, 7):
        monkeypatch.setattr(PersonPlanner, "BATCH", batch)
        copy = tmp_path / f"copy{batch}.db"
        shutil.copy(tmp_path / "source.db", copy)
        ledger = Ledger.open(copy, author="乙")
        report = import_ledger(ledger, changed, update=True)
        assert report.rejected == [] and report.updated > 20
        said.append(_said(report))
        kept.append(facts(ledger))
        ledger.close()
    assert said[0] == said[1]
    assert kept[0] == kept[1]
