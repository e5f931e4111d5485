"""Writing the exported ledger workbook with rustpy-xlsxwriter (Rust's rust_xlsxwriter).

Chosen over XlsxWriter for the export after measuring both on the same cells: 100 000 persons ×
40 columns took XlsxWriter (constant memory) about 46 s here and rustpy-xlsxwriter about 4 s.
It writes every Python `str` as a text cell (ID and account numbers keep all their digits) and
numbers as numbers — dates are day numbers in a date-formatted column, which is what a date cell
is in a workbook (a `datetime.date` per cell cost more to make than to write, and the writer's
own date handling lost the date format to the column formats); it streams rows in constant
memory (no shared strings: measured, they made it slower, 650 against 390 ns a cell) and sets page
setup, frozen panes, header notes, drop-down validation and suppressed "number stored as text"
warnings. What it cannot do is write document properties: the export time an update needs (see
`dates`) is added to the finished zip as a custom property, to the millisecond (`docprops`), and
written in the title row above the header to the second, where a person sees it too (and where
an update finds it when a program that re-saved the file dropped the property).
XlsxWriter still writes the template (its drop-downs must cover empty rows) and the reports.

Every sheet prints: A4 landscape, fitted to the page width, the header row repeated on each
page, frozen below the header, “第 n 页 共 m 页” in the footer.
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import logging
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import chain, repeat
from pathlib import Path
from typing import Any

import rustpy_xlsxwriter as rx

from fieldapp import saving
from fieldapp.domain.dates import CHINA
from fieldapp.domain.enums import Category
from fieldapp.domain.sentences import said, template
from fieldapp.saving import CannotWrite
from fieldapp.tabular import docprops
from fieldapp.tabular.columns import (
    COLUMNS,
    COLUMNS_OF,
    DATE_KEYS,
    DEMO_TITLE,
    EXTRA_SHEETS,
    LEDGER,
    Column,
)

log = logging.getLogger(__name__)

#: One row as the writer takes it: header → cell.
Record = dict[str, Any]

#: The footer every printed page carries.
FOOTER = "&C第 &P 页 共 &N 页"
#: How date cells show.
DATE_FORMAT = "yyyy-mm-dd"
#: Excel's paper size code for A4.
A4 = 9
HELP_SHEET = "填写说明"
#: The title row's words before the export time (`dates` reads the time back after them).
EXPORTED_AT_LABEL = "导出时间："


def title_text(title: str, exported_at: dt.datetime, *, demo: bool = False) -> str:
    """The title line above a sheet's header, carrying the export time (China time); a demo
    ledger's opens with `DEMO_TITLE`."""
    china = exported_at.astimezone(CHINA)
    stamp = china.strftime("%Y-%m-%d %H:%M:%S")
    note = "（按月更新导入时据此判断哪些单元格在导出后被台账改过，请勿删除本行）"
    opening = f"{DEMO_TITLE}  " if demo else ""
    return f"{opening}{title}  {EXPORTED_AT_LABEL}{stamp}{note}"


def page_setup(header_row: int, *, landscape: bool = True) -> dict[str, Any]:
    """The print settings of a sheet whose header is on `header_row` (0-based)."""
    return {
        "landscape": landscape,
        "paper_size": A4,
        "fit_to_pages": (1, 0),
        "repeat_rows": (header_row, header_row),
        "footer": FOOTER,
        "margins": {"left": 0.4, "right": 0.4, "top": 0.5, "bottom": 0.6},
    }


def records(rows: Iterable[Sequence[Any]], columns: tuple[Column, ...]) -> Iterator[Record]:
    """Rows of cells in the sheet's column order as the writer's records (header → cell).

    The writer places a record's values by position and takes the header from the first
    record's keys; it takes only dicts. Each dict is made by C code (no Python per cell or per
    row): at 100 000 persons the export's own Python around the writer cost as much as the
    writer. A sheet with no rows gives no records: `write_ledger_workbook` gives it its header
    (`_header_if_empty`, the one place for that, whichever process writes).
    """
    headers = tuple(c.header for c in columns)
    return map(dict, map(zip, repeat(headers), rows))


