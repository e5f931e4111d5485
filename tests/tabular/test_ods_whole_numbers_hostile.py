"""An .ods number cell's digits read whole from its office:value (`guard.Scan.whole`), as a
careless or hostile file may give them: the digits of a table another of the same name holds,
digits the cell's own shown text contradicts, and more cells noted than any ledger has (a row
repeated a million times on sheet after sheet). None gives a person a number the sheet does
not show as theirs, and the scan stays bounded."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from fieldapp.domain.errors import ValidationFailed
from fieldapp.tabular import guard
from fieldapp.tabular.ledger_import import import_ledger
from tests.conftest import make_id
from tests.tabular.sheets import write_ods

PLACE = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
HEADERS = ["姓名", "身份证号码", "户主身份证号码", *PLACE]
HEAD = make_id("520502", "19750316", "131")
OTHER_HEAD = make_id("520502", "19750316", "158")
#: Twins' numbers (one day, sequence 123 and 124): one double holds both.
TWIN = "520502200101011234"
OTHER_TWIN = "520502200101011242"
assert float(TWIN) == float(OTHER_TWIN)


def _text(value: str) -> str:
    return (
        f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'
    )


def _number(value: str, shown: str) -> str:
    return (
        '<table:table-cell office:value-type="float" calcext:value-type="float" '
        f'office:value="{value}"><text:p>{shown}</text:p></table:table-cell>'
    )


def _row(*cells: str) -> str:
    return (
        "<table:table-row>"
        + "".join(c if c.startswith("<") else _text(c) for c in cells)
        + "</table:table-row>"
    )


def test_two_tables_of_one_name_are_refused_not_read_as_one(ledger, tmp_path):
    """Two tables named 台账 (no program saves it): the reader read the second for both, the
    first's people lost unsaid, and the digits the first held whole were given to the second's
    cell at the same place — 张一, whose cell holds a rounded number, took his twin 张二's."""
    first = _row(*HEADERS) + _row(
        "张二", _number(OTHER_TWIN, "5.20502E+17"), OTHER_HEAD, *PLACE.values()
    )
    first += _row("李四", OTHER_HEAD, OTHER_HEAD, *PLACE.values())
    rounded = repr(float(TWIN))  # 5.2050220010101126e+17: no digits to read whole
    second = _row(*HEADERS) + _row("张一", _number(rounded, "5.20502E+17"), HEAD, *PLACE.values())
    second += _row("张长英", HEAD, HEAD, *PLACE.values())
    path = write_ods(tmp_path / "s.ods", [("台账", first), ("台账", second)])
    with pytest.raises(ValidationFailed) as refused:
        import_ledger(ledger, path)
    assert "两个工作表都叫“台账”" in str(refused.value), refused.value
    assert "改名" in str(refused.value)
    assert ledger.db.execute("SELECT count(*) FROM persons").fetchone() == (0,)


def test_a_value_its_cell_shows_as_other_digits_is_not_taken_whole(ledger, tmp_path):
    """A cell showing 张一's 18 digits whose office:value holds his twin's (a program that wrote
    one number into the value and another into the text): which is his? Not the value taken
    silently — the row refused as a number cell, the good rows kept."""
    rows = _row(*HEADERS)
    rows += _row("张一", _number(OTHER_TWIN, TWIN), HEAD, *PLACE.values())
    rows += _row("张长英", HEAD, HEAD, *PLACE.values())
    # Shown as its own digits, or rounded as a program shows 15 of them: read whole.
    rows += _row("李秀", _number(OTHER_HEAD, OTHER_HEAD), OTHER_HEAD, *PLACE.values())
    path = write_ods(tmp_path / "s.ods", [("台账", rows)])
    report = import_ledger(ledger, path)
    [refused] = report.rejected
    assert (refused.sheet, refused.row) == ("台账", 2), refused
    assert refused.reason.startswith("身份证号码“5.20502e+17”在表格里存成了数字"), refused.reason
    numbers = {n for (n,) in ledger.db.execute("SELECT id_number FROM persons")}
    assert numbers == {HEAD, OTHER_HEAD}


