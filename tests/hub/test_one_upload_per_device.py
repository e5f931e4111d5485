"""One enrolled device could stream any number of uploads to the hub at once (each under its
own fresh header, up to the upload cap each): a village laptop, or whoever has its key, filled
the hub's disk and its 200 connections while other villages waited. A device's upload is now
taken one at a time (its imports ran one after another anyway); a second one meanwhile is
refused unread (429, in Chinese), while other devices still exchange."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from fieldapp.hub.folder import Hub
from fieldapp.hub.server import ServerThread
from fieldapp.store.ledger import Ledger
from fieldapp.sync import httpauth
from fieldapp.sync.client import push
from fieldapp.sync.exchange import export_bundle
from tests.hub.httpkit import header_for, hub_footprint, post, raw_request, read_status
from tests.sync.helpers import VILLAGE, add_family


def _bundle(device: Ledger, tmp_path: Path) -> bytes:
    sent = export_bundle(device, tmp_path / f"{time.monotonic_ns()}.fs")
    data = sent.path.read_bytes()
    sent.path.unlink()
    return data


def test_a_device_uploads_one_bundle_at_a_time_while_others_exchange(
    server: ServerThread, hub: Hub, make_device: Any, tmp_path: Path
) -> None:
    a = make_device("甲村", VILLAGE)
    b = make_device("乙村", VILLAGE)
    add_family(a, VILLAGE, ["101"])
    add_family(b, VILLAGE, ["103"], surname="李")
    big = b"x" * 200_000
    head = (
        f"POST /v1/exchange HTTP/1.1\r\nHost: hub\r\nContent-Length: {len(big)}\r\n"
        f"{httpauth.HEADER}: {header_for(a, '甲村', big)}\r\n\r\n"
    ).encode()
    first = raw_request(server.url, head + big[:1000])  # 甲村's upload under way (then stalls)
    try:
        time.sleep(0.3)
        before = hub_footprint(hub)
        body = _bundle(a, tmp_path)
        status, answer = post(server.url, body, {httpauth.HEADER: header_for(a, "甲村", body)})
        assert isinstance(answer, dict)
        assert (status, answer["error"]) == (429, "uploading"), answer
        assert "正在" in answer["message"] and "稍后" in answer["message"], answer
        assert hub_footprint(hub)["rows"] == before["rows"]
        push(b, server.url)  # another village is served meanwhile
        assert read_status(first) == 408  # the stalled one times out ...
    finally:
        first.close()
    # ... and then 甲村's next upload is taken as usual.
    body = _bundle(a, tmp_path)
    assert post(server.url, body, {httpauth.HEADER: header_for(a, "甲村", body)})[0] == 200
    hub_footprint(hub)  # waits for the answer just sent to be deleted
    assert not any((hub.root / "uploads").iterdir())
