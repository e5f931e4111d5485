"""县级政策编辑: on a county device, the form for what the county decides.

Figures the seeds leave to the county (never above their caps), extending rules past their end
dates on a county document, the monitoring income line, the year's holiday schedule, the
county's own days and its 就业状态 words (what the villages' word for a status means). 检查 checks the edition exactly as the hub will; 提交汇总中心签发 queues it
with the next bundle, and the hub signs it and sends it to every device.
"""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.dates import today as china_today
from fieldapp.domain.enums import WorkStatus
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.money import yuan
from fieldapp.domain.sentences import fill
from fieldapp.policy.citations import version_said
from fieldapp.policy.editor import (
    CountyEdit,
    county_figures,
    edit_county_pack,
    extendable,
    next_version,
    parse_days,
    year_schedule,
)
from fieldapp.policy.eligibility import unused_figures
from fieldapp.policy.pack import (
    Document,
    MergedWord,
    PackError,
    Policy,
    status_word_refusals,
)
from fieldapp.policy.packfile import merged_words
from fieldapp.policy.registry import PolicyRegistry
from fieldapp.services.changes import ChangeSet, Kind
from fieldapp.services.policy_admin import load_policy, published, submit_draft
from fieldapp.ui import policy_access
from fieldapp.ui.errors import FormRefused, message_for
from fieldapp.ui.held_words import filled, part_shown
from fieldapp.ui.session import Session
from fieldapp.ui.status_words_said import merged_said, refusal_said, statuses
from fieldapp.ui.widgets import fit_to_screen, plain_label, tip


