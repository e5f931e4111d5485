"""Refusing hostile or absurd workbooks before they are read, in bounded memory.

The reader allocates for the farthest cell holding a value: one cell at AZ1048576 costs
gigabytes, and a zip entry can inflate a thousandfold. So before the reader sees a file, its
parts are streamed through the decompressor a megabyte at a time and scanned: decompressed
size, the farthest row and column holding a value, and (for the import report) which rows are
hidden. Nothing is held but counters. What a sheet *declares* (`<dimension ref=…>`) and rows
or styled cells holding no value are not measured, as the reader passes them over: LibreOffice
saves a sheet from which a row was deleted with an empty row 1048576 and declares A1:AO1048576.

An .xls (BIFF8, Excel 97–2003 and what WPS and LibreOffice save as such) is a single stream in
an OLE2 container, read whole (a sheet holds at most 65 536 rows): its ROW records say which rows
are hidden, its cell records how far the values reach. Its declared dimensions are not checked:
the reader sizes an .xls sheet by the values it holds, not by what the file declares.
"""

from __future__ import annotations

import bisect
import functools
import html
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Collection, Iterable, Iterator, Set
from dataclasses import dataclass, field
from pathlib import Path

import olefile

from fieldapp.domain.errors import ValidationFailed
from fieldapp.domain.sentences import Sentence, grouped, said, template

#: A file larger than this is no village's 台账 (a 100 000-person export is about 15 MB).
MAX_FILE_BYTES = 300 * 1024 * 1024
#: All parts of a workbook, decompressed (a 100 000 × 36 sheet is about 150 MB of XML).
MAX_XML_BYTES = 1536 * 1024 * 1024
#: Cells a sheet may span (rows × columns of its used area): 200 000 rows of 50 columns; and
#: the sheets of a workbook together (the reader builds every sheet's cells: an .ods's and an
#: .xls's all at once, an .xlsx's one sheet after another, `reader.SheetStream`).
MAX_CELLS = 10_000_000
#: The width a sheet is taken to have while no value is seen at column AZ or beyond (narrower
#: columns are not measured, for speed: a ledger sheet has about 40): the 50 that `MAX_CELLS`
#: allows 200 000 rows of. (Taken as 52, it refused a 195 000-row sheet of 40 columns.)
ASSUMED_WIDTH = 50
#: The shared strings (xl/sharedStrings.xml: every text of an .xlsx, each once) a workbook may
#: have, decompressed. The reader holds them all, whether a cell uses them or not, at about
#: twice their XML's size (30 million short ones, 750 MB of XML in an 81 MB file compressing
#: only tenfold, cost it 1.8 GB); LibreOffice saves a 300-person export's in 242 KB, so the
#: 200 000 persons `MAX_VALUE_ROWS` allows take about 160 MB.
MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024
#: The same of an .xls (its SST record and the CONTINUE records after it). The reader holds
#: every string there, whatever count the record declares, at about fifteen times its bytes
#: (a string may take four: 1.7 million in 6.9 MB cost it 100 MB); the LibreOffice fixture's
#: five persons and 30 headings take 708 bytes, so a full 65 536-row sheet of persons takes a
#: few MB. 32 MB: about 500 MB held.
MAX_XLS_STRINGS_BYTES = 32 * 1024 * 1024
#: The sheets a workbook may have: one per village of a county is a few hundred (20 000
#: sheets of a row each, an 8 MB file, took 93 s to read; a zip's directory may list 80 000).
MAX_SHEETS = 2000
#: A zip entry inflating more than this many times is a zip bomb, not a spreadsheet.
MAX_RATIO = 200
_CHUNK = 1 << 20
_TAIL = 512  # bytes kept between chunks, so a tag cut in two is still seen whole

# Literal-prefixed patterns: the regex engine then jumps from match to match instead of
# trying at every "<" of the sheet (ten times faster on a 100 000-row sheet). Rows are written
# `<row …>`, or with a namespace prefix by some generators.
_ROW = re.compile(rb"<row\b([^>]*)>")
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
#: A row's or column's `hidden="1"`, in either quote and with spaces around "=" as XML lets it
#: be written (Excel hides such a row all the same).
_HIDDEN = re.compile(rb"""\bhidden\s*=\s*(?:"(?:1|true)"|'(?:1|true)')""")
#: Cell references in column AZ (the 52nd) or beyond (a ledger sheet has about 40 columns,
#: and is taken to have `ASSUMED_WIDTH`): rare, so the scan finds them without building a match
#: for every ordinary cell (the start of `_wide_or_far`'s pattern). The rest of the tag says
#: whether the cell holds a value (an empty, styled cell is written `<c r="BA5" s="3"/>`).
#: Letters in either case and past XFD, the sheet's last column: the reader reads `r="xfd5"`
#: as XFD5, and builds a sheet to AAAA.
_WIDE_CELL = rb' r="((?:[Aa][Zz]|[B-Zb-z][A-Za-z]|[A-Za-z]{3,})\d+'


@functools.cache
def _wide_or_far(lead: int, digits: int) -> re.Pattern[bytes]:
    """`_WIDE_CELL`, and any cell numbered `lead` × 10^(`digits` - 1) or beyond (in any
    column: a cell is placed by its own number, whatever its row's, `<row r="2"><c
    r="A750000">`), in one pass: a cell of a low row is not matched. Numbers written with
    leading zeros have more digits, and are matched."""
    far = rb"[A-Za-z]+(?:[%d-9]\d{%d}|\d{%d,})" % (lead, digits - 1, digits + 1)
    return re.compile(_WIDE_CELL + b"|" + far + rb')"([^>]*)>')


def _far_rows(width: int) -> tuple[int, int]:
    """The `_wide_or_far` key of the rows a sheet of `width` columns may not reach: its first
    digit and its number of digits (20 000 rows' cells, at 500 columns, are matched from
    20 000 on; at 50 columns, from 200 000)."""
    rows = str(MAX_CELLS // max(width, ASSUMED_WIDTH))
    return int(rows[0]), len(rows)


#: What a tag holds up to its end: a value in quotes may hold ">" (XML lets it stand unescaped,
#: `table:formula="of:=IF([.A1]>0;1;0)"`, and the reader reads the tag whole).
_IN_TAG = rb"""[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*"""
#: A tag's attributes, up to its end.
_ATTRS = rb"(" + _IN_TAG + rb")>"
#: `_IN_TAG` read once: possessive, so a tag left open (to the chunk's end, or at a quote never
#: closed) is given up in one pass, not again from each of its characters.
_IN_TAG_ONCE = rb"""[^>"']*+(?:(?:"[^"]*+"|'[^']*+')[^>"']*+)*+"""
#: A workbook's sheet and a relationship, under any prefix or none (the reader reads each by its
#: local name): their attributes are read by `_attributes` (in either quote, in any order, as
#: the reader reads them).
_SHEET = re.compile(rb"<(?:[\w.-]+:)?sheet(?=[\s/>])" + _ATTRS)
_REL = re.compile(rb"<(?:[\w.-]+:)?Relationship(?=[\s/>])" + _ATTRS)
#: A number in either quote, after "=" with spaces around it: XML lets an attribute be
#: written so, and the reader repeats `number-rows-repeated='7'` as any other. Its value is
#: read by `_count` (the reader also takes "+7" and "&#55;" as 7).
_NUMBER = rb"""\s*=\s*["']([^"'<>]*)["']"""


def _count(value: bytes) -> int:
    """A repeat's count as the reader reads it: character references replaced, a leading "+"
    allowed; 1 where it is no number (the reader then refuses the file)."""
    if not value.isdigit():
        text = html.unescape(value.decode("utf-8", "replace"))
        value = text.removeprefix("+").encode("utf-8", "replace")
    return int(value) if value.isdigit() else 1


_REPEAT = re.compile(rb"number-(rows|columns)-repeated" + _NUMBER)
#: Repeats of cells that hold values beyond these are no 台账 (LibreOffice writes the empty
#: rest of a sheet as one empty row repeated about a million times: that is allowed).
MAX_VALUE_ROWS = 200_000
MAX_VALUE_COLUMNS = 1024


class RowRanges(Set[int]):
    """Row numbers held as runs (first, after the last): a set as its users ask it ("is row n
    hidden", its rows in order), of a size its runs make, not its rows. LibreOffice hides a
    sheet's empty tail of a million rows at once; held one by one (up to `MAX_VALUE_ROWS`),
    50 such sheets of a 1 KB file held 777 MB."""

    def __init__(self, rows: Iterable[int] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []  # each run's end, after its last row
        for row in rows:
            self.add(row, row + 1)

    def add(self, start: int, end: int) -> None:
        """Add rows `start` up to (not including) `end`, joining the runs they meet."""
        if start >= end:
            return
        first = bisect.bisect_left(self._ends, start)  # the first run ending at start or after
        after = bisect.bisect_right(self._starts, end)  # the first starting after end
        if first < after:
            start, end = min(start, self._starts[first]), max(end, self._ends[after - 1])
        self._starts[first:after] = [start]
        self._ends[first:after] = [end]

    @property
    def runs(self) -> int:
        return len(self._starts)

    def __contains__(self, row: object) -> bool:
        if not isinstance(row, int):
            return False
        at = bisect.bisect_right(self._starts, row) - 1
        return at >= 0 and row < self._ends[at]

    def __iter__(self) -> Iterator[int]:
        for start, end in zip(self._starts, self._ends, strict=True):
            yield from range(start, end)

    def __len__(self) -> int:
        return sum(end - start for start, end in zip(self._starts, self._ends, strict=True))

    def __repr__(self) -> str:
        runs = ", ".join(
            f"{start}–{end - 1}" for start, end in zip(self._starts, self._ends, strict=True)
        )
        return f"RowRanges({runs})"


@dataclass
class Scan:
    """What the scan found: per sheet name, its hidden rows and columns (1-based) and its used
    extent."""

    hidden_rows: dict[str, Set[int]] = field(default_factory=dict)
    #: Per sheet, its hidden columns (1-based; those past `MAX_VALUE_COLUMNS` are not kept).
    hidden_columns: dict[str, set[int]] = field(default_factory=dict)
    #: Per sheet, its last row and last column holding a value. An .xlsx's columns are looked
    #: for from AZ on (a quick scan passes the narrower by): 0 where a sheet holds none there,
    #: which is then taken as `ASSUMED_WIDTH` columns wide.
    extents: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: What the file is by its content (`sniff`), whatever its name says.
    suffix: str = ""
    #: Per sheet, the cells holding a formula's error value (#N/A, #REF! …), which the reader
    #: reads as blank: (row, column), both 1-based → the error as the sheet shows it.
    errors: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)
    #: Per sheet of an .ods, the number cells whose value the file holds in 16 to 19 digits
    #: (office:value="520502197503161310", as another program wrote an ID number whole),
    #: which the reader gives as a float of 17: (row, column), both 1-based → the digits.
    whole: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)


#: A file refused before it is read: its name and why (a sentence of the reasons below).
REFUSED = template("拒绝读取表格文件 %1：%2。文件未被读取，台账没有改动")
#: A file no reader here can read: its name and why (a sentence of the reasons below).
UNREADABLE = template("无法读取表格文件 %1：%2。台账没有改动")

