"""Refusing hostile or absurd workbooks before they are read, in bounded memory.

A reader allocates for the area a sheet *declares* and for the farthest cell it holds: a 4.9 KB
xlsx whose `<dimension ref="A1:XFD1048576"/>` asks for 17 billion cells aborts the process, one
cell at AZ1048576 costs gigabytes, and a zip entry can inflate a thousandfold. So before the
reader sees a file, its parts are streamed through the decompressor a megabyte at a time and
scanned: decompressed size, declared dimensions, the farthest row and column actually used, and
(for the import report) which rows are hidden. Nothing is held but counters.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from fieldapp.domain.errors import ValidationFailed

#: A file larger than this is no village's 台账 (a 100 000-person export is about 15 MB).
MAX_FILE_BYTES = 300 * 1024 * 1024
#: All parts of a workbook, decompressed (a 100 000 × 36 sheet is about 150 MB of XML).
MAX_XML_BYTES = 1536 * 1024 * 1024
#: Cells a sheet may span (rows × columns of its used area): 200 000 rows of 50 columns.
MAX_CELLS = 10_000_000
#: A zip entry inflating more than this many times is a zip bomb, not a spreadsheet.
MAX_RATIO = 200
_CHUNK = 1 << 20
_TAIL = 512  # bytes kept between chunks, so a tag cut in two is still seen whole

_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*\bref="([A-Za-z]*)(\d*):?([A-Za-z]*)(\d*)"')
# Literal-prefixed patterns: the regex engine then jumps from match to match instead of
# trying at every "<" of the sheet (ten times faster on a 100 000-row sheet). Rows are written
# `<row …>`, or `<x:row …>` by some generators.
_ROW = re.compile(rb"<row\b([^>]*)>")
_X_ROW = re.compile(rb"<x:row\b([^>]*)>")
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
#: Cell references in column BA or beyond (a ledger sheet has about 40 columns): rare, so the
#: scan finds them without building a match for every ordinary cell.
_WIDE_CELL = re.compile(rb' r="((?:[B-Z][A-Z]|[A-Z]{3})\d+)"')
_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_REL = re.compile(rb"<Relationship\b([^>]*)/?>")
_ATTR = re.compile(rb'(\w+)="([^"]*)"')
_REPEAT = re.compile(rb'number-(rows|columns)-repeated="(\d+)"')
#: A repeated row whose first cell holds a value, and a repeated cell holding a value.
_ROW_REPEAT = re.compile(
    rb'<table:table-row\b[^>]*?number-rows-repeated="(\d+)"[^>]*>\s*<table:table-cell\b([^>]*)>'
)
_CELL_REPEAT = re.compile(rb'<table:table-cell\b([^>]*?number-columns-repeated="(\d+)"[^>]*)>')
#: Repeats of cells that hold values beyond these are no 台账 (LibreOffice writes the empty
#: rest of a sheet as one empty row repeated about a million times: that is allowed).
MAX_VALUE_ROWS = 200_000
MAX_VALUE_COLUMNS = 1024


@dataclass
class Scan:
    """What the scan found: per sheet name, its hidden rows (1-based) and its used extent."""

    hidden_rows: dict[str, set[int]] = field(default_factory=dict)
    extents: dict[str, tuple[int, int]] = field(default_factory=dict)


def refuse(reason: str, name: str) -> ValidationFailed:
    """The Chinese refusal every check raises."""
    return ValidationFailed(f"拒绝读取表格文件 {name}：{reason}。文件未被读取，台账没有改动")


def check_file(path: Path) -> Scan:
    """Raise ValidationFailed (Chinese) for an absurd file; else what the scan found."""
    name = path.name
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise refuse(f"文件有 {size // (1024 * 1024)} MB，超过了 {MAX_FILE_BYTES >> 20} MB", name)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".ods") and zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            if suffix == ".ods":
                return _check_ods(archive, name)
            return _check_xlsx(archive, name)
    return Scan()


def _column_number(letters: bytes) -> int:
    number = 0
    for char in letters.upper():
        number = number * 26 + (char - 64)
    return number


def _stream(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, budget: list[int]
) -> Iterator[bytes]:
    """The entry's decompressed bytes, chunk by chunk (each with the previous chunk's tail)."""
    if info.compress_size and info.file_size / max(info.compress_size, 1) > MAX_RATIO * 5:
        raise refuse(f"压缩包中的 {info.filename} 声称解压后有 {info.file_size} 字节", name)
    tail = b""
    read = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                read += len(chunk)
                budget[0] -= len(chunk)
                if budget[0] < 0:
                    raise refuse(f"解压后超过 {MAX_XML_BYTES >> 20} MB", name)
                if read > (1 << 24) and read > MAX_RATIO * max(info.compress_size, 1):
                    raise refuse(f"{info.filename} 的压缩比异常（疑似压缩炸弹）", name)
                yield tail + chunk
                tail = chunk[-_TAIL:]
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise ValidationFailed(f"无法读取表格文件 {name}：文件已损坏（{error}）") from None


def _sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part → sheet name, from workbook.xml and its relationships."""
    try:
        book = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    if len(book) > 16 << 20 or len(rels) > 16 << 20:
        return {}
    targets = {}
    for match in _REL.finditer(rels):
        attrs = dict(_ATTR.findall(match.group(1)))
        target = attrs.get(b"Target", b"").decode("utf-8", "replace")
        target = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        targets[attrs.get(b"Id", b"")] = posixpath.normpath(target)
    found = {}
    for sheet_name, rel_id in _SHEET.findall(book):
        if rel_id in targets:
            found[targets[rel_id]] = _unescape(sheet_name.decode("utf-8", "replace"))
    return found


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


