"""Hostile files are refused before they are read, in bounded memory; CSV exports cannot run
formulas; xlsx exports keep text as text."""

from __future__ import annotations

import csv
import re
import shutil
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import olefile
import openpyxl
import pytest

from fieldapp.domain.errors import ValidationFailed
from fieldapp.store.ledger import Ledger
from fieldapp.tabular import guard
from fieldapp.tabular.ledger_export import export_ledger, neutralise
from fieldapp.tabular.ledger_import import import_ledger
from tests.conftest import make_id
from tests.tabular.sheets import XlsRecords, rewrite_xls, write_csv, write_ole, write_xlsx

ROOT = Path(__file__).resolve().parents[2]
HEAD = make_id("520502", "19750316", "131")

_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_BOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_BOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _sheet(dimension: str, cells: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="{dimension}"/><sheetData>{cells}</sheetData></worksheet>'
    )


_HEADER = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>身份证号码</t></is></c></row>'
)


def _workbook(path: Path, sheet_xml: str | None = None, filler_mb: int = 0) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _BOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS)
        if filler_mb:  # a sheet that inflates from a few hundred KB to hundreds of MB
            with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as stream:
                stream.write(_sheet("A1:B2", _HEADER)[:-24].encode())
                block = b" " * (1 << 20)
                for _ in range(filler_mb):
                    stream.write(block)
                stream.write(b"</sheetData></worksheet>")
        else:
            archive.writestr("xl/worksheets/sheet1.xml", sheet_xml or "")
    return path


def _import_in_a_small_process(tmp_path: Path, path: Path) -> subprocess.CompletedProcess[str]:
    """The CLI import in a process limited to 1.5 GB of address space and 120 s."""
    code = (
        "import resource, sys;"
        "resource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20));"
        "from fieldapp.cli.main import main;"
        f"sys.exit(main(['--db', {str(tmp_path / 'l.db')!r}, 'import', {str(path)!r}]))"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        cwd=ROOT,
    )


@pytest.mark.parametrize(
    ("name", "dimension", "cells"),
    [
        # One real cell at AZ1048576: 54 million cells to allocate (2.3 GB before).
        (
            "far_cell.xlsx",
            "A1:B1",
            _HEADER + '<row r="1048576"><c r="AZ1048576"><v>1</v></c></row>',
        ),
        # The same with no dimension at all and a cell in the last column.
        ("wide.xlsx", "A1", _HEADER + '<row r="300000"><c r="XFD300000"><v>1</v></c></row>'),
    ],
)
def test_absurd_dimensions_are_refused_in_chinese_in_bounded_memory(
    tmp_path, name, dimension, cells
):
    path = _workbook(tmp_path / name, _sheet(dimension, cells))
    assert path.stat().st_size < 6000
    result = _import_in_a_small_process(tmp_path, path)
    assert result.returncode == 2, result.stderr
    assert "拒绝读取" in result.stderr and "单元格" in result.stderr


def test_a_zip_bomb_is_refused_before_it_inflates(tmp_path):
    path = _workbook(tmp_path / "bomb.xlsx", filler_mb=400)
    assert path.stat().st_size < 2 << 20
    result = _import_in_a_small_process(tmp_path, path)
    assert result.returncode == 2, result.stderr
    assert "拒绝读取" in result.stderr and "压缩" in result.stderr


