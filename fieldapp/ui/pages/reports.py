"""报表 page: the monthly report on screen with charts, exported to xlsx."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.dates import today
from fieldapp.domain.models import EmploymentSpell, UnemploymentRegistration
from fieldapp.domain.month import Month
from fieldapp.domain.progress import Cancelled
from fieldapp.domain.regions import PlaceScope
from fieldapp.domain.sentences import fill
from fieldapp.policy.report import (
    CHART_MOST,
    LEVELS,
    NO_PLACE,
    PLACES,
    UNRECORDED,
    AreaFigures,
    MonthlyReport,
    largest,
)
from fieldapp.services.exports import record_export
from fieldapp.services.report import monthly_report
from fieldapp.ui import policy_access
from fieldapp.ui.areas import AreaCombo, AreaIndex
from fieldapp.ui.bar_chart import BarChart
from fieldapp.ui.days import month_said
from fieldapp.ui.errors import show_error
from fieldapp.ui.held_words import stored_word
from fieldapp.ui.operations import OperationPanel, OperationProgress
from fieldapp.ui.pages.page import Page
from fieldapp.ui.session import Session
from fieldapp.ui.table_model import Column, RowsModel
from fieldapp.ui.widgets import DateField, plain_label, table_view
from fieldapp.ui.workbooks import ask_workbook, export_workbook

#: Through this day of a month the page opens on the month before: the 月报 handed in in a
#: month's first days is the last month's (due in the first ten days or so); from the next
#: day on, the month running.
LAST_MONTHS_REPORT_UNTIL = 10


def month_to_report(day: dt.date) -> Month:
    """The month whose 月报 the page opens on, on `day`."""
    month = Month.of(day)
    return month.previous() if day.day <= LAST_MONTHS_REPORT_UNTIL else month


def employed(fig: AreaFigures) -> int:
    """Employed persons of an area (all places)."""
    return sum(fig.employed_by_place.values())


UNEMPLOYED = UnemploymentRegistration.TABLE


class ReportsPage(Page):
    """Month, area → figures per village/site, four charts, 导出 Excel."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.report: MonthlyReport | None = None
        self.areas = AreaIndex.load(session.ledger)
        #: The month the page opened on (`month_to_report`): shown again on a later day, the
        #: page moves on while it still shows that month.
        self._opened_on = month_to_report(today())
        self.month = DateField(self._opened_on.first_day)
        self.month.setDisplayFormat("yyyy-MM")
        self.area = AreaCombo(self.tr("全部区域"))
        self.area.fill(self.areas, offer=self.areas.browsable, keep=session.home_area)
        self.make_button = QPushButton(self.tr("生成月报"))
        self.export_button = QPushButton(self.tr("导出 Excel…"))
        self.export_button.setEnabled(False)
        self.panel = OperationPanel()
        self.summary = plain_label()  # the report's counts, then the file exported to
        self.summary.setWordWrap(True)  # beside the buttons: never wider than the window
        self.model = RowsModel[AreaFigures](
            [
                Column(self.tr("村/安置点"), lambda f: f.name),
                Column(self.tr("人数"), lambda f: f.persons, align_right=True),
                Column(self.tr("户数"), lambda f: f.households, align_right=True),
                Column(self.tr("已就业"), employed, align_right=True),
                Column(
                    self.tr("跨省"), lambda f: f.employed_by_place.get("跨省", 0), align_right=True
                ),
                Column(
                    self.tr("零就业户"), lambda f: f.zero_employment_households, align_right=True
                ),
                Column(
                    self.tr("失业人员"),
                    lambda f: sum(f.unemployed_by_level.values()),
                    align_right=True,
                ),
                Column(self.tr("逾期服务"), lambda f: f.overdue_services, align_right=True),
                Column(
                    self.tr("已发放（元）"),
                    lambda f: sum(c.paid_amount for c in f.claims.values()),
                    align_right=True,
                ),
            ]
        )
        self.table = table_view()
        self.table.setModel(self.model)
        # Each title whole before the first report too (in English "Zero-job households" read
        # "Zero-job househ" at the default width); `show_report` widens them to the figures.
        self.table.resizeColumnsToContents()
        self.place_chart = BarChart(self.tr("已就业人员按地点"))
        self.form_chart = BarChart(self.tr("已就业人员按形式"))
        self.level_chart = BarChart(self.tr("登记失业人员按等级"))
        self.claims_chart = BarChart(self.tr("本年补贴申领金额（元）"))
        charts = QWidget()
        grid = QGridLayout(charts)
        for number, chart in enumerate((self.place_chart, self.form_chart, self.level_chart)):
            grid.addWidget(chart, number // 2, number % 2)
        # Every subsidy claimed, each its own bar (a county's packs name a score of them, by
        # titles of up to thirty characters): across the page, as tall as its bars, the
        # charts scrolling past it.
        grid.addWidget(self.claims_chart, 2, 0, 1, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(charts)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("月份")))
        top.addWidget(self.month)
        top.addWidget(self.area, 1)
        top.addWidget(self.make_button)
        top.addWidget(self.export_button)
        top.addWidget(self.summary, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.panel)
        layout.addWidget(self.table, 2)
        layout.addWidget(scroll, 3)
        self.make_button.clicked.connect(self.make)
        self.export_button.clicked.connect(self.export_dialog)
        # Not while a report is made: an export would drop the new report.
        self.panel.guard(self.export_button)

    def activated(self) -> None:
        """Shown: on the month to report now (`month_to_report`) if it still shows the month
        it opened on; a month chosen by hand is kept."""
        now = month_to_report(today())
        if now != self._opened_on:
            if Month.of(self.month.value()) == self._opened_on:
                self.month.set_value(now.first_day)
            self._opened_on = now

    def make(self) -> None:
        """Compute the month's report off the GUI thread."""
        month, area = self.month.value().strftime("%Y-%m"), self.area.code() or None
        actor = self.session.actor

        def work(progress: OperationProgress) -> MonthlyReport:
            with self.session.worker_ledger() as ledger:
                policy = policy_access.policy(ledger)
                return monthly_report(ledger, policy, month, area_prefix=area, actor=actor)

        self.panel.run(
            self.tr("正在生成月报……"), work, self.show_report, self._failed, read_only=True
        )

    def show_report(self, report: MonthlyReport) -> None:
        """Fill the table and charts."""
        self.report = report
        total = report.total
        self.model.set_rows([*report.areas, total])
        # The names whole (the county's total row the longest), each figure as wide as its
        # header and figures (at 100 px each, 逾期服务 was cut and 已发放 off a 1024 screen).
        self.table.resizeColumnsToContents()
        self.summary.setToolTip("")  # no longer the file last exported to
        self.summary.setText(
            fill(
                self.tr("%1 月报：%2 人，%3 户，已就业 %4 人"),
                (
                    month_said(Month(report.month)),
                    str(total.persons),
                    str(total.households),
                    str(employed(total)),
                ),
            )
        )
        # Where a job is (乡镇内 … 跨省), a form and a level are the program's words: said in
        # the language shown (the county's names of subsidies as stored).
        self.place_chart.set_data(
            [(self._place_said(p), total.employed_by_place.get(p, 0)) for p in PLACES]
        )
        # As the printed 月报's bars: past CHART_MOST forms, the largest and one 其他 (forty
        # bars' labels could not be read); the folded forms named in the chart's tooltip.
        forms = [
            [self._form_said(form), n]
            for form, n in sorted(total.employed_by_form.items(), key=lambda kv: -kv[1])
        ]
        self._chart_largest(
            self.form_chart,
            forms,
            lambda n: self.tr("其他（%1种形式）").replace("%1", str(n)),
            lambda label, n: fill(self.tr("%1 %2人"), (label, str(n))),
        )
        self.level_chart.set_data(
            [
                (stored_word(UNEMPLOYED, "level", lv), total.unemployed_by_level.get(lv, 0))
                for lv in LEVELS
            ]
        )
        by_rule: dict[str, float] = {}
        for (rule, _source), fig in total.claims.items():
            by_rule[rule] = by_rule.get(rule, 0) + fig.claimed_amount
        # Every subsidy claimed, the most first: each is its own budget line, which a 其他
        # summing the smaller ones (past CHART_MOST, as the printed 月报's bars) hid but in a
        # tooltip; on screen the chart grows and the page scrolls.
        self.claims_chart.set_data(sorted(by_rule.items(), key=lambda kv: -kv[1]))
        self.export_button.setEnabled(True)

    def _chart_largest(
        self,
        chart: BarChart,
        rows: list[list[Any]],
        other: Callable[[int], str],
        each: Callable[[str, Any], str],
    ) -> None:
        """Chart `rows` (label, figure; the most first) as `largest` cuts them: past CHART_MOST
        the largest and one 其他 for the rest, the rest named (`each`) in the chart's tooltip."""
        chart.set_data([(label, n) for label, n in largest(rows, CHART_MOST, other)])
        counted = [row for row in rows if row[1]]
        folded = counted[CHART_MOST - 1 :] if len(counted) > CHART_MOST else []
        chart.setToolTip(
            self.tr("其他：%1").replace(
                "%1", self.tr("、").join(each(label, n) for label, n in folded)
            )
            if folded
            else ""
        )

    def _place_said(self, place: str) -> str:
        """Where a job is relative to the household's county (`PlaceScope`, or 地点未登记:
        a job recorded without its place, `policy.report`), in the language shown."""
        said = {
            PlaceScope.TOWNSHIP: self.tr("乡镇内"),
            PlaceScope.COUNTY: self.tr("县内"),
            PlaceScope.PROVINCE: self.tr("省内跨县"),
            PlaceScope.OUT_OF_PROVINCE: self.tr("跨省"),
            NO_PLACE: self.tr("地点未登记"),
        }
        return said.get(place, place)

    def _form_said(self, form: str) -> str:
        """A job's form as the chart of the employed names it, in the language shown: a form
        of the program's, or 未登记 (a job recorded without one, `policy.report`)."""
        if form == UNRECORDED:
            return self.tr("未登记")
        return stored_word(EmploymentSpell.TABLE, "form", form)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, Cancelled):
            show_error(self, error)

    def export_dialog(self) -> None:
        """Ask for a file name and write the xlsx."""
        if self.report is None:
            return
        path = ask_workbook(
            self,
            self.tr("导出月报（含个人信息，请妥善保管）"),
            f"月报-{Month(self.report.month).label()}.xlsx",  # as titled
        )
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Write the report shown to xlsx off the GUI thread (nothing before one is made: the
        button waits for it)."""
        from fieldapp.tabular.report_monthly import write_monthly_report

        report = self.report
        if report is None:
            return

        def work(progress: OperationProgress) -> Path:
            write_monthly_report(report, path)
            with self.session.worker_ledger() as ledger:
                record_export(ledger, f"月报 {report.month}", path, 0, len(report.areas))
            return path

        export_workbook(self, self.panel, self.summary, work)

    def busy(self) -> bool:
        """True while the report is computed or exported."""
        return self.panel.busy
