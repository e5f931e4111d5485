"""A figure nobody has set is never printed as money: no claim is made for it, and a paper asked
to print an amount that is not there refuses rather than print 0 or a guess."""

from __future__ import annotations

import pytest

from fieldapp.paperwork.form import render_forms
from fieldapp.paperwork.numerals import capitals, figures
from fieldapp.paperwork.roster import render_roster
from fieldapp.paperwork.settings import PaperSettings
from fieldapp.paperwork.views import FormView, PersonView, RosterRow, RosterView
from fieldapp.policy.registry import PolicyRegistry
from fieldapp.services.claims import ClaimRefused, ClaimService
from tests.policy.helpers import D, populate
from tests.records import Records

UNSET = "金额待县里核定标准，不能打印金额"


def test_no_claim_and_no_paper_for_an_unset_county_figure(repo: Records, tmp_path) -> None:
    ids = populate(repo)
    policy = PolicyRegistry(local=tmp_path).load()
    rule = policy.rule("transport_cross_county")
    assert rule.amount.value is None and rule.amount.describe().startswith("待县里核定标准")
    with pytest.raises(ClaimRefused, match="补贴标准待县里核定标准"):
        ClaimService(repo.ledger, policy).create(
            ids["worker"], "transport_cross_county", on=D(2025, 6, 5)
        )
    person = PersonView("王五", ids["worker"])
    form = FormView("c1", rule.title, person, None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=UNSET):
        render_forms([form])
    row = RosterRow("王五", "男", ids["worker"], "脱贫人口", "跨县务工", None, "6230")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=UNSET):
        render_roster(RosterView("b1", rule.title, [row], "某乡镇"), PaperSettings())
    for write in (figures, capitals):
        with pytest.raises(ValueError, match=UNSET):
            write(None)  # type: ignore[arg-type]
