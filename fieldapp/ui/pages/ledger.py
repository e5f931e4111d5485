"""台账 page: search-as-you-type, filters, the lazy person table and the person panel."""

from __future__ import annotations

from array import array
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.enums import Category
from fieldapp.domain.errors import MalformedRow, NotFound
from fieldapp.domain.models import Person
from fieldapp.services.changes import PERSON_RECORDS, ChangeSet, Kind
from fieldapp.services.exports import LEDGER_EXPORT, record_export
from fieldapp.store.queries import records
from fieldapp.store.queries.persons import (
    ACCOUNT_DOUBT,
    NOT_UPDATED,
    LedgerFilter,
    PersonRow,
    person_rowids,
)
from fieldapp.ui.areas import AreaCombo, AreaIndex
from fieldapp.ui.dialogs.person_editor import PersonEditor
from fieldapp.ui.dialogs.person_moves import RestoreDialog
from fieldapp.ui.errors import show_error
from fieldapp.ui.files import start_at, used
from fieldapp.ui.held_words import stored_word
from fieldapp.ui.ledger_model import PAGE, LedgerModel
from fieldapp.ui.move_offers import MoveOffers
from fieldapp.ui.operations import OperationPanel, OperationProgress
from fieldapp.ui.pages.page import Page, PageHost
from fieldapp.ui.pages.person_panel import PersonPanel
from fieldapp.ui.search_worker import SEARCH_LIMIT, SearchService
from fieldapp.ui.session import Session
from fieldapp.ui.status_words_said import statuses
from fieldapp.ui.table_model import ROW_ROLE
from fieldapp.ui.widgets import DateField, EnumCombo, plain_label, table_view, tip
from fieldapp.ui.workbooks import ask_workbook

if TYPE_CHECKING:
    from fieldapp.tabular.ledger_import import ImportReport
    from fieldapp.tabular.ledger_update import Seen

#: How long the person panel waits for typing or arrowing to pause before it follows.
PANEL_DELAY_MS = 120


