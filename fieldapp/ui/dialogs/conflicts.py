"""Conflict review: a field's competing values side by side with who and when; resolve one."""

from __future__ import annotations

import json

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.labels import field_label
from fieldapp.services.changes import ChangeSet, Kind, of_log
from fieldapp.store.queries.sync import device_names
from fieldapp.sync.conflicts import Conflict, list_conflicts, resolve
from fieldapp.ui.errors import show_error
from fieldapp.ui.session import Session
from fieldapp.ui.table_model import ROW_ROLE, Column, RowsModel
from fieldapp.ui.widgets import table_view


def show_value(value: object) -> str:
    """A stored value as people read it (blank → 空)."""
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class ConflictReview(QWidget):
    """The open conflicts, and for the selected one every value with author, time and device."""

    resolved = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = RowsModel[Conflict](
            [
                Column(self.tr("对象"), lambda c: c.subject),
                Column(self.tr("内容"), lambda c: c.table_label),
                Column(self.tr("字段"), lambda c: field_label(c.field, c.table)),
                Column(
                    self.tr("不同的值"), lambda c: " / ".join(show_value(v.value) for v in c.values)
                ),
            ]
        )
        self.view = table_view()
        self.view.setModel(self.model)
        self.view.setColumnWidth(0, 120)
        self.view.setColumnWidth(1, 100)
        self.view.setColumnWidth(2, 120)
        self.detail = QGroupBox(self.tr("选择要保留的值"))
        self.grid = QGridLayout(self.detail)
        self.choices = QButtonGroup(self)
        self.new_value = QLineEdit()
        self.new_value.setPlaceholderText(self.tr("或输入一个新值"))
        self.resolve_button = QPushButton(self.tr("解决冲突"))
        self.resolve_button.clicked.connect(self.resolve_selected)
        row = QHBoxLayout()
        row.addWidget(self.new_value, 1)
        row.addWidget(self.resolve_button)
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        layout.addLayout(row)
        self.view.selectionModel().currentRowChanged.connect(
            lambda c, _p: self._show(c.data(ROW_ROLE))
        )
        self.refresh()

    def refresh(self) -> None:
        """Reload the open conflicts."""
        conflicts = list_conflicts(self.session.ledger)
        self.model.set_rows(conflicts)
        self.summary.setText(self.tr("待处理冲突 %n 处", "", len(conflicts)))
        if conflicts:
            self.view.selectRow(0)
            self._show(conflicts[0])
        else:
            self._show(None)

    def _show(self, conflict: Conflict | None) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget:
                widget.deleteLater()
        for button in self.choices.buttons():
            self.choices.removeButton(button)
        self.resolve_button.setEnabled(conflict is not None)
        if conflict is None:
            return
        headers = (self.tr("值"), self.tr("修改人"), self.tr("时间"), self.tr("设备"))
        # Devices by the names people know them by (this one's own name included), never an id.
        names = device_names(self.session.ledger)
        own = self.session.ledger.get_meta("device_id")
        for column, text in enumerate(headers):
            self.grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        for row, value in enumerate(conflict.values, start=1):
            button = QRadioButton(show_value(value.value))
            button.setProperty("value_id", value.value_id)
            button.setChecked(value.shown)
            self.choices.addButton(button)
            self.grid.addWidget(button, row, 0)
            self.grid.addWidget(QLabel(value.author), row, 1)
            self.grid.addWidget(QLabel(value.at[:19].replace("T", " ")), row, 2)
            known = names.get(value.device_id) or (
                value.device if value.device and value.device != value.device_id else ""
            )
            if not known:
                known = (
                    self.tr("本机") if value.device_id == own else self.tr("另一台设备（名称未知）")
                )
            self.grid.addWidget(QLabel(known), row, 3)

    def selected(self) -> Conflict | None:
        """The conflict in the current row."""
        return self.view.currentIndex().data(ROW_ROLE)

    def choose(self, index: int) -> None:
        """Tick the value at `index` (0 = first shown)."""
        self.choices.buttons()[index].setChecked(True)

    def resolve_selected(self) -> bool:
        """Keep the ticked value, or the typed new one; logged as an ordinary change."""
        conflict = self.selected()
        if conflict is None:
            return False
        typed = self.new_value.text().strip()
        checked = self.choices.checkedButton()
        ledger, actor = self.session.ledger, self.session.actor
        try:
            if typed:
                change = resolve(ledger, conflict.conflict_id, value=typed, actor=actor)
            elif checked is not None:
                keep = checked.property("value_id")
                change = resolve(ledger, conflict.conflict_id, keep=keep, actor=actor)
            else:
                show_error(self, self.tr("请选择要保留的值或输入新值"))
                return False
        except Exception as error:  # noqa: BLE001 - shown in Chinese
            show_error(self, error)
            return False
        self.new_value.clear()
        self.session.apply(of_log([(change.tbl, change.row_id)]) | ChangeSet.of(Kind.CONFLICTS))
        self.resolved.emit(conflict.conflict_id)
        self.refresh()
        return True
