"""Hub figures: merging a county, answering one village, the HTTP service under load.

    python bench/bench_hub.py --persons 100000      # 50 devices × 2,000 persons

hub_merge_devices_s        50 devices × 2,000 persons: the hub imports all 50 first bundles
                           (`Hub.import_files`, as `hub import` does)                    [≤ 10]
hub_merge_changes_per_s    the same as a rate
hub_merge_floor_s          (SQLite) the floor under that merge: the merged hub's rows and change
                           log stored the fastest plain way SQLite can (`raw_copy.py`: one
                           transaction, prepared executemany, indexes and full-text built after
                           the load), no bundle read, no signature, no trust check
hub_merge_vs_floor         floor / merge
bundle_bytes_per_person    a device's first bundle, per person (sizes the upload cap)
hub_db_bytes_per_person    the hub's ledger on disk after the merge, per person
hub_changes_per_person     changes in the hub's log after the merge, per person
hub_answer_first_s         one device's first answer (its scope worked out afresh)
hub_answer_device_s        its next answer with nothing new for it                  [≤ 0.5]
hub_answer_100_changes_s   its answer after 100 county changes in its area         [≤ 1.0]
hub_http_exchange_p50_s    100 devices exchange at once over loopback (server in its own process;
                           each posts its signed bundle and reads the whole answer)
hub_http_exchange_p95_s
hub_http_exchange_max_s
hub_peak_rss_mb            the server's peak resident memory while 10 devices upload 50 MB each
                           at once (signed bodies that are not bundles: stored, then refused)
                                                                                     [≤ 500]
Each figure again with `_pg` for a hub whose ledger is in PostgreSQL 16 (pgserver, default
durable settings; the server process's memory only, not PostgreSQL's own).

    python bench/bench_hub.py --persons 100000 [--backend sqlite|postgresql|both]

The machine is shared by others while these run: compare ratios, not seconds.
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from figures import TABLES  # noqa: E402
from raw_copy import raw_copy  # noqa: E402

from fieldapp.demo.generator import build_demo  # noqa: E402
from fieldapp.domain.idnumber import make_check_char  # noqa: E402
from fieldapp.domain.models import Area, Household, Person  # noqa: E402
from fieldapp.hub.folder import Hub  # noqa: E402
from fieldapp.reference import divisions  # noqa: E402
from fieldapp.services import areas, persons  # noqa: E402
from fieldapp.services.ledgers import make_demo  # noqa: E402
from fieldapp.services.writer import actor_of, writing  # noqa: E402
from fieldapp.store.ledger import Ledger  # noqa: E402
from fieldapp.sync.client import signed_request  # noqa: E402
from fieldapp.sync.enrolment import enrol, new_code  # noqa: E402
from fieldapp.sync.exchange import export_bundle, import_bundle  # noqa: E402

Figure = tuple[str, float, str]
COUNTY = "520502"  # 七星关区
PERSONS_PER_DEVICE = 2000
MAX_DEVICES = 50
HTTP_DEVICES = 100
UPLOADS, UPLOAD_MB = 10, 50


def _enrolled(hub: Hub, ledger: Ledger, name: str, folder: Path, area: str) -> None:
    code = new_code()  # what the county would read out to the village
    hub.enroll(name, area, folder / f"{name}.enrol", code=code, by="县里的科员")
    enrol(ledger, folder / f"{name}.enrol", code=code)
    (folder / f"{name}.enrol").unlink()


def _scale(persons: int) -> tuple[int, int]:
    """(devices, persons each): 50 × 2,000 at 100k; fewer, smaller ones below."""
    devices = max(2, min(MAX_DEVICES, persons // PERSONS_PER_DEVICE))
    return devices, max(50, min(PERSONS_PER_DEVICE, persons // devices))


def bench_county(folder: Path, persons: int, store: str | None = None) -> tuple[list[Figure], Path]:
    """Merge a county from its devices' first bundles, then time one device's answers."""
    devices, each = _scale(persons)
    townships = [d.code for d in divisions().children(COUNTY)][:10]
    # Demo devices enrol with a hub made for training (a real hub refuses demo data).
    hub = Hub.init(folder / "hub", store=store, training=True)
    bundles, size = [], 0
    keep: Ledger | None = None
    for n in range(devices):
        device = Ledger.open(folder / f"dev{n}.db", author=f"员{n}")
        # Each device is one village's coordinator: 10 townships of 七星关区, 5 villages each.
        village = f"{townships[n % len(townships)]}{201 + n // len(townships):03d}"
        build_demo(device, each, seed=100 + n, area=village)
        _enrolled(hub, device, f"设备{n:02d}", folder, village)
        path = export_bundle(device, folder / f"dev{n}.fieldsync").path
        bundles.append(path)
        size += path.stat().st_size
        if n == 0:
            keep, area = device, village
        else:
            device.close()
            (folder / f"dev{n}.db").unlink()
    # As `fieldapp hub import --dir` takes a county's USB sticks: every file in one call
    # (the next bundle is decoded while one merges).
    start = time.perf_counter()
    outcomes = hub.import_files(bundles)
    merge = time.perf_counter() - start
    assert all(o.result for o in outcomes), [o.error for o in outcomes if not o.result]
    total = hub.ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    if store is None:
        size_on_disk = sum(p.stat().st_size for p in (folder / "hub").glob("hub.db*"))
    else:
        size_on_disk = hub.ledger.db.execute(
            "SELECT pg_database_size(current_database())"
        ).fetchone()[0]
    assert keep is not None
    # Device 0's first answer, confirmed by its next upload; then nothing new for it.
    first, answer = _timed(lambda: hub.export_for("设备00", folder / "a1.fieldsync"))
    import_bundle(keep, answer.path)
    hub.import_file(export_bundle(keep, folder / "up2.fieldsync").path)
    quiet, answer = _timed(lambda: hub.export_for("设备00", folder / "a2.fieldsync"))
    assert answer.changes == 0, answer.changes
    # The county corrects 100 people of its area.
    people = [
        r[0]
        for r in hub.ledger.db.execute(
            "SELECT p.id FROM persons p JOIN households h ON h.id = p.household_id "
            "WHERE h.area_code LIKE ? || '%' ORDER BY p.id LIMIT 100",
            [area],
        )
    ]
    with hub.ledger.transaction():
        for n, pid in enumerate(people):
            hub.ledger.update("persons", pid, {"phone": f"139{n:08d}"})
    busy, answer = _timed(lambda: hub.export_for("设备00", folder / "a3.fieldsync"))
    assert answer.changes == len(people), answer.changes
    keep.close()
    floor: list[Figure] = []
    if store is None:
        _rows, seconds = raw_copy(hub.ledger, folder / "floor.db", TABLES, with_log=True)
        for path in folder.glob("floor.db*"):
            path.unlink()
        floor = [
            ("hub_merge_floor_s", seconds, "s"),
            ("hub_merge_vs_floor", seconds / merge, "ratio"),
        ]
    hub.close()
    return [
        ("hub_merge_devices_s", merge, "s"),
        ("hub_merge_changes_per_s", total / merge, "changes/s"),
        *floor,
        ("bundle_bytes_per_person", size / (devices * each), "B"),
        ("hub_db_bytes_per_person", size_on_disk / (devices * each), "B"),
        ("hub_changes_per_person", total / (devices * each), "changes"),
        ("hub_answer_first_s", first, "s"),
        ("hub_answer_device_s", quiet, "s"),
        ("hub_answer_100_changes_s", busy, "s"),
    ], folder / "hub"


def _timed(fn):  # noqa: ANN001, ANN202
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Served:
    """`fieldapp hub serve` in its own process, as a county would run it."""

    def __init__(self, hub_dir: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "fieldapp",
                "hub",
                "serve",
                "--dir",
                str(hub_dir),
                "--port",
                str(self.port),
                "--max-upload-mb",
                str(UPLOAD_MB + 10),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        until = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(self.url + "v1/health", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > until or self.process.poll() is not None:
                    self.stop()
                    raise RuntimeError("hub serve did not start") from None
                time.sleep(0.1)

    def peak_rss_mb(self) -> float:
        """The server's peak resident memory so far (Linux)."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        """Stop the server (SIGTERM: uvicorn shuts down cleanly)."""
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _small_devices(hub_dir: Path, folder: Path, count: int, prefix: str) -> list[Ledger]:
    """`count` enrolled devices, each with one family in its own new village."""
    hub = Hub.open(hub_dir)
    made = []
    try:
        for n in range(count):
            ledger = Ledger.open(folder / f"{prefix}{n}.db", author=f"{prefix}{n}")
            make_demo(ledger)  # the bench's hub is a training hub: it takes demo ledgers only
            village = f"520502126{n:03d}"  # 龙场营镇: the hub enrols only real places
            actor = actor_of(ledger)
            with writing(ledger, actor) as writer:  # one transaction, as the GUI writes a family
                areas.ensure_in(writer, Area(code=village, name=f"试点{n}村", kind="村"))
                household = writer.insert(Household(area_code=village, address="一组"))
                for k in range(3):
                    persons.save(
                        ledger,
                        actor,
                        Person(household_id=household, name=f"试{n}{k}", id_number=_id(n, k)),
                        confirmed=True,
                    )
            _enrolled(hub, ledger, f"{prefix}{n:03d}", folder, village)
            made.append(ledger)
    finally:
        hub.close()
    return made


