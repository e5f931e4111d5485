"""A relay on the village's network (a plain http:// hub) keeps the hub's answer to one 同步
and tells the laptop the sync failed; days later it hands that answer back as the answer to
the next 同步. The answer is the hub's, signed and never imported, so the laptop imports it —
and noted its days-old time as the hub's clock now: an honest laptop was judged days ahead
and refused every write (the village locked out of its own ledger, offline too).

An exchange's answer is bound to no request, so its time is now taken as the hub's clock now
only when it is no earlier than what the hub's health answer, signed for this very request,
said a moment before; otherwise it says only that the hub's clock was at least that far on.
A real hub on loopback, a real relay; the clock moved with time_machine."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import time_machine

from fieldapp.domain.dates import CHINA
from fieldapp.domain.models import Household
from fieldapp.services import clock, households
from fieldapp.services.actor import actor_of
from fieldapp.sync.client import push
from fieldapp.sync.errors import SyncError
from tests.hub import test_forged_health as forged_health
from tests.hub.httpkit import relay
from tests.sync.helpers import VILLAGE, add_family

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


class _Keeper(forged_health._Middle):
    """Passes every request (health's answer as it is); `exchange` — `keep`: an exchange's
    answer is kept and the laptop told 502; `replay`: the exchange is not passed on, the kept
    answer given instead."""

    exchange = "pass"
    kept: list[tuple[int, dict[str, str], bytes]] = []

    def _hub(self, method, body, headers):  # noqa: ANN001, ANN202
        if not self.path.startswith("/v1/exchange") or self.exchange == "pass":
            return super()._hub(method, body, headers)
        if self.exchange == "keep":
            self.kept.append(super()._hub(method, body, headers))
            return 502, {"content-type": "text/plain"}, b"bad gateway"
        return self.kept[0]


@pytest.fixture
def keeper(server) -> Iterator[type[_Keeper]]:  # noqa: ANN001
    handler = type("Keeper", (_Keeper,), {"hub_url": server.url, "mode": "pass", "kept": []})
    with relay(handler):
        yield handler


def test_an_answer_kept_back_for_days_does_not_lock_an_honest_laptop_out(keeper, make_device):  # noqa: ANN001
    device = make_device("大坝村", VILLAGE)
    add_family(device, VILLAGE, ["101"])
    keeper.exchange = "keep"
    with time_machine.travel(dt.datetime.now(CHINA) - dt.timedelta(days=3), tick=True):
        with pytest.raises(SyncError):
            push(device, keeper.url)  # type: ignore[attr-defined]
    assert keeper.kept and keeper.kept[0][0] == 200
    keeper.exchange = "replay"
    push(device, keeper.url)  # type: ignore[attr-defined]  (the old answer imported)
    assert clock.warning(device) == ""
    households.save(device, actor_of(device), Household(area_code=VILLAGE, address="二组"))
    # What the hub's signed health answer said stays the reading: a date moved on is told.
    with time_machine.travel(dt.datetime.now(CHINA) + dt.timedelta(days=3), tick=True):
        assert clock.warning(device).startswith("本机日期比县里快了约3天")


def test_an_answer_given_at_once_is_still_the_hubs_clock_now(keeper, make_device):  # noqa: ANN001
    device = make_device("大坝村", VILLAGE)
    push(device, keeper.url)  # type: ignore[attr-defined]
    reading = clock.read(device)
    assert reading is not None and reading.fresh
    with time_machine.travel(dt.datetime.now(CHINA) + dt.timedelta(days=3), tick=True):
        assert clock.warning(device).startswith("本机日期比县里快了约3天")
