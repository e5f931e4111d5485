"""In English at 1366×768 the 走访 page was wider than the window: its 13 service ticks stood
seven to a row ("Organised…" cut at the edge, every box's right end off screen, a scroll bar
under the page). A row now takes as many ticks as fit; Chinese keeps seven."""

from __future__ import annotations

import pytest


def visits_at_1366(window, qtbot, lang: str):
    window.set_language(lang)
    window.resize(1366, 768)
    page = window.show_page("visits")
    qtbot.wait(50)
    return page


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_visits_page_fits_the_window(window, qtbot, lang):
    page = visits_at_1366(window, qtbot, lang)
    room = window._room_of(page)
    assert room.horizontalScrollBar().maximum() == 0, lang
    for check in page.service_checks.values():
        right = check.mapTo(room.viewport(), check.rect().topRight()).x()
        assert right <= room.viewport().width(), check.text()
        assert check.width() >= check.sizeHint().width(), check.text()
    window.set_language("zh_CN")


def test_chinese_keeps_seven_ticks_a_row(window, qtbot):
    page = visits_at_1366(window, qtbot, "zh_CN")
    grid = page.services_box.layout()
    assert grid.columnCount() == 7
