"""The 补贴 page left open over the New Year holiday.

Left open on 31 December and woken on 4 January, its 日期 still said 2026-12-31: the people
found were judged on last year's rules and the claims made that morning were dated December
(2026年12月's post subsidy again, not January's), until the date was changed by hand. Like
待办, 户级责任 and 一库五册, the date now follows the new day (within the minute, and when the
page is shown) while it is the day it was, and the list of who qualifies is found again for the
new day — a claim is never made on a list found for another day; a date chosen by hand is kept.
"""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from fieldapp.domain.dates import CHINA
from fieldapp.policy.eligibility import Status
from fieldapp.ui.widgets import select_row
from tests.ui.conftest import wait_idle
from tests.ui.welfare_post import post_worker  # noqa: F401 - a fixture

NEW_YEARS_EVE = dt.datetime(2026, 12, 31, 23, 50, tzinfo=CHINA)
MONDAY = dt.datetime(2027, 1, 4, 8, 0, tzinfo=CHINA)


def _post_subsidy(page) -> int:
    """The row of 赵六's post subsidy in the list shown."""
    rows = page.results.rows
    return next(i for i, r in enumerate(rows) if r.rule_id == "welfare_post_subsidy")


def test_the_date_and_the_list_follow_the_new_day(post_worker, window, qtbot) -> None:  # noqa: F811
    with time_machine.travel(NEW_YEARS_EVE, tick=True) as clock:
        page = window.show_page("subsidies")
        assert page.on.value() == dt.date(2026, 12, 31)
        page.find_eligible()
        wait_idle(qtbot, page)
        found = [page.results.rows[_post_subsidy(page)]]
        clock.move_to(MONDAY)
        page.day_timer.setInterval(20)
        with qtbot.waitSignal(page.updated, timeout=10000):
            qtbot.waitUntil(lambda: page.on.value() == dt.date(2027, 1, 4), timeout=5000)
        wait_idle(qtbot, page)
        # The list was found again: its rows are new ones, for the new day.
        row = _post_subsidy(page)
        assert page.results.rows[row] is not found[0]
        select_row(page.results_view, row)
        claim = page.create_claim()
        assert claim is not None
        assert claim.claim_date == dt.date(2027, 1, 4)
        assert claim.limit_key.endswith("month:2027-01")
        page.day_timer.stop()  # (the clock goes back to the machine's after the test)


def test_a_date_chosen_by_hand_is_kept_and_its_list_with_it(
    post_worker,  # noqa: F811
    window,
    qtbot,
) -> None:
    with time_machine.travel(NEW_YEARS_EVE, tick=True) as clock:
        page = window.show_page("subsidies")
        page.on.set_value(dt.date(2026, 12, 30))
        page.find_eligible()
        wait_idle(qtbot, page)
        found = page.results.rows[_post_subsidy(page)]
        clock.move_to(MONDAY)
        page.day_timer.setInterval(20)
        qtbot.waitUntil(
            lambda: page.on.maximumDate().toPython() == dt.date(2027, 1, 4), timeout=5000
        )
        qtbot.wait(200)
        wait_idle(qtbot, page)
        assert page.on.value() == dt.date(2026, 12, 30)
        assert page.results.rows[_post_subsidy(page)] is found  # not found again
        page.day_timer.stop()


def test_a_hidden_page_finds_its_list_again_when_shown(
    post_worker,  # noqa: F811
    window,
    qtbot,
) -> None:
    with time_machine.travel(NEW_YEARS_EVE, tick=True) as clock:
        page = window.show_page("subsidies")
        page.find_eligible()
        wait_idle(qtbot, page)
        window.show_page("ledger")
        clock.move_to(MONDAY)
        page.day_timer.setInterval(20)
        qtbot.waitUntil(lambda: page.on.value() == dt.date(2027, 1, 4), timeout=5000)
        qtbot.wait(200)
        assert not page.panel.busy  # hidden: nothing worked out
        found = page.results.rows[_post_subsidy(page)]
        with qtbot.waitSignal(page.updated, timeout=10000):
            assert window.show_page("subsidies") is page
        wait_idle(qtbot, page)
        assert page.results.rows[_post_subsidy(page)] is not found
        page.day_timer.stop()


