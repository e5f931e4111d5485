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
from tests.tabular.sheets import dated, write_xlsx
from tests.ui.in_english import CHINESE
from tests.ui.test_import_preview import HEAD, PLACE, WIFE, _ledger_with_a_family

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


def test_the_preview_says_its_changes_and_new_records_in_english(qtbot, tmp_path):
    """The preview's 改动 in an English window named a changed cell by the ledger's Chinese
    (“联系电话：13800000001 → 13900000001”) and a new record read “新增：姓名 王五，…”. The
    program's words are said in English, the values as the sheet has them."""
    ledger = _ledger_with_a_family(tmp_path)
    sheet = dated(
        write_xlsx(
            tmp_path / "u.xlsx",
            ["姓名", "身份证号码", "联系电话", "人员类别"],
            [["张长英", HEAD, "13900000001", "脱贫人口"]],
        )
    )
    report = import_ledger(ledger, sheet, update=True, dry_run=True)
    with in_english():
        dialog = ImportPreviewDialog(report)
        qtbot.addWidget(dialog)
        table = dialog.changes
        lines = [table.item(r, 4).text() for r in range(table.rowCount())]
    assert "Phone: 13800000001 → 13900000001" in lines, lines
    for line in lines:
        assert not CHINESE.search(line), lines
    chinese = ImportPreviewDialog(report)
    qtbot.addWidget(chinese)
    lines = [chinese.changes.item(r, 4).text() for r in range(chinese.changes.rowCount())]
    assert "联系电话：13800000001 → 13900000001" in lines, lines
    assert any(line.startswith("新增") for line in lines), lines
    ledger.close()


def test_the_previews_conflicts_name_their_cell_in_english(qtbot, tmp_path):
    """The preview's 冲突 tab named the cell by the ledger's Chinese in an English window
    (项目 联系电话); it is said in English, the values as they are."""
    ledger = _ledger_with_a_family(tmp_path)
    sheet = write_xlsx(  # undated: every difference is a conflict
        tmp_path / "u.xlsx", ["姓名", "身份证号码", "联系电话"], [["张长英", HEAD, "13900000001"]]
    )
    report = import_ledger(ledger, sheet, update=True, dry_run=True)
    assert len(report.conflicts) == 1
    with in_english():
        dialog = ImportPreviewDialog(report)
        qtbot.addWidget(dialog)
        row = [dialog.conflicts.item(0, c).text() for c in range(1, 7)]
    assert row[3:] == ["Phone", "13800000001", "13900000001"], row
    chinese = ImportPreviewDialog(report)
    qtbot.addWidget(chinese)
    assert chinese.conflicts.item(0, 4).text() == "联系电话"
    ledger.close()


def test_a_column_not_recognised_is_named_by_its_sheet_with_the_windows_colon(qtbot, tmp_path):
    """With several sheets each column not recognised is named by its sheet: the English window
    said it with the Chinese colon (“一组：备用, 二组：其它”). Said with the window's colon,
    the sheet's names as it has them; the CLI and the JSON keep the Chinese."""
    book = openpyxl.Workbook()
    first = book.active
    first.title = "一组"
    first.append([*HEADER, "备用"])
    first.append(["张长英", HEAD, HEAD, *PLACE, ""])
    second = book.create_sheet("二组")
    second.append([*HEADER, "其它"])
    second.append(["李秀", WIFE, WIFE, *PLACE, ""])
    book.save(tmp_path / "村.xlsx")
    ledger = Ledger.open(tmp_path / "l.db", author="王专员")
    preview = import_ledger(ledger, tmp_path / "村.xlsx", dry_run=True)
    assert preview.unknown_headers == ["一组：备用", "二组：其它"], preview.unknown_headers
    assert preview.as_json()["unknown_headers"] == ["一组：备用", "二组：其它"]
    with in_english():
        dialog = ImportPreviewDialog(preview)
        qtbot.addWidget(dialog)
        text = dialog.summary.text()
    assert "一组: 备用, 二组: 其它" in text and "：" not in text, text
    dialog = ImportPreviewDialog(preview)
    qtbot.addWidget(dialog)
    assert "一组：备用、二组：其它" in dialog.summary.text(), dialog.summary.text()
    ledger.close()


def said_here(tmp_path: Path) -> set[str]:
    """The templates an update placing a household elsewhere says (`placing.PLACE_ELSEWHERE`),
    for the every-template test (`tests.services.test_policy_refusal_sentences`)."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    ledger = _ledger_with_a_family(tmp_path)
    sheet = write_xlsx(
        tmp_path / "red.xlsx", HEADER, [["张长英", HEAD, HEAD, *PLACE[:2], "红岩村"]]
    )
    report = import_ledger(ledger, dated(sheet), update=True, dry_run=True)
    ledger.close()
    return {w.said.template for w in report.warnings if w.said is not None}


def test_a_household_a_sheet_places_elsewhere_is_said_in_english(qtbot, tmp_path):
    """按月更新 of a row placing its household at another village than the ledger's: its note
    (区划与台账不同：表中是“碧阳街道 红岩村”，台账中这户在“…大坝村”…) was kept as Chinese text
    only, said in Chinese in the English window. It is a sentence, said in the window's
    language, the places as the sheet and the ledger name them."""
    from fieldapp.domain.sentences import TEMPLATES
    from fieldapp.ui.dialogs.import_report import reason_shown

    ledger = _ledger_with_a_family(tmp_path)
    sheet = write_xlsx(
        tmp_path / "red.xlsx", HEADER, [["张长英", HEAD, HEAD, *PLACE[:2], "红岩村"]]
    )
    report = import_ledger(ledger, dated(sheet), update=True, dry_run=True)
    [note] = [w for w in report.warnings if "区划与台账不同" in w.reason]
    assert note.reason.startswith(
        "区划与台账不同：表中是“碧阳街道 红岩村”，台账中这户在“七星关区 碧阳街道 大坝村”"
    )
    assert note.said is not None and note.said.template in TEMPLATES
    with in_english():
        english = reason_shown(note)
    assert "区划与台账不同" not in english and "“碧阳街道 红岩村”" in english, english
    assert "“七星关区 碧阳街道 大坝村”" in english, english
    ledger.close()
