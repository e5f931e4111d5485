"""The export time as a workbook's custom document property (`dates.EXPORTED_AT`).

The Rust writer of the export writes no document properties, so the finished zip gets them
here: a `docProps/custom.xml` part, its content type in `[Content_Types].xml` and its
relationship in `_rels/.rels`. Only those two small parts are made again; every other part is
copied as it was compressed (recompressing the sheets would cost about half as long again as
writing them), with a new central directory, and written to the file straight from the zip the
writer made in memory (a second copy of it would double the export's peak). A workbook too large for a plain zip (zip64) is
left as written: its title row still carries the export time to the second.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

from fieldapp.tabular.dates import EXPORTED_AT
from fieldapp.tabular.output import write_pieces

_CONTENT_TYPES = "[Content_Types].xml"
_RELS = "_rels/.rels"
_CUSTOM_PART = "docProps/custom.xml"
_OVERRIDE = (
    '<Override PartName="/docProps/custom.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
)
_RELATIONSHIP = (
    '<Relationship Id="rIdExportedAt" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" '
    'Target="docProps/custom.xml"/>'
)
_LIMIT = 0xFFFFFFFF  # past this a zip needs zip64 records


def custom_xml(exported_at: dt.datetime) -> bytes:
    """The custom properties part holding the export time (ISO 8601, UTC, to the millisecond)."""
    moment = exported_at.astimezone(dt.UTC).isoformat(timespec="milliseconds")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
        ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
        f'name="{escape(EXPORTED_AT)}"><vt:lpwstr>{moment}</vt:lpwstr></property></Properties>'
    ).encode()


def write_with_exported_at(path: Path, made: io.BytesIO, exported_at: dt.datetime) -> None:
    """Write the workbook zipped in `made` as the file `path`, with the export time as a custom
    property (as it was when it has custom properties already, lacks the parts named above, or
    needs zip64). The parts go to the disk straight from `made`: no second copy of the zip is
    made in memory. A failure to write leaves no half file (`output.write_pieces`)."""
    write_pieces(path, _pieces(made, exported_at))


def _pieces(made: io.BytesIO, exported_at: dt.datetime) -> list[bytes | memoryview]:
    """The new zip as pieces in order: headers made here, each copied part a view of `made`."""
    zipped = made.getbuffer()
    source = zipfile.ZipFile(made)
    infos = source.infolist()
    names = {info.filename for info in infos}
    if (
        _CUSTOM_PART in names
        or not {_CONTENT_TYPES, _RELS} <= names
        or len(infos) >= 0xFFFF
        or len(zipped) >= _LIMIT // 2
    ):
        return [zipped]
    replaced = {
        _CONTENT_TYPES: _insert(source.read(_CONTENT_TYPES), b"</Types>", _OVERRIDE),
        _RELS: _insert(source.read(_RELS), b"</Relationships>", _RELATIONSHIP),
    }
    if None in replaced.values():
        return [zipped]
    view = zipped
    pieces: list[bytes | memoryview] = []
    central = bytearray()
    offset = 0

    def add(
        info: zipfile.ZipInfo, method: int, crc: int, data: bytes | memoryview, size: int
    ) -> None:
        nonlocal offset
        name = info.filename.encode("utf-8")
        flags = 0x800 if not info.filename.isascii() else 0
        year, month, day, hour, minute, second = info.date_time
        dos_time = hour << 11 | minute << 5 | second // 2
        dos_date = max(year - 1980, 0) << 9 | month << 5 | day
        fixed = (flags, method, dos_time, dos_date, crc, len(data), size, len(name))
        central.extend(
            struct.pack("<IHH", 0x02014B50, 20, 20)
            + struct.pack("<HHHHIIIH", *fixed)
            + struct.pack("<HHHHII", 0, 0, 0, 0, 0, offset)
            + name
        )
        header = (
            struct.pack("<IH", 0x04034B50, 20)
            + struct.pack("<HHHHIIIH", *fixed)
            + struct.pack("<H", 0)
            + name
        )
        pieces.extend((header, data))
        offset += len(header) + len(data)

    for info in infos:
        if info.compress_size >= _LIMIT or info.file_size >= _LIMIT:
            return [zipped]
        new = replaced.get(info.filename)
        if new is not None:
            add(info, zipfile.ZIP_DEFLATED, zlib.crc32(new), _deflate(new), len(new))
            continue
        start = info.header_offset
        if bytes(view[start : start + 4]) != b"PK\x03\x04":
            return [zipped]
        name_length, extra_length = struct.unpack("<HH", view[start + 26 : start + 30])
        begin = start + 30 + name_length + extra_length
        data = view[begin : begin + info.compress_size]
        add(info, info.compress_type, info.CRC, data, info.file_size)
    custom = custom_xml(exported_at)
    when = zipfile.ZipInfo(
        _CUSTOM_PART, date_time=infos[0].date_time if infos else (1980, 1, 1, 0, 0, 0)
    )
    add(when, zipfile.ZIP_DEFLATED, zlib.crc32(custom), _deflate(custom), len(custom))
    count = len(infos) + 1
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), offset, 0)
    pieces.extend((bytes(central), end))
    return pieces


def _insert(text: bytes, before: bytes, addition: str) -> bytes | None:
    at = text.rfind(before)
    return None if at < 0 else text[:at] + addition.encode() + text[at:]


def _deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()
