"""A workbook spelled otherwise than Excel, WPS or LibreOffice spell it is judged as its XML
says: an error value in single quotes or through character references, a sheet's r:id under
another namespace prefix, a sheet's name with character references. Each file is built by
hand (zip + XML); each is refused, or read with its errors said by sheet and cell, and what a
ledger already holds is left as it was."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from fieldapp.domain.errors import ValidationFailed
from fieldapp.store.ledger import Ledger
from fieldapp.tabular import guard
from fieldapp.tabular.ledger_import import import_ledger
from tests.conftest import make_id
from tests.tabular.test_hostile import (
    _BOOK,
    _BOOK_RELS,
    _RELS,
    _TYPES,
    _formulas_without_results_are_said,
    _ledger_with_formulas_without_results,
    _ods_with,
    _sheet,
)

FIXTURES = Path(__file__).parent / "fixtures"
HEAD = make_id("520502", "19750316", "131")
WIFE = make_id("520502", "19780520", "142")
SON = make_id("520502", "20010101", "153")
PLACE = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _rewritten(source: Path, path: Path, edit: Callable[[str, bytes], bytes]) -> Path:
    """`source` (a zip) with each part rewritten by `edit` (part name, bytes → bytes)."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as out:
        for info in original.infolist():
            out.writestr(info.filename, edit(info.filename, original.read(info)), 8)
    return path


def _saved(ledger: Ledger) -> tuple[list[tuple[object, ...]], int]:
    """What the ledger holds: its persons as saved, and how many changes it has recorded."""
    persons = ledger.db.execute("SELECT * FROM persons ORDER BY id_number").fetchall()
    return [tuple(p) for p in persons], ledger.db.execute(
        "SELECT count(*) FROM changes"
    ).fetchone()[0]


# -- an .ods cell showing a formula's error ------------------------------------------------

_ODS_CELL = (
    '<table:table-cell office:value-type="string" calcext:value-type="string">'
    "<text:p>{}</text:p></table:table-cell>"
)
#: How a cell says it shows an error: as LibreOffice writes it, and as XML lets it be
#: written otherwise (python-calamine reads each as the value stored under it, 0 or blank).
_ODS_ERROR_SPELLINGS = [
    'calcext:value-type="error"',
    "calcext:value-type='error'",
    'calcext:value-type = "error"',
    "calcext:value-type=\n'error'",
    'calcext:value-type="&#101;rror"',
    "calcext:value-type='&#x65;&#x72;ror'",
    'calcext:value-type="err&#111;r"',
    'xmlns:lo="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"'
    ' lo:value-type="error"',
]


def _ods_errors(
    path: Path, spelling: str, shown: str = "<text:p>{}</text:p>", name: str = "大坝村"
) -> Path:
    """The LibreOffice fixture with 李秀's phone showing #DIV/0! and 张小军's ID number showing
    #N/A, the cells saying so as `spelling`, their text as `shown`, their sheet's name (大坝村)
    written as `name`."""

    def edit(part: str, data: bytes) -> bytes:
        if part != "content.xml":
            return data
        text = data.decode().replace('table:name="大坝村"', f'table:name="{name}"')
        for value, formula, stored, error in [
            ("13800000002", "of:=1/0", 'office:value-type="float" office:value="0"', "#DIV/0!"),
            (SON, "of:=VLOOKUP(1;$Sheet2.A1:B2;2;0)", 'office:value-type="string"', "#N/A"),
        ]:
            assert _ODS_CELL.format(value) in text
            text = text.replace(
                _ODS_CELL.format(value),
                f'<table:table-cell table:formula="{formula}" {stored} {spelling}>'
                f"{shown.format(error)}</table:table-cell>",
            )
        return text.encode()

    return _rewritten(FIXTURES / "村台账_libreoffice.ods", path, edit)


