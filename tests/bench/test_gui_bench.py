"""The desktop bench runs end to end on a small demo ledger and gives every figure the issue
asks for (start-up, search keystrokes, the due and eligible lists of the largest village and
relocation site, peak memory). The figures themselves are measured at 100k / 1M by the lead."""

from __future__ import annotations

import sys
from pathlib import Path

from fieldapp.demo.generator import build_demo
from fieldapp.store.ledger import Ledger

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import bench_gui  # noqa: E402


def test_gui_bench_gives_every_figure(tmp_path: Path):
    path = tmp_path / "demo.db"
    ledger = Ledger.open(path, author="bench")
    build_demo(ledger, 1500, seed=2)
    ledger.close()
    figures = {name: value for name, value, _unit in bench_gui.run(path, 1500)}
    for name in (
        "gui_start_to_ledger_s",
        "gui_all_listed_s",
        "gui_search_keystroke_p95_ms",
        "gui_due_list_s",
        "gui_eligible_list_s",
        "gui_peak_rss_mb",
    ):
        assert figures[name] > 0, name
    # Both places were listed: a village and a relocation site.
    assert figures["gui_due_list_village_s"] > 0 and figures["gui_due_list_site_s"] > 0
    assert figures["gui_eligible_list_village_s"] > 0 and figures["gui_eligible_list_site_s"] > 0
    assert figures["gui_all_listed_s"] >= figures["gui_start_to_ledger_s"]
    # 待办 opened on the whole ledger, and how long the window froze meanwhile.
    assert figures["gui_due_open_s"] > 0 and figures["gui_due_open_stall_ms"] > 0
