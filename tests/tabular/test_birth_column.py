"""A village sheet's 出生日期 (出生年月) column: the ID number gives the birth date, so the
column is no unknown one to rename; it is checked against the number, and a row whose date
differs (a hand-typed slip, or another person's number copied onto the row) is said, the
person imported by the number."""

from __future__ import annotations

import datetime as dt

import openpyxl

from fieldapp.tabular.ledger_import import import_ledger
from tests.conftest import make_id

PLACE = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
HEAD = make_id("520502", "19750316", "131")
WIFE = make_id("520502", "19780520", "142")
SON = make_id("520502", "20010101", "153")
GIRL = make_id("520502", "20030203", "164")
OTHER = make_id("520502", "19680808", "171")
OLD = make_id("520502", "19700101", "182")


def test_a_birth_date_column_is_checked_against_the_id_number_not_called_unknown(ledger, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "一组"
    sheet.append(["姓名", "身份证号码", "户主身份证号码", "出生日期 ", *PLACE])
    rows = [
        ("张长英", HEAD, HEAD, dt.datetime(1975, 3, 16)),  # a date cell
        ("李秀", WIFE, HEAD, "1978.05.20"),  # typed with dots
        ("张一", SON, HEAD, 36892),  # a serial number a 文本 column shows: 2001-01-01
        ("张二", GIRL, HEAD, "2003年2月"),  # the month alone
        ("王五", OTHER, OTHER, "1986-08-08"),  # another year than the number's
        ("赵六", OLD, OTHER, "不详"),
    ]
    for row in rows:
        sheet.append([*row, *PLACE.values()])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == []
    assert report.imported == 6
    assert report.unknown_headers == []
    said = {w.row: w.reason for w in report.warnings if "出生日期" in w.reason}
    assert set(said) == {6, 7}, report.warnings
    assert said[6] == (
        "出生日期填的是1986年8月8日，但身份证号码表明是1968年8月8日出生，已按身份证号码导入，"
        "请核对（是否把别人的身份证号码抄到了这一行）"
    )
    assert said[7].startswith("出生日期") and said[7].endswith(
        "：这一格没有读取，出生日期按身份证号码（1970年1月1日）导入"
    )
    assert "不详" in said[7]


def test_a_birth_month_column_of_the_right_month_says_nothing(ledger, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号码", "户主身份证号码", "出生年月", *PLACE])
    sheet.append(["张长英", HEAD, HEAD, "1975.03", *PLACE.values()])
    sheet.append(["李秀", WIFE, HEAD, "1978-6", *PLACE.values()])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and report.imported == 2 and report.unknown_headers == []
    said = [(w.row, w.reason) for w in report.warnings if "出生" in w.reason]
    assert said == [
        (
            3,
            "出生年月填的是1978年6月，但身份证号码表明是1978年5月20日出生，已按身份证号码导入，"
            "请核对（是否把别人的身份证号码抄到了这一行）",
        )
    ]


def test_a_month_excel_kept_as_its_first_day_or_as_a_number_of_one_decimal_says_nothing(
    ledger, tmp_path
):
    """出生年月 typed 1975-3 Excel keeps as the date 1975-03-01 (shown 1975年3月), and typed
    1978.10 as the number 1978.1: neither differs from a number's birth in that month (nor an
    October's or a January's in 1978.1), and neither was to be said, on every such row, as
    another day or as a cell to type again and import again (the column is only checked)."""
    october = make_id("520502", "19781020", "142")
    january = make_id("520502", "19800115", "153")
    june = make_id("520502", "19780620", "164")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号码", "户主身份证号码", "出生年月", *PLACE])
    sheet.append(["张长英", HEAD, HEAD, dt.datetime(1975, 3, 1), *PLACE.values()])
    sheet.append(["李秀", october, HEAD, 1978.1, *PLACE.values()])
    sheet.append(["张一", january, HEAD, 1980.1, *PLACE.values()])
    sheet.append(["张二", SON, HEAD, dt.datetime(2001, 2, 1), *PLACE.values()])  # another month
    sheet.append(["张三", june, HEAD, 1978.1, *PLACE.values()])  # January or October: not June
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and report.imported == 5
    said = {w.row: w.reason for w in report.warnings if "出生" in w.reason}
    assert set(said) == {5, 6}, said
    assert said[5].startswith("出生年月填的是2001年2月1日，但身份证号码表明是2001年1月1日出生")
    assert "1978.1" in said[6] and "1978年6月20日" in said[6]


def test_a_small_number_in_the_birth_column_is_said_as_the_number_not_a_day_of_1900(
    ledger, tmp_path
):
    """出生日期 holding 200 (or 45, an age typed one column over) was read as Excel's day 200
    and said 出生日期填的是1900年7月18日 — a day nobody typed. A number that Excel would show
    as a day of 1900 is no day a ledger keeps: it is said as the number the cell holds."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号码", "户主身份证号码", "出生日期", *PLACE])
    sheet.append(["张长英", HEAD, HEAD, 200, *PLACE.values()])
    sheet.append(["李秀", WIFE, HEAD, 45, *PLACE.values()])
    sheet.append(["张一", SON, HEAD, 366.0, *PLACE.values()])
    sheet.append(["张二", GIRL, HEAD, 37655, *PLACE.values()])  # 2003-02-03, as the number
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and report.imported == 4
    said = {w.row: w.reason for w in report.warnings if "出生日期" in w.reason}
    assert set(said) == {2, 3, 4}, report.warnings
    assert not any("1900" in reason for reason in said.values()), said
    assert said[2] == (
        "出生日期“200”是一个数，不是日期（应为 2024-03-05 这样的格式）："
        "这一格没有读取，出生日期按身份证号码（1975年3月16日）导入"
    )
    assert "“45”" in said[3] and "“366”" in said[4]


def test_a_number_just_past_the_years_is_said_as_a_number_not_a_day_of_1905(ledger, tmp_path):
    """The floor stopped at 1900: a number from 2101 on, past the years read as years, was read
    as Excel's day again — 2101 under 务工开始日期 a job begun 1905-10-01, kept without a word.
    Excel's days before 1920 fall on no date a ledger keeps: said as the number."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号码", "户主身份证号码", "就业状态", "务工开始日期", *PLACE])
    sheet.append(["张长英", HEAD, HEAD, "已就业", 2101, *PLACE.values()])
    sheet.append(["李秀", WIFE, HEAD, "已就业", 7305, *PLACE.values()])  # 1919-12-31
    sheet.append(["张一", SON, HEAD, "已就业", 45352, *PLACE.values()])  # 2024-03-01
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and report.imported == 3
    said = {w.row: w.reason for w in report.warnings if "务工开始日期" in w.reason}
    assert set(said) == {2, 3}, report.warnings
    assert said[2].startswith("务工开始日期“2101”是一个数，不是日期"), said[2]
    assert said[3].startswith("务工开始日期“7305”是一个数，不是日期"), said[3]
    starts = [d for (d,) in ledger.db.execute("SELECT start_date FROM employment_spells")]
    assert starts == ["2024-03-01"], starts
