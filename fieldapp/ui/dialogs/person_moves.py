"""A person leaves the ledger, comes back, or moves to another household — always with a reason.

- 删除: the reason is asked (迁出 / 死亡 / 重复录入 / other words), and the safe answer is the
  default: Enter (否，不删除) cancels; Esc or × on a reason already picked or typed asks
  放弃修改？ first, as every form of the app does.
- 恢复: a deleted person of the area is brought back, saying why (误删 …).
- 迁户: into an existing household (合户, 婚迁) found by name, or into a new one (分户); Esc,
  取消 or × on a changed form asks first.

Each is one service call; the reason is written in the same logged change, so the person's
history says why.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.dates import china_minute
from fieldapp.domain.enums import Relation
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.models import Household, Person
from fieldapp.domain.sentences import fill
from fieldapp.services import households, persons
from fieldapp.services.changes import ChangeSet
from fieldapp.services.clock import ClockWrong
from fieldapp.services.trust import may_change
from fieldapp.services.trust_check import may_add_to, rules_actor
from fieldapp.store.queries.persons import DeletedRow, PersonRow, deleted_persons, rows_by_id
from fieldapp.ui.areas import AreaCombo, AreaIndex
from fieldapp.ui.clock_said import clock_told
from fieldapp.ui.errors import delete_refused, message_for
from fieldapp.ui.held_words import filled, reason_shown, why_shown, word_shown
from fieldapp.ui.search_worker import SearchService
from fieldapp.ui.session import Session
from fieldapp.ui.table_model import ROW_ROLE, Column, RowsModel
from fieldapp.ui.widgets import (
    EnumCombo,
    KeepsInput,
    arrows_walk_hits,
    plain_label,
    search_failed_label,
    table_view,
    tip,
)

#: The Chinese word a reason button stands for (its text is the word in the language shown).
_WORD = "reason_word"


def _reason_choice(
    parent: QWidget, choices: tuple[str, ...], other: str
) -> tuple[QButtonGroup, QLineEdit, QWidget]:
    """Radio buttons for the usual reasons (the service's Chinese words, said in the language
    shown: what is stored stays Chinese), then 其他 with a line for the user's words."""
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    group = QButtonGroup(box)
    for word in choices:
        button = QRadioButton(word_shown(word))
        button.setProperty(_WORD, word)
        group.addButton(button)
        row.addWidget(button)
    group.addButton(QRadioButton(other))
    row.addWidget(group.buttons()[-1])
    words = QLineEdit()
    # Not parent.tr: lupdate files a module function's words under no class's name.
    words.setPlaceholderText(QCoreApplication.translate("PersonMoves", "写明原因"))
    # Room for at least its prompt: the English reasons had squeezed it to a box of “…”.
    prompt = words.fontMetrics().horizontalAdvance(words.placeholderText())
    words.setMinimumWidth(prompt + 2 * words.fontMetrics().averageCharWidth() + 12)
    row.addWidget(words, 1)
    return group, words, box


def _chosen(group: QButtonGroup, words: QLineEdit) -> str:
    """The reason picked (its Chinese word), with the user's words after it (or alone for
    其他)."""
    checked = group.checkedButton()
    typed = words.text().strip()
    word = checked.property(_WORD) if checked is not None else None
    if not word:  # none picked, or 其他
        return typed
    return f"{word}：{typed}" if typed else str(word)


def _date_refused(error: FieldappError, kept: str) -> str:
    """A refusal for the laptop's date in the form's own words (`kept`: what was not done and
    what the form still holds), then how to set the date; any other as `message_for` says it."""
    if isinstance(error, ClockWrong):
        return kept + "\n\n" + clock_told(error.days)
    return message_for(error)


