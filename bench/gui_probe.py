"""Measured in a fresh process by bench_gui.py: start-up, search keystrokes, scroll, 待办 opened
on the whole home area (and how long the window froze meanwhile), the due list and the eligible
list of the largest village and the largest relocation site, memory.

python bench/gui_probe.py LEDGER.db   → one JSON object on stdout

The largest village and relocation site are found in a child process (`--places`): that
GROUP BY over every person is the bench's question, not the app's, and run on the app's
connection it filled the app's page cache (17 MB of the app's peak memory at a million
persons: 323 → 306 MB for the same app code).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STARTED = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["FIELDAPP_HOME"] = tempfile.mkdtemp(prefix="fieldapp-gui-bench-")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402

from bench.peak import own_peak_rss_mb  # noqa: E402
from fieldapp.ui.app import make_app, open_window  # noqa: E402


class Waiter:
    """Runs the event loop until a signal fires; connected once (disconnect leaks in 6.12)."""

    def __init__(self, signal) -> None:  # noqa: ANN001 - a bound Qt signal
        self.loop: QEventLoop | None = None
        self.timer = QTimer()
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._quit)
        signal.connect(self._quit)

    def _quit(self) -> None:
        if self.loop is not None:
            self.loop.quit()

    def wait(self, timeout_ms: int = 10000) -> None:
        """Block (running events) until the signal or the timeout."""
        self.loop = QEventLoop()
        self.timer.start(timeout_ms)
        self.loop.exec()
        self.timer.stop()
        self.loop = None


def settle(app) -> None:  # noqa: ANN001 - QApplication
    """Process pending events (paint included)."""
    for _ in range(3):
        app.processEvents()


def queries(page, count: int = 40) -> list[str]:  # noqa: ANN001 - LedgerPage
    """Typed searches taken from the ledger: names, pinyin initials, ID and phone digits."""
    from fieldapp.store.pinyin import search_words

    rng = random.Random(5)
    rows = page.session.ledger.db.execute(
        "SELECT name, id_number, phone FROM persons WHERE deleted = 0 ORDER BY rowid LIMIT 2000"
    ).fetchall()
    rng.shuffle(rows)
    out: list[str] = []
    for name, id_number, phone in rows[:count]:
        kind = len(out) % 4
        if kind == 0:
            out.append(name)
        elif kind == 1:
            words = (search_words(name) or name).split()
            out.append(min(words, key=len) if words else name)
        elif kind == 2:
            out.append(id_number[-8:])
        else:
            out.append(phone or id_number[6:14])
    return out


def largest(db, kind: str) -> str | None:  # noqa: ANN001 - a sqlite_utils Database
    """The 12-digit code of the village (or relocation site) with the most persons."""
    row = db.execute(
        "SELECT substr(h.area_code, 1, 12) AS part, count(*) AS n FROM persons p "
        "JOIN households h ON h.id = p.household_id JOIN areas a ON a.code = part "
        "WHERE p.deleted = 0 AND a.kind = ? GROUP BY part ORDER BY n DESC LIMIT 1",
        [kind],
    ).fetchone()
    return row[0] if row else None


def places(path: Path) -> list[str]:
    """The largest village and the largest relocation site, asked in a child process (the
    probe's own memory stays the app's)."""
    found = subprocess.run(
        [sys.executable, __file__, "--places", str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    return list(json.loads(found.stdout.strip().splitlines()[-1]))


def print_places(path: Path) -> None:
    """The child's side of `places`."""
    from fieldapp.domain.enums import AreaKind
    from fieldapp.store.queries import Reader

    reader = Reader(path)
    try:
        codes = [largest(reader.db, kind.value) for kind in (AreaKind.VILLAGE, AreaKind.SITE)]
    finally:
        reader.close()
    print(json.dumps([code for code in codes if code]))


class Stalls:
    """The longest pause of the event loop (the window frozen) while it runs: a 5 ms timer
    notes how late each of its ticks comes."""

    def __init__(self) -> None:
        self.longest = 0.0
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def start(self) -> None:
        """Start watching (forgetting earlier pauses)."""
        self.longest = 0.0
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        """Stop; the longest pause in ms."""
        self._tick()
        self.timer.stop()
        return self.longest * 1000


def until_idle(app, page, timeout_s: float = 600.0) -> None:  # noqa: ANN001 - Qt objects
    """Run events until the page's operation (its list) has finished."""
    deadline = time.perf_counter() + timeout_s
    while page.panel.busy and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.002)
    settle(app)


