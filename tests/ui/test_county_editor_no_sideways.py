"""县级政策编辑 in the English window scrolled sideways (its form's group titles and labels
are longer in English than the 760 px the dialog opened at): it now opens as wide as its form
needs, within the screen (a 1024 screen's room), the form never cut at its right edge."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QScrollArea

from tests.ui import county_editor
from tests.ui.county_editor import _editor

county_hub = county_editor.county_hub


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_county_editor_does_not_scroll_sideways(county_hub, window, qtbot, lang) -> None:
    assert window.set_language(lang)
    try:
        dialog = _editor(window, qtbot)
        dialog.show()
        qtbot.wait(100)
        assert dialog.width() <= 1024 - 16
        bar = dialog.findChild(QScrollArea).horizontalScrollBar()
        assert bar.maximum() == 0, (lang, bar.maximum(), dialog.width())
        dialog.close()
    finally:
        window.set_language("zh_CN")
