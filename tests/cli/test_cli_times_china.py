"""The CLI's change times are China's minute, whatever zone this computer keeps.

`person show --history` and `conflicts` printed a change's time as the ledger projected it:
this computer's clock with no zone, to the second (on a county server kept in UTC, 23:30 on
the 4th for a change made at 07:30 on the 5th in Guizhou); the projection now keeps China time
with its offset, which printed raw would end in '+08:00'. Both now print China's minute
(`dates.china_minute`), as the rest of the CLI does."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.domain.dates import CHINA
from fieldapp.store.hlc import HybridClock, format_stamp
from fieldapp.store.ledger import Ledger
from tests.conftest import make_id
from tests.sync.helpers import VILLAGE, add_family
from tests.sync.hostile import foreign

pytestmark = pytest.mark.skipif(
    not hasattr(time, "tzset"), reason="the clock's zone is set by TZ (POSIX)"
)

#: 07:30 on 5 December in Guizhou: 23:30 on the 4th on a clock kept in UTC.
MADE = dt.datetime(2026, 12, 5, 7, 30, tzinfo=CHINA)


def test_history_and_conflicts_print_china_minutes_on_a_utc_clock(
    tmp_path: Path, clock: Callable[[str], None], capsys: pytest.CaptureFixture[str]
) -> None:
    clock("UTC")
    ms = int(MADE.timestamp() * 1000)
    ledger = Ledger.open(tmp_path / "ledger.db", author="李芳")
    try:
        ledger.clock = HybridClock(None, now_ms=lambda: ms)
        _, (pid,) = add_family(ledger, VILLAGE, ["101"])
        before = ledger.heads("persons", pid)["phone"]
        ledger.update("persons", pid, {"phone": "13800000001"})
        # Another laptop changed the same phone at the same time: a conflict.
        other = foreign("e" * 16, 1, "persons", pid, {"phone": "13800000002"},
                        author="王五", hlc=format_stamp(ms, 5), parents={"phone": before})  # fmt: skip
        with ledger.transaction():
            ledger.projector.apply_many([other])
    finally:
        ledger.close()
    db = str(tmp_path / "ledger.db")

    assert cli(["--db", db, "person", "show", make_id(seq="101"), "--history"]) == 0
    history = capsys.readouterr().out
    assert cli(["--db", db, "conflicts"]) == 0
    conflicts = capsys.readouterr().out
    for out in (history, conflicts):
        assert "2026-12-05 07:30" in out, out
        assert "2026-12-04" not in out and "23:30" not in out and "+08:00" not in out, out
    assert conflicts.count("2026-12-05 07:30") == 2, conflicts  # each value's time
