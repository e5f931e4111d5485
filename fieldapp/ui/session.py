"""The open ledger as the pages see it: who writes, how to open another connection, and the
signal that tells every page what a write changed."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from fieldapp.services import settings
from fieldapp.services.changes import ChangeSet, Kind
from fieldapp.services.ledgers import Credentials, Ledger, is_demo, open_ledger
from fieldapp.services.writer import Actor, actor_of

#: How long a write from the window waits for another program's write to end.
WINDOW_WAIT_SECONDS = 5.0


class Session(QObject):
    """One open ledger. `changed` carries the `ChangeSet` of each write, from any page."""

    changed = Signal(object)

    def __init__(self, ledger: Ledger) -> None:
        super().__init__()
        self.ledger = ledger
        # The window's own writes run on its thread: behind another copy's long import they
        # would freeze it for SQLite's 30 s; they are refused in a few seconds instead (said as
        # 台账正忙, what was typed kept). The worker threads' connections still wait.
        ledger.wait_for_others(WINDOW_WAIT_SECONDS)

    @classmethod
    def open(
        cls, path: str | Path, author: str | None = None, credentials: Credentials | None = None
    ) -> Session:
        """Open (or create) the ledger file, as the user of `credentials` when given."""
        return cls(open_ledger(path, author=author, credentials=credentials))

    @property
    def path(self) -> str:
        """The ledger file."""
        return self.ledger.path

    @property
    def actor(self) -> Actor:
        """Who writes from this window (every service call takes it)."""
        return actor_of(self.ledger)

    @property
    def is_demo(self) -> bool:
        """True for a demo ledger (fictitious people; 演示台账 on screen and paper)."""
        return is_demo(self.ledger)

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
        ledger = self.ledger.sibling()  # same key and user: no password work again
        try:
            yield ledger
        finally:
            ledger.close()

    def on_change(
        self, owner: QObject, kinds: Iterable[Kind], slot: Callable[[ChangeSet], object]
    ) -> None:
        """Call `slot` after every write that changed one of `kinds` (what `owner` shows).

        The connection ends with `owner` (a page rebuilt on a language switch stops listening).
        """
        self.changed.connect(_ChangeFilter(owner, frozenset(kinds), slot).deliver)

    def apply(self, changes: ChangeSet) -> ChangeSet:
        """Tell the pages what a service changed (nothing when it changed nothing)."""
        if changes:
            self.changed.emit(changes)
        return changes

    def close(self) -> None:
        """Close the GUI connection."""
        self.ledger.close()


class _ChangeFilter(QObject):
    """Passes on the change sets that touch some kinds; a child of its page, so it dies with it."""

    def __init__(
        self, owner: QObject, kinds: frozenset[Kind], slot: Callable[[ChangeSet], object]
    ) -> None:
        super().__init__(owner)
        self.kinds = kinds
        self.slot = slot

    @Slot(object)
    def deliver(self, changes: ChangeSet) -> None:
        """Call the page's slot when the change set touches what it shows."""
        if changes.touches(self.kinds):
            self.slot(changes)


class ReadWhenChanged:
    """Whether what a widget last read from the ledger may be out of date: a write this program
    told of (`Session.apply`, of any kind: a name, a place or a decision shown may have changed)
    or a commit by another connection (a worker's, another program's: `Ledger.data_version`).
    A ledger that cannot tell (PostgreSQL: no version) is always out of date — read every time.

    A widget calls `reading()` as it starts reading (a commit while it reads is then seen as
    a change: read again next time) and reads again only when `stale()`."""

    def __init__(self, session: Session, owner: QObject) -> None:
        self._session = session
        self._stale = True
        self._version: int | None = None
        session.on_change(owner, tuple(Kind), self._changed)

    def _changed(self, _changes: ChangeSet) -> None:
        self._stale = True

    def reading(self) -> None:
        """The widget reads now: up to date until the next write."""
        self._stale = False
        self._version = self._session.ledger.data_version()

    def stale(self) -> bool:
        """True when the widget should read again."""
        version = self._session.ledger.data_version()
        return self._stale or version is None or version != self._version
