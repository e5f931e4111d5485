"""Recovery real life needs: a device restored from its own backup keeps syncing (a new
incarnation), and a device whose area the county changes is sent nothing of its old area."""

from __future__ import annotations

import shutil

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.store.dump import canonical_dump
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.errors import BundleRefused
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE
from tests.sync.helpers import VILLAGE, add_family

OTHER = "520502202001"


def _copy(ledger: Ledger, to) -> None:
    ledger.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(ledger.path, to)


def test_a_device_restored_from_its_backup_keeps_syncing(tmp_path, hub, make_device, capsys):
    device = make_device("红星村", VILLAGE)
    _, (first,) = add_family(device, VILLAGE, ["101"])
    hub.import_file(export_bundle(device, tmp_path / "1.fs").path)
    import_bundle(device, hub.export_for("红星村", tmp_path / "1a.fs").path)
    _copy(device, tmp_path / "backup.db")
    # After the backup: more work, synced; and a bundle left on a stick.
    _, (after_backup,) = add_family(device, VILLAGE, ["103"], surname="李")
    hub.import_file(export_bundle(device, tmp_path / "2.fs").path)
    import_bundle(device, hub.export_for("红星村", tmp_path / "2a.fs").path)
    device.update("persons", first, {"phone": "13900000001"})
    stale = export_bundle(device, tmp_path / "stick.fs").path
    hub.import_file(stale)
    old_id = device.device_id
    device.close()
    shutil.copy(tmp_path / "backup.db", device.path)  # the disk died; the backup comes back
    restored = Ledger.open(device.path, author="红星村员")
    assert restored.get("persons", after_backup) is None
    restored.update("persons", first, {"notes": "恢复后录入"})
    with pytest.raises(BundleRefused) as refused:
        hub.import_file(export_bundle(restored, tmp_path / "3.fs").path)
    assert "fieldapp sync restored" in str(refused.value)  # told what to do, in plain words
    assert cli(["--db", restored.path, "sync", "restored"]) == 0
    assert "无需重新登记" in capsys.readouterr().out
    restored.close()
    restored = Ledger.open(device.path, author="红星村员")
    assert restored.device_id != old_id
    restored.update("persons", first, {"notes": "恢复后录入"})
    hub.import_file(export_bundle(restored, tmp_path / "4.fs").path)
    import_bundle(restored, hub.export_for("红星村", tmp_path / "4a.fs").path)
    # Its lost work came back, its new work landed, nothing was numbered twice.
    assert restored.get("persons", after_backup) is not None
    assert restored.get("persons", first)["phone"] == "13900000001"
    assert hub.ledger.get("persons", first)["notes"] == "恢复后录入"
    here, there = canonical_dump(restored.db), canonical_dump(hub.ledger.db)
    assert here["persons"] == there["persons"] and here["conflicts"] == there["conflicts"]
    # The old stick from before the restore is stale now, and says so.
    with pytest.raises(BundleRefused) as old:
        hub.import_file(export_bundle(_old_copy(tmp_path), tmp_path / "5.fs").path)
    assert old.value.code in {"replay", "reused_seq"}
    restored.close()


def _old_copy(tmp_path) -> Ledger:
    """A second copy of the pre-restore backup (as a stale ledger somewhere)."""
    shutil.copy(tmp_path / "backup.db", tmp_path / "twin.db")
    return Ledger.open(tmp_path / "twin.db", author="红星村员")


