"""Preview a paper inside the app (QPdfView), then print it or save the PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRect, QSize, Qt, QTimer
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QKeySequence,
    QPainter,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui.errors import show_error
from fieldapp.ui.files import start_at, used
from fieldapp.ui.widgets import plain_label

#: Called with the chosen path; writes the file and logs the print (returns a note to show).
Saver = Callable[[Path], str]
#: Logs a print sent to the named printer; returns what the preview then says.
PrintLogger = Callable[[str], str]


#: Zoom steps of the +/− buttons (1.0 = 100 %).
ZOOMS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)


class PdfPreview(QDialog):
    """Shows PDF bytes page by page; fit to width (default) or to the page, zoom, go to a page;
    打印 and 另存为 PDF. Opens as large as the screen allows: a landscape roster is readable."""

    def __init__(
        self,
        pdf: bytes,
        title: str,
        suggested_name: str,
        saver: Saver,
        parent: QWidget | None = None,
        logger: PrintLogger | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("预览：") + title)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        screen = (
            parent.screen() if parent is not None else None
        ) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)
        self.resize(int(room.width() * 0.92), int(room.height() * 0.92))
        self.pdf = pdf
        self.saver = saver
        self.logger = logger
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
        self.fit_width = QPushButton(self.tr("适合宽度"))
        self.fit_page = QPushButton(self.tr("整页"))
        for button in (self.fit_width, self.fit_page):
            button.setCheckable(True)
        self.fit_width.setChecked(True)
        self.zoom_out = QPushButton("−")
        self.zoom_in = QPushButton("+")
        self.zoom_out.setToolTip(self.tr("缩小 (Ctrl+-)"))
        self.zoom_in.setToolTip(self.tr("放大 (Ctrl+=)"))
        self.zoom_label = QLabel()
        self.previous_button = QPushButton(self.tr("上一页"))
        self.next_button = QPushButton(self.tr("下一页"))
        self.page_box = QSpinBox()
        self.page_box.setRange(1, max(1, self.document.pageCount()))
        self.page_box.setPrefix(self.tr("第 "))
        self.page_box.setSuffix(self.tr(" 页"))
        self.pages_label = QLabel(self.tr("共 %n 页", "", self.document.pageCount()))
        tools = QHBoxLayout()
        zoom: tuple[QWidget, ...] = (
            self.fit_width,
            self.fit_page,
            self.zoom_out,
            self.zoom_label,
            self.zoom_in,
        )
        for widget in zoom:
            tools.addWidget(widget)
        tools.addStretch(1)
        paging: tuple[QWidget, ...] = (
            self.previous_button,
            self.page_box,
            self.pages_label,
            self.next_button,
        )
        for widget in paging:
            tools.addWidget(widget)
        self.fit_width.clicked.connect(lambda: self.set_fit(QPdfView.ZoomMode.FitToWidth))
        self.fit_page.clicked.connect(lambda: self.set_fit(QPdfView.ZoomMode.FitInView))
        self.zoom_in.clicked.connect(lambda: self.step_zoom(1))
        self.zoom_out.clicked.connect(lambda: self.step_zoom(-1))
        self.previous_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page_box.valueChanged.connect(lambda n: self.go_to(n - 1))
        self.view.pageNavigator().currentPageChanged.connect(self._page_shown)
        self.view.zoomFactorChanged.connect(lambda _z: self._zoom_shown())
        keys: list[tuple[QKeySequence | QKeySequence.StandardKey, Callable[[], None]]] = [
            (QKeySequence.StandardKey.ZoomIn, lambda: self.step_zoom(1)),
            (QKeySequence("Ctrl+="), lambda: self.step_zoom(1)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.step_zoom(-1)),
            (QKeySequence(Qt.Key.Key_PageDown), lambda: self.go_to(self.current_page() + 1)),
            (QKeySequence(Qt.Key.Key_PageUp), lambda: self.go_to(self.current_page() - 1)),
        ]
        for key, act in keys:
            QShortcut(key, self).activated.connect(act)
        self.print_button = QPushButton(self.tr("打印(&P)…"))
        self.save_button = QPushButton(self.tr("另存为 PDF(&S)…"))
        close = QPushButton(self.tr("关闭"))
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button.clicked.connect(self.save_dialog)
        close.clicked.connect(self.reject)
        # Issue 16: the print and save dialogs say the paper holds personal data.
        self.note = plain_label(self.tr("含个人信息，请妥善保管"))  # then 已保存到 <the file>
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._page_shown(0)
        self._zoom_shown()

    # -- zoom and pages ---------------------------------------------------------------------

    def set_fit(self, mode: QPdfView.ZoomMode) -> None:
        """Fit the page's width (or the whole page) to the window."""
        self.view.setZoomMode(mode)
        self.fit_width.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        self.fit_page.setChecked(mode == QPdfView.ZoomMode.FitInView)
        self._zoom_shown()

    def zoom(self) -> float:
        """The zoom now (1.0 = 100 %): when fitted, what the fit works out to."""
        return float(self.view.zoomFactor())

    def step_zoom(self, direction: int) -> None:
        """The next zoom step up (1) or down (−1) from the zoom now."""
        now = self._effective_zoom()
        if direction > 0:
            target = next((z for z in ZOOMS if z > now + 0.01), ZOOMS[-1])
        else:
            target = next((z for z in reversed(ZOOMS) if z < now - 0.01), ZOOMS[0])
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(target)
        self.fit_width.setChecked(False)
        self.fit_page.setChecked(False)
        self._zoom_shown()

    def _effective_zoom(self) -> float:
        """What a fitted view shows, as a zoom factor (QPdfView keeps 1.0 while fitting)."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or not self.document.pageCount():
            return self.zoom()
        page = self.document.pagePointSize(max(0, self.current_page()))
        viewport = self.view.viewport().size()
        dpi = self.logicalDpiX() / 72.0
        across = viewport.width() / max(1.0, page.width() * dpi)
        if self.view.zoomMode() == QPdfView.ZoomMode.FitInView:
            return min(across, viewport.height() / max(1.0, page.height() * dpi))
        return across

    def _zoom_shown(self) -> None:
        self.zoom_label.setText(f"{round(self._effective_zoom() * 100)}%")

    def current_page(self) -> int:
        """The page shown (0-based)."""
        return int(self.view.pageNavigator().currentPage())

    def go_to(self, page: int) -> None:
        """Show a page (0-based; out of range is clamped)."""
        last = max(0, self.document.pageCount() - 1)
        page = min(max(page, 0), last)
        if page != self.current_page():
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())
        self._page_shown(page)

    def _page_shown(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < self.document.pageCount() - 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """A fitted zoom changes with the window: say what it is now."""
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._zoom_shown)  # not after the dialog is gone

    def page_count(self) -> int:
        """Pages in the previewed document."""
        return self.document.pageCount()

    def save_dialog(self) -> Path | None:
        """Ask where to save, then save (and log) the PDF."""
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("另存为 PDF（含个人信息，请妥善保管）"),
            start_at(self.suggested_name),
            self.tr("PDF 文件 (*.pdf)"),
        )
        used(path)
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
        note = ""
        if self.logger is not None:
            # Logged before any page goes: a print the ledger cannot record is not printed.
            where = printer.printerName() or printer.outputFileName()
            try:
                note = self.logger(where)
            except Exception as error:  # noqa: BLE001 - shown in Chinese; nothing printed
                printer.abort()
                painter.end()
                show_error(self, error)
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
        if note:
            self.note.setText(note)
        return True
