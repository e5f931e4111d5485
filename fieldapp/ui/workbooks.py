"""A page's workbook export: where to write it (`ask_workbook`) and the run that writes it
off the GUI thread and says where it went (`export_workbook`) — the 户级责任 and 一库五册 pages
did both by hand, line for line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from fieldapp.ui.errors import show_error
from fieldapp.ui.files import start_at, used
from fieldapp.ui.operations import OperationPanel, OperationProgress
from fieldapp.ui.widgets import tip


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


def say_exported(summary: QLabel, path: Path) -> None:
    """`summary` names the file just written and says it holds personal data, in the language
    shown: by its name — its whole path, a folder or two down the user's profile or on a stick,
    pushed the page wider than the window — the whole path in the line's tooltip (the page
    clears it when it says its own line again)."""
    summary.setText(
        QCoreApplication.translate("Workbooks", "已导出到 %1（含个人信息，请妥善保管）").replace(
            "%1", path.name
        )
    )
    summary.setToolTip(tip(str(path)))


def export_workbook(
    parent: QWidget,
    panel: OperationPanel,
    summary: QLabel,
    work: Callable[[OperationProgress], Path],
) -> None:
    """Run `work` (it writes the workbook and logs the export) on `panel`; `summary` then
    names the file written and that it holds personal data (`say_exported`), a failure is
    shown in Chinese."""
    panel.run(
        QCoreApplication.translate("Workbooks", "正在导出……"),
        work,
        lambda p: say_exported(summary, p),
        lambda e: show_error(parent, e),
    )
