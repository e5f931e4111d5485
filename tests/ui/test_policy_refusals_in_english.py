"""A claim the policy refuses — more than its standard, a month not yet come, a job, training,
category or registration the ledger does not have, another name or payee, a repeat — and the
hub's own claim checks (the day a claim was made, a subsidy no pack holds) were said in
Chinese in the English window: the door said them as text only. They are now kept as a
template and its parts like the door's other refusals: the English window says each whole,
names, subsidies and places as stored, the program's words in English, a common noun inside
the sentence in lower case (the township review, a job); the Chinese window says what it
said. The claim service's refusals of a new claim (a subsidy not in force, a month not yet
come) too."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from fieldapp.domain.labels import field_label
from fieldapp.domain.sentences import Word, listed, said
from fieldapp.services import trust
from fieldapp.services.claims import NOT_ENABLED, ClaimRefused, ClaimService
from fieldapp.services.trust_check import TrustRefused
from fieldapp.ui import held_words, i18n
from fieldapp.ui.errors import message_for
from tests.english import in_english
from tests.policy.helpers import extended_policy, populate, post_worker
from tests.records import Records
from tests.services import bundle_refusal_scenarios, refusal_scenarios
from tests.services.policy_refusal_scenarios import SCENARIOS
from tests.services.test_policy_refusal_sentences import BEFORE
from tests.ui.in_english import CHINESE, _stored


@pytest.fixture
def english(qapp):
    with in_english():
        yield


def _shown(name: str, scenarios=SCENARIOS) -> str:
    verdict = scenarios[name]()
    return held_words.reason_shown(verdict.rule, verdict.reason, verdict.said)


def test_every_policy_refusal_is_said_whole_in_english(english):
    for name, make in SCENARIOS.items():
        verdict = make()
        assert verdict.said is not None, name
        shown = held_words.reason_shown(verdict.rule, verdict.reason, verdict.said)
        left = shown
        for stored in sorted(_stored(verdict.said), key=len, reverse=True):
            assert stored in shown, (name, stored, shown)
            left = left.replace(stored, "")
        assert not CHINESE.search(left), (name, shown)  # every word of the program's English
        assert not shown[:1].islower(), shown


def test_the_chinese_window_says_what_it_said(qapp):
    i18n.install_language("zh_CN")
    for name in SCENARIOS:
        assert _shown(name) == BEFORE[name][1], name


def test_the_parts_are_said_in_english(english):
    assert _shown("future_month") == (
        "The claim date 5 June 2026 of 王小明's 乡村公益性岗位补贴 (June 2026) has not come yet "
        "(today is 3 May 2026): a subsidy can only be claimed for a month that has come (a job "
        "or training that has begun), never ahead; claim it on that day"
    )
    # Amounts with their units, the figure's document as written
    assert "the standard is 600 yuan a month (七人社通〔2026〕3号)" in _shown("above_month")
    # A job or training said in lower case inside the sentence, a day as stored
    missing = _shown("event_missing")
    assert "claimed for the job begun on 2026-05-01, which the ledger" in missing
    assert "record the job first" in missing
    assert "for one training (begun the same day" in _shown("twin_training")
    assert "gives its payee as “the person: 王小明”" in _shown("payee_kind_named")
    assert "(blank)" in _shown("payee_blank")
    # A repeat: its month, who entered the first and when
    assert _shown("repeat") == (
        "王小明's “乡村公益性岗位补贴” (June 2026) is claimed again: there is one already "
        "(Submitted, entered by 张三@红星村 at 2026-06-05 09:00), and cannot be reviewed further"
    )
    assert _shown("repeat_year_unnamed").startswith("The same subsidy (2026) is claimed again")
    assert "This “Employment” is not at the hub" in _shown("partial_row")


def test_a_common_noun_inside_a_sentence_is_in_lower_case(english):
    """The township review, only a township or county device: not the Township review."""
    step = _shown("claim_step", refusal_scenarios.SCENARIOS)
    assert "is the township review: only a township or county device can do it" in step
    assert "(Village/site coordinator · " in step  # a device's role, named, as it is
    made = _shown("claim_new_by_township", refusal_scenarios.SCENARIOS)
    assert made.startswith("Claims are made by a village/site coordinator or county device")
    frozen = _shown("claim_frozen", refusal_scenarios.SCENARIOS)
    assert frozen.startswith("Once a claim is submitted, amount can no longer change")
    # … but a name written in capitals stays so
    fields = [Word(field_label(f), common=True) for f in ("amount", "id_number")]
    sentence = said(trust.CLAIM_FROZEN, listed(fields))
    assert held_words.sentence_shown(sentence).startswith(
        "Once a claim is submitted, amount, ID number can no longer change"
    )


@pytest.mark.today("2026-12-03")
def test_the_claim_service_refuses_in_the_language_shown(english, repo: Records):
    populate(repo)
    _pid, number = post_worker(repo, place_name="红星村")
    policy = extended_policy()
    service = ClaimService(repo.ledger, policy)
    with pytest.raises(ClaimRefused) as refused:
        service.create(number, "welfare_post_subsidy", on=dt.date(2027, 6, 5))
    assert str(refused.value).startswith(
        "赵六的乡村公益性岗位补贴（2027年6月）的申领日期2027年6月5日还没有到（今天是2026年12月3日）"
    )
    assert message_for(refused.value) == (
        "The claim date 5 June 2027 of 赵六's 乡村公益性岗位补贴 (June 2027) has not come yet "
        "(today is 3 December 2026): a subsidy can only be claimed for a month that has come "
        "(a job or training that has begun), never ahead; claim it on that day"
    )
    off = next(r for r in policy.rules if not r.enabled)
    with pytest.raises(ClaimRefused) as refused:
        service.create(number, off.id, on=dt.date(2026, 12, 3))
    assert refused.value.said is not None and refused.value.said.template == NOT_ENABLED
    assert str(refused.value) == f"“{off.title}”在现行政策中未启用，不能申领"
    assert message_for(refused.value) == (
        f"“{off.title}” is not in force in the current policy and cannot be claimed"
    )
    # The Chinese window, as before
    i18n.install_language("zh_CN")
    assert message_for(refused.value) == str(refused.value)
    assert not re.search(r"[A-Za-z]", message_for(refused.value))


@pytest.mark.today(bundle_refusal_scenarios.TODAY)
def test_a_changes_values_stamp_and_signature_are_refused_whole_in_english(english):
    """What the rules refuse of a change's values, stamp, author and signature — a device's
    own write, or a change of a bundle the county's device judges — said whole."""
    for name, make in bundle_refusal_scenarios.SCENARIOS.items():
        verdict = make()
        assert verdict.said is not None, name
        shown = message_for(TrustRefused(verdict))
        left = shown
        for stored in sorted(_stored(verdict.said), key=len, reverse=True):
            assert stored in shown, (name, stored, shown)
            left = left.replace(stored, "")
        assert not CHINESE.search(left), (name, shown)
        assert not shown[:1].islower(), shown
    said = message_for(TrustRefused(bundle_refusal_scenarios.SCENARIOS["stamped_ahead_step"]()))
    assert said.startswith(
        "This change is stamped at a time (2026-06-01 04:26) more than a day ahead of the "
        "hub's clock (2026-05-29 04:26)"
    )
    assert "would count in the monthly report of June 2026" in said
    said = message_for(TrustRefused(bundle_refusal_scenarios.SCENARIOS["numbered_first"]()))
    assert said.startswith("This change is stamped before its claim was made: accepted, the "
                           "claim's application number UBZLJ-7 would become another")  # fmt: skip
    said = message_for(TrustRefused(bundle_refusal_scenarios.SCENARIOS["foreign_id_revoked"]()))
    assert "ledger id of the revoked device “红星村笔记本”" in said


