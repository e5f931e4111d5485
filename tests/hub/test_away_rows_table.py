"""The rows that left a device's area were one JSON value per device in the hub's `meta`
(`device.away:` + its name), growing with a county's years of moves and rewritten whole on
every answer that saw one. They are now a table (`hub_away_rows`, migration 39), written row by
row; a hub upgraded carries what `meta` held over, and its devices' answers go on as before."""

from __future__ import annotations

import json
from pathlib import Path

from fieldapp.domain.models import Household
from fieldapp.hub.folder import Hub
from fieldapp.services.incarnation import start_new_incarnation
from fieldapp.store.migrations import m0039_hub_away_rows as m0039
from fieldapp.store.migrations import migrate
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE
from tests.records import Records
from tests.sync.helpers import SITE, VILLAGE, add_family

VILLAGE_NAME = "红星村"


def _trip(hub: Hub, device, name: str, folder: Path, n: int) -> None:  # noqa: ANN001
    hub.import_file(export_bundle(device, folder / f"up-{name}-{n}.fs").path)
    import_bundle(device, hub.export_for(name, folder / f"down-{name}-{n}.fs").path)


def _move(hub: Hub, person: str) -> str:
    """The county moves `person` into a new household at the site; its id."""
    with hub.ledger.transaction():
        home = Records(hub.ledger).save(Household(area_code=SITE, address="5栋1单元"))
        hub.ledger.update("persons", person, {"household_id": home})
    return str(home)


