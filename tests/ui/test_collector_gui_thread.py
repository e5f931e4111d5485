"""Cycles are collected on the GUI thread only (`fieldapp.ui.collector`): a worker thread's
allocations never start a collection that could free a widget off the GUI thread."""

from __future__ import annotations

import gc
import threading
import weakref
from typing import Any

from PySide6.QtWidgets import QDialog

from fieldapp.bulk import paused_gc
from fieldapp.ui.app import make_app
from fieldapp.ui.collector import GuiThreadCollector, collect_on_gui_thread


class _Dialog(QDialog):
    """A dialog of ours, kept alive by nothing but a reference cycle."""

    me: Any = None


def _collections_seen() -> tuple[list[str], Any]:
    """The names of the threads that start each collection, and the callback recording them."""
    seen: list[str] = []

    def record(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(threading.current_thread().name)

    gc.callbacks.append(record)
    return seen, record


def _allocate_cycles(n: int) -> None:
    """What a worker's search or export does to the collector's counts: many new containers."""
    for _ in range(n):
        box: list[Any] = []
        box.append(box)


def test_a_workers_allocations_start_no_collection_and_the_gui_thread_frees_the_cycle(qtbot):
    app = make_app()
    collector = collect_on_gui_thread(app)
    assert isinstance(collector, GuiThreadCollector)
    assert not gc.isenabled()
    assert collect_on_gui_thread(app) is collector  # one per app

    dialog = _Dialog()
    dialog.me = dialog
    gone = weakref.ref(dialog)
    del dialog  # only the collector can free it now
    seen, record = _collections_seen()
    try:
        worker = threading.Thread(target=_allocate_cycles, args=(50_000,), name="worker")
        worker.start()
        worker.join(timeout=60)
        assert not worker.is_alive()
        # Python would have collected many times on the worker's allocations.
        assert "worker" not in seen
        assert gone() is not None
        assert gc.get_count()[0] > gc.get_threshold()[0]
        # The GUI thread's timer collects what is due, the dialog's cycle with it.
        qtbot.waitUntil(lambda: gone() is None, timeout=10_000)
        assert seen and set(seen) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(record)


def test_without_it_a_workers_allocation_collects_on_the_worker():
    """The danger the collector removes, shown: with Python's automatic collection on, the
    collection runs on whichever thread allocates."""
    seen, record = _collections_seen()
    gc.enable()
    try:
        worker = threading.Thread(target=_allocate_cycles, args=(50_000,), name="worker")
        worker.start()
        worker.join(timeout=60)
    finally:
        gc.disable()
        gc.callbacks.remove(record)
    assert "worker" in seen


def test_check_collects_only_when_python_would(qtbot):
    app = make_app()
    collector = collect_on_gui_thread(app)
    gc.collect()
    assert gc.get_count()[0] <= gc.get_threshold()[0]
    assert collector.check() == 0  # nothing due: nothing collected
    box: list[Any] = []
    box.append(box)
    del box
    _allocate_cycles(gc.get_threshold()[0] + 10)
    assert collector.check() > 0


def test_check_waits_while_bulk_work_has_the_collector_paused(qtbot):
    """A worker's import runs under `bulk.paused_gc`; the GUI thread's timer must not collect
    the millions of objects it makes meanwhile (the window held still, the import slowed):
    nothing collected while any bulk work runs, what is due collected once it ends."""
    app = make_app()
    collector = collect_on_gui_thread(app)
    started, finish = threading.Event(), threading.Event()

    def bulk_work() -> None:
        with paused_gc():
            _allocate_cycles(gc.get_threshold()[0] + 10)
            started.set()
            finish.wait(timeout=30)

    worker = threading.Thread(target=bulk_work, name="worker")
    worker.start()
    try:
        assert started.wait(timeout=30)
        assert gc.get_count()[0] > gc.get_threshold()[0]  # due, as Python would see it
        assert collector.check() == 0
        assert gc.get_count()[0] > gc.get_threshold()[0]  # left for later, not collected
    finally:
        finish.set()
        worker.join(timeout=30)
    assert not gc.isenabled()  # the pause put the collector back as it found it: off
    assert collector.check() > 0