def _id(n: int, k: int) -> str:
    """A valid ID number, distinct per (n, k)."""
    first = f"5205021990{n // 28 + 1:02d}{n % 28 + 1:02d}{k:03d}"
    return first + make_check_char(first)


def bench_http(hub_dir: Path, folder: Path) -> list[Figure]:
    """100 devices exchange at once; then 10 devices upload 50 MB each at once.

    Each simulated device's bundle is made beforehand and its answer is read to the end but
    not imported: importing is each device's own work on its own machine, and 100 of them in
    this one process would time Python's GIL, not the hub.
    """
    devices = _small_devices(hub_dir, folder, HTTP_DEVICES, "网")
    bundles = [export_bundle(d, folder / f"net{n}.fieldsync").path for n, d in enumerate(devices)]
    served = _Served(hub_dir)
    times: list[float] = []
    errors: list[str] = []
    barrier = threading.Barrier(len(devices))

    def one(device: Ledger, bundle: Path) -> None:
        try:
            barrier.wait(timeout=60)
            start = time.perf_counter()
            status, _h, response, connection = signed_request(
                device, served.url + "v1/exchange", "POST", bundle, timeout=300
            )
            while response.read(1 << 20):
                pass
            connection.close()
            times.append(time.perf_counter() - start)
            if status != 200:
                errors.append(f"HTTP {status}")
        except BaseException as error:  # noqa: BLE001 - counted below
            errors.append(repr(error))

    try:
        threads = [
            threading.Thread(target=one, args=pair) for pair in zip(devices, bundles, strict=True)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=600)
    finally:
        served.stop()
        for device in devices:
            device.close()
    if errors:
        raise RuntimeError(f"{len(errors)} exchanges failed: {errors[0]}")
    times.sort()
    figures = [
        ("hub_http_exchange_p50_s", statistics.median(times), "s"),
        ("hub_http_exchange_p95_s", times[int(0.95 * (len(times) - 1))], "s"),
        ("hub_http_exchange_max_s", times[-1], "s"),
    ]
    return figures + [("hub_peak_rss_mb", _peak_rss(hub_dir, folder), "MB")]