@pytest.mark.today("2027-01-05")
def test_a_claim_not_passed_on_in_review_is_said_in_english(english, repo: Records):
    """A draft asking more than the policy pays (a tampered program's, or made before the
    county lowered the figure) is not submitted: said whole, with the step refused and what
    to do, in the language shown; in Chinese as before."""
    from fieldapp.domain.claims import ClaimState
    from fieldapp.policy.eligibility import claim_beyond_policy

    populate(repo)
    _pid, number = post_worker(repo, place_name="红星村")
    policy = extended_policy()
    service = ClaimService(repo.ledger, policy)
    december = service.create(number, "welfare_post_subsidy", on=dt.date(2026, 12, 31))
    with repo.ledger.transaction():
        repo.ledger.update("claims", december.id, {"amount": 9999.0})
    with pytest.raises(ClaimRefused) as refused:
        service.advance(december.id, ClaimState.SUBMITTED, "缺件原因")
    beyond = claim_beyond_policy(policy, repo.ledger.get("claims", december.id) or {})
    assert beyond is not None
    assert str(refused.value) == f"{beyond[1]}（不能变为“已提交”，草稿可以删除）"
    shown = message_for(refused.value)
    assert shown.startswith("赵六's 乡村公益性岗位补贴 (December 2026) asks for 9999 yuan, above")
    assert shown.endswith(
        "claim again at the standard in force (it cannot become “Submitted”; a draft can be "
        "deleted)"
    )
    assert not CHINESE.search(shown.replace("赵六", "").replace("乡村公益性岗位补贴", "")
                              .replace(str(policy.rule("welfare_post_subsidy").figure_document), ""))  # fmt: skip
    i18n.install_language("zh_CN")
    assert message_for(refused.value) == str(refused.value)