def _shared_strings_book(path: Path, count: int) -> Path:
    """A workbook of two cells whose shared strings (xl/sharedStrings.xml) hold `count`
    strings no cell uses: short ones, which the reader holds at about twice their XML's size
    (30 million, 750 MB of XML in an 80 MB file, cost it 1.8 GB), compressing only tenfold,
    so no ratio gives them away."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _BOOK)
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            _BOOK_RELS.replace(
                "</Relationships>",
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/'
                '2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
            ),
        )
        archive.writestr("xl/worksheets/sheet1.xml", _sheet("A1:B1", _HEADER))
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as stream:
            stream.write(f'<?xml version="1.0"?><sst xmlns="{_MAIN}">'.encode())
            for start in range(0, count, 1 << 20):
                numbers = range(start, min(count, start + (1 << 20)))
                stream.write("".join(f"<si><t>{n:08d}</t></si>" for n in numbers).encode())
            stream.write(b"</sst>")
    return path


def test_shared_strings_past_any_ledgers_are_refused_before_they_are_read(tmp_path):
    path = _shared_strings_book(tmp_path / "strings.xlsx", 30_000_000)
    assert path.stat().st_size < 100 << 20
    result = _import_in_a_small_process(tmp_path, path)
    assert result.returncode == 2, result.stderr
    assert "拒绝读取" in result.stderr and "文字" in result.stderr, result.stderr


def test_shared_strings_as_many_as_a_big_ledgers_pass_the_guard(tmp_path, monkeypatch):
    monkeypatch.setattr(guard, "MAX_SHARED_STRINGS_BYTES", 2 << 20)
    within = _shared_strings_book(tmp_path / "within.xlsx", 80_000)  # 1.9 MB of XML
    assert guard.check_file(within).extents
    past = _shared_strings_book(tmp_path / "past.xlsx", 90_000)  # 2.1 MB
    with pytest.raises(ValidationFailed, match="文字"):
        guard.check_file(past)


def _xls_with_strings(path: Path, count: int) -> Path:
    """The LibreOffice .xls fixture with `count` more one-letter strings in its shared string
    table (SST and its CONTINUE records) that no cell uses: four bytes each in the file, about
    sixty in the reader (1.7 million, a 6.9 MB file, cost it 100 MB: a 300 MB file, 4 GB)."""
    fixture = Path(__file__).parent / "fixtures" / "村台账_libreoffice.xls"
    with olefile.OleFileIO(str(fixture)) as ole:
        stream = bytes(ole.openstream("Workbook").read())
    at = 0
    while struct.unpack_from("<H", stream, at)[0] != 0x00FC:  # the SST record
        at += 4 + struct.unpack_from("<H", stream, at + 2)[0]
    size = struct.unpack_from("<H", stream, at + 2)[0]
    end = at + 4 + size
    assert struct.unpack_from("<H", stream, end)[0] != 0x003C  # the fixture's SST is one record
    total, unique = struct.unpack_from("<II", stream, at + 4)
    records, body = [], struct.pack("<II", total + count, unique + count) + stream[at + 12 : end]
    for n in range(count):
        if len(body) + 4 > 8224:
            records.append(body)
            body = b""
        body += struct.pack("<HB", 1, 0) + bytes([65 + n % 26])
    records.append(body)
    table = b"".join(
        struct.pack("<HH", 0x00FC if i == 0 else 0x003C, len(b)) + b for i, b in enumerate(records)
    )
    grown = bytearray(stream[:at] + table + stream[end:])
    delta, at = len(table) - (end - at), 0
    while struct.unpack_from("<H", grown, at)[0] != 0x000A:  # each sheet's offset moves on
        kind, length = struct.unpack_from("<HH", grown, at)
        if kind == 0x0085:
            struct.pack_into(
                "<I", grown, at + 4, struct.unpack_from("<I", grown, at + 4)[0] + delta
            )
        at += 4 + length
    return write_ole(path, {"Workbook": bytes(grown)})


def test_xls_shared_strings_past_a_ledgers_are_refused_before_they_are_read(
    ledger, tmp_path, monkeypatch
):
    # Was: no bound on an .xls's strings (the reader holds them all, used or not, whatever
    # count the file declares): a 300 MB file of them took it to about 4 GB.
    monkeypatch.setattr(guard, "MAX_XLS_STRINGS_BYTES", 32 << 10)
    within = _xls_with_strings(tmp_path / "within.xls", 7_000)  # 28 KB of strings
    assert guard.check_file(within).extents
    assert import_ledger(ledger, within).persons_imported == 5
    past = _xls_with_strings(tmp_path / "past.xls", 9_000)  # 36 KB
    with pytest.raises(ValidationFailed, match="拒绝读取表格文件 past.xls：其中的文字部分超过"):
        guard.check_file(past)


def test_a_normal_workbook_passes_the_guard(ledger, tmp_path):
    path = write_xlsx(
        tmp_path / "ok.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", "县（市、区）"],
        [["张长英", HEAD, HEAD, "七星关区"]],
    )
    assert import_ledger(ledger, path).persons_imported == 1


def test_a_declared_area_alone_is_no_reason_to_refuse(tmp_path):
    # A 4.9 KB sheet declaring every cell Excel has (<dimension ref="A1:XFD1048576"/>) once
    # aborted an older reader; the reader sizes a sheet by the cells holding values, so it is
    # read in a small process like any other (LibreOffice declares A1:AO1048576 on a 台账
    # saved after a row was deleted: test_round_trip).
    path = _workbook(tmp_path / "declared.xlsx", _sheet("A1:XFD1048576", _HEADER))
    result = _import_in_a_small_process(tmp_path, path)
    assert result.returncode == 0, result.stderr
    assert "拒绝读取" not in result.stderr


@pytest.mark.parametrize(
    ("column", "row", "said"),
    [
        # Under AZ, measured once its row is past the 200 000 that 50 columns allow.
        ("AY", 200001, "的范围达 200,001 行 × 51 列"),
        ("AZ", 200000, "的范围达 200,000 行 × 52 列"),  # measured from AZ on: said as such
        ("BA", 200000, "的范围达 200,000 行 × 53 列"),
    ],
)
def test_a_far_cell_in_column_az_is_said_by_the_sheets_extent(tmp_path, column, row, said):
    # Cells were measured from column BA on, so a far cell in AZ was said as rows running on
    # of unknown width, as one in AY is.
    far = _HEADER + f'<row r="{row}"><c r="{column}{row}"><v>1</v></c></row>'
    with pytest.raises(ValidationFailed, match=f"拒绝读取.*工作表“台账”{said}"):
        guard.check_file(_workbook(tmp_path / "far.xlsx", _sheet("A1", far)))


def _narrow_workbook(path: Path, rows: int) -> Path:
    """A 台账 sheet of `rows` rows of 40 columns (A to AN), streamed into the zip: a header
    of 40 names, then each row holding values in its first and its 40th column."""
    header = "".join(
        f'<c r="{openpyxl.utils.get_column_letter(i)}1" t="inlineStr"><is><t>列{i}</t></is></c>'
        for i in range(1, 41)
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _BOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as stream:
            stream.write(_sheet(f"A1:AN{rows}", f'<row r="1">{header}</row>')[:-24].encode())
            for start in range(2, rows + 1, 10_000):
                stream.write(
                    "".join(
                        f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="AN{r}"><v>1</v></c></row>'
                        for r in range(start, min(start + 10_000, rows + 1))
                    ).encode()
                )
            stream.write(b"</sheetData></worksheet>")
    return path


def test_a_narrow_sheet_within_the_documented_size_passes_the_guard(tmp_path):
    # 195 000 rows of 40 columns: within MAX_CELLS' "200 000 rows of 50 columns", yet the
    # guard took every sheet as 52 columns wide and refused it (195 000 × 52 > 10 000 000).
    scan = guard.check_file(_narrow_workbook(tmp_path / "大台账.xlsx", 195_000))
    assert scan.extents["台账"][0] == 195_000
    # As many rows as the documented size allows, too.
    scan = guard.check_file(_narrow_workbook(tmp_path / "满.xlsx", 200_000))
    assert scan.extents["台账"][0] == 200_000


def test_a_narrow_sheet_past_the_documented_size_is_still_refused(tmp_path):
    path = _narrow_workbook(tmp_path / "过长.xlsx", 260_000)
    with pytest.raises(ValidationFailed) as refused:
        guard.check_file(path)
    said = str(refused.value)
    assert "拒绝读取表格文件 过长.xlsx" in said and "工作表“台账”的行一直延续到第" in said
    assert "超过了可读取的 10,000,000 个单元格" in said and "台账没有改动" in said


def _openpyxl_ledger_with_a_far_cell(path: Path, spelling: str, cell: str = "") -> Path:
    """A 台账 written by openpyxl with one value at XFD5000 (5 000 rows × 16 384 columns: 82
    million cells for the reader to build), that cell's number then written as `spelling` in
    the sheet's XML (or the whole cell as `cell`), nothing else changed."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["姓名", "身份证号码"])
    sheet.append(["张三", HEAD])
    sheet["XFD5000"] = 1
    book.save(path)
    part = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    assert parts[part].count(b' r="XFD5000"') == 1
    if cell:
        written = b'<c r="XFD5000" t="n"><v>1</v></c>'
        assert parts[part].count(written) == 1
        parts[part] = parts[part].replace(written, cell.encode())
    parts[part] = parts[part].replace(b' r="XFD5000"', spelling.encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


#: Ways XML lets a cell's number be written besides Excel's ` r="XFD5000"`, each read by the
#: reader (calamine) as Excel's: small letters, a tab or a line break before it, spaces around
#: "=", single quotes, after another attribute, after an attribute holding ">".
ODD_SPELLINGS = [
    ' r="xfd5000"',
    '\tr="XFD5000"',
    '\nr="XFD5000"',
    ' r = "XFD5000"',
    " r='XFD5000'",
    ' s="0" r="XFD5000"',
    ' ph=">" r="XFD5000"',
]


@pytest.mark.parametrize("spelling", ODD_SPELLINGS)
def test_a_far_cell_is_measured_however_its_number_is_written(tmp_path, spelling):
    # Only cells written ` r="AZ…"` or beyond in capitals were measured: such a sheet was
    # taken as 5 000 rows of `ASSUMED_WIDTH` columns (its extent said 0 columns) and passed.
    path = _openpyxl_ledger_with_a_far_cell(tmp_path / "远.xlsx", spelling)
    with pytest.raises(ValidationFailed, match="工作表“台账”的范围达 5,000 行 × 16,384 列"):
        guard.check_file(path)


def test_a_cell_tag_longer_than_any_program_writes_is_refused(tmp_path, monkeypatch):
    # Kept whole between two reads (to be measured), up to `MAX_CELL`: one longer is no sheet's.
    monkeypatch.setattr(guard, "_CHUNK", 1000)
    long_tag = f' r="XFD5000" ph="{"0" * 2 * guard.MAX_CELL}"'
    path = _openpyxl_ledger_with_a_far_cell(tmp_path / "远.xlsx", long_tag)
    with pytest.raises(ValidationFailed, match="拒绝读取表格文件 远.xlsx：.*单元格的标记长达"):
        guard.check_file(path)


def test_a_cell_past_the_last_column_is_measured(tmp_path):
    # Column AAAA (18 279) is past XFD, yet the reader builds the sheet out to it; three
    # letters were the most looked for, so the scan passed it by.
    path = _openpyxl_ledger_with_a_far_cell(tmp_path / "远.xlsx", ' r="AAAA5000"')
    with pytest.raises(ValidationFailed, match="工作表“台账”的范围达 5,000 行 × 18,279 列"):
        guard.check_file(path)


#: A far cell written so that the quick scan, taking each chunk's last cell for its last row,
#: measured the sheet as far as its second row: under a namespace prefix (any, declared or
#: not, the reader reads it as a cell), ended `</c >`, holding a text ` r="A2"` or a CDATA
#: section that looks like a cell's tag, or with its number in eight digits (the quick scan
#: read seven at most).
FAR_CELLS = [
    '<zz:c r="XFD5000" t="n"><zz:v>1</zz:v></zz:c>',
    "<a-b:c r='XFD5000'><a-b:v>1</a-b:v></a-b:c>",
    f'<x:c xmlns:x="{_MAIN}" r="XFD5000"><x:v>1</x:v></x:c>',
    '<c r="XFD5000" t="n"><v>1</v></c >',
    '<c r="XFD5000" t="inlineStr"><is><t> r="A2"</t></is></c>',
    '<c r="XFD5000" t="inlineStr"><is><t><![CDATA[<c r="A2">]]></t></is></c>',
]


@pytest.mark.parametrize("cell", FAR_CELLS)
def test_a_far_cell_is_measured_however_it_is_written(tmp_path, cell):
    path = _openpyxl_ledger_with_a_far_cell(tmp_path / "远.xlsx", ' r="XFD5000"', cell)
    with pytest.raises(ValidationFailed, match="工作表“台账”的范围达 5,000 行 × 16,384 列"):
        guard.check_file(path)


@pytest.mark.parametrize(
    ("cell", "row"),
    [
        ('<c r="A300000" t="n"><v>1</v></c >', 300000),
        ('<c r="A300000" t="inlineStr"><is><t> r="A2"</t></is></c>', 300000),
        # Eight digits (the sheet's last row has seven): the reader builds the sheet to it.
        ('<c r="A12345678" t="n"><v>1</v></c>', 12345678),
    ],
)
def test_a_far_row_of_a_narrow_sheet_is_measured_however_it_is_written(tmp_path, cell, row):
    path = _openpyxl_ledger_with_a_far_cell(tmp_path / "远.xlsx", ' r="XFD5000"', cell)
    with pytest.raises(ValidationFailed, match=f"工作表“台账”的行一直延续到第 {row} 行以后"):
        guard.check_file(path)


def test_a_far_cell_in_small_letters_is_refused_before_the_reader_builds_it(tmp_path):
    # What it let through: the reader built all 82 million cells, and the import ran out of
    # memory (in the app's own process, on a village laptop) instead of saying why.
    path = _openpyxl_ledger_with_a_far_cell(tmp_path / "远.xlsx", ' r="xfd5000"')
    result = _import_in_a_small_process(tmp_path, path)
    assert result.returncode == 2, result.stderr
    assert "拒绝读取表格文件 远.xlsx" in result.stderr and "5,000 行 × 16,384 列" in result.stderr


@pytest.mark.parametrize("chunk", [333, 1000])
def test_a_far_cell_whose_tag_is_cut_between_two_reads_is_measured(tmp_path, monkeypatch, chunk):
    # The scan reads a sheet a chunk at a time, each with the previous one's last 512 bytes:
    # a cell's tag longer than that, cut by a chunk's end, was seen whole in neither.
    monkeypatch.setattr(guard, "_CHUNK", chunk)
    long_tag = f' r="XFD5000" ph="{"0" * 2000}"'
    path = _openpyxl_ledger_with_a_far_cell(tmp_path / "远.xlsx", long_tag)
    with pytest.raises(ValidationFailed, match="工作表“台账”的范围达 5,000 行 × 16,384 列"):
        guard.check_file(path)


def test_a_refused_file_leaves_the_ledger_untouched(ledger, tmp_path):
    far = _HEADER + '<row r="1048576"><c r="AZ1048576"><v>1</v></c></row>'
    path = _workbook(tmp_path / "d.xlsx", _sheet("A1:B1", far))
    with pytest.raises(ValidationFailed, match="拒绝读取"):
        import_ledger(ledger, path)
    assert ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0] == 0


