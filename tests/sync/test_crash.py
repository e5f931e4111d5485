"""A crash at any step of an import leaves the ledger exactly before or after; re-import completes.

Two ways: an injected crash (a BaseException, as a kill looks to Python) at every step, and a
real SIGKILL of a subprocess at every step; then PRAGMA integrity_check and a canonical dump.
A full disk (RLIMIT_FSIZE in a subprocess) is refused with the ledger unchanged.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fieldapp.hub.folder import Hub
from fieldapp.store.dump import canonical_dump
from fieldapp.store.ledger import Ledger
from fieldapp.sync.errors import AlreadyImported, SyncError
from fieldapp.sync.exchange import export_bundle
from tests.sync.helpers import VILLAGE, add_family

STEPS = ["copied", "decrypted", "verified", "validated", "begun", "applied", "bookkept"]
AFTER = ["committed", "archived"]
ROOT = Path(__file__).resolve().parents[2]


class Crash(BaseException):
    """What an abrupt end looks like from inside (not an Exception: nothing handles it)."""


def _dump_of(path: Path) -> dict:
    ledger = Ledger.open(path)
    try:
        assert ledger.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return canonical_dump(ledger.db)
    finally:
        ledger.close()


@pytest.fixture
def bundle(tmp_path, hub, make_device) -> Path:
    device = make_device("甲村", VILLAGE)
    for n in range(4):
        add_family(device, VILLAGE, [f"{100 + 2 * n + 1:03d}"], surname="张李王赵"[n])
    return export_bundle(device, tmp_path / "a.fieldsync").path


def _expected_after(tmp_path: Path, hub: Hub, bundle: Path) -> dict:
    """The state a clean import reaches (on a copy of the hub folder)."""
    import shutil

    hub.ledger.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "clean-hub"
    shutil.copytree(hub.root, copy)
    clean = Hub.open(copy)
    clean.import_file(bundle)
    clean.close()
    return _dump_of(copy / "hub.db")


@pytest.mark.parametrize("at", STEPS + AFTER)
def test_injected_crash_at_every_step(tmp_path, hub, bundle, at, monkeypatch):
    from fieldapp.sync import exchange

    monkeypatch.setattr(exchange, "APPLY_CHUNK", 3)  # several chunks: crash mid-apply too
    before = canonical_dump(hub.ledger.db)
    after = _expected_after(tmp_path, hub, bundle)

    def crash(step: str) -> None:
        if step == at:
            raise Crash(step)

    with pytest.raises(Crash):
        hub.import_file(bundle, step=crash)
    hub.close()
    state = _dump_of(hub.root / "hub.db")
    assert state == (after if at in AFTER else before)
    reopened = Hub.open(hub.root)
    try:
        reopened.import_file(bundle)
    except AlreadyImported:
        assert at in AFTER
    reopened.close()
    assert _dump_of(hub.root / "hub.db") == after


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from fieldapp.hub.folder import Hub
    from fieldapp.sync import exchange
    exchange.APPLY_CHUNK = 3
    target, nth = sys.argv[3], int(sys.argv[4])
    seen = {}
    def step(name):
        seen[name] = seen.get(name, 0) + 1
        if name == target and seen[name] == nth:
            os.kill(os.getpid(), signal.SIGKILL)
    Hub.open(Path(sys.argv[1])).import_file(Path(sys.argv[2]), step=step)
    """
)


@pytest.mark.parametrize(
    "at,nth",
    [(s, 1) for s in STEPS] + [("applied", 2), ("applied", 3)] + [(s, 1) for s in AFTER],
)
def test_killed_import_at_every_step(tmp_path, hub, bundle, at, nth):
    before = canonical_dump(hub.ledger.db)
    after = _expected_after(tmp_path, hub, bundle)
    hub.close()
    run = subprocess.run(
        [sys.executable, "-c", KILLER, str(hub.root), str(bundle), at, str(nth)],
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
        capture_output=True,
        timeout=120,
    )
    assert run.returncode == -signal.SIGKILL, run.stderr.decode()
    state = _dump_of(hub.root / "hub.db")
    assert state == (after if at in AFTER else before)
    reopened = Hub.open(hub.root)
    try:
        reopened.import_file(bundle)
    except AlreadyImported:
        assert at in AFTER
    reopened.close()
    assert _dump_of(hub.root / "hub.db") == after


FULL_DISK = textwrap.dedent(
    """
    import resource, signal, sys
    from pathlib import Path
    from fieldapp.hub.folder import Hub
    from fieldapp.sync.errors import BundleRefused
    hub = Hub.open(Path(sys.argv[1]))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # a write past the limit fails, like ENOSPC
    limit = int(sys.argv[3])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        hub.import_file(Path(sys.argv[2]))
    except BundleRefused as refused:
        print(refused.code)
        print(refused.quarantined)
        print(str(refused).replace(" ", "_"))
    """
)


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE test is for Linux")
def test_disk_full_during_import_changes_nothing(tmp_path, hub, make_device):
    device = make_device("甲村", VILLAGE)
    for n in range(30):
        add_family(device, VILLAGE, [f"{n * 2 + 1:03d}", f"{n * 2 + 2:03d}"], surname="张")
    bundle = export_bundle(device, tmp_path / "big.fieldsync").path
    hub.ledger.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = canonical_dump(hub.ledger.db)
    hub.close()
    # Room for the inbox copy of the bundle, not for the ledger's write-ahead log.
    limit = bundle.stat().st_size + 4096
    run = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(hub.root), str(bundle), str(limit)],
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
        capture_output=True,
        timeout=120,
    )
    lines = run.stdout.decode().split()
    assert lines and lines[0] == "disk_full", run.stdout.decode() + run.stderr.decode()
    assert lines[1] == "None"  # the hub's own disk: not quarantined, the bundle comes again
    assert not list((hub.root / "quarantine").glob("*"))
    assert _dump_of(hub.root / "hub.db") == before
    reopened = Hub.open(hub.root)
    reopened.import_file(bundle)  # with room again, the same bundle goes in
    assert canonical_dump(reopened.ledger.db) != before
    reopened.close()


def test_a_bundle_that_cannot_be_written_is_told_and_takes_no_serial(tmp_path, hub, make_device):
    device = make_device("甲村", VILLAGE)
    add_family(device, VILLAGE, ["101"])
    (tmp_path / "文件夹.fieldsync").mkdir()
    (tmp_path / "备注.txt").write_text("不是文件夹", encoding="utf-8")
    cases = {
        tmp_path / "文件夹.fieldsync": "这是一个文件夹的名字，请写文件名",
        tmp_path / "备注.txt" / "甲村.fieldsync": f"“{tmp_path / '备注.txt'}”是文件，不是文件夹",
    }
    for out, said in cases.items():
        with pytest.raises(SyncError) as refused:
            export_bundle(device, out)
        assert str(refused.value) == f"无法写入“{out.name}”：{said}"
    assert not list(tmp_path.rglob("*.part"))
    # The first bundle that is written is the device's first: the hub takes it.
    written = export_bundle(device, tmp_path / "甲村.fieldsync")
    assert written.serial == 1
    taken = hub.import_file(written.path)
    assert taken.serial == 1 and taken.new_changes == written.changes > 0 and taken.held == 0
