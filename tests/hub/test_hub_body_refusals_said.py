"""The hub's refusals of an upload's body, and of a county device's small request's, before
it is read (`hub.server._check_length`, `_receive`, `_small_body`: its length missing or not
the signed one, too large, empty, too slow, cut short, longer than said, not matching its
signature) were Chinese text only (上传内容与签名不符（传输中被改动或截断）): the English
window said “The county hub refused the upload:” and then the hub's Chinese. Each is now a
sentence whose Chinese is, byte for byte, what the hub said before; the hub sends it signed
beside its text (`reason_said`) — an upload's body refused while it streams in too (it was
answered with its text alone) — and the desktop says it in the language shown. A real hub on
loopback: raw requests for what no honest client sends, a relay that spoils an upload on its
way for the desktop's own reading; a body cut off or longer than said, which no client hears
the answer to, read by the service itself."""

from __future__ import annotations

import hashlib
import http.server
import json
import re
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.requests import Request

from fieldapp.domain.roles import Role
from fieldapp.domain.sentences import Sentence, sentence_read
from fieldapp.hub import server as hub_server
from fieldapp.sync import client, httpauth
from fieldapp.sync.errors import HubRefused
from tests.english import in_english
from tests.hub import test_forged_refusal as forged_refusal
from tests.hub.enrolled import _enrolled
from tests.hub.httpkit import header_for, post, raw_request, relay
from tests.services.sentence_checks import templates
from tests.sync.helpers import VILLAGE, add_family

SQLITE = pytest.mark.parametrize("backend", ["sqlite"])

#: The templates said here (for `test_every_template_is_met_by_a_scenario`).
SAID_HERE = {
    hub_server.UPLOAD_LENGTH_MISSING,
    hub_server.UPLOAD_LENGTH_UNSIGNED,
    hub_server.UPLOAD_TOO_LARGE,
    hub_server.UPLOAD_EMPTY,
    hub_server.UPLOAD_TOO_SLOW,
    hub_server.UPLOAD_CUT,
    hub_server.UPLOAD_LONGER,
    hub_server.UPLOAD_TAMPERED,
    hub_server.REQUEST_LENGTH_MISSING,
    hub_server.REQUEST_LENGTH_UNSIGNED,
    hub_server.REQUEST_TOO_LARGE,
    hub_server.REQUEST_EMPTY,
    hub_server.REQUEST_TOO_SLOW,
    hub_server.REQUEST_CUT,
    hub_server.REQUEST_LONGER,
    hub_server.REQUEST_TAMPERED,
}

CJK = re.compile(r"[\u4e00-\u9fff「」（）：，。]")
ACCEPT = "/v1/held/accept"


def _answered(sock: socket.socket) -> tuple[int, dict[str, Any]]:
    """The status and JSON body of the answer on `sock` (the hub closes after a refusal)."""
    data = b""
    try:
        while chunk := sock.recv(65536):
            data += chunk
    except (ConnectionResetError, TimeoutError):
        pass
    finally:
        sock.close()
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), json.loads(body)


def _head(path: str, header: str, length: str | None) -> bytes:
    sized = f"Content-Length: {length}\r\n" if length is not None else ""
    chunked = "" if length is not None else "Transfer-Encoding: chunked\r\n"
    return (
        f"POST {path} HTTP/1.1\r\nHost: hub\r\n{sized}{chunked}{httpauth.HEADER}: {header}\r\n\r\n"
    ).encode()


def _refusals(url: str, device, name: str, path: str) -> dict[str, tuple[int, dict[str, Any]]]:  # noqa: ANN001
    """Each refusal of a body before it is read, sent to `path` as `name`."""
    body = b"x" * 100_000
    got: dict[str, tuple[int, dict[str, Any]]] = {}
    header = header_for(device, name, body, path)
    got["missing"] = _answered(raw_request(url, _head(path, header, None) + b"0\r\n\r\n"))
    header = header_for(device, name, body + b"x", path)
    got["unsigned"] = post(url, body, {httpauth.HEADER: header}, path)  # type: ignore[assignment]
    big = 3 * 1024 * 1024  # over the upload cap in these tests (2 MB) and a decision's
    header = header_for(device, name, b"x" * big, path)
    got["large"] = _answered(raw_request(url, _head(path, header, str(big)) + body))
    header = header_for(device, name, b"", path)
    got["empty"] = post(url, b"", {httpauth.HEADER: header}, path)  # type: ignore[assignment]
    slow = body[:50_000]
    header = header_for(device, name, slow, path)
    got["slow"] = _answered(raw_request(url, _head(path, header, str(len(slow))) + slow[:1000]))
    header = header_for(device, name, slow, path)
    flipped = bytes([slow[0] ^ 1]) + slow[1:]
    got["tampered"] = post(url, flipped, {httpauth.HEADER: header}, path)  # type: ignore[assignment]
    return got


