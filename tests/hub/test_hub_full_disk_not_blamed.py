"""The hub's own disk full (or failing) is the hub's trouble, as its busy or read-only store:
a device's bundle that met it is not quarantined, not kept as a refusal against the device
(its next answer would have told the village to export again for nothing), not counted in
`hub devices`; the same file goes in once there is room. The full disk is a real one, as
`tests.store.test_full_disk` makes it (no file of the process grows past a size); a hub on
PostgreSQL meets it in the database's process, read by its code (`saving._PG_TROUBLE`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain.roles import Role
from fieldapp.hub.folder import Hub, _kept_refusal
from fieldapp.hub.server import ServerThread, ServiceSettings
from fieldapp.store.hub_state import HubLog
from fieldapp.sync import httpauth
from fieldapp.sync.client import county_status
from fieldapp.sync.errors import HUB_TROUBLE_SAID, UNSURE_UPLOADED, BundleRefused
from fieldapp.sync.exchange import OWN_TROUBLE, UNSURE, export_bundle
from tests.helpers.full_disk import disk_full
from tests.hub.enrolled import _enrolled
from tests.hub.httpkit import header_for, post
from tests.sync.helpers import add_family

VILLAGE = "520502101001"


def test_a_bundle_that_meets_the_hubs_full_disk_is_not_held_against_its_device(
    hub: Hub, make_device, tmp_path: Path, backend: str
) -> None:
    if backend != "sqlite":
        pytest.skip("the database's disk is its own process's: read by code, tested below")
    village = make_device("红星村", VILLAGE)
    _, persons = add_family(village, VILLAGE, [f"{n}" for n in range(101, 161)])
    bundle = export_bundle(village, tmp_path / "up.fieldsync").path
    hub.ledger.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = bundle.read_bytes()
    room = len(before) + 1
    with disk_full(room), pytest.raises(BundleRefused) as refused:
        hub.import_file(bundle, sender="红星村")
    assert refused.value.code == "disk_full", refused.value
    assert bundle.read_bytes() == before  # where it came from, whole
    assert not list(hub.folders.quarantine.iterdir())
    assert not list(hub.folders.inbox.iterdir())
    assert HubLog(hub.ledger.db).refusals("红星村") == []
    (device,) = [d for d in hub.status() if d["device"] == "红星村"]
    assert device["refused"] == 0 and device["refused_bundles"] == 0, device
    assert hub.ledger.get("persons", persons[0]) is None
    # Room again: the same file goes in.
    hub.import_file(bundle, sender="红星村")
    assert all(hub.ledger.get("persons", p) is not None for p in persons)


def test_only_the_devices_own_refusals_are_kept_against_it() -> None:
    for own in ("disk_full", "busy", "read_only", "replay"):
        assert _kept_refusal("http", BundleRefused(own)) is None, own
    kept = _kept_refusal("usb", BundleRefused("tampered"))
    assert kept is not None and kept.code == "tampered"


def test_over_http_the_village_is_told_the_hub_cannot_take_it_now(
    hub: Hub, settings: ServiceSettings, make_device, tmp_path: Path, backend: str
) -> None:
    """The upload fits on the disk, the import's writes do not: the village reads that the
    county's hub cannot take bundles just now and to sync later — not the clerk's advice to
    free disk space — and the same upload goes in once there is room."""
    if backend != "sqlite":
        pytest.skip("the database's disk is its own process's")
    village = make_device("红星村", VILLAGE)
    _, persons = add_family(village, VILLAGE, [f"{n}" for n in range(101, 161)])
    body = export_bundle(village, tmp_path / "up.fieldsync").path.read_bytes()
    with ServerThread(hub.root, settings) as server:
        hub.ledger.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        with disk_full(len(body) + 1):
            status, answer = post(
                server.url, body, {httpauth.HEADER: header_for(village, "红星村", body)}
            )
        assert status == 507 and isinstance(answer, dict), (status, answer)
        assert answer["error"] == "disk_full"
        assert answer["message"] == HUB_TROUBLE_SAID["disk_full"], answer
        assert "腾出" not in answer["message"] and "请稍后再同步" in answer["message"]
        assert HubLog(hub.ledger.db).refusals("红星村") == []
        status, _ = post(server.url, body, {httpauth.HEADER: header_for(village, "红星村", body)})
        assert status == 200
    assert all(hub.ledger.get("persons", p) is not None for p in persons)


def test_each_of_the_hubs_own_troubles_has_the_villages_words() -> None:
    """Each says nothing went in — but an upload whose commit lost the database's connection
    (`UNSURE`): whether it went in is not known (`UNSURE_UPLOADED`)."""
    assert set(HUB_TROUBLE_SAID) == OWN_TROUBLE - {UNSURE}
    for code, said in HUB_TROUBLE_SAID.items():
        assert said.startswith("县里的中心") and "没有导入任何修改" in said, code
        assert "数据库管理员" not in said and "腾出" not in said, code
    assert "不能确定" in UNSURE_UPLOADED and "没有导入" not in UNSURE_UPLOADED


def test_each_of_the_hubs_own_troubles_has_the_logs_words() -> None:
    """A code of `OWN_TROUBLE` without the log's words would fail the answer itself
    (`HubService._own_trouble_answer` reads them): the device would get a bare 500."""
    from fieldapp.hub.server import TROUBLE_LOGGED

    assert set(TROUBLE_LOGGED) == OWN_TROUBLE
    for code, words in TROUBLE_LOGGED.items():
        assert words.startswith("中心的"), code


def test_the_county_sees_a_device_whose_uploads_meet_the_full_disk_again_and_again(
    hub: Hub, settings: ServiceSettings, make_device, tmp_path: Path, backend: str
) -> None:
    """Nothing is kept against the device (the store is what is full), but the service counts
    its uploads that met the hub's own trouble, and the county's `GET /v1/status` shows it."""
    if backend != "sqlite":
        pytest.skip("the database's disk is its own process's")
    village = make_device("红星村", VILLAGE)
    county = _enrolled(hub, tmp_path, "县人社局", "520502", Role.COUNTY, "县人社局")
    add_family(village, VILLAGE, [f"{n}" for n in range(101, 161)])
    body = export_bundle(village, tmp_path / "up.fieldsync").path.read_bytes()
    with ServerThread(hub.root, settings) as server:
        before = {d["device"]: d for d in county_status(county, server.url)["devices"]}
        assert "hub_trouble" not in before["红星村"]
        for _ in range(3):
            hub.ledger.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            with disk_full(len(body) + 1):
                status, _ = post(
                    server.url, body, {httpauth.HEADER: header_for(village, "红星村", body)}
                )
            assert status == 507
        rows = {d["device"]: d for d in county_status(county, server.url)["devices"]}
    county.close()
    met = rows["红星村"]["hub_trouble"]
    assert met["count"] == 3 and met["code"] == "disk_full" and met["at"], met
    assert rows["红星村"]["refused_bundles"] == 0  # still nothing held against it
    assert "hub_trouble" not in rows["县人社局"]


def test_an_upload_that_meets_the_full_disk_is_said_and_counted_as_the_imports(
    hub: Hub, settings: ServiceSettings, make_device, tmp_path: Path, backend: str
) -> None:
    """The disk full before the upload is even stored (no room for its bytes): the village
    reads the hub's own-trouble words (not the clerk's advice to clear the disk), and the
    county sees the upload counted as one that met the hub's trouble."""
    if backend != "sqlite":
        pytest.skip("the uploads folder's disk is the same on either backend")
    village = make_device("红星村", VILLAGE)
    county = _enrolled(hub, tmp_path, "县人社局", "520502", Role.COUNTY, "县人社局")
    add_family(village, VILLAGE, [f"{n}" for n in range(101, 161)])
    body = export_bundle(village, tmp_path / "up.fieldsync").path.read_bytes()
    with ServerThread(hub.root, settings) as server:
        with disk_full(len(body) // 2):
            status, answer = post(
                server.url, body, {httpauth.HEADER: header_for(village, "红星村", body)}
            )
        rows = {d["device"]: d for d in county_status(county, server.url)["devices"]}
    county.close()
    assert status == 507 and isinstance(answer, dict), (status, answer)
    assert answer["error"] == "disk_full"
    assert answer["message"] == HUB_TROUBLE_SAID["disk_full"], answer
    assert not list((hub.root / "uploads").iterdir())
    met = rows["红星村"]["hub_trouble"]
    assert met["count"] == 1 and met["code"] == "disk_full", met
    assert rows["红星村"]["refused_bundles"] == 0


def test_an_uploads_folder_the_full_disk_has_no_room_to_make_again_is_the_full_disk(
    hub: Hub, settings: ServiceSettings, make_device, tmp_path: Path, backend: str, monkeypatch
) -> None:
    """A clerk tidying the hub folder deleted uploads/; the hub makes it again at the next
    upload — but that was outside the full-disk check: on a full disk the device was answered
    500 (the hub's error, `NOT_STORED` in the county's status) rather than 507 disk_full in
    the village's words. A full disk cannot refuse a folder on a test machine (a file-size
    limit does not stop mkdir): making that one folder fails as a full disk's does."""
    import errno
    import os
    import shutil

    if backend != "sqlite":
        pytest.skip("the uploads folder's disk is the same on either backend")
    village = make_device("红星村", VILLAGE)
    county = _enrolled(hub, tmp_path, "县人社局", "520502", Role.COUNTY, "县人社局")
    add_family(village, VILLAGE, ["101"])
    body = export_bundle(village, tmp_path / "up.fieldsync").path.read_bytes()
    uploads = hub.root / "uploads"
    making = Path.mkdir

    def full(self: Path, *args: object, **kwargs: object) -> None:
        if self == uploads:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        making(self, *args, **kwargs)  # type: ignore[arg-type]

    with ServerThread(hub.root, settings) as server:
        shutil.rmtree(uploads)
        with monkeypatch.context() as patched:
            patched.setattr(Path, "mkdir", full)
            status, answer = post(
                server.url, body, {httpauth.HEADER: header_for(village, "红星村", body)}
            )
        rows = {d["device"]: d for d in county_status(county, server.url)["devices"]}
        # Room again: the folder is made and the same bundle goes in.
        status_after, _ = post(
            server.url, body, {httpauth.HEADER: header_for(village, "红星村", body)}
        )
    county.close()
    assert status == 507 and isinstance(answer, dict), (status, answer)
    assert answer["error"] == "disk_full"
    assert answer["message"] == HUB_TROUBLE_SAID["disk_full"], answer
    met = rows["红星村"]["hub_trouble"]
    assert met["count"] == 1 and met["code"] == "disk_full", met
    assert rows["红星村"]["refused_bundles"] == 0
    assert status_after == 200 and uploads.is_dir()