class CountyPolicyDialog(QDialog):
    """The county editor: the form, 检查, 提交汇总中心签发."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("县级政策编辑"))
        self.session = session
        self.registry = PolicyRegistry()
        policy = policy_access.policy(session.ledger)
        state = load_policy(session.ledger, self.registry)
        # The county's pack in force (the edition starts from it) and the words its text
        # spells twice, which the edition writes once (told before it is submitted).
        self.current = state.hub_pack.read() if state.hub_pack is not None else None
        self.merged = merged_words(state.hub_pack.text) if state.hub_pack is not None else []
        self.figures = {f.rule_id: f for f in county_figures(policy)}
        self.figure_edits: dict[str, QLineEdit] = {}
        self.extension_edits: dict[str, QLineEdit] = {}
        self.text = ""

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self._document_box())
        layout.addWidget(self._figures_box(policy.line("welfare_post_income_line")))
        layout.addWidget(self._extensions_box(policy))
        layout.addWidget(self._calendar_box())
        layout.addWidget(self._words_box())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        # (what they say holds what was typed and the pack's titles: text, never markup)
        self.error = plain_label()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.outcome = plain_label()
        self.outcome.setWordWrap(True)
        self.check_button = QPushButton(self.tr("检查"))
        self.submit_button = QPushButton(self.tr("提交汇总中心签发"))
        self.close_button = QPushButton(self.tr("关闭"))
        self.check_button.clicked.connect(self.check)
        self.submit_button.clicked.connect(self.submit)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.check_button, self.submit_button, self.close_button):
            buttons.addWidget(button)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.error)
        outer.addWidget(self.outcome)
        outer.addLayout(buttons)
        # As wide as the form needs (its titles and labels are longer in English), within
        # the screen: a form wider than the dialog scrolled sideways, cut at its right edge.
        margins = outer.contentsMargins()
        needed = (
            body.minimumSizeHint().width()
            + scroll.verticalScrollBar().sizeHint().width()
            + 2 * scroll.frameWidth()
            + margins.left()
            + margins.right()
        )
        fit_to_screen(self, max(760, needed), 680)

    # -- the form -------------------------------------------------------------------------

    def _document_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("本次依据的县里文件（填写金额、延续执行时必填，打印时引用）"))
        form = QFormLayout(box)
        self.doc_number = QLineEdit()
        self.doc_number.setPlaceholderText(self.tr("如 某人社通〔2026〕3号"))
        self.doc_title = QLineEdit()
        self.doc_issuer = QLineEdit()
        self.doc_issuer.setPlaceholderText(self.tr("如 某某县人力资源和社会保障局"))
        self.doc_date = QLineEdit()
        self.doc_date.setPlaceholderText("YYYY-MM-DD")
        form.addRow(self.tr("文号"), self.doc_number)
        form.addRow(self.tr("标题"), self.doc_title)
        form.addRow(self.tr("发文单位"), self.doc_issuer)
        form.addRow(self.tr("日期"), self.doc_date)
        return box

    def _figures_box(self, line: float | None) -> QGroupBox:
        box = QGroupBox(self.tr("县定标准（空着表示待县里核定标准）"))
        form = QFormLayout(box)
        for rule_id, field in self.figures.items():
            edit = QLineEdit("" if field.value is None else yuan(field.value))
            edit.setPlaceholderText(self.tr("待县里核定标准"))
            edit.setToolTip(tip(field.citation))
            self.figure_edits[rule_id] = edit
            form.addRow(plain_label(part_shown(field.label_said)), edit)  # (cap in words shown)
        self.figure_from = QLineEdit()
        self.figure_from.setPlaceholderText(
            self.tr("空着：所有月份都按新金额；如 2027-01-01：此前的月份仍按原金额")
        )
        form.addRow(self.tr("新金额的执行日期"), self.figure_from)
        self.line_shown = line
        self.income_line = QLineEdit("" if line is None else yuan(line))
        self.income_line.setPlaceholderText(self.tr("待县里核定标准"))
        form.addRow(self.tr("防止返贫监测收入线（元/月）"), self.income_line)
        return box

    def _extensions_box(self, policy: Policy) -> QGroupBox:
        box = QGroupBox(self.tr("延续执行（填新的结束日期，须写明上面的文件）"))
        form = QFormLayout(box)
        for rule in extendable(policy):
            edit = QLineEdit()
            edit.setPlaceholderText(self.tr("不变（现为 %1）").replace("%1", str(rule.valid_to)))
            edit.setToolTip(tip(rule.citation))
            self.extension_edits[rule.id] = edit
            form.addRow(plain_label(rule.title), edit)  # (the pack's title: text, not markup)
        return box

    def _calendar_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("放假安排"))
        form = QFormLayout(box)
        self.schedule_year = QSpinBox()
        self.schedule_year.setRange(0, 2200)
        self.schedule_year.setSpecialValueText(self.tr("不载入"))
        self.schedule_document = QLineEdit()
        self.schedule_document.setPlaceholderText(self.tr("国务院办公厅通知的文号"))
        self.days_off = QPlainTextEdit()
        self.days_off.setPlaceholderText("2027-02-05..2027-02-11")
        self.make_up = QPlainTextEdit()
        self.make_up.setPlaceholderText("2027-02-20")
        self.extra_holidays = QPlainTextEdit()
        self.extra_workdays = QPlainTextEdit()
        for widget in (self.days_off, self.make_up, self.extra_holidays, self.extra_workdays):
            widget.setFixedHeight(52)
        form.addRow(self.tr("国务院放假安排年份"), self.schedule_year)
        form.addRow(self.tr("通知文号"), self.schedule_document)
        form.addRow(self.tr("全部放假日"), self.days_off)
        form.addRow(self.tr("调休上班日"), self.make_up)
        form.addRow(self.tr("县里自定放假日"), self.extra_holidays)
        form.addRow(self.tr("县里自定上班日"), self.extra_workdays)
        return box

    def _words_box(self) -> QGroupBox:
        """The county's 就业状态 words: a row per word, its status chosen from the ledger's,
        why a row cannot be signed said next to it."""
        box = QGroupBox(self.tr("就业状态用词（村里台账写的词读作哪种就业状态，全县导入都这样读）"))
        layout = QVBoxLayout(box)
        self.words = QTableWidget(0, 3)
        self.words.setHorizontalHeaderLabels(
            [self.tr("用词"), self.tr("读作"), self.tr("不能签发的原因")]
        )
        self.words.horizontalHeader().setStretchLastSection(True)
        self.words.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.words.setMinimumHeight(150)
        if self.current is not None:
            for word, meaning in self.current.status_words.items():
                self.add_word(word, meaning)
        self.add_word_button = QPushButton(self.tr("添加一行"))
        self.remove_word_button = QPushButton(self.tr("删除所选行"))
        self.add_word_button.clicked.connect(lambda: self.add_word())
        self.remove_word_button.clicked.connect(self.remove_words)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_word_button)
        buttons.addWidget(self.remove_word_button)
        buttons.addStretch(1)
        # A word the pack in force spells twice: which spelling goes, which meaning stays.
        self.merged_note = plain_label("\n".join(merged_said(m) for m in self.merged))  # words
        self.merged_note.setWordWrap(True)
        self.merged_note.setStyleSheet("color: #8a5300;")
        self.merged_note.setVisible(bool(self.merged))
        layout.addWidget(self.merged_note)
        layout.addWidget(self.words)
        layout.addLayout(buttons)
        return box

    def add_word(self, word: str = "", meaning: str = WorkStatus.NOT_EMPLOYED.value) -> int:
        """A row for one word read as `meaning`; its row number."""
        row = self.words.rowCount()
        self.words.insertRow(row)
        self.words.setItem(row, 0, QTableWidgetItem(word))
        status = QComboBox()
        for shown, stored in statuses():  # shown in the language shown, kept in Chinese
            status.addItem(shown, stored)
        status.setCurrentIndex(max(status.findData(meaning), 0))
        self.words.setCellWidget(row, 1, status)
        problem = QTableWidgetItem("")
        problem.setFlags(problem.flags() & ~Qt.ItemFlag.ItemIsEditable)
        problem.setForeground(QColor("#c62828"))
        self.words.setItem(row, 2, problem)
        return row

    def remove_words(self) -> None:
        """Remove the selected rows (the pack keeps them until the edition is signed)."""
        for row in sorted({i.row() for i in self.words.selectedIndexes()}, reverse=True):
            self.words.removeRow(row)

    def status_words(self) -> dict[str, str]:
        """The table as word → status; ValueError naming the first refused word, each refused
        row saying why next to it in the language shown (`pack.status_word_refusals`, the
        check publishing and `hub policy edit --word` make)."""
        rows: list[tuple[str, str]] = []
        for row in range(self.words.rowCount()):
            item = self.words.item(row, 0)
            status = self.words.cellWidget(row, 1)
            meaning = str(status.currentData()) if isinstance(status, QComboBox) else ""
            rows.append((item.text() if item is not None else "", meaning))
        words: dict[str, str] = {}
        problems: list[str] = []
        for row, ((word, meaning), refusal) in enumerate(
            zip(rows, status_word_refusals(rows), strict=True)
        ):
            problem = refusal_said(refusal) if refusal is not None else ""
            said = self.words.item(row, 2)
            if said is not None:
                said.setText(problem)
                said.setToolTip(tip(problem))
            if refusal is None:
                words[word.strip()] = meaning
            else:
                problems.append(problem)
        if problems:
            raise FormRefused(problems[0])
        return words

    # -- reading it -----------------------------------------------------------------------

    def _number(self, text: str, what: str) -> float | None:
        value = text.strip().replace("元", "")
        if not value:
            return None
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            message = fill(self.tr("%1：“%2”不是数字"), (what, text))
            raise FormRefused(message)
        return number

    def _zero_said(self, title: str) -> str:
        """A county figure of 0 元 or less (title: the subsidy as the pack names it), refused
        saying what the clerk can do in this form."""
        return self.tr(
            "“%1”的县定金额须大于 0 元。本县不实行这项补贴的，请把金额空着：这项补贴仍为待县里"
            "核定标准，各村不能申领（本表不能停用补贴，停用须由县级汇总中心改写政策包）"
        ).replace("%1", title)

    def _date(self, text: str, what: str) -> dt.date | None:
        value = text.strip()
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            message = filled(self.tr("%1：“%2”不是日期（如 2026-12-31）"), what, text)
            raise FormRefused(message) from None

    def edit(self) -> CountyEdit:
        """The edit the form describes; ValueError in Chinese when a field is malformed."""
        edit = CountyEdit()
        # First, so that each row's note is this check's.
        edit.status_words = self.status_words()
        for rule_id, widget in self.figure_edits.items():
            value = self._number(widget.text(), self.figures[rule_id].title)
            if value is not None and value <= 0:
                # The pack's refusal says to switch the subsidy off, which this form cannot
                # do: what it can is leave the figure blank (pending: no village claims it).
                raise FormRefused(self._zero_said(self.figures[rule_id].title))
            if value != self.figures[rule_id].value:
                edit.figures[rule_id] = value
        edit.income_line = self._number(self.income_line.text(), self.tr("监测收入线"))
        edit.figure_from = self._date(self.figure_from.text(), self.tr("新金额的执行日期"))
        line_changed = edit.income_line is not None and edit.income_line != self.line_shown
        if (
            edit.figure_from is not None
            and not line_changed
            and not any(v is not None for v in edit.figures.values())
        ):
            raise FormRefused(self.tr("填了新金额的执行日期，却没有改任何县定金额"))
        for rule_id, widget in self.extension_edits.items():
            day = self._date(widget.text(), self.tr("延续执行"))
            if day is not None:
                edit.extensions[rule_id] = day
        if self.doc_number.text().strip():
            edit.document = Document(
                number=self.doc_number.text().strip(),
                title=self.doc_title.text().strip() or self.doc_number.text().strip(),
                issuer=self.doc_issuer.text().strip(),
                date=self._date(self.doc_date.text(), self.tr("文件日期")),
            )
            edit.authority = edit.document.issuer
        edit.extra_holidays = parse_days(self.extra_holidays.toPlainText())
        edit.extra_workdays = parse_days(self.extra_workdays.toPlainText())
        if self.schedule_year.value():
            edit.schedules.append(
                year_schedule(
                    self.schedule_year.value(),
                    self.schedule_document.text(),
                    parse_days(self.days_off.toPlainText()),
                    parse_days(self.make_up.toPlainText()),
                )
            )
        return edit

    # -- checking and submitting ----------------------------------------------------------

    def check(self) -> bool:
        """Build the county's next pack from the form and check it as the hub will."""
        self.error.clear()
        self.outcome.clear()
        try:
            edit = self.edit()
            pack_id = self.current.pack.id if self.current is not None else "county"
            versions = [p.version for p in published(self.session.ledger) if p.pack_id == pack_id]
            version = next_version(versions, china_today())
            self.text, policy = edit_county_pack(
                self.registry.base_files(), self.current, edit, version=version, pack_id=pack_id
            )
            # The pack in force under the new number (nothing decided): the same text is no
            # edition, only a version for every device to adopt for nothing — unless the pack
            # in force spells a word twice, which the edition writes once (told at 检查).
            unchanged, _ = edit_county_pack(
                self.registry.base_files(),
                self.current,
                CountyEdit(),
                version=version,
                pack_id=pack_id,
            )
            if self.text == unchanged and not self.merged:
                self.text = ""
                raise FormRefused(
                    self.tr(
                        "本次没有改动任何内容：请先填写要改的县定金额、监测收入线、延续执行、"
                        "放假安排或就业状态用词，再检查、提交"
                    )
                )
        except PackError as error:
            self.error.setText(self.tr("请检查：") + part_shown(error.problem))
            return False
        except (ValueError, FieldappError) as error:
            self.error.setText(self.tr("请检查：") + message_for(error))
            return False
        # Each named once under the heading (not 甲：待县里核定标准 after 仍待核定：).
        unset = [part_shown(named) for named in policy.unset_named()]
        # A figure from a day past its rule's end is never paid: said with what to fill in.
        unused = [part_shown(text) for _, text in unused_figures(policy)]
        note = self.tr("请注意：")
        self.outcome.setText(
            self.tr("检查通过：规则版本 %1").replace("%1", part_shown(version_said(policy.version)))
            + ("\n" + self.tr("仍待核定：") + self.tr("；").join(unset) if unset else "")
            + "".join(f"\n{self.tr('请检查：')}{text}" for text in unused)
            + "".join(f"\n{note}{merged_said(m)}" for m in self._merged_kept(edit))
        )
        return True

    def _merged_kept(self, edit: CountyEdit) -> list[MergedWord]:
        """The words spelt twice in the pack in force that `edit` writes once with the meaning
        kept (a word the clerk gave another meaning, or removed, is the clerk's decision)."""
        words = edit.status_words or {}
        return [m for m in self.merged if words.get(m.word) == m.kept]

    def submit(self) -> bool:
        """Check, then queue the edition for the hub to sign with the next bundle."""
        if not self.check():
            return False
        try:
            submit_draft(self.session.ledger, self.text, registry=self.registry)
        except (PackError, FieldappError) as error:
            self.error.setText(self.tr("请检查：") + message_for(error))
            return False
        self.session.apply(ChangeSet.of(Kind.POLICY_DRAFTS))
        self.outcome.setText(
            self.outcome.text()
            + "\n"
            + self.tr("已提交：下次与县级汇总中心交换数据时签发，并随数据包下发到各设备")
        )
        return True