@pytest.mark.parametrize("spelling", _ODS_ERROR_SPELLINGS)
def test_an_ods_error_is_said_however_its_cell_spells_it(ledger, tmp_path, spelling):
    # Written in single quotes or through a character reference, the error went unseen: the
    # phone showing #DIV/0! went in as "0", the son showing #N/A was refused as 身份证号码为空.
    # Saved first as the village typed it, the ledger keeps what it holds.
    import_ledger(ledger, FIXTURES / "村台账_libreoffice.ods")
    before = _saved(ledger)
    path = _ods_errors(tmp_path / "错误值.ods", spelling)
    assert guard.check_file(path).errors == {"大坝村": {(5, 9): "#DIV/0!", (6, 2): "#N/A"}}
    report = import_ledger(ledger, path)  # the others are refused as already in the ledger
    [refused] = [r for r in report.rejected if "错误值" in r.reason]
    assert (refused.sheet, refused.row) == ("大坝村", 6)
    assert refused.reason.startswith("身份证号码是公式的错误值“#N/A”（公式没有找到要取的值）")
    said = [(w.sheet, w.row, w.reason) for w in report.warnings if "错误值" in w.reason]
    assert said == [("大坝村", 5, "联系电话是公式的错误值“#DIV/0!”，按空白读取")]
    assert _saved(ledger)[0] == before[0]


@pytest.mark.parametrize(
    "shown",
    [
        '<text:p text:style-name="P1">{}</text:p>',
        '<t:p xmlns:t="urn:oasis:names:tc:opendocument:xmlns:text:1.0">{}</t:p>',
        "<text:p >{}</text:p >",
    ],
)
def test_an_ods_errors_text_is_read_however_its_paragraph_is_written(tmp_path, shown):
    path = _ods_errors(tmp_path / "文字.ods", "calcext:value-type='error'", shown)
    assert guard.check_file(path).errors == {"大坝村": {(5, 9): "#DIV/0!", (6, 2): "#N/A"}}


@pytest.mark.parametrize("name", ["&#22823;坝村", "&#x5927;&#x575D;&#x6751;", "大坝&#26449;"])
def test_an_ods_sheets_errors_are_said_however_its_name_is_written(ledger, tmp_path, name):
    # The reader reads a sheet's name with its character references replaced; the guard kept
    # its errors (and hidden rows) under the name as written, which no sheet read had: the
    # #DIV/0! phone went in as "0" and the #N/A son was refused as 身份证号码为空.
    path = _ods_errors(tmp_path / "名.ods", 'calcext:value-type="error"', name=name)
    scan = guard.check_file(path)
    assert scan.errors == {"大坝村": {(5, 9): "#DIV/0!", (6, 2): "#N/A"}}
    assert scan.hidden_rows == {"大坝村": {5}}  # 李秀's row, as the fixture hides it
    report = import_ledger(ledger, path)
    [refused] = report.rejected
    assert (refused.sheet, refused.row) == ("大坝村", 6)
    assert refused.reason.startswith("身份证号码是公式的错误值“#N/A”")
    said = [(w.sheet, w.row, w.reason) for w in report.warnings if "错误值" in w.reason]
    assert said == [("大坝村", 5, "联系电话是公式的错误值“#DIV/0!”，按空白读取")]


# -- an .xlsx cell holding an error value ----------------------------------------------------


def _in_sheets(replaced: list[tuple[bytes, bytes]]) -> Callable[[str, bytes], bytes]:
    """An edit for `_rewritten`: in each worksheet, each text of `replaced` (found once)
    replaced by the other."""

    def edit(part: str, data: bytes) -> bytes:
        if not part.startswith("xl/worksheets/"):
            return data
        for written, instead in replaced:
            assert data.count(written) == 1
            data = data.replace(written, instead)
        return data

    return edit


