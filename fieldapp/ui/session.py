"""The open ledger as the pages see it: who writes, how to open another connection, and the
signal that tells every page what a write changed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from fieldapp.services import settings
from fieldapp.services.changes import ChangeSet
from fieldapp.services.ledgers import Ledger, open_ledger
from fieldapp.services.writer import Actor, actor_of


class Session(QObject):
    """One open ledger. `changed` carries the `ChangeSet` of each write, from any page."""

    changed = Signal(object)

    def __init__(self, ledger: Ledger) -> None:
        super().__init__()
        self.ledger = ledger

    @classmethod
    def open(cls, path: str | Path, author: str | None = None) -> Session:
        """Open (or create) the ledger file."""
        return cls(open_ledger(path, author=author))

    @property
    def path(self) -> str:
        """The ledger file."""
        return self.ledger.path

    @property
    def actor(self) -> Actor:
        """Who writes from this window (every service call takes it)."""
        return actor_of(self.ledger)

    @property
    def device_name(self) -> str:
        """The name the user gave this device (else its id)."""
        return settings.device_name(self.ledger)

    @property
    def home_area(self) -> str:
        """The area this device works in (a code prefix), '' for all."""
        return settings.home_area(self.ledger)

    @contextmanager
    def worker_ledger(self) -> Iterator[Ledger]:
        """A second connection for work off the GUI thread (never share one across threads)."""
        ledger = open_ledger(self.path, author=self.ledger.author)
        try:
            yield ledger
        finally:
            ledger.close()

    def apply(self, changes: ChangeSet) -> ChangeSet:
        """Tell the pages what a service changed (nothing when it changed nothing)."""
        if changes:
            self.changed.emit(changes)
        return changes

    def close(self) -> None:
        """Close the GUI connection."""
        self.ledger.close()
