"""The policy's reasons — each condition of a rule, met or not, and the judge's own (the rule's
period, the month paid, the agreement, a claim already made) — were Chinese in the English
window: the 说明 column, the reasons pane, a claim refused as not qualified. They are sentences
now (`conditions`, `eligibility`): the English window says each in English, the ledger's own
words (a place, an employer, an agency) and the clause cited as written; the Chinese window
says what it said."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from fieldapp.domain.sentences import Part, Sentence
from fieldapp.policy.eligibility import Reason, RuleResult, Status
from fieldapp.services.claims import ClaimRefused, ClaimService
from fieldapp.ui import i18n
from fieldapp.ui.errors import message_for
from fieldapp.ui.held_words import policy_reason_line, policy_reason_shown
from tests.english import in_english
from tests.policy.helpers import extended_policy, populate
from tests.policy.reason_scenarios import judged, scenarios
from tests.records import Records
from tests.ui.in_english import CHINESE, _stored


@pytest.fixture
def english(qapp):
    with in_english():
        yield


def _left(shown: str, said: Part | None) -> str:
    """`shown` without the parts said as the ledger holds them (places, employers, numbers)."""
    stored = _stored(said) if isinstance(said, Sentence) else []
    for part in sorted(stored, key=len, reverse=True):
        assert part in shown, (part, shown)
        shown = shown.replace(part, "", 1)
    return shown


def _every_reason() -> dict[str, Reason]:
    every = {
        name: Reason(outcome.met, outcome.words(), "", outcome.said())
        for name, outcome in ((n, judge()) for n, judge in scenarios().items())
    }
    for name, reasons in judged().items():
        every |= {f"{name} {n}": reason for n, reason in enumerate(reasons)}
    return every


def test_every_reason_is_said_in_english(english):
    for name, reason in _every_reason().items():
        shown = policy_reason_shown(reason)
        assert not CHINESE.search(_left(shown, reason.said)), (name, shown)
        assert not shown[:1].islower(), (name, shown)
    said = {name: policy_reason_shown(reason) for name, reason in _every_reason().items()}
    assert said["stable so far"] == (
        "In steady work 6 of 12 months; can be claimed from 1 March 2026"
    )
    assert said["place wanted"] == (
        "Place of work 深圳市南山区: out of province; required: in the county, "
        "elsewhere in the province"
    )
    assert said["categories not held"] == (
        "1 March 2025: not any of these: lifted out of poverty, monitored against relapse "
        "into poverty"
    )
    assert said["worked away recently"] == (
        "Has already worked out of province, elsewhere in the province in the last 12 months "
        "(at 深圳市南山区 from 1 February 2023): not new to working out of province, "
        "elsewhere in the province"
    )
    assert said["claimed 0"] == "Claimed (submitted, for what began on 1 March 2025); once only"
    assert said["began in force, open-ended 0"] == (
        "The job began on 1 March 2025, within the policy's period "
        "(from 15 June 2023 to open-ended)"
    )
    assert said["monthly, agreement ended 4"].startswith(
        "The agreement (6 months from 1 January 2026, until 30 June 2026) has run out: "
    )


def test_the_chinese_window_says_what_the_judge_said(qapp):
    i18n.install_language("zh_CN")
    for name, reason in _every_reason().items():
        assert policy_reason_shown(reason) == reason.text, name
        assert policy_reason_line(reason) == str(reason), name
    clause = "黔府发〔2023〕12号 附件2 第（四）条"
    reason = next(iter(judged().values()))[0]
    cited = Reason(reason.met, reason.text, clause, reason.said)
    assert policy_reason_line(cited) == f"✓ {reason.text}（{clause}）" == str(cited)


def test_the_reasons_pane_and_the_summary_are_in_english(demo_window, qtbot):
    """补贴 → 查找符合条件人员: the 说明 of a subsidy not yet met, and every line of the reasons
    pane, in the English window: ✓ or ✗, the reason, the clause in round brackets."""
    from tests.ui.conftest import wait_idle

    page = demo_window.show_page("subsidies")
    page.find_eligible()
    wait_idle(page=page, qtbot=qtbot)
    rows = page.results.rows
    waiting = next(n for n, r in enumerate(rows) if r.status is Status.NOT_YET)
    column = len(page.results.columns) - 1
    chinese = page.results.index(waiting, column).data()
    assert chinese == rows[waiting].summary and CHINESE.search(chinese)
    with in_english():
        summary = page.results.index(waiting, column).data()
        page.results_view.setCurrentIndex(page.results.index(waiting, 0))
        pane = page.reasons.toPlainText().splitlines()
        result = rows[waiting]
        unmet = next(r for r in result.reasons if not r.met)
        expected = policy_reason_shown(unmet)
    assert summary == expected and not CHINESE.search(_left(summary, unmet.said))
    assert summary.startswith("In steady work"), summary
    # A claim already made, a figure the county has not set: said in English too
    claimed = RuleResult(
        "p", "n", "王五", "r", "补贴", "", Status.CLAIMED, reasons=judged()["claimed"]
    )
    unset = dataclasses.replace(result, status=Status.ELIGIBLE, amount=None, reasons=[])
    assert unset.summary == "符合条件（金额待县里核定标准）"
    assert page._summary_shown(claimed) == claimed.summary  # (the Chinese window)
    assert claimed.summary == "已申领（已提交，2025年3月1日的事项），限享受一次"
    with in_english():
        assert page._summary_shown(claimed) == (
            "Claimed (submitted, for what began on 1 March 2025); once only"
        )
        assert page._summary_shown(unset) == "Eligible (the amount is yet to be set by the county)"
    lines = pane[-len(result.reasons) :]
    assert len(lines) == len(result.reasons) >= 3
    for line, reason in zip(lines, result.reasons, strict=True):
        assert line.startswith("✓ " if reason.met else "✗ "), line
        assert line.endswith(f" ({reason.clause})"), line
        text = line[2 : -len(f" ({reason.clause})")]
        assert not CHINESE.search(_left(text, reason.said)), line


def test_a_claim_refused_as_not_qualified_says_why_in_english(english, repo: Records):
    numbers = populate(repo)
    service = ClaimService(repo.ledger, extended_policy())
    with pytest.raises(ClaimRefused) as refused:
        service.create(numbers["worker"], "startup_once", on=dt.date(2026, 3, 10))
    assert str(refused.value).endswith("：就业形式为单位就业，要求自主创业")
    shown = message_for(refused.value)
    assert shown.startswith("王五 does not qualify for “一次性自主创业补贴” now ("), shown
    assert shown.endswith(
        "): Form of employment: employed by an organisation; required: self-employed (own business)"
    ), shown
    with pytest.raises(ClaimRefused) as refused:
        service.create(numbers["jobless"], "transport_cross_county", on=dt.date(2026, 3, 10))
    assert message_for(refused.value).endswith("): No job on record as of 10 March 2026")


def test_the_claim_facts_refusal_says_the_ledgers_reason_in_english(english):
    """A claim resting on a registration the ledger does not have: what the ledger says is the
    rule's sentence, in English; what the claim saved is quoted as the claim stored it."""
    from tests.services.policy_refusal_scenarios import SCENARIOS

    verdict = SCENARIOS["facts_said"]()
    shown = message_for_said(verdict)
    assert "the claim says “入职前登记失业8个月（2024-10-01 起）”" in shown, shown
    assert "the ledger “Not registered unemployed before 1 May 2026”" in shown, shown


def message_for_said(verdict) -> str:  # noqa: ANN001 - a scenario's verdict
    from fieldapp.ui.held_words import reason_shown

    return reason_shown(verdict.rule, verdict.reason, verdict.said)
