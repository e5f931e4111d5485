"""The policy's reasons, in Chinese, byte for byte as recorded before they became templates.

The engine judges a demo ledger (200 people, seed 5) under the bundled policy and under the
county's (`extended_policy`), on two days, with every condition explained; each reason (met ✓ or
not ✗, without its clause) and each result's 说明 must be one of `reasons_recorded.txt`, and every recorded one must still be said. The English window says
them from templates (`conditions`), which must never change the Chinese.

To record again (only when a reason is meant to change): FIELDAPP_RECORD_REASONS=1.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from fieldapp.demo.generator import build_demo
from fieldapp.policy.eligibility import evaluate_person
from fieldapp.policy.registry import PolicyRegistry
from fieldapp.store.facts import FactsLoader
from fieldapp.store.ledger import Ledger
from tests.policy.helpers import extended_policy

RECORDED = Path(__file__).with_name("reasons_recorded.txt")
DAYS = (dt.date(2026, 3, 10), dt.date(2027, 1, 15))


def _reasons(tmp_path: Path) -> set[str]:
    ledger = Ledger.open(tmp_path / "demo.db")
    build_demo(ledger, 200, seed=5, today=DAYS[0])
    people = FactsLoader(ledger).persons()
    policies = (PolicyRegistry(local=Path(tempfile.mkdtemp())).load(), extended_policy())
    said: set[str] = set()
    for policy in policies:
        for on in DAYS:
            for facts in people:
                for result in evaluate_person(policy, facts, on, detail=True):
                    said.update(f"{'✓✗'[not r.met]} {r.text}" for r in result.reasons)
                    said.add(f"说明：{result.summary}")
    return said


def test_the_demo_ledgers_reasons_are_said_as_recorded(tmp_path: Path) -> None:
    said = _reasons(tmp_path)
    if os.environ.get("FIELDAPP_RECORD_REASONS"):
        RECORDED.write_text("".join(f"{line}\n" for line in sorted(said)), encoding="utf-8")
    recorded = set(RECORDED.read_text(encoding="utf-8").splitlines())
    assert len(recorded) > 1000  # (the demo says many: each condition, met and not)
    assert sorted(said - recorded) == [], "said, never recorded"
    assert sorted(recorded - said) == [], "recorded, no longer said"