def _xlsx_errors(path: Path, spelling: str) -> Path:
    """台账 with 张长英's phone showing #REF! and 李秀's 户主身份证号码 showing #N/A, their
    cells' type written as `spelling` (`t="e"` as Excel writes it)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["姓名", "身份证号码", "户主身份证号码", "与户主关系", "联系电话", *PLACE])
    sheet.append(["张长英", HEAD, HEAD, "户主", "#REF!", *PLACE.values()])
    sheet.append(["李秀", WIFE, "#N/A", "配偶", "13800000002", *PLACE.values()])
    buffer = io.BytesIO()
    book.save(buffer)

    def edit(part: str, data: bytes) -> bytes:
        if not part.startswith("xl/worksheets/"):
            return data
        assert data.count(b't="e"') == 2
        return data.replace(b't="e"', spelling.encode())

    return _rewritten(buffer, path, edit)  # type: ignore[arg-type]


def _xlsx_errors_are_said(ledger: Ledger, path: Path) -> None:
    """The guard notes each error of `_xlsx_errors` (as `path` writes it) where it is, and the
    import says 李秀's #N/A 户主身份证号码."""
    assert guard.check_file(path).errors == {"台账": {(2, 5): "#REF!", (3, 3): "#N/A"}}
    report = import_ledger(ledger, path)
    [refused] = report.rejected
    assert (refused.sheet, refused.row) == ("台账", 3)
    assert "户主身份证号码" in refused.reason and "#N/A" in refused.reason


@pytest.mark.parametrize("spelling", ['t="e"', "t='e'", 't = "e"', "t=\n'e'"])
def test_an_xlsx_error_is_said_however_its_cell_spells_it(ledger, tmp_path, spelling):
    # python-calamine reads `t='e'` as an error (blank), as `t="e"`; the guard looked for the
    # latter only, so 李秀 was refused as 户主身份证号码为空 and the #REF! phone dropped unsaid.
    path = _xlsx_errors(tmp_path / "e.xlsx", spelling)
    assert guard.check_file(path).errors == {"台账": {(2, 5): "#REF!", (3, 3): "#N/A"}}
    report = import_ledger(ledger, path)
    [refused] = report.rejected
    assert (refused.sheet, refused.row) == ("台账", 3)
    assert "户主身份证号码" in refused.reason and "#N/A" in refused.reason
    said = [(w.sheet, w.row) for w in report.warnings if "#REF!" in w.reason]
    assert said == [("台账", 2)]


@pytest.mark.parametrize("chunk", [61, 97, 1 << 20])
@pytest.mark.parametrize(
    "numbered",
    [
        [(b'<c r="C3" t="e">', b'<c t="e">')],  # its column counted
        [(b'<c r="C3" t="e">', b'<c t="e">'), (b'<row r="3"', b"<row")],  # and its row
    ],
)
def test_an_xlsx_error_in_a_cell_with_no_number_is_said_where_it_is_counted(
    ledger, tmp_path, monkeypatch, chunk, numbered
):
    # python-calamine places a cell written with no number (`<c t="e">`) after the one before
    # it, in its row; the guard kept only a numbered cell's error, so 李秀's #N/A 户主身份证号码
    # was refused as 户主身份证号码为空, the sheet showing #N/A.
    monkeypatch.setattr(guard, "_CHUNK", chunk)
    source = _xlsx_errors(tmp_path / "e.xlsx", 't="e"')
    _xlsx_errors_are_said(ledger, _rewritten(source, tmp_path / "bare.xlsx", _in_sheets(numbered)))


@pytest.mark.parametrize("chunk", [700, 1000, 1500, 2000])
def test_an_xlsx_error_with_no_number_after_a_read_measured_by_its_numbers_is_placed_right(
    ledger, tmp_path, monkeypatch, chunk
):
    # A row begun in a read measured by its numbers alone (李秀's name and ID number, B3) and
    # continued, after the read's end, by an error cell written with no number: the count
    # went on from the column it last counted tag by tag, not from B3, so the #N/A was noted
    # in the wrong column (A3) and 李秀 refused as 户主身份证号码为空.
    monkeypatch.setattr(guard, "_CHUNK", chunk)
    source = _xlsx_errors(tmp_path / "e.xlsx", 't="e"')

    spaced = [(b'<c r="C3" t="e">', b" " * 3000 + b'<c t="e">')]
    _xlsx_errors_are_said(ledger, _rewritten(source, tmp_path / "spaced.xlsx", _in_sheets(spaced)))


