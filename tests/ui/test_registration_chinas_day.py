"""The due list's 失业登记 opens the registration with 登记日期 set to today — the machine's
date: on a laptop whose clock keeps UTC, before 08:00 Beijing time it was yesterday, and a
registration saved as shown was dated a day early (its 1311 service and deadlines counted from
it). It is China's day now (`domain.dates.today()`)."""

from __future__ import annotations

import datetime as dt
import time

import time_machine

from fieldapp.domain.dates import CHINA
from fieldapp.domain.models import Person, UnemploymentRegistration
from fieldapp.services import work
from fieldapp.ui.dialogs.records import UnemploymentDialog
from tests.records import Records


def test_the_registration_date_is_chinas_today_on_a_utc_clock(window, monkeypatch):
    session = window.session
    ledger = session.ledger
    person = Records(ledger).select(Person, "name = '张长英'")[0]
    found = UnemploymentRegistration(person_id=person.id, found_date=dt.date(2026, 11, 20))
    session.apply(work.save_record(ledger, session.actor, found))
    shown: list[dt.date] = []
    monkeypatch.setattr(
        UnemploymentDialog, "exec", lambda dialog: shown.append(dialog.registered.value()) or 0
    )
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        morning = dt.datetime(2026, 12, 4, 7, 30, tzinfo=CHINA)  # 2026-12-03 23:30 UTC
        with time_machine.travel(morning, tick=True):
            assert dt.date.today() == dt.date(2026, 12, 3)
            window.open_person(person.id)
            window.show_page("ledger").panel.register_unemployment()
    finally:
        monkeypatch.undo()
        time.tzset()
    assert shown == [dt.date(2026, 12, 4)]
