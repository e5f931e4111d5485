"""An answer the hub signed that this program cannot read (a hub of another build: its body
not the JSON this program reads) was refused as 中心的回复无法识别, a Chinese literal said in
Chinese in the English window; it is a template (`client.ANSWER_UNREAD`), the Chinese as
before. The hub here is real; a relay on loopback between it and the county device answers in
its place with a body it signs with the hub's own key."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from fieldapp.domain.sentences import Sentence
from fieldapp.store.sync_state import SyncState
from fieldapp.sync import client, httpauth
from fieldapp.sync.errors import SyncError
from tests.hub.httpkit import relay
from tests.hub.test_forged_answer import (
    _Middle,
    county,  # noqa: F401 - fixture
)

SQLITE = pytest.mark.parametrize("backend", ["sqlite"])


class _OtherBuild(_Middle):
    """Passes each request to the hub, and answers with a body of another build, signed with
    the hub's own key over the request (`secret`: the hub's signing key)."""

    secret = b""

    def _answer(self, body: bytes | None) -> None:
        asked = {k: v for k, v in self.headers.items() if k.lower() != "host"}
        self._hub(self.command, body, asked)
        said = b"<answer version=99/>"
        claimed = httpauth.parse_header(self.headers[httpauth.HEADER])
        signature = httpauth.sign_refusal(claimed, self.path, 200, said, self.secret, True)
        headers = {"Content-Type": "application/json", httpauth.ANSWER_HEADER: signature}
        self._send(200, said, headers)


@pytest.fixture
def other_build(server, hub) -> Iterator[type[_OtherBuild]]:  # noqa: ANN001
    identity = SyncState(hub.ledger.db).identity()
    assert identity is not None
    handler = type(
        "OtherBuild",
        (_OtherBuild,),
        {"hub_url": server.url, "kept": {}, "secret": identity.sign_secret},
    )
    with relay(handler):
        yield handler


@SQLITE
def test_a_signed_answer_this_program_cannot_read_is_said_as_before(other_build, county):  # noqa: ANN001, F811
    url = other_build.url  # type: ignore[attr-defined]
    for ask in (
        lambda: client.county_status(county, url),
        lambda: client.held_changes(county, url),
        lambda: client.decide_held(county, url, 1, True, "李科长"),
        lambda: client.rejudge_held(county, url, "李科长"),
    ):
        with pytest.raises(SyncError) as refused:
            ask()
        assert isinstance(refused.value.said, Sentence)
        assert refused.value.said.template == client.ANSWER_UNREAD
        assert str(refused.value) == "中心的回复无法识别"


#: The templates said above (for `test_every_template_is_met_by_a_scenario`).
SAID_HERE = {client.ANSWER_UNREAD}
