"""Encrypted backups (issue 16): nothing in clear, a password to restore, and a device restored
on another path keeps syncing with the hub."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.hub.folder import Hub
from fieldapp.saving import CannotWrite
from fieldapp.services import backup as backups
from fieldapp.store import keyfile
from fieldapp.store.backup import MAGIC, BackupError
from fieldapp.store.dump import canonical_dump
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import SyncState
from fieldapp.store.vault import Credentials
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE
from tests.helpers.clear_text import assert_no_clear_text, realistic_session
from tests.sync.helpers import VILLAGE, add_family

LI = Credentials("李芳", "村里的口令1")


def _device(tmp_path: Path, hub: Hub) -> Ledger:
    hub.enroll("红星村", VILLAGE, tmp_path / "r.enrol", code=ENROL_CODE, by="县里的科员")
    device = Ledger.open(tmp_path / "laptop" / "ledger.db", credentials=LI)
    enrol(device, tmp_path / "r.enrol", code=ENROL_CODE)
    return device


def _round(device: Ledger, hub: Hub, folder: Path, n: int) -> None:
    sent = export_bundle(device, folder / f"up{n}.fieldsync")
    hub.import_file(sent.path)
    answer = hub.export_for("红星村", folder / f"down{n}.fieldsync")
    import_bundle(device, answer.path)


def test_a_backup_holds_no_secret_in_clear_and_needs_a_password(tmp_path: Path) -> None:
    hub = Hub.init(tmp_path / "hub")
    device = _device(tmp_path, hub)
    realistic_session(device)
    out = backups.backup(device, tmp_path / "u盘" / "红星村.fieldbackup")
    identity = SyncState(device.db).identity()
    assert identity is not None
    data = out.read_bytes()
    assert data.startswith(MAGIC)
    assert_no_clear_text(out)
    for secret in (identity.sign_secret, identity.box_secret, device.unlocked.key):
        assert secret not in data and secret.hex().encode() not in data
    header = json.loads(data[len(MAGIC) : data.index(b"\n", len(MAGIC))])
    assert set(header) == {"format", "created_at", "size", "sha256", "keys", "mac"}
    with pytest.raises(keyfile.WrongPassword):
        backups.check_backup(out, Credentials("李芳", "猜的口令123"))
    assert backups.check_backup(out, LI)["persons"] == 3
    broken = tmp_path / "broken.fieldbackup"
    broken.write_bytes(data[:-100])
    with pytest.raises(BackupError):
        backups.read_backup(broken)
    device.close()
    hub.close()


def test_a_backup_that_cannot_be_written_is_told_and_the_last_one_kept(tmp_path: Path) -> None:
    device = Ledger.open(tmp_path / "ledger.db", credentials=LI)
    try:
        stick = tmp_path / "u盘"
        kept = backups.backup(device, stick / "红星村.fieldbackup")
        before = kept.read_bytes()
        (stick / "文件夹.fieldbackup").mkdir()
        cases = {
            stick / "文件夹.fieldbackup": "这是一个文件夹的名字，请写文件名",
            kept / "再一份.fieldbackup": f"“{kept}”是文件，不是文件夹",
        }
        for dest, said in cases.items():
            with pytest.raises(CannotWrite) as refused:
                backups.backup(device, dest)
            assert str(refused.value) == f"无法写入“{dest.name}”：{said}"
        assert kept.read_bytes() == before
        assert not list(stick.rglob("*.part"))
        # The folder given back to restore from is named as a folder, not as missing.
        with pytest.raises(BackupError, match="是文件夹，请选择备份文件本身"):
            backups.read_backup(stick / "文件夹.fieldbackup")
    finally:
        device.close()


def test_a_device_restored_on_another_path_keeps_syncing(tmp_path: Path) -> None:
    hub = Hub.init(tmp_path / "hub")
    device = _device(tmp_path, hub)
    add_family(device, VILLAGE, ["101", "102"])
    _round(device, hub, tmp_path, 1)
    saved = backups.backup(device, tmp_path / "红星村.fieldbackup")
    # After the backup the laptop goes on working and syncing, then dies.
    add_family(device, VILLAGE, ["103"], surname="李")
    _round(device, hub, tmp_path, 2)
    old_id = device.device_id
    device.close()

    new_path = tmp_path / "new-laptop" / "ledger.db"
    with pytest.raises(keyfile.WrongPassword):
        backups.restore(saved, new_path, Credentials("李芳", "猜的口令123"))
    assert not new_path.exists()
    done = backups.restore(saved, new_path, LI)
    assert done.previous_device_id == old_id and done.device_id != old_id
    restored = Ledger.open(new_path, credentials=LI)
    add_family(restored, VILLAGE, ["104"], surname="王")
    _round(restored, hub, tmp_path, 3)  # accepted: no reused change numbers, no replay
    names = {r[0] for r in hub.ledger.db.execute("SELECT name FROM persons")}
    assert {"王0", "李0", "张0", "张1"} <= names
    # And the hub's news reaches the restored laptop: another device's family.
    hub.enroll("红星村二号", VILLAGE, tmp_path / "r2.enrol", code=ENROL_CODE, by="县里的科员")
    other = Ledger.open(tmp_path / "other" / "ledger.db", credentials=LI)
    enrol(other, tmp_path / "r2.enrol", code=ENROL_CODE)
    add_family(other, VILLAGE, ["105"], surname="赵")
    hub.import_file(export_bundle(other, tmp_path / "o.fieldsync").path)
    answer = hub.export_for("红星村", tmp_path / "down4.fieldsync")
    import_bundle(restored, answer.path)
    assert "赵0" in {r[0] for r in restored.db.execute("SELECT name FROM persons")}
    assert canonical_dump(restored.db)["persons"]
    other.close()
    restored.close()
    hub.close()


def test_a_backup_cut_short_anywhere_is_said_incomplete_and_the_ledger_stands(
    tmp_path: Path,
) -> None:
    # A copy onto the stick interrupted (pulled out, full) leaves a short file, often empty
    # on a FAT stick; one cut inside the first line was called 不是台账备份 — the wrong file.
    source = Ledger.open(tmp_path / "旧" / "ledger.db", credentials=LI)
    realistic_session(source)
    whole = backups.back_up(source, tmp_path / "整.fieldbackup").read_bytes()
    source.close()
    target = tmp_path / "新" / "ledger.db"
    ledger = Ledger.open(target, credentials=LI)
    ledger.set_meta("note", "恢复前的工作")
    ledger.close()
    for cut in (0, 1, len(MAGIC) - 1, len(MAGIC) + 10, len(whole) // 2, len(whole) - 1):
        short = tmp_path / f"截断{cut}.fieldbackup"
        short.write_bytes(whole[:cut])
        with pytest.raises(BackupError) as refused:
            backups.restore(short, target, LI)
        said = str(refused.value)
        assert said.startswith(f"备份文件 {short.name} ") and "不完整" in said, (cut, said)
    again = Ledger.open(target, credentials=LI)
    assert again.get_meta("note") == "恢复前的工作"
    again.close()
