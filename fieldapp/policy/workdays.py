"""Working days on the Chinese statutory calendar, with make-up workdays (调休).

The `chinese_calendar` package knows the State Council's holiday notices; a policy pack can add
days for years the installed package does not cover yet (`[calendar]` in the pack). Outside the
package's range, and without pack days, weekends are rest days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import chinese_calendar


class WorkCalendar:
    """Which days are working days, and deadlines counted in working days."""

    def __init__(
        self, extra_holidays: Iterable[dt.date] = (), extra_workdays: Iterable[dt.date] = ()
    ) -> None:
        self.extra_holidays = frozenset(extra_holidays)
        self.extra_workdays = frozenset(extra_workdays)
        self._cache: dict[dt.date, bool] = {}
        # Running count of working days from `_base`, so long spans cost one subtraction.
        self._base: dt.date | None = None
        self._counts: list[int] = []

    def is_workday(self, day: dt.date) -> bool:
        """True when `day` is a working day (make-up Saturdays included)."""
        known = self._cache.get(day)
        if known is not None:
            return known
        if day in self.extra_workdays:
            result = True
        elif day in self.extra_holidays:
            result = False
        else:
            try:
                result = bool(chinese_calendar.is_workday(day))
            except NotImplementedError:
                # The package has no notice for this year yet: weekends only, unless the pack
                # lists the year's days.
                result = day.weekday() < 5
        self._cache[day] = result
        return result

    def add_workdays(self, start: dt.date, days: int) -> dt.date:
        """The `days`-th working day after `start` (the start day itself is not counted)."""
        day, left = start, days
        while left > 0:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                left -= 1
        return day

    def _count_to(self, day: dt.date) -> int:
        """Working days in (base, day], extending the running count as needed."""
        if self._base is None or day < self._base:
            self._base = day - dt.timedelta(days=400)
            self._counts = [0]
        offset = (day - self._base).days
        while len(self._counts) <= offset:
            nxt = self._base + dt.timedelta(days=len(self._counts))
            self._counts.append(self._counts[-1] + self.is_workday(nxt))
        return self._counts[offset]

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (negative when end < start)."""
        if end < start:
            return -self.workdays_between(end, start)
        low = self._count_to(start)
        return (
            self._count_to(end) - low
            if self._base and start >= self._base
            else self._slow(start, end)
        )

    def _slow(self, start: dt.date, end: dt.date) -> int:
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.is_workday(day)
        return count
