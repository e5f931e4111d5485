"""The 月报 over the year turn: December's still comes out in January, January's not before
January has come.

On 31 December a 月报 asked for January 2027 came out titled 2027年1月 but “截至2026年12月31日”,
its 本年累计 2026's claims (本年2026年1月1日至2026年12月31日): last year's figures under the new
year's title, handed in as January's. A month that has not begun is refused, saying which month
and what day it is; the month running and every month before are made as before.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from fieldapp.cli.main import main
from fieldapp.domain.errors import FieldappError
from fieldapp.policy.pack import Policy
from fieldapp.policy.registry import PolicyRegistry
from fieldapp.services import report
from fieldapp.services.report import monthly_report
from fieldapp.store.ledger import Ledger
from tests.policy.helpers import populate
from tests.records import Records


def _policy(tmp_path: Path) -> Policy:
    return PolicyRegistry(local=tmp_path / "packs").load()


@pytest.mark.today("2026-12-31")
def test_next_years_first_month_is_refused_on_new_years_eve(repo: Records, tmp_path: Path) -> None:
    populate(repo)
    with pytest.raises(FieldappError) as refused:
        monthly_report(repo.ledger, _policy(tmp_path), "2027-01")
    assert str(refused.value) == (
        "2027年1月还没有到（今天是2026年12月31日），不能生成这个月的月报：请选今天所在的月份或以前的月份"
    )
    assert refused.value.said is not None
    assert refused.value.said.template == report.MONTH_NOT_BEGUN
    # The month running is made, as of today.
    assert monthly_report(repo.ledger, _policy(tmp_path), "2026-12").as_of == dt.date(2026, 12, 31)


@pytest.mark.today("2027-01-04")
def test_decembers_report_still_comes_out_in_january(repo: Records, tmp_path: Path) -> None:
    populate(repo)
    made = monthly_report(repo.ledger, _policy(tmp_path), "2026-12")
    assert made.month == "2026-12" and made.as_of == dt.date(2026, 12, 31)
    assert monthly_report(repo.ledger, _policy(tmp_path), "2027-01").as_of == dt.date(2027, 1, 4)


@pytest.mark.today("2026-12-31")
def test_the_command_line_writes_no_workbook_for_a_month_to_come(
    ledger: Ledger, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(ledger.path)
    ledger.close()
    out = tmp_path / "月报.xlsx"
    args = ["--db", db, "report", "monthly", "--month", "2027-01", "--out", str(out)]
    assert main(args) != 0
    assert "2027年1月还没有到（今天是2026年12月31日）" in capsys.readouterr().err
    assert not out.exists()
    # December's is written, its 本年累计 2026's.
    assert main([*args[:5], "2026-12", "--out", str(out)]) == 0
    texts = " ".join(
        str(c.value) for r in openpyxl.load_workbook(out)["汇总"].iter_rows() for c in r if c.value
    )
    assert "就业帮扶月报（2026年12月，截至2026年12月31日）" in texts
    assert "本年2026年1月1日至2026年12月31日提交的申领" in texts


def said_here() -> set[str]:
    """The templates this file says and checks."""
    return {report.MONTH_NOT_BEGUN}
