"""Eligibility of one village (the GUI lists a county village by village) is exactly the whole
ledger's results for that village: the per-area query reads other rows than the whole one."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from fieldapp.demo.generator import build_demo
from fieldapp.policy.registry import PolicyRegistry
from fieldapp.services.claims import EligibilityService
from fieldapp.store.facts import FactsLoader
from fieldapp.store.queries.areas import area_parts


def _key(results) -> list[tuple]:
    return sorted((r.person_id, r.rule_id, str(r.status), r.amount) for r in results)


def test_each_village_is_the_whole_ledgers_results_for_it(ledger):
    build_demo(ledger, 600, seed=5)
    policy = PolicyRegistry(local=Path(tempfile.mkdtemp())).load()
    service = EligibilityService(ledger, policy)
    on = dt.date.today()
    whole = service.for_all(on)
    loader = FactsLoader(ledger)
    parts = area_parts(ledger, None)
    assert len(parts) > 1
    pieces = []
    for code, _households in parts:
        pieces.extend(service.for_all(on, area_prefix=code))
        # The persons the rules may use: those with a spell, a training or a claim.
        scoped = {p.person_id for p in loader.persons(area_prefix=code, eligibility_only=True)}
        everyone = {p.person_id for p in loader.persons(area_prefix=code)}
        assert scoped and scoped < everyone
    assert _key(pieces) == _key(whole) and whole
