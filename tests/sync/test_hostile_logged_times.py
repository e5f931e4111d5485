"""A print's or an export's time as a tampered program writes it. The print log (打印记录) and
the export log (导出记录) are synced as a device's word, their 打印时间 / 导出时间 free text:
a forged one in a far zone or year (9999-12-31T23:59:59-23:59) landed at the hub, sorted first
in every print log (newest first, by the text) and stopped every listing of it — the hub's and
each laptop's `print log`, the 打印 page — on an OverflowError when said in China time; one
dated next year sat above every real print. Now such a time is held (logged_time) and refused
at the door; a time as the program writes it (China time with +08:00, or an older program's
local time with no zone) passes."""

from __future__ import annotations

import pytest

from fieldapp.domain.dates import china_iso, china_minute, now_stamp
from fieldapp.domain.prints import PrintRecord
from fieldapp.services.actor import actor_of
from fieldapp.services.printing import log_print
from fieldapp.services.trust_check import TrustRefused
from fieldapp.services.writer import writing
from fieldapp.store.queries.paper import print_log
from tests.sync.hostile import forge

ODD = [
    "9999-12-31T23:59:59-23:59",  # past the last day Python counts, said in China time
    "0001-01-01T00:00:00+23:59",
    "2099-01-01T10:00:00+08:00",  # next century: above every real print
    "2026-12-04T10:31:00-12:00",  # a zone the program never writes
    "昨天下午",
]


def _print(code: str, printed_at: str) -> dict:
    return {"paper": "申请表", "code": code, "content_hash": "0" * 64, "pages": 1,
            "rows": 1, "printed_at": printed_at}  # fmt: skip


def test_an_odd_print_time_is_held_and_the_print_logs_still_list(county, hub):  # noqa: F811
    village, second, mine = county["village"], county["second"], county["mine"]
    forged = [
        forge(village, "print_log", f"forged{n}", _print(f"F{n}", t)) for n, t in enumerate(ODD)
    ]
    honest = log_print(village, actor_of(village), PrintRecord(**_print("HONEST1", "")))
    forged.append(forge(village, "export_log", "forged-export", {
        "kind": "台账", "file_name": "a.xlsx", "file_hash": "0" * 64, "persons": 1, "rows": 1,
        "exported_at": ODD[0]}))  # fmt: skip
    older = forge(village, "print_log", "older", _print("OLD1", "2026-11-30T09:15:00"))
    village.update("persons", mine, {"notes": "打印后核对"})
    county["exchange"](village, "红星村")
    held = {h.change_id: (h.rule, h.reason) for h in hub.rejected()}
    assert {held[c.id][0] for c in forged} == {"logged_time"}, held
    assert "打印时间「9999-12-31T23:59:59-23:59」" in held[forged[0].id][1], held
    assert older.id not in held and hub.ledger.get("print_log", "older") is not None
    assert hub.ledger.get("persons", mine)["notes"] == "打印后核对"
    assert hub.ledger.get("print_log", honest.id) is not None
    for ledger in (hub.ledger, second):
        listed = print_log(ledger)
        assert {r["code"] for r in listed} <= {"HONEST1", "OLD1"}
        assert all(china_minute(r["printed_at"]) for r in listed)
    county["exchange"](second, "红星村二号")
    assert second.get("persons", mine)["notes"] == "打印后核对"


def test_the_write_door_refuses_an_odd_print_time(county):  # noqa: F811
    village = county["village"]
    for n, odd in enumerate(ODD):
        with pytest.raises(TrustRefused) as refused, writing(village, actor_of(village)) as w:
            w.insert(PrintRecord(**_print(f"D{n}", odd)))
        assert refused.value.rule == "logged_time", str(refused.value)
    with writing(village, actor_of(village)) as w:  # as the program writes them, both forms
        w.insert(PrintRecord(**_print("OK1", now_stamp())))
        w.insert(PrintRecord(**_print("OK2", "2026-11-30T09:15:00")))


def test_a_time_no_clock_reads_is_said_as_written_not_a_crash() -> None:
    """Such a time already stored (a hub that took one before): listed as written."""
    for odd in ODD[:2]:
        assert china_minute(odd) == odd and china_iso(odd) == odd
    assert china_minute("2026-12-04T02:31:00+00:00") == "2026-12-04 10:31"
