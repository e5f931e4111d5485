"""The hub's refusals of a county device's query or decision that were Chinese text only
(`hub.server._Refusal`: a decision's number, reason or reviewer wrong, its content not JSON,
a query with content or of a state the hub does not list, a device not of the county asking):
the county desktop's English window said 不予采纳必须写明原因，设备上会看到 after its own
“The county hub did not record this dismissal:”. Each is now a sentence whose Chinese is, byte
for byte, what the hub said before; the hub sends it signed beside its text (`reason_said`)
and the desktop says it in the language shown (`client._hub_said`). A real hub on loopback,
in the English window."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from fieldapp.domain.roles import Role
from fieldapp.domain.sentences import Sentence
from fieldapp.hub import server as hub_server
from fieldapp.sync import client
from fieldapp.sync.client import county_status, decide_held, held_changes
from fieldapp.sync.errors import SyncError
from tests.english import in_english
from tests.hub.enrolled import _enrolled
from tests.hub.test_held_review_http import held  # noqa: F401 - fixture
from tests.services.sentence_checks import templates
from tests.sync.helpers import VILLAGE

#: The templates said here (for `test_every_template_is_met_by_a_scenario`).
SAID_HERE = {
    hub_server.HELD_ID_WRONG,
    hub_server.REASON_NOT_TEXT,
    hub_server.REASON_TOO_LONG,
    hub_server.REASON_UNPRINTABLE,
    hub_server.REASON_MISSING,
    hub_server.NOT_JSON,
    hub_server.NOT_JSON_OBJECT,
    hub_server.REVIEWER_WRONG,
    hub_server.COUNTY_ONLY,
    hub_server.COUNTY_STATUS_ONLY,
    hub_server.COUNTY_HELD_ONLY,
    hub_server.QUERY_WITH_CONTENT,
    hub_server.HELD_STATE_WRONG,
}

CJK = re.compile(r"[\u4e00-\u9fff「」（）：，。]")


def _hub_words(ask: Callable[[], object], failed: str) -> Sentence:
    """The hub's sentence in a desktop's refusal of `ask`: after what did not happen."""
    with pytest.raises(SyncError) as refused:
        ask()
    said = refused.value.said
    assert said is not None and said.template == client.REQUEST_REFUSED, str(refused.value)
    opening, words = said.parts
    assert isinstance(opening, Sentence) and opening.template == failed
    assert isinstance(words, Sentence), f"the hub's words as text: {words!r}"
    return words


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_refused_query_or_decision_is_said_in_the_english_window(
    server,
    hub,
    held: dict[str, Any],  # noqa: F811
    tmp_path,
    qapp,  # noqa: ANN001
):
    from fieldapp.ui.held_words import sentence_shown

    county, village, url = held["county"], held["village"], server.url
    accept, dismiss = client.ACCEPT_NOT_RECORDED, client.DISMISS_NOT_RECORDED

    def sent(body: bytes, path: str = "/v1/held/accept") -> Callable[[], object]:
        endpoint = client._endpoint(url, path)
        return lambda: client._hub_answer(county, endpoint, "POST", accept, 60, body)

    township = _enrolled(hub, tmp_path, "乡镇", VILLAGE[:9], Role.TOWNSHIP, "乡干部")
    try:
        asked = {
            "id": (accept, lambda: decide_held(county, url, 0, True, "李科长")),
            "not_text": (accept, sent(b'{"id": 1, "reviewer": "\\u674e", "reason": 5}')),
            "long": (dismiss, lambda: decide_held(county, url, 1, False, "李科长", "长" * 2001)),
            "line": (dismiss, lambda: decide_held(county, url, 1, False, "李科长", "一\n二")),
            "missing": (dismiss, lambda: decide_held(county, url, held["fix"], False, "李科长")),
            "not_json": (accept, sent(b"{")),
            "not_object": (accept, sent(b"[1]")),
            "reviewer": (accept, lambda: decide_held(county, url, held["fix"], True, " ")),
            "county": (accept, lambda: decide_held(township, url, held["fix"], True, "乡干部")),
            "status": (client.STATUS_NOT_GIVEN, lambda: county_status(village, url)),
            "held": (client.HELD_NOT_GIVEN, lambda: held_changes(village, url)),
            "content": (
                client.STATUS_NOT_GIVEN,
                lambda: client._hub_answer(
                    county,
                    client._endpoint(url, "/v1/status"),
                    "GET",
                    client.STATUS_NOT_GIVEN,
                    60,
                    b"{}",
                ),
            ),
            "state": (
                client.HELD_NOT_GIVEN,
                lambda: client._hub_answer(
                    county,
                    client._endpoint(url, "/v1/held") + "?status=bogus",
                    "GET",
                    client.HELD_NOT_GIVEN,
                    60,
                ),
            ),
        }
        words = {name: _hub_words(ask, failed) for name, (failed, ask) in asked.items()}
    finally:
        township.close()
    # The Chinese as the hub said it before its sentences, byte for byte.
    before = {
        "id": "要审核的修改编号不对（应为正整数）",
        "not_text": "原因应为文字",
        "long": "原因最多 2000 字",
        "line": "原因中有不能显示的字符（如换行），请写成一行",
        "missing": "不予采纳必须写明原因，设备上会看到",
        "not_json": "请求内容不是有效的 JSON",
        "not_object": "请求内容应为 JSON 对象",
        "county": "只有县级设备可以审核未接受的修改",
        "status": "只有县级设备可以查看各设备同步情况",
        "held": "只有县级设备可以查看和审核未接受的修改",
        "content": "查询请求不应带内容",
        "state": "查询的状态不对：应为 held（待审核）、accepted（已接受）或 dismissed（不予采纳）",
    }
    for name, chinese in before.items():
        assert str(words[name]) == chinese, name
    assert str(words["reviewer"]).startswith("审核人的用户名不对："), words["reviewer"]
    met = set().union(*(templates(w) for w in words.values()))
    assert met >= SAID_HERE, SAID_HERE - met

    with in_english():
        shown = {name: sentence_shown(w) for name, w in words.items()}
    assert shown["missing"] == "A dismissal must give its reason; the device will see it"
    assert shown["long"] == "The reason may have at most 2000 characters"
    assert shown["held"] == "Only a county device can see and review the changes not accepted"
    for name, text in shown.items():
        assert not CJK.search(text), (name, text)
