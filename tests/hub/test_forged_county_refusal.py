"""A county desktop's query or decision refused by whoever sits on the network in the hub's
place: since the desktop says a refusal of its own standing in its own words and notes the
clock a refusal carries (`client.refused_request`, `client._note_hub_time`), a forged one
must do neither — not "the county revoked this computer", not a hub clock of 2099 that
would have the laptop's writes wait. Only a refusal the hub signed for this request counts
(`client._signed_refusal`); a forged one is said to be unverified, and nothing is written.

The man in the middle is a real HTTP server on loopback between the county device and a real
hub (`tests.hub.test_forged_refusal`): unsigned, or signed by a key of its own."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from fieldapp.sync import crypto, httpauth
from fieldapp.sync.client import CLOCK_OFF, REVOKED, REVOKED_AT, county_status, decide_held
from fieldapp.sync.errors import SyncError
from tests.hub import test_forged_refusal as forged_refusal
from tests.hub.httpkit import relay
from tests.hub.test_forged_answer import county  # noqa: F401 - fixture

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

FORGED = {
    "revoked": (403, {"error": "revoked", "message": "本机已被注销", "revoked_at": "2026-01-01T00:00:00+08:00"}),
    "stale": (401, {"error": "stale", "message": "时间不符", "hub_time": "2099-01-01T00:00:00+08:00"}),
}  # fmt: skip


class _Refusing(forged_refusal._Middle):
    """Answers every county request with `forged`, unsigned or signed by a key of its own."""

    status = 403

    def _refuse(self) -> None:
        body = json.dumps(self.forged, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json"}
        if self.mode == "own_key":
            claimed = httpauth.parse_header(self.headers[httpauth.HEADER])
            secret = crypto.KeyPair.generate().sign_secret
            headers[httpauth.REFUSAL_HEADER] = httpauth.sign_refusal(
                claimed, self.path, self.status, body, secret
            )
        self._send(self.status, body, headers)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self._refuse()

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers["Content-Length"]))
        self._refuse()


@pytest.fixture
def refusing(server) -> Iterator[type[_Refusing]]:  # noqa: ANN001
    handler = type("Refusing", (_Refusing,), {"hub_url": server.url})
    with relay(handler):
        yield handler


@pytest.mark.parametrize("mode", ["unsigned", "own_key"])
@pytest.mark.parametrize("code", sorted(FORGED))
def test_a_forged_refusal_of_a_county_request_is_not_said_or_noted(refusing, county, mode, code):  # noqa: ANN001, F811
    refusing.status, refusing.forged = FORGED[code]
    refusing.mode = mode
    url = refusing.url  # type: ignore[attr-defined]
    before = forged_refusal._meta(county.path)
    for ask in (
        lambda: county_status(county, url),
        lambda: decide_held(county, url, 1, True, "李科长"),
    ):
        with pytest.raises(SyncError) as refused:
            ask()
        said = str(refused.value)
        assert "无法核实是中心发出的" in said, said
        sentence = refused.value.said
        assert sentence is None or sentence.template not in (REVOKED, REVOKED_AT, CLOCK_OFF), said
        assert "注销了本机" not in said and "本机的日期和时间" not in said, said
    assert forged_refusal._meta(county.path) == before  # no hub clock of 2099 noted
