"""The sheet's date: when the figures in a workbook were taken from a ledger.

An update compares each cell with the ledger; a ledger cell changed *after* this moment was
edited by someone else since the sheet went out, so it is a conflict to decide, not a value to
overwrite. The moment is, in order of trust: the export time this program writes into every
workbook it exports (a document property), a 导出时间 / 截至 / 制表日期 … date in a sheet's title
rows (above its header; a day alone is the start of that day; the earliest of the sheets')
(`DatedBy`). A data row's cell (出生日期 1975-…) dates nothing, and neither do the file's
modification time nor the workbook's creation time: the one is when the file was saved after
editing, the other may be when old figures were copied into a new file, both later than the
figures, and would make every ledger edit made meanwhile pass for older than the sheet. A file
with no date of its own is undated unless this device's export log knows it (`ledger_import`).

Each is only the file's claim. A date later than the import's own time (a workbook dated
2030, or tomorrow) would make every ledger edit since the real export pass for older than the
sheet, overwritten without a conflict: `not_believed` says which claims the import sets aside,
and the sheet is then read as undated (every ledger field it would change is a conflict, see
`ledger_import`).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from fieldapp.store.hlc import COUNTER_LIMIT, format_stamp

#: The document property the export writes (ISO 8601, UTC).
EXPORTED_AT = "台账导出时间"
#: Where the sheet's date is the export's own time to the millisecond (that property).
EXACT = "导出时记录的时间"
_CUSTOM = re.compile(
    r'<property\b[^>]*\bname="' + EXPORTED_AT + r'"[^>]*>\s*<vt:\w+>([^<]+)</vt:\w+>'
)
#: The words before a date that name the sheet's own date (what our exports write: 导出时间：,
#: 截至; what clerks' forms write: 制表日期, 填报日期, 统计时间 …). A bare 日期 counts only where
#: no other word is joined to it (出生日期, 登记日期 are a person's, not the sheet's).
_TITLE_DATE = re.compile(
    r"(?:导出时间|导出日期|打印时间|打印日期|制表日期|制表时间|填表日期|填报日期|统计日期|统计时间"
    r"|截至日期|截止日期|截至|截止|(?<![\u4e00-\u9fff])日期)"
    r"[:：\s]*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})日?"
    r"(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
)
#: The title rows' cells looked at, per row (a wide form's 制表日期 sits at its right).
_TITLE_CELLS = 64


#: Where it came from when only this device's export log knows the file.
EXPORT_LOG = "本机导出这个文件的时间（导出记录）"


class DatedBy(enum.Enum):
    """What dated a sheet. `said` is the source's words in the report (a title row's are its
    own text: 表中的“导出时间：…”)."""

    #: The export's 台账导出时间 document property, to the millisecond.
    PROPERTY = EXACT
    #: Our export's title row (or a csv's title line): 导出时间：… to the second.
    EXPORT_TITLE = "export title"
    #: Another title date: 截至 …, 制表日期 … (a clerk's sheet, or our paperwork's).
    TITLE = "title"
    #: This device's export log: it exported a ledger file of this name before the file's save.
    EXPORT_LOG = EXPORT_LOG
    #: A title date no calendar has (2026年2月30日, year 1): the sheet is undated, said why.
    UNREADABLE = "unreadable"

    @property
    def said(self) -> str:
        """The source as the report says it (a title's: the title's own words, not this)."""
        return str(self.value)

    @property
    def exported(self) -> bool:
        """Dated by this program's export (its property, title or log), not a clerk's date."""
        return self in (DatedBy.PROPERTY, DatedBy.EXPORT_TITLE, DatedBy.EXPORT_LOG)


class SheetDate(NamedTuple):
    """A sheet's date (UTC; None: no date of its own), its source in the report's words, and
    what kind of source it is (None with no date)."""

    moment: dt.datetime | None
    source: str
    kind: DatedBy | None


UNDATED = SheetDate(None, "", None)
#: A sheet date before this is no export of this program's (a year 1900, a 0001 typed): absurd.
EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_CHINA = dt.timedelta(hours=8)
_TIMED = re.compile(r"\d:\d\d")


def where_claimed(kind: DatedBy) -> str:
    """Where in the file a sheet date was claimed, in the user's words (a date set aside is
    said with it): 文件属性“台账导出时间”, 标题行."""
    if kind is DatedBy.PROPERTY:
        return "文件属性“" + EXPORTED_AT + "”"
    if kind in (DatedBy.EXPORT_TITLE, DatedBy.TITLE, DatedBy.UNREADABLE):
        return "标题行"
    return kind.said


def day_only(source: str) -> bool:
    """A title row's date without a time (截至2026年12月5日): read as the start of that day."""
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


