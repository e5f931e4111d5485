"""Reading a spreadsheet (xlsx, xlsm, xls, ods through python-calamine; csv/txt) into rows.

An .xlsb is refused (`guard.sniff`): its binary sheets cannot be checked before reading.

Real 台账 files carry title rows above the header and an instructions sheet beside the data, so
the header is found by content: the row (among the first 20 of each sheet) naming the most known
columns, which must include 身份证号码 (and 姓名 on a ledger sheet). A two-row header (a merged
upper cell over its sub-columns, or merged down over both rows) is read as one; cells merged
down a household below the header are filled in; every sheet with a header is read (one sheet
per village is common), each as the ledger's or an extra sheet's shape (就业经历 …).
Row numbers are the spreadsheet's own (1-based).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import re
import zipfile
from collections.abc import Collection, Iterator, Set
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import cast

from python_calamine import CalamineSheet, CalamineWorkbook, PasswordError, SheetVisibleEnum

from fieldapp.domain import idnumber
from fieldapp.domain.errors import ValidationFailed
from fieldapp.domain.sentences import Part, Sentence, grouped, said, template
from fieldapp.tabular import dates, guard
from fieldapp.tabular.cells import text, visible
from fieldapp.tabular.columns import (
    DEMO_TITLE,
    DISTINCT_KEYS,
    EXTRA_BY_NAME,
    KINDS,
    LEDGER,
    REQUIRED_KEYS,
    match_header,
    match_headers,
    month_heading,
)
from fieldapp.tabular.guard import Scan
from fieldapp.tabular.person_row import name_and_relation

HEADER_SCAN_ROWS = 20
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")


@dataclass
class Table:
    """A sheet's data rows under its header, with the header's column mapping."""

    sheet: str
    header_row: int  # 1-based row number of the header
    columns: dict[int, str]  # cell index → column key
    rows: list[list[object]]  # data rows, starting the row after the header
    unknown_headers: list[str] = field(default_factory=list)
    kind: str = LEDGER  # which sheet shape: the ledger's, or an extra sheet's (columns.KINDS)
    hidden_rows: Set[int] = field(default_factory=set)  # 1-based rows hidden in the file
    hidden_columns: set[int] = field(default_factory=set)  # 1-based columns hidden in the file
    header_cells: list[object] = field(default_factory=list)  # the header as read
    #: False when the format keeps no merged cells (ods through calamine, csv): a blank cell
    #: under a filled one may then be a merged cell's lower part.
    merges_known: bool = True
    #: The sheet is hidden in the file (read like the others, and said).
    hidden_sheet: bool = False
    #: The sheet's name says it is an old copy or a backup (就业经历(旧), 培训-备份): read
    #: after the current sheets, and said.
    old_copy: bool = False
    #: Cells holding a formula's error value, read as blank (whatever the reader made of it:
    #: an .ods cell may hold 0): (row, column), both 1-based → the error as the sheet shows
    #: it (#N/A …).
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    #: The year the sheet says it is of, and where (a month written without its year, 3月,
    #: is read in it): its title above the header, its name or the file's (None: none says).
    year: tuple[int, Part] | None = None
    #: The title or name says two years in a row (2025年11月至2026年2月), `year` the first:
    #: months without their year are read in them only when they run over the new year.
    year_spans: bool = False

    def records(
        self,
        start: int = 0,
        stop: int | None = None,
        keys: Collection[str] | None = None,
        raw: Collection[str] = (),
    ) -> Iterator[tuple[int, dict[str, str], dict[str, object]]]:
        """(row number, texts, raw cells) for each non-blank data row from `start` to `stop`.

        `texts` maps each filled cell's column key to the cell as `cells.text` reads it
        (trimmed; numbers and dates written out); blank cells ("" or None) are left out, so a
        missing key reads as blank. A row whose cells are all blank or spaces is left out. Only the columns in `keys` are read (all when None). `raw`
        names columns whose cells are also given as read when they are not text (numbers,
        dates), for the parsers that need them so. Rows are picked by position (0 is the row
        under the header); the row number is the spreadsheet's own.
        """
        items = [(i, k) for i, k in self.columns.items() if keys is None or k in keys]
        raw_items = [(i, k) for i, k in items if k in raw]
        as_text, clean, unquote = text, visible, _unquote
        first = self.header_row + 1 + start
        for offset, cells in enumerate(self.rows[start:stop]):
            width = len(cells)
            # `visible` and `_unquote` written out for the usual cell (printable, not beginning
            # with ' or =): two calls a cell, some 12 % of this loop's CPU time at 15 000 persons.
            texts = {
                key: (
                    (
                        t
                        if (t := v.strip() if v.isprintable() else clean(v))[:1] not in "'="
                        else unquote(t)
                    )
                    if type(v) is str
                    else as_text(v)
                )
                for i, key in items
                # Not blank ("" or None): None told by identity (`not in ("", None)` compared
                # each number and date cell with both, the slow way for another type).
                if i < width and (v := cells[i]) is not None and v != ""
            }
            if any(texts.values()):  # a row of cells holding only spaces looks empty too
                odd = {
                    key: v
                    for i, key in raw_items
                    if i < width and (v := cells[i]) is not None and type(v) is not str
                }
                yield first + offset, texts, odd


@dataclass
class Workbook:
    """Every table a file holds: the ledger sheets (one per village is common) and the extra
    sheets (就业经历, 失业登记 …), with what the guard saw (hidden rows) and the sheet's date."""

    tables: list[Table]
    scan: Scan
    sheet_date: dt.datetime | None = None
    sheet_date_source: str = ""
    sheet_date_kind: dates.DatedBy | None = None

    def ledger_tables(self) -> list[Table]:
        """The sheets of people (main 台账 columns)."""
        return [t for t in self.tables if t.kind == LEDGER]

    def extra_tables(self) -> list[Table]:
        """The sheets of facts about people already named (就业经历 …)."""
        return [t for t in self.tables if t.kind != LEDGER]


