"""按月更新 page: the month's work status of a household, a group or a whole village in one grid.

One row per working-age person with labour ability. This month's status starts as last month's
(shown as pre-filled until saved), so a coordinator changes only what changed: type 1–4 in the
status column (for every selected row at once), the income, a note; Enter goes down, Tab right.
保存全部 (Ctrl+S) writes every pre-filled and changed row in one transaction, each row its own
logged change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.enums import LabourAbility, WorkStatus
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.models import MonthlyStatus
from fieldapp.domain.month import Month
from fieldapp.domain.sentences import fill
from fieldapp.services import work
from fieldapp.services.changes import PERSON_RECORDS, ChangeSet, Kind
from fieldapp.services.trust import may_change
from fieldapp.services.trust_check import rules_actor
from fieldapp.store.queries.monthly import GridRow, monthly_grid
from fieldapp.ui import policy_access
from fieldapp.ui.areas import AreaCombo, AreaIndex
from fieldapp.ui.days import month_said
from fieldapp.ui.errors import show_error
from fieldapp.ui.held_words import reason_shown, stored_word
from fieldapp.ui.pages.page import Page, PageHost
from fieldapp.ui.session import Session
from fieldapp.ui.status_words_said import status_shown, statuses
from fieldapp.ui.table_model import ROW_ROLE, show
from fieldapp.ui.widgets import (
    DateField,
    ask_discard,
    from_qdate,
    new_month,
    plain_label,
    to_qdate,
)

Index = QModelIndex | QPersistentModelIndex

#: The keys that set the status column: 1 已就业, 2 未就业, 3 在校, 4 无需就业.
STATUS_KEYS = {
    Qt.Key.Key_1: WorkStatus.EMPLOYED.value,
    Qt.Key.Key_2: WorkStatus.NOT_EMPLOYED.value,
    Qt.Key.Key_3: WorkStatus.STUDYING.value,
    Qt.Key.Key_4: WorkStatus.NOT_APPLICABLE.value,
}

HOUSEHOLD, NAME, AGE, LABOUR, LAST, STATUS, INCOME, NOTES = range(8)
EDITABLE = (STATUS, INCOME, NOTES)

#: A month's income as last month's column says it after the status, for sizing the column.
WIDE_INCOME = 10000.0


def column_words(column: int) -> list[str]:
    """The program's words `column` of the grid shows, in the language shown: the labour
    abilities, the statuses (last month's with an income after it, or 未填); [] for a column of
    what people typed or of numbers."""
    if column == LABOUR:
        return [stored_word("persons", "labour_ability", a.value) for a in LabourAbility]
    if column == STATUS:
        return [status_shown(s.value) for s in WorkStatus]
    if column == LAST:
        return [f"{status_shown(s.value)} {show(WIDE_INCOME)}" for s in WorkStatus] + [
            QCoreApplication.translate("GridModel", "未填")
        ]
    return []


PREFILLED = QColor("#5f6b7a")
CHANGED = QColor("#fff4c2")


@dataclass
class Entry:
    """A grid row: the person as stored, and the month's values as the grid now holds them."""

    row: GridRow
    status: str
    income: float | None
    notes: str
    #: Taken from last month and not yet saved (saved with 保存全部, like a change).
    prefilled: bool = False
    #: Typed by the user since the grid was loaded.
    edited: bool = False
    #: Why this device may not change the row (a person outside its area), "" when it may.
    locked: str = ""

    def pending(self) -> bool:
        """True when saving would write this row (pre-filled, or different from what is stored)."""
        if not self.status or self.locked:
            return False
        stored = (self.row.status or "", self.row.income, self.row.notes)
        return self.prefilled or (self.status, self.income, self.notes) != stored

    def age_on(self, day: dt.date) -> int:
        """Whole years of age on a day."""
        born = dt.date.fromisoformat(self.row.birth_date)
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def entry_of(row: GridRow, locked: str = "") -> Entry:
    """This month as stored, else last month's status and income as a pre-filled start (not
    for a row this device may not change: `locked` says why)."""
    if locked:
        return Entry(row, row.status or "", row.income, row.notes, locked=locked)
    if row.status:
        return Entry(row, row.status, row.income, row.notes)
    if row.last_status:
        income = row.last_income if row.last_status == WorkStatus.EMPLOYED.value else None
        return Entry(row, row.last_status, income, "", prefilled=True)
    return Entry(row, "", None, "")


class GridModel(QAbstractTableModel):
    """The grid's rows; status, income and notes are editable."""

    changed = Signal()

    def __init__(self, month: Month) -> None:
        super().__init__()
        self.month = month
        self.entries: list[Entry] = []
        self.headers = [
            self.tr("户主"),
            self.tr("姓名"),
            self.tr("年龄"),
            self.tr("劳动能力"),
            self.tr("上月"),
            self.tr("本月状态"),
            self.tr("本月收入（元）"),
            self.tr("备注"),
        ]

    def load(
        self, rows: list[GridRow], month: Month, locked: Callable[[GridRow], str] | None = None
    ) -> None:
        """Show new rows for a month (all edits dropped); `locked` says why a row may not be
        changed on this device ("" when it may)."""
        self.beginResetModel()
        self.month = month
        self.entries = [entry_of(r, locked(r) if locked else "") for r in rows]
        self.endResetModel()
        self.changed.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        """Persons in the grid."""
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        """Fixed columns."""
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Titles; the status column's tooltip lists its keys."""
        if orientation != Qt.Orientation.Horizontal:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == STATUS:
            return self.tr("快捷键：1 已就业，2 未就业，3 在校，4 无需就业（可先选中多行）")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Status, income and notes can be edited (where this device may change the row)."""
        base = super().flags(index)
        if index.column() not in EDITABLE:
            return base
        if index.isValid() and index.row() < len(self.entries):
            if self.entries[index.row()].locked:
                return base
        return base | Qt.ItemFlag.ItemIsEditable

    def _text(self, entry: Entry, column: int, row: int) -> str:
        r = entry.row
        if column == HOUSEHOLD:
            first = row == 0 or self.entries[row - 1].row.household_id != r.household_id
            return (r.head_name or r.household_no) if first else ""
        if column == NAME:
            return r.name
        if column == AGE:
            return str(entry.age_on(self.month.last_day))
        if column == LABOUR:
            return stored_word("persons", "labour_ability", r.labour_ability)
        if column == LAST:
            if not r.last_status:
                return self.tr("未填")
            income = f" {show(r.last_income)}" if r.last_income else ""
            return f"{status_shown(r.last_status)}{income}"
        if column == STATUS:
            return status_shown(entry.status)
        if column == INCOME:
            return show(entry.income) if entry.income else ""
        return entry.notes

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Texts, the program's words (a status, a labour ability) in the language shown;
        pre-filled values in grey italics, unsaved changes on yellow."""
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if role == Qt.ItemDataRole.EditRole and column == INCOME:
                return entry.income or 0
            if role == Qt.ItemDataRole.EditRole and column == STATUS:
                return entry.status  # as stored: the editor finds it among its choices
            return self._text(entry, column, index.row())
        if role == ROW_ROLE:
            return entry
        if column in EDITABLE:
            if role == Qt.ItemDataRole.ToolTipRole and entry.locked:
                return entry.locked
            if role == Qt.ItemDataRole.ForegroundRole and entry.prefilled and not entry.edited:
                return QBrush(PREFILLED)
            if role == Qt.ItemDataRole.FontRole and entry.prefilled and not entry.edited:
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.BackgroundRole and entry.edited and entry.pending():
                return QBrush(CHANGED)
            if role == Qt.ItemDataRole.ToolTipRole and entry.prefilled:
                return self.tr("按上月预填，保存后才算本月已更新")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (AGE, INCOME):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(  # noqa: N802 - Qt override
        self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        """Take an edit of status, income or notes."""
        if role != Qt.ItemDataRole.EditRole or index.column() not in EDITABLE:
            return False
        entry = self.entries[index.row()]
        if entry.locked:
            return False
        if index.column() == STATUS:
            text = str(value or "")
            if text and text not in {s.value for s in WorkStatus}:
                return False
            entry.status = text
            if text != WorkStatus.EMPLOYED.value:
                entry.income = None
        elif index.column() == INCOME:
            try:
                number = float(str(value or 0).replace(",", "") or 0)
            except ValueError:
                return False
            if number < 0:
                return False
            entry.income = number or None
        else:
            entry.notes = str(value or "").strip()
        entry.edited = True
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), NOTES))
        self.changed.emit()
        return True

    def set_status(self, rows: list[int], status: str) -> None:
        """One status for several rows (a key pressed with rows selected)."""
        for row in rows:
            self.setData(self.index(row, STATUS), status)

    def pending(self) -> list[Entry]:
        """Rows saving would write."""
        return [e for e in self.entries if e.pending()]

    def edited(self) -> list[Entry]:
        """Rows the user changed (what leaving the grid would lose)."""
        return [e for e in self.entries if e.edited and e.pending()]