def test_a_changed_scope_stops_sending_the_old_area(tmp_path, hub, make_device):
    device = make_device("流动专员", VILLAGE)
    neighbour = make_device("红星村", VILLAGE)
    _, (old_person,) = add_family(neighbour, VILLAGE, ["101"])
    hub.import_file(export_bundle(neighbour, tmp_path / "n1.fs").path)
    import_bundle(device, hub.export_for("流动专员", tmp_path / "d1.fs").path)
    assert device.get("persons", old_person) is not None
    # The county moves the coordinator to another village: a new enrolment, a new scope.
    hub.enroll("流动专员", OTHER, tmp_path / "moved.json", code=ENROL_CODE, by="县里的科员")
    enrol(device, tmp_path / "moved.json", code=ENROL_CODE)
    neighbour.update("persons", old_person, {"phone": "13900000009"})
    hub.import_file(export_bundle(neighbour, tmp_path / "n2.fs").path)
    path = hub.export_for("流动专员", tmp_path / "d2.fs").path
    from tests.sync.helpers import unpack

    payload = unpack(path, device)["changes.ndjson"].decode("utf-8")
    assert old_person not in payload
    import_bundle(device, path)
    assert device.get("persons", old_person)["phone"] != "13900000009"
    # …and what it writes is judged by its new scope.
    device.update("persons", old_person, {"notes": "旧村的人"})
    result = hub.import_file(export_bundle(device, tmp_path / "d3.fs").path)
    assert result.held == 1 and hub.rejected()[0].rule == "scope"


def test_a_found_laptop_reenrolled_under_its_name_keeps_its_data(tmp_path, hub, make_device):
    device = make_device("红星村", VILLAGE)
    _, (pid,) = add_family(device, VILLAGE, ["101"])
    hub.import_file(export_bundle(device, tmp_path / "1.fs").path)
    hub.revoke("红星村", by="县里的科员")
    device.update("persons", pid, {"phone": "13900000002"})  # made while it was lost
    with pytest.raises(BundleRefused, match="注销"):
        hub.import_file(export_bundle(device, tmp_path / "2.fs").path)
    hub.enroll("红星村", VILLAGE, tmp_path / "again.json", code=ENROL_CODE, by="县里的科员")
    enrol(device, tmp_path / "again.json", code=ENROL_CODE)
    hub.import_file(export_bundle(device, tmp_path / "3.fs").path)
    assert hub.ledger.get("persons", pid)["phone"] == "13900000002"
    import_bundle(device, hub.export_for("红星村", tmp_path / "3a.fs").path)


def test_fieldapp_restore_starts_the_same_incarnation_as_sync_restored(tmp_path, hub):
    """One mechanism (`fieldapp.services.incarnation`) behind `fieldapp restore` of an encrypted
    backup and `fieldapp sync restored`: the backup's unacknowledged change moves to the new
    id, the bundle numbers jump, and the device syncs on with nothing lost or doubled."""
    from fieldapp.services import backup as backups
    from fieldapp.services.incarnation import RESTORE_SERIAL_STEP, previous_origins
    from fieldapp.store.sync_state import SyncState
    from fieldapp.store.vault import Credentials

    li = Credentials("李芳", "村里的口令1")
    hub.enroll("红星村", VILLAGE, tmp_path / "r.enrol", code=ENROL_CODE, by="县里的科员")
    device = Ledger.open(tmp_path / "laptop" / "ledger.db", credentials=li)
    enrol(device, tmp_path / "r.enrol", code=ENROL_CODE)
    _, (first,) = add_family(device, VILLAGE, ["101"])
    hub.import_file(export_bundle(device, tmp_path / "1.fs").path)
    import_bundle(device, hub.export_for("红星村", tmp_path / "1a.fs").path)
    device.update("persons", first, {"phone": "13900000003"})  # not sent before the backup
    saved = backups.backup(device, tmp_path / "红星村.fieldbackup")
    hub.import_file(export_bundle(device, tmp_path / "2.fs").path)  # …but sent after it
    import_bundle(device, hub.export_for("红星村", tmp_path / "2a.fs").path)
    device.update("persons", first, {"notes": "备份之后"})
    hub.import_file(export_bundle(device, tmp_path / "3.fs").path)
    old_id, sent = device.device_id, SyncState(device.db).peers("hub")[0].serial_out
    device.close()

    done = backups.restore(saved, tmp_path / "new" / "ledger.db", li)
    restored = Ledger.open(done.path, credentials=li)
    assert previous_origins(restored) == [old_id] and restored.device_id == done.device_id
    moved = restored.changes_since(restored.device_id, 0)
    assert [c.data for c in moved] == [{"phone": "13900000003"}]  # renumbered, not reused
    assert SyncState(restored.db).peers("hub")[0].serial_out > RESTORE_SERIAL_STEP > sent
    hub.import_file(export_bundle(restored, tmp_path / "4.fs").path)
    import_bundle(restored, hub.export_for("红星村", tmp_path / "4a.fs").path)
    person = restored.get("persons", first)
    assert (person["phone"], person["notes"]) == ("13900000003", "备份之后")
    here, there = canonical_dump(restored.db), canonical_dump(hub.ledger.db)
    assert here["persons"] == there["persons"] and here["conflicts"] == there["conflicts"] == []
    assert hub.rejected() == []
    restored.close()