_QUOTED = ("'=", "'+", "'-", "'@", "'\t", "'\r")
#: A number kept as text the ways systems' csv exports keep Excel off its digits: '520… or
#: ="520…" (its digits, X, spaces and hyphens).
_KEPT_NUMBER = re.compile(r"""^(?:'([0-9][0-9xX\s-]*)|="([0-9][0-9xX\s-]*)")$""")


def _unquote(text: str) -> str:
    """A cell the CSV export neutralised ('=…) read back as it was typed; a number a system
    kept as text ('520…, ="520…") read as the number."""
    first = text[:1]
    if first == "'":
        if text.startswith(_QUOTED):
            return text[1:]
    elif first != "=":
        return text
    kept = _KEPT_NUMBER.match(text)
    return (kept.group(1) or kept.group(2) or text) if kept else text


def read_table(path: str | Path) -> Table:
    """The (first) ledger table in a file, or ValidationFailed saying why none was found."""
    tables = read_workbook(path).ledger_tables()
    if not tables:
        raise no_header()
    return tables[0]


def read_workbook(path: str | Path) -> Workbook:
    """Every ledger and extra table in a file (checked by `guard` before it is read), all held
    at once; an import reads a file through `SheetStream`, one sheet at a time."""
    stream = SheetStream(path)
    tables = list(stream)
    if not tables:
        raise no_header()
    book = Workbook(tables, stream.scan)
    book.sheet_date, book.sheet_date_source, book.sheet_date_kind = stream.sheet_date()
    return book


#: A file to read that is not there (said by its name).
NOT_FOUND = template("找不到文件：%1")
#: A file of a kind no reader here reads: its suffix (.docx), or `NO_SUFFIX`.
WRONG_KIND = template(
    "不支持的文件类型“%1”：请使用 xlsx、xls 或 csv 文件"
    "（其他格式请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入）"
)
NO_SUFFIX = template("（无扩展名）")
#: A file whose every sheet has no header.
NO_HEADER = template(
    "找不到表头：表格中需要有“姓名”和“身份证号码”两列（列名可在前 20 行内的任意一行）"
)
#: A csv file in no encoding read here.
NO_ENCODING = template("无法识别文件编码：请另存为 UTF-8 或 GBK 编码的 CSV")
#: A sheet whose merged ranges lie over one another: its name.
MERGES_OVERLAP = template(
    "工作表“%1”的合并单元格互相重叠（同一格被合并了不止一次），不是 Excel、"
    "WPS 或 LibreOffice 保存的表格，整个文件都未导入；请在 Excel 或 WPS 中打开它，"
    "另存为 .xlsx 后再导入。台账没有改动"
)
#: A workbook calamine cannot open: the programs that open its kind, twice.
NOT_OPENED = template("文件已损坏，或不是 %1 表格；请在 %1 中打开它，另存为 .xlsx 后再导入")
#: A sheet calamine cannot read: its name, the programs that open its kind.
SHEET_BROKEN = template(
    "工作表“%1”已损坏（可能没有复制完整，或保存时中断），整个文件都未导入；"
    "请重新复制，或在 %2 中打开后另存为 .xlsx 再导入"
)
#: A csv file of more lines than an Excel sheet's rows: that bound.
TEXT_TOO_LONG = template("文件超过了 %1 行（Excel 一张表最多这么多行）")
#: A csv line of more cells than an Excel sheet's columns: the line, its cells, the bound.
TEXT_TOO_WIDE = template("第 %1 行有 %2 列，超过了 Excel 一张表最多的 %3 列")
#: A csv file of more cells than a workbook may span: the line, the lines filled, the widest,
#: the bound.
TEXT_TOO_BIG = template(
    "到第 %1 行为止已有 %2 行填了内容（最宽的一行 %3 列），"
    "超过了可读取的 %4 个单元格；请分成几个文件后再导入"
)
#: A csv cell past csv's limit: its line.
TEXT_CELL_TOO_LONG = template(
    "第 %1 行有一格的内容长达十几万字以上，不是正常的表格（Excel 的一格最多 32,767 个字）"
)