# Why a file is refused or cannot be read (the part %2 of `REFUSED` or `UNREADABLE`): its
# sizes and counts as the guard found them (grouped), its sheet by name, the programs that
# open it (`programs`) as a phrase of their own.
#: The file's size in MB, and the bound.
FILE_TOO_BIG = template("文件有 %1 MB，超过了 %2 MB")
#: Excel's or WPS's lock file beside a workbook open in it (~$台账.xlsx): the workbook's name.
LOCK_FILE = template(
    "这是 Excel 或 WPS 打开表格时在旁边生成的临时文件，不是表格本身；"
    "请选择“%1”（最好先在 Excel 或 WPS 中保存并关闭它）"
)
EMPTY_FILE = template("文件是空的（可能没有保存或复制完整）；请重新复制或保存该文件")
SAVE_AS = "请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再导入"
NOT_A_SPREADSHEET = template(f"这个文件不是表格文件；{SAVE_AS}")
XML_2003 = template(f"这个文件实际是“XML 电子表格 2003”格式，不是真正的 Excel 表格；{SAVE_AS}")
WEB_PAGE = template(
    "这个文件实际是网页（HTML）格式（一些系统导出的“Excel”其实是网页），"
    f"不是真正的 Excel 表格；{SAVE_AS}"
)
#: A zip's table of contents, in MB.
BIG_DIRECTORY = template("其中的文件目录有 %1 MB（表格的只有几 KB 到几百 KB），不是正常的表格文件")
#: A zip cut short or broken: the programs that open it.
CUT_ZIP = template(
    "文件不完整或已损坏（可能没有复制完整，或保存时中断）；请重新复制，"
    "或在 %1 中打开后另存为 .xlsx 再导入"
)
BROKEN_ZIP = template("文件不完整或已损坏；请重新复制后再导入")
XLSB = template(
    "这是 Excel 二进制工作簿（.xlsb），本程序不读取这种格式；请在 Excel 或 WPS 中"
    "打开它，另存为 .xlsx（Excel 工作簿）后再导入"
)
WORD_DOCUMENT = template("这个文件不是表格，而是 Word 文档；请选择台账的 Excel 或 WPS 表格文件")
OTHER_ZIP = template("这个文件不是表格，而是压缩包或其他文件；请选择台账的 Excel 或 WPS 表格文件")
OTHER_FILE = template("这个文件不是表格，而是其他文件；请选择台账的 Excel 或 WPS 表格文件")
BROKEN_FILE = template("文件已损坏（可能没有复制完整）；请重新复制后再导入")
#: A workbook saved with a password: the programs that open it.
PASSWORD = template(
    "工作簿设置了打开密码（已加密），本程序无法读取；请在 %1 中输入密码打开，"
    "取消打开密码后保存，再导入"
)
#: A zip entry's name and the bytes it claims.
CLAIMS_BYTES = template("压缩包中的 %1 声称解压后有 %2 字节")
#: The bound, in MB, of all parts inflated.
INFLATES_PAST = template("解压后超过 %1 MB")
#: A zip entry's name.
ZIP_BOMB = template("%1 的压缩比异常（疑似压缩炸弹）")
#: A zip entry's name and the bytes of one cell's tag.
LONG_CELL = template("%1 中有一个单元格的标记长达 %2 字节，不是正常的表格")
BROKEN_DATA = template("文件已损坏（其中的数据无法解压）；请重新复制后再导入")
#: What the parts say they inflate to, and the bound, in MB.
DECLARED_PAST = template("解压后有 %1 MB，超过了 %2 MB")
#: The bound of an .xlsx's shared strings, in MB.
STRINGS_PAST = template(
    "其中的文字部分解压后超过 %1 MB（20 万人的台账也只有约 160 MB），不是正常的台账表格；"
    "如确是台账，请在 Excel 或 WPS 中打开它，另存为 CSV 后再导入"
)
#: The sheets, and the bound.
SHEETS_PAST = template(
    "其中有 %1 张工作表，超过了可读取的 %2 张（一个县每村一张也只有几百张）；"
    "请删去多余的工作表，或分成几个文件后再导入"
)
#: A sheet's name, its rows, columns and cells, and the bound.
SHEET_TOO_BIG = template(
    "工作表“%1”的范围达 %2 行 × %3 列（%4 个单元格），"
    "超过了可读取的 %5 个单元格；请删除多余的行列或另存为 CSV 后再导入"
)
#: The cells of the sheets so far, the sheet taking them past, its rows and columns, the bound.
SHEETS_TOO_BIG = template(
    "各工作表的范围合计达 %1 个单元格，读到工作表“%2”（%3 行 × %4 列）"
    "时超过了整个文件可读取的 %5 个单元格；请删除多余的工作表或行列，或分成几个文件后再导入"
)
#: A sheet's name, the row its rows run past (as Excel's row heading shows it), the bound.
SHEET_TOO_LONG = template(
    "工作表“%1”的行一直延续到第 %2 行以后，超过了可读取的 %3 个单元格；"
    "这些行可能看起来是空白的，但有单元格填了内容（空格、白色的字）或隐藏了：请选中数据下面"
    "多余的行整行删除后保存，或另存为 CSV 后再导入"
)
#: A file whose content calls it an .ods with no content.xml: its name.
NOT_ODS = template("无法读取表格文件 %1：不是有效的 ODS 文件")
#: An .ods's rows or columns declared repeated: how many times.
REPEATED_ROWS = template("声明了 %1 个重复的行")
REPEATED_COLUMNS = template("声明了 %1 个重复的列")
REPEATED_NO_ROW = template("有声明重复 0 次的行，其中的内容读不到（文件可能已损坏）")
REPEATED_NO_CELL = template("有声明重复 0 次的单元格，其中的内容读不到（文件可能已损坏）")
#: A row or a cell holding a value, declared repeated: how many times.
FILLED_ROW_REPEATED = template("一行有内容的数据声明重复 %1 次")
FILLED_CELL_REPEATED = template("一个有内容的单元格声明重复 %1 次")
#: The name two sheets of an .ods share.
NAMED_TWICE = template(
    "有两个工作表都叫“%1”，分不清读哪一个；请在 LibreOffice 或 WPS 中把其中一个改名后再导入"
)
#: Runs of hidden rows, and the bound.
HIDDEN_RUNS_PAST = template(
    "其中隐藏的行分成了 %1 段以上，超过了可读取的 %2 段"
    "（最大的台账每隔一行隐藏一行也只有这么多）；请取消隐藏后保存，或另存为 CSV 后再导入"
)
ODS_CUT = template(
    "文件不完整或已损坏（表格内容没有到结尾，可能没有复制完整，或保存时中断）；请重新复制后再导入"
)
#: The bound of an .xls's strings, in MB.
XLS_STRINGS_PAST = template(
    "其中的文字部分超过 %1 MB（一张 .xls 工作表最多 65,536 行，写满人员的台账也只有几 MB），"
    "不是正常的台账表格；如确是台账，请在 Excel 或 WPS 中打开它，另存为 CSV 后再导入"
)
#: The programs that open a workbook (`programs`).
BY_EXCEL = template("Excel 或 WPS")
BY_LIBREOFFICE = template("LibreOffice 或 WPS")


def refuse(reason: Sentence, name: str) -> ValidationFailed:
    """The refusal every check raises: the file's name and `reason`, one of the templates
    above with its parts (`REFUSED`, said in the language shown)."""
    return ValidationFailed(said(REFUSED, name, reason))


def check_file(path: Path) -> Scan:
    """Raise ValidationFailed (Chinese) for an absurd file; else what the scan found.

    The file is checked as what its content is (`sniff`), whatever its name says: a zip
    bomb named .xls is still a zip."""
    name = path.name
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise refuse(said(FILE_TOO_BIG, grouped(size >> 20), grouped(MAX_FILE_BYTES >> 20)), name)
    suffix = sniff(path)
    scan = Scan()
    if suffix in (".xlsx", ".xlsm", ".ods"):
        with zipfile.ZipFile(path) as archive:
            scan = _check_ods(archive, name) if suffix == ".ods" else _check_xlsx(archive, name)
    elif suffix == ".xls":
        scan = _check_xls(path, name)
    scan.suffix = suffix
    return scan


#: What the content of a file is, by its first bytes.
_ZIP = b"PK\x03\x04"
_OLE = bytes.fromhex("D0CF11E0A1B11AE1")


def programs(kind: str) -> Sentence:
    """The programs that open a workbook of `kind` (its suffix): Excel cannot open an .ods."""
    return said(BY_LIBREOFFICE if kind == ".ods" else BY_EXCEL)


def unreadable(name: str, reason: Sentence) -> ValidationFailed:
    """The refusal of a file that is no workbook this program can read (`UNREADABLE`)."""
    return ValidationFailed(said(UNREADABLE, name, reason))


def sniff(path: Path) -> str:
    """The suffix the file's content calls for (.xlsx, .xlsm, .ods, .xls or .csv), whatever
    its name says; ValidationFailed (Chinese) for a file no reader here can read: an empty or
    cut-off file, a password-protected workbook, a web page or XML spreadsheet saved as .xls,
    an Excel binary workbook (.xlsb, refused unread: its sheets cannot be checked first),
    another kind of document."""
    name = path.name
    suffix = path.suffix.lower()
    if name.startswith("~$"):
        raise unreadable(name, said(LOCK_FILE, name[2:]))
    with path.open("rb") as stream:
        start = stream.read(4096)
    if not start.strip(b"\0 \t\r\n"):
        raise unreadable(name, said(EMPTY_FILE))
    if start.startswith(_ZIP):
        return _sniff_zip(path, suffix)
    if start.startswith(_OLE):
        return _sniff_ole(path)
    if b"\0" in start and not start.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise unreadable(name, said(NOT_A_SPREADSHEET))
    head = start.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<"):
        xml = b"urn:schemas-microsoft-com:office:spreadsheet" in start
        raise unreadable(name, said(XML_2003 if xml else WEB_PAGE))
    return ".csv"


#: The zip's table of contents (central directory) a workbook may have: a part takes about 100
#: bytes of it, and a workbook has tens or hundreds of parts (a few thousand with pictures).
MAX_DIRECTORY_BYTES = 8 << 20
_END = b"PK\x05\x06"  # end of central directory record
_END64_LOCATOR = b"PK\x06\x07"
_END64 = b"PK\x06\x06"


def _directory_bytes(path: Path) -> int:
    """The size of a zip's central directory as its end records say (0 when none is found):
    what the zip reader reads whole and makes an object of each entry of, before anything."""
    with path.open("rb") as stream:
        size = stream.seek(0, 2)
        start = max(0, size - (65536 + 22))
        stream.seek(start)
        tail = stream.read()
        at = tail.rfind(_END)
        if at < 0 or len(tail) - at < 22:
            return 0
        directory = struct.unpack_from("<I", tail, at + 12)[0]
        locator = at - 20
        if locator >= 0 and tail[locator : locator + 4] == _END64_LOCATOR:
            stream.seek(struct.unpack_from("<Q", tail, locator + 8)[0])
            record = stream.read(56)
            if len(record) == 56 and record.startswith(_END64):
                directory = max(directory, struct.unpack_from("<Q", record, 40)[0])
        return int(directory)


