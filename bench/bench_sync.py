"""Sync figures: bundle export and import rates, their ratio to raw SQLite inserts, hub merge.

bundle_export_changes_per_s   a device's first, full bundle of the demo ledger
bundle_import_changes_per_s   that bundle into a fresh hub (decrypt, verify, validate, merge)
raw_insert_changes_per_s      the floor: the same change log and rows, the fastest plain SQLite
                              way (raw_copy.py)
bundle_import_vs_raw          import / raw                                      [≥ 0.50]
bundle_export_vs_raw          export / raw
bundle_bytes_per_change       size on the stick
(The hub's merge and answer figures are bench_hub.py's.)
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from raw_copy import raw_copy  # noqa: E402

from fieldapp.demo.generator import build_demo  # noqa: E402
from fieldapp.domain.roles import Role  # noqa: E402
from fieldapp.hub.folder import Hub  # noqa: E402
from fieldapp.store.dump import synced_tables  # noqa: E402
from fieldapp.store.ledger import Ledger  # noqa: E402
from fieldapp.store.queries.areas import all_areas  # noqa: E402
from fieldapp.sync.enrolment import enrol, new_code  # noqa: E402
from fieldapp.sync.exchange import export_bundle  # noqa: E402

Figure = tuple[str, float, str]


def _enrolled(hub: Hub, ledger: Ledger, name: str, folder: Path) -> None:
    """Enrol the demo ledger as its county's office (the demo fills one county; a county device
    may write anywhere in it, so the hub takes every change)."""
    county = next(a.code for a in all_areas(ledger) if len(a.code) == 6)
    code = new_code()  # what the county would read out to the village
    hub.enroll(name, county, folder / f"{name}.enrol", role=Role.COUNTY, code=code, by="县里的科员")
    enrol(ledger, folder / f"{name}.enrol", code=code)


def bench_bundle(ledger_path: Path, folder: Path) -> list[Figure]:
    """Export the demo ledger's full history, import it into a fresh hub."""
    device_path = folder / "device.db"
    shutil.copy(ledger_path, device_path)
    device = Ledger.open(device_path, author="bench")
    # The ledger is a demo: its hub is one made for training (a real hub refuses demo data).
    hub = Hub.init(folder / "hub", training=True)
    _enrolled(hub, device, "bench-device", folder)
    start = time.perf_counter()
    sent = export_bundle(device, folder / "device.fieldsync")
    export_seconds = time.perf_counter() - start
    start = time.perf_counter()
    result = hub.import_file(sent.path)
    import_seconds = time.perf_counter() - start
    assert result.new_changes == sent.changes
    _rows, raw_seconds = raw_copy(
        hub.ledger, folder / "raw.db", tuple(synced_tables(hub.ledger.db)), with_log=True
    )
    changes = sent.changes
    size = sent.path.stat().st_size
    device.close()
    hub.close()
    raw_rate = changes / raw_seconds
    return [
        ("bundle_changes", changes, "changes"),
        ("bundle_export_changes_per_s", changes / export_seconds, "changes/s"),
        ("bundle_import_changes_per_s", changes / import_seconds, "changes/s"),
        ("raw_insert_changes_per_s", raw_rate, "changes/s"),
        ("bundle_import_vs_raw", changes / import_seconds / raw_rate, "ratio"),
        ("bundle_export_vs_raw", changes / export_seconds / raw_rate, "ratio"),
        ("bundle_bytes_per_change", size / max(1, changes), "B"),
    ]


def run(ledger_path: Path, persons: int) -> list[Figure]:
    """Every sync figure (see the module docstring)."""
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-sync-") as tmp:
        folder = Path(tmp)
        return bench_bundle(Path(ledger_path), folder)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="sync benchmarks on a fresh demo ledger")
    parser.add_argument("--persons", type=int, default=100000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-demo-") as tmp:
        path = Path(tmp) / "demo.db"
        demo = Ledger.open(path, author="bench")
        build_demo(demo, args.persons)
        demo.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        demo.close()
        for name, value, unit in run(path, args.persons):
            print(f"{name} {value:.3f} {unit}", flush=True)
