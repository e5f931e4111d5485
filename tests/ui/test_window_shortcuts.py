"""The window's keys, pressed as a user presses them: Alt+digit reaches each page that has one,
Ctrl+N a new visit (the shortcuts are connected to `activated`, as typed)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldapp.ui.main_window import PAGE_DIGITS, PAGE_KEYS

DIGIT_KEYS = {str(n): getattr(Qt.Key, f"Key_{n}") for n in range(10)}


def test_alt_digit_shows_each_page_that_has_one(window, qtbot):
    reached = []
    for key, digit in zip(PAGE_KEYS, PAGE_DIGITS, strict=False):
        if not digit:
            continue
        window.show_page("ledger" if key != "ledger" else "monthly")
        qtbot.keyClick(window, DIGIT_KEYS[digit], Qt.KeyboardModifier.AltModifier)
        assert window.current_key() == key, f"Alt+{digit}"
        reached.append(key)
    assert len(reached) == 10  # 设置, the eleventh, has none


def test_ctrl_n_opens_a_new_visit(window, qtbot):
    window.show_page("ledger")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "visits"
    page = window.page("visits")
    qtbot.waitUntil(page.picker.hasFocus)