def _sniff_zip(path: Path, suffix: str) -> str:
    directory = _directory_bytes(path)
    if directory > MAX_DIRECTORY_BYTES:
        raise refuse(said(BIG_DIRECTORY, str(directory >> 20)), path.name)
    if not zipfile.is_zipfile(path):
        raise unreadable(path.name, said(CUT_ZIP, programs(suffix)))
    try:
        with zipfile.ZipFile(path) as archive:
            names = {name.lower() for name in archive.namelist()}
    except (zipfile.BadZipFile, OSError):
        raise unreadable(path.name, said(BROKEN_ZIP)) from None
    if "xl/workbook.bin" in names:
        # Excel's binary workbook: its sheets cannot be checked before they are read (their
        # extent, hidden rows and columns, errors), and no village's ledger needs it.
        raise unreadable(path.name, said(XLSB))
    if "xl/workbook.xml" in names or any(name.startswith("xl/") for name in names):
        return suffix if suffix in (".xlsx", ".xlsm") else ".xlsx"
    if "content.xml" in names:
        return ".ods"
    raise unreadable(path.name, said(WORD_DOCUMENT if "word/document.xml" in names else OTHER_ZIP))


def _sniff_ole(path: Path) -> str:
    try:
        with olefile.OleFileIO(str(path)) as ole:
            streams = {"/".join(entry) for entry in ole.listdir()}
    except Exception:  # noqa: BLE001 - olefile raises several types on a broken file
        raise unreadable(path.name, said(BROKEN_FILE)) from None
    if "EncryptedPackage" in streams or "EncryptionInfo" in streams:
        raise password_protected(path.name)
    if "Workbook" in streams or "Book" in streams:
        return ".xls"
    raise unreadable(path.name, said(WORD_DOCUMENT if "WordDocument" in streams else OTHER_FILE))


def password_protected(name: str, kind: str = ".xlsx") -> ValidationFailed:
    """The refusal of a workbook that needs a password to open, naming the programs that open
    its `kind` (the suffix its content calls for: Excel cannot open an .ods at all)."""
    return unreadable(name, said(PASSWORD, programs(kind)))


def _column_number(letters: bytes) -> int:
    number = 0
    for char in letters.upper():
        number = number * 26 + (char - 64)
    return number


def _stream(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, budget: list[int], *, ods: bool
) -> Iterator[tuple[int, bytes]]:
    """The entry's decompressed bytes, chunk by chunk, each with where it starts in the entry
    (each begins with the previous chunk's tail, `_kept`, looked for once a chunk; `ods`: the
    entry is an .ods's, whose tags a chunk may end inside are its own)."""
    if info.compress_size and info.file_size / max(info.compress_size, 1) > MAX_RATIO * 5:
        raise refuse(said(CLAIMS_BYTES, info.filename, str(info.file_size)), name)
    tail = b""
    read = start = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                read += len(chunk)
                budget[0] -= len(chunk)
                if budget[0] < 0:
                    raise refuse(said(INFLATES_PAST, grouped(MAX_XML_BYTES >> 20)), name)
                if read > (1 << 24) and read > MAX_RATIO * max(info.compress_size, 1):
                    raise refuse(said(ZIP_BOMB, info.filename), name)
                data = tail + chunk
                yield start, data
                kept = _kept(data, len(chunk), ods=ods)
                if kept > MAX_CELL:
                    raise refuse(said(LONG_CELL, info.filename, str(kept)), name)
                tail = data[len(data) - kept :]
                start += len(data) - kept
    except (zipfile.BadZipFile, zlib.error, EOFError):
        raise unreadable(name, said(BROKEN_DATA)) from None


#: A row's or cell's tag a chunk may end inside (`<c`, `<x:row`, `<table:table-cell` …).
_OPEN_TAG = re.compile(
    rb"<(?:[\w.-]+:)?(c|row|table-cell|covered-table-cell|table-row)(?=[\s/>]|\Z)"
)
#: A row's or cell's start or end in a worksheet, under any prefix.
_EDGE = re.compile(rb"<(/?)(?:[\w.-]+:)?(c|row)(?=[\s/>])")
#: Any tag, whole (its quotes minded).
_WHOLE_TAG = re.compile(rb"<" + _IN_TAG + rb">")
#: The longest row's or cell's tag, and the longest cell, kept whole between two chunks (a
#: formula of Excel's most, 8 192 characters, or a text of its most, 32 767, escaped, fits).
MAX_CELL = 256 << 10
#: The tags looked back over for the start of a cell a chunk ends inside (a rich text's
#: runs are a few each).
_TAGS_BACK = 64


def _unfinished_ods_error(data: bytes) -> int:
    """Where the chunk's last ods cell starts when it shows a formula's error and the chunk
    ends inside it, before its text; else -1."""
    least = max(0, len(data) - MAX_CELL)
    at = max(data.rfind(b"<table:table-cell", least), data.rfind(b"<table:covered", least))
    if at < 0:
        return -1
    tag = _ODS_TAG_READ.match(data, at)
    if tag is None or tag.group(3) is None or not _ods_error(tag.group(2)):
        return -1
    return at if _error_text_follows(data, tag, data.rfind(b"</table:")) is None else -1


def _error_text_follows(data: bytes, tag: re.Match[bytes], closed_to: int) -> bool | None:
    """Whether an ods cell showing an error (its tag `tag`, read whole) is followed by its
    text; None where the chunk ends inside the cell before it (`closed_to`: where the chunk's
    last `</table:…>` starts, so no cell's end is looked for again from each cell)."""
    if tag.group(2).endswith(b"/") or closed_to >= tag.start():
        return False
    return True if _ODS_TEXT.match(data, tag.end()) else None


def _open_ods_tag(data: bytes) -> int:
    """Where the first of the chunk's last `_TAGS_BACK` ods tags left open starts (at the
    chunk's end or at a quote never closed, as `_OdsRows.scan` stops); -1 where none is."""
    least = max(0, len(data) - MAX_CELL)
    at, found = len(data), -1
    for _ in range(_TAGS_BACK):
        at = data.rfind(b"<table:", least, at)
        if at < 0:
            break
        tag = _ODS_TAG_READ.match(data, at)
        if tag is not None and _cut_open(data, tag):
            found = at
    return found


def _cut_open(data: bytes, tag: re.Match[bytes]) -> bool:
    """Whether an ods tag (`_ODS_TAG_READ`'s match) is left open where the next read begins
    with it: at the chunk's end or at a quote never closed (not `<table:table-cell/ …>`)."""
    return tag.group(3) is None and (tag.end() == len(data) or data[tag.end()] in b"\"'")


def _kept(data: bytes, fresh: int, *, ods: bool) -> int:
    """How much of a chunk (`data`, of which `fresh` bytes are new) the next one begins with:
    its last `_TAIL` bytes, or more, from the start of a row's or cell's tag it ends inside,
    so that tag is seen whole (its reference may be far from its end: `<c r="XFD5" ph="…">`),
    or of a cell it ends inside (its formula and result looked at together). `ods`: the chunk
    is an .ods's content, whose own tags and cells are looked for too (in an .xlsx part they
    are not: `_OdsRows.scan` reads only an .ods's)."""
    keep = min(_TAIL, fresh)
    at = data.rfind(b"<")
    if at < 0:
        return keep
    opened = _OPEN_TAG.match(data, at)
    if opened:  # a worksheet's row or cell (quotes minded), or an ods's
        whole = (
            _ROW_OR_CELL.match(data, at)
            if opened.group(1) in (b"c", b"row")
            else _WHOLE_TAG.match(data, at)
        )
        if not whole:
            return max(keep, len(data) - at)
    if ods:
        # An ods tag the chunk ends inside whose quoted value holds "<" (the reader reads it
        # whole, `_OdsRows.scan` stops at it): the next read begins with it, not with the last
        # "<" in it.
        left_open = _open_ods_tag(data)
        if left_open >= 0:
            return max(keep, len(data) - left_open)
        # An ods cell showing an error whose text the chunk ends before (`_OdsRows.scan`
        # leaves it for the next read, which begins with it).
        cell = _unfinished_ods_error(data)
        if cell >= 0:
            return max(keep, len(data) - cell)
    for _ in range(_TAGS_BACK):
        edge = _EDGE.match(data, at)
        if edge:
            tag = _ROW_OR_CELL.match(data, at)
            holding = tag is not None and not tag.group(2).endswith(b"/")
            if edge.group(2) == b"c" and not edge.group(1) and holding:
                keep = max(keep, len(data) - at)  # a cell's start, its end not in the chunk
            break
        at = data.rfind(b"<", max(0, len(data) - MAX_CELL), at)
        if at < 0:
            break
    return keep