@pytest.mark.today("2027-01-04")
@pytest.mark.parametrize("one_person", [False, True])
def test_a_date_changed_by_hand_finds_the_list_again(
    post_worker,  # noqa: F811
    window,
    qtbot,
    one_person: bool,
) -> None:
    """The list found for 4 January stayed up when the date was set back to last June (before
    赵六's post began): he still showed 符合条件 for the post subsidy, and 创建申领 on him made
    a claim as of a date the list was not found for (refused there, or at another figure)."""
    page = window.show_page("subsidies")
    if one_person:
        page.show_person(_zhao(page))
    else:
        page.find_eligible()
    wait_idle(qtbot, page)
    assert page.results.rows[_post_subsidy(page)].status is Status.ELIGIBLE
    page.on.set_value(dt.date(2026, 6, 15))
    wait_idle(qtbot, page)
    qtbot.waitUntil(
        lambda: (
            not page.panel.busy
            and not any(
                r.rule_id == "welfare_post_subsidy" and r.status is Status.ELIGIBLE
                for r in page.results.rows
            )
        ),
        timeout=10000,
    )
    if one_person:  # his reasons, as of June
        assert page.results.rows[_post_subsidy(page)].status is not Status.ELIGIBLE


def _zhao(page) -> str:
    """赵六's person id."""
    from fieldapp.store.queries import records
    from tests.conftest import make_id

    person = records.person_by_id_number(page.session.ledger, make_id(birth="19800505", seq="311"))
    assert person is not None
    return person.id


def test_one_persons_subsidies_opened_on_the_new_day_stay_his(
    post_worker,  # noqa: F811
    window,
    qtbot,
) -> None:
    """The hidden page's list, found again when shown on the new day, is not put over one
    person's subsidies asked for from his panel as it was shown (只看 赵六 above everyone's)."""
    with time_machine.travel(NEW_YEARS_EVE, tick=True) as clock:
        page = window.show_page("subsidies")
        page.find_eligible()
        wait_idle(qtbot, page)
        assert len(page.results.rows) == 1  # (his post subsidy: the others qualify for none)
        window.show_page("ledger")
        clock.move_to(MONDAY)
        page.day_timer.setInterval(20)
        qtbot.waitUntil(lambda: page.on.value() == dt.date(2027, 1, 4), timeout=5000)
        page.day_timer.stop()
        window.open_subsidies(_zhao(page))
        wait_idle(qtbot, page)
        qtbot.wait(200)
        assert page.person_id == _zhao(page)
        # His every subsidy, each with its reasons (not the area's list of who qualifies).
        assert len(page.results.rows) > 1
        assert {r.person_id for r in page.results.rows} == {_zhao(page)}


def test_a_paper_rendering_over_midnight_is_still_shown(
    post_worker,  # noqa: F811
    window,
    qtbot,
) -> None:
    """申请表 asked for at 23:59 on 31 December: the new day's move of 日期 started the list of
    who qualifies again on the same progress line, and the paper was never shown — no preview,
    no word. While a paper renders the date is not changed (by hand or by the new day); it
    follows the new day once the paper is shown."""
    from fieldapp.ui.pdf_preview import PdfPreview

    with time_machine.travel(NEW_YEARS_EVE, tick=True) as clock:
        page = window.show_page("subsidies")
        page.find_eligible()
        wait_idle(qtbot, page)
        select_row(page.results_view, _post_subsidy(page))
        assert page.create_claim() is not None
        select_row(page.claims_view, 0)  # his new claim, its 申请表
        page.preview_form()
        assert page.panel.writing  # the paper renders
        assert not page.on.isEnabled()  # its date cannot be changed by hand meanwhile
        clock.move_to(MONDAY)
        page.activated()  # the minute's look at the day, while the paper still renders
        assert page.on.value() == dt.date(2026, 12, 31)
        wait_idle(qtbot, page)
        assert page.findChildren(PdfPreview)  # the paper is shown
        for preview in page.findChildren(PdfPreview):
            preview.close()
        # Then the date follows the new day, and the list is found again for it.
        qtbot.waitUntil(lambda: page.on.value() == dt.date(2027, 1, 4), timeout=5000)
        assert page.on.isEnabled()
        wait_idle(qtbot, page)
        assert page.results.rows
        page.day_timer.stop()


def test_a_paper_rendering_is_not_dropped_for_a_new_search(
    post_worker,  # noqa: F811
    window,
    qtbot,
) -> None:
    """查找符合条件人员 pressed while 申请表 renders took the progress line from it: the paper
    was never shown. The button waits for the paper, as 日期 does."""
    from fieldapp.ui.pdf_preview import PdfPreview

    page = window.show_page("subsidies")
    page.find_eligible()
    wait_idle(qtbot, page)
    select_row(page.results_view, _post_subsidy(page))
    assert page.create_claim() is not None
    select_row(page.claims_view, 0)
    page.preview_form()
    assert page.panel.writing
    assert not page.find_button.isEnabled()
    wait_idle(qtbot, page)
    assert page.findChildren(PdfPreview)  # the paper is shown
    for preview in page.findChildren(PdfPreview):
        preview.close()
    assert page.find_button.isEnabled()