FORMULAS = ['=HYPERLINK("http://x","点我")', "=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def test_csv_export_neutralises_formulas_and_xlsx_keeps_them_as_text(ledger, tmp_path):
    rows = [
        [name, make_id("520502", f"1980010{i}", "011"), "", "七星关区"]
        for i, name in enumerate(FORMULAS[:3], start=1)
    ]
    for row in rows:
        row[2] = row[1]
    # A CSV holds the text as typed (openpyxl would store "=1+1" as a formula).
    sheet = write_csv(
        tmp_path / "in.csv", ["姓名", "身份证号码", "户主身份证号码", "县（市、区）"], rows, "utf-8"
    )
    assert import_ledger(ledger, sheet).persons_imported == 3
    with ledger.transaction():
        person = ledger.db.execute("SELECT id FROM persons LIMIT 1").fetchone()[0]
        ledger.update("persons", person, {"notes": "@SUM(A1)", "phone": "-1"})
    out = tmp_path / "out.csv"
    export_ledger(ledger, out)
    with out.open(encoding="utf-8-sig", newline="") as stream:
        cells = [c for row in csv.reader(stream) for c in row]
    # The one formula written is the export's own ="…" around a number's digits (kept as text
    # through a spreadsheet program): a constant, nothing typed by anyone.
    kept = re.compile(r'^="[0-9]+X?"$')
    assert not any(
        c.startswith(("=", "+", "-", "@", "\t", "\r")) and not kept.match(c) for c in cells
    )
    assert any(kept.match(c) for c in cells)
    assert "'=1+1" in cells and "'@SUM(A1)" in cells and "'-1" in cells
    for text in FORMULAS:
        assert neutralise(text) == "'" + text
    assert neutralise("张三") == "张三"
    # The xlsx export writes them as text cells, never formulas.
    xlsx = tmp_path / "out.xlsx"
    export_ledger(ledger, xlsx)
    with zipfile.ZipFile(xlsx) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
    values = {
        c.value for row in openpyxl.load_workbook(xlsx)["劳动力台账"].iter_rows() for c in row
    }
    assert "=1+1" in values and all(c.data_type == "s" for c in _cells_of(xlsx, "=1+1"))
    # … and the neutralised CSV imports back to the names as typed.
    again = Ledger.open(tmp_path / "again.db")
    back = import_ledger(again, out)
    assert back.persons_imported == 3
    assert back.sheet_date_source.startswith("表中的“导出时间")  # the CSV's title line
    names = {r[0] for r in again.db.execute("SELECT name FROM persons")}
    assert "=1+1" in names
    again.close()


def _cells_of(path: Path, value: str) -> list:
    book = openpyxl.load_workbook(path)
    return [c for row in book["劳动力台账"].iter_rows() for c in row if c.value == value]


def test_an_ods_repeating_a_filled_row_a_million_times_is_refused(tmp_path):
    """LibreOffice's own empty tail (a blank row repeated a million times) passes; a filled
    one does not."""
    source = Path(__file__).parent / "fixtures" / "村台账_libreoffice.ods"
    bomb = tmp_path / "bomb.ods"
    filled = (
        '<table:table-row table:number-rows-repeated="1000000">'
        '<table:table-cell office:value-type="string"><text:p>张三</text:p></table:table-cell>'
        "</table:table-row>"
    )
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(bomb, "w") as out:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "content.xml":
                text = data.decode()
                at = text.index("</table:table>")
                data = (text[:at] + filled + text[at:]).encode()
            out.writestr(info, data)
    result = _import_in_a_small_process(tmp_path, bomb)
    assert result.returncode == 2, result.stderr
    assert "拒绝读取" in result.stderr and "重复" in result.stderr
    assert _import_in_a_small_process(tmp_path, source).returncode == 0


@pytest.mark.parametrize("chunk", [100, 333, 1 << 20])
def test_hidden_rows_of_ods_and_xls_are_found_whatever_the_read_size(monkeypatch, chunk):
    """The scan reads content.xml a chunk at a time: a row tag cut between two chunks is
    counted once (row numbers stay right)."""

    monkeypatch.setattr(guard, "_CHUNK", chunk)
    fixtures = Path(__file__).parent / "fixtures"
    for suffix in ("ods", "xls"):
        scan = guard.check_file(fixtures / f"村台账_libreoffice.{suffix}")
        assert scan.hidden_rows == {"大坝村": {5}}, suffix


@pytest.mark.parametrize("chunk", [333, 1 << 20])
def test_only_an_ods_is_looked_at_for_ods_tags_between_reads(monkeypatch, chunk):
    """What a read keeps for the next is looked for as an .ods's tags (a tag left open, a cell
    showing an error cut before its text) in an .ods only: an .xlsx's parts hold none, and
    each of its reads was searched back through up to 256 KB for them. The hidden rows found
    are the same."""
    looked: list[str] = []
    for helper in ("_open_ods_tag", "_unfinished_ods_error"):
        real = getattr(guard, helper)

        def spy(data: bytes, real: Callable[[bytes], int] = real, helper: str = helper) -> int:
            looked.append(helper)
            return real(data)

        monkeypatch.setattr(guard, helper, spy)
    monkeypatch.setattr(guard, "_CHUNK", chunk)
    fixtures = Path(__file__).parent / "fixtures"
    scan = guard.check_file(fixtures / "村台账_libreoffice.xlsx")
    assert scan.hidden_rows == {"大坝村": {5}} and looked == []
    scan = guard.check_file(fixtures / "村台账_libreoffice.ods")
    assert scan.hidden_rows == {"大坝村": {5}}
    assert {"_open_ods_tag", "_unfinished_ods_error"} <= set(looked)


def _sheet_with_widths(rows: str) -> str:
    """A worksheet as Excel and the export write it: forty column widths before the rows."""
    widths = "".join(f'<col min="{i}" max="{i}" width="12" customWidth="1"/>' for i in range(1, 41))
    return _sheet("A1", _HEADER + rows).replace("<sheetData>", f"<cols>{widths}</cols><sheetData>")


def test_a_sheet_with_column_widths_is_scanned_by_its_row_numbers():
    """Forty <col> widths counted as cell tags without numbers sent every sheet's first
    megabyte the slow way, tag by tag (a third of the guard's time on an exported 台账)."""
    row = '<row r="{0}"><c r="A{0}" t="inlineStr"><is><t>张三</t></is></c><c r="B{0}"><v>1</v></c></row>'
    chunk = _sheet_with_widths("".join(row.format(r) for r in range(2, 2000))).encode()
    assert not guard._has_bare_tags(chunk)
    # Two cells unnumbered are seen, and one alone (it was let pass, as if cut at the chunk's
    # end: a cut tag is now counted in the next chunk, whole), or numbered otherwise.
    assert guard._has_bare_tags(chunk.replace(b'<c r="A1999"', b"<c").replace(b' r="1998"', b""))
    assert guard._has_bare_tags(chunk.replace(b'<c r="A1999"', b"<c"))
    assert guard._has_bare_tags(chunk.replace(b'<c r="A1999"', b"<c r='A1999'"))
    # Nor does the text of a cell count as a number (` r="` may be written in one).
    texts = chunk.replace("张三".encode(), b' r="1"')
    assert guard._has_bare_tags(texts.replace(b'<c r="A1999"', b"<c"))


@pytest.mark.parametrize("chunk", [100, 333, 1 << 20])
def test_hidden_rows_of_an_xlsx_are_found_whatever_the_read_size(tmp_path, monkeypatch, chunk):
    """A chunk with no hidden row is measured by its last numbered row alone; a hidden row,
    in whichever chunk, or cut between two, is still found, and the sheet's extent kept."""
    monkeypatch.setattr(guard, "_CHUNK", chunk)
    row = '<row r="{0}"{1}><c r="A{0}" t="inlineStr"><is><t>张三</t></is></c><c r="B{0}"><v>1</v></c></row>'
    rows = "".join(row.format(r, ' hidden="1"' if r in (7, 300) else "") for r in range(2, 400))
    path = _workbook(tmp_path / "hidden.xlsx", _sheet_with_widths(rows + '<row r="420"/>'))
    scan = guard.check_file(path)
    assert scan.hidden_rows == {"台账": {7, 300}}
    assert scan.extents["台账"][0] == 399  # its last row holding a value


def test_a_formula_without_its_result_is_found_in_the_chunk_holding_it(tmp_path):
    """Only a chunk holding a formula (<f) is searched for a formula's missing result."""
    cells = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1*2</f></c></row>'
    scan = guard.check_file(_workbook(tmp_path / "f.xlsx", _sheet("A1:B1", cells)))
    assert scan.errors == {"台账": {(1, 2): guard.NO_RESULT}}


def _prefixed(path: Path, empty_value: str) -> Path:
    """`path`'s sheet rewritten with every tag under the prefix x:, as the OpenXML SDK writes
    it (`<x:c r="C6"><x:f>…</x:f></x:c>`), its formulas' empty results written `empty_value`."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    xml = re.sub(r"<(/?)(\w+)(?=[\s/>])", r"<\1x:\2", xml).replace("xmlns=", "xmlns:x=")
    parts["xl/worksheets/sheet1.xml"] = xml.replace("<x:v />", empty_value).encode()
    out = path.with_name("x_" + path.name)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return out


@pytest.mark.parametrize("prefix", ["x", "ns0"])
def test_a_shared_formula_without_its_result_is_found_whatever_the_prefix(tmp_path, prefix):
    """A shared formula's later cells (`<x:f t="shared" si="0"/></x:c>`) keeping no result,
    under the OpenXML SDK's x: or ElementTree's ns0:; a cell with its result is no finding,
    nor a plain sheet's `<xm:f>` (a drop-down's list in Excel's extension, after the rows)."""
    rows = (
        '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f></c>'
        '</row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/></c></row>'
        '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c></row>'
    )
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns:{prefix}='
        '"http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{rows}</sheetData></worksheet>"
    )
    sheet = re.sub(r"<(/?)(?!\?)(\w+)(?=[\s/>])", rf"<\1{prefix}:\2", sheet)
    scan = guard.check_file(_workbook(tmp_path / "f.xlsx", sheet))
    assert scan.errors == {"台账": {(1, 2): guard.NO_RESULT, (2, 2): guard.NO_RESULT}}
    plain = _sheet("A1:B1", '<row r="1"><c r="A1"><v>1</v></c></row>').replace(
        "</worksheet>",
        "<extLst><x14:dataValidation><xm:f>码表!$A$1:$A$5</xm:f></x14:dataValidation></extLst></worksheet>",
    )
    assert guard.check_file(_workbook(tmp_path / "plain.xlsx", plain)).errors == {}


