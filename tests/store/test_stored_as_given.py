"""`Projector.stored_as_given` (how merged values read back, for a run of merges) reads the
declared types from the projector's cached column list: one PRAGMA per table, shared with
`columns`, where it asked its own beside it; the answers are unchanged."""

from __future__ import annotations

from fieldapp.store.projector import Projector


def _pragmas(ledger, ask) -> int:
    seen: list[str] = []
    ledger.db.conn.set_trace_callback(seen.append)
    try:
        ask()
    finally:
        ledger.db.conn.set_trace_callback(None)
    return sum("PRAGMA" in s.upper() and "TABLE_INFO" in s.upper() for s in seen)


def test_the_answers_by_declared_type_are_unchanged(ledger):
    projector = Projector(ledger.db)
    given = projector.stored_as_given
    # claims: text, REAL amount, INTEGER deleted
    assert given("claims", {"state": "草稿", "amount": 600.0, "deleted": 0}) == {
        "state": "草稿",
        "amount": 600.0,
        "deleted": 0,
    }
    assert given("claims", {"deleted": True, "amount": 600}) == {"deleted": 1, "amount": 600.0}
    assert given("claims", {"state": None, "reason": None}) == {"state": None, "reason": None}
    assert given("claims", {"state": 1}) is None  # text given a number: read again
    assert given("claims", {"amount": "600"}) is None
    assert given("claims", {"no_such_column": "x"}) is None
    assert given("claims", {}) == {}


def test_one_pragma_per_table_for_names_and_types(ledger):
    projector = Projector(ledger.db)
    assert _pragmas(ledger, lambda: projector.columns("claims")) == 1
    assert _pragmas(ledger, lambda: projector.stored_as_given("claims", {"amount": 1})) == 0
    fresh = Projector(ledger.db)
    assert _pragmas(ledger, lambda: fresh.stored_as_given("batches", {"title": "x"})) == 1
    assert _pragmas(ledger, lambda: fresh.data_fields("batches")) == 0