class SheetStream:
    """A file's tables, read one sheet at a time as they are asked for.

    Opening checks the file (`guard`: absurd dimensions or sizes are refused before anything is
    read); iterating reads each sheet in the file's order and yields its table (a sheet without
    a header, such as 填写说明, yields none). Only the sheet being read is held: at 100 000
    persons holding every sheet's cells was most of an import's memory. The first rows of every
    sheet read are kept for `sheet_date` (a title row may carry the export time): the rows above
    its header, at most 5.
    """

    def __init__(self, path: str | Path) -> None:
        path = Path(path)
        if not path.exists():
            raise ValidationFailed(said(NOT_FOUND, path.name or str(path)))
        suffix = path.suffix.lower()
        if suffix not in TEXT_SUFFIXES and suffix not in SPREADSHEET_SUFFIXES:
            raise ValidationFailed(said(WRONG_KIND, suffix or said(NO_SUFFIX)))
        # Read as what the content is: a workbook renamed (.xls ↔ .xlsx, a csv called .xlsx)
        # is common, and what cannot be read at all is refused here saying what it is.
        self.scan = guard.check_file(path)
        self.path = path
        self._text = self.scan.suffix == ".csv"
        self._heads: list[tuple[str, list[list[object]], Merged]] = []
        #: Sheets with rows in them where no header was found: (sheet, its first filled row).
        self.passed_over: list[tuple[str, int]] = []

    def unread_rows(self) -> int:
        """The rows the guard saw in the sheets not read yet (0 where it could not tell): what
        is left, for progress."""
        read = {name for name, _rows, _merged in self._heads}
        return sum(rows for name, (rows, _columns) in self.scan.extents.items() if name not in read)

    def __iter__(self) -> Iterator[Table]:
        sheets = (
            _read_text_sheet(self.path, self.scan.errors)
            if self._text
            else _read_sheets(self.path, self.scan.suffix)
        )
        for name, rows, merged, hidden in sheets:
            head = rows[:5]  # before `_find_table` takes the rows down to the data
            table = _find_table(name, rows, merged)
            # Only a sheet's title rows (above its header) may date the file, not a data row's
            # cell (出生日期 1975-…) nor a sheet without a header (填写说明).
            titles = head[: table.header_row - 1] if table is not None else []
            self._heads.append((name, titles, None))
            if table is None and name.strip() != HELP_SHEET:
                filled = [i for i, row in enumerate(rows) if any(text(c) for c in row)]
                if len(filled) >= 2:  # more than a title or a note: it may hold people
                    self.passed_over.append((name, filled[0] + 1))
            del rows  # the table holds the data rows; the rest goes now
            if table is not None:
                if table.year is None:
                    named = year_named(name, YEAR_IN_SHEET_NAME) or year_named(
                        self.path.name, YEAR_IN_FILE_NAME
                    )
                    if named is not None:
                        table.year, table.year_spans = named[:2], named[2]
                table.hidden_rows = self.scan.hidden_rows.get(name, set())
                table.hidden_columns = self.scan.hidden_columns.get(name, set())
                table.hidden_sheet = hidden
                table.old_copy = not self._text and old_copy(name)
                table.errors = self.scan.errors.get(name, {})
                _blank_errors(table)
                self._whole_numbers(table, merged)
                yield table
                del table

    def _whole_numbers(self, table: Table, merged: Merged) -> None:
        """An ID number's or an account's column's number cells of more digits than a float
        keeps (an 18-digit number another program wrote as an integer: the reader gives a
        float of 17 of them), given as text the digits the file holds
        (`guard.whole_numbers`; an .ods's noted by its scan, `guard.Scan.whole`), and so each
        cell of a merged range under one; a number Excel rounded (5.20502197805201E+17) stays a
        float, refused as one whose digits are lost (an .xls holds no more: its numbers are
        doubles)."""
        ods = self.scan.suffix == ".ods"  # its digits noted by the scan (`Scan.whole`)
        if not ods and self.scan.suffix not in (".xlsx", ".xlsm"):
            return
        at = [i for i, key in table.columns.items() if key in _LONG_NUMBER_KEYS]
        first = table.header_row + 1  # the sheet's row of table.rows[0]
        wanted = {
            (first + r, i + 1): (r, i)
            for i in at
            for r, row in enumerate(table.rows)
            if i < len(row) and type(cell := row[i]) is float and cell >= 1e15
        }
        if not wanted:
            return
        if ods:
            noted = self.scan.whole.get(table.sheet, {})
            found = {cell: noted[cell] for cell in wanted if cell in noted}
        else:
            found = guard.whole_numbers(self.path, table.sheet, wanted)
        for (top, left), (bottom, right) in merged or ():
            # A merged range shows its top cell's number on each of its cells: theirs, not
            # one a program left under the merge (`_fill_merged` gave them the top's float;
            # a range from above the data, or from beyond its top row's cells, it left).
            top_at = top + 1 - first
            if bottom == top or not 0 <= top_at < len(table.rows):
                continue
            if left >= len(table.rows[top_at]):
                continue
            digits = found.get((top + 1, left + 1))
            # Only the rows the table holds and its ID columns (a range may run on to XFD).
            last = min(bottom + 1, first + len(table.rows) - 1)
            for column in (i + 1 for i in at if left <= i <= right):
                for row in range(max(top + 1, first), last + 1):
                    if (row, column) == (top + 1, left + 1) or (row, column) not in wanted:
                        continue
                    if digits is None:
                        found.pop((row, column), None)
                    else:
                        found[(row, column)] = digits
        for cell, digits in found.items():
            r, i = wanted[cell]
            # The number's digits: a leading zero written (0622…) is none of them, and no
            # number cell shows it.
            number = digits.lstrip("0")
            if float(number or "0") == table.rows[r][i] and not _a_floats_digits(number):
                table.rows[r][i] = number

    def sheet_date(self) -> dates.SheetDate:
        """The workbook's date (see `dates.sheet_date`), once its sheets have been read."""
        return dates.sheet_date(self.path, self._heads)


#: How far into a file (its first sheet, its shared strings) the demo's title is looked for.
_DEMO_PEEK = 1 << 16


def exported_from_demo(path: Path) -> bool:
    """True when the file is a workbook (or csv) exported from a demo ledger: its first title
    row opens with `DEMO_TITLE`. Only the start of the file is read (the export writes the title
    first; Excel or WPS saving it puts the title first among the shared strings)."""
    wanted = DEMO_TITLE.encode("utf-8")
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as book:
                names = set(book.namelist())
                for part in ("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"):
                    if part in names:
                        with book.open(part) as stream:
                            if wanted in stream.read(_DEMO_PEEK):
                                return True
            return False
        with path.open("rb") as stream:
            return wanted in stream.read(4096).split(b"\n", 1)[0]
    except (OSError, zipfile.BadZipFile):
        return False  # what cannot be read is said by the reader itself


def _blank_errors(table: Table) -> None:
    """The cells showing a formula's error read as blank: calamine gives '' for an xlsx's or
    an .xls's, but the value LibreOffice stores under an .ods's (0 for #DIV/0!)."""
    first = table.header_row + 1
    for row, column in table.errors:
        at = row - first
        if 0 <= at < len(table.rows) and column - 1 < len(cells := table.rows[at]):
            cells[column - 1] = None


