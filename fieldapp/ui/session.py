"""The open ledger as the pages see it: the GUI thread's connection plus how to open another."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from fieldapp.store.ledger import Ledger
from fieldapp.store.repository import Repository

#: ledger meta keys the app keeps (local, not synced).
DEVICE_NAME = "device_name"
HOME_AREA = "home_area_code"


class Session(QObject):
    """One open ledger. `changed` tells every page to refresh after a write anywhere."""

    changed = Signal(str)

    def __init__(self, ledger: Ledger) -> None:
        super().__init__()
        self.ledger = ledger
        self.repo = Repository(ledger)

    @classmethod
    def open(cls, path: str | Path, author: str | None = None) -> Session:
        """Open (or create) the ledger file."""
        return cls(Ledger.open(path, author=author))

    @property
    def path(self) -> str:
        """The ledger file."""
        return self.ledger.path

    @property
    def db(self):  # noqa: ANN201 - sqlite_utils.Database
        """The GUI thread's database (reads only; writes go through ledger/repo)."""
        return self.ledger.db

    @property
    def device_name(self) -> str:
        """The name the user gave this device (else its id)."""
        return self.ledger.get_meta(DEVICE_NAME) or self.ledger.device_id

    @property
    def home_area(self) -> str:
        """The area this device works in (a code prefix), '' for all."""
        return self.ledger.get_meta(HOME_AREA) or ""

    @contextmanager
    def worker_ledger(self) -> Iterator[Ledger]:
        """A second connection for work off the GUI thread (never share one across threads)."""
        ledger = Ledger.open(self.path, author=self.ledger.author)
        try:
            yield ledger
        finally:
            ledger.close()

    def notify(self, what: str = "") -> None:
        """Tell the pages the ledger changed (`what` names the table or topic)."""
        self.changed.emit(what)

    def close(self) -> None:
        """Close the GUI connection."""
        self.ledger.close()
