"""A 户籍 code under a retired county (水城县 became 水城区 in 2020; an old ID or 户口簿 keeps
520221) printed on the 申请表 as 贵州省六盘水市水城县（今水城区）（520221101）: two brackets in a
row, the code after the new county as if it were its. A clerk writes one bracket, the code
beside the county it belongs to and today's name after it: 水城县（520221101，今水城区）."""

from __future__ import annotations

from fieldapp.paperwork.jobs import form_job
from tests.paperwork.builders import add_claims
from tests.paperwork.pdftext import page_texts


def _hukou_line(ledger, hukou_code: str) -> str:
    _batch, (claim_id,) = add_claims(ledger, 1)
    person_id = ledger.get("claims", claim_id)["person_id"]
    ledger.update("persons", person_id, {"hukou_code": hukou_code})
    (text,) = page_texts(form_job(ledger, claim_id).render())
    lines = text.splitlines()
    return lines[lines.index("户籍地址") + 1]


def test_a_retired_countys_township_code_prints_in_one_bracket(ledger):
    assert _hukou_line(ledger, "520221101") == "贵州省六盘水市水城县（520221101，今水城区）"


def test_a_current_countys_township_code_prints_as_before(ledger):
    assert _hukou_line(ledger, "520102101") == "贵州省贵阳市南明区（520102101）"
