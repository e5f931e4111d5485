"""`fieldapp due` warns of the years the 待办 page warns of.

On 31 December 2027 the 待办 page said that 2028's 放假调休安排 was not loaded (next month's
monthly update and the weeks ahead are counted on it), the command line only of the years its
items' deadlines fell in: a clerk's script saw no warning for 2028. Both now take the warning
from one place (`calendar_notices`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.policy.due import calendar_notices
from fieldapp.policy.registry import PolicyRegistry
from fieldapp.services.policy_views import due_list
from fieldapp.store.ledger import Ledger
from tests.policy.helpers import populate
from tests.records import Records


@pytest.mark.today("2027-12-31")
def test_the_command_line_says_the_pages_calendar_notices(
    repo: Records, ledger: Ledger, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    populate(repo)
    on = dt.date(2027, 12, 31)
    policy = PolicyRegistry(local=tmp_path / "packs").load()
    page_says = calendar_notices(policy, on, due_list(ledger, policy, on))
    assert "2028年放假调休安排尚未载入，期限按法定节假日估算" in page_says
    db = str(ledger.path)
    ledger.close()
    capsys.readouterr()
    assert main(["--db", db, "due"]) == 0
    said = [line for line in capsys.readouterr().out.splitlines() if line.startswith("注意：")]
    assert said == [f"注意：{notice}" for notice in page_says]
