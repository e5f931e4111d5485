"""A county decision authenticated before its county laptop was revoked (lost, stolen) or
enrolled again on a new one, and written after, is not taken: the hub checks the device again
where it writes the decision, not only when the request's header arrived.

Between the two lie the decision's body (up to a minute at the body's pace) and the wait for a
turn among the imports (`max_exchanges`: a large village bundle takes minutes): a clerk who
revoked a stolen county laptop is told it decides nothing more, and a decision it started a
moment before must not land in its name afterwards. A real hub on loopback: the header sent,
the hub seen to have authenticated it (its nonce taken), the device revoked or enrolled again
beside the running service, then the body.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from fieldapp.domain.roles import Role
from fieldapp.hub.folder import Hub
from fieldapp.hub.server import ServerThread
from fieldapp.store.held import HeldChanges
from fieldapp.sync import httpauth
from fieldapp.sync.client import push
from tests.codes import ENROL_CODE
from tests.hub.enrolled import _enrolled
from tests.hub.httpkit import header_for, raw_request
from tests.hub.test_held_review_http import _decision, held  # noqa: F401 - the fixture
from tests.hub.test_rejudge_attacks import _body, _held_ahead, _later
from tests.sync.helpers import VILLAGE, add_family

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


def _authenticated_then(server: ServerThread, hub: Hub, path: str, body: bytes, header: str,
                        then) -> tuple[int, dict]:  # fmt: skip
    """Send `path`'s header, wait until the hub took its nonce (authenticated), run `then`,
    send the body; the status and JSON of the answer."""
    nonce = httpauth.parse_header(header).nonce
    head = (
        f"POST {path} HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n{httpauth.HEADER}: {header}\r\n"
        "Connection: close\r\n\r\n"
    ).encode()
    sock = raw_request(server.url, head)
    try:
        nonces = hub.root / "nonces"
        until = time.monotonic() + 5
        while nonce not in (nonces.read_text() if nonces.exists() else ""):
            assert time.monotonic() < until, "the hub never authenticated the header"
            time.sleep(0.01)
        then()
        sock.sendall(body)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    finally:
        sock.close()
    status = int(data.split(b" ", 2)[1])
    return status, json.loads(data.split(b"\r\n\r\n", 1)[1])


def _revoke(hub: Hub, name: str, _folder: Path) -> None:
    hub.revoke(name, by="县里的科员")


def _enrolled_again(hub: Hub, name: str, folder: Path) -> None:
    hub.enroll(name, "520502", folder / "again.json", role=Role.COUNTY, code=ENROL_CODE,
               by="县里的科员")  # fmt: skip


@pytest.mark.parametrize("decision", ["accept", "dismiss"])
@pytest.mark.parametrize("then", [_revoke, _enrolled_again])
def test_a_decision_whose_county_device_was_revoked_meanwhile_decides_nothing(
    server,
    hub,
    held,  # noqa: F811 - the fixture imported above
    tmp_path,
    decision,
    then,
):
    county, store = held["county"], HeldChanges(hub.ledger.db)
    path = f"/v1/held/{decision}"
    body = _decision(held["fix"], reason="核实过")
    header = header_for(county, "县人社局", body, path=path)
    status, answer = _authenticated_then(
        server, hub, path, body, header, lambda: then(hub, "县人社局", tmp_path)
    )
    assert store.get(held["fix"]).status == "held", answer
    if then is _revoke:
        assert (status, answer["error"]) == (403, "revoked"), answer
        assert "注销" in answer["message"]
    else:
        assert (status, answer["error"]) == (401, "unknown_key"), answer
    assert not [h for h in store.list() if h.status != "held"]


@pytest.mark.parametrize("then", [_revoke, _enrolled_again])
def test_a_rejudge_whose_county_device_was_revoked_meanwhile_clears_nothing(
    server, hub, make_device, tmp_path, then
):
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    push(village, server.url)
    ahead = _held_ahead(hub, village, server.url, "三天后")
    county = _enrolled(hub, tmp_path, "县人社局", "520502", Role.COUNTY, "李科长")
    store = HeldChanges(hub.ledger.db)
    try:
        with _later(3):  # the change is in time now: a rejudge would accept it
            path = "/v1/held/rejudge"
            header = header_for(county, "县人社局", _body(), path=path)
            status, answer = _authenticated_then(
                server, hub, path, _body(), header, lambda: then(hub, "县人社局", tmp_path)
            )
        assert store.get(ahead).status == "held", answer
        if then is _revoke:
            assert (status, answer["error"]) == (403, "revoked"), answer
        else:
            assert (status, answer["error"]) == (401, "unknown_key"), answer
    finally:
        county.close()
