"""A county hub whose own clock is wrong (its mainboard battery died: the date went back a year)
told every device its date was wrong: each laptop refused new writes (`services.clock`), one bad
machine locking the county out of its ledger. The hub now checks its clock against what it
holds (`hub.own_clock`): the time it saw last, and the newest changes of distinct devices.
While in doubt it says so (health, status, its terminal) and tells no device its clock.

The hub runs in a process of its own with the real clock; the county's "real" time is moved a
year ahead in this process (time_machine), where the devices and the hub's earlier days live.
"""

from __future__ import annotations

import datetime as dt
import json
import urllib.request

import pytest
import time_machine

from fieldapp.cli.main import main
from fieldapp.domain.dates import CHINA
from fieldapp.domain.models import Household
from fieldapp.hub import own_clock
from fieldapp.hub.server import HubService
from fieldapp.services import clock, households
from fieldapp.services.actor import actor_of
from fieldapp.sync.client import health, push
from fieldapp.sync.errors import HubRefused
from fieldapp.sync.exchange import import_bundle
from tests.helpers.hub_clock import YEAR_DAYS, _devices_synced, _real_time, device_area
from tests.hub.httpkit import hub_serve
from tests.sync.helpers import VILLAGE

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

DAY = own_clock.DAY_MS


def _households(device) -> int:  # noqa: ANN001
    return int(device.db.execute("SELECT count(*) FROM households").fetchone()[0])


def test_a_hub_clock_reset_a_year_back_locks_no_device(hub, make_device, tmp_path):  # noqa: ANN001
    with _real_time():
        devices = _devices_synced(hub, make_device, tmp_path, own_clock.DEVICES)
    hub.close()
    log = tmp_path / "serve.log"
    with hub_serve(hub.root, output=log) as url:
        said = json.loads(urllib.request.urlopen(url + "v1/health", timeout=10).read())
        doubt = said["clock_doubt"]
        assert doubt["days"] == -YEAR_DAYS, doubt
        assert doubt["said"].startswith(
            f"中心电脑的日期可能不对：与 {own_clock.DEVICES} 台设备最近同步来的修改时间对照，"
            f"中心的时钟慢了约 {YEAR_DAYS} 天。"
        ), doubt
        with _real_time():
            device = devices[0]
            # Its signed health answer gives no clock; the exchange is refused for the time,
            # in words that blame the hub's clock, and the refusal gives no clock either.
            assert "hub_time" not in health(url, ledger=device)
            with pytest.raises(HubRefused) as refused:
                push(device, url)
            assert "多半是中心电脑的日期不对" in str(refused.value), refused.value
            assert clock.read(device) is None
            assert clock.warning(device) == ""
            households.save(device, actor_of(device), Household(area_code=device_area(device)))
            assert _households(device) == 2  # the write went in
    out = log.read_text(encoding="utf-8")
    assert "警告：中心电脑的日期可能不对" in out, out


def test_two_devices_ahead_do_not_make_the_hub_doubt_its_clock(hub, make_device, tmp_path):  # noqa: ANN001
    """Devices counted, not changes: fewer than `DEVICES` devices whose changes the hub took
    a year ahead (a hostile one, or two) leave it sure of its clock, and it tells it."""
    with _real_time():
        _devices_synced(hub, make_device, tmp_path, own_clock.DEVICES - 1)
    assert own_clock.check(hub.ledger) is None
    late = make_device("迟到村", VILLAGE)
    hub.close()
    with hub_serve(hub.root) as url:
        said = json.loads(urllib.request.urlopen(url + "v1/health", timeout=10).read())
        assert "clock_doubt" not in said
        assert "hub_time" in health(url, ledger=late)
        assert clock.read(late) is not None and clock.warning(late) == ""


def test_revoked_devices_do_not_count(hub, make_device, tmp_path):  # noqa: ANN001
    """A county that replaced its laptops: the old ones, revoked, wrote nothing for months;
    two devices in service are too few to doubt the hub's clock, the revoked ones add none."""
    _devices_synced(hub, make_device, tmp_path, own_clock.DEVICES)
    later = dt.datetime.now(CHINA) + dt.timedelta(days=200)
    with time_machine.travel(later, tick=True):
        assert own_clock.check(hub.ledger) is not None  # all quiet for 200 days: ahead?
        hub.revoke("村0", by="县里的科员")
        assert own_clock.check(hub.ledger) is None


