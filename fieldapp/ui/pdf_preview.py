"""Preview a paper inside the app (QPdfView), then print it or save the PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui.errors import show_error

#: Called with the chosen path; writes the file and logs the print (returns a note to show).
Saver = Callable[[Path], str]


class PdfPreview(QDialog):
    """Shows PDF bytes page by page; 打印 and 另存为 PDF."""

    def __init__(
        self,
        pdf: bytes,
        title: str,
        suggested_name: str,
        saver: Saver,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("预览：") + title)
        self.resize(900, 700)
        self.pdf = pdf
        self.saver = saver
        self.suggested_name = suggested_name
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages_label = QLabel(self.tr("共 %n 页", "", self.document.pageCount()))
        self.print_button = QPushButton(self.tr("打印(&P)…"))
        self.save_button = QPushButton(self.tr("另存为 PDF(&S)…"))
        close = QPushButton(self.tr("关闭"))
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button.clicked.connect(self.save_dialog)
        close.clicked.connect(self.reject)
        self.note = QLabel(self.tr("含个人信息，请妥善保管"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.pages_label)
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def page_count(self) -> int:
        """Pages in the previewed document."""
        return self.document.pageCount()

    def save_dialog(self) -> Path | None:
        """Ask where to save, then save (and log) the PDF."""
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("另存为 PDF（含个人信息，请妥善保管）"),
            self.suggested_name,
            self.tr("PDF 文件 (*.pdf)"),
        )
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            note = self.saver(Path(path))
        except Exception as error:  # noqa: BLE001 - shown in Chinese, nothing lost
            show_error(self, error)
            return None
        self.note.setText(note)
        return Path(path)

    def print_dialog(self) -> bool:
        """The system print dialog, then print every page."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Render each page at the printer's resolution and draw it on the printer."""
        painter = QPainter()
        if not painter.begin(printer):
            show_error(self, self.tr("无法开始打印，请检查打印机"))
            return False
        try:
            for number in range(self.document.pageCount()):
                if number:
                    printer.newPage()
                target = painter.viewport()
                points = self.document.pagePointSize(number)
                dpi = printer.resolution()
                size = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
                image: QImage = self.document.render(number, size)
                # Fit the page into the printable area, keeping its proportions.
                fitted = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(target.topLeft(), fitted), image)
        finally:
            painter.end()
        return True
