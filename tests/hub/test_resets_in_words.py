"""`hub resets` gave the time of each password reset as the hub's clock wrote it — on a county
server kept in UTC, 02:31 for a reset made at 10:31 in the office — and the device only by its
enrolled name. It now says China time (the JSON adds `at_china`, ISO with +08:00) and the
device's place in words (`device_area`, `device_area_name`), every earlier key kept."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.domain.credentials import Credentials
from fieldapp.hub.folder import Hub
from fieldapp.services import users
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from tests.codes import ENROL_CODE

LI = Credentials("李芳", "村里的口令1")
OLD_KEYS = {"at", "by", "device", "user", "ledger_file"}


@pytest.fixture
def utc_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The hub's computer keeps its clock in UTC, as county servers do."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="the clock's zone is set by TZ (POSIX)")
@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
@pytest.mark.usefixtures("utc_server")
def test_resets_say_china_time_and_the_devices_place(
    tmp_path: Path, hub: Hub, capsys: pytest.CaptureFixture[str]
) -> None:
    hub.enroll("红星村", "520502101001", tmp_path / "r.enrol", code=ENROL_CODE, by="县里的科员")
    path = tmp_path / "device" / "ledger.db"
    device = Ledger.open(path, credentials=LI)
    enrol(device, tmp_path / "r.enrol", code=ENROL_CODE)
    device.close()
    users.county_reset(hub.ledger, path, "李芳", "县里给的新口令")
    capsys.readouterr()

    assert cli(["hub", "resets", "--dir", str(hub.root), "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert OLD_KEYS <= set(row)
    china = dt.datetime.fromisoformat(row["at_china"])
    assert row["at_china"].endswith("+08:00")
    # Kept as China time with its offset (ledger version 35), not the UTC clock's hour.
    assert row["at"] == row["at_china"]
    assert abs(dt.datetime.now(dt.UTC) - china) < dt.timedelta(minutes=5)
    assert row["device_area"] == "520502101001"
    assert row["device_area_name"] == "贵州省毕节市七星关区梨树镇下的村"

    assert cli(["hub", "resets", "--dir", str(hub.root)]) == 0
    out = capsys.readouterr().out
    assert china.strftime("%Y-%m-%d %H:%M") in out, out
    assert "梨树镇" in out and "T" not in out.split()[0], out