def sheet_date(path: Path, sheets: Sequence[tuple[str, list[list[object]], object]]) -> SheetDate:
    """The date of a workbook or csv file, from its export property, else the earliest date
    named in the sheets' title rows (`sheets`: each sheet's rows above its header, nothing of a
    sheet without one); `UNDATED` when it has neither.

    Sheets dated differently: the workbook's figures are as old as its oldest sheet's, so the
    earliest dates it (a later one let the older sheet's cells overwrite edits made between).
    A title date no calendar has (截至2026年2月30日) leaves the file undated
    (`DatedBy.UNREADABLE`, its words kept to be said), whatever the other sheets say — the
    clerk dated the sheet, and wrongly. The workbook's creation time dates nothing (as its
    file time): a workbook made after an edit, the old figures copied into it, would pass the
    edit for older; such a file is dated only by this device's export log (the importer's)."""
    found = _from_properties(path) if zipfile.is_zipfile(path) else None
    if found:
        return found
    dated: list[SheetDate] = []
    for _name, rows, _merged in sheets:
        for row in rows[:5]:
            for cell in row[:_TITLE_CELLS]:
                match = _TITLE_DATE.search(str(cell or ""))
                if match:
                    said = _title_date(match)
                    if said.moment is None:
                        return said
                    dated.append(said)
    return min(dated, key=lambda d: d.moment or EARLIEST) if dated else UNDATED


def _title_date(match: re.Match[str]) -> SheetDate:
    """A title's date (China time): its time when it says one, else the start of its day —
    edits made later that day, before the import, are newer than the sheet (conflicts)."""
    said = match.group(0)
    kind = DatedBy.EXPORT_TITLE if said.startswith("导出时间") else DatedBy.TITLE
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        local = dt.datetime(year, month, day, hour, minute, second)
        moment = (local - _CHINA).replace(tzinfo=dt.UTC)
    except (ValueError, OverflowError):  # no such day or time, or one before year 1
        return SheetDate(None, said, DatedBy.UNREADABLE)
    return SheetDate(moment, f"表中的“{said}”", kind)


def exported_property(path: Path) -> dt.datetime | None:
    """The workbook's own 台账导出时间, when it has a readable one (believed or not)."""
    found = _from_properties(path) if zipfile.is_zipfile(path) else None
    return found.moment if found else None


def _from_properties(path: Path) -> SheetDate | None:
    """The workbook's 台账导出时间 property (our export's), when it has a readable one."""
    part = "docProps/custom.xml"
    try:
        with zipfile.ZipFile(path) as archive:
            if part in archive.namelist() and archive.getinfo(part).file_size < (1 << 20):
                match = _CUSTOM.search(archive.read(part).decode("utf-8", "replace"))
                moment = _parse(match.group(1)) if match else None
                if moment is not None:
                    return SheetDate(moment, DatedBy.PROPERTY.said, DatedBy.PROPERTY)
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
        # Written to the second (a title row, the export log): the whole second is
        # the sheet's, so the import that made a test's ledger a moment before it is no conflict.
        millis += 999
    return format_stamp(millis, COUNTER_LIMIT - 1)
