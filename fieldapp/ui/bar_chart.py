"""A small horizontal bar chart drawn with QPainter (QtCharts is not in PySide6-Essentials)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_COLOUR = QColor("#1f6feb")


class BarChart(QWidget):
    """Labelled horizontal bars with their values; `set_data` redraws."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.items: list[tuple[str, float]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_data(self, items: list[tuple[str, float]]) -> None:
        """Show these (label, value) pairs in order."""
        self.items = list(items)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Tall enough for every bar."""
        return QSize(360, 40 + 24 * max(len(self.items), 3))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Never squeezed below a readable row a bar: a scroll area scrolls instead (at 150
        px, eight bars' labels ran into each other)."""
        return QSize(200, max(150, self.sizeHint().height()))

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Title, then one labelled bar per item scaled to the largest value."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        metrics = painter.fontMetrics()
        painter.setPen(QColor("#222222"))
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(
            QRectF(8, 4, self.width() - 16, 22), Qt.AlignmentFlag.AlignLeft, self.title
        )
        font.setBold(False)
        painter.setFont(font)
        if not self.items:
            painter.setPen(QColor("#888888"))
            painter.drawText(QRectF(8, 30, self.width() - 16, 22), Qt.AlignmentFlag.AlignLeft, "—")
            return
        label_width = max(metrics.horizontalAdvance(label) for label, _ in self.items) + 12
        value_width = max(metrics.horizontalAdvance(_fmt(v)) for _, v in self.items) + 12
        top, row = 30.0, min(24.0, (self.height() - 34) / len(self.items))
        span = max(self.width() - label_width - value_width - 16, 10)
        biggest = max((v for _, v in self.items), default=0) or 1
        for number, (label, value) in enumerate(self.items):
            y = top + number * row
            painter.setPen(QColor("#333333"))
            painter.drawText(
                QRectF(8, y, label_width - 8, row),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            length = span * (value / biggest)
            painter.fillRect(QRectF(8 + label_width, y + 4, length, row - 8), BAR_COLOUR)
            painter.drawText(
                QRectF(12 + label_width + length, y, value_width, row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                _fmt(value),
            )


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
