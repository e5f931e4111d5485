"""Claims: the one-time guard, the state machine, evidence, approval locks, batches."""

from __future__ import annotations

import pytest

from fieldapp.domain.claims import Claim, ClaimState
from fieldapp.policy.claim_flow import TRANSITIONS, TransitionRefused, check_transition, parse_state
from fieldapp.policy.guard import LimitExceeded, check_new_claim, find_limit_violations
from fieldapp.policy.pack import Policy
from fieldapp.services.claims import ClaimRefused, ClaimService
from tests.policy.helpers import D, populate, post_worker
from tests.records import Records

S = ClaimState


def _claim(
    cid: str, key: str, state: S = S.DRAFT, at: str = "2025-06-01T10:00:00", device: str = "a"
) -> Claim:
    return Claim(
        id=cid,
        person_id="p",
        rule_id="r",
        limit_key=key,
        state=state,
        created_at=at,
        created_device=device,
        person_name="赵六",
        rule_title="一次性交通补助",
    )


# -- the guard (pure; the hub runs it on merged claims) --------------------------------------------


def test_guard_names_the_first_claim_across_devices() -> None:
    first = _claim("c-b", "transport|p|ever", S.PAID, "2025-06-01T09:00:00", "laptop")
    repeat = _claim("c-a", "transport|p|ever", S.SUBMITTED, "2025-06-02T09:00:00", "site")
    other = _claim("c-c", "transport|q|ever")
    found = find_limit_violations([repeat, other, first])
    assert [(v.first.id, v.repeat.id) for v in found] == [("c-b", "c-a")]
    # Claims with no 申请编号 (no creating change on record): said by whose, which subsidy and
    # the day entered, never by their ids (UUIDs on a real ledger).
    message = found[0].message
    assert "c-b" not in message and "c-a" not in message, message
    assert "“一次性交通补助”（未编号，2025年6月2日录入）" in message, message
    assert "重复了已有的申领 赵六的“一次性交通补助”（未编号，2025年6月1日录入）" in message


@pytest.mark.parametrize("state", [S.REJECTED, S.REVERSED])
def test_guard_ignores_dead_claims(state: S) -> None:
    claims = [_claim("c1", "k", state), _claim("c2", "k", S.DRAFT, "2025-07-01T00:00:00")]
    assert find_limit_violations(claims) == []
    check_new_claim("k", "测试补贴", claims[:1])


def test_guard_ignores_deleted_claims() -> None:
    gone = _claim("c1", "k").model_copy(update={"deleted": True})
    assert find_limit_violations([gone, _claim("c2", "k")]) == []


def test_guard_refuses_new_claim_naming_first() -> None:
    with pytest.raises(LimitExceeded) as caught:
        check_new_claim("k", "一次性交通补助", [_claim("c1", "k", S.PAID)])
    assert caught.value.first.id == "c1"
    said = str(caught.value)
    assert "首次申领赵六的“一次性交通补助”（未编号，2025年6月1日录入）" in said, said
    assert "c1" not in said


def test_a_claim_with_no_number_and_no_title_is_said_by_the_pack_or_a_plain_word() -> None:
    """No 申请编号 and no title (a tampered program's claim): the pack in force's title, else
    同一项补贴; its person and day; never its id or its rule's."""
    from fieldapp.policy.guard import said

    bare = _claim("0b5e6f1c-uuid", "k").model_copy(update={"rule_title": "", "rule_id": "r9"})
    assert said(bare) == "赵六的同一项补贴（未编号，2025年6月1日录入）"
    assert said(bare, "一次性交通补助（跨县务工）") == (
        "赵六的“一次性交通补助（跨县务工）”（未编号，2025年6月1日录入）"
    )
    nameless = bare.model_copy(update={"person_name": "", "created_at": None})
    assert said(nameless) == "同一人的同一项补贴（未编号）"


def test_guard_periods_are_separate_keys() -> None:
    claims = [
        _claim("c1", "t|p|year:2025"),
        _claim("c2", "t|p|year:2026"),
        _claim("c3", "a|p|event:s1"),
        _claim("c4", "a|p|event:s2"),
    ]
    assert find_limit_violations(claims) == []


# -- the state machine ------------------------------------------------------------------------------

LEGAL = [(a, b) for a, targets in TRANSITIONS.items() for b in sorted(targets)]
ILLEGAL = [(a, b) for a in S for b in S if b not in TRANSITIONS[a]]


