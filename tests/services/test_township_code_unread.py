"""A claim's `township_code` is written (`services/claims.py`, from the claim's area) and never
checked: neither the write door nor the hub holds it to the township of the claim's
`area_code`, so a tampered program can write any. That is safe only while nothing reads it: no
list, batch, paper, report or rule filters or groups claims by it (their place is `area_code`,
held to the person's household by `claim_area`). This test fails when code starts to use it:
add a trust rule holding it to the claim's area first (docs/trust.md)."""

from __future__ import annotations

from pathlib import Path

import fieldapp

#: Where the field may be named: its declaration and the one place that writes it.
ALLOWED = {"domain/claims.py", "services/claims.py"}


def test_nothing_reads_a_claims_township_code():
    root = Path(fieldapp.__file__).parent
    naming = {
        path.relative_to(root).as_posix()
        for path in root.rglob("*.py")
        if "township_code" in path.read_text(encoding="utf-8")
    }
    naming = {p for p in naming if not p.startswith("store/migrations/")}
    assert naming == ALLOWED, sorted(naming - ALLOWED)
    written = (root / "services/claims.py").read_text(encoding="utf-8")
    assert written.count("township_code") == 1
