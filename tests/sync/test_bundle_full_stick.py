"""A bundle saved onto a full USB stick: the clerk is told 磁盘已满 with the bundle's own name
(not its work file's, …fieldsync.part), the stick keeps nothing, and no serial is used up: the
bundle written once there is room is the one the hub expects."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fieldapp.domain.progress import Cancelled
from fieldapp.store.connection import LedgerGone
from fieldapp.sync.errors import SyncError
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.helpers.full_disk import disk_full
from tests.sync.helpers import VILLAGE, add_family

ROOT = Path(__file__).resolve().parents[2]


def test_a_bundle_on_a_full_stick_names_the_bundle(tmp_path: Path, hub, make_device) -> None:
    device = make_device("甲村", VILLAGE)
    for n in range(3):
        add_family(device, VILLAGE, [f"{100 + 2 * n + 1:03d}"], surname="张李王"[n])
    stick = tmp_path / "U盘"
    stick.mkdir()
    out = stick / "甲村.fieldsync"

    with disk_full(1024), pytest.raises(SyncError) as refused:
        export_bundle(device, out)

    assert (
        str(refused.value) == "无法写入“甲村.fieldsync”：文件太大，磁盘或 U 盘放不下（磁盘已满？）"
    )
    assert list(stick.iterdir()) == []
    written = export_bundle(device, out)
    assert written.serial == 1
    assert hub.import_file(written.path).new_changes == written.changes > 0


def test_a_refused_bundle_leaves_no_folder_it_made(tmp_path: Path, hub, make_device) -> None:
    # `--out U盘/三月/同步/甲村.fieldsync`, the folders not there yet: the export is refused
    # (the stick full, or cancelled) and the stick is as it was, no empty folders.
    device = make_device("甲村", VILLAGE)
    add_family(device, VILLAGE, ["101"])
    stick = tmp_path / "U盘"
    (stick / "三月").mkdir(parents=True)
    kept = stick / "三月" / "上次的.fieldsync"
    kept.write_bytes(b"x")

    with disk_full(1024), pytest.raises(SyncError):
        export_bundle(device, stick / "三月" / "同步" / "新" / "甲村.fieldsync")
    asked = []  # cancelled once the folders are made (the first look is before them)
    with pytest.raises(Cancelled):
        export_bundle(
            device,
            stick / "三月" / "同步" / "甲村.fieldsync",
            cancel=lambda: bool(asked.append(1)) or len(asked) > 1,
        )

    assert sorted(p.name for p in stick.rglob("*")) == ["三月", "上次的.fieldsync"]
    written = export_bundle(device, stick / "三月" / "同步" / "甲村.fieldsync")
    assert written.serial == 1 and written.path.is_file()


def test_a_bundle_name_too_long_for_its_work_file_is_said(tmp_path: Path, make_device) -> None:
    # A name of 253 bytes is a file's name the disk takes, but not with .part (or a ledger's
    # .keys) added: the look for a ledger's key file beside it failed with OSError, a traceback
    # instead of a sentence. Now it is said as a clerk can act, and nothing is left behind.
    device = make_device("甲村", VILLAGE)
    add_family(device, VILLAGE, ["101"])
    out = tmp_path / "U盘" / ("甲" * 81 + ".fieldsync")
    out.parent.mkdir()

    with pytest.raises(SyncError) as refused:
        export_bundle(device, out)

    assert "文件名太长" in str(refused.value), refused.value
    assert list(out.parent.iterdir()) == []


def test_a_bundle_imported_after_the_ledgers_stick_was_pulled_out_is_not_quarantined(
    tmp_path: Path, hub, make_device
) -> None:
    # The write is refused (the ledger's file is gone, see tests/ui/test_ledger_write_fails);
    # the bundle is not the culprit: nothing is quarantined, and it goes in once the stick is back.
    a = make_device("甲村", VILLAGE)
    b = make_device("甲村二号", VILLAGE)
    add_family(a, VILLAGE, ["101"])
    hub.import_file(export_bundle(a, tmp_path / "a1.fieldsync").path)
    answer = hub.export_for("甲村二号", tmp_path / "给甲村二号.fieldsync").path
    folder = Path(b.path).parent
    pulled = folder.with_name("拔出的U盘")
    folder.rename(pulled)

    with pytest.raises(LedgerGone):
        import_bundle(b, answer)

    pulled.rename(folder)
    assert not list(folder.rglob("*quarantine*/*"))
    taken = import_bundle(b, answer)
    assert taken.new_changes > 0


FULL_DISK = textwrap.dedent(
    """
    import resource, signal, sys
    from pathlib import Path
    from fieldapp.hub.folder import Hub
    from fieldapp.sync.errors import BundleRefused
    hub = Hub.open(Path(sys.argv[1]))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limit = int(sys.argv[3])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        hub.import_file(Path(sys.argv[2]))
    except BundleRefused as refused:
        print(refused.code)
        print(refused)
    """
)


@pytest.mark.parametrize("where", ["ledger", "inbox"])
def test_a_bundle_met_by_a_full_disk_is_refused_in_the_clerks_words(
    tmp_path: Path, hub, make_device, where: str
) -> None:
    # Said 磁盘空间不足或无法写入：disk I/O error (or database or disk is full, or the path of
    # a work file in the inbox): SQLite's and the system's words, not what to do.
    device = make_device("甲村", VILLAGE)
    for n in range(30):
        add_family(device, VILLAGE, [f"{n * 2 + 1:03d}", f"{n * 2 + 2:03d}"], surname="张")
    bundle = export_bundle(device, tmp_path / "big.fieldsync").path
    hub.ledger.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    hub.close()
    size = bundle.stat().st_size
    limit = size + 4096 if where == "ledger" else size // 2
    run = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(hub.root), str(bundle), str(limit)],
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = run.stdout.splitlines()
    assert lines and lines[0] == "disk_full", run.stdout + run.stderr
    said = lines[1]
    assert (
        said == "磁盘空间不足或无法写入：磁盘已满，没有导入任何修改。请腾出磁盘空间后再导入一次"
    ), said
