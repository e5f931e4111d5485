"""The sheet's date: when the figures in a workbook were taken from a ledger.

An update compares each cell with the ledger; a ledger cell changed *after* this moment was
edited by someone else since the sheet went out, so it is a conflict to decide, not a value to
overwrite. The moment is, in order of trust: the export time this program writes into every
workbook it exports (a document property), a 截至 / 导出时间 / 填报日期 date in a title row,
the workbook's own creation time, and last the file's modification time.

Each is only the file's claim. A date later than the import's own time (a workbook dated
2030, or tomorrow; a file's time set ahead) would make every ledger edit since the real export
pass for older than the sheet, overwritten without a conflict: `not_believed` says which claims
the import sets aside, and the sheet is then read as undated (every ledger field it would change
is a conflict, see `ledger_import`).
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

from fieldapp.store.hlc import COUNTER_LIMIT, format_stamp

#: The document property the export writes (ISO 8601, UTC).
EXPORTED_AT = "台账导出时间"
#: Where the sheet's date is the export's own time to the millisecond (that property).
EXACT = "导出时记录的时间"
_CUSTOM = re.compile(
    r'<property\b[^>]*\bname="' + EXPORTED_AT + r'"[^>]*>\s*<vt:\w+>([^<]+)</vt:\w+>'
)
_CREATED = re.compile(r"<dcterms:created\b[^>]*>([^<]+)</dcterms:created>")
_TITLE_DATE = re.compile(
    r"(?:截至|截止|导出时间|填报日期|统计时间|日期)[:：\s]*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})日?"
    r"(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
)


#: Where a sheet's date came from when nothing in the file says it: the file's modification time
#: (the time it was saved after editing, later than the export).
FILE_TIME = "文件的修改时间"
#: Where it came from when the workbook's core properties say when it was made.
CREATED = "表格文件的创建时间"
#: A sheet date before this is no export of this program's (a year 1900, a 0001 typed): absurd.
EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_CHINA = dt.timedelta(hours=8)
_TIMED = re.compile(r"\d:\d\d")


def where_claimed(source: str) -> str:
    """Where in the file a sheet date was claimed, in the user's words (a date set aside is
    said with it): 文件属性“台账导出时间”, 标题行, 文件时间, 文件属性“创建时间”."""
    if source == EXACT:
        return "文件属性“" + EXPORTED_AT + "”"
    if source == CREATED:
        return "文件属性“创建时间”"
    if source == FILE_TIME:
        return "文件时间"
    if source.startswith("表中的"):
        return "标题行"
    return source


def day_only(source: str) -> bool:
    """A title row's date without a time (截至2026年12月5日): read as the end of that day."""
    return source.startswith("表中的") and not _TIMED.search(source)


def claimed_text(moment: dt.datetime, source: str) -> str:
    """A claimed sheet date as China time, as the report keeps it ('2030-01-01 08:00', or the
    day alone for a title row's day)."""
    china = moment.astimezone(dt.UTC) + _CHINA
    return china.strftime("%Y-%m-%d" if day_only(source) else "%Y-%m-%d %H:%M")


def not_believed(moment: dt.datetime, source: str, now: dt.datetime, slack: dt.timedelta) -> str:
    """Why a claimed sheet date is set aside: "ahead" (later than `now`, the import's own
    time, by more than `slack`; a title row's day: a day after today's), "absurd" (before
    `EARLIEST`), or "" (believed). A date earlier than the ledger's first edit is believed:
    every edit since is then a conflict, as on an undated sheet."""
    if moment < EARLIEST:
        return "absurd"
    if day_only(source):
        return "ahead" if (moment + _CHINA).date() > (now + slack + _CHINA).date() else ""
    return "ahead" if moment > now + slack else ""


def sheet_date(
    path: Path, sheets: Sequence[tuple[str, list[list[object]], object]]
) -> tuple[dt.datetime | None, str]:
    """(moment in UTC, where it came from in Chinese) for a workbook or csv file."""
    found = _from_properties(path, _CUSTOM) if zipfile.is_zipfile(path) else None
    if found:
        return found
    for _name, rows, _merged in sheets:
        for row in rows[:5]:
            for cell in row[:8]:
                match = _TITLE_DATE.search(str(cell or ""))
                if match:
                    year, month, day, hour, minute, second = (
                        int(g) if g else None for g in match.groups()
                    )
                    try:
                        if hour is None:  # the end of the named day: its edits are in the sheet
                            local = dt.datetime(year, month, day, 23, 59, 59)  # type: ignore[arg-type]
                        else:
                            local = dt.datetime(year, month, day, hour, minute or 0, second or 0)  # type: ignore[arg-type]
                        moment = (local - _CHINA).replace(tzinfo=dt.UTC)  # China time
                    except (ValueError, OverflowError):  # no day, or one before year 1
                        continue
                    return moment, f"表中的“{match.group(0)}”"
    found = _from_properties(path, _CREATED) if zipfile.is_zipfile(path) else None
    if found:
        return found
    try:
        mtime = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    except (OSError, OverflowError, ValueError):  # no file, or a time no clock converts
        return None, ""
    return mtime, FILE_TIME


def _from_properties(path: Path, which: re.Pattern[str]) -> tuple[dt.datetime, str] | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            for part, pattern, source in (
                ("docProps/custom.xml", _CUSTOM, EXACT),
                ("docProps/core.xml", _CREATED, CREATED),
            ):
                if (
                    pattern is which
                    and part in names
                    and archive.getinfo(part).file_size < (1 << 20)
                ):
                    match = pattern.search(archive.read(part).decode("utf-8", "replace"))
                    moment = _parse(match.group(1)) if match else None
                    if moment is not None:
                        return moment, source
    except (zipfile.BadZipFile, OSError):
        return None
    return None


def _parse(text: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
        return moment.astimezone(dt.UTC) if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    except (ValueError, OverflowError):  # not a time, or one before year 1 in UTC
        return None


def stamp_of(moment: dt.datetime, *, exact: bool = False) -> str:
    """The change-log clock stamp of a moment (changes after it sort after this text).

    `exact`: the moment is the export's to the millisecond (`EXACT`): a ledger edit even in
    the same second after it sorts after it, a conflict for the update to decide."""
    millis = int(moment.timestamp() * 1000)
    if not exact and moment.microsecond == 0:
        # Written to the second (a title row, a file's creation time): the whole second is
        # the sheet's, so the import that made a test's ledger a moment before it is no conflict.
        millis += 999
    return format_stamp(millis, COUNTER_LIMIT - 1)
