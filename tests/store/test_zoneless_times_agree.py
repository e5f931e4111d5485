"""A stored time with no zone is this computer's local time: the ledger projected every synced
row's created_at and updated_at that way before version 37 (`hlc.stamp_to_iso`), and the
users table, export log and print log wrote theirs that way before they wrote China time with
+08:00. Read on a clock kept in UTC, three places disagreed with that: `dates.china_time` took
a time with no zone for China's, the export log and print log were listed newest first by
comparing the text (a row written at 17:00 China time with no zone, '09:00', came after one
written with +08:00 at 10:31), and the history's and review steps' short times cut the text at
19 characters (its zone too) and said the computer's own hour. All now read such a time as `dates.china_iso`
does."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from fieldapp.domain.dates import CHINA, china_iso, china_minute, china_time
from fieldapp.store import users as store_users
from fieldapp.store.hlc import format_stamp, stamp_to_iso
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.paper import print_log
from fieldapp.ui.history import short_time

pytestmark = pytest.mark.skipif(
    not hasattr(time, "tzset"), reason="the clock's zone is set by TZ (POSIX)"
)

#: 10:31 on 4 December at the office: 02:31 UTC.
AT_THE_OFFICE = dt.datetime(2026, 12, 4, 10, 31, tzinfo=CHINA)


def test_a_time_with_no_zone_is_this_computers_for_china_time_as_for_china_iso(clock):
    clock("UTC")
    # What this computer's clock says at 10:31 at the office, with no zone.
    naive = dt.datetime(2026, 12, 4, 2, 31)
    assert china_time(naive) == AT_THE_OFFICE
    assert china_iso(naive.isoformat()) == AT_THE_OFFICE.isoformat()
    assert china_time(AT_THE_OFFICE.astimezone(dt.UTC)) == AT_THE_OFFICE
    clock("Asia/Shanghai")
    assert china_time(dt.datetime(2026, 12, 4, 10, 31)) == AT_THE_OFFICE


def _print(ledger: Ledger, code: str, at: str) -> None:
    ledger.insert(
        "print_log",
        {"paper": "花名册", "code": code, "content_hash": code, "pages": 1, "printed_at": at},
    )


def _export(ledger: Ledger, name: str, at: str) -> None:
    ledger.insert(
        "export_log",
        {"kind": "台账", "file_name": name, "file_hash": name, "persons": 1, "rows": 1,
         "exported_at": at},
    )  # fmt: skip


def test_the_print_and_export_logs_list_old_and_new_times_newest_first_on_a_utc_clock(
    tmp_path, clock
):
    clock("UTC")
    ledger = Ledger.open(tmp_path / "ledger.db", author="李芳")
    try:
        # Written before the logs kept a zone: 09:00 on this UTC clock, 17:00 at the office.
        _print(ledger, "OLD", "2026-12-04T09:00:00")
        _print(ledger, "NEW", AT_THE_OFFICE.isoformat())  # 10:31, with its zone
        _print(ledger, "EARLY", "2026-12-04T01:00:00")  # 09:00 at the office
        _export(ledger, "旧.xlsx", "2026-12-04T09:00:00")
        _export(ledger, "新.xlsx", AT_THE_OFFICE.isoformat())
        printed = print_log(ledger)
        exported = store_users.export_log(ledger.db)
        limited = print_log(ledger, limit=1)
    finally:
        ledger.close()
    assert [r["code"] for r in printed] == ["OLD", "NEW", "EARLY"]
    assert [china_minute(r["printed_at"]) for r in printed] == [
        "2026-12-04 17:00",
        "2026-12-04 10:31",
        "2026-12-04 09:00",
    ]
    assert [r["file_name"] for r in exported] == ["旧.xlsx", "新.xlsx"]
    assert [r["code"] for r in limited] == ["OLD"]  # the newest, not the latest text


def test_short_times_are_china_time_whatever_the_stamp_and_clock(clock):
    clock("UTC")
    today = dt.date(2026, 12, 4)
    # A change's time as the ledger projects it: China time with its offset (ledger version
    # 37); one projected before, this computer's clock with no zone (02:31), reads the same.
    wall = int(AT_THE_OFFICE.timestamp() * 1000)
    projected = stamp_to_iso(format_stamp(wall, 0))
    assert projected == "2026-12-04T10:31:00+08:00"
    assert short_time(projected, today) == "10:31"
    assert short_time("2026-12-04T02:31:00", today) == "10:31"
    assert short_time(AT_THE_OFFICE.isoformat(), today) == "10:31"
    assert short_time("2026-12-04T02:31:00+00:00", today) == "10:31"
    # 20:00 UTC on the 3rd is 04:00 on the 4th at the office: today's.
    assert short_time("2026-12-03T20:00:00+00:00", today) == "04:00"
    assert short_time("2026-11-03T20:00:00+00:00", today) == "11-04 04:00"
    # The year turns at midnight in China: 16:30 UTC on 31 December is this year's.
    assert short_time("2025-12-31T16:30:00+00:00", today) == "01-01 00:30"
    assert short_time("2025-12-31T15:30:00+00:00", today) == "2025-12-31"
    assert short_time("不是时间", today) == "不是时间"
