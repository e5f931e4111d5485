"""Progress and cancellation for long print jobs (the GUI runs them off its thread)."""

from __future__ import annotations

from collections.abc import Callable

from fieldapp.domain.errors import FieldappError

#: Called with (done, total) after each unit of work (a form, a roster page).
ProgressFn = Callable[[int, int], None]
#: Asked between units of work; True stops the job with `PrintCancelled`.
CancelFn = Callable[[], bool]


class PrintCancelled(FieldappError):
    """The user cancelled a print job; nothing was written."""

    def __init__(self) -> None:
        super().__init__("打印已取消，未生成文件")


class Ticker:
    """Reports progress and checks for cancellation between units of work."""

    def __init__(self, total: int, progress: ProgressFn | None, cancelled: CancelFn | None) -> None:
        self.total = total
        self.done = 0
        self._progress = progress
        self._cancelled = cancelled

    def check(self) -> None:
        """Raise PrintCancelled when the user asked to stop."""
        if self._cancelled is not None and self._cancelled():
            raise PrintCancelled

    def step(self, count: int = 1) -> None:
        """Count finished work, report it, then check for cancellation."""
        self.done += count
        if self._progress is not None:
            self._progress(self.done, self.total)
        self.check()
