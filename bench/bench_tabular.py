"""Spreadsheet figures: the ledger export against its writer alone, and a monthly update sheet.

    export_s                  export_ledger of the whole demo ledger (xlsx, every sheet)
    export_100k_s             the same, scaled to 100 000 persons (equal to export_s at 100k) [≤ 10]
    writer_alone_s            rustpy-xlsxwriter writing exactly the export's cells with the same
                              options, the records ready in memory
    export_vs_writer          writer_alone_s / export_s                                     [≥ 0.7]
    export_vs_writer_low, export_vs_writer_high
                              the export and the writer alone are timed in `PAIRS` pairs, each
                              pair back to back; the figures above are the pair with the median
                              ratio, these the lowest and highest pair's ratio
    update_sheet_rows         rows of the monthly update sheet (one per person)
    update_import_rows_per_s  import --update of that sheet into a copy of the ledger
    update_import_s           the same, in seconds
    export_cpu_s, writer_alone_cpu_s, export_vs_writer_cpu, update_import_cpu_rows_per_s
                              the same measured in CPU time, this process's and its child
                              processes' (the export's writer runs in a child process, see
                              `tabular.writer_process`, and its CPU counts): what the work costs
                              when the machine is shared (wall time then counts the others'
                              turns on the cores too)

The monthly update sheet is what a village sends back: 姓名, 身份证号码, this month's 就业状态
for everyone, and a changed phone number for one person in fifty. The demo ledger is never
written to: the update runs against a copy.

    python bench/bench_tabular.py --persons 100000     (or through bench/run.py)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger

# The fieldapp modules are imported where they are used, not here: run alone, this script is
# the main module that the export's writer process runs again before it writes (see run.py).

#: Export and writer alone are timed in this many pairs, one after the other, and the pairs'
#: median reported: one pair's ratio swings by ±0.1 on this machine with nothing else running,
#: and the median of three pairs still by ±0.06 (14 runs, 2 December); five narrow it.
PAIRS = 5

Figure = tuple[str, float, str]


def _cpu_s() -> float:
    """CPU seconds of this process and of its finished child processes."""
    used = os.times()
    return used.user + used.system + used.children_user + used.children_system


class Clock:
    """Wall and CPU seconds of a block (the CPU of a child process it started and waited for
    included: the export's writer process)."""

    def __enter__(self) -> Clock:
        self._wall, self._cpu = time.perf_counter(), _cpu_s()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.wall = time.perf_counter() - self._wall
        self.cpu = _cpu_s() - self._cpu


def _writer_alone(ledger: Ledger, out: Path) -> Clock:
    """What the writer takes for exactly the export's cells and options, handed to it ready
    in memory (the same records, the same page setup, formats, validations and notes)."""
    from fieldapp.bulk import paused_gc
    from fieldapp.tabular import workbook
    from fieldapp.tabular.ledger_export import export_sheets

    sheets = {name: list(records) for name, records in export_sheets(ledger, _today()).items()}
    with Clock() as clock, paused_gc():  # as the export writes
        workbook.write_ledger_workbook(out, sheets, exported_at=dt.datetime.now(dt.UTC))
    return clock


def _today() -> dt.date:
    return dt.date.today()


def _update_sheet(ledger: Ledger, out: Path) -> int:
    """The monthly update sheet: every person's status this month, a few new phone numbers."""
    import rustpy_xlsxwriter as rx

    rows = ledger.db.execute("SELECT name, id_number, phone FROM persons WHERE deleted = 0")
    month = dt.date.today().strftime("%Y年%m月")
    records = []
    for index, (name, number, phone) in enumerate(rows):
        records.append(
            {
                "姓名": name,
                "身份证号码": number,
                f"{month}就业状态": "已就业" if index % 3 else "未就业",
                "联系电话": f"139{index:08d}" if index % 50 == 0 else phone or None,
            }
        )
    rx.write_worksheets([("月度更新", records)], str(out))
    return len(records)


def run(ledger_path: Path, persons: int) -> list[Figure]:
    """The figures (see the module docstring)."""
    from fieldapp.store.ledger import Ledger
    from fieldapp.tabular.ledger_export import export_ledger
    from fieldapp.tabular.ledger_import import import_ledger

    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-tabular-") as tmp:
        folder = Path(tmp)
        ledger = Ledger.open(ledger_path, author="bench")
        pairs = []
        for _ in range(PAIRS):
            os.sync()  # neither is charged for the disk writing the other (or the demo) left
            with Clock() as one:
                export_ledger(ledger, folder / "export.xlsx", today=_today())
            os.sync()
            pairs.append((one, _writer_alone(ledger, folder / "alone.xlsx")))
        ratios = [writer.wall / one.wall for one, writer in pairs]
        export, writer = pairs[ratios.index(statistics.median_low(ratios))]
        sheet_rows = _update_sheet(ledger, folder / "update.xlsx")
        ledger.close()
        copy = folder / "copy.db"
        shutil.copy(ledger_path, copy)
        for suffix in ("-wal", "-shm"):
            side = ledger_path.with_name(ledger_path.name + suffix)
            if side.exists():
                shutil.copy(side, copy.with_name(copy.name + suffix))
        target = Ledger.open(copy, author="bench")
        with Clock() as update:
            report = import_ledger(target, folder / "update.xlsx", update=True)
        target.close()
        assert not report.rejected, report.rejected[:3]
        assert report.updated + report.unchanged == sheet_rows, (report.updated, sheet_rows)
    return [
        ("export_s", export.wall, "s"),
        ("export_100k_s", export.wall * 100000 / max(1, persons), "s"),
        ("writer_alone_s", writer.wall, "s"),
        ("export_vs_writer", writer.wall / export.wall, "ratio"),
        ("export_vs_writer_low", min(ratios), "ratio"),
        ("export_vs_writer_high", max(ratios), "ratio"),
        ("update_sheet_rows", float(sheet_rows), "rows"),
        ("update_import_rows_per_s", sheet_rows / update.wall, "rows/s"),
        ("update_import_s", update.wall, "s"),
        ("export_cpu_s", export.cpu, "s"),
        ("writer_alone_cpu_s", writer.cpu, "s"),
        ("export_vs_writer_cpu", writer.cpu / export.cpu, "ratio"),
        ("update_import_cpu_rows_per_s", sheet_rows / update.cpu, "rows/s"),
    ]


def main() -> int:
    """Build a demo ledger of --persons and print the figures."""
    from fieldapp.demo.generator import build_demo
    from fieldapp.store.ledger import Ledger

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--persons", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-") as tmp:
        path = Path(tmp) / "demo.db"
        ledger = Ledger.open(path, author="bench")
        build_demo(ledger, args.persons, seed=args.seed)
        ledger.close()
        for name, value, unit in run(path, args.persons):
            text = f"{value:.3f}" if abs(value) < 100 else f"{value:.0f}"
            print(f"{name} {text} {unit}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
