"""A real small file system for a test: a full USB stick, a full ledger disk, a write-protected
stick. Mounting needs root; without it the test is skipped."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def small_disk(folder: Path, size: str) -> Iterator[Path]:
    """`folder` (made here) as a tmpfs of `size` ("1m", "32m") for the block, unmounted after."""
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a file system here (not root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)
