"""Progress reporting and cancellation for long imports and exports (run off the GUI thread)."""

from __future__ import annotations

from collections.abc import Callable

from fieldapp.domain.errors import FieldappError

#: Called with (done, total) as work advances; total may grow once it is known.
Progress = Callable[[int, int], None]
#: Returns True when the user asked to stop.
CancelCheck = Callable[[], bool]


class Cancelled(FieldappError):
    """The user stopped the job; nothing was written."""


class Job:
    """Reports progress at most every `step` units and raises Cancelled when asked to stop."""

    def __init__(
        self,
        progress: Progress | None,
        cancelled: CancelCheck | None,
        message: str,
        step: int = 1000,
    ) -> None:
        self._progress = progress
        self._cancelled = cancelled
        self._message = message
        self._step = step
        self._last = -step

    def tick(self, done: int, total: int, force: bool = False) -> None:
        """Report (done, total) now and then; raise Cancelled if the user stopped the job."""
        if not force and done - self._last < self._step and done < total:
            return
        self._last = done
        if self._cancelled is not None and self._cancelled():
            raise Cancelled(self._message)
        if self._progress is not None:
            self._progress(done, total)
