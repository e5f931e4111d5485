"""The 同步 page in English had a horizontal scroll bar under the whole page in a narrow window:
the conflict box's title, its explanation on one line (841 px in English), was wider than the
room of a 1024-wide window (the smallest the window takes). The title is short now, the
explanation wrapped under it; every box fits at 1024 and at 1366 in both languages, a county
desktop's four boxes shown and a conflict selected."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from fieldapp.hub.folder import Hub
from tests.ui.conftest import enrol_county
from tests.ui.test_sync_page import make_conflict


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_page_needs_no_horizontal_scroll_bar(window, qtbot, tmp_path, lang):
    window.setWindowState(Qt.WindowState.WindowNoState)
    page = window.show_page("sync")
    hub = Hub.init(tmp_path / "hub")
    try:
        assert enrol_county(hub, page, tmp_path)
    finally:
        hub.close()
    make_conflict(window.session)
    window.set_language(lang)
    try:
        page = window.show_page("sync")
        page.refresh()
        page.conflicts.refresh()
        assert page.county_box.isVisible() and page.held_review_box.isVisible()
        assert page.conflicts.model.rowCount() == 1 and page.conflicts.choices.buttons()
        if lang == "en":
            assert page.conflicts_said.text().startswith("The same field was changed")
        scroll = page.findChild(QScrollArea)
        for width in (1366, 1024):
            window.resize(width, 768 - 72)
            qtbot.wait(50)
            needed = scroll.widget().minimumSizeHint().width()
            room = scroll.viewport().width()
            assert needed <= room, (width, needed, room)
            assert scroll.horizontalScrollBar().maximum() == 0, width
    finally:
        window.set_language("zh_CN")
