"""The county's desktop only asks its hub and decides (各设备同步情况, 等待县里审核的修改,
接受/不予采纳): it never imports an answer bundle, so it never learned the hub's clock, and a
county laptop whose date ran days ahead or behind was told nothing while it accepted held
changes under that date. The hub's signed answers to those requests now carry its clock
(`hub_time`, inside what it signs), and the desktop notes it as a device notes its answers
(`services.clock`); an answer not signed for its request teaches it nothing.

A real hub on loopback; the clock moved with time_machine as in test_clock_told.py."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
import time_machine

from fieldapp.domain.dates import CHINA
from fieldapp.services import clock
from fieldapp.sync import httpauth
from fieldapp.sync.client import county_status, held_changes
from fieldapp.sync.errors import SyncError
from tests.hub import test_forged_health as forged_health
from tests.hub.httpkit import relay
from tests.hub.test_forged_answer import county  # noqa: F401 - fixture

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


def _moved(days: float) -> time_machine.travel:
    return time_machine.travel(dt.datetime.now(CHINA) + dt.timedelta(days=days), tick=True)


class _Middle(forged_health._Middle):
    """Passes everything; `mode` sets the status answer's `hub_time` ten days on."""

    def _hub(self, method, body, headers):  # noqa: ANN001, ANN202
        status, got, said = super()._hub(method, body, headers)
        if self.path.startswith("/v1/status") and self.mode != "pass":
            later = dt.datetime.now(CHINA) + dt.timedelta(days=10)
            said = json.dumps(json.loads(said) | {"hub_time": later.isoformat()}).encode()
            if self.mode == "unsigned":
                got.pop(httpauth.ANSWER_HEADER.lower(), None)
        return status, got, said


@pytest.fixture
def middle(server) -> Iterator[type[_Middle]]:  # noqa: ANN001
    handler = type("Middle", (_Middle,), {"hub_url": server.url, "mode": "pass"})
    with relay(handler):
        yield handler


def test_the_county_desktop_learns_the_hubs_clock_from_its_answers(server, county):  # noqa: ANN001, F811
    assert clock.read(county) is None
    assert county_status(county, server.url)["devices"] is not None
    reading = clock.read(county)
    assert reading is not None and reading.fresh
    assert clock.warning(county) == ""
    with _moved(3):  # the county laptop's date moved after the answer
        assert clock.warning(county).startswith("本机日期比县里快了约3天")
    county.set_meta(clock.META_KEY, "")
    held_changes(county, server.url)  # the listing says it as well
    assert clock.read(county) is not None


@pytest.mark.parametrize("mode", ["unsigned", "hub_signed_other_body"])
def test_a_clock_in_an_answer_not_signed_for_it_is_not_taken(middle, county, mode):  # noqa: ANN001, F811
    middle.mode = mode
    with pytest.raises(SyncError):
        county_status(county, middle.url)  # type: ignore[attr-defined]
    assert clock.read(county) is None and clock.warning(county) == ""