#: The template's and the export's sheet of notes (no header of people, said nothing of).
HELP_SHEET = "填写说明"


#: A sheet with rows in it where no header was found in its first rows (%1 its name, %2 how
#: many rows were looked at): not read.
PASSED_OVER = template(
    "工作表“%1”没有读取：前 %2 行里找不到表头（需要“姓名”和"
    "“身份证号码”两列，户主名单可写“户主姓名”）；这张表里如有人员，请把列名改成这样后再导入"
)


def passed_over(sheet: str) -> Sentence:
    """What to say of a sheet with rows in it where no header was found (not read)."""
    return said(PASSED_OVER, sheet, str(HEADER_SCAN_ROWS))


def no_header() -> ValidationFailed:
    """The refusal of a file in which no sheet has a header."""
    return ValidationFailed(said(NO_HEADER))


Merged = list[tuple[tuple[int, int], tuple[int, int]]] | None
#: A sheet as read: its name, rows, merged ranges and whether it is hidden.
Sheet = tuple[str, list[list[object]], Merged, bool]


def _read_text_sheet(path: Path, errors: dict[str, dict[tuple[int, int], str]]) -> Iterator[Sheet]:
    """A csv file as one sheet named by the file (a csv keeps no merged cells). The cells
    showing a formula's error as Excel, WPS or LibreOffice saved them (#N/A, Err:502) go into
    `errors`, as the guard notes a workbook's."""
    rows, maybe_errors = _read_text_rows(path)
    if maybe_errors:
        found = {
            (r, c): cell.strip()
            for r, row in enumerate(rows, 1)
            for c, cell in enumerate(row, 1)
            if type(cell) is str and _ERROR_TEXT.match(cell)
        }
        if found:
            errors[path.name] = found
    yield path.name, rows, None, False


#: What a csv saved from a sheet holds where a cell showed a formula's error: Excel's and WPS's
#: error values, LibreOffice's Err:5xx.
_ERROR_TEXT = re.compile(
    r"^\s*(?:#(?:N/A|REF!|DIV/0!|VALUE!|NAME\?|NUM!|NULL!|GETTING_DATA|SPILL!|CALC!|FIELD!"
    r"|BLOCKED!|UNKNOWN!|CONNECT!|BUSY!)|Err:\d{3})\s*$"
)


def _a_floats_digits(number: str) -> bool:
    """Whether a number cell's digits written whole (`SheetStream._whole_numbers`) are no more
    than a float's: the shortest digits that give it back, zeros after, as a program holding
    the number as a float writes it out in full (JavaScript: 622154695067094812 becomes
    622154695067094800; 15 digits, 622154695067095000, too). Those are not the number held
    whole but one that lost its last digits: the cell stays a float, refused as any whose
    digits are lost. A number of its own (…812) has more digits than its float. Looked at
    from 18 digits (an ID number, a 19-digit account), whose float's shortest digits end in
    zeros; a number of 16 or 17 digits (a card's) its float holds exactly, or all but.

    An 18-digit number whose check digit holds is an ID number read whole: one in sixty
    genuine ID numbers is also its float's digits (…200960), and refusing them as lost would
    refuse a person whose number is right; a float's digits pass the check digit one time in
    eleven, in a file whose other rows the check digit refuses."""
    if len(number) < 18 or Decimal(repr(float(number))) != Decimal(number):
        return False
    return not (len(number) == 18 and idnumber.is_valid(number))


def _read_sheets(path: Path, kind: str) -> Iterator[Sheet]:
    """Each sheet's rows and merged ranges, one sheet at a time (calamine's parse of a sheet
    is let go once its cells are Python's), the shown sheets before the hidden ones. `kind` is the suffix the content calls for: a file
    named otherwise is read by its content."""
    try:
        if kind == path.suffix.lower():
            book = CalamineWorkbook.from_path(str(path))
        else:
            with path.open("rb") as stream:
                book = CalamineWorkbook.from_filelike(stream)
    except PasswordError:
        raise guard.password_protected(path.name, kind) from None
    except Exception:  # noqa: BLE001 - calamine raises several unrelated types
        raise guard.unreadable(path.name, said(NOT_OPENED, guard.programs(kind))) from None
    # The cells the sheets read so far span, together: an .xlsx's, measured here as its sheets
    # are parsed (the guard measures none narrower than `guard.ASSUMED_WIDTH` columns, so it
    # bounds each sheet, not their sum); an .ods's and an .xls's the guard bounds before.
    cells = 0
    try:
        hidden = {m.name for m in book.sheets_metadata if m.visible != SheetVisibleEnum.Visible}
        names = book.sheet_names
        # The shown sheets first, then the hidden ones (each in the file's order): of a person
        # on both, the sheet the coordinator sees and corrects is the one read, not an old
        # copy hidden before it.
        # So too an old copy after the current sheets (就业经历(旧) after 就业经历).
        for index in sorted(
            range(len(names)), key=lambda i: (names[i] in hidden, old_copy(names[i]))
        ):
            name = names[index]
            try:
                sheet = book.get_sheet_by_index(index)
                end = sheet.end
                if end is not None:  # (the rows and columns `_cells` builds, from A1)
                    cells += (end[0] + 1) * (end[1] + 1)
                    if cells > guard.MAX_CELLS:
                        raise guard.too_big_together(name, end[0] + 1, end[1] + 1, cells, path.name)
                rows = _cells(sheet)
            except PasswordError:
                raise guard.password_protected(path.name, kind) from None
            except ValidationFailed:  # (the sheets together past the bound, said above)
                raise
            except Exception:  # noqa: BLE001 - calamine raises several unrelated types
                raise guard.unreadable(
                    path.name, said(SHEET_BROKEN, name, guard.programs(kind))
                ) from None
            try:
                ranges = sheet.merged_cell_ranges
            except Exception:  # noqa: BLE001 - not every format reports merged cells
                ranges = None
            del sheet
            merged = list(ranges) if ranges is not None else None
            yield name, rows, merged, name in hidden
            del rows
    finally:
        book.close()