@pytest.mark.today("2026-12-05")
def test_the_claim_flows_and_services_refusals_are_said_whole_in_english(english, repo: Records):
    """A step the flow does not take, a reason not written, a repeat of a new claim, a person
    who does not qualify yet, a figure not set, a document not on the list: said whole in the
    English window — names, subsidies, their clauses, the rules' reasons and the documents as
    written; in Chinese as before."""
    from tests.services.test_policy_refusal_sentences import (
        FLOW_BEFORE,
        _flow_refusals,
        _service_refusals,
    )

    found = {**_flow_refusals(), **_service_refusals(repo)}
    shown = {name: message_for(refused) for name, refused in found.items()}
    for name, refused in found.items():
        said = getattr(refused, "said", None)
        assert said is not None, name
        left = shown[name]
        for stored in sorted(_stored(said), key=len, reverse=True):
            left = left.replace(stored, "")
        assert not CHINESE.search(left), (name, shown[name])
        assert not shown[name][:1].islower(), shown[name]
    assert shown["not_allowed"] == (
        "赵六's claim of “一次性交通补助” is “Submitted” and cannot become “Paid” (it can now "
        "become: Village reviewed, Rejected)"
    )
    assert shown["final"].endswith(
        "cannot become “Submitted” (this state is final and cannot change)"
    )
    assert shown["not_allowed_bare"].startswith("This claim is “Draft”")
    assert shown["reason"] == "A reason must be written to make a claim “Rejected”"
    assert shown["documents_missing"] == (
        "赵六's claim of “一次性交通补助” lacks documents: 身份证复印件, 务工证明. Collect them, or "
        "write why they are missing, then submit it"
    )
    assert shown["documents_missing_bare"].startswith("This claim lacks documents: 身份证复印件, ")
    assert shown["locked"] == (
        "赵六's claim of “一次性交通补助” is “County approved” and can no longer be changed; a "
        "mistake can only be reversed (with a reason written)"
    )
    assert shown["ended_reversed"] == (
        "赵六's claim of “一次性交通补助” is “Reversed” and can no longer be changed"
    )
    assert shown["limit_by"] == (
        "“一次性交通补助” has been claimed already and cannot be claimed again: the first claim is "
        "赵六's “一次性交通补助” (no number, entered 1 June 2025) (Paid, entered by 李芳 at "
        "2025-06-01 10:00)"
    )
    # A first claim that names no subsidy (a bare record) is someone's claim of the same one
    assert shown["limit_untitled"] == (
        "“一次性交通补助” has been claimed already and cannot be claimed again: the first claim is "
        "赵六's claim of the same subsidy (no number, entered 1 June 2025) (Paid)"
    )
    assert shown["limit_untitled_nameless"].endswith(
        ": the first claim is the same person's claim of the same subsidy (no number, entered 1 "
        "June 2025) (Paid)"
    )
    assert shown["limit_nameless"].endswith(
        ": the first claim is the same person's claim of the same subsidy (no number) (Paid)"
    )
    assert shown["limit_undated"].endswith(
        ": the first claim is 赵六's “一次性交通补助” (no number) (Paid)"
    )
    assert (
        shown["limit_numbered"].startswith(
            "“一次性交通补助（脱贫人口新跨省务工）” has been claimed already and cannot be claimed again: "
            "the first claim is number "
        )
        and "(Draft, entered by 测试员 at 2026-12-05 " in shown["limit_numbered"]
    )
    assert shown["unset"].startswith(
        "The standard of “一次性交通补助（跨县务工）” is not yet set by the county (黔府发〔2023〕12号"
    )
    assert shown["unknown_items"] == "Not in the list of documents: 户口本, 结婚证"
    assert shown["collect_unknown"].startswith(
        "Not in the list of documents of 王五's claim of “一次性交通补助（跨县务工）”: 户口本, 结婚证 (the list: 身份证复印件, "
    )
    assert shown["not_yet"].startswith(
        "王五 does not qualify for “一次性交通补助（跨县务工）” now (黔府发"
    )
    i18n.install_language("zh_CN")
    for name, refused in found.items():
        assert message_for(refused) == str(refused), name
    assert {name: str(found[name]) for name in FLOW_BEFORE} == FLOW_BEFORE


