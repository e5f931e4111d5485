"""The person panel's 打印 button (1366×768 screenshot of the demo ledger): a tool button kept
to its label's width between 本户本月状态 and 补贴…, and its own menu arrow drawn over the ▾
typed into the label ('打印 ▾_'). It is now a push button with a menu, as wide as 迁到别户…
above it, its arrow Qt's alone."""

from __future__ import annotations


def test_the_print_button_is_as_wide_as_its_column(window, qtbot):
    page = window.show_page("ledger")
    page.table.selectRow(0)
    panel = page.panel
    qtbot.waitUntil(lambda: panel.print_button.isEnabled())
    button = panel.print_button
    assert button.menu() is panel.print_menu
    assert "▾" not in button.text()
    assert button.width() == panel.move_button.width()
    assert button.height() == panel.move_button.height()
