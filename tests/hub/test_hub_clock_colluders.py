"""Three colluding devices against a hub that doubts its clock as behind (`hub.own_clock`).

While it doubts, the hub judges stamps ahead (`stamped_ahead`, `numbered_ahead`), claim dates
(`claim_future`) and its own clock's following (`HybridClock.observe`) against the time its
evidence vouches for: the third-newest of its devices' newest changes (`own_clock.vouched`).
Three devices that collude are three: each round each stamps a change a day ahead of that time,
which the hub takes, and the time walked on a day a round — in a few hundred rounds (a script,
minutes) a year ahead, where every claim of the year is not "yet to come" and every change they
stamp beats everyone's. The time vouched for is now bounded by where it started when the hub
first vouched and how far its own clock has run since (it runs true after a reset), plus a
day. Against a right clock they are held and make no doubt; a hub that ran a year ahead while
they wrote at its year doubts its good clock once put right, and the clerk's `hub clock
--confirm` sets their year aside. The changes are hand-built, validly signed
(`tests.sync.hostile`).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.domain.models import Household
from fieldapp.hub import own_clock
from fieldapp.hub.folder import Hub
from fieldapp.services import clock, households
from fieldapp.services.actor import actor_of
from fieldapp.store.hlc import format_stamp
from fieldapp.store.hub_state import HIGHEST, HubLog
from fieldapp.sync.client import health
from fieldapp.sync.exchange import export_bundle
from tests.helpers.hub_clock import YEAR_DAYS, _devices_synced, _real_time, device_area
from tests.hub.httpkit import hub_serve
from tests.sync.hostile import forge, send

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

DAY = own_clock.DAY_MS


def test_three_colluding_devices_cannot_walk_the_vouched_time_ahead(
    hub: Hub,
    make_device,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    with _real_time():
        devices = _devices_synced(hub, make_device, tmp_path, own_clock.DEVICES)
        real = int(time.time() * 1000)  # the county's real time
    homes = [str(d.db.execute("SELECT id FROM households").fetchone()[0]) for d in devices]
    start = own_clock.vouched(hub.ledger)
    assert start is not None and abs(start - real) < DAY, (start, real)
    for step in range(6):
        now = own_clock.vouched(hub.ledger)
        assert now is not None
        for n, device in enumerate(devices):
            ahead = format_stamp(now + DAY - 1000, 0)  # as far as the hub takes, each round
            forge(device, "households", homes[n], {"notes": f"第{step}轮"}, hlc=ahead)
            hub.import_file(send(device, tmp_path / f"round{step}-{n}.fs").path)
    walked = own_clock.vouched(hub.ledger)
    assert walked is not None and walked <= real + 2 * DAY, (walked - real) / DAY
    # A change stamped five days after the county's real time is held, as it was before.
    forge(
        devices[0], "households", homes[0], {"notes": "五天后"}, hlc=format_stamp(real + 5 * DAY, 0)
    )
    hub.import_file(send(devices[0], tmp_path / "five.fs").path)
    held = [h.change.data.get("notes") for h in hub.rejected() if h.rule == "stamped_ahead"]
    assert "五天后" in held, [(h.rule, h.reason) for h in hub.rejected()]


def test_three_colluding_devices_a_year_ahead_do_not_make_a_right_clock_doubted(
    hub: Hub,
    make_device,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """The hub's clock right: their stamps a year ahead are held (`stamped_ahead`), and what it
    holds is no evidence of the time (`own_clock._newest_serving` reads what it took): it does
    not doubt its clock, so it still tells it, and vouches for no time."""
    devices = _devices_synced(hub, make_device, tmp_path, own_clock.DEVICES)
    year = int(time.time() * 1000) + 365 * DAY
    for n, device in enumerate(devices):
        home = str(device.db.execute("SELECT id FROM households").fetchone()[0])
        forge(device, "households", home, {"notes": "一年后"}, hlc=format_stamp(year, 0))
        hub.import_file(send(device, tmp_path / f"year{n}.fs").path)
    held = {h.device for h in hub.rejected() if h.rule == "stamped_ahead"}
    assert len(held) == own_clock.DEVICES, [(h.rule, h.reason) for h in hub.rejected()]
    assert own_clock.check(hub.ledger) is None
    assert own_clock.vouched(hub.ledger) is None


def test_the_clerks_confirm_sets_aside_the_devices_of_a_year_the_hub_ran_ahead(
    hub: Hub,
    make_device,  # noqa: ANN001
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The hub's clock ran a year ahead for a while, and three devices wrote at its wrong
    year (colluding, or set to it); put right, the hub doubted its good clock on their word and
    judged every stamp against their year: a change stamped a year on was taken. The clerk who
    checked the clock confirms it (`hub clock --confirm`): the doubt is still said (the hub
    still tells no device its clock), but their year vouches no more — such a change is held."""
    with _real_time():  # the hub's clock a year ahead, the devices at its time
        devices = _devices_synced(hub, make_device, tmp_path, own_clock.DEVICES)
        ahead = int(time.time() * 1000)
    homes = [str(d.db.execute("SELECT id FROM households").fetchone()[0]) for d in devices]
    doubt = own_clock.check(hub.ledger)
    assert doubt is not None and doubt.devices == own_clock.DEVICES, doubt
    before = own_clock.vouched(hub.ledger)
    assert before is not None and before >= ahead - DAY, before
    forge(devices[0], "households", homes[0], {"notes": "先"}, hlc=format_stamp(ahead, 0))
    assert hub.import_file(send(devices[0], tmp_path / "taken.fs").path).held == 0
    hub.close()
    assert main(["hub", "clock", "--dir", str(hub.root), "--confirm"]) == 1
    err = capsys.readouterr().err
    assert "中心的时钟慢了约 365 天" in err and own_clock.DISMISSED_SAID in err, err
    again = Hub.open(hub.root)
    try:
        assert own_clock.check(again.ledger) is not None  # still said
        assert own_clock.vouched(again.ledger) is None
        later = format_stamp(ahead + 1000, 0)
        forge(devices[1], "households", homes[1], {"notes": "后"}, hlc=later)
        assert again.import_file(send(devices[1], tmp_path / "held.fs").path).held == 1
        assert [h.rule for h in again.rejected()] == ["stamped_ahead"]
    finally:
        again.close()


