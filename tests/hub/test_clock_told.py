"""A laptop whose date is set ahead stamps every change ahead: the hub holds each one
(`stamped_ahead`) until real time catches up, and the coordinator learned of it only once the
county reviewed. The device now remembers, from each answer of its hub, the hub's clock
against its own (`services.clock`); while its date runs more than a day from what the hub's
clock now reads, it says so in Chinese, and the write door refuses new writes with those
words (nothing is written, so nothing is lost) until the date is right again.

The clock is moved the way the other tests move it (time_machine); the hub is a real one on
loopback, the answer a real signed bundle."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from fieldapp.domain.dates import CHINA
from fieldapp.domain.models import Household
from fieldapp.services import clock, households
from fieldapp.services.actor import actor_of
from fieldapp.sync.client import push
from fieldapp.sync.errors import HubRefused
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.hub.httpkit import hub_serve
from tests.sync.helpers import VILLAGE, add_family

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


def _households(device) -> int:  # noqa: ANN001
    return int(device.db.execute("SELECT count(*) FROM households").fetchone()[0])


def _moved(days: float) -> time_machine.travel:
    return time_machine.travel(dt.datetime.now(CHINA) + dt.timedelta(days=days), tick=True)


def test_an_honest_clock_is_not_told_and_writes(server, make_device):  # noqa: ANN001
    device = make_device("大坝村", VILLAGE)
    add_family(device, VILLAGE, ["101"])
    push(device, server.url)
    assert clock.read(device) is not None and clock.read(device).fresh
    assert clock.warning(device) == ""
    with _moved(0.5):  # half a day off: within what the hub follows
        assert clock.warning(device) == ""
    households.save(device, actor_of(device), Household(area_code=VILLAGE, address="二组"))
    assert _households(device) == 2


def test_a_date_moved_ahead_after_an_answer_is_told_and_writes_wait(server, make_device):  # noqa: ANN001
    device = make_device("大坝村", VILLAGE)
    add_family(device, VILLAGE, ["101"])
    push(device, server.url)
    with _moved(3):
        said = clock.warning(device)
        assert said == (
            "本机日期比县里快了约3天。请右键点屏幕右下角的时间，选“调整日期/时间”，把日期改对；"
            "改对之前本机不能保存修改（否则记下的事项会被县里暂扣）。"
        ), said
        with pytest.raises(clock.ClockWrong) as refused:
            households.save(device, actor_of(device), Household(area_code=VILLAGE, address="二组"))
        assert str(refused.value) == said and refused.value.days == 3
        assert _households(device) == 1  # nothing written
    # The date put right: told nothing, and the same write goes in.
    assert clock.warning(device) == ""
    households.save(device, actor_of(device), Household(area_code=VILLAGE, address="二组"))
    assert _households(device) == 2


def test_a_date_moved_far_behind_is_told_too(server, make_device):  # noqa: ANN001
    device = make_device("大坝村", VILLAGE)
    push(device, server.url)
    with _moved(-40):
        said = clock.warning(device)
        assert said.startswith("本机日期比县里慢了约40天。请右键点屏幕右下角的时间"), said
        with pytest.raises(clock.ClockWrong):
            households.save(device, actor_of(device), Household(area_code=VILLAGE, address="二组"))


def test_a_stick_answer_carried_for_days_does_not_say_the_laptop_is_ahead(
    hub, make_device, tmp_path
):  # noqa: ANN001
    """An answer carried on a stick may have waited days: it says the hub's clock was at least
    that far on (a laptop behind it is told), never that an honest laptop is ahead."""
    device = make_device("大坝村", VILLAGE)
    add_family(device, VILLAGE, ["101"])
    with _moved(-4):  # written at the county four days ago, imported today
        hub.import_file(export_bundle(device, tmp_path / "up.fs").path)
        answer = hub.export_for("大坝村", tmp_path / "down.fs").path
    import_bundle(device, answer)
    reading = clock.read(device)
    assert reading is not None and not reading.fresh
    assert clock.warning(device) == ""
    households.save(device, actor_of(device), Household(area_code=VILLAGE, address="二组"))
    with _moved(-10):  # the laptop's date set back: behind the answer it already holds
        assert clock.warning(device).startswith("本机日期比县里慢了约")


@pytest.mark.parametrize(("days", "said"), [(3, "快了约3天"), (-2, "慢了约2天")])
def test_a_sync_refused_for_the_laptops_date_says_by_how_much(
    hub, make_device, days: int, said: str
):  # noqa: ANN001
    """A laptop whose date was already wrong when it synced is refused by the hub (its request
    stamped too far from the hub's clock: `stale`). The refusal, signed for the request, now
    carries the hub's clock: the laptop says by how much it is off, and its writes wait."""
    device = make_device("大坝村", VILLAGE)
    hub.close()
    with hub_serve(hub.root) as url:
        assert clock.read(device) is None  # never synced: the refusal is all it hears
        with _moved(days):
            with pytest.raises(HubRefused) as refused:
                push(device, url)
            assert "时间与中心相差太多" in str(refused.value)
            assert said in clock.warning(device), clock.warning(device)
            with pytest.raises(clock.ClockWrong):
                households.save(device, actor_of(device), Household(area_code=VILLAGE))
    assert clock.warning(device) == ""  # the date put right