class StatusDelegate(QStyledItemDelegate):
    """The status column's editor: a list of the four statuses."""

    def createEditor(  # noqa: N802 - Qt override
        self, parent: QWidget, _option: QStyleOptionViewItem, _index: Index
    ) -> QWidget:
        """A combo of the statuses."""
        combo = QComboBox(parent)
        for shown, stored in statuses():  # in the language shown; written as stored
            combo.addItem(shown, stored)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt override
        """Select the cell's status."""
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(  # noqa: N802 - Qt override
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        """Write the chosen status."""
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData())


class GridView(QTableView):
    """Keyboard first: 1–4 set the status of the selected rows, Enter goes down."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Status keys and Enter-goes-down; everything else as a table does."""
        current = self.currentIndex()
        model = self.model()
        status = STATUS_KEYS.get(Qt.Key(event.key()))
        if (
            status
            and isinstance(model, GridModel)
            and current.isValid()
            and current.column() == STATUS
            and self.state() != QAbstractItemView.State.EditingState
        ):
            rows = sorted({i.row() for i in self.selectionModel().selectedIndexes()})
            model.set_status(rows or [current.row()], status)
            if len(rows) <= 1:
                self._down()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            self.state() != QAbstractItemView.State.EditingState
        ):
            if current.isValid() and current.column() in (INCOME, NOTES):
                self.edit(current)
            else:
                self._down()
            return
        super().keyPressEvent(event)

    def closeEditor(  # noqa: N802 - Qt override
        self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint
    ) -> None:
        """After Enter in an editor, go to the same column of the next row."""
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self._down()

    def _down(self) -> None:
        current = self.currentIndex()
        if current.isValid() and current.row() + 1 < self.model().rowCount():
            self.setCurrentIndex(current.sibling(current.row() + 1, current.column()))


