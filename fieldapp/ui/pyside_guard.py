"""Keep PySide6 6.12 from crashing long sessions on Python 3.11.

PySide6 6.12's wheels are built for the stable ABI with Python 3.12 headers, where None, True and
False are immortal, so `Py_RETURN_NONE` and friends no longer take a reference. On Python 3.11
every call to a void Qt method (`setText`, `emit`, `disconnect` …) then *loses* one reference to
None / True / False; after some tens of thousands of calls — an afternoon of typing and
scrolling — the interpreter aborts with "none_dealloc: deallocating None" (measured: 100 calls
of `QLineEdit.setText` drop None's count by 100). Python 3.12+ is unaffected.

`apply()` detects the leak and, only then, gives the three singletons the same huge reference
count 3.12 gives immortal objects, so the lost references can never bring them to zero. The
real fixes are a PySide6 release built for 3.11 or running on Python ≥ 3.12.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject

#: What Python 3.12 uses for immortal objects is of this order; far beyond any session's calls.
IMMORTAL_BOOST = 1 << 40

_applied = False


def leaks_singletons(calls: int = 64) -> bool:
    """True when a void Qt method call loses a reference to None (the 6.12-on-3.11 bug)."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("probe")
    return before - sys.getrefcount(None) >= calls // 2


def apply() -> bool:
    """Make None, True and False effectively immortal when the leak is present; idempotent."""
    global _applied
    if _applied or sys.version_info >= (3, 12):
        return _applied
    if not leaks_singletons():
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every PyObject (CPython, non-debug build).
        ctypes.c_ssize_t.from_address(id(singleton)).value += IMMORTAL_BOOST
    _applied = True
    return True


apply()
