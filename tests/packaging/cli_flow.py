"""One walk through the installed `fieldapp` command line, shared by the wheel and .deb tests.

It builds a demo ledger, lists the policy in force, takes the first person the policy finds
eligible through a claim's whole approval and prints the batch's roster: demo data, policy packs,
area lists and fonts all have to be found where the installed program looks for them.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

Run = Callable[[Sequence[str]], subprocess.CompletedProcess[str]]

#: A claim's states from draft to approval, as `claim advance --to` takes them.
APPROVAL = ("已提交", "村审核", "乡镇审核", "县审批")


def checked(run: Run, args: Sequence[str]) -> str:
    """Run one command; fail with its output when it exits non-zero."""
    done = run(args)
    assert done.returncode == 0, (
        f"{' '.join(args)} → {done.returncode}\n{done.stdout}\n{done.stderr}"
    )
    return done.stdout


def demo_policy_roster(
    run: Run, db: Path, roster: Path, roster_here: Path | None = None
) -> dict[str, str]:
    """`demo`, `policy list` and `print roster` (through a claim and a batch); what was printed.

    `db` and `roster` are paths as the program sees them; `roster_here` is where this process
    finds the PDF when the program runs elsewhere (inside a chroot).
    """
    base = ["--db", str(db)]
    made = json.loads(checked(run, [*base, "demo", "--persons", "200", "--seed", "1", "--json"]))
    assert made["persons"] == 200
    # The demo ledger's policy: policy list, as search, names a ledger there is (no empty one made).
    policy = checked(run, [*base, "policy", "list"])
    eligible = json.loads(checked(run, [*base, "eligible", "--json"]))
    # A figure the county has not set (待县里核定标准) cannot be claimed: take one with an amount.
    first = next(e for e in eligible if e["status"] == "eligible" and e["amount"] is not None)
    assert first["rule_title"] in policy
    claim = checked(
        run, [*base, "claim", "create", "--person", first["id_number"], "--rule", first["rule_id"]]
    ).split()[-1]
    checked(run, [*base, "claim", "evidence", claim, "--all"])
    for state in APPROVAL:
        checked(run, [*base, "claim", "advance", claim, "--to", state])
    batch = checked(run, [*base, "batch", "create", "--rule", first["rule_id"]]).split()[-1]
    out = checked(run, [*base, "print", "roster", "--batch", batch, "--out", str(roster)])
    assert "已生成" in out
    assert (roster_here or roster).read_bytes().startswith(b"%PDF")
    return {"name": first["name"], "rule_title": first["rule_title"], "policy": policy}


def pdf_text(path: Path) -> str:
    """All text of a PDF (pypdf, a test dependency)."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
