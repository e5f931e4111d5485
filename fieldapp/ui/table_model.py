"""Thin table models: a column list over rows, updated with dataChanged where possible."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from fieldapp.domain.money import yuan

T = TypeVar("T")

#: Role returning the row object itself.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role returning a sortable key.
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[T]):
    """A column: header text (already translated) and how to show a row in it."""

    header: str
    value: Callable[[T], Any]
    align_right: bool = False


def show(value: Any) -> str:
    """Display text for a value: blank for None, 是/否 for booleans (Yes/No in the English
    window: the window's language, as the rest of the row)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("RowsModel", "是")
        return QCoreApplication.translate("RowsModel", "否")
    if isinstance(value, float):
        # An amount (月收入, a subsidy) as every sentence and paper says it: half up to the fen.
        return yuan(value, grouped=True)
    return str(value)


class RowsModel(QAbstractTableModel, Generic[T]):
    """A list of rows shown in columns; `set_rows` emits the smallest change it can."""

    def __init__(self, columns: Sequence[Column[T]], rows: Sequence[T] = ()) -> None:
        super().__init__()
        self.columns = list(columns)
        self.rows: list[T] = list(rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        """Rows shown (none under a child index: this is a flat table)."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        """Columns shown."""
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, alignment, the row object or a sort key."""
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            # The tooltip repeats the text so cells cut off by a narrow column stay readable.
            return show(column.value(row))
        if role == SORT_ROLE:
            value = column.value(row)
            return value if isinstance(value, (int, float)) else show(value)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles and 1-based row numbers."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def set_rows(self, rows: Sequence[T]) -> None:
        """Show new rows: same count → one dataChanged; else insert/remove the difference."""
        new = list(rows)
        old_count, new_count = len(self.rows), len(new)
        if new_count < old_count:
            self.beginRemoveRows(QModelIndex(), new_count, old_count - 1)
            self.rows = self.rows[:new_count]
            self.endRemoveRows()
        elif new_count > old_count:
            self.beginInsertRows(QModelIndex(), old_count, new_count - 1)
            self.rows = self.rows + new[old_count:]
            self.endInsertRows()
        common = min(old_count, new_count)
        self.rows = new
        if common and self.columns:
            self.dataChanged.emit(self.index(0, 0), self.index(common - 1, len(self.columns) - 1))

    def append_rows(self, rows: Sequence[T]) -> None:
        """Add rows at the end (the rows shown stay as they are: nothing to repaint)."""
        if not rows:
            return
        count = len(self.rows)
        self.beginInsertRows(QModelIndex(), count, count + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def row_at(self, row: int) -> T | None:
        """The row object at a position, if any."""
        return self.rows[row] if 0 <= row < len(self.rows) else None
