"""The county office's desktop re-judges, over HTTP, the changes the hub held by its clock
(`POST /v1/held/rejudge`, as `hub rejected --rejudge`) on a real loopback hub: a village
device is refused, a forged or tampered request too, nothing decided; a county device's is
done as `用户名@设备名` — the honest changes accepted, a device's a month ahead still held —
and refused, saying why, while the hub doubts its clock as ahead.

As in `test_hub_clock_vouched`, the county's real time is moved a year ahead in this process
(time_machine), where the devices and the served hub live; the hub imports on its own (reset)
clock.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import time_machine

from fieldapp.domain.dates import CHINA
from fieldapp.domain.roles import Role
from fieldapp.domain.sentences import Part, Sentence
from fieldapp.hub import own_clock, rejected
from fieldapp.hub.folder import Hub
from fieldapp.store.held import HeldChanges
from fieldapp.sync import client, crypto, httpauth
from fieldapp.sync.client import rejudge_held
from fieldapp.sync.errors import SyncError
from tests.english import in_english
from tests.helpers.hub_clock import YEAR_DAYS, _devices_synced
from tests.hub.enrolled import _enrolled
from tests.hub.httpkit import header_for, post
from tests.hub.test_hub_clock_vouched import _hostile, _next_bundles

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

PATH = "/v1/held/rejudge"


def _days_on(days: int) -> time_machine.travel:
    """The county's real time, `days` after the day the villages last synced, ticking on."""
    when = dt.datetime.now(CHINA) + dt.timedelta(days=YEAR_DAYS + days)
    return time_machine.travel(when, tick=True)


def _body(reviewer: str = "李科长") -> bytes:
    return json.dumps({"reviewer": reviewer}).encode()


def _in_english(error: SyncError) -> str:
    """What the county desktop's dialog says of `error` in the English window."""
    from fieldapp.ui.errors import message_for

    with in_english():
        return message_for(error)


def _shown_in_english(part: Part) -> str:
    """What a window in English says of `part`."""
    from fieldapp.ui.held_words import part_shown

    with in_english():
        return part_shown(part)


