"""A hub whose clock went a year back (its mainboard battery died) held every change the
villages brought on USB sticks as stamped a year ahead of it (`stamped_ahead`), and once its
clock was put right the county had to accept them one by one. While the hub doubts its clock
as behind (`hub.own_clock`), it now judges a stamp ahead of the later of its clock and the time
its evidence vouches for: the third-newest of the newest changes it accepted from distinct
devices in service (`own_clock.vouched`) — one or two hostile devices move it not — and says so
in the reason it holds a change for. After the fix, `hub rejected --rejudge` judges the changes
held only as stamped ahead again by the same rule: those it clears are accepted as the county's,
by the clerk, the rest stay held.

As in `test_hub_clock_doubted`, the county's real time is moved a year ahead in this process
(time_machine), where the devices live; the hub imports on its own (reset) clock.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
import time_machine

from fieldapp.cli.main import main
from fieldapp.domain.dates import CHINA, today
from fieldapp.domain.numbers import HELD_KEY, row_number
from fieldapp.hub import own_clock, rejected
from fieldapp.hub.folder import Hub
from fieldapp.services.policy_admin import publish
from fieldapp.store.held import HeldChange
from fieldapp.store.hlc import HybridClock
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import SyncState
from fieldapp.sync.exchange import export_bundle
from tests.helpers.hostile_county import claim
from tests.helpers.hub_clock import YEAR_DAYS, _devices_synced, _real_time
from tests.policy.helpers import COUNTY_PACK
from tests.sync.helpers import add_family, add_job

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

MONTH_MS = 30 * own_clock.DAY_MS


def _next_bundles(devices: list[Ledger], tmp_path: Path, tag: str) -> list[Path]:
    """Each device adds a family today (the county's real time) and writes its bundle."""
    bundles = []
    for n, device in enumerate(devices):
        add_family(device, _area(device), [f"{301 + n}"], surname="李")
        bundles.append(export_bundle(device, tmp_path / f"{tag}{n}.fs").path)
    return bundles


def _area(device: Ledger) -> str:
    identity = SyncState(device.db).identity()
    assert identity is not None and identity.area_code
    return identity.area_code


def _hostile(make_device, name: str, area: str) -> Ledger:  # noqa: ANN001
    """A device whose program stamps its changes a month ahead of the real time."""
    device = make_device(name, area)
    device.clock = HybridClock(device.clock.last, now_ms=lambda: int(time.time() * 1000) + MONTH_MS)
    return device


def test_three_honest_devices_under_a_behind_hub_are_not_held(hub, make_device, tmp_path):  # noqa: ANN001
    with _real_time():
        devices = _devices_synced(hub, make_device, tmp_path, own_clock.DEVICES)
        bundles = _next_bundles(devices, tmp_path, "next")
    doubt = own_clock.check(hub.ledger)
    assert doubt is not None and doubt.days == -YEAR_DAYS, doubt
    for bundle in bundles:
        result = hub.import_file(bundle)
        assert result.held == 0, [(h.rule, h.reason) for h in hub.rejected()]
    assert hub.rejected() == []
    names = {r[0] for r in hub.ledger.db.execute("SELECT name FROM persons")}
    assert {"李0"} <= names


def test_a_claim_of_today_under_a_behind_hub_is_not_held(hub, make_device, tmp_path):  # noqa: ANN001
    """A new claim is judged by its date against the day it arrives (`claim_future`): under
    the reset clock that day was a year back too; it is now the day the evidence vouches for."""
    publish(hub.ledger, COUNTY_PACK, "county.toml")
    with _real_time():
        devices = _devices_synced(hub, make_device, tmp_path, own_clock.DEVICES)
        device = devices[0]
        mine = str(device.db.execute("SELECT id FROM persons").fetchone()[0])
        add_job(device, mine)
        with device.transaction():
            device.insert("claims", {**claim(mine, area=_area(device)), "claim_date": str(today())})
        bundle = export_bundle(device, tmp_path / "claim.fs").path
    hub.import_file(bundle)
    assert hub.rejected() == [], [(h.rule, h.reason) for h in hub.rejected()]


def test_one_or_two_hostile_devices_are_still_held_against_the_evidence(
    hub: Hub,
    make_device,  # noqa: ANN001
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with _real_time():
        _devices_synced(hub, make_device, tmp_path, own_clock.DEVICES)
        bad = [_hostile(make_device, f"坏{n}", f"5205021020{n + 1:02d}") for n in range(2)]
        bundles = _next_bundles(bad, tmp_path, "bad")
    for bundle in bundles:
        hub.import_file(bundle)
    # Taken one after the other, the first's stamps did not vouch for the second's.
    held = hub.rejected()
    ahead = [h for h in held if h.rule == "stamped_ahead"]
    assert {h.device for h in ahead} == {"坏0", "坏1"}, [(h.rule, h.reason) for h in held]
    # The rest (a family's people) wait on their household, held.
    assert {h.rule for h in held} == {"stamped_ahead", "no_place"}, [h.rule for h in held]
    for one in ahead:
        said = one.reason
        assert "各设备已同步来的修改证明的时间" in said and "中心电脑的时钟慢了" in said, said
    assert not hub.ledger.db.execute("SELECT 1 FROM persons WHERE name LIKE '李%'").fetchall()
    # The held list shows why.
    hub.close()
    assert main(["hub", "rejected", "--dir", str(hub.root)]) == 0
    assert "中心电脑的时钟慢了，所以按至少三台设备最近的修改时间来衡量" in capsys.readouterr().out


def test_rejudge_after_the_clock_is_put_right(hub, make_device, tmp_path, capsys):  # noqa: ANN001
    """Two devices are too few to vouch: their changes of today are held under the reset
    clock, as is a hostile device's a month ahead. Once the clock is right the clerk re-judges:
    the two are accepted by the clerk's name, the month-ahead one stays held."""
    publish(hub.ledger, COUNTY_PACK, "county.toml")
    with _real_time():
        devices = _devices_synced(hub, make_device, tmp_path, own_clock.DEVICES - 1)
        bad = _hostile(make_device, "坏村", "520502102001")
        mine = str(devices[0].db.execute("SELECT id FROM persons").fetchone()[0])
        add_job(devices[0], mine)  # and a claim of today for it
        with devices[0].transaction():
            made = devices[0].insert(
                "claims", {**claim(mine, area=_area(devices[0])), "claim_date": str(today())}
            )
        bundles = _next_bundles([*devices, bad], tmp_path, "next")
    for bundle in bundles:
        hub.import_file(bundle)
    held = hub.rejected()
    # Each family's household held as stamped ahead, its person waiting on it for a place;
    # the claim dated after the hub's today.
    rules = {h.rule for h in held}
    assert {"stamped_ahead", "no_place", "claim_future"} <= rules, [
        (h.rule, h.reason) for h in held
    ]
    honest = [h.id for h in held if h.device != "坏村"]
    hostile = [h.id for h in held if h.device == "坏村"]
    assert len(honest) >= 5 and hostile
    hub.close()
    with _real_time():  # the date put right
        assert main(["hub", "rejected", "--dir", str(hub.root), "--rejudge"]) == 0
    out = capsys.readouterr().out
    assert "作为县里的修改写入" in out and "照旧扣下" in out, out
    # The hostile family's people wait on its household, still held: counted and said.
    waits = [h.id for h in held if h.device == "坏村" and h.rule == "no_place"]
    assert waits and "等位置的：它们所属的户或人员仍被扣下" in out, out
    assert f"共接受 {len(honest)} 条，仍扣下 {len(hostile)} 条" in out, out
    again = Hub.open(hub.root)
    try:
        decided = {h.id: h for h in again.rejected()}
        assert {decided[i].status for i in honest} == {"accepted"}, decided
        assert {decided[i].status for i in hostile} == {"held"}, decided
        clerk = decided[honest[0]].decided_by  # who ran it (the CLI's user)
        assert clerk and decided[honest[0]].decision == rejected.REJUDGED
        rows = again.ledger.db.execute(
            "SELECT updated_by FROM persons WHERE name = '李0'"
        ).fetchall()
        assert again.ledger.get("claims", made) is not None
        # The two honest families, by the clerk's name; not the hostile device's.
        assert len(rows) == 2 and all(r[0].startswith(f"{clerk}（接受") for r in rows), rows
    finally:
        again.close()


def _at(day: dt.date, hour: int) -> time_machine.travel:
    """The county's real time: `hour` o'clock of `day` (China time), ticking on."""
    return time_machine.travel(dt.datetime.combine(day, dt.time(hour), CHINA), tick=True)


def _claim_held_then_vouched(
    hub: Hub,
    make_device,  # noqa: ANN001
    tmp_path: Path,
) -> tuple[Ledger, str, HeldChange]:
    """Under the reset clock, a claim dated the day after the evidence's is held as not yet
    due (`claim_future`); then the other two villages' changes of its day vouch for its date,
    the hub's clock not yet put right. The village, its claim's id, the held claim."""
    publish(hub.ledger, COUNTY_PACK, "county.toml")
    day = dt.datetime.now(CHINA).date() + dt.timedelta(days=YEAR_DAYS)
    nxt = day + dt.timedelta(days=1)
    with _at(day, 10):
        devices = _devices_synced(hub, make_device, tmp_path, own_clock.DEVICES)
    device = devices[0]
    mine = str(device.db.execute("SELECT id FROM persons").fetchone()[0])
    with _at(nxt, 8):
        add_job(device, mine)
        with device.transaction():
            made = device.insert(
                "claims", {**claim(mine, area=_area(device)), "claim_date": str(nxt)}
            )
        bundle = export_bundle(device, tmp_path / "claim.fs").path
    hub.import_file(bundle)
    held = hub.rejected()
    assert [(h.rule, h.change.row_id) for h in held] == [("claim_future", made)], [
        (h.rule, h.reason) for h in held
    ]
    with _at(nxt, 9):  # the other two villages' changes of the next day
        bundles = _next_bundles(devices[1:], tmp_path, "next")
    for one in bundles:
        assert hub.import_file(one).held == 0, [(h.rule, h.reason) for h in hub.rejected()]
    doubt = own_clock.check(hub.ledger)
    assert doubt is not None and doubt.days < 0, doubt  # not yet put right
    assert own_clock.vouched(hub.ledger) is not None
    return device, made, held[0]


def test_a_claim_rejudged_under_a_behind_hub_is_accepted_on_the_vouched_day(
    hub,  # noqa: ANN001
    make_device,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """Under the reset clock, a claim dated the day after the evidence's is held as not yet
    due (`claim_future`). The next day three devices' changes vouch for its date; the clerk
    re-judges before the clock is put right: the rules clear it on the vouched day, and its
    acceptance judges it on that day too, not on the hub's reset clock's (which refused it,
    a year before its date); the county's copy names its village's creating change."""
    device, made, held = _claim_held_then_vouched(hub, make_device, tmp_path)
    done = rejected.rejudge(hub, "县人社局")
    assert (done.accepted, done.refused) == ([held.id], {}), done
    row = hub.ledger.get("claims", made)
    assert row is not None and "接受" in row["created_by"]
    # The county's copy names the village's creating change (`HELD_KEY`), judged on that day.
    mine_row = device.get("claims", made)
    assert mine_row is not None and row[HELD_KEY] == mine_row["_ckey"], row


def test_a_claim_accepted_under_a_behind_hub_keeps_its_printed_number(
    hub,  # noqa: ANN001
    make_device,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """The county accepts a held claim while its clock is still a year back (not put right):
    its accepting change was stamped by that clock, a year before the village's own creating
    change, and the row's number (`_ckey`, the least of its creating keys) came from the
    county's change — not the 申请编号 its village printed. The hub's stamp for the accept now
    follows the held change's (within a day of the time its devices vouch for) and the row
    keeps the village's number; a county change about the row after it is stamped after it."""
    device, made, held = _claim_held_then_vouched(hub, make_device, tmp_path)
    rejected.accept(hub, held.id, "县人社局")
    row = hub.ledger.get("claims", made)
    printed = device.get("claims", made)
    assert row is not None and printed is not None
    assert row_number(row["_ckey"]) == row_number(printed["_ckey"]), (row["_ckey"], printed)
    assert row["_ckey"] == printed["_ckey"]
    # The county's accepting change, and any it makes of the row after, come after the village's.
    assert row["_ukey"] > printed["_ckey"], (row["_ukey"], printed["_ckey"])
    after = hub.ledger.update("claims", made, {"reason": "县里核对"})
    assert after is not None and after.key > printed["_ckey"], after.key