def _ledger_with_formulas_without_results(tmp_path: Path) -> Path:
    """A 台账 openpyxl writes with formulas and no results: 李秀's ID number (B3) and phone
    (D3), 张小军's phone (D4)."""
    place = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
    wife, son = make_id("520502", "19780520", "142"), make_id("520502", "20010101", "153")
    return write_xlsx(
        tmp_path / "f.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", "联系电话", *place],
        [
            ["张长英", HEAD, HEAD, "13800000001", *place.values()],
            ["李秀", f'="{wife[:6]}"&"{wife[6:]}"', HEAD, "=D2", *place.values()],
            ["张小军", son, HEAD, "=D2", *place.values()],
        ],
    )


def _formulas_without_results_are_said(ledger: Ledger, path: Path) -> None:
    """The guard notes each formula of `_ledger_with_formulas_without_results` (as `path`
    writes it), and the import says each: the ID number's row refused, the phone read blank."""
    scan = guard.check_file(path)
    assert scan.errors == {
        "台账": {(3, 2): guard.NO_RESULT, (3, 4): guard.NO_RESULT, (4, 4): guard.NO_RESULT}
    }
    report = import_ledger(ledger, path)
    assert report.persons_imported == 2
    [refused] = report.rejected
    assert refused.row == 3 and refused.reason.startswith("身份证号码是公式，文件里没有保存")
    assert [(w.row, w.reason) for w in report.warnings] == [
        (4, "联系电话是公式没有保存结果，按空白读取")
    ]


@pytest.mark.parametrize("empty_value", ["", "<x:v/>", "<x:v></x:v>"])
def test_a_formula_without_its_result_is_found_in_a_sheet_with_a_namespace_prefix(
    ledger, tmp_path, empty_value
):
    """A sheet written with a prefix (<x:c …><x:f>D2</x:f></x:c>) and a formula keeping no
    result: only `</f></c>` and `<v/>` unprefixed were looked for, so the phone was imported
    blank and the ID number refused as 身份证号码为空, with no word of the formula, while the
    coordinator sees both in Excel. Now said as in an unprefixed sheet."""
    path = _ledger_with_formulas_without_results(tmp_path)
    prefixed = _prefixed(path, empty_value)
    sheet = zipfile.ZipFile(prefixed).read("xl/worksheets/sheet1.xml")
    assert b"<x:row" in sheet and b"<row" not in sheet
    assert (b"</x:f></x:c>" if not empty_value else empty_value.encode()) in sheet
    _formulas_without_results_are_said(ledger, prefixed)


def _mixed(path: Path, mix: str) -> Path:
    """`path`'s sheet (as openpyxl writes it, every tag unprefixed, a formula's missing
    result `<v />`) with its tags' namespace written in several ways at once, each bound to
    the same namespace, as XML allows: `formulas` under x: in unprefixed cells, `cells` under
    x: with formulas under y: and no `<v />` (`</y:f></x:c>`), `rows` under a: for the header
    and first row and x: for the rest, `default` under x: with the formulas unprefixed;
    `spaced`: unprefixed, no `<v />`, a line break between a formula and its cell's end."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    names = f'xmlns="{_MAIN}"'
    assert xml.count(names) == 1
    xml = xml.replace(names, f'{names} xmlns:x="{_MAIN}" xmlns:y="{_MAIN}" xmlns:a="{_MAIN}"')
    head, body = xml.split("<sheetData>")
    body, tail = body.split("</sheetData>")
    if mix in ("cells", "spaced"):
        body = body.replace("<v /></c>", "</c>")
    if mix == "formulas":
        body = re.sub(r"<(/?)f(?=[\s/>])", r"<\1x:f", body)
    elif mix == "spaced":
        body = body.replace("</f></c>", "</f>\n</c>")
    else:
        body = re.sub(r"<(/?)(\w+)(?=[\s/>])", r"<\1x:\2", body)
        if mix == "cells":
            body = re.sub(r"<(/?)x:f(?=[\s/>])", r"<\1y:f", body)
        elif mix == "default":
            body = re.sub(r"<(/?)x:f(?=[\s/>])", r"<\1f", body)
        elif mix == "rows":
            first, rest = body.split('<x:row r="3"')
            body = re.sub(r"<(/?)x:", r"<\1a:", first) + '<x:row r="3"' + rest
    parts["xl/worksheets/sheet1.xml"] = f"{head}<sheetData>{body}</sheetData>{tail}".encode()
    out = path.with_name(f"{mix}_{path.name}")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return out


@pytest.mark.parametrize("mix", ["formulas", "cells", "rows", "default", "spaced"])
def test_a_formula_without_its_result_is_found_whatever_mix_of_prefixes_a_chunk_holds(
    ledger, tmp_path, mix
):
    """The endings of a formula cell keeping no result were looked for unprefixed, or under
    the chunk's first prefix only: a sheet mixing prefixes (a formula `<x:f>` in a cell `<c>`,
    `</y:f></x:c>`, rows under a: then x:) or spacing its tags (`</f>` and `</c>` on two
    lines) had its formulas read as blanks with no word, though the reader reads every such
    cell as Excel's. Each cell is now looked at whatever the chunk's mix."""
    path = _ledger_with_formulas_without_results(tmp_path)
    mixed = _mixed(path, mix)
    _formulas_without_results_are_said(ledger, mixed)


@pytest.mark.parametrize("chunk", [333, 1000, 1 << 20])
def test_a_long_formula_without_its_result_is_found_whatever_the_read_size(
    tmp_path, monkeypatch, chunk
):
    """A cell's formula longer than the 512 bytes a chunk begins with of the one before, cut by
    a chunk's end, was seen whole in neither chunk, and read as a blank with no word."""
    monkeypatch.setattr(guard, "_CHUNK", chunk)
    long_formula = "=D2" + '&""' * 300
    path = write_xlsx(
        tmp_path / "f.xlsx",
        ["姓名", "身份证号码", "联系电话"],
        [["张长英", HEAD, "13800000001"], ["李秀", HEAD, long_formula], ["张小军", HEAD, "=D2"]],
    )
    scan = guard.check_file(path)
    assert scan.errors == {"台账": {(3, 3): guard.NO_RESULT, (4, 3): guard.NO_RESULT}}