def _check_xlsx(archive: zipfile.ZipFile, name: str) -> Scan:
    scan = Scan()
    budget = [MAX_XML_BYTES]
    declared = sum(i.file_size for i in archive.infolist())
    if declared > MAX_XML_BYTES:
        raise refuse(f"解压后有 {declared >> 20} MB，超过了 {MAX_XML_BYTES >> 20} MB", name)
    names = _sheet_paths(archive)
    for info in archive.infolist():
        part = info.filename
        if part.startswith("xl/worksheets/") and part.endswith(".xml"):
            sheet = names.get(posixpath.normpath(part), part)
            rows, columns, hidden = _scan_sheet(_stream(archive, info, name, budget), sheet, name)
            scan.extents[sheet] = (rows, columns)
            if hidden:
                scan.hidden_rows[sheet] = hidden
        elif part.endswith(".xml") and info.file_size > (8 << 20):
            for _chunk in _stream(archive, info, name, budget):  # shared strings, styles …
                pass
    return scan


def _too_big(sheet: str, rows: int, columns: int, name: str) -> ValidationFailed:
    return refuse(
        f"工作表“{sheet}”的范围达 {rows} 行 × {columns} 列（{rows * columns} 个单元格），"
        f"超过了可读取的 {MAX_CELLS} 个单元格；请删除多余的行列或另存为 CSV 后再导入",
        name,
    )


def _scan_sheet(chunks: Iterator[bytes], sheet: str, name: str) -> tuple[int, int, set[int]]:
    """(last row, last column, hidden rows) of one worksheet's XML."""
    last_row = last_column = 0
    hidden: set[int] = set()
    seen_dimension = False
    for chunk in chunks:
        if not seen_dimension:
            match = _DIMENSION.search(chunk)
            if match:
                seen_dimension = True
                first_col, first_row, end_col, end_row = match.groups()
                columns = _column_number(end_col or first_col)
                rows = int(end_row or first_row or 0)
                if rows * columns > MAX_CELLS:
                    raise _too_big(sheet, rows, columns, name)
        rows = _ROW.finditer(chunk) if b"<x:row" not in chunk else _X_ROW.finditer(chunk)
        for match in rows:
            attrs = match.group(1)
            number = _ROW_NUMBER.search(attrs)
            if number:
                row = int(number.group(1))
                last_row = max(last_row, row)
                if _HIDDEN.search(attrs):
                    hidden.add(row)
        for match in _WIDE_CELL.finditer(chunk):
            ref = match.group(1)
            letters = ref.rstrip(b"0123456789")
            last_column = max(last_column, _column_number(letters))
        width = max(last_column, 52)
        if last_row * width > MAX_CELLS:
            raise _too_big(sheet, last_row, width, name)
    return last_row, last_column, hidden


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
        raise ValidationFailed(f"无法读取表格文件 {name}：不是有效的 ODS 文件") from None
    for chunk in _stream(archive, info, name, budget):
        for kind, count in _REPEAT.findall(chunk):
            if int(count) > 1_100_000:
                raise refuse(
                    f"声明了 {int(count)} 个重复的{'行' if kind == b'rows' else '列'}", name
                )
        for count, cell in _ROW_REPEAT.findall(chunk):
            if int(count) > MAX_VALUE_ROWS and b"value-type" in cell:
                raise refuse(f"一行有内容的数据声明重复 {int(count)} 次", name)
        for cell, count in _CELL_REPEAT.findall(chunk):
            if int(count) > MAX_VALUE_COLUMNS and b"value-type" in cell:
                raise refuse(f"一个有内容的单元格声明重复 {int(count)} 次", name)
    return Scan()