def _header_if_empty(rows: Iterable[Record], columns: tuple[Column, ...]) -> Iterator[Record]:
    """`rows`, or one blank record when there are none, so a sheet without rows still gets its
    header (the writer takes a sheet's columns from its first record: without one it wrote no
    header, and warned that every column's width and format was out of range). The one place
    a sheet without rows gets it: `records` and the child's sheets (`writer_process`) give no
    record for such a sheet. Lazy: the child's sheets arrive in order through one pipe, each
    read only when the writer reaches it; and no Python runs per row (the first record is
    looked at, the rest chained in C)."""
    rest = iter(rows)

    def parts() -> Iterator[Iterable[Record]]:
        first = next(rest, None)
        yield (dict.fromkeys(c.header for c in columns),) if first is None else (first,)
        yield rest

    return chain.from_iterable(parts())


def _formats(columns: tuple[Column, ...]) -> list[rx.Format]:
    """Per column: text columns as text (a number typed later stays text too), dates as dates.

    Dates arrive as Excel day numbers (see `store.queries.sheets`): the date format is what
    makes them date cells, in Excel, WPS and LibreOffice as in the import.
    """
    text = rx.Format().set_num_format("@")
    date = rx.Format().set_num_format(DATE_FORMAT)
    plain = rx.Format()
    return [text if c.text else date if c.key in DATE_KEYS else plain for c in columns]


def _help_formats() -> list[rx.Format]:
    """填写说明's columns: its long hints wrap inside their column, so the sheet prints at a
    readable size (unwrapped, the list of categories ran far to the right and fitting the page
    width shrank every line to a speck)."""
    top = rx.Format().set_align("top")
    return [top, top, rx.Format().set_text_wrap().set_align("top")]


def _header_format() -> rx.Format:
    return (
        rx.Format()
        .set_bold()
        .set_background_color("#DDEBF7")
        .set_border("thin")
        .set_text_wrap()
        .set_align("center")
    )


def write_ledger_workbook(
    path: Path,
    sheets: Mapping[str, Iterable[Record]],
    *,
    exported_at: dt.datetime,
    title: str = "劳动力台账",
    demo: bool = False,
) -> None:
    """The ledger sheet, each extra sheet and the instructions, every sheet set up to print.

    `sheets` holds the writer's records (see `records`) of the ledger sheet and each extra
    sheet, by title, in `columns.COLUMNS_OF`' order and shape. `demo`: the ledger is a demo
    (every title row opens with `DEMO_TITLE`).
    """
    layout: dict[str, tuple[Column, ...]] = dict(COLUMNS_OF)
    data: list[tuple[str, Any]] = [
        (name, _header_if_empty(sheets[name], cols)) for name, cols in layout.items()
    ]
    help_rows = _help_records()
    data.append((HELP_SHEET, help_rows))
    header_row = {name: 1 for name in layout} | {HELP_SHEET: 0}
    merge: dict[str, list[Any]] = {
        name: [
            (
                0,
                0,
                0,
                min(len(cols), 12) - 1,
                title_text(title if name == LEDGER else name, exported_at, demo=demo),
            )
        ]
        for name, cols in layout.items()
    }
    validations = {
        name: {
            c.header: {
                "type": "list",
                "values": list(c.choices),
                "error_style": "warning",
                "error_title": "输入值不在下拉列表中",
                "error_message": f"{c.header}建议从下拉列表中选择",
            }
            for c in cols
            if c.choices and len(",".join(c.choices)) < 250
        }
        for name, cols in layout.items()
    }
    widths: dict[str, dict[str, float] | list[float]] = {
        name: [float(c.width) for c in cols] for name, cols in layout.items()
    }
    widths[HELP_SHEET] = [24.0, 10.0, HINT_WIDTH]
    made = io.BytesIO()  # zipped in memory: a full stick leaves no half zip (`write_pieces`)
    with _said_as_the_disks(), _no_panic_text():
        _write_worksheets(data, made, header_row, merge, widths, validations, help_rows, layout)
    docprops.write_with_exported_at(path, made, exported_at)


