"""A claim with no title (a tampered or old program's record) is named for people by the pack in
force, else by a plain word: its 申请表 and the 月报 never print its rule's id (a name for
machines), as the guard's messages never say it (tests/policy/test_claims.py)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from fieldapp.domain.claims import Claim
from fieldapp.domain.dates import today as china_today
from fieldapp.paperwork.jobs import form_job
from fieldapp.policy.report import UNTITLED
from fieldapp.services.policy_admin import policy_in_force
from fieldapp.services.report import monthly_report
from fieldapp.store.ledger import Ledger
from fieldapp.tabular.report_monthly import write_monthly_report
from tests.paperwork.builders import add_claims
from tests.paperwork.pdftext import page_texts

RULE = "transport_cross_county"  # the pack in force titles it 一次性交通补助（跨县务工）
UNKNOWN = "county_special_2027"  # a rule no pack on this laptop holds


def _untitled(ledger: Ledger, claim_id: str, rule_id: str = RULE) -> None:
    """The claim as a program that wrote no title left it."""
    with ledger.transaction():
        ledger.update(Claim.TABLE, claim_id, {"rule_title": "", "rule_id": rule_id})


def test_a_form_of_a_claim_with_no_title_prints_the_packs_title_or_a_plain_word(
    ledger: Ledger,
) -> None:
    _batch, (known, unknown) = add_claims(ledger, 2)
    _untitled(ledger, known)
    _untitled(ledger, unknown, UNKNOWN)

    job = form_job(ledger, known)
    (text,) = page_texts(job.render())
    flat = "".join(text.split())
    assert "一次性交通补助（跨县务工）申请表" in flat, flat
    assert RULE not in flat and RULE not in job.title

    job = form_job(ledger, unknown)
    (text,) = page_texts(job.render())
    flat = "".join(text.split())
    assert "播州区补贴申请表" in flat, flat
    assert UNKNOWN not in flat and UNKNOWN not in job.title


def test_the_monthly_reports_rows_of_claims_with_no_title_name_no_rule(
    ledger: Ledger, tmp_path: Path
) -> None:
    _batch, (titled, known, unknown) = add_claims(ledger, 3)
    _untitled(ledger, known)
    _untitled(ledger, unknown, UNKNOWN)

    report = monthly_report(ledger, policy_in_force(ledger), china_today().strftime("%Y-%m"))
    rows = {title: f.claimed for (title, _fund), f in report.total.claims.items()}
    assert rows == {"一次性交通补助": 1, "一次性交通补助（跨县务工）": 1, UNTITLED: 1}, rows

    path = tmp_path / "monthly.xlsx"
    write_monthly_report(report, path)
    book = openpyxl.load_workbook(path)
    cells = "".join(
        str(c) for s in book.worksheets for r in s.iter_rows(values_only=True) for c in r if c
    )
    assert UNTITLED in cells and "一次性交通补助（跨县务工）" in cells
    assert RULE not in cells and UNKNOWN not in cells
    assert titled
