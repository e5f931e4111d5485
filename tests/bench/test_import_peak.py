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