class MonthlyPage(Page):
    """The month's status for an area (or one household), entered in a grid, saved at once."""

    person_requested = Signal(str)
    updated = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.areas = AreaIndex.load(session.ledger)
        self.household_id: str | None = None
        self.area = AreaCombo(self.tr("请选择村、组或安置点"))
        self.area.fill(self.areas, offer=self.areas.browsable, keep=session.home_area)
        self.month = DateField()
        self.month.setDisplayFormat("yyyy-MM")
        self.household_button = QPushButton()
        self.household_button.setCheckable(True)
        self.household_button.hide()
        self.only_open = QCheckBox(self.tr("只看还没保存的"))
        self.save_button = QPushButton(self.tr("保存全部 (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.summary = plain_label()
        self.note = QLabel()
        self.note.setStyleSheet("color: #1b7f3b;")
        self.model = GridModel(Month.current())
        self.table = GridView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(STATUS, StatusDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setStretchLastSection(True)
        header = self.table.horizontalHeader()
        for column, width in enumerate((90, 80, 50, 130, 150, 100, 110)):
            # Never narrower than its title ("Income this month (yuan)" in English), nor than
            # the program's longest word the column shows in the language shown ("Weak or
            # partial labour", in the grey italics of a pre-filled cell too).
            least = max(width, header.sectionSizeHint(column), self._word_width(column))
            self.table.setColumnWidth(column, least)
        # A status key moves down by itself: a hint saying "Enter goes down" after it had
        # people type 1 ⏎ 2 ⏎, which set every other row — the wrong person's status.
        self.hint = hint = QLabel(
            self.tr(
                "本月状态按上月预填（灰色斜体）；在“本月状态”列按 1 已就业、2 未就业、3 在校、"
                "4 无需就业，按后自动到下一行（可先选中多行一起设）；回车不改这一行，到下一行；"
                "改完点“保存全部”。"
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("区域")))
        top.addWidget(self.area, 2)
        top.addWidget(self.household_button)
        top.addWidget(QLabel(self.tr("月份")))
        top.addWidget(self.month)
        top.addWidget(self.only_open)
        top.addStretch(1)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.note)
        layout.addLayout(bottom)
        self.area.currentIndexChanged.connect(lambda _i: self._scope_changed(area=True))
        self.month.dateChanged.connect(lambda _d: self._scope_changed())
        self.household_button.toggled.connect(self._household_toggled)
        self.only_open.toggled.connect(lambda _b: self._filter())
        self.save_button.clicked.connect(self.save)
        self.model.changed.connect(self._summarise)
        self.table.doubleClicked.connect(self._double_clicked)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)
        session.on_change(self, (*PERSON_RECORDS, Kind.HOUSEHOLDS, Kind.AREAS), self._on_changed)
        self._loaded: tuple[str | None, str, str] | None = None
        self._saving = False
        #: 月份 follows the new month while it says the month it was (a window left open over
        #: a month's end); a month chosen by hand, or one with changes typed, is kept.
        self.new_month = new_month(self, self.month, self.reload, lambda: bool(self.model.edited()))
        self.reload()

    # -- scope ----------------------------------------------------------------------------

    def connect_host(self, host: PageHost) -> None:
        """Connect this page's requests to the window."""
        self.person_requested.connect(host.open_person)

    def activated(self) -> None:
        """Shown: on the new month if 月份 was the month it was (`new_month`)."""
        self.new_month.follow()

    def current_month(self) -> Month:
        """The month being updated."""
        return Month.of(from_qdate(self.month.date()))

    def show_household(self, household_id: str, title: str, month: str | None = None) -> None:
        """Just one household (from the person panel or the due list)."""
        if not self._may_leave():
            return
        self.household_id = household_id
        self.household_button.setText(self.tr("只看本户：") + title)
        self.household_button.blockSignals(True)
        self.household_button.setChecked(True)
        self.household_button.blockSignals(False)
        self.household_button.show()
        if month:
            self.month.blockSignals(True)
            self.month.setDate(to_qdate(Month(month).first_day))
            self.month.blockSignals(False)
        self.reload()

    def _household_toggled(self, on: bool) -> None:
        if not on:
            if not self._may_leave():
                self.household_button.setChecked(True)
                return
            self.household_id = None
            self.household_button.hide()
            self.reload()

    def _scope_changed(self, area: bool = False) -> None:
        if self._loaded is not None and not self._may_leave():
            self._restore_scope()
            return
        if area and self.household_id is not None:  # another area: the household view ends
            self.household_id = None
            self.household_button.hide()
        self.reload()

    def _restore_scope(self) -> None:
        household, area, month = self._loaded or (None, "", str(Month.current()))
        for widget in (self.area, self.month):
            widget.blockSignals(True)
        self.area.set_code(area)
        self.month.setDate(to_qdate(Month(month).first_day))
        for widget in (self.area, self.month):
            widget.blockSignals(False)

    def _may_leave(self) -> bool:
        """Ask before dropping typed changes."""
        if not self.model.edited():
            return True
        return ask_discard(
            self,
            self.tr("有未保存的修改"),
            self.tr("本页有 %1 人的修改还没保存。放弃这些修改吗？").replace(
                "%1", str(len(self.model.edited()))
            ),
        )

    # -- loading --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the grid for the scope and month (edits are dropped: ask first)."""
        month = self.current_month()
        area = self.area.code()
        self._loaded = (self.household_id, area, str(month))
        if self.household_id is None and not area:
            rows: list[GridRow] = []
        else:
            # Of working age as the policy in force counts it (the 待办's 月度更新 the same)
            policy = policy_access.policy_or_none(self.session.ledger)
            ages = (16, 60)
            if policy is not None:
                ages = (
                    int(policy.deadline("working_age_min", 16)),
                    int(policy.deadline("working_age_max", 60)),
                )
            rows = monthly_grid(
                self.session.ledger,
                month,
                area_prefix=area,
                household_id=self.household_id,
                age_min=ages[0],
                age_max=ages[1],
            )
        self.model.load(rows, month, self._locks())
        self._filter()
        self.updated.emit()

    def _locks(self) -> Callable[[GridRow], str]:
        """Why each row may not be changed on this device: the trust rules on the row's area
        (another village's people are shown, not updated: saving would be refused)."""
        who = rules_actor(self.session.ledger, self.session.actor)
        reasons: dict[str, str] = {}

        def locked(row: GridRow) -> str:
            if who is None:
                return ""
            if row.area_code not in reasons:
                verdict = may_change(who, "monthly_status", row.area_code or None)
                reasons[row.area_code] = reason_shown(verdict.rule, verdict.reason, verdict.said)
            return reasons[row.area_code]

        return locked

    def _filter(self) -> None:
        only_open = self.only_open.isChecked()
        for row, entry in enumerate(self.model.entries):
            stored = bool(entry.row.status) and not entry.pending()
            self.table.setRowHidden(row, only_open and stored)

    def _summarise(self) -> None:
        entries = self.model.entries
        saved = sum(1 for e in entries if e.row.status and not e.pending())
        prefilled = sum(1 for e in entries if e.prefilled and not e.edited)
        empty = sum(1 for e in entries if not e.status)
        changed = len(self.model.edited())
        if not entries:
            self.summary.setText(
                self.tr("请选择村、组或安置点")
                if self.household_id is None and not self.area.code()
                else self.tr("这里没有劳动年龄内有劳动能力的人员")
            )
            return
        self.summary.setText(
            fill(
                self.tr(
                    "%1：共 %2 人，本月已保存 %3 人，按上月预填 %4 人（保存后生效），待填 %5 人；"
                ),
                (
                    month_said(self.model.month),
                    str(len(entries)),
                    str(saved),
                    str(prefilled),
                    str(empty),
                ),
            )
            + self.tr("修改 %1 人未保存").replace("%1", str(changed))
        )
        locked = sum(1 for e in entries if e.locked)
        if locked:
            self.summary.setText(
                self.summary.text()
                + self.tr("；其中 %1 人不在本机负责的区域，只能查看").replace("%1", str(locked))
            )

    def _on_changed(self, changes: ChangeSet) -> None:
        if Kind.AREAS in changes:
            self.areas = AreaIndex.load(self.session.ledger)
            self.area.fill(self.areas, offer=self.areas.browsable)
        if not self.model.edited() and not self._saving:
            self.reload()

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() == NAME:
            entry = index.data(ROW_ROLE)
            if entry is not None:
                self.person_requested.emit(entry.row.person_id)

    def _word_width(self, column: int) -> int:
        """The width the longest of the program's words `column` shows needs, in the language
        shown, upright or in italics, with the margins the style leaves around a cell's text
        (0 for a column of what people typed)."""
        words = column_words(column)
        if not words:
            return 0
        margin = self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        italic = QFont(self.table.font())
        italic.setItalic(True)
        widest = max(
            QFontMetrics(font).horizontalAdvance(word)
            for font in (self.table.font(), italic)
            for word in words
        )
        return widest + 2 * margin + self.table.showGrid() + 2  # a pixel or two to spare

    # -- saving ---------------------------------------------------------------------------

    def save(self) -> int:
        """Write every pre-filled and changed row at once; returns how many were saved."""
        pending = self.model.pending()
        if not pending:
            self.note.setText(self.tr("没有需要保存的修改"))
            return 0
        month = str(self.model.month)
        rows = [
            MonthlyStatus(
                person_id=e.row.person_id,
                month=month,
                status=e.status,
                income=e.income if e.status == WorkStatus.EMPLOYED.value else None,
                spell_id=e.row.spell_id
                or (e.row.last_spell_id if e.status == WorkStatus.EMPLOYED.value else None),
                notes=e.notes,
            )
            for e in pending
        ]
        try:
            changes = work.set_monthly_statuses(self.session.ledger, self.session.actor, rows)
        except (FieldappError, ValueError) as error:
            show_error(self, error)
            return 0
        self.note.setText(
            fill(
                self.tr("已把 %1 人的%2就业状态保存到本台账"),
                (str(len(rows)), month_said(self.model.month)),
            )
        )
        self.reload()
        self._saving = True
        try:
            self.session.apply(changes)
        finally:
            self._saving = False
        return len(rows)

    def has_unsaved(self) -> bool:
        """True when the user changed rows and has not saved them."""
        return bool(self.model.edited())

    def discard_unsaved(self) -> None:
        """Drop the typed changes."""
        self.reload()
