"""户级责任 and 一库五册 left open over the New Year holiday.

Left open on 31 December and woken on 4 January, both pages still said 截至 2026-12-31: the
duties checked and the rosters made again after each save were last year's, as of a day that
had passed, until the date was changed by hand. Like 待办, they now follow the new day (on
their own within the minute, and when shown) while 截至 is the day it was: a page on screen
works its list out again at once, a hidden one when it is next shown (not while hidden); a
day chosen by hand is kept.
"""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from fieldapp.domain.dates import CHINA
from tests.ui.conftest import wait_idle

NEW_YEARS_EVE = dt.datetime(2026, 12, 31, 23, 50, tzinfo=CHINA)
MONDAY = dt.datetime(2027, 1, 4, 8, 0, tzinfo=CHINA)


def _shown(window, qtbot, key: str):
    """The page shown with an area chosen (一库五册 are made for a village, not for all)."""
    page = window.show_page(key)
    if not page.area.code():
        page.area.setCurrentIndex(1)
    assert page.area.code()
    wait_idle(qtbot, page)
    return page


@pytest.mark.parametrize("key", ["duties", "rosters"])
def test_a_page_on_screen_follows_the_new_day(window, qtbot, key: str) -> None:
    with time_machine.travel(NEW_YEARS_EVE, tick=True) as clock:
        page = _shown(window, qtbot, key)
        assert page.on.value() == dt.date(2026, 12, 31)
        clock.move_to(MONDAY)
        page.new_day.timer.setInterval(20)
        with qtbot.waitSignal(page.updated, timeout=10000):
            qtbot.waitUntil(lambda: page.on.value() == dt.date(2027, 1, 4), timeout=5000)
        wait_idle(qtbot, page)
        # A day chosen by hand is kept when the next day comes.
        page.on.set_value(dt.date(2027, 1, 20))
        wait_idle(qtbot, page)
        clock.move_to(dt.datetime(2027, 1, 5, 8, 0, tzinfo=CHINA))
        qtbot.wait(200)
        assert page.on.value() == dt.date(2027, 1, 20)


@pytest.mark.parametrize("key", ["duties", "rosters"])
def test_a_hidden_page_is_worked_out_when_shown_on_the_new_day(window, qtbot, key: str) -> None:
    with time_machine.travel(NEW_YEARS_EVE, tick=True) as clock:
        page = _shown(window, qtbot, key)
        window.show_page("ledger")
        worked = []
        page.updated.connect(lambda: worked.append(page.on.value()))
        clock.move_to(MONDAY)
        page.new_day.timer.setInterval(20)
        qtbot.wait(300)  # the minute's look comes while the page is hidden: nothing worked out
        assert worked == []
        assert window.show_page(key) is page
        assert page.on.value() == dt.date(2027, 1, 4)
        wait_idle(qtbot, page)
        qtbot.waitUntil(lambda: worked == [dt.date(2027, 1, 4)], timeout=10000)
