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


def _opened(path: Path, hub) -> bundle.OpenedBundle:
    keys = keys_of(hub.ledger)
    return open_bundle(path.read_bytes(), keys.box_secret, keys.box_public)


def _refused_bundles(hub) -> int:
    (device,) = [d for d in hub.status() if d["device"] == "红星村"]
    return int(device["refused_bundles"])


def test_changes_larger_than_the_manifest_states_are_not_inflated(
    hub, make_device, tmp_path: Path
) -> None:
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101", "102"])
    sent = export_bundle(village, tmp_path / "up.fieldsync").path
    assert _opened(sent, hub).payload  # as exported: inflated
    parts = unpack(sent, hub.ledger)
    parts["changes.ndjson"] += b"\n" * 100_000  # inflates to more than the manifest says
    grown = repack(parts, hub.ledger, sent, tmp_path / "grown.fieldsync")
    assert _opened(grown, hub).payload == b""  # left as it is
    # Refused once its signature is read, so its device is told (a stick's too: no sender).
    with pytest.raises(BundleRefused) as refused:
        hub.import_file(grown)
    assert refused.value.code == "tampered" and refused.value.serial == 1, refused.value
    assert _refused_bundles(hub) == 1


def test_changes_past_the_cap_are_refused_as_the_bundles_not_the_hubs(
    hub, make_device, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101", "102"])
    sent = export_bundle(village, tmp_path / "up.fieldsync").path
    size = json.loads(unpack(sent, hub.ledger)["manifest.json"])["payload_bytes"]
    monkeypatch.setattr(bundle, "MAX_PAYLOAD_BYTES", size - 1)
    opened = _opened(sent, hub)
    assert opened.payload == b"" and opened.too_large == size  # not inflated
    # Imported from a stick (no sender but its signature): the device's refusal, counted
    # against it and told in its next answer — not the hub's full disk, sent again forever.
    with pytest.raises(BundleRefused) as refused:
        hub.import_file(sent)
    assert refused.value.code == "invalid" and "太大" in str(refused.value), refused.value
    assert refused.value.serial == 1
    assert _refused_bundles(hub) == 1
    monkeypatch.setattr(bundle, "MAX_PAYLOAD_BYTES", size)
    assert _opened(sent, hub).payload  # at the cap: inflated
