"""The one write path: every service write is checked first, logged, and reported."""

from __future__ import annotations

import pytest

from fieldapp.domain.errors import FieldappError
from fieldapp.domain.models import Area, Household, Person
from fieldapp.services import households, persons
from fieldapp.services.changes import NO_CHANGES, ChangeSet, Kind, of_log
from fieldapp.services.writer import Actor, ProposedChange, actor_of, writing
from tests.conftest import make_id


class Refused(FieldappError):
    """A test rule's refusal."""


def test_the_check_sees_every_change_before_the_store_and_can_refuse_all(ledger):
    seen: list[ProposedChange] = []

    def no_second_person(actor: Actor, change: ProposedChange) -> None:
        seen.append(change)
        if change.table == "persons" and change.fields.get("name") == "乙":
            raise Refused("不许")

    actor = actor_of(ledger)
    before = ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    with pytest.raises(Refused), writing(ledger, actor, no_second_person) as writer:
        household = writer.insert(Household(area_code="520502101001"))
        writer.insert(Person(name="甲", id_number=make_id(seq="111"), household_id=household))
        writer.insert(Person(name="乙", id_number=make_id(seq="113"), household_id=household))
    assert [c.table for c in seen] == ["households", "persons", "persons"]
    assert seen[0].before is None and seen[0].row_id  # a new row's id is known beforehand
    # Refused: nothing of the use-case was written.
    assert ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0] == before


def test_an_update_is_judged_by_the_row_as_it_was(ledger):
    actor = actor_of(ledger)
    household_id = households.save(ledger, actor, Household(area_code="520502101001")).id
    seen: list[ProposedChange] = []
    with writing(ledger, actor, lambda _a, c: seen.append(c)) as writer:
        writer.update(Household, household_id or "", {"area_code": "520502102001"})
    assert seen[0].before is not None and seen[0].before["area_code"] == "520502101001"
    assert seen[0].fields == {"area_code": "520502102001"}


def test_many_updates_are_each_judged_by_the_row_as_it_was_and_a_refusal_stops_all(ledger):
    actor = actor_of(ledger)
    ids = [
        households.save(ledger, actor, Household(area_code=f"52050210100{i}")).id or ""
        for i in range(3)
    ]
    seen: list[ProposedChange] = []
    with writing(ledger, actor, lambda _a, c: seen.append(c)) as writer:
        changes = writer.update_rows(
            "households",
            [(ids[0], {"address": "1号"}), (ids[1], {"area_code": "520502101009"})],
        )
    assert [c is not None for c in changes] == [True, True]
    assert [(c.row_id, c.before["area_code"] if c.before else None) for c in seen] == [
        (ids[0], "520502101000"),
        (ids[1], "520502101001"),
    ]
    assert writer.changes.ids(Kind.HOUSEHOLDS) == frozenset(ids[:2])

    def no_moving(_actor: Actor, change: ProposedChange) -> None:
        if "area_code" in change.fields:
            raise Refused("不许搬")

    before = ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    with pytest.raises(Refused), writing(ledger, actor, no_moving) as writer:
        writer.update_rows(
            "households", [(ids[2], {"address": "2号"}), (ids[2], {"area_code": "520502"})]
        )
    assert ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0] == before


def test_bulk_rows_pass_the_check_too(ledger):
    seen: list[str] = []
    actor = actor_of(ledger)
    with writing(ledger, actor, lambda _a, c: seen.append(c.table)) as writer:
        writer.insert_many(Area, [{"code": "520502", "name": "七星关区", "kind": "县"}])
    assert seen == ["areas"]
    assert writer.changes.ids(Kind.AREAS)


def test_the_change_set_names_what_changed_and_nothing_else(ledger):
    actor = actor_of(ledger)
    changes = persons.save(ledger, actor, Person(name="甲", id_number=make_id(seq="115")))
    assert list(changes) == [Kind.PERSONS] and changes.id in changes.ids(Kind.PERSONS)
    same = persons.save(ledger, actor, persons_row(ledger, changes.id))
    assert same == NO_CHANGES.with_id(changes.id) and not same
    merged = changes | ChangeSet.of(Kind.SETTINGS)
    assert Kind.SETTINGS in merged and merged.id == changes.id
    assert of_log([("persons", "a"), ("sync_peers", "b")]).rows == {Kind.PERSONS: frozenset("a")}


def persons_row(ledger, person_id):
    from fieldapp.store.queries import records

    return records.get(ledger, Person, person_id)


def test_the_actor_carries_the_role_and_area_of_the_enrolment(ledger):
    import datetime as dt

    from fieldapp.domain.roles import Role
    from fieldapp.store.sync_state import Identity, SyncState

    plain = actor_of(ledger)
    assert (plain.author, plain.role, plain.scope) == ("测试员", None, None)
    with ledger.transaction():
        SyncState(ledger.db).set_identity(
            Identity(
                "device",
                "甲村",
                "520502101001",
                b"s" * 32,
                b"b" * 32,
                str(dt.date.today()),
                Role.COORDINATOR,
            )
        )
    enrolled = actor_of(ledger)
    assert enrolled.role is Role.COORDINATOR and enrolled.scope == "520502101001"
    assert enrolled.device_id == ledger.device_id


def test_a_ledger_never_enrolled_still_has_its_bulk_claims_judged_and_only_them(ledger):
    """The bulk path hands the trust rules only the rows of tables they judge: on a ledger never
    enrolled that is claims alone (a month not yet come), every table on an enrolled device."""
    from fieldapp.domain.claims import Claim
    from fieldapp.domain.roles import Role
    from fieldapp.services.trust_check import GatewayCheck, TrustRefused

    plain = actor_of(ledger)
    with pytest.raises(TrustRefused) as refused, writing(ledger, plain) as writer:
        assert isinstance(writer._check, GatewayCheck)
        writer.insert_many(Area, [{"code": "520502", "name": "七星关区", "kind": "县"}])
        writer.insert_many(Claim, [{"claim_date": "2099-06-01", "person_name": "甲"}])
    assert refused.value.rule == "claim_future"
    assert ledger.db.execute("SELECT count(*) FROM areas").fetchone()[0] == 0  # all taken back
    enrolled = Actor(plain.author, plain.device_id, Role.COORDINATOR, "520502101001")
    assert [GatewayCheck.judges(plain, t) for t in ("persons", "areas", "claims")] == [
        False,
        False,
        True,
    ]
    assert all(GatewayCheck.judges(enrolled, t) for t in ("persons", "areas", "claims"))