def _peak_rss(hub_dir: Path, folder: Path) -> float:
    """10 concurrent 50 MB uploads by enrolled devices to a fresh server: its peak memory."""
    uploaders = _small_devices(hub_dir, folder, UPLOADS, "传")
    body = folder / "upload.bin"
    with open(body, "wb") as out:
        for _ in range(UPLOAD_MB):
            out.write(os.urandom(1 << 20))
    served = _Served(hub_dir)
    statuses: list[int] = []
    try:

        def one(device: Ledger) -> None:
            status, _h, response, connection = signed_request(
                device, served.url + "v1/exchange", "POST", body, timeout=600
            )
            response.read()
            connection.close()
            statuses.append(status)

        threads = [threading.Thread(target=one, args=(d,)) for d in uploaders]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=900)
        peak = served.peak_rss_mb()
    finally:
        served.stop()
        for device in uploaders:
            device.close()
    # Authenticated, stored whole, then refused on opening (not a bundle): 422 each.
    assert statuses == [422] * UPLOADS, statuses
    return peak


class _Postgres:
    """A PostgreSQL 16 of its own (the pgserver wheel), with its default (durable) settings."""

    def __init__(self) -> None:
        import pgserver

        self.folder = Path(tempfile.mkdtemp(prefix="fieldapp-bench-pg-"))
        self.server = pgserver.get_server(self.folder, cleanup_mode="stop")

    def database(self, name: str) -> str:
        """A fresh, empty database's URL."""
        from fieldapp.store.postgres import create_database

        return create_database(self.server.get_uri(), name)

    def stop(self) -> None:
        """Stop the server and remove its files."""
        self.server.cleanup()
        shutil.rmtree(self.folder, ignore_errors=True)


def run_backend(persons: int, backend: str) -> Iterator[Figure]:
    """Every hub figure on one backend, as soon as each is measured; PostgreSQL's carry the
    suffix `_pg`."""
    folder = Path(tempfile.mkdtemp(prefix="fieldapp-bench-hub-"))
    postgres = _Postgres() if backend == "postgresql" else None
    suffix = "_pg" if postgres else ""
    try:
        store = postgres.database("bench_hub") if postgres else None
        figures, hub_dir = bench_county(folder, persons, store)
        for name, value, unit in figures:
            yield name + suffix, value, unit
        for name, value, unit in bench_http(hub_dir, folder):
            yield name + suffix, value, unit
    finally:
        if postgres:
            postgres.stop()
        shutil.rmtree(folder, ignore_errors=True)


def run(ledger_path: Path, persons: int) -> list[Figure]:
    """Every hub figure (see the module docstring), SQLite then PostgreSQL when pgserver is
    installed (the dev environment has it); `ledger_path` is not needed."""
    figures = list(run_backend(persons, "sqlite"))
    try:
        import pgserver  # noqa: F401
    except ImportError:
        return figures
    return figures + list(run_backend(persons, "postgresql"))


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="hub benchmarks (a fresh county)")
    parser.add_argument("--persons", type=int, default=100000)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    for backend in backends:
        for name, value, unit in run_backend(args.persons, backend):
            print(f"{name} {value:.3f} {unit}", flush=True)
