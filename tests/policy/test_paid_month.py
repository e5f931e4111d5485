"""A subsidy paid by the month (year) says on its papers which month (year) it pays for."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.claims import Claim, ClaimState
from fieldapp.paperwork.jobs import form_job, roster_job
from fieldapp.services.claims import ClaimRefused, ClaimService
from fieldapp.services.trust_check import TrustRefused
from fieldapp.services.writer import actor_of, writing
from tests.paperwork.builders import approve
from tests.paperwork.pdftext import page_texts
from tests.policy.helpers import HOME, extended_policy, populate, post_worker
from tests.records import Records

#: January's and December's claims are made once January has come.
pytestmark = pytest.mark.today("2027-02-01")


def test_the_form_and_roster_of_a_monthly_subsidy_say_which_month_they_pay(
    repo: Records,
) -> None:
    """December's post subsidy is claimed in early January, as every month's is claimed after
    the month: the 申请表 printed 申请日期 and the 补贴标准 (600 元/月) but no month, and the
    花名册 of a batch holding December's and January's claims of one person showed two like
    rows — nobody could tell which month each paid. Each now says 发放月份 2026年12月."""
    populate(repo)
    pid, number = post_worker(repo, place_name="红星村")
    policy = extended_policy()
    papers = policy.rule("welfare_post_subsidy").evidence
    service = ClaimService(repo.ledger, policy)
    december = service.create(
        number, "welfare_post_subsidy", on=dt.date(2026, 12, 31), evidence_collected=papers
    )
    text = page_texts(form_job(repo.ledger, december.id).render())[0]
    assert "发放月份" in text and "2026年12月" in text
    january = service.create(
        number, "welfare_post_subsidy", on=dt.date(2027, 1, 31), evidence_collected=papers
    )
    for claim in (december, january):
        service.advance(claim.id, ClaimState.SUBMITTED)
    batch, claims = service.create_batch("welfare_post_subsidy", area_prefix=HOME)
    approve(service, *(c.id for c in claims))  # the 发放花名册 lists what the county approved
    roster = "\n".join(page_texts(roster_job(repo.ledger, batch.id).render()))
    assert "2026年12月" in roster and "2027年1月" in roster


def test_one_person_paid_for_two_months_is_one_person_on_the_roster_and_notice(
    repo: Records,
) -> None:
    """The township batches December's and January's post subsidy together in January: the
    posted 公示表 said 以下 2 名人员符合…条件 and the 花名册's 合计 2 人 for one person paid for
    two months. They now count the persons and the payments (1 人 2 笔)."""
    from fieldapp.paperwork.jobs import notice_job

    pid, batch, policy = _december_and_january_batched(repo)
    roster = "\n".join(page_texts(roster_job(repo.ledger, batch.id).render()))
    assert "1 人 2 笔" in roster and "2 人" not in roster
    notice = "\n".join(
        page_texts(notice_job(repo.ledger, batch.id, dt.date(2026, 11, 23), policy).render())
    )
    assert "以下 1 名人员（2 笔）符合乡村公益性岗位补贴" in notice.replace("\n", "")


@pytest.mark.today("2026-12-03")
def test_a_month_not_yet_come_is_never_claimed_nor_passed_on(repo: Records) -> None:
    """On 3 December next June's post subsidy could be claimed (`--on 2027-06-05`): a claim
    for work not yet done. The claim is refused, saying whose, which subsidy and month; the
    write door refuses such a row however it is written; and a claim dated ahead made before
    this rule (or by a tampered copy) is never passed on in review nor marked paid."""
    populate(repo)
    _pid, number = post_worker(repo, place_name="红星村")
    service = ClaimService(repo.ledger, extended_policy())
    with pytest.raises(ClaimRefused) as refused:
        service.create(number, "welfare_post_subsidy", on=dt.date(2027, 6, 5))
    assert str(refused.value).startswith(
        "赵六的乡村公益性岗位补贴（2027年6月）的申领日期2027年6月5日还没有到（今天是2026年12月3日）"
    )
    december = service.create(number, "welfare_post_subsidy", on=dt.date(2026, 12, 3))
    # The door itself: a claim dated next June written by any other path.
    june = december.model_copy(update={"id": "", "claim_date": dt.date(2027, 6, 5)})
    with pytest.raises(TrustRefused) as door, writing(repo.ledger, actor_of(repo.ledger)) as w:
        w.insert(june)
    assert door.value.rule == "claim_future" and "2027年6月" in str(door.value)
    # … nor December re-dated to June,
    with pytest.raises(TrustRefused), writing(repo.ledger, actor_of(repo.ledger)) as w:
        w.update(Claim, december.id, {"claim_date": dt.date(2027, 6, 5)})
    # … nor a stored claim dated ahead taken a step on, or recorded paid.
    with repo.ledger.transaction():
        repo.ledger.update("claims", december.id, {"claim_date": "2027-06-05"})
    for step in (ClaimState.SUBMITTED, ClaimState.PAID):
        with (
            pytest.raises(TrustRefused, match="还没有到"),
            writing(repo.ledger, actor_of(repo.ledger)) as w,
        ):
            w.update(Claim, december.id, {"state": step.value})
    assert repo.ledger.get("claims", december.id)["state"] == ClaimState.DRAFT.value


def test_the_month_paid_has_its_own_column_on_the_roster_and_notice(repo: Records) -> None:
    """The 花名册 of a monthly post subsidy printed the month inside 务工地点（用工单位）:
    2026年10月 红星村（红星村保洁岗） — a month under a place's header, the clerk reading it as
    part of where the post is. The month paid now has a column of its own, 发放月份, on the
    花名册 and the 公示表, and the place column says the place."""
    from fieldapp.paperwork.jobs import notice_job
    from fieldapp.paperwork.paper_data import PaperData

    pid, batch, policy = _december_and_january_batched(repo)
    rows = PaperData(repo.ledger).roster(batch.id).rows
    assert [(r.paid_for, r.fact) for r in rows] == [
        ("2026年12月", "红星村（红星村保洁岗）"),
        ("2027年1月", "红星村（红星村保洁岗）"),
    ]
    roster = "".join("".join(page_texts(roster_job(repo.ledger, batch.id).render())).split())
    notice = notice_job(repo.ledger, batch.id, dt.date(2026, 11, 23), policy).render()
    for flat in (roster, "".join("".join(page_texts(notice)).split())):
        assert "发放月份务工地点（用工单位）" in flat, flat[:400]


def _december_and_january_batched(repo):
    """A post worker of 红星村 claiming the welfare post subsidy for December 2026 and January
    2027, both submitted and put in one batch: (the person's id, the batch, the policy)."""
    populate(repo)
    pid, number = post_worker(repo, place_name="红星村")
    policy = extended_policy()
    papers = policy.rule("welfare_post_subsidy").evidence
    service = ClaimService(repo.ledger, policy)
    for on in (dt.date(2026, 12, 31), dt.date(2027, 1, 31)):
        claim = service.create(number, "welfare_post_subsidy", on=on, evidence_collected=papers)
        service.advance(claim.id, ClaimState.SUBMITTED)
    batch, claims = service.create_batch("welfare_post_subsidy", area_prefix=HOME)
    approve(service, *(c.id for c in claims))  # the 发放花名册 lists what the county approved
    return pid, batch, policy
