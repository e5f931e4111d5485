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
from fieldapp.sync.client import (
    BAD_SIGNATURE,
    CLOCK_OFF,
    REFUSED_UPLOAD,
    REPEATED_REQUEST,
    REVOKED,
    REVOKED_AT,
    SAID_MAX,
    TOO_LARGE,
    UNFINISHED,
    UNKNOWN_KEY,
    push,
)
from fieldapp.sync.errors import HUB_TROUBLE_SAID, HubRefused
from tests.english import in_english
from tests.hub.httpkit import relay
from tests.hub.test_forged_refusal import _Middle
from tests.sync.helpers import VILLAGE, add_family

#: Words no dialog should carry: a line break, a terminal escape, a right-to-left override,
#: a zero-width joiner, a bell.
HOSTILE = "请\n打开\x1b[31m http://恶意.example \u202e之后\u200d再\x07同步 <b>马上</b> "
#: The templates these tests and `tests.hub.test_hub_upload_folder_trouble` (`UNFINISHED`)
#: meet (`tests.services.test_policy_refusal_sentences`).
SAID_HERE = {
    REFUSED_UPLOAD,
    UNFINISHED,
    *HUB_TROUBLE_SAID.values(),
    REVOKED_AT,
    REVOKED,
    UNKNOWN_KEY,
    BAD_SIGNATURE,
    REPEATED_REQUEST,
    CLOCK_OFF,
    TOO_LARGE,
}
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
    from fieldapp.ui.errors import message_for

    busy = _refused(signing, make_device, 503, {"error": "busy", "message": "中心正忙" * 100})
    signing.status, signing.forged = 422, {"error": "invalid", "message": "数据包内容不合格"}
    device = make_device("红星村", VILLAGE)
    add_family(device, VILLAGE, ["102"])
    with pytest.raises(HubRefused) as invalid:
        push(device, signing.url)
    with in_english():
        assert message_for(busy) == (
            "The county hub is busy and cannot take bundles just now. No change was imported; "
            "please sync again later"
        )
        assert message_for(invalid.value) == "The county hub refused the upload: 数据包内容不合格"
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


#: Refusals the device knows, as a hub (or an older one) signs them: status, body; the
#: device's own template; the facts in its parts. The hub's words are hostile: none of them
#: is said.
KNOWN = {
    "revoked": (403, {"revoked_at": "2026-12-01T02:30:00Z"}, REVOKED_AT, ("2026-12-01 10:30",)),
    "revoked-older": (403, {}, REVOKED, ()),
    "unknown_key": (401, {}, UNKNOWN_KEY, ()),
    "bad_signature": (401, {}, BAD_SIGNATURE, ()),
    "replay": (401, {}, REPEATED_REQUEST, ()),
    "stale": (401, {"hub_time": "2026-12-05T08:00:00Z"}, CLOCK_OFF, ()),
    "too_large": (413, {"max_upload_mb": 1}, TOO_LARGE, ("1",)),
}


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("case", sorted(KNOWN))
def test_a_refusal_the_device_knows_is_said_in_its_own_words(signing, make_device, case) -> None:  # noqa: ANN001
    """Said in the hub's words (Chinese in an English window, the hub's own advice): the
    device says what it knows in its own template, in the language shown; the hub's words
    only for facts it cannot know (when it was revoked, the hub's upload limit), read from
    the refusal the hub signed."""
    status, facts, template, parts = KNOWN[case]
    code = case.split("-")[0]
    refused = _refused(signing, make_device, status, {"error": code, "message": HOSTILE, **facts})
    assert refused.code == code
    assert refused.said is not None and refused.said.template == template, refused.said
    said = str(refused)
    assert "恶意" not in said and "中心拒绝了上传" not in said, said
    for part in parts:
        assert part in said, said
    if code == "revoked":
        assert "大坝村" in said  # the device's own name: it knows it


#: Refusals whose facts only the hub knows: a bundle sent before (409, its numbers the
#: hub's), a stale request from a hub doubting its own clock (no clock told: it says its own
#: date is likely wrong), a body longer than declared (413 without a limit).
THE_HUBS = [
    (409, {"error": "replay", "message": "旧的数据包：第 3 号包，已导入到第 5 号"}),
    (401, {"error": "stale", "message": "这次多半是中心电脑的日期不对"}),
    (413, {"error": "too_large", "message": "上传内容超过声明的长度"}),
]


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize(("status", "answer"), THE_HUBS, ids=["replay", "stale", "too_large"])
def test_what_only_the_hub_knows_stays_in_its_words(signing, make_device, status, answer) -> None:  # noqa: ANN001
    """Said in the hub's words, after the device's opening."""
    refused = _refused(signing, make_device, status, answer)
    assert refused.said is not None and refused.said.template == REFUSED_UPLOAD, answer
    assert str(refused) == f"中心拒绝了上传：{answer['message']}"


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_revoked_device_reads_it_in_english(server, hub, make_device, qapp) -> None:  # noqa: ANN001
    """A real hub's refusal of a revoked device, shown in the English window: all English but
    the device's name and when (the hub's signed `revoked_at`)."""
    from fieldapp.ui.errors import message_for

    device = make_device("甲村", VILLAGE)
    add_family(device, VILLAGE, ["101"])
    hub.revoke("甲村", by="县里的科员")
    with pytest.raises(HubRefused) as refused:
        push(device, server.url)
    assert refused.value.code == "revoked"
    assert refused.value.said is not None and refused.value.said.template == REVOKED_AT
    assert str(refused.value).startswith("县里已于 20") and "重新登记" in str(refused.value)
    with in_english():
        english = message_for(refused.value)
    assert english.startswith("The county revoked this computer (甲村) on 20"), english
    assert not re.search(r"[\u4e00-\u9fff]", english.replace("甲村", "")), english


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_bundle_over_the_limit_is_said_in_the_devices_words(hub, make_device) -> None:  # noqa: ANN001
    """Over the limit the hub's health tells, the device stops before it uploads: the same
    sentence (said in the language shown, not a fixed Chinese string)."""
    from fieldapp.hub.server import ServerThread, ServiceSettings
    from fieldapp.sync.errors import SyncError

    device = make_device("甲村", VILLAGE)
    add_family(device, VILLAGE, ["101"])
    settings = ServiceSettings(max_upload_mb=0)
    with ServerThread(hub.root, settings) as server, pytest.raises(SyncError) as refused:
        push(device, server.url)
    assert refused.value.said is not None and refused.value.said.template == TOO_LARGE
    assert str(refused.value).endswith("超过中心允许的 0 MB：请改用U盘交换"), str(refused.value)


def test_a_size_over_a_limit_is_never_said_as_the_limit() -> None:
    """A bundle 1.4 MB over a 1 MB limit read 数据包 1 MB，超过中心允许的 1 MB."""
    from fieldapp.sync.client import megabytes

    mb = 1048576
    assert [megabytes(n) for n in (mb + 1, mb * 14 // 10, 5 * mb, 0, 1)] == [
        "1.1",
        "1.4",
        "5",
        "0",
        "0.1",
    ]
