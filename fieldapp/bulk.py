"""Helpers for bulk work shared by import, sync and whole-ledger evaluation."""

from __future__ import annotations

import ctypes
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import cast

#: How many bulk jobs have the collector paused now (`paused_gc`, on any thread).
_pauses = 0
_pauses_lock = threading.Lock()


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run bulk work without the cyclic garbage collector, restoring it afterwards.

    Importing, syncing or evaluating 100k persons allocates millions of small acyclic objects;
    each collection pass scans them all again, costing a tenth to a half of the time.
    Reference counting still frees everything; cycles made meanwhile are collected later.
    A collector run by hand (the desktop's, on its window's thread) waits too (`gc_paused`).
    """
    global _pauses
    was_enabled = gc.isenabled()
    gc.disable()
    with _pauses_lock:
        _pauses += 1
    try:
        yield
    finally:
        with _pauses_lock:
            _pauses -= 1
        if was_enabled:
            gc.enable()


def gc_paused() -> bool:
    """True while bulk work on any thread runs under `paused_gc`: a collector that runs
    collections itself (`fieldapp.ui.collector`) leaves them until it ends."""
    return _pauses > 0


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None where the C library has none (Windows, macOS, musl)."""
    try:
        libc = ctypes.CDLL(None)
        trim = libc.malloc_trim
    except (OSError, AttributeError, TypeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return cast(Callable[[int], int], trim)


def give_back_freed() -> bool:
    """Hand the memory freed inside the C heap back to the system (glibc only; elsewhere
    nothing is done): True when it was asked.

    A spreadsheet's cells are parsed by calamine into the C heap and let go once the sheet is
    read, but glibc keeps the holes they leave for that heap alone, and Python's own objects
    come from elsewhere: a 20 000-person import kept some 20 MB of its ledger sheet's parse
    to its end, its peak included.
    """
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