def _write_worksheets(
    data: list[tuple[str, Any]],
    made: io.BytesIO,
    header_row: dict[str, int],
    merge: dict[str, list[Any]],
    widths: dict[str, dict[str, float] | list[float]],
    validations: dict[str, Any],
    help_rows: list[Record],
    layout: dict[str, tuple[Column, ...]],
) -> None:
    # As write_worksheets types them: a sheet's formats by column (or in order), row heights.
    formats: dict[str, dict[str, rx.Format] | list[rx.Format]] = {
        name: _formats(cols) for name, cols in layout.items()
    }
    formats[HELP_SHEET] = _help_formats()
    heights: dict[str, dict[int, float]] = {name: {1: 32} for name in layout}
    heights[HELP_SHEET] = _help_heights(help_rows)
    rx.write_worksheets(
        data,
        made,
        header_row=header_row,
        merge_ranges=merge,
        freeze_panes={LEDGER: {"row": 2, "col": 3}}
        | {name: {"row": 2, "col": 2} for name in EXTRA_SHEETS}
        | {HELP_SHEET: {"row": 1, "col": 0}},
        datetime_format=DATE_FORMAT,
        column_widths=widths,
        column_formats=formats,
        header_format={name: _header_format() for name in [*layout, HELP_SHEET]},
        page_setup={name: page_setup(header_row[name]) for name in [*layout, HELP_SHEET]},
        ignore_errors={name: [c.header for c in cols if c.text] for name, cols in layout.items()},
        data_validations={k: v for k, v in validations.items() if v},
        notes={LEDGER: {c.header: c.note for c in COLUMNS if c.note}},
        row_heights=heights,
    )


class TempFolderFull(CannotWrite):
    """The writer's work files (the sheets' XML, kept in the system's temporary folder until
    they are zipped) did not fit: the computer's own disk is full, not the chosen stick.
    Kept as itself across the export's child process (`writer_process`)."""


#: The writer's work files could not be written (why, a `Sentence`; what to do, as the cause
#: asks: a full disk is emptied, a folder refused is a permission to look at — `_TEMP_ADVICE`):
#: the computer's own disk. The folder itself (a long path under the user's profile) goes to
#: the log, not the clerk.
TEMP_FOLDER_FULL = template(
    "无法导出：程序暂存表格的文件夹写不进去（%1）。这是电脑本身的磁盘，%2。原来的文件没有改动"
)
#: The cause, by the errno's group in `saving.TROUBLES` (`FULL_DISK`, `NOT_PERMITTED`). Words of
#: their own, not the table's: the work files are on the computer's own disk, which no one
#: write-protects and no Excel holds open — the table's causes would send the clerk to a USB
#: stick or to close Excel — and the group decides what the clerk is told to do (`_TEMP_ADVICE`).
_TEMP_FULL = saving.TROUBLES[errno.ENOSPC].cause  # 磁盘已满: the table's own words
_TEMP_REFUSED = template("没有写入权限")
#: Any other errno: said generally, the system's own words (English on most systems) logged.
_TEMP_OTHER = template("读写时出错")
#: What to do, by the cause: space freed only where the disk is full.
_TEMP_ADVICE = {
    _TEMP_FULL: template("请先腾出空间再导出"),
    _TEMP_REFUSED: template(
        "请让管理这台电脑的人查看这个文件夹的写入权限（或安全软件是否拦住了本程序）后再导出"
    ),
    _TEMP_OTHER: template("请重新启动电脑后再导出一次"),
}


