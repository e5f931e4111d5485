"""A village sheet's 年龄 column beside the ID number: the number gives the age, so the column
is no unknown one to rename; it is checked against the age the number gives on the import day
(as of that day, or as of the year's end, as coordinators count it either way, or a year
younger: the sheet typed before a birthday passed since), a differing age
said on its row and the person imported by the number (nothing is kept from the column)."""

from __future__ import annotations

import datetime as dt

import openpyxl

from fieldapp.tabular.ledger_import import LedgerImporter
from fieldapp.tabular.reader import SheetStream
from tests.conftest import make_id

PLACE = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
#: The import's day: 张长英 has had her 51st birthday this year, 李秀 not yet her 48th.
TODAY = dt.date(2026, 4, 10)
HEAD = make_id("520502", "19750316", "131")
WIFE = make_id("520502", "19780520", "142")
SON = make_id("520502", "20010101", "153")
GIRL = make_id("520502", "20030203", "164")
OTHER = make_id("520502", "19680808", "171")
OLD = make_id("520502", "19700101", "182")


def _imported(ledger, path):
    """The sheet imported on `TODAY`, as the import service reads it."""
    return LedgerImporter(ledger, today=TODAY, words={}).run(SheetStream(path))


def test_an_age_column_is_checked_against_the_id_number_not_called_unknown(ledger, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号码", "户主身份证号码", "年龄", *PLACE])
    rows = [
        ("张长英", HEAD, HEAD, 51),  # a number cell, her birthday passed
        ("李秀", WIFE, HEAD, "47岁"),  # as of today (her birthday in May)
        ("张一", SON, HEAD, "25周岁"),
        ("张二", GIRL, HEAD, 23.0),  # as of the year's end (2026 − 2003), her birthday ahead
        ("王五", OTHER, OTHER, 38),  # another's age: the number says 57
        ("赵六", OLD, OTHER, "不详"),
    ]
    for row in rows:
        sheet.append([*row, *PLACE.values()])
    book.save(tmp_path / "s.xlsx")
    report = _imported(ledger, tmp_path / "s.xlsx")
    assert report.rejected == []
    assert report.imported == 6
    assert report.unknown_headers == []
    said = {w.row: w.reason for w in report.warnings if "年龄" in w.reason}
    assert said == {
        6: "年龄填的是38岁，但身份证号码表明是1968年8月8日出生（现年57岁），已按身份证号码导入，"
        "请核对（是否把别人的身份证号码抄到了这一行）",
        7: "年龄“不详”不是岁数：这一格没有读取，年龄按身份证号码（1970年1月1日出生）计算",
    }, report.warnings
    born = dict(ledger.db.execute("SELECT name, birth_date FROM persons").fetchall())
    assert born["王五"] == "1968-08-08"


def test_an_age_past_the_years_end_or_two_years_younger_is_said(ledger, tmp_path):
    # 李秀 is 47 on the import day and 48 at the year's end: 49 she will not be this year, and
    # 45 she was two birthdays ago.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号码", "户主身份证号码", "年龄（岁）", *PLACE])
    sheet.append(["张长英", HEAD, HEAD, "", *PLACE.values()])  # blank: nothing said
    sheet.append(["李秀", WIFE, HEAD, 49, *PLACE.values()])
    sheet.append(["张一", SON, HEAD, 23, *PLACE.values()])  # 25 today
    book.save(tmp_path / "s.xlsx")
    report = _imported(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and report.imported == 3 and report.unknown_headers == []
    said = [(w.row, w.reason) for w in report.warnings if "年龄" in w.reason]
    assert said == [
        (
            3,
            "年龄（岁）填的是49岁，但身份证号码表明是1978年5月20日出生（现年47岁），"
            "已按身份证号码导入，请核对（是否把别人的身份证号码抄到了这一行）",
        ),
        (
            4,
            "年龄（岁）填的是23岁，但身份证号码表明是2001年1月1日出生（现年25岁），"
            "已按身份证号码导入，请核对（是否把别人的身份证号码抄到了这一行）",
        ),
    ]


def test_an_age_typed_before_a_birthday_passed_since_says_nothing(ledger, tmp_path):
    # The ledger kept since the winter: 张长英 was 50 when her row was typed, 51 since her
    # birthday on 16 March; 张一 24 before New Year's Day. Each row had said that the number
    # was another person's, on a sheet months old — every such row of the village.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号码", "户主身份证号码", "年龄", *PLACE])
    sheet.append(["张长英", HEAD, HEAD, 50, *PLACE.values()])
    sheet.append(["张一", SON, HEAD, "24岁", *PLACE.values()])
    sheet.append(["李秀", WIFE, HEAD, 46, *PLACE.values()])  # 46 until May of last year
    book.save(tmp_path / "s.xlsx")
    report = _imported(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and report.imported == 3
    assert [w for w in report.warnings if "年龄" in w.reason] == []


def test_an_age_written_with_its_months_is_read_as_its_years(ledger, tmp_path):
    # 51岁3个月 is 张长英's age as a form gives it with its months (a child's 1岁6个月, a baby's
    # 6个月): each was said to be no age (年龄“51岁3个月”不是岁数), the coordinator sent to a
    # cell that was right; an age with its months other than the number's is still said.
    baby = make_id("520502", "20251001", "193")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号码", "户主身份证号码", "年龄", *PLACE])
    rows = [
        ("张长英", HEAD, HEAD, "51岁3个月"),
        ("李秀", WIFE, HEAD, "47 岁 10 个月"),
        ("张一", SON, HEAD, "25岁零3个月"),
        ("张小", baby, HEAD, "6个月"),
        ("王五", OTHER, OTHER, "38岁2个月"),  # another's age: the number says 57
    ]
    for row in rows:
        sheet.append([*row, *PLACE.values()])
    book.save(tmp_path / "s.xlsx")
    report = _imported(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and report.imported == 5
    said = {w.row: w.reason for w in report.warnings if "年龄" in w.reason}
    assert said == {
        6: "年龄填的是38岁，但身份证号码表明是1968年8月8日出生（现年57岁），已按身份证号码导入，"
        "请核对（是否把别人的身份证号码抄到了这一行）",
    }, report.warnings


def test_an_age_a_formula_counted_with_its_fraction_is_read_as_its_years(ledger, tmp_path):
    # =(TODAY()-出生日期)/365 or YEARFRAC keeps 51.07 in the cell, shown as 51 by the column's
    # format: every such row was said to be no age (年龄“51.07”不是岁数). Its whole years are
    # checked as any age; the same fraction typed as text (45.5) is still no age.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号码", "户主身份证号码", "年龄", *PLACE])
    rows = [
        ("张长英", HEAD, HEAD, 51.0684),
        ("李秀", WIFE, HEAD, 47.8932),
        ("王五", OTHER, OTHER, 38.41),  # another's age: the number says 57
        ("赵六", OLD, OTHER, "45.5"),
    ]
    for row in rows:
        sheet.append([*row, *PLACE.values()])
    book.save(tmp_path / "s.xlsx")
    report = _imported(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and report.imported == 4
    said = {w.row: w.reason for w in report.warnings if "年龄" in w.reason}
    assert said == {
        4: "年龄填的是38岁，但身份证号码表明是1968年8月8日出生（现年57岁），已按身份证号码导入，"
        "请核对（是否把别人的身份证号码抄到了这一行）",
        5: "年龄“45.5”不是岁数：这一格没有读取，年龄按身份证号码（1970年1月1日出生）计算",
    }, report.warnings
