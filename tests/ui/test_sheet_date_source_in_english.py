"""The import preview in an English window said where the sheet's date came from in the
ledger's Chinese: “Sheet date:7 December 2026 08:44（表中的“导出时间：2026-12-07 08:44:15”）”
for a sheet dated by its title row, “（导出时记录的时间）” for one of our own xlsx exports. The
source is said in English (a title's own text kept as it is in the sheet); Chinese unchanged."""

from __future__ import annotations

from fieldapp.tabular.ledger_import import import_ledger
from fieldapp.ui.dialogs.import_preview import ImportPreviewDialog
from tests.english import in_english
from tests.tabular.sheets import dated, write_xlsx
from tests.ui.in_english import CHINESE
from tests.ui.test_import_preview import HEAD, _ledger_with_a_family

TITLE = "劳动力台账  导出时间：2020-01-01 08:00:00"


def _date_line(dialog: ImportPreviewDialog) -> str:
    return dialog.summary.text().splitlines()[1]


def test_where_the_sheet_date_came_from_is_said_in_english(qtbot, tmp_path):
    ledger = _ledger_with_a_family(tmp_path)
    by_title = write_xlsx(
        tmp_path / "old.xlsx", ["姓名", "身份证号码"], [["张长英", HEAD]], title=TITLE
    )
    by_property = dated(
        write_xlsx(tmp_path / "new.xlsx", ["姓名", "身份证号码"], [["张长英", HEAD]])
    )
    reports = [import_ledger(ledger, sheet, update=True, dry_run=True) for sheet in (by_title, by_property)]  # fmt: skip
    with in_english():
        title_dialog, property_dialog = (ImportPreviewDialog(r) for r in reports)
        qtbot.addWidget(title_dialog)
        qtbot.addWidget(property_dialog)
        line = _date_line(title_dialog)
        assert line.startswith("Sheet date: 1 January 2020 08:00 ("), line
        # The title's own text is quoted as it stands in the sheet; nothing else is Chinese.
        assert not CHINESE.search(line.replace("导出时间：2020-01-01 08:00:00", "")), line
        line = _date_line(property_dialog)
        assert line.startswith("Sheet date: ") and not CHINESE.search(line), line
    chinese = ImportPreviewDialog(reports[0])
    qtbot.addWidget(chinese)
    assert (
        _date_line(chinese)
        == "表格日期：2020年1月1日 08:00（表中的“导出时间：2020-01-01 08:00:00”）"
    )
    ledger.close()
