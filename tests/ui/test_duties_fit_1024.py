"""In English at 1024×768 the 户级责任 page was wider than the window: its five duty buttons
(All, No one employed in the household, …, One person, several posts) side by side took 956 px
of the page's 866 — a scroll bar under the whole page, 刷新 and the export half off its edge.
They now take rows of fewer when their words need more; Chinese keeps them on one row."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import wait_idle


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_duties_page_fits_a_window_1024_wide(demo_window, qtbot, lang):
    demo_window.set_language(lang)
    try:
        demo_window.setWindowState(Qt.WindowState.WindowNoState)
        demo_window.resize(1024, 768 - 72)
        page = demo_window.show_page("duties")
        wait_idle(qtbot, page)
        qtbot.wait(50)
        room = demo_window._room_of(page)
        assert room.horizontalScrollBar().maximum() == 0, lang
        buttons = list(page.kind_buttons.values())
        for button in (*buttons, page.refresh_button, page.export_button):
            right = button.mapTo(room.viewport(), button.rect().topRight()).x()
            assert right <= room.viewport().width(), button.text()
            assert button.width() >= button.sizeHint().width(), button.text()
        rows = {button.y() for button in buttons}
        assert len(rows) == (1 if lang == "zh_CN" else 2), rows
    finally:
        demo_window.set_language("zh_CN")