def test_a_county_desktop_rejudges_held_changes_over_http(
    server,  # noqa: ANN001
    hub: Hub,
    make_device,  # noqa: ANN001
    tmp_path: Path,
    qapp,  # noqa: ANN001
) -> None:
    with _days_on(0):  # three villages synced while the hub's clock was right
        devices = _devices_synced(hub, make_device, tmp_path, own_clock.DEVICES)
        bad = _hostile(make_device, "坏村", "520502102001")
    with _days_on(2):  # two days on, two of them and a device a month ahead write again
        bundles = _next_bundles([*devices[:2], bad], tmp_path, "next")
    for bundle in bundles:  # the hub's clock reset a year back: all held by its clock
        hub.import_file(bundle)
    held = hub.rejected()
    assert {h.rule for h in held} == {"stamped_ahead", "no_place"}, [
        (h.rule, h.reason) for h in held
    ]
    honest = sorted(h.id for h in held if h.device != "坏村")
    hostile = sorted(h.id for h in held if h.device == "坏村")
    assert len(honest) >= 4 and hostile
    county = _enrolled(hub, tmp_path, "县人社局", "520502", Role.COUNTY, "李科长")
    store = HeldChanges(hub.ledger.db)

    def statuses() -> set[str]:
        return {store.get(i).status for i in honest + hostile}

    try:
        with _days_on(2):
            # A village device may not: refused by its role, before its body is read.
            village = devices[0]
            with pytest.raises(SyncError, match="县级"):
                rejudge_held(village, server.url, "村0员")
            header = header_for(village, "村0", _body(), path=PATH)
            status, answer = post(server.url, _body(), {httpauth.HEADER: header}, path=PATH)
            assert (status, answer["error"]) == (403, "role"), answer
            # Unsigned, signed by a stranger's key as the county device, or by the village
            # as the county device: not the county's.
            assert post(server.url, _body(), {}, path=PATH)[0] == 401
            stranger = crypto.KeyPair.generate().sign_secret
            forged = header_for(None, "县人社局", _body(), path=PATH, secret=stranger)
            assert post(server.url, _body(), {httpauth.HEADER: forged}, path=PATH)[0] == 401
            posing = header_for(village, "县人社局", _body(), path=PATH)
            assert post(server.url, _body(), {httpauth.HEADER: posing}, path=PATH)[0] == 401
            # Signed for an accept, sent here; signed over one body, another sent.
            other = header_for(county, "县人社局", _body(), path="/v1/held/accept")
            assert post(server.url, _body(), {httpauth.HEADER: other}, path=PATH)[0] == 401
            signed = header_for(county, "县人社局", _body("王科长"), path=PATH)
            status, answer = post(server.url, _body(), {httpauth.HEADER: signed}, path=PATH)
            assert (status, answer["error"]) == (400, "tampered")
            for bad_body, code in ((b"[1]", "malformed"), (_body(""), "reviewer")):
                header = header_for(county, "县人社局", bad_body, path=PATH)
                status, answer = post(server.url, bad_body, {httpauth.HEADER: header}, path=PATH)
                assert (status, answer["error"]) == (400, code), bad_body
            assert statuses() == {"held"}
        with _days_on(200):  # the hub's clock put too far: every stamp would look in time
            with pytest.raises(
                SyncError, match="中心的时钟快了.*改对之前不能按中心的时钟重新核对"
            ) as ahead:
                rejudge_held(county, server.url, "李科长")
            assert "有效签名" not in str(ahead.value)  # the hub's own words, signed
            # … sent as their sentence too: the county desktop says them in English.
            said = ahead.value.said
            assert said is not None and said.template == client.REQUEST_REFUSED, said
            words = said.parts[1]
            assert isinstance(words, Sentence), words
            assert words.template == rejected.NOT_REJUDGED_AHEAD, words
            english = _in_english(ahead.value)
            assert english.startswith(
                "The county hub did not check the held changes again: The county hub computer's"
                " date may be wrong: compared with the changes 3 devices synced most recently,"
                " the hub's clock is about "
            ), english
            assert english.endswith(
                ". Until it is put right, the held changes cannot be checked again by the hub's"
                " clock"
            ), english
            assert not re.search(r"[\u4e00-\u9fff]", english), english
            assert statuses() == {"held"}
        with _days_on(2):  # the date put right
            done = rejudge_held(county, server.url, "李科长")
    finally:
        county.close()
    assert done["accepted"] == honest and done["refused"] == [], done
    assert done["still_ahead"] == [i for i in hostile if store.get(i).rule == "stamped_ahead"]
    # The month-ahead village's people wait on its household, still held: said as waiting.
    assert done["waiting"] == [i for i in hostile if store.get(i).rule == "no_place"], done
    assert done["waiting"] and sorted(done["still_ahead"] + done["waiting"]) == sorted(hostile)
    for held_id in honest:
        decided = store.get(held_id)
        assert decided.status == "accepted" and decided.decided_by == "李科长@县人社局"
        assert decided.decision == rejected.REJUDGED
        # … the program's own decision, said as its sentence where a window reads it back.
        recorded = rejected.decision_said(decided.decision)
        assert isinstance(recorded, Sentence) and recorded.template == rejected.REJUDGED
        assert str(recorded) == "中心电脑的时钟改对后按同样的规定重新核对：可以收下，接受"
    assert _shown_in_english(recorded) == (
        "Checked again by the same rules once the county hub computer's clock was put right: "
        "it may be taken, accepted"
    )
    assert rejected.decision_said("乱写的备注") == "乱写的备注"  # a reviewer's words as written
    assert {store.get(i).status for i in hostile} == {"held"}
    rows = hub.ledger.db.execute("SELECT updated_by FROM persons WHERE name = '李0'").fetchall()
    assert len(rows) == 2 and all(r[0].startswith("李科长＠县人社局（接受") for r in rows), rows
