"""Progress and cancellation: the one vocabulary every long job speaks.

A long job (an import, an export, a sync, printing many forms, a report) takes a `Progress`
callback, called with (done, total) as work advances, and a `CancelCheck`, asked between safe
steps; when it answers True the job raises `Cancelled` and leaves nothing half-written. The GUI
runs such jobs off its thread and gives them both (`fieldapp.ui.operations`); the CLI passes
neither.
"""

from __future__ import annotations

from collections.abc import Callable

from fieldapp.domain.errors import FieldappError

#: Called with (done, total) as work advances; total may grow once it is known.
Progress = Callable[[int, int], None]
#: Returns True once the user asked to stop.
CancelCheck = Callable[[], bool]

#: What the user reads when a job stopped on their request.
CANCELLED_MESSAGE = "已取消，数据没有改动"
#: … when it was printing (nothing was written to the file either).
PRINT_CANCELLED = "打印已取消，未生成文件"
#: … when it was a sync export or import.
SYNC_CANCELLED = "已取消，台账没有任何改动"


class Cancelled(FieldappError):
    """The user stopped a job; nothing was written (its message says what, in Chinese)."""

    def __init__(self, message: str = CANCELLED_MESSAGE) -> None:
        super().__init__(message)


def check_cancel(cancel: CancelCheck | None, message: str = CANCELLED_MESSAGE) -> None:
    """Raise `Cancelled` when `cancel` says the user asked to stop."""
    if cancel is not None and cancel():
        raise Cancelled(message)


class Ticker:
    """Counts a job's work, reports it, and stops the job when the user asks.

    Two ways to drive it: `step()` after each unit of a few slow units (a form, a roster page:
    every one is reported, then the cancel is asked), or `tick(done, total)` from a loop over
    many fast rows (the cancel is asked, then progress reported, at most every `every` rows).
    """

    def __init__(
        self,
        progress: Progress | None,
        cancel: CancelCheck | None,
        total: int = 0,
        *,
        message: str = CANCELLED_MESSAGE,
        every: int = 1,
    ) -> None:
        self.total = total
        self.done = 0
        self._progress = progress
        self._cancel = cancel
        self._message = message
        self._every = every
        self._last = -every

    def check(self) -> None:
        """Raise `Cancelled` (with this job's message) when the user asked to stop."""
        check_cancel(self._cancel, self._message)

    def step(self, count: int = 1) -> None:
        """Count finished units, report them, then ask whether to stop."""
        self.done += count
        if self._progress is not None:
            self._progress(self.done, self.total)
        self.check()

    def tick(self, done: int, total: int, force: bool = False) -> None:
        """Now and then (always when `force` or at the end): ask whether to stop, then report."""
        self.done, self.total = done, total
        if not force and done - self._last < self._every and done < total:
            return
        self._last = done
        self.check()
        if self._progress is not None:
            self._progress(done, total)
