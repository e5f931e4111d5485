"""补贴: a refused repeat claim names the person as their name is written, even a name holding
"%2" (a name is any text without spaces: a sheet's or a bundle's). The box's sentence had been
filled by one replace after another, so the "%2" in the name was then taken for the day."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from fieldapp.policy.eligibility import Status
from fieldapp.services import persons
from tests.ui.conftest import wait_idle
from tests.ui.person_panel import person
from tests.ui.subsidies_claim import eligible_row

NAME = "张%2三%3"


def _claimed_by(page, demo_window, qtbot, warnings_shown):
    """An eligible person renamed `NAME` and claimed for; their result's row after a new search."""
    page.find_eligible()
    wait_idle(page=page, qtbot=qtbot)
    claimed = page.results.rows[eligible_row(page)]
    session = demo_window.session
    who = person(demo_window, claimed.name)
    renamed = who.model_copy(update={"name": NAME})
    session.apply(persons.save(session.ledger, session.actor, renamed, loaded=who, confirmed=True))
    page.find_eligible()
    wait_idle(page=page, qtbot=qtbot)
    row = next(
        n
        for n, r in enumerate(page.results.rows)
        if r.name == NAME and r.rule_id == claimed.rule_id and r.status is Status.ELIGIBLE
    )
    page.results_view.selectRow(row)
    assert page.create_claim() is not None, warnings_shown
    return row


def test_a_name_holding_a_numbered_part_in_the_repeat_claim_box(demo_window, qtbot, warnings_shown):
    page = demo_window.show_page("subsidies")
    _claimed_by(page, demo_window, qtbot, warnings_shown)
    assert page.create_claim() is None  # the repeat, refused
    box = page.repeat_box
    try:
        assert box.text().startswith(NAME + " 已于 "), box.text()
    finally:
        box.close()
    qtbot.waitUntil(lambda: not box.isVisible())
    assert warnings_shown == []


def test_a_name_holding_a_numbered_part_among_several_refused(demo_window, qtbot, warnings_shown):
    """Several chosen, one of them claimed already: its line names them as written."""
    page = demo_window.show_page("subsidies")
    row = _claimed_by(page, demo_window, qtbot, warnings_shown)
    other = next(
        n
        for n, r in enumerate(page.results.rows)
        if r.name != NAME and r.status is Status.ELIGIBLE and r.amount is not None
    )
    page.results_view.selectRow(row)
    page.results_view.selectionModel().select(
        page.results.index(other, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert len(page.selected_results()) == 2
    page.create_claim()
    assert len(warnings_shown) == 1, warnings_shown
    title = page.results.rows[row].rule_title
    assert f"{NAME}：已申领过“{title}”" in warnings_shown[0], warnings_shown
