"""The import preview and the import result in an English window listed the sheet's columns
not recognised, and the result its sheets, with the Chinese 、 (“Columns not recognised (not
imported): 备用、其它”, “Sheets: 一组、二组”). They are listed with the window's separator; the
sheet's own names stay as the sheet has them, and the Chinese window still says 、."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from fieldapp.store.ledger import Ledger
from fieldapp.tabular.ledger_import import import_ledger
from fieldapp.ui.dialogs.import_preview import ImportPreviewDialog
from fieldapp.ui.dialogs.import_report import ImportReportDialog
from tests.english import in_english
from tests.tabular.sheets import write_xlsx
from tests.ui.test_import_preview import HEAD, PLACE, WIFE

HEADER = ["姓名", "身份证号码", "户主身份证号码", "县（市、区）", "乡镇（街道）", "村（社区）"]


def _two_sheets(tmp_path) -> Path:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "一组"
    first.append(HEADER)
    first.append(["张长英", HEAD, HEAD, *PLACE])
    second = book.create_sheet("二组")
    second.append(HEADER)
    second.append(["李秀", WIFE, WIFE, *PLACE])
    book.save(tmp_path / "村.xlsx")
    return tmp_path / "村.xlsx"


def test_the_import_lists_columns_and_sheets_with_the_windows_separator(qtbot, tmp_path):
    ledger = Ledger.open(tmp_path / "l.db", author="王专员")
    sheet = write_xlsx(
        tmp_path / "spare.xlsx",
        [*HEADER, "备用", "其它"],
        [["张长英", HEAD, HEAD, *PLACE, "", ""]],
    )
    preview = import_ledger(ledger, sheet, dry_run=True)
    assert preview.unknown_headers == ["备用", "其它"], preview.unknown_headers
    imported = import_ledger(ledger, sheet)
    other = Ledger.open(tmp_path / "other.db", author="王专员")
    both = import_ledger(other, _two_sheets(tmp_path))
    assert both.sheets == ["一组", "二组"], both.sheets
    with in_english():
        dialogs = ImportPreviewDialog(preview), ImportReportDialog(imported)
        sheets = ImportReportDialog(both)
        for dialog in (*dialogs, sheets):
            qtbot.addWidget(dialog)
            assert "、" not in dialog.summary.text(), dialog.summary.text()
        for dialog in dialogs:
            assert "备用, 其它" in dialog.summary.text(), dialog.summary.text()
        assert "一组, 二组" in sheets.summary.text(), sheets.summary.text()
    dialogs = ImportPreviewDialog(preview), ImportReportDialog(imported)
    sheets = ImportReportDialog(both)
    for dialog in (*dialogs, sheets):
        qtbot.addWidget(dialog)
    for dialog in dialogs:
        assert "备用、其它" in dialog.summary.text(), dialog.summary.text()
    assert "一组、二组" in sheets.summary.text()
    ledger.close()
    other.close()
