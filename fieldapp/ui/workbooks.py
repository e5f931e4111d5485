"""A page's workbook export: where to write it (`ask_workbook`) and the run that writes it
off the GUI thread and says where it went (`export_workbook`) — the 户级责任 and 一库五册 pages
did both by hand, line for line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from fieldapp.services.exports import PERSONAL_DATA_NOTE
from fieldapp.ui.errors import show_error
from fieldapp.ui.files import start_at, used
from fieldapp.ui.operations import OperationPanel, OperationProgress


def ask_workbook(parent: QWidget, title: str, name: str) -> Path | None:
    """Ask where to save a workbook (`title` on the dialog, `name` offered in the folder last
    used): the file chosen, .xlsx added where the name typed has none; None when cancelled."""
    path, _f = QFileDialog.getSaveFileName(
        parent,
        title,
        start_at(name),
        QCoreApplication.translate("Workbooks", "Excel 文件 (*.xlsx)"),
    )
    used(path)
    if not path:
        return None
    return Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")


def export_workbook(
    parent: QWidget,
    panel: OperationPanel,
    summary: QLabel,
    work: Callable[[OperationProgress], Path],
) -> None:
    """Run `work` (it writes the workbook and logs the export) on `panel`; `summary` then
    names the file written and that it holds personal data, a failure is shown in Chinese."""
    panel.run(
        QCoreApplication.translate("Workbooks", "正在导出……"),
        work,
        lambda p: summary.setText(
            QCoreApplication.translate("Workbooks", "已导出到 ")
            + str(p)
            + "（"
            + PERSONAL_DATA_NOTE
            + "）"
        ),
        lambda e: show_error(parent, e),
    )