def _cells(sheet: CalamineSheet) -> list[list[object]]:
    """A sheet's cells from A1, as calamine's `to_python(skip_empty_area=False)` gives them
    (leading blank rows and columns kept, so row numbers match Excel's), each text the sheet
    repeats (its village, 男, 已就业 … on every row) one object: built a row at a time, so the
    copies are let go as they come, not all held at once beside calamine's own parse (a third
    of a ledger sheet's cells' memory, the import's peak)."""
    start, end = sheet.start, sheet.end
    if start is None or end is None:  # no cell at all
        return cast(list[list[object]], sheet.to_python(skip_empty_area=False))
    texts: dict[str, str] = {}
    keep = texts.setdefault
    rows: list[list[object]] = [
        [keep(v, v) if type(v) is str else v for v in row] for row in sheet.iter_rows()
    ]
    if start[1]:  # iter_rows begins at the first column holding a cell
        rows = [[""] * start[1] + row for row in rows]
    if len(rows) != end[0] + 1:  # not as calamine's whole lists would be: those
        return cast(list[list[object]], sheet.to_python(skip_empty_area=False))
    return rows


def decode_text(data: bytes) -> str:
    """Text of a csv file: UTF-8 with or without BOM, UTF-16 with BOM, else GBK (GB18030)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # GB18030 is a superset of GBK and GB2312, what Chinese Excel saves "CSV" as.
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            raise ValidationFailed(said(NO_ENCODING)) from None


def _read_text_rows(path: Path) -> tuple[list[list[object]], bool]:
    """The rows of a csv file, and whether any cell may show a formula's error (most files
    have no # and no Err: anywhere, and their cells need no look)."""
    content = decode_text(path.read_bytes())
    # Told from the first line holding one (a title line above the header may hold none).
    # (From its first megabyte: split whole, the text's rest was one more copy of it.)
    lines = content[: 1 << 20].split("\n", HEADER_SCAN_ROWS)[:HEADER_SCAN_ROWS]
    first = next((line for line in lines if any(d in line for d in ",\t;")), "")
    delimiter = max(",\t;", key=first.count)
    rows: list[list[object]] = []
    filled = width = 0
    try:
        for row in csv.reader(_lines(content), delimiter=delimiter):
            if len(rows) >= TEXT_ROWS:
                raise guard.refuse(said(TEXT_TOO_LONG, grouped(TEXT_ROWS)), path.name)
            if not any(row):
                rows.append([])  # a blank line, held as nothing (cf. the guard's blank rows)
                continue
            if len(row) > TEXT_COLUMNS:
                raise guard.refuse(
                    said(
                        TEXT_TOO_WIDE,
                        str(len(rows) + 1),
                        grouped(len(row)),
                        grouped(TEXT_COLUMNS),
                    ),
                    path.name,
                )
            filled += 1
            width = max(width, len(row))
            if filled * max(width, guard.ASSUMED_WIDTH) > guard.MAX_CELLS:
                raise guard.refuse(
                    said(
                        TEXT_TOO_BIG,
                        str(len(rows) + 1),
                        grouped(filled),
                        grouped(width),
                        grouped(guard.MAX_CELLS),
                    ),
                    path.name,
                )
            rows.append(cast(list[object], row))
    except csv.Error:
        # csv's only error on a file read from text: a cell past its limit of 128 KB (Excel's
        # cell holds at most 32 767 characters).
        raise guard.refuse(said(TEXT_CELL_TOO_LONG, str(len(rows) + 1)), path.name) from None
    return rows, "#" in content or "Err:" in content


#: The lines a csv file may have: as many rows as an Excel sheet (a file saved from one has
#: no more; blank ones among them are held as nothing, those holding values are bounded by
#: `guard.MAX_CELLS` as a workbook's are).
TEXT_ROWS = 1_048_576
#: The cells a line of a csv file may have: as many as an Excel sheet's columns.
TEXT_COLUMNS = 16_384


def _lines(content: str) -> Iterator[str]:
    """The lines of a text, each with its "\\n", as `io.StringIO(content)` gives them, without
    a second copy of the whole text."""
    start, end = 0, len(content)
    while start < end:
        stop = content.find("\n", start)
        stop = end if stop < 0 else stop + 1
        yield content[start:stop]
        start = stop


def _header_cells(
    rows: list[list[object]],
    index: int,
    merged: Merged = None,
    kind: str = LEDGER,
    guess: bool = False,
) -> list[object]:
    """The header row, each blank cell taking the text above it (a two-row header whose upper
    cell is merged down over both rows), and each cell also tried as upper + lower text: under
    户主信息 merged over two columns, 姓名 and 身份证号码 are the head's (户主姓名,
    户主身份证号码), when the combined name is a column of this `kind`. With `guess` (a
    format that keeps no merged cells) the group headers are told from the rows' layout."""
    cells = list(rows[index])
    if index == 0:
        return cells
    above = rows[index - 1]
    groups = _spread_unmerged(above, cells) if guess else _spread(above, index - 1, merged)
    out: list[object] = []
    for i, cell in enumerate(cells):
        upper = above[i] if i < len(above) else ""
        if (cell is None or str(cell).strip() == "") and upper not in (None, ""):
            out.append(upper)
            continue
        group = groups.get(i)
        if group and cell is not None and str(cell).strip():
            combined = _GROUP_SUFFIX.sub("", group) + str(cell).strip()
            if match_header(combined, kind):
                out.append(combined)
                continue
        out.append(cell)
    return out


