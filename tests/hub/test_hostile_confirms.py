"""A hostile village laptop lies about the answers it holds, to have the hub forget what it
must not send it: the notes of arrival a cut at a move is reckoned from (`arrivals.prune`,
`SyncState.answered_floor`) and the rows that left its area (`hub_away_rows`).

A bundle's `received` (the last answer it imported) is the device's word. Naming an answer it
never imported moves only its own reckoning: the floor is the least over every device, and a
row it was told left in an answer it says it holds is one it gets no more of. Naming one far
past any the hub made reads as a hub restored from a backup: the hub forgets what it sent it
and answers it complete, from its area as it is now; so does a new change-log id (a ledger
restored, or said to be). Either way the family that moved out
stays what it was at the move: the new village's phone and employer never reach it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain.enums import Relation
from fieldapp.domain.models import Household
from fieldapp.hub.folder import Hub
from fieldapp.services import backup, households
from fieldapp.services.writer import actor_of
from fieldapp.store import arrivals, replica
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import SyncState
from fieldapp.sync.exchange import export_bundle, import_bundle, write_bundle
from tests.sync.helpers import SITE, VILLAGE, add_family, add_job, job_of

PHONE = "13912345678"
EMPLOYER = "安置点扶贫车间"


def _trip(hub: Hub, device: Ledger, name: str, folder: Path, n: int) -> None:
    hub.import_file(export_bundle(device, folder / f"up-{name}-{n}.fs").path)
    import_bundle(device, hub.export_for(name, folder / f"down-{name}-{n}.fs").path)


def _claim(device: Ledger, serial: int) -> None:
    """The device's next bundle says it imported the hub's answer `serial` (a tampered build,
    or its ledger edited by hand: the manifest is signed with its own key all the same)."""
    state = SyncState(device.db)
    with device.transaction():
        state.set_counters(state.peers("hub")[0].name, serial_in=serial)


def _leaks(text: str) -> bool:
    return PHONE in text or EMPLOYER in text


@pytest.mark.parametrize("lie", ["unseen", "far_ahead", "new_incarnation"])
def test_claimed_answers_do_not_bring_the_new_villages_rows(
    hub: Hub,
    make_device,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lie: str,
) -> None:
    monkeypatch.setattr(arrivals, "PRUNE_EVERY", 1)  # every import forgets what it may
    village = make_device("红星村", VILLAGE)
    site = make_device("幸福安置点", SITE)
    _, (mover, stays) = add_family(village, VILLAGE, ["105", "107"], surname="王")
    add_job(village, mover)
    add_family(site, SITE, ["109"], surname="李", kind="安置点")
    for n in range(1, 4):
        with village.transaction():
            village.update("persons", stays, {"phone": f"1380000{n:04d}"})
        _trip(hub, village, "红星村", tmp_path, n)
        _trip(hub, site, "幸福安置点", tmp_path, n)
    households.move_person(
        village, actor_of(village), mover, "投亲", Relation.HEAD,
        new_household=Household(area_code=SITE, address="5栋1单元"),
    )  # fmt: skip
    hub.import_file(export_bundle(village, tmp_path / "moved.fs").path)
    told = hub.export_for("红星村", tmp_path / "told.fs")  # never imported by the village
    assert hub.log.away_rows("红星村").get(mover) == told.serial
    # The site takes the family in and writes their new phone and employer.
    _trip(hub, site, "幸福安置点", tmp_path, 10)
    with site.transaction():
        site.update("persons", mover, {"phone": PHONE})
        site.update("employment_spells", job_of(mover), {"employer": EMPLOYER})
    _trip(hub, site, "幸福安置点", tmp_path, 11)
    assert _leaks(str(hub.ledger.get("persons", mover)))

    # The village says it imported the answer it never saw, or one the hub never made.
    if lie == "new_incarnation":  # or writes under a new change-log id, as one restored
        backup.new_incarnation(village)
    else:
        _claim(village, told.serial if lie == "unseen" else 10**6)
    with village.transaction():
        village.update("persons", stays, {"phone": "13800000099"})
    for n in range(20, 24):
        _trip(hub, village, "红星村", tmp_path, n)
        _trip(hub, site, "幸福安置点", tmp_path, n)  # notes pass the floor, forgotten
        with site.transaction():
            site.update("persons", mover, {"phone": f"1391234{n:04d}"})
        assert not any(_leaks(str(c)) or f"1391234{n - 1:04d}" in str(c)
                       for c in hub.plan_answer("红星村").changes)  # fmt: skip
        assert not any(_leaks(str(c)) for c in hub.plan_answer("红星村", afresh=True).changes)
    floor = hub.state.answered_floor()
    assert floor is not None and floor.get(site.device_id)  # the floor did move on
    kept = village.get("persons", mover)
    assert kept is not None and not _leaks(str(kept)) and "1391234" not in str(kept)
    assert not _leaks(str(village.get("employment_spells", job_of(mover))))
    assert hub.log.away_rows("红星村") == {}  # forgotten: it says it holds the answer


def test_a_vector_far_ahead_moves_no_floor(
    hub: Hub,
    make_device,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """A bundle's vector saying it holds far more of every origin than the hub ever sent it:
    the hub reckons what a device holds from the answers it made (their vectors as it kept
    them), never from a device's word, so the floor and the village's next answer stay."""
    village = make_device("红星村", VILLAGE)
    site = make_device("幸福安置点", SITE)
    _, (person,) = add_family(village, VILLAGE, ["101"])
    add_family(site, SITE, ["109"], surname="李", kind="安置点")
    for n in (1, 2):
        _trip(hub, village, "红星村", tmp_path, n)
        _trip(hub, site, "幸福安置点", tmp_path, n)
    with village.transaction():
        village.update("persons", person, {"notes": "入户"})
    hub.import_file(export_bundle(village, tmp_path / "confirms.fs").path)  # the last answer
    with hub.ledger.transaction():
        hub.ledger.update("persons", person, {"phone": "13900000001"})
    floor = hub.state.answered_floor()
    planned = [tuple(c) for c in hub.plan_answer("红星村").changes]
    assert planned  # the county's phone is still to be sent
    with village.transaction():
        village.update("persons", person, {"notes": "走访"})
    state = SyncState(village.db)
    identity, to_hub = state.identity(), state.peers("hub")[0]
    assert identity is not None
    own = replica.max_seq(village.db, village.device_id)
    far = {o: 10**9 for o in replica.vector(hub.ledger.db)} | {village.device_id: own}
    rows = replica.rows_after(
        village.db, village.device_id, state.acks(to_hub.name)[village.device_id]
    )
    hub.import_file(write_bundle(village, identity, to_hub, rows, far, tmp_path / "far.fs").path)
    assert hub.ledger.get("persons", person)["notes"] == "走访"  # the bundle was taken
    assert hub.state.answered_floor() == floor
    assert [tuple(c) for c in hub.plan_answer("红星村").changes] == planned