def test_a_value_shown_rounded_or_not_at_all_is_still_read_whole(tmp_path):
    rows = _row(*HEADERS)
    rows += _row("张一", _number(TWIN, "520502200101011000"), HEAD)
    rows += _row("张二", _number(OTHER_TWIN, "5.20502E+17"), HEAD)
    rows += _row(
        "张三",
        f'<table:table-cell office:value-type="float" office:value="{HEAD}"/>',
        HEAD,
    )
    scan = guard.check_file(write_ods(tmp_path / "s.ods", [("台账", rows)]))
    assert scan.whole["台账"] == {(2, 2): TWIN, (3, 2): OTHER_TWIN, (4, 2): HEAD}


def test_the_whole_numbers_noted_are_bounded_across_the_workbook(tmp_path):
    """A row repeated a million times whose second cell holds 18 digits, on sheet after
    sheet: each sheet's notes were bounded (400 000) but not the workbook's — 2 000 such
    sheets of a 100 KB file held 800 million cells' notes (55 MB a sheet)."""
    repeated = (
        '<table:table-row table:number-rows-repeated="1000000"><table:table-cell/>'
        + _number(TWIN, "5.20502E+17")
        + "</table:table-row>"
    )
    path = write_ods(tmp_path / "s.ods", [(f"表{i}", repeated) for i in range(3)])
    scan = guard.check_file(path)
    assert sum(len(cells) for cells in scan.whole.values()) <= guard.MAX_WHOLE


def test_a_value_under_another_prefix_is_not_the_cells_number(ledger, tmp_path):
    """A cell holding foo:value="…234" before its office:value (张二's number, rounded): the
    reader reads office:value, the scan read the first value of any prefix — 张二 took the
    digits of an attribute no program reads as the cell's."""
    cell = (
        f'<table:table-cell xmlns:foo="urn:x" foo:value="{TWIN}" office:value-type="float" '
        f'office:value="{float(OTHER_TWIN)!r}"><text:p>5.20502E+17</text:p></table:table-cell>'
    )
    rows = _row(*HEADERS) + _row("张二", cell, HEAD, *PLACE.values())
    rows += _row("张长英", HEAD, HEAD, *PLACE.values())
    report = import_ledger(ledger, write_ods(tmp_path / "s.ods", [("台账", rows)]))
    [refused] = report.rejected
    assert refused.row == 2, report.rejected
    assert refused.reason.startswith("身份证号码“5.20502e+17”在表格里存成了数字"), refused.reason
    numbers = {n for (n,) in ledger.db.execute("SELECT id_number FROM persons")}
    assert numbers == {HEAD}


def test_a_repeat_the_reader_does_not_make_does_not_shift_the_digits(ledger, tmp_path):
    """A row repeated by t:number-rows-repeated (t bound to the table namespace): the reader
    makes one row of it, the scan counted two, and noted each cell after it a row down — 李四,
    whose cell holds a rounded number, took the digits of the example row above him."""
    example = (
        '<table:table-row xmlns:t="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        't:number-rows-repeated="2">'
        + _text("张三（示例）")
        + _number(TWIN, "5.20502E+17")
        + "".join(_text(v) for v in (TWIN, *PLACE.values()))
        + "</table:table-row>"
    )
    rows = _row(*HEADERS) + example
    rows += _row("李四", _number(repr(float(OTHER_TWIN)), "5.20502E+17"), HEAD, *PLACE.values())
    rows += _row("张长英", HEAD, HEAD, *PLACE.values())
    report = import_ledger(ledger, write_ods(tmp_path / "s.ods", [("台账", rows)]))
    [refused] = report.rejected
    assert refused.row == 3, report.rejected
    assert refused.reason.startswith("身份证号码“5.20502e+17”在表格里存成了数字"), refused.reason
    numbers = {n for (n,) in ledger.db.execute("SELECT id_number FROM persons")}
    assert numbers == {HEAD}


