"""Property: whatever a village's (or a relocation site's) coordinator does between two syncs
through the program's own services — add people (into a household, or with a new one), split
them off into a new household, merge them into another, move them (one, or several together)
to a new home at a relocation site or in a village of another township, move one twice, offer
one to another area's household and take the offer back, take in (or turn down) one offered
to it, edit, delete — the hub accepts the whole bundle: it judges it as the device's write
door did, holding nothing (`test_hostile_property.py` is the other side: what a tampered
program forges stays out).

A held honest change stops the coordinator's work at the county's desk: the hub had held the
new home of a person added and moved out in the same sitting (`pull_in`), and of one taken in
and moved on."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from fieldapp.domain.enums import Relation
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.models import Household, Person
from fieldapp.hub.folder import Hub
from fieldapp.services import households, persons
from fieldapp.services.writer import actor_of
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries import records
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE
from tests.conftest import make_id
from tests.sync.helpers import SITE, VILLAGE, add_family

#: A village of another township (a family moving to relatives there).
ELSEWHERE = "520502002001"
#: The devices, by name: the village and the relocation site.
DEVICES = {"红星村": VILLAGE, "幸福安置点": SITE}

#: What the coordinator does, each with two picks (whom, where).
STEPS = st.lists(
    st.tuples(
        st.sampled_from(
            ["add", "add_new_home", "split", "merge", "relocate", "move_out", "offer", "withdraw"]
            + ["edit", "delete", "accept", "accept", "decline"]
        ),
        st.integers(0, 1000),
        st.integers(0, 1000),
    ),
    min_size=1,
    max_size=7,
)


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """The hub, 红星村's laptop holding two families, and the site's holding one and the new
    home 红星村 moved 王0 to (a household of another area 红星村 may offer people to); 红星村
    has offered 王1 to it, and everyone is synced."""
    root = tmp_path_factory.mktemp("village")
    hub = Hub.init(root / "hub")
    devices = {}
    for name, area in DEVICES.items():
        devices[name] = Ledger.open(root / f"{name}.db", author=f"{name}员")
        hub.enroll(name, area, root / f"{name}.json", code=ENROL_CODE, by="县里的科员")
        enrol(devices[name], root / f"{name}.json", code=ENROL_CODE)
    village, site = devices["红星村"], devices["幸福安置点"]
    add_family(village, VILLAGE, ["101", "103", "105"])
    _, (moved, stays) = add_family(village, VILLAGE, ["107", "109"], surname="王")
    add_family(site, SITE, ["111", "113"], surname="李", kind="安置点")
    away = Household(area_code=SITE, address="1栋")
    there = households.move_person(
        village, actor_of(village), moved, "易地扶贫搬迁", Relation.HEAD, new_household=away
    )
    for n in range(2):
        for name, device in devices.items():
            hub.import_file(export_bundle(device, root / f"{name}-up{n}.fs").path)
            import_bundle(device, hub.export_for(name, root / f"{name}-down{n}.fs").path)
    home = village.get("persons", there.id)["household_id"]
    households.move_person(
        village, actor_of(village), stays, "投亲", Relation.OTHER, to_household_id=home
    )
    for n in range(2, 4):
        for name, device in devices.items():
            hub.import_file(export_bundle(device, root / f"{name}-up{n}.fs").path)
            import_bundle(device, hub.export_for(name, root / f"{name}-down{n}.fs").path)
    assert hub.rejected() == []
    for device in devices.values():
        device.close()
    hub.close()
    return root


def _own(village: Ledger, area: str, table: str) -> list[str]:
    """The device's own live people (or households), as it holds them now."""
    if table == "households":
        sql = "SELECT id FROM households WHERE area_code = ? ORDER BY id"
    else:
        sql = (
            "SELECT p.id FROM persons p JOIN households h ON h.id = p.household_id"
            " WHERE h.area_code = ? AND NOT p.deleted ORDER BY p.id"
        )
    return [r[0] for r in village.db.execute(sql, [area]).fetchall()]


