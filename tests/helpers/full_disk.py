"""A full disk for one test: a file-size limit on this process (RLIMIT_FSIZE, with SIGXFSZ
ignored so a write past it fails as a full disk's does), set only around the operation."""

from __future__ import annotations

import resource
import signal
from collections.abc import Iterator
from contextlib import contextmanager

#: Bytes any one file may grow to while the disk is "full": the key file fits, a ledger does not.
ROOM = 64 * 1024


@contextmanager
def disk_full(room: int = ROOM) -> Iterator[None]:
    """No file of this process grows past `room` bytes, as on a full disk."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    old = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (room, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old)
