"""An upload the hub cannot store for a reason of its own other than a full disk (its uploads
folder made read-only, or replaced by a file by a clerk tidying the hub folder) is the hub's
trouble: answered 500 in the hub's own words (`server.INTERNAL_ERROR`), the device told that
the sync did not finish, not that its bundle was refused; nothing quarantined, nothing kept
against the device, and the same device's next sync goes in once the folder is back."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from fieldapp.domain.roles import Role
from fieldapp.hub.folder import Hub
from fieldapp.hub.server import INTERNAL_ERROR, NOT_STORED, ServerThread, ServiceSettings
from fieldapp.store.hub_state import HubLog
from fieldapp.sync import httpauth
from fieldapp.sync.client import UNFINISHED, county_status, push
from fieldapp.sync.errors import HubRefused, SyncError
from fieldapp.sync.exchange import export_bundle
from tests.hub.enrolled import _enrolled
from tests.hub.httpkit import header_for, post
from tests.sync.helpers import add_family

VILLAGE = "520502101001"


def _read_only(uploads: Path) -> None:
    uploads.chmod(0o500)


def _a_file(uploads: Path) -> None:
    shutil.rmtree(uploads)
    uploads.write_text("县里的科员整理文件夹时留下的", encoding="utf-8")


def _back(uploads: Path) -> None:
    if uploads.is_file():
        uploads.unlink()
        uploads.mkdir()
    uploads.chmod(0o700)


@pytest.mark.parametrize("spoil", [_read_only, _a_file], ids=["read_only", "a_file"])
def test_an_upload_the_hub_cannot_store_is_the_hubs_trouble(
    hub: Hub, settings: ServiceSettings, make_device, tmp_path: Path, spoil
) -> None:
    if spoil is _read_only and os.geteuid() == 0:
        pytest.skip("root writes into a read-only folder (the file in its place is tested)")
    village = make_device("红星村", VILLAGE)
    _, persons = add_family(village, VILLAGE, ["101", "102"])
    body = export_bundle(village, tmp_path / "up.fieldsync").path.read_bytes()
    with ServerThread(hub.root, settings) as server:
        uploads = hub.root / "uploads"
        spoil(uploads)
        try:
            status, answer = post(
                server.url, body, {httpauth.HEADER: header_for(village, "红星村", body)}
            )
            assert status == 500 and isinstance(answer, dict), (status, answer)
            assert answer["error"] == "internal" and answer["message"] == INTERNAL_ERROR
            # The device's own sync: told the hub did not finish, not that it refused.
            with pytest.raises(SyncError) as failed:
                push(village, server.url)
            assert not isinstance(failed.value, HubRefused)
            assert str(failed.value) == f"同步没有完成：{INTERNAL_ERROR}"
            assert failed.value.said is not None and failed.value.said.template == UNFINISHED
        finally:
            _back(uploads)
        assert not list(hub.folders.quarantine.iterdir())
        assert HubLog(hub.ledger.db).refusals("红星村") == []
        (row,) = [d for d in hub.status() if d["device"] == "红星村"]
        assert row["refused"] == 0 and row["refused_bundles"] == 0, row
        assert hub.ledger.get("persons", persons[0]) is None
        # The folder back: the device's next sync goes in.
        push(village, server.url)
    assert all(hub.ledger.get("persons", p) is not None for p in persons)


@pytest.mark.parametrize("spoil", [_read_only, _a_file], ids=["read_only", "a_file"])
def test_the_county_sees_uploads_the_hub_could_not_store(
    hub: Hub, settings: ServiceSettings, make_device, tmp_path: Path, spoil
) -> None:
    """Answered 500, but not counted: the county's `GET /v1/status` showed nothing of a device
    whose uploads the hub could not store again and again. Now counted as the hub's own
    trouble under its own code (`NOT_STORED`), as a full disk is under `disk_full`; still
    nothing is kept against the device."""
    if spoil is _read_only and os.geteuid() == 0:
        pytest.skip("root writes into a read-only folder (the file in its place is tested)")
    village = make_device("红星村", VILLAGE)
    county = _enrolled(hub, tmp_path, "县人社局", "520502", Role.COUNTY, "县人社局")
    try:
        add_family(village, VILLAGE, ["101"])
        body = export_bundle(village, tmp_path / "up.fieldsync").path.read_bytes()
        with ServerThread(hub.root, settings) as server:
            uploads = hub.root / "uploads"
            spoil(uploads)
            try:
                for _ in range(2):
                    status, _answer = post(
                        server.url, body, {httpauth.HEADER: header_for(village, "红星村", body)}
                    )
                    assert status == 500
                with pytest.raises(SyncError):
                    push(village, server.url)
            finally:
                _back(uploads)
            rows = {d["device"]: d for d in county_status(county, server.url)["devices"]}
            assert not list(uploads.iterdir())  # no part of an upload left behind
    finally:
        county.close()
    met = rows["红星村"]["hub_trouble"]
    assert met["count"] == 3 and met["code"] == NOT_STORED and met["at"], met
    assert rows["红星村"]["refused_bundles"] == 0
    assert "hub_trouble" not in rows["县人社局"]
