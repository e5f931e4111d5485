"""The right-hand side of the ledger page: one person, their household, records and history."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.dates import china_minute, today
from fieldapp.domain.errors import FieldappError, MalformedRow, NotFound
from fieldapp.domain.models import (
    CategoryMembership,
    EmploymentSpell,
    Person,
    ServiceRecord,
    UnemploymentRegistration,
    Visit,
)
from fieldapp.domain.month import Month
from fieldapp.domain.places_said import say_place
from fieldapp.domain.sentences import Sentence, fill
from fieldapp.reference import divisions
from fieldapp.services import households, work
from fieldapp.services.trust import ALLOWED, Verdict
from fieldapp.services.trust_check import may_change_row
from fieldapp.services.visits import delete as delete_visit_record
from fieldapp.store.queries import records
from fieldapp.store.queries.claims import ClaimQueries
from fieldapp.store.queries.history import person_history
from fieldapp.store.queries.monthly import month_status
from fieldapp.store.queries.persons import PersonRow, household_members, household_parts
from fieldapp.store.queries.sync import device_names
from fieldapp.ui.days import day_said, month_said, year_said
from fieldapp.ui.dialogs.household import HouseholdDialog
from fieldapp.ui.dialogs.person_moves import DeleteDialog, MoveDialog
from fieldapp.ui.dialogs.records import SpellDialog, UnemploymentDialog
from fieldapp.ui.errors import show_delete_refused, show_error
from fieldapp.ui.held_words import (
    REFUSALS,
    field_word,
    filled,
    reason_shown,
    sentence_shown,
    stored_word,
    word_shown,
)
from fieldapp.ui.history import HistoryLine, history_lines
from fieldapp.ui.history_said import history_words, household_said
from fieldapp.ui.operations import OperationPanel
from fieldapp.ui.session import Session
from fieldapp.ui.table_model import Column, RowsModel, show
from fieldapp.ui.widgets import ask_yes_no, button_grid, plain_label, table_view, tip

if TYPE_CHECKING:  # papers (and the PDF preview) are imported when a paper is first printed
    from fieldapp.ui.papers import OnOpen


def _said(table: str, key: str, value: object) -> str:
    """A stored word of the program's (男, 配偶, 普通劳动力, 灵活就业 …) as the window says it
    (`held_words.stored_word`, as the ledger list and the history say it); what is stored stays
    the Chinese word, and what people typed is said as typed."""
    return stored_word(table, key, str(value)) if value is not None else ""


def _place_said(place: str) -> str:
    """Where a person is registered as the panel says it: a place is a name, as the ledger
    writes it in every language (梨树镇 红星村 一组); 未分户, the program's own word, in the
    language shown, as a value begins (No household), as the namesake sentence says it."""
    if place != records.NO_HOUSEHOLD:
        return place
    shown = QCoreApplication.translate(REFUSALS, place)
    return shown[:1].upper() + shown[1:]


def _short_place(place: str) -> str:
    """'广东省深圳市宝安区' → '深圳市宝安区': the province only when the place is in it alone."""
    for suffix in ("省", "自治区"):
        head, found, rest = place.partition(suffix)
        if found and rest and len(head) <= 6:
            return rest
    return place


#: A row of one of the panel's tables.
R = TypeVar("R")


def _selected(view: QTableView, model: RowsModel[R]) -> R | None:
    """The row current in `view`, which shows `model`."""
    index = view.currentIndex()
    return model.row_at(index.row()) if index.isValid() else None


#: The most the panel's buttons may take side by side (a row of four Chinese labels takes
#: about 350 px); longer labels go two to a row, leaving the ledger table its room.
BUTTONS_WIDTH = 400


class PersonPanel(QWidget):
    """Tabs about the selected person; signals ask the window for the rest of their day:
    edit, a visit, the household's monthly status, their subsidies, another person."""

    edit_requested = Signal(str)
    open_person = Signal(str)
    add_member_requested = Signal(str)
    visit_requested = Signal(str)
    monthly_requested = Signal(str, str)
    subsidies_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.person: Person | None = None
        #: Whether this device may change the shown person (its role and area, the trust rules).
        self.writable: Verdict = ALLOWED
        #: The buttons of the record tabs (编辑户信息, 新增就业经历, 修改 …): all write.
        self.record_buttons: list[QPushButton] = []
        self.summary = QLabel(self.tr("在左侧选择一个人员"))
        self.summary.setWordWrap(True)
        # Rich on purpose (the name as a heading over a table), not `plain_label`: every
        # value in it is escaped (`_summary_html`), so a name typed as markup shows as typed.
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.edit_button = QPushButton(self.tr("编辑(&E)"))
        self.member_button = QPushButton(self.tr("新增家庭成员"))
        self.move_button = QPushButton(self.tr("迁到别户…"))
        self.delete_button = QPushButton(self.tr("删除…"))
        self.visit_button = QPushButton(self.tr("记录走访"))
        self.status_button = QPushButton(self.tr("本户本月状态"))
        self.subsidy_button = QPushButton(self.tr("补贴…"))
        # A push button with a menu (it draws its own arrow), as wide as the others in its
        # column: a tool button kept to its text beside them, its arrow drawn over the ▾ typed
        # into its label.
        self.print_button = QPushButton(self.tr("打印"))
        self.print_menu = QMenu(self.print_button)
        self.print_menu.aboutToShow.connect(self._fill_print_menu)
        self.print_button.setMenu(self.print_menu)
        self.edit_button.clicked.connect(
            lambda: self.person and self.edit_requested.emit(self.person.id)
        )
        self.member_button.clicked.connect(self._add_member)
        self.move_button.clicked.connect(self.move_person)
        self.delete_button.clicked.connect(lambda: self.delete_person())
        self.visit_button.clicked.connect(
            lambda: self.person and self.visit_requested.emit(self.person.id)
        )
        self.status_button.clicked.connect(self.update_status)
        self.subsidy_button.clicked.connect(
            lambda: self.person and self.subsidies_requested.emit(self.person.id)
        )
        # The person's actions, in the order they are laid out (on only with a person shown).
        self.action_buttons = (
            self.edit_button,
            self.member_button,
            self.move_button,
            self.delete_button,
            self.visit_button,
            self.status_button,
            self.print_button,
            self.subsidy_button,
        )
        buttons = button_grid(list(self.action_buttons), BUTTONS_WIDTH)
        self.ops = OperationPanel()
        basic = QWidget()
        basic_layout = QVBoxLayout(basic)
        basic_layout.addWidget(self.summary)
        # Shown while the person is offered to another village's household (待迁入).
        self.withdraw_button = QPushButton(self.tr("撤回迁入"))
        self.withdraw_button.setToolTip(self.tr("不再迁入对方村的户：此人仍留在本户"))
        self.withdraw_button.clicked.connect(self.withdraw_offer)
        self.withdraw_button.hide()
        basic_layout.addWidget(self.withdraw_button)
        basic_layout.addLayout(buttons)
        # Why the buttons that change the person are off, said where it is seen (a tooltip is
        # found only by hovering): a person outside this device's area is viewed and printed.
        self.scope_note = plain_label()  # names the person's place
        self.scope_note.setWordWrap(True)
        self.scope_note.setStyleSheet("color: #8a5a00;")
        self.scope_note.hide()
        basic_layout.addWidget(self.scope_note)
        # What a move said beside it (the household left without a head, the offer waiting for
        # the other village), in the language shown; kept while the person moved is shown.
        self.move_note = plain_label()  # names the person and a place
        self.move_note.setWordWrap(True)
        self.move_note.setStyleSheet("color: #8a5a00;")
        self.move_note.hide()
        self._noted: str | None = None
        basic_layout.addWidget(self.move_note)
        basic_layout.addWidget(self.ops)
        basic_layout.addStretch(1)

        self.members = RowsModel[PersonRow](
            [
                Column(self.tr("姓名"), lambda r: r.name),
                Column(self.tr("与户主关系"), lambda r: _said("persons", "relation", r.relation)),
                Column(self.tr("性别"), lambda r: _said("persons", "sex", r.sex)),
                Column(self.tr("出生日期"), lambda r: r.birth_date),
                Column(
                    self.tr("劳动能力"),
                    lambda r: _said("persons", "labour_ability", r.labour_ability),
                ),
            ]
        )
        self.members_view = table_view()
        self.members_view.setModel(self.members)
        # Every column sized to its text (a household is a handful of rows): 劳动能力 is not
        # cut off in the panel's half of a 1366×768 window.
        self.members_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.members_view.doubleClicked.connect(self._open_member)
        members_tab = self._with_buttons(
            self.members_view,
            (self.tr("编辑户信息"), self.edit_household),
            (self.tr("新增家庭成员"), self._add_member),
        )

        self.spells = RowsModel[EmploymentSpell](
            [
                Column(self.tr("时间"), self._spell_time),
                Column(self.tr("形式"), lambda s: _said("employment_spells", "form", s.form)),
                Column(self.tr("月收入"), lambda s: s.monthly_income, align_right=True),
                Column(
                    self.tr("务工地"),
                    lambda s: _short_place(s.place_name or say_place(s.place_code, divisions())),
                ),
                Column(self.tr("用人单位"), lambda s: s.employer),
            ]
        )
        self.spells_view = table_view()
        self.spells_view.setModel(self.spells)
        # Narrow columns sized to their text; the employer takes what is left (full text in
        # the tooltip), so nothing is cut at 1366×768.
        spell_header = self.spells_view.horizontalHeader()
        for column in range(3):
            spell_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        spell_header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.spells_view.setColumnWidth(3, 110)
        self.spells_view.doubleClicked.connect(lambda _i: self.edit_spell())
        kept_from = len(self.record_buttons)
        spells_tab = self._with_buttons(
            self.spells_view,
            (self.tr("新增就业经历"), self.add_spell),
            (self.tr("修改"), self.edit_spell),
            (self.tr("删除"), self.delete_spell),
        )

        self.registrations = RowsModel[UnemploymentRegistration](
            [
                Column(self.tr("发现日期"), lambda r: r.found_date),
                Column(self.tr("登记日期"), lambda r: r.registered_date),
                Column(
                    self.tr("类别"),
                    lambda r: _said(
                        "unemployment_registrations", "unemployment_class", r.unemployment_class
                    ),
                ),
                Column(
                    self.tr("当前等级"),
                    lambda r: _said("unemployment_registrations", "level", r.level_on(today())),
                ),
                Column(self.tr("结束"), lambda r: r.ended_date),
            ]
        )
        self.registrations_view = table_view()
        self.registrations_view.setModel(self.registrations)
        self.registrations_view.doubleClicked.connect(lambda _i: self.edit_registration())
        self.registrations_tab = registrations_tab = self._with_buttons(
            self.registrations_view,
            (self.tr("失业登记"), self.add_registration),
            (self.tr("修改"), self.edit_registration),
            (self.tr("删除"), self.delete_registration),
        )
        #: The jobs' and registrations' buttons: off while the person is offered to another
        #: village, as 编辑 is (the receiver takes in what it saw, `trust.OFFER_KEPT_ROWS`).
        self.offer_kept_buttons = self.record_buttons[kept_from:]

        self.services = RowsModel[ServiceRecord](
            [
                Column(self.tr("日期"), lambda s: s.service_date),
                Column(
                    self.tr("服务"), lambda s: _said("services", "service_type", s.service_type)
                ),
                Column(self.tr("结果"), lambda s: s.outcome),
                Column(self.tr("说明"), lambda s: s.notes),
            ]
        )
        self.services_view = table_view()
        self.services_view.setModel(self.services)
        # Services are given on a visit (走访); one recorded by mistake is deleted here.
        services_tab = self._with_buttons(
            self.services_view, (self.tr("删除"), self.delete_service)
        )

        # A visit (走访) recorded by mistake is deleted here, with the services given on it:
        # the person's own visits and those to their whole household (全户).
        self.visits = RowsModel[Visit](
            [
                Column(self.tr("日期"), lambda v: v.visit_date),
                Column(
                    self.tr("走访对象"),
                    lambda v: self.tr("全户") if v.person_id is None else self.tr("本人"),
                ),
                Column(self.tr("走访人"), lambda v: v.visitor),
                Column(self.tr("结果"), lambda v: v.outcome),
                Column(self.tr("说明"), lambda v: v.notes),
            ]
        )
        self.visits_view = table_view()
        self.visits_view.setModel(self.visits)
        visits_tab = self._with_buttons(self.visits_view, (self.tr("删除"), self.delete_visit))

        self.history = RowsModel[HistoryLine](
            [
                Column(self.tr("时间"), lambda h: h.when),
                Column(self.tr("修改人"), lambda h: h.author),
                Column(self.tr("设备"), lambda h: h.device),
                Column(self.tr("修改内容"), lambda h: h.text),
            ]
        )
        self.history_view = table_view()
        self.history_view.setModel(self.history)
        history_header = self.history_view.horizontalHeader()
        for column in range(3):
            history_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        # Every tab shown whole: the seven names scrolled behind arrows in the panel of a
        # 1024-wide window (走访 and 修改记录 cut off or out of sight). The tabs are never
        # scrolled nor shortened, their names are short, and the panel is as wide as they are.
        self.tabs = QTabWidget()
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.addTab(basic, self.tr("基本信息"))
        self.tabs.addTab(members_tab, self.tr("家庭成员"))
        self.tabs.addTab(spells_tab, self.tr("就业"))
        self.tabs.addTab(registrations_tab, self.tr("失业"))
        self.tabs.addTab(services_tab, self.tr("服务"))
        self.tabs.addTab(visits_tab, self.tr("走访"))
        self.tabs.addTab(self.history_view, self.tr("修改记录"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._enable(False)

    def _with_buttons(self, view: QTableView, *actions: tuple[str, Callable[[], None]]) -> QWidget:
        """`view` under a row of buttons, each (its words, what a click does)."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        for text, slot in actions:
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.record_buttons.append(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(view)
        return box

    def _enable(self, on: bool) -> None:
        for button in self.action_buttons:
            button.setEnabled(on)
        for index in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(index, on)
        self.writable = ALLOWED
        if on and self.person is not None:
            # A person outside this device's area (moved out, or held from before the device
            # was enrolled) is shown and printed, not changed: the write door would refuse it.
            self.writable = may_change_row(
                self.session.ledger, self.session.actor, "persons", self.person.id
            )
        writes = (
            self.edit_button,
            self.member_button,
            self.move_button,
            self.delete_button,
            self.visit_button,
            self.status_button,
            *self.record_buttons,
        )
        # The reason in the language shown: the rule's own words where they are translated,
        # else the write door's Chinese sentence (which names the place and the device).
        reason = reason_shown(self.writable.rule, self.writable.reason, self.writable.said)
        for button in writes:
            button.setEnabled(on and self.writable.allowed)
            button.setToolTip(tip(reason))
        refused = on and not self.writable.allowed
        # The hub stops sending a row that left the area once the device confirmed the answer
        # that told it so (its next exchange): what is shown then stays as it was.
        self.scope_note.setText(
            self.tr("只能查看和打印：")
            + reason
            + self.tr("。搬走一经同步确认，此后的变化本机不再收到。")
            if refused
            else ""
        )
        self.scope_note.setVisible(refused)

    def _refused(self) -> bool:
        """True (nothing is opened) when this device may not change the shown person."""
        return not self.writable.allowed

    # -- showing --------------------------------------------------------------------------

    def show_person(self, person_id: str | None) -> None:
        """Show one person (or nothing)."""
        ledger = self.session.ledger
        unusable = ""
        try:
            self.person = records.get(ledger, Person, person_id) if person_id else None
        except NotFound:
            self.person = None
        except MalformedRow as error:
            # A stored row no model accepts (the list shows it): said here, the panel emptied
            # — never the person shown before, whom the buttons would then have changed.
            self.person = None
            unusable = self._unusable(error)
        self._enable(self.person is not None)
        offered = self.person is not None and bool(self.person.moving_to)
        self.withdraw_button.setVisible(offered and self.writable.allowed)
        if offered and self.writable.allowed:
            # Offered to another village: it takes in the person as offered; changed only once
            # the offer is taken back (`trust.offered_person`). Moved elsewhere still may be.
            why = self.tr("已提出迁入别村的户，待对方接收：请先撤回迁入再修改")
            for button in (self.edit_button, self.delete_button, *self.offer_kept_buttons):
                button.setEnabled(False)
                button.setToolTip(tip(why))
        if self.person is None or self.person.id != self._noted:
            self._noted = None
            self.move_note.clear()
            self.move_note.hide()
        if self.person is None:
            self.summary.setText(unusable or self.tr("在左侧选择一个人员"))
            for model in (
                self.members,
                self.spells,
                self.registrations,
                self.services,
                self.visits,
                self.history,
            ):
                model.set_rows([])
            return
        person = self.person
        self.summary.setText(self._summary_html(person))
        members = household_members(ledger, person.household_id) if person.household_id else []
        self.members.set_rows(members)
        self.spells.set_rows(
            sorted(
                records.person_records(ledger, EmploymentSpell, person.id),
                key=lambda s: s.start_date,
                reverse=True,
            )
        )
        self.registrations.set_rows(
            records.person_records(ledger, UnemploymentRegistration, person.id)
        )
        self.services.set_rows(
            sorted(
                records.person_records(ledger, ServiceRecord, person.id),
                key=lambda s: s.service_date,
                reverse=True,
            )
        )
        household_visits = (
            records.household_visits(ledger, person.household_id) if person.household_id else []
        )
        self.visits.set_rows(
            sorted(
                [*records.person_records(ledger, Visit, person.id), *household_visits],
                key=lambda v: v.visit_date,
                reverse=True,
            )
        )
        changes = person_history(ledger, person.id, person.household_id)
        homes = ("household_id", "moving_to")  # moved to, or offered to (`moving_to`)
        moved = {str(c.old) for c in changes if c.field in homes and c.old}
        moved |= {str(c.new) for c in changes if c.field in homes and c.new}
        self.history.set_rows(
            history_lines(
                changes,
                {
                    household: household_said(parts)
                    for household, parts in household_parts(ledger, sorted(moved)).items()
                },
                device_names(ledger),
                words=history_words(),
            )
        )

    def _unusable(self, error: MalformedRow) -> str:
        """Why a person's stored row cannot be shown, in the user's words (no ids)."""
        fields = self.tr("、").join(  # named and listed in the window's language
            field_word(f, error.table) for f in error.fields
        ) or self.tr("内容")
        if error.newer:
            text = self.tr(
                "这个人的记录有本机程序没有的选项（%1），无法显示。多半是本机的程序比中心旧，"
                "请升级本机的程序；这条记录仍在台账中，没有丢失"
            )
        else:
            text = self.tr(
                "这个人的记录中有本程序读不了的值（%1），无法显示。请在左侧列表中双击这个人打开，"
                "改正这一项后保存；这个人仍在台账中，没有丢失，不要重新录入"
            )
        return text.replace("%1", fields)

    def _summary_html(self, person: Person) -> str:
        on = today()
        categories = [
            _said("person_categories", "category", m.category)
            for m in records.person_records(self.session.ledger, CategoryMembership, person.id)
            if m.holds_on(on)
        ]
        rows = [
            (self.tr("身份证号"), person.id_number),
            (
                self.tr("性别 / 出生"),
                f"{_said('persons', 'sex', person.sex)}  {day_said(person.birth_date)}"
                + self.tr("（%1 岁）").replace("%1", str(person.age_on(on))),
            ),
            (self.tr("所在地"), _place_said(records.person_place(self.session.ledger, person))),
            *self._offered_row(person),
            (self.tr("与户主关系"), _said("persons", "relation", person.relation)),
            (self.tr("电话"), person.phone or "—"),
            (self.tr("劳动能力"), _said("persons", "labour_ability", person.labour_ability)),
            (self.tr("健康状况"), _said("persons", "health", person.health)),
            (self.tr("文化程度"), _said("persons", "education", person.education) or "—"),
            (self.tr("人员类别"), self.tr("、").join(categories) or "—"),
            (self.tr("本月状态"), self._month_text(person)),
            (self.tr("账号"), f"{person.account_bank} {person.account_number}".strip() or "—"),
            (
                self.tr("最后修改"),
                f"{china_minute(person.updated_at)} {person.updated_by or ''}",
            ),
        ]
        cells = "".join(
            f"<tr><td style='color:#555;padding-right:12px'>{html.escape(k)}</td>"
            f"<td>{html.escape(str(v))}</td></tr>"
            for k, v in rows
        )
        return f"<h2>{html.escape(person.name)}</h2><table>{cells}</table>"

    def _offered_row(self, person: Person) -> list[tuple[str, str]]:
        """待迁入: the household of another village the person is offered to, waiting for it."""
        if not person.moving_to:
            return []
        where = _place_said(records.household_place(self.session.ledger, person.moving_to))
        return [(self.tr("待迁入"), filled(self.tr("%1的户，待对方村接收"), where))]

    def refresh(self) -> None:
        """Reload the shown person (after an edit anywhere)."""
        self.show_person(self.person.id if self.person else None)

    # -- actions --------------------------------------------------------------------------

    def _open_member(self, index: QModelIndex) -> None:
        row = self.members.row_at(index.row()) if index.isValid() else None
        if row is not None:
            self.open_person.emit(row.id)

    def _add_member(self) -> None:
        if self.person and self.person.household_id:
            self.add_member_requested.emit(self.person.household_id)

    def _month_text(self, person: Person) -> str:
        """'2026年12月：已就业 4,800 元', or that it is not entered yet."""
        month = Month.current()
        found = month_status(self.session.ledger, person.id, month)
        if found is None:
            return month_said(month) + self.tr("：未更新")
        status, income = found
        money = self.tr(" %1 元").replace("%1", show(income)) if income else ""
        said = _said("monthly_status", "status", status)
        return filled(self.tr("%1：%2"), month_said(month), said + money)

    @staticmethod
    def _spell_time(spell: EmploymentSpell) -> str:
        """'2024年3月～至今', 'March 2024 – now' in English (`days.month_said`)."""
        start = month_said(spell.start_date)
        end = (
            month_said(spell.end_date)
            if spell.end_date
            else QCoreApplication.translate("PersonPanel", "至今")
        )
        span = QCoreApplication.translate("PersonPanel", "%1～%2")
        return fill(span, (start, end))

    def update_status(self) -> None:
        """This month's status of the whole household, in the 按月更新 grid."""
        if self.person and self.person.household_id:
            head = next(
                (m.name for m in self.members.rows if m.relation == "户主"), self.person.name
            )
            self.monthly_requested.emit(self.person.household_id, head + self.tr("户"))

    def delete_person(self, reason: str | None = None) -> bool:
        """Delete after asking why; 否 is the default answer (`reason` answers for tests)."""
        if self.person is None:
            return False
        dialog = DeleteDialog(self.session, self.person, self)
        self.delete_dialog = dialog
        if reason is not None:
            dialog.choose(reason)
            dialog.delete()
        elif not dialog.exec():
            return False
        if dialog.changes is None:
            return False
        self.show_person(None)
        return True

    def withdraw_offer(self) -> None:
        """撤回迁入: the offer to another village's household is taken back."""
        if self.person is None:
            return
        try:
            changes = households.withdraw_offer(
                self.session.ledger, self.session.actor, self.person.id
            )
        except FieldappError as error:
            show_error(self, error)
            return
        self.session.apply(changes)
        self.refresh()

    def move_person(self) -> MoveDialog | None:
        """Move the person to another household (分户、合户、婚迁), with the reason."""
        if self.person is None:
            return None
        dialog = MoveDialog(self.session, self.person, self)
        self.move_dialog = dialog
        dialog.accepted.connect(lambda: self._moved(dialog))
        dialog.open()
        return dialog

    def _moved(self, dialog: MoveDialog) -> None:
        """After a move: the person shown again, and what the move said beside it."""
        self.refresh()
        warnings = dialog.changes.warnings if dialog.changes is not None else ()
        said = [sentence_shown(w) if isinstance(w, Sentence) else w for w in warnings]
        self._noted = dialog.person.id if said else None
        self.move_note.setText("\n".join(said))
        self.move_note.setVisible(bool(said))

    # -- papers ---------------------------------------------------------------------------

    def _fill_print_menu(self) -> None:
        """This person's papers: work certificates, and the form of each of their claims."""
        self.print_menu.clear()
        if self.person is None:
            return
        for text, casual in ((self.tr("务工证明"), False), (self.tr("务工证明（临时务工）"), True)):
            action = QAction(text, self.print_menu)
            action.triggered.connect(lambda _c=False, k=casual: self.print_certificate(k))
            self.print_menu.addAction(action)
        claims = ClaimQueries(self.session.ledger).select(person_id=self.person.id)
        if claims:
            self.print_menu.addSeparator()
        for claim in claims:
            # The month it pays tells a monthly subsidy's forms apart (one per month).
            period = claim.paid_for(month_said, year_said)
            paid = f" {period}" if period else ""
            # With the 申请编号 the form prints, as the claims page lists it.
            number = f" {claim.number}" if claim.number else ""
            # The state as the 补贴 page says it, in the window's brackets.
            state = filled(self.tr("（%1）"), word_shown(str(claim.state)))
            action = QAction(
                self.tr("申请表：") + f"{claim.rule_title}{paid}{state}{number}", self.print_menu
            )
            action.triggered.connect(lambda _c=False, i=claim.id: self.print_form(i))
            self.print_menu.addAction(action)

    def print_certificate(self, casual: bool = False, on_open: OnOpen | None = None) -> None:
        """Preview the person's work certificate (filled from the ledger)."""
        from fieldapp.paperwork import jobs
        from fieldapp.ui import papers

        if self.person is not None:
            number = self.person.id_number
            papers.preview(
                self,
                self.ops,
                self.session,
                lambda led: jobs.certificate_job(led, number, casual),
                on_open,
            )

    def print_form(self, claim_id: str, on_open: OnOpen | None = None) -> None:
        """Preview the application form of one of the person's claims."""
        from fieldapp.paperwork import jobs
        from fieldapp.ui import papers

        papers.preview(
            self, self.ops, self.session, lambda led: jobs.form_job(led, claim_id), on_open
        )

    def edit_household(self) -> None:
        """Edit the shown person's household."""
        if self._refused():
            return
        if self.person and self.person.household_id:
            if HouseholdDialog(self.session, self.person.household_id, self).exec():
                self.refresh()

    def add_spell(self) -> None:
        """Open the employment spell dialog for a new spell."""
        if self._refused():
            return
        if self.person and SpellDialog(self.session, self.person.id, parent=self).exec():
            self.refresh()

    def edit_spell(self) -> None:
        """Edit the selected spell."""
        if self._refused():
            return
        spell = _selected(self.spells_view, self.spells)
        if self.person and spell is None:
            show_error(self, self.tr("请先在列表里选一条就业经历"))
            return
        if self.person and spell and SpellDialog(self.session, self.person.id, spell, self).exec():
            self.refresh()

    def delete_spell(self) -> None:
        """Delete the selected job (entered by mistake), after asking."""
        spell = self._chosen(self.spells_view, self.spells, self.tr("请先在列表里选一条就业经历"))
        if spell is not None:
            what = filled(
                self.tr("“%1”（%2 起）这条就业经历"),
                spell.employer or spell.place_name or spell.form,
                day_said(spell.start_date),
            )
            self._delete(EmploymentSpell, spell.id, what)

    def delete_registration(self) -> None:
        """Delete the selected unemployment registration (entered by mistake), after asking."""
        registration = self._chosen(
            self.registrations_view, self.registrations, self.tr("请先在列表里选一条失业登记")
        )
        if registration is not None:
            day = registration.found_date or registration.registered_date
            what = (
                self.tr("%1的这条失业登记").replace("%1", day_said(day))
                if day
                else self.tr("这条没有日期的失业登记")
            )
            self._delete(UnemploymentRegistration, registration.id, what)

    def delete_service(self) -> None:
        """Delete the selected service (recorded by mistake), after asking."""
        service = self._chosen(
            self.services_view, self.services, self.tr("请先在列表里选一条服务记录")
        )
        if service is not None:
            what = fill(
                self.tr("%1的“%2”这条服务记录"),
                (day_said(service.service_date), service.service_type),
            )
            self._delete(ServiceRecord, service.id, what)

    def delete_visit(self) -> None:
        """Delete the selected visit (recorded by mistake) and its services, after asking."""
        visit = self._chosen(self.visits_view, self.visits, self.tr("请先在列表里选一条走访记录"))
        if visit is None:
            return
        given = self.tr("、").join(  # the services in the window's language
            _said("services", "service_type", s.service_type)
            for s in records.visit_services(self.session.ledger, visit.id)
        )
        day = day_said(visit.visit_date)
        if visit.person_id is None:  # a visit to the whole household (全户)
            what = (
                filled(self.tr("%1这次对全户的走访（和这次走访登记的服务：%2）"), day, given)
                if given
                else filled(self.tr("%1这次对全户的走访"), day)
            )
        else:
            what = (
                filled(self.tr("%1的这次走访（和这次走访登记的服务：%2）"), day, given)
                if given
                else filled(self.tr("%1的这次走访"), day)
            )
        if not self._ask_delete(what):
            return
        try:
            changes = delete_visit_record(self.session.ledger, self.session.actor, visit.id)
        except FieldappError as error:
            show_delete_refused(self, error)
            return
        self.session.apply(changes)
        self.refresh()

    def _chosen(self, view: QTableView, model: RowsModel[R], missing: str) -> R | None:
        """The selected row of `view` (showing `model`), or None (said with `missing`, or
        refused by the area)."""
        if self.person is None or self._refused():
            return None
        row = _selected(view, model)
        if row is None:
            show_error(self, missing)
        return row

    def _ask_delete(self, what: str) -> bool:
        """Whether the coordinator, asked once in the same words for every kind of record,
        answers 是 to deleting `what` (否 is the default answer)."""
        return ask_yes_no(
            self,
            self.tr("删除"),
            self.tr("删除%1吗？只删除录错的记录；删除会记入修改记录。").replace("%1", what),
        )

    def _delete(self, model: type, row_id: str, what: str) -> None:
        """Ask, then delete one of the person's records (logged; the history says it)."""
        if not self._ask_delete(what):
            return
        try:
            changes = work.delete_record(self.session.ledger, self.session.actor, model, row_id)
        except FieldappError as error:
            show_delete_refused(self, error)
            return
        self.session.apply(changes)
        self.refresh()

    def add_registration(self) -> None:
        """Record an unemployment registration."""
        if self._refused():
            return
        if self.person and UnemploymentDialog(self.session, self.person.id, parent=self).exec():
            self.refresh()

    def register_unemployment(self) -> None:
        """Record the 登记日期 of the shown person's registration still waiting for it (the
        due list's 失业登记 item): its form opens with 登记日期 set to today."""
        if self.person is None or self._refused():
            return
        self.tabs.setCurrentWidget(self.registrations_tab)
        waiting = [
            r
            for r in records.person_records(
                self.session.ledger, UnemploymentRegistration, self.person.id
            )
            if r.registered_date is None and r.ended_date is None
        ]
        registration = max(waiting, key=lambda r: r.found_date or dt.date.min, default=None)
        if registration is None:
            return  # registered meanwhile (a list made before): the tab shows it, nothing new
        dialog = UnemploymentDialog(self.session, self.person.id, registration, self)
        dialog.registered.set_value(today())
        if dialog.exec():
            self.refresh()

    def edit_registration(self) -> None:
        """Edit the selected registration."""
        if self._refused():
            return
        registration = _selected(self.registrations_view, self.registrations)
        if self.person and registration is None:
            show_error(self, self.tr("请先在列表里选一条失业登记"))
            return
        if self.person and registration:
            if UnemploymentDialog(self.session, self.person.id, registration, self).exec():
                self.refresh()
