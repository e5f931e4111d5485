"""An area's facts read by its persons' ids on the read pool are exactly the facts read the old
way (each table selecting the area's persons itself, one after the other, on one connection):
same persons, same order, same records in the same order — and so the same due list."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest

import fieldapp.store.facts as facts_module
from fieldapp.demo.generator import build_demo
from fieldapp.policy.registry import PolicyRegistry
from fieldapp.services.policy_views import due_list
from fieldapp.store.facts import FactsLoader
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.areas import area_parts

ON = dt.date(2026, 12, 2)

#: The ways `FactsLoader.persons` is asked for an area (the due list, eligibility, plain).
ASKS = (
    {"with_months": True, "months_since": "2026-10"},
    {"with_months": True},
    {"eligibility_only": True},
    {},
)


@pytest.fixture
def demo(ledger: Ledger) -> Ledger:
    build_demo(ledger, 600, seed=5, today=ON)
    return ledger


def _read(ledger: Ledger, code: str, ask: dict, monkeypatch: pytest.MonkeyPatch, way: str):
    """The area's facts, read one `way`: 'pool' (by ids, tables at once), 'ids' (by ids, one
    connection) or 'old' (no ids: each table selects the area's persons itself)."""
    with monkeypatch.context() as patch:
        if way == "old":
            patch.setattr(facts_module, "BY_IDS_LIMIT", -1)
        if way != "pool":
            patch.setattr(ledger, "read_pool", lambda: None)
        return FactsLoader(ledger).persons(area_prefix=code, **ask)


def test_an_areas_facts_are_the_same_however_read(demo: Ledger, monkeypatch) -> None:
    parts = area_parts(demo, None)
    assert len(parts) > 1
    townships = sorted({code[:9] for code, _n in parts})
    compared = 0
    for code in [c for c, _n in parts] + townships:
        for ask in ASKS:
            old = _read(demo, code, ask, monkeypatch, "old")
            assert _read(demo, code, ask, monkeypatch, "ids") == old
            assert _read(demo, code, ask, monkeypatch, "pool") == old
            compared += len(old)
    assert compared > 1000
    pool = demo.read_pool()
    assert pool is not None and pool._opened, "the area's records were not read on the pool"


def test_the_due_list_is_the_same_however_read(demo: Ledger, monkeypatch) -> None:
    policy = PolicyRegistry(local=Path(tempfile.mkdtemp())).load()
    for code, _n in area_parts(demo, None):
        fast = due_list(demo, policy, ON, code)
        with monkeypatch.context() as patch:
            patch.setattr(facts_module, "BY_IDS_LIMIT", -1)
            patch.setattr(demo, "read_pool", lambda: None)
            slow = due_list(demo, policy, ON, code)
        assert fast == slow and fast


def test_inside_a_transaction_the_records_are_read_on_its_own_connection(demo: Ledger) -> None:
    """The pool's connections would not see writes not yet committed."""
    code = area_parts(demo, None)[0][0]
    assert demo.read_pool() is not None
    with pytest.raises(RuntimeError, match="roll back"), demo.transaction():
        assert demo.read_pool() is None
        demo.db.execute("UPDATE person_categories SET deleted = 1")
        assert all(not p.categories for p in FactsLoader(demo).persons(area_prefix=code))
        raise RuntimeError("roll back")
    assert any(p.categories for p in FactsLoader(demo).persons(area_prefix=code))


def test_the_pool_closes_with_the_ledger(tmp_path: Path) -> None:
    ledger = Ledger.open(tmp_path / "l.db", author="测试员")
    build_demo(ledger, 60, seed=2, today=ON)
    code = area_parts(ledger, None)[0][0]
    FactsLoader(ledger).persons(area_prefix=code)
    pool = ledger.read_pool()
    assert pool is not None
    opened = list(pool._opened)
    assert opened
    ledger.close()
    for db in opened:
        with pytest.raises(Exception, match="closed"):
            db.execute("SELECT 1")


def test_an_encrypted_ledgers_pool_reads_it_with_its_key(tmp_path: Path, monkeypatch) -> None:
    from fieldapp.store.vault import Credentials
    from tests.sync.helpers import add_family

    ledger = Ledger.open(tmp_path / "e.db", credentials=Credentials("李芳", "村里的口令1"))
    try:
        assert ledger.encrypted
        add_family(ledger, "520502101001", ["101", "102", "103"])
        code = "520502101001"
        old = _read(ledger, code, {"with_months": True}, monkeypatch, "old")
        assert len(old) == 3
        assert _read(ledger, code, {"with_months": True}, monkeypatch, "pool") == old
        pool = ledger.read_pool()
        assert pool is not None and pool._opened
    finally:
        ledger.close()
