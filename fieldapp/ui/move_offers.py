"""People another village offers to move into one of this device's households (`moving_to`),
listed with 接收 / 不接收: nobody is moved into a village's families without its word
(`services.households.accept_move`, `decline_move`). Hidden while no one is offered."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.errors import FieldappError
from fieldapp.domain.models import Household, Person
from fieldapp.services import households
from fieldapp.services.changes import ChangeSet, Kind
from fieldapp.store.queries import records
from fieldapp.ui.errors import message_for
from fieldapp.ui.held_words import filled
from fieldapp.ui.session import Session
from fieldapp.ui.widgets import plain_label


class MoveOffers(QGroupBox):
    """待接收的迁入人员: who is offered to which household, to take in or not."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("待接收的迁入人员（别村提出迁入本村的户）"), parent)
        self.session = session
        self.list = QListWidget()
        self.list.setMaximumHeight(96)
        self.accept_button = QPushButton(self.tr("接收"))
        self.decline_button = QPushButton(self.tr("不接收"))
        self.said: QLabel = plain_label()
        self.said.setWordWrap(True)
        buttons = QVBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.decline_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.said)
        self.accept_button.clicked.connect(self.take_in)
        self.decline_button.clicked.connect(self.turn_down)
        self.list.currentRowChanged.connect(lambda _r: self._buttons())
        session.on_change(self, (Kind.PERSONS, Kind.HOUSEHOLDS), lambda _c: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """List who is offered now (hidden when no one is)."""
        ledger = self.session.ledger
        offered = households.offered(ledger, self.session.actor)
        heads = records.head_names(ledger, [p.moving_to or "" for p in offered])
        self.list.clear()
        for person in offered:
            target = records.find(ledger, Household, person.moving_to or "")
            where = records.household_place(ledger, person.moving_to)
            head = heads.get(person.moving_to or "", "")
            household = filled(self.tr("%1户"), head) if head else self.tr("一户")
            address = f" {target.address}" if target is not None and target.address else ""
            text = filled(
                self.tr("%1（身份证号 %2）申请迁入%3（%4%5）"),
                person.name,
                person.id_number,
                household,
                where,
                address,
            )
            if person.change_reason:
                text += filled(self.tr("，原因：%1"), person.change_reason)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.list.addItem(item)
        if offered:
            self.list.setCurrentRow(0)
        self.setVisible(bool(offered) or bool(self.said.text()))
        self._buttons()

    def _buttons(self) -> None:
        chosen = self.list.currentItem() is not None
        self.accept_button.setEnabled(chosen)
        self.decline_button.setEnabled(chosen)

    def _chosen(self) -> Person | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return records.find(self.session.ledger, Person, str(item.data(Qt.ItemDataRole.UserRole)))

    def take_in(self) -> None:
        """接收: the chosen person moves into the household offered."""
        person = self._chosen()
        if person is None:
            return
        done = self._do(lambda: households.accept_move(
            self.session.ledger, self.session.actor, person.id
        ))  # fmt: skip
        if done:
            self.said.setText(
                filled(
                    self.tr("已接收%1迁入本村：请在人员信息里核对与户主的关系和账号"), person.name
                )
            )
            self.refresh()

    def turn_down(self) -> None:
        """不接收: the offer is cleared; the person stays in their own village."""
        person = self._chosen()
        if person is None:
            return
        done = self._do(lambda: households.decline_move(
            self.session.ledger, self.session.actor, person.id
        ))  # fmt: skip
        if done:
            self.said.setText(filled(self.tr("没有接收%1：仍留在原来的村"), person.name))
            self.refresh()

    def _do(self, call: Callable[[], ChangeSet]) -> bool:
        try:
            changes = call()
        except FieldappError as error:
            self.said.setText(message_for(error))
            return False
        self.session.apply(changes)
        return True
