"""A bundle saved onto a full USB stick: the clerk is told 磁盘已满 with the bundle's own name
(not its work file's, …fieldsync.part), the stick keeps nothing, and no serial is used up: the
bundle written once there is room is the one the hub expects."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.sync.errors import SyncError
from fieldapp.sync.exchange import export_bundle
from tests.store.test_full_disk import disk_full
from tests.sync.helpers import VILLAGE, add_family


def test_a_bundle_on_a_full_stick_names_the_bundle(tmp_path: Path, hub, make_device) -> None:
    device = make_device("甲村", VILLAGE)
    for n in range(3):
        add_family(device, VILLAGE, [f"{100 + 2 * n + 1:03d}"], surname="张李王"[n])
    stick = tmp_path / "U盘"
    stick.mkdir()
    out = stick / "甲村.fieldsync"

    with disk_full(1024), pytest.raises(SyncError) as refused:
        export_bundle(device, out)

    assert str(refused.value) == f"无法写入“{out}”：文件太大，磁盘或 U 盘放不下（磁盘已满？）"
    assert list(stick.iterdir()) == []
    written = export_bundle(device, out)
    assert written.serial == 1
    assert hub.import_file(written.path).new_changes == written.changes > 0