@pytest.mark.parametrize(
    ("start", "target"), ILLEGAL, ids=[f"{a.value}→{b.value}" for a, b in ILLEGAL]
)
def test_illegal_transitions_refused(start: S, target: S) -> None:
    claim = Claim(
        id="c", person_id="p", rule_id="r", state=start, evidence='{"身份证复印件": true}'
    )
    with pytest.raises(TransitionRefused) as caught:
        check_transition(claim, target, "理由")
    assert f"不能变为“{target.value}”" in str(caught.value)


@pytest.mark.parametrize(("start", "target"), LEGAL, ids=[f"{a.value}→{b.value}" for a, b in LEGAL])
def test_legal_transitions_allowed_with_reason(start: S, target: S) -> None:
    claim = Claim(
        id="c", person_id="p", rule_id="r", state=start, evidence='{"身份证复印件": true}'
    )
    check_transition(claim, target, "理由")


@pytest.mark.parametrize("target", [S.REJECTED, S.REVERSED])
def test_reject_and_reverse_need_a_reason(target: S) -> None:
    start = S.SUBMITTED if target is S.REJECTED else S.PAID
    claim = Claim(id="c", person_id="p", rule_id="r", state=start)
    with pytest.raises(TransitionRefused, match="必须填写原因"):
        check_transition(claim, target, "  ")


def test_states_parse_from_chinese_and_english() -> None:
    assert parse_state("已提交") is S.SUBMITTED
    assert parse_state("approved") is S.COUNTY_APPROVED
    assert parse_state("Paid") is S.PAID


# -- the service on a real ledger --------------------------------------------------------------------


@pytest.fixture
def service(repo: Records, county_policy: Policy) -> tuple[ClaimService, dict[str, str]]:
    ids = populate(repo)
    return ClaimService(repo.ledger, county_policy), ids


def test_unset_county_figure_cannot_be_claimed(repo: Records, policy: Policy) -> None:
    ids = populate(repo)
    svc = ClaimService(repo.ledger, policy)
    with pytest.raises(ClaimRefused, match="补贴标准待县里核定标准"):
        svc.create(ids["worker"], "transport_cross_county", on=D(2025, 6, 5))
    assert svc.queries.all() == []


def test_claim_lifecycle_logged_with_author(service: tuple[ClaimService, dict[str, str]]) -> None:
    svc, ids = service
    claim = svc.create(ids["worker"], "transport_cross_county", on=D(2025, 6, 5))
    assert claim.state == S.DRAFT and claim.amount == 500
    assert claim.funding_source == "衔接推进乡村振兴补助资金"
    assert claim.id_number == ids["worker"] and claim.township_code == "520502001"
    assert claim.facts.spell is not None and claim.facts.spell.employer == "某电子厂"
    with pytest.raises(TransitionRefused, match="缺少材料"):
        svc.advance(claim.id, S.SUBMITTED)
    svc.collect_evidence(claim.id, ["身份证复印件", "3个月工资银行流水"])
    claim = svc.advance(claim.id, S.SUBMITTED, "务工证明待用人单位盖章后补交")
    assert claim.missing_evidence_reason == "务工证明待用人单位盖章后补交"
    for step in (S.VILLAGE_REVIEWED, S.TOWNSHIP_REVIEWED, S.COUNTY_APPROVED):
        claim = svc.advance(claim.id, step)
    with pytest.raises(TransitionRefused, match="不能再修改"):
        svc.collect_evidence(claim.id, ["社会保障卡账户"])
    claim = svc.advance(claim.id, S.PAID)
    events = svc.queries.events(claim.id)
    assert [e.to_state for e in events if e.from_state != e.to_state] == [
        "草稿",
        "已提交",
        "村审核",
        "乡镇审核",
        "县审批",
        "已发放",
    ]
    assert all(e.created_by == "测试员" and e.created_device for e in events)


def test_repeat_claim_refused_naming_the_first(
    service: tuple[ClaimService, dict[str, str]],
) -> None:
    svc, ids = service
    first = svc.create(ids["worker"], "transport_cross_county", on=D(2025, 6, 5))
    with pytest.raises(LimitExceeded) as caught:
        svc.create(ids["worker"], "transport_cross_province_lifted", on=D(2025, 7, 1))
    assert caught.value.first.id == first.id  # for code; a person reads its 申请编号
    assert first.number and f"首次申领编号 {first.number}（" in str(caught.value)
    assert first.id not in str(caught.value)
    # The first claim's state and who entered it, in words: no rule key, no ISO stamp.
    assert "transport_cross_county" not in str(caught.value)
    assert "（已提交，测试员 于 " in str(caught.value) or "（草稿，测试员 于 " in str(caught.value)


