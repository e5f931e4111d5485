"""A household in an area the ledger does not list (a village of another township, moved in
from a sheet) ended the command line's lines with its twelve digits — the person search, the
due list — where the clerk reads places by name: `records.area_path` (now `say_place`) fell back to the bare
code. It now names the place from the division table (贵州省毕节市七星关区鸭池镇)."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.cli.main import main
from fieldapp.domain.dates import today
from fieldapp.domain.models import Household, Person, UnemploymentRegistration
from fieldapp.domain.places_said import PlaceWording, say_place
from fieldapp.reference import divisions
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.areas import listed_places
from tests.conftest import make_id
from tests.records import Records

#: A village of 鸭池镇 (七星关区), which the ledger does not list.
UNLISTED = "520502100200"
WORDS = "贵州省毕节市七星关区鸭池镇"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "ledger.db"
    ledger = Ledger.open(path, author="测试员")
    repo = Records(ledger)
    with ledger.transaction():
        household = repo.save(Household(area_code=UNLISTED, address="某组3号"))
        person, _warnings = repo.add_person(
            Person(
                name="罗明", id_number=make_id(birth="19900101", seq="015"), household_id=household
            )
        )
        ledger.insert(
            "unemployment_registrations",
            UnemploymentRegistration(
                person_id=person, found_date=today() - dt.timedelta(days=1)
            ).fields(),
        )
    ledger.close()
    return path


def test_an_unlisted_area_is_said_in_words_and_known_only_still_says_nothing(db):
    ledger = Ledger.open(db, author="测试员")
    try:
        listed = listed_places(ledger)
        assert say_place(UNLISTED, divisions(), listed) == WORDS
        assert (
            say_place(UNLISTED, divisions(), listed, PlaceWording.KNOWN) == ""
        )  # callers say it so
        assert say_place("999999999999", divisions(), listed) == "999999999999"  # nothing known
    finally:
        ledger.close()


def test_the_person_search_line_ends_with_the_place_in_words(db, capsys):
    assert main(["--db", str(db), "search", "罗明"]) == 0
    (line,) = [line for line in capsys.readouterr().out.splitlines() if "罗明" in line]
    assert line.endswith("\t" + WORDS) and UNLISTED not in line, line


def test_a_due_list_row_ends_with_the_place_in_words(db, capsys):
    assert main(["--db", str(db), "due"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if "罗明" in line]
    assert rows
    for row in rows:
        assert row.endswith("\t" + WORDS) and UNLISTED not in row, row
