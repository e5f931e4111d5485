"""待办 page: the policy engine's due / due soon / overdue items, most urgent first.

The list is worked out on the thread pool (a county's takes seconds), the policy's calendar
notices and the sort included; the GUI thread only shows what arrives. A new question (another
area or date, a change in the ledger) cancels the list being built: the newest wins, and the
old area's items are never shown under the new choice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.dates import today
from fieldapp.domain.enums import ServiceType
from fieldapp.domain.month import Month
from fieldapp.domain.progress import Cancelled
from fieldapp.domain.sentences import fill
from fieldapp.policy.due import DueItem, Urgency, calendar_notices
from fieldapp.policy.workdays import notice_said
from fieldapp.services.changes import PERSON_RECORDS, ChangeSet, Kind
from fieldapp.services.policy_admin import COUNTY_RULED
from fieldapp.services.policy_views import due_list
from fieldapp.ui import policy_access
from fieldapp.ui.areas import AreaCombo, AreaIndex
from fieldapp.ui.errors import show_error
from fieldapp.ui.held_words import part_shown, sentence_shown
from fieldapp.ui.operations import OperationPanel, OperationProgress
from fieldapp.ui.pages.page import Page, PageHost
from fieldapp.ui.pieces import in_parts
from fieldapp.ui.session import Session
from fieldapp.ui.table_model import ROW_ROLE, Column, RowsModel
from fieldapp.ui.widgets import ChoiceButtons, DateField, button_grid, plain_label, table_view

#: The service a due item asks for, pre-selected when the user opens it.
SERVICE_FOR_KIND = {
    "1311服务": ServiceType.GUIDANCE.value,
    "失业登记": ServiceType.UNEMPLOYMENT_REGISTRATION.value,
    "分级服务": ServiceType.JOB_RECOMMENDATION.value,
    "跟踪回访": ServiceType.FOLLOW_UP.value,
}

#: The kinds of item that count services given against those needed (their `short`).
BUNDLE_KINDS = frozenset({"1311服务", "分级服务"})

#: The kinds of item, in the order their counts are shown.
KINDS = ("1311服务", "失业登记", "分级服务", "跟踪回访", "月度更新")

#: The width the row of kind buttons may take, counts of 0 said: a 1024-wide window's room for
#: the page (866 px in English) less 紧急程度, its choice, a name filter one can type in, and
#: what counts of thousands add to the buttons.
KINDS_ROOM = 540

#: Parts of a list that arrive together are shown together, at most this often (ms): each
#: showing repaints the table, whose cells are asked of Python while the list's own work holds
#: the interpreter — a county's 50 villages shown one by one kept the window stuttering.
SHOW_PARTS_EVERY_MS = 500

URGENCY_COLOURS = {Urgency.OVERDUE: "#c62828", Urgency.DUE_SOON: "#b26a00", Urgency.DUE: "#333333"}


class DueModel(RowsModel[DueItem]):
    """Due items, overdue ones in red."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Colour the urgency column."""
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row_at(index.row())
            return QColor(URGENCY_COLOURS.get(row.urgency, "#333333")) if row else None
        return super().data(index, role)


