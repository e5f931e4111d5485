"""In English at 1024×640 the ledger table was squeezed to a third of its Chinese width (ID
numbers cut off after eight digits): the navigation grew to its longest label ("Household
duties") and the person panel beside the table to its longest row of buttons ("Add household
member", "Move to another household…"). The navigation now wraps long labels under a sensible
width, and the panel's buttons take fewer columns when their labels are long."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt


def ledger_at_1024(window, qtbot, lang: str):
    window.set_language(lang)
    window.resize(1024, 640)
    page = window.show_page("ledger")
    qtbot.wait(50)
    return page


def test_the_ledger_table_keeps_its_room_in_english(window, qtbot):
    chinese = ledger_at_1024(window, qtbot, "zh_CN").table.viewport().width()
    page = ledger_at_1024(window, qtbot, "en")
    assert window.width() <= 1024 and window.height() <= 640
    table = page.table.viewport().width()
    # The ID number column (18 digits) is still whole, and the table nearly as wide as in Chinese.
    assert table >= 0.85 * chinese, (table, chinese)
    id_column = 3
    assert page.table.columnViewportPosition(id_column) + page.table.columnWidth(id_column) <= table
    assert window.nav.width() <= 130
    # Every button of the person panel still shows its whole label.
    panel = page.panel
    for button in (panel.edit_button, panel.member_button, panel.move_button, panel.delete_button):
        assert button.width() >= button.sizeHint().width(), button.text()
    window.set_language("zh_CN")


def test_long_english_navigation_labels_wrap_whole(window, qtbot):
    page = ledger_at_1024(window, qtbot, "en")
    assert page is not None
    nav = window.nav
    assert nav.horizontalScrollBar().maximum() == 0
    metrics = nav.fontMetrics()
    for row in range(nav.count()):
        item = nav.item(row)
        rect = nav.visualItemRect(item)
        assert rect.right() <= nav.viewport().width(), item.text()
        # The words wrapped inside the item's room (less its padding) fit its height.
        room = QRect(0, 0, rect.width() - 28, 1000)
        needed = metrics.boundingRect(room, int(Qt.TextFlag.TextWordWrap), item.text())
        assert needed.width() <= room.width() and needed.height() <= rect.height(), item.text()
    window.set_language("zh_CN")
    assert nav.width() == 108
