"""一库五册 page: the labour roster and its four companions for a village, site or township.

Pick the area and the date; the five rosters are worked out off the GUI thread, each with its
count on its button; the chosen one is listed. 预览 shows the chosen roster (or all five) as the
printed paper, to print or save; 导出 Excel writes all five sheets.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QPushButton,
    QWidget,
)

from fieldapp.domain.progress import Cancelled
from fieldapp.domain.sentences import fill
from fieldapp.paperwork import jobs
from fieldapp.paperwork.tables import text
from fieldapp.policy.rosters import (
    COLUMNS,
    LABOUR,
    MIGRANT,
    SELF_EMPLOYED,
    TRAINED,
    WELFARE,
    RosterSet,
)
from fieldapp.services.changes import PERSON_RECORDS, Kind
from fieldapp.services.exports import record_export
from fieldapp.services.report import five_rosters
from fieldapp.ui import papers
from fieldapp.ui.areas import AreaCombo, AreaIndex
from fieldapp.ui.days import day_said
from fieldapp.ui.errors import show_error
from fieldapp.ui.operations import OperationPanel, OperationProgress
from fieldapp.ui.pages.page import Page
from fieldapp.ui.papers import OnOpen
from fieldapp.ui.session import Session
from fieldapp.ui.table_model import Column, RowsModel
from fieldapp.ui.widgets import ChoiceButtons, DateField, area_date_page, plain_label, table_view
from fieldapp.ui.workbooks import ask_workbook, export_workbook

NAMES = tuple(COLUMNS)


class RostersPage(Page):
    """一库五册 of one area as of a date: on screen, on paper, in Excel."""

    updated = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.areas = AreaIndex.load(session.ledger)
        self.rosters: RosterSet | None = None
        self.area = AreaCombo(self.tr("请选择村、安置点或乡镇"))
        self.area.fill(self.areas, offer=self.areas.browsable, keep=session.home_area)
        self.on = DateField()
        self.make_button = QPushButton(self.tr("生成"))
        self.preview_button = QPushButton(self.tr("预览本册(&V)"))
        self.preview_all_button = QPushButton(self.tr("预览全部五册"))
        self.export_button = QPushButton(self.tr("导出 Excel…"))
        self.panel = OperationPanel()
        self.summary = plain_label()  # names the place and the file exported to
        self.group = ChoiceButtons(self, NAMES, text=self._name_shown)
        self.buttons = self.group.by_key
        books = self.group.row
        books.addStretch(1)
        self.model = RowsModel[list[object]]([])
        self.table = table_view()
        self.table.setModel(self.model)
        self.new_day = area_date_page(
            self,
            self.area,
            self.on,
            self.make_button,
            self.make,
            (self.preview_button, self.preview_all_button, self.export_button),
            (books, self.panel),
            self.table,
            self.summary,
            self._stale,
        )
        self.group.buttonClicked.connect(lambda _b: self._show())
        self.preview_button.clicked.connect(lambda: self.preview(self.current()))
        self.preview_all_button.clicked.connect(lambda: self.preview(None))
        self.export_button.clicked.connect(self.export_dialog)
        # Not while the rosters are (re)worked out: an export would drop the new ones.
        self.panel.guard(self.preview_button, self.preview_all_button, self.export_button)
        session.on_change(
            self, (*PERSON_RECORDS, Kind.HOUSEHOLDS, Kind.AREAS), lambda _c: self._stale()
        )
        self._enable(False)
        #: An area or date chosen while a workbook was written: worked out when it is done.
        self._again = False
        self.panel.finished.connect(self._make_if_asked)
        self.make()

    def current(self) -> str:
        """The roster shown (its name as the county's paper says it)."""
        checked = self.group.checkedButton()
        return str(checked.property("kind")) if checked else NAMES[0]

    def _name_shown(self, name: str) -> str:
        """A roster's name in the window's language: the window's word for the county's paper,
        whose own title stays Chinese in print and in the workbook."""
        shown = {
            LABOUR: self.tr("劳动力名册"),
            TRAINED: self.tr("培训名册"),
            MIGRANT: self.tr("转移就业名册"),
            SELF_EMPLOYED: self.tr("自主创业名册"),
            WELFARE: self.tr("公益性岗位名册"),
        }
        return shown.get(name, name)

    def choose(self, name: str) -> None:
        """Show one of the five, as clicking its button does."""
        self.buttons[name].setChecked(True)
        self._show()

    def _enable(self, on: bool) -> None:
        for button in (self.preview_button, self.preview_all_button, self.export_button):
            button.setEnabled(on)

    def _stale(self) -> None:
        if self.isVisible():
            self.make()
        else:
            self.rosters = None

    def activated(self) -> None:
        """Shown: work the rosters out again if the ledger changed or a new day came."""
        self.new_day.follow()
        if self.rosters is None:
            self.make()

    def _make_if_asked(self) -> None:
        if self._again:  # an area or date chosen while the workbook was written
            self.make()

    def make(self) -> None:
        """Work the five rosters out off the GUI thread. Rosters still being worked out for
        another area or date are dropped (the newest question wins); a workbook being written
        is waited for, and the rosters worked out when it is done."""
        if self.panel.writing:
            self._again = True
            return
        self._again = False
        area, on = self.area.code(), self.on.value()
        # What is shown answered another question: nothing of it stays as if it were current.
        self.rosters = None
        self.model.set_rows([])
        self.summary.clear()
        self.summary.setToolTip("")  # no longer the file last exported to
        if not area:
            self.summary.setText(self.tr("请选择村、安置点或乡镇"))
            self._enable(False)
            return

        def work(_progress: OperationProgress) -> RosterSet:
            with self.session.worker_ledger() as ledger:
                return five_rosters(ledger, area, on)

        self.panel.run(
            self.tr("正在生成一库五册……"), work, self._made, self._failed, read_only=True
        )

    def _made(self, rosters: RosterSet) -> None:
        self.rosters = rosters
        for name in NAMES:
            self.buttons[name].setText(f"{self._name_shown(name)} {self._count(name)}")
        self._enable(True)
        self._show()
        self.updated.emit()

    def _count(self, name: str) -> str:
        """How many a roster lists, as its paper says: its persons (2 人), and its entries where
        someone is on two rows — trained twice, two jobs (2 人 3 条). The rows alone (培训名册 3)
        counted a person twice."""
        if self.rosters is None:
            return ""
        persons = self.rosters.persons(name)
        entries = len(self.rosters.sheets.get(name, []))
        if persons != entries:
            return fill(self.tr("%1 人 %2 条"), (str(persons), str(entries)))
        return self.tr("%1 人").replace("%1", str(persons))

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, Cancelled):
            show_error(self, error)
        self.updated.emit()

    def _show(self) -> None:
        if self.rosters is None:
            return
        name = self.current()
        columns = COLUMNS[name]
        self.model.beginResetModel()
        self.model.columns = [Column(title, _cell(i)) for i, title in enumerate(columns)]
        self.model.rows = list(self.rosters.sheets.get(name, []))
        self.model.endResetModel()
        for column, title in enumerate(columns):
            self.table.setColumnWidth(
                column,
                150 if title == "身份证号" else 40 if title in ("序号", "性别", "年龄") else 90,
            )
        persons, entries = self.rosters.persons(name), len(self.model.rows)
        self.summary.setText(
            fill(
                self.tr("%1 %2：%3 人（截至 %4）")
                if persons == entries
                else self.tr("%1 %2：%3 人 %5 条（截至 %4）"),
                (
                    self.rosters.area_name,
                    self._name_shown(name),
                    str(persons),
                    day_said(self.rosters.as_of),
                    str(entries),
                ),
            )  # as the printed roster says it
        )

    def preview(self, which: str | None, on_open: OnOpen | None = None) -> None:
        """The printed paper of one roster (or all five), to print or save."""
        area, on = self.area.code(), self.on.value()
        if not area:
            show_error(self, self.tr("请先选择村、安置点或乡镇"))
            return
        papers.preview(
            self,
            self.panel,
            self.session,
            lambda led: jobs.rosters_job(led, area, on, which),
            on_open,
        )

    def export_dialog(self) -> None:
        """Ask where, then write the five sheets."""
        if self.rosters is None:
            return
        path = ask_workbook(
            self,
            self.tr("导出一库五册（含个人信息，请妥善保管）"),
            f"{self.rosters.area_name}一库五册.xlsx",
        )
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Write the workbook off the GUI thread."""
        from fieldapp.tabular.five_rosters import write_five_rosters

        rosters = self.rosters
        if rosters is None:
            return

        def work(_progress: OperationProgress) -> Path:
            write_five_rosters(rosters, path)
            with self.session.worker_ledger() as ledger:  # every export of persons is logged
                people = len(rosters.sheets.get(NAMES[0], []))
                record_export(ledger, "一库五册", path, people, area_code=rosters.area_code)
            return path

        export_workbook(self, self.panel, self.summary, work)

    def busy(self) -> bool:
        """True while the rosters are worked out, previewed or exported."""
        return self.panel.busy


def _cell(i: int) -> Callable[[list[object]], str]:
    """A roster row's `i`th cell as printed (blank past a short row's end)."""
    return lambda row: text(row[i]) if i < len(row) else ""
