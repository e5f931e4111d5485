"""走访 left open over the New Year holiday.

The form's 走访日期 is set to today when the page is built and after each save. A coordinator
who recorded her last visit on 31 December and woke the laptop on 4 January recorded the next
visit — and the services ticked with it — on 2026-12-31: a visit of last year, counted in
December's 1311 and levels, its date typed by nobody. The date now follows the new day while
it is the day it was (within the minute, and at saving); a day she chose is kept.
"""

from __future__ import annotations

import datetime as dt

import time_machine

from fieldapp.domain.dates import CHINA
from fieldapp.domain.models import Person, Visit
from fieldapp.store.queries.persons import rows_by_id
from tests.records import Records


def _person(window) -> str:  # type: ignore[no-untyped-def]
    return Records(window.session.ledger).select(Person, "name = ?", ["李建国"])[0].id


def test_a_visit_after_the_new_year_is_dated_the_new_day(window) -> None:
    with time_machine.travel(dt.datetime(2026, 12, 31, 23, 50, tzinfo=CHINA), tick=True) as clock:
        page = window.show_page("visits")
        page.clear_form()
        assert page.date.value() == dt.date(2026, 12, 31)
        clock.move_to(dt.datetime(2027, 1, 4, 8, 0, tzinfo=CHINA))
        person = _person(window)
        # Found by typing her name in 户或人员 (as picked from its list)
        page.choose(rows_by_id(window.session.ledger, [person])[0])
        assert not page.has_unsaved()  # nothing typed: leaving asks nothing
        assert page.save(), page.status.text()
        visits = Records(window.session.ledger).person_records(Visit, person)
        assert [v.visit_date for v in visits] == [dt.date(2027, 1, 4)]


def test_the_date_follows_the_new_day_on_its_own_and_keeps_a_day_chosen(window, qtbot) -> None:
    with time_machine.travel(dt.datetime(2026, 12, 31, 23, 50, tzinfo=CHINA), tick=True) as clock:
        page = window.show_page("visits")
        page.clear_form()
        clock.move_to(dt.datetime(2027, 1, 4, 8, 0, tzinfo=CHINA))
        page.day_timer.setInterval(20)
        qtbot.waitUntil(lambda: page.date.value() == dt.date(2027, 1, 4), timeout=5000)
        # Last Thursday's visit, written up today: the day she set is what is saved.
        page.date.set_value(dt.date(2026, 12, 31))
        clock.move_to(dt.datetime(2027, 1, 5, 8, 0, tzinfo=CHINA))
        qtbot.wait(200)
        assert page.date.value() == dt.date(2026, 12, 31)
        person = _person(window)
        page.choose(rows_by_id(window.session.ledger, [person])[0])
        assert page.save(), page.status.text()
        visits = Records(window.session.ledger).person_records(Visit, person)
        assert [v.visit_date for v in visits] == [dt.date(2026, 12, 31)]


def test_a_save_just_after_midnight_moves_the_date_and_saves_nothing(window) -> None:
    """保存 pressed at 00:00 on 1 January, before the minute's look at the day: the form still
    showed 2026-12-31 and the visit was saved as 1 January's — silently. It is not saved: the
    date moves to the new day and the status line says so; she checks it and saves again."""
    with time_machine.travel(dt.datetime(2026, 12, 31, 23, 59, tzinfo=CHINA), tick=True) as clock:
        page = window.show_page("visits")
        page.clear_form()
        person = _person(window)
        page.choose(rows_by_id(window.session.ledger, [person])[0])
        page.notes.setText("看望，家中正常")
        clock.move_to(dt.datetime(2027, 1, 1, 0, 0, 5, tzinfo=CHINA))
        assert page.save() is None
        assert page.status.text() == "走访日期已变为2027年1月1日，请核对后再保存"
        assert page.date.value() == dt.date(2027, 1, 1)
        assert page.notes.text() == "看望，家中正常"  # what she typed is kept
        assert Records(window.session.ledger).person_records(Visit, person) == []
        assert page.save(), page.status.text()  # checked: saved as the day shown
        visits = Records(window.session.ledger).person_records(Visit, person)
        assert [v.visit_date for v in visits] == [dt.date(2027, 1, 1)]
