"""Benchmarks: build a demo ledger and print one `name value unit` line per figure.

    python bench/run.py --persons 100000 [--seed 1]     (runs `main` here)

Figures (targets at 100k persons on a 2-core machine in brackets):
  demo_rows_per_s          the demo builder end to end (generation + logged writes)
  logged_write_rows_per_s  the same rows through Ledger.insert_many (log + projection)
  raw_sqlite_rows_per_s    the floor: the same rows stored the fastest plain SQLite way, no log
                           (raw_copy.py: one transaction, executemany, indexes and FTS after)
  write_vs_raw             logged / raw                                          [≥ 0.30]
  search_p50_ms, search_p95_ms  mixed queries via PersonSearch                   [p95 ≤ 20]
  ledger_all_list_ms, ledger_all_count_ms  全部区域: the 台账 list's rowids (`person_rowids`,
                           what the window lists and counts) and the export's count
                           (`count_persons`), each the median of 15 runs
  export_xlsx_rows_per_s, calamine_read_rows_per_s, import_xlsx_rows_per_s,
  import_vs_read           import / calamine's raw read of the same file, like for like:
                           both take every sheet the export wrote (台账 and the extra
                           sheets 就业经历 … 月度状态), cell by cell as the importer reads
                           them; the import's extra work is checking, matching and writing
                           the records with their change log                       [≥ 0.25]
  import_floor_vs_read     that read plus the raw floor writing every table the import
                           writes (with its log), against the read alone
  import_peak_rss_mb       the import's own peak memory: the export imported into a fresh ledger
                           in a process of its own (import_peak.py), so the demo, search and
                           export this process did before do not count
  import_update_peak_rss_mb  the same, that export imported again with --update into a copy of
                           the demo ledger it came from (every person and record already there)
  db_bytes_per_person, peak_rss_mb   (peak_rss_mb: this whole bench process)
Then every other bench/bench_*.py module's `run(ledger_path, persons)` figures.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from python_calamine import CalamineWorkbook  # noqa: E402
from raw_copy import raw_copy  # noqa: E402

from fieldapp.demo.generator import build_demo  # noqa: E402
from fieldapp.store.ledger import Ledger  # noqa: E402
from fieldapp.store.pinyin import name_readings  # noqa: E402
from fieldapp.store.queries.persons import LedgerFilter, person_rowids  # noqa: E402
from fieldapp.store.queries.search import PersonSearch  # noqa: E402
from fieldapp.store.queries.sheets import count_persons  # noqa: E402
from fieldapp.tabular.ledger_export import export_ledger  # noqa: E402
from fieldapp.tabular.ledger_import import import_ledger  # noqa: E402

Figure = tuple[str, float, str]
#: Tables the demo writes, in dependency order.
TABLES = (
    "areas",
    "households",
    "persons",
    "person_categories",
    "employment_spells",
    "unemployment_registrations",
    "visits",
    "services",
    "monthly_status",
)


def emit(name: str, value: float, unit: str) -> None:
    """Print one figure line."""
    text = f"{value:.3f}" if isinstance(value, float) and abs(value) < 100 else f"{value:.0f}"
    print(f"{name} {text} {unit}", flush=True)


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    """Seconds taken by fn() and its result."""
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def data_rows(ledger: Ledger, table: str) -> tuple[list[str], list[tuple[object, ...]]]:
    """A table's id and data fields (what a write supplies), every row."""
    fields = ["id", *[f for f in ledger.projector.data_fields(table)]]
    cursor = ledger.db.execute(f"SELECT {', '.join(fields)} FROM [{table}] ORDER BY rowid")
    return fields, cursor.fetchall()


def logged_copy(source: Ledger, target: Ledger) -> tuple[int, float]:
    """Every demo table's rows of `source` written into `target` through `insert_many` (the log
    and projection), a table per transaction; returns (rows, seconds of writing)."""
    total, seconds = 0, 0.0
    for table in TABLES:  # one table at a time keeps memory flat at a million persons
        fields, rows = data_rows(source, table)
        dicts = [dict(zip(fields, r, strict=True)) for r in rows]
        del rows
        begin = time.perf_counter()
        with target.transaction():
            for offset in range(0, len(dicts), 5000):
                target.insert_many(table, dicts[offset : offset + 5000])
        seconds += time.perf_counter() - begin
        total += len(dicts)
    return total, seconds


