"""A calendar month ('2025-03'), the unit of the monthly work-status update (按月更新)."""

from __future__ import annotations

import datetime as dt
import re

from fieldapp.domain.dates import today as china_today
from fieldapp.domain.errors import ValidationFailed
from fieldapp.domain.sentences import said, template
from fieldapp.domain.text_value import TextValue

_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")

#: Text that is not a month (the text as typed): the command line's `--month`, a visit
#: sheet's month, a model's month field all say it so.
BAD_MONTH = template("月份应写成“年-月”，如 2025-03：%1")


class InvalidMonth(ValidationFailed, ValueError):
    """Text that is not a month (a ValueError too, so pydantic reports it as invalid): str()
    the Chinese sentence, `said` the same as `BAD_MONTH` and the text (said in the window's
    language)."""

    def __init__(self, text: object) -> None:
        super().__init__(said(BAD_MONTH, str(text)))


class Month(TextValue):
    """'YYYY-MM': a str (so it stores, sorts and compares as text) that knows its days.

    `Month("2025-3")` is refused; `Month.of(date)` and `Month.parse("2025年3月")` build one.
    """

    __slots__ = ()

    def __new__(cls, text: str) -> Month:
        """Check the text is 'YYYY-MM' with a month 01–12."""
        match = _PATTERN.match(str(text))
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise InvalidMonth(text)
        return super().__new__(cls, text)

    @classmethod
    def of(cls, day: dt.date) -> Month:
        """The month a date falls in."""
        return str.__new__(cls, f"{day.year:04d}-{day.month:02d}")  # valid by construction

    @classmethod
    def current(cls) -> Month:
        """This month, as China's clock says it whatever zone this computer keeps."""
        return cls.of(china_today())

    @classmethod
    def parse(cls, text: str) -> Month:
        """'2025-03', '2025-3', '2025/3', '2025年3月' or '202503' as a Month."""
        raw = str(text).strip()
        match = re.match(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$", raw) or re.match(
            r"^(\d{4})(\d{2})$", raw
        )
        if not match:
            raise InvalidMonth(text)
        try:
            return cls(f"{match.group(1)}-{int(match.group(2)):02d}")
        except InvalidMonth:
            raise InvalidMonth(text) from None  # 2026年13月 said as typed, not as 2026-13

    @property
    def year(self) -> int:
        """The year."""
        return int(self[:4])

    @property
    def month(self) -> int:
        """The month number, 1–12."""
        return int(self[5:7])

    @property
    def first_day(self) -> dt.date:
        """The month's first day."""
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        """The month's last day."""
        return self.next().first_day - dt.timedelta(days=1)

    def next(self) -> Month:
        """The month after."""
        return self.plus(1)

    def previous(self) -> Month:
        """The month before."""
        return self.plus(-1)

    def plus(self, months: int) -> Month:
        """The month `months` later (earlier when negative)."""
        index = self.year * 12 + self.month - 1 + months
        return Month(f"{index // 12:04d}-{index % 12 + 1:02d}")

    def months_until(self, other: Month) -> int:
        """How many months from this one to `other` (negative when `other` is earlier)."""
        return (other.year - self.year) * 12 + other.month - self.month

    def contains(self, day: dt.date) -> bool:
        """True when the date falls in this month."""
        return day.year == self.year and day.month == self.month

    def label(self) -> str:
        """'2025年3月' for screens and papers."""
        return f"{self.year}年{self.month}月"

    def __repr__(self) -> str:
        return f"Month({str(self)!r})"
