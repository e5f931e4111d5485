"""A real HTTP hub on 127.0.0.1; area-limited answers; relocated people keep their history;
no ID number or name in clear in any bundle; conflicts listed and resolved everywhere."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.domain.models import Household, ServiceRecord
from fieldapp.hub.server import ServerThread
from fieldapp.services.persons import move_out
from fieldapp.services.writer import actor_of
from fieldapp.store.dump import canonical_dump
from fieldapp.store.queries.history import person_history
from fieldapp.sync.client import push
from fieldapp.sync.conflicts import list_conflicts, resolve
from fieldapp.sync.errors import SyncError
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.conftest import make_id
from tests.records import Records
from tests.sync.helpers import SITE, VILLAGE, add_family


@pytest.fixture
def server(hub):
    with ServerThread(hub.root) as running:
        yield running


def test_push_over_http_converges_and_revoked_device_is_told_why(server, hub, make_device):
    a = make_device("甲村", VILLAGE)
    b = make_device("甲村二号", VILLAGE)
    add_family(a, VILLAGE, ["101"])
    add_family(b, VILLAGE, ["103"], surname="李")
    with urllib.request.urlopen(server.url + "v1/health") as response:
        assert json.loads(response.read())["fingerprint"] == hub.fingerprint
    for device in (a, b, a):
        push(device, server.url)
    dumps = [canonical_dump(d.db) for d in (a, b)]
    assert dumps[0]["persons"] == dumps[1]["persons"] == canonical_dump(hub.ledger.db)["persons"]
    assert dumps[0]["changes"] == dumps[1]["changes"]
    hub.revoke("甲村二号", by="县里的科员")
    with pytest.raises(SyncError, match="注销"):
        push(b, server.url)


def test_push_to_nowhere_says_use_a_stick(make_device):
    a = make_device("甲村", VILLAGE)
    with pytest.raises(SyncError, match="无法连接"):
        push(a, "http://127.0.0.1:9/", timeout=5)


def test_area_limits_and_relocation_with_history(tmp_path, hub, make_device):
    village = make_device("红星村", VILLAGE)
    site = make_device("幸福安置点", SITE)
    other = make_device("远村", "520502202001")
    hh, (mover, stayer) = add_family(village, VILLAGE, ["101", "103"])
    repo = Records(village)
    repo.save(ServiceRecord(person_id=mover, service_date="2024-03-01", service_type="岗位推荐"))
    add_family(site, SITE, ["105"], surname="李", kind="安置点")
    add_family(other, "520502202001", ["107"], surname="王")
    for device in (village, site, other):
        hub.import_file(export_bundle(device, tmp_path / f"{device.device_id}.fs").path)

    def answer(device, name):
        import_bundle(device, hub.export_for(name, tmp_path / f"to-{name}.fs").path)

    answer(site, "幸福安置点")
    assert site.get("persons", mover) is None  # not the site's business yet
    # The family moves to the relocation site: a new household there, the mover joins it.
    moved_out = move_out(
        village, actor_of(village), [mover], Household(area_code=SITE, address="3栋2单元")
    )
    new_hh = moved_out.id
    hub.import_file(export_bundle(village, tmp_path / "v2.fs").path)
    answer(site, "幸福安置点")
    answer(other, "远村")
    moved = site.get("persons", mover)
    assert moved is not None and moved["household_id"] == new_hh
    assert site.get("persons", stayer) is None
    history = person_history(site, mover)
    assert {h.table for h in history} >= {"persons", "services"}
    assert any(h.field == "household_id" and h.new == hh for h in history)
    assert other.get("persons", mover) is None and other.get("households", hh) is None
    # The site edits the newcomer; the village (where they came from) keeps them as they were
    # when it moved them (docs/security.md: 迁出的人), and hears of its own people.
    site.update("persons", mover, {"phone": "13900000000"})
    hub.import_file(export_bundle(site, tmp_path / "s2.fs").path)
    with hub.ledger.transaction():
        hub.ledger.update("persons", stayer, {"phone": "13900000001"})
    answer(village, "红星村")
    assert village.get("persons", mover)["phone"] != "13900000000"
    assert village.get("persons", mover)["household_id"] == new_hh
    assert village.get("persons", stayer)["phone"] == "13900000001"


def test_no_id_number_or_name_in_clear(tmp_path, hub, make_device):
    a = make_device("甲村", VILLAGE)
    b = make_device("乙村", VILLAGE)
    add_family(a, VILLAGE, ["101", "103", "105"], surname="欧阳")
    up = export_bundle(a, tmp_path / "up.fs").path
    hub.import_file(up)
    down = hub.export_for("乙村", tmp_path / "down.fs").path
    import_bundle(b, down)
    numbers = [r[0] for r in b.db.execute("SELECT id_number FROM persons").fetchall()]
    names = [r[0] for r in b.db.execute("SELECT name FROM persons").fetchall()]
    assert len(numbers) == 3
    for path in (up, down):
        data = Path(path).read_bytes()
        for secret in numbers + names:
            for encoding in ("utf-8", "utf-16-le", "gb18030"):
                assert secret.encode(encoding) not in data
        for number in numbers:
            assert number[6:14].encode() not in data  # not even the birth date part
            assert number[-8:].encode() not in data


def test_conflict_listed_with_both_values_and_resolved_everywhere(
    tmp_path, hub, make_device, capsys
):
    a = make_device("甲村", VILLAGE)
    b = make_device("甲村二号", VILLAGE)
    _, (pid,) = add_family(a, VILLAGE, ["101"])
    hub.import_file(export_bundle(a, tmp_path / "a1.fs").path)
    import_bundle(b, hub.export_for("甲村二号", tmp_path / "b1.fs").path)
    a.update("persons", pid, {"phone": "13800000001"})
    b.update("persons", pid, {"phone": "13800000002"})
    a.update("persons", pid, {"notes": "甲的备注"})  # another field: both edits survive
    hub.import_file(export_bundle(a, tmp_path / "a2.fs").path)
    hub.import_file(export_bundle(b, tmp_path / "b2.fs").path)
    import_bundle(a, hub.export_for("甲村", tmp_path / "a3.fs").path)
    import_bundle(b, hub.export_for("甲村二号", tmp_path / "b3.fs").path)
    for ledger in (a, b, hub.ledger):
        (conflict,) = list_conflicts(ledger)
        assert {v.value for v in conflict.values} == {"13800000001", "13800000002"}
        assert {v.device for v in conflict.values} == {"甲村", "甲村二号"}
        assert ledger.get("persons", pid)["notes"] == "甲的备注"
    assert cli(["--db", b.path, "conflicts", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    keep = [v for v in listed[0]["values"] if v["value"] == "13800000001"][0]["value_id"]
    code = cli(["--db", b.path, "conflicts", "resolve", listed[0]["conflict_id"], "--keep", keep])
    assert code == 0
    b.close()
    from fieldapp.store.ledger import Ledger

    b = Ledger.open(b.path)
    hub.import_file(export_bundle(b, tmp_path / "b4.fs").path)
    import_bundle(a, hub.export_for("甲村", tmp_path / "a5.fs").path)
    import_bundle(b, hub.export_for("甲村二号", tmp_path / "b5.fs").path)
    for ledger in (a, b, hub.ledger):
        assert list_conflicts(ledger) == []
        assert ledger.get("persons", pid)["phone"] == "13800000001"
    b.close()


def test_resolve_with_a_new_value(tmp_path, hub, make_device):
    a = make_device("甲村", VILLAGE)
    b = make_device("乙", VILLAGE)
    _, (pid,) = add_family(a, VILLAGE, ["101"])
    hub.import_file(export_bundle(a, tmp_path / "a1.fs").path)
    import_bundle(b, hub.export_for("乙", tmp_path / "b1.fs").path)
    a.update("persons", pid, {"graduation_year": 2019})
    b.update("persons", pid, {"graduation_year": 2020})
    hub.import_file(export_bundle(a, tmp_path / "a2.fs").path)
    hub.import_file(export_bundle(b, tmp_path / "b2.fs").path)
    (conflict,) = list_conflicts(hub.ledger)
    resolve(hub.ledger, conflict.conflict_id, value="2021")
    assert hub.ledger.get("persons", pid)["graduation_year"] == 2021
    assert list_conflicts(hub.ledger) == []


def test_hub_lists_duplicate_id_entered_on_two_devices(tmp_path, hub, make_device):
    a = make_device("甲村", VILLAGE)
    b = make_device("乙村", VILLAGE)
    add_family(a, VILLAGE, ["101"])
    add_family(b, VILLAGE, ["101"], surname="王")  # same person, entered offline twice
    for device in (a, b):
        hub.import_file(export_bundle(device, tmp_path / f"{device.device_id}.fs").path)
    problems = hub.violations()
    assert [p["kind"] for p in problems] == ["duplicate_id"]
    message = str(problems[0]["message"])
    assert make_id(seq="101") not in message  # masked
    # who entered each at which device, by name: never the devices' internal ids
    assert "甲村员@甲村" in message and "乙村员@乙村" in message, message
    assert a.device_id not in message and b.device_id not in message, message