class DuePage(Page):
    """Due items for the area; Enter opens the person with the needed service pre-filled."""

    person_requested = Signal(str, str)
    visit_requested = Signal(str)
    monthly_requested = Signal(str, str)
    #: A 失业登记 item: the person's registration, for its 登记日期 (a visit does not close it).
    registration_requested = Signal(str)
    updated = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.areas = AreaIndex.load(session.ledger)
        self.area = AreaCombo(self.tr("全部区域"))
        self.area.fill(self.areas, offer=self.areas.browsable, keep=session.home_area)
        self.on = DateField()
        #: The day it was when 截至 was last set to today: a window left open past midnight
        #: (over the New Year holiday) follows the new day while 截至 still says that day.
        self._today = self.on.value()
        self.day_timer = QTimer(self)
        self.day_timer.setInterval(60_000)
        self.day_timer.timeout.connect(self._follow_today)
        self.day_timer.start()
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.open_button = QPushButton(self.tr("办理所选 (Enter)"))
        self.summary = plain_label()
        # Deadlines counted on a year whose holiday schedule is missing are estimates: say so.
        self.calendar_note = plain_label()  # the pack's calendar in its words
        self.calendar_note.setWordWrap(True)
        self.calendar_note.setStyleSheet("color: #b26a00; font-weight: bold;")
        self.calendar_note.hide()
        self.panel = OperationPanel()
        self.items: list[DueItem] = []
        #: Parts delivered but not shown yet (see SHOW_PARTS_EVERY_MS).
        self._pending: list[DueItem] = []
        self._parts_timer = QTimer(self)
        self._parts_timer.setSingleShot(True)
        self._parts_timer.setInterval(SHOW_PARTS_EVERY_MS)
        self._parts_timer.timeout.connect(self._show_pending)
        # Filters: one button per kind of item with its count, urgency, a name.
        self.kind_group = ChoiceButtons(self, ("", *KINDS))
        self.kind_buttons = self.kind_group.by_key
        self.urgency = QComboBox()
        self.name_filter = QLineEdit()
        self.name_filter.setPlaceholderText(self.tr("按姓名或身份证号筛选"))
        self.name_filter.setClearButtonEnabled(True)
        self._fill_counts()
        # The kinds side by side, or in two rows of three where their words need more than a
        # window 1024 wide leaves beside 紧急程度 and the name filter (in English the six took
        # 935 px of the page's 884: a scroll bar under the whole page, the filter gone).
        row = self.kind_group.row
        while row.count():
            row.takeAt(0)
        buttons = list(self.kind_buttons.values())
        side_by_side = sum(b.sizeHint().width() + 6 for b in buttons) - 6 <= KINDS_ROOM
        kinds_row = QHBoxLayout()
        kinds_row.addLayout(button_grid(buttons, KINDS_ROOM, len(buttons) if side_by_side else 3))
        kinds_row.addStretch(1)
        kinds_row.addWidget(QLabel(self.tr("紧急程度")))
        kinds_row.addWidget(self.urgency)
        kinds_row.addWidget(self.name_filter, 1)
        self.model = DueModel(
            [
                Column(self.tr("紧急程度"), lambda i: self._urgency_shown(i.urgency)),
                Column(self.tr("期限"), lambda i: i.due_date),
                Column(self.tr("剩余工作日"), lambda i: i.workdays_left, align_right=True),
                Column(self.tr("姓名"), lambda i: i.name),
                Column(self.tr("所在地"), lambda i: self.areas.path(i.area_code)),
                Column(self.tr("事项"), lambda i: self._kind_shown(i.kind)),
                Column(self.tr("说明"), lambda i: sentence_shown(i.said) if i.said else i.title),
                Column(
                    self.tr("进度"),
                    lambda i: sentence_shown(i.progress_said) if i.progress_said else i.progress,
                ),
                Column(self.tr("依据"), lambda i: i.clause),
            ]
        )
        self.table = table_view()
        self.table.setModel(self.model)
        for column, width in enumerate((80, 90, 80, 80, 170, 80, 300, 140)):
            self.table.setColumnWidth(column, width)
        # 事项 as wide as its longest kind in the window's language (Monthly update, not
        # "Monthly u…"); the pages are built again when the language changes.
        widest = max(self.table.fontMetrics().horizontalAdvance(self._kind_shown(k)) for k in KINDS)
        kind_width = max(80, widest + 16)
        self.table.setColumnWidth(5, kind_width)
        # 说明 gives it the room (its sentence is the program's, in Chinese, far shorter than
        # 300): the 依据 at the end stays on screen in a 1366-wide window.
        self.table.setColumnWidth(6, max(220, 300 - (kind_width - 80)))
        top = QHBoxLayout()
        top.addWidget(self.area, 1)
        top.addWidget(QLabel(self.tr("截至")))
        top.addWidget(self.on)
        top.addWidget(self.refresh_button)
        top.addWidget(self.open_button)
        top.addWidget(self.summary, 2)
        self.shown_label = QLabel()
        top.addWidget(self.shown_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(kinds_row)
        layout.addWidget(self.calendar_note)
        layout.addWidget(self.panel)
        layout.addWidget(self.table, 1)
        self.refresh_button.clicked.connect(self.refresh)
        self.open_button.clicked.connect(self.open_selected)
        self.table.activated.connect(lambda _i: self.open_selected())
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.area.currentIndexChanged.connect(lambda _i: self.refresh())
        self.on.dateChanged.connect(lambda _d: self.refresh())
        self.kind_group.buttonClicked.connect(lambda _b: self.apply_filters())
        self.urgency.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.name_filter.textChanged.connect(lambda _t: self.apply_filters())
        session.on_change(
            self,
            (*PERSON_RECORDS, Kind.VISITS, Kind.HOUSEHOLDS, Kind.AREAS, Kind.POLICY),
            self._on_changed,
        )
        self._stale = True

    def connect_host(self, host: PageHost) -> None:
        """Connect this page's requests to the window."""
        self.person_requested.connect(host.open_person)
        self.visit_requested.connect(host.record_visit)
        self.monthly_requested.connect(host.open_person_month)
        self.registration_requested.connect(host.register_unemployment)

    def activated(self) -> None:
        """Shown: as of the new day if 截至 was yesterday's today (`_follow_today`); refresh
        if the ledger changed since last time."""
        self._follow_today()
        if self._stale:
            self.refresh()

    def _follow_today(self) -> None:
        """A new day: 截至 moves to it (the list is made again, a hidden page's when shown)
        when it was the old day's today; a day the coordinator chose is kept."""
        now = today()
        if now == self._today:
            return
        if self.on.value() == self._today:
            # (a hidden page makes its list when next shown, not now)
            self._stale = True
            self.on.blockSignals(not self.isVisible())
            self.on.set_value(now)
            self.on.blockSignals(False)
        self._today = now

    def _on_changed(self, _changes: ChangeSet) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Build the due list off the GUI thread; a list still being built for an earlier
        question is cancelled and never shown."""
        self._stale = False
        area, on, home = self.area.code() or None, self.on.value(), self.session.home_area
        text = self.tr("正在计算待办事项……")

        def work(progress: OperationProgress) -> tuple[list[DueItem], list[str]]:
            progress.report(0, 0, text)
            with self.session.worker_ledger() as ledger:
                policy = policy_access.policy(ledger)
                items = in_parts(
                    ledger,
                    area,
                    home,
                    lambda led, part: due_list(led, policy, on, part),
                    progress,
                    text,
                )
                items.sort(key=DueItem.sort_key)
                try:
                    notices = calendar_notices(policy, on, items)
                except Exception:  # noqa: BLE001 - the list was built; the notice is secondary
                    notices = [n for i in items for n in i.note.split("；") if n]
            return items, notices

        # What was shown answered another question: nothing of it stays as if it were current.
        self._parts_timer.stop()
        self._pending = []
        self.items = []
        self._fill_counts()
        self.apply_filters()
        self.summary.clear()
        self.calendar_note.clear()
        self.calendar_note.hide()
        self.panel.run(
            text, work, self._show, self._failed, read_only=True, on_partial=self._add_part
        )

    def _add_part(self, items: list[DueItem]) -> None:
        """A village's items, shown while the others are worked out (the whole list, sorted,
        replaces them at the end). The first part shows at once, later ones together with
        those that arrive within SHOW_PARTS_EVERY_MS."""
        self._pending.extend(items)
        if not self.items:
            self._show_pending()
        elif not self._parts_timer.isActive():
            self._parts_timer.start()

    def _show_pending(self) -> None:
        items, self._pending = self._pending, []
        if not items:
            return
        self.items.extend(items)
        self._fill_counts(items)
        passes = self._filter()
        shown = [i for i in items if passes(i)]
        if shown:
            self.model.append_rows(shown)

    # -- filters --------------------------------------------------------------------------

    def kind(self) -> str:
        """The kind of item shown ('' for all)."""
        checked = self.kind_group.checkedButton()
        return str(checked.property("kind") or "") if checked else ""

    def set_kind(self, kind: str) -> None:
        """Show one kind of item ('' for all), as clicking its button does."""
        self.kind_buttons.get(kind, self.kind_buttons[""]).setChecked(True)
        self.apply_filters()

    def _fill_counts(self, added: list[DueItem] | None = None) -> None:
        """Each kind's count on its button; each urgency's in the combo (of the whole list).

        With `added` (a part just delivered) the counts grow by it instead of being counted
        again over everything: a county's list arrives in hundreds of parts.
        """
        if added is None:
            self._kind_counts = Counter(i.kind for i in self.items)
            self._urgency_counts = Counter(i.urgency for i in self.items)
        else:
            self._kind_counts.update(i.kind for i in added)
            self._urgency_counts.update(i.urgency for i in added)
        self.kind_buttons[""].setText(self.tr("全部 %1").replace("%1", str(len(self.items))))
        for kind in KINDS:
            shown = self._kind_shown(kind)
            self.kind_buttons[kind].setText(f"{shown} {self._kind_counts.get(kind, 0)}")
        current = self.urgency.currentData()
        self.urgency.blockSignals(True)
        self.urgency.clear()
        self.urgency.addItem(self.tr("全部"), "")
        for urgency in Urgency:
            count = self._urgency_counts.get(urgency, 0)
            self.urgency.addItem(f"{self._urgency_shown(urgency)} {count}", str(urgency))
        self.urgency.setCurrentIndex(max(self.urgency.findData(current or ""), 0))
        self.urgency.blockSignals(False)

    def _kind_shown(self, kind: str) -> str:
        """A kind of item (the program's own word, kept in Chinese on the item and its
        paper) in the window's language; a kind it does not know as it is."""
        shown = {
            "1311服务": self.tr("1311服务"),
            "失业登记": self.tr("失业登记"),
            "分级服务": self.tr("分级服务"),
            "跟踪回访": self.tr("跟踪回访"),
            "月度更新": self.tr("月度更新"),
        }
        return shown.get(kind, kind)

    def _urgency_shown(self, urgency: Urgency) -> str:
        """How pressing an item is, in the window's language."""
        shown = {
            Urgency.OVERDUE: self.tr("已逾期"),
            Urgency.DUE_SOON: self.tr("即将到期"),
            Urgency.DUE: self.tr("待办"),
        }
        return shown.get(urgency, str(urgency))

    def _filter(self) -> Callable[[DueItem], bool]:
        """The filters as they are set now, as one test (read from the widgets once, not once
        per item of a county's list)."""
        kind, urgency = self.kind(), str(self.urgency.currentData() or "")
        text = self.name_filter.text().strip()

        def passes(item: DueItem) -> bool:
            return (
                (not kind or item.kind == kind)
                and (not urgency or str(item.urgency) == urgency)
                and (not text or text in item.name or text in item.id_number)
            )

        return passes

    def shown_items(self) -> list[DueItem]:
        """The items the filters let through, most urgent first."""
        passes = self._filter()
        return [item for item in self.items if passes(item)]

    def apply_filters(self) -> None:
        """Show what the filters let through."""
        shown = self.shown_items()
        self.model.set_rows(shown)
        if len(shown) != len(self.items):
            self.shown_label.setText(self.tr("显示 %1 项").replace("%1", str(len(shown))))
        else:
            self.shown_label.clear()

    def _notice_said(self, notice: str) -> str:
        """A year's estimated-calendar notice in the window's language (in English the line
        above the translated remedy stayed Chinese): the policy's own template
        (`workdays.notice_said`), one Chinese in the catalogue; any other notice as it is."""
        return part_shown(notice_said(notice))

    def _show(self, result: tuple[list[DueItem], list[str]]) -> None:
        items, notices = result
        self._parts_timer.stop()
        self._pending = []
        self.items = items
        self._fill_counts()
        self.apply_filters()
        # The notice says the deadlines are estimated; the coordinator is also told what ends it
        # — a device the county rules by an exchange only (it has no pack to load by hand).
        if self.session.actor.role in COUNTY_RULED:
            remedy = self.tr(
                "县里的政策包载有该年安排后（与县里同步一次即可）即按正式安排计算；"
                "在此之前请核对节假日前后的期限。"
            )
        else:
            remedy = self.tr(
                "县里的政策包载有该年安排后（同步一次，或在“设置 → 政策包”载入）即按正式安排计算；"
                "在此之前请核对节假日前后的期限。"
            )
        said = [self._notice_said(n) for n in notices]
        self.calendar_note.setText("\n".join([*said, remedy]) if notices else "")
        self.calendar_note.setVisible(bool(notices))
        overdue = sum(1 for i in items if i.urgency is Urgency.OVERDUE)
        soon = sum(1 for i in items if i.urgency is Urgency.DUE_SOON)
        self.summary.setText(
            fill(
                self.tr("已逾期 %1 项，即将到期 %2 项，共 %3 项"),
                (str(overdue), str(soon), str(len(items))),
            )
        )
        self.updated.emit()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, Cancelled):
            show_error(self, error)
        self.updated.emit()

    def open_selected(self) -> None:
        """Open the selected item: the household's monthly grid, the person's unemployment
        registration, or the person with the service pre-filled on the 走访 page."""
        item = self.table.currentIndex().data(ROW_ROLE)
        if item is None:
            show_error(self, self.tr("请先在列表里选一项待办"))
            return
        if item.kind == "月度更新":
            month = item.month or str(Month.current())
            self.monthly_requested.emit(item.person_id, month)
            return
        if item.kind == "失业登记":
            # Only the registration's 登记日期 closes it: a visit ticking 失业登记 left it due.
            self.registration_requested.emit(item.person_id)
            return
        service = SERVICE_FOR_KIND.get(item.kind, "")
        if item.kind in BUNDLE_KINDS and service not in item.short:
            # Given already (职业指导 1/1): the first service still short, not one more of it;
            # none when only a line of a choice is short (职业培训或就业见习 0/1): which one
            # the person takes is the coordinator's to tick.
            if not item.short:
                self.visit_requested.emit(item.person_id)  # the 走访 page, nothing ticked
                return
            service = item.short[0]
        self.person_requested.emit(item.person_id, service)

    def busy(self) -> bool:
        """True while the list is being built."""
        return self.panel.busy
