"""报表's bar charts named where the employed work, their job forms and the unemployed's levels
in Chinese in the English window (跨省, 灵活就业, 短期失业): they are the program's own words and are now said
in the language shown, as the tables say them; what they count is unchanged, and the Chinese
window draws the words it drew."""

from __future__ import annotations

import re

from fieldapp.domain.enums import EmploymentForm, UnemploymentLevel
from fieldapp.policy.report import PLACES
from tests.english import in_english
from tests.ui.conftest import wait_idle

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _charts(window, qtbot):
    page = window.show_page("reports")
    page.area.setCurrentIndex(0)  # 全部区域
    page.make()
    wait_idle(qtbot, page)
    return page


def test_the_forms_and_levels_are_said_in_the_language_shown(demo_window, qtbot):
    page = _charts(demo_window, qtbot)
    chinese_forms, chinese_levels = list(page.form_chart.items), list(page.level_chart.items)
    chinese_places = list(page.place_chart.items)
    assert [label for label, _n in chinese_places] == list(PLACES)
    assert [label for label, _n in chinese_levels] == [str(level) for level in UnemploymentLevel]
    assert {label for label, _n in chinese_forms} <= {str(f) for f in EmploymentForm} | {"未登记"}
    assert any(n for _label, n in chinese_forms) and any(n for _label, n in chinese_levels)
    with in_english():
        page = _charts(demo_window, qtbot)
        forms, levels = page.form_chart.items, page.level_chart.items
        for label, _n in [*forms, *levels]:
            assert not CHINESE.search(label), label
        # The same figures, in the same order, each under its word in English
        assert [n for _l, n in forms] == [n for _l, n in chinese_forms]
        assert [n for _l, n in levels] == [n for _l, n in chinese_levels]
        assert len({label for label, _n in levels}) == len(UnemploymentLevel)
        # Where a job is (乡镇内 … 跨省, 地点未登记) is the program's word too
        places = page.place_chart.items
        assert [label for label, _n in places] == [
            "In the township",
            "In the county",
            "Elsewhere in the province",
            "Out of province",
            "Place not recorded",
        ]
        assert [n for _l, n in places] == [n for _l, n in chinese_places] and any(
            n for _l, n in places
        )
    page = _charts(demo_window, qtbot)
    assert page.form_chart.items == chinese_forms and page.level_chart.items == chinese_levels
    assert page.place_chart.items == chinese_places
