"""People another village offers to move into one of this device's households (`moving_to`),
listed with 接收 / 不接收: nobody is moved into a village's families without its word
(`services.households.accept_move`, `decline_move`). Hidden while no one is offered.

Each line says who (name, ID number), from which village, into whose household. 接收 asks
first (`TakeInDialog`): who, from where, into which household, and their relation to its head
(户主 only where the household has none); 不接收 asks once too (`TurnDownDialog`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.enums import Relation
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.sentences import Sentence
from fieldapp.services import households
from fieldapp.services.changes import ChangeSet, Kind
from fieldapp.store.queries.records import OfferedRow
from fieldapp.ui.errors import message_for
from fieldapp.ui.held_words import filled, sentence_shown, why_shown
from fieldapp.ui.session import Session
from fieldapp.ui.widgets import EnumCombo, plain_label

# The functions' and the base dialog's words are said under one context, "MoveOffers" (not a
# widget's tr: lupdate files a module function's words under no class's name, and a base
# class's words would be looked up under each subclass's).


def _from(row: OfferedRow) -> str:
    """Where the person comes from: their village's path where this ledger holds their home,
    else the device that offered them as the hub named it, else 别村."""
    return row.from_place or row.offered_by or QCoreApplication.translate("MoveOffers", "别村")


def _household(row: OfferedRow) -> str:
    """The household offered: 张长英户（七星关区 … 大坝村 二组 3 号）."""
    head = (
        filled(QCoreApplication.translate("MoveOffers", "%1户"), row.head)
        if row.head
        else QCoreApplication.translate("MoveOffers", "一户")
    )
    address = f" {row.to_address}" if row.to_address else ""
    return filled(
        QCoreApplication.translate("MoveOffers", "%1（%2%3）"), head, row.to_place, address
    )


class MoveOffers(QGroupBox):
    """待接收的迁入人员: who is offered to which household, from where, to take in or not."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("待接收的迁入人员（别村提出迁入本村的户）"), parent)
        self.session = session
        self.rows: dict[str, OfferedRow] = {}
        self.asking: QDialog | None = None
        #: What the last take-in or turn-down said besides (`ChangeSet.warnings`).
        self.warned: list[Sentence] = []
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
        """List who is offered now (hidden when no one is): one read for them all."""
        offered = households.offers(self.session.ledger, self.session.actor)
        self.rows = {row.id: row for row in offered}
        self.list.clear()
        for person in offered:
            text = filled(
                self.tr("%1（身份证号 %2）来自%3，申请迁入%4"),
                person.name,
                person.id_number,
                _from(person),
                _household(person),
            )
            if person.change_reason:
                text += filled(self.tr("，原因：%1"), why_shown(person.change_reason))
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

    def _chosen(self) -> OfferedRow | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return self.rows.get(str(item.data(Qt.ItemDataRole.UserRole)))

    def take_in(self) -> TakeInDialog | None:
        """接收: asks who, from where, into which household and as what; then takes them in."""
        person = self._chosen()
        if person is None:
            return None
        dialog = TakeInDialog(person, self)
        dialog.accepted.connect(lambda: self._taken(dialog))
        self.asking = dialog
        dialog.open()
        return dialog

    def _taken(self, dialog: TakeInDialog) -> None:
        person = dialog.person
        relation = dialog.relation_chosen()
        done = self._do(lambda: households.accept_move(
            self.session.ledger, self.session.actor, person.id, relation
        ))  # fmt: skip
        if done:
            taken = filled(self.tr("已接收%1迁入本村：请在人员信息里核对账号等信息"), person.name)
            # What the take-in did besides (the offering village's drafts deleted), said too.
            self.said.setText("\n".join([taken, *(sentence_shown(w) for w in self.warned)]))
            self.refresh()

    def turn_down(self) -> TurnDownDialog | None:
        """不接收: asks once; then the offer is cleared, the person stays in their village."""
        person = self._chosen()
        if person is None:
            return None
        dialog = TurnDownDialog(person, self)
        dialog.accepted.connect(lambda: self._turned_down(dialog.person))
        self.asking = dialog
        dialog.open()
        return dialog

    def _turned_down(self, person: OfferedRow) -> None:
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
            self.setVisible(True)
            return False
        self.session.apply(changes)
        self.warned = [w for w in changes.warnings if isinstance(w, Sentence)]
        return True


