"""On PostgreSQL a bundle's new rows are COPYed into a typed staging table and inserted from it
in two statements: the rows and log entries must be value for value (and type for type) what
binding each change's values one statement at a time gives."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.hub.folder import Hub
from fieldapp.store.changelog import Change
from fieldapp.store.postgres import PgConnection, create_database
from fieldapp.store.projector import Projector
from tests.records import AWKWARD_TEXT, AWKWARD_VALUES, person_creations

#: Text COPY must escape (tab, newline, backslash, its own null and end markers), and values of
#: every kind a TEXT column takes from a device's JSON. PostgreSQL text holds no NUL.
TEXTS = [AWKWARD_TEXT, "\\N", "\\.", *AWKWARD_VALUES, 3500.5, 1e16, 0.1]
#: What an INTEGER column takes: whole numbers, yes/no, floats, null.
NUMBERS = [None, True, False, 0, -1, 2020, 2**63 - 1, -(2**63), 2.0, 3500.5, 2.5]


def _rows(hub: Hub, sql: str) -> list[tuple[object, ...]]:
    return [
        tuple((type(v).__name__, v) for v in row) for row in hub.ledger.db.execute(sql).fetchall()
    ]


WHOLE = [None, True, False, 0, -1, 2020, 2**63 - 1, -(2**63)]
FLOATY = [3500.5, 1e16, 0.1, None, 0, 7, 2.5, -2.0]


def _cycle(values: list[object]) -> Callable[[int], object]:
    return lambda n: values[n % len(values)]


@pytest.mark.parametrize(
    ("texts", "numbers", "copied"),
    [
        pytest.param(TEXTS[:5] + [None], WHOLE, True, id="text-and-whole-numbers"),
        pytest.param(FLOATY, FLOATY, True, id="floats"),
        # Floats among integers a float cannot hold: no staging type keeps both, bound.
        pytest.param(TEXTS, NUMBERS, False, id="mixed"),
    ],
)
def test_copied_rows_equal_rows_bound_one_by_one(
    tmp_path: Path, postgres_admin: str, monkeypatch, texts, numbers, copied
):
    staged: list[str | None] = []
    real = PgConnection.stage_rows

    def spy(self, columns):  # noqa: ANN001, ANN202
        staged.append(real(self, columns))
        return staged[-1]

    monkeypatch.setattr(PgConnection, "stage_rows", spy)
    changes = person_creations(3 * len(TEXTS), _cycle(texts), _cycle(numbers))
    name = f"rows_{uuid.uuid4().hex[:8]}"
    bulk = Hub.init(tmp_path / "bulk", store=create_database(postgres_admin, f"bulk_{name}"))
    one = Hub.init(tmp_path / "one", store=create_database(postgres_admin, f"one_{name}"))
    try:
        assert bulk.ledger.apply_changes(changes) == len(changes)
        assert (staged[-1] is not None) is copied
        with one.ledger.transaction():
            for change in changes:
                one.ledger.projector.apply(change)  # a batch of one: every value bound
        persons = "SELECT * FROM persons ORDER BY id"
        assert _rows(bulk, persons) == _rows(one, persons)
        log = "SELECT * FROM changes WHERE device_id = 'dev1' ORDER BY seq"
        assert _rows(bulk, log) == _rows(one, log)
        assert len(_rows(bulk, log)) == len(changes)
    finally:
        bulk.close()
        one.close()


def test_a_data_column_named_seq_keeps_its_own_values_when_copied(
    tmp_path: Path, postgres_admin: str
):
    """`policy_packs.seq` is data; the log's seq is the change's number (as on SQLite)."""
    from fieldapp.store.ledger import Ledger

    fields = Projector(Ledger.open(":memory:").db).data_fields("policy_packs")
    changes = [
        Change(
            "dev1",
            n,
            f"1796147014600-{n:04d}",
            "员",
            "policy_packs",
            f"pack{n}",
            {f: None for f in fields} | {"deleted": False, "pack_id": f"p{n}", "seq": 5 + 2 * n},
            None,
        )
        for n in (1, 2, 3)
    ]
    name = f"seq_{uuid.uuid4().hex[:8]}"
    hub = Hub.init(tmp_path / "hub", store=create_database(postgres_admin, name))
    try:
        assert hub.ledger.apply_changes(changes) == 3
        log = hub.ledger.db.execute(
            "SELECT seq FROM changes WHERE device_id = 'dev1' ORDER BY seq"
        ).fetchall()
        assert [r[0] for r in log] == [1, 2, 3]
        rows = hub.ledger.db.execute(
            "SELECT seq, _origin FROM policy_packs WHERE id LIKE 'pack%' ORDER BY seq"
        ).fetchall()
        assert [tuple(r) for r in rows] == [(7, "dev1:1"), (9, "dev1:2"), (11, "dev1:3")]
    finally:
        hub.close()
