"""The window on a laptop's screen that is smaller than 1366×768: 1280×720, or 1366×768 with
the system's text scaled to 125 % (1093×614 for Qt), as village laptops often are."""

from __future__ import annotations


def test_the_subsidies_page_fits_a_window_1024_wide(window, qtbot):
    """The 补贴 list was as wide as its longest subsidy's name (一次性求职创业补贴（首次有组织
    输出到省外…）), 844 px: once the page had been opened, the window could not be narrower
    than 1,309 px, and on a smaller screen its right side (日期, the page's buttons) was off
    the screen."""
    page = window.show_page("subsidies")
    window.resize(1024, 640)
    qtbot.wait(50)
    assert window.minimumSizeHint().width() <= 1024
    assert window.width() <= 1024
    date_right = page.on.mapTo(window, page.on.rect().topRight()).x()
    assert date_right < window.width()
    # The whole name of every subsidy can still be read in the drop-down list.
    view = page.rule.view()
    longest = max(view.sizeHintForColumn(0), 0)
    page.rule.showPopup()
    qtbot.wait(50)
    assert view.viewport().width() >= longest
    page.rule.hidePopup()
