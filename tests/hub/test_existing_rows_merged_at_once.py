"""A bundle's changes to rows the receiver already holds are merged a run at a time: a village's
month-end bundle moving a few hundred claims 申请→审核→公示→发放 cost the hub (and each device)
about five statements a change, one change at a time (is it logged, its superseded versions,
its row, its log entry, the row's update). Now the run's rows and superseded fields are read at
once, merged in Python in the bundle's order, and each kind of statement is written once; the
ledger after is the one merging each change by itself gives, on both backends."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from fieldapp.store import projector
from fieldapp.store.changelog import Change
from fieldapp.store.dump import canonical_dump
from fieldapp.store.ledger import Ledger
from tests.conftest import make_id


def _log(ledger: Ledger, after: dict[str, int] | None = None) -> list[Change]:
    rows = ledger.db.execute(
        "SELECT device_id, seq, hlc, author, tbl, row_id, data, parents FROM changes "
        "ORDER BY hlc, device_id, seq"
    ).fetchall()
    changes = [Change.from_row(r) for r in rows]
    after = after or {}
    return [c for c in changes if c.seq > after.get(c.device_id, 0)]


def _month_end(tmp_path: Path, claims: int) -> tuple[list[Change], list[Change]]:
    """The changes a hub already holds (a village's people and claims), and the village's
    month-end bundle: every claim moved three steps, some paid a whole-yuan amount, some
    withdrawn, a new claim made and moved, names corrected twice, and a township's edits the
    village had not seen (conflicts) in among them."""
    village = Ledger.open(tmp_path / "village.db", author="大坝村专员")
    people = village.insert_many(
        "persons",
        [{"name": f"王{n}", "id_number": make_id(seq=f"{n:03d}")} for n in range(20)],
    )
    ids = village.insert_many(
        "claims",
        [
            {
                "person_id": people[n % 20],
                "rule_id": "一次性交通补助",
                "amount": 500.0,
                "state": "申请",
                "person_name": f"王{n % 20}",
            }  # fmt: skip
            for n in range(claims)
        ],
    )
    held = _log(village)
    township = Ledger.open(tmp_path / "township.db", author="乡镇专员")
    township.apply_changes(held)
    for claim_id in ids[::7]:
        township.update("claims", claim_id, {"reason": "乡镇核实"})
    with village.transaction():
        for step in ("审核", "公示"):
            village.update_many("claims", [(i, {"state": step}) for i in ids])
        for n, claim_id in enumerate(ids):
            fields: dict[str, object] = {"state": "发放"}
            if n % 5 == 0:
                fields["amount"] = 450  # a whole number in a REAL column
            if n % 7 == 0:
                fields["reason"] = "村里核实"  # the township's edit unseen: a conflict
            village.update("claims", claim_id, fields)
        for n in range(1, claims, 11):
            if n % 5 and n % 7:  # withdrawn rather than paid another amount
                village.delete("claims", ids[n])
        late = village.insert("claims", {"person_id": people[0], "state": "申请"})
        village.update("claims", late, {"state": "审核"})
        for person_id in people[:5]:
            village.update("persons", person_id, {"name": "王改"})
            village.update("persons", person_id, {"name": "王再改", "id_number": make_id()})
    known = {village.device_id: len(held)}
    bundle = _log(village, known) + _log(township, {village.device_id: 10**9})
    bundle.sort(key=lambda c: (c.hlc, c.device_id, c.seq))
    return held, bundle


def _one_at_a_time(path: Path, held: list[Change], bundle: list[Change]) -> Ledger:
    ledger = Ledger.open(path)
    ledger.apply_changes(held)
    with ledger.transaction():
        for change in bundle:
            ledger.projector.apply(change)
    return ledger


def _statements(sqls: list[str]) -> int:
    """Statements Python handed SQLite: a run of the same statement with other values (one
    `executemany`) counts once; what triggers run is not counted."""
    shapes = [
        re.sub(r"'(?:[^']|'')*'|\b\d+(\.\d+)?\b", "?", s) for s in sqls if not s.startswith("--")
    ]
    return sum(1 for i, s in enumerate(shapes) if i == 0 or s != shapes[i - 1])


def _merged_statements(tmp_path: Path, claims: int) -> tuple[int, int]:
    held, bundle = _month_end(tmp_path, claims)
    receiver = Ledger.open(tmp_path / "receiver.db")
    receiver.apply_changes(held)
    traced: list[str] = []
    receiver.db.conn.set_trace_callback(traced.append)
    receiver.apply_changes(bundle)
    receiver.db.conn.set_trace_callback(None)
    expected = _one_at_a_time(tmp_path / "alone.db", held, bundle)
    assert canonical_dump(receiver.db) == canonical_dump(expected.db)
    return len(bundle), _statements(traced)


def test_a_month_end_bundle_costs_a_few_statements_whatever_its_size(tmp_path):
    small, few = _merged_statements(tmp_path / "small", 60)
    large, many = _merged_statements(tmp_path / "large", 300)
    assert large > 900
    # Before: about five statements a change (4,700 for the large bundle).
    assert many == few
    assert many < 40


@pytest.mark.parametrize("claims", [40])
def test_the_hub_merges_a_month_end_bundle_as_one_change_at_a_time_does(tmp_path, hub, claims):
    held, bundle = _month_end(tmp_path, claims)
    hub.ledger.apply_changes(held)
    hub.ledger.apply_changes(bundle)
    expected = _one_at_a_time(tmp_path / "alone.db", held, bundle)
    assert canonical_dump(hub.ledger.db) == canonical_dump(expected.db)
    conflicts = hub.ledger.db.execute("SELECT count(*) FROM conflicts").fetchone()[0]
    assert conflicts == len(range(0, claims, 7))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_bundle_in_any_order_merges_as_one_change_at_a_time_does(tmp_path, seed):
    """Successors before the versions they saw, edits before their row's creation, and a
    phone number given as a number (stored as text: the row is written and read again) before
    the row's next change."""
    held, bundle = _month_end(tmp_path, 30)
    random.Random(seed).shuffle(bundle)
    numbered = next(c for c in bundle if c.tbl == "persons")
    for n, data in enumerate([{"phone": 13800000000}, {"name": "王三"}]):
        stamp = f"{9_999_999_999_999 - 1 + n}-0000"
        bundle.append(Change(numbered.device_id, 10**6 + n, stamp, numbered.author, "persons",
                             numbered.row_id, data, None))  # fmt: skip
    receiver = Ledger.open(tmp_path / "receiver.db")
    receiver.apply_changes(held)
    receiver.apply_changes(bundle)
    expected = _one_at_a_time(tmp_path / "alone.db", held, bundle)
    assert canonical_dump(receiver.db) == canonical_dump(expected.db)
    row = receiver.get("persons", numbered.row_id)
    assert (row["phone"], row["name"]) == ("13800000000", "王三")


def test_a_bundle_longer_than_a_run_merges_run_after_run(tmp_path, monkeypatch):
    """A run holds at most `RUN` changes' rows; the next run reads what the last one wrote."""
    monkeypatch.setattr(projector, "RUN", 7)
    held, bundle = _month_end(tmp_path, 30)
    receiver = Ledger.open(tmp_path / "receiver.db")
    receiver.apply_changes(held)
    receiver.apply_changes(bundle)
    expected = _one_at_a_time(tmp_path / "alone.db", held, bundle)
    assert canonical_dump(receiver.db) == canonical_dump(expected.db)