def test_a_row_repeated_no_times_is_refused_not_left_out_unsaid(ledger, tmp_path):
    """A person's row written table:number-rows-repeated="0" (no program writes it): the
    reader makes no row of it, and 张二 was left out without a word, the rows around him
    imported."""
    gone = (
        '<table:table-row table:number-rows-repeated="0">'
        + "".join(_text(v) for v in ("张二", OTHER_HEAD, OTHER_HEAD, *PLACE.values()))
        + "</table:table-row>"
    )
    rows = _row(*HEADERS) + _row("张长英", HEAD, HEAD, *PLACE.values()) + gone
    with pytest.raises(ValidationFailed) as refused:
        import_ledger(ledger, write_ods(tmp_path / "s.ods", [("台账", rows)]))
    assert "重复 0 次的行" in str(refused.value), refused.value
    assert ledger.db.execute("SELECT count(*) FROM persons").fetchone() == (0,)


def test_number_cells_left_open_are_scanned_in_linear_time(tmp_path):
    """40 000 number cells of 18 digits, each left open (no text's end, no cell's end): each
    had its text looked for up to 256 KB on, a chunk's bytes read thousands of times — a file
    of some 20 KB took seconds, one of the largest hours."""
    opened = f'<table:table-cell office:value-type="float" office:value="{TWIN}"><text:p>x' * 40_000
    path = write_ods(tmp_path / "s.ods", [("台账", f"<table:table-row>{opened}</table:table-row>")])
    began = time.monotonic()
    guard.check_file(path)
    assert time.monotonic() - began < 3


def test_a_value_written_with_leading_zeros_is_read_as_its_number(ledger, tmp_path):
    """office:value="0622154695067094812": a number cell shows no leading zero (LibreOffice
    shows 622154695067094812), but the digits were taken as written — an account of 19
    characters, one more than the number the sheet shows."""
    account = "622154695067094812"
    rows = _row("姓名", "身份证号码", "户主身份证号码", "社保卡账号", *PLACE)
    rows += _row("张长英", HEAD, HEAD, _number(f"0{account}", "6.22155E+17"), *PLACE.values())
    report = import_ledger(ledger, write_ods(tmp_path / "s.ods", [("台账", rows)]))
    assert report.rejected == [] and report.imported == 1
    kept = dict(ledger.db.execute("SELECT id_number, account_number FROM persons"))
    assert kept == {HEAD: account}


def test_digits_hidden_under_a_merged_cell_are_not_read_whole(ledger, tmp_path):
    """张一's 身份证号码 merged down over 张二's row, which keeps its own number hidden (as
    LibreOffice keeps a merged cell's contents): the sheet shows 张一's number on both rows,
    the file holds 张二's under it in a covered cell. Read whole, 张二 took digits no one sees
    (an .xlsx's merged range gives each cell its top's number); not read whole, 张二's row is
    refused as a number cell, as before the digits were read."""
    top = (
        '<table:table-cell table:number-rows-spanned="2" office:value-type="float" '
        f'office:value="{TWIN}"><text:p>5.20502E+17</text:p></table:table-cell>'
    )
    hidden = (
        '<table:covered-table-cell office:value-type="float" '
        f'office:value="{OTHER_TWIN}"><text:p>5.20502E+17</text:p></table:covered-table-cell>'
    )
    rows = _row(*HEADERS) + _row("张一", top, HEAD, *PLACE.values())
    rows += _row("张二", hidden, HEAD, *PLACE.values())
    rows += _row("张长英", HEAD, HEAD, *PLACE.values())
    report = import_ledger(ledger, write_ods(tmp_path / "s.ods", [("台账", rows)]))
    [refused] = report.rejected
    assert refused.row == 3, report.rejected
    numbers = {n for (n,) in ledger.db.execute("SELECT id_number FROM persons")}
    assert numbers == {HEAD, TWIN}


