"""The county desktop's queries and decisions (各设备同步情况, 等待县里审核的修改, 接受/不予采纳,
重新核对) refused for the county laptop's own standing said the hub's Chinese words after
中心没有给出…: a revoked laptop read no way back, one whose date was off read nothing of by how
much — while the same refusals of an upload were said in the device's own words, in the
language shown (`client.refused_upload`). They now share them (`client.refused_request`), and
a stale refusal's signed clock is noted as an upload's is (`services.clock`).

A real hub on loopback (in its own process for the clock, moved with time_machine)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from fieldapp.domain.dates import CHINA
from fieldapp.domain.roles import Role
from fieldapp.domain.sentences import Sentence
from fieldapp.services import clock
from fieldapp.store.ledger import Ledger
from fieldapp.sync import client
from fieldapp.sync.client import (
    CLOCK_OFF,
    REVOKED_AT,
    county_status,
    decide_held,
    held_changes,
    rejudge_held,
)
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.errors import SyncError
from tests.codes import ENROL_CODE
from tests.english import in_english
from tests.hub.httpkit import hub_serve
from tests.hub.test_forged_answer import county  # noqa: F401 - fixture

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

ASKS = {
    "status": lambda ledger, url: county_status(ledger, url),
    "held": lambda ledger, url: held_changes(ledger, url),
    "decide": lambda ledger, url: decide_held(ledger, url, 1, False, "李科长", "不对"),
    "rejudge": lambda ledger, url: rejudge_held(ledger, url, "李科长"),
}


@pytest.mark.parametrize("ask", sorted(ASKS))
def test_a_revoked_county_laptop_is_told_the_way_back(server, hub, county, ask):  # noqa: ANN001, F811
    hub.revoke("县人社局", by="县里的科员")
    with pytest.raises(SyncError) as refused:
        ASKS[ask](county, server.url)
    said = str(refused.value)
    assert refused.value.said is not None and refused.value.said.template == REVOKED_AT, said
    assert said.startswith("县里已于 20") and "（县人社局）" in said and "重新登记" in said, said
    assert "中心没有" not in said, said


def test_a_county_laptop_whose_date_is_off_is_told_and_learns_by_how_much(hub, county):  # noqa: ANN001, F811
    hub.close()
    with hub_serve(hub.root) as url:
        assert clock.read(county) is None  # never asked: the refusal is all it hears
        moved = dt.datetime.now(CHINA) + dt.timedelta(days=3)
        with time_machine.travel(moved, tick=True):
            with pytest.raises(SyncError) as refused:
                county_status(county, url)
            said = str(refused.value)
            assert refused.value.said is not None and refused.value.said.template == CLOCK_OFF
            assert "中心没有给出" not in said, said
            assert "快了约3天" in clock.warning(county), clock.warning(county)


#: The templates of a query or decision refused for a reason the device has no words of its
#: own for (`client.REQUEST_REFUSED`), said by the test below (for
#: `test_every_template_is_met_by_a_scenario`).
SAID_HERE = {
    client.REQUEST_REFUSED,
    client.STATUS_NOT_GIVEN,
    client.HELD_NOT_GIVEN,
    client.ACCEPT_NOT_RECORDED,
    client.DISMISS_NOT_RECORDED,
    client.NOT_REJUDGED,
}


def _refused(ask) -> SyncError:  # noqa: ANN001
    with pytest.raises(SyncError) as refused:
        ask()
    return refused.value


def test_a_query_or_decision_the_hub_refuses_is_said_in_the_window_s_language(  # noqa: PLR0913
    server,
    hub,
    county,  # noqa: F811
    tmp_path,
    qapp,  # noqa: ANN001
):
    """Refused for a reason only the hub knows (a village laptop asking the county's lists, a
    held change not there, a status the hub does not list), the refusal was text: the held
    review's stop reason said 中心没有记下这次不予采纳：… in the English window. Now what did not
    happen is the device's sentence, in the language shown, and the hub's words follow it."""
    from fieldapp.ui.held_words import sentence_shown

    folder = tmp_path / "village"
    folder.mkdir()
    village = Ledger.open(folder / "ledger.db", author="王会计")
    hub.enroll(
        "红星村",
        "520502101001",
        folder / "enrol.json",
        Role.COORDINATOR,
        code=ENROL_CODE,
        by="科员",
    )
    enrol(village, folder / "enrol.json", code=ENROL_CODE)
    url = server.url
    try:
        refusals = {
            client.STATUS_NOT_GIVEN: _refused(lambda: county_status(village, url)),
            client.NOT_REJUDGED: _refused(lambda: rejudge_held(village, url, "王会计")),
            client.HELD_NOT_GIVEN: _refused(lambda: held_changes(county, url, status="其他")),
            client.ACCEPT_NOT_RECORDED: _refused(
                lambda: decide_held(county, url, 999, True, "李科长")
            ),
            client.DISMISS_NOT_RECORDED: _refused(
                lambda: decide_held(county, url, 999, False, "李科长", "不对")
            ),
        }
    finally:
        village.close()
    shown: dict[str, str] = {}
    with in_english():
        for failed, refused in refusals.items():
            said = refused.said
            assert isinstance(said, Sentence), str(refused)
            assert said.template == client.REQUEST_REFUSED
            opening, words = said.parts
            assert isinstance(opening, Sentence) and opening.template == failed
            # the hub's own words, as it said them (a decision's as its sentence, said by
            # tests.hub.test_held_decision_refusals_said)
            assert isinstance(words, str | Sentence) and str(words)
            assert str(refused) == f"{failed}：{words}"  # the Chinese as before
            shown[failed] = sentence_shown(said)
    assert shown[client.DISMISS_NOT_RECORDED].startswith(
        "The county hub did not record this dismissal: "
    ), shown
    # (the hub's refusal of a village asking, said as its sentence: tests.hub.
    # test_hub_request_refusals_said)
    assert shown[client.STATUS_NOT_GIVEN] == (
        "The county hub did not give the devices' state: "
        "Only a county device can see how each device syncs"
    ), shown
    for failed, text in shown.items():
        assert failed not in text, text
