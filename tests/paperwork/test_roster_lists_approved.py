"""The 发放花名册 the county pays from listed every claim of its batch — one the township had
only reviewed, the county not yet approved, printed beside the approved ones to be paid, and
counted in its total. It now lists the claims the county approved (县审批) or paid (已发放),
says above its table how many of the batch it leaves off as not yet approved, and who; the
公示表 (which says the reviews its rows passed) and the 申请表 still list them all, and `batch
list` counts as the roster does."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from fieldapp.cli.main import main
from fieldapp.domain.claims import ClaimState
from fieldapp.paperwork.jobs import forms_job, notice_job, roster_job
from fieldapp.paperwork.notes_said import NothingToPrint
from fieldapp.store.ledger import Ledger
from tests.paperwork.builders import NAMES, add_claims
from tests.paperwork.pdftext import page_texts


def _flat(pdf: bytes) -> str:
    return "".join("".join(page_texts(pdf)).split())


def test_the_payment_roster_lists_only_what_the_county_approved_and_says_the_rest(
    tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = Ledger.open(tmp_path / "township.db", author="张会计")
    batch_id, claims = add_claims(ledger, 3, state=ClaimState.TOWNSHIP_REVIEWED)
    ledger.update("claims", claims[0], {"state": ClaimState.COUNTY_APPROVED})
    ledger.update("claims", claims[1], {"state": ClaimState.PAID})
    job = roster_job(ledger, batch_id)
    roster = _flat(job.render())
    approved, paid, waiting = NAMES[:3]
    assert approved in roster and paid in roster
    assert roster.count(waiting) == 1, roster  # named once: in the line saying it is left off
    assert "合计2人" in roster and "1000.00" in roster and "1500.00" not in roster, roster
    said = f"另有1条申领（{waiting}）尚未经县审批，未列入本发放花名册"
    assert f"请注意：{said}" in roster, roster
    assert said in job.note.replace(" ", ""), job.note
    # The notice and the forms still list all three: the notice says the reviews they passed.
    notice = _flat(notice_job(ledger, batch_id, dt.date(2026, 11, 23)).render())
    assert all(name in notice for name in NAMES[:3]) and "以下3名人员" in notice, notice
    forms = _flat(forms_job(ledger, batch_id).render())
    assert all(name in forms for name in NAMES[:3])
    ledger.close()
    # `batch list` counts what the roster lists, and says the one waiting.
    assert main(["--db", str(tmp_path / "township.db"), "batch", "list"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert "\t2 人\t" in line, line
    assert "尚未经县审批 1 条，不列入花名册" in line, line
    assert main(["--db", str(tmp_path / "township.db"), "batch", "list", "--json"]) == 0
    (shown,) = json.loads(capsys.readouterr().out)
    assert (shown["persons"], shown["claims"], shown["total"]) == (2, 2, 1000)
    assert (shown["waiting"], shown["dropped"]) == (1, 0)


def test_a_batch_none_of_whose_claims_is_approved_prints_no_payment_roster(tmp_path) -> None:
    ledger = Ledger.open(tmp_path / "village.db", author="李专员")
    batch_id, _claims = add_claims(ledger, 2, state=ClaimState.VILLAGE_REVIEWED)
    with pytest.raises(NothingToPrint) as refused:
        roster_job(ledger, batch_id)
    assert "还没有县审批的申领" in str(refused.value.said)
    assert f"另有 2 条申领（{NAMES[0]}、{NAMES[1]}）尚未经县审批" in str(refused.value.said)
    # Its village notice still prints, saying the review they passed.
    notice = _flat(notice_job(ledger, batch_id, dt.date(2026, 11, 23)).render())
    assert "经个人申请、村级初审，以下2名人员" in notice, notice
    ledger.close()