def test_a_hub_clock_that_went_back_is_doubted_on_its_own_word(hub, tmp_path):  # noqa: ANN001
    """No device yet: the time the hub's clock read while it served a year later is enough."""
    with _real_time():
        HubService(hub.root).close()  # served a while: it remembers what its clock read
    doubt = own_clock.check(hub.ledger)
    assert doubt is not None and (doubt.days, doubt.devices) == (-YEAR_DAYS, 0), doubt


def test_a_hub_clock_a_year_ahead_writes_no_future_on_its_stick_answers(hub, make_device, tmp_path):  # noqa: ANN001
    """A hub a year ahead wrote that date in each answer (`created_at`): every village that
    imported one from a stick was told its date was a year behind, and locked. While the hub
    doubts its clock it writes a time surely past instead (the devices' newest changes)."""
    devices = _devices_synced(hub, make_device, tmp_path, own_clock.DEVICES)
    with time_machine.travel(dt.datetime.now(CHINA) + dt.timedelta(days=YEAR_DAYS), tick=True):
        doubt = own_clock.check(hub.ledger)
        assert doubt is not None and doubt.days == YEAR_DAYS, doubt
        answer = hub.export_for("村0", tmp_path / "down.fs").path
    device = devices[0]
    import_bundle(device, answer)
    assert clock.warning(device) == ""
    households.save(device, actor_of(device), Household(area_code=device_area(device)))
    assert _households(device) == 2


def test_hub_devices_warns_first_when_the_hub_doubts_its_clock(hub, capsys):  # noqa: ANN001
    with _real_time():
        HubService(hub.root).close()
    hub.close()
    assert main(["hub", "devices", "--dir", str(hub.root)]) == 0
    err = capsys.readouterr().err
    assert (
        f"警告：中心电脑的日期可能不对：与中心上次运行时记下的时间对照，中心的时钟慢了约 {YEAR_DAYS} 天"
        in err
    ), err


def test_the_clerk_confirms_the_hubs_clock_after_a_doubt_on_its_own_word(hub, capsys):  # noqa: ANN001
    """The hub's clock ran a year ahead for a while (no three devices to tell) and was put
    right: the hub doubted its good clock on its own earlier reading for that year. The
    clerk who checked the date says so (`hub clock --confirm`); devices' word would still count."""
    with _real_time():
        HubService(hub.root).close()
    hub.close()
    assert main(["hub", "clock", "--dir", str(hub.root)]) == 1
    err = capsys.readouterr().err
    assert "中心的时钟慢了约 365 天" in err and "hub clock --dir 中心文件夹 --confirm" in err, err
    assert main(["hub", "clock", "--dir", str(hub.root), "--confirm"]) == 0
    assert "照常告诉各设备" in capsys.readouterr().out
    assert main(["hub", "clock", "--dir", str(hub.root)]) == 0


def test_the_judgement(backend: str) -> None:  # noqa: ARG001 - one run
    now = 1_800_000_000_000
    year = 365 * DAY
    assert own_clock.judge(now, now - DAY, []) is None
    assert own_clock.judge(now, 0, [now + year] * 2) is None  # two devices: not enough
    assert own_clock.judge(now, 0, [now + year] * 3) == own_clock.Doubt(-365, 3, now)
    assert own_clock.judge(now, 0, [now + year, now + year, now - DAY]) is None
    # Every device quiet for more than `QUIET_MS`: the hub's clock is most likely ahead.
    assert own_clock.judge(now, 0, [now - year] * 3) == own_clock.Doubt(365, 3, now - year)
    # One device stamped near the hub's clock (a hostile one, under it) does not lift it.
    assert own_clock.judge(now, 0, [now, now - year, now - year]) == own_clock.Doubt(
        365, 2, now - year
    )