def _meta(hub: Hub, key: str) -> str | None:
    row = hub.ledger.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def test_a_hub_upgraded_carries_the_moves_over_and_answers_as_before(
    hub: Hub,
    make_device,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    village = make_device(VILLAGE_NAME, VILLAGE)
    site = make_device("幸福安置点", SITE)
    _home, (mover, stays) = add_family(village, VILLAGE, ["105", "107"], surname="王")
    _trip(hub, village, VILLAGE_NAME, tmp_path, 1)
    _trip(hub, site, "幸福安置点", tmp_path, 1)
    _move(hub, mover)
    _trip(hub, village, VILLAGE_NAME, tmp_path, 2)  # told of the move, not yet confirmed
    away = hub.log.away_rows(VILLAGE_NAME)
    assert mover in away and stays not in away
    serial = away[mover]

    # The hub as it was before migration 39: the rows in `meta`, as JSON, beside two values
    # its reader could not (wholly) read.
    db = hub.ledger.db
    with hub.ledger.transaction():
        db.execute("DROP TABLE hub_away_rows")
        db.execute("DELETE FROM _migrations WHERE version = ?", [m0039.VERSION])
        old = {
            "device.away:" + VILLAGE_NAME: json.dumps(away, sort_keys=True),
            "device.away:旧村": "{不是 JSON",
            "device.away:某村": json.dumps({"p1": 7, "p2": "八"}),
        }
        for key, value in old.items():
            db.execute("INSERT INTO meta VALUES (?, ?)", [key, value])
    assert migrate(db) == [m0039.VERSION]
    assert hub.log.away_rows(VILLAGE_NAME) == away
    assert _meta(hub, "device.away:" + VILLAGE_NAME) is None  # carried over, not kept twice
    # What was never read is kept as it was; what could be read of it is carried over.
    assert hub.log.away_rows("旧村") == {}
    assert _meta(hub, "device.away:旧村") == old["device.away:旧村"]
    assert hub.log.away_rows("某村") == {"p1": 7}
    assert _meta(hub, "device.away:某村") == old["device.away:某村"]

    # The site writes down the mover's new phone: the old village, told of the move before
    # the upgrade, hears nothing of it; once it confirmed, the hub forgets the rows.
    _trip(hub, site, "幸福安置点", tmp_path, 2)
    with site.transaction():
        site.update("persons", mover, {"phone": "13912345678"})
    _trip(hub, site, "幸福安置点", tmp_path, 3)
    with hub.ledger.transaction():
        hub.ledger.update("persons", stays, {"phone": "13800000001"})
    assert hub.log.away_rows(VILLAGE_NAME)[mover] == serial
    for n in (3, 4):
        _trip(hub, village, VILLAGE_NAME, tmp_path, n)
        assert village.get("persons", mover)["phone"] != "13912345678"
        assert village.get("persons", stays)["phone"] == "13800000001"
    assert hub.log.away_rows(VILLAGE_NAME) == {}
    assert hub.plan_answer(VILLAGE_NAME).changes == []


def test_a_move_writes_its_own_rows_and_leaves_the_others(
    hub: Hub,
    make_device,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """A device that has not confirmed (its answers lost on the way): each answer that sees a
    new move adds that move's rows, the earlier ones kept with the serial of the answer that
    first told of them."""
    village = make_device(VILLAGE_NAME, VILLAGE)
    _home, movers = add_family(village, VILLAGE, ["105", "107", "111"], surname="王")
    _trip(hub, village, VILLAGE_NAME, tmp_path, 1)
    _move(hub, movers[0])
    hub.export_for(VILLAGE_NAME, tmp_path / "lost-2.fs")
    first = hub.log.away_rows(VILLAGE_NAME)
    assert movers[0] in first
    _move(hub, movers[1])
    hub.export_for(VILLAGE_NAME, tmp_path / "lost-3.fs")
    second = hub.log.away_rows(VILLAGE_NAME)
    assert {r: s for r, s in second.items() if r in first} == first
    assert second[movers[1]] > first[movers[0]]
    assert movers[2] not in second
    # The device's area changed: what it was sent for the old one is forgotten.
    hub.enroll(VILLAGE_NAME, SITE, tmp_path / "again.enrol", code=ENROL_CODE, by="县里的科员")
    assert hub.log.away_rows(VILLAGE_NAME) == {}


def test_setting_the_rows_writes_only_those_that_changed(
    hub: Hub,
    backend: str,
) -> None:
    """Counted by the store itself: SQLite's count of rows changed (on PostgreSQL the rows
    are compared)."""
    log = hub.log
    many = {f"p{n:04d}": 5 for n in range(500)}
    with hub.ledger.transaction():
        log.set_away_rows("甲村", many)
        log.set_away_rows("乙村", {"q1": 2})
    assert log.away_rows("甲村") == many
    after = {**{k: v for k, v in many.items() if k != "p0001"}, "p9999": 9, "p0002": 6}
    with hub.ledger.transaction():
        before = hub.ledger.db.conn.total_changes if backend == "sqlite" else 0
        log.set_away_rows("甲村", after)
        if backend == "sqlite":  # one removed, one added, one changed
            assert hub.ledger.db.conn.total_changes - before == 3
    assert log.away_rows("甲村") == after
    assert log.away_rows("乙村") == {"q1": 2}  # another device's untouched
    with hub.ledger.transaction():
        log.set_away_rows("甲村", {})
    assert log.away_rows("甲村") == {} and log.away_rows("乙村") == {"q1": 2}


def test_a_move_whose_answer_the_hub_lost_the_vector_of_is_told_again_and_leaks_nothing(
    hub: Hub,
    make_device,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """The answer that told a village of a move is lost on the way, and the hub's record of
    the vector it was made at is gone too (a forced state: a hand-mended or half-restored hub
    file). Without that vector there is nothing to cut the mover's changes at: the hub does
    not then let every change since through (the new village's phone), nor withhold the move
    for good: the next answer tells the move again, up to it, and the village converges."""
    village = make_device(VILLAGE_NAME, VILLAGE)
    site = make_device("幸福安置点", SITE)
    _home, (mover, stays) = add_family(village, VILLAGE, ["105", "107"], surname="王")
    _trip(hub, village, VILLAGE_NAME, tmp_path, 1)
    _trip(hub, site, "幸福安置点", tmp_path, 1)
    new_home = _move(hub, mover)
    hub.export_for(VILLAGE_NAME, tmp_path / "lost-2.fs")  # never reaches the village
    serial = hub.log.away_rows(VILLAGE_NAME)[mover]
    with hub.ledger.transaction():
        hub.ledger.db.execute(
            "DELETE FROM sync_issued WHERE peer = ? AND serial = ?", [VILLAGE_NAME, serial]
        )
    _trip(hub, site, "幸福安置点", tmp_path, 2)
    with site.transaction():
        site.update("persons", mover, {"phone": "13912345678"})
    _trip(hub, site, "幸福安置点", tmp_path, 3)
    with hub.ledger.transaction():
        hub.ledger.update("persons", stays, {"phone": "13800000001"})
    assert hub.ledger.get("persons", mover)["phone"] == "13912345678"

    plan = hub.plan_answer(VILLAGE_NAME)
    assert not any(c[5] == mover and "13912345678" in str(c) for c in plan.changes)
    assert plan.away[mover] is None  # told again in this answer
    for n in (3, 4):
        _trip(hub, village, VILLAGE_NAME, tmp_path, n)
        moved = village.get("persons", mover)
        assert moved["household_id"] == new_home  # the move reached it
        assert moved["phone"] != "13912345678"  # what came after it did not
        assert village.get("persons", stays)["phone"] == "13800000001"
    assert hub.log.away_rows(VILLAGE_NAME) == {}
    assert hub.plan_answer(VILLAGE_NAME).changes == []


def test_a_new_change_log_id_forgets_the_rows_away_with_what_was_sent(
    hub: Hub,
    make_device,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """A village restored from a backup writes under a new change-log id: the hub forgets what
    it sent it (its next answer is complete) and the rows that left its area with it, as when
    the county changes its area or gives it up; kept alone they named answers whose vectors
    are gone."""
    village = make_device(VILLAGE_NAME, VILLAGE)
    _home, (mover, stays) = add_family(village, VILLAGE, ["105", "107"], surname="王")
    _trip(hub, village, VILLAGE_NAME, tmp_path, 1)
    _move(hub, mover)
    hub.export_for(VILLAGE_NAME, tmp_path / "lost-2.fs")  # never reaches the village
    assert mover in hub.log.away_rows(VILLAGE_NAME)
    start_new_incarnation(village)
    with village.transaction():
        village.update("persons", stays, {"phone": "13800000002"})
    hub.import_file(export_bundle(village, tmp_path / "up-restored.fs").path)
    assert hub.state.peer(VILLAGE_NAME).origin == village.device_id
    assert hub.log.away_rows(VILLAGE_NAME) == {}
    assert hub.state.issued_vector(VILLAGE_NAME, 1) == {}
