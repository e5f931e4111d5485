"""Working days on the Chinese statutory calendar, with make-up workdays (调休), for any year.

Where each year's days come from, in order:

1. the State Council's schedule for the year (国务院办公厅关于某年部分节假日安排的通知) as the
   county distributes it in its policy pack (`[[calendar.years]]`), with the statutory
   holidays always kept off (a schedule typed in part does not make 国庆节 a working day);
2. the schedule as the `holidays` package has it (it records each year's notice, through 2026
   in the release this app pins);
3. otherwise the statutory holidays alone, which `holidays` computes for any year under the
   national regulation (春节 from New Year's Eve, and a weekday in lieu when a holiday falls on
   a weekend), with no make-up workdays. Deadlines are then an estimate and say so:
   “2027年放假调休安排尚未载入，期限按法定节假日估算” — never a silent weekends-only count.

The county's own extra days off and working days (`[calendar]` extra_holidays/extra_workdays)
apply on top in every case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib.metadata import version
from typing import TYPE_CHECKING

from fieldapp.domain.sentences import Part, Sentence, said, template
from fieldapp.policy.pack import CalendarDays, YearSchedule

if TYPE_CHECKING:
    from holidays import HolidayBase

# `holidays.countries` (every country's module, a fifth of a second and more on an old laptop)
# is imported on first use, by the work that counts deadlines (off the desktop app's GUI
# thread), not by every module that imports this one: the 待办 page froze as it was built.


class DaySource(StrEnum):
    """Where a year's working days come from."""

    PACK = "pack"
    LIBRARY = "library"
    ESTIMATED = "estimated"


#: A year whose holiday schedule is not loaded (the year): its deadlines are estimates.
ESTIMATED_YEAR = template("%1年放假调休安排尚未载入，期限按法定节假日估算")


def estimate_said(year: int) -> Sentence:
    """`estimate_notice` as a sentence: said in the language shown (the year as it is)."""
    return said(ESTIMATED_YEAR, str(year))


def estimate_notice(year: int) -> str:
    """What the due list and the window say for a year without its schedule."""
    return str(estimate_said(year))


def notice_said(notice: str) -> Part:
    """A due item's note (`DueItem.note`, one of its "；"-parts) as a sentence where it is a
    year's estimate notice; any other note as it is."""
    year = notice[:4]
    if year.isdigit() and notice == estimate_notice(int(year)):
        return estimate_said(int(year))
    return notice


@dataclass(frozen=True, slots=True)
class YearInfo:
    """One year's days off and make-up workdays, and where they came from."""

    year: int
    source: DaySource
    origin: str
    days_off: tuple[tuple[dt.date, str], ...]
    workdays: tuple[tuple[dt.date, str], ...]

    @property
    def estimated(self) -> bool:
        """True when only the statutory holidays are known."""
        return self.source is DaySource.ESTIMATED

    @property
    def notice(self) -> str:
        """The plain warning for an estimated year ('' otherwise)."""
        return estimate_notice(self.year) if self.estimated else ""


@cache
def _library(year: int) -> HolidayBase:
    from holidays.countries import china

    # The holidays package annotates its base class, not China's __init__.
    return china.China(years=year, language="zh_CN")  # type: ignore[no-untyped-call]


@cache
def library_schedule_years() -> frozenset[int]:
    """The years whose State Council schedule the installed `holidays` release records."""
    from holidays.countries import china

    table = getattr(china.ChinaStaticHolidays, "special_public_holidays", {})
    return frozenset(int(y) for y in table)


@cache
def statutory_days(year: int) -> frozenset[dt.date]:
    """The year's statutory holidays themselves (元旦, 除夕 to 初三, 清明, 劳动节 …): days off by
    law, whatever a schedule lists; neither the schedule's swapped days nor days in lieu."""
    from holidays.countries import china

    entries = getattr(china.ChinaStaticHolidays, "special_public_holidays", {}).get(year, ())
    if entries and not isinstance(entries[0], tuple):
        entries = (entries,)
    swapped = {dt.date(year, e[0], e[1]) for e in entries}
    # The holidays package annotates its base class, not China's __init__.
    plain = china.China(years=year, observed=False)  # type: ignore[no-untyped-call]
    return frozenset(d for d in plain if d.year == year and d not in swapped)


def _library_workdays(year: int) -> frozenset[dt.date]:
    return frozenset(d for d in _library(year).weekend_workdays if d.year == year)


