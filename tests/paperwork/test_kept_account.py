"""The account a claim is paid to is the one it had when the county approved it (县审批).

The 花名册 printed the claimant's account as the person's row said on the day it was printed:
an account changed after approval — by a county device, or a village one whose change the
county accepted — moved approved money to another account, and nobody saw. The approving step
now keeps the bank and account on the claim; the roster and forms print them, and the roster
says, above its table and to the clerk before printing, when the person's account has changed.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from fieldapp.domain.claims import ClaimState
from fieldapp.paperwork.jobs import form_job, forms_job, notice_job, roster_job
from fieldapp.policy.combine import combine
from fieldapp.policy.pack import Policy
from fieldapp.policy.packfile import parse_pack_text
from fieldapp.policy.registry import PolicyRegistry
from fieldapp.services.claims import ClaimService
from fieldapp.services.writer import actor_of
from tests.paperwork.approved_account import NEW, OLD, RULE, _approved, _set_account
from tests.paperwork.pdftext import page_texts
from tests.policy.helpers import COUNTY_PACK, D, populate

S = ClaimState


@pytest.fixture
def county_policy() -> Policy:
    base = PolicyRegistry(local=Path(tempfile.mkdtemp())).base_files()
    return combine([*base, ("county.toml", parse_pack_text(COUNTY_PACK, "county.toml"))])


def _flat(pdf: bytes) -> str:
    return "".join("".join(page_texts(pdf)).split())


def test_the_approving_step_keeps_the_account_and_the_roster_pays_to_it(repo, county_policy):
    """王五's account is changed after the county approved his claim: his roster and form
    print the account approved, the roster says above its table that it has changed (first
    and last four digits of each), and the clerk reads it before printing; the posted notice
    says nothing of it."""
    service, claim_id, person_id = _approved(repo, county_policy)
    ledger = repo.ledger
    kept = ledger.get("claims", claim_id)
    assert (kept["approved_bank"], kept["approved_account"]) == ("中国农业银行", OLD)
    batch, _ = service.create_batch(RULE, state=S.COUNTY_APPROVED)
    # Before any change: the account printed, nothing to say.
    job = roster_job(ledger, batch.id)
    assert OLD in _flat(job.render()) and "审批后改过" not in _flat(job.render())
    assert "审批后改过" not in job.note

    _set_account(ledger, person_id, "中国建设银行", NEW)
    said = f"王五的账号在审批后改过：审批时{OLD[:4]}…{OLD[-4:]}，现为{NEW[:4]}…{NEW[-4:]}"
    job = roster_job(ledger, batch.id)
    roster = _flat(job.render())
    assert OLD in roster and NEW not in roster
    assert said in roster and "表上印审批时的账号，请核实后发放" in roster
    assert said in "".join(job.note.split())
    for paper in (forms_job(ledger, batch.id), form_job(ledger, claim_id)):
        text = _flat(paper.render())
        assert OLD in text and "中国农业银行" in text and NEW not in text
        assert said in "".join(paper.note.split())
    notice = _flat(notice_job(ledger, batch.id, D(2025, 7, 1), county_policy).render())
    assert "审批后改过" not in notice and NEW[:4] not in notice

    # Paid: still the account approved.
    service.advance(claim_id, S.PAID)
    assert OLD in _flat(roster_job(ledger, batch.id).render())


def test_a_county_correcting_the_card_leaves_the_approved_account_and_asks_the_clerk(
    repo, county_policy
):
    """The county's own device records 王五's new card (a real change of bank card) while his
    claim waits for payment. The account kept at approval is not refreshed: the change of a
    person is no decision about money already approved. The roster pays to the approved card
    and asks the clerk to check, who pays to the new card once the bank confirms it."""
    service, claim_id, person_id = _approved(repo, county_policy)
    ledger = repo.ledger
    _set_account(ledger, person_id, "中国农业银行", NEW)
    assert ledger.get("claims", claim_id)["approved_account"] == OLD
    batch, _ = service.create_batch(RULE, state=S.COUNTY_APPROVED)
    roster = _flat(roster_job(ledger, batch.id).render())
    assert OLD in roster and NEW not in roster
    assert f"王五的账号在审批后改过：审批时{OLD[:4]}…{OLD[-4:]}" in roster
    # The same card at another bank's name: said as the bank.
    _set_account(ledger, person_id, "中国建设银行", OLD)
    roster = _flat(roster_job(ledger, batch.id).render())
    assert "王五的开户银行在审批后改过：审批时中国农业银行，现为中国建设银行" in roster


def test_a_claim_approved_before_accounts_were_kept_prints_the_persons_account(repo, county_policy):
    """A claim approved by an older program keeps no account: its roster prints the person's
    account as before, with no note."""
    service, claim_id, person_id = _approved(repo, county_policy)
    ledger = repo.ledger
    ledger.update("claims", claim_id, {"approved_bank": None, "approved_account": None})
    _set_account(ledger, person_id, "中国建设银行", NEW)
    batch, _ = service.create_batch(RULE, state=S.COUNTY_APPROVED)
    roster = _flat(roster_job(ledger, batch.id).render())
    assert NEW in roster and "审批后改过" not in roster


def test_a_kept_account_excel_rounded_prints_blank_and_is_said(repo, county_policy):
    """王五's row held his account as Excel left it (digits past the 15th lost) when the county
    approved his claim: the account kept is that one, and his roster and form leave it blank
    to be written in by hand, saying so, as for a person's own rounded account."""
    rounded = "6217002870012340000"
    ids = populate(repo)
    service = ClaimService(repo.ledger, county_policy)
    claim = service.create(ids["worker"], RULE, on=D(2025, 6, 5))
    repo.ledger.update("persons", claim.person_id, {"account_number": rounded})
    service.set_missing_reason(claim.id, "材料在村委")
    for step in (S.SUBMITTED, S.VILLAGE_REVIEWED, S.TOWNSHIP_REVIEWED, S.COUNTY_APPROVED):
        service.advance(claim.id, step)
    assert repo.ledger.get("claims", claim.id)["approved_account"] == rounded
    batch, _ = service.create_batch(RULE, state=S.COUNTY_APPROVED)
    for job in (roster_job(repo.ledger, batch.id), form_job(repo.ledger, claim.id)):
        assert rounded[:15] not in _flat(job.render())
        assert "王五的社保卡账号第15位以后全是0" in "".join(job.note.split())
        assert "审批后改过" not in job.note


