"""The import preview: changes per person, conflicts with a choice each, 确认导入 / 取消."""

from __future__ import annotations

import datetime as dt
import time

import openpyxl
from PySide6.QtCore import Qt

from fieldapp.store.ledger import Ledger
from fieldapp.tabular.ledger_import import import_ledger
from fieldapp.ui.dialogs.import_preview import ImportPreviewDialog
from tests.conftest import make_id
from tests.english import in_english
from tests.tabular.sheets import dated, write_xlsx
from tests.ui.conftest import as_drawn

HEAD = make_id("520502", "19750316", "131")
WIFE = make_id("520502", "19780520", "142")
PLACE = ["七星关区", "碧阳街道", "大坝村"]


def _ledger_with_a_family(tmp_path) -> Ledger:
    ledger = Ledger.open(tmp_path / "l.db", author="王专员")
    base = write_xlsx(
        tmp_path / "base.xlsx",
        [
            "姓名",
            "身份证号码",
            "户主身份证号码",
            "联系电话",
            "县（市、区）",
            "乡镇（街道）",
            "村（社区）",
        ],
        [
            ["张长英", HEAD, HEAD, "13800000001", *PLACE],
            ["李秀", WIFE, HEAD, "13800000002", *PLACE],
        ],
    )
    import_ledger(ledger, base)
    return ledger


def test_preview_lists_changes_and_the_conflict_choice_reaches_the_import(qtbot, tmp_path):
    ledger = _ledger_with_a_family(tmp_path)
    # A sheet sent out long ago: every ledger edit since is after its date.
    sheet = write_xlsx(
        tmp_path / "old.xlsx",
        ["姓名", "身份证号码", "联系电话", "劳动能力"],
        [["张长英", HEAD, "13900000001", "全劳力"], ["李秀", WIFE, "13800000002", "半劳力"]],
        title="劳动力台账  导出时间：2020-01-01 08:00:00",
    )
    preview = import_ledger(ledger, sheet, update=True, dry_run=True)
    dialog = ImportPreviewDialog(preview)
    qtbot.addWidget(dialog)
    # Both cells were set in the ledger (by its first import) after the sheet's date.
    assert "2 处冲突" in dialog.summary.text()
    # The sheet's date as a person writes it (it read 表格日期：2020-01-01 08:00).
    assert "表格日期：2020年1月1日 08:00" in dialog.summary.text(), dialog.summary.text()
    assert dialog.tabs.currentWidget() is dialog.conflicts_page  # conflicts shown first
    rows = {dialog.conflicts.item(r, 4).text(): r for r in range(dialog.conflicts.rowCount())}
    phone = rows["联系电话"]
    assert dialog.conflicts.item(phone, 5).text() == "13800000001"  # the ledger's value
    assert dialog.conflicts.item(phone, 6).text() == "13900000001"  # the sheet's
    assert "王专员" in dialog.conflicts.item(phone, 7).text()
    assert dialog.changes.rowCount() == 0
    assert dialog.mapped.rowCount() == 2  # 全劳力 and 半劳力, each reported
    # What the sheet wrote, and what it is read as (the last header was a bare 按).
    headers = [dialog.mapped.horizontalHeaderItem(c).text() for c in range(5)]
    assert headers[3:] == ["表格中写的", "读作"], headers
    assert dialog.take_sheet() == set()
    dialog.conflicts.item(phone, 0).setCheckState(Qt.CheckState.Checked)
    chosen = dialog.take_sheet()
    assert chosen == {preview.conflicts[phone].change.key}
    assert dialog.confirm.text() == "确认导入" and dialog.cancel.text() == "取消"
    dialog.confirm.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    import_ledger(ledger, sheet, update=True, take_sheet=chosen)
    stored = ledger.db.execute("SELECT phone FROM persons WHERE id_number = ?", [HEAD]).fetchone()
    assert stored == ("13900000001",)
    ability = ledger.db.execute(
        "SELECT labour_ability FROM persons WHERE id_number = ?", [WIFE]
    ).fetchone()
    assert ability == ("普通劳动力",)  # the conflict not chosen kept the ledger's value
    ledger.close()