class DeleteDialog(KeepsInput):
    """删除人员: why (required), and 否 is the default answer."""

    def __init__(self, session: Session, person: Person, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.person = person
        self.changes: ChangeSet | None = None
        self.setWindowTitle(self.tr("删除人员"))
        text = QLabel(
            fill(
                self.tr(
                    "从台账中删除“%1”（%2）吗？删除会记入修改记录，以后可以在“已删除人员”里恢复。"
                ),
                (person.name, person.id_number[:6] + "…" + person.id_number[-4:]),
            )
        )
        text.setWordWrap(True)
        self.reasons, self.words, reasons = _reason_choice(
            self, persons.DELETE_REASONS, self.tr("其他")
        )
        self.error = plain_label()  # the refusal may name a person or quote a value
        self.error.setStyleSheet("color: #c62828;")
        # A refusal's reasons run long (the date's: how to set it): wrapped, not a window
        # stretched past the screen.
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.no_button = buttons.addButton(
            self.tr("否，不删除"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.yes_button = buttons.addButton(
            self.tr("是，删除"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.no_button.setDefault(True)
        self.no_button.setAutoDefault(True)
        self.yes_button.setAutoDefault(False)
        # 否 is an answer: it closes without asking; Esc and × ask when a reason was given.
        self.no_button.clicked.connect(self.discard)
        buttons.accepted.connect(self.delete)
        form = QFormLayout()
        form.addRow(text)
        form.addRow(self.tr("原因"), reasons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.no_button.setFocus()

    def choose(self, reason: str, words: str = "") -> None:
        """Pick a reason (its Chinese word, or the words shown), and type words, as a user
        does."""
        for button in self.reasons.buttons():
            if reason in (button.text(), button.property(_WORD)):
                button.setChecked(True)
        self.words.setText(words)

    def delete(self) -> None:
        """Delete with the reason; without one, say so and wait."""
        reason = _chosen(self.reasons, self.words)
        if not reason:
            self.error.setText(self.tr("请选择或写明删除原因（迁出、死亡、重复录入……）"))
            return
        try:
            self.changes = persons.delete(
                self.session.ledger, self.session.actor, self.person.id, reason
            )
        except FieldappError as error:
            self.error.setText(delete_refused(error))
            self.adjustSize()  # the wrapped lines all shown, none cut off
            return
        self.session.apply(self.changes)
        self.accept()


class RestoreDialog(QDialog):
    """已删除人员: the deleted persons of an area; 恢复 brings one back, saying why."""

    def __init__(
        self, session: Session, area_code: str, areas: AreaIndex, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.restored: str | None = None
        self.setWindowTitle(self.tr("已删除人员"))
        self.resize(760, 420)
        self.model = RowsModel[DeletedRow](
            [
                Column(self.tr("姓名"), lambda r: r.name),
                Column(self.tr("身份证号"), lambda r: r.id_number),
                Column(self.tr("所在地"), lambda r: areas.path(r.area_code)),
                Column(self.tr("删除时间"), lambda r: china_minute(r.deleted_at)),
                Column(self.tr("删除人"), lambda r: (r.deleted_by or "").split("@")[0]),
                Column(self.tr("原因"), lambda r: why_shown(r.reason or "") or self.tr("未写明")),
            ]
        )
        self.model.set_rows(deleted_persons(session.ledger, area_code))
        self.view = table_view()
        self.view.setModel(self.model)
        for column, width in enumerate((70, 160, 170, 120, 70)):
            self.view.setColumnWidth(column, width)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("恢复原因，例如：误删、迁出后又迁回"))
        self.error = plain_label()  # the refusal may name a person or quote a value
        self.error.setWordWrap(True)  # the date's long words wrapped, not a wide window
        self.error.setStyleSheet("color: #c62828;")
        self.restore_button = QPushButton(self.tr("恢复所选人员"))
        close = QPushButton(self.tr("关闭"))
        self.restore_button.clicked.connect(self.restore)
        close.clicked.connect(self.reject)
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._offer())
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("原因")))
        row.addWidget(self.reason, 1)
        row.addWidget(self.restore_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        if not self.model.rowCount():
            layout.addWidget(QLabel(self.tr("这个区域没有已删除的人员")))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addLayout(row)

    def _why_not(self, row: DeletedRow | None) -> str:
        """Why this device may not bring `row` back ("" when it may): the trust rules on
        where the person lived (another village's people are its to restore)."""
        who = rules_actor(self.session.ledger, self.session.actor)
        if who is None or row is None:
            return ""
        verdict = may_change(who, "persons", row.area_code or None)
        return reason_shown(verdict.rule, verdict.reason, verdict.said)

    def _offer(self) -> None:
        why = self._why_not(self.view.currentIndex().data(ROW_ROLE))
        self.restore_button.setEnabled(not why)
        self.restore_button.setToolTip(tip(why))

    def restore(self) -> str | None:
        """Bring back the selected person; returns their id."""
        row: DeletedRow | None = self.view.currentIndex().data(ROW_ROLE)
        if row is None:
            self.error.setText(self.tr("请先在列表中选择要恢复的人员"))
            return None
        why = self._why_not(row)
        if why:
            self.error.setText(why)
            return None
        if not self.reason.text().strip():
            self.error.setText(self.tr("请写明恢复原因"))
            self.reason.setFocus()
            return None
        try:
            changes = persons.restore(
                self.session.ledger, self.session.actor, row.id, self.reason.text()
            )
        except FieldappError as error:
            kept = self.tr("这次没有恢复，写的原因还在：把日期改对后再恢复一次即可。")
            self.error.setText(_date_refused(error, kept))
            return None
        self.session.apply(changes)
        self.restored = row.id
        self.accept()
        return row.id


class MoveDialog(KeepsInput):
    """迁户: into another household found by name (合户、婚迁), or a new one (分户)."""

    def __init__(self, session: Session, person: Person, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.person = person
        self.target: PersonRow | None = None
        self.changes: ChangeSet | None = None
        self.setWindowTitle(self.tr("迁到别户：") + person.name)
        self.resize(640, 480)
        areas = AreaIndex.load(session.ledger)
        self.areas = areas
        self.reasons, self.words, reasons = _reason_choice(
            self, households.MOVE_REASONS, self.tr("其他")
        )
        self.into_existing = QRadioButton(self.tr("迁入已有的户"))
        self.into_new = QRadioButton(self.tr("新立一户（本人为户主）"))
        self.into_existing.setChecked(True)
        self.picker = QLineEdit()
        self.picker.setPlaceholderText(self.tr("输入对方户里任一人的姓名、拼音首字母或身份证号"))
        self.hits = QListWidget()
        self.hits.setMaximumHeight(120)
        self.chosen = plain_label(self.tr("尚未选择迁入的户"))
        # (another village's household adds a sentence: wrapped, not a dialog wider than the screen)
        self.chosen.setWordWrap(True)
        self.relation = EnumCombo([r for r in Relation if r is not Relation.HEAD])
        self.area = AreaCombo(None)
        # A household lives in a village or site (or a group or building of one); one put in a
        # county or township row would belong to no village's or site's laptop.
        # A split household stays where the person lives (not the list's first village or site,
        # another township's on a township's or county's device).
        here = next((r.area_code for r in rows_by_id(session.ledger, [person.id])), None)
        self.area.fill(areas, keep=here or session.home_area, offer=lambda code: len(code) >= 12)
        self.address = QLineEdit()
        self.error = plain_label()  # the refusal may name a person or quote a value
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("迁户"))
        buttons.accepted.connect(self.relocate)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("原因"), reasons)
        form.addRow(self.into_existing)
        form.addRow(self.tr("找户"), self.picker)
        form.addRow("", self.hits)
        self.search_failed = search_failed_label()
        form.addRow("", self.search_failed)
        form.addRow("", self.chosen)
        form.addRow(self.tr("与新户主关系"), self.relation)
        form.addRow(self.into_new)
        form.addRow(self.tr("新户所在地"), self.area)
        form.addRow(self.tr("住址"), self.address)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.search = SearchService(session.ledger.reader, self)
        self.search.rows.connect(self._show_hits)
        self.search.failed.connect(self._search_failed)
        self.picker.textChanged.connect(self._typed)
        # Down/Up walk the hits, Enter takes the one walked to (the first when none is; asks
        # a failed search again) and moves no one yet: 迁户 is its own button.
        arrows_walk_hits(self.picker, self.hits, self._pick, self._again)
        self.hits.itemClicked.connect(self._pick)
        self.hits.itemActivated.connect(self._pick)
        self.into_new.toggled.connect(self._mode)
        self.finished.connect(lambda _r: self.search.stop())
        self._mode()

    def _mode(self) -> None:
        new = self.into_new.isChecked()
        existing: tuple[QWidget, ...] = (self.picker, self.hits, self.relation)
        for widget in existing:
            widget.setEnabled(not new)
        for widget in (self.area, self.address):
            widget.setEnabled(new)

    def _typed(self, text: str) -> None:
        if text.strip():
            self.search.search(text.strip(), "")
        else:
            self.hits.clear()
            self.search_failed.hide()

    def _search_failed(self, message: str) -> None:
        """The search did not run: said where its hits would be (Enter asks again)."""
        self.hits.clear()
        self.search_failed.setText(message)
        self.search_failed.show()

    def _again(self) -> None:
        if self.search.failing:
            self._typed(self.picker.text())

    def _show_hits(self, rows: list[PersonRow]) -> None:
        self.hits.clear()
        self.search_failed.hide()
        for row in rows[:30]:
            if row.household_id == self.person.household_id:
                continue
            item = QListWidgetItem(
                f"{row.name}  {self.areas.path(row.area_code)} {row.address or ''}"
            )
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.hits.addItem(item)

    def _pick(self, item: QListWidgetItem) -> None:
        self.choose(item.data(Qt.ItemDataRole.UserRole))

    def choose(self, row: PersonRow) -> None:
        """Take the household of a person found by name."""
        self.target = row
        self.into_existing.setChecked(True)
        where = f"{self.areas.path(row.area_code)} {row.address or ''}".rstrip()
        text = self.tr("迁入：") + filled(self.tr("%1所在的户（%2）"), row.name, where)
        if (
            row.household_id
            and not may_add_to(
                self.session.ledger, self.session.actor, "persons", "households", row.household_id
            ).allowed
        ):
            # Another village's household: it takes the person in, or not (`move_person`).
            text += self.tr("。这是别村的户：点“迁户”只提出迁入，待对方村接收后才迁过去")
        self.chosen.setText(text)

    def relocate(self) -> None:
        """Move, or say what is missing. (Not `move`: that is QWidget's, placing the window.)"""
        reason = _chosen(self.reasons, self.words)
        try:
            if self.into_new.isChecked():
                self.changes = households.move_person(
                    self.session.ledger,
                    self.session.actor,
                    self.person.id,
                    reason,
                    Relation.HEAD,
                    new_household=Household(
                        area_code=self.area.code(), address=self.address.text().strip()
                    ),
                )
            else:
                if self.target is None or not self.target.household_id:
                    self.error.setText(self.tr("请先找到并选中要迁入的户"))
                    return
                self.changes = households.move_person(
                    self.session.ledger,
                    self.session.actor,
                    self.person.id,
                    reason,
                    Relation(self.relation.value()),
                    to_household_id=self.target.household_id,
                )
        except FieldappError as error:
            kept = self.tr("这次没有迁户，选好的和写下的都还在：把日期改对后再点一次“迁户”即可。")
            self.error.setText(_date_refused(error, kept))
            return
        self.session.apply(self.changes)
        self.accept()