def list_seconds(app, page, start, codes: list[str]) -> list[float]:  # noqa: ANN001
    """Seconds from choosing each area (by `start`) to its whole list on screen."""
    out: list[float] = []
    for code in codes:
        until_idle(app, page)
        started = time.perf_counter()
        start(code)
        until_idle(app, page)
        out.append(time.perf_counter() - started)
    return out


def main() -> None:
    """Open the ledger as a user would and time what they feel."""
    path = Path(sys.argv[1])
    app = make_app()
    window = open_window(path)
    # Qt's offscreen screen is 800×800, where the window would open maximized: 1366×768 here.
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 768)
    window.show()
    page = window.show_page("ledger")
    settle(app)
    start_s = time.perf_counter() - STARTED
    rows_shown = page.model.rowCount()
    # The first page is shown at once; the whole list arrives from the search thread.
    deadline = time.perf_counter() + 120
    while page.listing() and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.002)
    all_listed_s = time.perf_counter() - STARTED

    waiter = Waiter(page.updated)
    delays: list[float] = []
    for query in queries(page):
        for end in range(1, len(query) + 1):
            typed = time.perf_counter()
            page.search_box.setText(query[:end])
            waiter.wait()
            settle(app)
            delays.append((time.perf_counter() - typed) * 1000)
        page.search_box.clear()
        waiter.wait()
    delays.sort()
    p95 = delays[int(len(delays) * 0.95) - 1] if delays else 0.0
    p50 = delays[len(delays) // 2] if delays else 0.0

    page.model.pages.clear()
    scroll_started = time.perf_counter()
    page.table.scrollToBottom()
    settle(app)
    scroll_ms = (time.perf_counter() - scroll_started) * 1000

    codes = places(path)
    # 待办 opened as a user opens it: the page built and the whole home area listed (with no
    # home area set, the whole ledger), timing how long the window stays frozen meanwhile.
    stalls = Stalls()
    stalls.start()
    opened = time.perf_counter()
    due = window.show_page("due")
    until_idle(app, due)
    due_open_s = time.perf_counter() - opened
    due_open_stall_ms = stalls.stop()
    window.show_page("ledger")
    settle(app)
    due.area.blockSignals(True)

    def due_for(code: str) -> None:
        due.area.set_code(code)
        due.refresh()

    due_s = list_seconds(app, due, due_for, codes)
    subsidies = window.page("subsidies")

    def eligible_for(code: str) -> None:
        subsidies.area.blockSignals(True)
        subsidies.area.set_code(code)
        subsidies.area.blockSignals(False)
        subsidies.find_eligible()

    eligible_s = list_seconds(app, subsidies, eligible_for, codes)
    shown = {"due": len(due.items), "eligible": len(subsidies.all_results)}

    rss_mb = own_peak_rss_mb()
    window.discard_unsaved()
    window.close()
    window.session.close()
    print(
        json.dumps(
            {
                "gui_start_to_ledger_s": round(start_s, 3),
                "gui_rows_listed": rows_shown,
                "gui_all_listed_s": round(all_listed_s, 3),
                "gui_search_keystroke_p50_ms": round(p50, 2),
                "gui_search_keystroke_p95_ms": round(p95, 2),
                "gui_search_keystrokes": len(delays),
                "gui_scroll_to_end_ms": round(scroll_ms, 2),
                "gui_due_list_s": round(max(due_s, default=0.0), 3),
                "gui_due_list_village_s": round(due_s[0], 3) if due_s else 0.0,
                "gui_due_list_site_s": round(due_s[1], 3) if len(due_s) > 1 else 0.0,
                "gui_due_open_s": round(due_open_s, 3),
                "gui_due_open_stall_ms": round(due_open_stall_ms, 1),
                "gui_eligible_list_s": round(max(eligible_s, default=0.0), 3),
                "gui_eligible_list_village_s": round(eligible_s[0], 3) if eligible_s else 0.0,
                "gui_eligible_list_site_s": round(eligible_s[1], 3) if len(eligible_s) > 1 else 0.0,
                "gui_lists_shown": shown,
                "gui_peak_rss_mb": round(rss_mb, 1),
            }
        )
    )


if __name__ == "__main__":
    if sys.argv[1] == "--places":
        print_places(Path(sys.argv[2]))
    else:
        main()
