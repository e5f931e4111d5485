"""Helpers for tabular tests: write real xlsx/csv files with given headers and rows; read a
月报's 补贴申领 table back by its header's meaning."""

from __future__ import annotations

import csv
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import olefile
import openpyxl


def write_xlsx(path: Path, headers: list[str], rows: list[list[object]], title: str = "") -> Path:
    """An xlsx file (via openpyxl, as a user's Excel would save it); optional title row on top."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    if title:
        sheet.append([title])
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def write_csv(path: Path, headers: list[str], rows: list[list[object]], encoding: str) -> Path:
    """A csv file in the given encoding ('gbk', 'utf-8', 'utf-8-sig')."""
    with path.open("w", encoding=encoding, newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def write_ole(path: Path, streams: dict[str, bytes]) -> Path:
    """A minimal OLE2 compound file (what .xls files and password-protected .xlsx files are)
    holding `streams`, each padded to 4096 bytes so that none lives in the mini stream."""
    sector = 512
    end, free, fat_mark = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    datas = [
        data.ljust(max(4096, -(-len(data) // sector) * sector), b"\0") for data in streams.values()
    ]
    fat: list[int] = [fat_mark]  # sector 0 holds the FAT
    starts = []
    for data in datas:
        count = len(data) // sector
        starts.append(len(fat))
        fat.extend(range(len(fat) + 1, len(fat) + count))
        fat.append(end)
    entries = len(streams) + 1
    dir_sectors = -(-entries * 128 // sector)
    first_dir = len(fat)
    fat.extend(range(first_dir + 1, first_dir + dir_sectors))
    fat.append(end)
    assert len(fat) <= sector // 4, "write_ole: streams too large for one FAT sector"
    fat.extend([free] * (sector // 4 - len(fat)))

    def entry(name: str, kind: int, right: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", free, right, child)
            + b"\0" * 36
            + struct.pack("<IIi", start, size, 0)
        )

    # Siblings in a right-leaning chain, ordered as the format compares names (length first).
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    index = {name: i + 1 for i, name in enumerate(names)}
    directory = entry("Root Entry", 5, free, 1 if names else free, end, 0)
    order = list(streams)
    for i, name in enumerate(names):
        right = index[names[i + 1]] if i + 1 < len(names) else free
        at = order.index(name)
        directory += entry(name, 2, right, free, starts[at], len(datas[at]))
    directory = directory.ljust(dir_sectors * sector, b"\0")
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1")
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, first_dir, 0, 4096, end, 0, end, 0)
        + struct.pack("<I", 0)
        + struct.pack("<108I", *([free] * 108))
    )
    assert len(header) == sector
    body = struct.pack(f"<{sector // 4}I", *fat) + b"".join(datas) + directory
    path.write_bytes(header + body)
    return path


XlsRecords = list[tuple[int, bytes]]


def rewrite_xls(source: Path, path: Path, edit: Callable[[int, XlsRecords], XlsRecords]) -> Path:
    """A copy of the .xls `source` whose sheets' records (type, body) `edit` has changed
    (called with each sheet's index and records, BOF to EOF), the sheets' places in the
    workbook's BOUNDSHEET records moved to match."""
    with olefile.OleFileIO(str(source)) as ole:
        stream = ole.openstream("Workbook").read()
    parts: list[tuple[int, XlsRecords]] = []  # (offset, records) of each substream
    at, depth = 0, 0
    while at + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, at)
        if depth == 0:
            if kind != 0x0809:
                break
            parts.append((at, []))
        parts[-1][1].append((kind, stream[at + 4 : at + 4 + size]))
        depth += kind == 0x0809
        depth -= kind == 0x000A
        at += 4 + size
    rest = stream[at:]

    def joined(records: XlsRecords) -> bytes:
        return b"".join(struct.pack("<HH", k, len(b)) + b for k, b in records)

    (_, book), sheets = parts[0], parts[1:]
    bodies = [joined(edit(i, records)) for i, (_, records) in enumerate(sheets)]
    moved, place = {}, len(joined(book))
    for (offset, _), body in zip(sheets, bodies, strict=True):
        moved[offset], place = place, place + len(body)
    book = [
        (k, struct.pack("<I", moved.get(struct.unpack_from("<I", b)[0], 0)) + b[4:])
        if k == 0x0085
        else (k, b)
        for k, b in book
    ]
    return write_ole(path, {"Workbook": joined(book) + b"".join(bodies) + rest})


def claims_table(sheet: Any) -> list[dict[str, object]]:
    """六、补贴申领's rows on a 月报 sheet (openpyxl), each keyed by its column's name as its
    header says it: 补贴, 资金来源, 申领人数 … 已发放金额 — a group's label (申领, merged
    across its columns) before the label under it (人数); a label merged down both header rows
    (补贴) stands alone. Found by the header's meaning, not by its row or its layout; a table
    running on over pages repeats its header atop each, read as the header it is (its rows
    skipped), not as a subsidy called 补贴."""
    spans = {
        (row, col): span
        for span in sheet.merged_cells.ranges
        for row in range(span.min_row, span.max_row + 1)
        for col in range(span.min_col, span.max_col + 1)
    }

    def value(row: int, col: int) -> object:
        span = spans.get((row, col))
        return sheet.cell(span.min_row, span.min_col).value if span else sheet.cell(row, col).value

    def header(head: int) -> tuple[list[str], int]:
        """The names of the columns under the header starting at `head`, and its first row
        below."""
        below = spans.get((head, 1))
        first = below.max_row + 1 if below else head + 1
        names = []
        for col in range(1, sheet.max_column + 1):
            top, under = value(head, col), value(first - 1, col) if first - 1 > head else None
            name = f"{top or ''}{under or ''}" if under != top else f"{top or ''}"
            names.append(name)
        return names, first

    head = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "补贴")
    names, row = header(head)
    rows = []
    while row <= sheet.max_row:
        label = sheet.cell(row, 1).value
        if label == "补贴":  # the header again, atop a page the table runs on to
            again, below = header(row)
            assert again == names, (row, again, names)
            row = below
            continue
        if label is None or str(label).startswith("注"):
            break
        rows.append({n: sheet.cell(row, c).value for c, n in enumerate(names, 1) if n})
        row += 1
    return rows


def dated(path: Path) -> Path:
    """Give the xlsx at `path` the 台账导出时间 property our export writes, saying now: a test's
    sheet standing for one taken from the ledger at this moment. (A workbook's creation time
    dates nothing: without a date of its own an update reads it as undated, every differing
    cell a conflict.)"""
    import datetime as dt

    from openpyxl.packaging.custom import CustomPropertyList, StringProperty

    from fieldapp.tabular.dates import EXPORTED_AT

    book = openpyxl.load_workbook(path)
    book.custom_doc_props = CustomPropertyList()
    now = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
    book.custom_doc_props.append(StringProperty(name=EXPORTED_AT, value=now))
    book.save(path)
    return path


def write_ods(path: Path, tables: list[tuple[str, str]]) -> Path:
    """An .ods (content.xml as LibreOffice writes it) of the given tables: (name, the rows'
    XML)."""
    body = "".join(
        f'<table:table table:name="{name}">{rows}</table:table>' for name, rows in tables
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
        'office:version="1.3"><office:body><office:spreadsheet>'
        + body
        + "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as book:
        book.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        book.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        book.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path
