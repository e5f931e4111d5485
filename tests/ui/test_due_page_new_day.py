"""The 待办 page left open over the New Year holiday.

A coordinator left the window open on 31 December and woke the laptop on Monday 4 January: the
page's 截至 still said 2026-12-31, and the list, refreshed by each save, was December's —
December's 月度更新 “即将到期”, not overdue, and January's items not there — until she noticed
the date and changed it by hand. The page now follows the new day (on its own within the
minute, and when shown) while its 截至 is the day it was; a day she chose is kept.
"""

from __future__ import annotations

import datetime as dt

import time_machine

from fieldapp.domain.dates import CHINA
from tests.ui.conftest import wait_idle


def test_the_due_list_follows_the_new_year_with_the_window_left_open(window, qtbot) -> None:
    with time_machine.travel(dt.datetime(2026, 12, 31, 23, 50, tzinfo=CHINA), tick=True) as clock:
        page = window.show_page("due")
        wait_idle(qtbot, page)
        assert page.on.value() == dt.date(2026, 12, 31)
        assert not [i for i in page.items if i.month == "2027-01"]
        clock.move_to(dt.datetime(2027, 1, 4, 8, 0, tzinfo=CHINA))
        page.day_timer.setInterval(20)
        qtbot.waitUntil(lambda: page.on.value() == dt.date(2027, 1, 4), timeout=5000)
        wait_idle(qtbot, page)
        # The list is the new day's: January's monthly update is on it.
        assert [i for i in page.items if i.month == "2027-01"]
        # A day she chose is kept when the next day comes.
        page.on.set_value(dt.date(2027, 1, 20))
        wait_idle(qtbot, page)
        clock.move_to(dt.datetime(2027, 1, 5, 8, 0, tzinfo=CHINA))
        qtbot.wait(200)
        assert page.on.value() == dt.date(2027, 1, 20)


def test_a_page_shown_again_on_a_new_day_is_as_of_that_day(window, qtbot) -> None:
    with time_machine.travel(dt.datetime(2026, 12, 31, 17, 0, tzinfo=CHINA), tick=True) as clock:
        page = window.show_page("due")
        wait_idle(qtbot, page)
        window.show_page("ledger")
        clock.move_to(dt.datetime(2027, 1, 4, 8, 0, tzinfo=CHINA))
        assert window.show_page("due") is page
        assert page.on.value() == dt.date(2027, 1, 4)