def test_the_error_cells_noted_are_bounded_across_the_workbook(tmp_path):
    """The same of the cells showing a formula's error (guard.Scan.errors): 10 000 a sheet,
    but 2 000 sheets of a row repeated a million times, its second cell #DIV/0!, noted 20
    million from a file of a few KB. (Rows repeated 20 000 times here: a million on each of
    12 sheets now spans more cells than a workbook may, and is refused.)"""
    error = (
        '<table:table-cell office:value-type="string" calcext:value-type="error">'
        "<text:p>#DIV/0!</text:p></table:table-cell>"
    )
    repeated = (
        '<table:table-row table:number-rows-repeated="20000"><table:table-cell/>'
        + error
        + "</table:table-row>"
    )
    path = write_ods(tmp_path / "s.ods", [(f"表{i}", repeated) for i in range(12)])
    scan = guard.check_file(path)
    assert sum(len(cells) for cells in scan.errors.values()) <= 10 * guard.MAX_ERRORS
    assert len(scan.errors["表0"]) == guard.MAX_ERRORS  # a sheet's first ones, as before


def test_the_cells_the_sheets_span_are_bounded_across_the_workbook(tmp_path):
    """Sheets each spanning a million rows of one number (a number, a million empty rows, a
    number): each within `guard.MAX_CELLS`, but the bound was each sheet's — ten such sheets
    took the reader 30 s and 1.2 GB. The workbook is refused at the sheet that takes it over,
    and the refusal says so; as many cells on one sheet fewer are still read."""
    tall = (
        _row(_number("1", "1"))
        + '<table:table-row table:number-rows-repeated="999998"><table:table-cell/>'
        + "</table:table-row>"
        + _row(_number("2", "2"))
    )
    fitting = guard.check_file(
        write_ods(tmp_path / "ten.ods", [(f"表{i}", tall) for i in range(10)])
    )
    assert fitting.extents["表9"] == (1_000_000, 1)
    path = write_ods(tmp_path / "eleven.ods", [(f"表{i}", tall) for i in range(11)])
    with pytest.raises(ValidationFailed) as refused:
        guard.check_file(path)
    said = str(refused.value)
    assert said.startswith(
        "拒绝读取表格文件 eleven.ods：各工作表的范围合计达 11,000,000 个单元格"
    ), said
    assert (
        "读到工作表“表10”（1,000,000 行 × 1 列）时超过了整个文件可读取的 10,000,000 个单元格"
        in said
    )
    assert said.endswith("台账没有改动"), said


def _hidden_tail(rows: int) -> str:
    """A value, then `rows` empty rows hidden at once (as LibreOffice hides a sheet's tail)."""
    return _row("张一") + (
        f'<table:table-row table:number-rows-repeated="{rows}" table:visibility="collapse">'
        "<table:table-cell/></table:table-row>"
    )


