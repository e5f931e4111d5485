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
from fieldapp.services import clock
from fieldapp.sync.client import (
    CLOCK_OFF,
    REVOKED_AT,
    county_status,
    decide_held,
    held_changes,
    rejudge_held,
)
from fieldapp.sync.errors import SyncError
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
