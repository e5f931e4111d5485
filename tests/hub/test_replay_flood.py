"""A device flooding the hub with fresh signed requests never makes it forget a nonce still
within its window: the flood is refused past the device's share, and a header captured before
it stays refused (real server on loopback, headers signed by hand)."""

from __future__ import annotations

import http.client
import json
import time
from pathlib import Path
from typing import Any

import pytest

from fieldapp.hub.folder import Hub
from fieldapp.hub.server import ServerThread, ServiceSettings
from fieldapp.store.ledger import Ledger
from fieldapp.sync import httpauth
from fieldapp.sync.exchange import export_bundle
from tests.hub.httpkit import address, header_for, hub_footprint, post
from tests.sync.helpers import VILLAGE, add_family


def _bundle(device: Ledger, tmp_path: Path) -> bytes:
    sent = export_bundle(device, tmp_path / f"{time.monotonic_ns()}.fs")
    data = sent.path.read_bytes()
    sent.path.unlink()
    return data


def _get(url: str, path: str, header: str) -> tuple[int, dict[str, Any]]:
    connection = http.client.HTTPConnection(*address(url), timeout=30)
    try:
        connection.request("GET", path, headers={httpauth.HEADER: header})
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def _status_header(device: Ledger, name: str) -> str:
    return header_for(device, name, b"", path="/v1/status", method="GET")


def test_a_flood_of_fresh_nonces_never_makes_room_to_replay_a_captured_one() -> None:
    now = time.time()
    cache = httpauth.NonceCache(window_s=300, limit=1000)
    assert cache.add("victim", "c" * 32, now)  # a header captured on the village's line
    # An enrolled device sends fresh, validly signed requests, far more than the memory holds.
    refused = 0
    for n in range(3000):
        try:
            assert cache.add("flooder", f"{n:032d}", now + n * 0.05)
        except httpauth.AuthRefused as error:
            assert error.status in (429, 503) and "请求" in str(error)
            refused += 1
    assert refused > 0
    # Two minutes on, within its window: the captured header is still a replay.
    assert not cache.add("victim", "c" * 32, now + 150)


def test_the_memory_full_refuses_new_requests_rather_than_forgetting() -> None:
    now = time.time()
    cache = httpauth.NonceCache(window_s=300, limit=50, per_key=10)
    assert cache.add("victim", "c" * 32, now)
    for key in range(4):  # 40 more from devices each within their share: 41 remembered
        for n in range(10):
            assert cache.add(f"k{key}", f"{n:032d}", now + 1)
    with pytest.raises(httpauth.AuthRefused) as refused:
        for n in range(10):
            cache.add("k9", f"{n:032d}", now + 2)
    assert refused.value.status == 503 and refused.value.code == "busy"
    assert not cache.add("victim", "c" * 32, now + 3)  # never forgotten to make room
    # Ten minutes on, the old nonces are let go and new requests are taken again.
    assert cache.add("k9", "f" * 32, now + 2 * 300 + 5)


@pytest.fixture
def small_share(settings: ServiceSettings) -> ServiceSettings:
    """The test service with a small per-device share, so a flood is quick to send."""
    return ServiceSettings(
        max_upload_mb=settings.max_upload_mb,
        header_timeout_s=settings.header_timeout_s,
        body_idle_timeout_s=settings.body_idle_timeout_s,
        keep_alive_s=settings.keep_alive_s,
        requests_per_device=12,
    )


def test_a_flooding_device_is_refused_past_its_share_while_another_still_exchanges(
    hub: Hub, small_share: ServiceSettings, make_device: Any, tmp_path: Path
) -> None:
    a = make_device("甲村", VILLAGE)
    b = make_device("乙村", VILLAGE)
    add_family(b, VILLAGE, ["103"], surname="李")
    body_b = _bundle(b, tmp_path)
    captured = {httpauth.HEADER: header_for(b, "乙村", body_b)}
    with ServerThread(hub.root, small_share) as server:
        assert post(server.url, body_b, captured)[0] == 200
        before = hub_footprint(hub)
        nonces = (hub.root / "nonces").read_text().splitlines()
        # 甲村's device, enrolled and signing correctly, floods the hub with fresh requests.
        answers = [_get(server.url, "/v1/status", _status_header(a, "甲村")) for _ in range(40)]
        taken = [s for s, _ in answers if s != 429]
        assert len(taken) == 12 and all(s == 403 for s in taken)  # signed, not county
        status, answer = answers[-1]
        assert status == 429 and answer["error"] == "too_many"
        assert "请求太多" in answer["message"] and "十分钟" in answer["message"]
        # Refused requests are not remembered: the file gained only the twelve it took.
        assert len((hub.root / "nonces").read_text().splitlines()) == len(nonces) + 12
        # Its uploads are refused too, unread; nothing written.
        add_family(a, VILLAGE, ["101"])
        body_a = _bundle(a, tmp_path)
        status, answer = post(server.url, body_a, {httpauth.HEADER: header_for(a, "甲村", body_a)})
        assert (status, answer["error"]) == (429, "too_many")
        assert hub_footprint(hub)["rows"] == before["rows"]
        # 乙村's header captured before the flood is still a replay after it ...
        status, answer = post(server.url, body_b, captured)
        assert (status, answer["error"]) == (401, "replay")
        # ... and 乙村 itself still exchanges.
        add_family(b, VILLAGE, ["104"], surname="王")
        news = _bundle(b, tmp_path)
        assert post(server.url, news, {httpauth.HEADER: header_for(b, "乙村", news)})[0] == 200


def test_a_restart_neither_forgets_a_nonce_nor_gives_a_flooder_a_fresh_share(
    tmp_path: Path,
) -> None:
    path = tmp_path / "nonces"
    now = time.time()
    cache = httpauth.NonceCache(window_s=300, path=path, per_key=5)
    assert cache.add("victim", "c" * 32, now)
    for n in range(5):
        assert cache.add("flooder", f"{n:032d}", now + 1)
    with pytest.raises(httpauth.AuthRefused):
        cache.add("flooder", "9" * 32, now + 2)
    cache.close()
    assert len(path.read_text().splitlines()) == 6  # the refused one was not written
    again = httpauth.NonceCache(window_s=300, path=path, per_key=5)
    try:
        assert not again.add("victim", "c" * 32, time.time())
        with pytest.raises(httpauth.AuthRefused) as refused:
            again.add("flooder", "9" * 32, time.time())
        assert refused.value.status == 429
    finally:
        again.close()
