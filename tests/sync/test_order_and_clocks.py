"""Order does not matter, twice is once, skewed clocks still converge and still show conflicts,
and the one-time subsidy guard is re-run on merged data at the hub."""

from __future__ import annotations

import shutil
import time

import pytest

from fieldapp.hub.folder import Hub
from fieldapp.store.dump import canonical_dump
from fieldapp.store.hlc import MAX_DRIFT_MS, HybridClock
from fieldapp.store.ledger import Ledger
from fieldapp.sync.conflicts import list_conflicts
from fieldapp.sync.errors import AlreadyImported, BundleRefused
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.sync.helpers import JOB_START, VILLAGE, add_family, add_job, job_of

YEAR_MS = 365 * 24 * 3600 * 1000
HOUR_MS = 3600 * 1000


def _try(action) -> None:
    try:
        action()
    except (AlreadyImported, BundleRefused):
        pass


def test_hub_b1_b2_equals_b2_b1_b1(tmp_path, hub, make_device):
    a = make_device("甲村", VILLAGE)
    b = make_device("乙村", VILLAGE)
    _, (pid,) = add_family(a, VILLAGE, ["101"])
    add_family(b, VILLAGE, ["103"], surname="李")
    b1 = export_bundle(a, tmp_path / "b1.fs").path
    b2 = export_bundle(b, tmp_path / "b2.fs").path
    hub.ledger.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copytree(hub.root, tmp_path / "twin")
    twin = Hub.open(tmp_path / "twin")
    hub.import_file(b1)
    hub.import_file(b2)
    once = canonical_dump(hub.ledger.db)
    for path in (b2, b1, b1):
        _try(lambda p=path: twin.import_file(p))
    assert canonical_dump(twin.ledger.db) == once
    _try(lambda: hub.import_file(b1))  # importing again changes nothing
    assert canonical_dump(hub.ledger.db) == once
    twin.close()


def test_device_b1_b2_equals_b2_b1_b1(tmp_path, hub, make_device):
    a = make_device("甲村", VILLAGE)
    c = make_device("丙村", VILLAGE)
    add_family(a, VILLAGE, ["101"])
    hub.import_file(export_bundle(a, tmp_path / "a1.fs").path)
    b1 = hub.export_for("丙村", tmp_path / "b1.fs").path
    add_family(a, VILLAGE, ["103"], surname="李")
    hub.import_file(export_bundle(a, tmp_path / "a2.fs").path)
    b2 = hub.export_for("丙村", tmp_path / "b2.fs").path
    c.close()
    shutil.copy(c.path, tmp_path / "c-twin.db")
    first, twin = Ledger.open(c.path), Ledger.open(tmp_path / "c-twin.db")
    for path in (b1, b2):
        import_bundle(first, path)
    for path in (b2, b1, b1):
        _try(lambda p=path: import_bundle(twin, p))
    assert canonical_dump(first.db) == canonical_dump(twin.db)
    assert canonical_dump(first.db)["persons"] == canonical_dump(hub.ledger.db)["persons"]
    first.close()
    twin.close()


def _skew(ledger: Ledger, offset: int) -> None:
    ledger.clock = HybridClock(None, now_ms=lambda: int(time.time() * 1000) + offset)


# A clock more than a day ahead of the hub's has its changes held (`stamped_ahead`,
# tests/sync/test_hostile_stamped_ahead.py); one up to a day ahead is followed.
@pytest.mark.parametrize(
    "ahead,behind", [(20 * HOUR_MS, -3 * YEAR_MS), (MAX_DRIFT_MS - HOUR_MS, 0), (0, -20 * YEAR_MS)]
)
def test_skewed_clocks_converge_and_detect_conflicts(tmp_path, hub, make_device, ahead, behind):
    a = make_device("快钟", VILLAGE)
    b = make_device("慢钟", VILLAGE)
    _skew(a, ahead)
    _skew(b, behind)
    _, (pid,) = add_family(a, VILLAGE, ["101"])

    def exchange() -> None:
        for device, name in ((a, "快钟"), (b, "慢钟"), (a, "快钟")):
            hub.import_file(export_bundle(device, tmp_path / f"{time.time_ns()}.fs").path)
            import_bundle(device, hub.export_for(name, tmp_path / f"{time.time_ns()}.fs").path)

    exchange()
    # b saw a's future-stamped value; b's later edit wins although its stamp may be earlier.
    b.update("persons", pid, {"notes": "慢钟改的"})
    exchange()
    assert a.get("persons", pid)["notes"] == "慢钟改的"
    assert list_conflicts(a) == []
    # concurrent edits are still a conflict, whatever the clocks say
    a.update("persons", pid, {"phone": "1"})
    b.update("persons", pid, {"phone": "2"})
    exchange()
    dumps = [canonical_dump(x.db) for x in (a, b, hub.ledger)]
    assert dumps[0] == dumps[1] == dumps[2]
    (conflict,) = list_conflicts(a)
    assert {v.value for v in conflict.values} == {"1", "2"}


def test_hub_lists_a_one_time_subsidy_claimed_on_two_devices(tmp_path, hub, make_device):
    from fieldapp.services.policy_admin import publish
    from tests.policy.helpers import COUNTY_PACK

    publish(hub.ledger, COUNTY_PACK, "county.toml")  # the figure a dated claim is judged by
    a = make_device("甲村", VILLAGE)
    b = make_device("甲村二号", VILLAGE)
    _, (pid,) = add_family(a, VILLAGE, ["101"])
    add_job(a, pid)
    with a.transaction():  # (a category the subsidy pays to: `claim_category`)
        a.insert(
            "person_categories",
            {"person_id": pid, "category": "农村低保对象", "start_date": "2016-01-01"},
        )
    hub.import_file(export_bundle(a, tmp_path / "a1.fs").path)
    import_bundle(b, hub.export_for("甲村二号", tmp_path / "b1.fs").path)
    claim = {
        "person_id": pid,
        "area_code": VILLAGE,
        "claim_date": "2026-06-05",
        "rule_id": "transport_cross_county",
        "limit_key": f"transport|{pid}|ever",
        "spell_id": job_of(pid),
        "event_date": JOB_START,
        "state": "已提交",
        "amount": 500.0,
    }
    a.insert("claims", claim)
    b.insert("claims", claim)  # both offline: neither device could see the other's claim
    hub.import_file(export_bundle(a, tmp_path / "a2.fs").path)
    hub.import_file(export_bundle(b, tmp_path / "b2.fs").path)
    kinds = [p["kind"] for p in hub.violations()]
    assert kinds == ["limit"]
