"""`hub serve` read the hub folder's `devices.changed` for every signed request before its
signature was checked, and where the file was gone it wrote one — on every request, a
stranger's with a key no device has, or a forged signature, included: anyone who could reach
the hub made it write to its disk. Now the words are made once when the service starts,
read again only when the file changed, and nothing is written for a request that has not
proved who sent it; a device revoked by `hub revoke` in another process while the service
runs is still not counted as itself once the database is gone, and one authenticated after
that still is.

A real hub over HTTP on loopback (SQLite and the real PostgreSQL the suite starts)."""

from __future__ import annotations

import hashlib
import http.client
import logging
import os
import subprocess
import sys
import urllib.parse
from pathlib import Path

import psycopg
import pytest

from fieldapp.hub.folder import DEVICES_CHANGED, Hub
from fieldapp.hub.server import ServerThread, ServiceSettings
from fieldapp.store.ledger import Ledger
from fieldapp.sync import client, crypto, httpauth
from fieldapp.sync.client import county_status, push
from fieldapp.sync.errors import HubRefused
from tests.hub.test_forged_answer import county  # noqa: F401 - fixture
from tests.hub.test_hub_database_gone_answered import _no_connection
from tests.sync.helpers import add_family

VILLAGE = "520502101001"
OTHER_VILLAGE = "520502101002"


def _listing(root: Path) -> dict[str, int]:
    """Every file and folder under `root`, with the inode of each (a file written again by
    `write_atomic` is a new one)."""
    return {
        str(path.relative_to(root)): path.stat().st_ino
        for path in sorted(root.rglob("*"))
        if not path.name.startswith("hub.db")  # (SQLite's own -wal/-shm, read or not)
    }


def _status(url: str, method: str, path: str, header: str, body: bytes = b"") -> int:
    """The status the hub answers `method path` with `header` (sent as it is, unchecked)."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        headers = {httpauth.HEADER: header, "Content-Length": str(len(body))}
        connection.request(method, path, body=body or None, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def test_a_stranger_makes_the_hub_write_nothing(
    hub: Hub,
    settings: ServiceSettings,
    make_device,  # noqa: ANN001
) -> None:
    """A hub folder without `devices.changed` while the service runs (taken away: a folder
    the service could not write it into at start reads the same): requests with a key no
    device has, or naming 红星村's key but signed by another, are refused (401) and leave the
    folder as it was — no file written, none replaced."""
    village = make_device("红星村", VILLAGE)
    name, secret = client._identity(village)
    own_key = crypto.key_id(crypto.KeyPair(secret, bytes(32)).sign_public)
    stranger = crypto.KeyPair.generate().sign_secret
    body = b"x"
    sha = hashlib.sha256(body).hexdigest()
    unknown = httpauth.sign_request("POST", "/v1/exchange", name, stranger, len(body), sha)
    forged = unknown.replace(f"key={httpauth.parse_header(unknown).key_id}", f"key={own_key}")
    assert httpauth.parse_header(forged).key_id == own_key
    asking = httpauth.sign_request(
        "GET", "/v1/status", "县人社局", stranger, 0, httpauth.EMPTY_SHA256
    )
    words = hub.root / DEVICES_CHANGED
    with ServerThread(hub.root, settings) as server:
        assert words.exists()  # made when the service started
        words.unlink()
        before = _listing(hub.root)
        assert DEVICES_CHANGED not in before
        for method, path, header, sent in (
            ("POST", "/v1/exchange", unknown, body),
            ("POST", "/v1/exchange", forged, body),
            ("GET", "/v1/status", asking, b""),
            ("POST", "/v1/exchange", forged, body),
        ):
            assert _status(server.url, method, path, header, sent) == 401
        assert _listing(hub.root) == before
    assert not words.exists()


def test_the_service_makes_the_words_once_when_it_starts(
    hub: Hub,
    settings: ServiceSettings,
    make_device,  # noqa: ANN001
) -> None:
    """A hub folder without `devices.changed` (a hub set up before it was kept, or one whose
    folder could not be written when a device was revoked) gets it when the service starts;
    a device's requests then read it and write nothing, however many."""
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    words = hub.root / DEVICES_CHANGED
    words.unlink()
    with ServerThread(hub.root, settings) as server:
        made = words.stat()
        push(village, server.url)
        add_family(village, VILLAGE, ["102"], surname="李")
        push(village, server.url)
        after = words.stat()
    assert (after.st_ino, after.st_mtime_ns) == (made.st_ino, made.st_mtime_ns)


def _revoke_elsewhere(root: Path, device: str) -> None:
    """`fieldapp hub revoke` in a process of its own, as a clerk runs it beside the service."""
    done = subprocess.run(
        [sys.executable, "-m", "fieldapp", "hub", "revoke", "--dir", str(root), "--device", device],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"已注销设备 {device}" in done.stdout, done.stdout


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_revocation_in_another_process_is_noticed_while_serving(  # noqa: PLR0913
    hub: Hub,
    store_url: str,
    postgres_admin: str,
    settings: ServiceSettings,
    make_device,  # noqa: ANN001
    county: Ledger,  # noqa: F811
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Both villages authenticated; 红星村 revoked by `hub revoke` in another process; 光明村
    syncs again. The database gone: 红星村's upload is counted against nobody (its
    revocation noticed, though the service read the words before it and keeps them), and
    光明村's against 光明村 (the words it was authenticated with after the revocation are the
    file's: the service read the changed file again)."""
    red = make_device("红星村", VILLAGE)
    bright = make_device("光明村", OTHER_VILLAGE)
    add_family(red, VILLAGE, ["101"])
    add_family(bright, OTHER_VILLAGE, ["201"])
    database = psycopg.conninfo.conninfo_to_dict(store_url)["dbname"]
    with ServerThread(hub.root, settings) as server:
        url = server.url
        push(red, url)
        push(bright, url)
        _revoke_elsewhere(hub.root, "红星村")
        add_family(bright, OTHER_VILLAGE, ["202"], surname="李")
        push(bright, url)  # authenticated after the revocation
        add_family(red, VILLAGE, ["102"], surname="李")
        add_family(bright, OTHER_VILLAGE, ["203"], surname="王")
        caplog.clear()
        with (
            caplog.at_level(logging.WARNING, logger="fieldapp"),
            _no_connection(postgres_admin, str(database)),
        ):
            for village in (red, bright):
                with pytest.raises(HubRefused) as refused:
                    push(village, url)
                assert refused.value.code == "busy", str(refused.value)
        own = [r.getMessage() for r in caplog.records if "（中心自己的问题）" in r.getMessage()]
        assert [text.startswith("没有回答光明村的") for text in own] == [False, True], own
        assert not [text for text in own if "红星村" in text], own
        devices = county_status(county, url)["devices"]
    trouble = {d["device"]: d["hub_trouble"]["count"] for d in devices if d.get("hub_trouble")}
    assert trouble == {"光明村": 1}, trouble
