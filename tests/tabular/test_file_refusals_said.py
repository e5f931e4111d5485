"""A spreadsheet file refused before it is read, or that cannot be read (`tabular.guard`,
`tabular.reader`), is said as a template and its parts (the file's name, a sheet's, the counts
found), so the English window says it in English: each refusal made here by a real file built
as the hostile tests build theirs, read by `reader.read_workbook` as an import reads it (a
bound lowered where the file past the real one would take minutes to build or read). The
templates met (`said_here`) count for `test_every_template_is_met_by_a_scenario`."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.domain.errors import ValidationFailed
from fieldapp.domain.sentences import Sentence
from fieldapp.store.ledger import Ledger
from fieldapp.tabular import guard, ledger_import, reader
from tests.services.sentence_checks import templates
from tests.tabular.sheets import write_ods, write_ole
from tests.tabular.test_hostile import (
    _HEADER,
    _ods_with,
    _openpyxl_ledger_with_a_far_cell,
    _shared_strings_book,
    _sheet,
    _sheets_book,
    _workbook,
    _xls_with_strings,
    _xlsb,
)

Build = Callable[[Path, pytest.MonkeyPatch], Path]


def _zip(path: Path, parts: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _too_big_file(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    mp.setattr(guard, "MAX_FILE_BYTES", 1 << 20)
    return _bytes(tmp / "big.csv", b"a,b\n" * (600 << 10))


def _big_directory(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    mp.setattr(guard, "MAX_DIRECTORY_BYTES", 1000)
    return _zip(tmp / "parts.xlsx", {f"xl/media/{n:040d}.png": b"" for n in range(100)})


def _broken_zip(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    """Its end record whole (a zip by its look), its directory's first entry not."""
    data = _workbook(tmp / "whole.xlsx", _sheet("A1:B1", _HEADER)).read_bytes()
    return _bytes(tmp / "broken.xlsx", data.replace(b"PK\x01\x02", b"PK\x01\x09", 1))


def _broken_data(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    """A sheet whose deflated bytes are damaged in the middle."""
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r * 7919}</v></c></row>' for r in range(2, 3000))
    path = _workbook(tmp / "damaged.xlsx", _sheet("A1:A3000", _HEADER + rows))
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(path.read_bytes())
    middle = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    data[middle : middle + 64] = os.urandom(64)
    return _bytes(tmp / "damaged.xlsx", bytes(data))


