"""Calendar arithmetic shared by the domain and the policy engine."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache


@lru_cache(maxsize=65536)
def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the month's end (31 Jan + 1 = 28/29 Feb).

    Cached: whole-ledger eligibility asks for the same (start date, 3 months) many times.
    """
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    if day.day <= 28:
        return dt.date(year, month, day.day)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def whole_months_between(start: dt.date, end: dt.date) -> int:
    """Completed months from `start` to `end` (0 when end < start + 1 month)."""
    if end < start:
        return 0
    months = (end.year - start.year) * 12 + end.month - start.month
    while months > 0 and add_months(start, months) > end:
        months -= 1
    return months


def month_key(day: dt.date) -> str:
    """'YYYY-MM' of a date."""
    return f"{day.year:04d}-{day.month:02d}"


def written(day: dt.date) -> str:
    """A date as a paper writes it: 2026年3月1日."""
    return f"{day.year}年{day.month}月{day.day}日"


def written_text(value: object) -> str:
    """A day (or month) held as a date or as its ISO text (a stored row's, '2026-03-01',
    '2026-03'; a time to the minute, '2026-12-04 10:31'), as a paper writes it (2026年3月1日,
    2026年3月, 2026年12月4日 10:31); other text comes back as it is, '' for none."""
    if isinstance(value, dt.date):
        return written(value)
    text = "" if value is None else str(value)
    try:
        if len(text) == 10:
            return written(dt.date.fromisoformat(text))
        if len(text) == 16 and text[10] == " " and text[13] == ":":
            return f"{written(dt.date.fromisoformat(text[:10]))} {text[11:]}"
        if len(text) == 7 and text[4] == "-":
            day = dt.date.fromisoformat(f"{text}-01")
            return f"{day.year}年{day.month}月"
    except ValueError:
        pass
    return text


#: An ISO day or month inside a sentence (2026-10-03, 2026-11), not part of a longer number.
_ISO_IN_TEXT = re.compile(r"(?<![\d-])\d{4}-\d{2}(?:-\d{2})?(?![\d-])")


def days_written(text: str) -> str:
    """A sentence with each ISO day or month in it written as a paper writes it (a due item's
    “2026-10-03发现失业” → “2026年10月3日发现失业”, “2026-11 就业状态按月更新” →
    “2026年11月 就业状态按月更新”); the rest as it is."""
    return _ISO_IN_TEXT.sub(lambda m: written_text(m.group()), text)


def month_day(day: dt.date) -> str:
    """A day of a month's sheet, its year said in the heading: 10月5日."""
    return f"{day.month}月{day.day}日"


def parse_date(text: str | dt.date | None) -> dt.date | None:
    """ISO date from text (also 2024/3/5, 2024.03.05, 20240305); None for blank. Text that is
    no date raises `InvalidDate` (a ValueError), its sentence the text as typed."""
    if text is None or isinstance(text, dt.date):
        return text
    value = str(text).strip().replace("/", "-").replace(".", "-")
    if not value:
        return None
    if len(value) == 8 and value.isdigit():
        value = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    parts = value.split(" ")[0].split("T")[0].split("-")
    # (imported here: fieldapp.domain.sentences, which errors use, reads this module's `written`)
    from fieldapp.domain.errors import BAD_DATE, NO_SUCH_DATE, InvalidDate
    from fieldapp.domain.sentences import said

    if len(parts) != 3:
        raise InvalidDate(said(BAD_DATE, str(text)))
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except (ValueError, OverflowError):  # 2026-3000000000-1: past a C int, no day either
        raise InvalidDate(said(NO_SUCH_DATE, str(text))) from None


#: China Standard Time: the counties the ledger serves keep one clock (UTC+8, no summer time).
CHINA = dt.timezone(dt.timedelta(hours=8), "CST")


def today() -> dt.date:
    """Today as the trust rules count it: the later of this machine's date and China's.

    A laptop in the village keeps China's time; a county hub's server may keep UTC, whose date
    is still yesterday's for the first eight hours of a Chinese day — a claim made just after
    midnight in Guizhou is not "dated after today" on such a hub. No setting moves this day:
    a day a coordinator could set would let a claim for next June through.
    """
    return max(dt.date.today(), dt.datetime.now(CHINA).date())


