"""The person panel's seven tabs (基本信息, 家庭成员, 就业经历, 失业登记, 服务记录, 走访记录,
修改记录) needed 532 px; in a window 1024 wide the panel has about 370, so the last tabs hid
behind scroll arrows and 走访记 was cut in half. The tabs are never scrolled nor shortened now,
their names are short (就业, 失业, 服务, 走访), and every name is read whole — in Chinese and
in English — while the ledger table keeps its room."""

from __future__ import annotations

import pytest

from fieldapp.domain.models import Person
from tests.records import Records


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("height", [768, 640])
def test_every_tab_of_the_person_panel_is_read_whole_at_1024(window, qtbot, lang, height):
    window.set_language(lang)
    person = Records(window.session.ledger).select(Person, "name = '张长英'")[0]
    window.open_person(person.id)
    page = window.show_page("ledger")
    window.resize(1024, height)
    qtbot.wait(50)
    assert window.width() <= 1024
    panel = page.panel
    bar = panel.tabs.tabBar()
    metrics = bar.fontMetrics()
    assert bar.count() == 7
    for index in range(bar.count()):
        text = bar.tabText(index)
        rect = bar.tabRect(index)
        # Inside the bar as shown (no tab behind a scroll arrow) and inside the window …
        assert rect.left() >= 0 and rect.right() < bar.width(), text
        assert bar.mapTo(window, rect.topRight()).x() < window.width(), text
        # … and wide enough for its whole name.
        assert rect.width() >= metrics.horizontalAdvance(text), text
    # The ledger table beside it still shows the ID numbers whole.
    id_column = 3
    table = page.table
    right = table.columnViewportPosition(id_column) + table.columnWidth(id_column)
    assert right <= table.viewport().width()
    window.set_language("zh_CN")
