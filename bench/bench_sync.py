"""Sync figures: bundle export and import rates, their ratio to raw SQLite inserts, hub merge.

bundle_export_changes_per_s   a device's first, full bundle of the demo ledger
bundle_import_changes_per_s   that bundle into a fresh hub (decrypt, verify, validate, merge)
raw_insert_changes_per_s      the floor: the same change log and rows, the fastest plain SQLite
                              way (raw_copy.py)
bundle_import_vs_raw          import / raw                                      [≥ 0.50]
bundle_export_vs_raw          export / raw
bundle_bytes_per_change       size on the stick
sync_conflicts                how many conflicts the next figures have: one a person, its phone
                              set here and on another device, up to CONFLICTS (10,000)
sync_conflicts_list_s         listing them all (`list_conflicts`, the conflicts page and
                              `fieldapp conflicts`)
sync_resolve_all_s            resolving them all keeping the other device's value
                              (`resolve_many`, 全部处理)
sheet_conflicts               how many kept spreadsheet conflicts the next figures have: one a
                              person's phone, as an update import keeps them, up to CONFLICTS
sheet_conflicts_list_s        listing them all (`sheet_conflicts.list_open`)
sheet_decide_all_s            deciding them all for the sheet's value (`decide_many`: each
                              written, logged, re-checked)
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
from fieldapp.services.sheet_conflicts import (  # noqa: E402
    SheetSide,
    Undecided,
    decide_many,
    keep,
    list_open,
)
from fieldapp.services.writer import actor_of, writing  # noqa: E402
from fieldapp.store.changelog import Change  # noqa: E402
from fieldapp.store.dump import synced_tables  # noqa: E402
from fieldapp.store.hlc import format_stamp  # noqa: E402
from fieldapp.store.ledger import Ledger  # noqa: E402
from fieldapp.store.queries.areas import all_areas  # noqa: E402
from fieldapp.sync.conflicts import Side, list_conflicts, resolve_many  # noqa: E402
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


#: The conflicts the conflict figures list and resolve (fewer when the demo has fewer people).
CONFLICTS = 10_000


def _people(ledger: Ledger, count: int) -> list[tuple[str, str, str, str]]:
    """Up to `count` people: id, name, ID number, phone."""
    return ledger.db.execute(
        "SELECT id, name, id_number, phone FROM persons WHERE deleted = 0 ORDER BY id LIMIT ?",
        [count],
    ).fetchall()


def bench_sync_conflicts(ledger_path: Path, folder: Path, count: int) -> list[Figure]:
    """`count` phone conflicts (set here, and by another device having seen the same value),
    listed, then all resolved keeping the other device's value."""
    path = folder / "conflicts.db"
    shutil.copy(ledger_path, path)
    device = Ledger.open(path, author="bench")
    hub = Hub.init(folder / "conflicts-hub", training=True)
    _enrolled(hub, device, "bench-conflicts", folder)
    people = _people(device, count)
    first = {pid: device.heads("persons", pid)["phone"] for pid, *_ in people}
    with device.transaction():
        for n, (pid, *_) in enumerate(people):
            device.update("persons", pid, {"phone": f"138{n:08d}"})
    remote = [
        Change(
            "remote-device",
            n + 1,
            format_stamp(1_700_000_000_000 + n, 0),
            "李四",
            "persons",
            pid,
            {"phone": f"139{n:08d}"},
            {"phone": first[pid]},
        )  # fmt: skip
        for n, (pid, *_) in enumerate(people)
    ]
    device.apply_changes(remote)
    start = time.perf_counter()
    shown = list_conflicts(device)
    list_seconds = time.perf_counter() - start
    assert len(shown) == len(people)
    start = time.perf_counter()
    done = resolve_many(device, shown, Side.OTHER)
    resolve_seconds = time.perf_counter() - start
    assert len(done.changes) == len(people) and list_conflicts(device) == []
    device.close()
    hub.close()
    return [
        ("sync_conflicts", len(people), "conflicts"),
        ("sync_conflicts_list_s", list_seconds, "s"),
        ("sync_resolve_all_s", resolve_seconds, "s"),
    ]


def kept_sheet_conflicts(ledger: Ledger, count: int) -> int:
    """Up to `count` open kept spreadsheet conflicts on people's phones, as an update import
    keeps them (the ledger's value as it is, dated after every edit: none changed since)."""
    stamp = ledger.db.execute("SELECT max(hlc) FROM changes").fetchone()[0]
    undecided = [
        Undecided(
            "人员",
            n + 2,
            name,
            number,
            "persons",
            pid,
            "phone",
            f"139{n:08d}",
            phone,
            stamp,
            "村里",
        )  # fmt: skip
        for n, (pid, name, number, phone) in enumerate(_people(ledger, count))
    ]
    with writing(ledger, actor_of(ledger)) as writer:
        return keep(writer, "村里改的.xlsx", undecided)


def bench_sheet_conflicts(ledger_path: Path, folder: Path, count: int) -> list[Figure]:
    """`count` kept spreadsheet conflicts listed, then all decided for the sheet's value."""
    path = folder / "sheet.db"
    shutil.copy(ledger_path, path)
    ledger = Ledger.open(path, author="bench")
    kept = kept_sheet_conflicts(ledger, count)
    start = time.perf_counter()
    shown = list_open(ledger)
    list_seconds = time.perf_counter() - start
    assert len(shown) == kept
    start = time.perf_counter()
    done = decide_many(ledger, shown, SheetSide.SHEET)
    decide_seconds = time.perf_counter() - start
    assert done.decided == len(done.changes) == kept and list_open(ledger) == []
    ledger.close()
    return [
        ("sheet_conflicts", kept, "conflicts"),
        ("sheet_conflicts_list_s", list_seconds, "s"),
        ("sheet_decide_all_s", decide_seconds, "s"),
    ]


def run(ledger_path: Path, persons: int) -> list[Figure]:
    """Every sync figure (see the module docstring)."""
    count = min(CONFLICTS, persons)
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-sync-") as tmp:
        folder = Path(tmp)
        return [
            *bench_bundle(Path(ledger_path), folder),
            *bench_sync_conflicts(Path(ledger_path), folder, count),
            *bench_sheet_conflicts(Path(ledger_path), folder, count),
        ]


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
