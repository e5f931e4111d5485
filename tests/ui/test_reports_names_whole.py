"""报表 at 1280×720: the table's first column kept its default width (100 px), so the county's
total row read 威宁彝族回… and many a village or site name was cut off too. The names column
now takes the width of the longest name, and every column still fits the table."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import wait_idle


@pytest.mark.parametrize(
    ("width", "height", "lang"),
    [(1280, 720, "zh_CN"), (1024, 768, "zh_CN"), (1024, 768, "en")],
)
def test_every_areas_name_and_figure_is_read_whole(demo_window, qtbot, width, height, lang):
    """And at 1024×768 (in Chinese and English), where every figure column kept 100 px:
    逾期服务 was cut and 已发放（元） off the table's right edge, reached only by scrolling
    sideways; each figure column is now as wide as its header and figures."""
    demo_window.setWindowState(Qt.WindowState.WindowNoState)
    demo_window.set_language(lang)
    demo_window.resize(width, height - 72)  # the screen less its taskbar and title bar
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
    assert right <= table.viewport().width(), [table.columnWidth(c) for c in range(last + 1)]
    assert table.horizontalScrollBar().maximum() == 0
    header = table.horizontalHeader()
    for column in range(1, last + 1):
        shown = max(header.sectionSizeFromContents(column).width(), table.sizeHintForColumn(column))
        assert table.columnWidth(column) >= shown, model.headerData(
            column, Qt.Orientation.Horizontal
        )
    demo_window.set_language("zh_CN")