def _sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part → sheet name, from the workbook part and its relationships, found as the
    reader finds them: the package's relationships name the workbook (xl/workbook.xml, or
    another name), the workbook's name its sheets. Parts are named as stored; each is read only
    when small (a workbook.xml inflating to a gigabyte is no workbook)."""
    parts = {info.filename.replace("\\", "/").lower(): info for info in archive.infolist()}

    def small(part: str) -> bytes:
        info = parts.get(posixpath.normpath(part).lower())
        if info is None or info.file_size > 16 << 20:
            return b""
        try:
            return archive.read(info)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
            return b""

    book_part = "xl/workbook.xml"
    for match in _REL.finditer(small("_rels/.rels")):
        attrs = _attributes(match.group(1))
        if attrs.get(b"Type", b"").endswith(b"/officeDocument"):
            book_part = attrs.get(b"Target", b"").decode("utf-8", "replace").lstrip("/")
    folder, base = posixpath.split(book_part)
    book = small(book_part)
    rels = small(posixpath.join(folder, "_rels", base + ".rels"))
    targets = {}
    for match in _REL.finditer(rels):
        attrs = _attributes(match.group(1))
        target = attrs.get(b"Target", b"").decode("utf-8", "replace")
        target = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        targets[attrs.get(b"Id", b"")] = posixpath.normpath(target)
    found = {}
    for match in _SHEET.finditer(book):
        attrs = _attributes(match.group(1))
        rel_id = _relationship_id(match.group(1))
        if rel_id in targets and b"name" in attrs:
            found[targets[rel_id]] = _unescape(attrs[b"name"].decode("utf-8", "replace"))
    return found


def _relationship_id(attrs: bytes) -> bytes:
    """A workbook sheet's relationship, as the reader takes it: the last of its attributes
    named `id` under any prefix or none (`r:id`, `rel:id`, `id`), as written (its references
    are not replaced, nor are the relationships' `Id`s)."""
    found = b""
    for attribute in _ATTRIBUTE.finditer(attrs):
        if attribute.group(1).rpartition(b":")[2] == b"id":
            found = attribute.group(2) if attribute.group(2) is not None else attribute.group(3)
    return found


#: XML's references: the five named ones, and characters by number (&#21488; &#x8d26;).
_REFERENCE = re.compile(r"&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|quot|apos|amp));")
_NAMED = {"lt": "<", "gt": ">", "quot": '"', "apos": "'", "amp": "&"}


def _reference(found: re.Match[str]) -> str:
    decimal, hexadecimal, name = found.groups()
    if name:
        return _NAMED[name]
    number = int(decimal) if decimal else int(hexadecimal, 16)
    return chr(number) if 0 < number <= 0x10FFFF else found.group(0)


def _unescape(text: str) -> str:
    """An attribute's or a text's value as XML reads it: its references replaced."""
    return _REFERENCE.sub(_reference, text) if "&" in text else text


def _check_xlsx(archive: zipfile.ZipFile, name: str) -> Scan:
    scan = Scan()
    budget = [MAX_XML_BYTES]
    declared = sum(i.file_size for i in archive.infolist())
    if declared > MAX_XML_BYTES:
        raise refuse(
            said(DECLARED_PAST, grouped(declared >> 20), grouped(MAX_XML_BYTES >> 20)), name
        )
    # A sheet is where the workbook's relationships say, whatever its folder or its case
    # (the reader follows them): each one is scanned, and whatever lies in xl/worksheets/.
    names = {part.lower(): sheet for part, sheet in _sheet_paths(archive).items()}
    _check_sheets(len(names), name)
    for info in archive.infolist():
        part = info.filename
        key = posixpath.normpath(part.replace("\\", "/")).lower()
        if key.endswith(".xml") and (key in names or key.startswith("xl/worksheets/")):
            sheet = names.get(key, part)
            errors: dict[tuple[int, int], str] = {}
            chunks = _stream(archive, info, name, budget, ods=False)
            hidden_columns: set[int] = set()
            try:
                rows, columns, hidden = _scan_sheet(chunks, sheet, name, errors, hidden_columns)
            except _Wider:  # measured again, cell by cell
                errors, hidden_columns = {}, set()
                chunks = _stream(archive, info, name, budget, ods=False)
                rows, columns, hidden = _scan_sheet(
                    chunks, sheet, name, errors, hidden_columns, exact=True
                )
            scan.extents[sheet] = (rows, columns)
            if hidden_columns:
                scan.hidden_columns[sheet] = hidden_columns
            if errors:
                scan.errors[sheet] = errors
            if hidden:
                scan.hidden_rows[sheet] = hidden
        elif key.endswith("sharedstrings.xml"):  # the reader finds it in any case
            _check_shared_strings(archive, info, name, budget)
        elif part.endswith(".xml") and info.file_size > (8 << 20):
            for _read in _stream(archive, info, name, budget, ods=False):  # shared strings …
                pass
    return scan


#: A number cell's value written whole in 16 to 19 digits, no exponent: an 18-digit ID number
#: another program wrote as an integer (a web system's export, a script's int), which the reader
#: gives as a float keeping 17 of its digits. Excel itself writes 15 (5.20502197805201E+17).
_WHOLE_VALUE = re.compile(rb"<(?:[\w.-]+:)?v>\s*(\d{16,19})\s*</(?:[\w.-]+:)?v>")
#: A cell's tag (not `<col`), under a prefix or none (.NET's Open XML SDK writes `<x:c>`, and
#: the reader reads each tag by its local name): its attributes.
_CELL_TAG = re.compile(rb"<(?:[\w.-]+:)?c(?=[\s>])(" + _IN_TAG_ONCE + rb")>")
#: What stands between a number cell's tag and its value as a spreadsheet program writes it:
#: nothing, or its formula (`<f>…</f>`, a shared one's `<f … />`). Anything else (a comment
#: or an instruction holding `<c r="B3">`, an element around the value) and the value is not
#: the tag's: the reader's is another's.
_BEFORE_VALUE = re.compile(
    rb"\s*(?:<(?:[\w.-]+:)?f\b[^<>]*/>|<(?:[\w.-]+:)?f\b[^<>]*>[^<]*</(?:[\w.-]+:)?f>)?\s*"
)


_COLON = ord(":")


def whole_numbers(
    path: Path, sheet: str, wanted: Collection[tuple[int, int]]
) -> dict[tuple[int, int], str]:
    """The digits the number cells at `wanted` ((row, column), 1-based) of an .xlsx's sheet
    hold when written whole (`_WHOLE_VALUE`): read from the sheet's XML through the same
    stream as the scan (its size, ratio and cell-length checks). A cell written otherwise
    (Excel's rounded 5.20502197805201E+17) is not in it."""
    wanted = set(wanted)
    found: dict[tuple[int, int], str] = {}
    with zipfile.ZipFile(path) as archive:
        parts = {part.lower(): name for part, name in _sheet_paths(archive).items()}
        if list(parts.values()).count(sheet) != 1:
            return found  # two sheets of one name (no program saves it): which is which?
        for info in archive.infolist():
            key = posixpath.normpath(info.filename.replace("\\", "/")).lower()
            if parts.get(key) != sheet:
                continue
            for _start, chunk in _stream(archive, info, path.name, [MAX_XML_BYTES], ods=False):
                after = 0  # a value's tag is looked for after the value before it, not from
                # the chunk's start again for each (values outside cells made that quadratic)
                for value in _WHOLE_VALUE.finditer(chunk):
                    # The last cell opened since the value before (`<c`, or `<x:c` from its "<").
                    end = value.start()
                    opened = max(chunk.rfind(b"<c", after, end), chunk.rfind(b":c", after, end))
                    if opened >= 0 and chunk[opened] == _COLON:
                        opened = chunk.rfind(b"<", after, opened)
                    tag = _CELL_TAG.match(chunk, opened) if opened >= 0 else None
                    after = value.end()
                    if tag is None or not _BEFORE_VALUE.fullmatch(chunk, tag.end(), value.start()):
                        continue
                    attrs = tag.group(1)
                    letters, digits = _cell_ref(attrs)
                    kind = _attributes(attrs).get(b"t", b"n")
                    if not (letters and digits) or attrs.endswith(b"/") or kind != b"n":
                        continue
                    cell = (int(digits), _column_number(letters))
                    if cell in wanted:
                        found[cell] = value.group(1).decode()
            break
    return found


def _check_shared_strings(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, budget: list[int]
) -> None:
    """Refuse shared strings past `MAX_SHARED_STRINGS_BYTES`, by what the entry declares and,
    as that may lie, by what it inflates to."""
    read = info.file_size
    chunks = _stream(archive, info, name, budget, ods=False)
    while read <= MAX_SHARED_STRINGS_BYTES:
        start, data = next(chunks, (-1, b""))
        if start < 0:
            return
        read = start + len(data)
    raise refuse(said(STRINGS_PAST, grouped(MAX_SHARED_STRINGS_BYTES >> 20)), name)


def _check_sheets(count: int, name: str) -> None:
    """Refuse a workbook of more than `MAX_SHEETS` sheets."""
    if count > MAX_SHEETS:
        raise refuse(said(SHEETS_PAST, grouped(count), grouped(MAX_SHEETS)), name)


def _too_big(sheet: str, rows: int, columns: int, name: str) -> ValidationFailed:
    return refuse(
        said(
            SHEET_TOO_BIG,
            sheet,
            grouped(rows),
            grouped(columns),
            grouped(rows * columns),
            grouped(MAX_CELLS),
        ),
        name,
    )


def too_big_together(
    sheet: str, rows: int, columns: int, cells: int, name: str
) -> ValidationFailed:
    """A workbook whose sheets each fit but together span more than `MAX_CELLS`: the reader
    builds every sheet's cells (ten sheets of a million rows of one number took it 1.2 GB)."""
    return refuse(
        said(
            SHEETS_TOO_BIG,
            grouped(cells),
            sheet,
            grouped(rows),
            grouped(columns),
            grouped(MAX_CELLS),
        ),
        name,
    )


def _too_long(sheet: str, rows: int, name: str) -> ValidationFailed:
    """A sheet whose rows run past what a ledger of its width could hold, found while
    scanning (so how far they run is not known yet, nor its width)."""
    return refuse(said(SHEET_TOO_LONG, sheet, str(rows), grouped(MAX_CELLS)), name)


#: Row and cell tags are counted (at C speed) against those written as Excel, WPS and
#: LibreOffice write them, their number first (`<c r="B7"`, `<row r="7"`). A row or cell may
#: be written without its number, each then following the one before, or with it spelled
#: otherwise (`<c\tr='b7'`, `<c s="1" r="B7"`), which the reader reads the same: a chunk
#: holding any such tag is scanned tag by tag (`_Sequence`). Only tags are counted, never
#: ` r="` alone, which a cell's text may hold. "<c" and "<row" also count <cfRule>,
#: <rowBreaks> … (a few, outside the rows): such a chunk is merely scanned the slow way.
#: (Tags under a namespace prefix, `<x:c …>`, send a chunk the slow way before it is counted.)


def _has_bare_tags(chunk: bytes, numbered_rows: int | None = None) -> bool:
    """True when some row or cell tag of the chunk is not written as Excel writes it: its
    number first (a tag the chunk's end cuts is counted in the next chunk, which begins with
    it). `numbered_rows`: how many of its row tags are so written, when counted already."""
    end = chunk.rfind(b"<")
    if numbered_rows is None:
        numbered_rows = chunk.count(b'<row r="', 0, end)
    # <cols> and each <col …> begin as a cell's tag does but are none (one a column's width,
    # before the rows): counted as cells, they sent every sheet's first chunk the slow way.
    tags = chunk.count(b"<c", 0, end) + chunk.count(b"<row", 0, end)
    numbers = chunk.count(b'<c r="', 0, end) + numbered_rows
    return tags > numbers and tags - chunk.count(b"<col", 0, end) > numbers


#: A row's tag as Excel writes it, its number first.
_NUMBERED_ROW = re.compile(rb'<row r="(\d+)"')


def _row_numbers(chunk: bytes) -> list[bytes]:
    """The numbers of the chunk's row tags written as Excel writes them, those the chunk's
    end may cut left to the next chunk (one pass over row tags alone: a sheet has some forty
    times fewer rows than cells)."""
    return _NUMBERED_ROW.findall(chunk, 0, chunk.rfind(b"<"))


#: A row or cell tag, whole (an attribute's value may hold ">").
_ROW_OR_CELL = re.compile(rb"<(?:[\w.-]+:)?(row|c)(?=[\s/>])(" + _IN_TAG_ONCE + rb")>")
#: The same, or one left open: read up to where it is left open (its ">" then missing), so that
#: going through a chunk's tags reads each byte once (`_tags`).
_ROW_OR_CELL_READ = re.compile(rb"<(?:[\w.-]+:)?(row|c)(?=[\s/>])(" + _IN_TAG_ONCE + rb")(>?)")
#: A tag's number as Excel writes it, first; and any attribute, however XML lets it be written.
_FIRST_REF = re.compile(rb'\sr="([A-Za-z]*)(\d*)"')
#: (An attribute's name is looked for from its first letter only: from each of a long name's
#: letters in turn, a tag of a few hundred kilobytes took minutes.)
_ATTRIBUTE = re.compile(rb"""(?<![^\s=/>"'])([^\s=/>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REF_VALUE = re.compile(rb"([A-Za-z]*)(\d*)")


def _attributes(attrs: bytes) -> dict[bytes, bytes]:
    """A tag's attributes by name, each in either quote, with spaces around "=" (a `<col>`'s
    min and max, a relationship's Id and Target): as the reader reads them."""
    return {
        found.group(1): found.group(2) if found.group(2) is not None else found.group(3)
        for found in _ATTRIBUTE.finditer(attrs)
    }


def _ref(attrs: bytes) -> tuple[bytes, bytes]:
    """The column letters and row digits of a row's or cell's number written otherwise than
    first (its `r` attribute, in either quote, with spaces around "=", after other
    attributes: as the reader reads it); empty where it has none."""
    for attribute in _ATTRIBUTE.finditer(attrs):
        if attribute.group(1) == b"r":
            value = attribute.group(2) if attribute.group(2) is not None else attribute.group(3)
            parts = _REF_VALUE.match(value.strip())
            return (parts.group(1), parts.group(2)) if parts else (b"", b"")
    return b"", b""


class _Wider(Exception):
    """A sheet found wider than its earlier reads were measured for (`_scan_sheet`)."""


def _scan_sheet(
    chunks: Iterator[tuple[int, bytes]],
    sheet: str,
    name: str,
    errors: dict[tuple[int, int], str],
    hidden_columns: set[int],
    exact: bool = False,
) -> tuple[int, int, set[int]]:
    """(last row, last column, hidden rows) of one worksheet's XML; its cells holding an
    error value go into `errors`, its hidden columns (`<col … hidden="1"/>`, before its rows)
    into `hidden_columns`. `exact`: every read is measured tag by tag.

    The quick scan measures the cells numbered as far as the sheet's width so far lets no row
    reach (`_wide_or_far`); a value found further right in a later read makes that nearer: the
    earlier reads, measured for a narrower sheet, are then measured again (`_Wider`, raised
    for the caller to scan the sheet anew with `exact`)."""
    last_row = last_column = 0
    measured_from = 0  # the loosest far row the quick scan of an earlier read looked from
    hidden: set[int] = set()
    heading = True  # before the rows
    sequence = _Sequence()
    far_row_open = False  # the last chunk ended inside a far row (see below)
    for start, chunk in chunks:
        numbered_rows = _row_numbers(chunk)
        # An error's type, `t="e"` (or spaced, `t = "e"`, or in single quotes): rare, so one
        # search of the chunk (and one for a single quote, which the usual chunk has none of).
        has_errors = b'"e"' in chunk or (b"'" in chunk and b"'e'" in chunk)
        error_cells = _error_tags(chunk) if has_errors else []
        # One written with no number (`<c t="e">`), or part of one (`r="C"`), is placed where
        # the tag by tag count places it.
        unnumbered = any(not all(_cell_ref(attrs)) for _at, attrs, _value in error_cells)
        # A formula may have no result saved: each cell is looked at where a formula is not
        # followed at once by its result ("f" looked for first, at memchr's speed: the
        # export's rows hold none); one written with no number, or part of one, is placed
        # where the tag by tag count places it, as an error.
        unsaved = _unsaved_tags(chunk) if b"f" in chunk and not _results_follow(chunk) else []
        unnumbered = unnumbered or any(not all(_cell_ref(attrs)) for _at, attrs in unsaved)
        if heading:  # <cols> comes before the rows (<sheetData>): not looked for after them
            heading = b"sheetData" not in chunk
            # (up to the chunk's last ">", as the rows below: a `<col` after it is left open)
            columns = _COL.finditer(chunk, 0, chunk.rfind(b">") + 1) if b"col" in chunk else ()
            for match in columns:
                attrs = match.group(1)
                bounds = _attributes(attrs)
                first, last = bounds.get(b"min", b""), bounds.get(b"max", b"")
                shut = _HIDDEN.search(attrs) or _ZERO_WIDTH.search(attrs)
                if shut and _DIGITS.match(first) and _DIGITS.match(last):
                    last_kept = min(int(last), MAX_VALUE_COLUMNS)
                    hidden_columns.update(range(max(int(first), 1), last_kept + 1))
        # A cell under a namespace prefix (`<x:c …>`, any prefix, declared or not: the reader
        # reads it as a cell), or a comment or CDATA section (its text may look like tags):
        # looked at tag by tag, as a chunk with a tag not written as Excel writes it. (":" and
        # "!" are looked for first, at memchr's speed: the export writes neither.)
        if (
            (b":" in chunk and b":c" in chunk)
            or (b"!" in chunk and b"<!" in chunk)
            or _has_bare_tags(chunk, len(numbered_rows))
            or unnumbered
            or exact
        ):
            sequence.scan(start, chunk, hidden)
            last_row = max(last_row, sequence.last)
            last_column = max(last_column, sequence.widest)
        else:
            if b"hidden" in chunk:  # a row may be hidden: each row looked at
                # (up to the chunk's last ">": a tag after it is left open, and the next chunk
                # begins with it)
                for match in _ROW.finditer(chunk, 0, chunk.rfind(b">") + 1):
                    attrs = match.group(1)
                    number = _ROW_NUMBER.search(attrs)
                    if number:
                        sequence.row = int(number.group(1))
                        if _HIDDEN.search(attrs):
                            hidden.add(sequence.row)
            else:  # none is: the chunk's last numbered row is all that counts
                sequence.row = _last_row_number(chunk) or sequence.row
            valued = _last_valued_row(chunk)
            last_row = max(last_row, sequence.row if valued < 0 else valued)
            # Wide cells and far ones (a far cell in a low row: `<row r="2"><c r="A750000">`,
            # which the reader places by its own number), looked at again from nearer when
            # one of them makes the sheet wider.
            far = _far_rows(last_column)
            while True:
                for match in _wide_or_far(*far).finditer(chunk):
                    if match.group(2).endswith(b"/"):  # empty: no value
                        continue
                    ref = match.group(1)
                    letters = ref.rstrip(b"0123456789")
                    last_column = max(last_column, _column_number(letters))
                    last_row = max(last_row, int(ref[len(letters) :]))
                if _far_rows(last_column) == far:
                    break
                far = _far_rows(last_column)
            looked_from = far[0] * 10 ** (far[1] - 1)
            if measured_from > looked_from:
                raise _Wider
            measured_from = max(measured_from, looked_from)
            # A row written ahead of rows with lower numbers (a broken or hostile program's
            # order: `<row r="750000">` first) is not the chunk's last, nor is its last cell:
            # one far enough to matter sends the chunk tag by tag, which measures it if it
            # holds a value (LibreOffice's empty last row 1048576 is passed over so). So does
            # the chunk after one ending inside such a row: it begins with the rest of its
            # cells, not with its tag.
            farthest = max(map(int, numbered_rows), default=0)
            width = max(last_column, ASSUMED_WIDTH)
            if far_row_open or (farthest > last_row and farthest * width > MAX_CELLS):
                sequence.scan(start, chunk, hidden)
                last_row = max(last_row, sequence.last)
                last_column = max(last_column, sequence.widest)
            else:
                # Its last row counted tag by tag: a cell with no number at the next read's
                # start follows that row's last cell (not the last one counted before).
                sequence.scan(start, chunk, hidden, _last_row_tag(chunk))
        # After the count: a cell with no number is placed where it is counted.
        if unsaved:
            _unsaved_results(unsaved, errors, start, sequence.placed)
        if error_cells:
            _error_cells(error_cells, errors, start, sequence.placed)
        width = max(last_column, ASSUMED_WIDTH)
        far_row_open = sequence.row > last_row and sequence.row * width > MAX_CELLS
        if last_row * width > MAX_CELLS:
            if width > last_column:  # the width is the one assumed, not the sheet's
                raise _too_long(sheet, last_row, name)
            raise _too_big(sheet, last_row, width, name)
    return last_row, last_column, hidden


def _last_row_number(chunk: bytes) -> int:
    """The number of the chunk's last row tag that has one (0 where none has), found from the
    end: what going through every row tag of a chunk with no hidden row ends on, at a
    hundred thousand regex matches fewer per 100 000-row sheet. (A row tag after the chunk's
    last ">" is left open, and not read: each read to the chunk's end took minutes.)"""
    at = chunk.rfind(b"<row", 0, max(chunk.rfind(b">"), 0))
    while at >= 0:
        match = _ROW.match(chunk, at)
        number = _ROW_NUMBER.search(match.group(1)) if match else None
        if number:
            return int(number.group(1))
        at = chunk.rfind(b"<row", 0, at)
    return 0


def _last_row_tag(chunk: bytes) -> int:
    """Where the chunk's last whole row tag starts (0 where it has none: its cells all
    continue the row before). A row tag after the chunk's last ">" is left open: not read."""
    at = chunk.rfind(b"<row", 0, max(chunk.rfind(b">"), 0))
    while at >= 0 and not _ROW_OR_CELL.match(chunk, at):  # not <rowBreaks>, nor a cut tag
        at = chunk.rfind(b"<row", 0, at)
    return max(at, 0)


def _last_valued_row(chunk: bytes) -> int:
    """The row of the chunk's last cell holding a value (0 where none, -1 where its number is
    not in the chunk): the last cell closed by `</c>` or `</c >` (an empty cell is written
    `<c …/>`), its number that of the last cell's tag before its end (`<c r="…"`, as every
    cell's tag of the chunk is written: a cell's text may hold ` r="…"`)."""
    end = chunk.rfind(b"</c")
    while end >= 0 and chunk[end + 3 : end + 4] not in _TAG_ENDS:  # not </cols>, </cfRule> …
        end = chunk.rfind(b"</c", 0, end)
    if end < 0:
        return 0
    tag = chunk.rfind(b'<c r="', 0, end)
    at = _CELL_AT.match(chunk, tag + 2) if tag >= 0 else None
    return int(at.group(2)) if at else -1


#: What may follow an end tag's name.
_TAG_ENDS = (b">", b" ", b"\t", b"\n", b"\r")


#: A column's width and visibility (`<col min="3" max="5" hidden="1"/>`), not `<cols>`.
_COL = re.compile(rb"<(?:\w+:)?col\s([^>]*)>")
_DIGITS = re.compile(rb"^\d{1,7}$")
#: A column dragged to no width, which shows as hidden (and is unhidden like one); in either
#: quote, with spaces around "=", as `_HIDDEN`.
_ZERO_WIDTH = re.compile(rb"""\bwidth\s*=\s*(?:"0(?:\.0*)?"|'0(?:\.0*)?')""")
#: A cell's type saying it holds an error value (`t="e"`, in either quote, with spaces around
#: "=", as the reader reads it), or a value in quotes, passed over whole (`x='t="e"'` is a
#: value, not the cell's type).
_ERROR_TYPE = re.compile(rb"""(\bt\s*=\s*(?:"e"|'e'))|"[^"]*+"|'[^']*+'""")
#: A cell's end, under any prefix or none.
_CELL_END = re.compile(rb"</(?:[\w.-]+:)?c\s*>")
#: How far past its tag a cell holding an error value is looked at for its end (its formula,
#: then its value).
_ERROR_BODY = 2000
_ERROR_VALUE = re.compile(rb"<(?:[\w.-]+:)?v\s*>([^<]{1,20})</(?:[\w.-]+:)?v\s*>")
_CELL_AT = re.compile(rb'\sr="([A-Za-z]+)(\d+)"')


#: What `Scan.errors` holds for a formula whose file keeps no result (written by a program,
#: not saved by Excel, WPS or LibreOffice, which store each formula's result).
NO_RESULT = "（公式没有保存结果）"
#: What follows the tag of a cell holding a formula and no value (`<c r="C6"><f>…</f><v/></c>`).
_UNSAVED = re.compile(
    rb"\s*<(?:[\w.-]+:)?f\b[^>]*(?:/>|>[^<]*</(?:[\w.-]+:)?f\s*>)\s*"
    rb"(?:<(?:[\w.-]+:)?v\s*/>|<(?:[\w.-]+:)?v\s*>\s*</(?:[\w.-]+:)?v\s*>)?\s*</(?:[\w.-]+:)?c\s*>"
)


def _results_follow(chunk: bytes) -> bool:
    """Whether every formula of a chunk is followed at once by its saved result, as Excel, WPS
    and LibreOffice write each (`<f>A2*2</f><v>2</v>`, a shared formula's `<f …/><v>2</v>`):
    then no cell of it needs a closer look. One that keeps no result, or a formula under a
    namespace prefix (`<x:f>`, whatever the prefixes of the chunk's other tags), or spaced from
    its result, sends the chunk cell by cell (`_unsaved_results`); so does a data validation's
    `<formula1>` (after the rows), counted as a formula."""
    if b":f" in chunk:
        return False
    formulas = chunk.count(b"<f")
    if not formulas:
        return True
    followed = chunk.count(b"</f><v>") + chunk.count(b"/><v>") - chunk.count(b"<v></v>")
    # A result of spaces alone (`<v> </v>`) the reader reads as a blank cell: no result.
    return formulas <= followed and not _SPACED_RESULT.search(chunk)


#: A result starting with a space (`<v> </v>`; `<v> 6 </v>` is looked at closer, and is one).
_SPACED_RESULT = re.compile(rb"<v>\s")


def _tags(chunk: bytes, begin: int = 0) -> Iterator[re.Match[bytes]]:
    """The chunk's row and cell tags (those from `begin` on) one after another, as the reader
    reads them: each whole, under any prefix or none (`_ROW_OR_CELL`'s groups: its name, its
    attributes), a value in quotes holding ">" or not; a tag inside a quoted value is none.
    One left open is passed over (the next chunk begins with a tag the chunk's end cuts; one
    open to the sheet's end is no sheet), the tags looked for again from where it was left
    open, at the chunk's end or at a quote never closed: each byte is read once."""
    for tag in _ROW_OR_CELL_READ.finditer(chunk, begin):
        if tag.group(3):
            yield tag


def _unsaved_tags(chunk: bytes) -> list[tuple[int, bytes]]:
    """The chunk's cells holding a formula with no result saved (`_UNSAVED`), each where its
    tag starts, and its attributes (a cell closed in its tag, `<c r="C6"/>`, holds none)."""
    return [
        (tag.start(), tag.group(2))
        for tag in _tags(chunk)
        if tag.group(1) == b"c"
        and not tag.group(2).endswith(b"/")
        and _UNSAVED.match(chunk, tag.end())
    ]


def _error_tags(chunk: bytes) -> list[tuple[int, bytes, str]]:
    """The chunk's cells holding an error value (#N/A …), each where its tag starts, its
    attributes and its value: its type read among its attributes (`_ERROR_TYPE`), its value
    before its end (`</c>`, at most `_ERROR_BODY` bytes on). A cell closed in its tag
    (`<c r="B3" t="e"/>`) holds none: the reader reads it blank, not as the next cell's value.
    Tags inside an error cell (up to its end) are not read as cells."""
    found: list[tuple[int, bytes, str]] = []
    ends = _CELL_END.finditer(chunk)
    end = next(ends, None)  # the first cell's end not before the tag looked at
    after = 0  # the end of the last error cell read
    for tag in _tags(chunk):
        attrs = tag[2]
        if b"e" not in attrs or tag[1] != b"c" or tag.start() < after or attrs.endswith(b"/"):
            continue  # (the usual cell, `r="A2" s="3" t="s"`, passed over by its first test)
        if not any(is_type[1] for is_type in _ERROR_TYPE.finditer(attrs)):
            continue
        while end is not None and end.start() < tag.end():
            end = next(ends, None)
        if end is None:
            break
        if end.start() - tag.end() > _ERROR_BODY:
            continue
        after = end.end()
        value = _ERROR_VALUE.search(chunk, tag.end(), end.start())
        if value:
            found.append((tag.start(), attrs, value.group(1).decode("ascii", "replace")))
    return found


def _unsaved_results(
    cells: list[tuple[int, bytes]],
    errors: dict[tuple[int, int], str],
    start: int,
    placed: dict[int, tuple[int, int]],
) -> None:
    """The cells of a chunk (starting `start` bytes into the sheet) holding a formula with no
    result saved (`_unsaved_tags`: each under any prefix, or none, whatever its formula's and
    its result's), into `errors`, each where it is (`_cell_at`)."""
    for at, attrs in cells:
        cell = _cell_at(at, attrs, start, placed)
        if cell and len(errors) < MAX_ERRORS:
            errors.setdefault(cell, NO_RESULT)


def _cell_at(
    at: int, attrs: bytes, start: int, placed: dict[int, tuple[int, int]]
) -> tuple[int, int] | None:
    """Where the cell whose tag starts `at` bytes into a chunk (itself `start` bytes into the
    sheet) is: where its number says (however written), or, written with no number or part of
    one, where the tag by tag count placed it (`placed`, by where its tag starts)."""
    letters, digits = _cell_ref(attrs)
    if letters and digits:
        return int(digits), _column_number(letters)
    return placed.get(start + at)


def _cell_ref(attrs: bytes) -> tuple[bytes, bytes]:
    """A cell's number (letters, digits; either may be empty), as Excel writes it or however
    XML lets it be written (as the tag by tag count reads it)."""
    found = _FIRST_REF.match(attrs)
    return (found[1], found[2]) if found else _ref(attrs)


def _error_cells(
    cells: list[tuple[int, bytes, str]],
    errors: dict[tuple[int, int], str],
    start: int,
    placed: dict[int, tuple[int, int]],
) -> None:
    """The cells of a chunk (starting `start` bytes into the sheet) that hold an error value
    (`_error_tags`), into `errors`, each where it is (`_cell_at`)."""
    for at, attrs, value in cells:
        cell = _cell_at(at, attrs, start, placed)
        if cell:
            errors[cell] = value


class _Sequence:
    """Rows and cells counted tag by tag, numbered or following the one before; how far the
    cells holding a value reach (an empty cell is written `<c …/>`)."""

    def __init__(self) -> None:
        self.row = 0  # the current row's number
        self.column = 0  # the current cell's column
        self.last = 0  # the last row with a cell holding a value
        self.widest = 0  # the last column of such a cell
        self._seen = 0  # where the last counted tag ended: a tag seen again in a tail is skipped
        #: Where each cell written with no number, or part of one, was counted (row, column), by
        #: where its tag starts; kept for the chunk counted last (its error value, `_error_cells`,
        #: may end in the next chunk, which begins with the tag).
        self.placed: dict[int, tuple[int, int]] = {}

    def scan(self, start: int, chunk: bytes, hidden: set[int], begin: int = 0) -> None:
        """Count the row and cell tags of a chunk that starts `start` bytes into the sheet
        (those from `begin` on)."""
        first_ref = _FIRST_REF.match
        self.placed = {at: cell for at, cell in self.placed.items() if at >= start}
        for match in _tags(chunk, begin):
            if start + match.start() < self._seen:
                continue
            self._seen = start + match.end()
            attrs = match.group(2)
            found = first_ref(attrs)
            letters, digits = found.groups() if found else _ref(attrs)
            if match.group(1) == b"row":
                self.row = int(digits) if digits else self.row + 1
                self.column = 0
                if _HIDDEN.search(attrs):
                    hidden.add(self.row)
            else:
                self.column = _column_number(letters) if letters else self.column + 1
                if not (letters and digits):
                    self.placed[start + match.start()] = (
                        int(digits) if digits else self.row,
                        self.column,
                    )
                if not attrs.endswith(b"/"):
                    # The reader places a cell by its own number, whatever its row's says.
                    self.last = max(self.last, int(digits) if digits else self.row)
                    self.widest = max(self.widest, self.column)


def _check_ods(archive: zipfile.ZipFile, name: str) -> Scan:
    """content.xml inflated in bounded memory; repeated rows/columns that hold content bounded.

    LibreOffice writes the unused rest of a sheet as one row repeated a million times with an
    empty cell repeated a thousand times: that is normal and reads as nothing. What is refused
    is a repeat of cells holding values (`MAX_VALUE_ROWS`, `MAX_VALUE_COLUMNS`), which the
    reader would write out one by one, or a repeat beyond a sheet's largest size.
    """
    budget = [MAX_XML_BYTES]
    try:
        info = archive.getinfo("content.xml")
    except KeyError:
        raise ValidationFailed(said(NOT_ODS, name)) from None
    # Saved with a password (its content.xml encrypted, the manifest saying how): said so, its
    # content not read as a cut-short one.
    if _encrypted(archive, name, budget):
        raise password_protected(name, ".ods")
    rows = _OdsRows()
    ending = _Ending()
    chunks = _stream(archive, info, name, budget, ods=True)
    for start, chunk in chunks:
        ending.read(start, chunk)
        rows.scan(start, chunk)
        for kind, count in _REPEAT.findall(chunk):
            if _count(count) > 1_100_000:
                repeated = REPEATED_ROWS if kind == b"rows" else REPEATED_COLUMNS
                raise refuse(said(repeated, str(_count(count))), name)
            if _count(count) == 0:
                # (the reader makes no row or cell of it: what it holds would be left out unsaid)
                raise refuse(said(REPEATED_NO_ROW if kind == b"rows" else REPEATED_NO_CELL), name)
        # A repeated row whose first cell holds a value, a repeated cell holding one: counted
        # tag by tag across reads (a row's tag and its first cell may lie in two reads, a
        # tag's quoted value may hold ">"; a search of the chunk for each row's tag read each
        # left open on to the chunk's end, and again from each repeat in it).
        if rows.repeated_row:
            raise refuse(said(FILLED_ROW_REPEATED, grouped(rows.repeated_row)), name)
        if rows.repeated_cell:
            raise refuse(said(FILLED_CELL_REPEATED, grouped(rows.repeated_cell)), name)
        if rows.named_twice:
            # The reader reads one of them for both (the other's people lost unsaid), and the
            # digits noted of each (`Scan.whole`) would serve the other's cells.
            raise refuse(said(NAMED_TWICE, rows.named_twice), name)
        for sheet, (last_row, last_column) in rows.extents.items():
            # One value after a million empty rows (or 16 000 empty cells) makes the reader
            # build every cell before it: 3 GB for a 15 KB file.
            if last_row * last_column > MAX_CELLS:
                raise _too_big(sheet, last_row, last_column, name)
        # … and all of them together: the reader builds every sheet's cells.
        if rows.cells > MAX_CELLS:
            last_row, last_column = rows.extents[rows.over]
            raise too_big_together(rows.over, last_row, last_column, rows.cells, name)
        if rows.hidden_runs > MAX_HIDDEN_RUNS:
            raise refuse(
                said(HIDDEN_RUNS_PAST, grouped(rows.hidden_runs), grouped(MAX_HIDDEN_RUNS)), name
            )
    _check_sheets(len(rows.hidden), name)  # (every sheet has its entry there)
    # Cut short (copied in part, saved half): python-calamine may never return on it.
    if not _DOCUMENT_END.search(ending.last):
        raise unreadable(name, said(ODS_CUT))
    return Scan(
        hidden_rows={sheet: found for sheet, found in rows.hidden.items() if found},
        hidden_columns={sheet: found for sheet, found in rows.hidden_columns.items() if found},
        extents=rows.extents,
        errors={sheet: found for sheet, found in rows.errors.items() if found},
        whole={sheet: found for sheet, found in rows.whole.items() if found},
    )


#: The end of an ods's content.xml: its closing document tag, under any prefix (whitespace
#: after it is read off first, `_Ending`).
_DOCUMENT_END = re.compile(rb"</(?:[\w.-]+:)?document-content[ \t\r\n]*>\Z")
#: XML's whitespace.
_BLANK = b" \t\r\n"


class _Ending:
    """The last bytes of an entry read chunk by chunk (each chunk beginning with what the
    one before kept), up to the last that is not whitespace (`last`)."""

    def __init__(self) -> None:
        self.last = b""  # at most 64 bytes, ending on one that is not whitespace
        self._blank = b""  # the whitespace read after them (at most 64 bytes of it)
        self._read_to = 0  # where in the entry the bytes read so far end

    def read(self, start: int, chunk: bytes) -> None:
        fresh = chunk[max(0, self._read_to - start) :]
        self._read_to = start + len(chunk)
        body = fresh.rstrip(_BLANK)
        if body:
            self.last = (self.last + self._blank + body)[-64:]
            self._blank = fresh[len(body) :][-64:]
        else:
            self._blank = (self._blank + fresh)[-64:]


def _encrypted(archive: zipfile.ZipFile, name: str, budget: list[int]) -> bool:
    """Whether an ods's manifest says its parts are encrypted (as LibreOffice writes a file
    saved with a password)."""
    try:
        info = archive.getinfo("META-INF/manifest.xml")
    except KeyError:
        return False
    chunks = _stream(archive, info, name, budget, ods=True)
    return any(b"encryption-data" in chunk for _start, chunk in chunks)


#: A sheet (`<table:table …>`), a row or a cell of an ods's content.xml, read once with its
#: quotes minded (a quoted value may hold ">"): its name, its attributes, and its end (None
#: where it is left open: at the chunk's end, at a quote never closed, at a "/" not closing it),
#: so that going through a chunk's tags reads each byte once (`_OdsRows.scan`).
_ODS_TAG_READ = re.compile(
    rb"<table:(table|table-column|table-row|table-cell|covered-table-cell)(?=[\s/>])"
    rb"((?:\s" + _IN_TAG_ONCE + rb")?)(/?>)?"
)
#: A sheet's name and repeats, in either quote, with spaces around "=" (as `_REPEAT`).
_ODS_NAME = re.compile(rb"""\btable:name\s*=\s*(?:"([^"]*)"|'([^']*)')""")
#: (Under the prefix table: only, as the reader repeats them: a row or cell repeated by
#: `t:number-rows-repeated`, however t is bound, is one row or cell there, and counted as more
#: here, the cells after it were noted a row or column off — `Scan.whole`'s digits given to the
#: cell below or beside their own.)
_ODS_ROWS = re.compile(rb"(?<![\w.:-])table:number-rows-repeated" + _NUMBER)
_ODS_COLUMNS = re.compile(rb"(?<![\w.:-])table:number-columns-repeated" + _NUMBER)
#: A hidden row or column, in either quote, with spaces around "=" (as `_HIDDEN`).
_ODS_HIDDEN = re.compile(
    rb"""\btable:visibility\s*=\s*(?:"(?:collapse|filter)"|'(?:collapse|filter)')"""
)
#: A cell showing a formula's error (LibreOffice: calcext:value-type="error"), and its text
#: (its paragraph's tag under any prefix, with attributes or none).
_ODS_TEXT = re.compile(rb"\s*<(?:[\w.-]+:)?p(?:\s[^>]*)?>([^<]{1,60})</(?:[\w.-]+:)?p\s*>")


def _ods_error(attrs: bytes) -> bool:
    """Whether a cell's attributes say it shows a formula's error: a `value-type` of "error"
    under any prefix, in either quote, with spaces around "=", its letters written or referred
    to (`&#101;rror`), as XML reads it."""
    if b"error" not in attrs and b"&" not in attrs:  # the usual cell: one search
        return False
    for attribute in _ATTRIBUTE.finditer(attrs):
        if attribute.group(1).rpartition(b":")[2] == b"value-type":
            value = attribute.group(2) if attribute.group(2) is not None else attribute.group(3)
            if _unescape(value.decode("utf-8", "replace")) == "error":
                return True
    return False


#: The runs of hidden rows an .ods's sheets may have together (`RowRanges`): every other row
#: of the largest 台账 hidden (a filter) has as many.
MAX_HIDDEN_RUNS = MAX_VALUE_ROWS // 2
#: The error cells noted per sheet at most (a sheet of errors is said by its first ones).
MAX_ERRORS = 10_000
#: … and an .ods's sheets together (a row of an error repeated a million times, on each of
#: 2 000 sheets, noted 20 million: 2.5 GB from a file of a few KB).
MAX_WORKBOOK_ERRORS = 10 * MAX_ERRORS
#: A number cell's value in 16 to 19 digits, no exponent (`Scan.whole`), in either quote,
#: with spaces around "=" (as `_REPEAT`); and the cell being a number's. The value is the one
#: the reader reads, office:value: another prefix's (foo:value="…") is not the cell's number.
_ODS_WHOLE = re.compile(rb"""(?:^|\s)office:value\s*=\s*(?:"(\d{16,19})"|'(\d{16,19})')""")
_ODS_FLOAT = re.compile(rb"""(?:^|\s)(?:[\w.-]+:)?value-type\s*=\s*(?:"float"|'float')""")
#: The whole numbers noted at most, the workbook's sheets together (two ID columns of the
#: largest 台账).
MAX_WHOLE = 2 * MAX_VALUE_ROWS
#: A number cell's end, and the tags and the marks between a shown number's digits
#: (`_shows_other_digits`).
_ODS_CELL_END = re.compile(rb"</table:(?:covered-)?table-cell\s*>")
_ODS_MARKUP = re.compile(rb"<[^>]*>|[\s,]")
_LONG_RUN = re.compile(rb"\d{16,}")
#: How far after a number cell's tag its end is looked for (its text, its paragraph's tags).
_SHOWN_AT_MOST = 512


def _shows_other_digits(chunk: bytes, tag: re.Match[bytes], digits: bytes) -> bool:
    """Whether a number cell (its tag `tag`, read whole) shows a number of 16 digits or more
    that is not the number of `digits`, its office:value (its leading zeros none of it), nor
    that number rounded (520502197503161000): a program that wrote one number into the value
    and another into the text. Which is the person's is not known; the value is not taken
    whole. A cell shown otherwise (5.20502E+17), shown by no text, or whose text is not in this
    read, shows no other."""
    if tag.group(3) != b">":
        return False  # `<table:table-cell …/>`: no text
    # (a number's text is short: a cell's end looked for further, from each of thousands of
    # cells left open, read each chunk's bytes thousands of times)
    end = _ODS_CELL_END.search(chunk, tag.end(), tag.end() + _SHOWN_AT_MOST)
    if end is None:
        return False
    shown = _ODS_MARKUP.sub(b"", chunk[tag.end() : end.start()])
    # (the numbers, not as written: a value written 0622… is shown 622…, the number it is)
    number = digits.lstrip(b"0")
    for run in _LONG_RUN.findall(shown):
        run = run.lstrip(b"0")
        kept = run.rstrip(b"0")
        if run != number and not (len(run) == len(number) and number.startswith(kept)):
            return True
    return False


class _OdsRows:
    """Counts an ods's rows sheet by sheet (repeats included), notes the hidden rows (as runs,
    `RowRanges`) and columns, the cells showing a formula's error (`errors`), the number cells
    whose value is written whole (`whole`), how far the cells holding values reach (`extents`:
    last row, last column), and what the workbook holds together (`cells`, `hidden_runs`, a
    sheet's name given twice), each bounded for the whole workbook."""

    def __init__(self) -> None:
        self.hidden: dict[str, RowRanges] = {}
        self.hidden_columns: dict[str, set[int]] = {}
        self.extents: dict[str, tuple[int, int]] = {}
        self.errors: dict[str, dict[tuple[int, int], str]] = {}
        self.whole: dict[str, dict[tuple[int, int], str]] = {}
        self._sheet = RowRanges()
        self._name = ""
        self._columns_defined = 0  # the sheet's <table:table-column>s counted (repeats included)
        self._row = 1  # the next row's number
        self._first_of_row = 0  # the first and last rows the current row tag stands for
        self._last_of_row = 0
        self._column = 0  # cells already seen in the current row (repeats included)
        self._seen = 0  # where the last counted tag ended: a tag seen again in a tail is skipped
        #: A row holding a value in its first cell repeated more than `MAX_VALUE_ROWS` times,
        #: a cell holding one repeated more than `MAX_VALUE_COLUMNS` times: how many (0: none).
        self.repeated_row = 0
        self.repeated_cell = 0
        #: A sheet's name a second table has too ('' while none has).
        self.named_twice = ""
        #: The cells the sheets' extents span together, and the sheet whose extent took them
        #: past `MAX_CELLS` ('' while none has).
        self.cells = 0
        self.over = ""
        #: The runs of hidden rows noted (`RowRanges.runs`), the sheets together.
        self.hidden_runs = 0
        #: The whole numbers (`whole`) that may still be noted, the workbook's sheets together.
        self._whole_left = MAX_WHOLE
        #: The error cells (`errors`) that may still be noted, the sheets together.
        self._errors_left = MAX_WORKBOOK_ERRORS

    def scan(self, start: int, chunk: bytes) -> None:
        """Count the tags of one chunk that starts `start` bytes into content.xml."""
        closed_to = chunk.rfind(b"</table:")
        for match in _ODS_TAG_READ.finditer(chunk):
            if match.group(3) is None:  # left open
                if _cut_open(chunk, match):
                    return  # at the read's end or a quote never closed: the next begins with it
                continue  # `<table:table-cell/ …>`: no tag
            if start + match.start() < self._seen:
                continue
            kind, attrs = match.group(1), match.group(2)
            cell = kind.endswith(b"cell")
            # ("error" or a reference looked for first: the usual cell has neither.)
            error = cell and (b"error" in attrs or b"&" in attrs) and _ods_error(attrs)
            follows = _error_text_follows(chunk, match, closed_to) if error else False
            if follows is None:
                return  # its text is in the next read, which begins with this cell (`_kept`)
            self._seen = start + match.end()
            if cell:
                repeated = _ODS_COLUMNS.search(attrs)
                count = _count(repeated.group(1)) if repeated else 1
                if error:
                    shown = _ODS_TEXT.match(chunk, match.end())
                    text = _unescape(shown.group(1).decode("utf-8", "replace")) if shown else ""
                    self._error(count, text.strip()[:20])
                if b"value-type" in attrs:
                    if count > MAX_VALUE_COLUMNS:
                        self.repeated_cell = self.repeated_cell or count
                    if (
                        not self._column
                        and self._last_of_row - self._first_of_row >= MAX_VALUE_ROWS
                    ):
                        rows_of = self._last_of_row - self._first_of_row + 1
                        self.repeated_row = self.repeated_row or rows_of
                    # (a number's cell looked at only: most cells are text; not one a merged
                    # cell covers, its number hidden under the one the sheet shows there)
                    number = b"float" in attrs and kind == b"table-cell"
                    whole = _ODS_WHOLE.search(attrs) if number else None
                    if whole and self._whole_left > 0 and _ODS_FLOAT.search(attrs):
                        digits = b"".join(whole.groups(b""))
                        if not _shows_other_digits(chunk, match, digits):
                            self._whole(count, digits.decode())
                    self._column += count
                    rows, columns = self.extents.get(self._name, (0, 0))
                    grown = (max(rows, self._last_of_row), max(columns, self._column))
                    self.extents[self._name] = grown
                    self.cells += grown[0] * grown[1] - rows * columns
                    if self.cells > MAX_CELLS and not self.over:
                        self.over = self._name
                else:
                    self._column += count
                continue
            if kind == b"table":  # a sheet: its rows count from 1
                found = _ODS_NAME.search(attrs)
                named = b"".join(found.groups(b"")) if found else b""  # the one quote matched
                self._name = _unescape(named.decode("utf-8", "replace"))
                if self._name and self._name in self.hidden:
                    self.named_twice = self.named_twice or self._name
                self._sheet = self.hidden.setdefault(self._name, RowRanges())
                self._row = 1
                self._columns_defined = 0
                continue
            if kind == b"table-column":
                repeated = _ODS_COLUMNS.search(attrs)
                count = _count(repeated.group(1)) if repeated else 1
                first = self._columns_defined + 1
                self._columns_defined += count
                if _ODS_HIDDEN.search(attrs) and first <= MAX_VALUE_COLUMNS:
                    last = min(self._columns_defined, MAX_VALUE_COLUMNS)
                    self.hidden_columns.setdefault(self._name, set()).update(range(first, last + 1))
                continue
            repeated = _ODS_ROWS.search(attrs)
            count = _count(repeated.group(1)) if repeated else 1
            if _ODS_HIDDEN.search(attrs):
                # Rows past the largest 台账 hold nothing to read (LibreOffice may hide its
                # empty tail of a million rows at once).
                last = min(self._row + count, MAX_VALUE_ROWS + 1)
                runs = self._sheet.runs
                self._sheet.add(self._row, last)
                self.hidden_runs += self._sheet.runs - runs
            self._first_of_row, self._last_of_row = self._row, self._row + count - 1
            self._column = 0
            self._row += count

    def _whole(self, columns: int, digits: str) -> None:
        """Note the cells of the current row (and its repeats) a number cell holding `digits`
        spans."""
        found = self.whole.setdefault(self._name, {})
        for row in range(self._first_of_row, self._last_of_row + 1):
            for column in range(self._column + 1, self._column + columns + 1):
                # (the workbook's, not each sheet's: a row repeated a million times on each
                # of 2 000 sheets noted 800 million)
                if self._whole_left <= 0:
                    return
                self._whole_left -= 1
                found[(row, column)] = digits

    def _error(self, columns: int, shown: str) -> None:
        """Note the cells of the current row (and its repeats) a cell showing an error spans."""
        found = self.errors.setdefault(self._name, {})
        for row in range(self._first_of_row, self._last_of_row + 1):
            for column in range(self._column + 1, self._column + columns + 1):
                if len(found) >= MAX_ERRORS or self._errors_left <= 0:
                    return
                self._errors_left -= 1
                found[(row, column)] = shown or "#错误"


# -- .xls (BIFF8) ---------------------------------------------------------------------------

#: BIFF8 record types ([MS-XLS] 2.3): a substream's start and end, a sheet's name and place,
#: a row's height and flags, the workbook's encryption.
_XLS_BOF = 0x0809
_XLS_EOF = 0x000A
_XLS_SHEET = 0x0085  # BoundSheet8
_XLS_ROW = 0x0208
_XLS_FILEPASS = 0x002F
_XLS_SST = 0x00FC  # the shared string table, continued by CONTINUE records
_XLS_CONTINUE = 0x003C
_XLS_HIDDEN = 0x0020  # a ROW record's fDyZero: the row is hidden
_XLS_WORKSHEET = 0  # BoundSheet8.dt of a worksheet (not a chart or macro sheet)
#: The records of cells holding a value, each starting with its row and column (2 bytes
#: each): FORMULA, RSTRING, LABELSST, NUMBER, LABEL, BOOLERR, RK. A MULRK holds several RK
#: cells of one row, its last column in its last two bytes. Blank (formatted) cells do not
#: count: the reader sizes a sheet by its values.
_XLS_CELLS = frozenset({0x0006, 0x00D6, 0x00FD, 0x0203, 0x0204, 0x0205, 0x027E})
_XLS_MULRK = 0x00BD
_XLS_COLINFO = 0x007D
_XLS_FORMULA = 0x0006
_XLS_BOOLERR = 0x0205
_XLS_MAY_ERR = frozenset({_XLS_FORMULA, _XLS_BOOLERR})
#: The error values of a BOOLERR or a formula's cached result ([MS-XLS] 2.5.97.2 BErr).
_XLS_ERRORS = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
    0x2B: "#GETTING_DATA",
}


def _check_xls(path: Path, name: str) -> Scan:
    """The hidden rows and columns, extent and error cells of each worksheet of a BIFF8
    workbook.

    An encrypted workbook is refused (`password_protected`); an older one (BIFF5's `Book`
    stream) gives no hidden rows here, the reader says what it can read of it.
    """
    try:
        with olefile.OleFileIO(str(path)) as ole:
            if not ole.exists("Workbook"):
                return Scan()
            data = ole.openstream("Workbook").read()
    except Exception:  # noqa: BLE001 - olefile raises several types on a broken file
        raise unreadable(name, said(BROKEN_FILE)) from None
    scan = Scan()
    sheets: list[tuple[int, str]] = []
    strings, in_table = 0, False  # the bytes of shared string tables: SST, its CONTINUEs
    for kind, body in _records(data, 0):
        if kind == _XLS_FILEPASS:
            raise password_protected(name)
        in_table = kind == _XLS_SST or (in_table and kind == _XLS_CONTINUE)
        strings += len(body) if in_table else 0
        if strings > MAX_XLS_STRINGS_BYTES:
            raise refuse(said(XLS_STRINGS_PAST, grouped(MAX_XLS_STRINGS_BYTES >> 20)), name)
        if kind == _XLS_SHEET and len(body) >= 8 and body[5] == _XLS_WORKSHEET:
            sheets.append((struct.unpack_from("<I", body)[0], _sheet_name(body)))
    _check_sheets(len(sheets), name)
    cells = 0  # the sheets' extents together: the reader holds every sheet's cells at once
    for start, sheet in sheets:
        hidden: set[int] = set()
        hidden_columns: set[int] = set()
        errors: dict[tuple[int, int], str] = {}
        rows = columns = 0
        for kind, body in _records(data, start):
            if kind in _XLS_CELLS and len(body) >= 4:
                row, column = struct.unpack_from("<HH", body)
                error = _xls_error(kind, body) if kind in _XLS_MAY_ERR else None
                if error is not None and len(errors) < MAX_ERRORS:
                    errors[(row + 1, column + 1)] = error
            elif kind == _XLS_MULRK and len(body) >= 6:
                row, column = struct.unpack_from("<H", body)[0], body[-2] | body[-1] << 8
            else:
                if kind == _XLS_ROW and len(body) >= 14:
                    if struct.unpack_from("<H", body, 12)[0] & _XLS_HIDDEN:
                        hidden.add(struct.unpack_from("<H", body)[0] + 1)
                elif kind == _XLS_COLINFO and len(body) >= 10:
                    first, last, _width, _style, options = struct.unpack_from("<HHHHH", body)
                    if options & 1:  # fHidden
                        last = min(last, MAX_VALUE_COLUMNS - 1)
                        hidden_columns.update(range(first + 1, last + 2))
                continue
            rows, columns = max(rows, row + 1), max(columns, column + 1)
        # One value at IV65536 makes the reader build all 16.7 million cells (1.2 GB).
        if rows * columns > MAX_CELLS:
            raise _too_big(sheet, rows, columns, name)
        cells += rows * columns
        if cells > MAX_CELLS:
            raise too_big_together(sheet, rows, columns, cells, name)
        scan.extents[sheet] = (rows, columns)
        if hidden:
            scan.hidden_rows[sheet] = hidden
        if hidden_columns:
            scan.hidden_columns[sheet] = hidden_columns
        if errors:
            scan.errors[sheet] = errors
    return scan


def _xls_error(kind: int, body: bytes) -> str | None:
    """The error a BOOLERR cell holds, or a FORMULA cell shows as its cached result (#N/A …);
    None for any other cell."""
    if kind == _XLS_BOOLERR and len(body) >= 8 and body[7] == 1:
        return _XLS_ERRORS.get(body[6], "#错误")
    if kind == _XLS_FORMULA and len(body) >= 14 and body[6] == 2 and body[12:14] == b"\xff\xff":
        return _XLS_ERRORS.get(body[8], "#错误")
    return None


def _records(data: bytes, start: int) -> Iterator[tuple[int, bytes]]:
    """(record type, body) of one substream from its BOF to its EOF (nested ones, a
    chart's inside a sheet, included); nothing for an offset that is no BOF."""
    if data[start : start + 2] != struct.pack("<H", _XLS_BOF):
        return
    depth, at = 0, start
    while at + 4 <= len(data):
        kind, size = struct.unpack_from("<HH", data, at)
        yield kind, data[at + 4 : at + 4 + size]
        at += 4 + size
        if kind == _XLS_BOF:
            depth += 1
        elif kind == _XLS_EOF:
            depth -= 1
            if depth == 0:
                return


def _sheet_name(body: bytes) -> str:
    """A BOUNDSHEET record's sheet name (a ShortXLUnicodeString: one byte or UTF-16 chars)."""
    length, wide = body[6], body[7] & 1
    raw = body[8 : 8 + length * (2 if wide else 1)]
    return raw.decode("utf-16-le" if wide else "latin-1", "replace")