@SQLITE
def test_a_body_refused_is_sent_as_its_sentence(server, hub, make_device, tmp_path, qapp):  # noqa: ANN001
    from fieldapp.ui.held_words import sentence_shown

    village = make_device("甲村", VILLAGE)
    county = _enrolled(hub, tmp_path, "县里", VILLAGE[:6], Role.COUNTY, "李科长")
    try:
        uploads = _refusals(server.url, village, "甲村", "/v1/exchange")
        requests = _refusals(server.url, county, "县里", ACCEPT)
    finally:
        county.close()
    # The Chinese as the hub said it before its sentences, byte for byte.
    before = {
        "upload missing": (411, "上传缺少长度"),
        "upload unsigned": (400, "上传长度与签名不符"),
        "upload large": (413, "数据包 3 MB，超过中心允许的 2 MB，请改用U盘交换"),
        "upload empty": (400, "上传内容为空"),
        "upload slow": (408, "上传太慢或中断，已停止接收"),
        "upload tampered": (400, "上传内容与签名不符（传输中被改动或截断）"),
        "request missing": (411, "请求缺少长度"),
        "request unsigned": (400, "请求长度与签名不符"),
        "request large": (413, "请求内容太大（审核意见最多几千字）"),
        "request empty": (400, "请求内容为空"),
        "request slow": (408, "请求太慢或中断，已停止接收"),
        "request tampered": (400, "请求内容与签名不符（传输中被改动或截断）"),
    }
    answers = {f"upload {k}": v for k, v in uploads.items()}
    answers |= {f"request {k}": v for k, v in requests.items()}
    assert {k: (status, a["message"]) for k, (status, a) in answers.items()} == before
    sentences = {k: sentence_read(a["reason_said"]) for k, (_s, a) in answers.items()}
    for name, sentence in sentences.items():
        assert str(sentence) == answers[name][1]["message"], name
    with in_english():
        shown = {name: sentence_shown(s) for name, s in sentences.items()}
    assert shown["upload tampered"] == (
        "The upload does not match its signature (it was changed or cut short on its way)"
    )
    assert shown["upload large"] == (
        "The bundle is 3 MB, more than the 2 MB the county hub accepts:"
        " please exchange it on a USB stick"
    )
    assert shown["request large"] == (
        "The request is too large (a review's note is at most a few thousand characters)"
    )
    for name, text in shown.items():
        assert not CJK.search(text), (name, text)


def _request(body: list[bytes], cut: bool) -> Request:
    """A request whose body comes in `body`'s pieces, then (`cut`) its client gone."""
    pieces = [{"type": "http.request", "body": b, "more_body": True} for b in body]
    if cut:
        pieces.append({"type": "http.disconnect"})
    else:
        pieces[-1]["more_body"] = False

    async def receive() -> dict[str, object]:
        return pieces.pop(0)

    headers = [(b"content-length", b"4")]  # (as signed: `_small_body` reads it first)
    return Request({"type": "http", "method": "POST", "headers": headers}, receive)


@SQLITE
def test_a_body_cut_off_or_longer_than_said_is_a_sentence(server, tmp_path):  # noqa: ANN001
    """No client hears these (gone, or cut at its length by h11): the service's own refusal."""
    import asyncio

    service = server.service
    sha = hashlib.sha256(b"abcd").hexdigest()
    claimed = type("Claimed", (), {"length": 4, "sha256": sha})()  # (all `_small_body` reads)
    said: dict[str, Sentence] = {}
    for name, pieces, cut in (("cut", [b"ab"], True), ("longer", [b"abcd", b"ef"], False)):
        part = tmp_path / f"{name}.part"
        with pytest.raises(hub_server._Refusal) as upload:
            asyncio.run(service._receive(_request(list(pieces), cut), part, 4, sha))
        with pytest.raises(hub_server._Refusal) as asked:
            asyncio.run(service._small_body(_request(list(pieces), cut), claimed))  # type: ignore[arg-type]
        assert upload.value.said is not None and asked.value.said is not None
        said[f"upload {name}"], said[f"request {name}"] = upload.value.said, asked.value.said
    assert {k: str(s) for k, s in said.items()} == {
        "upload cut": "上传中断",
        "request cut": "请求中断",
        "upload longer": "上传内容超过声明的长度",
        "request longer": "请求内容超过声明的长度",
    }
    from fieldapp.ui.held_words import sentence_shown

    with in_english():
        assert sentence_shown(said["upload cut"]) == "The upload broke off"
        for name, sentence in said.items():
            assert not CJK.search(sentence_shown(sentence)), name


class _Spoiling(forged_refusal._Middle):
    """Passes the health check and the upload to the hub, one byte of the upload spoiled on
    its way; hands back the hub's signed refusal as it came."""

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["Content-Length"]))
        spoiled = body[:-1] + bytes([body[-1] ^ 1])
        asked = {httpauth.HEADER: self.headers[httpauth.HEADER]}
        status, headers, said = self._hub("POST", spoiled, asked)
        kept = {
            k: v
            for k, v in headers.items()
            if k in ("content-type", httpauth.REFUSAL_HEADER.lower())
        }
        self._send(status, said, kept)


@pytest.fixture
def spoiling(server) -> Iterator[str]:  # noqa: ANN001
    handler: type[http.server.BaseHTTPRequestHandler] = type(
        "Spoiling", (_Spoiling,), {"hub_url": server.url}
    )
    with relay(handler) as url:
        yield url


@SQLITE
def test_an_upload_spoiled_on_its_way_is_said_in_english(spoiling, make_device, qapp):  # noqa: ANN001
    from fieldapp.ui.held_words import sentence_shown

    village = make_device("甲村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    with pytest.raises(HubRefused) as refused:
        client.push(village, spoiling)
    said = refused.value.said
    assert said is not None and said.template == client.REFUSED_UPLOAD, str(refused.value)
    assert str(refused.value) == "中心拒绝了上传：上传内容与签名不符（传输中被改动或截断）"
    assert templates(said) >= {hub_server.UPLOAD_TAMPERED}, said
    with in_english():
        shown = sentence_shown(said)
    assert shown == (
        "The county hub refused the upload: The upload does not match its signature"
        " (it was changed or cut short on its way)"
    ), shown