@pytest.mark.parametrize("chunk", [61, 97, 1 << 20])
@pytest.mark.parametrize(
    "numbered",
    [
        [(b'<c r="B3">', b"<c>"), (b'<c r="D4">', b"<c>")],  # their columns counted
        [(b'<c r="D4">', b"<c>"), (b'<row r="4"', b"<row")],  # and its row
    ],
)
def test_an_xlsx_formula_with_no_result_in_a_cell_with_no_number_is_said_where_counted(
    ledger, tmp_path, monkeypatch, chunk, numbered
):
    # A formula kept with no result in a cell written with no number (`<c><f>D2</f><v/></c>`,
    # python-calamine placing it after the cell before it) was passed over: 李秀's ID number
    # was refused as 身份证号码为空 and 张小军's phone read blank without a word.
    monkeypatch.setattr(guard, "_CHUNK", chunk)
    source = _ledger_with_formulas_without_results(tmp_path)
    path = _rewritten(source, tmp_path / "bare.xlsx", _in_sheets(numbered))
    _formulas_without_results_are_said(ledger, path)


@pytest.mark.parametrize("chunk", [61, 97, 1 << 20])
@pytest.mark.parametrize(
    "quoted",
    [
        [(b'<c r="C3" t="e">', b'<c r="C3" x="a>b" t="e">')],  # numbered
        [(b'<c r="C3" t="e">', b"<c x='a>b' t=\"e\">")],  # with no number
    ],
)
def test_an_xlsx_error_in_a_cell_with_a_greater_than_sign_in_a_quoted_value_is_said(
    ledger, tmp_path, monkeypatch, chunk, quoted
):
    # XML lets ">" stand in an attribute's value, and python-calamine reads the tag whole
    # (`<c r="C3" x="a>b" t="e">` is an error cell, read blank); the guard read the tag only
    # up to that ">", so 李秀's #N/A 户主身份证号码 was refused as 户主身份证号码为空, unsaid.
    monkeypatch.setattr(guard, "_CHUNK", chunk)
    source = _xlsx_errors(tmp_path / "e.xlsx", 't="e"')
    _xlsx_errors_are_said(ledger, _rewritten(source, tmp_path / "gt.xlsx", _in_sheets(quoted)))


def test_an_error_type_inside_a_quoted_value_is_no_error(tmp_path):
    # `x='t="e">'` is a value, not the cell's type: python-calamine reads 李秀's C3 as the text
    # "#N/A"; the guard found `t="e"` inside the quotes and noted an error cell.
    source = _xlsx_errors(tmp_path / "e.xlsx", 't="e"')
    quoted = [(b'<c r="C3" t="e">', b'<c r="C3" x=\'t="e">\'>')]
    path = _rewritten(source, tmp_path / "in.xlsx", _in_sheets(quoted))
    assert guard.check_file(path).errors == {"台账": {(2, 5): "#REF!"}}


@pytest.mark.parametrize("chunk", [61, 97, 1 << 20])
@pytest.mark.parametrize("closed", [b'<c r="C3" t="e"/>', b'<c t="e"/>'])
def test_an_error_cell_closed_in_its_tag_is_blank_not_the_next_cells_value(
    ledger, tmp_path, monkeypatch, chunk, closed
):
    # `<c r="C3" t="e"/>` holds no value: python-calamine reads 李秀's 户主身份证号码 blank and
    # D3 as 配偶. The guard read on past the tag's end to the next cell's `<v>配偶</v>` and
    # noted it as C3's error, so 李秀 was refused for an error value the sheet does not show.
    monkeypatch.setattr(guard, "_CHUNK", chunk)
    source = _xlsx_errors(tmp_path / "e.xlsx", 't="e"')
    spouse = '<c r="D3" t="inlineStr"><is><t>配偶</t></is></c>'.encode()
    edits = [
        (b'<c r="C3" t="e"><v>#N/A</v></c>', closed),
        (spouse, '<c r="D3" t="str"><v>配偶</v></c>'.encode()),
    ]
    path = _rewritten(source, tmp_path / "closed.xlsx", _in_sheets(edits))
    assert guard.check_file(path).errors == {"台账": {(2, 5): "#REF!"}}
    report = import_ledger(ledger, path)
    [refused] = report.rejected
    assert (refused.sheet, refused.row) == ("台账", 3)
    assert "户主身份证号码" in refused.reason and "错误值" not in refused.reason


