"""The bench's spreadsheet figures at a tiny size, with the import's own peak memory measured
in a process of its own (a fresh ledger, and the same workbook again with --update)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from fieldapp.demo.generator import build_demo
from fieldapp.store.ledger import Ledger

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import figures  # noqa: E402


def test_excel_bench_gives_the_imports_own_peak_memory(tmp_path: Path):
    ledger = Ledger.open(tmp_path / "demo.db", author="bench")
    build_demo(ledger, 200, seed=4)
    found = {name: value for name, value, _unit in figures.bench_excel(ledger, tmp_path, 200)}
    ledger.close()
    # A child process's own: the interpreter, fieldapp and SQLite are tens of MB at the least,
    # and a 200-person import far from a gigabyte.
    for name in ("import_peak_rss_mb", "import_update_peak_rss_mb"):
        assert 30 < found[name] < 1000, (name, found[name])
    assert found["import_xlsx_rows_per_s"] > 0
    # The child imported into a ledger of its own, and the update changed nothing.
    ledgers = [Ledger.open(tmp_path / name) for name in ("demo.db", "import_peak.db", "update.db")]
    for table in ("persons", "employment_spells", "monthly_status"):
        query = f"SELECT count(*) FROM [{table}] WHERE deleted = 0"
        counts = [ledger.db.execute(query).fetchone()[0] for ledger in ledgers]
        assert counts[0] > 0 and counts == [counts[0]] * 3, (table, counts)


def test_a_failed_import_in_the_child_is_said(tmp_path: Path):
    missing = tmp_path / "none.xlsx"
    with pytest.raises(RuntimeError, match="import_peak.py failed"):
        figures.import_peak_rss(tmp_path / "x.db", missing)


def test_the_childs_peak_is_its_own_not_its_starters(tmp_path: Path):
    """Started by a process that had held 600 MB (the bench after its 100k demo, a test worker
    after a large test), the child reported that peak as its own (ru_maxrss survives exec on
    Linux): `import_peak_rss_mb` read 2,569 MB for a 200-person import. Its own now."""
    import subprocess

    from fieldapp.tabular.ledger_export import export_ledger

    ledger = Ledger.open(tmp_path / "demo.db", author="bench")
    build_demo(ledger, 20, seed=4)
    export_ledger(ledger, tmp_path / "export.xlsx")
    ledger.close()
    starter = (
        "import sys\n"
        f"sys.path.insert(0, {str(Path(figures.__file__).parent)!r})\n"
        "held = bytearray(600 * 2**20)\n"
        "for i in range(0, len(held), 4096): held[i] = 1\n"
        "del held\n"
        "import figures\n"
        f"print(figures.import_peak_rss(__import__('pathlib').Path({str(tmp_path / 'fresh.db')!r}),"
        f" __import__('pathlib').Path({str(tmp_path / 'export.xlsx')!r})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", starter], capture_output=True, text=True, timeout=300, check=True
    )
    peak = float(done.stdout.split()[-1])
    assert 30 < peak < 500, peak
