"""The bulk merge path gives exactly the rows `Projector.apply` gives, and partial creations merge."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.store.changelog import Change
from fieldapp.store.dump import canonical_dump
from fieldapp.store.ledger import Ledger
from tests.conftest import make_id


def _all_changes(ledger: Ledger) -> list[Change]:
    rows = ledger.db.execute(
        "SELECT device_id, seq, hlc, author, tbl, row_id, data, parents FROM changes"
    ).fetchall()
    return [Change.from_row(r) for r in rows]


def _raw(ledger: Ledger) -> dict[str, list[tuple]]:
    """Every table byte for byte, merge bookkeeping included."""
    names = ["changes", "superseded", "conflicts", "persons", "households", "areas"]
    return {n: ledger.db.execute(f"SELECT * FROM [{n}] ORDER BY 1, 2").fetchall() for n in names}


def test_edit_arriving_before_creation_then_partial_edit_converges(tmp_path):
    origin = Ledger.open(tmp_path / "a.db", author="甲")
    pid = origin.insert("persons", {"name": "张三", "id_number": make_id(), "notes": "原"})
    origin.update("persons", pid, {"phone": "13800000000"})
    insert, phone = sorted(_all_changes(origin), key=lambda c: c.seq)
    partial = Ledger.open(tmp_path / "b.db", author="乙")
    partial.apply_changes([phone])  # the creation has not arrived yet
    partial.update("persons", pid, {"relation": "配偶"})
    relation = [c for c in _all_changes(partial) if c.device_id == partial.device_id][0]
    late = Ledger.open(tmp_path / "c.db")
    for change in (relation, insert, phone):
        late.apply_changes([change])
    in_order = Ledger.open(tmp_path / "d.db")
    in_order.apply_changes([insert, phone, relation])
    assert canonical_dump(late.db) == canonical_dump(in_order.db)
    row = late.get("persons", pid)
    assert (row["name"], row["notes"], row["relation"]) == ("张三", "原", "配偶")
    # 乙 set the relation without having seen 甲's value: a real conflict, on both replicas.
    conflicts = late.db.execute("SELECT tbl, field FROM conflicts").fetchall()
    assert conflicts == [("persons", "relation")]


OPS = st.lists(
    st.tuples(
        st.sampled_from(["add", "edit", "edit", "delete", "sync"]),
        st.integers(0, 2),
        st.integers(0, 5),
        st.sampled_from(["phone", "notes", "name"]),
        st.sampled_from(["甲", "乙", ""]),
    ),
    min_size=1,
    max_size=30,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=OPS, seed=st.integers(0, 10_000), chunk=st.integers(1, 40))
def test_apply_many_equals_apply_one_by_one(tmp_path_factory, ops, seed, chunk):
    base = tmp_path_factory.mktemp("bulk")
    devices = [Ledger.open(base / f"d{i}.db", author=f"员{i}") for i in range(3)]
    people: list[str] = []
    for n, (op, dev, arg, field, value) in enumerate(ops):
        ledger = devices[dev]
        known = [p for p in people if ledger.get("persons", p) is not None]
        if op == "add" or not known:
            people.append(
                ledger.insert("persons", {"name": f"王{n}", "id_number": make_id(seq=f"{n:03d}")})
            )
        elif op == "sync":
            ledger.apply_changes(_all_changes(devices[arg % 3]))
        elif op == "edit":
            ledger.update("persons", known[arg % len(known)], {field: value + str(dev)})
        else:
            ledger.delete("persons", known[arg % len(known)])
    union = {c.id: c for d in devices for c in _all_changes(d)}
    changes = list(union.values())
    random.Random(seed).shuffle(changes)
    one = Ledger.open(base / "one.db")
    with one.transaction():
        for change in changes:
            one.projector.apply(change)
    bulk = Ledger.open(base / "bulk.db")
    for start in range(0, len(changes), chunk):
        bulk.apply_changes(changes[start : start + chunk] + changes[: start // 2])
    assert _raw(one) == _raw(bulk)
    for ledger in (*devices, one, bulk):
        ledger.close()
