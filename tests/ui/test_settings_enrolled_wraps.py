"""设置 → 本机 → 县里登记为 in English at 1366×768 (the demo ledger's screenshot): the label
wraps to two lines beside 复制设备标识 ("Not enrolled with the county yet (enrol on the / Sync
page with the county's enrolment file)"), and the row kept one line's height, cutting the
second through the middle. The row is now as tall as the wrapped words."""

from __future__ import annotations


def test_the_enrolled_line_is_whole_in_english(window, qtbot):
    window.set_language("en")
    try:
        page = window.show_page("settings")
        qtbot.wait(50)
        label = page.enrolled_label
        assert label.width() > 0
        lines = label.heightForWidth(label.width())
        assert label.height() >= lines, (label.height(), lines, label.text())
    finally:
        window.set_language("zh_CN")
