"""Python's cycle collector, run on the window's thread only.

Python collects reference cycles at whatever allocation crosses its threshold, on whichever
thread makes it. The desktop app runs searches, imports, exports and key changes on worker
threads; a collection started there frees every unreachable cycle, an earlier page's dialog or
widget among them — and a Qt widget destroyed off the GUI thread takes the process down
(SIGSEGV; seen in long runs of the page tests, at a worker's allocation in `operations.py` and
`search_worker.py`). So the app turns automatic collection off and collects here instead, on a
timer of the GUI thread, by the same thresholds Python would use: garbage is freed a moment
later, always on the thread that owns the widgets. Reference counting still frees everything
not in a cycle at once; bulk work pauses the collector on its own (`bulk.paused_gc`), and
finds it off — and this one waits while it runs (a collection of the millions of objects a
worker's import made since the last look held the window still for most of a second).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from fieldapp.bulk import gc_paused

#: How often the window's thread looks whether a collection is due (ms). Python's own
#: thresholds decide which generation is collected, so a quiet app collects nothing.
INTERVAL_MS = 1000


class GuiThreadCollector(QObject):
    """Collects cycles on the GUI thread every `INTERVAL_MS` when Python would have."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    def check(self) -> int:
        """Collect the generations whose thresholds are crossed, unless bulk work paused the
        collector (`bulk.gc_paused`: it collects once that ends); the objects found unreachable."""
        if gc_paused():
            return 0
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] <= thresholds[0]:
            return 0
        generation = 0
        if counts[1] > thresholds[1]:
            generation = 2 if counts[2] > thresholds[2] else 1
        return gc.collect(generation)


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Turn automatic collection off and collect on `app`'s thread instead (once per app)."""
    found = app.findChild(GuiThreadCollector)
    if isinstance(found, GuiThreadCollector):
        gc.disable()  # a test may have turned it back on between two windows
        return found
    return GuiThreadCollector(app)