def test_a_category_is_said_as_what_someone_is(english):
    """A category inside a sentence says what the person is (lifted out of poverty, a veteran),
    not a list's name capitalised mid-sentence (is in Lifted out of poverty)."""
    shown = _shown("category_day")
    assert shown.startswith(
        "王小明's 一次性交通补助（跨县务工） says 王小明 is lifted out of poverty, monitored against "
        "relapse into poverty, but the ledger records no such category for 王小明 on 1 May 2026"
    ), shown
    from fieldapp.domain.enums import Category
    from fieldapp.policy.eligibility import CATEGORY_UNFOUNDED

    one = said(CATEGORY_UNFOUNDED, "某补贴", "张三", Word(Category.VETERAN.value), "")
    assert " says 张三 is a veteran, but " in held_words.sentence_shown(one)
    i18n.install_language("zh_CN")
    assert held_words.sentence_shown(one).startswith("某补贴写明张三属于退役军人，")


def test_a_repeat_of_a_subsidy_neither_claim_names_reads_right_in_english(english):
    """赵六的同一项补贴 said as 赵六's the same subsidy: now 赵六 claims the same subsidy again."""
    from tests.services.test_policy_refusal_sentences import _untitled_repeats

    found = _untitled_repeats()
    assert held_words.sentence_shown(found["repeat_untitled"]) == (
        "赵六 claims the same subsidy (June 2026) again: there is one already (Paid)"
    )
    assert held_words.reason_shown(None, "", found["repeat_untitled_nameless"]) == (
        "The same subsidy (June 2026) is claimed again: there is one already (Paid)"
    )
    i18n.install_language("zh_CN")
    assert held_words.sentence_shown(found["repeat_untitled"]) == str(found["repeat_untitled"])
