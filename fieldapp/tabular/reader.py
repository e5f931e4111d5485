"""Reading a spreadsheet (xlsx, xlsm, xls, xlsb, ods through python-calamine; csv/txt) into rows.

Real 台账 files carry title rows above the header and an instructions sheet beside the data, so
the header is found by content: the row (among the first 20 of each sheet) naming the most known
columns, which must include 姓名 and 身份证号码. Row numbers are the spreadsheet's own (1-based).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from python_calamine import CalamineWorkbook

from fieldapp.domain.errors import ValidationFailed
from fieldapp.tabular.cells import text
from fieldapp.tabular.columns import match_headers

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
        blank = ("", None)
        as_text = text
        first = self.header_row + 1 + start
        for offset, cells in enumerate(self.rows[start:stop]):
            width = len(cells)
            texts = {
                key: v.strip() if type(v) is str else as_text(v)
                for i, key in items
                if i < width and (v := cells[i]) not in blank
            }
            if any(texts.values()):  # a row of cells holding only spaces looks empty too
                odd = {
                    key: v
                    for i, key in raw_items
                    if i < width and (v := cells[i]) is not None and type(v) is not str
                }
                yield first + offset, texts, odd


def read_table(path: str | Path) -> Table:
    """The ledger table in a file, or ValidationFailed saying why none was found."""
    path = Path(path)
    if not path.exists():
        raise ValidationFailed(f"找不到文件：{path}")
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return _find_table([(path.name, _read_text_rows(path))])
    if suffix in SPREADSHEET_SUFFIXES:
        return _find_table(_read_workbook(path))
    raise ValidationFailed(f"不支持的文件类型“{suffix}”：请使用 xlsx、xls 或 csv 文件")


def _read_workbook(path: Path) -> list[tuple[str, list[list[object]]]]:
    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as error:  # noqa: BLE001 - calamine raises several unrelated types
        raise ValidationFailed(
            f"无法读取表格文件 {path.name}：文件已损坏，或不是 Excel/WPS 表格"
            f"（可另存为 .xlsx 或 .csv 后再导入；详细原因：{error}）"
        ) from None
    sheets = []
    for index, name in enumerate(book.sheet_names):
        sheet = book.get_sheet_by_index(index)
        # skip_empty_area=False keeps leading blank rows, so row numbers match Excel's.
        sheets.append((name, sheet.to_python(skip_empty_area=False)))
    return sheets


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
            raise ValidationFailed("无法识别文件编码：请另存为 UTF-8 或 GBK 编码的 CSV") from None


def _read_text_rows(path: Path) -> list[list[object]]:
    content = decode_text(path.read_bytes())
    first = content.split("\n", 1)[0]
    delimiter = max(",\t;", key=first.count)
    return [list(row) for row in csv.reader(io.StringIO(content), delimiter=delimiter)]


def _find_table(sheets: list[tuple[str, list[list[object]]]]) -> Table:
    best: tuple[int, str, int, dict[int, str], list[list[object]]] | None = None
    for name, rows in sheets:
        for index, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
            columns = match_headers(list(cells))
            keys = set(columns.values())
            if {"name", "id_number"} <= keys and (best is None or len(keys) > best[0]):
                best = (len(keys), name, index, columns, rows)
    if best is None:
        raise ValidationFailed(
            "找不到表头：表格中需要有“姓名”和“身份证号码”两列（列名可在前 20 行内的任意一行）"
        )
    _, name, index, columns, rows = best
    header = list(rows[index])
    unknown = [str(c).strip() for i, c in enumerate(header) if i not in columns and str(c).strip()]
    # Rows are lists already (calamine's and csv's own), so no copy of each row.
    return Table(name, index + 1, columns, rows[index + 1 :], unknown)