def test_reversal_frees_the_limit(service: tuple[ClaimService, dict[str, str]]) -> None:
    svc, ids = service
    claim = svc.create(ids["worker"], "transport_cross_county", on=D(2025, 6, 5))
    svc.set_missing_reason(claim.id, "材料在村委")
    for step in (S.SUBMITTED, S.VILLAGE_REVIEWED, S.TOWNSHIP_REVIEWED, S.COUNTY_APPROVED):
        svc.advance(claim.id, step)
    reversed_ = svc.advance(claim.id, S.REVERSED, "务工地点登记错误")
    assert reversed_.reason == "务工地点登记错误"
    again = svc.create(ids["worker"], "transport_cross_county", on=D(2025, 6, 5))
    assert again.id != claim.id


def test_a_claim_past_its_draft_is_refused_deletion_in_the_doors_sentence(
    service: tuple[ClaimService, dict[str, str]],
) -> None:
    """`delete_draft` refused a submitted claim, and a rejected or reversed one, in its own
    Chinese text, which no window could say in English: it says the write door's (and the
    hub's) refusal, a template — a rejected or reversed claim not told to be rejected."""
    from fieldapp.services.trust import ENDED_NOT_DELETED, NOT_DELETED

    svc, ids = service
    claim = svc.create(ids["worker"], "transport_cross_county", on=D(2025, 6, 5))
    svc.set_missing_reason(claim.id, "材料在村委")
    svc.advance(claim.id, S.SUBMITTED)
    with pytest.raises(ClaimRefused) as refused:
        svc.delete_draft(claim.id)
    assert refused.value.said is not None and refused.value.said.template == NOT_DELETED
    assert str(refused.value) == "「已提交」的申领不能删除，只能驳回或撤销"
    svc.advance(claim.id, S.REJECTED, "材料不全")
    with pytest.raises(ClaimRefused) as refused:
        svc.delete_draft(claim.id)
    assert refused.value.said is not None and refused.value.said.template == ENDED_NOT_DELETED
    assert str(refused.value) == "「驳回」的申领不能删除：它留在台账上备查（更正请新建申领）"
    assert svc.queries.get(claim.id).state == S.REJECTED


def test_not_yet_eligible_refused_with_reason(service: tuple[ClaimService, dict[str, str]]) -> None:
    svc, ids = service
    with pytest.raises(ClaimRefused, match="2025年6月5日起可申请"):
        svc.create(ids["worker"], "transport_cross_county", on=D(2025, 6, 4))


def test_batch_groups_claims(service: tuple[ClaimService, dict[str, str]]) -> None:
    svc, ids = service
    claim = svc.create(
        ids["worker"],
        "tracking_service_agency",
        on=D(2025, 6, 5),
        evidence_collected=[
            "被输出人员身份证复印件",
            "劳动合同（1年以上）",
            "社会保险缴费记录（3个月以上）",
            "机构营业执照或登记证明",
            "机构银行账户",
        ],
    )
    svc.advance(claim.id, S.SUBMITTED)
    batch, members = svc.create_batch("tracking_service_agency", area_prefix="520502001")
    assert [c.id for c in members] == [claim.id]
    assert batch.funding_source == "就业补助资金" and members[0].payee_name == "某劳务公司"
    with pytest.raises(Exception, match="没有可编入批次的申领"):
        svc.create_batch("tracking_service_agency")


def test_a_monthly_claim_records_the_categories_held_in_the_month_paid(
    repo: Records, county_policy: Policy
) -> None:
    """A post begun before the person became 脱贫人口: the March claim (and its application
    form) records the category held in March, not on the day the post began."""
    from fieldapp.domain.models import CategoryMembership

    populate(repo)
    pid, number = post_worker(repo, D(2025, 1, 1))
    with repo.ledger.transaction():
        repo.save(CategoryMembership(person_id=pid, category="脱贫人口", start_date=D(2025, 2, 10)))
    service = ClaimService(repo.ledger, county_policy)
    claim = service.create(number, "welfare_post_subsidy", on=D(2025, 3, 5))
    assert claim.amount == 600 and claim.facts is not None
    assert claim.facts.categories == ("脱贫人口",)


