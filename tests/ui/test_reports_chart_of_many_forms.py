"""报表's chart of the employed by form charted every form: a report with twelve (forms no
program has, as a hub or another device might one day send) drew twelve bars whose labels ran
into each other. As the printed 月报's bars (`policy.report.largest`, shared): the largest seven
and one 其他（5种形式）summing the rest, named in the chart's tooltip; up to eight as they were.
The chart of claimed yuan shows every subsidy (each its own budget line)."""

from __future__ import annotations

import copy
from collections import Counter

from fieldapp.policy.report import CHART_MOST, ClaimFigures
from tests.english import in_english
from tests.ui.conftest import wait_idle

FORMS = {f"形式{chr(0x4E00 + i)}": 20 - i for i in range(12)}  # 一 20 … 12th 9


def _report(window, qtbot):
    page = window.show_page("reports")
    page.area.setCurrentIndex(0)  # 全部区域
    page.make()
    wait_idle(qtbot, page)
    return page, page.report


def _with_forms(report, forms: dict[str, int]):
    many = copy.deepcopy(report)
    many.total.employed_by_form = Counter(forms)
    return many


def test_a_chart_of_many_forms_shows_the_largest_and_one_other(demo_window, qtbot):
    page, report = _report(demo_window, qtbot)
    page.show_report(_with_forms(report, FORMS))
    bars = page.form_chart.items
    assert len(bars) == CHART_MOST
    labels = [label for label, _n in bars]
    ranked = sorted(FORMS, key=lambda f: -FORMS[f])
    assert labels[:-1] == ranked[: CHART_MOST - 1]
    rest = ranked[CHART_MOST - 1 :]
    assert bars[-1] == (f"其他（{len(rest)}种形式）", sum(FORMS[f] for f in rest))
    # Nobody lost: the bars add up to every employed person counted by form
    assert sum(n for _l, n in bars) == sum(FORMS.values())
    tip = page.form_chart.toolTip()
    assert tip.startswith("其他：") and all(f"{f} {FORMS[f]}人" in tip for f in rest)
    assert not any(f in tip for f in ranked[: CHART_MOST - 1])

    # In English the 其他 bar is said in English
    with in_english():
        page, _r = _report(demo_window, qtbot)
        page.show_report(_with_forms(report, FORMS))
        assert page.form_chart.items[-1] == (
            f"Other ({len(rest)} forms)",
            sum(FORMS[f] for f in rest),
        )


def test_eight_forms_are_charted_each(demo_window, qtbot):
    page, report = _report(demo_window, qtbot)
    eight = dict(list(FORMS.items())[:CHART_MOST])
    page.show_report(_with_forms(report, eight))
    assert sorted(page.form_chart.items) == sorted(eight.items())
    assert page.form_chart.toolTip() == ""
    # and a chart capped once is whole again for the next report
    page.show_report(_with_forms(report, FORMS))
    page.show_report(report)
    assert len(page.form_chart.items) == len(report.total.employed_by_form)
    assert page.form_chart.toolTip() == ""


#: Twelve subsidies claimed, two of them from two funding sources (one bar each subsidy).
CLAIMED = {f"补贴{chr(0x4E00 + i)}": 12000.0 - 1000 * i + 0.5 for i in range(12)}


def _with_claims(report, claimed: dict[str, float]):
    many = copy.deepcopy(report)
    many.total.claims = {}
    for n, (title, amount) in enumerate(claimed.items()):
        if n < 2:  # the same subsidy from two sources: one bar, their sum
            many.total.claims[(title, "中央")] = ClaimFigures(claimed_amount=amount - 500)
            many.total.claims[(title, "省级")] = ClaimFigures(claimed_amount=500.0)
        else:
            many.total.claims[(title, "县级")] = ClaimFigures(claimed_amount=amount)
    return many


def test_a_chart_of_many_subsidies_shows_each(demo_window, qtbot):
    """报表's chart of claimed yuan kept the eight largest subsidies, then the largest seven
    and one 其他 (named only in a tooltip): each subsidy is its own budget line, the one a
    county office looks for. Now every subsidy its bar, the most first, one bar a subsidy
    whatever its sources; the chart across the page, tall enough for every bar (the page
    scrolls) — never squeezed until the labels run into each other."""
    page, report = _report(demo_window, qtbot)
    page.show_report(_with_claims(report, CLAIMED))
    ranked = sorted(CLAIMED, key=lambda t: -CLAIMED[t])
    assert page.claims_chart.items == [(t, CLAIMED[t]) for t in ranked]
    assert page.claims_chart.toolTip() == ""
    rows = len(CLAIMED)
    assert page.claims_chart.minimumSizeHint().height() >= 24 * rows
    grid = page.claims_chart.parentWidget().layout()
    place = grid.getItemPosition(grid.indexOf(page.claims_chart))
    assert place[3] == 2  # both columns
    demo_window.resize(1024, 700)
    qtbot.waitUntil(lambda: page.claims_chart.height() >= 24 * rows)
    assert page.claims_chart.width() > page.place_chart.width() * 1.5
