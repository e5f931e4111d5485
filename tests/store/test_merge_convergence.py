"""Order-free merge: replicas holding the same changes hold the same rows and conflicts."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.store.changelog import Change
from fieldapp.store.dump import canonical_dump
from fieldapp.store.ledger import Ledger
from tests.conftest import make_id

OPS = st.lists(
    st.tuples(
        st.sampled_from(["edit", "edit", "delete", "undelete", "sync"]),
        st.integers(0, 2),  # device
        st.integers(0, 2),  # other device (for sync) / person index
        st.sampled_from(["phone", "notes", "name"]),
        st.sampled_from(["甲", "乙", "丙", ""]),
    ),
    min_size=1,
    max_size=25,
)


def _all_changes(ledger: Ledger) -> list[Change]:
    rows = ledger.db.execute(
        "SELECT device_id, seq, hlc, author, tbl, row_id, data, parents FROM changes"
    ).fetchall()
    return [Change.from_row(r) for r in rows]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=OPS, seed=st.integers(0, 10_000))
def test_any_delivery_order_converges(tmp_path_factory, ops, seed):
    base = tmp_path_factory.mktemp("conv")
    devices = [Ledger.open(base / f"d{i}.db", author=f"员{i}") for i in range(3)]
    people = [
        devices[0].insert("persons", {"name": f"张{n}", "id_number": make_id(seq=f"{n:03d}")})
        for n in (1, 3, 5)
    ]
    for other in devices[1:]:
        other.apply_changes(_all_changes(devices[0]))
    for op, dev, arg, field, value in ops:
        ledger = devices[dev]
        if op == "sync":
            ledger.apply_changes(_all_changes(devices[arg]))
            continue
        pid = people[arg]
        if op == "edit":
            ledger.update("persons", pid, {field: value + str(dev)})
        elif op == "delete":
            ledger.delete("persons", pid)
        else:
            ledger.undelete("persons", pid)
    union: dict[str, Change] = {}
    for ledger in devices:
        union |= {c.id: c for c in _all_changes(ledger)}
    changes = list(union.values())
    dumps = []
    for attempt in range(3):
        random.Random(seed + attempt).shuffle(changes)
        replica = Ledger.open(base / f"r{attempt}.db")
        half = len(changes) // 2
        replica.apply_changes(changes[:half])
        replica.apply_changes(changes[half:] + changes[: half // 2])  # duplicates too
        dumps.append(canonical_dump(replica.db))
        replica.close()
    for ledger in devices:
        ledger.apply_changes(changes)
        dumps.append(canonical_dump(ledger.db))
        ledger.close()
    assert all(d == dumps[0] for d in dumps[1:])
