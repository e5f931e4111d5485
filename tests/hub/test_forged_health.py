"""`GET /v1/health` was unsigned: on a plain http:// hub, whoever sits on the village's network
could answer it with an upload cap of 0 MB, and every 同步 stopped before it started with
“数据包超过中心允许的 0 MB，请改用U盘交换”. The hub now signs its health answer for a device's
signed request (`_signed_answer`), and the device keeps the cap only when that signature holds
for the request it just sent (`client.health` with the ledger); a cap it cannot check is not
used, and the hub's own signed 413 says when a bundle is really too big.

The man in the middle is a real HTTP server on loopback between the device and a real hub: it
passes everything through, and changes the health answer's cap (unsigned, or with the hub's
real signature kept over the changed body)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from fieldapp.sync import httpauth
from fieldapp.sync.client import health, push
from tests.hub import test_forged_refusal as forged_refusal
from tests.hub.httpkit import relay
from tests.sync.helpers import VILLAGE, add_family

SQLITE = pytest.mark.parametrize("backend", ["sqlite"])


class _Middle(forged_refusal._Middle):
    """Passes every request to the hub; `mode` changes the health answer's cap."""

    def _relay(self, body: bytes | None) -> None:
        asked = {k: v for k, v in self.headers.items() if k.lower() != "host"}
        status, headers, said = self._hub(self.command, body, asked)
        sent = {"Content-Type": headers.get("content-type", "application/octet-stream")}
        kept = {
            name: headers[name.lower()]
            for name in (
                httpauth.ANSWER_HEADER,
                httpauth.REFUSAL_HEADER,
                "X-Fieldapp-Answer-Changes",
            )
            if name.lower() in headers
        }
        if self.path.startswith("/v1/health") and self.mode != "pass":
            said = json.dumps(json.loads(said) | {"max_upload_mb": 0}).encode("utf-8")
            if self.mode == "unsigned":
                kept.pop(httpauth.ANSWER_HEADER, None)
        self._send(status, said, sent | kept)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self._relay(None)

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self._relay(self.rfile.read(int(self.headers["Content-Length"])))


@pytest.fixture
def middle(server) -> Iterator[type[_Middle]]:  # noqa: ANN001
    handler = type("Middle", (_Middle,), {"hub_url": server.url, "mode": "pass"})
    with relay(handler):
        yield handler


@SQLITE
def test_the_hubs_signed_cap_is_taken(middle, make_device) -> None:  # noqa: ANN001
    device = make_device("大坝村", VILLAGE)
    assert health(middle.url, ledger=device)["max_upload_mb"] == 2  # type: ignore[attr-defined]
    assert "max_upload_mb" in health(middle.url)  # type: ignore[attr-defined]  (unsigned asked)


@SQLITE
@pytest.mark.parametrize("mode", ["unsigned", "hub_signed_other_body"])
def test_a_forged_cap_does_not_stop_the_sync(middle, make_device, hub, mode: str) -> None:  # noqa: ANN001
    middle.mode = mode
    device = make_device("大坝村", VILLAGE)
    _, (person,) = add_family(device, VILLAGE, ["101"])
    assert "max_upload_mb" not in health(middle.url, ledger=device)  # type: ignore[attr-defined]
    push(device, middle.url)  # type: ignore[attr-defined]
    assert hub.ledger.get("persons", person) is not None
