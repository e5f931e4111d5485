"""Scrolling the 设置 page with the mouse wheel: the wheel turned whatever box passed under the
pointer — 无人操作后锁定 went from 10 分钟 down to 不锁定 (saved at once, the window no longer
locking itself), and 语言 switched the whole window to English."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollArea

from fieldapp.ui import login, prefs


def wheel_down(widget, notches: int) -> None:
    centre = QPointF(widget.rect().center())
    for _ in range(notches):
        event = QWheelEvent(
            centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, -120),
            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
            False,
        )  # fmt: skip
        QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_the_settings_page_and_changes_no_setting(window, qtbot):
    page = window.show_page("settings")
    window.nav.setFocus()
    qtbot.wait(50)
    minutes = page.lock_minutes.value()
    assert minutes > 0
    scroll = page.findChild(QScrollArea).verticalScrollBar()
    before = scroll.value()

    wheel_down(page.lock_minutes, 12)
    qtbot.wait(50)
    assert page.lock_minutes.value() == minutes
    assert login.lock_minutes() == minutes
    # The wheel went to the page instead: it scrolled.
    assert scroll.value() > before

    wheel_down(page.language, 2)
    qtbot.wait(50)
    assert prefs.language() == "zh_CN"
    assert window.page_titles()["ledger"] == "台账"
    assert window.pages["settings"] is page

    # Clicked into (focused), the box still takes the wheel as before.
    page.lock_minutes.setFocus()
    wheel_down(page.lock_minutes, 1)
    assert page.lock_minutes.value() == minutes - 1