def test_cancel_writes_nothing(qtbot, tmp_path):
    ledger = _ledger_with_a_family(tmp_path)
    sheet = write_xlsx(
        tmp_path / "u.xlsx", ["姓名", "身份证号码", "联系电话"], [["李秀", WIFE, "1"]]
    )
    before = ledger.db.execute("SELECT count(*) FROM changes").fetchone()
    dialog = ImportPreviewDialog(import_ledger(ledger, sheet, update=True, dry_run=True))
    qtbot.addWidget(dialog)
    dialog.cancel.click()
    assert dialog.result() == dialog.DialogCode.Rejected
    assert ledger.db.execute("SELECT count(*) FROM changes").fetchone() == before
    ledger.close()


def test_the_import_result_of_a_workbook_of_two_sheets_says_which_sheet_each_row_is_on(
    qtbot, tmp_path
):
    """The result of a workbook of sheets 一组 and 二组 said 工作表：一组 and listed a refused
    row as 行号 3 … 与工作表“一组”第 3 行重复 — row 3 of 二组, with no word of that sheet, so
    the clerk looked at 一组's row 3, the first copy. The result names both sheets, and each
    row its own."""
    from fieldapp.ui.dialogs.import_report import ImportReportDialog

    ledger = Ledger.open(tmp_path / "l.db", author="王专员")
    book = openpyxl.Workbook()
    first = book.active
    first.title = "一组"
    header = ["姓名", "身份证号码", "户主身份证号码", "县（市、区）", "乡镇（街道）", "村（社区）"]
    first.append(header)
    first.append(["张长英", HEAD, HEAD, *PLACE])
    second = book.create_sheet("二组")
    second.append(header)
    second.append(["李秀", WIFE, WIFE, *PLACE])
    second.append(["张长英", HEAD, HEAD, *PLACE])
    book.save(tmp_path / "村.xlsx")
    report = import_ledger(ledger, tmp_path / "村.xlsx")
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    assert "一组" in dialog.summary.text() and "二组" in dialog.summary.text()
    model = dialog.rejected_rows
    shown = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert shown[:2] == ["工作表", "行号"]
    assert [model.index(0, c).data() for c in range(2)] == ["二组", "3"]
    ledger.close()


def test_a_reason_longer_than_its_column_can_be_read_in_full(qtbot, tmp_path):
    # The preview's 提示 and 不能导入的行 cut a long reason at the dialog's edge with "…"
    # (台账中有 1 人不在表中：…请在程序中打开这个人，… — what to do was the part cut off),
    # with no way to read the rest before 确认导入; as in 导入结果, the whole text now shows
    # when the pointer rests on the cell.
    ledger = _ledger_with_a_family(tmp_path)
    sheet = write_xlsx(
        tmp_path / "u.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", "联系电话"],
        [["李秀", WIFE, WIFE, "1380000000"], ["王五", "1", "1", ""]],
    )
    report = import_ledger(ledger, sheet, update=True, dry_run=True)
    assert report.warnings and report.rejected
    dialog = ImportPreviewDialog(report)
    qtbot.addWidget(dialog)
    for table, problems in (
        (dialog.warnings, report.warnings),
        (dialog.rejected_rows, report.rejected),
    ):
        for row, problem in enumerate(problems):
            assert as_drawn(table.item(row, 2).toolTip()) == problem.reason
    ledger.close()


def test_the_preview_of_a_workbook_of_two_sheets_says_which_sheet_each_change_is_on(
    qtbot, tmp_path
):
    """The preview's 改动 and 冲突 gave a row number alone: a month's status changed on row 68
    of the export's 月度状态 sheet read 68 | 岑顺建 | 月度状态：…, and the clerk looked at row
    68 of 劳动力台账, a blank one. Each change and conflict now names its sheet, as the refused
    rows and notes do."""
    ledger = _ledger_with_a_family(tmp_path)
    time.sleep(1.1)
    china = dt.datetime.now(dt.UTC) + dt.timedelta(hours=8)
    title = f"导出时间：{china:%Y-%m-%d %H:%M:%S}"
    time.sleep(1.1)
    with ledger.transaction():  # edited in the ledger after the sheet's date: a conflict
        head = ledger.db.execute("SELECT id FROM persons WHERE id_number = ?", [HEAD]).fetchone()
        ledger.update("persons", head[0], {"phone": "13700000000"})
    book = openpyxl.Workbook()
    first = book.active
    first.title = "一组"
    first.append([title])
    first.append(["姓名", "身份证号码", "联系电话"])
    first.append(["李秀", WIFE, "13900000002"])
    second = book.create_sheet("二组")
    second.append([title])
    second.append(["姓名", "身份证号码", "联系电话"])
    second.append(["张长英", HEAD, "13900000001"])
    book.save(tmp_path / "两组.xlsx")
    report = import_ledger(ledger, tmp_path / "两组.xlsx", update=True, dry_run=True)
    assert len(report.conflicts) == 1
    dialog = ImportPreviewDialog(report)
    qtbot.addWidget(dialog)
    for table, sheet in ((dialog.changes, "一组"), (dialog.conflicts, "二组")):
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        at = headers.index("工作表")
        assert headers[at + 1] == "行号"
        assert (table.item(0, at).text(), table.item(0, at + 1).text()) == (sheet, "3")
    ledger.close()


