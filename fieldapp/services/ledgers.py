"""Opening a ledger file: the handle every service and query takes.

The UI and the CLI hold a `Ledger` and pass it on; they never use its connection or its write
methods themselves (services write, `fieldapp.store.queries` reads).
"""

from __future__ import annotations

from pathlib import Path

from fieldapp.store.ledger import Ledger

__all__ = ["Ledger", "open_ledger"]


def open_ledger(path: str | Path, author: str | None = None) -> Ledger:
    """Open (creating if needed) the ledger file at `path`, its schema brought up to date."""
    return Ledger.open(path, author=author)
