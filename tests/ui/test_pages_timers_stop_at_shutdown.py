"""A page's minute timer stops when the window shuts its pages down (the ledger closes next).

The CI run of bb11a8df met `Cannot operate on a closed database` in the setup of later tests:
补贴's minute check (`activated`) of a window already shut down still ran, moved 日期's end to
the day it now was — earlier than the one the page opened on — and the date so moved found the
list of who qualifies again on the closed ledger."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.mark.today("2027-01-31")
def test_the_pages_timers_are_stopped_when_the_window_shuts_its_pages_down(window, qtbot) -> None:
    from PySide6.QtCore import QTimer

    page = window.show_page("subsidies")
    window.show_page("visits")
    window.show_page("monthly")
    window.show_page("due")
    running = [t for p in window.pages.values() for t in p.findChildren(QTimer) if t.isActive()]
    assert running, "the pages' minute checks run while the window is open"
    window.shutdown_pages()
    still = [
        (type(p).__name__, t.interval())
        for p in window.pages.values()
        for t in p.findChildren(QTimer)
        if t.isActive()
    ]
    assert still == []
    assert page.on.value() == dt.date(2027, 1, 31)