def test_a_broken_xls_is_refused_in_chinese(ledger, tmp_path):
    source = Path(__file__).parent / "fixtures" / "村台账_libreoffice.xls"
    broken = tmp_path / "坏.xls"
    broken.write_bytes(source.read_bytes()[:3000])  # the container's tables cut off
    with pytest.raises(ValidationFailed, match="无法读取表格文件 坏.xls：文件已损坏"):
        import_ledger(ledger, broken)
    assert ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0] == 0


def _xls_with_a_far_cell(path: Path, row: int, column: int) -> Path:
    """The LibreOffice .xls fixture with one more number cell in its first sheet."""
    cell = (0x0203, struct.pack("<HHHd", row, column, 15, 1.0))  # NUMBER

    def far(index: int, records: XlsRecords) -> XlsRecords:
        return [*records[:-1], cell, records[-1]] if index == 0 else records  # before its EOF

    return rewrite_xls(Path(__file__).parent / "fixtures" / "村台账_libreoffice.xls", path, far)


def test_an_xls_with_one_far_cell_is_refused_before_it_is_read(ledger, tmp_path):
    # 6 KB: one number at IV65536 made the reader build 65 536 × 256 cells (1.2 GB, 6 s).
    path = _xls_with_a_far_cell(tmp_path / "远.xls", 65535, 255)
    assert path.stat().st_size < 10_000
    with pytest.raises(ValidationFailed, match="拒绝读取.*65,536 行 × 256 列"):
        import_ledger(ledger, path)
    assert ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0] == 0
    # A far cell within reason is read (50 000 rows of the fixture's 13 columns).
    near = _xls_with_a_far_cell(tmp_path / "近.xls", 49999, 12)
    assert guard.check_file(near).extents["大坝村"] == (50000, 13)


def _ods_with(path: Path, rows: str, rest: str | None = None) -> Path:
    """The LibreOffice .ods fixture with `rows` (content.xml) after its first sheet's values,
    before the empty rest LibreOffice writes (a blank row repeated 1 048 569 times), or before
    `rest` in its place."""
    source = Path(__file__).parent / "fixtures" / "村台账_libreoffice.ods"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as out:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "content.xml":
                text = data.decode()
                at = text.rindex("<table:table-row", 0, text.index('rows-repeated="1048569"'))
                data = (text[:at] + rows + (text[at:] if rest is None else rest)).encode()
            out.writestr(info, data, zipfile.ZIP_DEFLATED)
    return path


_EMPTY_ROWS = (
    '<table:table-row table:number-rows-repeated="{rows}">'
    '<table:table-cell table:number-columns-repeated="{columns}"/></table:table-row>'
)
_ONE_VALUE = (
    '<table:table-row><table:table-cell table:number-columns-repeated="{before}"/>'
    '<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p>'
    "</table:table-cell></table:table-row>"
)


@pytest.mark.parametrize(
    ("rows", "words"),
    [
        # 15 KB: a million empty rows, then one value (3 GB and 12 s to read before).
        (_EMPTY_ROWS.format(rows=1000000, columns=40) + _ONE_VALUE.format(before=39), "行 ×"),
        # One value in the 16 000th column of a thousand rows.
        (_EMPTY_ROWS.format(rows=1000, columns=2) + _ONE_VALUE.format(before=16000), "列"),
    ],
)
@pytest.mark.parametrize("chunk", [333, 1 << 20])
def test_an_ods_with_one_far_value_is_refused_before_it_is_read(
    tmp_path, monkeypatch, rows, words, chunk
):
    monkeypatch.setattr(guard, "_CHUNK", chunk)
    path = _ods_with(tmp_path / "远.ods", rows)
    assert path.stat().st_size < 20_000
    with pytest.raises(ValidationFailed, match=f"拒绝读取.*{words}"):
        guard.check_file(path)


def test_an_ods_with_values_as_far_as_a_ledger_reaches_passes_the_guard(tmp_path):
    # LibreOffice's own empty tail after them is no value.
    rows = _EMPTY_ROWS.format(rows=50000, columns=40) + _ONE_VALUE.format(before=39)
    scan = guard.check_file(_ods_with(tmp_path / "近.ods", rows))
    assert scan.extents["大坝村"] == (6 + 50000 + 1, 40)  # its 6 rows, the empty, the value


def _moved_far_sheet(
    tmp_path: Path, folder: str, book: str, edit: Callable[[bytes], bytes] = lambda data: data
) -> Path:
    """A workbook whose sheet holds one cell at AZ1048576, the sheet stored in `folder`, the
    workbook part named `book`; `edit` rewrites each part after."""
    plain = _workbook(
        tmp_path / "plain.xlsx",
        _sheet("A1:B1", _HEADER + '<row r="1048576"><c r="AZ1048576"><v>1</v></c></row>'),
    )
    path = tmp_path / "moved.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info).replace(b"worksheets/", folder[3:].encode())
            data = edit(data.replace(b"xl/workbook.xml", f"xl/{book}.xml".encode()))
            name = info.filename.replace("xl/worksheets/", folder)
            target.writestr(name.replace("workbook.xml", f"{book}.xml"), data)
    return path


@pytest.mark.parametrize(
    ("folder", "book"),
    [("xl/Worksheets/", "workbook"), ("xl/sheets/", "workbook"), ("xl/sheets/", "Book1")],
)
def test_a_sheet_stored_under_another_folder_name_is_still_checked(tmp_path, folder, book):
    # The reader finds the workbook and its sheets through the relationships, whatever their
    # names; the guard looked in xl/worksheets/ only, so one far cell there took 2.3 GB again
    # (or aborted the process).
    path = _moved_far_sheet(tmp_path, folder, book)
    result = _import_in_a_small_process(tmp_path, path)
    assert result.returncode == 2, result.stderr
    assert "拒绝读取" in result.stderr and "单元格" in result.stderr


def test_a_sheet_written_with_a_namespace_prefix_is_still_checked(tmp_path):
    # Python's ElementTree writes <ns0:row …>: the guard counted <row> and <x:row> only, so
    # one far cell took 2.3 GB again.
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?><ns0:worksheet '
        'xmlns:ns0="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><ns0:sheetData>'
        '<ns0:row r="1"><ns0:c r="A1" t="inlineStr"><ns0:is><ns0:t>姓名</ns0:t></ns0:is></ns0:c>'
        '<ns0:c r="B1" t="inlineStr"><ns0:is><ns0:t>身份证号码</ns0:t></ns0:is></ns0:c></ns0:row>'
        '<ns0:row r="1048576"><ns0:c r="AZ1048576"><ns0:v>1</ns0:v></ns0:c></ns0:row>'
        "</ns0:sheetData></ns0:worksheet>"
    )
    result = _import_in_a_small_process(tmp_path, _workbook(tmp_path / "ns0.xlsx", sheet))
    assert result.returncode == 2, result.stderr
    assert "拒绝读取" in result.stderr and "单元格" in result.stderr


@pytest.mark.parametrize(
    "far",
    [
        # 28 KB: a million rows with no r="…" (the format lets it out: each row follows the
        # one before), then one value; the guard counted numbered rows only (2.3 GB before).
        "<row></row>" * 1048000 + "<row><c><v>1</v></c></row>",
        # A thousand empty rows, then one value in the 16 384th column, each cell unnumbered.
        "<row/>" * 1000 + "<row>" + "<c/>" * 16383 + "<c><v>1</v></c></row>",
    ],
)
@pytest.mark.parametrize("chunk", [1000, 1 << 20])
def test_rows_and_cells_without_their_numbers_are_counted(tmp_path, monkeypatch, far, chunk):
    monkeypatch.setattr(guard, "_CHUNK", chunk)
    path = _workbook(tmp_path / "bare.xlsx", _sheet("A1", _HEADER + far))
    with pytest.raises(ValidationFailed, match="拒绝读取.*单元格"):
        guard.check_file(path)


@pytest.mark.parametrize("chunk", [1000, 1 << 20])
def test_a_sheet_without_cell_numbers_as_big_as_a_ledger_passes(tmp_path, monkeypatch, chunk):
    monkeypatch.setattr(guard, "_CHUNK", chunk)
    row = "<row>" + "<c><v>1</v></c>" * 40 + "</row>"
    path = _workbook(tmp_path / "bare.xlsx", _sheet("A1", _HEADER + row * 20000))
    assert guard.check_file(path).extents["台账"] == (20001, 40)


