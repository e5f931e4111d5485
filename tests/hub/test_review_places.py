"""The hub's review of merged data (`hub review`, the county desktop) said where each copy of a
person twice entered lives: in an area the hub's ledger does not list, as twelve digits. It
names the place from the division table now."""

from __future__ import annotations

from fieldapp.domain.models import Household, Person
from fieldapp.hub.review import find_violations
from tests.conftest import make_id

#: A village of 鸭池镇 (七星关区), which the ledger does not list.
UNLISTED = "520502100200"


def test_a_person_entered_twice_is_placed_in_words(ledger):
    number = make_id(birth="19900101", seq="015")
    with ledger.transaction():
        household = ledger.insert("households", Household(area_code=UNLISTED).fields())
        for _copy in range(2):  # two devices, offline, each entered him
            ledger.insert(
                "persons",
                Person(name="罗明", id_number=number, household_id=household).fields(),
            )
    (problem,) = [p for p in find_violations(ledger) if p["kind"] == "duplicate_id"]
    message = str(problem["message"])
    assert "罗明（贵州省毕节市七星关区鸭池镇，" in message and UNLISTED not in message, message