#: What a group header over several columns ends with beyond its subject (户主信息 → 户主).
_GROUP_SUFFIX = re.compile(r"(基本)?(信息|情况)$")


def _spread(row: list[object], at: int, merged: Merged) -> dict[int, str]:
    """Column → text of the cells of row `at` merged across several columns (a group header
    such as 户主信息 over 姓名 and 身份证号码), for each column the range spans."""
    groups: dict[int, str] = {}
    for (top, left), (bottom, right) in merged or ():
        if top <= at <= bottom and right > left and left < len(row):
            text = str(row[left] or "").strip() if top == at else ""
            if text:
                for column in range(left, min(right, len(row) - 1) + 1):
                    groups[column] = text
    return groups


def _spread_unmerged(row: list[object], below: list[object]) -> dict[int, str]:
    """`_spread` for a file that keeps no merged cells (an .ods as calamine reads it, a csv):
    a group header is written over its first column only, so a filled cell of `row` followed
    by blank ones, each with a column name under it, spans them (户主信息 | 空 over 姓名 |
    身份证号码). A row of one text (a title) spans nothing."""

    def filled(cells: list[object], at: int) -> bool:
        return at < len(cells) and cells[at] is not None and str(cells[at]).strip() != ""

    groups: dict[int, str] = {}
    if sum(filled(row, i) for i in range(len(row))) < 2:
        return groups
    for left in range(len(row)):
        if not filled(row, left) or not filled(below, left):
            continue
        right = left
        while right + 1 < len(row) or right + 1 < len(below):
            if filled(row, right + 1) or not filled(below, right + 1):
                break
            right += 1
        if right > left:
            text = str(row[left]).strip()
            for column in range(left, right + 1):
                groups[column] = text
    return groups


def _heads_named(columns: dict[int, str]) -> dict[int, str]:
    """A ledger sheet of the heads alone (户主姓名 | 身份证号码 …, no 姓名): 户主姓名 is each
    row's own name, and 户主身份证号码 (with no 身份证号码 beside it) their own number."""
    keys = set(columns.values())
    if "name" in keys or "head_name" not in keys:
        return columns
    own = {"head_name": "name"}
    if "id_number" not in keys:
        own["head_id_number"] = "id_number"
    return {index: own.get(key, key) for index, key in columns.items()}


#: A sheet's name saying it is an old copy or a backup: 旧 bracketed, set apart or at an end
#: (就业经历(旧), 旧-培训; not 旧州村), 旧表, 备份, 副本, copy.
_OLD_COPY = re.compile(
    r"(?:^|[（(【\[\s_\-—·])旧(?:$|[）)】\]\s_\-—·])|旧[表版档]|备份|副本|copy|backup|\bbak\b",
    re.IGNORECASE,
)


def old_copy(name: str) -> bool:
    """Whether a sheet's name says it is an old copy or a backup (就业经历(旧), 培训-备份,
    旧表, 台账 - 副本, 就业经历 copy)."""
    return bool(_OLD_COPY.search(name.strip()))


def kind_named(name: str) -> str | None:
    """The records kind a sheet's name names beside other words (就业经历(旧), 培训（2025）,
    走访服务-备份), or None."""
    return next((kind for kind in EXTRA_BY_NAME if kind in name), None)


def _find_table(name: str, rows: list[list[object]], merged: Merged) -> Table | None:
    """The sheet's best header among its first rows, for the ledger or an extra sheet."""
    best: tuple[int, str, int, dict[int, str], list[object]] | None = None
    sheet_kind = EXTRA_BY_NAME.get(name.strip())
    # A name naming a kind among other words (就业经历(旧)): that kind wins a tie and needs no
    # column the people sheet has not (the people sheet names 务工单位, 务工开始日期 … too).
    named = sheet_kind or kind_named(name)
    _check_merges(name, rows, merged)
    # The ranges among the rows a header may be in (not a household's merged cells below).
    groups = [r for r in merged or () if r[0][0] < HEADER_SCAN_ROWS and r[1][1] > r[0][1]]
    # A sheet named for a kind is read as that kind; a 月度状态 sheet may also hold a column per
    # month (2026年1月 …) beside 姓名 and 身份证号码: read as a ledger sheet, whose columns of
    # months are its statuses. Any other sheet: every kind.
    kinds: tuple[str, ...] = KINDS
    if sheet_kind:
        kinds = (sheet_kind, LEDGER) if sheet_kind == "月度状态" else (sheet_kind,)
    for index in range(min(HEADER_SCAN_ROWS, len(rows))):
        for kind in kinds:
            # Each row as it reads with its group headers (户主信息 + 姓名 → 户主姓名), and
            # without them: a sheet of heads alone names them under 户主信息 too.
            plain = _header_cells(rows, index)
            if groups:
                grouped = _header_cells(rows, index, groups, kind)
            elif merged is None:  # no merges known: group headers told from the layout
                grouped = _header_cells(rows, index, kind=kind, guess=True)
            else:
                grouped = plain
            for cells in (grouped, plain) if grouped != plain else (plain,):
                columns = match_headers(cells, kind)
                if kind == LEDGER:
                    columns = _heads_named(columns)
                keys = set(columns.values())
                if not REQUIRED_KEYS[kind] <= keys:
                    continue
                if kind != sheet_kind and sheet_kind and not any(map(month_heading, cells)):
                    continue
                if kind != LEDGER and kind != named and not keys & DISTINCT_KEYS[kind]:
                    continue
                score = 2 * len(keys) + (200 if kind == sheet_kind else 0) + (kind == named)
                if best is None or score > best[0]:
                    best = (score, kind, index, columns, cells)
    if best is None:
        return None
    _, kind, index, columns, header = best
    unknown = [str(c).strip() for i, c in enumerate(header) if i not in columns and str(c).strip()]
    year = _title_year(rows[:index])
    data = rows
    del data[: index + 1]  # the data rows in place: no second list of a 100 000-row sheet
    if data and _numbers_columns(data[0]):
        data[0] = []  # 栏次 under the header: no person (row numbers stay the sheet's)
    if merged:
        _fill_merged(data, merged, index + 1)
    # Rows are lists already (calamine's and csv's own), so no copy of each row.
    return Table(
        name,
        index + 1,
        columns,
        data,
        unknown,
        kind=kind,
        header_cells=header,
        merges_known=merged is not None,
        year=year[:2] if year else None,
        year_spans=bool(year and year[2]),
    )


