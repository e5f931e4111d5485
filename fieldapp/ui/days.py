"""Days and months as the window's language writes them: 2026年10月5日 and 2026年10月 in
Chinese, 5 October 2026 and October 2026 in English.

The domain writes a day as the papers do (`dates.written`, `Month.label`: Chinese, whatever the
window's language); a screen that puts a day or a month into a translated sentence says it
through these, so an English window reads October 2026 where it read 2026年10月. Domain code that
words a period (`Claim.paid_for`) is given `month_said` and `year_said` as its writers: no Qt
there.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QLocale

from fieldapp.domain.month import Month
from fieldapp.domain.sentences import fill


def _filled(template: str, year: int, month: int, day: int = 1) -> str:
    """A translated template with %1 the year, %2 the month's number, %3 the day and %4 the
    month's name in the window's language (QLocale's default, set with the language)."""
    name = QLocale().monthName(month, QLocale.FormatType.LongFormat)
    return fill(template, (str(year), str(month), str(day), name))


def day_said(day: dt.date) -> str:
    """'2026年10月5日'; '5 October 2026' in English."""
    template = QCoreApplication.translate("Days", "%1年%2月%3日")
    return _filled(template, day.year, day.month, day.day)


def day_text_said(text: str | None) -> str:
    """A day kept as ISO text ('2026-10-05', as a row holds it; to the minute, '2026-10-05
    10:31') said as `day_said` says it (5 October 2026 10:31); other text as it is, '' for
    none."""
    if not text or len(text) not in (10, 16) or text[10:11] not in ("", " "):
        return text or ""
    try:
        return day_said(dt.date.fromisoformat(text[:10])) + text[10:]
    except ValueError:
        return text


def month_said(month: Month | dt.date) -> str:
    """'2026年10月'; 'October 2026' in English."""
    template = QCoreApplication.translate("Days", "%1年%2月")
    return _filled(template, month.year, month.month)


def year_said(year: int) -> str:
    """'2026年度' (a subsidy paid by the year); '2026' in English."""
    return QCoreApplication.translate("Days", "%1年度").replace("%1", str(year))