def test_a_hub_restored_from_its_backup_takes_a_full_export_and_answers_again(
    tmp_path, hub, make_device
):
    """docs/hub.md: after the hub is restored from a backup, a device re-sends everything with
    `sync export --full`. That bundle was refused as tampered (确认了未发出的第 2 号包: the
    device had imported answers the restored hub no longer remembers making), and the hub's
    next answer as a replay on the device (已导入到第 2 号), so the device never synced
    again. The hub now numbers its answers past what the device saw and sends it a complete
    one."""
    from fieldapp.hub.folder import Hub

    device = make_device("红星村", VILLAGE)
    n = iter(range(100))

    def both_ways(target: Hub, full: bool = False) -> None:
        target.import_file(export_bundle(device, tmp_path / f"{next(n)}.fs", full=full).path)
        import_bundle(device, target.export_for("红星村", tmp_path / f"{next(n)}.fs").path)

    _, (before,) = add_family(device, VILLAGE, ["101"])
    both_ways(hub)
    hub.ledger.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    backup = tmp_path / "hub-backup.db"
    shutil.copy(hub.root / "hub.db", backup)
    _, (after,) = add_family(device, VILLAGE, ["102"], surname="王")
    both_ways(hub)
    root = hub.root
    hub.close()
    for leftover in root.glob("hub.db*"):
        leftover.unlink()
    shutil.copy(backup, root / "hub.db")
    restored = Hub.open(root)
    try:
        assert restored.ledger.get("persons", after) is None
        both_ways(restored, full=True)
        assert restored.ledger.get("persons", after) is not None
        _, (later,) = add_family(device, VILLAGE, ["103"], surname="李")
        both_ways(restored)
        assert restored.ledger.get("persons", later) is not None
        assert {before, after, later} <= {r["id"] for r in device.db["persons"].rows}
    finally:
        restored.close()


def test_another_devices_change_held_otherwise_is_refused_in_words(tmp_path, hub, make_device):
    """A change the hub sends that the device holds with other content was refused as
    '修改 <device id>:<n>', which the 同步 page showed as it was: the coordinator is told in
    words whose change it is and what to do; the command line keeps the id."""
    first = make_device("红星村", VILLAGE)
    second = make_device("青山村", VILLAGE)
    add_family(first, VILLAGE, ["101"])
    hub.import_file(export_bundle(first, tmp_path / "1.fs").path)
    import_bundle(second, hub.export_for("青山村", tmp_path / "1a.fs").path)
    # The hub's copy of 红星村's first change now differs from what 青山村 holds (a hub
    # ledger put together from two copies, around the guard on its log), and it is sent again.
    hub.ledger.db.execute("DROP TRIGGER changes_no_update")
    hub.ledger.db.execute(
        "UPDATE changes SET author = '别人' WHERE device_id = ? AND seq = 1", [first.device_id]
    )
    hub.state.forget_sent("青山村")
    answer = hub.export_for("青山村", tmp_path / "2a.fs").path
    with pytest.raises(BundleRefused) as refused:
        import_bundle(second, answer)
    said = str(refused.value)
    assert refused.value.code == "reused_seq"
    assert first.device_id not in said and "修改 " not in said
    assert "设备「红星村」" in said and "台账没有改动" in said
    assert first.device_id in refused.value.cli_hint
    assert cli(["--db", second.path, "sync", "import", str(answer)]) != 0
