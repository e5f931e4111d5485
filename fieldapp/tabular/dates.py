"""The sheet's date: when the figures in a workbook were taken from a ledger.

An update compares each cell with the ledger; a ledger cell changed *after* this moment was
edited by someone else since the sheet went out, so it is a conflict to decide, not a value to
overwrite. The moment is, in order of trust: the export time this program writes into every
workbook it exports (a document property), a 截至 / 导出时间 / 填报日期 date in a title row,
the workbook's own creation time, and last the file's modification time.
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
                    except ValueError:
                        continue
                    moment = (local - dt.timedelta(hours=8)).replace(tzinfo=dt.UTC)  # China time
                    return moment, f"表中的“{match.group(0)}”"
    found = _from_properties(path, _CREATED) if zipfile.is_zipfile(path) else None
    if found:
        return found
    try:
        mtime = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    except OSError:
        return None, ""
    return mtime, FILE_TIME


def _from_properties(path: Path, which: re.Pattern[str]) -> tuple[dt.datetime, str] | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            for part, pattern, source in (
                ("docProps/custom.xml", _CUSTOM, EXACT),
                ("docProps/core.xml", _CREATED, "表格文件的创建时间"),
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
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


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
