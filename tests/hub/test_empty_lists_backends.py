"""Asked for no persons (`FactsLoader.persons(person_ids=[])`) or no claim states
(`ClaimQueries.select(states=())`), the store wrote `IN ()`: PostgreSQL refuses it (a syntax
error) and SQLite reads it as false. An empty list means none — no persons, no claims (no
filter is `None`) — and is now answered without asking the ledger, on both backends."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fieldapp.domain.claims import ClaimState
from fieldapp.hub.folder import Hub
from fieldapp.store.facts import FactsLoader
from fieldapp.store.postgres import PgDatabase
from fieldapp.store.queries.claims import ClaimQueries
from tests.conftest import make_id

VILLAGE = "520304101001"


def _fill(hub: Hub) -> None:
    ledger = hub.ledger
    with ledger.transaction():
        ledger.insert("households", {"area_code": VILLAGE, "household_no": "1"}, "h")
        for k in range(2):
            fields = {"name": f"王{k}", "id_number": make_id(seq=f"{k}00"), "household_id": "h"}
            ledger.insert("persons", fields, f"p{k}")
            ledger.insert(
                "claims",
                {"person_id": f"p{k}", "rule_id": "r", "state": str(ClaimState.SUBMITTED)},
                f"c{k}",
            )


@contextmanager
def _statements(hub: Hub) -> Iterator[list[str]]:
    """The statements the hub's ledger is asked (SQLite only; none counted on PostgreSQL)."""
    asked: list[str] = []
    db = hub.ledger.db
    if isinstance(db, PgDatabase):
        yield asked
        return
    db.conn.set_trace_callback(asked.append)
    try:
        yield asked
    finally:
        db.conn.set_trace_callback(None)


def test_no_persons_asked_are_no_facts_on_both_backends(hub: Hub) -> None:
    _fill(hub)
    loader = FactsLoader(hub.ledger)
    with _statements(hub) as asked:
        assert loader.persons(person_ids=[]) == []
        assert loader.persons(person_ids=[], eligibility_only=True, with_months=True) == []
    assert asked == []
    assert [p.person_id for p in loader.persons(person_ids=["p1"])] == ["p1"]
    assert sorted(p.person_id for p in loader.persons()) == ["p0", "p1"]


def test_no_claim_states_asked_are_no_claims_on_both_backends(hub: Hub) -> None:
    _fill(hub)
    queries = ClaimQueries(hub.ledger)
    with _statements(hub) as asked:
        assert queries.select(states=()) == []
        assert queries.select(states=[], rule_id="r", area_prefix=VILLAGE) == []
        assert queries.select(states=iter(())) == []
    assert asked == []
    assert [c.id for c in queries.select(states=[ClaimState.SUBMITTED])] == ["c0", "c1"]
    assert [c.id for c in queries.select(states=None)] == ["c0", "c1"]
    assert queries.select(states=[ClaimState.PAID]) == []