def test_the_write_door_refuses_an_approval_keeping_another_account(repo, county_policy):
    """The write door judges an approving write as the hub does (`claim_account`): one keeping
    an account not the person's is refused, saying whose; the service's own keeps his."""
    from fieldapp.domain.claims import Claim
    from fieldapp.services.trust_check import TrustRefused
    from fieldapp.services.writer import writing

    ids = populate(repo)
    service = ClaimService(repo.ledger, county_policy)
    claim = service.create(ids["worker"], RULE, on=D(2025, 6, 5))
    _set_account(repo.ledger, claim.person_id, "中国农业银行", OLD)
    service.set_missing_reason(claim.id, "材料在村委")
    for step in (S.SUBMITTED, S.VILLAGE_REVIEWED, S.TOWNSHIP_REVIEWED):
        service.advance(claim.id, step)
    forged = {"state": S.COUNTY_APPROVED.value, "approved_bank": "中国建设银行",
              "approved_account": NEW}  # fmt: skip
    with pytest.raises(TrustRefused) as refused, writing(repo.ledger, actor_of(repo.ledger)) as w:
        w.update(Claim, claim.id, forged)
    assert refused.value.rule == "claim_account" and "王五" in str(refused.value)
    assert repo.ledger.get("claims", claim.id)["state"] == S.TOWNSHIP_REVIEWED.value
    assert service.advance(claim.id, S.COUNTY_APPROVED).approved_account == OLD
