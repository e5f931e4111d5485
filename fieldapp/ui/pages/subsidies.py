"""补贴 page: who is eligible under which rule and why; claims through review; batches; papers."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.areacode import in_area
from fieldapp.domain.claims import Batch, Claim, ClaimState, on_roster
from fieldapp.domain.dates import china_minute, today
from fieldapp.domain.models import Person
from fieldapp.domain.money import yuan
from fieldapp.domain.progress import Cancelled
from fieldapp.domain.roles import Role
from fieldapp.domain.sentences import fill
from fieldapp.paperwork import jobs
from fieldapp.paperwork.jobs import PrintJob
from fieldapp.policy.claim_flow import (
    NEEDS_REASON,
    TRANSITIONS,
    TransitionRefused,
    check_editable,
)
from fieldapp.policy.eligibility import STATUS_LABELS, RuleResult, Status, ended_said
from fieldapp.policy.guard import LimitExceeded
from fieldapp.policy.pack import UNSET
from fieldapp.services.changes import NO_CHANGES, Kind
from fieldapp.services.claims import (
    ClaimService,
    EligibilityService,
    batch_area,
    listed_claims,
)
from fieldapp.services.ledgers import Ledger
from fieldapp.services.trust import allowed_steps, awaited_states
from fieldapp.services.trust_check import may_add_in, may_add_to, may_change_row, may_take_step
from fieldapp.store.queries import records
from fieldapp.store.queries.claims import ClaimQueries
from fieldapp.ui import papers, policy_access
from fieldapp.ui.areas import AreaCombo, AreaIndex
from fieldapp.ui.days import day_said, month_said, year_said
from fieldapp.ui.errors import message_for, show_delete_refused, show_error
from fieldapp.ui.held_words import (
    filled,
    policy_reason_line,
    policy_reason_shown,
    reason_shown,
    sentence_shown,
    word_shown,
)
from fieldapp.ui.history import short_time
from fieldapp.ui.operations import OperationPanel, OperationProgress
from fieldapp.ui.pages.page import Page, PageHost
from fieldapp.ui.pieces import in_parts
from fieldapp.ui.session import Session
from fieldapp.ui.table_model import ROW_ROLE, Column, RowsModel
from fieldapp.ui.widgets import (
    DateField,
    as_typed,
    ask_yes_no,
    plain,
    plain_label,
    select_row,
    table_view,
    tip,
    to_qdate,
)


def _money(value: float | None) -> str:
    """'1,000' ('1,000.5' with its jiao and fen, never rounded away), or 待县里核定标准 for a
    figure nobody has set (never shown as 0)."""
    if value is None:
        return QCoreApplication.translate("SubsidiesPage", "待县里核定标准")
    return yuan(value, grouped=True)


#: The claims list's columns from 原因 on hold long free text, cut at this width.
_FIRST_LONG_CLAIM_COLUMN = 9
_LONG_TEXT = 200
#: The claims list's 所在地 and 补贴: on a small screen they share the room the others up to
#: 申请编号 leave, each cut to no less than its header and these characters.
_SHARED_CLAIM_COLUMNS = (2, 3)
_SHARED_AT_LEAST = "乡村公益"
#: The claims list's 发放月份: empty for a one-off subsidy (交通补助, 求职创业补贴 …).
_PAID_FOR_CLAIM_COLUMN = 7

#: The eligibility list's 姓名, 身份证号 and 补贴 columns; 补贴's width for every person's list.
_RESULT_NAME, _RESULT_NUMBER, _RESULT_RULE = 0, 1, 4
_RESULT_RULE_WIDTH = 270

#: What the user does to a date before it changes (a click, the focus, a key, the wheel).
_DATE_TOUCHED = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.FocusIn,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
)


class EvidenceDialog(QDialog):
    """A claim's materials, one box each: ticked when received (they come in a piece at a time,
    and one handed back is unticked)."""

    def __init__(self, claim: Claim, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记材料"))
        self.label = QLabel(
            fill(
                self.tr("%1 的“%2”：收到的材料打勾，退回的去掉勾。"),
                (claim.person_name, claim.rule_title),
            )
        )
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self.boxes: list[QCheckBox] = []
        for item, received in claim.evidence_items().items():
            box = QCheckBox(item)
            box.setChecked(received)
            layout.addWidget(box)
            self.boxes.append(box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def received(self) -> set[str]:
        """The items ticked."""
        return {box.text() for box in self.boxes if box.isChecked()}


class SubsidiesPage(Page):
    """Three tabs: 符合条件 (eligibility with reasons), 申领 (claims), 批次 (batches)."""

    person_requested = Signal(str)
    updated = Signal()
    # Made by the tabs' builders, which __init__ calls; named here for the methods above them.
    ended_label: QLabel
    all_results: list[RuleResult]
    #: Each batch's persons and money as its roster lists them ({batch id: (persons, yuan)}).
    batch_sums: dict[str, tuple[int, float, int]]

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.areas = AreaIndex.load(session.ledger)
        self.panel = OperationPanel()
        self.area = AreaCombo(self.tr("全部区域"))
        self.area.fill(self.areas, offer=self.areas.browsable, keep=session.home_area)
        self.rule = QComboBox()
        # As wide as the room the row leaves, not as its longest subsidy's name (844 px, which
        # kept the window 1,309 px wide): the names are read whole in the drop-down list.
        self.rule.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.rule.setMinimumContentsLength(16)
        self.on = DateField()
        self.on.setToolTip(
            self.tr(
                "按这一天评定和申领。按月发放的补贴申领这一天所在的月份（按年度发放的，这一年）："
                "申领上个月的，请选上个月的日期"
            )
        )
        #: The day it was when the date was last today's: a date still saying it was never
        #: chosen by hand, and follows the new day (`_follow_today`).
        self._today = self.on.value()
        #: The date moved while the page was hidden: its list is found again when shown.
        self._stale = False
        self.activated()
        # A window left open past midnight: the date's end follows the new day — when the date
        # is clicked, typed in or scrolled, and on its own each minute; the date itself follows
        # while it is the day the page opened on (a date chosen by hand is kept).
        self.on.installEventFilter(self)
        self.day_timer = QTimer(self)
        self.day_timer.setInterval(60_000)
        self.day_timer.timeout.connect(self.activated)
        self.day_timer.start()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._eligible_tab(), self.tr("符合条件人员"))
        self.tabs.addTab(self._claims_tab(), self.tr("申领"))
        self.tabs.addTab(self._batches_tab(), self.tr("批次与打印"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("区域")))
        top.addWidget(self.area, 1)
        top.addWidget(QLabel(self.tr("补贴")))
        top.addWidget(self.rule, 2)
        top.addWidget(QLabel(self.tr("日期")))
        top.addWidget(self.on)
        # One person's subsidies (from the person panel): a bar that says so, and its way out.
        self.person_id: str | None = None
        self.person_label = plain_label()
        self.all_button = QPushButton(self.tr("显示全部人员"))
        self.all_button.clicked.connect(self.show_everyone)
        person_bar = QHBoxLayout()
        person_bar.addWidget(self.person_label, 1)
        person_bar.addWidget(self.all_button)
        self.person_bar = QWidget()
        self.person_bar.setLayout(person_bar)
        self.person_bar.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.person_bar)
        layout.addWidget(self.panel)
        layout.addWidget(self.tabs, 1)
        self._fill_rules()
        self.area.currentIndexChanged.connect(lambda _i: self.refresh_claims())
        self.rule.currentIndexChanged.connect(lambda _i: self._on_rule())
        self.on.dateChanged.connect(lambda _d: self._date_chosen())
        session.on_change(
            self,
            (Kind.CLAIMS, Kind.BATCHES, Kind.CLAIM_EVENTS, Kind.PERSONS, Kind.POLICY),
            lambda _c: self.refresh_claims(),
        )
        self.refresh_claims()

    def connect_host(self, host: PageHost) -> None:
        """Connect this page's requests to the window."""
        self.person_requested.connect(host.open_person)

    def _fill_rules(self) -> None:
        self.rule.addItem(self.tr("全部补贴"), "")
        try:
            for rule in policy_access.policy(self.session.ledger).rules:
                if rule.enabled:
                    # The pack's title and citation, in the window's brackets.
                    said = filled(self.tr("%1（%2）"), rule.title, rule.citation)
                    self.rule.addItem(said, rule.id)
        except Exception as error:  # noqa: BLE001 - a broken pack: say so, keep the page usable
            self.rule.setToolTip(tip(message_for(error)))
        view = self.rule.view()
        view.setMinimumWidth(
            view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width()
        )

    def show_person(self, person_id: str) -> None:
        """One person: every rule's result for them (with reasons) and their claims."""
        try:
            person = records.get(self.session.ledger, Person, person_id)
            service = EligibilityService(
                self.session.ledger, policy_access.policy(self.session.ledger)
            )
            results = service.for_person(person.id_number, self.on.value())
        except Exception as error:  # noqa: BLE001 - shown in Chinese
            show_error(self, error)
            return
        self.person_id = person.id
        self.person_label.setText(
            self.tr("只看 %1 的补贴：各项补贴是否符合、原因，以及已有的申领").replace(
                "%1", person.name
            )
        )
        self.person_bar.show()
        self.ended_label.hide()  # one person's reasons say a rule's period is over
        self.all_results = results
        self._filter_results()
        self.refresh_claims()
        self.tabs.setCurrentIndex(0)
        self.updated.emit()

    def show_everyone(self) -> None:
        """Back to every person of the area (the list is found again on demand)."""
        self.person_id = None
        self.person_bar.hide()
        self.ended_label.hide()
        self.all_results = []
        self._filter_results()
        self.refresh_claims()

    def _on_rule(self) -> None:
        self.refresh_claims()
        self._filter_results()

    # -- eligibility -----------------------------------------------------------------------

    def _eligible_tab(self) -> QWidget:
        self.results = RowsModel[RuleResult](
            [
                Column(self.tr("姓名"), lambda r: r.name),
                Column(self.tr("身份证号"), lambda r: r.id_number),
                # The answer beside the person, on a 1024 screen too (after 所在地 and 补贴 it
                # was off it).
                Column(self.tr("结果"), lambda r: self._status_shown(r.status)),
                # A rule not met has no amount (not one the county is yet to set).
                Column(
                    self.tr("金额（元）"),
                    lambda r: "" if r.status is Status.NOT_ELIGIBLE else _money(r.amount),
                    align_right=True,
                ),
                # Which subsidy a line is (English: Subsidy): not the filter's label 补贴,
                # whose English is the page's name (Subsidies).
                Column(self.tr("补贴", "column"), lambda r: r.rule_title),
                Column(self.tr("所在地"), lambda r: self.areas.path(r.area_code)),
                Column(self.tr("资金来源"), lambda r: r.funding_source),
                Column(self.tr("说明"), lambda r: self._summary_shown(r)),
            ]
        )
        self.all_results = []
        self.results_view = table_view()
        self.results_view.setModel(self.results)
        # Several at once (Ctrl/Shift-click): a month's subsidy for every post worker.
        self.results_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for column, width in enumerate((64, 150, 70, 100, _RESULT_RULE_WIDTH, 150, 130)):
            self.results_view.setColumnWidth(column, width)
        self.reasons = QTextBrowser()
        self.find_button = QPushButton(self.tr("查找符合条件人员"))
        self.claim_button = QPushButton(self.tr("为所选人员创建申领(&C)"))
        self.results_label = plain_label()  # names the person claimed for
        row = QHBoxLayout()
        row.addWidget(self.find_button)
        row.addWidget(self.claim_button)
        row.addWidget(self.results_label, 1)
        splitter = QSplitter()
        splitter.addWidget(self.results_view)
        splitter.addWidget(self.reasons)
        splitter.setSizes([800, 360])
        # The subsidies that have just ended (their people gone from the list): said above it.
        self.ended_label = plain_label()  # names rules as the pack words them
        self.ended_label.setWordWrap(True)
        self.ended_label.setStyleSheet("color: #8a5300;")
        self.ended_label.hide()
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.ended_label)
        layout.addWidget(splitter, 1)
        self.find_button.clicked.connect(self.find_eligible)
        self.claim_button.clicked.connect(self.create_claim)
        self.results_view.selectionModel().currentRowChanged.connect(self._show_reasons)
        self.results_view.doubleClicked.connect(
            lambda i: self.person_requested.emit(i.data(ROW_ROLE).person_id)
        )
        self._offer_claim(None)
        return box

    def find_eligible(self) -> None:
        """Evaluate every person in the area off the GUI thread."""
        if self.person_id is not None:
            self.person_id = None
            self.person_bar.hide()
            self.refresh_claims()
        area, on, home = self.area.code() or None, self.on.value(), self.session.home_area
        text = self.tr("正在评估补贴资格……")

        def work(progress: OperationProgress) -> list[RuleResult]:
            with self.session.worker_ledger() as ledger:
                service = EligibilityService(ledger, policy_access.policy(ledger))
                return in_parts(
                    ledger,
                    area,
                    home,
                    lambda _led, part: service.for_all(on, area_prefix=part, explained=True),
                    progress,
                    text,
                )

        # What is shown answered another question (another area or date): a list still being
        # worked out for it is dropped, and its count goes with its rows.
        self.all_results = []
        self.results.set_rows([])
        self.results_label.clear()
        try:
            ended = ended_said(policy_access.policy(self.session.ledger), on)
        except Exception:  # noqa: BLE001 - a broken pack is said by the evaluation itself
            ended = []
        self.ended_label.setText("\n".join(sentence_shown(notice) for notice in ended))
        self.ended_label.setVisible(bool(ended))
        self.panel.run(
            text,
            work,
            lambda results: self._show_results(results, on),
            self._failed,
            read_only=True,
            on_partial=lambda results: self._add_part(results, on),
        )

    def _add_part(self, results: list[RuleResult], on: dt.date) -> None:
        """One village's results, shown while the others are evaluated — while the date is
        still the one they were found for (claims are made as of the date shown) and no one
        person's subsidies were asked for since."""
        if on != self.on.value() or self.person_id is not None:
            return
        self.all_results.extend(results)
        rule_id = self.rule.currentData()
        shown = [r for r in results if not rule_id or r.rule_id == rule_id]
        self.results.append_rows(shown)

    def _show_results(self, results: list[RuleResult], on: dt.date) -> None:
        if on != self.on.value() or self.person_id is not None:
            # Found for a day no longer shown (the date moved), or one person's subsidies
            # shown since (from his panel): not put over them.
            self.updated.emit()
            return
        self.all_results = results
        self._filter_results()
        self.updated.emit()

    def _filter_results(self) -> None:
        rule_id = self.rule.currentData()
        shown = [r for r in self.all_results if not rule_id or r.rule_id == rule_id]
        self.results.set_rows(shown)
        # One person's subsidies: their name and ID number (said above the list) left out, so
        # 补贴 — which subsidy each line is, told apart by its end — reads whole at 1024.
        one = self.person_id is not None
        view = self.results_view
        for column in (_RESULT_NAME, _RESULT_NUMBER):
            view.setColumnHidden(column, one)
        # 姓名 … 金额 as wide as what they show (金额 cut 待县里核定标准 at a fixed width).
        for column in range(_RESULT_RULE + (1 if one else 0)):
            view.setColumnWidth(
                column,
                max(
                    view.sizeHintForColumn(column),
                    view.horizontalHeader().sectionSizeFromContents(column).width(),
                ),
            )
        if not one:
            view.setColumnWidth(_RESULT_RULE, _RESULT_RULE_WIDTH)
        eligible = sum(1 for r in shown if r.status is Status.ELIGIBLE)
        self.results_label.setText(
            fill(self.tr("符合条件 %1 人次，共 %2 条结果"), (str(eligible), str(len(shown))))
        )
        if shown:
            select_row(self.results_view, 0)

    def _offer_claim(self, result: RuleResult | None) -> None:
        """Offer 创建申领 only where this device's role and area may create the claim (the
        trust rules' own answer: a township reviews claims, it does not make them; nobody
        claims for a person outside the device's area); the tooltip says why not."""
        verdict = may_add_to(
            self.session.ledger,
            self.session.actor,
            "claims",
            "persons",
            result.person_id if result is not None else None,
        )
        self.claim_button.setEnabled(verdict.allowed)
        self.claim_button.setToolTip(tip(reason_shown(verdict.rule, verdict.reason, verdict.said)))

    def _status_shown(self, status: Status) -> str:
        """A result's status (符合条件, 暂未满足 …) in the window's language."""
        shown = {
            Status.ELIGIBLE: self.tr("符合条件"),
            Status.NOT_YET: self.tr("暂未满足"),
            Status.NOT_ELIGIBLE: self.tr("不符合"),
            Status.CLAIMED: self.tr("已申领"),
        }
        return shown.get(status, STATUS_LABELS.get(status, str(status)))

    def _summary_shown(self, result: RuleResult) -> str:
        """The 说明 column: the first unmet reason, or — when there is none — the status, in
        the window's language."""
        summary = result.summary
        if summary == STATUS_LABELS.get(result.status):
            return self._status_shown(result.status)
        if summary == f"符合条件（金额{UNSET}）":
            return self.tr("符合条件（金额待县里核定标准）")
        # The reason it names (the first unmet; the claim already made): the rule's sentence
        reason = next((r for r in result.reasons if r.text == summary), None)
        return summary if reason is None else policy_reason_shown(reason)

    def _show_reasons(self, current: QModelIndex, _previous: QModelIndex | None) -> None:
        result = self.results.row_at(current.row()) if current.isValid() else None
        self._offer_claim(result)
        if result is None:
            self.reasons.clear()
            return
        # A name typed into the ledger (or a pack's title) is text, never markup: "<img src=…>"
        # as a name would have been drawn (or fetched) by the rich-text pane.
        title = filled(self.tr("%1（%2）"), escape(result.rule_title), escape(result.clause))
        lines = [f"<b>{escape(result.name)}</b> — {title}"]
        lines.append(self.tr("结果：") + self._status_shown(result.status))
        if result.status is not Status.NOT_ELIGIBLE:
            unit = "" if result.amount is None else self.tr(" 元")
            lines.append(self.tr("金额：") + f"{_money(result.amount)}{unit}")
            if result.funding_source:
                # The fund as the county's pack names it (衔接资金), kept as typed, on its own
                # line: run on after the amount it read as part of it.
                lines.append(self.tr("资金来源：%1").replace("%1", escape(result.funding_source)))
        lines += [escape(policy_reason_line(r)) for r in result.reasons]
        self.reasons.setHtml("<br>".join(lines))

    def selected_results(self) -> list[RuleResult]:
        """The selected results, in the list's order (the current one when none is)."""
        rows = sorted({i.row() for i in self.results_view.selectionModel().selectedRows()})
        chosen = [self.results.rows[r] for r in rows if 0 <= r < len(self.results.rows)]
        if not chosen:
            current = self.results_view.currentIndex().data(ROW_ROLE)
            chosen = [current] if current is not None else []
        return chosen

    def create_claim(self) -> Claim | None:
        """Create a draft claim for the selected result; a repeat is refused naming the first.
        Several selected (a month's post subsidy for every post worker): one claim each."""
        chosen = self.selected_results()
        if len(chosen) > 1:
            return self._create_claims(chosen)
        result = chosen[0] if chosen else None
        if result is None:
            show_error(self, self.tr("请先在列表中选择一个人员"))
            return None
        try:
            service = ClaimService(
                self.session.ledger, policy_access.policy(self.session.ledger), self.session.actor
            )
            claim = service.create(result.id_number, result.rule_id, on=self.on.value())
        except LimitExceeded as refused:
            self._refused_repeat(result, refused.first.id)
            return None
        except Exception as error:  # noqa: BLE001 - refusals are shown in Chinese
            show_error(self, error)
            return None
        self.session.apply(service.changes)
        self._mark_claimed(result, claim.id)
        self.results_label.setText(
            self.tr("已创建申领：")
            + f"{claim.person_name} {claim.rule_title} {_money(claim.amount)}"
            + self.tr(" 元")
            + self.tr("（在“申领”页办理）")
        )
        return claim

    def _create_claims(self, chosen: list[RuleResult]) -> Claim | None:
        """A draft claim for each of several results, each written on its own; those that
        cannot be claimed (not eligible, already claimed, a figure not set) are said together,
        by name and reason. Returns the last claim made."""
        try:
            service = ClaimService(
                self.session.ledger, policy_access.policy(self.session.ledger), self.session.actor
            )
        except Exception as error:  # noqa: BLE001 - refusals are shown in Chinese
            show_error(self, error)
            return None
        made: list[Claim] = []
        refused: list[str] = []
        for result in chosen:
            try:
                claim = service.create(result.id_number, result.rule_id, on=self.on.value())
            except LimitExceeded:
                refused.append(fill(self.tr("%1：已申领过“%2”"), (result.name, result.rule_title)))
                continue
            except Exception as error:  # noqa: BLE001 - refusals are shown in Chinese
                # (who, then why: joined as the window's language joins them)
                refused.append(fill(self.tr("%1：%2"), (result.name, message_for(error))))
                continue
            self.session.apply(service.changes)
            self._mark_claimed(result, claim.id)
            made.append(claim)
        self.results_label.setText(
            self.tr("已创建 %1 条申领（在“申领”页办理）").replace("%1", str(len(made)))
            + (self.tr("；%1 条没有创建").replace("%1", str(len(refused))) if refused else "")
        )
        if refused:
            shown = refused[:10] + (
                [self.tr("等 %1 条").replace("%1", str(len(refused)))] if len(refused) > 10 else []
            )
            show_error(
                self,
                fill(
                    self.tr("已创建 %1 条申领；以下 %2 条没有创建："),
                    (str(len(made)), str(len(refused))),
                )
                + "\n"
                + "\n".join(shown),
            )
        return made[-1] if made else None

    def _mark_claimed(self, result: RuleResult, claim_id: str) -> None:
        """Show the result as 已申领 at once (the rules say so too when evaluated again)."""
        claimed = dataclasses.replace(result, status=Status.CLAIMED, claim_id=claim_id)
        self.all_results = [claimed if r is result else r for r in self.all_results]
        row = next((n for n, r in enumerate(self.results.rows) if r is result), None)
        if row is not None:
            rows = list(self.results.rows)
            rows[row] = claimed
            self.results.set_rows(rows)
            select_row(self.results_view, row)
            self._show_reasons(self.results.index(row, 0), None)

    def _refused_repeat(self, result: RuleResult, first_id: str) -> QMessageBox:
        """Say who claimed what when, in words, with a button that opens the first claim."""
        first = ClaimQueries(self.session.ledger).get(first_id)
        # The day it was made (a month's subsidy is judged on the month's last day, claimed
        # after it), and for a subsidy paid by the month (year) the month it pays.
        day = first.made_on()
        when = day_said(day) if day else ""
        period = first.paid_for(month_said, year_said)
        text = (
            self.tr("%1 已于 %2 申领过%5的“%3”（现在是“%4”），同一补贴不能重复申领。")
            if period
            else self.tr("%1 已于 %2 申领过“%3”（现在是“%4”），同一补贴不能重复申领。")
        )
        box = plain(QMessageBox(self))  # the person's name and the rule's title drawn as typed
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("请检查"))
        box.setText(
            fill(
                text,
                (
                    first.person_name or result.name,
                    when,
                    first.rule_title or result.rule_title,
                    word_shown(str(first.state)),
                    period,
                ),
            )
        )
        open_button = box.addButton(self.tr("查看首次申领"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("关闭"), QMessageBox.ButtonRole.RejectRole)
        open_button.clicked.connect(lambda: self.show_claim(first.id))
        self._mark_claimed(result, first.id)
        self.repeat_box = box
        box.open()
        return box

    def show_claim(self, claim_id: str) -> None:
        """Go to the 申领 tab with a claim selected (all subsidies shown, so it is listed)."""
        if self.rule.currentIndex() != 0:
            self.rule.setCurrentIndex(0)
        self.tabs.setCurrentIndex(1)
        self._select_claim(claim_id)

    # -- claims ---------------------------------------------------------------------------

    def _claims_tab(self) -> QWidget:
        self.claims = RowsModel[Claim](
            [
                Column(self.tr("姓名"), lambda c: c.person_name),
                Column(self.tr("身份证号"), lambda c: c.id_number),
                # A township or the county reviews many villages' claims in one list.
                Column(self.tr("所在地"), lambda c: self.areas.path(c.area_code)),
                Column(self.tr("补贴", "column"), lambda c: c.rule_title),
                Column(self.tr("金额（元）"), lambda c: _money(c.amount), align_right=True),
                Column(self.tr("状态"), lambda c: word_shown(str(c.state))),
                # The day it was made, as the 申请表 prints it (not the day it was judged on:
                # a month's subsidy is judged on the month's last day and claimed after it);
                # beside the state, on the screen with it (not past the long columns).
                Column(self.tr("申请日期"), lambda c: c.made_on()),
                Column(self.tr("发放月份"), lambda c: c.paid_for()),
                # The number its 申请表 prints (a clerk on the phone reads it out: 按申请编号查找),
                # on the screen before the long text (appended last, it was off a 1366 screen).
                Column(self.tr("申请编号"), lambda c: c.number),
                # 驳回、撤销 must say why ("申请人会看到"): the reviewer's reason, synced back.
                Column(self.tr("原因"), lambda c: c.reason),
                Column(self.tr("资金来源"), lambda c: c.funding_source),
                Column(self.tr("缺少材料"), lambda c: self.tr("、").join(c.missing_evidence())),
                Column(self.tr("批次"), lambda c: self.batch_titles.get(c.batch_id or "", "")),
            ]
        )
        self.batch_titles: dict[str, str] = {}
        self.claims_view = table_view()
        self.claims_view.setModel(self.claims)
        self.claims_view.horizontalHeader().setMinimumSectionSize(40)
        self.claims_view.viewport().installEventFilter(self)
        self.claims_view.installEventFilter(self)
        self.target = QComboBox()
        # Sized by the steps it offers as they change: first shown empty, it had kept the width
        # of nothing and cut an English step (“Village re”).
        self.target.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.advance_button = QPushButton(self.tr("变更状态"))
        self.evidence_button = QPushButton(self.tr("登记材料…"))
        self.form_button = QPushButton(self.tr("预览申请表"))
        # A draft made by mistake (or on a job since corrected) is deleted; later, rejected.
        self.delete_button = QPushButton(self.tr("删除草稿"))
        self.claims_label = plain_label()  # repeats a number typed, names a person
        # A paper's 申请编号, read out over the phone or copied off a notice: its claim found.
        self.number_search = QLineEdit()
        self.number_search.setPlaceholderText(self.tr("按申请编号查找"))
        self.number_search.setClearButtonEnabled(True)
        self.number_search.setMaximumWidth(160)
        self.number_search.returnPressed.connect(self.find_number)
        # A township's list holds every claim of its villages, of every state and year: those
        # waiting for this device's review (the township's: 村审核 ones) picked out.
        self.awaiting = QCheckBox(self.tr("待本机办理"))
        self.awaiting.toggled.connect(lambda _on: self.refresh_claims())
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("变为")))
        row.addWidget(self.target)
        row.addWidget(self.advance_button)
        row.addWidget(self.evidence_button)
        row.addWidget(self.form_button)
        row.addWidget(self.delete_button)
        row.addWidget(self.claims_label, 1)
        row.addWidget(self.awaiting)
        row.addWidget(self.number_search)
        # The selected claim's materials and steps (who moved it when, and why): what a
        # villager asking after their application wants to know.
        self.claim_steps = QTextBrowser()
        steps_split = QSplitter()
        steps_split.addWidget(self.claims_view)
        steps_split.addWidget(self.claim_steps)
        steps_split.setSizes([860, 300])
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(steps_split, 1)
        # A township reviews many villages' claims: several selected take the same step.
        self.claims_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.claims_view.selectionModel().currentRowChanged.connect(self._on_claim)
        self.claims_view.selectionModel().selectionChanged.connect(
            lambda _selected, _deselected: self._on_claim(self.claims_view.currentIndex(), None)
        )
        self.advance_button.clicked.connect(lambda: self.advance_selected())
        self.evidence_button.clicked.connect(lambda: self.record_evidence())
        self.form_button.clicked.connect(self.preview_form)
        self.delete_button.clicked.connect(self.delete_draft)
        return box

    def _fit_claim_columns(self) -> None:
        """Each column of the claims list as wide as what it shows (fixed widths cut 金额 and
        kept 状态 and the dates off a 1024 screen, past empty columns); long text — a reason,
        the materials missing, the funds, a batch — at most _LONG_TEXT wide, whole in its
        tooltip. The columns may still be dragged wider."""
        view = self.claims_view
        header = view.horizontalHeader()
        widths = []
        for column in range(self.claims.columnCount()):
            shown = view.sizeHintForColumn(column)
            if column >= _FIRST_LONG_CLAIM_COLUMN:
                shown = min(shown, _LONG_TEXT)
            widths.append(max(shown, header.sectionSizeFromContents(column).width()))
        self._claim_widths = widths
        for column, width in enumerate(widths):
            view.setColumnWidth(column, width)
        # 发放月份 takes no room when every claim shown is for a one-off subsidy (it was an empty
        # column, a 1366 screen's width of 申请编号); back as soon as a monthly one is listed.
        view.setColumnHidden(
            _PAID_FOR_CLAIM_COLUMN, not any(c.paid_for() for c in self.claims.rows)
        )
        self._share_claim_columns()

    def _share_claim_columns(self) -> None:
        """所在地 and 补贴 cut to the room the other columns up to 申请编号 leave in the list,
        when it is too narrow for them whole (a 1024 screen: the dates were off its edge);
        whole again when it is wide enough. Each keeps at least its header and four
        characters; the narrower one is cut last. Whole in their tooltips."""
        widths = getattr(self, "_claim_widths", [])
        if len(widths) < _FIRST_LONG_CLAIM_COLUMN:
            return
        view = self.claims_view
        header = view.horizontalHeader()
        first = _FIRST_LONG_CLAIM_COLUMN
        others = sum(view.columnWidth(c) for c in range(first) if c not in _SHARED_CLAIM_COLUMNS)
        room = view.viewport().width() - others
        floor = view.fontMetrics().horizontalAdvance(_SHARED_AT_LEAST) + 12
        wanted = sorted(_SHARED_CLAIM_COLUMNS, key=lambda c: widths[c])
        for index, column in enumerate(wanted):
            share = room // (len(wanted) - index)
            least = max(floor, header.sectionSizeFromContents(column).width())
            width = max(least, min(widths[column], share))
            view.setColumnWidth(column, width)
            room -= width

    def activated(self) -> None:
        """Shown: the date ends at today (as the rules count it) — a month not yet come
        cannot be claimed, so it cannot be picked (a window left open past midnight)."""
        latest = to_qdate(today())
        if self.on.maximumDate() != latest:
            self.on.setMaximumDate(latest)
        self._follow_today()
        if self._stale and self.isVisible():
            self._find_again()

    def _follow_today(self) -> None:
        """A new day (left open over the New Year: claims that morning were dated 12月31日,
        judged on last year's rules): the date moves to it when it was the old day's today, and
        the list shown — found for the old day — is found again for it; a date chosen by hand
        is kept."""
        now = today()
        if now == self._today or self.panel.writing:
            # (A paper still rendering is shown first — a list found again would take its
            # progress line and it would never come; the date follows when it is done.)
            return
        if self.on.value() == self._today:
            self.on.blockSignals(True)
            self.on.set_value(now)
            self.on.blockSignals(False)
            # The list found for the old day (or being found) is found again: at once on
            # screen, when next shown if hidden (`activated`; a list still coming for the old
            # day is never shown, `_show_results`).
            self._stale = self.person_id is not None or bool(self.all_results) or self.panel.busy
        self._today = now

    def _date_chosen(self) -> None:
        """Another date chosen by hand: the list shown (or being found) was found for another
        day — claims are made as of the date shown — so it is found again for this one."""
        if self.person_id is not None or self.all_results or self.panel.busy:
            self._find_again()

    def _find_again(self) -> None:
        """The list found again for the date shown: one person's, or the area's."""
        self._stale = False
        if self.person_id is not None:
            tab = self.tabs.currentIndex()  # (show_person opens 符合条件人员)
            self.show_person(self.person_id)
            self.tabs.setCurrentIndex(tab)
        else:
            self.find_eligible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The date about to be changed by hand: its end is today's first."""
        if watched is self.on and event.type() in _DATE_TOUCHED:
            self.activated()
        elif watched is self.claims_view.viewport() and event.type() == QEvent.Type.Resize:
            self._share_claim_columns()
        elif watched is self.claims_view and event.type() == QEvent.Type.FontChange:
            # Another face (the English one, after a switch, once the list is shown): its
            # widths were worked out in the Chinese face ("Amount (yua", an ID number cut).
            self._fit_claim_columns()
        return super().eventFilter(watched, event)

    def refresh_claims(self) -> None:
        """Reload claims and batches for the area and rule."""
        store = ClaimQueries(self.session.ledger)
        batches = store.batches()
        self.batch_titles = {b.id: b.name() or b.number for b in batches}
        rule_id = self.rule.currentData() or None
        states = self._awaited() if self.awaiting.isChecked() else None
        if self.person_id is not None:
            claims = store.select(rule_id=rule_id, person_id=self.person_id, states=states)
        else:
            area = self.area.code() or None  # over every area: the device's own (not a
            # person offered in from another village, whose claims stay that village's)
            claims = listed_claims(
                self.session.ledger,
                self.session.actor,
                rule_id=rule_id,
                states=states,
                area_prefix=area,
            )
        self.claims.set_rows(list(reversed(claims)))
        self._fit_claim_columns()
        self.claims_label.setText(self.tr("共 %n 条申领", "", len(claims)))
        area = self.area.code()
        shown = [
            b
            for b in reversed(batches)
            if (not rule_id or b.rule_id == rule_id)
            # the batch is inside the chosen area, or the chosen area inside the batch's (a
            # village's claims batched by the township, or by the county for no one area)
            and (in_area(b.area_code, area) or in_area(area, b.area_code))
        ]
        self.batch_sums = {}
        for b in shown:
            # As its 发放花名册 lists them: what the county approved or paid; the claims still
            # on their way to 县审批 said beside.
            roster = on_roster(store.batch_claims(b.id))
            self.batch_sums[b.id] = (roster.persons, roster.total, len(roster.waiting))
        self.batches.set_rows(shown)
        self._on_claim(self.claims_view.currentIndex(), None)
        self._offer_batch()

    def _awaited(self) -> list[ClaimState]:
        """The states of the claims waiting for this device's role (`trust.awaited_states`);
        for a device not enrolled, those still in the flow short of being paid."""
        role = self.session.actor.role
        if role is not None:
            return awaited_states(role)
        return [s for s in ClaimState if TRANSITIONS[s] - {ClaimState.REVERSED}]

    def _offer_batch(self) -> None:
        """Offer 编成批次 only for an area this device may make a batch for (the trust rules:
        a village or township device batches its own area, the county any; with every area
        shown, a device enrolled for one area batches there, as `create_batch` does). A batch
        is one subsidy's: with 全部补贴 shown it waits for the subsidy to be chosen above."""
        actor = self.session.actor
        area = batch_area(actor, self.area.code()) or ""
        verdict = may_add_in(self.session.ledger, actor, "batches", area)
        chosen = bool(self.rule.currentData())
        self.batch_button.setEnabled(verdict.allowed and chosen)
        if not verdict.allowed:
            self.batch_button.setToolTip(
                self.tr("本机只能为本机负责的区域编批次：请在上方“区域”中选择本机负责的区域")
                + "\n"
                + reason_shown(verdict.rule, verdict.reason, verdict.said)
            )
        elif not chosen:
            self.batch_button.setToolTip(
                self.tr("请先在上方“补贴”中选择要编批次的补贴：一个批次只编一种补贴的申领")
            )
        else:
            self.batch_button.setToolTip("")

    def selected_claim(self) -> Claim | None:
        """The claim in the current row."""
        claim: Claim | None = self.claims_view.currentIndex().data(ROW_ROLE)
        return claim

    def selected_claims(self) -> list[Claim]:
        """The selected claims in list order (the current one when no row is selected)."""
        rows = sorted(i.row() for i in self.claims_view.selectionModel().selectedRows())
        chosen = [self.claims.rows[r] for r in rows if 0 <= r < len(self.claims.rows)]
        current = self.selected_claim()
        return chosen or ([current] if current is not None else [])

    def _steps(self, claim: Claim) -> tuple[set[ClaimState], str]:
        """The states this device may move `claim` to, and why none when it may not touch it."""
        steps = set(TRANSITIONS[ClaimState(claim.state)])
        role = self.session.actor.role
        if role is not None:  # an enrolled device offers only the steps its role may take
            steps &= set(allowed_steps(role, claim.state))
            # … on the claims of its own area (another village's claims are only shown)
            verdict = may_change_row(self.session.ledger, self.session.actor, "claims", claim.id)
            if not verdict.allowed:
                return set(), reason_shown(verdict.rule, verdict.reason, verdict.said)
        return steps, ""

    def _whose_step(self, claim: Claim) -> str:
        """Why this device is offered no next step for `claim` whose flow goes on: the next
        step is another level's (县审批 the county's, for a township), in the window's
        language; "" when the flow ends there or the device is not enrolled."""
        current = ClaimState(claim.state)
        for target in sorted(TRANSITIONS[current], key=list(ClaimState).index):
            verdict = may_take_step(self.session.ledger, self.session.actor, current, target)
            if not verdict.allowed:
                return reason_shown(verdict.rule, verdict.reason, verdict.said)
        return ""

    def _on_claim(self, current: QModelIndex, _previous: QModelIndex | None) -> None:
        claim: Claim | None = current.data(ROW_ROLE) if current.isValid() else None
        self.target.clear()
        why_not = ""
        chosen = self.selected_claims() if claim is not None else []
        if len(chosen) > 1:
            claim = None  # evidence and the form are one claim's; steps are all of theirs
        if chosen:
            steps: set[ClaimState] | None = None
            for one in chosen:  # only a step every selected claim may take
                allowed, reason = self._steps(one)
                why_not = why_not or reason
                steps = allowed if steps is None else steps & allowed
            for state in sorted(steps or set(), key=list(ClaimState).index):
                self.target.addItem(word_shown(state.value), state.value)
        has_next = self.target.count() > 0
        self.advance_button.setEnabled(has_next)
        self.target.setEnabled(has_next)
        no_step = why_not
        if len(chosen) == 1 and not has_next and not why_not:
            no_step = self._whose_step(chosen[0])
        elif len(chosen) > 1 and not has_next and not why_not:
            no_step = self._no_common_step(chosen)
        locked = ""
        if claim is not None:
            try:
                check_editable(claim)  # an approved or closed claim's evidence is final
            except TransitionRefused as refused:
                locked = reason_shown(None, str(refused), refused.said)  # the window's language
        self.evidence_button.setEnabled(
            claim is not None and bool(claim.evidence_items()) and not why_not and not locked
        )
        self.advance_button.setToolTip(tip(no_step))
        self.evidence_button.setToolTip(tip(why_not or locked))
        self.form_button.setEnabled(claim is not None)
        not_deleted = why_not
        if claim is not None and claim.state in (ClaimState.REJECTED, ClaimState.REVERSED):
            # Not told to be rejected or reversed, which it is (as the write door says it).
            not_deleted = self.tr("只有草稿可以删除；已驳回或撤销的申领留在台账上备查")
        elif claim is not None and claim.state != ClaimState.DRAFT:
            not_deleted = self.tr("只有草稿可以删除；已提交的申领只能驳回或撤销")
        role = self.session.actor.role
        if role is not None and ClaimState.SUBMITTED not in allowed_steps(role, ClaimState.DRAFT):
            not_deleted = not_deleted or self.tr("草稿由村里的专员删除")
        self.delete_button.setEnabled(claim is not None and not not_deleted)
        self.delete_button.setToolTip(tip(not_deleted))
        self._show_steps(claim)

    def _no_common_step(self, chosen: list[Claim]) -> str:
        """Why several selected claims are offered no step: they are in different states
        (a county's 待本机办理 holds 乡镇审核 and 县审批 ones), which and how many; "" when they
        are all in one state (that state's own reason is said for one claim)."""
        counts = Counter(ClaimState(c.state) for c in chosen)
        if len(counts) < 2:
            return ""
        states = sorted(counts, key=list(ClaimState).index)
        listed = self.tr("、").join(
            filled(self.tr("%1 %2 条"), word_shown(state.value), str(counts[state]))
            for state in states
        )
        return filled(
            self.tr("所选申领没有共同的下一步（%1）：请只选同一状态的申领，分几次办理"), listed
        )

    def _show_steps(self, claim: Claim | None) -> None:
        """One claim's materials and steps, in words (as `claim show` prints them)."""
        if claim is None:
            self.claim_steps.clear()
            return
        lines = [
            f"<b>{escape(claim.person_name)}</b> — {escape(claim.rule_title)}",
            self.tr("状态：")
            + f"{word_shown(str(claim.state))}  {_money(claim.amount)}"
            + self.tr(" 元"),
        ]
        if claim.number:
            # Read whole beside the list at any width (its column may be past a 1024 screen's).
            lines.append(self.tr("申请编号：") + escape(claim.number))
        made, period = claim.made_on(), claim.paid_for(month_said, year_said)
        dates = [self.tr("申请日期：") + day_said(made)] if made else []
        dates += [self.tr("发放月份：") + period] if period else []
        if dates:
            lines.append("　".join(dates))
        lines += [
            f"{'☑' if done else '☐'} {escape(item)}"
            for item, done in claim.evidence_items().items()
        ]
        if claim.missing_evidence_reason:
            lines.append(self.tr("缺件原因：") + escape(claim.missing_evidence_reason))
        for event in ClaimQueries(self.session.ledger).events(claim.id):
            if event.from_state != event.to_state:
                was = word_shown(event.from_state) if event.from_state else "—"
                step = f"{was} → {word_shown(event.to_state)}"
            else:
                step = self._detail_shown(event.detail)
            # The reason as written, in the window's brackets.
            why = self.tr("（%1）").replace("%1", event.reason) if event.reason else ""
            who = event.created_by or self.tr("未知")
            lines.append(escape(f"{short_time(event.created_at or '')}  {who}  {step}{why}"))
        self.claim_steps.setHtml("<br>".join(lines))

    def _detail_shown(self, detail: str) -> str:
        """A step that kept the claim's state, stored in Chinese as `ClaimService` words it
        (材料已收：…, 材料退回：…, 填写缺件原因), in the window's language; the papers by the
        pack's names. A detail it does not know (a newer program's) as it is."""
        head, colon, items = detail.partition("：")
        if colon and head in ("材料已收", "材料退回"):
            said = self.tr("材料已收：%1") if head == "材料已收" else self.tr("材料退回：%1")
            return said.replace("%1", self.tr("、").join(items.split("、")))
        if detail == "填写缺件原因":
            return self.tr("填写缺件原因")
        return detail

    def advance_selected(self, reason: str | None = None) -> Claim | None:
        """Move the selected claims to the chosen state (asks for a reason where one is needed,
        once for them all); returns the last one moved."""
        chosen = self.selected_claims()
        if not chosen or not self.target.currentData():
            return None
        target = ClaimState(self.target.currentData())
        if reason is None:
            reason = ""
            missing = list(dict.fromkeys(m for c in chosen for m in c.missing_evidence()))
            if target in NEEDS_REASON:
                question = filled(
                    self.tr("“%1”须写明原因（申请人会看到）：")
                    if len(chosen) == 1
                    else self.tr("所选 %2 条申领都变为“%1”，须写明原因（申请人会看到）："),
                    word_shown(target.value),
                    str(len(chosen)),
                )
                reason, ok = QInputDialog.getText(self, self.tr("填写原因"), question)
                if not ok:
                    return None
            elif target is ClaimState.SUBMITTED and missing:
                reason, ok = QInputDialog.getText(
                    self,
                    self.tr("材料未收齐"),
                    as_typed(  # the pack's names of the papers, as it words them
                        self.tr(
                            "还缺：%1。\n先提交也可以，但要写明原因（例如“务工证明下周补交”）："
                        ).replace("%1", self.tr("、").join(missing))
                    ),
                )
                if not ok:
                    return None
        service = ClaimService(
            self.session.ledger, policy_access.policy(self.session.ledger), self.session.actor
        )
        moved: Claim | None = None
        changes = NO_CHANGES
        failed: BaseException | str | None = None
        for one in chosen:
            try:
                moved = service.advance(one.id, target, reason)
            except Exception as error:  # noqa: BLE001 - refusals are shown in Chinese
                failed = (
                    filled(self.tr("%1：%2"), one.person_name, message_for(error))
                    if len(chosen) > 1
                    else error
                )
                break
            changes = changes | service.changes
        if changes:  # the pages refresh once, whatever the number of claims moved
            self.session.apply(changes)
        if failed is not None:
            show_error(self, failed)
        if moved is not None:
            self._select_claim(moved.id)
        return moved

    def delete_draft(self) -> None:
        """Delete the selected draft claim, after asking (logged; only a draft)."""
        claim = self.selected_claim()
        if claim is None or len(self.selected_claims()) > 1:
            return
        if not ask_yes_no(
            self,
            self.tr("删除草稿"),
            fill(
                self.tr("删除%1的“%2”这条申领草稿吗？删除后可以重新申领；删除会记入修改记录。"),
                (claim.person_name, claim.rule_title),
            ),
        ):
            return
        service = ClaimService(
            self.session.ledger, policy_access.policy(self.session.ledger), self.session.actor
        )
        try:
            service.delete_draft(claim.id)
        except Exception as error:  # noqa: BLE001 - refusals are shown in Chinese
            show_delete_refused(self, error)
            return
        self.session.apply(service.changes)

    def find_number(self) -> None:
        """Select the claim whose 申请编号 was typed (as its papers print it), among every
        subsidy's claims of the area chosen; say so when no claim has that number, or when
        it is of another area than the one chosen."""
        typed = self.number_search.text().strip()
        if not typed:
            return
        queries = ClaimQueries(self.session.ledger)
        found = queries.by_number(typed, (Claim.TABLE,))
        if not found:
            self.claims_label.setText(self.tr("没有申请编号为 %1 的申领").replace("%1", typed))
            return
        claim = queries.get(found[0])
        if self.person_id is not None and claim.person_id != self.person_id:
            self.show_everyone()
        self.show_claim(claim.id)
        selected = self.selected_claim()
        if selected is None or selected.id != claim.id:
            self.claims_label.setText(
                fill(
                    self.tr("申请编号 %1 是%2的申领（%3），不在所选区域的列表中"),
                    (claim.number, claim.person_name, self.areas.path(claim.area_code)),
                )
            )
        elif len(found) > 1:
            # Two computers' parts coincide: the first is selected; the name on the paper tells.
            self.claims_label.setText(
                fill(
                    self.tr("申请编号 %1 有 %2 条申领（不同电脑编的），请按纸上的姓名核对"),
                    (claim.number, str(len(found))),
                )
            )

    def _select_claim(self, claim_id: str) -> None:
        for row in range(self.claims.rowCount()):
            if self.claims.rows[row].id == claim_id:
                select_row(self.claims_view, row)
                return

    def collect_all_evidence(self) -> None:
        """Tick every missing evidence item of the selected claim."""
        claim = self.selected_claim()
        if claim is None:
            return
        try:
            service = ClaimService(
                self.session.ledger, policy_access.policy(self.session.ledger), self.session.actor
            )
            service.collect_evidence(claim.id, claim.missing_evidence())
        except Exception as error:  # noqa: BLE001
            show_error(self, error)
            return
        self.session.apply(service.changes)
        self._select_claim(claim.id)

    def record_evidence(self) -> Claim | None:
        """Tick the materials received and untick those handed back, item by item (as
        `claim evidence` does); each change is one of the claim's steps."""
        claim = self.selected_claim()
        if claim is None:
            return None
        dialog = EvidenceDialog(claim, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        received = dialog.received()
        had = {item for item, done in claim.evidence_items().items() if done}
        service = ClaimService(
            self.session.ledger, policy_access.policy(self.session.ledger), self.session.actor
        )
        saved: Claim | None = None
        try:
            for items, collected in ((received - had, True), (had - received, False)):
                if items:
                    chosen = [i for i in claim.evidence_items() if i in items]
                    saved = service.collect_evidence(claim.id, chosen, collected)
                    self.session.apply(service.changes)
        except Exception as error:  # noqa: BLE001 - refusals are shown in Chinese
            show_error(self, error)
        self._select_claim(claim.id)
        return saved

    def preview_form(self) -> None:
        """Preview the selected claim's application form."""
        claim = self.selected_claim()
        if claim is not None:
            self._render(lambda led: jobs.form_job(led, claim.id))

    def _render(self, make: papers.JobMaker) -> None:
        """Render a paper and preview it. Its date is not changed meanwhile — by hand or by the
        new day: a list found again would take the progress line, and the paper (asked for at
        23:59 on 31 December) never came, no preview, no word; the date follows the new day
        once it is done (`_paper_done`). 查找符合条件人员 waits too: the same."""
        self.on.setEnabled(False)
        self.find_button.setEnabled(False)
        papers.preview(self, self.panel, self.session, make)

    def _paper_done(self) -> None:
        """The paper shown (or failed): its date may change again, and follows the new day."""
        if not self.panel.writing and not self.on.isEnabled():
            self.on.setEnabled(True)
            self.find_button.setEnabled(True)
            self.activated()

    # -- batches --------------------------------------------------------------------------

    def _batches_tab(self) -> QWidget:
        self.batches = RowsModel[Batch](
            [
                Column(self.tr("批次"), lambda b: b.name()),
                # What its roster lists (rejected or reversed claims left off, as `batch list`
                # counts them); the name says no count (`Batch.name`), which would go stale.
                Column(self.tr("花名册"), self._batch_sum_said, align_right=True),
                Column(self.tr("资金来源"), lambda b: b.funding_source or b.notes),
                Column(self.tr("区域"), lambda b: self.areas.path(b.area_code) or self.tr("全部")),
                Column(self.tr("建立时间"), lambda b: china_minute(b.created_at)),
                Column(self.tr("建立人"), lambda b: b.created_by),
                # The number its 花名册 and 公示表 print beside its name.
                Column(self.tr("批次编号"), lambda b: b.number),
            ]
        )
        self.batch_sums = {}
        self.batches_view = table_view(stretch_last=False)
        self.batches_view.setModel(self.batches)
        # The columns after the title as wide as what they show (建立时间 and a village's path
        # in 区域 were cut at fixed widths on a 1024 screen), the title the room left (its whole
        # text in the tooltip); the table scrolls sideways only when even that is too little.
        header = self.batches_view.horizontalHeader()
        header.setMinimumSectionSize(60)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.batches.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.batch_button = QPushButton(
            self.tr("把所选补贴乡镇审核过的申领编成批次")
            # as `create_batch` takes them: the township's and the county's what it passed
            if self.session.actor.role in (Role.TOWNSHIP, Role.COUNTY)
            else self.tr("把所选补贴的已提交申领编成批次")
        )
        self.roster_button = QPushButton(self.tr("预览花名册"))
        self.notice_button = QPushButton(self.tr("预览公示表"))
        self.forms_button = QPushButton(self.tr("预览全部申请表"))
        row = QHBoxLayout()
        for button in (
            self.batch_button,
            self.roster_button,
            self.notice_button,
            self.forms_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.batches_view, 1)
        self.batch_button.clicked.connect(self.make_batch)
        self.roster_button.clicked.connect(lambda: self.preview_batch(jobs.roster_job))
        self.notice_button.clicked.connect(self.preview_notice)
        self.forms_button.clicked.connect(lambda: self.preview_batch(jobs.forms_job))
        # A paper rendered while eligibility is worked out would drop the rest of the list.
        self.panel.guard(self.roster_button, self.notice_button, self.forms_button)
        self.panel.finished.connect(self._paper_done)
        return box

    def _batch_sum_said(self, batch: Batch) -> str:
        """The people and money `batch`'s 发放花名册 lists: '3 人 1,500 元', and how many of its
        claims wait for the county's approval, left off it: '3 人 1,500 元，待批 2', or '待批 2'
        while it lists no one yet (short: the title beside it keeps its room on a 1024 screen)."""
        persons, total, waiting = self.batch_sums.get(batch.id, (0, 0.0, 0))
        sums = filled(self.tr("%1 人 %2 元"), str(persons), _money(total))
        if waiting and not persons:
            return filled(self.tr("待批 %1"), str(waiting))
        if waiting:
            return filled(self.tr("%1，待批 %2"), sums, str(waiting))
        return sums

    def make_batch(self) -> Batch | None:
        """Batch the unbatched claims (past draft) of the chosen rule in the chosen area —
        the subsidy chosen above, never that of the claim last clicked (with 全部补贴 the
        clerk has chosen none, and the other subsidies' claims would be left out unsaid)."""
        rule_id = self.rule.currentData()
        if not rule_id:
            show_error(
                self, self.tr("请先在上方“补贴”中选择要编批次的补贴：一个批次只编一种补贴的申领")
            )
            return None
        try:
            service = ClaimService(
                self.session.ledger, policy_access.policy(self.session.ledger), self.session.actor
            )
            batch, claims = service.create_batch(rule_id, area_prefix=self.area.code() or None)
        except Exception as error:  # noqa: BLE001
            show_error(self, error)
            return None
        self.session.apply(service.changes)
        self.tabs.setCurrentIndex(2)
        select_row(self.batches_view, 0)
        return batch

    def selected_batch(self) -> Batch | None:
        """The batch in the current row (the newest when none is selected)."""
        batch = self.batches_view.currentIndex().data(ROW_ROLE)
        return batch or self.batches.row_at(0)

    def preview_batch(self, make: Callable[[Ledger, str], PrintJob]) -> None:
        """Render a batch paper and preview it."""
        batch = self.selected_batch()
        if batch is None:
            show_error(self, self.tr("还没有批次"))
            return
        self._render(lambda led: make(led, batch.id))

    def preview_notice(self) -> None:
        """The batch's notice, its period counted on the holiday schedule of the policy in
        force (a county's own days off), as the 打印 page counts it."""
        policy = policy_access.policy_or_none(self.session.ledger)
        self.preview_batch(lambda led, batch_id: jobs.notice_job(led, batch_id, policy=policy))

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, Cancelled):
            show_error(self, error)
        self.updated.emit()

    def busy(self) -> bool:
        """True while an evaluation or rendering runs."""
        return self.panel.busy
