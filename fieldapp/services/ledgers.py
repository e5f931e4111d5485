"""Opening a ledger file: the handle every service and query takes.

The UI and the CLI hold a `Ledger` and pass it on; they never use its connection or its write
methods themselves (services write, `fieldapp.store.queries` reads).
"""

from __future__ import annotations

from pathlib import Path

from fieldapp.domain.credentials import Credentials
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import ledger_state

__all__ = ["Credentials", "Ledger", "ledger_state", "open_ledger"]


def open_ledger(
    path: str | Path, author: str | None = None, credentials: Credentials | None = None
) -> Ledger:
    """Open (creating if needed) the ledger file at `path`, its schema brought up to date.

    With `credentials` an encrypted ledger is unlocked as that user (a plain one is encrypted,
    a new one created encrypted); without, only a plain or new ledger opens (issue 16)."""
    return Ledger.open(path, author=author, credentials=credentials)