def _temp_cause(number: int) -> str:
    """The cause of the work files not written with errno `number`."""
    if number in saving.FULL_DISK:
        return _TEMP_FULL
    return _TEMP_REFUSED if number in saving.NOT_PERMITTED else _TEMP_OTHER


@contextmanager
def _said_as_the_disks() -> Iterator[None]:
    """The Rust writer's failure to write its work files — a RuntimeError, or a Rust panic
    (pyo3's PanicException, a BaseException) — as `TempFolderFull` (a template and its cause);
    its other errors as they are."""
    try:
        yield
    except BaseException as error:
        if isinstance(error, (KeyboardInterrupt, SystemExit, GeneratorExit)):
            raise
        number = saving.errno_of(error)
        if number is None:
            raise
        log.info(
            "workbook writer could not write its work files in %s: %s",
            tempfile.gettempdir(),
            os.strerror(number),
        )
        cause = _temp_cause(number)
        advice = said(_TEMP_ADVICE[cause])
        raise TempFolderFull(said(TEMP_FOLDER_FULL, said(cause), advice)) from None


@contextmanager
def _no_panic_text() -> Iterator[None]:
    """Rust's own lines on a panic (thread … panicked at …/worksheet.rs, a stack backtrace note)
    go nowhere while the writer runs: the command line prints one Chinese sentence instead."""
    try:
        saved = os.dup(2)
    except OSError:  # no standard error at all (a windowed app on Windows)
        yield
        return
    try:
        with open(os.devnull, "wb") as nowhere:
            os.dup2(nowhere.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


#: 填写说明's hint column: its width, and the height of one line of its text (points).
HINT_WIDTH = 90.0
_LINE_HEIGHT = 14.5


def hint_height(text: str) -> float | None:
    """The height (points) of a 填写说明 row whose hint wraps onto several lines, else None.

    Neither writer measures text, and LibreOffice keeps the height a row was written with; so
    it is set from the text's width: a Chinese character two units of the column's width (as
    in Excel's and WPS's fonts), any other character one, a little room kept for the margins.
    """
    units = sum(2 if ord(c) > 0x2E7F else 1 for c in text)
    lines = -(-units // int(HINT_WIDTH - 4))
    return lines * _LINE_HEIGHT if lines > 1 else None


def _help_heights(rows: list[dict[str, Any]]) -> dict[int, float]:
    """`hint_height` of each 填写说明 row (row 0 is the header)."""
    heights = {}
    for index, row in enumerate(rows, start=1):
        height = hint_height(str(row["填写要求"]))
        if height is not None:
            heights[index] = height
    return heights


def _help_records() -> list[dict[str, Any]]:
    """The 填写说明 sheet: each sheet's columns, whether required, what they take."""
    rows = []
    for name, columns in ((LEDGER, COLUMNS), *EXTRA_SHEETS.items()):
        rows.append({"列名": f"【{name}】", "是否必填": "", "填写要求": _SHEET_HELP[name]})
        for column in columns:
            hint = column.note
            if column.choices:
                hint = (hint + "；" if hint else "") + "可选值：" + "、".join(column.choices)
            if column.key == "categories":
                hint += "。可选类别：" + "、".join(c.value for c in Category)
            rows.append(
                {
                    "列名": column.header,
                    "是否必填": "必填" if column.required else "",
                    "填写要求": hint,
                }
            )
    return rows


_SHEET_HELP = {
    LEDGER: "每人一行；同户成员填同一个户主身份证号码。已在台账中的人可用“更新”方式导入，只改有变化的单元格",
    "就业经历": "每段务工一行，一人可多行；按身份证号码和开始日期对应台账中的记录",
    "失业登记": "每次失业登记一行；按身份证号码和登记日期（或发现日期）对应",
    "培训": "每次培训一行；按身份证号码、开始日期和培训类型对应",
    "走访服务": "每次走访一行，服务类型可填多个；不入户的服务在“是否入户走访”填“否”",
    "月度状态": "每人每月一行：按月更新的就业状态",
}