def test_the_hidden_rows_of_sheet_after_sheet_are_held_as_runs(tmp_path):
    """Each sheet's hidden tail was noted row by row up to `guard.MAX_VALUE_ROWS` (15 MB a
    sheet: 50 sheets of a 1 KB file held 777 MB during the scan); they are held as runs, and
    asked of as before."""
    path = write_ods(tmp_path / "s.ods", [(f"表{i}", _hidden_tail(1_048_000)) for i in range(5)])
    tracemalloc.start()
    try:
        scan = guard.check_file(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 << 20, peak
    hidden = scan.hidden_rows["表4"]
    assert 1 not in hidden and 2 in hidden and guard.MAX_VALUE_ROWS in hidden
    assert guard.MAX_VALUE_ROWS + 1 not in hidden  # (past the largest 台账: not noted, as before)
    assert len(hidden) == guard.MAX_VALUE_ROWS - 1


def test_hidden_rows_read_as_runs_are_the_rows_hidden(tmp_path):
    """Rows hidden one by one, in runs and apart, on a sheet and on another of no name."""
    rows = _row("张一") + _hidden_tail(3) + _row("张二") + _hidden_tail(1) + _hidden_tail(2)
    scan = guard.check_file(write_ods(tmp_path / "s.ods", [("台账", rows), ("", _hidden_tail(2))]))
    # (each `_hidden_tail` a shown row, then the hidden)
    assert scan.hidden_rows["台账"] == {3, 4, 5, 8, 10, 11}
    assert sorted(scan.hidden_rows["台账"]) == [3, 4, 5, 8, 10, 11]
    assert scan.hidden_rows[""] == {2, 3}
    joined = guard.RowRanges([5, 1, 2, 9, 3])
    joined.add(4, 6)
    assert joined == {1, 2, 3, 4, 5, 9} and joined.runs == 2 and 9 in joined and 6 not in joined


def test_the_runs_of_hidden_rows_are_bounded_across_the_workbook(tmp_path):
    """Every other row hidden, on sheet after sheet: each run is held, so their number is
    bounded for the workbook (`guard.MAX_HIDDEN_RUNS`), and the file refused past it."""
    rows = (_hidden_tail(1) + _row("张二")) * 30_000
    path = write_ods(tmp_path / "s.ods", [(f"表{i}", rows) for i in range(4)])
    with pytest.raises(
        ValidationFailed,
        match="其中隐藏的行分成了 1[0-9]{2},[0-9]{3} 段以上，超过了可读取的 100,000 段",
    ):
        guard.check_file(path)


def test_a_value_with_leading_zeros_shown_as_its_number_is_read_as_its_number(ledger, tmp_path):
    """office:value="0622154695067094812" shown as the number it is, 622154695067094812 (as
    LibreOffice shows it): the shown digits were held against the value as written, leading
    zero and all, found other, and the account left out as a number cell whose digits are
    lost — though the cell shows and holds the same 18 digits."""
    account = "622154695067094812"
    rows = _row("姓名", "身份证号码", "户主身份证号码", "社保卡账号", *PLACE)
    rows += _row("张长英", HEAD, HEAD, _number(f"0{account}", account), *PLACE.values())
    report = import_ledger(ledger, write_ods(tmp_path / "s.ods", [("台账", rows)]))
    assert report.rejected == [] and report.imported == 1
    assert not [w for w in report.warnings if "社保卡账号" in w.reason], report.warnings
    kept = dict(ledger.db.execute("SELECT id_number, account_number FROM persons"))
    assert kept == {HEAD: account}


def test_a_value_no_more_than_a_floats_digits_is_not_read_whole(ledger, tmp_path):
    """office:value="622154695067094800": a program that held 622154695067094812 as a float
    wrote its digits so (JavaScript writes a float out in full, zeros after). The account was
    kept as those digits, not the person's, without a word; it is a number cell whose last
    digits are lost, said so (as one LibreOffice rounded)."""
    rows = _row("姓名", "身份证号码", "户主身份证号码", "社保卡账号", *PLACE)
    floated = _number("622154695067094800", "6.22155E+17")
    rows += _row("张长英", HEAD, HEAD, floated, *PLACE.values())
    report = import_ledger(ledger, write_ods(tmp_path / "s.ods", [("台账", rows)]))
    assert report.rejected == [] and report.imported == 1
    assert [w.reason for w in report.warnings if "社保卡账号" in w.reason] == [
        "社保卡账号（D 列）在表格里存成了数字（6.22155e+17），后几位可能已丢失，无法恢复；"
        "这一格没有导入，这个人的其余信息照常导入；请把该列设为文本，对照银行卡或存折重新填写"
    ]
    assert ledger.db.execute("SELECT account_number FROM persons").fetchone()[0] == ""