#: A year as a title, a sheet's or a file's name says it (2026年, 2026年度; a name: 2026 too).
TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")
_NAME_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
#: A title cell saying when the sheet was filled or exported, not what year it is of.
_FILLED = re.compile(r"填表|填报|制表|导出|打印|日期|时间|截至|截止")


#: The first year of a title's range of years (2025—2026年度, 2025至2026年).
_YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[—–\-~～至到]+\s*(?=(?:19|20)\d\d\s*年)")
#: What the sheet's year is: (year, where it is said, whether it is the first of two).
Year = tuple[int, Part, bool]
#: Where a sheet says the year its months without one are read in (a sentence's part): its
#: title (%1 its words, cut at 30), the sheet's name, the file's.
YEAR_IN_TITLE = template("标题“%1”")
YEAR_IN_SHEET_NAME = template("工作表名“%1”")
YEAR_IN_FILE_NAME = template("文件名“%1”")


def _title_year(rows: list[list[object]]) -> Year | None:
    """The one year the title rows above a header say (“2026年大坝村劳动力花名册”), or the
    first of two in a row (“2025年11月至2026年2月…”), and where."""
    found: dict[int, str] = {}
    for row in rows:
        for cell in row:
            words = " ".join(text(cell).split())
            if words and not _FILLED.search(words):
                for match in (*TITLE_YEAR.finditer(words), *_YEAR_RANGE.finditer(words)):
                    found.setdefault(int(match.group(1)), words)
    words = next(iter(found.values()), "")
    return _the_year(
        set(found), said(YEAR_IN_TITLE, words if len(words) <= 30 else words[:30] + "…")
    )


def year_named(name: str, what: str) -> Year | None:
    """The one year a sheet's or file's name says (“2026年”, “花名册2026.xlsx”), or the first
    of two in a row (“花名册2025.11-2026.2.xlsx”), and where (`what`: `YEAR_IN_SHEET_NAME`,
    `YEAR_IN_FILE_NAME`)."""
    return _the_year({int(m.group(1)) for m in _NAME_YEAR.finditer(name)}, said(what, name))


def _the_year(years: set[int], where: Part) -> Year | None:
    """One year, or the first of two in a row (spanning the new year); else None."""
    if len(years) == 1 or (len(years) == 2 and max(years) - min(years) == 1):
        return min(years), where, len(years) == 2
    return None


#: The columns of numbers longer than a float keeps: ID numbers, and accounts of 16 to 19
#: digits (`SheetStream._whole_numbers`).
_LONG_NUMBER_KEYS = frozenset({"id_number", "head_id_number", "account_number"})


#: How the foot of a form begins: its totals and who filled, checked and signed it.
_FOOT = re.compile(
    r"^(合\s*计|小\s*计|总\s*计|共计|填表人|制表人|填报人|审核人|审批人|负责人|单位负责人|统计人"
    r"|经办人|填表日期|填报日期|制表日期|填报单位|填表单位|注[:：]|备注[:：]|说明[:：]"
    r"|(?:制表|填表|填报|审核|审批|复核|统计)[:：])"
)
#: A form's foot line giving who to call (联系电话：0857…, 电话：, 手机：), alone in its cell or
#: its number in the next: a foot only on a row naming no one (a person's row whose number is
#: missing, its note 联系电话：…, stays a person's, refused as such).
_FOOT_PHONE = re.compile(r"^(?:联系电话|联系方式|电话|手机|手机号码?)\s*[:：]")
#: A phone number as a form's foot writes it (a mobile's 11 digits, a landline with or without
#: its area code): never an ID number's 15 or 18.
_PHONE_SHAPED = re.compile(r"1\d{10}|(?:[(（]?0\d{2,3}[)）]?[-\s]?)?\d{7,8}")
#: How a row of totals begins, at the foot or between groups: 小计, 合 计, 本页小计, 一组小计,
#: 第2组合计, 大坝组小计, 总计, 共计; or a count of the people (households) above it: 共2人,
#: 共 3 户 10 人, 本页共有12人, 总人数：2, 户数：3 (a count's word and its number).
_TOTAL = re.compile(
    r"^(?:本页|本组|本村|全页|全村|全组|各组|第?\s*[\d一二三四五六七八九十]{1,3}\s*(?:组|页)"
    r"|[\u4e00-\u9fff]{1,6}?(?:村民组|组|村|社|寨|队))?\s*[（(]?\s*"
    r"(?:[小合总共]\s*计|共\s*有?\s*[:：]?\s*\d+\s*[户人名]|总?\s*(?:人数|户数|人口)\s*[:：]?\s*\d)"
)
#: An ID number's digits (a foot's count in that column has not so many).
_ID_DIGITS = re.compile(r"\d{6}")


