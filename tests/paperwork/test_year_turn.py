"""The papers over the year turn: claims and persons spanning December 2026 and January 2027.

A month's subsidy is claimed after the month (December's in early January, judged on December's
last day); the papers print the day it was made, the month it pays and the figure and document
of that month.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from fieldapp.paperwork.jobs import form_job
from fieldapp.policy.combine import combine
from fieldapp.policy.pack import Policy
from fieldapp.policy.packfile import parse_pack_text
from fieldapp.policy.registry import PolicyRegistry
from fieldapp.services.claims import ClaimService
from fieldapp.store.hlc import HybridClock
from fieldapp.store.ledger import Ledger
from tests.paperwork.pdftext import page_texts
from tests.policy.helpers import COUNTY_PACK, populate, post_worker
from tests.records import Records


def _extended() -> Policy:
    """The county's pack with the post subsidy extended to 2027-12-31."""
    base = PolicyRegistry(local=Path(tempfile.mkdtemp())).base_files()
    text = COUNTY_PACK.replace(
        'figure = 600\nfigure_document = "七人社通〔2026〕3号"',
        'figure = 600\nfigure_document = "七人社通〔2026〕3号"\n'
        'valid_to = 2027-12-31\ndocument = "七人社通〔2026〕3号"',
    )
    return combine([*base, ("county.toml", parse_pack_text(text, "county.toml"))])


def at(ledger: Ledger, when: dt.datetime) -> None:
    """The ledger's clock as on the laptop at `when` (local time): what it writes is made then."""
    ms = int(when.timestamp() * 1000)
    ledger.clock = HybridClock(ledger.get_meta("hlc"), now_ms=lambda: ms)


def test_a_december_claim_made_in_january_prints_the_day_it_was_made(repo: Records) -> None:
    """December's post subsidy, claimed on 5 January (judged on December's last day, the month
    it pays): the 申请表 printed 申请日期 2026-12-31 — a day the villager never applied, before
    the form could have been signed. It prints the day the claim was made; 发放月份 stays
    2026年12月."""
    populate(repo)
    _pid, number = post_worker(repo, place_name="红星村")
    policy = _extended()
    at(repo.ledger, dt.datetime(2027, 1, 5, 9, 30))
    claim = ClaimService(repo.ledger, policy).create(
        number,
        "welfare_post_subsidy",
        on=dt.date(2026, 12, 31),
        evidence_collected=policy.rule("welfare_post_subsidy").evidence,
    )
    (text,) = page_texts(form_job(repo.ledger, claim.id).render())
    flat = "".join(text.split())
    assert "申请日期：2027-01-05" in flat
    assert "2026-12-31" not in flat
    assert "发放月份" in flat and "2026年12月" in flat
