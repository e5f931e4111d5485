"""The users table, the export log, the print log and a backup's header kept this computer's
local time with no zone: a laptop or server kept in UTC wrote 02:31 for 10:31 at the office,
and read where the clock keeps China's zone the time said 02:31. They now write China time
with its offset (`dates.now_stamp`), as the rest of the program does; a time written before
(no zone) is still read as this computer's time."""

from __future__ import annotations

import datetime as dt
import time

import pytest
import time_machine

from fieldapp.domain.credentials import Credentials
from fieldapp.domain.dates import CHINA, china_minute
from fieldapp.domain.prints import PrintRecord
from fieldapp.services.actor import actor_of
from fieldapp.services.printing import log_print
from fieldapp.store import users as store_users
from fieldapp.store.backup import backup_to, read_backup
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.paper import print_log
from fieldapp.store.queries.tabular import exported_before

pytestmark = pytest.mark.skipif(
    not hasattr(time, "tzset"), reason="the clock's zone is set by TZ (POSIX)"
)

AT_THE_OFFICE = dt.datetime(2026, 12, 4, 10, 31, tzinfo=CHINA)  # 02:31 UTC
LI = Credentials("李芳", "村里的口令1")


def test_a_user_written_on_a_utc_clock_is_read_in_china_as_the_same_minute(tmp_path, clock):
    ledger = Ledger.open(tmp_path / "ledger.db", author="李芳")
    try:
        clock("UTC")
        with time_machine.travel(AT_THE_OFFICE, tick=False):
            store_users.add_user(ledger.db, "王五", False, "李芳")
            store_users.set_disabled(ledger.db, "王五", True, "李芳")
        clock("Asia/Shanghai")
        found = store_users.user(ledger.db, "王五")
    finally:
        ledger.close()
    assert found is not None
    for at in (found.created_at, found.password_changed_at, found.disabled_at):
        assert china_minute(at) == "2026-12-04 10:31", found


def test_an_export_written_on_a_utc_clock_is_read_in_china_as_the_same_minute(tmp_path, clock):
    ledger = Ledger.open(tmp_path / "ledger.db", author="李芳")
    try:
        # One export logged before (this computer's time, no zone: 09:00 in China's zone).
        ledger.insert("export_log", {"kind": "台账", "file_name": "台账.xlsx", "file_hash": "a",
                                     "persons": 1, "rows": 1, "exported_at": "2026-12-04T09:00:00"})  # fmt: skip
        clock("UTC")
        with time_machine.travel(AT_THE_OFFICE, tick=False):
            store_users.log_export(ledger, "台账", "台账.xlsx", "b", 1, 1)
        clock("Asia/Shanghai")
        logged = store_users.export_log(ledger.db)
        device = ledger.device_id
        latest = exported_before(ledger.db, "台账.xlsx", device, AT_THE_OFFICE)
        older = exported_before(ledger.db, "台账.xlsx", device, AT_THE_OFFICE - dt.timedelta(1))
        between = exported_before(
            ledger.db, "台账.xlsx", device, AT_THE_OFFICE - dt.timedelta(minutes=1)
        )
    finally:
        ledger.close()
    assert [china_minute(r["exported_at"]) for r in logged] == [
        "2026-12-04 10:31",
        "2026-12-04 09:00",
    ]
    # The sheet's age is still found among old (zoneless) and new (zoned) rows, as time.
    assert latest == AT_THE_OFFICE
    assert between == dt.datetime(2026, 12, 4, 9, 0, tzinfo=CHINA)
    assert older is None


def test_a_print_logged_on_a_utc_clock_is_read_in_china_as_the_same_minute(tmp_path, clock):
    ledger = Ledger.open(tmp_path / "ledger.db", author="李芳")
    try:
        clock("UTC")
        with time_machine.travel(AT_THE_OFFICE, tick=False):
            record = PrintRecord(paper="花名册", code="ABCD-1234", content_hash="h", pages=1)
            log_print(ledger, actor_of(ledger), record)
        clock("Asia/Shanghai")
        (logged,) = print_log(ledger)
    finally:
        ledger.close()
    assert china_minute(logged["printed_at"]) == "2026-12-04 10:31", logged


def test_a_backup_made_on_a_utc_clock_says_in_china_the_same_minute(tmp_path, clock):
    ledger = Ledger.open(tmp_path / "ledger.db", credentials=LI)
    try:
        clock("UTC")
        with time_machine.travel(AT_THE_OFFICE, tick=False):
            made = backup_to(ledger, tmp_path / "U盘" / "备份.fieldbackup")
    finally:
        ledger.close()
    clock("Asia/Shanghai")
    assert china_minute(read_backup(made).created_at) == "2026-12-04 10:31"
