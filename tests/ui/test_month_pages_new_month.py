"""按月更新 and 本月走访情况 left open over a month's end.

Left open on 31 December and woken on 4 January, both still said 2026-12: the 按月更新 grid,
reloaded after each save, was December's — a status typed then saved as December's, the month
she never chose — and 本月走访情况 counted December's visits as “this month's”, every household
unvisited in January not listed, until the month was changed by hand. Like 待办 and 走访日期
they now follow the new month (on their own within the minute, and when shown) while their
月份 is the month it was — what the page would open on that day; the month before is a click
away. A month chosen by hand is kept, and so is a grid with typed changes not yet saved: she is
finishing that month, and moving would throw her changes away.
"""

from __future__ import annotations

import datetime as dt

import time_machine

from fieldapp.domain.dates import CHINA
from fieldapp.domain.models import Person
from fieldapp.domain.month import Month
from fieldapp.store.queries.persons import rows_by_id
from fieldapp.ui.pages.monthly import STATUS
from tests.records import Records

NEW_YEARS_EVE = dt.datetime(2026, 12, 31, 23, 50, tzinfo=CHINA)
MONDAY = dt.datetime(2027, 1, 4, 8, 0, tzinfo=CHINA)
DECEMBER, JANUARY = Month("2026-12"), Month("2027-01")


def _monthly(window):
    """按月更新 shown with a village chosen (its people in the grid)."""
    page = window.show_page("monthly")
    if not page.area.code():
        page.area.setCurrentIndex(1)
    assert page.model.entries
    return page


def test_the_monthly_grid_on_screen_follows_the_new_month(window, qtbot) -> None:
    with time_machine.travel(NEW_YEARS_EVE, tick=True) as clock:
        page = _monthly(window)
        assert page.current_month() == DECEMBER and page.model.month == DECEMBER
        clock.move_to(MONDAY)
        page.new_month.timer.setInterval(20)
        qtbot.waitUntil(lambda: page.model.month == JANUARY, timeout=5000)
        assert page.current_month() == JANUARY
        assert "2027年1月" in page.summary.text()
        # A month chosen by hand is kept when the next month comes.
        page.month.set_value(dt.date(2026, 11, 1))
        assert page.model.month == Month("2026-11")
        clock.move_to(dt.datetime(2027, 2, 1, 8, 0, tzinfo=CHINA))
        qtbot.wait(200)
        assert page.current_month() == Month("2026-11") and page.model.month == Month("2026-11")


def test_a_grid_with_changes_not_saved_keeps_its_month(window, qtbot) -> None:
    with time_machine.travel(NEW_YEARS_EVE, tick=True) as clock:
        page = _monthly(window)
        model = page.model
        assert model.setData(model.index(0, STATUS), "未就业")
        assert page.has_unsaved()
        clock.move_to(MONDAY)
        page.new_month.timer.setInterval(20)
        qtbot.wait(200)
        # No question asked, nothing thrown away: still December, her change still there.
        assert page.current_month() == DECEMBER and model.month == DECEMBER
        assert page.has_unsaved() and model.entries[0].status == "未就业"
        assert page.save() >= 1
        # Saved as December's, and the grid stays on the month she was finishing.
        qtbot.wait(200)
        assert page.current_month() == DECEMBER
        stored = window.session.ledger.db.execute(
            "SELECT month FROM monthly_status WHERE person_id = ?",
            [model.entries[0].row.person_id],
        ).fetchall()
        assert ("2026-12",) in stored and ("2027-01",) not in stored


def test_a_hidden_monthly_page_is_on_the_new_month_when_shown(window) -> None:
    with time_machine.travel(NEW_YEARS_EVE, tick=True) as clock:
        page = _monthly(window)
        window.show_page("ledger")
        clock.move_to(MONDAY)
        assert window.show_page("monthly") is page
        assert page.current_month() == JANUARY and page.model.month == JANUARY


def _visit_on_new_years_eve(window, page) -> None:
    """李建国's household visited on 31 December: December's visits are not January's."""
    person = Records(window.session.ledger).select(Person, "name = ?", ["李建国"])[0].id
    page.clear_form()
    page.choose(rows_by_id(window.session.ledger, [person])[0])
    assert page.save(), page.status.text()
    assert [r.visits for r in page.households.rows if r.visits] == [1]


def test_the_months_visits_follow_the_new_month(window, qtbot) -> None:
    with time_machine.travel(NEW_YEARS_EVE, tick=True) as clock:
        page = window.show_page("visits")
        assert Month.of(page.month.value()) == DECEMBER
        _visit_on_new_years_eve(window, page)
        clock.move_to(MONDAY)
        page.new_month.timer.setInterval(20)
        qtbot.waitUntil(lambda: Month.of(page.month.value()) == JANUARY, timeout=5000)
        # The list is January's: nobody visited yet.
        assert page.households.rows and not [r for r in page.households.rows if r.visits]
        # A month chosen by hand is kept.
        page.month.set_value(dt.date(2026, 12, 1))
        assert [r.visits for r in page.households.rows if r.visits] == [1]
        clock.move_to(dt.datetime(2027, 2, 1, 8, 0, tzinfo=CHINA))
        qtbot.wait(200)
        assert Month.of(page.month.value()) == DECEMBER


def test_a_hidden_visits_page_shows_the_new_months_visits(window) -> None:
    with time_machine.travel(NEW_YEARS_EVE, tick=True) as clock:
        page = window.show_page("visits")
        _visit_on_new_years_eve(window, page)
        window.show_page("ledger")
        clock.move_to(MONDAY)
        assert window.show_page("visits") is page
        assert Month.of(page.month.value()) == JANUARY
        assert not [r for r in page.households.rows if r.visits]
