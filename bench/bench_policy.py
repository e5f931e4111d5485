"""Policy figures: whole-ledger eligibility and one village's due list.

eligible_all_s   load every person's facts (a few bulk queries) and evaluate every active
                 rule for everyone, as of today                            [≤ 2 s at 100k]
due_list_ms      the due list of the village with the most persons         [≤ 100 ms]
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fieldapp.policy.registry import PolicyRegistry  # noqa: E402
from fieldapp.services.claims import EligibilityService  # noqa: E402
from fieldapp.services.policy_views import due_list  # noqa: E402
from fieldapp.store.ledger import Ledger  # noqa: E402


def _biggest_village(ledger: Ledger, kind: str = "村") -> str | None:
    """The village (or relocation site) with the most persons."""
    row = ledger.db.execute(
        """SELECT substr(h.area_code, 1, 12) AS v, count(*) AS n FROM persons p
        JOIN households h ON h.id = p.household_id
        JOIN areas a ON a.code = substr(h.area_code, 1, 12) AND a.kind = ?
        WHERE p.deleted = 0 GROUP BY v ORDER BY n DESC LIMIT 1""",
        [kind],
    ).fetchone()
    return row[0] if row else None


def _due_ms(ledger: Ledger, policy: object, today: dt.date, area: str | None) -> tuple[float, int]:
    """Median of five due-list builds for one area (after one warm-up)."""
    due_list(ledger, policy, today, area)  # type: ignore[arg-type]
    timings, items = [], []
    for _ in range(5):
        start = time.perf_counter()
        items = due_list(ledger, policy, today, area)  # type: ignore[arg-type]
        timings.append(time.perf_counter() - start)
    return sorted(timings)[len(timings) // 2] * 1000, len(items)


def run(ledger_path: Path, persons: int) -> list[tuple[str, float, str]]:
    """The policy figures on an existing demo ledger."""
    ledger = Ledger.open(ledger_path, author="bench")
    policy = PolicyRegistry(local=Path(tempfile.mkdtemp())).load()
    today = dt.date.today()
    service = EligibilityService(ledger, policy)
    start = time.perf_counter()
    results = service.for_all(today)
    eligible_all = time.perf_counter() - start
    open_results = sum(1 for r in results if r.status != "not_eligible")
    village_ms, village_items = _due_ms(ledger, policy, today, _biggest_village(ledger, "村"))
    site_ms, _ = _due_ms(ledger, policy, today, _biggest_village(ledger, "安置点"))
    ledger.close()
    return [
        ("eligible_all_s", eligible_all, "s"),
        ("eligible_results", float(len(results)), "results"),
        ("eligible_open_results", float(open_results), "results"),
        ("due_list_ms", village_ms, "ms"),
        ("due_list_items", float(village_items), "items"),
        ("due_list_site_ms", site_ms, "ms"),
    ]


if __name__ == "__main__":
    from fieldapp.demo.generator import build_demo

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    path = Path(tempfile.mkdtemp()) / "bench_policy.db"
    led = Ledger.open(path, author="bench")
    build_demo(led, count)
    led.close()
    for name, value, unit in run(path, count):
        print(f"{name} {value:.3f} {unit}")