class _Asked(QDialog):
    """Who is offered, said as a form: name, ID number, from where, into which household."""

    def __init__(self, person: OfferedRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person = person
        self.setMinimumWidth(460)  # the household's place on one line where it can be
        self.form = QFormLayout()
        self.form.addRow(QCoreApplication.translate("MoveOffers", "姓名"), plain_label(person.name))
        self.form.addRow(
            QCoreApplication.translate("MoveOffers", "身份证号"), plain_label(person.id_number)
        )
        self.form.addRow(
            QCoreApplication.translate("MoveOffers", "来自"), plain_label(_from(person))
        )
        household = plain_label(_household(person))
        household.setWordWrap(True)
        self.form.addRow(QCoreApplication.translate("MoveOffers", "迁入的户"), household)
        if person.account_number or person.account_bank:
            # What their subsidies are paid into, as offered: what the village takes in.
            account = " ".join(p for p in (person.account_bank, person.account_number) if p)
            self.form.addRow(
                QCoreApplication.translate("MoveOffers", "社保卡/银行账号"), plain_label(account)
            )
        if person.change_reason:
            self.form.addRow(
                QCoreApplication.translate("MoveOffers", "原因"),
                plain_label(why_shown(person.change_reason)),
            )

    def _buttons(self, yes: str) -> QDialogButtonBox:
        """`yes` and 取消, 取消 the default (Enter does nothing it cannot take back)."""
        buttons = QDialogButtonBox()
        self.yes_button = buttons.addButton(yes, QDialogButtonBox.ButtonRole.AcceptRole)
        self.no_button = buttons.addButton(
            QCoreApplication.translate("MoveOffers", "取消"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.yes_button.setAutoDefault(False)
        self.no_button.setDefault(True)
        buttons.accepted.connect(self.answer)
        buttons.rejected.connect(self.reject)
        return buttons

    def answer(self) -> None:
        self.accept()


class TakeInDialog(_Asked):
    """接收迁入人员: who, from where, into which household, and their relation to its head."""

    def __init__(self, person: OfferedRow, parent: QWidget | None = None) -> None:
        super().__init__(person, parent)
        self.setWindowTitle(self.tr("接收迁入人员"))
        question = plain_label(
            filled(self.tr("接收%1迁入本村的这一户吗？接收后%1就是本村的人。"), person.name)
        )
        question.setWordWrap(True)
        # The relations the person's own form offers; 户主 only where the household has none.
        relations = [r for r in Relation if r is not Relation.HEAD or not person.has_head]
        self.relation = EnumCombo(relations, blank=self.tr("（请选择）"))
        self.form.addRow(self.tr("与户主关系"), self.relation)
        self.error = plain_label()
        self.error.setStyleSheet("color: #c62828;")
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self._buttons(self.tr("接收")))
        self.relation.setFocus()

    def relation_chosen(self) -> Relation:
        return Relation(self.relation.value())

    def answer(self) -> None:
        """接收, once a relation is chosen."""
        if not self.relation.value():
            self.error.setText(self.tr("请选择与户主的关系"))
            self.relation.setFocus()
            return
        self.accept()


class TurnDownDialog(_Asked):
    """不接收: asked once, saying who stays where they are."""

    def __init__(self, person: OfferedRow, parent: QWidget | None = None) -> None:
        super().__init__(person, parent)
        self.setWindowTitle(self.tr("不接收迁入人员"))
        question = plain_label(
            filled(
                self.tr("不接收%1迁入本村吗？%1仍留在原来的村，对方村同步后会知道。"), person.name
            )
        )
        question.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(self.form)
        layout.addWidget(self._buttons(self.tr("不接收")))
