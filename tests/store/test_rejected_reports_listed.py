"""A device's copy of the hub's reports (`RejectedReports.list`) carries the change each is about,
looked up by the log's key: newest first, a change the log does not hold listed with none, a
device id written with a colon, more reports than one statement asks for."""

from __future__ import annotations

import pytest

from fieldapp.domain.enums import AreaKind
from fieldapp.domain.models import Area, Household
from fieldapp.store import held
from fieldapp.store.held import RejectedReports
from fieldapp.store.ledger import Ledger
from tests.records import Records


def _report(change_id: str, hub_id: int, received: str) -> dict[str, object]:
    return {
        "change_id": change_id,
        "id": hub_id,
        "rule": "malformed",
        "reason": "住址不合格",
        "received_at": received,
        "status": "held",
    }


@pytest.mark.parametrize("chunk", [500, 2])
def test_each_report_with_its_change(ledger: Ledger, monkeypatch, chunk: int) -> None:
    monkeypatch.setattr(held, "_CHUNK", chunk)  # a few statements of 2 seqs, or one
    repo = Records(ledger)
    with ledger.transaction():
        repo.ensure_area(Area(code="520502", name="七星关区", kind=AreaKind.COUNTY))
        homes = [repo.save(Household(area_code="520502", address=f"{n} 号")) for n in range(5)]
    logged = {
        row_id: (f"{device}:{seq}", data)
        for device, seq, row_id, data in ledger.db.execute(
            "SELECT device_id, seq, row_id, data FROM changes WHERE tbl = 'households'"
        ).fetchall()
    }
    ids = [logged[h][0] for h in homes]
    missing = "0a1b2c3d4e5f6071:99"  # a change this ledger's log does not hold
    # A device id with a colon in it: its seq is after the last one. The log holds its change
    # (as an exchange brings another device's), so a split at the first colon finds none.
    colon = "old:device:3"
    ledger.db.execute(
        "INSERT INTO changes (device_id, seq, hlc, author, tbl, row_id, data, parents) "
        "SELECT 'old:device', 3, hlc, '旧设备的人', tbl, row_id, ?, parents FROM changes "
        "WHERE tbl = 'households' AND row_id = ?",
        ['{"address": "旧设备改的 9 号"}', homes[0]],
    )
    reports = [_report(c, n + 1, f"2026-12-0{1 + n % 3}T08:00:00") for n, c in enumerate(ids)]
    reports += [_report(missing, 90, "2026-12-09T08:00:00"), _report(colon, 91, "2026-11-30")]
    with ledger.transaction():
        RejectedReports(ledger.db).record(reports)

    listed = RejectedReports(ledger.db).list()

    order = [(r["received_at"], r["hub_id"]) for r in listed]
    assert order == sorted(order, reverse=True) and len(listed) == 7
    by_id = {r["change_id"]: r for r in listed}
    for home in homes:
        item = by_id[logged[home][0]]
        assert (item["tbl"], item["row_id"]) == ("households", home)
        assert item["data"]["address"] == ledger.get("households", home)["address"]
        assert item["author"] and item["hlc"] and item["reason"] == "住址不合格"
    item = by_id[colon]
    assert (item["tbl"], item["row_id"], item["author"]) == ("households", homes[0], "旧设备的人")
    assert item["data"] == {"address": "旧设备改的 9 号"} and item["hlc"]
    item = by_id[missing]
    assert (item["tbl"], item["row_id"], item["data"], item["author"]) == (None, None, {}, None)
