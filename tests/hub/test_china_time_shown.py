"""The hub writes its times (enrolment, revocation, exchanges) as its computer's local time with
no zone. A county server kept in UTC wrote 02:31 for a revocation made at 10:31 in the office,
and `hub devices`, `hub revoke` and a re-enrolment's warning showed it as written: eight hours
off. What people see is now China time whatever the server's zone; the stored text is China
time with its offset too (ledger version 35: one form, so stored times compare as time does;
tests/hub/test_zoned_times.py), and `hub devices --json` keeps the `*_china` keys (ISO, +08:00)
beside the unchanged ones for a desktop that reads them over HTTP."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.domain.dates import CHINA
from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from fieldapp.sync.exchange import export_bundle
from tests.sync.helpers import add_family

VILLAGE = "520502101001"
ZONES = {"UTC": dt.timedelta(hours=8), "Asia/Shanghai": dt.timedelta(0)}


@pytest.fixture(params=list(ZONES))
def zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The hub's computer keeps its clock in this zone (a county server: UTC)."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield str(request.param)
    monkeypatch.undo()
    time.tzset()


def _written(stamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stamp)


def _minute(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="the clock's zone is set by TZ (POSIX)")
def test_revocation_and_re_enrolment_are_told_in_china_time(
    tmp_path: Path, zone: str, capsys: pytest.CaptureFixture[str]
) -> None:
    Hub.init(tmp_path / "hub").close()
    where = ["--dir", str(tmp_path / "hub")]
    enroll = ["hub", "enroll", *where, "--device", "红星村", "--area", VILLAGE]
    assert cli([*enroll, "--out", str(tmp_path / "a.enrol")]) == 0
    assert cli(["hub", "revoke", *where, "--device", "红星村"]) == 0
    revoked_out = capsys.readouterr().out

    assert cli(["hub", "devices", *where, "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    revoked = _written(row["revoked_at"])
    # Stored as China time with its offset, whatever this computer's zone (ledger version 35).
    assert row["revoked_at"].endswith("+08:00") and row["enrolled_at"].endswith("+08:00")
    china = _written(row["revoked_at_china"])
    assert row["revoked_at_china"] == row["revoked_at"]
    assert abs(dt.datetime.now(CHINA) - china) < dt.timedelta(minutes=5)
    assert row["enrolled_at_china"] == row["enrolled_at"]
    local = revoked.astimezone().replace(tzinfo=None)  # what the old program wrote
    assert china.replace(tzinfo=None) - local == ZONES[zone]
    assert row["last_exchange"] is None and row["last_exchange_china"] is None

    shown = _minute(china)
    assert f"已注销设备 红星村（{shown}）" in revoked_out, revoked_out
    assert cli(["hub", "devices", *where]) == 0
    listed = capsys.readouterr().out
    assert f"已注销 {shown}" in listed, listed
    if ZONES[zone]:
        assert _minute(local) not in listed + revoked_out

    assert cli([*enroll, "--out", str(tmp_path / "b.enrol")]) == 0
    again = capsys.readouterr().out
    was = _minute(_written(row["enrolled_at_china"]))
    assert f"原来的登记（{was} 登记，已于 {shown} 注销）" in again, again


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="the clock's zone is set by TZ (POSIX)")
@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_held_change_is_listed_with_china_time(
    tmp_path: Path,
    zone: str,
    hub: Hub,
    make_device: Callable[..., Ledger],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`hub rejected` (and the county desktop's review list, through the same items) said when
    the hub received a held change as the hub's clock wrote it."""
    village = make_device("大坝村", VILLAGE)
    add_family(village, VILLAGE, ["201"], surname="赵")
    with village.transaction():  # signed as the first wave signed: held whole at the hub
        village.db.execute("UPDATE changes SET author = 'root' WHERE device_id = ?",
                           [village.device_id])  # fmt: skip
    assert hub.import_file(export_bundle(village, tmp_path / "old.fieldsync").path).held > 0
    capsys.readouterr()

    assert cli(["hub", "rejected", "--dir", str(hub.root), "--json"]) == 0
    item = json.loads(capsys.readouterr().out)[0]
    china = _written(item["received_at_china"])
    assert item["received_at_china"].endswith("+08:00") and item["decided_at_china"] is None
    assert item["received_at"] == item["received_at_china"]  # stored so (ledger version 35)
    assert cli(["hub", "rejected", "--dir", str(hub.root)]) == 0
    listed = capsys.readouterr().out
    assert f"（{_minute(china)}）" in listed, listed
