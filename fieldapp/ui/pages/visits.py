"""走访 page: a quick entry form (a few keys per visit) and the month view of who was visited."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.dates import today
from fieldapp.domain.enums import TRAINING_KINDS, ServiceType
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.models import Person, ServiceRecord, Visit
from fieldapp.domain.sentences import fill
from fieldapp.services import visits
from fieldapp.services.changes import Kind
from fieldapp.services.clock import ClockWrong
from fieldapp.services.trust import ALLOWED, may_add_at
from fieldapp.services.trust_check import rules_actor
from fieldapp.store.queries import records
from fieldapp.store.queries.persons import HouseholdVisitRow, PersonRow, month_visits, rows_by_id
from fieldapp.ui.areas import AreaCombo, AreaIndex
from fieldapp.ui.days import day_said
from fieldapp.ui.errors import show_error
from fieldapp.ui.held_words import filled, reason_shown, word_shown
from fieldapp.ui.pages.page import Page, PageHost
from fieldapp.ui.search_worker import SearchService
from fieldapp.ui.session import Session
from fieldapp.ui.table_model import ROW_ROLE, Column, RowsModel
from fieldapp.ui.widgets import (
    DateField,
    arrows_walk_hits,
    ask_discard,
    button_grid,
    marked_or_first,
    new_month,
    plain_label,
    search_failed_label,
    table_view,
    tip,
)

#: The room a row of service ticks may take (px), each column as wide as its widest tick: in a
#: window 1024 wide the form leaves them about 720. Seven Chinese ones to a row (696 px), three
#: English ones (569; four need 741): at 1366×768 seven English ones made the page wider than
#: the window, and at 1024×768 five made it 1,050 px of the 884 the window gives it.
SERVICES_ROW = 720


class VisitsPage(Page):
    """Record visits and services quickly; see the month's visited and unvisited households."""

    saved = Signal(str)
    person_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.areas = AreaIndex.load(session.ledger)
        self.chosen: PersonRow | None = None
        #: The services ticked for the user (the one a due item asks for): not their input.
        self._given_services: list[str] = []
        #: The form's "today" when a save was refused for this laptop's wrong date (None:
        #: none refused): saved once the date is right as the right today, not as that day.
        self._wrong_day: dt.date | None = None
        self._build_entry()
        self._build_month()
        layout = QVBoxLayout(self)
        layout.addWidget(self.entry_box)
        layout.addWidget(self.month_box, 1)
        self.search = SearchService(session.ledger.reader, self)
        self.search.rows.connect(self._show_hits)
        self.search.failed.connect(self._search_failed)
        session.on_change(
            self,
            (Kind.VISITS, Kind.HOUSEHOLDS, Kind.PERSONS, Kind.AREAS),
            lambda _c: self.refresh_month(),
        )
        self.refresh_month()

    # -- quick entry ----------------------------------------------------------------------

    def connect_host(self, host: PageHost) -> None:
        """Connect this page's requests to the window."""
        self.person_requested.connect(host.open_person)

    def _build_entry(self) -> None:
        self.entry_box = QGroupBox(self.tr("记录走访 (Ctrl+N)"))
        self.picker = QLineEdit()
        self.picker.setPlaceholderText(
            self.tr("输入姓名、拼音首字母或身份证号；↑↓ 挑选，回车选定（未挑即第一个）")
        )
        self.hits = QListWidget()
        self.hits.setMaximumHeight(110)
        # Room only while there are hits: empty, it kept 110 px the month's households need
        # on a 1280×720 screen (two rows and a half of them were read).
        self.hits.hide()
        self.search_failed = search_failed_label()
        self.chosen_label = plain_label(self.tr("尚未选择户或人员"))
        # 走访对象, as the 走访记录 sheet has it: the chosen person (本人), or the whole
        # household when the coordinator visited the family (全户); services given on it are
        # the chosen person's.
        self.whole_household = QCheckBox(self.tr("全户走访（走访的是全家，不只是这个人）"))
        self.whole_household.toggled.connect(lambda _on: self._say_chosen())
        self.date = DateField()
        #: The day it was when 走访日期 was last set to today: a form left open past midnight
        #: (over the New Year holiday) follows the new day while its date is still that day.
        self._today = self.date.value()
        self.day_timer = QTimer(self)
        self.day_timer.setInterval(60_000)
        self.day_timer.timeout.connect(self._follow_today)
        self.day_timer.start()
        # Several services on one visit: a tick per kind (Space toggles, Tab moves on).
        self.service_checks: dict[str, QCheckBox] = {}
        services = QWidget()
        checks = [QCheckBox(word_shown(kind.value)) for kind in ServiceType]
        # Seven to a row as their Chinese fits; fewer when longer words would not fit the window.
        grid = button_grid(list(checks), SERVICES_ROW, 7, spacing=10)
        grid.setContentsMargins(0, 0, 0, 0)
        services.setLayout(grid)
        for kind, check in zip(ServiceType, checks, strict=True):
            self.service_checks[kind.value] = check
        self.services_box = services
        self.training_days = QSpinBox()
        self.training_days.setRange(1, 365)
        self.training_days.setValue(5)
        self.training_days.setSuffix(self.tr(" 天"))
        self.training_kind = QComboBox()
        self.training_kind.setEditable(True)
        for training_kind in TRAINING_KINDS:  # shown in the language shown, stored in Chinese
            self.training_kind.addItem(word_shown(training_kind), training_kind)
        self.training_row = QWidget()
        training = QHBoxLayout(self.training_row)
        training.setContentsMargins(0, 0, 0, 0)
        training.addWidget(QLabel(self.tr("培训天数")))
        training.addWidget(self.training_days)
        training.addWidget(QLabel(self.tr("培训类型")))
        training.addWidget(self.training_kind, 1)
        training.addStretch(1)
        self.service_checks[ServiceType.TRAINING.value].toggled.connect(self._training_shown)
        self._training_shown(False)
        self.notes = QLineEdit()
        self.notes.setPlaceholderText(self.tr("走访情况、家庭变化、需求……"))
        self.outcome = QLineEdit()
        self.outcome.setPlaceholderText(self.tr("结果：已推荐岗位、已登记、下次回访……"))
        self.save_button = QPushButton(self.tr("保存走访"))
        self.save_button.setDefault(True)
        self.status = plain_label()  # names the person visited
        form = QFormLayout()
        form.addRow(self.tr("户 / 人员"), self.picker)
        form.addRow("", self.hits)
        form.addRow("", self.search_failed)
        form.addRow("", self.chosen_label)
        form.addRow(self.tr("走访对象"), self.whole_household)
        row = QHBoxLayout()
        row.addWidget(self.date)
        row.addStretch(1)
        form.addRow(self.tr("日期"), row)
        form.addRow(self.tr("服务（可多选）"), self.services_box)
        form.addRow("", self.training_row)
        form.addRow(self.tr("情况"), self.notes)
        form.addRow(self.tr("结果"), self.outcome)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)
        form.addRow("", buttons)
        self.entry_box.setLayout(form)
        self.picker.textChanged.connect(self._on_picker_text)
        self.picker.returnPressed.connect(self._pick_first)
        arrows_walk_hits(self.picker, self.hits)
        self.hits.itemActivated.connect(self._pick_item)
        self.hits.itemClicked.connect(self._pick_item)
        self.outcome.returnPressed.connect(self.save)
        self.notes.returnPressed.connect(self.outcome.setFocus)
        self.save_button.clicked.connect(self.save)
        self.setTabOrder(self.picker, self.hits)
        self.setTabOrder(self.hits, self.whole_household)
        self.setTabOrder(self.whole_household, self.date)
        previous: QWidget = self.date
        for check in self.service_checks.values():
            self.setTabOrder(previous, check)
            previous = check
        self.setTabOrder(previous, self.training_days)
        self.setTabOrder(self.training_days, self.training_kind)
        self.setTabOrder(self.training_kind, self.notes)
        self.setTabOrder(self.notes, self.outcome)
        self.setTabOrder(self.outcome, self.save_button)

    def _on_picker_text(self, text: str) -> None:
        if text.strip():
            self.search.search(text.strip(), self.session.home_area)
        else:
            self._clear_hits()

    def _clear_hits(self) -> None:
        self.hits.clear()
        self.hits.hide()
        self.search_failed.hide()

    def _search_failed(self, message: str) -> None:
        """The search did not run: said where its hits would be (Enter asks again)."""
        self._clear_hits()
        self.search_failed.setText(message)
        self.search_failed.show()

    def _show_hits(self, rows: list[PersonRow]) -> None:
        self._clear_hits()
        for row in rows[:30]:
            text = f"{row.name}  {row.id_number}  {self.areas.path(row.area_code)}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.hits.addItem(item)
        self.hits.setVisible(self.hits.count() > 0)

    def _pick_first(self) -> None:
        if self.search.failing:
            self._on_picker_text(self.picker.text())
            return
        item = marked_or_first(self.hits)
        if item is not None:
            self._pick_item(item)

    def _pick_item(self, item: QListWidgetItem) -> None:
        self.choose(item.data(Qt.ItemDataRole.UserRole))
        self.date.setFocus()

    def choose(self, row: PersonRow) -> None:
        """Make a person (and their household) the subject of the visit."""
        self.chosen = row
        self._say_chosen()
        self._offer_save(row.area_code)

    def _say_chosen(self) -> None:
        """Who the visit is of: the chosen person, or their whole household."""
        row = self.chosen
        if row is None:
            self.chosen_label.setText(self.tr("尚未选择户或人员"))
            return
        place = self.areas.path(row.area_code)
        # The window's brackets, the place after them (in English a space, not run into it).
        who = filled(self.tr("%1（%2）%3"), row.name, row.id_number, place)
        text = self.tr("已选：") + f"{who} {row.address or ''}"
        if self.whole_household.isChecked():
            text += self.tr("\n全户走访：%1一家；勾选的服务记在%1名下").replace("%1", row.name)
        self.chosen_label.setText(text)

    def _offer_save(self, area: str | None) -> None:
        """保存走访 only for a person this device may record a visit for (the trust rules on
        where they live: not another village's people); the status line says why not."""
        who = rules_actor(self.session.ledger, self.session.actor)
        verdict = ALLOWED if who is None or area is None else may_add_at(who, "visits", area)
        reason = reason_shown(verdict.rule, verdict.reason, verdict.said)
        self.save_button.setEnabled(verdict.allowed)
        self.save_button.setToolTip(tip(reason))
        if reason or self.status.text() == self.save_button.property("refusal"):
            self.status.setText(reason)  # what was said of the last person goes
        self.save_button.setProperty("refusal", reason)

    def new_visit(self) -> None:
        """Ctrl+N: clear the form and put the cursor in the picker (a visit being typed is
        cleared only if the user chooses to drop it; else it stays as it was)."""
        if not self._may_drop_typed():
            self.notes.setFocus()
            return
        self.clear_form()
        self.picker.setFocus()

    def _may_drop_typed(self) -> bool:
        """True when the form may be emptied: nothing typed, or the user chose to drop it."""
        if not self.has_unsaved() or self.chosen is None:
            return True
        return ask_discard(
            self,
            self.tr("走访还没保存"),
            self.tr(
                "%1 的走访还没保存（已选的服务、日期或填写的情况、结果）。放弃这次走访吗？"
            ).replace("%1", self.chosen.name),
        )

    def _training_shown(self, on: bool) -> None:
        self.training_row.setEnabled(on)

    def chosen_services(self) -> list[str]:
        """The kinds of service ticked, in the list's order."""
        return [kind for kind, check in self.service_checks.items() if check.isChecked()]

    def chosen_training_kind(self) -> str:
        """The training's kind as stored: the program's Chinese word for one chosen from the
        list (whatever language shows it), or what was typed."""
        typed = self.training_kind.currentText().strip()
        stored = self.training_kind.itemData(self.training_kind.findText(typed))
        return str(stored) if stored else typed  # a typed kind Enter added has no word

    def set_services(self, kinds: list[str]) -> None:
        """Tick exactly these kinds of service."""
        for kind, check in self.service_checks.items():
            check.setChecked(kind in kinds)

    def prefill(self, person_id: str, service: str) -> None:
        """From the due list or the person panel: the person chosen, the needed service ticked.
        A visit typed for someone else is never carried over: the form starts afresh once the
        user chose to drop it, or stays as it was."""
        if self.chosen is None or self.chosen.id != person_id:
            if not self._may_drop_typed():
                self.notes.setFocus()
                return
            self.clear_form()
        rows = rows_by_id(self.session.ledger, [person_id])
        if rows:
            self.choose(rows[0])
            self.picker.blockSignals(True)
            self.picker.setText(rows[0].name)
            self.picker.blockSignals(False)
            self._clear_hits()
        self.set_services([service] if service in set(ServiceType) else [])
        self._given_services = self.chosen_services()
        self.notes.setFocus()

    def clear_form(self) -> None:
        """Empty the form (date back to today)."""
        self.chosen = None
        self.picker.clear()
        self._clear_hits()
        self.whole_household.setChecked(False)
        self.chosen_label.setText(self.tr("尚未选择户或人员"))
        self._offer_save(None)
        self.notes.clear()
        self.outcome.clear()
        self.set_services([])
        self._given_services = []
        self.training_days.setValue(5)
        self.date.set_value(today())
        self._today = self.date.value()
        self._wrong_day = None

    def _follow_today(self) -> bool:
        """A new day: 走访日期 moves to it when it is the old day's today; a day the
        coordinator chose is kept. True when it moved."""
        now = today()
        if now == self._today:
            return False
        moved = self.date.value() == self._today
        if moved:
            self.date.set_value(now)
        self._today = now
        return moved

    def save(self) -> str | None:
        """Save the visit and every service ticked (all at once); returns the visit id."""
        row = self.chosen
        if row is None or not row.household_id:
            self.status.setText(self.tr("请先选择一个户或人员"))
            self.picker.setFocus()
            return None
        if not self.save_button.isEnabled():
            return None  # a person outside this device's area: the status line says so
        put_right = self._wrong_day is not None and self.date.value() == self._wrong_day
        if self._follow_today() and not put_right:
            # 保存 pressed just after midnight, before the minute's check: the form showed
            # yesterday's date — the visit is not saved as a day she never saw. (Not when the
            # day moved because the laptop's wrong date, refused at the last 保存, was put
            # right: she was told to save again then, and today as it now is is saved.)
            self.status.setText(
                self.tr("走访日期已变为%1，请核对后再保存").replace(
                    "%1", day_said(self.date.value())
                )
            )
            self.date.setFocus()
            return None
        day = self.date.value()
        if put_right:
            # Today as this laptop's wrong date gave it, left as it was when the save was
            # refused for that date: today as the date now put right gives it.
            day = today()
            self.date.set_value(day)
        self._wrong_day = None
        if day > today():
            self.status.setText(self.tr("走访日期不能晚于今天"))
            return None
        kinds = self.chosen_services()
        actor = self.session.actor
        notes, outcome = self.notes.text().strip(), self.outcome.text().strip()
        days = self.training_days.value()
        whole = self.whole_household.isChecked()
        try:
            visit = Visit(
                household_id=row.household_id,
                person_id=None if whole else row.id,
                visit_date=day,
                visitor=actor.author,
                notes=notes,
                outcome=outcome,
            )
            given = [
                ServiceRecord(
                    person_id=row.id,
                    household_id=row.household_id,
                    service_date=day,
                    service_type=kind,
                    notes=notes,
                    outcome=outcome,
                    **(
                        {
                            "training_days": days,
                            "end_date": day + dt.timedelta(days=days - 1),
                            "training_kind": self.chosen_training_kind(),
                        }
                        if kind == ServiceType.TRAINING.value
                        else {}
                    ),
                )
                for kind in kinds
            ]
            changes = visits.record(self.session.ledger, actor, visit, services=given)
        except (FieldappError, ValueError, OSError) as error:
            if isinstance(error, ClockWrong) and day == today():
                self._wrong_day = day  # the form's "today" is the wrong date's
            show_error(self, error)
            return None
        visit_id = changes.id or ""
        what = self.tr("、").join(  # the services listed in the window's language
            fill(self.tr("%1（%2天）"), (word_shown(k), str(days)))
            if k == ServiceType.TRAINING.value
            else word_shown(k)
            for k in kinds
        )
        who = row.name + self.tr("（全户）") if whole else row.name
        done = f"{who} {day_said(day)} {what or self.tr('走访')}"
        self.clear_form()
        self.status.setText(self.tr("已记入台账：") + done)
        self.picker.setFocus()
        self.session.apply(changes)
        self.saved.emit(visit_id)
        return visit_id

    def has_unsaved(self) -> bool:
        """True when a visit was started but not saved: notes or an outcome typed, services
        ticked (beyond the one the due list asked for) or a date other than today's set."""
        self._follow_today()
        return self.chosen is not None and bool(
            self.notes.text().strip()
            or self.outcome.text().strip()
            or self.whole_household.isChecked()
            or self.chosen_services() != self._given_services
            or self.date.value() != today()
        )

    def discard_unsaved(self) -> None:
        """Forget the started visit."""
        self.clear_form()

    # -- month view -----------------------------------------------------------------------

    def _build_month(self) -> None:
        self.month_box = QGroupBox(self.tr("本月走访情况"))
        self.month = DateField()
        self.month.setDisplayFormat("yyyy-MM")
        self.area = AreaCombo(self.tr("全部区域"))
        self.area.fill(self.areas, offer=self.areas.browsable, keep=self.session.home_area)
        self.only_unvisited = QCheckBox(self.tr("只看未走访"))
        self.summary = plain_label()
        self.households = RowsModel[HouseholdVisitRow](
            [
                Column(self.tr("户主"), lambda r: r.head_name),
                Column(self.tr("所在地"), lambda r: self.areas.path(r.area_code)),
                Column(self.tr("住址"), lambda r: r.address),
                Column(self.tr("人数"), lambda r: r.member_count, align_right=True),
                Column(self.tr("本月走访次数"), lambda r: r.visits, align_right=True),
                Column(self.tr("最近走访"), lambda r: r.last_visit or self.tr("未走访")),
            ]
        )
        self.table = table_view()
        self.table.setModel(self.households)
        for column, width in enumerate((90, 200, 220, 50, 100)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._open_household)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("月份")))
        top.addWidget(self.month)
        top.addWidget(self.area, 1)
        top.addWidget(self.only_unvisited)
        top.addWidget(self.summary, 2)
        layout = QVBoxLayout(self.month_box)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.month.dateChanged.connect(lambda _d: self.refresh_month())
        self.area.currentIndexChanged.connect(lambda _i: self.refresh_month())
        self.only_unvisited.toggled.connect(lambda _b: self.refresh_month())
        #: 月份 follows the new month while it says the month it was (a window left open over
        #: a month's end: "this month's" visits were the last month's); one chosen is kept.
        self.new_month = new_month(self, self.month, self.refresh_month)

    def activated(self) -> None:
        """Shown: the month view on the new month if it was on the month it was."""
        self.new_month.follow()

    def refresh_month(self) -> None:
        """Reload the month view."""
        month = self.month.value().strftime("%Y-%m")
        rows = month_visits(self.session.ledger, month, self.area.code())
        visited = sum(1 for r in rows if r.visits)
        # %n: the English says the noun of the count it follows (1 household visited, 2 …).
        self.summary.setText(
            fill(
                self.tr("已走访 %n 户，未走访 %1 户，共 %2 户", "", visited),
                (str(len(rows) - visited), str(len(rows))),
            )
        )
        if self.only_unvisited.isChecked():
            rows = [r for r in rows if not r.visits]
        self.households.set_rows(rows)

    def _open_household(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is None:
            return
        members = records.members(self.session.ledger, row.household_id)
        if members:
            self.person_requested.emit(members[0].id)

    def open_person(self, person_id: str) -> None:
        """Choose a person for a visit by id."""
        if records.find(self.session.ledger, Person, person_id) is not None:
            self.prefill(person_id, "")

    def shutdown(self) -> None:
        """Stop the picker's search thread."""
        self.search.stop()