def _claims_bytes(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    mp.setattr(guard, "MAX_RATIO", 1)
    return _workbook(tmp / "claims.xlsx", _sheet("A1:B1", _HEADER) + " " * 100_000)


def _zip_bomb(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    """17 MB of four letters, packed about fourfold: past twice its packed size read (the
    ratio lowered from 200), though what it declares is within five times that."""
    mp.setattr(guard, "MAX_RATIO", 2)
    letters = os.urandom(17 << 20).translate(bytes(b"ACGT"[n % 4] for n in range(256)))
    sheet = _sheet("A1:B1", _HEADER).encode().replace(b"</sheetData>", letters + b"</sheetData>")
    return _workbook(tmp / "bomb.xlsx", sheet.decode())


def _long_cell(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    mp.setattr(guard, "_CHUNK", 1000)
    long_tag = f' r="XFD5000" ph="{"0" * 2 * guard.MAX_CELL}"'
    return _openpyxl_ledger_with_a_far_cell(tmp / "long.xlsx", long_tag)


def _declared_past(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    mp.setattr(guard, "MAX_XML_BYTES", 1 << 20)
    return _workbook(tmp / "large.xlsx", filler_mb=2)


def _inflates_past(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    """An .ods (whose parts' declared sizes are not summed first) inflating past the bound."""
    mp.setattr(guard, "MAX_XML_BYTES", 1 << 20)
    rows = "<table:table-row><table:table-cell/></table:table-row>" * 40_000
    return write_ods(tmp / "large.ods", [("Sheet1", rows)])


def _strings_past(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    mp.setattr(guard, "MAX_SHARED_STRINGS_BYTES", 1 << 20)
    return _shared_strings_book(tmp / "strings.xlsx", 100_000)


def _sheets_past(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    mp.setattr(guard, "MAX_SHEETS", 3)
    return _sheets_book(tmp / "sheets.xlsx", 4)


def _sheet_too_big(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    far = '<row r="1000"><c r="XFD1000"><v>1</v></c></row>'
    return _workbook(tmp / "wide.xlsx", _sheet("A1:B1", _HEADER + far))


def _sheet_too_long(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    far = '<row r="1048576"><c r="A1048576"><v>1</v></c></row>'
    return _workbook(tmp / "long.xlsx", _sheet("A1:B1", _HEADER + far))


def _sheets_too_big(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    mp.setattr(guard, "MAX_CELLS", 100)
    row = "<table:table-row>" + '<table:table-cell office:value-type="float" office:value="1"/>' * 6
    rows = row + "</table:table-row>"
    return write_ods(tmp / "sheets.ods", [("One", rows * 10), ("Two", rows * 10)])


def _ods_repeat(attribute: str, cell: str = "") -> Build:
    def build(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
        rows = f"<table:table-row {attribute}><table:table-cell{cell}/></table:table-row>"
        if "columns" in attribute:
            rows = f"<table:table-row><table:table-cell {attribute}{cell}/></table:table-row>"
        return write_ods(tmp / "repeated.ods", [("Sheet1", rows)])

    return build


def _filled_repeat(rows: str) -> Build:
    def build(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
        return write_ods(tmp / "filled.ods", [("Sheet1", rows)])

    return build


_FILLED = ' office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell'


def _named_twice(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    row = '<table:table-row><table:table-cell office:value-type="float" office:value="1"/>'
    rows = row + "</table:table-row>"
    return write_ods(tmp / "twice.ods", [("Village", rows), ("Village", rows)])


def _hidden_runs(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    mp.setattr(guard, "MAX_HIDDEN_RUNS", 2)
    row = '<table:table-row{}><table:table-cell office:value-type="float" office:value="1"/>'
    rows = "".join(
        row.format(' table:visibility="collapse"' if n % 2 else "") + "</table:table-row>"
        for n in range(12)
    )
    return write_ods(tmp / "hidden.ods", [("Sheet1", rows)])


def _xls_strings_past(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    mp.setattr(guard, "MAX_XLS_STRINGS_BYTES", 32 << 10)
    return _xls_with_strings(tmp / "strings.xls", 9_000)


def _overlapping_merges(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    row = '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>'
    merges = '<mergeCells count="50">' + '<mergeCell ref="A1:B2"/>' * 50 + "</mergeCells>"
    sheet = _sheet("A1:B2", _HEADER + row).replace("</sheetData>", "</sheetData>" + merges)
    return _workbook(tmp / "merges.xlsx", sheet)


def _csv(name: str, text: bytes, **bounds: int) -> Build:
    def build(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
        for bound, value in bounds.items():
            mp.setattr(guard if bound == "MAX_CELLS" else reader, bound, value)
        return _bytes(tmp / name, text)

    return build


#: Each refusal: the template it says (as its reason, or itself), and how its file is made.
SCENARIOS: dict[str, tuple[str, Build]] = {
    "file_too_big": (guard.FILE_TOO_BIG, _too_big_file),
    "lock_file": (guard.LOCK_FILE, lambda t, m: _bytes(t / "~$book.xlsx", b"\x05owner")),
    "empty": (guard.EMPTY_FILE, lambda t, m: _bytes(t / "empty.xlsx", b"")),
    "binary": (guard.NOT_A_SPREADSHEET, lambda t, m: _bytes(t / "bin.xlsx", b"\x00\x01\x02x")),
    "xml_2003": (
        guard.XML_2003,
        lambda t, m: _bytes(
            t / "xml.xls",
            b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
        ),
    ),
    "web_page": (guard.WEB_PAGE, lambda t, m: _bytes(t / "page.xls", b"<html><table></table>")),
    "big_directory": (guard.BIG_DIRECTORY, _big_directory),
    "cut_zip": (guard.CUT_ZIP, lambda t, m: _bytes(t / "cut.xlsx", b"PK\x03\x04" + b"x" * 100)),
    "cut_zip_ods": (
        guard.BY_LIBREOFFICE,
        lambda t, m: _bytes(t / "cut.ods", b"PK\x03\x04" + b"x" * 100),
    ),
    "broken_zip": (guard.BROKEN_ZIP, _broken_zip),
    "xlsb": (guard.XLSB, lambda t, m: _xlsb(t / "binary.xlsb")),
    "word_zip": (
        guard.WORD_DOCUMENT,
        lambda t, m: _zip(t / "letter.xlsx", {"word/document.xml": "<w/>"}),
    ),
    "other_zip": (guard.OTHER_ZIP, lambda t, m: _zip(t / "photos.xlsx", {"a.jpg": b"x"})),
    "word_ole": (
        guard.WORD_DOCUMENT,
        lambda t, m: write_ole(t / "letter.xls", {"WordDocument": b"x"}),
    ),
    "other_ole": (guard.OTHER_FILE, lambda t, m: write_ole(t / "other.xls", {"Other": b"x"})),
    "broken_ole": (
        guard.BROKEN_FILE,
        lambda t, m: _bytes(t / "broken.xls", bytes.fromhex("D0CF11E0A1B11AE1") + b"x" * 600),
    ),
    "password": (
        guard.PASSWORD,
        lambda t, m: write_ole(
            t / "locked.xlsx", {"EncryptionInfo": b"x", "EncryptedPackage": b"y"}
        ),
    ),
    "claims_bytes": (guard.CLAIMS_BYTES, _claims_bytes),
    "inflates_past": (guard.INFLATES_PAST, _inflates_past),
    "zip_bomb": (guard.ZIP_BOMB, _zip_bomb),
    "long_cell": (guard.LONG_CELL, _long_cell),
    "broken_data": (guard.BROKEN_DATA, _broken_data),
    "declared_past": (guard.DECLARED_PAST, _declared_past),
    "strings_past": (guard.STRINGS_PAST, _strings_past),
    "sheets_past": (guard.SHEETS_PAST, _sheets_past),
    "sheet_too_big": (guard.SHEET_TOO_BIG, _sheet_too_big),
    "sheet_too_long": (guard.SHEET_TOO_LONG, _sheet_too_long),
    "sheets_too_big": (guard.SHEETS_TOO_BIG, _sheets_too_big),
    "not_ods": (guard.NOT_ODS, lambda t, m: _zip(t / "odd.ods", {"Content.XML": "<x/>"})),
    "repeated_rows": (
        guard.REPEATED_ROWS,
        _ods_repeat('table:number-rows-repeated="2000000"'),
    ),
    "repeated_columns": (
        guard.REPEATED_COLUMNS,
        _ods_repeat('table:number-columns-repeated="2000000"'),
    ),
    "repeated_no_row": (guard.REPEATED_NO_ROW, _ods_repeat('table:number-rows-repeated="0"')),
    "repeated_no_cell": (
        guard.REPEATED_NO_CELL,
        _ods_repeat('table:number-columns-repeated="0"'),
    ),
    "filled_row_repeated": (
        guard.FILLED_ROW_REPEATED,
        _filled_repeat(
            f'<table:table-row table:number-rows-repeated="1000000"><table:table-cell{_FILLED}>'
            "</table:table-row>"
        ),
    ),
    "filled_cell_repeated": (
        guard.FILLED_CELL_REPEATED,
        _filled_repeat(
            '<table:table-row><table:table-cell table:number-columns-repeated="5000"'
            f"{_FILLED}></table:table-row>"
        ),
    ),
    "named_twice": (guard.NAMED_TWICE, _named_twice),
    "hidden_runs": (guard.HIDDEN_RUNS_PAST, _hidden_runs),
    "ods_cut": (guard.ODS_CUT, lambda t, m: _ods_with(t / "cut.ods", "", rest="")),
    "xls_strings_past": (guard.XLS_STRINGS_PAST, _xls_strings_past),
    "wrong_kind": (reader.WRONG_KIND, lambda t, m: _bytes(t / "letter.docx", b"x")),
    "no_suffix": (reader.NO_SUFFIX, lambda t, m: _bytes(t / "ledger", b"x")),
    "no_header": (reader.NO_HEADER, lambda t, m: _bytes(t / "plain.csv", b"a,b\n1,2\n")),
    "no_encoding": (reader.NO_ENCODING, lambda t, m: _bytes(t / "odd.csv", b"a,b\n\xff\xff\n")),
    "overlapping_merges": (reader.MERGES_OVERLAP, _overlapping_merges),
    "not_opened": (
        reader.NOT_OPENED,
        lambda t, m: _zip(t / "odd.xlsx", {"xl/workbook.xml": "<workbook", "xl/x.xml": "<x/>"}),
    ),
    "sheet_broken": (
        reader.SHEET_BROKEN,
        lambda t, m: _workbook(t / "odd.xlsx", _sheet("A1:B1", _HEADER)[:-40]),
    ),
    "text_too_long": (reader.TEXT_TOO_LONG, _csv("lines.csv", b"a,b\n" * 10, TEXT_ROWS=5)),
    "text_too_wide": (reader.TEXT_TOO_WIDE, _csv("wide.csv", b"a,b\n1,2,3,4\n", TEXT_COLUMNS=3)),
    "text_too_big": (reader.TEXT_TOO_BIG, _csv("big.csv", b"a,b\n" * 10, MAX_CELLS=100)),
    "text_cell_too_long": (
        reader.TEXT_CELL_TOO_LONG,
        _csv("cell.csv", b'a,b\n1,"' + b"x" * 200_000 + b'"\n'),
    ),
}


def refusal(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ValidationFailed:
    """The refusal of scenario `name`'s file, read as an import reads it (its bounds lowered
    only while it is made and read)."""
    _template, build = SCENARIOS[name]
    folder = tmp_path / name
    folder.mkdir(parents=True, exist_ok=True)
    with monkeypatch.context() as patched:
        path = build(folder, patched)
        with pytest.raises(ValidationFailed) as refused:
            reader.read_workbook(path)
    return refused.value


def _refused(action: Callable[[], object]) -> ValidationFailed:
    with pytest.raises(ValidationFailed) as refused:
        action()
    return refused.value


def import_refusals(tmp_path: Path) -> dict[str, tuple[str, ValidationFailed]]:
    """The import's refusals before it reads a file, each with the template it says: a file
    changed since its preview, and the user's 就业状态 words it cannot take (a real ledger,
    a real file)."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = _bytes(tmp_path / "village.csv", "姓名,身份证号码\n".encode())
    ledger = Ledger.open(tmp_path / "ledger.db", author="测试员")
    try:
        changed = _refused(lambda: ledger_import.import_ledger(ledger, path, previewed="0" * 64))
    finally:
        ledger.close()
    words = ledger_import.checked_words
    return {
        "changed_since_preview": (ledger_import.CHANGED_SINCE_PREVIEW, changed),
        "word_blank": (ledger_import.WORD_BLANK, _refused(lambda: words({" ": "未就业"}))),
        "not_a_status": (ledger_import.NOT_A_STATUS, _refused(lambda: words({"在家": "务农"}))),
        "read_already": (ledger_import.READ_ALREADY, _refused(lambda: words({"务工": "未就业"}))),
    }


def said_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """The templates every scenario's refusal is made of."""
    made = [refusal(name, tmp_path, monkeypatch) for name in SCENARIOS]
    made += [refused for _template, refused in import_refusals(tmp_path / "import").values()]
    met: set[str] = set()
    for refused in made:
        assert isinstance(refused.said, Sentence), str(refused)
        met |= templates(refused.said)
    return met


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_a_refused_file_is_said_as_its_template_and_parts(name, tmp_path, monkeypatch):
    refused = refusal(name, tmp_path, monkeypatch)
    said = refused.said
    assert isinstance(said, Sentence), str(refused)
    assert SCENARIOS[name][0] in templates(said), str(refused)
    assert str(said) == str(refused)


def test_the_imports_refusals_before_it_reads_are_said_as_templates(tmp_path):
    refusals = import_refusals(tmp_path)
    for template, refused in refusals.values():
        assert isinstance(refused.said, Sentence) and refused.said.template == template
    assert {name: str(refused) for name, (_t, refused) in refusals.items()} == {
        "changed_since_preview": "表格“village.csv”在预览之后又改过了（可能在别的程序里保存过或被替换），"
        "没有导入；请重新预览，看过后再确认",
        "word_blank": "说明用词时要写明表格里的词（“未就业”前面是空的）",
        "not_a_status": "“在家”不能说成“务农”：就业状态只有已就业、未就业、在校、无需就业",
        "read_already": "“务工”已按“已就业”读取，不能再说成“未就业”",
    }