def vouched_today(vouched_ms: int | None) -> dt.date:
    """The hub's today, as its import and `hub rejected --rejudge` judge a claim's date by:
    `today`, or the day its devices' changes vouch for while it doubts its clock as behind
    (`vouched_ms`, `hub.own_clock.vouched`) — a clock reset a year back would refuse every
    claim of today."""
    on = today()
    if vouched_ms is not None:
        on = max(on, dt.datetime.fromtimestamp(vouched_ms / 1000, CHINA).date())
    return on


def china_time(when: dt.datetime | None = None) -> dt.datetime:
    """`when` — now when None — as China's clock says it, whatever zone this computer keeps: a
    paper's 打印时间, a backup file's name. A time given with no zone is this computer's local
    time, as Python takes it and as `china_iso` reads a stored time with none (on a clock kept
    in UTC, dt.datetime(2026, 12, 4, 2, 31) is 10:31 in China)."""
    if when is None:
        return dt.datetime.now(CHINA)
    return when.astimezone(CHINA)


def now_stamp() -> str:
    """Now as the program keeps a time it writes down (enrolment, revocation, an exchange, a
    held change): ISO to the second in China time with its offset, 2026-12-04T10:31:00+08:00,
    whatever zone this computer keeps.

    One fixed offset for every row, so the stores' comparisons of stored times as text (the
    newest exchange since enrolment, newest first) order them as time does — a county server
    kept in UTC, or one whose zone was changed, used to write its own clock with no zone
    (02:31 for 10:31 at the office) and a comparison across the change went wrong. China time
    rather than UTC 'Z': China keeps no summer time, so the offset never changes; the text
    itself reads as the clerk's time (an older device, a script, a day cut as `[:10]` say the
    right hour and day); and it is the form of the `*_china` copies the hub already sends."""
    return dt.datetime.now(CHINA).isoformat(timespec="seconds")


def zoned_stamp(stamp: str) -> str:
    """A time written before `now_stamp` — this computer's local time, no zone — as
    `now_stamp` writes it, taking it to be in the zone this computer keeps now (ledger
    migration 35). Text that already has a zone, or is not a time, comes back as it is."""
    text = str(stamp)
    if len(text) <= 10:  # a day, or not a time
        return text
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return text
    if moment.tzinfo is not None:
        return text
    return moment.astimezone(CHINA).isoformat(timespec="seconds")


def china_iso(stamp: object) -> str:
    """A time the program wrote as China time, ISO with +08:00: one `now_stamp` wrote comes
    back as it is; one with no zone is taken to be in this computer's zone — as times were
    written before ledger version 35 (a county server kept in UTC wrote 02:31 for 10:31 at the
    office), and rows' created_at and updated_at before version 37 (`hlc.stamp_to_iso`). `china_time`, `china_minute`, the stores' ordering of stored times
    (`store.filters.as_time`) and the short times on screen read them so too. Text that is not
    a time comes back as it is ('' for none)."""
    if not stamp:
        return ""
    moment = _in_china(stamp)
    return moment.isoformat(timespec="seconds") if moment is not None else str(stamp)


def china_minute(stamp: object) -> str:
    """A time the program wrote, as the clerk reads it: China time to the minute
    (2026-12-31 18:03) whatever zone this computer keeps; '' for none, other text as it is."""
    if not stamp:
        return ""
    moment = _in_china(stamp)
    return moment.isoformat()[:16].replace("T", " ") if moment is not None else str(stamp)


def _in_china(stamp: object) -> dt.datetime | None:
    """`stamp` read as ISO text (no zone: this computer's) in China time; None when it is no
    time, or one no clock converts (a synced print log's 9999-12-31T23:59:59-23:59, the year 1
    in this computer's zone: OverflowError and ValueError, which stopped a whole listing)."""
    try:
        return dt.datetime.fromisoformat(str(stamp)).astimezone(CHINA)
    except (ValueError, OverflowError, OSError):
        return None