@pytest.mark.today("2027-01-31")
def test_december_claimed_in_january_is_paid_and_cited_at_decembers_figure(
    repo: Records,
) -> None:
    """A hand-written county pack raising the post subsidy from 2027-01-01 (figure_from, with the
    figure before it): the December claim made in January records 600 元 and the 2026 notice
    (on its application form and roster), the January claim 700 元 and the 2027 notice."""
    import tempfile
    from pathlib import Path

    from fieldapp.policy.combine import combine
    from fieldapp.policy.packfile import parse_pack_text
    from fieldapp.policy.registry import PolicyRegistry
    from tests.policy.helpers import COUNTY_PACK

    text = COUNTY_PACK.replace(
        'rule = "welfare_post_subsidy"\nfigure = 600\nfigure_document = "七人社通〔2026〕3号"',
        'rule = "welfare_post_subsidy"\nfigure = 700\nfigure_document = "七人社通〔2026〕20号"\n'
        "figure_from = 2027-01-01\nfigure_before = 600\n"
        'figure_before_document = "七人社通〔2026〕3号"\n'
        'valid_to = 2027-12-31\ndocument = "七人社通〔2026〕20号"',
    ) + (
        '\n[[documents]]\nnumber = "七人社通〔2026〕20号"\n'
        'title = "关于调整2027年公益性岗位补贴标准的通知"\ndate = 2026-12-10\n'
    )
    assert "figure_from" in text
    base = PolicyRegistry(local=Path(tempfile.mkdtemp())).base_files()
    policy = combine([*base, ("county.toml", parse_pack_text(text, "county.toml"))])
    populate(repo)
    pid, number = post_worker(repo)
    service = ClaimService(repo.ledger, policy)
    december = service.create(number, "welfare_post_subsidy", on=D(2026, 12, 31))
    january = service.create(number, "welfare_post_subsidy", on=D(2027, 1, 31))
    assert (december.amount, january.amount) == (600, 700)
    assert december.source_clause is not None and january.source_clause is not None
    assert "七人社通〔2026〕3号" in december.source_clause
    assert "县定标准" in december.source_clause and "20号；" not in december.source_clause
    assert "县定标准、执行至2027年12月31日（七人社通〔2026〕20号" in january.source_clause
    assert december.facts is not None and december.facts.amount_rule.startswith("600 元/月")
    assert january.facts is not None and january.facts.amount_rule.startswith("700 元/月")


def test_one_job_recorded_twice_is_one_job_for_a_subsidy_paid_once_per_job():
    """吸纳就业补贴 is paid once per job: a job recorded again under a new id (two laptops
    offline, or a tampered program's copy) — the same person, start day and employer — is the
    same job (`event_twin`); another employer, another day, another person, or a deleted row is
    not."""
    from fieldapp.policy.eligibility import event_twin

    job = {"person_id": "p1", "start_date": "2025-03-05", "employer": "某电子厂", "deleted": 0}
    assert event_twin("employment_spells", job, job | {"employer": " 某电子厂 "})
    for other in ({"employer": "另一家厂"}, {"start_date": "2025-03-06"}, {"person_id": "p2"},
                  {"deleted": 1}):  # fmt: skip
        assert not event_twin("employment_spells", job, job | other), other
    course = {"person_id": "p1", "service_date": "2025-10-09", "service_type": "职业培训",
              "training_kind": "", "training_days": 10}  # fmt: skip
    assert event_twin("services", course, course | {"training_days": "10"})
    assert not event_twin("services", course, course | {"training_days": 3})


def test_guard_and_made_on_read_china_time_whatever_the_stored_zone(clock) -> None:
    """A claim's created_at is kept in China time with +08:00 (ledger version 37); a row kept
    before with no zone is this computer's time. On a clock kept in UTC the guard says when
    each claim was entered, and a claim with no 申请日期 of its own was made, in China's time."""
    import datetime as dt

    clock("UTC")
    first = _claim("c-b", "k", S.PAID, "2026-12-05T07:30:00+08:00", "laptop")
    repeat = _claim("c-a", "k", S.SUBMITTED, "2026-12-05T01:15:00", "site")  # 09:15 in China
    first, repeat = (c.model_copy(update={"created_by": "李芳"}) for c in (first, repeat))
    (found,) = find_limit_violations([repeat, first])
    assert "李芳 于 2026-12-05 07:30 录入" in found.message
    assert "于 2026-12-05 09:15 录入" in found.message
    assert "+08:00" not in found.message
    late = _claim("c-d", "k", S.DRAFT, "2026-12-04T23:30:00")  # 07:30 on the 5th in China
    assert first.made_on() == late.made_on() == dt.date(2026, 12, 5)