class LedgerPage(Page):
    """The ledger: find anyone among 100,000 persons while typing; edit them in place."""

    updated = Signal()  # the table shows a new answer (used by tests and the benchmark)
    visit_requested = Signal(str)
    household_month_requested = Signal(str, str)
    subsidies_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.areas = AreaIndex.load(session.ledger)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(
            self.tr("查找：姓名、拼音首字母、身份证号或电话 (Ctrl+F)")
        )
        self.search_box.setClearButtonEnabled(True)
        self.area = AreaCombo(self.tr("全部区域"))
        self.area.fill(self.areas, offer=self.areas.browsable, keep=session.home_area)
        self.category = EnumCombo(Category, blank=self.tr("全部类别"))
        self.status = QComboBox()
        self.status.addItem(self.tr("全部就业状态"), "")
        for shown, stored in statuses():  # in the language shown; chosen as stored
            self.status.addItem(shown, stored)
        self.status.addItem(self.tr("本月未更新"), NOT_UPDATED)
        # Accounts Excel rounded (digits past the 15th lost): the papers print them blank.
        self.status.addItem(self.tr("账号待核实"), ACCOUNT_DOUBT)
        self.month = DateField()
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setToolTip(self.tr("就业状态所属月份"))
        self.new_button = QPushButton(self.tr("新增人员(&A)"))
        self.count_label = plain_label()  # names the file exported to
        self.count_label.setWordWrap(True)  # a failed search's sentence, not a wider window
        self.import_button = QPushButton(self.tr("导入 Excel…"))
        self.export_button = QPushButton(self.tr("导出 Excel…"))
        self.template_button = QPushButton(self.tr("导入模板…"))
        self.deleted_button = QPushButton(self.tr("已删除人员…"))
        self.ops = OperationPanel()

        top = QHBoxLayout()
        top.addWidget(self.search_box, 3)
        top.addWidget(self.area, 1)
        top.addWidget(self.category, 1)
        top.addWidget(self.status, 1)
        top.addWidget(self.month)
        top.addWidget(self.new_button)

        self.model = LedgerModel.over(session.ledger)
        self.model.area_name = self.areas.path
        self.table = table_view(stretch_last=True)
        self.table.setModel(self.model)
        # Each column at least as wide as its header, 性别 as its longer word, in the language
        # shown (in English "Fe…" for every woman, "Relation to" for "Relation to head").
        header, metrics = self.table.horizontalHeader(), self.table.fontMetrics()
        sex = max(metrics.horizontalAdvance(stored_word("persons", "sex", s)) for s in "男女")
        for column, width in enumerate((64, max(38, sex + 12), 40, 156, 200, 72, 86, 100)):
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        self.panel = PersonPanel(session)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 460])

        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.ops, 2)
        bottom.addWidget(self.deleted_button)
        bottom.addWidget(self.template_button)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.export_button)
        # Who another village offers to move into this village's households (hidden if none).
        self.offers = MoveOffers(session)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.offers)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.import_button.clicked.connect(self.import_dialog)
        self.export_button.clicked.connect(self.export_dialog)
        self.template_button.clicked.connect(self.template_dialog)
        self.ops.guard(self.import_button, self.export_button)

        self.search = SearchService(session.ledger.reader, self)
        self.search.rows.connect(self._show_hits)
        self.search.rowids.connect(self._show_rowids)
        self.search.failed.connect(self._search_failed)
        self.search_box.textChanged.connect(lambda _t: self.reload())
        self.search_box.returnPressed.connect(self._enter)
        for combo in (self.area, self.category, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.month.dateChanged.connect(self._month_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.table.activated.connect(lambda _i: self.edit_current())
        self.new_button.clicked.connect(lambda: self.new_person())
        self.panel.edit_requested.connect(self.edit_person)
        self.panel.open_person.connect(self.open_person)
        self.panel.add_member_requested.connect(lambda hid: self.new_person(household_id=hid))
        self.panel.visit_requested.connect(self.visit_requested)
        self.panel.monthly_requested.connect(self.household_month_requested)
        self.panel.subsidies_requested.connect(self.subsidies_requested)
        self.deleted_button.clicked.connect(self.show_deleted)
        session.on_change(
            self,
            (*PERSON_RECORDS, Kind.HOUSEHOLDS, Kind.AREAS, Kind.VISITS),
            self._on_ledger_changed,
        )
        self._pending_select: str | None = None
        self.setTabOrder(self.search_box, self.area)
        self.setTabOrder(self.area, self.category)
        self.setTabOrder(self.category, self.status)
        self.setTabOrder(self.status, self.month)
        self.setTabOrder(self.month, self.new_button)
        self.setTabOrder(self.new_button, self.table)
        # The window opens with the ledger's first page shown at once; the whole list (a
        # million rowids take seconds) arrives from the search thread while the user works.
        self._panel_timer = QTimer(self)
        self._panel_timer.setSingleShot(True)
        self._panel_timer.setInterval(PANEL_DELAY_MS)
        self._panel_timer.timeout.connect(self._show_current_person)
        self._shut_down = False
        self._listing = True  # the next list shown is the first page only
        self._listing_all = False  # the whole list is still on its way
        self._show_rowids(person_rowids(session.ledger, self.current_filter(), limit=PAGE))
        self.reload()

    def connect_host(self, host: PageHost) -> None:
        """Connect this page's requests to the window."""
        self.visit_requested.connect(host.record_visit)
        self.subsidies_requested.connect(host.open_subsidies)
        self.household_month_requested.connect(host.open_household_month)

    # -- queries --------------------------------------------------------------------------

    def current_filter(self) -> LedgerFilter:
        """The filter the combos describe."""
        return LedgerFilter(
            area_prefix=self.area.code(),
            category=self.category.value(),
            work_status=str(self.status.currentData() or ""),
            month=self.month.value().strftime("%Y-%m"),
        )

    def reload(self) -> None:
        """Ask the worker for the current search or filter (never blocks typing)."""
        text = self.search_box.text().strip()
        if text:
            self.search.search(text, self.area.code())
        else:
            self.search.filter(self.current_filter())

    def _month_changed(self, _month: QDate) -> None:
        if self.status.currentData():  # the month only matters to a status filter
            self.reload()

    def _show_hits(self, rows: list[PersonRow]) -> None:
        flt = self.current_filter()
        if flt.category or flt.work_status:
            # Search answers by area; category and status filters are applied on top.
            allowed = set(person_rowids(self.session.ledger, flt))
            rows = [r for r in rows if r.rowid in allowed]
        selected = self.selected_id()
        self.model.show_rows(rows)
        self.count_label.setToolTip("")
        if len(rows) >= SEARCH_LIMIT:
            self.count_label.setText(self.tr("显示前 %n 人：请多输入几个字缩小范围", "", len(rows)))
        else:
            self.count_label.setText(self.tr("找到 %n 人", "", len(rows)))
        self._restore_selection(selected)
        self.updated.emit()

    def listing(self) -> bool:
        """True while the whole list is still being worked out (the first page is shown)."""
        return self._listing_all

    def _show_rowids(self, rowids: array[int]) -> None:
        selected = self.selected_id()
        self.model.show_rowids(rowids)
        self.count_label.setToolTip("")
        self._listing_all = self._listing and len(rowids) >= PAGE
        if self._listing_all:
            self.count_label.setText(self.tr("正在列出全部人员……"))
        else:
            self.count_label.setText(self.tr("共 %n 人", "", len(rowids)))
        self._listing = False
        self._restore_selection(selected)
        self.updated.emit()

    def _search_failed(self, message: str) -> None:
        """The search or listing did not run: the list is emptied (what it showed answered an
        earlier question) and the line under it says why; Enter in the search box asks again."""
        self.model.show_rows([])
        self._listing = self._listing_all = False
        self.count_label.setText(message)
        self.count_label.setToolTip(tip(message))
        self._on_current()
        self.updated.emit()

    def _restore_selection(self, person_id: str | None) -> None:
        wanted = self._pending_select or person_id
        self._pending_select = None
        self._select_wanted(wanted)
        if self.selected_id() != person_id:
            # A search answer replaces the rows in place: the current row may stay where it
            # was while the person in it changes, so the panel is told to follow here too.
            self._on_current()

    def _select_wanted(self, wanted: str | None) -> None:
        if wanted:
            position = self.model.position_of(wanted)
            if position is not None:
                self.select_row(position)
                return
        if self.model.rowCount() and self.search_box.text().strip():
            self.select_row(0)

    def select_row(self, position: int) -> None:
        """Make a table row current and selected."""
        index = self.model.index(position, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def selected_id(self) -> str | None:
        """The id of the person in the current row."""
        row = self.table.currentIndex().data(ROW_ROLE)
        return row.id if row else None

    def _on_current(
        self, _current: QModelIndex | None = None, _previous: QModelIndex | None = None
    ) -> None:
        # The panel follows when typing or arrowing pauses: each keystroke's list paints at
        # once, and the person's records (a dozen queries) are read once, for the row kept.
        if not self._shut_down:
            self._panel_timer.start()

    def _show_current_person(self) -> None:
        if self._shut_down:  # a search answer delivered after the window closed: the ledger too
            return
        row = self.table.currentIndex().data(ROW_ROLE)
        person_id = row.id if row else None
        if person_id != (self.panel.person.id if self.panel.person else None):
            self.panel.show_person(person_id)

    def _enter(self) -> None:
        """Enter in the search box: ask a failed search again, else go to the list."""
        if self.search.failing:
            self.reload()
        else:
            self._focus_table()

    def _focus_table(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.select_row(0)

    def _on_ledger_changed(self, changes: ChangeSet) -> None:
        if Kind.AREAS in changes:
            self.areas = AreaIndex.load(self.session.ledger)
            self.model.area_name = self.areas.path
            self.area.fill(self.areas, offer=self.areas.browsable)
        self.panel.refresh()
        self.reload()

    # -- actions --------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search box with its text selected."""
        self.search_box.setFocus()
        self.search_box.selectAll()

    def open_person(self, person_id: str) -> None:
        """Show a person: list them (by searching their ID number) and select them."""
        try:
            person = records.get(self.session.ledger, Person, person_id)
        except NotFound:
            return
        except MalformedRow:
            self.panel.show_person(person_id)  # which says why it cannot be shown
            return
        self._pending_select = person.id
        self.search_box.setText(person.id_number)
        self.panel.show_person(person.id)

    def show_deleted(self) -> RestoreDialog:
        """The deleted persons of the chosen area; one can be brought back, saying why."""
        dialog = RestoreDialog(self.session, self.area.code(), self.areas, self)
        self.restore_dialog = dialog

        def restored() -> None:
            if dialog.restored:
                self.open_person(dialog.restored)

        dialog.accepted.connect(restored)
        dialog.open()
        return dialog

    def edit_current(self) -> None:
        """Edit the person in the current row."""
        person_id = self.selected_id()
        if person_id:
            self.edit_person(person_id)

    def edit_person(self, person_id: str) -> PersonEditor | None:
        """Open the editor for a person; returns the dialog after it closes."""
        unreadable: dict[str, str] = {}
        try:
            person = records.get(self.session.ledger, Person, person_id)
        except NotFound:
            return None
        except MalformedRow:
            # Its stored row unreadable (an older program's): the panel says which field; the
            # editor opens with that field marked, to be chosen before it saves.
            self.panel.show_person(person_id)
            try:
                person, unreadable = records.person_for_repair(self.session.ledger, person_id)
            except (MalformedRow, NotFound):
                return None
        editor = PersonEditor(self.session, person, parent=self, unreadable=unreadable)
        return self._run_editor(editor)

    def new_person(self, household_id: str | None = None) -> PersonEditor:
        """Open the editor for a new person (in a household, or a new one)."""
        editor = PersonEditor(
            self.session, household_id=household_id, area_code=self.area.code(), parent=self
        )
        return self._run_editor(editor)

    def _run_editor(self, editor: PersonEditor) -> PersonEditor:
        editor.open_existing.connect(self.open_person)
        editor.saved.connect(self.open_person)
        self.editor = editor
        editor.open()
        return editor

    # -- spreadsheets -----------------------------------------------------------------------

    def import_dialog(self) -> None:
        """Choose a 台账 spreadsheet and import it."""
        path, _f = QFileDialog.getOpenFileName(
            self,
            self.tr("导入台账表格"),
            start_at(),
            self.tr("表格文件 (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.tsv *.txt);;所有文件 (*)"),
        )
        used(path)
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path, words: dict[str, str] | None = None) -> None:
        """Preview the import off the GUI thread (its dry run); 确认导入 then imports.
        `words`: the status words chosen in an earlier preview of the file."""
        # Spreadsheet code loads when first used: the window opens without it.
        from fieldapp.tabular.ledger_import import import_ledger

        def work(progress: OperationProgress) -> ImportReport:
            with self.session.worker_ledger() as ledger:
                return import_ledger(
                    ledger,
                    path,
                    progress.step,
                    progress.is_cancelled,
                    update=True,
                    dry_run=True,
                    words=words,
                )

        self.ops.run(
            self.tr("正在读取表格，生成预览……"),
            work,
            lambda report: self._preview(path, report, words),
            lambda e: show_error(self, e),
        )

    def _preview(
        self, path: Path, report: ImportReport, words: dict[str, str] | None = None
    ) -> None:
        from fieldapp.ui.dialogs.import_preview import ImportPreviewDialog

        dialog = ImportPreviewDialog(report, self, words, file_name=path.name)
        self.preview = dialog

        def again() -> None:  # 按所选重新预览: the file previewed anew with the words chosen
            chosen = dialog.chosen_words()
            dialog.reject()
            self.import_file(path, chosen)

        dialog.again_asked.connect(again)
        dialog.accepted.connect(
            lambda: self._confirmed(
                path, dialog.decisions(), dialog.chosen_words(), report.file_digest
            )
        )
        dialog.open()

    def _confirmed(
        self,
        path: Path,
        take_sheet: dict[str, Seen],
        words: dict[str, str] | None = None,
        previewed: str | None = None,
    ) -> None:
        """Import for real, with the conflicts decided in the preview and the status words
        the user said the meaning of; the file as previewed (`previewed`, its digest), else
        refused: a file saved again since would write what the preview never showed."""
        from fieldapp.tabular.ledger_import import import_ledger

        def work(progress: OperationProgress) -> ImportReport:
            with self.session.worker_ledger() as ledger:
                return import_ledger(
                    ledger,
                    path,
                    progress.step,
                    progress.is_cancelled,
                    update=True,
                    take_sheet=take_sheet,
                    words=words,
                    previewed=previewed,
                )

        self.ops.run(self.tr("正在导入……"), work, self._imported, lambda e: show_error(self, e))

    def _imported(self, report: ImportReport) -> None:
        self.last_import = report
        self.session.apply(report.written)
        from fieldapp.ui.dialogs.import_report import ImportReportDialog

        dialog = ImportReportDialog(report, self, self.session.ledger)
        dialog.open()

    def export_dialog(self) -> None:
        """Ask for a file and export the persons of the chosen area."""
        path, _f = QFileDialog.getSaveFileName(
            self,
            self.tr("导出台账（含个人信息，请妥善保管）"),
            start_at(self.tr("劳动力台账.xlsx")),
            self.tr("Excel 文件 (*.xlsx)"),
        )
        used(path)
        if path:
            self.export_file(
                Path(path if path.lower().endswith((".xlsx", ".csv")) else path + ".xlsx")
            )

    def export_file(self, path: Path) -> None:
        """Export off the GUI thread (the same columns the import reads)."""
        from fieldapp.tabular.ledger_export import export_ledger

        area = self.area.code() or None

        def work(progress: OperationProgress) -> int:
            with self.session.worker_ledger() as ledger:
                count = export_ledger(
                    ledger, path, progress.step, progress.is_cancelled, area_prefix=area
                )
                record_export(ledger, LEDGER_EXPORT, path, count, area_code=area)
                return count

        self.ops.run(
            self.tr("正在导出……"),
            work,
            lambda n: self._exported(n, path),
            lambda e: show_error(self, e),
        )

    def _exported(self, count: int, path: Path) -> None:
        """The line under the list: how many were exported, to which file — by its name (its
        whole path, a long one under the user's profile or on a stick, cut the line off), the
        whole path in the line's tooltip until the list says its own line again."""
        self.count_label.setText(
            self.tr("已导出 %1 人 → ").replace("%1", str(count))
            + path.name
            + self.tr("（含个人信息，请妥善保管）")
        )
        self.count_label.setToolTip(tip(str(path)))

    def template_dialog(self) -> None:
        """Save the empty import template."""
        path = ask_workbook(self, self.tr("保存导入模板"), self.tr("台账导入模板.xlsx"))
        if path is not None:
            from fieldapp.tabular.template import write_template

            try:
                write_template(path)
            except Exception as error:  # noqa: BLE001 - shown in Chinese
                show_error(self, error)

    def busy(self) -> bool:
        """True while an import or export runs."""
        return self.ops.busy

    def has_unsaved(self) -> bool:
        """True while an editor with typed changes is open."""
        editor = getattr(self, "editor", None)
        return bool(editor and editor.isVisible() and editor.is_dirty())

    def discard_unsaved(self) -> None:
        """Close an open editor without saving or asking."""
        editor = getattr(self, "editor", None)
        if editor is not None and editor.isVisible():
            editor.discard()

    def shutdown(self) -> None:
        """Stop the search thread and the panel's pending follow (the ledger may close next)."""
        self._shut_down = True
        self._panel_timer.stop()
        self.search.stop()
