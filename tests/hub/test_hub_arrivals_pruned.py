"""The hub's notes of arrival (`store.arrivals`) were a row per origin per import, for good.
Those at or below what every device confirmed are forgotten now (`arrivals.prune`), and the
cut of a row that left a village's area is the same as before: the new village, its clock a
day behind, writes after the move with stamps before it, and the old village hears none of it.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from fieldapp.domain.enums import Relation
from fieldapp.domain.models import Household
from fieldapp.hub.folder import Hub
from fieldapp.services import households
from fieldapp.services.writer import actor_of
from fieldapp.store import arrivals
from fieldapp.store.hlc import HybridClock
from fieldapp.store.ledger import Ledger
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.sync.helpers import SITE, VILLAGE, add_family, add_job, job_of

SQLITE = pytest.mark.parametrize("backend", ["sqlite"])

PHONE = "13912345678"


def _trip(hub: Hub, device: Ledger, name: str, folder: Path, n: int) -> None:
    hub.import_file(export_bundle(device, folder / f"up-{name}-{n}.fs").path)
    import_bundle(device, hub.export_for(name, folder / f"down-{name}-{n}.fs").path)


def _rows(hub: Hub) -> int:
    return int(hub.ledger.db.execute("SELECT count(*) FROM hub_arrivals").fetchone()[0])


def _plan(hub: Hub, device: str) -> list[tuple]:
    return [tuple(c) for c in hub.plan_answer(device).changes]


@SQLITE
def test_forgetting_old_notes_keeps_the_cut_at_a_move(
    hub: Hub,
    make_device,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(arrivals, "PRUNE_EVERY", 10**9)  # forgotten below, by hand
    village = make_device("红星村", VILLAGE)
    site = make_device("幸福安置点", SITE)
    home, (mover, stays) = add_family(village, VILLAGE, ["105", "107"], surname="王")
    add_job(village, mover)
    site_home, _ = add_family(site, SITE, ["109"], surname="李", kind="安置点")
    # Years of exchanges: both devices and the county write, every import a note.
    for n in range(1, 9):
        with village.transaction():
            village.update("persons", stays, {"phone": f"1380000{n:04d}"})
        with site.transaction():
            site.update("households", site_home, {"address": f"{n}栋"})
        _trip(hub, village, "红星村", tmp_path, n)
        _trip(hub, site, "幸福安置点", tmp_path, n)
        with hub.ledger.transaction():
            hub.ledger.update("households", home, {"address": f"红星村{n}组"})
    # The village moves the family's first to the site; the site's clock runs a day behind.
    site.clock = HybridClock(
        site.clock.last, now_ms=lambda: int(time.time() * 1000) - 25 * 3600 * 1000
    )
    households.move_person(
        village, actor_of(village), mover, "投亲", Relation.HEAD,
        new_household=Household(area_code=SITE, address="5栋1单元"),
    )  # fmt: skip
    hub.import_file(export_bundle(village, tmp_path / "moved.fs").path)
    _trip(hub, site, "幸福安置点", tmp_path, 20)  # takes the family in
    with site.transaction():
        site.update("persons", mover, {"phone": PHONE})
        site.update("employment_spells", job_of(mover), {"employer": "安置点扶贫车间"})
    _trip(hub, site, "幸福安置点", tmp_path, 21)
    # The village writes on after the move: its newest note is past the site's phone.
    with village.transaction():
        village.update("persons", stays, {"phone": "13800000001"})
    hub.import_file(export_bundle(village, tmp_path / "after.fs").path)

    assert hub.plan_answer("红星村").away.get(mover, 0) is None  # told it left in this one
    before = _plan(hub, "红星村")
    assert not any(PHONE in str(c) for c in before)  # cut at the move
    rows = _rows(hub)
    with hub.ledger.transaction():
        floor = hub.state.answered_floor()
        assert floor
        arrivals.prune(hub.ledger.db, floor)
    assert _rows(hub) <= rows // 2, (rows, _rows(hub))
    assert _plan(hub, "红星村") == before  # the same cut, from half the notes

    # Forgetting the note the move was taken at would have let the site's phone through:
    # the move would be taken at the village's newest note, after the site's.
    with hub.ledger.transaction():
        arrivals.prune(hub.ledger.db, _vector(hub))
    assert any(PHONE in str(c) for c in _plan(hub, "红星村"))


def test_imports_forget_old_notes_as_they_go(
    hub: Hub,
    make_device,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every few notes an import forgets what no cut needs: the table stays a few rows per
    origin, not one per import (on either store)."""
    monkeypatch.setattr(arrivals, "PRUNE_EVERY", 4)
    village = make_device("红星村", VILLAGE)
    _, (person,) = add_family(village, VILLAGE, ["101"])
    for n in range(1, 25):
        with village.transaction():
            village.update("persons", person, {"phone": f"1380000{n:04d}"})
        _trip(hub, village, "红星村", tmp_path, n)
        with hub.ledger.transaction():
            hub.ledger.update("persons", person, {"phone": f"1390000{n:04d}"})
    per_origin = hub.ledger.db.execute(
        "SELECT device_id, count(*) FROM hub_arrivals GROUP BY device_id"
    ).fetchall()
    assert len(per_origin) == 2 and all(n <= 6 for _, n in per_origin), per_origin


