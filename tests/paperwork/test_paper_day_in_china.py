"""A paper's day when none is given was this computer's date: on a laptop or county server kept
in UTC, before 08:00 in Guizhou that date is still yesterday, so a notice printed at 07:30 on
4 December began its 公示 period on the 3rd, and sync files made then were named by the UTC
clock. The paper's day is now China's (`domain.dates.today`), sync file names China's time."""

from __future__ import annotations

import datetime as dt

import time_machine

from fieldapp.domain.dates import CHINA
from fieldapp.paperwork.jobs import notice_job
from fieldapp.sync.files import stamp
from tests.paperwork.builders import add_claims

#: 07:30 on Friday 4 December in Guizhou: 23:30 on the 3rd by a UTC clock.
EARLY = dt.datetime(2026, 12, 4, 7, 30, tzinfo=CHINA)


def test_a_notice_printed_at_half_past_seven_begins_on_chinas_day(clock, ledger):
    batch_id, _claims = add_claims(ledger, 2)
    clock("UTC")
    with time_machine.travel(EARLY, tick=False):
        assert dt.date.today() == dt.date(2026, 12, 3)  # the computer's own date: yesterday
        job = notice_job(ledger, batch_id)
    assert job.view.start == dt.date(2026, 12, 4)


def test_sync_file_names_are_stamped_in_china_time(clock):
    clock("UTC")
    with time_machine.travel(EARLY, tick=False):
        assert stamp().startswith("20261204-073000-")


def test_this_month_and_todays_times_are_chinas_on_a_utc_clock(clock):
    """At 07:30 on 1 December in Guizhou a UTC clock still says November: the month the pages
    open on and a time shown as "today" (14:03, not 12-01 14:03) followed it."""
    from fieldapp.domain.month import Month
    from fieldapp.ui.history import short_time

    clock("UTC")
    with time_machine.travel(dt.datetime(2026, 12, 1, 7, 30, tzinfo=CHINA), tick=False):
        assert dt.date.today() == dt.date(2026, 11, 30)
        assert Month.current() == "2026-12"
        assert short_time("2026-12-01T07:10:00+08:00") == "07:10"
