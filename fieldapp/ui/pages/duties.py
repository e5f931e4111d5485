"""户级责任 page: the households and persons a coordinator must act on, with counts per duty.

一户一人未实现, 零就业家庭, 公益性岗位收入超线, 一人多岗 — worked out by the policy for the
chosen area as of a date (off the GUI thread), each with the reason and the clause. A button per
duty with its count filters the list; 预览 prints what is listed; 导出 Excel writes it.
Double-click opens the household's first person on the ledger page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from fieldapp.domain.progress import Cancelled
from fieldapp.paperwork import jobs
from fieldapp.policy.households import DutyFlag, DutyKind
from fieldapp.services.changes import PERSON_RECORDS, Kind
from fieldapp.services.exports import record_export
from fieldapp.services.policy_views import duties
from fieldapp.ui import papers, policy_access
from fieldapp.ui.areas import AreaCombo, AreaIndex
from fieldapp.ui.errors import show_error
from fieldapp.ui.held_words import sentence_shown
from fieldapp.ui.operations import OperationPanel, OperationProgress
from fieldapp.ui.pages.page import Page, PageHost
from fieldapp.ui.papers import OnOpen
from fieldapp.ui.session import Session
from fieldapp.ui.table_model import ROW_ROLE, Column, RowsModel
from fieldapp.ui.widgets import (
    ChoiceButtons,
    DateField,
    area_date_page,
    button_grid,
    plain_label,
    table_view,
)
from fieldapp.ui.workbooks import ask_workbook, export_workbook

#: The width the row of duty buttons may take, counts of 0 said: a 1024-wide window's room
#: for the page (866 px in English) less what counts of thousands add to the five buttons.
KINDS_ROOM = 760

KINDS = (
    DutyKind.ONE_PER_HOUSEHOLD,
    DutyKind.ZERO_EMPLOYMENT,
    DutyKind.INCOME_ABOVE_LINE,
    DutyKind.TWO_POSTS,
)


class DutiesPage(Page):
    """Household duties of an area: counts, the list, the paper and the workbook."""

    person_requested = Signal(str)
    updated = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.areas = AreaIndex.load(session.ledger)
        self.flags: list[DutyFlag] = []
        self.area = AreaCombo(self.tr("全部区域"))
        self.area.fill(self.areas, offer=self.areas.browsable, keep=session.home_area)
        self.on = DateField()
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.preview_button = QPushButton(self.tr("预览(&V)"))
        self.export_button = QPushButton(self.tr("导出 Excel…"))
        self.panel = OperationPanel()
        self.summary = plain_label()  # names the file exported to
        self.group = ChoiceButtons(self, ("", *KINDS))
        self.kind_buttons = self.group.by_key
        kinds = QHBoxLayout()  # the duty buttons, laid out once they say their counts
        self.model = RowsModel[DutyFlag](
            [
                Column(self.tr("事项"), lambda f: self._kind_shown(f.kind)),
                Column(self.tr("户号"), lambda f: f.household_no),
                Column(self.tr("户主/成员"), lambda f: self.tr("、").join(f.names)),
                Column(self.tr("所在地"), lambda f: self.areas.path(f.area_code)),
                Column(self.tr("说明"), lambda f: sentence_shown(f.said) if f.said else f.text),
                Column(
                    self.tr("依据"),
                    lambda f: sentence_shown(f.clause_said) if f.clause_said else f.clause,
                ),
            ]
        )
        self.table = table_view()
        self.table.setModel(self.model)
        for column, width in enumerate((110, 130, 110, 170, 420)):
            self.table.setColumnWidth(column, width)
        # 事项 as wide as its longest kind in the window's language (the pages are built again
        # when the language changes).
        widest = max(self.table.fontMetrics().horizontalAdvance(self._kind_shown(k)) for k in KINDS)
        kind_width = max(110, widest + 16)
        self.table.setColumnWidth(0, kind_width)
        # 说明 gives it the room: the 依据 at the end stays readable in a 1366-wide window.
        self.table.setColumnWidth(4, max(320, 420 - (kind_width - 110)))
        self.new_day = area_date_page(
            self,
            self.area,
            self.on,
            self.refresh_button,
            self.refresh,
            (self.preview_button, self.export_button),
            (kinds, self.panel),
            self.table,
            self.summary,
            self._stale,
        )
        self.group.buttonClicked.connect(lambda _b: self._filter())
        self.preview_button.clicked.connect(lambda: self.preview())
        self.export_button.clicked.connect(self.export_dialog)
        # Preview and export take the list shown: not while it is being worked out.
        self.panel.guard(self.preview_button, self.export_button)
        self.table.doubleClicked.connect(self._open)
        session.on_change(
            self,
            (*PERSON_RECORDS, Kind.HOUSEHOLDS, Kind.AREAS, Kind.POLICY),
            lambda _c: self._stale(),
        )
        self._fresh = False
        #: An area or date chosen while an export was written: the list is worked out after it.
        self._again = False
        self.panel.finished.connect(self._refresh_if_asked)
        self._counts()
        # Side by side, or in rows of fewer where their words need more than a window 1024
        # wide leaves (in English the five took 956 px of its 866: a scroll bar under the
        # whole page, 刷新 half off its edge); room kept for counts of thousands.
        row = self.group.row
        while row.count():
            row.takeAt(0)
        kinds.addLayout(button_grid(list(self.kind_buttons.values()), KINDS_ROOM, len(KINDS) + 1))
        kinds.addStretch(1)

    def connect_host(self, host: PageHost) -> None:
        """Connect this page's requests to the window."""
        self.person_requested.connect(host.open_person)

    def activated(self) -> None:
        """Shown: work the list out (again, if the ledger changed or a new day came)."""
        self.new_day.follow()
        if not self._fresh:
            self.refresh()

    def _stale(self) -> None:
        self._fresh = False
        if self.isVisible():
            self.refresh()

    def kind(self) -> str:
        """The duty listed ('' for all)."""
        checked = self.group.checkedButton()
        return str(checked.property("kind") or "") if checked else ""

    def set_kind(self, kind: str) -> None:
        """List one duty ('' for all), as clicking its button does."""
        self.kind_buttons[kind].setChecked(True)
        self._filter()

    def _refresh_if_asked(self) -> None:
        if self._again:  # an area or date chosen while the export was written
            self.refresh()

    def refresh(self) -> None:
        """Work the duties out off the GUI thread. A list still being worked out for another
        area or date is dropped (the newest question wins); an export being written is waited
        for, and the list worked out after it."""
        if self.panel.writing:
            self._again = True
            return
        self._again = False
        self._fresh = True
        area, on = self.area.code() or None, self.on.value()
        # What is shown answered another question: nothing of it stays as if it were current.
        self.flags = []
        self._counts()
        self.model.set_rows([])
        self.summary.clear()

        def work(_progress: OperationProgress) -> list[DutyFlag]:
            with self.session.worker_ledger() as ledger:
                return duties(ledger, policy_access.policy(ledger), on, area)

        self.panel.run(
            self.tr("正在检查户级责任……"), work, self._show, self._failed, read_only=True
        )

    def _show(self, flags: list[DutyFlag]) -> None:
        self.flags = flags
        self._counts()
        self._filter()
        self.updated.emit()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, Cancelled):
            show_error(self, error)
        self.updated.emit()

    def _counts(self) -> None:
        self.kind_buttons[""].setText(self.tr("全部 %1").replace("%1", str(len(self.flags))))
        for kind in KINDS:
            count = sum(1 for f in self.flags if f.kind == kind)
            self.kind_buttons[kind].setText(f"{self._kind_shown(kind)} {count}")

    def _kind_shown(self, kind: str) -> str:
        """A kind of duty (the program's own word, kept in Chinese on the flag, its paper and
        its workbook) in the window's language; a kind it does not know as it is."""
        shown = {
            DutyKind.ONE_PER_HOUSEHOLD: self.tr("一户一人未实现"),
            DutyKind.ZERO_EMPLOYMENT: self.tr("零就业家庭"),
            DutyKind.INCOME_ABOVE_LINE: self.tr("公益性岗位收入超线"),
            DutyKind.TWO_POSTS: self.tr("一人多岗"),
        }
        return shown.get(kind, kind)

    def shown(self) -> list[DutyFlag]:
        """The flags the chosen duty lets through."""
        kind = self.kind()
        return [f for f in self.flags if not kind or f.kind == kind]

    def _filter(self) -> None:
        shown = self.shown()
        self.model.set_rows(shown)
        households = len({f.household_id for f in shown})
        # %n: the English says each count's noun for it (1 item in 1 household, 10 items in 7
        # households); one %n a string, so the households are a phrase of their own.
        self.summary.setToolTip("")  # no longer the file last exported to
        self.summary.setText(
            self.tr("%n 项，涉及 %1", "", len(shown)).replace(
                "%1", self.tr("%n 户", "", households)
            )
        )

    def _open(self, index: QModelIndex) -> None:
        flag = index.data(ROW_ROLE)
        if flag is not None and flag.person_ids:
            self.person_requested.emit(flag.person_ids[0])

    def _area_name(self) -> str:
        code = self.area.code()
        return self.areas.path(code) if code else self.tr("全部区域")

    def preview(self, on_open: OnOpen | None = None) -> None:
        """The listed duties as a printed list, to print or save."""
        flags, area, on = self.shown(), self.area.code(), self.on.value()
        name, place = self._area_name(), self.areas.path
        papers.preview(
            self,
            self.panel,
            self.session,
            lambda led: jobs.duties_job(led, flags, area, name, on, place),
            on_open,
        )

    def export_dialog(self) -> None:
        """Ask where, then write the listed duties."""
        path = ask_workbook(
            self,
            self.tr("导出户级责任清单（含个人信息，请妥善保管）"),
            f"{self._area_name()}户级责任清单.xlsx",
        )
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Write the workbook off the GUI thread (and log the export)."""
        from fieldapp.tabular.duties import write_duties

        flags, name, on, place = self.shown(), self._area_name(), self.on.value(), self.areas.path
        area = self.area.code()

        def work(_progress: OperationProgress) -> Path:
            write_duties(flags, path, area_name=name, on=on, place_of=place)
            people = len({p for f in flags for p in f.person_ids})
            with self.session.worker_ledger() as ledger:
                record_export(ledger, "户级责任", path, people, len(flags), area or None)
            return path

        export_workbook(self, self.panel, self.summary, work)

    def busy(self) -> bool:
        """True while the list is worked out, previewed or exported."""
        return self.panel.busy
