"""The right-hand side of the ledger page: one person, their household, records and history."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.errors import NotFound
from fieldapp.domain.labels import field_label
from fieldapp.domain.models import (
    CategoryMembership,
    EmploymentSpell,
    Person,
    ServiceRecord,
    UnemploymentRegistration,
)
from fieldapp.services import persons
from fieldapp.store.queries import records
from fieldapp.store.queries.history import TABLE_LABELS, FieldChange, person_history
from fieldapp.store.queries.persons import PersonRow, household_members
from fieldapp.ui.dialogs.household import HouseholdDialog
from fieldapp.ui.dialogs.monthly_status import MonthlyStatusDialog
from fieldapp.ui.dialogs.records import SpellDialog, UnemploymentDialog
from fieldapp.ui.session import Session
from fieldapp.ui.table_model import ROW_ROLE, Column, RowsModel
from fieldapp.ui.widgets import table_view


def _selected(view: QTableView):  # noqa: ANN202 - the row object
    index = view.currentIndex()
    return index.data(ROW_ROLE) if index.isValid() else None


class PersonPanel(QWidget):
    """Tabs about the selected person; signals ask the page to edit or open someone."""

    edit_requested = Signal(str)
    open_person = Signal(str)
    add_member_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.person: Person | None = None
        self.summary = QLabel(self.tr("在左侧选择一个人员"))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(self.summary.textFormat().RichText)
        self.edit_button = QPushButton(self.tr("编辑(&E)"))
        self.member_button = QPushButton(self.tr("新增家庭成员"))
        self.edit_button.clicked.connect(
            lambda: self.person and self.edit_requested.emit(self.person.id)
        )
        self.member_button.clicked.connect(self._add_member)
        self.status_button = QPushButton(self.tr("本月就业状态…"))
        self.status_button.clicked.connect(self.update_status)
        self.delete_button = QPushButton(self.tr("删除…"))
        self.delete_button.clicked.connect(self.delete_person)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.member_button)
        buttons.addWidget(self.status_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        basic = QWidget()
        basic_layout = QVBoxLayout(basic)
        basic_layout.addWidget(self.summary)
        basic_layout.addLayout(buttons)
        basic_layout.addStretch(1)

        self.members = RowsModel[PersonRow](
            [
                Column(self.tr("姓名"), lambda r: r.name),
                Column(self.tr("与户主关系"), lambda r: r.relation),
                Column(self.tr("性别"), lambda r: r.sex),
                Column(self.tr("出生日期"), lambda r: r.birth_date),
                Column(self.tr("劳动能力"), lambda r: r.labour_ability),
            ]
        )
        self.members_view = table_view()
        self.members_view.setModel(self.members)
        self.members_view.doubleClicked.connect(self._open_member)
        members_tab = self._with_buttons(
            self.members_view,
            (self.tr("编辑户信息"), self.edit_household),
            (self.tr("新增家庭成员"), self._add_member),
        )

        self.spells = RowsModel[EmploymentSpell](
            [
                Column(self.tr("开始"), lambda s: s.start_date),
                Column(self.tr("结束"), lambda s: s.end_date),
                Column(self.tr("形式"), lambda s: s.form),
                Column(self.tr("务工地"), lambda s: s.place_name or s.place_code),
                Column(self.tr("用人单位"), lambda s: s.employer),
                Column(self.tr("月收入"), lambda s: s.monthly_income, align_right=True),
            ]
        )
        self.spells_view = table_view()
        self.spells_view.setModel(self.spells)
        self.spells_view.doubleClicked.connect(lambda _i: self.edit_spell())
        spells_tab = self._with_buttons(
            self.spells_view,
            (self.tr("新增就业经历"), self.add_spell),
            (self.tr("修改"), self.edit_spell),
        )

        self.registrations = RowsModel[UnemploymentRegistration](
            [
                Column(self.tr("发现日期"), lambda r: r.found_date),
                Column(self.tr("登记日期"), lambda r: r.registered_date),
                Column(self.tr("类别"), lambda r: r.unemployment_class),
                Column(self.tr("当前等级"), lambda r: r.level_on(dt.date.today())),
                Column(self.tr("结束"), lambda r: r.ended_date),
            ]
        )
        self.registrations_view = table_view()
        self.registrations_view.setModel(self.registrations)
        self.registrations_view.doubleClicked.connect(lambda _i: self.edit_registration())
        registrations_tab = self._with_buttons(
            self.registrations_view,
            (self.tr("失业登记"), self.add_registration),
            (self.tr("修改"), self.edit_registration),
        )

        self.services = RowsModel[ServiceRecord](
            [
                Column(self.tr("日期"), lambda s: s.service_date),
                Column(self.tr("服务"), lambda s: s.service_type),
                Column(self.tr("结果"), lambda s: s.outcome),
                Column(self.tr("说明"), lambda s: s.notes),
            ]
        )
        self.services_view = table_view()
        self.services_view.setModel(self.services)

        self.history = RowsModel[FieldChange](
            [
                Column(self.tr("时间"), lambda h: h.at[:19].replace("T", " ")),
                Column(self.tr("修改人"), lambda h: h.author),
                Column(self.tr("设备"), lambda h: h.device_id),
                Column(
                    self.tr("内容"),
                    lambda h: f"{TABLE_LABELS.get(h.table, h.table)}·{field_label(h.field)}",
                ),
                Column(self.tr("原值"), lambda h: h.old),
                Column(self.tr("新值"), lambda h: h.new),
            ]
        )
        self.history_view = table_view()
        self.history_view.setModel(self.history)

        self.tabs = QTabWidget()
        self.tabs.addTab(basic, self.tr("基本信息"))
        self.tabs.addTab(members_tab, self.tr("家庭成员"))
        self.tabs.addTab(spells_tab, self.tr("就业经历"))
        self.tabs.addTab(registrations_tab, self.tr("失业登记"))
        self.tabs.addTab(self.services_view, self.tr("服务记录"))
        self.tabs.addTab(self.history_view, self.tr("修改记录"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._enable(False)

    def _with_buttons(self, view: QTableView, *actions: tuple[str, object]) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        for text, slot in actions:
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(view)
        return box

    def _enable(self, on: bool) -> None:
        for button in (
            self.edit_button,
            self.member_button,
            self.status_button,
            self.delete_button,
        ):
            button.setEnabled(on)
        for index in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(index, on)

    # -- showing --------------------------------------------------------------------------

    def show_person(self, person_id: str | None) -> None:
        """Show one person (or nothing)."""
        ledger = self.session.ledger
        try:
            self.person = records.get(ledger, Person, person_id) if person_id else None
        except NotFound:
            self.person = None
        self._enable(self.person is not None)
        if self.person is None:
            self.summary.setText(self.tr("在左侧选择一个人员"))
            for model in (
                self.members,
                self.spells,
                self.registrations,
                self.services,
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
        self.history.set_rows(list(reversed(person_history(ledger, person.id))))

    def _summary_html(self, person: Person) -> str:
        today = dt.date.today()
        categories = [
            str(m.category)
            for m in records.person_records(self.session.ledger, CategoryMembership, person.id)
            if m.holds_on(today)
        ]
        rows = [
            (self.tr("身份证号"), person.id_number),
            (
                self.tr("性别 / 出生"),
                f"{person.sex}  {person.birth_date.isoformat()}（{person.age_on(today)} 岁）",
            ),
            (self.tr("所在地"), records.person_place(self.session.ledger, person)),
            (self.tr("与户主关系"), str(person.relation)),
            (self.tr("电话"), person.phone or "—"),
            (self.tr("劳动能力"), str(person.labour_ability)),
            (self.tr("健康状况"), str(person.health)),
            (self.tr("文化程度"), person.education or "—"),
            (self.tr("人员类别"), "、".join(categories) or "—"),
            (self.tr("账号"), f"{person.account_bank} {person.account_number}".strip() or "—"),
            (
                self.tr("最后修改"),
                f"{(person.updated_at or '')[:16].replace('T', ' ')} {person.updated_by or ''}",
            ),
        ]
        cells = "".join(
            f"<tr><td style='color:#555;padding-right:12px'>{html.escape(k)}</td>"
            f"<td>{html.escape(str(v))}</td></tr>"
            for k, v in rows
        )
        return f"<h2>{html.escape(person.name)}</h2><table>{cells}</table>"

    def refresh(self) -> None:
        """Reload the shown person (after an edit anywhere)."""
        self.show_person(self.person.id if self.person else None)

    # -- actions --------------------------------------------------------------------------

    def _open_member(self, index) -> None:  # noqa: ANN001 - QModelIndex
        row = index.data(ROW_ROLE)
        if row is not None:
            self.open_person.emit(row.id)

    def _add_member(self) -> None:
        if self.person and self.person.household_id:
            self.add_member_requested.emit(self.person.household_id)

    def update_status(self) -> None:
        """Record this month's work status (按月更新)."""
        if self.person:
            month = dt.date.today().strftime("%Y-%m")
            dialog = MonthlyStatusDialog(
                self.session, self.person.id, self.person.name, month, self
            )
            if dialog.exec():
                self.refresh()

    def delete_person(self, confirmed: bool = False) -> bool:
        """Mark the person deleted after confirmation (logged; can be undone; history kept)."""
        if self.person is None:
            return False
        if not confirmed:
            answer = QMessageBox.question(
                self,
                self.tr("删除人员"),
                self.tr("确定从台账中删除“%1”吗？删除会记入修改记录，可由县里恢复。").replace(
                    "%1", self.person.name
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.session.apply(persons.delete(self.session.ledger, self.session.actor, self.person.id))
        self.show_person(None)
        return True

    def edit_household(self) -> None:
        """Edit the shown person's household."""
        if self.person and self.person.household_id:
            if HouseholdDialog(self.session, self.person.household_id, self).exec():
                self.refresh()

    def add_spell(self) -> None:
        """Open the employment spell dialog for a new spell."""
        if self.person and SpellDialog(self.session, self.person.id, parent=self).exec():
            self.refresh()

    def edit_spell(self) -> None:
        """Edit the selected spell."""
        spell = _selected(self.spells_view)
        if self.person and spell and SpellDialog(self.session, self.person.id, spell, self).exec():
            self.refresh()

    def add_registration(self) -> None:
        """Record an unemployment registration."""
        if self.person and UnemploymentDialog(self.session, self.person.id, parent=self).exec():
            self.refresh()

    def edit_registration(self) -> None:
        """Edit the selected registration."""
        registration = _selected(self.registrations_view)
        if self.person and registration:
            if UnemploymentDialog(self.session, self.person.id, registration, self).exec():
                self.refresh()
