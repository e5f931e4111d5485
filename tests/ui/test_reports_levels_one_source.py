"""报表's chart of registered unemployed by level kept its own list of the four levels
(短期失业 …), beside the domain's (`UnemploymentLevel`, which the report counts by and the
monthly sheet lists through `policy.report.LEVELS`): a level added or renamed there would
have been counted but never drawn. The chart now draws the report's own levels, every one
the report counted, in the domain's order."""

from __future__ import annotations

from fieldapp.domain.enums import UnemploymentLevel
from tests.ui.conftest import wait_idle


def test_the_level_chart_draws_every_level_the_report_counts(demo_window, qtbot):
    page = demo_window.show_page("reports")
    page.area.setCurrentIndex(0)  # 全部区域
    page.make()
    wait_idle(qtbot, page)
    report = page.report
    assert report is not None
    counted = {level: 0 for level in UnemploymentLevel}
    for area in report.areas:
        for level, count in area.unemployed_by_level.items():
            counted[UnemploymentLevel(level)] += count
    assert sum(counted.values()) > 0  # the demo village has registered unemployed
    assert page.level_chart.items == [(str(level), n) for level, n in counted.items()]