def test_a_long_note_and_a_long_refusal_are_read_whole_in_the_dialog_at_1366x768(qtbot, tmp_path):
    # A 备注 of 300 characters made the 改动 column 300 characters wide, one line running far
    # past the dialog's right edge; a refusal of 劳动能力 quoting a long cell put what the cell
    # should say (应为：普通劳动力、…) at the far end of that line. A column is now at most
    # WIDEST wide, its text wraps onto a taller row, and the tooltip holds the whole text.
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QWidget

    from fieldapp.ui.dialogs.import_preview import WIDEST
    from fieldapp.ui.fonts import chinese_family, load_bundled_fonts

    ledger = _ledger_with_a_family(tmp_path)
    note = "外出务工，在浙江宁波电子厂流水线做普工，每月寄回家里两千元左右。" * 10
    assert len(note) >= 300
    other = make_id("520502", "19900101", "151")
    sheet = write_xlsx(
        tmp_path / "u.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", "劳动能力", "备注"],
        [
            ["李秀", WIFE, HEAD, "", note],
            ["王五", other, other, "能干点轻活但腰不好常年吃药" * 6, ""],
        ],
    )
    report = import_ledger(ledger, dated(sheet), update=True, dry_run=True)
    reason = report.rejected[0].reason
    assert len(reason) > 100 and reason.endswith("无劳动力")
    family = chinese_family(load_bundled_fonts())  # the app's own Chinese font, as it runs
    assert family
    font = QFont(family)
    font.setPointSize(10)
    window = QWidget()  # the main window, whose font the dialog takes
    window.setFont(font)
    qtbot.addWidget(window)
    dialog = ImportPreviewDialog(report, window)
    dialog.resize(1366 - 16, 768 - 80)
    dialog.show()
    qtbot.waitExposed(dialog)
    for table, row, column, text in (
        (dialog.changes, 0, 4, f"备注：（空） → {note}"),
        (dialog.rejected_rows, 0, 2, reason),
    ):
        dialog.tabs.setCurrentWidget(table)
        qtbot.wait(50)
        item = table.item(row, column)
        assert item.text() == text
        assert as_drawn(item.toolTip()) == text
        assert item.toolTip().startswith("<p>")  # rich text: Qt wraps a long one
        # every column of the table is on the dialog: none runs past its right edge
        right = sum(table.columnWidth(c) for c in range(table.columnCount()))
        assert right <= table.viewport().width()
        assert all(table.columnWidth(c) <= WIDEST for c in range(column))
        # the row is tall enough for the text wrapped to its column's width
        metrics = table.fontMetrics()
        needed = -(-metrics.horizontalAdvance(text) // (table.columnWidth(column) - 12))
        assert needed >= 2  # the text is longer than its column: it is wrapped, not cut
        assert table.rowHeight(row) >= needed * metrics.lineSpacing()
        shot = tmp_path / f"{table.objectName() or column}.png"
        assert dialog.grab().save(str(shot))
    ledger.close()


def test_a_long_preview_measures_the_rows_it_shows_not_all_of_them(qtbot):
    """Wrapped rows were measured all at once, and again at every resize of the dialog: 20,000
    refused rows with a long reason took 1.5 s a resize. Now the rows on screen (and just
    below) are measured, and scrolling measures the rows it brings in."""
    from fieldapp.ui.dialogs.import_preview import FIT_AHEAD, _table

    reason = "the cell should hold one of the words of the list " * 6
    rows = [["人员", str(n), "张三", "520502199001011230", reason] for n in range(5000)]
    table = _table(["a", "b", "c", "d", "e"], rows)
    qtbot.addWidget(table)
    table.resize(900, 500)
    table.show()
    qtbot.waitExposed(table)
    qtbot.wait(20)
    plain = table.verticalHeader().defaultSectionSize()
    assert table.rowHeight(3) > plain  # on screen: wrapped onto a taller row
    assert table.rowHeight(4000) == plain  # far below: not measured yet
    table.verticalScrollBar().setValue(4000)
    qtbot.waitUntil(lambda: table.rowHeight(table.rowAt(0) + 1) > plain, timeout=3000)
    assert table.rowAt(0) + FIT_AHEAD < 5000


def test_sorted_rows_are_measured_where_they_are_now(qtbot):
    """The long rows to measure were known by their place before a sort: sorted by 项目, a
    long row far down (never measured) brought to the top stayed one line, cut, and the
    short rows now at the long ones' places were measured instead. Now a sort measures the
    rows it brings into view, by what they hold."""
    from fieldapp.ui.dialogs.import_preview import FIT_AHEAD, _table

    note = "村里说这个人去年十月已经回来了，在镇上的工厂做临时工，电话也换了一个新的" * 2
    far = FIT_AHEAD * 3  # below what the first measuring reaches
    rows = [["联系电话", str(n), "短"] for n in range(far)] + [["备注", str(far), note]]
    table = _table(["项目", "行号", "说明"], rows)
    qtbot.addWidget(table)
    table.resize(700, 400)
    table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    table.setSortingEnabled(True)  # 联系电话 (U+8054) before 备注 (U+5907): the sheet's order
    table.show()
    qtbot.waitExposed(table)
    qtbot.wait(20)
    plain = table.verticalHeader().defaultSectionSize()
    assert table.item(far, 2).text() == note and table.rowHeight(far) == plain  # not yet
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # 备注 first: the long row on top
    assert table.item(0, 2).text() == note
    qtbot.waitUntil(lambda: table.rowHeight(0) > plain, timeout=3000)
    assert all(table.rowHeight(r) == plain for r in range(1, 10))


def test_a_sheet_dated_ahead_is_said_in_the_preview_and_the_result(qtbot, tmp_path):
    """A sheet whose title row claims 2030 is read as undated: the preview and the result say
    the date it claimed and where, in the report's own words; both cells are conflicts."""
    from fieldapp.ui.dialogs.import_report import ImportReportDialog

    ledger = _ledger_with_a_family(tmp_path)
    sheet = write_xlsx(
        tmp_path / "ahead.xlsx",
        ["姓名", "身份证号码", "联系电话"],
        [["张长英", HEAD, "13900000001"], ["李秀", WIFE, "13900000002"]],
        title="劳动力台账  导出时间：2030-01-01 08:00:00",
    )
    preview = import_ledger(ledger, sheet, update=True, dry_run=True)
    said = preview.date_refused_said()
    assert said.startswith("表格的日期（标题行）为 2030年1月1日 08:00，晚于本次导入的时间")
    assert len(preview.conflicts) == 2 and preview.sheet_date == ""
    dialog = ImportPreviewDialog(preview)
    qtbot.addWidget(dialog)
    assert said in dialog.summary.text()
    assert "表格日期：" not in dialog.summary.text()
    result = ImportReportDialog(import_ledger(ledger, sheet, update=True))
    qtbot.addWidget(result)
    assert said.split("，晚于")[0] in result.summary.text()
    # The two conflicts left undecided are kept, and the result says where to decide them.
    assert "这 2 处冲突已记下，之后可在“同步”页的冲突审核中决定" in result.summary.text()
    with in_english():
        english = ImportPreviewDialog(preview)
        qtbot.addWidget(english)
        text = english.summary.text()
        assert "The sheet's date (the title row) is " in text and "2030" in text, text
        assert "表格的日期" not in text
    ledger.close()


def test_the_sheet_date_line_says_its_source_as_before_and_an_undated_sheet_says_why(
    qtbot, tmp_path
):
    """The date's source has a kind now (`dates.DatedBy`); the line the preview shows is the
    one it showed in Chinese, and in English its source is said in English too. A sheet with
    no date of its own (a csv without its title line) says why every differing cell is a
    conflict, in both languages too."""
    from fieldapp.tabular import dates
    from fieldapp.ui.dialogs.import_report import ImportReportDialog

    ledger = _ledger_with_a_family(tmp_path)
    sheet = write_xlsx(
        tmp_path / "old.xlsx",
        ["姓名", "身份证号码", "联系电话"],
        [["张长英", HEAD, "13900000001"], ["李秀", WIFE, "13800000002"]],
        title="劳动力台账  导出时间：2020-01-01 08:00:00",
    )
    preview = import_ledger(ledger, sheet, update=True, dry_run=True)
    assert preview.sheet_date_kind is dates.DatedBy.EXPORT_TITLE
    line = "2020年1月1日 08:00（表中的“导出时间：2020-01-01 08:00:00”）"
    dialog = ImportPreviewDialog(preview)
    qtbot.addWidget(dialog)
    assert "表格日期：" + line in dialog.summary.text()
    csv = tmp_path / "村里的.csv"
    csv.write_text(f"姓名,身份证号码,联系电话\n张长英,{HEAD},13900000001\n", encoding="utf-8-sig")
    undated = import_ledger(ledger, csv, update=True, dry_run=True)
    said = undated.date_refused_said()
    assert said.startswith("表格中没有它的导出时间") and undated.sheet_date == ""
    chinese = ImportPreviewDialog(undated)
    qtbot.addWidget(chinese)
    assert said in chinese.summary.text()
    with in_english():
        english = ImportPreviewDialog(preview)
        qtbot.addWidget(english)
        # The day and its source in English (the title's own text quoted as in the sheet;
        # test_sheet_date_source_in_english).
        assert (
            "Sheet date: 1 January 2020 08:00 (“导出时间：2020-01-01 08:00:00” in the sheet)"
            in english.summary.text()
        ), english.summary.text()
        result = ImportReportDialog(undated)
        qtbot.addWidget(result)
        text = result.summary.text()
        assert "has no export time of its own" in text and "表格中没有" not in text, text
    ledger.close()


def test_many_conflicts_are_decided_together_by_selection_asked_once(qtbot, tmp_path, monkeypatch):
    """Rows selected (sorted by 项目 if wanted), one side's value kept for all of them: taking
    the sheet's for several is asked once, naming how many and whose value (the file's
    name); the decisions reach the import with the ledger edit each was decided against."""
    from PySide6.QtWidgets import QMessageBox

    ledger = _ledger_with_a_family(tmp_path)
    sheet = write_xlsx(
        tmp_path / "村里改的.xlsx",
        ["姓名", "身份证号码", "联系电话", "劳动能力"],
        [["张长英", HEAD, "13900000001", "全劳力"], ["李秀", WIFE, "13900000002", "半劳力"]],
        title="劳动力台账  导出时间：2020-01-01 08:00:00",
    )
    preview = import_ledger(ledger, sheet, update=True, dry_run=True)
    assert len(preview.conflicts) == 3  # both phones, and 李秀's 劳动能力 (全劳力 is as stored)
    dialog = ImportPreviewDialog(preview, file_name="村里改的.xlsx")
    qtbot.addWidget(dialog)
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    table = dialog.conflicts
    table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # by 项目: the phones together
    phones = [r for r in range(table.rowCount()) if table.item(r, 4).text() == "联系电话"]
    assert len(phones) == 2 and phones == list(range(phones[0], phones[0] + 2))
    for r in phones:
        table.selectionModel().select(
            table.model().index(r, 0),
            table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows,
        )
    # Asked, answered 否: nothing ticked.
    assert dialog.decide_selected(take=True) == 0
    assert asked == ["选中的 2 处冲突，都改用表格“村里改的.xlsx”中的值（覆盖台账里后来改过的值）？"]
    assert dialog.decisions() == {}
    answer[0] = QMessageBox.StandardButton.Yes
    assert dialog.decide_selected(take=True) == 2
    wanted = {c.change.key: c.seen for c in preview.conflicts if c.change.label == "联系电话"}
    assert dialog.decisions() == wanted and len(wanted) == 2
    # All selected, the ledger's kept for all: not asked (nothing is overwritten).
    dialog.select_all.click()
    assert dialog.decide_selected(take=False) == 3 and len(asked) == 2
    assert dialog.decisions() == {}
    # Taken again, then written by the import as the preview's decisions.
    dialog.decide_selected(take=True)
    assert len(dialog.decisions()) == 3 and asked[-1].startswith("选中的 3 处冲突")
    report = import_ledger(ledger, sheet, update=True, take_sheet=dialog.decisions())
    assert report.conflicts == [] and report.decisions_overtaken == 0
    phones_now = ledger.db.execute("SELECT phone FROM persons ORDER BY id_number").fetchall()
    assert sorted(p for (p,) in phones_now) == ["13900000001", "13900000002"]
    ledger.close()


def test_nothing_selected_is_said_not_ticked(qtbot, tmp_path, monkeypatch):
    from fieldapp.ui import dialogs

    ledger = _ledger_with_a_family(tmp_path)
    sheet = write_xlsx(
        tmp_path / "u.xlsx",
        ["姓名", "身份证号码", "联系电话"],
        [["李秀", WIFE, "1390000000"]],
        title="劳动力台账  导出时间：2020-01-01 08:00:00",
    )
    dialog = ImportPreviewDialog(import_ledger(ledger, sheet, update=True, dry_run=True))
    qtbot.addWidget(dialog)
    said: list[str] = []
    monkeypatch.setattr(
        dialogs.import_preview, "show_error", lambda _parent, text: said.append(str(text))
    )
    dialog.conflicts.clearSelection()
    assert dialog.decide_selected(take=True) == 0
    assert said and "选中" in said[0] and dialog.decisions() == {}
    ledger.close()


def test_taking_many_from_an_undated_sheet_asks_what_is_true_for_it(qtbot, tmp_path, monkeypatch):
    """A sheet with no date to trust: nothing was "changed in the ledger since" it — every
    cell that differs is a conflict. Taking several is asked in those words: the ledger's
    current values replaced, which side is later not known."""
    from PySide6.QtWidgets import QMessageBox

    ledger = _ledger_with_a_family(tmp_path)
    sheet = write_xlsx(
        tmp_path / "村里改的.xlsx",
        ["姓名", "身份证号码", "联系电话"],
        [["张长英", HEAD, "13900000001"], ["李秀", WIFE, "13900000002"]],
    )
    preview = import_ledger(ledger, sheet, update=True, dry_run=True)
    assert preview.sheet_date == "" and len(preview.conflicts) == 2
    dialog = ImportPreviewDialog(preview, file_name="村里改的.xlsx")
    qtbot.addWidget(dialog)
    asked: list[str] = []

    def question(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog.select_all.click()
    assert dialog.decide_selected(take=True) == 2
    assert asked == [
        "选中的 2 处冲突，都改用表格“村里改的.xlsx”中的值（覆盖台账现有的值；"
        "表格没有可信的日期，不知道哪边是后来改的）？"
    ]
    assert "后来改过的值" not in asked[0]


def test_a_household_moved_into_its_sheets_group_is_previewed_by_its_places_names(qtbot, tmp_path):
    """按月更新 from a 一组 sheet moves a household the ledger holds in 大坝村 itself into 一组
    (户：所在区域). The preview's 改动 said it by the areas' codes (520502…001 → 520502…001001),
    digits no coordinator reads, though the change carries the places' names (as the report
    workbook says it): the names are shown."""
    ledger = _ledger_with_a_family(tmp_path)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "一组"
    sheet.append(
        ["姓名", "身份证号码", "户主身份证号码", "县（市、区）", "乡镇（街道）", "村（社区）"]
    )
    sheet.append(["张长英", HEAD, HEAD, *PLACE])
    book.save(tmp_path / "一组.xlsx")
    report = import_ledger(ledger, dated(tmp_path / "一组.xlsx"), update=True, dry_run=True)
    dialog = ImportPreviewDialog(report)
    qtbot.addWidget(dialog)
    lines = [dialog.changes.item(r, 4).text() for r in range(dialog.changes.rowCount())]
    assert lines == [
        "户信息：所在区域：七星关区 碧阳街道 大坝村 → 七星关区 碧阳街道 大坝村 一组"
    ], lines
    ledger.close()
