"""Which villages must the county's clerk visit to upgrade, and who still runs last year's pack.

The hub knew which county pack each device had received, never which program it runs nor
which pack is in force there (a pack for a newer program is received and left unused). A device
now says both in each bundle's header, signed for that bundle; the hub keeps them per device
and `hub devices` shows them, with a line naming the devices to visit. A device of an older
program says nothing and still syncs. Real hub on loopback, real ledgers, the command line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import fieldapp
from fieldapp.hub.server import ServerThread
from fieldapp.policy import packfile
from fieldapp.sync import exchange
from tests.codes import ENROL_CODE
from tests.hub.device_listing import County, line_of
from tests.policy.helpers import COUNTY_PACK
from tests.sync.helpers import VILLAGE

pytestmark = pytest.mark.usefixtures("plain_enrol")

OLD_KEYS = {"device", "role", "area", "last_exchange", "pending", "refused"}


def test_the_hub_says_which_program_and_pack_each_device_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    county = County(tmp_path, capsys)
    county.publish(COUNTY_PACK, "county.toml")
    running = fieldapp.__version__
    with ServerThread(county.hub) as server:
        for _ in range(2):  # receives the pack, then says it is in force
            county.push("红星村", server.url)
        # 大坝村's laptop runs a program from before devices said what they run: nothing in
        # its header, and it still syncs.
        with monkeypatch.context() as older:
            older.setattr(exchange, "About", lambda *_: None)
            for _ in range(2):
                county.push("大坝村", server.url)

    items, text = county.listing()
    assert all(OLD_KEYS <= set(d) for d in items.values())
    assert items["红星村"]["program"] == running
    assert items["红星村"]["pack_in_force"] == "2026.1"
    assert items["红星村"]["policy"] == "2026.1"
    assert items["大坝村"]["program"] is None and items["大坝村"]["pack_in_force"] is None
    assert items["大坝村"]["last_exchange"] is not None  # synced all the same
    assert f"\t程序 {running}\t政策包：2026.1" in line_of(text, "红星村"), text
    assert "\t程序：未报告版本" in line_of(text, "大坝村"), text
    assert text.rstrip().endswith(
        f"中心的程序是 {running}：1 台设备的程序比中心旧或没有报告版本，要去升级"
        "（大坝村（七星关区梨树镇） 未报告版本）"
    ), text

    # The hub is upgraded and publishes next year's pack, which needs the new program: 红星村
    # receives it and cannot use it — last year's pack is still in force there.
    monkeypatch.setattr(packfile, "__version__", "0.3.0")
    county.publish(
        COUNTY_PACK.replace('version = "2026.1"\n', 'version = "2026.2"\nrequires = "0.3.0"\n'),
        "county2.toml",
    )
    monkeypatch.setattr(packfile, "__version__", running)
    with ServerThread(county.hub) as server:
        for _ in range(2):
            county.push("红星村", server.url)
    monkeypatch.setattr(fieldapp, "__version__", "0.3.0")
    items, text = county.listing()
    assert items["红星村"]["policy"] == "2026.2"  # received
    assert items["红星村"]["pack_in_force"] == "2026.1"  # not in force
    line = line_of(text, "红星村")
    assert f"\t程序 {running}（比中心旧）" in line, line
    assert "政策包：2026.2 已收到，未启用（在用 2026.1）" in line, line
    assert (
        "现行政策包 2026.2：1 台设备收到了但没有启用，还在用旧的政策包（红星村（七星关区梨树镇））："
        "多半是程序太旧，升级程序后才能启用"
    ) in text, text
    assert (
        "中心的程序是 0.3.0：2 台设备的程序比中心旧或没有报告版本，要去升级"
        f"（大坝村（七星关区梨树镇） 未报告版本、红星村（七星关区梨树镇） {running}）"
    ) in text, text

    # The clerk's list of the villages to visit: both.
    behind, text = county.listing("--behind")
    assert set(behind) == {"红星村", "大坝村"}
    assert {x.split("\t")[0] for x in text.splitlines() if "\t" in x} == set(behind), text


def test_a_device_that_says_nothing_or_is_enrolled_again_is_not_taken_for_another(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A laptop enrolled again (the old one lost) has not said what it runs: what the lost
    one said is forgotten, not shown as the new one's."""
    county = County(tmp_path, capsys)
    with ServerThread(county.hub) as server:
        county.push("红星村", server.url)
    assert county.listing()[0]["红星村"]["program"] == fieldapp.__version__
    assert county.run("hub", "revoke", "--dir", county.hub, "--device", "红星村")[0] == 0
    enrolment = tmp_path / "新红星村.enrol"
    assert county.run("hub", "enroll", "--dir", county.hub, "--device", "红星村",
                      "--area", VILLAGE, "--out", enrolment)[0] == 0  # fmt: skip
    item = county.listing()[0]["红星村"]
    assert item["program"] is None and item["reported_at"] is None


def test_what_a_device_runs_is_kept_on_either_hub_store(hub, server, make_device) -> None:
    """The same on SQLite and PostgreSQL: said over HTTP, kept, listed; forgotten when the
    device is enrolled again."""
    from fieldapp.sync.client import push

    device = make_device("红星村", VILLAGE)
    push(device, server.url)
    (item,) = hub.status()
    assert (item["program"], item["pack_in_force"]) == (fieldapp.__version__, "")
    assert item["reported_at"] is not None
    hub.enroll(
        "红星村", VILLAGE, Path(str(hub.root)) / "again.json", code=ENROL_CODE, by="县里的科员"
    )
    (item,) = hub.status()
    assert item["program"] is None and item["reported_at"] is None