def _cut_after_the_rows(source: Path, path: Path, rest: bytes) -> Path:
    """`source` with its sheet cut after its rows, ending in `rest` (a tag never closed)."""

    def edit(part: str, data: bytes) -> bytes:
        if not part.startswith("xl/worksheets/"):
            return data
        return data[: data.index(b"</sheetData>")] + b'<row r="4">' + rest

    return _rewritten(source, path, edit)


def test_an_error_cells_tag_left_open_to_the_sheets_end_is_refused(ledger, tmp_path):
    # `<c r="A4" t="e"` and a megabyte of ` t="e"`, never closed: the guard looked for the
    # tag's end again from each ` t="e"` (over an hour) before refusing it as no cell.
    source = _xlsx_errors(tmp_path / "e.xlsx", 't="e"')
    path = _cut_after_the_rows(
        source, tmp_path / "open.xlsx", b'<c r="A4" t="e"' + b' t="e"' * 200_000
    )
    before = _saved(ledger)
    with pytest.raises(ValidationFailed, match="单元格的标记长达"):
        guard.check_file(path)
    with pytest.raises(ValidationFailed, match="单元格的标记长达"):
        import_ledger(ledger, path)
    assert _saved(ledger) == before


@pytest.mark.parametrize(
    "rest",
    [
        b'<c t="e" ' * 130_000,  # error cells' tags, none closed
        b"<c " * 400_000,  # cells' tags
        b"<c <f " * 200_000,  # cells' tags and formulas'
        b'<c x="' * 200_000,  # cells' tags, each a quote never closed
        b'<row r="5" ' * 100_000,  # rows' tags
        b'<row r="5" hidden="1" ' * 50_000,  # hidden rows' tags
        b"<col " * 200_000,  # columns' tags
    ],
)
def test_cell_tags_left_open_to_the_sheets_end_are_no_cells(ledger, tmp_path, rest):
    # A megabyte of cell, row or column tags never closed, after the rows: python-calamine
    # refuses the sheet (a tag not closed). The guard read each tag on to the sheet's end (the
    # tag by tag count, the error and formula cells' reads, the last row's number, the hidden
    # columns), some minutes, some hours, before letting it by.
    source = _xlsx_errors(tmp_path / "e.xlsx", 't="e"')
    path = _cut_after_the_rows(source, tmp_path / "open.xlsx", rest)
    assert guard.check_file(path).errors == {"台账": {(2, 5): "#REF!", (3, 3): "#N/A"}}
    before = _saved(ledger)
    with pytest.raises(ValidationFailed, match="已损坏"):
        import_ledger(ledger, path)
    assert _saved(ledger) == before


@pytest.mark.parametrize(
    "long_tag",
    [
        b"<c " + b"a" * 200_000 + b' r="C3" t="e">',  # numbered
        b"<c " + b"a" * 200_000 + b' t="e">',  # with no number
    ],
)
def test_an_error_cell_whose_tag_holds_a_long_name_is_said(ledger, tmp_path, long_tag):
    # python-calamine reads `<c aaaa… r="C3" t="e">` (a name with no value) as C3, an error
    # cell; the guard looked for an attribute from each of the name's letters in turn, some
    # forty minutes for 200 000 of them.
    source = _xlsx_errors(tmp_path / "e.xlsx", 't="e"')
    path = _rewritten(source, tmp_path / "long.xlsx", _in_sheets([(b'<c r="C3" t="e">', long_tag)]))
    _xlsx_errors_are_said(ledger, path)


