"""How `Table.records` reads each cell as text: the fast path for the usual cell (printable,
not beginning with ' or =) gives what `cells.visible` and the csv unquoting give."""

from __future__ import annotations

import datetime as dt

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