def foot_of_form(texts: dict[str, str]) -> str | None:
    """The text of a row that is the foot of a form (合计：35人, 填表人：… 审核人：…) or a
    total between groups (一组小计), not a person: no ID number, and a cell that begins as
    such a line does (a total's first, `is_total`); else None. A 联系电话： line's number may
    stand under 身份证号码: a phone's shape is no ID number's."""
    phone = False  # a phone's number under 身份证号码 (联系电话： 0857-8221234)
    for key in ("id_number", "head_id_number"):
        number = texts.get(key, "")
        if _ID_DIGITS.search(number):
            # (its length first: a person's row is most rows, and no ID number is this short)
            if len(number) >= 15 or not _PHONE_SHAPED.fullmatch(number):
                return None  # a person's number: a person, whatever else the row says
            phone = True
    foot = None
    name = texts.get("name", "")
    # A foot names no one (its 姓名 blank, the foot's line, or not a name): a person's row whose
    # number is missing and whose note begins 回村共计…, 注：…, 说明：… or whose 务工单位 says
    # 统计人员 stays a person's, refused as such. A foot's label typed in its 序号 cell, its
    # signer under 姓名 (制表人： | 王五), is a foot's still.
    names_no_one = not _names_someone(name)
    for key, value in texts.items():
        of_foot = names_no_one or value == name or key == "seq"
        if phone:  # only a phone's line, then
            if _FOOT_PHONE.match(value) and of_foot:
                return value
            continue
        if _TOTAL.match(value) and of_foot:
            return value
        if foot is None and of_foot and (_FOOT.match(value) or _FOOT_PHONE.match(value)):
            foot = value
    return foot


def is_total(text: str) -> bool:
    """Whether a row's foot text (`foot_of_form`) is a total (小计, 本页小计, 一组小计, 合计 …):
    a form's count of the people above it, at its foot or between groups."""
    return bool(_TOTAL.match(text))


#: What a template's example row says of itself: 示例 (样例, 范例, 例) as its 序号 or after its
#: name, or a note that it is one (此行为填写示例，请勿删除).
_EXAMPLE = re.compile(
    r"^[（(]?(?:填写|填报)?(?:示例|样例|范例|例)[)）]?$|[（(](?:示例|样例|范例)[)）]$"
    r"|(?:此|本|该|这一?)行(?:为|是)?(?:填写|填报)?(?:示例|样例|范例)"
)
#: The cells an example row says it in.
_EXAMPLE_KEYS = ("seq", "name", "notes", "household_notes")


def example_row(texts: dict[str, str]) -> str | None:
    """The text by which a row says it is a template's example (序号 示例, 张三（示例）, 备注
    此行为示例), else None: not a person, whatever its ID number."""
    for key in _EXAMPLE_KEYS:
        value = texts.get(key)
        if value and "例" in value and _EXAMPLE.search(value):
            return value
    return None


#: A name as written in a 姓名 cell: Chinese characters, a minority name's middle dot, the
#: spaces aligning a two-character name (王  五).
_NAME_LIKE = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff·•・.\s]{2,30}")


def _names_someone(name: str) -> bool:
    """Whether a row's 姓名 cell names a person: a name, or a name and the person's place in
    the household (王五（户主）, `name_and_relation`) — a row that does is a person's, never a
    form's foot."""
    if _NAME_LIKE.fullmatch(name):
        return True
    written = name_and_relation(name)
    return written is not None and bool(_NAME_LIKE.fullmatch(written[0]))


def note_under_form(texts: dict[str, str]) -> str | None:
    """The text of a row that is a line under a form's table (1.身份证号码必须填写18位,
    村委会（盖章）, 2026年11月5日): no ID number, one cell, and not a name; else None."""
    if "id_number" in texts or "head_id_number" in texts:
        return None
    filled = [value for key, value in texts.items() if value and key != "seq"]
    if len(filled) != 1 or _NAME_LIKE.fullmatch(filled[0]):
        return None
    return filled[0]


#: What an official form writes over its text columns in the row numbering its columns.
_STEMS = frozenset("甲乙丙丁戊己庚辛壬癸")
_NUMBERING_WORDS = frozenset({"栏次", "栏目", "列号", "序列"})


def _numbers_columns(cells: list[object]) -> bool:
    """True for the row of an official form numbering its columns under the header (栏次):
    1 2 3 … (number or text, consecutive), with 甲 乙 丙 … or 栏次 over the text columns."""
    numbers: list[int] = []
    for cell in cells:
        word = text(cell)
        if not word or word in _STEMS or word in _NUMBERING_WORDS:
            continue
        if not word.isdecimal() or len(word) > 3:
            return False
        numbers.append(int(word))
    return len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _fill_merged(
    data: list[list[object]], merged: list[tuple[tuple[int, int], tuple[int, int]]], first: int
) -> None:
    """Give every cell of a merged range below the header its top-left cell's value (a
    household's 户主身份证号码 or address merged down its members' rows). Only the cells the
    rows hold are visited (a range may run on to XFD)."""
    for (top, left), (bottom, right) in merged:
        if bottom < first or bottom == top:
            continue
        top_at = top - first
        if top_at < 0 or top_at >= len(data):
            continue
        source = data[top_at]
        if left >= len(source):
            continue
        for r in range(top_at, min(bottom - first, len(data) - 1) + 1):
            row = data[r]
            for c in range(left, min(right, len(row) - 1) + 1):
                if r != top_at or c != left:
                    row[c] = source[left]


def _check_merges(name: str, rows: list[list[object]], merged: Merged) -> None:
    """Refuse (ValidationFailed, Chinese) a sheet whose merged ranges, taken within its rows
    and columns, cover more cells than it has: they lie over one another, which no spreadsheet
    program saves, and filling each in turn is endless (2 000 copies of A2:XFD3, a 5.5 KB
    file, took 18 s; as many over more rows, hours)."""
    height = len(rows)
    width = max(map(len, rows), default=0)
    covered = 0
    for (top, left), (bottom, right) in merged or ():
        spans = max(0, min(bottom, height - 1) - top + 1) * max(0, min(right, width - 1) - left + 1)
        covered += spans
    if covered > height * width:
        raise ValidationFailed(said(MERGES_OVERLAP, name))