def test_blank_formatted_rows_far_down_are_read_as_the_rows_they_hold(tmp_path):
    # A few people, then rows formatted down to row 300 000 (a height set on each, a styled
    # empty cell in each): refused as "工作表“台账”的行一直延续到第 202268 行以后…", though
    # the reader passes over rows and cells that hold no value (it built 2 rows of this in a
    # few MB). The guard now measures a sheet by its cells holding values, as the reader does.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["姓名", "身份证号码", "户主身份证号码", "县（市、区）"])
    sheet.append(["张长英", HEAD, HEAD, "七星关区"])
    border = openpyxl.styles.Border(bottom=openpyxl.styles.Side(style="thin"))
    for row in range(3, 300001):
        sheet.row_dimensions[row].height = 20
        sheet.cell(row, 1).border = border
        sheet.cell(row, 60).border = border  # a styled empty cell far right too
    book.save(tmp_path / "f.xlsx")
    assert guard.check_file(tmp_path / "f.xlsx").extents["台账"][0] == 2
    result = _import_in_a_small_process(tmp_path, tmp_path / "f.xlsx")
    assert result.returncode == 0, result.stderr
    assert "导入 1 人" in result.stdout


def _xlsb(path: Path, sheet_mb: int = 0) -> Path:
    """An Excel binary workbook's parts (a sheet of `sheet_mb` MB of zeros, deflated)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00")
        with archive.open("xl/worksheets/sheet1.bin", "w", force_zip64=True) as stream:
            block = b"\0" * (1 << 20)
            for _ in range(sheet_mb):
                stream.write(block)
    return path


@pytest.mark.parametrize("name", ["台账.xlsb", "改名的.xlsx"])
def test_an_xlsb_is_refused_unread_saying_to_save_it_as_xlsx(ledger, tmp_path, monkeypatch, name):
    # The guard inflated an .xlsb's parts (a zip bomb), but could not check its binary sheets
    # for their extent, hidden rows and columns or errors before the reader built them: an
    # .xlsb (also one renamed .xlsx) is now refused before anything is inflated or read.
    path = _xlsb(tmp_path / name, sheet_mb=400)  # 1 MB inflating to 400 MB
    assert path.stat().st_size < 2 << 20

    def no_inflating(*args: object, **kwargs: object) -> None:
        raise AssertionError("inflated")

    monkeypatch.setattr(guard, "_stream", no_inflating)
    with pytest.raises(ValidationFailed) as caught:
        import_ledger(ledger, path)
    assert str(caught.value) == (
        f"无法读取表格文件 {name}：这是 Excel 二进制工作簿（.xlsb），本程序不读取这种格式；"
        "请在 Excel 或 WPS 中打开它，另存为 .xlsx（Excel 工作簿）后再导入。台账没有改动"
    )
    assert ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0] == 0


@pytest.mark.parametrize("name", ["多.xlsx", "多.xlsb", "多.ods"])
def test_a_zip_of_countless_parts_is_refused_before_its_directory_is_read(tmp_path, name):
    # The zip reader makes an object of every entry of the directory before anything else:
    # 300 000 empty parts (24 MB) took 190 MB and 2 s, a 300 MB file of them some 2 GB.
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/workbook.xml" if "xl" in name else "content.xml", "<x/>")
        for index in range(40_000):
            archive.writestr(f"xl/media/{index:0200d}.png", b"")
    with pytest.raises(ValidationFailed) as caught:
        guard.check_file(path)
    assert str(caught.value).startswith(
        f"拒绝读取表格文件 {name}：其中的文件目录有 9 MB（表格的只有几 KB 到几百 KB），"
        "不是正常的表格文件"
    )
    # A workbook with a few thousand parts (pictures) has a directory of a few hundred KB.
    assert guard._directory_bytes(_xlsb(tmp_path / "少.xlsb")) < 1000


def _openpyxl_ledger_with_a_far_row(path: Path, far: str, before: str, wide: str = "") -> Path:
    """A 台账 of 300 people written by openpyxl (and a value in the cell `wide`), then `far` (a row's or a cell's XML) written
    into its sheet just before `before`, as a broken or hostile program may write it: ahead of
    rows with lower numbers, in the same read of the sheet."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["姓名", "身份证号码", "户主身份证号码", "县（市、区）"])
    for index in range(300):
        sheet.append([f"张{index}", HEAD, HEAD, "七星关区"])
    if wide:
        sheet[wide] = 1
    book.save(path)
    part = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    assert parts[part].count(before.encode()) == 1
    parts[part] = parts[part].replace(before.encode(), (far + before).encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("far", "before"),
    [
        # A row at 750 000 first, before row 1: the quick scan took each read's last cell
        # for its last row, so the sheet was measured as 301 rows; the reader built 750 000.
        ('<row r="750000"><c r="A750000" t="n"><v>1</v></c></row>', '<row r="1">'),
        # The same amid the rows, and unnumbered (its cell following its row).
        ('<row r="750000"><c r="B750000" t="n"><v>1</v></c></row>', '<row r="150">'),
        ('<row r="750000"><c t="n"><v>1</v></c></row>', '<row r="150">'),
    ],
)
def test_a_far_row_written_before_lower_rows_is_measured(tmp_path, far, before):
    path = _openpyxl_ledger_with_a_far_row(tmp_path / "乱序.xlsx", far, before)
    with pytest.raises(ValidationFailed, match="工作表“台账”的行一直延续到第 750000 行以后"):
        guard.check_file(path)


def test_a_far_row_out_of_order_is_measured_by_the_sheets_width(tmp_path):
    # 150 000 rows of 78 columns (a value at BZ2) is more than the reader may build, though
    # 150 000 rows of the usual width are not.
    far = '<row r="150000"><c r="A150000" t="n"><v>1</v></c></row>'
    path = _openpyxl_ledger_with_a_far_row(tmp_path / "宽.xlsx", far, '<row r="2">', wide="BZ2")
    with pytest.raises(ValidationFailed, match="工作表“台账”的范围达 150,000 行 × 78 列"):
        guard.check_file(path)


def test_an_empty_far_row_written_first_is_not_measured(tmp_path):
    # A formatted row holding no value, written first (as LibreOffice writes its empty row
    # 1048576 last): the reader passes it over, and so does the guard.
    empty = '<row r="1048576" s="1" customFormat="1" ht="12.8"><c r="A1048576" s="1"/></row>'
    path = _openpyxl_ledger_with_a_far_row(tmp_path / "空行.xlsx", empty, '<row r="1">')
    assert guard.check_file(path).extents["台账"][0] == 301


@pytest.mark.parametrize("spelling", ["hidden='1'", 'hidden = "1"', "hidden='true'"])
def test_a_hidden_row_and_column_are_found_however_their_attribute_is_written(tmp_path, spelling):
    # XML lets an attribute be written in single quotes, or with spaces around "=": Excel
    # hides such a row as any other, yet the import report did not say it was hidden.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["姓名", "身份证号码", "备注"])
    for index in range(2, 11):
        sheet.append([f"张{index}", HEAD, "无"])
    sheet.row_dimensions[7].hidden = True
    sheet.column_dimensions["C"].hidden = True
    path = tmp_path / "隐藏.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    assert parts["xl/worksheets/sheet1.xml"].count(b'hidden="1"') == 2
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b'hidden="1"', spelling.encode()
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    scan = guard.check_file(path)
    assert scan.hidden_rows == {"台账": {7}}
    assert scan.hidden_columns == {"台账": {3}}


@pytest.mark.parametrize(
    ("value", "saved"), [("<v> </v>", False), ("<v>\r\n\t</v>", False), ("<v> 6 </v>", True)]
)
def test_a_formula_whose_result_is_only_spaces_has_no_result_saved(tmp_path, value, saved):
    # The reader reads `<v> </v>` as " ", a blank cell: no result, as `<v></v>` is; but such a
    # chunk was taken as one whose every formula is followed by its result.
    cells = f'<row r="1"><c r="A1"><v>3</v></c><c r="B1"><f>A1*2</f>{value}</c></row>'
    scan = guard.check_file(_workbook(tmp_path / "f.xlsx", _sheet("A1:B1", cells)))
    assert scan.errors == ({} if saved else {"台账": {(1, 2): guard.NO_RESULT}})


