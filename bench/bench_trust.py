"""What the trust rules cost the hub: the time `screen` (every incoming change judged by the
sender's role and scope, `fieldapp.services.trust_check`) takes inside real merges.

    python bench/bench_trust.py --persons 10000      # 5 village devices × 2,000 persons

trust_first_merge_s            the hub imports every device's first bundle (all creates)
trust_first_screen_s           of which the trust check
trust_first_share              screen / merge
trust_first_us_per_change      screen time per change
trust_edit_merge_s             each device then edits 20 % of its people (phone) and sends it
trust_edit_screen_s            of which the trust check (rows exist now: their places are read)
trust_edit_share
trust_edit_us_per_change
trust_held_changes             changes held (0: the hub made the official county and township
                               rows at enrolment, so the devices' copies land quietly)
trust_device_import_s          one village's workbook (its 2,000 persons and their records)
                               imported on an enrolled village device: every row judged
trust_device_import_plain_s    the same workbook into a ledger never enrolled (nothing judged)
trust_device_import_vs_plain   enrolled / never enrolled

    python bench/bench_trust.py --update --persons 10000   # the update figures alone

trust_device_update_s          an enrolled village device's `import --update` of its own
                               exported 10,000 persons, every phone changed: each table's
                               changed rows judged a batch at a time (`GatewayCheck.together`)
trust_device_update_one_by_one_s   the same update, every row judged alone (as before)
trust_device_update_vs_one_by_one  batches / one by one
trust_device_update_rows_s     of the update, its changed rows judged and written
                               (`Writer.update_rows`), a batch at a time
trust_device_update_rows_one_by_one_s   the same, every row judged alone
trust_device_update_rows_vs_one_by_one
(best of back-to-back pairs, each pair's order alternating, a different sheet each time)

Each device is one village's coordinator (the case with real scope work: every change's row
is placed in the area tree and compared with the enrolment). The machine is shared by others
while these run: compare ratios, not seconds.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fieldapp.demo.generator import build_demo  # noqa: E402
from fieldapp.hub.folder import Hub  # noqa: E402
from fieldapp.store.ledger import Ledger  # noqa: E402
from fieldapp.sync import intake  # noqa: E402
from fieldapp.sync.enrolment import enrol, new_code  # noqa: E402
from fieldapp.sync.exchange import export_bundle, import_bundle  # noqa: E402

Figure = tuple[str, float, str]
TOWNSHIP = "520502101"  # a township of 七星关区; its villages 201, 202, …
PERSONS_PER_DEVICE = 2000
EDITED = 0.2


class ScreenTimer:
    """Wraps the hub's trust check (`intake.screen`) and adds up the time spent in it."""

    def __init__(self) -> None:
        self.real: Callable[..., Any] = intake.screen
        self.seconds = 0.0
        self.changes = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return self.real(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - start
            self.changes += len(args[3])

    def reset(self) -> None:
        """Start counting afresh."""
        self.seconds, self.changes = 0.0, 0


def _figures(prefix: str, merge: float, timer: ScreenTimer) -> list[Figure]:
    return [
        (f"{prefix}_merge_s", merge, "s"),
        (f"{prefix}_screen_s", timer.seconds, "s"),
        (f"{prefix}_share", timer.seconds / merge, "ratio"),
        (f"{prefix}_us_per_change", timer.seconds / max(1, timer.changes) * 1e6, "µs"),
        (f"{prefix}_changes", timer.changes, "changes"),
    ]


def bench_trust(folder: Path, persons: int) -> list[Figure]:
    """Merge village devices' first bundles, then a round of edits, timing the trust check."""
    count = max(2, min(5, persons // PERSONS_PER_DEVICE))
    each = max(50, min(PERSONS_PER_DEVICE, persons // count))
    # The ledgers are demos: their hub is one made for training (a real hub refuses demo data).
    hub = Hub.init(folder / "hub", training=True)
    devices: list[tuple[str, Ledger]] = []
    for n in range(count):
        name, village = f"设备{n}", f"{TOWNSHIP}{201 + n:03d}"
        device = Ledger.open(folder / f"dev{n}.db", author=f"员{n}")
        build_demo(device, each, seed=200 + n, area=village)
        code = new_code()  # what the county would read out to the village
        hub.enroll(name, village, folder / f"{name}.enrol", code=code, by="县里的科员")
        enrol(device, folder / f"{name}.enrol", code=code)
        devices.append((name, device))
    timer = ScreenTimer()
    intake.screen = timer
    try:
        bundles = [export_bundle(d, folder / f"{name}-1.fs").path for name, d in devices]
        start = time.perf_counter()
        for path in bundles:
            hub.import_file(path)
        figures = _figures("trust_first", time.perf_counter() - start, timer)
        for name, device in devices:
            import_bundle(device, hub.export_for(name, folder / f"{name}-1a.fs").path)
            people = [r[0] for r in device.db.execute("SELECT id FROM persons ORDER BY id")]
            with device.transaction():
                for k, pid in enumerate(people[: int(len(people) * EDITED)]):
                    device.update("persons", pid, {"phone": f"139{k:08d}"})
        bundles = [export_bundle(d, folder / f"{name}-2.fs").path for name, d in devices]
        timer.reset()
        start = time.perf_counter()
        for path in bundles:
            hub.import_file(path)
        figures += _figures("trust_edit", time.perf_counter() - start, timer)
        figures.append(("trust_held_changes", len(hub.rejected()), "changes"))
    finally:
        intake.screen = timer.real
        for _name, device in devices:
            device.close()
    try:
        name, first = devices[0]
        figures += bench_device_import(folder, name, f"{TOWNSHIP}201", first)
    finally:
        hub.close()
    return figures


def bench_device_import(folder: Path, name: str, village: str, source: Ledger) -> list[Figure]:
    """One village's own workbook imported on an enrolled device of that village, and on a
    ledger never enrolled: what the device's trust check adds to an import."""
    from fieldapp.cli.main import main as cli

    book = folder / f"{name}.xlsx"
    source.close()
    with contextlib.redirect_stdout(io.StringIO()):
        assert (
            cli(["--db", str(folder / f"{name.replace('设备', 'dev')}.db"), "export", str(book)])
            == 0
        )
    _as_the_villages_own(book)
    # A working hub (the training one enrols demo ledgers only); the device starts empty.
    county = Hub.init(folder / "county")
    code = new_code()
    county.enroll(f"{name}二号", village, folder / "second.enrol", code=code, by="县里的科员")
    county.close()
    enrolled = Ledger.open(folder / "second.db", author="员二")
    enrol(enrolled, folder / "second.enrol", code=code)
    enrolled.close()
    times: dict[str, float] = {}
    # The bench's throw-away ledgers stay plain, as the test suite's do (the command line
    # refuses a plain enrolled ledger otherwise: tests/cli/test_enrolled_plain_ledger.py), so
    # the figures compare with earlier runs and no password's key derivation is timed.
    hatch = os.environ.get("FIELDAPP_TEST_PLAIN_LEDGERS")
    os.environ["FIELDAPP_TEST_PLAIN_LEDGERS"] = "1"
    try:
        for kind in ("plain", "enrolled"):
            db = folder / ("second.db" if kind == "enrolled" else "plain.db")
            start = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()):
                assert cli(["--db", str(db), "import", str(book)]) == 0
            times[kind] = time.perf_counter() - start
    finally:
        if hatch is None:
            del os.environ["FIELDAPP_TEST_PLAIN_LEDGERS"]
        else:
            os.environ["FIELDAPP_TEST_PLAIN_LEDGERS"] = hatch
    return [
        ("trust_device_import_s", times["enrolled"], "s"),
        ("trust_device_import_plain_s", times["plain"], "s"),
        ("trust_device_import_vs_plain", times["enrolled"] / times["plain"], "ratio"),
    ]


def bench_device_update(folder: Path, persons: int, pairs: int = 3) -> list[Figure]:
    """An enrolled village device updates its own ledger from its exported workbook (every
    person's phone changed): judged a batch at a time and one row at a time (the writer's
    `_together` made nothing), in back-to-back pairs."""
    from contextlib import nullcontext

    from fieldapp.cli.main import main as cli
    from fieldapp.services import writer

    village = f"{TOWNSHIP}201"
    demo = Ledger.open(folder / "demo.db", author="员")
    build_demo(demo, persons, seed=300, area=village)
    demo.close()
    book = folder / "village.xlsx"
    quiet = contextlib.redirect_stdout(io.StringIO())
    with quiet:
        assert cli(["--db", str(folder / "demo.db"), "export", str(book)]) == 0
    _as_the_villages_own(book)
    county = Hub.init(folder / "county")
    code = new_code()
    county.enroll("更新设备", village, folder / "update.enrol", code=code, by="县里的科员")
    county.close()
    db = folder / "update.db"
    enrolled = Ledger.open(db, author="员三")
    enrol(enrolled, folder / "update.enrol", code=code)
    enrolled.close()
    hatch = os.environ.get("FIELDAPP_TEST_PLAIN_LEDGERS")
    os.environ["FIELDAPP_TEST_PLAIN_LEDGERS"] = "1"  # (see bench_device_import)
    real = writer._together
    times: dict[str, list[float]] = {"together": [], "alone": []}
    # Of each update, the time its changed rows took to judge and write (`Writer.update_rows`).
    writes: dict[str, list[float]] = {"together": [], "alone": []}
    real_rows = writer.Writer.update_rows
    spent = [0.0]

    def timed_rows(self: writer.Writer, *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return real_rows(self, *args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start

    writer.Writer.update_rows = timed_rows  # type: ignore[method-assign]
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            assert cli(["--db", str(db), "import", str(book)]) == 0
            exported = folder / "exported.xlsx"
            assert cli(["--db", str(db), "export", str(exported)]) == 0
        for n in range(pairs * 2):
            # A sheet of its own each run (every phone new), as the ledger now has it.
            sheet = folder / f"update{n}.xlsx"
            with contextlib.redirect_stdout(io.StringIO()):
                assert cli(["--db", str(db), "export", str(exported)]) == 0
            _phones_changed(exported, sheet, n)
            kind = ("together", "alone")[(n + n // 2) % 2]  # T A, A T, T A …
            writer._together = real if kind == "together" else (lambda *_: nullcontext())  # type: ignore[assignment]
            start, spent[0] = time.perf_counter(), 0.0
            said = io.StringIO()
            with contextlib.redirect_stdout(said):
                assert cli(["--db", str(db), "import", "--update", str(sheet)]) == 0
            times[kind].append(time.perf_counter() - start)
            writes[kind].append(spent[0])
            if n == 0:  # what the update did (every person's phone changed)
                print(*said.getvalue().strip().splitlines()[:3], sep="\n", file=sys.stderr)
            writer._together = real
            print(
                f"  {kind} {times[kind][-1]:.2f} s (rows judged and written {spent[0]:.2f} s)",
                file=sys.stderr,
                flush=True,
            )
    finally:
        writer._together = real
        writer.Writer.update_rows = real_rows  # type: ignore[method-assign]
        if hatch is None:
            del os.environ["FIELDAPP_TEST_PLAIN_LEDGERS"]
        else:
            os.environ["FIELDAPP_TEST_PLAIN_LEDGERS"] = hatch
    together, alone = min(times["together"]), min(times["alone"])
    return [
        ("trust_device_update_s", together, "s"),
        ("trust_device_update_one_by_one_s", alone, "s"),
        ("trust_device_update_vs_one_by_one", together / alone, "ratio"),
        ("trust_device_update_rows_s", min(writes["together"]), "s"),
        ("trust_device_update_rows_one_by_one_s", min(writes["alone"]), "s"),
        (
            "trust_device_update_rows_vs_one_by_one",
            min(writes["together"]) / min(writes["alone"]),
            "ratio",
        ),
    ]


def _phones_changed(book: Path, to: Path, run: int) -> None:
    """`book` (an export) with every person's 联系电话 made new for `run`, saved as `to`."""
    import openpyxl

    workbook = openpyxl.load_workbook(book)
    for sheet in workbook.worksheets:
        column = None
        for row in sheet.iter_rows(min_row=1, max_row=6):
            for cell in row:
                if cell.value == "联系电话":
                    column, header = cell.column, cell.row
        if column is None:
            continue
        for k, (cell,) in enumerate(
            sheet.iter_rows(min_row=header + 1, min_col=column, max_col=column)
        ):
            if cell.value not in (None, ""):
                cell.value = f"13{run % 10}{k:08d}"
    workbook.save(to)


def _as_the_villages_own(book: Path) -> None:
    """The demo's export as a village's own workbook: each sheet's demo title taken off (an
    enrolled ledger refuses a demo's export whole, `ledger_import.DEMO_REFUSED`; this bench
    had stopped there since that refusal came)."""
    import openpyxl

    from fieldapp.tabular.columns import DEMO_TITLE

    workbook = openpyxl.load_workbook(book)
    for sheet in workbook.worksheets:
        title = sheet.cell(1, 1).value
        if isinstance(title, str) and title.startswith(DEMO_TITLE):
            sheet.cell(1, 1).value = title.removeprefix(DEMO_TITLE).lstrip()
    workbook.save(book)


def run(ledger_path: Path, persons: int) -> list[Figure]:
    """Every trust figure (see the module docstring); builds its own village ledgers."""
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-trust-") as tmp:
        figures = bench_trust(Path(tmp), persons)
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-trust-") as tmp:
        return figures + bench_device_update(Path(tmp), persons)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="the trust check's share of the hub's merge")
    parser.add_argument("--persons", type=int, default=10000)
    parser.add_argument("--update", action="store_true", help="only the device update figures")
    parser.add_argument("--pairs", type=int, default=3, help="update: back-to-back pairs")
    args = parser.parse_args()
    if args.update:
        with tempfile.TemporaryDirectory(prefix="fieldapp-bench-trust-") as tmp:
            found = bench_device_update(Path(tmp), args.persons, args.pairs)
    else:
        found = run(Path(), args.persons)
    for name, value, unit in found:
        print(f"{name} {value:.3f} {unit}", flush=True)
