"""How `Table.records` reads each cell as text: the fast path for the usual cell (printable,
not beginning with ' or =) gives what `cells.visible` and the csv unquoting give."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from fieldapp.tabular import cells, reader
from fieldapp.tabular.cells import CellError
from fieldapp.tabular.reader import Table

CASES = [
    ("王五", "王五"),
    ("  王 五  ", "王 五"),
    ("\u200b520502197503161314\u202c", "520502197503161314"),
    ("\ufeff 张三", "张三"),
    ("'=SUM(A1:A3)", "=SUM(A1:A3)"),
    ("'+8613800000001", "+8613800000001"),
    ("'520502197503161314", "520502197503161314"),
    ('="520502197503161314"', "520502197503161314"),
    ("=A1", "=A1"),
    ("'", "'"),
    ("=", "="),
    ("'abc", "'abc"),
    (" '=1", "=1"),
    ("\u200b'=1", "=1"),
    (3.0, "3"),
    (2.5, "2.5"),
    (dt.date(2024, 3, 5), "2024-03-05"),
    (True, "是"),
    (0.0, "0"),
    (False, "否"),
]


def test_each_cell_reads_as_trimmed_unquoted_visible_text():
    columns = {0: "name", 1: "notes"}
    rows = [[value, "x"] for value, _ in CASES]
    table = Table("台账", 1, columns, rows)
    got = {row: texts["name"] for row, texts, _raw in table.records()}
    assert got == {2 + i: expected for i, (_value, expected) in enumerate(CASES)}


def test_a_row_of_blanks_spaces_and_invisible_marks_is_left_out():
    table = Table("台账", 1, {0: "name", 1: "notes"}, [["", None], ["   ", "\u200b"], ["甲", ""]])
    assert [(row, texts) for row, texts, _raw in table.records()] == [(4, {"name": "甲"})]


def test_a_sheets_cells_are_read_from_a1_with_each_repeated_text_held_once(tmp_path):
    """A sheet's repeated texts (its village, 男 … on every row) were each a copy of their own,
    all held at once beside calamine's parse: the read was the import's largest step up in
    memory. Now each is one object, and the cells are as calamine's whole lists give them
    (leading blank rows and columns kept: row numbers are Excel's)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["C3"], sheet["D3"], sheet["E3"] = "姓名", "性别", "村（社区）"
    for row in range(4, 40):
        sheet.append([None, None, f"张{row}", "男" if row % 2 else "女", "大坝村", row, True])
    book.save(tmp_path / "s.xlsx")
    parsed = CalamineWorkbook.from_path(str(tmp_path / "s.xlsx")).get_sheet_by_index(0)
    whole = parsed.to_python(skip_empty_area=False)
    assert len({id(row[4]) for row in whole[3:]}) == 36  # calamine's lists: a copy each
    rows = reader._cells(parsed)
    assert rows == whole
    assert rows[0] == [""] * 7 and rows[2][:3] == ["", "", "姓名"]
    villages = {id(row[4]) for row in rows[3:]}
    men = {id(row[3]) for row in rows[3:] if row[3] == "男"}
    assert len(villages) == 1 and len(men) == 1
    assert [type(row[6]) for row in rows[3:]] == [bool] * 36  # not taken for an equal number


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("2016-12-31", dt.date(2016, 12, 31)),
        ("2026-05", dt.date(2026, 5, 1)),
        ("1900-01-01", dt.date(1900, 1, 1)),
        ("2100-12-31", dt.date(2100, 12, 31)),
        ("２０１６-１２-３１", dt.date(2016, 12, 31)),
        (" 2026-05 ", dt.date(2026, 5, 1)),
        ("2016-02-30", "“2016-02-30”不是有效日期"),
        ("2026-13", "“2026-13-1”不是有效日期"),
        ("2026-00", "“2026-00-1”不是有效日期"),
        ("1899-12-31", "“1899-12-31”不合理"),
        ("2101-01", "“2101-01-1”不合理"),
    ],
)
def test_a_date_or_month_written_as_iso_reads_as_the_longer_way_reads_it(written, read):
    # The export's text dates and months (a month's status, a category's date: some 40 000
    # cells per 20 000 persons) take a short way; what it cannot take is said as before.
    if isinstance(read, dt.date):
        assert cells.date(written, "月份") == read
    else:
        with pytest.raises(CellError, match=read):
            cells.date(written, "月份")
