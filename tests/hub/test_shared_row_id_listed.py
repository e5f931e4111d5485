"""A hub that took a record under another record's id (before `trust.row_id_taken` held such
changes) sends each with the other to every device holding either, until the county acts:
`hub violations` lists it, by kind, name and device (no ids)."""

from __future__ import annotations

import re

from fieldapp.domain.models import Household, Person
from tests.conftest import make_id
from tests.records import Records


def test_an_id_naming_a_person_and_a_visit_is_listed_for_the_county(hub):
    with hub.ledger.transaction():
        repo = Records(hub.ledger)
        home = repo.save(Household(area_code="520502101002", address="一组"))
        person, _ = repo.add_person(
            Person(household_id=home, name="王五", id_number=make_id(seq="501")), confirmed=True
        )
        hub.ledger.insert(
            "visits", {"household_id": home, "visit_date": "2026-11-30"}, person
        )  # a visit under the person's id, as a hub took one before the rule
    (shared,) = [v for v in hub.violations() if v["kind"] == "shared_id"]
    assert shared["rows"] == [person]
    message = str(shared["message"])
    assert "人员信息“王五”" in message and "走访" in message, message
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", message), message
    assert [v for v in hub.violations() if v["kind"] == "shared_id"] == [shared]


def test_a_hub_without_shared_ids_lists_none(hub):
    with hub.ledger.transaction():
        repo = Records(hub.ledger)
        home = repo.save(Household(area_code="520502101002", address="一组"))
        repo.add_person(Person(household_id=home, name="王五", id_number=make_id(seq="501")))
    assert [v for v in hub.violations() if v["kind"] == "shared_id"] == []
