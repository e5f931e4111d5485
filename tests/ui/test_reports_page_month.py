"""The 报表 page opens on the month whose 月报 is being handed in.

In the first days of a month the 月报 handed in is the month before's; the page opened on the
month just begun, so on 4 January the clerk clicked 生成月报 and got 2027年1月 (four days of
it, and of the new year's 本年累计) until she noticed and went back to December by hand. The
page now opens on the month before through the 10th (`LAST_MONTHS_REPORT_UNTIL`), on the
month running from the 11th; left open past that day it moves on when shown again, while it
shows the month it opened on — a month chosen by hand is kept.
"""

from __future__ import annotations

import datetime as dt

import time_machine

from fieldapp.domain.dates import CHINA
from fieldapp.domain.month import Month
from fieldapp.ui.pages.reports import LAST_MONTHS_REPORT_UNTIL, month_to_report


def test_the_month_before_through_the_tenth() -> None:
    assert LAST_MONTHS_REPORT_UNTIL == 10
    assert month_to_report(dt.date(2027, 1, 1)) == Month("2026-12")
    assert month_to_report(dt.date(2027, 1, 10)) == Month("2026-12")
    assert month_to_report(dt.date(2027, 1, 11)) == Month("2027-01")
    assert month_to_report(dt.date(2026, 12, 31)) == Month("2026-12")
    assert month_to_report(dt.date(2027, 3, 5)) == Month("2027-02")


def _shown_month(window) -> Month:
    return Month.of(window.show_page("reports").month.value())


def test_the_page_opens_on_decembers_report_in_january(window) -> None:
    with time_machine.travel(dt.datetime(2027, 1, 4, 8, 0, tzinfo=CHINA), tick=True):
        assert _shown_month(window) == Month("2026-12")


def test_a_page_left_open_moves_on_after_the_tenth(window) -> None:
    with time_machine.travel(dt.datetime(2027, 1, 10, 17, 0, tzinfo=CHINA), tick=True) as clock:
        assert _shown_month(window) == Month("2026-12")
        window.show_page("ledger")
        clock.move_to(dt.datetime(2027, 1, 11, 8, 0, tzinfo=CHINA))
        assert _shown_month(window) == Month("2027-01")
        # A month chosen by hand is kept when the next month's turn comes.
        window.show_page("reports").month.set_value(dt.date(2026, 11, 1))
        window.show_page("ledger")
        clock.move_to(dt.datetime(2027, 2, 11, 8, 0, tzinfo=CHINA))
        assert _shown_month(window) == Month("2026-11")