@pytest.mark.parametrize("chunk", [61, 97, 1 << 20])
@pytest.mark.parametrize(
    "quoted",
    [
        [(b'<c r="D4">', b'<c r="D4" x="a>b">')],  # numbered
        [(b'<c r="B3">', b"<c x='a>b'>"), (b'<c r="D4">', b'<c x="a>b">')],  # with none
    ],
)
def test_an_xlsx_formula_with_no_result_in_a_cell_with_a_greater_than_sign_is_said(
    ledger, tmp_path, monkeypatch, chunk, quoted
):
    # A formula with no result saved, in a cell whose tag holds ">" in a quoted value: the
    # guard read the tag only up to that ">" and passed the formula over, so 张小军's phone
    # was read blank without a word.
    monkeypatch.setattr(guard, "_CHUNK", chunk)
    source = _ledger_with_formulas_without_results(tmp_path)
    path = _rewritten(source, tmp_path / "gt.xlsx", _in_sheets(quoted))
    _formulas_without_results_are_said(ledger, path)


# -- a sheet's relationship, however the workbook names it ---------------------------------


def _book(sheet_tag: str, rels: str = _BOOK_RELS) -> tuple[str, str]:
    return _BOOK.replace('<sheet name="台账" sheetId="1" r:id="rId1"/>', sheet_tag), rels


_SECOND = (
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>'
)

#: A workbook naming its sheet otherwise than Excel does: python-calamine takes a sheet's
#: relationship from its last attribute named `id`, under any prefix or none, and reads its
#: name's character references; a relationship under a prefix is one all the same.
_NAMINGS = {
    "rel:id": _book(f'<sheet xmlns:rel="{_RELATIONSHIPS}" name="台账" sheetId="1" rel:id="rId1"/>'),
    "relationships:id": _book(
        f'<sheet xmlns:relationships="{_RELATIONSHIPS}" name="台账" sheetId="1"'
        ' relationships:id="rId1"/>'
    ),
    "a.b:id": _book(f'<sheet xmlns:a.b="{_RELATIONSHIPS}" name="台账" sheetId="1" a.b:id="rId1"/>'),
    "id": _book('<sheet name="台账" sheetId="1" id="rId1"/>'),
    "the last id": _book(
        f'<x:sheet xmlns:x="{_RELATIONSHIPS}" name="台账" sheetId="1" r:id="rId2" x:id="rId1"/>',
        _BOOK_RELS.replace("</Relationships>", _SECOND),
    ),
    "name by reference": _book('<sheet name="&#21488;&#x8d26;" sheetId="1" r:id="rId1"/>'),
    "> in the name": _book('<sheet name="台账>" sheetId="1" r:id="rId1"/>'),
    "prefixed relationship": _book(
        '<sheet name="台账" sheetId="1" r:id="rId1"/>',
        _BOOK_RELS.replace(
            "<Relationship ",
            '<p:Relationship xmlns:p="http://schemas.openxmlformats.org/package/2006/'
            'relationships" ',
        ),
    ),
}


