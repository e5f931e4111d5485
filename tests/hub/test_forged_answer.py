"""On a plain http:// hub, whoever sits on the county office's network can answer the county
desktop's queries in the hub's place: a false list of held changes (which the county then
accepts or dismisses by their numbers), a false view of the devices' exchanges, a false
"accepted". Refusals were signed; these answers were not. The hub now signs each answer to a
county device's query or decision over the request's path, device and nonce
(`httpauth.sign_refusal` with `answer`), and the desktop's reader (`client.county_status`, `held_changes`,
`decide_held`) takes none it cannot check, saying so in Chinese.

The man in the middle is a real HTTP server on loopback between the county device and a real
hub: it answers with a forged body unsigned, signed by a key of its own, with the hub's real
signature kept over a changed body, or the hub's real signed answer to an earlier request."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from fieldapp.domain.roles import Role
from fieldapp.store.held import HeldChanges
from fieldapp.store.ledger import Ledger
from fieldapp.sync import crypto, httpauth
from fieldapp.sync.client import county_status, decide_held, held_changes
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.errors import SyncError
from tests.codes import ENROL_CODE
from tests.hub import test_forged_refusal as forged_refusal
from tests.hub.httpkit import relay

SQLITE = pytest.mark.parametrize("backend", ["sqlite"])

FALSE_HELD = {
    "hub": "县级汇总中心",
    "total": 1,
    "held": [{"id": 1, "device": "红星村", "content": "张三的开户银行改为另一家", "reason": "x"}],
}
FALSE_STATUS = {"hub": "县级汇总中心", "devices": [], "policy": None, "program": "9.9"}


class _Middle(forged_refusal._Middle):
    """Between the county device and the hub: passes (`pass`), or answers falsely."""

    mode = "pass"
    kept: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def _answer(self, body: bytes | None) -> None:
        asked = {k: v for k, v in self.headers.items() if k.lower() != "host"}
        status, headers, said = self._hub(self.command, body, asked)
        key = self.command + self.path
        if self.mode == "replay" and key in self.kept:
            status, headers, said = self.kept[key]  # the hub's signed answer to another request
        self.kept[key] = (status, headers, said)
        signature = headers.get(httpauth.ANSWER_HEADER.lower(), "")
        if self.mode in ("unsigned", "own_key", "hub_signed_other_body"):
            false = FALSE_STATUS if "/status" in self.path else FALSE_HELD
            if "/v1/held/" in self.path:
                false = {"hub": "县级汇总中心", "held": FALSE_HELD["held"][0]}
            status, said = 200, json.dumps(false, ensure_ascii=False).encode("utf-8")
            if self.mode == "unsigned":
                signature = ""
            elif self.mode == "own_key":
                claimed = httpauth.parse_header(self.headers[httpauth.HEADER])
                secret = crypto.KeyPair.generate().sign_secret
                signature = httpauth.sign_refusal(claimed, self.path, 200, said, secret, True)
        sent = {"Content-Type": headers.get("content-type", "application/json")}
        self._send(status, said, sent | ({httpauth.ANSWER_HEADER: signature} if signature else {}))

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self._answer(None)

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self._answer(self.rfile.read(int(self.headers["Content-Length"])))


@pytest.fixture
def middle(server) -> Iterator[type[_Middle]]:  # noqa: ANN001
    handler = type("Middle", (_Middle,), {"hub_url": server.url, "kept": {}})
    with relay(handler):
        yield handler


@pytest.fixture
def county(hub, tmp_path) -> Iterator[Ledger]:  # noqa: ANN001
    folder = tmp_path / "county"
    folder.mkdir()
    ledger = Ledger.open(folder / "ledger.db", author="李科长")
    hub.enroll(
        "县人社局",
        "520502",
        folder / "enrol.json",
        role=Role.COUNTY,
        code=ENROL_CODE,
        by="县里的科员",
    )
    enrol(ledger, folder / "enrol.json", code=ENROL_CODE)
    yield ledger
    ledger.close()


@SQLITE
def test_the_hubs_own_answers_are_taken_through_an_honest_relay(middle, county):  # noqa: ANN001
    url = middle.url  # type: ignore[attr-defined]
    assert held_changes(county, url)["held"] == []
    assert county_status(county, url)["hub"]


@SQLITE
@pytest.mark.parametrize("mode", ["unsigned", "own_key", "hub_signed_other_body", "replay"])
def test_a_forged_answer_to_the_county_desktop_is_not_taken(middle, county, hub, mode):  # noqa: ANN001
    url = middle.url  # type: ignore[attr-defined]
    if mode == "replay":  # the hub's real answers to earlier requests, kept
        held_changes(county, url)
        county_status(county, url)
    middle.mode = mode
    for ask in (lambda: held_changes(county, url), lambda: county_status(county, url)):
        with pytest.raises(SyncError) as refused:
            ask()
        said = str(refused.value)
        assert "无法核实是中心发出的" in said and "没有采用它" in said, said
        assert "张三" not in said


@SQLITE
@pytest.mark.parametrize("mode", ["unsigned", "own_key"])
def test_a_forged_decision_is_not_taken_for_the_hubs(middle, county, hub, mode):  # noqa: ANN001
    middle.mode = mode
    with pytest.raises(SyncError) as refused:
        decide_held(county, middle.url, 1, False, "李科长", "不是本村的人")  # type: ignore[attr-defined]
    assert "无法核实是中心发出的" in str(refused.value)
    assert HeldChanges(hub.ledger.db).list() == []  # (the hub's refusal of a number it lacks)


def test_an_answer_signature_holds_only_for_its_request_and_body() -> None:
    """The hub's signature of an answer is of one request (path, device, nonce), one status and
    one body, and never a refusal's: moved, it does not hold."""
    keys = crypto.KeyPair.generate()
    pinned = {crypto.key_id(keys.sign_public): keys.sign_public}
    header = httpauth.sign_request("GET", "/v1/held", "县人社局", keys.sign_secret, 0, "0" * 64)
    request = httpauth.parse_header(header)
    body = json.dumps(FALSE_HELD).encode()
    value = httpauth.sign_refusal(request, "/v1/held", 200, body, keys.sign_secret, answer=True)

    def holds(path: str = "/v1/held", device: str = "县人社局", nonce: str = request.nonce,
              said: bytes = body) -> bool:  # fmt: skip
        return httpauth.refusal_signed(value, path, device, nonce, 200, said, pinned, answer=True)

    assert holds()
    assert not holds(path="/v1/held?status=accepted") and not holds(path="/v1/status")
    assert not holds(device="红星村") and not holds(nonce="f" * 32)
    assert not holds(said=body.replace(b"1", b"2"))
    refusal = httpauth.sign_refusal(request, "/v1/held", 200, body, keys.sign_secret)
    assert not httpauth.refusal_signed(
        refusal, "/v1/held", "县人社局", request.nonce, 200, body, pinned, answer=True
    )
    assert not httpauth.refusal_signed(
        value, "/v1/held", "县人社局", request.nonce, 200, body, pinned
    )
