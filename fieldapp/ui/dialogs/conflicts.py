"""Conflict review: a field's competing values side by side with who and when; resolve one, or
many at once keeping the same side's value for each.

Beside the sync conflicts, those a spreadsheet update left undecided (来自表格“文件名”,
`services.sheet_conflicts`): the sheet's value and the ledger's, decided with the same buttons —
the sheet's value refused when the ledger's cell changed since the import."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.conflict_numbers import matches, short_numbers, typed
from fieldapp.domain.dates import china_minute
from fieldapp.domain.errors import NotFound
from fieldapp.domain.progress import CancelCheck, Progress
from fieldapp.domain.sentences import fill
from fieldapp.services.changes import ChangeSet, Kind, of_log
from fieldapp.services.incarnation import own_origins
from fieldapp.services.ledgers import Ledger
from fieldapp.services.sheet_conflicts import (
    ChangedSince,
    SheetConflict,
    SheetDecided,
    SheetSide,
    decide_many,
    list_open,
)
from fieldapp.services.sheet_conflicts import decided as decide_sheet
from fieldapp.store.queries.history import TABLE_LABELS
from fieldapp.store.queries.sync import device_names
from fieldapp.sync.conflicts import (
    Conflict,
    ManyResolved,
    Side,
    ValuesSaid,
    conflict_id,
    is_link,
    list_conflicts,
    resolve,
    resolve_many,
)
from fieldapp.ui.errors import message_for, show_error
from fieldapp.ui.held_words import field_word, sentence_shown, table_word
from fieldapp.ui.operations import run_modal_stoppable
from fieldapp.ui.session import ReadWhenChanged, Session
from fieldapp.ui.table_model import ROW_ROLE, Column, RowsModel
from fieldapp.ui.widgets import ask_yes_no, plain_label, table_view

#: More conflicts than this are resolved off the GUI thread, with progress and 取消: each is
#: its own transaction (as a single resolution is), some 2.5 ms on a 2,000-person ledger —
#: 200 took 0.6 s, 2,000 about 5 s.
MANY_ON_THREAD = 200


#: A row of the list: a sync conflict, or one a spreadsheet update left undecided.
Listed = Conflict | SheetConflict

#: The sides of a sync conflict (`Side`) and of a sheet's (`SheetSide`) the bulk choice offers.
SYNC_SIDES = {s.value for s in Side}


class ConflictReview(QWidget):
    """The open conflicts, and for the selected one every value with author, time and device."""

    resolved = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        # Read again on the next showing when stale (`refresh_if_changed`): any kind of write
        # may change what is listed (a ledger value shown beside a sheet's, a device's name).
        self._reads = ReadWhenChanged(session, self)
        # Every open conflict as read; the list shows those the filter box keeps.
        self._all: list[Listed] = []
        # Each conflict's 编号 as the command line says and takes it (`conflicts`, `conflicts
        # resolve`): a clerk told "冲突 b2e7" finds it here by that number.
        self._numbers: dict[str, str] = {}
        # Every value as a coordinator reads it (never a row's id), the rows their links name
        # read once for the whole list at each reading (`refresh`).
        self._said = ValuesSaid(session.ledger, [])
        self.model = RowsModel[Listed](
            [
                Column(self.tr("编号"), lambda c: self._numbers.get(c.conflict_id, "")),
                Column(
                    self.tr("对象"),
                    lambda c: c.name if isinstance(c, SheetConflict) else c.subject,
                ),
                # The program's words in the language shown, as the held changes' lines
                # say them (上级区域, 户籍地); the record's name (对象) as typed.
                Column(
                    self.tr("内容"),
                    lambda c: (
                        table_word(TABLE_LABELS.get(c.table, c.table))
                        if isinstance(c, SheetConflict)
                        else table_word(c.table_label)
                    ),
                ),
                Column(self.tr("字段"), lambda c: field_word(c.field, c.table)),
                Column(self.tr("不同的值"), self._values),
                # 别的设备 (a sync), or 表格“村里.xlsx” (an update's conflict left undecided).
                Column(self.tr("来自"), self._source),
            ]
        )
        self.view = table_view()
        self.view.setModel(self.model)
        # No row numbers down the side: beside the 编号 column a clerk read 1, 2, 3 as the
        # numbers to type (`conflicts resolve` takes the 编号, never a row's place).
        self.view.verticalHeader().setVisible(False)
        self.view.setColumnWidth(0, 70)
        self.view.setColumnWidth(1, 120)
        self.view.setColumnWidth(2, 100)
        self.view.setColumnWidth(3, 120)
        self.view.setColumnWidth(4, 280)  # the values, before 来自 (the last, stretched)
        # A number (its start is enough) or a name: the list keeps the conflicts it names.
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("按编号或姓名查找"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setMinimumWidth(180)
        self.filter.textChanged.connect(lambda _text: self._show_filtered())
        self.detail = QGroupBox(self.tr("选择要保留的值"))
        self.grid = QGridLayout(self.detail)
        self.choices = QButtonGroup(self)
        self.new_value = QLineEdit()
        self.new_value.setPlaceholderText(self.tr("或输入一个新值"))
        self.resolve_button = QPushButton(self.tr("解决冲突"))
        self.resolve_button.clicked.connect(self.resolve_selected)
        row = QHBoxLayout()
        row.addWidget(self.new_value, 1)
        row.addWidget(self.resolve_button)
        self.summary = QLabel()
        # Many at once: rows selected (Shift, Ctrl, Ctrl+A), one side's value kept for each.
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.side = QComboBox()
        for text, side in (
            (self.tr("现在显示的值"), Side.SHOWN),
            (self.tr("本机改的值"), Side.HERE),
            (self.tr("别的设备改的值"), Side.OTHER),
            (self.tr("表格中的值"), SheetSide.SHEET),
            (self.tr("台账中的值"), SheetSide.LEDGER),
        ):
            self.side.addItem(text, side.value)
        self.resolve_many_button = QPushButton(self.tr("选中的冲突一并处理"))
        self.resolve_many_button.clicked.connect(self.resolve_many_selected)
        many = QHBoxLayout()
        many.addWidget(QLabel(self.tr("选中的每处都保留：")))
        many.addWidget(self.side)
        many.addWidget(self.resolve_many_button)
        many.addStretch(1)
        self.outcome = plain_label()  # what the last bulk resolution did (names, files)
        self.outcome.setWordWrap(True)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.filter)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(many)
        layout.addWidget(self.outcome)
        layout.addWidget(self.detail)
        layout.addLayout(row)
        self.view.selectionModel().currentRowChanged.connect(
            lambda c, _p: self._show(c.data(ROW_ROLE))
        )
        self.refresh()

    def _source(self, conflict: Listed) -> str:
        """Where a conflict came from: another device (a sync), or a spreadsheet by its name."""
        if isinstance(conflict, SheetConflict):
            return self.tr("表格“%1”").replace("%1", conflict.file)
        return self.tr("别的设备")

    @staticmethod
    def _values_of(conflict: Listed) -> list[object]:
        """The differing values, the sheet's before the ledger's for a sheet's conflict."""
        if isinstance(conflict, SheetConflict):
            return [conflict.sheet_value, conflict.ledger_value]
        return [v.value for v in conflict.values]

    def _values(self, conflict: Listed) -> str:
        """The differing values as read (`show_value`), one after another."""
        return " / ".join(self.show_value(conflict, v) for v in self._values_of(conflict))

    def show_value(self, conflict: Listed, value: object) -> str:
        """A conflicting value as a coordinator reads it (`value_said`: never a row's id)."""
        return self._said(conflict.table, conflict.field, value)

    def refresh_if_changed(self) -> None:
        """Reload only when something may have changed the conflicts since the last reading:
        a write told by this program (a sync, an import, a decision, an edit) or a commit by
        another connection (a worker's, another program's) — reading them all again is slow
        on a large ledger (0.6 s at 50,000), and the page is shown often. A ledger that cannot
        tell (PostgreSQL: no version) is read again every time."""
        if self._reads.stale():
            self.refresh()

    def refresh(self) -> None:
        """Reload the open conflicts: the sync's, then those the spreadsheet updates left."""
        ledger = self.session.ledger
        self._reads.reading()
        self._all = [*list_conflicts(ledger), *list_open(ledger)]
        self._said = ValuesSaid(
            ledger,
            [(c.field, v) for c in self._all for v in self._values_of(c)],
        )
        self._numbers = short_numbers(c.conflict_id for c in self._all)
        self._show_filtered()

    def kept_by_filter(self, conflict: Listed) -> bool:
        """True when the filter box keeps `conflict`: empty, a start of its 编号 (as the
        command line says it, or longer), or a part of the name of whom it is about."""
        wanted = typed(self.filter.text())
        if not wanted:
            return True
        name = conflict.name if isinstance(conflict, SheetConflict) else conflict.subject
        return matches(conflict.conflict_id, wanted) or wanted in name.lower()

    def _show_filtered(self) -> None:
        """Show the conflicts the filter box keeps, the first selected; the count says how
        many are open, and how many of them are shown when the filter hides some."""
        conflicts = [c for c in self._all if self.kept_by_filter(c)]
        self.model.set_rows(conflicts)
        summary = self.tr("待处理冲突 %n 处", "", len(self._all))
        if len(conflicts) != len(self._all):
            summary += self.tr("，符合查找的 %n 处", "", len(conflicts))
        self.summary.setText(summary)
        if conflicts:
            self.view.selectRow(0)
            self._show(conflicts[0])
        else:
            self._show(None)

    def _show(self, conflict: Listed | None) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget:
                widget.deleteLater()
        for button in self.choices.buttons():
            self.choices.removeButton(button)
        self.resolve_button.setEnabled(conflict is not None)
        # A link to another row (a person's household…) or an area is chosen among the values:
        # a typed text would be stored as the link.
        typed = (
            conflict is not None
            and not isinstance(conflict, SheetConflict)
            and not is_link(conflict.table, conflict.field)
        )
        self.new_value.setEnabled(typed)
        self.new_value.setPlaceholderText(
            self.tr("或输入一个新值")
            if typed or conflict is None
            else self.tr("只能在上面的值中选择")
        )
        if conflict is None:
            return
        headers = (self.tr("值"), self.tr("修改人"), self.tr("时间"), self.tr("设备"))
        # Devices by the names people know them by (this one's own name included), never an id.
        names = device_names(self.session.ledger)
        own = own_origins(self.session.ledger)  # a restored ledger's earlier ids are its own
        for column, text in enumerate(headers):
            self.grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        if isinstance(conflict, SheetConflict):
            self._show_sheets(conflict)
            return
        for row, value in enumerate(conflict.values, start=1):
            button = QRadioButton(self.show_value(conflict, value.value))
            button.setProperty("value_id", value.value_id)
            button.setChecked(value.shown)
            self.choices.addButton(button)
            self.grid.addWidget(button, row, 0)
            self.grid.addWidget(plain_label(value.author), row, 1)
            # China time, as every other time the program shows (a laptop or a county
            # server kept in UTC said 22:13 for 06:13 the next morning).
            self.grid.addWidget(QLabel(china_minute(value.at)), row, 2)
            known = names.get(value.device_id) or (
                value.device if value.device and value.device != value.device_id else ""
            )
            if not known:
                known = (
                    self.tr("本机") if value.device_id in own else self.tr("另一台设备（名称未知）")
                )
            self.grid.addWidget(plain_label(known), row, 3)

    def _show_sheets(self, conflict: SheetConflict) -> None:
        """A sheet's conflict: the sheet's value (who imported it, when, from which file) and
        the ledger's (who changed it, when), the ledger's chosen as it is shown."""
        for row, (side, value, who, at, where) in enumerate(
            (
                (
                    SheetSide.SHEET,
                    conflict.sheet_value,
                    conflict.imported_by,
                    conflict.imported_at,
                    self.tr("表格“%1”（导入）").replace("%1", conflict.file),
                ),
                (
                    SheetSide.LEDGER,
                    conflict.ledger_value,
                    conflict.edited_by,
                    conflict.edited_at,
                    self.tr("台账"),
                ),
            ),
            start=1,
        ):
            button = QRadioButton(self.show_value(conflict, value))
            button.setProperty("value_id", side.value)
            button.setChecked(side is SheetSide.LEDGER)
            self.choices.addButton(button)
            self.grid.addWidget(button, row, 0)
            self.grid.addWidget(plain_label(who), row, 1)
            self.grid.addWidget(QLabel(china_minute(at)), row, 2)
            self.grid.addWidget(plain_label(where), row, 3)

    def selected(self) -> Listed | None:
        """The conflict in the current row."""
        row: Listed | None = self.view.currentIndex().data(ROW_ROLE)
        return row

    def choose(self, index: int) -> None:
        """Tick the value at `index` (0 = first shown)."""
        self.choices.buttons()[index].setChecked(True)

    def chosen(self) -> list[Listed]:
        """The conflicts of the selected rows, in the list's order."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.model.rows[r] for r in rows]

    def resolve_many_selected(self) -> ManyResolved | None:
        """Resolve every selected conflict keeping the chosen side's value, asked once naming
        how many; each written as a single resolution is (`resolve_many`), off the GUI thread
        with progress and 取消 when there are many. Says how many were done, changed meanwhile
        (skipped) and had no such value (left)."""
        conflicts = self.chosen()
        if not conflicts:
            show_error(self, self.tr("请先在列表中选中要处理的冲突（可按住 Shift 或 Ctrl 多选）"))
            return None
        chosen = str(self.side.currentData())
        # A sync side for the sync conflicts; a sheet's side for the sheets' (现在显示的值 is
        # the ledger's there); a conflict with no such value is left and said.
        side = Side(chosen) if chosen in SYNC_SIDES else None
        sheet_side = (
            (SheetSide.LEDGER if chosen == Side.SHOWN.value else None)
            if side is not None
            else SheetSide(chosen)
        )
        syncs = [c for c in conflicts if isinstance(c, Conflict)] if side is not None else []
        sheets = (
            [c for c in conflicts if isinstance(c, SheetConflict)] if sheet_side is not None else []
        )
        question = fill(
            self.tr("选中的 %1 处冲突，每处都保留%2？"),
            (str(len(conflicts)), self.side.currentText()),
        )
        if not ask_yes_no(self, self.tr("处理冲突"), question):
            return None
        actor = self.session.actor
        # Filled as they are written: what stands when an error stops them.
        done, decided = ManyResolved([]), SheetDecided()
        whole = len(syncs) + len(sheets)

        def resolve_all(
            ledger: Ledger,
            progress: Progress | None = None,
            cancelled: CancelCheck | None = None,
        ) -> None:
            def counted(offset: int) -> Progress | None:
                """One bar for both kinds: the sheets' counted on from the syncs'."""
                if progress is None:
                    return None
                return lambda n, _total: progress(offset + n, whole)

            if side is not None and syncs:
                resolve_many(
                    ledger,
                    syncs,
                    side,
                    actor=actor,
                    progress=counted(0),
                    cancelled=cancelled,
                    into=done,
                )
            if sheet_side is not None and sheets and not done.stopped:
                decide_many(
                    ledger,
                    sheets,
                    sheet_side,
                    actor=actor,
                    progress=counted(len(syncs)),
                    cancelled=cancelled,
                    into=decided,
                )

        failed: Exception | None = None
        try:
            if len(conflicts) > MANY_ON_THREAD:

                def work(progress: Progress, cancelled: CancelCheck) -> None:
                    with self.session.worker_ledger() as ledger:
                        resolve_all(ledger, progress, cancelled)

                run_modal_stoppable(self, self.tr("正在处理冲突……"), work)
            else:
                resolve_all(self.session.ledger)
        except Exception as error:  # noqa: BLE001 - shown in Chinese, with what stands
            failed = error
        # Neither written nor counted when an error stopped them: still in the list.
        left = whole - (len(done.changes) + done.changed + done.no_value)
        left -= decided.decided + decided.changed + decided.gone
        done.no_value += len(conflicts) - len(syncs) - len(sheets)
        done.stopped = done.stopped or decided.stopped
        rows = [(c.tbl, c.row_id) for c in done.changes + decided.changes + decided.months]
        self.session.apply(of_log(rows) | ChangeSet.of(Kind.CONFLICTS))
        handled = len(done.changes) + decided.decided
        said = self.tr("已处理冲突 %1 处").replace("%1", str(handled))
        if done.changed or decided.gone:
            said += "\n" + self.tr(
                "%1 处在列出之后又变了（可能已在别的设备上解决），没有处理，列表已刷新，请再看一遍"
            ).replace("%1", str(done.changed + decided.gone))
        if decided.changed:
            said += "\n" + self.tr(
                "%1 处台账中的值在导入表格之后又改过，没有改用表格中的值，仍在列表中，请逐一核对"
            ).replace("%1", str(decided.changed))
        if done.no_value:
            said += "\n" + fill(
                self.tr("%1 处没有恰好一个%2，没有处理，请逐一决定"),
                (str(done.no_value), self.side.currentText()),
            )
        done.changes += decided.changes
        done.changed += decided.changed + decided.gone
        if done.stopped:
            said += "\n" + self.tr("已取消：其余的没有处理")
        if failed is not None:
            said += "\n" + fill(
                self.tr("之后出了错，其余 %1 处没有处理，仍在列表中：%2"),
                (str(left), message_for(failed)),
            )
        for sentence in decided.said:  # a month's income set by hand, left
            said += "\n" + sentence_shown(sentence)
        for change in done.changes:
            self.resolved.emit(conflict_id(change.tbl, change.row_id, next(iter(change.data))))
        self.refresh()
        self.outcome.setText(said)  # after the list is read again, beside it
        if failed is not None:
            show_error(self, failed, text=said)  # titled by the error: the disk, not 请检查
        return done

    def resolve_selected(self) -> bool:
        """Keep the ticked value, or the typed new one; logged as an ordinary change."""
        conflict = self.selected()
        if conflict is None:
            return False
        if isinstance(conflict, SheetConflict):
            return self._decide_sheet(conflict)
        typed = self.new_value.text().strip() if self.new_value.isEnabled() else ""
        checked = self.choices.checkedButton()
        ledger, actor = self.session.ledger, self.session.actor
        # Only the values shown are set aside: one come in since is not overruled unseen.
        seen = [v.value_id for v in conflict.values]
        try:
            if typed:
                change = resolve(ledger, conflict.conflict_id, value=typed, actor=actor, seen=seen)
            elif checked is not None:
                keep = checked.property("value_id")
                change = resolve(ledger, conflict.conflict_id, keep=keep, actor=actor, seen=seen)
            else:
                show_error(self, self.tr("请选择要保留的值或输入新值"))
                return False
        except NotFound:
            # Resolved meanwhile (an exchange brought another device's resolution, the value
            # chosen was replaced, or another value came in): its message names the conflict
            # by id, for the CLI.
            show_error(
                self, self.tr("这处冲突已经变了（可能已在别的设备上解决），列表已刷新，请再看一遍")
            )
            self.refresh()
            return False
        except Exception as error:  # noqa: BLE001 - shown in Chinese
            show_error(self, error)
            return False
        self.new_value.clear()
        self.session.apply(of_log([(change.tbl, change.row_id)]) | ChangeSet.of(Kind.CONFLICTS))
        self.resolved.emit(conflict.conflict_id)
        self.refresh()
        self.outcome.clear()  # an earlier bulk result no longer describes the list
        return True

    def _decide_sheet(self, conflict: SheetConflict) -> bool:
        """A sheet's conflict decided for the value ticked: the sheet's written (refused when
        the ledger's cell changed since the import: said, left in the list), or the ledger's
        kept."""
        checked = self.choices.checkedButton()
        if checked is None:
            show_error(self, self.tr("请选择要保留的值或输入新值"))
            return False
        side = SheetSide(str(checked.property("value_id")))
        try:
            decision = decide_sheet(self.session.ledger, conflict, side, actor=self.session.actor)
        except ChangedSince:
            show_error(
                self,
                self.tr(
                    "台账中这一格在导入表格之后又改过，没有改用表格中的值；"
                    "请看台账现在的值后再决定（列表已刷新）"
                ),
            )
            self.refresh()
            return False
        except NotFound:
            show_error(self, self.tr("这处冲突已经处理过，列表已刷新"))
            self.refresh()
            return False
        except Exception as error:  # noqa: BLE001 - shown in Chinese
            show_error(self, error)
            return False
        rows = [(c.tbl, c.row_id) for c in (decision.change, decision.month) if c is not None]
        self.session.apply(of_log(rows) | ChangeSet.of(Kind.CONFLICTS))
        self.resolved.emit(conflict.conflict_id)
        self.refresh()
        # A month whose income was set by hand apart from its job: left, and said; an earlier
        # bulk result is no longer what the list shows, so it goes either way.
        self.outcome.setText("\n".join(sentence_shown(s) for s in decision.said))
        return True
