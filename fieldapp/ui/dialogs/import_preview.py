"""The preview of a spreadsheet import: every change per person, every conflict to decide.

The preview is the import's dry run (done off the GUI thread, rolled back): what it lists is
exactly what 确认导入 will write. A conflict is a cell the ledger changed after the sheet's
date; it stays as the ledger has it unless its box 用表格的值 is ticked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.sentences import fill
from fieldapp.store.queries.history import TABLE_LABELS
from fieldapp.tabular.ledger_import import ImportReport
from fieldapp.tabular.ledger_update import CellChange, RowPlan, Seen
from fieldapp.tabular.ledger_update import shown as shown_as_stored
from fieldapp.ui.dialogs.import_report import (
    date_refused_line,
    reason_shown,
    sheet_date_line,
    words_said_lines,
)
from fieldapp.ui.errors import show_error
from fieldapp.ui.held_words import field_word, filled, part_shown, table_word, word_shown
from fieldapp.ui.status_words_said import statuses
from fieldapp.ui.widgets import ask_yes_no, fit_to_screen, plain_label, tip

WIDEST = 320  # px: a column's widest, so a dialog at 1366×768 shows every column of a row
LONG = 12  # characters: a text longer may not fit its column; its tooltip holds it whole
WRAPS = 20  # characters: a shorter text is narrower than WIDEST, so its row never grows
#: Rows measured from the first on screen: more than a 1366×768 dialog shows at once.
FIT_AHEAD = 80
#: A new record's links to other rows, never said (as `RowPlan.describe_insert` leaves them).
_LINKS = frozenset(("id", "person_id", "household_id", "visit_id", "spell_id"))


def _table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if len(text) > LONG:  # a reason or change cut at the column's edge reads in full
                item.setToolTip(tip(text))
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    # A long note or reason was one line: in the last column cut at the dialog's edge with "…",
    # in another column (a conflict's values) as wide as the whole text, pushing the columns
    # after it off the dialog. A column is now at most WIDEST wide and a long text wraps onto
    # more lines of a taller row. Only such rows are measured, and only those on screen and
    # just below (a preview may have tens of thousands: measuring 20,000 long rows took 1.5 s
    # at every resize of the dialog); scrolling measures the rows it brings in.
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)
    for c in range(table.columnCount()):
        table.setColumnWidth(c, min(table.columnWidth(c), WIDEST))
    # Whether a row is long is read from the row where it is now: sorted by a column (the
    # conflicts by 项目), the rows measured were those at the long rows' places before the
    # sort, and a long row sorted into view from further down stayed one line, cut. (A row
    # measured keeps its height where the sort moves it.)
    some_long = any(len(text) > WRAPS for row in rows for text in row)

    def is_long(r: int) -> bool:
        return any(
            (item := table.item(r, c)) is not None and len(item.text()) > WRAPS
            for c in range(table.columnCount())
        )

    def fit_rows() -> None:  # again when a column's width changes, the table scrolls or sorts
        if not some_long:
            return
        top = max(table.rowAt(0), 0)
        for r in range(top, min(top + FIT_AHEAD, table.rowCount())):
            if is_long(r):
                table.resizeRowToContents(r)

    fit_rows()
    later = QTimer(table, singleShot=True, interval=0)  # once, after a burst of resizes
    later.timeout.connect(fit_rows)
    table.horizontalHeader().sectionResized.connect(lambda *_: later.start())
    table.verticalScrollBar().valueChanged.connect(lambda *_: later.start())
    table.horizontalHeader().sortIndicatorChanged.connect(lambda *_: later.start())
    return table


class ImportPreviewDialog(QDialog):
    """Summary, then tabs: changes, conflicts (with a choice each), refused rows, mapped words,
    warnings; 确认导入 / 取消."""

    #: 按所选重新预览: the preview asked again with the words chosen (`chosen_words`).
    again_asked = Signal()

    def __init__(
        self,
        report: ImportReport,
        parent: QWidget | None = None,
        words: dict[str, str] | None = None,
        file_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.report = report
        self.said = dict(words or {})  # the words chosen before this preview, read in it
        self.setWindowTitle(self.tr("导入预览"))
        fit_to_screen(self, 960, 600)
        summary = filled(
            self.tr(
                "将新增 %1 人（其他记录 %2 条），更新 %3 行，%4 行无变化；%5 行不能导入；%6 处冲突。"
            ),
            *(
                str(value)
                for value in (
                    report.persons_imported,
                    report.imported - report.persons_imported,
                    report.updated,
                    report.unchanged,
                    len(report.rejected),
                    len(report.conflicts),
                )
            ),
        )
        if report.sheet_date:
            summary += "\n" + sheet_date_line(report)
        if report.date_not_believed:
            summary += "\n" + date_refused_line(report)
        if report.unknown_columns:
            summary += (
                "\n"
                + self.tr("未识别的列（不导入）：")
                + self.tr("、").join(part_shown(c) for c in report.unknown_columns)
            )
        if report.unknown_words:
            summary += "\n" + self.tr(
                "就业状态中有 %1 个用词台账不认识：请在“就业状态用词”页逐个选择读作什么，"
                "整次导入都按所选读取，并写入导入结果；不选的，这些格所在的行不导入。"
            ).replace("%1", str(len(report.unknown_words)))
        summary += "".join("\n" + line for line in words_said_lines(report))
        self.summary = plain_label(summary)
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.changes = _table(
            [
                self.tr("工作表"),
                self.tr("行号"),
                self.tr("姓名"),
                self.tr("身份证号码"),
                self.tr("改动"),
            ],
            [
                [p.sheet, str(p.row), p.name, p.id_number, line]
                for p in report.changes
                for line in self._lines(p)
            ],
        )
        self.conflicts = _table(
            [
                self.tr("用表格的值"),
                self.tr("工作表"),
                self.tr("行号"),
                self.tr("姓名"),
                self.tr("项目"),
                self.tr("台账中的值"),
                self.tr("表格中的值"),
                self.tr("台账何时被谁修改"),
            ],
            [
                [
                    "",
                    c["sheet"],
                    str(c["row"]),
                    c["name"],
                    self._label(x.change.table, x.change.field),  # in the window's words
                    *self._values(x.change),
                    f"{c['edited_at']} {c['edited_by']}",
                ]
                for x in report.conflicts
                for c in (x.as_dict(),)
            ],
        )
        for r in range(self.conflicts.rowCount()):
            box = QTableWidgetItem(self.tr("用表格的值"))
            box.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
            )
            box.setCheckState(Qt.CheckState.Unchecked)
            box.setData(Qt.ItemDataRole.UserRole, r)  # its conflict, whatever the sort
            self.conflicts.setItem(r, 0, box)
        # Many decided at once: rows selected (Shift, Ctrl, Ctrl+A; sorted by 项目 a column's
        # conflicts are one block), then one side's value kept for all of them.
        self.conflicts.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.conflicts.setSelectionMode(QTableWidget.SelectionMode.ExtendedSelection)
        self.conflicts.setSortingEnabled(True)
        self.conflicts.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the sheet's order
        self.file_name = file_name
        self.take_selected = QPushButton(self.tr("选中的都用表格中的值"))
        self.keep_selected = QPushButton(self.tr("选中的都保留台账原来的值"))
        self.select_all = QPushButton(self.tr("全部选中"))
        self.take_selected.clicked.connect(lambda: self.decide_selected(take=True))
        self.keep_selected.clicked.connect(lambda: self.decide_selected(take=False))
        self.select_all.clicked.connect(self.conflicts.selectAll)
        conflicts_page = QWidget()
        conflicts_layout = QVBoxLayout(conflicts_page)
        conflicts_layout.setContentsMargins(0, 0, 0, 0)
        conflicts_layout.addWidget(self.conflicts, 1)
        bulk = QHBoxLayout()
        bulk.addWidget(self.select_all)
        bulk.addStretch(1)
        bulk.addWidget(self.take_selected)
        bulk.addWidget(self.keep_selected)
        conflicts_layout.addLayout(bulk)
        self.conflicts_page = conflicts_page
        self.rejected_rows = _table(
            [self.tr("工作表"), self.tr("行号"), self.tr("原因")],
            [[p.sheet, str(p.row), reason_shown(p)] for p in report.rejected],
        )
        self.mapped = _table(
            [
                self.tr("工作表"),
                self.tr("行号"),
                self.tr("列"),
                self.tr("表格中写的"),
                self.tr("读作"),
            ],
            [[m.sheet, str(m.row), m.column, m.before, m.after] for m in report.mapped],
        )
        self.warnings = _table(
            [self.tr("工作表"), self.tr("行号"), self.tr("提示")],
            [[p.sheet, str(p.row), reason_shown(p)] for p in report.warnings],
        )
        self.words = self._words_table(report)
        for table, title, count in (
            (self.changes, self.tr("改动"), self.changes.rowCount()),
            (conflicts_page, self.tr("冲突"), len(report.conflicts)),
            (self.rejected_rows, self.tr("不能导入的行"), len(report.rejected)),
            (self.mapped, self.tr("按常用说法换算"), len(report.mapped)),
            (self.warnings, self.tr("提示"), len(report.warnings)),
        ):
            self.tabs.addTab(table, f"{title} ({count})")
        listed = len(report.unknown_words) + len(self.county_meanings)
        if listed:
            self.tabs.addTab(self.words, f"{self.tr('就业状态用词')} ({listed})")
        if report.conflicts:
            self.tabs.setCurrentWidget(conflicts_page)
        elif report.unknown_words:
            self.tabs.setCurrentWidget(self.words)
        buttons = QDialogButtonBox()
        self.confirm = buttons.addButton(
            self.tr("确认导入"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel = buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        if listed:
            again = buttons.addButton(
                self.tr("按所选重新预览"), QDialogButtonBox.ButtonRole.ActionRole
            )
            again.clicked.connect(self.again_asked.emit)
            self.again = again
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        nothing = not (report.imported or report.updated)
        self.confirm.setEnabled(not nothing or bool(report.conflicts) or bool(report.unknown_words))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def _lines(self, plan: RowPlan) -> list[str]:
        """A row's changes (联系电话：… → …) and new records (新增人员类别：…) in the language
        shown: the program's words in it, the values as the sheet and the ledger have them (a
        form's word, 脱贫人口, in the language shown too)."""
        lines = [
            self._label(c.table, c.field) + self.tr("：") + " → ".join(self._values(c))
            for c in plan.changes
            if c.conflict is None
        ]
        for table, row in plan.new_rows():
            parts = [
                f"{field_word(k, table)} {self._value(v)}"
                for k, v in row.items()
                if k not in _LINKS and v not in (None, "", False)
            ]
            what = table_word(TABLE_LABELS.get(table, table))
            lines.append(self.tr("新增%1：").replace("%1", what) + self.tr("，").join(parts))
        return lines

    def _label(self, table: str, field: str) -> str:
        """A changed cell's name (联系电话; 就业经历：月收入 for a person's other records)."""
        if table == "persons":
            return field_word(field, table)
        return table_word(TABLE_LABELS.get(table, table)) + self.tr("：") + field_word(field, table)

    def _values(self, change: CellChange) -> tuple[str, str]:
        """A change's ledger's and sheet's values as the preview shows them: a household's area
        by its places' names (`CellChange.words`: 七星关区 碧阳街道 大坝村, not its code)."""
        if change.words is not None:
            return change.words
        return self._value(change.old), self._value(change.new)

    def _value(self, value: object) -> str:
        """A value as the preview shows it (`ledger_update.shown`), its empty, yes and no and a
        form's word in the language shown."""
        if value is None or value == "":
            return self.tr("（空）")
        if isinstance(value, bool):
            return self.tr("是") if value else self.tr("否")
        if isinstance(value, str):
            return word_shown(value)
        return shown_as_stored(value)

    def _words_table(self, report: ImportReport) -> QTableWidget:
        """The status words no list knows: each with its column, cells and rows, and a box
        to choose what it means (nothing chosen: its rows are not imported); then the words
        the county's list read, each with its meaning chosen, for the user to say otherwise."""
        words = list(report.unknown_words.values())
        county = [w for w in report.words_said if w.county]
        #: The county's words this preview read, and what the county's list says they mean.
        self.county_meanings = {w.word: w.meaning for w in county}
        several = len(report.sheets) > 1
        joined = self.tr("、")  # the places listed in the window's language
        table = _table(
            [
                self.tr("表格中写的"),
                self.tr("列"),
                self.tr("格数"),
                self.tr("在哪里（前几处）"),
                self.tr("读作"),
            ],
            [
                [
                    w.word,
                    w.column,
                    str(w.cells),
                    joined.join(
                        (f"{sheet} " if several else "")
                        + self.tr("第 %1 行").replace("%1", str(row))
                        for sheet, row in w.places
                    ),
                    "",
                ]
                for w in words
            ]
            + [
                [
                    w.word,
                    self.tr("就业状态"),
                    str(w.cells),
                    self.tr("按县里的用词表（%1）").replace("%1", w.county),
                    "",
                ]
                for w in county
            ],
        )
        self.word_choices: dict[str, QComboBox] = {}
        for r, word in enumerate([*(w.word for w in words), *(w.word for w in county)]):
            box = QComboBox()
            if word not in self.county_meanings:
                box.addItem(self.tr("（不选：这些行不导入）"), "")
            for shown, stored in statuses():  # in the language shown; chosen as stored
                box.addItem(shown, stored)
            if word in self.county_meanings:
                box.setCurrentIndex(box.findData(self.county_meanings[word]))
            table.setCellWidget(r, 4, box)
            self.word_choices[word] = box
        table.setColumnWidth(4, max(table.columnWidth(4), 200))
        return table

    def chosen_words(self) -> dict[str, str]:
        """What the user chose each status word to mean, in this preview or before it (those
        left unchosen, and the county's words left as its list says, are not in it)."""
        return self.said | {
            word: str(box.currentData())
            for word, box in self.word_choices.items()
            if box.currentData() and box.currentData() != self.county_meanings.get(word)
        }

    def _boxes(self) -> list[tuple[int, QTableWidgetItem]]:
        """Each conflict's box with its conflict's index (rows may be sorted otherwise)."""
        found = []
        for r in range(self.conflicts.rowCount()):
            item = self.conflicts.item(r, 0)
            if item is not None:
                found.append((int(item.data(Qt.ItemDataRole.UserRole)), item))
        return found

    def decisions(self) -> dict[str, Seen]:
        """The conflicts the user decided for the sheet's value: each one's key, with the
        ledger edit and the sheet value it was decided on (`Conflict.seen`): the import keeps
        a cell the ledger changed again meanwhile, or one the file now says otherwise, and
        counts it."""
        conflicts = self.report.conflicts
        return {
            conflicts[i].change.key: conflicts[i].seen
            for i, item in self._boxes()
            if item.checkState() == Qt.CheckState.Checked
        }

    def take_sheet(self) -> set[str]:
        """The conflicts the user decided for the sheet's value (their keys)."""
        return set(self.decisions())

    def whose_sheet(self) -> str:
        """The sheet's side, in the user's words: 表格“村里.csv”中的值 (or 表格中的值)."""
        if self.file_name:
            return self.tr("表格“%1”中的值").replace("%1", self.file_name)
        return self.tr("表格里的值")

    def decide_selected(self, *, take: bool) -> int:
        """Tick (`take`: the sheet's value) or untick (the ledger's, as it has it) every
        selected conflict's box; taking more than one is asked first, naming how many and
        whose value. Returns how many boxes it set (0: nothing selected, or not confirmed)."""
        rows = sorted({index.row() for index in self.conflicts.selectionModel().selectedRows()})
        if not rows:
            show_error(self, self.tr("请先在列表中选中要处理的冲突（可按住 Shift 或 Ctrl 多选）"))
            return 0
        if take and len(rows) > 1:
            # Dated: each conflicting cell was changed in the ledger after the sheet's date.
            # Undated (or its date not believed): nothing says which side is later — every
            # cell that differs is a conflict, and taking the sheet's replaces what is there.
            asked = (
                self.tr("选中的 %1 处冲突，都改用%2（覆盖台账里后来改过的值）？")
                if self.report.sheet_date
                else self.tr(
                    "选中的 %1 处冲突，都改用%2（覆盖台账现有的值；表格没有可信的日期，"
                    "不知道哪边是后来改的）？"
                )
            )
            question = fill(asked, (str(len(rows)), self.whose_sheet()))
            if not ask_yes_no(self, self.tr("冲突"), question):
                return 0
        state = Qt.CheckState.Checked if take else Qt.CheckState.Unchecked
        for r in rows:
            item = self.conflicts.item(r, 0)
            if item is not None:
                item.setCheckState(state)
        return len(rows)