def test_a_device_newer_than_the_hub_says_to_upgrade_the_hub_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A village laptop upgraded before the hub (the order broken): its new choices are held at
    the hub until the hub is upgraded (docs/hub.md). hub devices listed 程序 0.2.0 as if all
    were well; it now says the device is newer than the hub and to upgrade the hub first."""
    county = County(tmp_path, capsys)
    with ServerThread(county.hub) as server:
        county.push("红星村", server.url)
    running = fieldapp.__version__
    monkeypatch.setattr(fieldapp, "__version__", "0.1.5")  # the hub's program, not upgraded
    items, text = county.listing()
    assert f"\t程序 {running}（比中心新，请先升级中心）" in line_of(text, "红星村"), text
    assert (
        f"中心的程序是 0.1.5：1 台设备的程序比中心新（红星村（七星关区梨树镇） {running}）：请先升级中心的程序"
    ) in text, text
    assert "要去升级" not in text
    assert not county.listing("--behind")[0]  # nothing to visit: the hub is to upgrade


def test_a_laptop_enrolled_in_place_of_a_lost_one_is_not_said_to_have_synced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """红星村's laptop was lost; the clerk revoked it and enrolled the new one under the same
    name, then ran hub devices to see whether the new laptop had synced: it read 最近同步 with
    the lost laptop's last day, and 程序：未报告版本 … 要去升级 — as if the new laptop had synced
    with an old program. Until the new laptop syncs, its line says 从未同步 and nothing of a
    program; once it has, its own day and program."""
    import datetime as dt

    import time_machine

    with time_machine.travel(dt.datetime.now() - dt.timedelta(days=3), tick=True):
        county = County(tmp_path, capsys)
        with ServerThread(county.hub) as server:
            county.push("红星村", server.url)
        assert county.run("hub", "revoke", "--dir", county.hub, "--device", "红星村")[0] == 0
    lost_day = str(county.listing()[0]["红星村"]["last_exchange"])
    enrolment = tmp_path / "新红星村.enrol"
    assert county.run("hub", "enroll", "--dir", county.hub, "--device", "红星村",
                      "--area", VILLAGE, "--out", enrolment)[0] == 0  # fmt: skip
    items, text = county.listing()
    assert items["红星村"]["last_exchange"] is None, items["红星村"]
    line = line_of(text, "红星村")
    assert "从未同步" in line and "程序" not in line and lost_day[:10] not in line, line
    assert "要去升级" not in text, text
    new = tmp_path / "新笔记本" / "ledger.db"
    new.parent.mkdir()
    assert county.run("--db", new, "enrol", enrolment)[0] == 0
    county.devices["红星村"] = new
    with ServerThread(county.hub) as server:
        county.push("红星村", server.url)
    items, text = county.listing()
    assert items["红星村"]["last_exchange"] > lost_day
    assert f"\t程序 {fieldapp.__version__}" in line_of(text, "红星村"), text


def test_a_laptop_enrolled_in_place_of_a_lost_one_is_not_said_to_have_the_pack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The new laptop enrolled in place of the lost one read 政策包：2026.1 before it had ever
    synced — the lost laptop's receipt — and was left out of 现行政策包 2026.1：… 还没有收到;
    it now counts as not having the pack until it confirms it."""
    import datetime as dt

    import time_machine

    with time_machine.travel(dt.datetime.now() - dt.timedelta(days=3), tick=True):
        county = County(tmp_path, capsys)
        county.publish(COUNTY_PACK, "county.toml")
        with ServerThread(county.hub) as server:
            for _ in range(2):
                county.push("红星村", server.url)
        assert county.listing()[0]["红星村"]["policy"] == "2026.1"
        assert county.run("hub", "revoke", "--dir", county.hub, "--device", "红星村")[0] == 0
    enrolment = tmp_path / "新红星村.enrol"
    assert county.run("hub", "enroll", "--dir", county.hub, "--device", "红星村",
                      "--area", VILLAGE, "--out", enrolment)[0] == 0  # fmt: skip
    items, text = county.listing()
    assert items["红星村"]["policy"] is None, items["红星村"]
    assert "政策包：未收到（现行 2026.1）" in line_of(text, "红星村"), text
    assert "现行政策包 2026.1：2 台设备还没有收到（大坝村、红星村）" in text, text


def test_the_longest_thing_a_device_says_fits_the_header_every_program_reads() -> None:
    """Every program, the first wave's too, reads a header of up to MAX_HEADER bytes and ignores
    keys it does not know: what a device says of itself must never push the header past it."""
    from fieldapp.sync import crypto
    from fieldapp.sync.bundle import (
        ABOUT_MAX,
        MAGIC,
        MAX_HEADER,
        About,
        Manifest,
        Party,
        read_header,
        seal_bundle,
    )

    longest = About("999999.999999.999999.999999", "县" * ABOUT_MAX)
    assert longest.valid()
    recipient = crypto.KeyPair.generate()
    device = crypto.KeyPair.generate()
    manifest = Manifest(
        format=1, bundle_id="b" * 36, created_at="2026-12-03T10:00:00",
        sender=Party(name="红星村", role="device", key_id="0" * 16),
        recipient=Party(name="中心", role="hub", key_id="1" * 16),
        serial=1, received=0, schema_version=1, vector={}, ranges={}, counts={}, changes=0,
        payload_sha256="0" * 64, payload_bytes=0,
    )  # fmt: skip
    data = seal_bundle(manifest, b"", device.sign_secret, recipient.box_public, longest)
    end = data.index(b"\n", len(MAGIC))
    assert end - len(MAGIC) < MAX_HEADER
    header = read_header(data)
    assert (header["program"], header["pack"]) == (longest.program, longest.pack)
    assert data[len(MAGIC) :].startswith(b'{"format":1,"to":')
