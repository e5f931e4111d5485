"""What a 台账 spreadsheet import did: counts, and every refused row with its reason."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.errors import FieldappError
from fieldapp.domain.sentences import fill
from fieldapp.services.exports import record_export
from fieldapp.tabular.dates import EXACT, EXPORT_LOG
from fieldapp.tabular.import_report import persons_listed, rows_listed, write_import_report
from fieldapp.tabular.ledger_import import ImportReport, RowProblem
from fieldapp.ui.days import day_text_said
from fieldapp.ui.errors import show_error
from fieldapp.ui.held_words import part_shown, sentence_shown
from fieldapp.ui.status_words_said import status_shown
from fieldapp.ui.table_model import Column, RowsModel
from fieldapp.ui.widgets import fit_to_screen, plain_label, table_view, tip
from fieldapp.ui.workbooks import ask_workbook

if TYPE_CHECKING:
    from fieldapp.services.ledgers import Ledger

#: The export log's kind of a saved import result (names, ID numbers, the ledger's values).
IMPORT_RESULT = "导入结果"


def sheet_date_line(report: ImportReport) -> str:
    """表格日期：the sheet's day（where that date came from）, in the language shown: the
    tabular layer says its source in the ledger's Chinese (a title row's own text is quoted as
    it stands in the sheet)."""
    source = report.sheet_date_source
    if source == EXACT:
        where = QCoreApplication.translate("ImportReportDialog", "导出时记录的时间")
    elif source == EXPORT_LOG:
        where = QCoreApplication.translate(
            "ImportReportDialog", "本机导出这个文件的时间（导出记录）"
        )
    elif source.startswith("表中的“") and source.endswith("”"):
        where = QCoreApplication.translate("ImportReportDialog", "表中的“%1”").replace(
            "%1", source[len("表中的“") : -1]
        )
    else:
        where = source
    day = day_text_said(report.sheet_date) if report.sheet_date else ""
    return fill(
        QCoreApplication.translate("ImportReportDialog", "表格日期：%1（%2）"), (day, where)
    )


def words_said_lines(report: ImportReport) -> list[str]:
    """Each 就业状态 word read as the user chose, or as the county's list says, with how many
    cells (the preview's and the result's summary)."""
    return [
        fill(
            QCoreApplication.translate(
                "ImportReportDialog", "就业状态“%1”按县里的用词表（%4）读作“%2”：%3 格"
            )
            if said.county
            else QCoreApplication.translate(
                "ImportReportDialog", "就业状态“%1”按您的选择读作“%2”：%3 格"
            ),
            # (the word stored in Chinese, said as shown)
            (said.word, status_shown(said.meaning), str(said.cells), said.county),
        )
        for said in report.words_said
    ]


def date_refused_line(report: ImportReport) -> str:
    """The sheet's date the file claimed and the import did not believe, in the language shown
    (`ImportReport.date_refused_said`'s words; '' when its date was believed)."""
    if not report.date_not_believed:
        return ""
    where = {
        "文件属性“台账导出时间”": QCoreApplication.translate(
            "ImportReportDialog", "文件属性“台账导出时间”"
        ),
        "标题行": QCoreApplication.translate("ImportReportDialog", "标题行"),
    }.get(report.date_claimed_where, report.date_claimed_where)
    why = report.date_not_believed
    if why == "ahead":
        template = QCoreApplication.translate(
            "ImportReportDialog",
            "表格的日期（%1）为 %2，晚于本次导入的时间 %3，不可信：本次按没有日期的表格更新，"
            "表中与台账不同的格都列为冲突，先保留台账现有的值；请在冲突列表中核对：可逐处决定，也可选中多处一并改用表格中的值或保留台账的值",
        )
    elif why == "unreadable":
        template = QCoreApplication.translate(
            "ImportReportDialog",
            "表格的日期（%1）“%2”不是有效的日期：本次按没有日期的表格更新，"
            "表中与台账不同的格都列为冲突，先保留台账现有的值；请在冲突列表中核对：可逐处决定，也可选中多处一并改用表格中的值或保留台账的值",
        )
    elif why == "undated":
        template = QCoreApplication.translate(
            "ImportReportDialog",
            "表格中没有它的导出时间（文件属性“台账导出时间”，或标题行中的导出时间、截至日期），"
            "本机的导出记录中也没有这个文件：本次按没有日期的表格更新，"
            "表中与台账不同的格都列为冲突，先保留台账现有的值；请在冲突列表中核对：可逐处决定，也可选中多处一并改用表格中的值或保留台账的值",
        )
    else:
        template = QCoreApplication.translate(
            "ImportReportDialog",
            "表格的日期（%1）为 %2，早于2000年，不可信：本次按没有日期的表格更新，"
            "表中与台账不同的格都列为冲突，先保留台账现有的值；请在冲突列表中核对：可逐处决定，也可选中多处一并改用表格中的值或保留台账的值",
        )
    # An unreadable title date is said in the title's own words (截至2026年2月30日).
    claimed = report.date_claimed if why == "unreadable" else day_text_said(report.date_claimed)
    return fill(template, (where, claimed, day_text_said(report.imported_at)))


def reason_shown(problem: RowProblem) -> str:
    """A row's reason in the language shown: its sentence where it was kept as one (an ID
    number refused, the column of months it was in), else its Chinese text."""
    return sentence_shown(problem.said) if problem.said is not None else problem.reason


class ImportReportDialog(QDialog):
    """Summary line, then tabs of refused rows and warnings (sheet, row number, reason)."""

    def __init__(
        self, report: ImportReport, parent: QWidget | None = None, ledger: Ledger | None = None
    ) -> None:
        """`ledger`: the one imported into, where a saved result is logged; without it (a
        dialog shown for its words) the result cannot be saved."""
        super().__init__(parent)
        self.ledger = ledger
        self.setWindowTitle(self.tr("导入结果"))
        fit_to_screen(self, 820, 520)
        summary = (
            self.tr("工作表：")
            + (self.tr("、").join(report.sheets) or report.sheet)
            + "\n"
            + fill(
                self.tr(
                    "已导入 %1 人（新建 %2 户，并入已有 %3 户，新建地点 %4 个）；未导入 %5 行；"
                    "更新 %6 行，其他记录 %7 条"
                ),
                (
                    str(report.persons_imported),
                    str(report.households_created),
                    str(report.households_joined),
                    str(report.areas_created),
                    str(len(report.rejected)),
                    str(report.updated),
                    str(report.imported - report.persons_imported),
                ),
            )
        )
        if report.date_not_believed:
            summary += "\n" + date_refused_line(report)
        if report.became_demo:
            summary += "\n" + self.tr(
                "这个表格是从演示台账导出的（人员都是虚构的）：本台账随之成为演示台账，"
                "不能登记到县里正式的汇总中心。正式工作请另建一个台账，导入村里真实的表格"
            )
        if report.unknown_columns:
            summary += (
                "\n"
                + self.tr("未识别的列（未导入）：")
                + self.tr("、").join(part_shown(c) for c in report.unknown_columns)
            )
        summary += "".join("\n" + line for line in words_said_lines(report))
        if report.conflicts:
            summary += "\n" + self.tr("冲突 %1 处保留了台账中的值").replace(
                "%1", str(len(report.conflicts))
            )
        if report.conflicts_kept:
            summary += "\n" + self.tr(
                "这 %1 处冲突已记下，之后可在“同步”页的冲突审核中决定（逐处，或选中多处一并决定）"
            ).replace("%1", str(report.conflicts_kept))
        if report.decisions_overtaken:
            summary += "\n" + self.tr(
                "其中 %1 处在预览之后台账或表格中的值又被修改过，没有按您的选择改用表格中的值，请重新核对"
            ).replace("%1", str(report.decisions_overtaken))
        self.summary = plain_label(summary)
        self.summary.setWordWrap(True)
        columns = [
            Column(self.tr("工作表"), lambda p: p.sheet),
            Column(self.tr("行号"), lambda p: p.row, align_right=True),
            Column(self.tr("原因"), reason_shown),
        ]
        self.rejected_rows = RowsModel[RowProblem](columns, report.rejected)
        self.warnings = RowsModel[RowProblem](columns, report.warnings)
        tabs = QTabWidget()
        for model, title in (
            (
                self.rejected_rows,
                self.tr("未导入的行 (%1)").replace("%1", str(len(report.rejected))),
            ),
            (self.warnings, self.tr("提示 (%1)").replace("%1", str(len(report.warnings)))),
        ):
            view = table_view()
            view.setModel(model)
            view.setColumnWidth(0, 90)
            view.setColumnWidth(1, 60)
            tabs.addTab(view, title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        self.report = report
        self.save_button = buttons.addButton(
            self.tr("保存为 Excel…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.clicked.connect(self.save_dialog)
        self.save_button.setVisible(ledger is not None)
        #: Where the result was saved, once it is (beside the buttons, wrapped).
        self.saved = plain_label()
        self.saved.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(tabs, 1)
        layout.addLayout(bottom)

    def save_dialog(self) -> None:
        """Save the report as a workbook (to send back with the sheet)."""
        # Offered beside the table just imported.
        path = ask_workbook(
            self,
            self.tr("保存导入结果（含个人信息，请妥善保管）"),
            self.tr("导入结果.xlsx"),
        )
        if path is not None:
            self.save(str(path))

    def save(self, path: str) -> None:
        """Write the report's workbook to `path` and log it as an export (errors shown in
        Chinese): it names each person with their ID number and the ledger's values, so it is
        personal data written out like any export — one the ledger cannot log is not kept."""
        if self.ledger is None:
            return
        try:
            write_import_report(self.report, path)
            record_export(
                self.ledger,
                IMPORT_RESULT,
                path,
                persons_listed(self.report),
                rows_listed(self.report),
            )
        except (OSError, FieldappError) as error:
            show_error(self, error)
            return
        # By its name (its whole path, a few folders down, would not fit beside the buttons).
        self.saved.setText(
            self.tr("已保存到 %1（含个人信息，请妥善保管）").replace("%1", Path(path).name)
        )
        self.saved.setToolTip(tip(path))
