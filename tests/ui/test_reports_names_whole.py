"""报表 at 1280×720: the table's first column kept its default width (100 px), so the county's
total row read 威宁彝族回… and many a village or site name was cut off too. The names column
now takes the width of the longest name, and every column still fits the table."""

from __future__ import annotations

from tests.ui.conftest import wait_idle


def test_every_areas_name_is_read_whole_at_1280(demo_window, qtbot):
    demo_window.resize(1280, 720)
    page = demo_window.show_page("reports")
    page.area.setCurrentIndex(0)  # 全部区域: the county's total row last
    page.make()
    wait_idle(qtbot, page)
    qtbot.wait(50)
    table, model = page.table, page.model
    assert model.rowCount() > 2
    metrics = table.fontMetrics()
    for row in range(model.rowCount()):
        name = model.index(row, 0).data()
        # The text and the cell's margins (3 px a side): else the name is elided with "…".
        assert table.columnWidth(0) >= metrics.horizontalAdvance(name) + 6, name
    last = model.columnCount() - 1
    right = table.columnViewportPosition(last) + table.columnWidth(last)
    assert right <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