def _do(village: Ledger, area: str, step: str, who: int, where: int, n: int) -> None:
    """One step through the services (the device's write door judges it)."""
    actor = actor_of(village)
    people, homes = _own(village, area, "persons"), _own(village, area, "households")
    elsewhere = (SITE, ELSEWHERE) if area == VILLAGE else (VILLAGE, ELSEWHERE)
    person = people[who % len(people)] if people else None
    number = make_id(seq=f"{500 + n:03d}")
    if step == "add":
        new = Person(household_id=homes[where % len(homes)], name=f"新{n}", id_number=number)
        persons.save(village, actor, new, confirmed=True)
    elif step == "add_new_home":
        new = Person(name=f"户{n}", id_number=number, relation=Relation.HEAD)
        home = Household(area_code=area, address=f"{n}组")
        persons.save(village, actor, new, new_household=home, confirmed=True)
    elif step in ("accept", "decline"):
        offered = [p.id for p in households.offered(village, actor)]
        if offered:
            taking = households.accept_move if step == "accept" else households.decline_move
            taking(village, actor, offered[who % len(offered)])
    elif person is None:
        return
    elif step == "split":
        home = Household(area_code=area, address=f"分户{n}")
        households.move_person(village, actor, person, "分户", Relation.HEAD, new_household=home)
    elif step == "merge":
        target = homes[where % len(homes)]
        households.move_person(
            village, actor, person, "合户", Relation.OTHER, to_household_id=target
        )
    elif step == "relocate":
        home = Household(area_code=elsewhere[where % 2], address=f"{n}栋")
        households.move_person(
            village, actor, person, "易地扶贫搬迁", Relation.HEAD, new_household=home
        )
    elif step == "move_out":
        movers = sorted({person, people[where % len(people)]})
        away = Household(area_code=elsewhere[0], address=f"{n}栋")
        persons.move_out(village, actor, movers, away)
    elif step == "offer":
        sql = "SELECT id FROM households WHERE area_code != ? ORDER BY id"
        away = [r[0] for r in village.db.execute(sql, [area]).fetchall()]
        if not away:  # it holds no household of another area
            return
        households.move_person(
            village, actor, person, "投亲", Relation.OTHER, to_household_id=away[where % len(away)]
        )
    elif step == "withdraw":
        households.withdraw_offer(village, actor, person)
    elif step == "edit":
        loaded = records.get(village, Person, person)
        edited = loaded.model_copy(update={"phone": f"1380000{n:04d}"})
        persons.save(village, actor, edited, loaded=loaded, confirmed=True)
    elif step == "delete":
        persons.delete(village, actor, person, "死亡")


# A copy of a small county per example, one bundle each: seconds on the busy 2-core machine.
@pytest.mark.timeout(600)
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(name=st.sampled_from(sorted(DEVICES)), steps=STEPS)
def test_what_a_device_writes_the_hub_accepts(base, name, steps):
    work = Path(tempfile.mkdtemp(prefix="honest-"))
    try:
        _run(base, work, name, steps)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(base: Path, work: Path, name: str, steps: list[tuple[str, int, int]]) -> None:
    shutil.copytree(base, work, dirs_exist_ok=True)
    hub = Hub.open(work / "hub")
    village = Ledger.open(work / f"{name}.db")
    done = 0
    for n, (step, who, where) in enumerate(steps):
        try:
            _do(village, DEVICES[name], step, who, where, n)
            done += 1
            event(f"did {step}")
        except FieldappError:  # the device refused it (its door, or the entry rules)
            continue
    event(f"{done} of {len(steps)} done")
    hub.import_file(export_bundle(village, work / "up.fs").path)
    held: list[Any] = [(h.change.tbl, h.rule, h.reason) for h in hub.rejected()]
    assert held == [], (steps, held)
    for (person_id,) in village.db.execute("SELECT id FROM persons").fetchall():
        mine, theirs = village.get("persons", person_id), hub.ledger.get("persons", person_id)
        assert theirs is not None, person_id
        assert theirs["household_id"] == mine["household_id"], steps
        assert theirs["moving_to"] == mine["moving_to"], steps
    village.close()
    hub.close()
