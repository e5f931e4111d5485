"""On a plain http:// hub, whoever sits on the village's network can answer a 同步 in the hub's
place. The hub's refusal (its code, and `received`, how many of this ledger's changes it
holds) makes the sync page ask its copied-back question or offer a new numbering: a forged one
could have a coordinator renumber a sound ledger. The hub now signs each refusal over the
request's path, device and nonce (`httpauth.sign_refusal`); the device acts on a refusal's code
and numbers only when that signature holds, and otherwise says the refusal could not be checked
and changes nothing.

The man in the middle here is a real HTTP server on loopback between the device and a real hub:
it passes the health check through and answers the exchange with a forged refusal, unsigned,
signed by a key of its own, or carrying the hub's real signature of another refusal."""

from __future__ import annotations

import http.client
import http.server
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.sync import crypto, httpauth
from fieldapp.sync.client import push
from fieldapp.sync.errors import HubRefused
from fieldapp.sync.exchange import ahead_of_log
from tests.hub.httpkit import address, relay
from tests.sync.helpers import VILLAGE, add_family

FORGED = {
    "replay": {"error": "replay", "message": "本机台账是从备份拷回来的", "received": 10**6},
    "reused_seq": {"error": "reused_seq", "message": "修改的编号重复"},
    "number_clash": {"error": "number_clash", "message": "编号会与另一台电脑相同"},
}


class _Middle(http.server.BaseHTTPRequestHandler):
    hub_url = ""
    mode = ""
    forged: dict[str, object] = {}

    def log_message(self, *_args: object) -> None:  # quiet
        pass

    def _hub(
        self, method: str, body: bytes | None, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection(*address(self.hub_url), timeout=30)
        try:
            connection.request(method, self.path, body=body, headers=headers)
            response = connection.getresponse()
            got = {k.lower(): v for k, v in response.getheaders()}
            return response.status, got, response.read()
        finally:
            connection.close()

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        status, headers, body = self._hub("GET", None, {})
        self._send(status, body, {"Content-Type": headers.get("content-type", "application/json")})

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["Content-Length"]))
        auth = self.headers[httpauth.HEADER]
        forged = json.dumps(self.forged, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json"}
        if self.mode == "hub_signed_other":
            # The device's own request, its body spoiled: the hub refuses it (tampered) and
            # signs that refusal for this nonce; its signature is put on the forged body.
            _s, answer, _b = self._hub(
                "POST", body[:-1] + bytes([body[-1] ^ 1]), {httpauth.HEADER: auth}
            )
            headers[httpauth.REFUSAL_HEADER] = answer[httpauth.REFUSAL_HEADER.lower()]
        elif self.mode == "own_key":
            claimed = httpauth.parse_header(auth)
            secret = crypto.KeyPair.generate().sign_secret
            headers[httpauth.REFUSAL_HEADER] = httpauth.sign_refusal(
                claimed, self.path, 409, forged, secret
            )
        self._send(409, forged, headers)


@pytest.fixture
def middle(server) -> Iterator[type[_Middle]]:  # noqa: ANN001
    handler = type("Middle", (_Middle,), {"hub_url": server.url})
    with relay(handler):
        yield handler


def _meta(path: Path) -> list[tuple[str, str]]:
    import sqlite3

    with sqlite3.connect(path) as db:
        return sorted(db.execute("SELECT key, value FROM meta"))


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("mode", ["unsigned", "own_key", "hub_signed_other"])
@pytest.mark.parametrize("code", sorted(FORGED))
def test_a_forged_refusal_changes_nothing(middle, make_device, mode: str, code: str) -> None:  # noqa: ANN001
    middle.mode, middle.forged = mode, FORGED[code]
    device = make_device("大坝村", VILLAGE)
    add_family(device, VILLAGE, ["101"])
    before = _meta(device.path)
    with pytest.raises(HubRefused) as refused:
        push(device, middle.url)  # type: ignore[attr-defined]
    said = str(refused.value)
    # Nothing for the sync page to act on: no code, not copied back.
    assert refused.value.code == "" and not refused.value.copied_back, said
    assert "无法核实是中心发出的" in said and "本机没有按它做任何改动" in said, said
    assert ahead_of_log(device, 10**6)  # the forged number would have said “copied back”
    assert _meta(device.path) == before


def test_a_refusal_signature_holds_only_for_its_request_and_body() -> None:
    """The hub's signature of a refusal is of one request (path, device, nonce), one status and
    one body: moved onto another request's answer, or another body, it does not hold. (The
    hub's own signed refusal is acted on: tests/hub/test_copied_back_upload_nothing_new.py.)"""
    keys = crypto.KeyPair.generate()
    pinned = {crypto.key_id(keys.sign_public): keys.sign_public}
    header = httpauth.sign_request("POST", "/v1/exchange", "大坝村", keys.sign_secret, 1, "0" * 64)
    request = httpauth.parse_header(header)
    body = json.dumps(FORGED["replay"]).encode()
    value = httpauth.sign_refusal(request, "/v1/exchange", 409, body, keys.sign_secret)

    def holds(path: str = "/v1/exchange", device: str = "大坝村", nonce: str = request.nonce,
              status: int = 409, said: bytes = body, by: dict[str, bytes] = pinned) -> bool:  # fmt: skip
        return httpauth.refusal_signed(value, path, device, nonce, status, said, by)

    assert holds()
    assert not holds(nonce="f" * 32)
    assert not holds(path="/v1/status")
    assert not holds(device="红星村")
    assert not holds(status=422)
    assert not holds(said=body.replace(b"1000000", b"1000001"))
    assert not holds(by={})
    assert not httpauth.refusal_signed(
        None, "/v1/exchange", "大坝村", request.nonce, 409, body, pinned
    )