def test_a_far_row_whose_cell_the_read_cuts_is_measured(tmp_path, monkeypatch):
    # A far row's long tag in one read, its cell cut by the read's end: the next read begins
    # with the cell alone (its row's tag is not kept), amid rows with lower numbers.
    far = f'<row r="750000" ph="{"0" * 800}"><c r="A750000" t="n"><v>1</v></c></row>'
    path = _openpyxl_ledger_with_a_far_row(tmp_path / "乱序.xlsx", far, '<row r="150">')
    with zipfile.ZipFile(path) as archive:
        cut = archive.read("xl/worksheets/sheet1.xml").index(b'<c r="A750000"') + 5
    monkeypatch.setattr(guard, "_CHUNK", cut)
    with pytest.raises(ValidationFailed, match="工作表“台账”的行一直延续到第 750000 行以后"):
        guard.check_file(path)


#: One far cell written inside a low row (its own number far, its row's low): the quick scan
#: took each read's last cell for its last row, so the sheet was measured as 301 rows; the
#: reader places a cell by its own number and built the sheet out to it. In small letters,
#: in seven digits, amid the rows.
FAR_CELLS_IN_LOW_ROWS = [
    ('<c r="A750000" t="n"><v>1</v></c>', '<c r="A2" ', 750000),
    ('<c r="c750000" t="n"><v>1</v></c>', '<c r="B150" ', 750000),
    ('<c r="AX1048576" t="n"><v>1</v></c>', '<c r="D301" ', 1048576),
    ('<c r="A0250000" t="n"><v>1</v></c>', '<c r="A2" ', 250000),
]


@pytest.mark.parametrize(("far", "before", "row"), FAR_CELLS_IN_LOW_ROWS)
def test_a_far_cell_inside_a_low_row_is_measured(tmp_path, far, before, row):
    path = _openpyxl_ledger_with_a_far_row(tmp_path / "远.xlsx", far, before)
    with pytest.raises(
        ValidationFailed, match=f"工作表“台账”的(?:行一直延续到第 {row}|范围达 {row:,}) 行"
    ):
        guard.check_file(path)


def test_a_far_cell_inside_a_low_row_is_refused_before_the_reader_builds_it(tmp_path):
    far, before, _row = FAR_CELLS_IN_LOW_ROWS[0]
    path = _openpyxl_ledger_with_a_far_row(tmp_path / "远.xlsx", far, before)
    result = _import_in_a_small_process(tmp_path, path)
    assert result.returncode == 2, result.stderr
    assert "拒绝读取表格文件 远.xlsx" in result.stderr
    assert "工作表“台账”的行一直延续到第 750000 行以后" in result.stderr
    assert "台账没有改动" in result.stderr


@pytest.mark.parametrize("chunk", [None, 2000])
def test_a_far_cell_inside_a_low_row_of_a_wide_sheet_is_measured_by_its_width(
    tmp_path, monkeypatch, chunk
):
    # 150 000 rows are within reason at 50 columns, not at 78 (a value at BZ250, in the same
    # read as the far cell or in a later one).
    if chunk:
        monkeypatch.setattr(guard, "_CHUNK", chunk)
    far = '<c r="A150000" t="n"><v>1</v></c>'
    path = _openpyxl_ledger_with_a_far_row(tmp_path / "宽.xlsx", far, '<c r="A2" ', wide="BZ250")
    with pytest.raises(ValidationFailed, match="工作表“台账”的范围达 150,000 行 × 78 列"):
        guard.check_file(path)


def test_a_sheet_found_wide_in_a_later_read_is_measured_as_it_is(tmp_path, monkeypatch):
    # Measured again cell by cell: it is what it is, 301 rows of 78 columns.
    monkeypatch.setattr(guard, "_CHUNK", 2000)
    path = _openpyxl_ledger_with_a_far_row(tmp_path / "宽.xlsx", "", '<c r="A2" ', wide="BZ250")
    assert guard.check_file(path).extents["台账"] == (301, 78)


@pytest.mark.parametrize("width", ["width='0'", 'width = "0"', "width='0.0'"])
def test_a_column_of_no_width_is_hidden_however_its_width_is_written(tmp_path, width):
    cols = f'<cols><col min="2" max="2" {width} customWidth="1"/></cols>'
    cells = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>'
    sheet = _sheet("A1:B1", cells).replace("<sheetData>", cols + "<sheetData>", 1)
    assert guard.check_file(_workbook(tmp_path / "w.xlsx", sheet)).hidden_columns == {"台账": {2}}


@pytest.mark.parametrize("spelling", ["table:visibility='collapse'", 'table:visibility = "filter"'])
def test_a_hidden_ods_row_is_found_however_its_attribute_is_written(tmp_path, spelling):
    row = (
        '<table:table-row {}><table:table-cell office:value-type="float" office:value="1">'
        "<text:p>1</text:p></table:table-cell></table:table-row>"
    )
    plain = guard.check_file(
        _ods_with(tmp_path / "a.ods", row.format('table:visibility="collapse"'))
    )
    assert plain.hidden_rows
    assert guard.check_file(_ods_with(tmp_path / "b.ods", row.format(spelling))).hidden_rows == (
        plain.hidden_rows
    )


#: A repeat written in single quotes, or with spaces around "=", or "+7", or a character
#: reference (&#48; is "0"): the reader repeats it as any other (python-calamine read
#: `number-rows-repeated='7'` as seven rows), yet the guard counted it once.
_REPEAT_SPELLINGS = [
    "{name}='{count}'",
    '{name} = "{count}"',
    "{name} =\n'{count}'",
    '{name}="+{count}"',
    '{name}="&#48;{count}"',
]


@pytest.mark.parametrize("spelling", _REPEAT_SPELLINGS)
@pytest.mark.parametrize(
    "rows",
    [
        # A filled row repeated a million times.
        "<table:table-row {rows}>"
        '<table:table-cell office:value-type="string"><text:p>张三</text:p></table:table-cell>'
        "</table:table-row>",
        # A filled cell repeated twenty thousand times.
        '<table:table-row><table:table-cell {columns} office:value-type="float" '
        'office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>',
        # A million empty rows, then one value.
        '<table:table-row {rows}><table:table-cell table:number-columns-repeated="40"/>'
        "</table:table-row><table:table-row><table:table-cell {before}/><table:table-cell "
        'office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>'
        "</table:table-row>",
    ],
)
def test_an_ods_repeat_is_counted_however_its_attribute_is_written(tmp_path, spelling, rows):
    written = rows.format(
        rows=spelling.format(name="table:number-rows-repeated", count=1000000),
        columns=spelling.format(name="table:number-columns-repeated", count=20000),
        before=spelling.format(name="table:number-columns-repeated", count=39),
    )
    with pytest.raises(ValidationFailed, match="拒绝读取"):
        guard.check_file(_ods_with(tmp_path / "重复.ods", written))


@pytest.mark.parametrize("spelling", _REPEAT_SPELLINGS)
def test_an_ods_repeat_within_reason_is_measured_however_written(tmp_path, spelling):
    rows = (
        "<table:table-row {}><table:table-cell table:number-columns-repeated='40'/>"
        "</table:table-row>"
    ).format(spelling.format(name="table:number-rows-repeated", count=50000))
    scan = guard.check_file(_ods_with(tmp_path / "近.ods", rows + _ONE_VALUE.format(before=39)))
    assert scan.extents["大坝村"] == (6 + 50000 + 1, 40)


