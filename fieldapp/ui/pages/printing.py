"""打印 page: every paper in one place — pick what to print, preview, print or save; the print log."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.dates import china_minute
from fieldapp.paperwork import jobs
from fieldapp.services.changes import ChangeSet, Kind
from fieldapp.store.queries.areas import household_areas
from fieldapp.store.queries.claims import ClaimQueries
from fieldapp.store.queries.paper import print_log
from fieldapp.ui import papers, policy_access
from fieldapp.ui.areas import AreaCombo, AreaIndex
from fieldapp.ui.days import month_said, year_said
from fieldapp.ui.errors import FormRefused, show_error
from fieldapp.ui.held_words import word_shown
from fieldapp.ui.operations import OperationPanel
from fieldapp.ui.pages.page import Page
from fieldapp.ui.papers import JobMaker, OnOpen
from fieldapp.ui.person_picker import PersonPicker
from fieldapp.ui.session import ReadWhenChanged, Session
from fieldapp.ui.table_model import Column, RowsModel
from fieldapp.ui.widgets import DateField, OptionalDate, table_view

PAPERS = ("roster", "notice", "forms", "form", "visits", "certificate")


class PrintPage(Page):
    """Choose a paper and its subject, preview it in the app, print or save the PDF."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.areas = AreaIndex.load(session.ledger)
        self.panel = OperationPanel()
        self.paper = QComboBox()
        labels = {
            "roster": self.tr("花名册（按批次）"),
            "notice": self.tr("公示表（按批次，身份证号和账号已遮挡）"),
            "forms": self.tr("批次全部申请表"),
            "form": self.tr("单人申请表"),
            "visits": self.tr("走访记录表（按村/安置点和月份）"),
            "certificate": self.tr("务工证明（按姓名找人）"),
        }
        for key in PAPERS:
            self.paper.addItem(labels[key], key)
        self.batch = QComboBox()
        self.notice_start = OptionalDate(self.tr("公示开始日期"))
        # A notice with no number to object to is not a notice: said before it is printed,
        # with where to set it (the paper prints a blank line to fill in by hand).
        self.phone_warning = QLabel(
            self.tr(
                "还没有设置异议受理电话：公示表上的“监督电话”会印成空白横线，要在张贴前用笔填上。"
                "请在“设置”页的“打印用语”中填写“异议受理电话”并保存，再打印。"
            )
        )
        self.phone_warning.setWordWrap(True)
        self.phone_warning.setStyleSheet("color: #8a5300;")
        self.claim = QComboBox()
        self.area = AreaCombo(None)
        self.area.fill(self.areas, offer=self.areas.browsable, keep=session.home_area)
        if not _village_or_site(self.area.code()):
            # A county's or township's device, or a ledger not enrolled: the sheet is a
            # village's or site's, so it opens on the first one of the area, not the county.
            # Failing a listed one, a village the ledger holds a household in (synced in
            # before the county's area tree listed it): the box keeps it, in words.
            within = self.area.code()
            listed = (r.code for r in self.areas.rows)
            held = sorted(household_areas(session.ledger))
            self.area.set_code(
                next(
                    (
                        code
                        for code in (*listed, *held)
                        if code.startswith(within)
                        and _village_or_site(code)
                        and self.areas.browsable(code)
                    ),
                    within,
                )
            )
        self.month = DateField()
        self.month.setDisplayFormat("yyyy-MM")
        self.person = PersonPicker(session)
        self.casual = QCheckBox(self.tr("临时工（临工）证明"))
        self.stack = QStackedWidget()
        for key in PAPERS:
            self.stack.addWidget(self._inputs(key))
        self.preview_button = QPushButton(self.tr("预览(&V)"))
        self.preview_button.setDefault(True)
        box = QGroupBox(self.tr("打印"))
        form = QFormLayout(box)
        form.addRow(self.tr("纸张"), self.paper)
        form.addRow(self.stack)
        row = QHBoxLayout()
        row.addWidget(self.preview_button)
        row.addWidget(QLabel(self.tr("打印件含个人信息，请妥善保管")))
        row.addStretch(1)
        form.addRow(row)
        self.log = RowsModel[dict[str, Any]](
            [
                Column(self.tr("时间"), lambda r: china_minute(r.get("printed_at"))),
                Column(self.tr("纸张"), lambda r: self._paper_shown(r.get("paper"))),
                Column(self.tr("页数"), lambda r: r.get("pages"), align_right=True),
                Column(self.tr("行数"), lambda r: r.get("rows"), align_right=True),
                Column(self.tr("校验码"), lambda r: r.get("code")),
                Column(self.tr("打印人"), lambda r: r.get("created_by")),
                Column(self.tr("文件"), lambda r: r.get("file_name")),
            ]
        )
        self.log_view = table_view()
        self.log_view.setModel(self.log)
        self._log_widths = (150, 110, 60, 60, 130, 100)
        log_box = QGroupBox(self.tr("打印记录"))
        QVBoxLayout(log_box).addWidget(self.log_view)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(self.panel)
        layout.addWidget(log_box, 1)
        self.paper.currentIndexChanged.connect(self._show_inputs)
        self._show_inputs(self.paper.currentIndex())
        self.preview_button.clicked.connect(self.preview)
        # Every claim is read to list them (a county's ledger holds tens of thousands): read
        # again on a write while the page is shown, else when it is next shown and only if
        # something may have changed meanwhile — a write this program told of (a claim, a
        # batch, a person's name its line shows) or a commit by another connection (a sync).
        self._reads = ReadWhenChanged(session, self)
        session.on_change(
            self,
            (Kind.CLAIMS, Kind.BATCHES, Kind.PRINT_LOG, Kind.AREAS, Kind.SETTINGS),
            self._changed,
        )
        self.refresh()

    def _paper_shown(self, paper: object) -> str:
        """The paper a print-log row names (stored in Chinese, as `jobs` logs it) in the
        window's language; one this program does not know (a newer one's) as stored."""
        words = {
            "花名册": self.tr("花名册"),
            "公示表": self.tr("公示表"),
            "申请表": self.tr("申请表"),
            "走访记录": self.tr("走访记录"),
            "务工证明": self.tr("务工证明"),
            "一库五册": self.tr("一库五册"),
            "户级责任": self.tr("户级责任"),
        }
        text = "" if paper is None else str(paper)
        return words.get(text, text)

    def _show_inputs(self, index: int) -> None:
        """The chosen paper's inputs, the box as tall as they are: a stack is as tall as its
        tallest page (the notice's, with its period and phone warning), which left an empty
        gap under the roster's and the forms' one batch. The pages not shown are left out
        of its height."""
        for i in range(self.stack.count()):
            shown = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            self.stack.widget(i).setSizePolicy(QSizePolicy.Policy.Preferred, shown)
        self.stack.setCurrentIndex(index)
        self.stack.updateGeometry()

    def _inputs(self, key: str) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        if key in ("roster", "notice", "forms"):
            # One batch combo shared by three pages: re-parented on switch.
            form.addRow(self.tr("批次"), self.batch if key == "roster" else _Mirror(self.batch))
            if key == "notice":
                form.addRow("", self.notice_start)
                form.addRow("", self.phone_warning)
        elif key == "form":
            form.addRow(self.tr("申领"), self.claim)
        elif key == "visits":
            form.addRow(self.tr("村/安置点"), self.area)
            form.addRow(self.tr("月份"), self.month)
        else:
            form.addRow(self.tr("人员"), self.person)
            form.addRow("", self.casual)
        return box

    def activated(self) -> None:
        """Shown: read again what may have changed while another page was."""
        if self._reads.stale():
            self.refresh()

    def _changed(self, changes: ChangeSet) -> None:
        if self.isVisible():
            self.refresh()
        elif Kind.SETTINGS in changes:  # one setting read: the warning right whenever shown
            self._say_phone()

    def _say_phone(self) -> None:
        self.phone_warning.setHidden(not jobs.notice_lacks_phone(self.session.ledger))

    def refresh(self) -> None:
        """Reload batches, claims and the print log."""
        self._reads.reading()
        store = ClaimQueries(self.session.ledger)
        current_batch, current_claim = self.batch.currentData(), self.claim.currentData()
        self.batch.clear()
        for batch in reversed(store.batches()):
            # With the number its 花名册 and 公示表 print (two batches may share a title).
            self.batch.addItem("  ".join(w for w in (batch.name(), batch.number) if w), batch.id)
        self.claim.clear()
        for claim in reversed(store.all()):
            # The month it pays: a person's monthly subsidy, claimed month after month, would
            # read the same on each line (赵六 乡村公益性岗位补贴 草稿, twice).
            words = (
                claim.person_name,
                claim.rule_title,
                claim.paid_for(month_said, year_said),
                word_shown(str(claim.state)),  # as the 补贴 page says it
                claim.number,  # as its 申请表 prints it
            )
            self.claim.addItem(" ".join(w for w in words if w), claim.id)
        for combo, value in ((self.batch, current_batch), (self.claim, current_claim)):
            found = combo.findData(value)
            if found >= 0:
                combo.setCurrentIndex(found)
        self.log.set_rows(print_log(self.session.ledger))
        self._say_phone()
        # At least as wide as what they show: who printed (王芳@大坝村笔记本, the user at the
        # computer) read 王芳@大坝村… at a fixed 100; 文件 takes the rest.
        for column, least in enumerate(self._log_widths):
            self.log_view.setColumnWidth(
                column, max(least, self.log_view.sizeHintForColumn(column))
            )

    def make_job(self) -> JobMaker:
        """The job maker for the chosen paper, or raise ValueError naming what is missing."""
        key = self.paper.currentData()
        if key in ("roster", "notice", "forms"):
            batch_id = self.batch.currentData()
            if not batch_id:
                raise FormRefused(self.tr("还没有批次：请先在“补贴”页把申领编成批次"))
            if key == "roster":
                return lambda led: jobs.roster_job(led, batch_id)
            if key == "forms":
                return lambda led: jobs.forms_job(led, batch_id)
            start = self.notice_start.value()
            policy = policy_access.policy_or_none(self.session.ledger)
            return lambda led: jobs.notice_job(led, batch_id, start, policy=policy)
        if key == "form":
            claim_id = self.claim.currentData()
            if not claim_id:
                raise FormRefused(
                    self.tr(
                        "还没有申领：请先在“补贴”页的“符合条件人员”中选中要申领的人，"
                        "点“为所选人员创建申领”"
                    )
                )
            return lambda led: jobs.form_job(led, claim_id)
        if key == "visits":
            area, month = self.area.code(), self.month.value().strftime("%Y-%m")
            if not area:
                raise FormRefused(self.tr("请选择村或安置点"))
            if not _village_or_site(area):
                raise FormRefused(
                    self.tr(
                        "走访记录表按村或安置点打印：%1 不是村或安置点，请在“村/安置点”中选一个村或安置点"
                    ).replace("%1", self.areas.name(area))
                )
            policy = policy_access.policy_or_none(self.session.ledger)
            return lambda led: jobs.visits_job(led, area, month, policy=policy)
        if self.person.chosen is None:
            raise FormRefused(self.tr("请先输入姓名找到要开证明的人，并选中他"))
        number = self.person.chosen.id_number
        casual = self.casual.isChecked()
        return lambda led: jobs.certificate_job(led, number, casual)

    def preview(self, on_open: OnOpen | None = None) -> None:
        """Render the chosen paper off the GUI thread and open the preview."""
        try:
            make = self.make_job()
        except ValueError as error:  # what is missing, in the language shown
            show_error(self, error)
            return
        papers.preview(self, self.panel, self.session, make, on_open)

    def busy(self) -> bool:
        """True while a paper is being rendered."""
        return self.panel.busy

    def shutdown(self) -> None:
        """Stop the person picker's search thread."""
        self.person.stop()


def _village_or_site(code: str) -> bool:
    """A village's or site's code (12 digits), or a group's or building's within one."""
    return len(code) >= 12


class _Mirror(QComboBox):
    """A combo that shows and drives the same choice as another one."""

    def __init__(self, source: QComboBox) -> None:
        super().__init__()
        self.setModel(source.model())
        source.currentIndexChanged.connect(self.setCurrentIndex)
        self.currentIndexChanged.connect(source.setCurrentIndex)