def bench_writes(ledger: Ledger, folder: Path) -> list[Figure]:
    """The demo's rows again: plain executemany (no log) vs the logged insert_many path."""
    total, raw_seconds = raw_copy(ledger, folder / "raw.db", TABLES, with_log=False)
    logged = Ledger.open(folder / "logged.db", author="bench")
    _rows, logged_seconds = logged_copy(ledger, logged)
    logged.close()
    raw_rate, logged_rate = total / raw_seconds, total / logged_seconds
    return [
        ("raw_sqlite_rows_per_s", raw_rate, "rows/s"),
        ("logged_write_rows_per_s", logged_rate, "rows/s"),
        ("write_vs_raw", logged_rate / raw_rate, "ratio"),
    ]


def search_queries(ledger: Ledger, count: int, seed: int) -> list[str]:
    """Mixed queries: full names, 1–2 characters, initials, full pinyin, ID and phone digits."""
    rng = random.Random(seed)
    rows = ledger.db.execute("SELECT name, id_number, phone FROM persons ORDER BY rowid").fetchall()
    sample = rng.sample(rows, min(count, len(rows)))
    queries = []
    for index, (name, number, phone) in enumerate(sample):
        kind = index % 7
        reading = name_readings(name)[0]
        if kind == 0:
            queries.append(name)
        elif kind == 1:
            queries.append(name[rng.randrange(len(name))])
        elif kind == 2:
            start = rng.randrange(max(1, len(name) - 1))
            queries.append(name[start : start + 2])
        elif kind == 3:
            queries.append("".join(s[0] for s in reading))
        elif kind == 4:
            queries.append("".join(reading))
        elif kind == 5:
            start = rng.randrange(0, 12)
            queries.append(number[start : start + rng.randint(4, 8)])
        else:
            queries.append(phone[-rng.randint(4, 7) :] if phone else number[-6:])
    return queries


def search_times(ledger: Ledger, queries: list[str]) -> list[float]:
    """Each query's PersonSearch latency in ms, sorted (after a warm-up pass of the first 50)."""
    search = PersonSearch(ledger.db)
    for query in queries[:50]:
        search.search(query)
    times = []
    for query in queries:
        start = time.perf_counter()
        search.search(query)
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)


