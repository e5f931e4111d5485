"""An English window says its days and months in English: a month or day passed into a
translated sentence was the domain's Chinese (2026年10月 月报 — 3 persons…, Born 1985-03-16),
since `Month.label` and `dates.written` write as the papers do. Screens now say them through
`fieldapp.ui.days`, whose templates are translated (October 2026, 16 March 1985)."""

from __future__ import annotations

import datetime as dt

from fieldapp.domain.claims import Claim
from fieldapp.domain.month import Month
from fieldapp.policy.report import AreaFigures, MonthlyReport
from fieldapp.ui.days import day_said, day_text_said, month_said, year_said
from fieldapp.ui.dialogs.person_editor import describe_id
from tests.conftest import make_id


def test_days_and_months_follow_the_windows_language(window) -> None:
    october = Month("2026-10")
    claim = Claim(person_id="p", rule_id="welfare_post_subsidy", limit_key="k|p|month:2026-12")
    yearly = Claim(person_id="p", rule_id="insurance", limit_key="k|p|year:2026")
    born = make_id(birth="19850316")
    assert (month_said(october), day_said(dt.date(2026, 10, 5))) == ("2026年10月", "2026年10月5日")
    assert claim.paid_for(month_said, year_said) == claim.paid_for() == "2026年12月"
    assert yearly.paid_for(month_said, year_said) == "2026年度"
    assert "1985年3月16日" in describe_id(born)[1]
    window.set_language("en")
    try:
        assert month_said(october) == "October 2026"
        assert day_said(dt.date(2026, 10, 5)) == "5 October 2026"
        assert day_text_said("2026-12-04 10:31") == "4 December 2026 10:31"
        assert day_text_said("未知") == "未知"
        assert claim.paid_for(month_said, year_said) == "December 2026"
        assert claim.paid_for() == "2026年12月"  # papers keep the papers' words
        assert yearly.paid_for(month_said, year_said) == "2026"
        said = describe_id(born)[1]
        assert "16 March 1985" in said and "1985-03-16" not in said, said
    finally:
        window.set_language("zh_CN")


def test_the_reports_summary_says_its_month_in_the_windows_language(window) -> None:
    """报表 in English said “2026年10月 monthly report: …” under the table."""
    report = MonthlyReport("2026-10", dt.date(2026, 10, 31), [], AreaFigures("", "合计"))
    window.set_language("en")
    try:
        page = window.show_page("reports")
        page.show_report(report)
        assert "October 2026" in page.summary.text(), page.summary.text()
        assert "年" not in page.summary.text(), page.summary.text()
    finally:
        window.set_language("zh_CN")
    page = window.show_page("reports")
    page.show_report(report)
    assert page.summary.text().startswith("2026年10月 月报"), page.summary.text()
