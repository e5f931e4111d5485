"""A county reviewer's decision on a held change over HTTP (`POST /v1/held/accept|dismiss`,
`HubService._decide`) was written in its own transaction and committed; the answer — who or
what the change is about, its village, what it sets (`server.held_items`) — was read after
that, by reads of their own. The decision's own fields were read in its transaction, but the
rest came from whatever the ledger held a moment later, and when one of those reads failed
(the hub's database gone just after the commit) the county's desktop was told 中心没有记下这次
接受 of a decision the hub had recorded; trying again was refused as decided already. The
answer is now made in the decision's transaction: what it says is the state the decision
made, and a decision whose answer could not be made is not recorded — as the desktop is told.

A real hub over HTTP on loopback, on the real PostgreSQL the suite starts."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from fieldapp.domain.sentences import Sentence
from fieldapp.hub import server as hub_server
from fieldapp.hub.folder import Hub
from fieldapp.store.held import ACCEPTED, DISMISSED, HELD, HeldChanges
from fieldapp.sync import client
from fieldapp.sync.client import decide_held
from fieldapp.sync.errors import SyncError
from tests.hub.test_held_review_http import held  # noqa: F401 - fixture


def _status(hub: Hub, held_id: int) -> str:
    again = Hub.open(hub.root)
    try:
        found = HeldChanges(again.ledger.db).get(held_id)
        assert found is not None
        return found.status
    finally:
        again.close()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
@pytest.mark.parametrize("accept", [True, False], ids=["accept", "dismiss"])
def test_a_decision_whose_answer_could_not_be_made_is_told_as_it_stands(
    server,  # noqa: ANN001
    hub: Hub,
    held: dict[str, Any],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    accept: bool,
) -> None:
    county, held_id = held["county"], held["fix"]
    real = hub_server.held_items
    ended: list[bool] = []

    def ended_first(session: Hub, listed):  # noqa: ANN001, ANN202
        if not ended:  # the database gone just as the answer is made
            ended.append(True)
            with pytest.raises(psycopg.Error):
                session.ledger.db.execute("SELECT pg_terminate_backend(pg_backend_pid())")
        return real(session, listed)

    monkeypatch.setattr(hub_server, "held_items", ended_first)
    with pytest.raises(SyncError) as refused:
        decide_held(county, server.url, held_id, accept, "李科长", "号码核对过了")
    assert ended == [True]
    said = refused.value.said
    failed = client.ACCEPT_NOT_RECORDED if accept else client.DISMISS_NOT_RECORDED
    assert isinstance(said, Sentence) and said.template == client.REQUEST_REFUSED, said
    assert isinstance(said.parts[0], Sentence) and said.parts[0].template == failed, said
    # … and so it is: the change still waits for the county's decision.
    assert _status(hub, held_id) == HELD
    # Tried again, it is made, and its answer is what it made.
    item = decide_held(county, server.url, held_id, accept, "李科长", "号码核对过了")
    decided = ACCEPTED if accept else DISMISSED
    assert item["id"] == held_id and item["status"] == decided, item
    assert item["decided_by"] == "李科长@县人社局" and item["decision"] == "号码核对过了", item
    assert _status(hub, held_id) == decided
