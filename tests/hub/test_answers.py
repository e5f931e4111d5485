"""Answers that cost what changed: the incremental answer equals the one worked out afresh,
and an answer with nothing new reads next to nothing."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from fieldapp.domain.models import Area, Household, ServiceRecord
from fieldapp.store import answers
from fieldapp.store.dump import canonical_dump
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.records import Records
from tests.sync.helpers import VILLAGE, add_family

OTHER_VILLAGE = "520502101002"

AREAS = ["520502101001", "520502101002", "520502010901"]


def _round_trip(hub, device, name: str, folder: Path, n: int) -> None:
    hub.import_file(export_bundle(device, folder / f"up-{name}-{n}.fs").path)
    import_bundle(device, hub.export_for(name, folder / f"down-{name}-{n}.fs").path)


def _ids(plan) -> set[str]:
    return {f"{c[0]}:{c[1]}" for c in plan.changes}


@pytest.mark.parametrize("seed", range(int(os.environ.get("FIELDAPP_ANSWER_SEEDS", "4"))))
def test_incremental_answer_equals_answer_worked_out_afresh(tmp_path, hub, make_device, seed):
    rng = random.Random(seed)
    names = ["一村", "二村", "安置点"]
    devices = {name: make_device(name, area) for name, area in zip(names, AREAS, strict=True)}
    for n, (name, device) in enumerate(devices.items()):
        add_family(
            device, AREAS[n], [f"{100 + 10 * n + k:03d}" for k in range(2)], surname="张王李"[n]
        )
        _round_trip(hub, device, name, tmp_path, 0)
    for name, device in devices.items():  # each confirms its first answer: the next may be
        _round_trip(hub, device, name, tmp_path, 1)  # incremental (seeds 16, 27 never were)
    repo = Records(hub.ledger)
    steps = 0
    for step in range(1, 25):
        action = rng.choice(
            ["move", "recode", "service", "family", "edit", "group", "claim", "batch", "trip"]
            + ["trip", "offer", "offered"]
        )
        persons = [r[0] for r in hub.ledger.db.execute("SELECT id FROM persons ORDER BY id")]
        households = [r[0] for r in hub.ledger.db.execute("SELECT id FROM households ORDER BY id")]
        if action == "move":
            # The county moves a person into a new household in another area.
            with hub.ledger.transaction():
                new = repo.save(Household(area_code=rng.choice(AREAS), address=f"{step}栋"))
                hub.ledger.update("persons", rng.choice(persons), {"household_id": new})
        elif action == "recode":
            with hub.ledger.transaction():
                hub.ledger.update(
                    "households", rng.choice(households), {"area_code": rng.choice(AREAS)}
                )
        elif action == "service":
            with hub.ledger.transaction():
                repo.save(
                    ServiceRecord(
                        person_id=rng.choice(persons),
                        service_date="2024-03-01",
                        service_type="岗位推荐",
                    )
                )
        elif action == "group":
            # The county adds a group (组) under a village, with a household in it.
            parent = rng.choice(AREAS)
            code = f"{parent}{step:03d}"
            with hub.ledger.transaction():
                repo.ensure_area(Area(code=code, name=f"{step}组", kind="组", parent_code=parent))
                repo.save(Household(area_code=code, address=f"{step}号"))
        elif action == "claim":
            # A claim on a person (a village's claim reaching the hub).
            with hub.ledger.transaction():
                hub.ledger.insert("claims", {"person_id": rng.choice(persons), "rule_id": "r"})
        elif action == "batch":
            # The county batches some claims under its own code, or renames a batch: a batch
            # travels to the devices holding one of its claims, with its later changes.
            claims = [r[0] for r in hub.ledger.db.execute("SELECT id FROM claims ORDER BY id")]
            batches = [r[0] for r in hub.ledger.db.execute("SELECT id FROM batches ORDER BY id")]
            with hub.ledger.transaction():
                if batches and rng.random() < 0.3:
                    hub.ledger.update("batches", rng.choice(batches), {"title": f"第{step}批"})
                else:
                    batch = hub.ledger.insert(
                        "batches", {"rule_id": "r", "area_code": "520502", "title": f"{step}"}
                    )
                    for claim in rng.sample(claims, min(len(claims), 2)):
                        hub.ledger.update("claims", claim, {"batch_id": batch})
        elif action == "offer":
            # A person offered to a household (of another area, or not): the device of the
            # household's area receives them as its own (`answers.OFFER`) until taken in.
            with hub.ledger.transaction():
                hub.ledger.update(
                    "persons", rng.choice(persons), {"moving_to": rng.choice(households)}
                )
        elif action == "offered":
            # An offer taken up (the person moves into the household) or turned down.
            offered = [
                tuple(r)
                for r in hub.ledger.db.execute(
                    "SELECT id, moving_to FROM persons WHERE moving_to IS NOT NULL ORDER BY id"
                )
            ]
            if offered:
                person, there = rng.choice(offered)
                taken = {"household_id": there} if rng.random() < 0.5 else {}
                with hub.ledger.transaction():
                    hub.ledger.update("persons", person, {**taken, "moving_to": None})
        elif action == "edit":
            with hub.ledger.transaction():
                hub.ledger.update("persons", rng.choice(persons), {"phone": f"139{step:08d}"})
        elif action == "family":
            name = rng.choice(names)
            area = AREAS[names.index(name)]
            add_family(devices[name], area, [f"{300 + step:03d}"], surname="赵")
        else:
            name = rng.choice(names)
            _round_trip(hub, devices[name], name, tmp_path, step)
        for name in names:
            quick = hub.plan_answer(name)
            fresh = hub.plan_answer(name, afresh=True)
            assert _ids(quick) == _ids(fresh), (seed, step, action, name)
            steps += quick.incremental
    assert steps > 0  # the incremental path was taken, not only the fallback
    # And the devices end where the hub is, for what is theirs: the rows of their area now (a
    # row that left it is kept as it was when it left, and hears nothing after: a phone the
    # county wrote since is not theirs to hear).
    for name, device in devices.items():
        _round_trip(hub, device, name, tmp_path, 99)
    for name, device in devices.items():
        _round_trip(hub, device, name, tmp_path, 100)  # (what the others sent last)
    hub_rows = canonical_dump(hub.ledger.db)["persons"]
    for name, device in devices.items():
        theirs = answers.live_scope(hub.ledger.db, AREAS[names.index(name)])
        held = [p for p in canonical_dump(device.db)["persons"] if p[0]["id"] in theirs]
        assert all(p in hub_rows for p in held), name
        assert {p[0]["id"] for p in held} == {p[0]["id"] for p in hub_rows if p[0]["id"] in theirs}


def test_nothing_new_reads_nothing_and_a_change_in_the_area_arrives(tmp_path, hub, make_device):
    a = make_device("一村", AREAS[0])
    b = make_device("二村", AREAS[1])
    _, (pa,) = add_family(a, AREAS[0], ["101"])
    add_family(b, AREAS[1], ["103"], surname="王")
    for n, (device, name) in enumerate([(a, "一村"), (b, "二村")] * 2 + [(a, "一村")]):
        _round_trip(hub, device, name, tmp_path, n)
    # 一村 confirmed an answer made after everything the hub holds.
    plan = hub.plan_answer("一村")
    assert plan.incremental and not plan.changes and not plan.arrived
    # Another village's news costs 一村 only the reading of that news, and sends nothing.
    add_family(b, AREAS[1], ["105"], surname="刘")
    hub.import_file(export_bundle(b, tmp_path / "b-new.fs").path)
    plan = hub.plan_answer("一村")
    assert plan.incremental and plan.arrived and not plan.changes
    # A change to 一村's person from the county arrives.
    with hub.ledger.transaction():
        hub.ledger.update("persons", pa, {"phone": "13900000001"})
    plan = hub.plan_answer("一村")
    assert [c[5] for c in plan.changes] == [pa]
    import_bundle(a, hub.export_for("一村", tmp_path / "a-last.fs").path)
    assert a.get("persons", pa)["phone"] == "13900000001"


def test_a_hub_of_the_version_before_batches_travelled_works_each_answer_out_once(
    tmp_path, hub, make_device
):
    """A scope holds more than it did (a claim's batch travels with it): a hub opened by this
    version works every device's next answer out in full once, so claims batched before it
    bring their batch; the answers after that cost what changed again."""
    from fieldapp.hub.folder import Hub

    a = make_device("一村", AREAS[0])
    add_family(a, AREAS[0], ["101"])
    for n in range(2):
        _round_trip(hub, a, "一村", tmp_path, n)
    assert hub.plan_answer("一村").incremental
    with hub.ledger.transaction():  # as a hub of the version before left it
        hub.ledger.set_meta("answer_scope_rules", None)
    again = Hub.open(hub.root)
    try:
        assert not again.plan_answer("一村").incremental
        import_bundle(a, again.export_for("一村", tmp_path / "afresh.fs").path)
        hub.import_file(export_bundle(a, tmp_path / "ack.fs").path)
        assert again.plan_answer("一村").incremental
    finally:
        again.close()


def test_a_hub_indexes_visits_by_person_once(hub):
    """Every ledger indexes visits by person (migration 24); a hub made before that had its
    own copy of the same index, which it drops when it next opens (each index costs every
    insert of a merge)."""
    from fieldapp.hub.folder import Hub
    from fieldapp.store.postgres import index_names

    def on_visits_person() -> set[str]:
        return {
            n for n in index_names(hub.ledger.db) if n in ("idx_visits_person", "hub_visits_person")
        }

    assert on_visits_person() == {"idx_visits_person"}
    with hub.ledger.transaction():  # as a hub made before migration 24 has it
        hub.ledger.db.execute("CREATE INDEX hub_visits_person ON visits(person_id)")
    assert len(on_visits_person()) == 2
    root = hub.root
    hub.close()
    hub = Hub.open(root)
    try:
        assert on_visits_person() == {"idx_visits_person"}
    finally:
        hub.close()


def test_an_answer_names_only_the_devices_whose_changes_it_carries(hub, make_device, tmp_path):
    """A village learns the names of those who write in its area, not every device of the
    county (the hub named them all in each answer)."""
    from fieldapp.store.queries.sync import device_names

    with hub.ledger.transaction():  # the county's area list, as every device receives it
        for code in (VILLAGE, OTHER_VILLAGE):
            Records(hub.ledger).ensure_area(Area(code=code, name=f"村{code[-3:]}", kind="村"))
    a = make_device("甲村笔记本", VILLAGE)
    far = make_device("远村笔记本", OTHER_VILLAGE)
    for name, device, area in (("甲村笔记本", a, VILLAGE), ("远村笔记本", far, OTHER_VILLAGE)):
        import_bundle(device, hub.export_for(name, tmp_path / f"{area}.fs").path)
        add_family(device, area, ["101"])
        hub.import_file(export_bundle(device, tmp_path / "up.fs").path)
    answer = hub.export_for("甲村笔记本", tmp_path / "a.fs")
    import_bundle(a, answer.path)
    names = set(device_names(a).values())
    assert hub.identity.name in names and "甲村笔记本" in names
    assert "远村笔记本" not in names


def test_a_family_back_in_the_area_by_a_household_it_never_held_arrives_whole(
    tmp_path, hub, make_device
):
    """A person who moved out of the village (the village was told, and confirmed it) comes
    back when the county recodes their new household into the village: a household the village
    never held. The next answer sends them whole again — what they became while away too —
    not only the household (the incremental answer took them for still held, and forgot them)."""
    b = make_device("二村", AREAS[1])
    _, (p, _) = add_family(b, AREAS[1], ["103", "104"], surname="王")
    for n in range(2):
        _round_trip(hub, b, "二村", tmp_path, n)
    repo = Records(hub.ledger)
    with hub.ledger.transaction():  # the county moves them to the resettlement site
        there = repo.save(Household(area_code=AREAS[2], address="安置点1栋"))
        hub.ledger.update("persons", p, {"household_id": there})
    _round_trip(hub, b, "二村", tmp_path, 2)  # 二村 is told they left
    with hub.ledger.transaction():  # while away, and then the household comes under 二村
        hub.ledger.update("persons", p, {"phone": "13900000002"})
        hub.ledger.update("households", there, {"area_code": AREAS[1]})
    hub.import_file(export_bundle(b, tmp_path / "ack.fs").path)  # confirms it was told
    assert _ids(hub.plan_answer("二村")) == _ids(hub.plan_answer("二村", afresh=True))
    import_bundle(b, hub.export_for("二村", tmp_path / "back.fs").path)
    assert b.get("persons", p)["phone"] == "13900000002"
    assert b.get("households", there)["area_code"] == AREAS[1]


def test_a_batch_the_village_no_longer_has_a_claim_in_is_kept_as_it_left(
    tmp_path, hub, make_device
):
    """The county batches a village's claim, then moves it to another batch: the first batch
    leaves the village's scope (none of its claims is the village's now). The village keeps it
    as it was and hears nothing of it after, as of a family that moved out — the incremental
    answer kept sending it the batch's later changes (it missed that the batch left)."""
    a = make_device("一村", AREAS[0])
    _, (pa,) = add_family(a, AREAS[0], ["101"])
    _round_trip(hub, a, "一村", tmp_path, 0)
    with hub.ledger.transaction():
        claim = hub.ledger.insert("claims", {"person_id": pa, "rule_id": "r"})
        first = hub.ledger.insert("batches", {"rule_id": "r", "area_code": "520502", "title": "1"})
        hub.ledger.update("claims", claim, {"batch_id": first})
    for n in (1, 2):
        _round_trip(hub, a, "一村", tmp_path, n)
    assert a.get("batches", first)["title"] == "1"
    with hub.ledger.transaction():
        second = hub.ledger.insert("batches", {"rule_id": "r", "area_code": "520502", "title": "2"})
        hub.ledger.update("claims", claim, {"batch_id": second})
    for n in (3, 4):  # told the first batch left; confirms it
        _round_trip(hub, a, "一村", tmp_path, n)
    with hub.ledger.transaction():
        hub.ledger.update("batches", first, {"title": "改名"})
    hub.import_file(export_bundle(a, tmp_path / "ack.fs").path)
    assert _ids(hub.plan_answer("一村")) == _ids(hub.plan_answer("一村", afresh=True))
    import_bundle(a, hub.export_for("一村", tmp_path / "last.fs").path)
    assert a.get("batches", first)["title"] == "1"
    assert a.get("claims", claim)["batch_id"] == second
    assert a.get("batches", second)["title"] == "2"
