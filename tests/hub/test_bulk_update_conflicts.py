"""A batch of local updates on a hub's ledger reads only its own rows' conflicts (a
`json_each` list of ids, translated for PostgreSQL) and takes off the list exactly the
conflicts its updates resolve, on both backends."""

from __future__ import annotations

from fieldapp.hub.folder import Hub
from tests.store.test_bulk_update import conflicted_persons


def test_a_batch_clears_only_the_conflicts_it_resolves(hub: Hub) -> None:
    ledger = hub.ledger
    people = conflicted_persons(ledger, 12)
    with ledger.transaction():
        got = ledger.update_many(
            "persons",
            [
                (people[0], {"phone": "111"}),
                (people[1], {"notes": "核"}),
                (people[2], {"phone": "5"}),
            ],
        )
    assert all(c is not None for c in got)
    listed = {r[0] for r in ledger.db.execute("SELECT row_id FROM conflicts").fetchall()}
    assert listed == {people[1], *people[3:]}
    assert [ledger.get("persons", p)["phone"] for p in people[:3]] == ["111", "333", "5"]