def test_an_ods_sheet_name_in_single_quotes_is_read(tmp_path):
    row = (
        '<table:table-row table:visibility="collapse"><table:table-cell '
        'office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>'
        "</table:table-row>"
    )
    path = _ods_with(tmp_path / "名.ods", row)
    with zipfile.ZipFile(path) as original:
        entries = {info.filename: original.read(info) for info in original.infolist()}
    entries["content.xml"] = entries["content.xml"].replace(
        'table:name="大坝村"'.encode(), "table:name = '大坝村'".encode()
    )
    quoted = tmp_path / "单引号.ods"
    with zipfile.ZipFile(quoted, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in entries.items():
            out.writestr(name, data)
    assert guard.check_file(quoted).hidden_rows == guard.check_file(path).hidden_rows
    assert "大坝村" in guard.check_file(quoted).hidden_rows


@pytest.mark.parametrize("bounds", ["min='2' max='3'", 'min = "2" max = "3"'])
def test_a_hidden_column_range_is_found_however_its_bounds_are_written(tmp_path, bounds):
    cols = f'<cols><col {bounds} hidden="1"/></cols>'
    cells = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>'
    sheet = _sheet("A1:B1", cells).replace("<sheetData>", cols + "<sheetData>", 1)
    assert guard.check_file(_workbook(tmp_path / "w.xlsx", sheet)).hidden_columns == {
        "台账": {2, 3}
    }


@pytest.mark.parametrize(
    "written",
    ["<sheet name='台账' sheetId='1' r:id='rId1'/>", '<sheet r:id = "rId1" name = "台账"/>'],
)
def test_a_moved_sheet_is_checked_however_the_workbook_names_it(tmp_path, written):
    # python-calamine finds a sheet named in single quotes, or r:id before its name, as any
    # other; the guard did not, so one far cell of a sheet outside xl/worksheets/ was not
    # measured (2.3 GB to read).
    def edit(data: bytes) -> bytes:
        data = data.replace(b"Target=", b"Target = ")
        data = data.replace(b'"sheets/sheet1.xml"', b"'sheets/sheet1.xml'")
        return data.replace(
            '<sheet name="台账" sheetId="1" r:id="rId1"/>'.encode(), written.encode()
        )

    path = _moved_far_sheet(tmp_path, "xl/sheets/", "workbook", edit)
    with zipfile.ZipFile(path) as archive:
        assert written.encode() in archive.read("xl/workbook.xml")
    with pytest.raises(ValidationFailed, match="拒绝读取.*台账"):
        guard.check_file(path)


@pytest.mark.parametrize(
    "ending",
    [
        # Cut inside a cell showing an error, its tag closed, nothing after.
        '<table:table-row><table:table-cell calcext:value-type="error">',
        # Cut between two rows: python-calamine never returned on it (the import hung).
        "",
        '<table:table-row><table:table-cell office:value-type="float" office:value="1"><text:p>1',
        # Its sheet and body closed, not the document.
        "</table:table></office:spreadsheet></office:body>\n",
        "</table:table></office:spreadsheet></office:body></office:document-con",
    ],
)
@pytest.mark.parametrize("chunk", [333, 1 << 20])
def test_an_ods_cut_short_is_refused_before_it_is_read(
    ledger, tmp_path, monkeypatch, ending, chunk
):
    monkeypatch.setattr(guard, "_CHUNK", chunk)
    path = _ods_with(tmp_path / "半截.ods", ending, rest="")
    with pytest.raises(ValidationFailed, match="无法读取表格文件 半截.ods：文件不完整或已损坏"):
        guard.check_file(path)  # (the old guard let it by, for python-calamine to read)
    with pytest.raises(ValidationFailed, match="已损坏.*台账没有改动"):
        import_ledger(ledger, path)
    assert ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0] == 0


@pytest.mark.parametrize(
    "end",
    [
        "</office:document-content>",
        "</office:document-content>\n",
        "</office:document-content >\r\n" + " " * 700 + "\t\n",
        "</o:document-content>\n",
        "</document-content>",
    ],
)
@pytest.mark.parametrize("chunk", [333, 1 << 20])
def test_an_ods_ending_with_its_document_tag_passes_the_guard(tmp_path, monkeypatch, end, chunk):
    # Under any prefix, whatever whitespace follows, wherever a read ends.
    monkeypatch.setattr(guard, "_CHUNK", chunk)
    rest = (
        '<table:table-row table:number-rows-repeated="1048569"><table:table-cell '
        'table:number-columns-repeated="1024"/></table:table-row></table:table>'
        "</office:spreadsheet></office:body>"
    )
    scan = guard.check_file(_ods_with(tmp_path / "整.ods", rest + end, rest=""))
    assert scan.extents["大坝村"] == (6, 13)


_CSV_HEADER = "姓名,身份证号码,户主身份证号码,县（市、区）,乡镇（街道）,村（社区）\n"
_CSV_HEAD = f"张长英,{HEAD},{HEAD},七星关区,碧阳街道,大坝村\n"


def test_a_csv_cell_longer_than_any_spreadsheets_is_refused_naming_its_row(ledger, tmp_path):
    # csv's own limit is 128 KB a cell (Excel's is 32 767 characters): it raised its error
    # through the import, a Python traceback and no Chinese word.
    path = tmp_path / "long.csv"
    path.write_text(_CSV_HEADER + _CSV_HEAD + '李秀,"' + "啊" * 200_000 + '"\n', encoding="utf-8")
    with pytest.raises(ValidationFailed, match=r"拒绝读取.*第 3 行.*长") as refused:
        import_ledger(ledger, path)
    assert "台账没有改动" in str(refused.value)
    assert ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0] == 0


def test_a_csv_of_more_rows_than_a_sheet_may_hold_is_refused_while_it_is_read(
    ledger, tmp_path, monkeypatch
):
    # 3 million rows (152 MB) took 208 s and 2 GB to be rejected row by row; a workbook's
    # sheet past `MAX_CELLS` is refused before it is read. (50 000 cells here, at the least
    # width of 50: 1 000 rows holding values, the header one of them.)
    monkeypatch.setattr(guard, "MAX_CELLS", 50_000)
    rows = "".join(f"张{n},{HEAD},{HEAD},七星关区,碧阳街道,大坝村\n" for n in range(1001))
    path = tmp_path / "many.csv"
    path.write_text(_CSV_HEADER + rows, encoding="utf-8")
    with pytest.raises(ValidationFailed, match=r"拒绝读取.*第 1001 行"):
        import_ledger(ledger, path)


def test_blank_lines_of_a_csv_do_not_count_as_rows_holding_values(ledger, tmp_path, monkeypatch):
    monkeypatch.setattr(guard, "MAX_CELLS", 50_000)
    path = tmp_path / "blank_lines.csv"
    blank = ",,,,,\n" * 5000
    path.write_text(_CSV_HEADER + _CSV_HEAD + blank + "\n" * 5000, encoding="utf-8")
    assert import_ledger(ledger, path).persons_imported == 1


def test_a_csv_line_wider_than_a_sheet_is_refused_naming_its_row(ledger, tmp_path):
    # 2 million columns named in a header of 17 MB took 42 s, and the report listed each
    # one as a column not known (a 17 MB line); no sheet has more than 16 384 columns.
    path = tmp_path / "wide.csv"
    wide = ",".join(f"c{n}" for n in range(16_385))
    path.write_text(f"姓名,身份证号码\n{wide}\n", encoding="utf-8")
    with pytest.raises(ValidationFailed, match=r"拒绝读取.*第 2 行.*16,385 列"):
        import_ledger(ledger, path)


def _sheets_book(path: Path, count: int) -> Path:
    """A workbook of `count` sheets 村1, 村2 … each with the header and one row."""
    book = "".join(
        f'<sheet name="村{n}" sheetId="{n}" r:id="rId{n}"/>' for n in range(1, count + 1)
    )
    rels = "".join(
        f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, count + 1)
    )
    row = f'<row r="2"><c r="A2" t="inlineStr"><is><t>张长英</t></is></c><c r="B2" t="inlineStr"><is><t>{HEAD}</t></is></c></row>'  # noqa: E501
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr(
            "xl/workbook.xml", _BOOK.replace('<sheet name="台账" sheetId="1" r:id="rId1"/>', book)
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            _BOOK_RELS.replace(re.search(r"<Relationship .*?/>", _BOOK_RELS).group(0), rels),
        )
        for n in range(1, count + 1):
            archive.writestr(f"xl/worksheets/sheet{n}.xml", _sheet("A1:B2", _HEADER + row))
    return path


def test_a_workbook_of_more_sheets_than_a_county_has_villages_is_refused_before_it_is_read(
    tmp_path, monkeypatch
):
    # 20 000 sheets of one row each (an 8 MB file) took 93 s to be read; a zip's directory
    # may list 80 000.
    monkeypatch.setattr(guard, "MAX_SHEETS", 10)
    assert len(guard.check_file(_sheets_book(tmp_path / "ten.xlsx", 10)).extents) == 10
    many = _sheets_book(tmp_path / "many.xlsx", 11)
    with pytest.raises(ValidationFailed, match=r"拒绝读取.*11 张工作表"):
        guard.check_file(many)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice not installed")
    profile = (tmp_path / "profile").as_uri()  # its own profile: no other soffice's lock
    for suffix in (".ods", ".xls"):
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to"]
            + [suffix[1:], "--outdir", str(tmp_path), str(many)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        with pytest.raises(ValidationFailed, match=r"拒绝读取.*11 张工作表"):
            guard.check_file(many.with_suffix(suffix))


def test_merged_ranges_laid_over_one_another_are_refused_not_filled_each_time(ledger, tmp_path):
    # 2 000 copies of one range A2:XFD3 (a 5.5 KB file) took 18 s to read, column by column to
    # XFD; as many ranges over more rows, hours. Excel, WPS and LibreOffice never save merged
    # ranges that overlap.
    row = "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>张长英</t></is></c>'
        f'<c r="B{r}" t="inlineStr"><is><t>{HEAD}</t></is></c></row>'
        for r in (2, 3)
    )
    merges = '<mergeCells count="2000">' + '<mergeCell ref="A2:XFD3"/>' * 2000 + "</mergeCells>"
    sheet = _sheet("A1:B3", _HEADER + row).replace("</sheetData>", "</sheetData>" + merges)
    path = _workbook(tmp_path / "merges.xlsx", sheet)
    with pytest.raises(ValidationFailed, match=r"工作表“台账”.*合并单元格.*重叠"):
        import_ledger(ledger, path)
