"""Every damaged, foreign or replayed bundle is refused: ledger unchanged, file quarantined."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from fieldapp.hub.folder import Hub
from fieldapp.store.dump import canonical_dump
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import SyncState
from fieldapp.sync.bundle import MAGIC
from fieldapp.sync.errors import BundleRefused
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE
from tests.sync.helpers import VILLAGE, add_family, repack, unpack

REFUSED_CODES = {"not_bundle", "truncated", "tampered", "newer_format", "wrong_recipient"}


def refuse(hub: Hub, path: Path, code: str | set[str]) -> BundleRefused:
    """Import must be refused with `code`, leave the hub unchanged and quarantine the file."""
    before = canonical_dump(hub.ledger.db)
    with pytest.raises(BundleRefused) as caught:
        hub.import_file(path)
    codes = {code} if isinstance(code, str) else code
    assert caught.value.code in codes, str(caught.value)
    assert canonical_dump(hub.ledger.db) == before
    kept = Path(caught.value.quarantined)
    assert kept.parent == hub.folders.quarantine and kept.exists()
    reason = kept.with_name(kept.name + ".reason.txt").read_text(encoding="utf-8")
    assert caught.value.code in reason
    return caught.value


@pytest.fixture
def sent(tmp_path, hub, make_device) -> tuple[Ledger, Path]:
    device = make_device("甲村", VILLAGE)
    add_family(device, VILLAGE, ["101", "103"])
    return device, export_bundle(device, tmp_path / "a.fieldsync").path


def test_every_flipped_byte_is_refused(tmp_path, hub, sent):
    _device, path = sent
    data = path.read_bytes()
    before = canonical_dump(hub.ledger.db)
    for position in range(len(data)):
        flipped = bytearray(data)
        flipped[position] ^= 0x01
        target = tmp_path / "flip.fieldsync"
        target.write_bytes(bytes(flipped))
        with pytest.raises(BundleRefused) as caught:
            hub.import_file(target)
        assert caught.value.code in REFUSED_CODES, (position, str(caught.value))
    assert canonical_dump(hub.ledger.db) == before
    assert len(list(hub.folders.quarantine.glob("*.reason.txt"))) == len(data)
    print(f"byte flips refused: {len(data)} of {len(data)} positions")
    hub.import_file(path)  # the intact bundle still imports afterwards
    assert canonical_dump(hub.ledger.db) != before


@pytest.mark.parametrize("keep", [0, 5, len(MAGIC), len(MAGIC) + 20, 0.5, -1])
def test_truncated_bundle_is_refused(tmp_path, hub, sent, keep):
    _device, path = sent
    data = path.read_bytes()
    length = int(len(data) * keep) if isinstance(keep, float) else keep % (len(data) + 1)
    if keep == -1:
        length = len(data) - 1
    cut = tmp_path / "cut.fieldsync"
    cut.write_bytes(data[:length])
    refuse(hub, cut, {"truncated", "tampered", "not_bundle"})


def test_swapped_or_dropped_payload_is_refused(tmp_path, hub, sent):
    device, path = sent
    add_family(device, VILLAGE, ["105"], surname="李")
    other = export_bundle(device, tmp_path / "b.fieldsync").path
    parts = unpack(path, hub.ledger)
    parts["changes.ndjson"] = unpack(other, hub.ledger)["changes.ndjson"]
    refuse(hub, repack(parts, hub.ledger, path, tmp_path / "swap.fieldsync"), "tampered")
    parts = unpack(path, hub.ledger)
    lines = parts["changes.ndjson"].splitlines(keepends=True)
    parts["changes.ndjson"] = b"".join(lines[:-1])
    refuse(hub, repack(parts, hub.ledger, path, tmp_path / "drop.fieldsync"), "tampered")
    parts = unpack(path, hub.ledger)
    parts["manifest.json"] = parts["manifest.json"].replace(b'"serial":1', b'"serial":9')
    refuse(hub, repack(parts, hub.ledger, path, tmp_path / "resigned.fieldsync"), "tampered")


def test_replayed_bundle_is_refused(tmp_path, hub, sent):
    device, old = sent
    add_family(device, VILLAGE, ["105"], surname="李")
    new = export_bundle(device, tmp_path / "new.fieldsync").path
    hub.import_file(new)
    refuse(hub, old, "replay")


def test_wrong_recipient_is_refused(tmp_path, hub, sent, make_device):
    _device, path = sent
    other_hub = Hub.init(tmp_path / "other-hub")
    try:
        refuse(other_hub, path, "wrong_recipient")
    finally:
        other_hub.close()
    neighbour = make_device("乙村", VILLAGE)
    before = canonical_dump(neighbour.db)
    with pytest.raises(BundleRefused) as caught:
        import_bundle(neighbour, path)  # a device bundle handed to another device
    assert caught.value.code == "wrong_recipient"
    assert canonical_dump(neighbour.db) == before


def test_revoked_and_unknown_keys_are_refused(tmp_path, hub, sent):
    _device, path = sent
    copy = tmp_path / "copy.fieldsync"
    shutil.copy(path, copy)
    hub.revoke("甲村", by="县里的科员")
    refuse(hub, path, "revoked")
    hub.enroll(
        "甲村", VILLAGE, tmp_path / "again.json", code=ENROL_CODE, by="县里的科员"
    )  # new keys: the old key is unknown now
    refuse(hub, copy, "unknown_key")


def test_newer_format_is_refused(tmp_path, hub, sent):
    device, path = sent
    data = path.read_bytes()
    newer = tmp_path / "newer.fieldsync"
    newer.write_bytes(data.replace(b'{"format":1,', b'{"format":2,', 1))
    refuse(hub, newer, "newer_format")
    from fieldapp.sync.bundle import Manifest, seal_bundle
    from tests.sync.helpers import keys_of

    parts = unpack(path, hub.ledger)
    manifest = json.loads(parts["manifest.json"])
    manifest["schema_version"] += 1
    sealed = seal_bundle(
        Manifest.model_validate(manifest),
        parts["changes.ndjson"],
        keys_of(device).sign_secret,
        keys_of(hub.ledger).box_public,
    )
    schema = tmp_path / "schema.fieldsync"
    schema.write_bytes(sealed)
    refuse(hub, schema, "newer_format")


def test_reused_sequence_number_from_a_copied_ledger_is_refused(tmp_path, hub, sent):
    device, path = sent
    hub.import_file(path)
    device.close()
    twin_path = tmp_path / "twin.db"
    shutil.copy(Path(device.path), twin_path)
    original = Ledger.open(device.path)
    twin = Ledger.open(twin_path)
    add_family(original, VILLAGE, ["107"], surname="王")
    add_family(twin, VILLAGE, ["109"], surname="赵")
    hub.import_file(export_bundle(original, tmp_path / "o.fieldsync").path)
    refuse(hub, export_bundle(twin, tmp_path / "t.fieldsync").path, "reused_seq")
    original.close()
    twin.close()


def test_gap_and_foreign_changes_are_refused(tmp_path, hub, sent):
    device, path = sent
    SyncState(device.db).raise_acks("县级汇总中心", {device.device_id: 3})
    refuse(hub, export_bundle(device, tmp_path / "gap.fieldsync").path, "gap")
    full = export_bundle(device, tmp_path / "full.fieldsync", full=True).path
    hub.import_file(full)  # --full heals it


def test_not_a_bundle_is_refused(tmp_path, hub):
    junk = tmp_path / "photo.jpg"
    junk.write_bytes(b"\xff\xd8\xff\xe0 not a bundle at all")
    refuse(hub, junk, "not_bundle")


def test_a_file_refused_as_no_bundle_is_let_go_at_once():
    """Ten 50 MB uploads of garbage at once took the hub from 166 to 566 MB: each refusal held
    its upload in a reference cycle (the exception kept in a local name held the frame holding
    the bytes) until the garbage collector happened to run. With the collector off, the refused
    bytes are referenced by nothing once the refusal is handled."""
    import gc
    import sys

    from fieldapp.sync.bundle import read_header

    upload = b"\x00" * (1 << 20)
    before = sys.getrefcount(upload)
    gc.disable()
    try:
        with pytest.raises(BundleRefused) as caught:
            read_header(upload)
        assert caught.value.code == "not_bundle"
        del caught
        assert sys.getrefcount(upload) == before
    finally:
        gc.enable()


def test_unenrolled_device_cannot_export(tmp_path):
    from fieldapp.sync.errors import SyncError

    ledger = Ledger.open(tmp_path / "x.db")
    with pytest.raises(SyncError, match="尚未登记"):
        export_bundle(ledger, tmp_path / "x.fieldsync")
    ledger.close()