def _named_workbook(path: Path, naming: str, cells: str, folder: str = "worksheets/") -> Path:
    """A hand-built workbook whose sheet holds `cells`, stored in xl/`folder`, its workbook
    naming it as `_NAMINGS`[`naming`] (a second sheet, sheet2.xml, holds 李秀 alone)."""
    book, rels = _NAMINGS[naming]
    header = "".join(
        f'<c r="{col}1" t="inlineStr"><is><t>{text}</t></is></c>'
        for col, text in zip("ABC", ["姓名", "身份证号码", "户主身份证号码"], strict=True)
    )
    other = (
        f'<row r="1">{header}</row><row r="2"><c r="A2" t="inlineStr"><is><t>李秀</t></is></c>'
        f'<c r="B2" t="inlineStr"><is><t>{WIFE}</t></is></c>'
        f'<c r="C2" t="inlineStr"><is><t>{HEAD}</t></is></c></row>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES.replace("worksheets/", folder))
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", book)
        archive.writestr("xl/_rels/workbook.xml.rels", rels.replace("worksheets/", folder))
        archive.writestr(
            f"xl/{folder}sheet1.xml", _sheet("A1:C3", f'<row r="1">{header}</row>' + cells)
        )
        archive.writestr(f"xl/{folder}sheet2.xml", _sheet("A1:C2", other))
    return path


def _sheet_name(naming: str) -> str:
    return "台账>" if naming == "> in the name" else "台账"


@pytest.mark.parametrize("naming", list(_NAMINGS))
def test_a_sheets_errors_are_said_however_the_workbook_names_it(ledger, tmp_path, naming):
    # The guard read a sheet's relationship from `r:id` alone and its name's named entities
    # alone: its errors went under its part's name or a name the reader does not give it, and
    # 张长英's #N/A ID number was refused as 身份证号码为空, unsaid.
    person = (
        '<row r="2"><c r="A2" t="inlineStr"><is><t>张长英</t></is></c>'
        '<c r="B2" t="e"><v>#N/A</v></c>'
        f'<c r="C2" t="inlineStr"><is><t>{HEAD}</t></is></c></row>'
    )
    path = _named_workbook(tmp_path / "名.xlsx", naming, person)
    sheet = _sheet_name(naming)
    assert guard.check_file(path).errors == {sheet: {(2, 2): "#N/A"}}
    report = import_ledger(ledger, path)
    [refused] = report.rejected
    assert (refused.sheet, refused.row) == (sheet, 2)
    assert refused.reason.startswith("身份证号码是公式的错误值“#N/A”")


@pytest.mark.parametrize("naming", list(_NAMINGS))
def test_a_far_cell_is_refused_however_the_workbook_names_its_sheet(ledger, tmp_path, naming):
    # Stored outside xl/worksheets/, a sheet the guard did not find through its relationship
    # was not measured at all: one far cell took 2.3 GB to read.
    import_ledger(ledger, FIXTURES / "村台账_libreoffice.ods")
    before = _saved(ledger)
    far = '<row r="1048576"><c r="AZ1048576"><v>1</v></c></row>'
    path = _named_workbook(tmp_path / "远.xlsx", naming, far, folder="sheets/")
    refused = f"拒绝读取.*工作表“{_sheet_name(naming)}”的范围达"
    with pytest.raises(ValidationFailed, match=refused):
        guard.check_file(path)  # first: the reader is not let at it unless refused
    with pytest.raises(ValidationFailed, match=refused):
        import_ledger(ledger, path)
    assert _saved(ledger) == before


# -- an .ods tag whose attribute holds ">" ---------------------------------------------------

#: A formula comparing (=IF([.A1]>0;…)): XML lets ">" stand unescaped in an attribute, and the
#: reader reads the tag whole; the guard took the tag to end there, missing what follows.
_COMPARING = 'table:formula="of:=IF([.A1]>0;1;0)"'


@pytest.mark.parametrize("chunk", [97, 1 << 20])
@pytest.mark.parametrize(
    ("rows", "said"),
    [
        # A value repeated over 20 000 columns of 1 000 rows: 20 million cells to build.
        (
            '<table:table-row table:number-rows-repeated="1000"><table:table-cell {formula}'
            ' table:number-columns-repeated="20000" office:value-type="float" office:value="1">'
            "<text:p>1</text:p></table:table-cell></table:table-row>",
            "拒绝读取",
        ),
        # One row whose value is repeated 20 000 times.
        (
            "<table:table-row><table:table-cell {formula} table:number-columns-repeated='20000'"
            ' office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>'
            "</table:table-row>",
            "一个有内容的单元格声明重复 20,000 次",
        ),
        # A filled row repeated 300 000 times.
        (
            "<table:table-row table:number-rows-repeated='300000'><table:table-cell {formula}"
            ' office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>'
            "</table:table-row>",
            "拒绝读取",
        ),
    ],
)
def test_an_ods_repeat_after_a_formula_holding_a_greater_than_sign_is_counted(
    tmp_path, monkeypatch, rows, said, chunk
):
    monkeypatch.setattr(guard, "_CHUNK", chunk)
    with pytest.raises(ValidationFailed, match=said):
        guard.check_file(_ods_with(tmp_path / "比较.ods", rows.format(formula=_COMPARING)))


@pytest.mark.parametrize("chunk", [89, 97, 301, 1 << 20])
def test_an_ods_error_after_a_formula_holding_a_greater_than_sign_is_said(
    ledger, tmp_path, monkeypatch, chunk
):
    monkeypatch.setattr(guard, "_CHUNK", chunk)
    # A style's name holding ">" (the cells already carry their formula).
    path = _ods_errors(tmp_path / "比较.ods", 'table:style-name="ce>1" calcext:value-type="error"')
    assert guard.check_file(path).errors == {"大坝村": {(5, 9): "#DIV/0!", (6, 2): "#N/A"}}
    report = import_ledger(ledger, path)
    [refused] = report.rejected
    assert (refused.sheet, refused.row) == ("大坝村", 6)
    said = [(w.sheet, w.row, w.reason) for w in report.warnings if "错误值" in w.reason]
    assert said == [("大坝村", 5, "联系电话是公式的错误值“#DIV/0!”，按空白读取")]


# -- an .ods whose tags are left open ---------------------------------------------------------


def _ods_cut_after_the_rows(source: Path, path: Path, rest: bytes) -> Path:
    """`source` (an .ods) with its content cut after its first sheet's rows (before the empty
    rest LibreOffice writes), ending in `rest` (tags never closed)."""

    def edit(part: str, data: bytes) -> bytes:
        if part != "content.xml":
            return data
        at = data.rindex(b"<table:table-row", 0, data.index(b'rows-repeated="1048569"'))
        return data[:at] + rest

    return _rewritten(source, path, edit)


@pytest.mark.parametrize(
    "rest",
    [
        b"<table:table-cell " * 60_000,  # cells' tags, none closed
        b'<table:table-cell x="' * 50_000,  # each a quote never closed
        # Error cells with no text, none ended, then a tag left open (python-calamine never
        # ends reading content that ends inside a cell whose tag is closed)
        b'<table:table-cell calcext:value-type="error">' * 25_000 + b"<table:table-cell ",
        b'<table:table-row table:number-rows-repeated="300000" ' * 20_000,  # repeated rows
        b"<table:table-cell table:number-columns-repeated=x " * 20_000,  # a repeat unquoted
        # One cell holding a value, its tag left open after a thousand repeats
        b'<table:table-cell office:value-type="float" '
        + b'table:number-columns-repeated="2" ' * 6_000,
    ],
)
def test_ods_tags_left_open_to_the_contents_end_are_no_tags(ledger, tmp_path, rest):
    # Up to a megabyte of row or cell tags never closed, after the first sheet's rows. The
    # guard read each tag on to the content's end (the tag by tag count, the search for
    # repeated rows and cells, each error cell's end), again from each repeat in one tag:
    # minutes, some hours, before letting it by. It reads them once each now, to the end, and
    # refuses the content as cut short (no `</office:document-content>`) there.
    source = _ods_errors(tmp_path / "e.ods", 'calcext:value-type="error"')
    path = _ods_cut_after_the_rows(source, tmp_path / "open.ods", rest)
    with pytest.raises(ValidationFailed, match="open.ods：文件不完整或已损坏"):
        guard.check_file(path)
    before = _saved(ledger)
    with pytest.raises(ValidationFailed, match="已损坏"):
        import_ledger(ledger, path)
    assert _saved(ledger) == before


@pytest.mark.parametrize("chunk", [97, 301, 1024, 1 << 20])
def test_a_hidden_ods_row_whose_tag_quotes_a_less_than_sign_is_found_whatever_the_read(
    ledger, tmp_path, monkeypatch, chunk
):
    # python-calamine reads a row's tag whole though a quoted value holds "<" and ">": a read
    # ending inside it began the next with the last "<" only (inside the quote), so the row
    # went uncounted and its hidden value 7 was read as a row seen.
    monkeypatch.setattr(guard, "_CHUNK", chunk)
    style = "ro<x>" + "长" * 400
    row = (
        f'<table:table-row table:style-name="{style}" table:visibility="collapse">'
        '<table:table-cell office:value-type="float" office:value="7"><text:p>7</text:p>'
        "</table:table-cell></table:table-row>"
    )
    scan = guard.check_file(_ods_with(tmp_path / "藏.ods", row))
    assert 7 in scan.hidden_rows["大坝村"]
    assert scan.extents["大坝村"][0] == 7
