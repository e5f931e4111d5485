"""A claimed result's one line (`RuleResult.summary`) is the judge's reason for the claim
already made, found by its sentence's template (`eligibility.CLAIMED`): it was the first
reason whose text began with 已, which a condition's may too (已于…结束)."""

from __future__ import annotations

import datetime as dt

from fieldapp.domain.sentences import Day, Word, said
from fieldapp.policy import eligibility
from fieldapp.policy.eligibility import CLAIMED, LEFT_BEFORE, Reason, RuleResult, Status


def _result(*reasons: Reason) -> RuleResult:
    return RuleResult(
        "p1", "520502199001011231", "王小明", "r1", "公益性岗位补贴", "", Status.CLAIMED,
        reasons=list(reasons),
    )  # fmt: skip


def _reason(sentence) -> Reason:  # noqa: ANN001
    return Reason(True, str(sentence), "", sentence)


def test_the_claimed_reason_is_found_by_its_template_not_its_first_letter():
    ended = said(LEFT_BEFORE, Word("公益性岗位"), Day(dt.date(2025, 2, 28)), "2025年4月")
    claimed = said(CLAIMED, Word("已提交", common=True), "每人每年一次")
    early = Reason(False, "已于2025年2月28日结束", "")  # a condition's text, as text
    result = _result(early, _reason(ended), _reason(claimed))
    assert result.summary == "已申领（已提交），每人每年一次"
    assert _result(early).summary == eligibility.STATUS_LABELS[Status.CLAIMED] == "已申领"
