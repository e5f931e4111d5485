"""What one bundle's changes may take, once inflated, is bounded before they are inflated: the
size the archive declares must be the one the manifest states, and no more than
`bundle.MAX_PAYLOAD_BYTES` — the upload cap times `MAX_INFLATION` alone let a 256 MB upload
declare 16 GB, whose import would fill the hub's disk (refused as the hub's own trouble, never
held against its device, sent again forever) instead of being refused as the bundle's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.sync import bundle
from fieldapp.sync.bundle import open_bundle
from fieldapp.sync.errors import BundleRefused
from fieldapp.sync.exchange import export_bundle
from tests.sync.helpers import VILLAGE, add_family, keys_of, repack, unpack


def _opened(path: Path, hub) -> None:
    keys = keys_of(hub.ledger)
    open_bundle(path.read_bytes(), keys.box_secret, keys.box_public)


def test_changes_larger_than_the_manifest_states_are_refused_before_inflating(
    hub, make_device, tmp_path: Path
) -> None:
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101", "102"])
    sent = export_bundle(village, tmp_path / "up.fieldsync").path
    _opened(sent, hub)  # as exported: opens
    parts = unpack(sent, hub.ledger)
    parts["changes.ndjson"] += b"\n" * 100_000  # inflates to more than the manifest says
    grown = repack(parts, hub.ledger, sent, tmp_path / "grown.fieldsync")
    with pytest.raises(BundleRefused) as refused:
        _opened(grown, hub)
    assert refused.value.code == "tampered" and "与清单不符" in str(refused.value)


def test_changes_past_the_cap_are_refused_as_the_bundles_not_the_hubs(
    hub, make_device, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101", "102"])
    sent = export_bundle(village, tmp_path / "up.fieldsync").path
    size = json.loads(unpack(sent, hub.ledger)["manifest.json"])["payload_bytes"]
    monkeypatch.setattr(bundle, "MAX_PAYLOAD_BYTES", size - 1)
    with pytest.raises(BundleRefused) as refused:
        _opened(sent, hub)
    assert refused.value.code == "invalid" and "太大" in str(refused.value)
    # Imported, it is the device's refusal, counted against it — not the hub's full disk.
    with pytest.raises(BundleRefused) as imported:
        hub.import_file(sent, sender="红星村")
    assert imported.value.code == "invalid"
    (device,) = [d for d in hub.status() if d["device"] == "红星村"]
    assert device["refused_bundles"] == 1, device
    monkeypatch.setattr(bundle, "MAX_PAYLOAD_BYTES", size)
    _opened(sent, hub)  # at the cap: opens