def test_the_guard_orders_claims_by_their_creating_change_not_their_time_as_text(clock) -> None:
    """Which of two claims is the repeat was decided on created_at compared as text, then the
    claim id: two claims entered in the same second (an import, two laptops) were ordered by
    their random ids, and a row kept before ledger version 37 with no zone (01:15 on a UTC
    server, 09:15 in China) came before one kept at 07:30+08:00. The guard now orders claims
    by their creating change's key, as the store lists them (its stamp, then the change id):
    the claim made first stays first on every replica, wherever its time came from."""
    from fieldapp.policy.guard import ClaimRow, repeat_of

    clock("UTC")
    early = "1764891000000-0000/dev-laptop:7"  # 2025-12-05 07:30:00.000 in China
    for first_at, repeat_at, late in (
        # the same second, 0.4 s later
        ("2025-12-05T07:30:00+08:00", "2025-12-05T07:30:00+08:00", "1764891000400-0000/d:3"),
        # 09:15 in China, kept with no zone on a UTC server
        ("2025-12-05T07:30:00+08:00", "2025-12-05T01:15:00", "1764897300000-0000/d:3"),
    ):
        first = _claim("c-z", "k", S.SUBMITTED, first_at, "laptop")
        repeat = _claim("c-a", "k", S.SUBMITTED, repeat_at, "site")
        first = first.model_copy(update={"creating_key": early})
        repeat = repeat.model_copy(update={"creating_key": late})
        (found,) = find_limit_violations([repeat, first])
        assert (found.first.id, found.repeat.id) == ("c-z", "c-a"), first_at + repeat_at
        # The write door's and the hub's judge read the rows as stored, their key with them.
        rows = {
            c.id: {"limit_key": "k", "state": c.state, "created_at": c.created_at, "_ckey": key}
            for c, key in ((first, early), (repeat, late))
        }
        mine, other = ClaimRow.of("c-a", rows["c-a"]), ClaimRow.of("c-z", rows["c-z"])
        assert repeat_of(mine, [other]) == other
        assert repeat_of(other, [mine]) is None


def test_a_claim_at_an_old_figure_is_named_with_the_day_its_job_began(repo: Records) -> None:
    """The county lowers the cross-province transport subsidy from 500 to 400 元 while 王五's
    claim, made at 500 元, waits for approval: the notice named it 王五的一次性交通补助
    （2025-03-05 的就业）, a day in the machine's form among sentences a coordinator reads. It
    now says the day as she writes it, as the hub's reasons do: （2025年3月5日开始的就业）."""
    import tempfile
    from pathlib import Path

    from fieldapp.policy.combine import combine
    from fieldapp.policy.packfile import parse_pack_text
    from fieldapp.policy.registry import PolicyRegistry
    from fieldapp.services.claims import claims_at_another_figure
    from tests.policy.helpers import COUNTY_PACK

    base = PolicyRegistry(local=Path(tempfile.mkdtemp())).base_files()

    def pack(text: str) -> Policy:
        return combine([*base, ("county.toml", parse_pack_text(text, "county.toml"))])

    ids = populate(repo)
    claim = ClaimService(repo.ledger, pack(COUNTY_PACK)).create(
        ids["worker"], "transport_cross_province_lifted", on=D(2025, 7, 1)
    )
    assert claim.amount == 500 and claim.event_date == D(2025, 3, 5)
    lowered = COUNTY_PACK.replace(
        'rule = "transport_cross_province_lifted"\nfigure = 500',
        'rule = "transport_cross_province_lifted"\nfigure = 400',
    )
    (said,) = claims_at_another_figure(repo.ledger, pack(lowered))
    assert "王五的一次性交通补助" in said, said
    assert "（2025年3月5日开始的就业）按原标准 500 元申领，现行标准为 400 元" in said, said