@SQLITE
def test_a_device_sent_rows_and_no_vector_keeps_every_note(
    hub: Hub,
    make_device,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """A device that was sent rows and has no answer vector left to reckon from would compare
    their whole history: nothing is forgotten while it is so."""
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    _trip(hub, village, "红星村", tmp_path, 1)
    _trip(hub, village, "红星村", tmp_path, 2)
    with hub.ledger.transaction():
        assert hub.state.answered_floor()
        hub.ledger.db.execute("DELETE FROM sync_issued")
        assert hub.state.answered_floor() is None


def _vector(hub: Hub) -> dict[str, int]:
    from fieldapp.store.replica import vector

    return vector(hub.ledger.db)


def test_a_revoked_device_holds_no_notes_and_is_served_whole_if_it_returns(
    hub: Hub,
    make_device,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A laptop the county revoked (lost) held the floor at the answer it confirmed last: no
    note since was ever forgotten. Revoked, it counts no more, and the hub forgets what it sent
    it as it forgets the notes its answers were reckoned from (`SyncState.passed_over`). Found
    and enrolled again under its name, with its ledger, it is sent all it missed in its area in
    one complete answer, and counts again."""
    monkeypatch.setattr(arrivals, "PRUNE_EVERY", 4)
    village = make_device("红星村", VILLAGE)
    site = make_device("幸福安置点", SITE)
    _, (person,) = add_family(village, VILLAGE, ["101"])
    site_home, (settler,) = add_family(site, SITE, ["109"], surname="李", kind="安置点")
    for n in (1, 2):
        _trip(hub, village, "红星村", tmp_path, n)
        _trip(hub, site, "幸福安置点", tmp_path, n)
    hub.revoke("幸福安置点", by="县里的科员")
    for n in range(3, 27):
        with village.transaction():
            village.update("persons", person, {"phone": f"1380000{n:04d}"})
        _trip(hub, village, "红星村", tmp_path, n)
        with hub.ledger.transaction():  # the county keeps the site's ledger while it is away
            hub.ledger.update("persons", settler, {"phone": f"1390000{n:04d}"})
    per_origin = dict(
        hub.ledger.db.execute(
            "SELECT device_id, count(*) FROM hub_arrivals GROUP BY device_id"
        ).fetchall()
    )
    assert per_origin[village.device_id] <= 6, per_origin  # forgotten as they go
    assert per_origin[hub.ledger.device_id] <= 6, per_origin
    assert hub.state.peer("幸福安置点").acked_out > 0  # its counters are kept
    # Found: enrolled again under its name, its own ledger.
    make_device("幸福安置点", SITE, ledger=site)
    plan = hub.plan_answer("幸福安置点")
    assert not plan.incremental  # complete: its answers' old reckoning is gone
    with site.transaction():
        site.update("households", site_home, {"address": "3栋"})
    _trip(hub, site, "幸福安置点", tmp_path, 30)
    assert site.get("persons", settler)["phone"] == "13900000026"  # all it missed
    assert hub.ledger.get("households", site_home)["address"] == "3栋"  # and its work taken
    assert village.get("persons", person)["phone"] == "13800000026"
    assert site.get("persons", person) is None  # nothing outside its area
    floor = hub.state.answered_floor()
    assert floor and floor.get(site.device_id), floor  # it counts again
