"""What a device shows of the hub's refusal of an upload is a bounded plain sentence: the words
in a refusal's body (whoever wrote them — the hub, an older hub, a man in the middle on a
plain http:// network) lose their control and format characters (line breaks, terminal escapes,
right-to-left overrides) and are cut at `client.SAID_MAX`; a refusal for the hub's own trouble
(busy, read-only, disk full) the hub signed is said in the device's own sentence, in the
language shown, whatever words came with it.

The answers come from a real HTTP server on loopback between the device and a real hub
(`tests.hub.test_forged_refusal`), signing with the hub's own key where the test says so."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from fieldapp.domain.sentences import Sentence
from fieldapp.sync import httpauth
from fieldapp.sync.client import REFUSED_UPLOAD, SAID_MAX, UNFINISHED, push
from fieldapp.sync.errors import HUB_TROUBLE_SAID, HubRefused
from tests.hub.httpkit import relay
from tests.hub.test_forged_refusal import _Middle
from tests.sync.helpers import VILLAGE, add_family

#: Words no dialog should carry: a line break, a terminal escape, a right-to-left override,
#: a zero-width joiner, a bell.
HOSTILE = "请\n打开\x1b[31m http://恶意.example \u202e之后\u200d再\x07同步 <b>马上</b> "
#: The templates these tests and `tests.hub.test_hub_upload_folder_trouble` (`UNFINISHED`)
#: meet (`tests.services.test_policy_refusal_sentences`).
SAID_HERE = {REFUSED_UPLOAD, UNFINISHED, *HUB_TROUBLE_SAID.values()}
CONTROL = re.compile(r"[\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


class _Signing(_Middle):
    """Answers an upload with `forged`, signed by `secret` (the hub's own key) for the request."""

    secret = b""
    status = 503

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers["Content-Length"]))
        body = json.dumps(self.forged, ensure_ascii=False).encode("utf-8")
        claimed = httpauth.parse_header(self.headers[httpauth.HEADER])
        signature = httpauth.sign_refusal(claimed, self.path, self.status, body, self.secret)
        headers = {"Content-Type": "application/json", httpauth.REFUSAL_HEADER: signature}
        self._send(self.status, body, headers)


@pytest.fixture
def signing(server, hub) -> Iterator[type[_Signing]]:  # noqa: ANN001
    secret = hub.identity.sign_secret
    handler = type("Signing", (_Signing,), {"hub_url": server.url, "secret": secret})
    with relay(handler):
        yield handler


def _refused(handler, make_device, status: int, answer: dict[str, object]) -> HubRefused:  # noqa: ANN001
    handler.status, handler.forged = status, answer
    device = make_device("大坝村", VILLAGE)
    add_family(device, VILLAGE, ["101"])
    with pytest.raises(HubRefused) as refused:
        push(device, handler.url)
    return refused.value


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("code", sorted(HUB_TROUBLE_SAID))
def test_the_hubs_own_trouble_is_said_in_the_devices_words(signing, make_device, code) -> None:  # noqa: ANN001
    refused = _refused(signing, make_device, 503, {"error": code, "message": HOSTILE * 50})
    assert refused.code == code
    assert str(refused) == HUB_TROUBLE_SAID[code]
    assert isinstance(refused.said, Sentence) and refused.said.template == HUB_TROUBLE_SAID[code]


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_hubs_other_words_are_one_bounded_plain_line(signing, make_device) -> None:  # noqa: ANN001
    refused = _refused(signing, make_device, 422, {"error": "invalid", "message": HOSTILE * 50})
    said = str(refused)
    assert refused.code == "invalid"
    assert said.startswith(
        "中心拒绝了上传：请 打开 [31m http://恶意.example 之后 再 同步 <b>马上</b> "
    )
    assert not CONTROL.search(said), repr(said)
    assert said.endswith("…") and len(said) == len("中心拒绝了上传：") + SAID_MAX + 1
    # The hub's words a part of the device's own sentence: its opening is said in the
    # language shown, the words as they came (drawn as typed: markup shows as its text).
    assert refused.said is not None and refused.said.template == REFUSED_UPLOAD


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_english_window_says_them_in_english(signing, make_device, qapp) -> None:  # noqa: ANN001
    from fieldapp.ui import i18n
    from fieldapp.ui.errors import message_for

    busy = _refused(signing, make_device, 503, {"error": "busy", "message": "中心正忙" * 100})
    signing.status, signing.forged = 422, {"error": "invalid", "message": "数据包内容不合格"}
    device = make_device("红星村", VILLAGE)
    add_family(device, VILLAGE, ["102"])
    with pytest.raises(HubRefused) as invalid:
        push(device, signing.url)
    assert i18n.install_language("en")
    try:
        assert message_for(busy) == (
            "The county hub is busy and cannot take bundles just now. No change was imported; "
            "please sync again later"
        )
        assert message_for(invalid.value) == "The county hub refused the upload: 数据包内容不合格"
    finally:
        i18n.install_language("zh_CN")
    assert message_for(invalid.value) == "中心拒绝了上传：数据包内容不合格"


@pytest.mark.parametrize("backend", ["sqlite"])
def test_unsigned_words_are_bounded_too(middle, make_device) -> None:  # noqa: ANN001
    """Unsigned (anyone on the network): said to be unverified, its words bounded as well."""
    middle.mode, middle.forged = "unsigned", {"error": "busy", "message": HOSTILE * 500}
    device = make_device("大坝村", VILLAGE)
    add_family(device, VILLAGE, ["101"])
    with pytest.raises(HubRefused) as refused:
        push(device, middle.url)
    said = str(refused.value)
    assert refused.value.code == "" and "无法核实是中心发出的" in said
    assert not CONTROL.search(said), repr(said)
    assert len(said) < 200 + SAID_MAX


@pytest.fixture
def middle(server) -> Iterator[type[_Middle]]:  # noqa: ANN001
    handler = type("Middle", (_Middle,), {"hub_url": server.url})
    with relay(handler):
        yield handler
