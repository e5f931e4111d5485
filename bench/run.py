"""Benchmarks: build a demo ledger and print one `name value unit` line per figure.

    python bench/run.py --persons 100000 [--seed 1]

The figures and what each measures are listed in `figures.py`, which this runs. This script
stays this small on purpose: the ledger export's writer process (`tabular.writer_process`,
started with "spawn") runs the main script again before it writes, and a bench script that
imported every bench there charged the export 0.3-0.4 s of start-up that a user's writer
process, which imports only the writer, never spends.
"""

import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from figures import main

    sys.exit(main())
