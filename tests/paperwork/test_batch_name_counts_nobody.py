"""A batch was titled with the head count it was made with (一次性交通补助（4人）) and every
paper printed that title at its foot: a village's 公示表 of a township's batch said （4人） above
the 1 person of its own it lists, and after a claim in the batch was rejected (left off the
花名册 and 公示表) the count was stale too. A public notice must not state a head count it does
not list. A batch's title no longer carries a count; a batch titled so before is named without
it (`Batch.name`); each paper states the count it lists (公示表: 以下 1 名人员; 花名册: 合计 1 人)."""

from __future__ import annotations

import datetime as dt
import re

from fieldapp.domain.claims import Batch, ClaimState
from fieldapp.paperwork.jobs import notice_job, roster_job
from fieldapp.paperwork.paper_data import batch_name
from fieldapp.store.ledger import Ledger
from tests.paperwork.builders import add_claims
from tests.paperwork.pdftext import page_texts


def _flat(pdf: bytes) -> str:
    return "".join("".join(page_texts(pdf)).split())


def test_a_batch_of_four_with_three_rejected_prints_no_count_of_four(ledger: Ledger) -> None:
    batch_id, claims = add_claims(ledger, 4)
    with ledger.transaction():
        # Titled with its count when made, as every batch was before.
        ledger.update("batches", batch_id, {"title": "一次性交通补助（4人）"})
        for claim_id in claims[1:]:
            ledger.update("claims", claim_id, {"state": ClaimState.REJECTED})
    notice = _flat(notice_job(ledger, batch_id, dt.date(2026, 11, 23)).render())
    roster = _flat(roster_job(ledger, batch_id).render())
    for paper in (notice, roster):
        assert "4人" not in paper, paper
        assert re.search(r"批次一次性交通补助，\d{4}年", paper), paper
    assert "以下1名人员" in notice, notice
    assert re.search(r"合计1人", roster), roster


def test_a_batch_is_named_without_the_count_it_was_made_with() -> None:
    cases = {
        "一次性交通补助（4人）": "一次性交通补助",
        "乡村公益性岗位补贴（1人2笔）": "乡村公益性岗位补贴",
        "残疾人（2 人）": "残疾人",
        "碧阳街道第一批": "碧阳街道第一批",
        "一次性交通补助（脱贫人口新跨省务工）（3人）": "一次性交通补助（脱贫人口新跨省务工）",
        "一次性交通补助（脱贫人口新跨省务工）": "一次性交通补助（脱贫人口新跨省务工）",
        "（2人）": "",  # a count alone names nothing: the footer says the day made
    }
    for title, name in cases.items():
        assert Batch(rule_id="r", title=title).name() == name, title
    assert batch_name(Batch(rule_id="r", title="十一月（3人）")) == "十一月"
