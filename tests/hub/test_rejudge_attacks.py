"""Attacks on the county's re-judging of what the hub held by its clock (`hub rejected
--rejudge`, `POST /v1/held/rejudge`) and on the time its devices vouch for (`hub.own_clock`),
with hand-built, validly signed bundles and requests of enrolled devices of every role.

- No device but a county one has a rejudge done: a village's, a township's, a revoked county
  device's, a county device re-enrolled as a township's (its new key, and its old county key)
  are refused, and what the rejudge would clear stays held.
- A captured rejudge request is taken once: sent again, or again after the service restarted,
  it decides nothing more (changes held since stay held).
- Three colluding devices that walked the vouched time to its bound, then send changes stamped
  back at the hub's clock (their latest changes are then behind; what the hub took from them
  before is not: `HubLog.raise_stamps`, so its doubt and the bound stay), and have the county
  rejudge their held changes, still walk it no further than a day past the county's real time.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
import time_machine

from fieldapp.domain.dates import CHINA
from fieldapp.domain.roles import Role
from fieldapp.hub import own_clock, rejected
from fieldapp.hub.folder import Hub
from fieldapp.hub.server import ServerThread, ServiceSettings
from fieldapp.store.held import HeldChanges
from fieldapp.store.hlc import format_stamp
from fieldapp.store.hub_state import HubLog
from fieldapp.store.ledger import Ledger
from fieldapp.sync import httpauth
from fieldapp.sync.client import push, rejudge_held
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.errors import SyncError
from tests.codes import ENROL_CODE
from tests.helpers.hub_clock import _devices_synced, _real_time
from tests.hub.enrolled import _enrolled
from tests.hub.httpkit import header_for, post
from tests.sync.helpers import VILLAGE, add_family
from tests.sync.hostile import forge, send

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

PATH = "/v1/held/rejudge"
DAY = own_clock.DAY_MS


def _body(reviewer: str = "李科长") -> bytes:
    return json.dumps({"reviewer": reviewer}).encode()


def _later(days: int) -> time_machine.travel:
    """Real time `days` on (the hub's clock with it: it is right)."""
    return time_machine.travel(dt.datetime.now(CHINA) + dt.timedelta(days=days), tick=True)


def _held_ahead(hub: Hub, village: Ledger, url: str, note: str) -> int:
    """A change of the village's stamped three days ahead: held by the hub's clock, cleared by
    a rejudge three days on. Its held id."""
    home = str(village.db.execute("SELECT id FROM households").fetchone()[0])
    ahead = format_stamp(int(time.time() * 1000) + 3 * DAY, 0)
    change = forge(village, "households", home, {"notes": note}, hlc=ahead)
    push(village, url)
    (held,) = [h for h in hub.rejected() if h.change_id == change.id]
    assert held.rule == "stamped_ahead", held.reason
    return held.id


def _reenrolled(hub: Hub, ledger: Ledger, folder: Path, name: str, role: Role) -> None:
    hub.enroll(
        name, "520502101", folder / "again.json", role=role, code=ENROL_CODE, by="县里的科员"
    )
    enrol(ledger, folder / "again.json", code=ENROL_CODE)


def test_no_device_but_a_county_one_has_a_rejudge_done(
    server: ServerThread,
    hub: Hub,
    make_device,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    push(village, server.url)
    held = _held_ahead(hub, village, server.url, "三天后")
    township = _enrolled(hub, tmp_path, "乡镇", "520502101", Role.TOWNSHIP, "乡干部")
    gone = _enrolled(hub, tmp_path, "旧县局", "520502", Role.COUNTY, "老科长")
    hub.revoke("旧县局", by="县里的科员")
    moved = _enrolled(hub, tmp_path, "县就业局", "520502", Role.COUNTY, "王科长")
    old_key = header_for(moved, "县就业局", _body(), path=PATH)  # signed by the county key
    county = _enrolled(hub, tmp_path, "县人社局", "520502", Role.COUNTY, "李科长")
    store = HeldChanges(hub.ledger.db)
    try:
        with _later(3):  # the change is in time now: a rejudge would accept it
            for device, name in ((township, "乡镇"), (village, "红星村")):
                with pytest.raises(SyncError, match="县级"):
                    rejudge_held(device, server.url, "某人")
                header = header_for(device, name, _body(), path=PATH)
                status, answer = post(server.url, _body(), {httpauth.HEADER: header}, path=PATH)
                assert (status, answer["error"]) == (403, "role"), (name, answer)
            with pytest.raises(SyncError, match="注销"):
                rejudge_held(gone, server.url, "老科长")
            # Re-enrolled as a township's (new keys): its county key is no key of the hub's,
            # and the new one is a township's.
            _reenrolled(hub, moved, tmp_path / "县就业局", "县就业局", Role.TOWNSHIP)
            header = header_for(moved, "县就业局", _body(), path=PATH)
            status, answer = post(server.url, _body(), {httpauth.HEADER: header}, path=PATH)
            assert (status, answer["error"]) == (403, "role"), answer
            status, answer = post(server.url, _body(), {httpauth.HEADER: old_key}, path=PATH)
            assert (status, answer["error"]) == (401, "unknown_key"), answer
            assert store.get(held).status == "held"
            done = rejudge_held(county, server.url, "李科长")  # the county's is done
        assert done["accepted"] == [held], done
        assert store.get(held).decided_by == "李科长@县人社局"
    finally:
        for ledger in (township, gone, moved, county):
            ledger.close()


def test_a_captured_rejudge_is_taken_once(
    server: ServerThread,
    hub: Hub,
    make_device,  # noqa: ANN001
    tmp_path: Path,
    settings: ServiceSettings,
) -> None:
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    push(village, server.url)
    first = _held_ahead(hub, village, server.url, "三天后")
    county = _enrolled(hub, tmp_path, "县人社局", "520502", Role.COUNTY, "李科长")
    store = HeldChanges(hub.ledger.db)
    try:
        with _later(3):
            captured = {httpauth.HEADER: header_for(county, "县人社局", _body(), path=PATH)}
            status, answer = post(server.url, _body(), captured, path=PATH)
            assert status == 200 and answer["accepted"] == [first], answer
            # Held since: a replay of the clerk's request must not accept it in his name.
            later = _held_ahead(hub, village, server.url, "又三天后")
        with _later(6):
            status, answer = post(server.url, _body(), captured, path=PATH)
            assert status == 401, answer  # stale by now, and a replay besides
        with _later(3):  # within the minutes it was made in: a replay
            status, answer = post(server.url, _body(), captured, path=PATH)
            assert (status, answer["error"]) == (401, "replay"), answer
            server.stop()
            with ServerThread(hub.root, settings) as again:  # the service started again
                status, answer = post(again.url, _body(), captured, path=PATH)
                assert (status, answer["error"]) == (401, "replay"), answer
        assert store.get(later).status == "held"
    finally:
        county.close()


def test_colluders_who_step_back_walk_the_vouched_time_no_further(
    hub: Hub,
    make_device,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    with _real_time():
        devices = _devices_synced(hub, make_device, tmp_path, own_clock.DEVICES)
        real = int(time.time() * 1000)  # the county's real time
    started = time.time()
    homes = [str(d.db.execute("SELECT id FROM households").fetchone()[0]) for d in devices]
    round_no = 0

    def real_now() -> int:  # the county's real time now (the hub's clock runs true)
        return real + int((time.time() - started) * 1000)

    def walk(rounds: int) -> None:
        nonlocal round_no
        for _ in range(rounds):
            now = own_clock.vouched(hub.ledger) or int(time.time() * 1000)
            for n, device in enumerate(devices):
                # As far as the hub takes, and two days further (held, for the rejudge).
                for ahead, tag in ((now + DAY - 1000, "走"), (now + 2 * DAY, "扣")):
                    forge(device, "households", homes[n], {"notes": f"{tag}{round_no}"},
                          hlc=format_stamp(ahead, 0))  # fmt: skip
                hub.import_file(send(device, tmp_path / f"walk{round_no}-{n}.fs").path)
            round_no += 1

    walk(4)
    assert (own_clock.vouched(hub.ledger) or 0) <= real + 2 * DAY
    # The county rejudges: what the first rounds stamped two days ahead is in time now, and
    # accepted as the county's own change — no device's newest, no evidence of the time.
    newest = HubLog(hub.ledger.db).newest_stamps()
    done = rejected.rejudge(hub, "县人社局")
    assert done.accepted and done.still_ahead, done
    assert HubLog(hub.ledger.db).newest_stamps() == newest
    # Each steps back to the hub's own clock: their latest changes say it is right (what the
    # hub took from them before still says not). The hub's check (each request to the
    # service, each answer) and a rejudge the county runs.
    for n, device in enumerate(devices):
        forge(device, "households", homes[n], {"notes": "回到中心的时间"},
              hlc=format_stamp(int(time.time() * 1000), 0))  # fmt: skip
        hub.import_file(send(device, tmp_path / f"back{n}.fs").path)
    own_clock.check(hub.ledger)
    assert rejected.rejudge(hub, "县人社局").accepted == []
    walk(4)
    newest = sorted(HubLog(hub.ledger.db).newest_stamps().values(), reverse=True)
    vouched = own_clock.vouched(hub.ledger)
    # Their evidence is the latest the hub took, as far as the bound let them walk (a change a
    # day past the time vouched for), and the time vouched for stays within a day of real time.
    assert newest[own_clock.DEVICES - 1] <= real_now() + 2 * DAY, (newest[2] - real) / DAY
    assert vouched is not None and vouched <= real_now() + DAY, (vouched - real) / DAY
    # A change five days past the county's real time is held, as before.
    forge(devices[0], "households", homes[0], {"notes": "五天后"},
          hlc=format_stamp(real + 5 * DAY, 0))  # fmt: skip
    hub.import_file(send(devices[0], tmp_path / "five.fs").path)
    held = [h.change.data.get("notes") for h in hub.rejected() if h.rule == "stamped_ahead"]
    assert "五天后" in held
