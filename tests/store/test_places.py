"""Where rows are (`PlaceFinder`): places follow the changes accepted in the same batch.

The finder keeps the places it worked out (a bundle asks for the same household's place once
per person); a change that moves a row must move every row placed through it, in the same
batch, whatever was asked before.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

from fieldapp.services.trust import LINKS
from fieldapp.store.places import PlaceFinder


def _ledger() -> sqlite_utils.Database:
    db = sqlite_utils.Database(sqlite3.connect(":memory:"))
    db.execute("CREATE TABLE households (id TEXT PRIMARY KEY, area_code TEXT, head_person_id TEXT)")
    db.execute("CREATE TABLE persons (id TEXT PRIMARY KEY, household_id TEXT)")
    db.execute("CREATE TABLE monthly_status (id TEXT PRIMARY KEY, person_id TEXT, spell_id TEXT)")
    db.execute("INSERT INTO households VALUES ('h1', '520502101201', NULL)")
    db.execute("INSERT INTO persons VALUES ('p1', 'h1')")
    db.execute("INSERT INTO monthly_status VALUES ('m1', 'p1', NULL)")
    return db


def test_a_household_moving_moves_the_rows_placed_through_it() -> None:
    finder = PlaceFinder(_ledger(), LINKS)
    finder.preload([("monthly_status", "m1")])
    status = finder.row("monthly_status", "m1")
    assert finder.place("monthly_status", status) == "520502101201"
    assert finder.link_places("monthly_status", {"person_id": "p1"}) == {
        "person_id": "520502101201"
    }
    finder.remember("households", "h1", {"area_code": "520502102201"})
    assert finder.place("monthly_status", status) == "520502102201"
    assert finder.link_places("monthly_status", {"person_id": "p1"}) == {
        "person_id": "520502102201"
    }


def test_a_person_moving_into_a_new_household_takes_its_place() -> None:
    finder = PlaceFinder(_ledger(), LINKS)
    assert finder.link_places("monthly_status", {"person_id": "p1"}) == {
        "person_id": "520502101201"
    }
    # A household the batch creates, then the person moved into it.
    assert finder.link_places("persons", {"household_id": "h2"}) == {"household_id": ""}
    finder.remember("households", "h2", {"area_code": "520502103201"})
    finder.remember("persons", "p1", {"household_id": "h2"})
    assert finder.link_places("monthly_status", {"person_id": "p1"}) == {
        "person_id": "520502103201"
    }
    assert finder.place("persons", finder.row("persons", "p1")) == "520502103201"


def test_a_row_created_later_in_the_batch_is_found_when_it_comes() -> None:
    finder = PlaceFinder(_ledger(), LINKS)
    # A household's head named before the person is created: unknown, then known.
    assert finder.link_places("households", {"head_person_id": "p9"}) == {"head_person_id": ""}
    finder.remember("persons", "p9", {"household_id": "h1"})
    assert finder.link_places("households", {"head_person_id": "p9"}) == {
        "head_person_id": "520502101201"
    }


def test_other_fields_changing_keep_the_place() -> None:
    finder = PlaceFinder(_ledger(), LINKS)
    assert finder.link_places("monthly_status", {"person_id": "p1"})["person_id"] == (
        "520502101201"
    )
    finder.remember("households", "h1", {"head_person_id": "p1"})
    finder.remember("persons", "p1", {"phone": "13900000000"})
    assert finder.link_places("monthly_status", {"person_id": "p1"})["person_id"] == (
        "520502101201"
    )
