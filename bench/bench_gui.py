"""Desktop app figures, measured offscreen in a fresh process (Qt state never leaks).

gui_start_to_ledger_s        process start → main window shown with the ledger listed [≤ 1.5]
gui_all_listed_s             process start → the whole ledger listed (count shown; the first page
                             is usable before)
gui_search_keystroke_p95_ms  one keystroke in the search box → table updated        [≤ 50]
gui_search_keystroke_p50_ms
gui_scroll_to_end_ms         jump to the last row with an empty page cache
gui_due_list_s               the due list of the largest village / relocation site (the slower)  [≤ 1]
gui_due_open_s               待办 opened as a user opens it: the page built and the whole home area
                             listed (the whole ledger when no home area is set)
gui_due_open_stall_ms        the longest the window stayed frozen meanwhile (the list is worked
                             out off the GUI thread; this is what showing it costs)
gui_eligible_list_s          the eligible list of the same two places (the slower)               [≤ 1]
  (…_village_s and …_site_s give each; a township or county lists village by village, the
  home village first, so these are also what a user waits for before the first rows)
gui_peak_rss_mb              peak resident memory of the app process              [≤ 300]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = Path(__file__).resolve().with_name("gui_probe.py")


def run(ledger_path: Path, persons: int) -> list[tuple[str, float, str]]:
    """Run the probe on the bench ledger and return its figures."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, str(PROBE), str(ledger_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        check=True,
    )
    data = json.loads(result.stdout.strip().splitlines()[-1])
    units = {
        "gui_start_to_ledger_s": "s",
        "gui_all_listed_s": "s",
        "gui_search_keystroke_p50_ms": "ms",
        "gui_search_keystroke_p95_ms": "ms",
        "gui_scroll_to_end_ms": "ms",
        "gui_due_list_s": "s",
        "gui_due_list_village_s": "s",
        "gui_due_list_site_s": "s",
        "gui_due_open_s": "s",
        "gui_due_open_stall_ms": "ms",
        "gui_eligible_list_s": "s",
        "gui_eligible_list_village_s": "s",
        "gui_eligible_list_site_s": "s",
        "gui_peak_rss_mb": "MB",
    }
    return [(name, float(data[name]), unit) for name, unit in units.items()]


if __name__ == "__main__":
    for name, value, unit in run(Path(sys.argv[1]), 0):
        print(name, value, unit)