def bench_search(ledger: Ledger, seed: int) -> list[Figure]:
    """Latency of PersonSearch over mixed queries (after a warm-up pass)."""
    times = search_times(ledger, search_queries(ledger, 700, seed))
    return [
        ("search_p50_ms", times[len(times) // 2], "ms"),
        ("search_p95_ms", times[int(len(times) * 0.95)], "ms"),
        ("search_max_ms", times[-1], "ms"),
    ]


def bench_whole_ledger(ledger: Ledger) -> list[Figure]:
    """全部区域 listed and counted: the ledger's own people (`HOUSEHOLD_HELD`) of all of it."""

    def median_ms(fn: Callable[[], object]) -> float:
        return statistics.median(timed(fn)[0] * 1000 for _ in range(15))

    return [
        ("ledger_all_list_ms", median_ms(lambda: person_rowids(ledger, LedgerFilter())), "ms"),
        ("ledger_all_count_ms", median_ms(lambda: count_persons(ledger)), "ms"),
    ]


def import_peak_rss(ledger_path: Path, xlsx: Path, *, update: bool = False) -> float:
    """The peak RSS in MB of one import of `xlsx` into `ledger_path`, run in a child process
    (`import_peak.py`) so that nothing else this process did counts."""
    command = [sys.executable, str(Path(__file__).with_name("import_peak.py")), str(ledger_path)]
    command += [str(xlsx), *(["--update"] if update else [])]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"import_peak.py failed ({done.returncode}): {done.stderr[-2000:]}")
    name, value = done.stdout.split()[-2:]
    assert name == "peak_rss_mb", done.stdout
    return float(value)


def bench_excel(ledger: Ledger, folder: Path, persons: int) -> list[Figure]:
    """Export to xlsx, calamine's raw read of that file, and the import into a fresh ledger."""
    xlsx = folder / "export.xlsx"
    export_seconds, written = timed(lambda: export_ledger(ledger, xlsx))

    def read() -> int:
        """Every sheet, as the importer reads them (`tabular.reader`): the same cells."""
        book = CalamineWorkbook.from_path(str(xlsx))
        cells = 0
        for index in range(len(book.sheet_names)):
            rows = book.get_sheet_by_index(index).to_python(skip_empty_area=False)
            cells += sum(map(len, rows))
        book.close()
        return cells

    read_seconds, _ = timed(read)
    fresh = Ledger.open(folder / "imported.db", author="bench")
    import_seconds, report = timed(lambda: import_ledger(fresh, xlsx))
    # The floor: reading the file plus writing exactly the imported rows and their log raw
    # (every table the export's sheets fill).
    _rows, floor_write = raw_copy(fresh, folder / "import_floor.db", TABLES, with_log=True)
    fresh.close()
    assert not report.rejected, report.rejected[:5]  # type: ignore[union-attr]
    # The import's own memory, each in a process of its own: into a fresh ledger, then the same
    # workbook again with --update into a copy of the ledger it was exported from (the copy: the
    # other benches measure that ledger as the demo made it).
    import_peak = import_peak_rss(folder / "import_peak.db", xlsx)
    ledger.db.execute("VACUUM INTO ?", (str(folder / "update.db"),))
    update_peak = import_peak_rss(folder / "update.db", xlsx, update=True)
    read_rate = int(written) / read_seconds  # type: ignore[arg-type]
    import_rate = int(written) / import_seconds  # type: ignore[arg-type]
    return [
        ("export_xlsx_rows_per_s", int(written) / export_seconds, "rows/s"),  # type: ignore[arg-type]
        ("calamine_read_rows_per_s", read_rate, "rows/s"),
        ("import_xlsx_rows_per_s", import_rate, "rows/s"),
        ("import_vs_read", import_rate / read_rate, "ratio"),
        ("import_floor_vs_read", int(written) / (read_seconds + floor_write) / read_rate, "ratio"),  # type: ignore[arg-type]
        ("xlsx_bytes_per_person", xlsx.stat().st_size / max(1, persons), "B"),
        ("import_peak_rss_mb", import_peak, "MB"),
        ("import_update_peak_rss_mb", update_peak, "MB"),
    ]


def run_modules(ledger_path: Path, persons: int) -> None:
    """Every other bench/bench_*.py: print its figures, or an error line if it fails."""
    for path in sorted(Path(__file__).parent.glob("bench_*.py")):
        try:
            spec = importlib.util.spec_from_file_location(path.stem, path)
            assert spec and spec.loader
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            for name, value, unit in module.run(ledger_path, persons):
                emit(name, value, unit)
        except Exception as error:  # noqa: BLE001 - one failing module must not stop the rest
            print(f"error {path.name}: {type(error).__name__}: {error}", flush=True)
            traceback.print_exc(file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark and print the figures."""
    parser = argparse.ArgumentParser(description="fieldapp benchmarks")
    parser.add_argument("--persons", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", help="keep the demo ledger at this path")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-") as tmp:
        folder = Path(tmp)
        ledger_path = Path(args.keep) if args.keep else folder / "demo.db"
        ledger = Ledger.open(ledger_path, author="bench")
        seconds, report = timed(lambda: build_demo(ledger, args.persons, seed=args.seed))
        rows = report.rows  # type: ignore[union-attr]
        emit("demo_persons", args.persons, "persons")
        emit("demo_rows", rows, "rows")
        emit("demo_seconds", seconds, "s")
        emit("demo_rows_per_s", rows / seconds, "rows/s")
        for figure in bench_writes(ledger, folder):
            emit(*figure)
        for figure in bench_search(ledger, args.seed):
            emit(*figure)
        for figure in bench_whole_ledger(ledger):
            emit(*figure)
        for figure in bench_excel(ledger, folder, args.persons):
            emit(*figure)
        ledger.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = ledger_path.stat().st_size
        emit("db_bytes_per_person", size / args.persons, "B")
        ledger.close()
        emit("peak_rss_mb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "MB")
        run_modules(ledger_path, args.persons)
    return 0


if __name__ == "__main__":
    sys.exit(main())
