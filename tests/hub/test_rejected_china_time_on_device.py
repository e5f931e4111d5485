"""A device showed when the hub received a change it held (`received_at`) as the hub wrote it:
the hub's own clock, no zone — a county server kept in UTC said 02:31 for 10:31. The hub now
sends a China-time copy (`received_at_china`) to a device that reads it, and the device shows
it (`sync status`, the sync page's list); an older hub's report, without it, still reads, and
an older device (its bundles state an older ledger version) is not sent a key it would
refuse."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.domain.dates import CHINA, china_iso, china_minute
from fieldapp.store.held import RejectedReports, held_payload
from fieldapp.store.hub_state import HubLog
from fieldapp.store.migrations.m0033_rejected_china_time import VERSION
from fieldapp.store.sync_state import SyncState
from fieldapp.sync import rejected
from fieldapp.sync.bundle import Manifest
from fieldapp.sync.client import push
from fieldapp.sync.errors import SyncError
from tests.sync.helpers import unpack
from tests.sync.hostile import forge

VILLAGE = "520502100200"
ELSEWHERE = "520502101002"


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The hub's (and here the device's) computer keeps its clock in UTC."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_the_device_shows_when_the_hub_received_it_in_china_time(
    utc, server, hub, make_device, capsys
):
    village = make_device("鸭池村", VILLAGE)
    forge(village, "households", "h-away", {"area_code": ELSEWHERE, "address": "三组"})
    push(village, server.url)
    (held,) = hub.rejected()
    china = china_iso(held.received_at)
    # The hub keeps China time with its offset (ledger version 35), not its UTC clock's 02:31.
    assert held.received_at == china and china.endswith("+08:00")
    assert abs(dt.datetime.now(CHINA) - dt.datetime.fromisoformat(china)) < dt.timedelta(minutes=5)

    (item,) = rejected.rejected_changes(village)
    assert item["received_at"] == held.received_at  # as the hub kept it, for scripts
    assert item["received_at_china"] == china
    line = rejected.describe(item)
    assert f"县里 {china_minute(china)} 收到" in line, line
    utc_hour = dt.datetime.fromisoformat(china).astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")
    assert utc_hour not in line  # the UTC server's own clock is not what the clerk reads

    village_db = village.db.conn.execute("PRAGMA database_list").fetchone()[2]
    village.close()
    assert cli(["--db", village_db, "sync", "status"]) == 0
    out = capsys.readouterr().out
    assert f"县里 {china_minute(china)} 收到" in out, out
    assert cli(["--db", village_db, "sync", "status", "--json"]) == 0
    (said,) = json.loads(capsys.readouterr().out)["rejected"]
    assert (said["received_at"], said["received_at_china"]) == (held.received_at, china)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_an_older_device_is_not_sent_the_key_and_an_older_hubs_report_still_reads(
    hub, make_device, tmp_path
):
    village = make_device("鸭池村", VILLAGE)
    forge(village, "households", "h-away", {"area_code": ELSEWHERE, "address": "三组"})
    hub.import_file(village_export(village, tmp_path), sender="鸭池村")
    (held,) = hub.rejected()
    # The device's bundle said it keeps the China time: its answer carries it.
    said = HubLog(hub.ledger.db).reported()["鸭池村"]
    assert said["schema"] == str(VERSION) or int(said["schema"]) > VERSION
    assert _reports(hub, village, tmp_path / "new.fieldsync") == [china_iso(held.received_at)]
    # A device whose bundles state the ledger version before (an older program): not sent.
    HubLog(hub.ledger.db).set_reported("鸭池村", "0.1.9", "", VERSION - 1)
    assert _reports(hub, village, tmp_path / "old.fieldsync") == [None]
    assert "received_at_china" not in held_payload(held)
    # What it is sent reads as China time itself (the hub keeps it so since ledger version 35).
    assert held_payload(held)["received_at"] == china_iso(held.received_at)
    # An older hub's report (no such key) is read, kept and shown without a time.
    older = held_payload(held)
    RejectedReports(village.db).record([older])
    (item,) = rejected.rejected_changes(village)
    assert item["received_at_china"] is None and "收到" not in rejected.describe(item)


def village_export(village, tmp_path):  # noqa: ANN001, ANN201
    from fieldapp.sync.exchange import export_bundle

    return export_bundle(village, tmp_path / "up.fieldsync").path


def _reports(hub, village, out) -> list[object]:  # noqa: ANN001
    answer = hub.export_for("鸭池村", out)
    manifest = json.loads(unpack(answer.path, village)["manifest.json"])
    Manifest.model_validate(manifest)
    return [r.get("received_at_china") for r in manifest["rejected"]]


@pytest.mark.parametrize("backend", ["sqlite"])
def test_undone_quarantined_and_decided_are_said_in_china_time_to_the_minute(
    utc, server, hub, make_device, capsys
):
    """Times kept as China time with their offset (ledger version 35) were printed as kept —
    本机已撤销（2026-12-04T10:31:00+08:00）, 隔离 2026-12-04T10:31:00+08:00, and the hub's
    已处理（不予采纳，王科长 2026-12-04T10:31:00+08:00）; they are said to the minute."""
    village = make_device("鸭池村", VILLAGE)
    forge(village, "households", "h-away", {"area_code": ELSEWHERE, "address": "三组"})
    push(village, server.url)
    (held,) = hub.rejected()
    hub.dismiss(held.id, "王科长", "不在本村")
    with pytest.raises(SyncError) as refused:
        hub.dismiss(held.id, "王科长", "不在本村")
    decided = hub.rejected()[0].decided_at
    assert f"王科长 {china_minute(decided)}）" in str(refused.value), str(refused.value)
    push(village, server.url)
    (item,) = rejected.rejected_changes(village)
    assert rejected.undo(village, [item["change_id"]]) == 1
    with village.transaction():
        SyncState(village.db).record_quarantine("坏包.fieldsync", "tampered", "签名不对")
    (item,) = rejected.rejected_changes(village)
    minute = china_minute(item["undone_at"])
    assert item["undone_at"].endswith("+08:00")
    assert rejected.describe(item).endswith(f"本机已撤销（{minute}）"), rejected.describe(item)
    village_db = village.db.conn.execute("PRAGMA database_list").fetchone()[2]
    village.close()
    capsys.readouterr()
    assert cli(["--db", village_db, "sync", "status"]) == 0
    out = capsys.readouterr().out
    assert "+08:00" not in out and f"本机已撤销（{minute}）" in out, out
    (line,) = [x for x in out.splitlines() if x.startswith("隔离 ")]
    assert line.startswith(f"隔离 {minute[:13]}") and "坏包.fieldsync" in line, line
