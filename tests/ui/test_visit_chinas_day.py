"""走访's date was checked against the machine's date, not China's day: on a laptop whose clock
keeps UTC (as installed, or set by a county IT clerk), before 08:00 Beijing time the form
opened on yesterday and a visit on today's date was refused as 走访日期不能晚于今天. The form
now takes China's day (`domain.dates.today()`), as the trust rules do."""

from __future__ import annotations

import datetime as dt
import time

import time_machine

from fieldapp.domain.dates import CHINA
from fieldapp.domain.models import Person, Visit
from tests.records import Records


def test_a_visit_on_chinas_today_is_taken_on_a_utc_clock(window, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        morning = dt.datetime(2026, 12, 4, 7, 30, tzinfo=CHINA)  # 2026-12-03 23:30 UTC
        with time_machine.travel(morning, tick=True):
            assert dt.date.today() == dt.date(2026, 12, 3)
            page = window.show_page("visits")
            ledger = window.session.ledger
            person = Records(ledger).select(Person, "name = ?", ["李建国"])[0]
            page.prefill(person.id, "")
            page.clear_form()
            assert page.date.value() == dt.date(2026, 12, 4)
            page.prefill(person.id, "")
            assert not page.has_unsaved()
            page.date.set_value(dt.date(2026, 12, 4))
            assert page.save(), page.status.text()
            visits = Records(ledger).person_records(Visit, person.id)
            assert [v.visit_date for v in visits] == [dt.date(2026, 12, 4)]
    finally:
        monkeypatch.undo()
        time.tzset()