class WorkCalendar:
    """Which days are working days, and deadlines counted in working days."""

    def __init__(
        self,
        calendar: CalendarDays | None = None,
        *,
        extra_holidays: Iterable[dt.date] = (),
        extra_workdays: Iterable[dt.date] = (),
    ) -> None:
        calendar = calendar or CalendarDays()
        self.schedules: dict[int, YearSchedule] = {y.year: y for y in calendar.years}
        self.extra_holidays = frozenset([*calendar.extra_holidays, *extra_holidays])
        self.extra_workdays = frozenset([*calendar.extra_workdays, *extra_workdays])
        self._years: dict[int, tuple[frozenset[dt.date], frozenset[dt.date], DaySource]] = {}
        self._cache: dict[dt.date, bool] = {}
        self._moved: dict[dt.date, dt.date] = {}
        #: Years whose days were estimated in some answer given so far.
        self.estimated_used: set[int] = set()
        # Running count of working days from `_base`, so long spans cost one subtraction.
        self._base: dt.date | None = None
        self._counts: list[int] = []

    # -- one year ---------------------------------------------------------------------------

    def source(self, year: int) -> DaySource:
        """Where the year's days come from."""
        if year in self.schedules:
            return DaySource.PACK
        if year in library_schedule_years():
            return DaySource.LIBRARY
        return DaySource.ESTIMATED

    def _year(self, year: int) -> tuple[frozenset[dt.date], frozenset[dt.date], DaySource]:
        known = self._years.get(year)
        if known is None:
            source = self.source(year)
            if source is DaySource.PACK:
                schedule = self.schedules[year]
                # A schedule typed in part (the Spring Festival alone) keeps 国庆节 off.
                off = frozenset(schedule.days_off) | statutory_days(year)
                work = frozenset(schedule.workdays)
            elif source is DaySource.LIBRARY:
                off, work = frozenset(_library(year)), _library_workdays(year)
            else:
                off, work = frozenset(_library(year)), frozenset()
            # A neighbouring year's notice may reach into this one (New Year's holiday begun
            # on 12-31, a make-up Saturday in late December): its days there are followed too.
            for other in (year - 1, year + 1):
                spill = self.schedules.get(other)
                if spill is None:
                    continue
                spill_off = frozenset(d for d in spill.days_off if d.year == year)
                spill_work = frozenset(d for d in spill.workdays if d.year == year)
                off = (off - spill_work) | spill_off
                work = (work - spill_off) | spill_work
            known = (off, work, source)
            self._years[year] = known
        return known

    def is_workday(self, day: dt.date) -> bool:
        """True when `day` is a working day (make-up Saturdays included)."""
        cached = self._cache.get(day)
        if cached is not None:
            return cached
        off, work, source = self._year(day.year)
        if source is DaySource.ESTIMATED:
            self.estimated_used.add(day.year)
        if day in self.extra_workdays:
            result = True
        elif day in self.extra_holidays:
            result = False
        elif day in work:
            result = True
        else:
            result = day.weekday() < 5 and day not in off
        self._cache[day] = result
        return result

    def year_info(self, year: int) -> YearInfo:
        """The year's days off (other than ordinary weekends) and make-up workdays, with names."""
        off, work, source = self._year(year)
        names = _library(year)
        if source is DaySource.PACK:
            schedule = self.schedules[year]
            origin = f"县级政策包载入的国务院办公厅{year}年放假安排（{schedule.document}）"
        elif source is DaySource.LIBRARY:
            origin = f"国务院办公厅{year}年部分节假日安排（holidays {version('holidays')} 收录）"
        else:
            origin = (
                f"法定节假日（holidays {version('holidays')} 按《全国年节及纪念日放假办法》计算）"
            )
        days_off = {d: names.get(d, "放假") for d in off if d.year == year}
        days_off |= {d: "县定假日" for d in self.extra_holidays if d.year == year}
        days_off = {d: n for d, n in days_off.items() if d not in self.extra_workdays}
        workdays = {d: "调休上班" for d in work if d.year == year}
        workdays |= {d: "县定上班日" for d in self.extra_workdays if d.year == year}
        return YearInfo(
            year,
            source,
            origin,
            tuple(sorted((d, str(n)) for d, n in days_off.items())),
            tuple(sorted(workdays.items())),
        )

    def estimated_years(self, start: dt.date, end: dt.date) -> list[int]:
        """The years from `start` to `end` (either order) whose days are only estimated."""
        low, high = sorted((start.year, end.year))
        return [y for y in range(low, high + 1) if self.source(y) is DaySource.ESTIMATED]

    # -- deadlines --------------------------------------------------------------------------

    def add_workdays(self, start: dt.date, days: int) -> dt.date:
        """The `days`-th working day after `start` (the start day itself is not counted)."""
        day, left = start, days
        while left > 0:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                left -= 1
        return day

    def last_day(self, day: dt.date) -> dt.date:
        """A period's last day counted in calendar months, moved off a day off: when it falls
        on a weekend or holiday the period ends on the next working day (民法典 第二百零三条:
        期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日), a make-up workday
        (调休) and the county's extra working days included."""
        moved = self._moved.get(day)
        if moved is None:
            moved = day
            while not self.is_workday(moved):
                moved += dt.timedelta(days=1)
            self._moved[day] = moved
        return moved

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
        assert self._base is not None
        if start >= self._base:
            return self._count_to(end) - low
        return self._slow(start, end)

    def _slow(self, start: dt.date, end: dt.date) -> int:
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.is_workday(day)
        return count
