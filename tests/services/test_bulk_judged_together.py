"""The bulk path on an enrolled device judges a batch's rows together (where rows lie read once
for the batch, not once a row): each row still judged by where it lies when the batch is judged,
a row whose household comes in a later batch judged once that batch is written."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.models import Area, Household, Person
from fieldapp.domain.roles import Role
from fieldapp.services.trust_check import TrustRefused
from fieldapp.services.writer import actor_of, writing
from fieldapp.store.sync_state import Identity, SyncState
from tests.conftest import make_id

OWN, OTHER = "520502101001", "520502101002"


@pytest.fixture
def village(ledger):
    """A ledger with two villages' households, then enrolled as the first village's laptop."""
    with writing(ledger, actor_of(ledger)) as writer:
        writer.insert_many(
            Area,
            [
                {"code": "520502", "name": "七星关区", "kind": "县"},
                {"code": "520502101", "name": "鸭池镇", "kind": "乡镇", "parent_code": "520502"},
                {"code": OWN, "name": "大坝村", "kind": "村", "parent_code": "520502101"},
                {"code": OTHER, "name": "小河村", "kind": "村", "parent_code": "520502101"},
            ],
        )
        own = writer.insert(Household(area_code=OWN, address="大坝村一组 1 号"))
        other = writer.insert(Household(area_code=OTHER, address="小河村二组 2 号"))
    identity = Identity(
        "device", "大坝村", OWN, b"s" * 32, b"b" * 32, str(dt.date.today()), Role.COORDINATOR
    )
    with ledger.transaction():
        SyncState(ledger.db).set_identity(identity)
    return ledger, own, other


def _person(name: str, seq: str, household: str) -> dict[str, object]:
    return {"name": name, "id_number": make_id(seq=seq), "household_id": household}


def _count(ledger, table: str) -> int:
    return ledger.db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]


def test_a_batch_of_own_people_lands_and_one_of_another_village_refuses_it_all(village):
    ledger, own, other = village
    actor = actor_of(ledger)
    with writing(ledger, actor) as writer:
        writer.insert_many(Person, [_person("甲", "111", own), _person("乙", "113", own)])
    assert _count(ledger, "persons") == 2
    batch = [_person("丙", "115", own), _person("丁", "117", other), _person("戊", "119", own)]
    with pytest.raises(TrustRefused) as refused, writing(ledger, actor) as writer:
        writer.insert_many(Person, batch)
    assert refused.value.rule == "pull_in"
    assert "小河村" in str(refused.value)
    assert _count(ledger, "persons") == 2  # nothing of the refused batch


def test_people_whose_household_comes_later_are_judged_by_where_it_lies(village):
    ledger, own, _other = village
    actor = actor_of(ledger)
    new_own, new_other = "h-new-own", "h-new-other"
    with writing(ledger, actor) as writer, writer.bulk() as bulk:
        bulk.insert_many(Person, [_person("己", "121", new_own), _person("庚", "123", own)])
        bulk.insert_many(Household, [{"id": new_own, "area_code": OWN}])
        # A batch after that: its household was written before this batch was judged.
        bulk.insert_many(Person, [_person("辛", "125", new_own)])
    assert _count(ledger, "persons") == 3
    with pytest.raises(TrustRefused) as refused, writing(ledger, actor) as writer:
        with writer.bulk() as bulk:
            bulk.insert_many(Person, [_person("壬", "127", new_other)])
            bulk.insert_many(Household, [{"id": new_other, "area_code": OTHER}])
    assert refused.value.rule == "pull_in"
    assert _count(ledger, "persons") == 3 and _count(ledger, "households") == 3