def test_colluders_who_step_back_to_a_wrong_clock_do_not_end_its_doubt(
    hub: Hub,
    make_device,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """The hub's battery died: its clock reads a year back, and its devices' changes say so —
    it doubts its clock, tells no device its time, and takes the villages' changes of today
    (judged against the time they vouch for). Three colluding devices each send one change
    stamped in the past, at the hub's wrong clock (a stamp in the past is taken: it merely
    loses to what is newer). A device's evidence was its latest change's stamp, so theirs fell
    back a year: fewer than three devices said the hub was behind, its doubt ended, it told every
    laptop its wrong date (each of the county's honest ones a year "fast": new writes refused)
    and held every honest change of today as stamped a year ahead. A device's evidence is now
    the latest stamp the hub ever took from it (`HubLog.raise_stamps`): stepping back lowers
    nothing, the doubt stays, the honest village's change of today is taken and it is told no
    wrong time."""
    with _real_time():
        devices = _devices_synced(hub, make_device, tmp_path, own_clock.DEVICES + 2)
        real = int(time.time() * 1000)
    colluders, honest = devices[: own_clock.DEVICES], devices[own_clock.DEVICES :]
    doubt = own_clock.check(hub.ledger)
    assert doubt is not None and doubt.days == -YEAR_DAYS, doubt
    for n, device in enumerate(colluders):
        home = str(device.db.execute("SELECT id FROM households").fetchone()[0])
        back = format_stamp(int(time.time() * 1000), 0)  # the hub's wrong clock: a year back
        forge(device, "households", home, {"notes": "退回中心的时间"}, hlc=back)
        assert hub.import_file(send(device, tmp_path / f"back{n}.fs").path).held == 0
    doubt = own_clock.check(hub.ledger)
    assert doubt is not None and doubt.days == -YEAR_DAYS, doubt
    vouched = own_clock.vouched(hub.ledger)
    assert vouched is not None and abs(vouched - real) < DAY, vouched
    village = honest[0]
    with _real_time():  # the honest village's work of today, taken by the hub a year back
        households.save(village, actor_of(village), Household(area_code=device_area(village)))
        today = export_bundle(village, tmp_path / "today.fs").path
    taken = hub.import_file(today)
    assert taken.held == 0, [(h.rule, h.reason) for h in hub.rejected()]
    hub.close()
    with hub_serve(hub.root) as url, _real_time():  # the service: it tells no wrong time
        assert "hub_time" not in health(url, ledger=village)
        assert clock.warning(village) == ""


def test_a_hub_that_kept_no_highest_stamps_yet_starts_from_their_latest(
    hub: Hub,
    make_device,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """A hub upgraded with its devices' changes in its log but no highest stamp kept: each
    device's first import after starts from its latest change's stamp, so stepping back in
    that first bundle lowers nothing either."""
    with _real_time():
        devices = _devices_synced(hub, make_device, tmp_path, own_clock.DEVICES)
    with hub.ledger.transaction():  # as before this program kept them
        hub.ledger.db.execute("DELETE FROM meta WHERE key LIKE ?", [HIGHEST + "%"])
    before = HubLog(hub.ledger.db).newest_stamps()
    for n, device in enumerate(devices):
        home = str(device.db.execute("SELECT id FROM households").fetchone()[0])
        forge(
            device,
            "households",
            home,
            {"notes": "退回"},
            hlc=format_stamp(int(time.time() * 1000), 0),
        )
        assert hub.import_file(send(device, tmp_path / f"back{n}.fs").path).held == 0
    assert HubLog(hub.ledger.db).newest_stamps() == before
    doubt = own_clock.check(hub.ledger)
    assert doubt is not None and doubt.days == -YEAR_DAYS, doubt
