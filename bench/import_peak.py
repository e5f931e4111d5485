"""One ledger import in a process of its own, printing that process's peak memory.

    python bench/import_peak.py LEDGER WORKBOOK [--update]

Prints `peak_rss_mb <MB>` (the process's peak resident memory: the interpreter, fieldapp's
modules and the import, what a user's import process holds beyond its window) and exits 0 when
the import refused no row, else 1. `figures.py` runs it for `import_peak_rss_mb` (a fresh
ledger) and `import_update_peak_rss_mb` (the workbook imported again with --update): in the
bench's own process the demo, the search and the export would count towards the peak too.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Import the workbook into the ledger; print the peak RSS; 1 if any row was refused."""
    parser = argparse.ArgumentParser(description="one import's peak memory")
    parser.add_argument("ledger", type=Path)
    parser.add_argument("workbook", type=Path)
    parser.add_argument("--update", action="store_true")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from bench.peak import own_peak_rss_mb
    from fieldapp.store.ledger import Ledger
    from fieldapp.tabular.ledger_import import import_ledger

    ledger = Ledger.open(args.ledger, author="bench")
    report = import_ledger(ledger, args.workbook, update=args.update)
    ledger.close()
    print(f"peak_rss_mb {own_peak_rss_mb():.1f}")
    for problem in report.rejected[:5]:
        print(f"rejected {problem}", file=sys.stderr)
    return 1 if report.rejected else 0


if __name__ == "__main__":
    sys.exit(main())
