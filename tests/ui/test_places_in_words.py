"""A job's place written only as its division code (务工地 440306, as the county's sheets often
have it) showed as 440306 in the person's 就业 tab and in the question about the old job; a
household in an area the ledger does not list (a village of another township, moved in from a
sheet) showed its twelve digits under 所在地 — in the ledger table, the person's summary, the
visit picker. The places are named from the division table now (reference.divisions())."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from fieldapp.domain.models import EmploymentSpell, Household, Person
from fieldapp.domain.places_said import say_place
from fieldapp.reference import divisions
from fieldapp.services import work
from fieldapp.ui.areas import AreaIndex
from tests.conftest import make_id
from tests.records import Records

#: A village of 鸭池镇 (七星关区), a township the test ledger does not list.
UNLISTED = "520502100200"


def column(model, title: str) -> int:  # noqa: ANN001
    return next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == title
    )


def test_say_place_names_codes_of_guizhou_and_elsewhere():
    assert say_place("440306", divisions()) == "广东省深圳市宝安区"
    assert say_place("520502100200", divisions()) == "贵州省毕节市七星关区鸭池镇"
    assert (
        say_place("999999", divisions()) == "999999"
    )  # nothing known of it: the code, not a blank
    assert say_place("", divisions()) == ""


def test_a_jobs_place_given_by_its_code_is_shown_in_words(window):
    session = window.session
    ledger = session.ledger
    person = Records(ledger).select(Person, "name = '张长英'")[0]
    job = EmploymentSpell(person_id=person.id, start_date=dt.date(2026, 3, 1), place_code="440306")
    session.apply(work.save_record(ledger, session.actor, job))
    window.open_person(person.id)
    panel = window.show_page("ledger").panel
    place = panel.spells.index(0, column(panel.spells, "务工地")).data()
    assert place == "深圳市宝安区"


def test_a_household_in_an_area_the_ledger_does_not_list_is_named(window, qtbot):
    ledger = window.session.ledger
    repo = Records(ledger)
    with ledger.transaction():
        household = repo.save(Household(area_code=UNLISTED, address="鸭池镇某村"))
        repo.add_person(
            Person(
                name="罗明", id_number=make_id(birth="19900101", seq="015"), household_id=household
            )
        )
    person = repo.select(Person, "name = '罗明'")[0]
    assert AreaIndex.load(ledger).path(UNLISTED) == "贵州省毕节市七星关区鸭池镇"
    window.open_person(person.id)
    page = window.show_page("ledger")
    assert "鸭池镇" in page.panel.summary.text() and UNLISTED not in page.panel.summary.text()
    model = page.table.model()
    where = column(model, "所在地")

    def shown() -> list[str]:
        return [model.index(r, where).data() for r in range(model.rowCount())]

    # The table lists the person (found by the search the window starts) by the place's name.
    qtbot.waitUntil(lambda: "贵州省毕节市七星关区鸭池镇" in shown(), timeout=10000)
    assert UNLISTED not in shown()
