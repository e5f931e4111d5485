"""The hub's quarantine folder: what a refused bundle's reason file says, and whose share of
the folder it counts against."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from fieldapp.domain.dates import CHINA
from fieldapp.sync.files import kept_refused, quarantine


def test_a_reason_quoting_a_bundle_cannot_move_its_bytes_to_another_devices_share(
    tmp_path: Path,
) -> None:
    """A refusal's reason may quote what the bundle carried; a line break in it must not make
    a 设备： line of its own, which would count the file against another device (or none)."""
    folder = tmp_path / "quarantine"
    bundle = tmp_path / "坏包.fieldsync"
    bundle.write_bytes(b"x" * 1000)
    kept = quarantine(bundle, folder, "tampered", "收件人为 某某\n设备：大坝村\n", "红星村")
    assert kept == folder / "坏包.fieldsync" and kept.is_file()
    assert kept_refused(folder) == {"红星村": 1000}
    note = (folder / "坏包.fieldsync.reason.txt").read_text(encoding="utf-8")
    assert [x for x in note.splitlines() if x.startswith("设备：")] == ["设备：红星村"]
    other = tmp_path / "无名.fieldsync"
    other.write_bytes(b"y" * 10)
    quarantine(other, folder, "tampered", "原因\r\n设备：大坝村")
    assert kept_refused(folder) == {"红星村": 1000, None: 10}


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="the clock's zone is set by TZ (POSIX)")
def test_a_reason_file_says_when_in_china_time_on_a_utc_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reason file beside a refused bundle said 时间：02:31 for 10:31 at the office: the
    hub's clock, kept in UTC on a county server, with no zone. It now says China time."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        bundle = tmp_path / "坏包.fieldsync"
        bundle.write_bytes(b"x")
        quarantine(bundle, tmp_path / "quarantine", "tampered", "签名不对", "红星村")
        note = (tmp_path / "quarantine" / "坏包.fieldsync.reason.txt").read_text("utf-8")
    finally:
        monkeypatch.undo()
        time.tzset()
    (line,) = [x for x in note.splitlines() if x.startswith("时间：")]
    said = dt.datetime.strptime(line, "时间：%Y-%m-%d %H:%M:%S（北京时间）").replace(tzinfo=CHINA)
    assert abs(dt.datetime.now(CHINA) - said) < dt.timedelta(minutes=5), line
