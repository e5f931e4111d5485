"""Every page of the window, in Chinese and in English, on the demo ledger at 1024×768 (a
1024×768 screen less its taskbar and title bar), its lists loaded: its content is no wider
than the room the window gives it — no scroll bar under the whole page, no button half off
its edge. The 户级责任 page needed 956 px of the 866 in English (tests/ui/test_duties_fit_1024.py);
this looks at every page the same way, and again with a village of a long name in the ledger
(an area's box is as wide as the longest name it offers)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from fieldapp.domain.enums import AreaKind
from fieldapp.domain.models import Area
from fieldapp.services.areas import ensure
from fieldapp.services.writer import actor_of
from fieldapp.store.ledger import Ledger
from fieldapp.ui.main_window import PAGE_KEYS
from tests.ui.conftest import UI_USER

#: A village of 草海镇 as long as real ones are named (a relocation site's neighbourhood).
LONG_NAME = "草海镇易地扶贫搬迁集中安置区幸福家园社区居民委员会"


@pytest.fixture(params=["demo", "long area name"])
def areas(request: pytest.FixtureRequest, demo_path: Path) -> str:
    """The demo ledger as built, or with a village of a long name added to it."""
    if request.param == "long area name":
        led = Ledger.open(demo_path, credentials=UI_USER)
        try:
            village = Area(
                code="520526100099", name=LONG_NAME, kind=AreaKind.VILLAGE, parent_code="520526100"
            )
            ensure(led, actor_of(led), [village])
        finally:
            led.close()
    return str(request.param)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("key", PAGE_KEYS)
def test_the_page_fits_a_window_1024_wide(areas, demo_window, qtbot, key, lang):
    demo_window.set_language(lang)
    try:
        demo_window.setWindowState(Qt.WindowState.WindowNoState)
        demo_window.resize(1024, 768 - 72)
        page = demo_window.show_page(key)
        qtbot.waitUntil(lambda: not page.busy(), timeout=60000)
        qtbot.wait(100)
        assert demo_window.width() <= 1024, (key, lang, areas, demo_window.width())
        room = demo_window._room_of(page)
        assert isinstance(room, QScrollArea)
        needed = page.minimumSizeHint().width()
        given = room.viewport().width()
        assert needed <= given, (key, lang, areas, needed, given)
        assert room.horizontalScrollBar().maximum() == 0, (key, lang, areas)
    finally:
        demo_window.set_language("zh_CN")
