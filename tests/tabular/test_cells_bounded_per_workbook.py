"""The cells a workbook's sheets span are bounded together (`guard.MAX_CELLS`), an .xlsx's and
an .xls's as an .ods's were: each sheet was bounded on its own, so ten sheets each just within
it made the reader build ten times the cells (an .xlsx sheet of 200 000 rows × 50 columns
took it 1.5 s, four of them 7.6 s; an .xls's sheets are all held at once)."""

from __future__ import annotations

import struct
from pathlib import Path

import openpyxl
import pytest

from fieldapp.domain.errors import ValidationFailed
from fieldapp.store.ledger import Ledger
from fieldapp.tabular import guard
from fieldapp.tabular.ledger_import import import_ledger
from fieldapp.tabular.reader import SheetStream
from tests.tabular.sheets import XlsRecords, rewrite_xls

FIXTURES = Path(__file__).parent / "fixtures"


def _xlsx_of_sheets(path: Path, count: int, rows: int, columns: int) -> Path:
    """`count` sheets 表1, 表2 …, each a heading and one value at (`rows`, `columns`)."""
    book = openpyxl.Workbook()
    for n in range(1, count + 1):
        sheet = book.active if n == 1 else book.create_sheet()
        assert sheet is not None
        sheet.title = f"表{n}"
        sheet.cell(1, 1, "姓名")
        sheet.cell(1, 2, "身份证号码")
        sheet.cell(rows, columns, 1)
    book.save(path)
    return path


def test_an_xlsx_whose_sheets_together_span_too_many_cells_is_refused(
    ledger: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (the bound made small, as the reader and the guard read it when they check)
    monkeypatch.setattr(guard, "MAX_CELLS", 1000)
    path = _xlsx_of_sheets(tmp_path / "四张.xlsx", 4, 15, 20)  # 300 cells each
    guard.check_file(path)  # each sheet within the bound (15 rows of the 50 columns assumed)
    with pytest.raises(ValidationFailed) as refused:
        import_ledger(ledger, path)
    said = str(refused.value)
    assert said.startswith("拒绝读取表格文件 四张.xlsx：各工作表的范围合计达 1,200 个单元格"), said
    assert "读到工作表“表4”（15 行 × 20 列）时超过了整个文件可读取的 1,000 个单元格" in said
    assert ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0] == 0
    # Three of them are read.
    three = _xlsx_of_sheets(tmp_path / "三张.xlsx", 3, 15, 20)
    assert [t.sheet for t in SheetStream(three)] == ["表1", "表2", "表3"]


def _xls_with_far_cells(path: Path, row: int, column: int) -> Path:
    """The LibreOffice .xls fixture (two sheets) with one more number cell in each sheet, at
    (`row`, `column`), 0-based."""
    cell = (0x0203, struct.pack("<HHHd", row, column, 15, 1.0))  # NUMBER

    def far(_index: int, records: XlsRecords) -> XlsRecords:
        return [*records[:-1], cell, records[-1]]  # before the sheet's EOF

    return rewrite_xls(FIXTURES / "村台账_libreoffice.xls", path, far)


def test_an_xls_whose_sheets_together_span_too_many_cells_is_refused(tmp_path: Path) -> None:
    # Two sheets of 65 536 rows × 100 columns: each within the bound, together not.
    path = _xls_with_far_cells(tmp_path / "两张.xls", 65535, 99)
    with pytest.raises(ValidationFailed) as refused:
        guard.check_file(path)
    said = str(refused.value)
    assert said.startswith("拒绝读取表格文件 两张.xls：各工作表的范围合计达 13,107,200 个单元格"), (
        said
    )
    assert "读到工作表“新华村”（65,536 行 × 100 列）时超过了整个文件可读取的 10,000,000" in said
    # One sheet so far is read (the guard's extents, as before).
    near = _xls_with_far_cells(tmp_path / "近.xls", 999, 20)
    assert guard.check_file(near).extents == {"大坝村": (1000, 21), "新华村": (1000, 21)}
