"""县里审核未接受的修改: the changes the county hub held under the trust rules, reviewed from a
county office's desktop.

Read from the hub and decided there over the network (`GET /v1/held`, `POST /v1/held/accept`
and `/v1/held/dismiss`, signed with this device's key; the hub answers county devices only),
off the GUI thread. The hub records the decision as ``用户名@本机名`` and tells the device that
sent the change in its next exchange.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui.errors import show_error
from fieldapp.ui.operations import OperationPanel, OperationProgress
from fieldapp.ui.session import Session

#: Keys of the hub's JSON, one column each (titles in `HeldReview._titles`).
COLUMNS = ("device", "author", "content", "reason", "received_at")


class DecisionDialog(QDialog):
    """Asks the reviewer to confirm a decision on one held change: accepting takes an
    optional note, dismissing a reason the device will be shown (required)."""

    def __init__(self, item: dict[str, Any], accept: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accepting = accept
        self.setWindowTitle(self.tr("接受这条修改") if accept else self.tr("不予采纳这条修改"))
        what = QLabel(str(item.get("content") or ""))
        what.setWordWrap(True)
        why = QLabel(str(item.get("reason") or ""))
        why.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setMaxLength(2000)
        if accept:
            self.note.setPlaceholderText(self.tr("可不填，例如：电话核实无误"))
            intro = self.tr(
                "接受后，这条修改作为县里的修改写入中心台账，发往相关设备；"
                "发出修改的设备下次同步时会看到您的决定。"
            )
        else:
            self.note.setPlaceholderText(self.tr("必须填写，发出修改的设备上会看到"))
            intro = self.tr(
                "不予采纳的修改不会写入台账。请写明原因，发出修改的设备下次同步时会看到。"
            )
        head = QLabel(intro)
        head.setWordWrap(True)
        form = QFormLayout()
        form.addRow(
            self.tr("设备"), QLabel(f"{item.get('device', '')}（{item.get('author', '')}）")
        )
        form.addRow(self.tr("修改内容"), what)
        form.addRow(self.tr("未接受的原因"), why)
        form.addRow(self.tr("审核说明") if accept else self.tr("不予采纳的原因"), self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("接受") if accept else self.tr("不予采纳"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.note.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        self.ok_button.setEnabled(self.accepting or bool(self.note.text().strip()))

    def reason(self) -> str:
        """The note or reason typed."""
        return self.note.text().strip()


class HeldReview(QWidget):
    """A table of the changes the hub holds for review, refreshed and decided on demand."""

    def __init__(
        self,
        session: Session,
        hub_url: Callable[[], str],
        panel: OperationPanel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.hub_url, self.panel = session, hub_url, panel
        self.items: list[dict[str, Any]] = []
        #: What the last decision did, said once more above the list it refreshed.
        self.last_decision = ""
        self.refresh_button = QPushButton(self.tr("从中心刷新"))
        self.accept_button = QPushButton(self.tr("接受所选修改…"))
        self.dismiss_button = QPushButton(self.tr("不予采纳…"))
        self.summary = QLabel(
            self.tr("点「从中心刷新」查看各设备发来、中心按规则未接受、等待县里审核的修改")
        )
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(self._titles())
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for wide in (2, 3):  # what it sets and why it was held share the room left
            header.setSectionResizeMode(wide, QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.refresh_button.clicked.connect(self.refresh)
        self.accept_button.clicked.connect(lambda: self.decide_selected(True))
        self.dismiss_button.clicked.connect(lambda: self.decide_selected(False))
        self.table.itemSelectionChanged.connect(self._on_selection)
        self._on_selection()

    def _titles(self) -> list[str]:
        return [
            self.tr("设备"),
            self.tr("修改人"),
            self.tr("修改内容"),
            self.tr("未接受的原因"),
            self.tr("收到时间"),
        ]

    def selected(self) -> dict[str, Any] | None:
        """The held change of the selected row."""
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        row = min(rows) if rows else -1
        return self.items[row] if 0 <= row < len(self.items) else None

    def _on_selection(self) -> None:
        chosen = self.selected() is not None and not self.panel.busy
        self.accept_button.setEnabled(chosen)
        self.dismiss_button.setEnabled(chosen)

    def _url(self) -> str | None:
        url = self.hub_url().strip()
        if not url:
            show_error(self, self.tr("请先填写中心地址"))
            return None
        return url

    def refresh(self) -> None:
        """Ask the hub for the changes waiting for review (off the GUI thread)."""
        url = self._url()
        if url is None:
            return

        def work(_progress: OperationProgress) -> dict[str, Any]:
            from fieldapp.sync.client import held_changes

            with self.session.worker_ledger() as ledger:
                return held_changes(ledger, url)

        self.panel.run(self.tr("正在向中心查询……"), work, self.show_held, self._failed)

    def show_held(self, answer: dict[str, Any]) -> None:
        """Fill the table from the hub's answer."""
        self.items = [dict(i) for i in answer.get("held", []) if isinstance(i, dict)]
        self.table.clearSelection()
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            for column, key in enumerate(COLUMNS):
                value = item.get(key)
                text = "" if value is None else str(value)
                if key == "received_at":
                    text = text.replace("T", " ")[:19]
                cell = QTableWidgetItem(text)
                if key == "content" and item.get("description"):
                    cell.setToolTip(str(item["description"]))
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        total = int(answer.get("total") or len(self.items))
        if not self.items:
            text = self.tr("没有等待县里审核的修改")
        else:
            text = self.tr("等待县里审核的修改 %1 条").replace("%1", str(total))
            if total > len(self.items):
                text += self.tr("（先列出最早的 %1 条）").replace("%1", str(len(self.items)))
        if self.last_decision:
            text = self.last_decision + "\n" + text
            self.last_decision = ""
        self.summary.setText(text)
        self._on_selection()

    def decide_selected(self, accept: bool) -> bool:
        """Ask the reviewer about the selected change, then send the decision to the hub;
        False when nothing was sent (nothing selected, no address, cancelled)."""
        item = self.selected()
        if item is None:
            show_error(self, self.tr("请先在表中选择一条修改"))
            return False
        url = self._url()
        if url is None:
            return False
        dialog = DecisionDialog(item, accept, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        reason = dialog.reason()
        if not accept and not reason:
            show_error(self, self.tr("不予采纳必须写明原因"))
            return False
        held_id = int(item["id"])
        reviewer = str(self.session.ledger.author or "")

        def work(_progress: OperationProgress) -> dict[str, Any]:
            from fieldapp.sync.client import decide_held

            with self.session.worker_ledger() as ledger:
                return decide_held(ledger, url, held_id, accept, reviewer, reason)

        title = self.tr("正在把决定告诉中心……")
        self.panel.run(title, work, self._decided, self._failed)
        return True

    def _decided(self, item: dict[str, Any]) -> None:
        done = self.tr("已接受：") if item.get("status") == "accepted" else self.tr("已不予采纳：")
        self.last_decision = done + str(item.get("content") or "")
        self.summary.setText(self.last_decision)
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(self.tr("没有完成：") + str(error))
        show_error(self, error)
