"""What every page of the main window is: the hooks the window calls and the requests it
answers, typed so mypy checks each page against them (they were found by `hasattr`)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QWidget


class PageHost(Protocol):
    """What a page may ask of the window it sits in: another page showing a person, a month …"""

    def open_person(self, person_id: str, service: str = "") -> None: ...
    def record_visit(self, person_id: str) -> None: ...
    def open_subsidies(self, person_id: str) -> None: ...
    def open_household_month(self, household_id: str, title: str) -> None: ...
    def open_person_month(self, person_id: str, month: str) -> None: ...
    def register_unemployment(self, person_id: str) -> None: ...


class Page(QWidget):
    """A page of the main window. Each hook does nothing unless the page says otherwise."""

    def connect_host(self, host: PageHost) -> None:
        """Connect the page's requests (a person chosen, a month to open …) to `host`."""

    def activated(self) -> None:
        """The page has just been shown (refresh what may have changed meanwhile)."""

    def has_unsaved(self) -> bool:
        """True while the page holds typed but unsaved input."""
        return False

    def discard_unsaved(self) -> None:
        """Close open editors without asking (the user already chose to discard)."""

    def busy(self) -> bool:
        """True while the page runs a long operation."""
        return False

    def shutdown(self) -> None:
        """Stop the page's threads: the window closes or rebuilds its pages."""
