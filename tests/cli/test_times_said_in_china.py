"""The ledger's own lists (users, exports, prints, a claim's steps) say a time as the clerk
reads it: China time to the minute, on a county server kept in UTC too (its clock wrote 02:31
for 10:31 at the office, and the lists printed 2026-12-04T02:31:00)."""

from __future__ import annotations

import datetime as dt
import json
import re
import time

import pytest
import time_machine

from fieldapp.cli.main import main
from fieldapp.domain.claims import ClaimState
from fieldapp.domain.dates import CHINA
from fieldapp.store.ledger import Ledger
from tests.paperwork.builders import add_claims

pytestmark = pytest.mark.skipif(
    not hasattr(time, "tzset"), reason="the clock's zone is set by TZ (POSIX)"
)

AT_THE_OFFICE = dt.datetime(2026, 12, 4, 10, 31, tzinfo=CHINA)  # 02:31 UTC


@pytest.fixture
def utc_clock(monkeypatch: pytest.MonkeyPatch):
    """A server kept in UTC, at 10:31 in the office."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        with time_machine.travel(AT_THE_OFFICE, tick=False):
            yield
    finally:
        monkeypatch.undo()
        time.tzset()


def _said(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_users_prints_and_claim_steps_are_said_in_china_time_to_the_minute(
    tmp_path, capsys, monkeypatch, utc_clock
):
    db = str(tmp_path / "ledger.db")
    ledger = Ledger.open(tmp_path / "ledger.db", author="张会计")
    batch_id, claims = add_claims(ledger, 2, state=ClaimState.VILLAGE_REVIEWED)
    ledger.update("claims", claims[1], {"state": ClaimState.COUNTY_APPROVED})  # on its roster
    ledger.close()
    monkeypatch.setenv("FIELDAPP_USER", "张会计")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "会计的口令123")
    _said(
        capsys, "--db", db, "print", "roster", "--batch", batch_id, "--out", str(tmp_path / "r.pdf")
    )
    reason = ["--missing-reason", "务工证明在补"]
    _said(capsys, "--db", db, "claim", "evidence", claims[0], *reason)

    _said(capsys, "--db", db, "export", str(tmp_path / "台账.xlsx"))

    users = _said(capsys, "--db", db, "user", "list")
    assert "口令修改于 2026-12-04 10:31" in users, users
    prints = _said(capsys, "--db", db, "print", "log")
    assert prints.startswith("2026-12-04 10:31  花名册"), prints
    steps = _said(capsys, "--db", db, "claim", "show", claims[0])
    assert "  2026-12-04 10:31  张会计  填写缺件原因（务工证明在补）" in steps, steps
    exports = _said(capsys, "--db", db, "exports")
    assert exports.startswith("2026-12-04 10:31  张会计（本机）  台账"), exports
    for out in (users, prints, steps, exports):
        assert "02:31" not in out and not re.search(r"\dT\d", out), out

    # Scripts keep the keys they read, the stored time as it was, with China time beside it.
    listed = json.loads(_said(capsys, "--db", db, "user", "list", "--json"))
    assert listed[0]["password_changed_at"] == "2026-12-04T10:31:00+08:00"  # now_stamp's
    assert listed[0]["password_changed_at_china"] == "2026-12-04T10:31:00+08:00"
    assert listed[0]["disabled_at_china"] is None
    logged = json.loads(_said(capsys, "--db", db, "print", "log", "--json"))
    assert logged[0]["printed_at_china"] == "2026-12-04T10:31:00+08:00"
    (export,) = json.loads(_said(capsys, "--db", db, "exports", "--json"))
    assert export["exported_at_china"] == "2026-12-04T10:31:00+08:00"
