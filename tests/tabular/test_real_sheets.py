"""Real village sheets: LibreOffice's xls/ods/xlsx/GBK csv, openpyxl and XlsxWriter files; colloquial
words mapped and reported; 15-digit numbers upgraded; what Excel destroyed refused."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import time_machine
import xlsxwriter

from fieldapp.domain.dates import CHINA
from fieldapp.store.ledger import Ledger
from fieldapp.tabular.ledger_import import import_ledger
from tests.conftest import make_id
from tests.tabular.sheets import XlsRecords, dated, rewrite_xls, write_csv, write_xlsx
from tests.tabular.test_hostile_spellings import _xlsx_errors

FIXTURES = Path(__file__).parent / "fixtures"
HEAD = make_id("520502", "19750316", "131")
WIFE = make_id("520502", "19780520", "142")
SON = make_id("520502", "20010101", "153")
OLD15 = "520502680808011"
PLACE = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
#: The columns a village sheet starts with: who, and whose household.
WHO = ["姓名", "身份证号码", "户主身份证号码"]


def _persons(ledger) -> dict[str, tuple]:
    rows = ledger.db.execute(
        "SELECT id_number, name, relation, labour_ability, phone FROM persons"
    ).fetchall()
    return {r[0]: r[1:] for r in rows}


def _head_book(title: str) -> tuple[openpyxl.Workbook, Any]:
    """A workbook whose first sheet, `title`, lists 张长英 (HEAD) of the village, head of his
    own household (under 姓名, 身份证号码, 户主身份证号码 and PLACE); and that sheet."""
    book = openpyxl.Workbook()
    people = book.active
    people.title = title
    people.append([*WHO, *PLACE])
    people.append(["张长英", HEAD, HEAD, *PLACE.values()])
    return book, people


def _village_xlsx(path: Path, columns: list[str], rows: list[list[object]]) -> Path:
    """An xlsx (`write_xlsx`) headed 姓名, 身份证号码, 户主身份证号码, `columns`, then the
    village's place (PLACE); each row gives the cells before the place, which is filled in."""
    return write_xlsx(path, [*WHO, *columns, *PLACE], [[*row, *PLACE.values()] for row in rows])


def _village_csv(path: Path, columns: list[str], rows: list[list[object]], encoding: str) -> Path:
    """`_village_xlsx` as a csv in `encoding` (`write_csv`)."""
    return write_csv(
        path, [*WHO, *columns, *PLACE], [[*row, *PLACE.values()] for row in rows], encoding
    )


def _contracts(path: Path, column: str, terms: tuple[str, str], *jobs: list[object]) -> Path:
    """An xlsx whose 台账 has 张长英 at 鞋厂 since 2025-03-01 and his wife 李秀 at 砖厂 since
    2025-04-01, their contracts' `terms` in `column`; and a 就业经历 sheet of earlier `jobs`
    (姓名, 身份证号码, 开始日期, 结束日期, 用人单位 and the term in `column`)."""
    book = openpyxl.Workbook()
    people = book.active
    people.title = "台账"
    people.append([*WHO, *PLACE, "就业状态", "务工单位", "务工开始日期", column])
    people.append(["张长英", HEAD, HEAD, *PLACE.values(), "已就业", "鞋厂", "2025-03-01", terms[0]])
    people.append(["李秀", WIFE, HEAD, *PLACE.values(), "已就业", "砖厂", "2025-04-01", terms[1]])
    earlier = book.create_sheet("就业经历")
    earlier.append(["姓名", "身份证号码", "开始日期", "结束日期", "用人单位", column])
    for job in jobs:
        earlier.append(job)
    book.save(path)
    return path


def _contract_months(ledger) -> list[tuple]:
    """Each job's employer and contract term in months, the earliest first."""
    return ledger.db.execute(
        "SELECT employer, contract_months FROM employment_spells ORDER BY start_date"
    ).fetchall()


def _term_updated(ledger, tmp_path: Path, row: list[object], term: str) -> tuple[Any, Any]:
    """`row` (a person up to 务工开始日期) imported with a 24-month 劳动合同期限, then an update
    saying `term`: both imports' reports."""
    headers = [*WHO, *PLACE, "就业状态", "务工单位", "务工开始日期", "劳动合同期限", "就业形式"]
    write_xlsx(tmp_path / "a.xlsx", headers, [[*row, "24", "单位就业"]])
    first = import_ledger(ledger, tmp_path / "a.xlsx")
    write_xlsx(tmp_path / "u.xlsx", headers, [[*row, term, "单位就业"]])
    return first, import_ledger(ledger, tmp_path / "u.xlsx", update=True)


@pytest.mark.parametrize("suffix", ["xls", "ods", "xlsx", "csv"])
def test_libreoffice_files_with_title_merged_headers_and_one_sheet_per_village(ledger, suffix):
    report = import_ledger(ledger, FIXTURES / f"村台账_libreoffice.{suffix}")
    assert report.rejected == []
    persons = _persons(ledger)
    village_one = {HEAD, WIFE, SON}
    assert village_one <= set(persons)
    assert persons[WIFE][1:3] == ("配偶", "弱劳动力或半劳动力")
    assert persons[SON][1:3] == ("子女", "弱劳动力或半劳动力")
    assert persons[HEAD][2] == "普通劳动力"
    mapped = {(m.column, m.before, m.after) for m in report.mapped}
    assert {
        ("劳动能力", "全劳力", "普通劳动力"),
        ("与户主关系", "妻", "配偶"),
        ("与户主关系", "之子", "子女"),
        ("性别", "女性", "女"),
    } <= mapped
    assert "包户干部" in " ".join(report.unknown_headers)  # listed, not silently dropped
    if suffix == "csv":  # LibreOffice saved it as GBK, one sheet
        raw = (FIXTURES / "村台账_libreoffice.csv").read_bytes()
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")
        assert len(persons) == 3
        return
    assert report.sheets[:2] == ["大坝村", "新华村"]
    # The hidden row (the son's) is read, and said: .xls from its ROW records, .ods from
    # table:visibility.
    hidden = [(w.sheet, w.row) for w in report.warnings if "隐藏" in w.reason]
    assert hidden == [("大坝村", 5)]
    upgraded = next(n for n in persons if n.startswith("52050219680808011"))
    assert persons[upgraded][0] == "王老汉"
    assert any("15 位" in w.reason and w.sheet == "新华村" for w in report.warnings)
    assert ("与户主关系", "儿子", "子女") in mapped
    assert ("劳动能力", "丧失劳力", "丧失劳动力") in mapped
    assert ("劳动能力", "无劳力", "无劳动力") in mapped


def test_openpyxl_sheet_with_hidden_rows_and_merged_household_cells(ledger, tmp_path):
    path = tmp_path / "村.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["XX村劳动力台账"])
    sheet.append(["姓名", "身份证号码", "户主身份证号码", "与户主关系", *PLACE, "备用列"])
    sheet.append(["张长英", HEAD, HEAD, "户主", *PLACE.values(), "x"])
    sheet.append(["李秀", WIFE, None, "配偶", *PLACE.values(), ""])
    sheet.append(["张小军", SON, None, "子", *PLACE.values(), ""])
    sheet.merge_cells("C3:C5")
    sheet.row_dimensions[4].hidden = True
    book.save(path)
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.persons_imported == 3
    assert [(w.row, w.reason) for w in report.warnings if "隐藏" in w.reason] == [
        (4, "这一行在表格中是隐藏的，已照常读取")
    ]
    assert report.unknown_headers == ["备用列"]
    households = ledger.db.execute("SELECT count(DISTINCT household_id) FROM persons").fetchone()
    assert households == (1,)


def test_a_filtered_sheet_says_its_hidden_rows_once_with_their_ranges(ledger, tmp_path):
    # Was: one 这一行在表格中是隐藏的 note per hidden row — a 台账 filtered to one village
    # gave thousands of notes burying every other. Now one note on the first hidden row says
    # how many rows are hidden and which; the rows are read as before.
    path = tmp_path / "筛选.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号码", "户主身份证号码", "与户主关系", *PLACE])
    start = dt.date(1960, 1, 1)
    for n in range(1200):
        number = make_id("520502", (start + dt.timedelta(days=n)).strftime("%Y%m%d"), "131")
        sheet.append([f"张{n}", number, number, "户主", *PLACE.values()])
    hidden = [*range(5, 1005), 1100, 1102, 1103]
    for row in hidden:
        sheet.row_dimensions[row].hidden = True
    sheet.auto_filter.ref = "A1:G1201"
    book.save(path)
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.persons_imported == 1200
    notes = [(w.row, w.reason) for w in report.warnings if "隐藏" in w.reason]
    assert notes == [
        (
            5,
            "有 1003 行在表格中是隐藏的（被筛选或手动隐藏）：第 5–1004、1100、1102–1103 行，"
            "已照常读取，请核对",
        )
    ]


def test_xlsxwriter_sheet_yes_no_and_sex_words_are_mapped(ledger, tmp_path):
    path = tmp_path / "x.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("台账")
    header = [
        "姓名",
        "身份证号码",
        "户主身份证号码",
        "性别",
        *PLACE,
        "务工单位",
        "务工开始日期",
        "是否有组织劳务输出",
    ]
    for c, text in enumerate(header):
        sheet.write_string(0, c, text)
    rows = [
        ["张长英", HEAD, HEAD, "男", *PLACE.values(), "某厂", dt.date(2025, 3, 1), "√"],
        ["李秀", WIFE, HEAD, "女", *PLACE.values(), "某厂", dt.date(2025, 3, 1), "否"],
    ]
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write_datetime(r, c, value, date_format)
            else:
                sheet.write_string(r, c, value)
    book.close()
    report = import_ledger(ledger, path)
    assert report.rejected == []
    assert ("是否有组织劳务输出", "√", "是") in {
        (m.column, m.before, m.after) for m in report.mapped
    }
    exported = ledger.db.execute(
        "SELECT organized_export FROM employment_spells ORDER BY organized_export"
    ).fetchall()
    assert exported == [(0,), (1,)]


@pytest.mark.parametrize(
    ("word", "relation"),
    [
        ("三子", "子女"),
        ("四女", "子女"),
        ("大儿子", "子女"),
        ("二女儿", "子女"),
        ("小儿子", "子女"),
        ("养子", "子女"),
        ("继女", "子女"),
        ("媳妇", "媳婿"),
        ("外孙", "孙子女"),
        ("外孙女", "孙子女"),
        ("长孙", "孙子女"),
        ("孙媳妇", "孙子女"),
        ("曾孙", "孙子女"),
        ("兄", "兄弟姐妹"),
        ("妹", "兄弟姐妹"),
        ("嫂子", "兄弟姐妹"),
        ("弟媳", "兄弟姐妹"),
        ("侄子", "其他"),
        ("外甥女", "其他"),
        ("非亲属", "其他"),
    ],
)
def test_the_household_registers_relation_words_are_read(ledger, tmp_path, word, relation):
    # Words of the household register (户口簿, GB/T 4761) a village sheet copies: each person
    # with one was refused whole (与户主关系“三子”无法识别，应为：户主、配偶、子女…).
    path = _village_xlsx(
        tmp_path / "r.xlsx",
        ["与户主关系"],
        [
            ["张长英", HEAD, HEAD, "户主"],
            ["李秀", WIFE, HEAD, word],
        ],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []
    assert _persons(ledger)[WIFE][1] == relation
    assert ("与户主关系", word, relation) in {(m.column, m.before, m.after) for m in report.mapped}


@pytest.mark.parametrize(
    ("column", "word", "value"),
    [
        ("健康状况", "良好", "健康"),
        ("健康状况", "慢性病", "长期慢性病"),
        ("健康状况", "大病", "患有大病"),
        ("健康状况", "重大疾病", "患有大病"),
        ("健康状况", "残疾人", "残疾"),
        ("健康状况", "肢体残疾", "残疾"),
        ("健康状况", "视力残疾二级", "残疾"),
        ("健康状况", "智力残疾（三级）", "残疾"),
        ("劳动能力", "强劳力", "普通劳动力"),
        ("劳动能力", "有劳动能力", "普通劳动力"),
        ("劳动能力", "无劳动能力", "无劳动力"),
        ("劳动能力", "部分丧失劳动能力", "弱劳动力或半劳动力"),
        ("劳动能力", "完全丧失劳动能力", "丧失劳动力"),
    ],
)
def test_health_and_labour_words_of_village_sheets_are_read(ledger, tmp_path, column, word, value):
    # 健康状况 良好 / 慢性病 / 肢体残疾 and 劳动能力 无劳动能力 / 部分丧失劳动能力, as village
    # sheets write them, had each such person refused whole (健康状况“肢体残疾”无法识别…).
    path = _village_xlsx(
        tmp_path / "h.xlsx",
        [column],
        [["张长英", HEAD, HEAD, word]],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []
    stored = ledger.db.execute("SELECT health, labour_ability FROM persons").fetchone()
    assert value in stored
    assert (column, word, value) in {(m.column, m.before, m.after) for m in report.mapped}


def test_sex_that_contradicts_the_id_number_is_refused(ledger, tmp_path):
    path = _village_xlsx(
        tmp_path / "s.xlsx",
        ["性别"],
        [["张长英", HEAD, HEAD, "女"]],
    )
    [problem] = import_ledger(ledger, path).rejected
    assert "性别" in problem.reason and "男" in problem.reason


@pytest.mark.parametrize(
    "cell",
    [
        OLD15,
        # A number cell: Excel keeps 15 digits exactly, so nothing of it is lost (it was
        # refused as "后几位已丢失").
        float(OLD15),
    ],
)
def test_a_15_digit_number_is_upgraded_with_a_warning(ledger, tmp_path, cell):
    path = _village_xlsx(
        tmp_path / "old.xlsx",
        [],
        [["王老汉", cell, cell]],
    )
    report = import_ledger(ledger, path)
    [number] = _persons(ledger)
    assert len(number) == 18 and number.startswith("52050219680808011")
    assert any(number in w.reason and "15 位" in w.reason for w in report.warnings)


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        (6.221546950670948e18, "存成数字"),  # a number cell, as Excel or WPS saved it
        ("6.22154695067095E+18", "科学计数法"),  # text in scientific notation (a CSV from WPS)
    ],
)
def test_an_account_excel_destroyed_is_left_out_and_said_the_person_kept(
    ledger, tmp_path, cell, words
):
    # Was: the whole row refused (asserted here before), so an update lost the row's other
    # edits. Now, as for any account the editor refuses (c64ea2d), the person comes in, the
    # account is left out and said with its sheet, row and column letter.
    headers = ["姓名", "身份证号码", "户主身份证号码", "联系电话", "社保卡账号", *PLACE]
    path = write_xlsx(
        tmp_path / "a.xlsx",
        headers,
        [
            ["张长英", HEAD, HEAD, "13800000001", cell, *PLACE.values()],
            ["李秀", WIFE, WIFE, "", "6221546950670948123", *PLACE.values()],
        ],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []
    [problem] = [w for w in report.warnings if "社保卡账号" in w.reason]
    assert (problem.sheet, problem.row) == ("台账", 2)
    assert problem.reason.startswith("社保卡账号（E 列）") and words in problem.reason
    assert "这一格没有导入，这个人的其余信息照常导入" in problem.reason
    accounts = dict(ledger.db.execute("SELECT id_number, account_number FROM persons"))
    assert accounts == {HEAD: "", WIFE: "6221546950670948123"}
    assert _persons(ledger)[HEAD][3] == "13800000001"


def test_an_update_whose_account_cell_excel_made_a_number_keeps_the_rows_other_edits(
    ledger, tmp_path
):
    headers = ["姓名", "身份证号码", "户主身份证号码", "联系电话", "社保卡账号", *PLACE]
    first = [["张长英", HEAD, HEAD, "13800000001", "6221546950670948123", *PLACE.values()]]
    assert import_ledger(ledger, write_xlsx(tmp_path / "a.xlsx", headers, first)).imported == 1
    edited = [["张长英", HEAD, HEAD, "13900000009", 6.221546950670948e18, *PLACE.values()]]
    report = import_ledger(
        ledger, dated(write_xlsx(tmp_path / "b.xlsx", headers, edited)), update=True
    )
    assert report.rejected == [] and report.updated == 1
    [problem] = report.warnings
    assert (problem.sheet, problem.row) == ("台账", 2)
    assert problem.reason.startswith("社保卡账号（E 列）已被 Excel 存成数字")
    row = ledger.db.execute("SELECT phone, account_number FROM persons").fetchall()
    assert row == [("13900000009", "6221546950670948123")]


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_an_account_excel_rounded_to_15_digits_and_kept_as_text_is_left_out_the_person_kept(
    ledger, tmp_path, suffix
):
    # 6217002870012345678 typed into a General cell keeps 15 digits (6.21700287001234E+18);
    # shown as 数值 and saved as csv, or pasted as values into a text column, it reads
    # 6217002870012340000 — text, so it was taken, and printed on the 申请表 and 花名册 as the
    # account the subsidy is paid into. A real card number ending in zeros (the Luhn check of
    # a bank card holds) is kept.
    rows = [
        ["张长英", HEAD, HEAD, "6217002870012340000", *PLACE.values()],
        ["李秀", WIFE, WIFE, "6217002870012380000", *PLACE.values()],  # a real card's number
        ["张小军", SON, SON, "6222 0212 3456 7800", *PLACE.values()],  # 16 digits, 62…, rounded
    ]
    headers = ["姓名", "身份证号码", "户主身份证号码", "银行卡号", *PLACE]
    if suffix == "csv":
        path = write_csv(tmp_path / "a.csv", headers, rows, "gbk")
    else:
        path = write_xlsx(tmp_path / "a.xlsx", headers, rows)
    # Was: rows 2 and 4 refused whole (asserted here before) while an account Excel made a
    # number only left its cell out (a554a15); now the same — the persons come in, the
    # rounded accounts are left out and said on their rows.
    report = import_ledger(ledger, path)
    assert report.rejected == []
    notes = [w for w in report.warnings if "Excel" in w.reason and "15 位" in w.reason]
    assert [w.row for w in notes] == [2, 4]
    first = notes[0].reason
    assert "银行卡号" in first or "社保卡账号" in first
    assert "6217002870012340000" in first and "这一格没有导入，这个人的其余信息照常导入" in first
    accounts = dict(ledger.db.execute("SELECT id_number, account_number FROM persons"))
    assert accounts == {HEAD: "", WIFE: "6217002870012380000", SON: ""}


def test_an_id_number_excel_rounded_and_kept_as_text_is_said_to_be_excels_doing(ledger, tmp_path):
    # 520502197805201429 in a number cell keeps 15 digits; shown as 数值 and saved as csv it
    # reads 520502197805201000, which fails its check digit. The refusal sent the clerk to look
    # for a typo (多半是前面有一位输错或两位颠倒，请对照身份证逐位核对) in a number nobody mistyped.
    rounded = WIFE[:15] + "000"
    path = _village_csv(
        tmp_path / "r.csv",
        [],
        [
            ["张长英", HEAD, HEAD],
            ["李秀", rounded, HEAD],
            ["张小军", SON, HEAD[:15] + "000"],
        ],
        "gbk",
    )
    report = import_ledger(ledger, path)
    assert [p.row for p in report.rejected] == [3, 4]
    for problem, number in zip(report.rejected, (rounded, HEAD[:15] + "000"), strict=True):
        assert number in problem.reason and "Excel" in problem.reason
        assert "15 位" in problem.reason and "输错" not in problem.reason
    assert report.rejected[1].reason.startswith("户主身份证号码")


def test_a_refused_cell_is_named_by_the_sheets_own_column_header_and_letter(ledger, tmp_path):
    # The sheet heads its columns 证件号码 and 银行卡号; the refusals named them by the ledger's
    # words (身份证号码…, 社保卡账号已被 Excel 存成数字…), so the clerk looked for columns the
    # sheet does not have. The sheet's own header and the column's letter are now said too.
    path = write_xlsx(
        tmp_path / "c.xlsx",
        ["姓名", "证件号码", "户主身份证号码", "银行卡号", *PLACE],
        [
            ["张长英", HEAD, HEAD, 6.221546950670948e18, *PLACE.values()],
            ["李秀", WIFE[:15] + "000", HEAD, "", *PLACE.values()],
        ],
    )
    report = import_ledger(ledger, path)
    [number] = (p.reason for p in report.rejected)
    [account] = (p.reason for p in report.warnings if p.row == 2)
    assert account.startswith("社保卡账号（表中“银行卡号”列，D 列）已被 Excel 存成数字")
    assert number.startswith("身份证号码（表中“证件号码”列，B 列）“")


def test_an_account_is_read_as_the_person_editor_reads_it(ledger, tmp_path):
    # 6217-0028-7001-2380-000 copied from a card was kept with its hyphens (printed so on the
    # 申请表 and 花名册; the editor saves the digits), a rounded one written with hyphens passed
    # the check for Excel's loss, and 见存折 or a handful of digits went in as the account. The
    # digits are kept; an account the editor refuses is said on its row and left out, the
    # person imported; the rounded one is left out as without hyphens.
    other = make_id("520502", "19690101", "211")
    path = _village_xlsx(
        tmp_path / "a.xlsx",
        ["社保卡账号"],
        [
            ["张长英", HEAD, HEAD, "6217-0028-7001-2380-000"],
            ["李秀", WIFE, WIFE, "见存折"],
            ["张小军", SON, SON, "62215214"],
            ["王明", other, other, "6217-0028-7001-2340-000"],
        ],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []
    accounts = dict(ledger.db.execute("SELECT id_number, account_number FROM persons"))
    assert accounts == {HEAD: "6217002870012380000", WIFE: "", SON: "", other: ""}
    said = {w.row: w.reason for w in report.warnings}
    assert set(said) == {3, 4, 5} and "Excel" in said[5] and "没有导入" in said[5]
    assert "见存折" in said[3] and "只能有数字" in said[3] and "没有导入" in said[3]
    assert "8 位" in said[4]
    # An update with such a cell keeps the account the ledger holds.
    again = _village_xlsx(
        tmp_path / "b.xlsx",
        ["社保卡账号"],
        [["张长英", HEAD, HEAD, "见存折"]],
    )
    report = import_ledger(ledger, again, update=True)
    assert report.rejected == [] and len(report.warnings) == 1
    kept = ledger.db.execute("SELECT account_number FROM persons WHERE id_number = ?", [HEAD])
    assert kept.fetchone() == ("6217002870012380000",)


def test_members_of_a_head_whose_row_was_refused_are_sent_to_that_row(ledger, tmp_path):
    # The head's row was refused (a phone lost to Excel; an account so lost is now left out,
    # the row kept); his wife's read 户主身份证号码 … 既不在本表中，也不在台账中 — while he
    # stands on row 2 of the same sheet.
    path = _village_xlsx(
        tmp_path / "h.xlsx",
        ["联系电话"],
        [
            ["张长英", HEAD, HEAD, "1.38E+10"],
            ["李秀", WIFE, HEAD, ""],
        ],
    )
    report = import_ledger(ledger, path)
    assert [p.row for p in report.rejected] == [2, 3]
    assert "第 2 行" in report.rejected[1].reason and "不在本表" not in report.rejected[1].reason


def test_a_phone_in_scientific_notation_is_refused_a_plain_number_kept(ledger, tmp_path):
    path = _village_csv(
        tmp_path / "p.csv",
        ["联系电话"],
        [
            ["张长英", HEAD, HEAD, "1.38E+10"],
            ["李秀", WIFE, WIFE, "13800000002"],
        ],
        "utf-8",
    )
    report = import_ledger(ledger, path)
    assert [p.row for p in report.rejected] == [2]
    assert "联系电话" in report.rejected[0].reason
    assert _persons(ledger)[WIFE][3] == "13800000002"


def test_a_phone_the_person_editor_would_refuse_is_imported_and_said(ledger, tmp_path):
    # A mobile one digit short (1380000000, reaching nobody) went in without a word, though the
    # person editor refuses it; a landline written (0857)8221234 was kept with its brackets.
    # The person comes in, the phone as typed (brackets dropped as the editor drops them), and
    # the row says what is wrong with it.
    path = _village_xlsx(
        tmp_path / "p.xlsx",
        ["手机号码"],
        [
            ["张长英", HEAD, HEAD, "1380000000"],
            ["李秀", WIFE, WIFE, "(0857)8221234"],
            ["张小军", SON, SON, "138-0000-0003"],
        ],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.persons_imported == 3
    phones = {n: p[3] for n, p in _persons(ledger).items()}
    assert phones == {HEAD: "1380000000", WIFE: "08578221234", SON: "13800000003"}
    [said] = report.warnings
    assert said.row == 2 and "1380000000" in said.reason and "11 位" in said.reason
    assert "手机号码" in said.reason or "联系电话" in said.reason


def test_a_number_typed_with_the_chinese_zero_is_read_as_its_digits(ledger, tmp_path):
    # The pinyin input method gives 〇 for "ling": 138〇〇〇〇〇〇〇2 was kept as typed and said
    # as 电话号码“138〇…”只能有数字 (a phone no one can dial or find), an account so typed was
    # left out, and an ID number so typed refused the whole person (身份证号码…). In a number
    # cell 〇 can only be 0: it is read as 0 there, as full-width digits are.
    zeroed = HEAD.replace("0", "〇")
    path = write_xlsx(
        tmp_path / "z.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", "联系电话", "社保卡账号", *PLACE],
        [
            [
                "张长英",
                zeroed,
                zeroed,
                "138〇〇〇〇〇〇〇2",
                "6217〇〇2870〇12345678",
                *PLACE.values(),
            ]
        ],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.warnings == [] and report.persons_imported == 1
    stored = ledger.db.execute("SELECT id_number, phone, account_number FROM persons").fetchall()
    assert stored == [(HEAD, "13800000002", "6217002870012345678")]


def test_a_short_phone_with_the_chinese_zero_is_said_as_the_editor_says_it(ledger, tmp_path):
    # One rule for 〇 in a phone: the import reads it as 0 and says a short number with its
    # count, what the editor and the service say of the number as typed (they once said
    # 只能有数字 of it instead, and refused a good one the import kept).
    from fieldapp.domain.phone import phone_said

    path = _village_xlsx(
        tmp_path / "z.xlsx",
        ["联系电话"],
        [["张长英", HEAD, HEAD, "138〇〇〇〇〇〇〇"], ["李秀", WIFE, WIFE, "138〇〇〇〇〇〇〇2"]],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.persons_imported == 2
    assert {n: p[3] for n, p in _persons(ledger).items()} == {
        HEAD: "1380000000",
        WIFE: "13800000002",
    }
    [said] = report.warnings
    assert said.row == 2 and "11 位" in said.reason and "10 位" in said.reason
    editor_said = phone_said("138〇〇〇〇〇〇〇")
    assert editor_said is not None and "10 位" in str(editor_said)
    assert phone_said("138〇〇〇〇〇〇〇2") is None


def test_a_phone_or_account_written_as_none_is_blank(ledger, tmp_path):
    # 无, 暂无, /, —, 空 where a village has no phone or no card: the phone was kept as the
    # text 无 (printed on the 申请表 as 联系电话 无) and each such cell said as not a number.
    rows = []
    for i, word in enumerate(["无", "暂无", "/", "—", "空", "－"]):
        number = make_id("520502", f"1980010{i + 1}", "011")
        rows.append([f"张{i}", number, number, word, word, *PLACE.values()])
    path = write_xlsx(
        tmp_path / "n.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", "联系电话", "社保卡账号", *PLACE],
        rows,
    )
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.warnings == [] and report.persons_imported == 6
    stored = set(ledger.db.execute("SELECT phone, account_number FROM persons"))
    assert stored == {("", "")}


def test_too_long_cells_and_control_characters_are_refused_with_their_row(ledger, tmp_path):
    path = _village_csv(
        tmp_path / "c.csv",
        ["备注", "详细地址"],
        [
            ["张长英", HEAD, HEAD, "好" * 32768, ""],  # no Excel cell holds it
            ["李秀", WIFE, WIFE, "", "大坝\x07组"],
            ["张小军", SON, SON, "第一行\n第二行", ""],  # a line break is fine
        ],
        "gbk",
    )
    report = import_ledger(ledger, path)
    reasons = {p.row: p.reason for p in report.rejected}
    assert set(reasons) == {2, 3}
    assert "备注过长（32768 字，最多 32767 字）" in reasons[2] and "控制字符" in reasons[3]
    assert SON in _persons(ledger)


def test_category_words_read_as_the_ledgers_are_reported(ledger, tmp_path):
    path = _village_xlsx(
        tmp_path / "c.xlsx",
        ["人员类别"],
        [["张长英", HEAD, HEAD, "低保户、脱贫户（2016-12-31）、易地扶贫搬迁人口"]],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []
    mapped = {(m.before, m.after) for m in report.mapped if m.column == "人员类别"}
    assert mapped == {
        ("低保户", "农村低保对象"),
        ("脱贫户", "脱贫人口"),
        ("易地扶贫搬迁人口", "易地搬迁人口"),
    }
    stored = {r[0] for r in ledger.db.execute("SELECT category FROM person_categories")}
    assert stored == {"农村低保对象", "脱贫人口", "易地搬迁人口"}


def test_other_rural_labour_as_the_apps_papers_write_it_is_no_category(ledger, tmp_path):
    # The 一库五册 the app exports says 其他农村劳动力 for a person of no group (as his 申请表
    # does): a sheet sent back with it was refused row by row (未知的人员类别“其他农村劳动力”).
    # It is read as no category, beside one the person does hold.
    path = write_xlsx(
        tmp_path / "o.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", "人员类别", *PLACE],
        [["张长英", HEAD, HEAD, "其他农村劳动力、退役军人", *PLACE.values()]],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []
    assert [m for m in report.mapped if m.column == "人员类别"] == []
    stored = {r[0] for r in ledger.db.execute("SELECT category FROM person_categories")}
    assert stored == {"退役军人"}


@pytest.mark.parametrize(
    "cell",
    [
        "脱贫人口【2016-12-31】、农村低保对象【2020-01-01至2022-01-01】",  # the IME's brackets
        "脱贫人口[2016-12-31]、农村低保对象[2020-01-01至2022-01-01]",
        "脱贫人口〔2016-12-31〕、农村低保对象〔2020-01-01至2022-01-01〕",
        "脱贫人口 (2016-12-31)、农村低保对象 （2020-01-01 至 2022-01-01）",  # a space before
    ],
)
def test_a_categorys_dates_in_other_brackets_or_after_a_space_are_read(ledger, tmp_path, cell):
    # 【】 and [] were taken for part of the word (未知的人员类别“脱贫人口【2016-12-31】”, then
    # the list of every category), a space before the bracket split the date off (人员类别
    # “(2020-01-01至2022-01-01)”格式不对) — and the whole person was refused.
    path = _village_xlsx(
        tmp_path / "c.xlsx",
        ["人员类别"],
        [["张长英", HEAD, HEAD, cell]],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []
    stored = set(ledger.db.execute("SELECT category, start_date, end_date FROM person_categories"))
    assert stored == {
        ("脱贫人口", "2016-12-31", None),
        ("农村低保对象", "2020-01-01", "2022-01-01"),
    }


def test_a_category_with_only_its_year_is_kept_without_a_date_and_said(ledger, tmp_path):
    # Village ledgers write the year a household left poverty: 脱贫人口（2016年）, 脱贫户(2019).
    # The whole person was refused (脱贫人口的认定日期“2016年”不是有效日期); the person and the
    # category now come in, no day made up for it, and the row says the date was not kept.
    path = _village_xlsx(
        tmp_path / "y.xlsx",
        ["人员类别"],
        [
            ["张长英", HEAD, HEAD, "脱贫人口（2016年）、低保户"],
            ["李秀", WIFE, WIFE, "脱贫户(2019)"],
        ],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.persons_imported == 2
    stored = set(
        ledger.db.execute(
            "SELECT p.name, c.category, c.start_date FROM person_categories c"
            " JOIN persons p ON p.id = c.person_id"
        )
    )
    assert stored == {
        ("张长英", "脱贫人口", None),
        ("张长英", "农村低保对象", None),
        ("李秀", "脱贫人口", None),
    }
    said = {w.row: w.reason for w in report.warnings}
    assert "2016年" in said[2] and "年份" in said[2] and "2019" in said[3]


def test_a_hidden_row_of_an_extra_sheet_is_read_and_said(ledger, tmp_path):
    path = tmp_path / "月度.xlsx"
    book, people = _head_book("劳动力台账")
    months = book.create_sheet("月度状态")
    months.append(["姓名", "身份证号码", "月份", "就业状态"])
    months.append(["张长英", HEAD, "2026-09", "未就业"])
    months.append(["张长英", HEAD, "2026-10", "已就业"])
    months.row_dimensions[3].hidden = True
    book.save(path)
    report = import_ledger(ledger, path)
    assert report.rejected == []
    assert [(w.sheet, w.row) for w in report.warnings if "隐藏" in w.reason] == [("月度状态", 3)]
    stored = ledger.db.execute("SELECT month FROM monthly_status ORDER BY month").fetchall()
    assert stored == [("2026-09",), ("2026-10",)]


#: Every colloquial word issue 15 names, with the column it is typed in and what is stored.
_COLLOQUIAL = [
    ("劳动能力", "全劳力", "普通劳动力"),
    ("劳动能力", "半劳力", "弱劳动力或半劳动力"),
    ("劳动能力", "弱劳力", "弱劳动力或半劳动力"),
    ("劳动能力", "无劳力", "无劳动力"),
    ("劳动能力", "丧失劳力", "丧失劳动力"),
    ("与户主关系", "子", "子女"),
    ("与户主关系", "女", "子女"),
    ("与户主关系", "儿子", "子女"),
    ("与户主关系", "之子", "子女"),
    ("与户主关系", "妻", "配偶"),
    ("与户主关系", "夫", "配偶"),
    ("是否有组织劳务输出", "√", "是"),
]


@pytest.mark.parametrize(("column", "word", "stored"), _COLLOQUIAL)
def test_each_colloquial_word_is_stored_as_the_ledgers_and_reported(
    ledger, tmp_path, column, word, stored
):
    """The member's row carries the word; the head's row is plain. 是/否 and 男/女 are the
    stored words themselves: read as they are, nothing reported."""
    headers = ["姓名", "身份证号码", "户主身份证号码", "与户主关系", "性别", *PLACE]
    headers += ["劳动能力", "务工单位", "务工开始日期", "是否有组织劳务输出"]
    head = ["张长英", HEAD, HEAD, "户主", "男", *PLACE.values(), "", "", "", ""]
    member = ["李秀", WIFE, HEAD, "配偶", "女", *PLACE.values(), "", "某厂", "2025-03-01", "否"]
    member[headers.index(column)] = word
    path = write_csv(tmp_path / "words.csv", headers, [head, member], "utf-8")
    report = import_ledger(ledger, path)
    assert report.rejected == []
    mapped = [(m.row, m.column, m.before, m.after) for m in report.mapped]
    assert mapped == [(3, column, word, stored)]  # only the word, on its row
    if column == "是否有组织劳务输出":
        [(flag,)] = ledger.db.execute("SELECT organized_export FROM employment_spells")
        assert flag == 1
    else:
        field = {"劳动能力": "labour_ability", "与户主关系": "relation"}[column]
        [(value,)] = ledger.db.execute(f"SELECT {field} FROM persons WHERE id_number = ?", [WIFE])
        assert value == stored


def test_each_extra_sheet_rejects_a_bad_row_with_its_sheet_row_and_reason(ledger, tmp_path):
    """An extra sheet's rows are checked one by one: a bad row is refused naming its sheet,
    row and what is wrong; the good rows around it are written."""
    stranger = make_id("520502", "19900101", "164")
    path = tmp_path / "全部.xlsx"
    book, people = _head_book("劳动力台账")

    def sheet(title: str, header: list[str], *rows: list[object]) -> None:
        made = book.create_sheet(title)
        made.append(header)
        for row in rows:
            made.append(row)

    sheet(
        "就业经历",
        ["姓名", "身份证号码", "开始日期", "结束日期", "用人单位", "用人单位类型"],
        ["张长英", HEAD, "2024-03-01", "2024-09-30", "某厂", "小微企业"],  # row 2: good
        ["张长英", HEAD, "2025-03-01", "2025-01-31", "某厂", ""],  # row 3: ends first
        ["路人", stranger, "2025-03-01", "", "某厂", ""],  # row 4: nobody's
        ["张长英", HEAD, "2025-05-01", "", "某厂", "外星企业"],  # row 5: unknown kind
    )
    sheet(
        "失业登记",
        ["姓名", "身份证号码", "发现日期", "登记日期", "失业人员类别"],
        ["张长英", HEAD, "2024-10-08", "2024-10-10", "缺乏基本技能"],  # row 2: good
        ["张长英", HEAD, "", "", "缺乏基本技能"],  # row 3: no date at all
    )
    sheet(
        "培训",
        ["姓名", "身份证号码", "培训类型", "开始日期", "培训天数"],
        ["张长英", HEAD, "电工", "2024-11-01", 10],  # row 2: good
        ["张长英", HEAD, "焊工", "2099-01-01", 5],  # row 3: in the future
    )
    sheet(
        "走访服务",
        ["姓名", "身份证号码", "日期", "服务类型", "走访人"],
        ["张长英", HEAD, "2024-12-01", "政策宣传、岗位推荐", "王干部"],  # row 2: good
        ["张长英", HEAD, "2024-12-05", "算命", "王干部"],  # row 3: no such service
    )
    sheet(
        "月度状态",
        ["姓名", "身份证号码", "月份", "就业状态"],
        ["张长英", HEAD, "2024-12", "未就业"],  # row 2: good
        ["张长英", HEAD, "2025-01", ""],  # row 3: no status
    )
    book.save(path)
    report = import_ledger(ledger, path)
    rejected = {(p.sheet, p.row): p.reason for p in report.rejected}
    assert set(rejected) == {
        ("就业经历", 3),
        ("就业经历", 4),
        ("就业经历", 5),
        ("失业登记", 3),
        ("培训", 3),
        ("走访服务", 3),
        ("月度状态", 3),
    }
    assert "早于开始日期" in rejected[("就业经历", 3)]
    assert not re.search(r"\d{4}-\d{2}-\d{2}", rejected[("就业经历", 3)])  # days as written
    assert stranger in rejected[("就业经历", 4)] and "不在台账中" in rejected[("就业经历", 4)]
    assert "用人单位类型" in rejected[("就业经历", 5)] and "外星企业" in rejected[("就业经历", 5)]
    assert "登记日期和发现日期至少填一个" in rejected[("失业登记", 3)]
    assert "晚于今天" in rejected[("培训", 3)]
    assert "服务类型" in rejected[("走访服务", 3)] and "算命" in rejected[("走访服务", 3)]
    assert "就业状态为空" in rejected[("月度状态", 3)]
    q = ledger.db.execute
    # No 就业形式 column: the job's form is not known (未登记), not guessed as 单位就业.
    assert q("SELECT start_date, employer_kind, form FROM employment_spells").fetchall() == [
        ("2024-03-01", "小微企业", "未登记")
    ]
    assert q("SELECT registered_date FROM unemployment_registrations").fetchall() == [
        ("2024-10-10",)
    ]
    services = q("SELECT service_type FROM services ORDER BY service_type").fetchall()
    assert services == [("岗位推荐",), ("政策宣传",), ("职业培训",)]
    assert q("SELECT month, status FROM monthly_status").fetchall() == [("2024-12", "未就业")]


def test_registered_unemployed_in_the_category_cell_is_a_registration_the_rules_see(
    ledger, tmp_path
):
    """登记失业人员（2024-06-01至2025-01-15） in 人员类别 was stored as a category the rules do
    not read; it is now the registration too (said on the row), once, and a date-less one is
    told it states none."""
    headers = ["姓名", "身份证号码", "户主身份证号码", "人员类别", *PLACE]
    rows = [
        ["张长英", HEAD, HEAD, "脱贫人口、登记失业人员（2024-06-01至2025-01-15）", *PLACE.values()],
        ["李秀", WIFE, HEAD, "登记失业人员", *PLACE.values()],
    ]
    path = write_csv(tmp_path / "类别.csv", headers, rows, "gbk")
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.persons_imported == 2
    registrations = ledger.db.execute(
        "SELECT p.id_number, r.registered_date, r.ended_date FROM unemployment_registrations r "
        "JOIN persons p ON p.id = r.person_id"
    ).fetchall()
    assert registrations == [(HEAD, "2024-06-01", "2025-01-15")]
    said = {(w.row, w.reason) for w in report.warnings}
    assert (2, "人员类别中的“登记失业人员”已同时记为失业登记") in said
    assert any(row == 3 and "没有登记日期" in reason for row, reason in said)
    categories = ledger.db.execute("SELECT category FROM person_categories ORDER BY 1")
    assert [c for (c,) in categories] == ["登记失业人员", "登记失业人员", "脱贫人口"]
    # The same sheet again as an update: the registration is there already, nothing changes.
    again = import_ledger(ledger, path, update=True)
    assert again.rejected == [] and again.updated == 0 and again.unchanged == 2
    count = ledger.db.execute("SELECT count(*) FROM unemployment_registrations").fetchone()
    assert count == (1,)


@pytest.mark.today("2026-03-16")
def test_a_category_ended_in_a_month_alone_ends_on_its_last_day_and_is_said(ledger, tmp_path):
    # Was: 登记失业人员（2025-05-10至2025-06） ended on 1 June without a word, as 务工结束日期
    # did before: June's registration ended on its first day. A month alone ends on its last
    # day, today's for the month running (as every other month-only end), said on the row.
    headers = ["姓名", "身份证号码", "户主身份证号码", "人员类别", *PLACE]
    rows = [
        ["张长英", HEAD, HEAD, "登记失业人员（2025-05-10至2025-06）", *PLACE.values()],
        ["李秀", WIFE, HEAD, "脱贫人口（2016-12-31至2026年3月）", *PLACE.values()],
    ]
    path = write_xlsx(tmp_path / "类别.xlsx", headers, rows)
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.persons_imported == 2
    ends = ledger.db.execute(
        "SELECT p.id_number, c.category, c.end_date FROM person_categories c "
        "JOIN persons p ON p.id = c.person_id ORDER BY 1"
    ).fetchall()
    assert sorted(ends) == sorted(
        [(HEAD, "登记失业人员", "2025-06-30"), (WIFE, "脱贫人口", "2026-03-16")]
    )
    registered = ledger.db.execute("SELECT ended_date FROM unemployment_registrations")
    assert registered.fetchall() == [("2025-06-30",)]
    said = {(w.row, w.reason) for w in report.warnings if "只填到月份" in w.reason}
    assert said == {
        (2, "登记失业人员的结束日期“2025-06”只填到月份，已按2025年6月30日记为结束日期，请核对"),
        (
            3,
            "脱贫人口的结束日期“2026年3月”只填到月份，这个月还没有过完，已按今天（2026年3月16日）记为结束日期，请核对",
        ),
    }


def test_an_extra_sheet_end_of_a_month_alone_is_the_same_day_whoever_reads_it() -> None:
    # Was: 就业经历's 结束日期“2025-06” read as 2025-06-30 when the reader asked for the notes
    # and as 2025-06-01 when it did not: the row's day hung on who listened, not on the cell.
    from fieldapp.tabular.extra_sheets import parse_extra

    texts = {"name": "李秀", "id_number": WIFE, "start_date": "2025-05-10", "end_date": "2025-06"}
    notes: list[Any] = []
    told = parse_extra(
        "就业经历", "就业经历", 2, dict(texts), {}, "2026-03-16", words={}, notes=notes
    )
    untold = parse_extra("就业经历", "就业经历", 2, dict(texts), {}, "2026-03-16", words={})
    assert told.get("end_date") == untold.get("end_date") == "2025-06-30"
    assert [str(n) for n in notes] == [
        "结束日期“2025-06”只填到月份，已按2025年6月30日记为结束日期，请核对"
    ]


@pytest.mark.today("2026-03-16")
def test_an_extra_sheet_month_alone_is_said_only_of_a_row_taken(ledger, tmp_path):
    # Was: a 就业经历 row of a person in neither the ledger nor the workbook was refused (不在
    # 台账中) and said 已按2025年6月30日记为结束日期 too: a fresh import said the note as it read
    # the row, before knowing it would be taken. Said now of the rows taken only.
    book = openpyxl.Workbook()
    people = book.active
    people.title = "台账"
    people.append(["姓名", "身份证号码", "户主身份证号码", *PLACE])
    people.append(["张长英", HEAD, HEAD, *PLACE.values()])
    jobs = book.create_sheet("就业经历")
    jobs.append(["姓名", "身份证号码", "务工单位", "开始日期", "结束日期"])
    jobs.append(["张长英", HEAD, "某厂", "2025-05-03", "2025-06"])
    jobs.append(["李秀", WIFE, "某厂", "2025-05-03", "2025-07"])
    book.save(tmp_path / "经历.xlsx")
    report = import_ledger(ledger, tmp_path / "经历.xlsx")
    assert [(p.sheet, p.row) for p in report.rejected] == [("就业经历", 3)]
    said = [(w.sheet, w.row, w.reason) for w in report.warnings if "只填到月份" in w.reason]
    end = "结束日期“2025-06”只填到月份，已按2025年6月30日记为结束日期，请核对"
    assert said == [("就业经历", 2, end)]


def test_a_number_saved_as_text_with_dot_zero_is_read_as_the_number_or_refused(ledger, tmp_path):
    # A sheet that went through another program (a system's export, pandas, a copy from a web
    # page) holds numbers as text with ".0": the phone is its digits, an account refused
    # like a number cell (its digits went through a float), never stored with ".0".
    path = _village_xlsx(
        tmp_path / "z.xlsx",
        ["联系电话", "社保卡账号"],
        [
            ["张长英", HEAD, HEAD, "13800000002.0", ""],
            ["李秀", WIFE, HEAD, "", "6221500711219703.0"],
            ["张小军", SON + ".0", HEAD, "", ""],
        ],
    )
    report = import_ledger(ledger, path)
    reasons = {p.row: p.reason for p in report.rejected}
    assert set(reasons) == {4}
    [account] = (p.reason for p in report.warnings if p.row == 3)
    assert "社保卡账号" in account and "存成数字" in account and "没有导入" in account
    assert "身份证号码" in reasons[4] and "存成数字" in reasons[4]
    assert _persons(ledger)[HEAD][3] == "13800000002"


def test_a_hidden_sheet_is_read_and_said(ledger, tmp_path):
    # An old copy kept as a hidden sheet: its people are read like the others', and the
    # report says the sheet was hidden, so the coordinator can check before confirming.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    headers = ["姓名", "身份证号码", "户主身份证号码", *PLACE]
    sheet.append(headers)
    sheet.append(["张长英", HEAD, HEAD, *PLACE.values()])
    old = book.create_sheet("旧表")
    old.sheet_state = "hidden"
    old.append(["（2023年台账）"])
    old.append(headers)
    old.append(["李秀", WIFE, WIFE, *PLACE.values()])
    book.save(tmp_path / "h.xlsx")
    report = import_ledger(ledger, tmp_path / "h.xlsx")
    assert set(_persons(ledger)) == {HEAD, WIFE}
    said = [(w.sheet, w.row, w.reason) for w in report.warnings if "隐藏" in w.reason]
    assert len(said) == 1
    assert said[0][:2] == ("旧表", 2) and "工作表“旧表”" in said[0][2]


def test_a_head_block_and_a_member_block_under_merged_group_headers(ledger, tmp_path):
    # 户主信息 merged over 姓名 | 身份证号码, 家庭成员信息 over 姓名 | 身份证号码 | 与户主关系:
    # the first block is the head's, not the person's (the members were refused before as
    # "户主身份证号码为空", their own columns listed as unknown).
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["大坝村家庭成员台账"])
    sheet.append(["户主信息", None, "家庭成员信息", None, None, *PLACE])
    sheet.merge_cells("A2:B2")
    sheet.merge_cells("C2:E2")
    for column in "FGH":
        sheet.merge_cells(f"{column}2:{column}3")
    sheet.append(["姓名", "身份证号码", "姓名", "身份证号码", "与户主关系"])
    for name, number, relation in (
        ("张长英", HEAD, "户主"),
        ("李秀", WIFE, "妻"),
        ("张小军", SON, "子"),
    ):
        sheet.append(["张长英", HEAD, name, number, relation, *PLACE.values()])
    book.save(tmp_path / "b.xlsx")
    report = import_ledger(ledger, tmp_path / "b.xlsx")
    assert report.rejected == [] and report.unknown_headers == []
    persons = _persons(ledger)
    assert {n: persons[n][:2] for n in (HEAD, WIFE, SON)} == {
        HEAD: ("张长英", "户主"),
        WIFE: ("李秀", "配偶"),
        SON: ("张小军", "子女"),
    }
    households = ledger.db.execute("SELECT count(DISTINCT household_id) FROM persons").fetchone()
    assert households[0] == 1


@pytest.mark.parametrize("suffix", ["csv", "ods"])
def test_a_group_header_over_columns_read_from_a_file_that_keeps_no_merges(
    ledger, tmp_path, suffix
):
    # The same sheet as above saved by LibreOffice as .ods (calamine gives no merged cells) or
    # as a GBK csv: 户主信息 and 家庭成员信息 are written over their first column only. The
    # members were refused as "户主身份证号码为空" and their own columns listed as unknown;
    # only the head came in.
    if suffix == "ods":  # make_fixtures-style: 户主与成员.xlsx of the test above, via soffice
        path = FIXTURES / "户主与成员_libreoffice.ods"
    else:
        path = tmp_path / "b.csv"
        rows = [
            ["大坝村家庭成员台账", "", "", "", "", "", "", ""],
            ["户主信息", "", "家庭成员信息", "", "", *PLACE],
            ["姓名", "身份证号码", "姓名", "身份证号码", "与户主关系", "", "", ""],
        ]
        for name, number, relation in (
            ("张长英", HEAD, "户主"),
            ("李秀", WIFE, "妻"),
            ("张小军", SON, "子"),
        ):
            rows.append(["张长英", HEAD, name, number, relation, *PLACE.values()])
        path.write_text("\r\n".join(",".join(r) for r in rows) + "\r\n", encoding="gbk")
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.unknown_headers == []
    persons = _persons(ledger)
    assert {n: persons[n][:2] for n in (HEAD, WIFE, SON)} == {
        HEAD: ("张长英", "户主"),
        WIFE: ("李秀", "配偶"),
        SON: ("张小军", "子女"),
    }
    households = ledger.db.execute("SELECT count(DISTINCT household_id) FROM persons").fetchone()
    assert households[0] == 1


def test_a_sheet_of_households_listed_head_first_without_the_heads_number(ledger, tmp_path):
    # Village sheets list each household as a block — the head, then the members — with no
    # 户主身份证号码 column (the order says whose family it is). Every member was refused as
    # 户主身份证号码为空（户主本人可填自己的号码）; only the heads came in. A member now joins
    # the nearest head above, the sheet says it did so, and a member whose 户主姓名 names
    # another head, or with no head above, is refused saying why.
    other = make_id("520502", "19690101", "211")
    third = make_id("520502", "19700202", "222")
    path = write_xlsx(
        tmp_path / "b.xlsx",
        ["序号", "姓名", "身份证号码", "与户主关系", "户主姓名", *PLACE],
        [
            [1, "李秀", WIFE, "妻", "张长英", *PLACE.values()],  # no head above
            [2, "张长英", HEAD, "户主", "张长英", *PLACE.values()],
            [3, "张小军", SON, "子", "张长英", *PLACE.values()],
            [],
            [4, "王明", other, "户主", "", *PLACE.values()],
            [5, "刘芳", third, "配偶", "", *PLACE.values()],
        ],
    )
    report = import_ledger(ledger, path)
    assert [p.row for p in report.rejected] == [2]
    assert "上方" in report.rejected[0].reason
    families = dict(
        ledger.db.execute(
            "SELECT p.id_number, h.id_number FROM persons p JOIN households hh"
            " ON hh.id = p.household_id JOIN persons h ON h.id = hh.head_person_id"
        )
    )
    assert families == {HEAD: HEAD, SON: HEAD, other: other, third: other}
    assert any("户主身份证号码" in w.reason and "上方" in w.reason for w in report.warnings)


def test_invisible_characters_pasted_with_numbers_are_dropped(ledger, tmp_path):
    # Numbers copied from a chat or a web page carry invisible marks (U+202D…U+202C, zero-width
    # spaces, a BOM): the ID was refused as "长度为 20 位" while it showed 18 digits, and a
    # phone was kept with marks no search finds.
    path = write_xlsx(
        tmp_path / "i.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", "与户主关系", "联系电话", *PLACE],
        [
            [
                "张长英\u200b",
                f"\u202d{HEAD}\u202c",
                HEAD,
                "户主",
                "\u202d13800000000\u202c",
                *PLACE.values(),
            ],
            [
                "李秀",
                WIFE + "\u200b",
                HEAD + "\ufeff",
                "配偶\u200b",
                "138\u200b0000\u200b0001",
                *PLACE.values(),
            ],
        ],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []
    persons = _persons(ledger)
    assert persons[HEAD] == ("张长英", "户主", "普通劳动力", "13800000000")
    assert persons[WIFE][0::3] == ("李秀", "13800000001")


@pytest.mark.parametrize(
    ("cell", "amount"),
    [
        ("3500元/月", 3500),
        ("¥3,500.00", 3500),
        ("￥4200", 4200),
        ("0.5万元", 5000),
        ("3800/月", 3800),
    ],
)
def test_an_income_written_with_its_unit_or_currency_sign_is_read(ledger, tmp_path, cell, amount):
    # The person was refused whole as "月收入“3500元/月”不是数字".
    path = _village_xlsx(
        tmp_path / "m.xlsx",
        ["就业状态", "务工开始日期", "月收入"],
        [["张长英", HEAD, HEAD, "已就业", "2024-03-01", cell]],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []
    income = ledger.db.execute("SELECT monthly_income FROM employment_spells").fetchone()[0]
    assert income == amount


def test_a_sheet_of_heads_under_a_head_group_header_still_reads_them_as_persons(ledger, tmp_path):
    # 户主信息 over 姓名 | 身份证号码 with no member block: a list of the heads themselves.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "户表"
    sheet.append(["户主信息", None, "家庭信息", *PLACE])
    sheet.merge_cells("A1:B1")
    for column in "DEF":
        sheet.merge_cells(f"{column}1:{column}2")
    sheet.append(["姓名", "身份证号码", "家庭人口数"])
    sheet.append(["张长英", HEAD, 3, *PLACE.values()])
    book.save(tmp_path / "h.xlsx")
    report = import_ledger(ledger, tmp_path / "h.xlsx")
    assert report.rejected == [] and _persons(ledger)[HEAD][:2] == ("张长英", "户主")


@pytest.mark.parametrize("heads_first", [True, False])
def test_heads_listed_on_a_sheet_of_their_own_under_户主姓名_come_in_with_their_families(
    ledger, tmp_path, heads_first
):
    # A sheet of the heads (户主姓名 | 身份证号码 | 联系电话 …, no 姓名 column) and a sheet of the
    # members pointing at them: the heads' sheet was passed over without a word (no 姓名), and
    # every member was refused as 户主身份证号码 … 既不在本表中，也不在台账中.
    other = make_id("520502", "19690101", "211")
    book = openpyxl.Workbook()
    heads = book.active
    heads.title = "户主"
    heads.append(["序号", "户主姓名", "身份证号码", "联系电话", *PLACE])
    heads.append([1, "张长英", HEAD, "13800000001", *PLACE.values()])
    heads.append([2, "王明", other, "13800000002", *PLACE.values()])
    members = book.create_sheet("家庭成员")
    members.append(["姓名", "身份证号码", "户主身份证号码", "与户主关系", *PLACE])
    members.append(["李秀", WIFE, HEAD, "妻子", *PLACE.values()])
    members.append(["王小", SON, other, "子", *PLACE.values()])
    if not heads_first:
        book.move_sheet("家庭成员", offset=-1)
    book.save(tmp_path / "h.xlsx")
    report = import_ledger(ledger, tmp_path / "h.xlsx")
    assert report.rejected == [] and report.persons_imported == 4
    persons = _persons(ledger)
    assert persons[HEAD][:2] == ("张长英", "户主") and persons[other][:2] == ("王明", "户主")
    assert persons[HEAD][3] == "13800000001"
    families = dict(
        ledger.db.execute(
            "SELECT p.id_number, h.id_number FROM persons p JOIN households hh"
            " ON hh.id = p.household_id JOIN persons h ON h.id = hh.head_person_id"
        )
    )
    assert families == {HEAD: HEAD, WIFE: HEAD, other: other, SON: other}


def test_a_sheet_of_people_whose_header_is_not_recognised_is_said_not_read(ledger, tmp_path):
    # A workbook's second sheet headed 名字 | 身份号 (not 姓名 | 身份证号码) was passed over
    # without a word: the clerk read 已导入 1 人 and took the other village's people for in.
    # Blank sheets (WPS's Sheet2) and the template's 填写说明 are passed over quietly.
    book, first = _head_book("大坝村")
    other = book.create_sheet("新华村")
    other.append(["新华村脱贫户花名册"])
    other.append(["名字", "身份号", "户主身份号"])
    other.append(["李秀", WIFE, WIFE])
    book.create_sheet("Sheet2")
    notes = book.create_sheet("填写说明")
    notes.append(["列名", "说明"])
    notes.append(["姓名", "必填"])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.persons_imported == 1 and report.rejected == []
    [said] = report.warnings
    assert said.sheet == "新华村" and said.row == 1
    assert "没有读取" in said.reason and "姓名" in said.reason and "身份证号码" in said.reason


def test_numbers_a_system_kept_as_text_with_an_apostrophe_or_as_formula_text_are_read(
    ledger, tmp_path
):
    # Systems' csv exports keep Excel off the digits with '520… or ="520…": every row was
    # refused as "身份证号码…长度为 19 位" (or 21).
    path = write_csv(
        tmp_path / "s.csv",
        ["姓名", "身份证号码", "户主身份证号码", "联系电话", "社保卡账号", *PLACE],
        [
            [
                "张长英",
                f"'{HEAD}",
                f"'{HEAD}",
                "'13800000000",
                "'6221546950670948123",
                *PLACE.values(),
            ],
            [
                "李秀",
                f'="{WIFE}"',
                f'="{HEAD}"',
                '="13800000001"',
                '="6221546950670948124"',
                *PLACE.values(),
            ],
        ],
        "utf-8-sig",
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []
    rows = ledger.db.execute("SELECT id_number, phone, account_number FROM persons").fetchall()
    assert set(rows) == {
        (HEAD, "13800000000", "6221546950670948123"),
        (WIFE, "13800000001", "6221546950670948124"),
    }


@pytest.mark.parametrize(
    "numbers",
    [
        [1, 2, 3, 4, 5, 6, 7],  # number cells, as Excel fills them
        ["1", "2", "3", "4", "5", "6", "7"],
        ["甲", "乙", 1, 2, 3, 4, 5],  # 甲 乙 over the text columns, numbers over the rest
        ["栏次", "", 1, 2, 3, 4, 5],
    ],
)
def test_a_row_numbering_the_columns_under_the_header_is_not_a_person(ledger, tmp_path, numbers):
    # Official forms number their columns in the row under the header (栏次): it was refused
    # as a person ("身份证号码“3”长度为 1 位"), so every import ended as failed.
    path = write_xlsx(
        tmp_path / "n.xlsx",
        ["序号", "姓名", "身份证号码", "户主身份证号码", *PLACE],
        [numbers, [1, "张长英", HEAD, HEAD, *PLACE.values()]],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.persons_imported == 1


def test_a_forms_total_and_signature_rows_are_not_people(ledger, tmp_path):
    # 合计 and 填表人 … 审核人 under the last person were refused as "身份证号码为空", so every
    # import of such a form ended as failed; they are said as the form's foot, not refused.
    book, sheet = _head_book("台账")
    sheet.append(["合计：1人"])
    sheet.append(["填表人：李四        审核人：王五        填报日期：2026年11月30日"])
    sheet.merge_cells("A4:F4")
    book.save(tmp_path / "f.xlsx")
    report = import_ledger(ledger, tmp_path / "f.xlsx")
    assert report.rejected == [] and report.persons_imported == 1
    said = {w.row: w.reason for w in report.warnings}
    assert "合计" in said[3] and "填表人" in said[4] and "不是人员" in said[4]


def test_a_total_written_in_the_serial_number_column_is_not_a_person(ledger, tmp_path):
    # Forms number their people in 序号 and write 合计 in that column under the last one, the
    # count under 姓名. 序号 is not read, so the row was refused
    # as a person ("身份证号码为空") and every import of such a form ended as failed. Rows with
    # only a 序号 (a form numbered down to row 50, half filled) are still passed over.
    path = write_xlsx(
        tmp_path / "t.xlsx",
        ["序号", "姓名", "身份证号码", "户主身份证号码", *PLACE],
        [
            [1, "张长英", HEAD, HEAD, *PLACE.values()],
            [2, "李秀", WIFE, HEAD, *PLACE.values()],
            [3],
            [4],
            ["合计", "2人"],
        ],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.persons_imported == 2
    assert [(w.row, "合计" in w.reason and "不是人员" in w.reason) for w in report.warnings] == [
        (6, True)
    ]


def test_a_formula_error_in_a_cell_is_said_as_such(ledger, tmp_path):
    # 户主身份证号码 looked up with VLOOKUP shows #N/A where the head is not in the other
    # list; the reader sees the cell as blank, so the row was refused as "户主身份证号码为空"
    # while the sheet shows #N/A, and a phone showing #REF! was dropped without a word.
    path = _xlsx_errors(tmp_path / "e.xlsx", 't="e"')  # as Excel writes an error value
    assert openpyxl.load_workbook(path)["台账"]["C3"].data_type == "e"
    report = import_ledger(ledger, path)
    [refused] = report.rejected
    assert refused.row == 3 and "户主身份证号码" in refused.reason and "#N/A" in refused.reason
    said = [w.reason for w in report.warnings if w.row == 2]
    assert any("联系电话" in w and "#REF!" in w for w in said)
    assert _persons(ledger)[HEAD][3] == ""


def _fixture_ods(path: Path, edit) -> Path:
    """The LibreOffice .ods fixture with its content.xml changed by `edit` (text → text)."""
    with (
        zipfile.ZipFile(FIXTURES / "村台账_libreoffice.ods") as original,
        zipfile.ZipFile(path, "w") as out,
    ):
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "content.xml":
                data = edit(data.decode()).encode()
            out.writestr(info, data, zipfile.ZIP_DEFLATED)
    return path


def _ods_cell(text: str) -> str:
    return (
        '<table:table-cell office:value-type="string" calcext:value-type="string">'
        f"<text:p>{text}</text:p></table:table-cell>"
    )


#: Column I of the fixture's first sheet (大坝村) is its 联系电话.
_PHONE_AT = 8


def _hide_phone_column(path: Path, suffix: str) -> Path:
    """The fixture with the 联系电话 column of its first sheet hidden, as Excel, WPS or
    LibreOffice save a hidden column."""
    if suffix == "xlsx":
        book = openpyxl.load_workbook(FIXTURES / "村台账_libreoffice.xlsx")
        sheet = book["大坝村"]
        sheet.column_dimensions["I"].hidden = True
        sheet.column_dimensions.group("P", "Z", hidden=True)  # unused columns hidden: not said
        book.save(path)
        return path
    if suffix == "ods":
        columns = '<table:table-column table:style-name="co1" table:number-columns-repeated="16384"'

        def hide(text: str) -> str:
            return text.replace(
                columns,
                f'{columns[:-7]}"8" table:default-cell-style-name="Default"/>'
                '<table:table-column table:style-name="co1" table:visibility="collapse"'
                ' table:default-cell-style-name="Default"/>'
                f'{columns[:-7]}"16375"',
                1,
            )

        return _fixture_ods(path, hide)

    def split(index: int, records: XlsRecords) -> XlsRecords:
        out: XlsRecords = []
        for kind, body in records:
            if kind == 0x007D and index == 0:  # COLINFO: I alone, hidden (fHidden)
                rest = body[4:8]
                out.append((kind, struct.pack("<HH", 0, 7) + rest + b"\0\0\0\0"))
                out.append((kind, struct.pack("<HH", 8, 8) + rest + b"\1\0\0\0"))
                out.append((kind, struct.pack("<HH", 9, 255) + rest + b"\0\0\0\0"))
            else:
                out.append((kind, body))
        return out

    return rewrite_xls(FIXTURES / "村台账_libreoffice.xls", path, split)


@pytest.mark.parametrize("suffix", ["xlsx", "ods", "xls"])
def test_a_hidden_column_is_read_and_said_with_its_sheet_and_header(ledger, tmp_path, suffix):
    # A coordinator who hid the phones (to print the sheet) may not know they go in with it.
    path = _hide_phone_column(tmp_path / f"隐藏列.{suffix}", suffix)
    report = import_ledger(ledger, path)
    assert report.rejected == []
    said = [(w.sheet, w.row, w.reason) for w in report.warnings if "隐藏" in w.reason]
    assert (
        "大坝村",
        3,
        "“联系电话”列（I 列）在表格中是隐藏的，其中的内容已照常读取，请核对"
        "（要不导入这一列，请删除该列后再导入）",
    ) in said
    assert [s for s in said if "列（" in s[2]] == [said[0]]  # one column, in one sheet
    assert _persons(ledger)[HEAD][3] == "13800000001"  # read, as Excel keeps it


def _errors_in(path: Path, suffix: str) -> Path:
    """The fixture with 李秀's phone showing #DIV/0! and 张小军's ID number showing #N/A
    (a VLOOKUP that found nothing), as LibreOffice or Excel save them."""
    if suffix == "ods":

        def errors(text: str) -> str:
            return text.replace(
                _ods_cell("13800000002"),
                '<table:table-cell table:formula="of:=1/0" office:value-type="float"'
                ' office:value="0" calcext:value-type="error"><text:p>#DIV/0!</text:p>'
                "</table:table-cell>",
            ).replace(
                _ods_cell(SON),
                '<table:table-cell table:formula="of:=VLOOKUP(1;$Sheet2.A1:B2;2;0)"'
                ' office:value-type="string" office:string-value=""'
                ' calcext:value-type="error"><text:p>#N/A</text:p></table:table-cell>',
            )

        return _fixture_ods(path, errors)

    def errors_xls(index: int, records: XlsRecords) -> XlsRecords:
        if index:
            return records
        taken = {(4, _PHONE_AT), (5, 1)}  # 0-based (row, column)
        out: XlsRecords = []
        for kind, body in records:
            if kind in (0x00FD, 0x0203, 0x027E) and struct.unpack_from("<HH", body) in taken:
                continue
            if kind == 0x000A:
                # A formula whose cached result is #DIV/0! (FormulaValue: 2, _, 0x07, …, FFFF)
                # and a BOOLERR holding #N/A (0x2A, fError 1).
                cached = bytes([2, 0, 0x07, 0, 0, 0]) + b"\xff\xff"
                formula = struct.pack("<HHH", 4, _PHONE_AT, 15) + cached
                out.append((0x0006, formula + struct.pack("<HIH", 0, 0, 3) + b"\x1e\x01\x00"))
                out.append((0x0205, struct.pack("<HHHBB", 5, 1, 15, 0x2A, 1)))
            out.append((kind, body))
        return out

    return rewrite_xls(FIXTURES / "村台账_libreoffice.xls", path, errors_xls)


@pytest.mark.parametrize("suffix", ["ods", "xls"])
def test_formula_errors_of_ods_and_xls_are_said_as_in_xlsx(ledger, tmp_path, suffix):
    # The .xls reader gave an error cell as blank, the .ods reader as the value LibreOffice
    # stores under it (0 for #DIV/0!, nothing for #N/A): the son was refused as 身份证号码为空
    # while the sheet showed #N/A, and a phone showing #DIV/0! went in as "0".
    report = import_ledger(ledger, _errors_in(tmp_path / f"错误值.{suffix}", suffix))
    [refused] = report.rejected
    assert (refused.sheet, refused.row) == ("大坝村", 6)
    assert refused.reason.startswith("身份证号码是公式的错误值“#N/A”（公式没有找到要取的值）")
    said = [(w.row, w.reason) for w in report.warnings if "错误值" in w.reason]
    assert said == [(5, "联系电话是公式的错误值“#DIV/0!”，按空白读取")]
    persons = _persons(ledger)
    assert persons[WIFE][3] == "" and SON not in persons and HEAD in persons


def test_a_month_typed_as_2026_05_that_excel_kept_as_a_number_is_that_month(ledger, tmp_path):
    # Typed 2026.05 into a General cell, Excel keeps the number 2026.05 (and 2026.10 as
    # 2026.1); the number was read as Excel's day 2026, 1905-07-18, without a word.
    path = _village_xlsx(
        tmp_path / "m.xlsx",
        ["与户主关系", "务工单位", "务工开始日期"],
        [
            ["张长英", HEAD, HEAD, "户主", "东莞电子厂", 2026.05],
            ["李秀", WIFE, HEAD, "配偶", "东莞电子厂", 2026.1],
            ["张小军", SON, HEAD, "子女", "东莞电子厂", 2019],
        ],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []  # the persons in, their jobs left out and said
    reasons = {p.row: p.reason.split("：这份工作")[0] for p in report.warnings if p.row > 2}
    assert reasons == {
        3: "务工开始日期“2026.1”被 Excel 存成了数字（输入的 2026.10 会变成 2026.1），看不出是"
        " 2026 年 1 月还是 10 月；请把该列设为文本，填写 2026-01 或 2026-10 这样的格式后重新导入",
        4: "务工开始日期“2019”只有年份，请填写到月份（如 2019-03）",
    }
    started = ledger.db.execute(
        "SELECT s.start_date FROM employment_spells s JOIN persons p ON p.id = s.person_id"
        " WHERE p.id_number = ?",
        (HEAD,),
    ).fetchall()
    assert started == [("2026-05-01",)]


def test_months_typed_by_hand_with_spaces_or_a_last_dot_are_read(ledger, tmp_path):
    # 2026 年 10 月 (spaces an input method leaves), 2026. 10 and 2026.10. were refused as
    # 不是有效日期 though they say the month plainly.
    path = _village_csv(
        tmp_path / "m.csv",
        ["与户主关系", "离校年月"],
        [
            ["张长英", HEAD, HEAD, "户主", "2026 年 10 月"],
            ["李秀", WIFE, HEAD, "配偶", "2026. 9"],
            ["张小军", SON, HEAD, "子女", "2026.10."],
        ],
        "utf-8",
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []
    months = dict(ledger.db.execute("SELECT id_number, left_school_month FROM persons"))
    assert months == {HEAD: "2026-10", WIFE: "2026-09", SON: "2026-10"}


def test_a_date_written_with_its_time_of_day_is_read_as_the_day(ledger, tmp_path):
    # A csv a system (or Excel, from a cell formatted with the time) wrote holds
    # 2023-05-01 00:00:00 or 2023/5/1 0:00: the person was refused as 务工开始日期
    # “2023-05-0100:00:00”不是有效日期 — a text the sheet does not even hold.
    path = write_csv(
        tmp_path / "t.csv",
        ["姓名", "身份证号码", "户主身份证号码", "就业状态", "务工地点", "务工开始日期", *PLACE],
        [
            [
                "张长英",
                HEAD,
                HEAD,
                "已就业",
                "广东省深圳市",
                "2023-05-01 00:00:00",
                *PLACE.values(),
            ],
            ["李秀", WIFE, WIFE, "已就业", "广东省深圳市", "2023/5/1 0:00", *PLACE.values()],
            ["张小军", SON, SON, "已就业", "广东省深圳市", "2023-05-01T08:30", *PLACE.values()],
        ],
        "gbk",
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []
    starts = {r[0] for r in ledger.db.execute("SELECT start_date FROM employment_spells")}
    assert starts == {"2023-05-01"}


def test_a_tab_separated_text_file_with_a_title_line_is_read(ledger, tmp_path):
    # A system's 导出为文本 (tab-separated, .txt) opens with a title line holding no tab: the
    # separator was told from that line alone, read as a comma, and the file was refused as
    # 找不到表头 though its header is on the next line.
    path = tmp_path / "导出.txt"
    lines = [
        "碧阳街道大坝村劳动力台账（2026年11月）",
        "\t".join(["姓名", "身份证号码", "户主身份证号码", *PLACE]),
        "\t".join(["张长英", HEAD, HEAD, *PLACE.values()]),
        "\t".join(["李秀", WIFE, HEAD, *PLACE.values()]),
    ]
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.persons_imported == 2


def test_formula_errors_a_csv_was_saved_with_are_said_not_read_as_text(ledger, tmp_path):
    # Saved as CSV from Excel or WPS, a cell showing #N/A holds the text "#N/A" (LibreOffice's
    # Err:502): the phone went in as "#N、A" (split as two numbers), and the son's ID number
    # was refused as a malformed number rather than as the lookup that found nothing.
    path = _village_csv(
        tmp_path / "e.csv",
        ["与户主关系", "联系电话", "月收入"],
        [
            ["张长英", HEAD, HEAD, "户主", "#N/A", "Err:502"],
            ["李秀", WIFE, HEAD, "配偶", "13800000002", " #DIV/0! "],
            ["张小军", "#N/A", HEAD, "子女", "", ""],
        ],
        "gbk",
    )
    report = import_ledger(ledger, path)
    [refused] = report.rejected
    assert refused.row == 4
    assert refused.reason.startswith("身份证号码是公式的错误值“#N/A”（公式没有找到要取的值）")
    said = sorted((w.row, w.reason) for w in report.warnings if "错误值" in w.reason)
    assert said == [
        (2, "月收入是公式的错误值“Err:502”，按空白读取"),
        (2, "联系电话是公式的错误值“#N/A”，按空白读取"),
        (3, "月收入是公式的错误值“#DIV/0!”，按空白读取"),
    ]
    assert _persons(ledger)[HEAD][3] == ""


def test_a_column_dragged_to_no_width_is_said_as_hidden(ledger, tmp_path):
    path = _village_xlsx(
        tmp_path / "w.xlsx",
        ["与户主关系", "联系电话"],
        [["张长英", HEAD, HEAD, "户主", "13800000001"]],
    )
    with zipfile.ZipFile(path) as book:
        parts = {info.filename: book.read(info) for info in book.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    cols = b'<cols><col min="5" max="5" width="0" customWidth="1"/></cols>'
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b"<sheetData", cols + b"<sheetData", 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data)
    report = import_ledger(ledger, path)
    [said] = [w.reason for w in report.warnings if "隐藏" in w.reason]
    assert said.startswith("“联系电话”列（E 列）在表格中是隐藏的")
    assert _persons(ledger)[HEAD][3] == "13800000001"


def test_a_second_block_under_its_own_header_on_one_sheet(ledger, tmp_path):
    # A township's sheet listing each village as a block — a title (新华村), the header again,
    # the people — or a header repeated above each printed page: the repeated header row was
    # read as a person and refused (身份证号码“身份证号码”长度为 5 位), an import ending as
    # failed for a row that is not a person. Under a header of the same columns the block is
    # now read, the header said as passed over; a block whose header puts the columns in
    # another order is not read by the first header's columns (a phone taken for an account,
    # a head's number for the person's): its rows are refused, saying why and where it begins.
    other_head = make_id("520502", "19800202", "171")
    other_wife = make_id("520502", "19820303", "182")
    third = make_id("520502", "19850404", "193")
    headers = ["序号", "姓名", "身份证号码", "户主身份证号码", "联系电话", *PLACE]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet.append(["大坝村"])
    sheet.append(headers)
    sheet.append([1, "张长英", HEAD, HEAD, "13800000001", *PLACE.values()])
    sheet.append([2, "李秀", WIFE, HEAD, "13800000002", *PLACE.values()])
    sheet.append(["新华村"])
    sheet.append(headers)  # the same columns
    sheet.append([1, "王五", other_head, other_head, "13800000004", *PLACE.values()])
    sheet.append([2, "赵兰", other_wife, other_head, "13800000005", *PLACE.values()])
    sheet.append(["红星村"])
    swapped = ["序号", "姓名", "户主身份证号码", "身份证号码", "联系电话", *PLACE]
    sheet.append(swapped)  # row 10: another order
    sheet.append([1, "钱七", third, third, "13800000006", *PLACE.values()])
    sheet.append([2, "孙八", HEAD, SON, "13800000007", *PLACE.values()])
    book.save(tmp_path / "blocks.xlsx")
    report = import_ledger(ledger, tmp_path / "blocks.xlsx")
    assert report.persons_imported == 4
    assert {n for n in _persons(ledger)} == {HEAD, WIFE, other_head, other_wife}
    notes = [(w.row, w.reason) for w in report.warnings]
    assert notes == [(6, "这一行是表头（与第 2 行的表头相同），不是人员，未读取")]
    refused = [(r.row, r.reason) for r in report.rejected]
    assert refused[0][0] == 10 and "列的排列与第 2 行的表头不同" in refused[0][1]
    assert "单独的工作表" in refused[0][1]
    assert [r for r, _ in refused[1:]] == [11, 12]
    assert all("第 10 行" in reason for _, reason in refused[1:])


def test_a_landline_whose_leading_zero_a_spreadsheet_dropped_gets_it_back(ledger, tmp_path):
    # 0857-8221234 typed as 08578221234 into a csv opened in LibreOffice, Excel or WPS becomes
    # the number 8578221234: the import kept 8578221234 (a number no one can dial) and, on an
    # update, put it over the person's good phone, said only as 位数不对. Ten or eleven digits
    # from 2 to 9 are no phone but a landline that lost its 0: it is read with the 0, and said.
    path = _village_csv(
        tmp_path / "t.csv",
        ["联系电话"],
        [
            ["张长英", HEAD, HEAD, "8578221234"],
            ["李秀", WIFE, WIFE, "13800000002"],
        ],
        "utf-8-sig",
    )
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.persons_imported == 2
    assert _persons(ledger)[HEAD][3] == "08578221234"
    [said] = report.warnings
    assert said.row == 2 and "8578221234" in said.reason and "08578221234" in said.reason
    assert "0" in said.reason and "文本" in said.reason
    update = write_csv(
        tmp_path / "u.csv",
        ["姓名", "身份证号码", "联系电话"],
        [["李秀", WIFE, "8578221235"], ["张长英", HEAD, "8578221234"]],
        "utf-8-sig",
    )
    # Dated now (a csv with no date of its own is undated: every change a conflict, kept).
    now = dt.datetime.now(dt.UTC) + dt.timedelta(hours=8)
    dated = f"花名册  统计时间：{now:%Y-%m-%d %H:%M:%S}\n" + update.read_text(encoding="utf-8-sig")
    update.write_text(dated, encoding="utf-8-sig")
    again = import_ledger(ledger, update, update=True)
    assert _persons(ledger)[WIFE][3] == "08578221235"
    assert _persons(ledger)[HEAD][3] == "08578221234" and again.updated == 1


def test_a_formula_whose_file_keeps_no_result_is_said_as_such(ledger, tmp_path):
    # A sheet a program wrote with formulas (the ID number as ="520502"&"19750316131X", a phone
    # from another cell) keeps no result until Excel or WPS saves it: the row was refused as
    # 身份证号码为空 while Excel shows the number. It now says what the cell is and what to do;
    # the same file once saved by a spreadsheet program (LibreOffice here) is read whole.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["姓名", "身份证号码", "户主身份证号码", "联系电话", *PLACE])
    sheet.append(["张长英", HEAD, HEAD, "13800000001", *PLACE.values()])
    sheet.append(["李秀", f'="{WIFE[:6]}"&"{WIFE[6:]}"', HEAD, "=D2", *PLACE.values()])
    sheet.append(["张小军", SON, HEAD, "=D2", *PLACE.values()])
    book.save(tmp_path / "f.xlsx")
    report = import_ledger(ledger, tmp_path / "f.xlsx")
    assert report.persons_imported == 2
    [refused] = report.rejected
    assert refused.row == 3 and refused.reason.startswith("身份证号码是公式，文件里没有保存")
    assert "保存一次" in refused.reason
    assert [(w.row, w.reason) for w in report.warnings] == [
        (4, "联系电话是公式没有保存结果，按空白读取")
    ]
    soffice = shutil.which("soffice")
    if soffice is not None:  # the real program, where there is one (CI has none)
        subprocess.run(
            [
                soffice,
                "--headless",
                "--convert-to",
                "xlsx",
                "--outdir",
                str(tmp_path / "lo"),
                str(tmp_path / "f.xlsx"),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        again = Ledger.open(tmp_path / "again.db", author="甲")
        saved = import_ledger(again, tmp_path / "lo" / "f.xlsx")
        assert saved.persons_imported == 3 and saved.rejected == [] and saved.warnings == []
        again.close()


@pytest.mark.parametrize("month_header", ["月份", "统计月份", "年月", "月度"])
def test_a_sheet_of_one_row_per_person_per_month_is_read_as_months(ledger, tmp_path, month_header):
    # A township clerk's 花名册 with one row per person per month (a 月份 column) was read as a
    # ledger sheet: 月份 passed over as an unknown column, January's 未就业 saved as this
    # month's status, and the later months (a new job) refused as 与第 2 行重复 — a status
    # written for the wrong month. Its rows are now read as the 月度状态 sheet's, each for its
    # month, its other columns said not imported; the workbook's other sheets read as before.
    book, first = _head_book("大坝村")
    first.append(["李秀", WIFE, WIFE, *PLACE.values()])
    roster = book.create_sheet("花名册")
    roster.append(["姓名", "身份证号码", "户主身份证号码", *PLACE, month_header, "就业状态"])
    roster.append(["张长英", HEAD, HEAD, *PLACE.values(), "2026-01", "未就业"])
    roster.append(["张长英", HEAD, HEAD, *PLACE.values(), "2026-02", "未就业"])
    roster.append(["张长英", HEAD, HEAD, *PLACE.values(), "2026-03", "已就业"])
    roster.append(["王五", SON, SON, *PLACE.values(), "2026-03", "已就业"])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert set(_persons(ledger)) == {HEAD, WIFE, SON}  # 王五, on the roster alone, taken in
    stored = ledger.db.execute(
        "SELECT p.id_number, m.month, m.status FROM monthly_status m"
        " JOIN persons p ON p.id = m.person_id ORDER BY m.month, p.id_number"
    ).fetchall()
    assert stored == [
        (HEAD, "2026-01", "未就业"),
        (HEAD, "2026-02", "未就业"),
        (HEAD, "2026-03", "已就业"),
        (SON, "2026-03", "已就业"),
    ]
    # 张长英, on the people sheet too, is read from there (said), her months all the same.
    assert report.rejected == []
    assert any("张长英已在工作表“大坝村”中读取" in w.reason for w in report.warnings)
    said = [w for w in report.warnings if w.sheet == "花名册" and "每人每月一行" in w.reason]
    assert len(said) == 1 and said[0].row == 1
    assert f"有“{month_header}”列（G 列），有 1 人各占多行" in said[0].reason
    assert "按月读取" in said[0].reason and "合并为一人" in said[0].reason


def test_a_sheet_of_one_row_per_person_per_month_without_a_status_is_refused(ledger, tmp_path):
    book = openpyxl.Workbook()
    first = book.active
    first.title = "大坝村"
    first.append(["姓名", "身份证号码", "户主身份证号码", *PLACE])
    first.append(["李秀", WIFE, WIFE, *PLACE.values()])
    roster = book.create_sheet("花名册")
    roster.append(["姓名", "身份证号码", "户主身份证号码", *PLACE, "月份", "务工地点"])
    roster.append(["张长英", HEAD, HEAD, *PLACE.values(), "2026-01", "本村"])
    roster.append(["张长英", HEAD, HEAD, *PLACE.values(), "2026-02", "广东省深圳市"])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert set(_persons(ledger)) == {WIFE}
    [refused] = report.rejected
    assert refused.sheet == "花名册" and refused.row == 1
    assert "有“月份”列（G 列），有 1 人各占多行，是每人每月一行的表" in refused.reason
    assert "这张表的 2 行都没有导入" in refused.reason and "“月度状态”的工作表" in refused.reason
    assert "重复" not in refused.reason


@pytest.mark.parametrize(("heading", "status"), [("统计月份", []), ("出生年月", ["已就业"])])
def test_a_ledger_sheet_with_a_month_column_but_no_status_and_no_repeats_is_read(
    ledger, tmp_path, heading, status
):
    write_xlsx(
        tmp_path / "s.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", *PLACE, heading, *(["就业状态"] * len(status))],
        [["张长英", HEAD, HEAD, *PLACE.values(), "1975-03", *status]],
    )
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and set(_persons(ledger)) == {HEAD}


def test_a_sheet_of_one_row_per_person_per_month_takes_in_its_people_and_jobs(ledger, tmp_path):
    # A township's 花名册 of one row per person per month was read only as monthly statuses:
    # the person not in the ledger was refused month by month, and the people and job columns
    # were left out (其他各列…没有导入). Each person's rows are now one person (the latest
    # month's values), each distinct job a job, the months' statuses as before.
    headers = ["姓名", "身份证号码", "户主身份证号码", "性别", "联系电话", *PLACE]
    headers += ["务工单位", "务工开始日期", "就业形式", "月份", "就业状态"]
    place = list(PLACE.values())
    rows = [
        ["张长英", HEAD, HEAD, "男", "", *place, "", "", "", "2026-01", "未就业"],
        [
            "张长英",
            HEAD,
            HEAD,
            "男",
            "13800000001",
            *place,
            "砖厂",
            "2026-02-03",
            "单位就业",
            "2026-02",
            "已就业",
        ],
        [
            "张长英",
            HEAD,
            HEAD,
            "男",
            "",
            *place,
            "砖厂",
            "2026-02-03",
            "单位就业",
            "2026-03",
            "已就业",
        ],
        [
            "张长英",
            HEAD,
            HEAD,
            "男",
            "13800000002",
            *place,
            "鞋厂",
            "2026-04-01",
            "单位就业",
            "2026-04",
            "已就业",
        ],
        ["李秀", WIFE, HEAD, "女", "", *place, "", "", "", "2026-03", "未就业"],
        ["李秀", WIFE, HEAD, "男", "", *place, "", "", "", "2026-04", "未就业"],
    ]
    write_xlsx(tmp_path / "s.xlsx", headers, rows)
    preview = import_ledger(ledger, tmp_path / "s.xlsx", dry_run=True)
    assert preview.persons_imported == 2 and _persons(ledger) == {}
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == []
    persons = _persons(ledger)
    assert set(persons) == {HEAD, WIFE}
    assert persons[HEAD][3] == "13800000002"  # the latest month's
    assert persons[WIFE][0] == "李秀"
    jobs = ledger.db.execute(
        "SELECT s.employer, s.start_date, s.end_date FROM employment_spells s"
        " JOIN persons p ON p.id = s.person_id WHERE p.id_number = ? ORDER BY s.start_date",
        [HEAD],
    ).fetchall()
    assert jobs == [("砖厂", "2026-02-03", "2026-03-31"), ("鞋厂", "2026-04-01", None)]
    months = ledger.db.execute(
        "SELECT p.id_number, m.month, m.status FROM monthly_status m"
        " JOIN persons p ON p.id = m.person_id ORDER BY p.id_number, m.month"
    ).fetchall()
    assert [(m, s) for n, m, s in months if n == HEAD] == [
        ("2026-01", "未就业"),
        ("2026-02", "已就业"),
        ("2026-03", "已就业"),
        ("2026-04", "已就业"),
    ]
    said = " ".join(w.reason for w in report.warnings)
    assert "其他各列" not in said
    assert "每人的各行合并为一人" in said
    # 李秀's months disagree on 性别: said, with the rows and the column.
    [sex] = [w for w in report.warnings if "性别" in w.reason and "李秀" in w.reason]
    assert sex.row == 7 and "D 列" in sex.reason and "第 6、7 行" in sex.reason
    assert report.unknown_headers == []
    # Imported again as an update, one month writing her name otherwise: the ledger's kept.
    rows[0][0] = "张常英"
    write_xlsx(tmp_path / "s.xlsx", headers, rows)
    again = import_ledger(ledger, tmp_path / "s.xlsx", update=True)
    assert again.rejected == [] and _persons(ledger)[HEAD][0] == "张长英"
    [name] = [w for w in again.warnings if "姓名" in w.reason]
    assert (
        name.row == 5
        and "第 2、3、4、5 行" in name.reason
        and "保留台账中的“张长英”" in name.reason
    )


def test_a_person_whose_id_number_differs_between_months_is_not_made_twice(ledger, tmp_path):
    # One month's ID number typed otherwise (a valid number, a digit off in the birth date)
    # made a second 张长英 in the household, with that month's status. The months of one
    # name in one household giving two numbers are now said, the ledger's number kept (a new
    # person: the latest month's), and the other number's rows read as that person's.
    other = make_id("520502", "19750317", "131")
    headers = ["姓名", "身份证号码", "户主身份证号码", *PLACE, "月份", "就业状态"]
    place = list(PLACE.values())
    rows = [
        ["张长英", HEAD, HEAD, *place, "2026-01", "未就业"],
        ["李秀", WIFE, HEAD, *place, "2026-01", "未就业"],
        ["张长英", other, HEAD, *place, "2026-02", "未就业"],
        ["李秀", WIFE, HEAD, *place, "2026-02", "未就业"],
        ["张长英", HEAD, HEAD, *place, "2026-03", "未就业"],
    ]
    write_xlsx(tmp_path / "s.xlsx", headers, rows)
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert set(_persons(ledger)) == {HEAD, WIFE}
    assert report.rejected == []
    [said] = [w for w in report.warnings if "身份证号码" in w.reason]
    assert said.row == 4 and "张长英" in said.reason and other in said.reason
    assert (
        "第 2、6 行" in said.reason and f"按 {HEAD} 读取" in said.reason and "B 列" in said.reason
    )
    months = ledger.db.execute(
        "SELECT m.month FROM monthly_status m JOIN persons p ON p.id = m.person_id"
        " WHERE p.id_number = ? ORDER BY m.month",
        [HEAD],
    ).fetchall()
    assert months == [("2026-01",), ("2026-02",), ("2026-03",)]  # February's kept


def _people_and_months(path: Path, months: list[str], *, title: str = "", sheet: str = "月度状态"):
    book, people = _head_book("人员")
    table = book.create_sheet(sheet)
    if title:
        table.append([title])
    table.append(["姓名", "身份证号码", "月份", "就业状态"])
    for month in months:
        table.append(["张长英", HEAD, month, "未就业"])
    book.save(path)
    return path


def _months_of(ledger) -> list[str]:
    return [m for (m,) in ledger.db.execute("SELECT month FROM monthly_status ORDER BY month")]


@pytest.mark.parametrize(
    ("file", "title", "sheet", "said"),
    [
        ("s.xlsx", "2026年大坝村劳动力花名册", "月度状态", "标题“2026年大坝村劳动力花名册”"),
        ("s.xlsx", "", "2026年", "工作表名“2026年”"),
        ("2026年花名册.xlsx", "", "月度状态", "文件名“2026年花名册.xlsx”"),
    ],
)
def test_a_month_without_its_year_takes_the_year_the_sheet_says(
    ledger, tmp_path, file, title, sheet, said
):
    # A month written 3月 or 三月 was refused as 月份“3月”不是有效日期（应为 2024-03-05 这样的格式）
    # though the sheet's title, its name or the file's says the year.
    _people_and_months(tmp_path / file, ["3月", "十一月", "2026-12"], title=title, sheet=sheet)
    report = import_ledger(ledger, tmp_path / file)
    assert report.rejected == []
    assert _months_of(ledger) == ["2026-03", "2026-11", "2026-12"]
    [note] = [w for w in report.warnings if "年份" in w.reason]
    assert note.sheet == sheet and said in note.reason and "2026 年" in note.reason
    assert "C 列" in note.reason


def test_a_month_without_its_year_nowhere_said_is_refused_saying_the_year_is_missing(
    ledger, tmp_path
):
    _people_and_months(tmp_path / "s.xlsx", ["3月", "2026-04"], title="大坝村劳动力花名册")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert _months_of(ledger) == ["2026-04"]  # the good row kept
    [refused] = report.rejected
    assert refused.row == 3 and refused.sheet == "月度状态"
    assert "“3月”没有写年份" in refused.reason and "有效日期" not in refused.reason
    assert f"{dt.date.today().year}-03" in refused.reason


@pytest.mark.parametrize("title", ["2026年大坝村劳动力花名册", "大坝村劳动力花名册"])
def test_a_month_written_as_a_bare_number_is_not_a_day_of_1900(ledger, tmp_path, title):
    # A 月份 column holding 3 (the number, or the text) was read as Excel's day 3 — 1900-01-03 —
    # and the status saved for January 1900 without a word. It is a month without its year.
    _people_and_months(tmp_path / "s.xlsx", [3, "11", "2026-12"], title=title)
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    if title.startswith("2026"):
        assert report.rejected == []
        assert _months_of(ledger) == ["2026-03", "2026-11", "2026-12"]
    else:
        assert _months_of(ledger) == ["2026-12"]
        assert [(p.row, "没有写年份" in p.reason) for p in report.rejected] == [
            (3, True),
            (4, True),
        ]


def test_a_month_written_as_a_circled_digit_is_refused_not_a_crash(ledger, tmp_path):
    # A 月份 cell ❸ (an input method's circled digit, which NFKC leaves as it is) stopped the
    # whole import with ValueError: invalid literal for int() — the bare-month reading took
    # str.isdigit (true for ❸) for a number int() could read. It is now refused as its row's.
    _people_and_months(tmp_path / "s.xlsx", ["❸", "2026-12"], title="2026年花名册")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert _months_of(ledger) == ["2026-12"]
    [refused] = report.rejected
    assert (refused.sheet, refused.row) == ("月度状态", 3) and "❸" in refused.reason


def test_a_date_cell_of_five_circled_digits_is_refused_not_a_crash():
    # ❷❶❷❻❸ in a date column (five "digits" to str.isdigit) was taken for an Excel day number
    # and int() raised ValueError, ending the import; it is now the cell's own refusal.
    from fieldapp.tabular import cells

    with pytest.raises(cells.CellError, match="不是有效日期"):
        cells.date("❷❶❷❻❸", "务工开始日期")


def test_a_column_per_month_is_read_as_monthly_statuses(ledger, tmp_path):
    # A sheet with one column per month (2026年1月 … typed, or Excel's date shown as 2026年1月;
    # 1月 … under a title naming the year), each holding that month's 就业状态, had those columns
    # passed over as unknown: every month's status lost. They are now read as the 月度状态
    # sheet's, each cell for its month, a bad one refused naming its row and column.
    book = openpyxl.Workbook()
    people = book.active
    people.title = "大坝村"
    people.append(["2026年大坝村劳动力花名册"])
    people.append(["姓名", "身份证号码", "户主身份证号码", *PLACE, "1月", "2月", "3月"])
    people.append(["张长英", HEAD, HEAD, *PLACE.values(), "未就业", "已就业", "已就业"])
    people.append(["李秀", WIFE, HEAD, *PLACE.values(), "未就业", "", "在家"])
    statuses = book.create_sheet("就业情况")
    statuses.append(["姓名", "身份证号码", "2026年4月", dt.datetime(2026, 5, 1)])
    statuses.append(["张长英", HEAD, "已就业", "未就业"])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert set(_persons(ledger)) == {HEAD, WIFE}
    stored = ledger.db.execute(
        "SELECT p.name, m.month, m.status FROM monthly_status m"
        " JOIN persons p ON p.id = m.person_id ORDER BY p.name, m.month"
    ).fetchall()
    assert stored == [
        ("张长英", "2026-01", "未就业"),
        ("张长英", "2026-02", "已就业"),
        ("张长英", "2026-03", "已就业"),
        ("张长英", "2026-04", "已就业"),
        ("张长英", "2026-05", "未就业"),
        ("李秀", "2026-01", "未就业"),
    ]
    [refused] = report.rejected
    assert (refused.sheet, refused.row) == ("大坝村", 4)
    assert "“3月”列（I 列）" in refused.reason and "在家" in refused.reason
    said = [w for w in report.warnings if "各月" in w.reason]
    assert [w.sheet for w in said] == ["大坝村", "就业情况"]
    assert "“1月”" in said[0].reason and "G–I 列" in said[0].reason and "2026 年" in said[0].reason
    assert report.unknown_headers == []


def test_columns_of_months_without_a_year_are_refused_saying_so(ledger, tmp_path):
    write_xlsx(
        tmp_path / "s.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", *PLACE, "1月", "2月"],
        [["张长英", HEAD, HEAD, *PLACE.values(), "未就业", "已就业"]],
    )
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert set(_persons(ledger)) == {HEAD}  # the people read all the same
    [refused] = report.rejected
    assert refused.row == 1 and "“1月”、“2月”列（G–H 列）" in refused.reason
    assert "没有写年份" in refused.reason and "2026年1月" in refused.reason


def test_columns_of_months_apart_are_said_as_the_columns_they_are(ledger, tmp_path):
    """Month columns with another between them (G, H, then J past 备注) are not said as the run
    G–J, which would name the 备注 column among the months."""
    write_xlsx(
        tmp_path / "s.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", *PLACE, "1月", "2月", "备注", "3月"],
        [["张长英", HEAD, HEAD, *PLACE.values(), "未就业", "已就业", "", "已就业"]],
    )
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    [refused] = report.rejected
    assert "“1月”、“2月”、“3月”列（G–H、J 列）" in refused.reason, refused.reason


@pytest.mark.parametrize(
    "typed", ["2026。3。5", "2026、3、5", "2026.3.5号", "2026-3-5日", "2026，3，5"]
)
def test_a_date_typed_with_the_input_methods_marks_is_read(ledger, tmp_path, typed):
    # A date typed with a Chinese input method on (2026。3。5: its full stop for the dot; 、 or ，
    # between the numbers; a 号 or 日 after the day) refused the whole person: 务工开始日期
    # “2026。3。5”不是有效日期.
    write_xlsx(
        tmp_path / "s.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", *PLACE, "就业状态", "务工单位", "务工开始日期"],
        [["张长英", HEAD, HEAD, *PLACE.values(), "已就业", "砖厂", typed]],
    )
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == []
    assert ledger.db.execute("SELECT start_date FROM employment_spells").fetchall() == [
        ("2026-03-05",)
    ]


def test_a_bad_cell_of_a_job_leaves_out_the_job_not_the_person(ledger, tmp_path):
    # 月收入 written 约3000, or a start date that is no day, refused the whole person — name,
    # household, phone, account and all — though only the job's cell was wrong. The person now
    # comes in, the job left out and said with its reason (an update keeps the ledger's job).
    write_xlsx(
        tmp_path / "s.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", *PLACE, "联系电话", "就业状态", "务工单位"]
        + ["务工开始日期", "月收入"],
        [
            ["张长英", HEAD, HEAD, *PLACE.values(), "13800000000", "已就业", "砖厂"]
            + ["2026-03-05", "约3000"],
            ["李秀", WIFE, HEAD, *PLACE.values(), "13800000001", "已就业", "鞋厂"]
            + ["2026-13-45", "3000"],
        ],
    )
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == []
    persons = _persons(ledger)
    assert persons[HEAD][3] == "13800000000" and persons[WIFE][3] == "13800000001"
    # (月收入 alone is left out of 张长英's job since; the start date is the job's)
    jobs = ledger.db.execute("SELECT employer, monthly_income FROM employment_spells")
    assert jobs.fetchall() == [("砖厂", None)]
    notes = {w.row: w.reason for w in report.warnings}
    assert any(
        w.row == 2 and w.reason.startswith("月收入“约3000”不是数字：这一格没有导入")
        for w in report.warnings
    )
    assert "务工开始日期" in notes[3] and "没有导入" in notes[3]
    assert "其余信息照常导入" in notes[3]


@pytest.mark.parametrize(
    ("typed", "months"),
    [("一年", 12), ("两年", 24), ("三年", 36), ("半年", 6), ("六个月", 6), ("十二个月", 12)],
)
def test_a_contracts_term_in_chinese_numerals_is_read(ledger, tmp_path, typed, months):
    # 劳动合同期限 一年 or 六个月, as village sheets write it, was refused as 应为月数（整数）
    # (and with it, before db8a2de, the whole person; since, the job).
    write_xlsx(
        tmp_path / "s.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", *PLACE, "就业状态", "务工单位"]
        + ["务工开始日期", "劳动合同期限", "就业形式"],
        [
            [
                "张长英",
                HEAD,
                HEAD,
                *PLACE.values(),
                "已就业",
                "砖厂",
                "2026-03-05",
                typed,
                "单位就业",
            ]
        ],
    )
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and report.warnings == []
    assert ledger.db.execute("SELECT contract_months FROM employment_spells").fetchall() == [
        (months,)
    ]


def test_lines_under_the_table_are_not_refused_as_persons(ledger, tmp_path):
    # Under the people a form writes its count (共2人, 总人数：2), numbered notes, the stamp and
    # the signature and the day — each line was refused as a person: 身份证号码为空, seven
    # refusals for a sheet whose every person came in. Such a line (one cell, no ID number,
    # not a name) is now said once each as not a person; a name alone is still refused. The
    # count (共2人, 总人数：2) is the form's total, said once as such — not told, as a note
    # might be, 如果是人员，请补填身份证号码 (an ID number for a count).
    lines = ["共2人", "总人数：2", "1.身份证号码必须填写18位；", "2、联系电话填写本人手机号。"]
    lines += ["村委会（盖章）", "村支书签字：", "2026年11月5日"]
    write_xlsx(
        tmp_path / "s.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", *PLACE],
        [
            ["张长英", HEAD, HEAD, *PLACE.values()],
            ["李  秀", WIFE, HEAD, *PLACE.values()],
            ["王五"],
            *([line] for line in lines),
        ],
    )
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert set(_persons(ledger)) == {HEAD, WIFE}
    assert [(p.row, p.reason) for p in report.rejected] == [(4, "身份证号码为空")]
    notes = [w for w in report.warnings if "不是人员" in w.reason]
    assert sorted(w.row for w in notes) == [5, *range(7, 12)]
    totals = [w.reason for w in notes if w.row == 5]
    assert totals == ["有 2 行是小计或合计（第 5–6 行，如“共2人”），不是人员，未读取"]
    assert not [w for w in notes if "共2人" in w.reason and "身份证号码" in w.reason]


def test_a_sheet_named_for_the_months_with_a_column_per_month_is_read(ledger, tmp_path):
    # A sheet named 月度状态 (as the template's) laid out a column per month was passed over:
    # 工作表“月度状态”没有读取：前 20 行里找不到表头（需要“姓名”和“身份证号码”两列…） — though
    # it has both; its months are now read as another sheet's columns of months are.
    book, people = _head_book("台账")
    months = book.create_sheet("月度状态")
    months.append(["姓名", "身份证号码", "2026年1月", "2026年2月"])
    months.append(["张长英", HEAD, "未就业", "已就业"])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == []
    assert not [w for w in report.warnings if "没有读取" in w.reason]
    assert _months_of(ledger) == ["2026-01", "2026-02"]


def test_a_job_without_its_status_and_start_says_what_was_written(ledger, tmp_path):
    # A row giving 月收入 and 务工单位 but no 就业状态 and no start date said 已就业但没有务工开始
    # 日期 — a status the clerk never wrote; it now says which job cells were written.
    write_xlsx(
        tmp_path / "s.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", *PLACE, "务工单位", "月收入"],
        [["张长英", HEAD, HEAD, *PLACE.values(), "砖厂", "3500"]],
    )
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and set(_persons(ledger)) == {HEAD}
    assert [w.reason for w in report.warnings] == [
        "填了务工单位、月收入但没有务工开始日期，就业情况未导入，请补录"
    ]


def test_a_monthly_rosters_jobs_without_start_dates_start_in_their_first_month(ledger, tmp_path):
    # A township's 花名册 writes each month's 就业状态, 务工地点 and 务工单位 but no start date:
    # the earlier job was kept with no start date at all, the latest one left out (已就业但没有
    # 务工开始日期). Each now starts on the first day of the first month naming it, said.
    headers = ["姓名", "身份证号码", "户主身份证号码", *PLACE, "月份", "就业状态", "务工地点"]
    headers += ["务工单位"]
    place = list(PLACE.values())
    rows = [
        ["张长英", HEAD, HEAD, *place, f"2026-0{m}", "已就业", "广东省深圳市", "电子厂"]
        for m in (1, 2, 3)
    ]
    rows.append(["张长英", HEAD, HEAD, *place, "2026-04", "已就业", "浙江省杭州市", "鞋厂"])
    write_xlsx(tmp_path / "s.xlsx", headers, rows)
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == []
    jobs = ledger.db.execute(
        "SELECT employer, start_date, end_date FROM employment_spells ORDER BY start_date"
    ).fetchall()
    assert jobs == [("电子厂", "2026-01-01", "2026-03-31"), ("鞋厂", "2026-04-01", None)]
    [said] = [w for w in report.warnings if "没有填务工开始日期" in w.reason]
    assert said.row == 1 and "有 2 份工作" in said.reason
    assert not [w for w in report.warnings if "没有务工开始日期，就业情况未导入" in w.reason]


@pytest.mark.parametrize(
    ("sheet", "headers", "cells", "said"),
    [
        ("就业经历", ["开始日期", "用人单位"], ["", "砖厂"], "开始日期为空"),
        ("培训", ["开始日期", "培训类型"], ["", "电工"], "开始日期为空"),
        ("走访服务", ["走访日期", "情况记录"], ["", "在家"], "日期为空"),
    ],
)
def test_an_extra_row_without_its_date_is_refused_not_kept_undated(
    ledger, tmp_path, sheet, headers, cells, said
):
    # A 就业经历 row with no 开始日期 (a 培训 without its start, a 走访 without its day) was
    # kept as a job with no start at all — one the ledger cannot place in any month, and
    # nothing said; the row is now refused saying the date is missing.
    book, people = _head_book("台账")
    extra = book.create_sheet(sheet)
    extra.append(["姓名", "身份证号码", *headers])
    extra.append(["张长英", HEAD, *cells])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert set(_persons(ledger)) == {HEAD}
    assert [(p.sheet, p.row) for p in report.rejected] == [(sheet, 2)]
    assert report.rejected[0].reason.startswith(said)


def test_a_monthly_rosters_foot_and_unnumbered_rows_are_said_once(ledger, tmp_path):
    # Under a 花名册 of one row per person per month, its 合计 and its notes were each said
    # twice (once for the people, once for the months), a row without an ID number refused
    # twice.
    headers = ["姓名", "身份证号码", "户主身份证号码", *PLACE, "月份", "就业状态"]
    place = list(PLACE.values())
    rows = [
        ["张长英", HEAD, HEAD, *place, "2026-01", "未就业"],
        ["张长英", HEAD, HEAD, *place, "2026-02", "已就业"],
        ["李秀", "", HEAD, *place, "2026-02", "未就业"],
        ["合计", "", "", "", "", "", "", "2人"],
        ["注：本表每月更新"],
    ]
    write_xlsx(tmp_path / "s.xlsx", headers, rows)
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert [(p.row, p.reason) for p in report.rejected] == [(4, "身份证号码为空")]
    feet = [w.row for w in report.warnings if "不是人员" in w.reason]
    assert feet == [5, 6]


def test_a_date_a_text_column_shows_as_excels_day_number_is_read(ledger, tmp_path):
    # A column set to 文本 after its dates were typed (as clerks do to keep ID numbers whole)
    # shows each date as Excel's day number in text — 46086 for 2026-03-05 — and the person
    # was refused: 务工开始日期“46086”不是有效日期.
    write_xlsx(
        tmp_path / "s.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", *PLACE, "就业状态", "务工单位", "务工开始日期"],
        [["张长英", HEAD, HEAD, *PLACE.values(), "已就业", "砖厂", "46086"]],
    )
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == []
    assert ledger.db.execute("SELECT start_date FROM employment_spells").fetchall() == [
        ("2026-03-05",)
    ]


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_months_under_a_group_header_over_two_rows_are_read(ledger, tmp_path, suffix):
    # A township's header of two rows: 2026年各月就业状态 merged over 1月 | 2月 | 3月, the other
    # columns merged down both rows. The months' row was read as a row of data (nothing in
    # the columns the header names) and the group listed as an unknown column: every month's
    # status lost. The months are now read, in the group's year.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet.append(["大坝村劳动力花名册"])
    sheet.append(["姓名", "身份证号码", "户主身份证号码", *PLACE, "2026年各月就业状态"])
    sheet.append([None] * 6 + ["1月", "2月", "3月"])
    sheet.merge_cells("G2:I2")
    for column in "ABCDEF":
        sheet.merge_cells(f"{column}2:{column}3")
    sheet.append(["张长英", HEAD, HEAD, *PLACE.values(), "未就业", "已就业", "已就业"])
    book.save(tmp_path / "s.xlsx")
    path = tmp_path / "s.xlsx"
    if suffix == "ods":
        soffice = shutil.which("soffice")
        if soffice is None:
            pytest.skip("LibreOffice is not installed")
        subprocess.run(
            [soffice, "--headless", "--convert-to", "ods", "--outdir", str(tmp_path), str(path)],
            check=True,
            capture_output=True,
            timeout=300,
        )
        path = tmp_path / "s.ods"
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.unknown_headers == []
    assert _months_of(ledger) == ["2026-01", "2026-02", "2026-03"]
    [said] = [w for w in report.warnings if "各月的就业状态" in w.reason]
    assert "G–I 列" in said.reason and "表头“2026年各月就业状态”" in said.reason


def test_a_jobs_optional_cell_that_cannot_be_read_leaves_out_that_cell_only(ledger, tmp_path):
    # 月收入 3000-4000, 劳动合同期限 待定, 就业形式 打零工: since db8a2de the whole job was left
    # out for one such cell (before, the whole person). Only the cell is now left out, said;
    # the job comes in (its form as 未登记), and an update keeps the ledger's value of it.
    # (The term was 长期 here; it now reads as 无固定期限: see
    # test_a_contract_term_written_long_term_reads_as_open_ended.)
    headers = ["姓名", "身份证号码", "户主身份证号码", *PLACE, "就业状态", "务工单位"]
    headers += ["务工开始日期", "月收入", "劳动合同期限", "就业形式"]
    write_xlsx(
        tmp_path / "s.xlsx",
        headers,
        [
            ["张长英", HEAD, HEAD, *PLACE.values(), "已就业", "砖厂"]
            + ["2026-03-05", "3000-4000", "待定", "打零工"],
            ["李秀", WIFE, HEAD, *PLACE.values(), "已就业", "鞋厂"]
            + ["2026-03-05", "3500", "12", "单位就业"],
        ],
    )
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == []
    jobs = ledger.db.execute(
        "SELECT employer, start_date, monthly_income, contract_months, form"
        " FROM employment_spells ORDER BY employer"
    ).fetchall()
    assert jobs == [
        ("砖厂", "2026-03-05", None, None, "未登记"),
        ("鞋厂", "2026-03-05", 3500.0, 12, "单位就业"),
    ]
    said = [w.reason for w in report.warnings if w.row == 2]
    assert any(r.startswith("月收入“3000-4000”不是数字：这一格没有导入") for r in said)
    assert any(r.startswith("劳动合同期限") and "“待定”应为月数" in r for r in said)
    assert any(r.startswith("就业形式“打零工”") and "未登记" in r for r in said)
    assert not any("这份工作（就业状态和务工各列）没有导入" in r for r in said)
    # An update writing 3000左右 for 李秀's 3500 keeps the 3500.
    write_xlsx(
        tmp_path / "u.xlsx",
        headers,
        [
            ["李秀", WIFE, HEAD, *PLACE.values(), "已就业", "鞋厂"]
            + ["2026-03-05", "3000左右", "12", "单位就业"]
        ],
    )
    again = import_ledger(ledger, tmp_path / "u.xlsx", update=True)
    assert again.rejected == []
    income = ledger.db.execute(
        "SELECT monthly_income FROM employment_spells WHERE employer = '鞋厂'"
    ).fetchall()
    assert income == [(3500.0,)]


def test_a_forms_foot_written_in_the_id_column_or_as_a_bare_role_is_not_a_person(ledger, tmp_path):
    # A form's foot whose count stands in the 身份证号码 column (合计：1人), whose 总计 has a
    # number under 身份证号码, or whose signatures read 制表： 王五 审核： 李四 was refused as
    # people: 姓名为空, 身份证号码“1”长度为 1 位, 身份证号码为空.
    write_xlsx(
        tmp_path / "s.xlsx",
        ["序号", "姓名", "身份证号码", "户主身份证号码", *PLACE],
        [
            [1, "张长英", HEAD, HEAD, *PLACE.values()],
            ["", "", "合计：1人"],
            ["", "总计", "1"],
            ["制表：", "王五", "", "审核：", "李四"],
        ],
    )
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and set(_persons(ledger)) == {HEAD}
    said = [w for w in report.warnings if "不是人员" in w.reason]
    assert [w.row for w in said] == [3, 5]  # the two totals said once, together
    assert "第 3–4 行" in said[0].reason


def test_a_monthly_roster_beside_a_people_sheet_adds_its_jobs_to_the_people_read(ledger, tmp_path):
    # A workbook of the people (one row each) and a 花名册 of one row per person per month:
    # each person of the roster was refused there as 与工作表“人员”第 2 行重复, and with that row
    # the job of the latest month was lost. The roster now reads their months and jobs, their
    # person from the people sheet, and says so once.
    book, people = _head_book("人员")
    roster = book.create_sheet("花名册")
    roster.append(["姓名", "身份证号码", "月份", "就业状态", "务工单位", "务工开始日期"])
    roster.append(["张长英", HEAD, "2026-01", "已就业", "砖厂", "2026-01-05"])
    roster.append(["张长英", HEAD, "2026-02", "已就业", "鞋厂", "2026-02-10"])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == []
    jobs = ledger.db.execute(
        "SELECT employer, start_date, end_date FROM employment_spells ORDER BY start_date"
    ).fetchall()
    assert jobs == [("砖厂", "2026-01-05", "2026-01-31"), ("鞋厂", "2026-02-10", None)]
    assert _months_of(ledger) == ["2026-01", "2026-02"]
    [said] = [w for w in report.warnings if "已在工作表" in w.reason]
    assert said.sheet == "花名册" and "张长英" in said.reason and "“人员”" in said.reason


def test_a_record_of_a_person_whose_row_was_refused_points_to_that_row(ledger, tmp_path):
    # A 月度状态 (or 就业经历 …) row of a person whose own row the import refused said 身份证号码
    # … 不在台账中，也不在本工作簿的人员表中 — though the person is on that sheet; the clerk
    # looked for a missing person. It now names the row refused.
    other = make_id("520502", "19600101", "011")
    book = openpyxl.Workbook()
    people = book.active
    people.title = "台账"
    people.append(["姓名", "身份证号码", "户主身份证号码", "与户主关系", *PLACE])
    people.append(["张长英", HEAD, HEAD, "户主", *PLACE.values()])
    people.append(["李秀", WIFE, other, "配偶", *PLACE.values()])  # a head nowhere
    people.append(["王五", SON, HEAD, "儿子", *PLACE.values(), "x"])
    people["C4"] = "5205021975031613"  # a head's number cut short: refused when read
    months = book.create_sheet("月度状态")
    months.append(["姓名", "身份证号码", "月份", "就业状态"])
    months.append(["李秀", WIFE, "2026-01", "未就业"])
    months.append(["王五", SON, "2026-01", "未就业"])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    refused = {(p.sheet, p.row): p.reason for p in report.rejected}
    assert ("台账", 3) in refused and ("台账", 4) in refused
    assert "工作表“台账”第 3 行没有导入" in refused[("月度状态", 2)]
    assert "工作表“台账”第 4 行没有导入" in refused[("月度状态", 3)]
    assert "不在本工作簿的人员表中" not in refused[("月度状态", 2)]


def test_two_statuses_for_one_persons_month_are_said_not_one_silently_kept(ledger, tmp_path):
    # Two rows of one person for one month with different statuses (未就业, then 已就业) kept
    # the later without a word: January's 未就业 was lost and nobody asked which is true. The
    # first is kept and the later refused, naming both; a repeated row is read once.
    headers = ["姓名", "身份证号码", "户主身份证号码", *PLACE, "月份", "就业状态"]
    place = list(PLACE.values())
    write_xlsx(
        tmp_path / "s.xlsx",
        headers,
        [
            ["张长英", HEAD, HEAD, *place, "2026-01", "未就业"],
            ["张长英", HEAD, HEAD, *place, "2026-01", "已就业"],
            ["张长英", HEAD, HEAD, *place, "2026-02", "未就业"],
            ["张长英", HEAD, HEAD, *place, "2026-02", "未就业"],
        ],
    )
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    stored = ledger.db.execute("SELECT month, status FROM monthly_status ORDER BY month")
    assert stored.fetchall() == [("2026-01", "未就业"), ("2026-02", "未就业")]
    [refused] = report.rejected
    assert (
        refused.row == 3
        and "第 2 行" in refused.reason
        and "这个人2026年1月的就业状态" in refused.reason
    )
    assert "未就业" in refused.reason and "已就业" in refused.reason


def test_namesakes_of_a_monthly_roster_without_their_heads_are_two_persons(ledger, tmp_path):
    # On a 花名册 of one row per person per month with no 户主身份证号码 column, two 王芳 of
    # two households (two ID numbers) were taken for one person whose number one month typed
    # otherwise (0339451): one of them merged into the other. Without their heads' numbers
    # two numbers are two persons.
    one, two = make_id("520502", "19900101", "024"), make_id("520502", "19920202", "026")
    headers = ["姓名", "身份证号码", "与户主关系", *PLACE, "月份", "就业状态"]
    place = list(PLACE.values())
    write_xlsx(
        tmp_path / "s.xlsx",
        headers,
        [
            ["王芳", one, "户主", *place, "2026-01", "未就业"],
            ["王芳", one, "户主", *place, "2026-02", "未就业"],
            ["王芳", two, "户主", *place, "2026-02", "已就业"],
        ],
    )
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert set(_persons(ledger)) == {one, two}
    assert not [w for w in report.warnings if "身份证号码应当相同" in w.reason]


@pytest.mark.parametrize(
    ("file", "title", "months"),
    [
        ("s.xlsx", "2025年大坝村劳动力花名册", ["11月", "12月", "1月", "2月"]),
        ("2025年花名册.xlsx", "", ["十一月", "十二月", "一月", "二月"]),
        ("s.xlsx", "2025年大坝村劳动力花名册", ["2月", "1月", 12, 11]),  # newest first
    ],
)
def test_months_running_over_the_new_year_take_the_next_year_after_december(
    ledger, tmp_path, file, title, months
):
    # A winter 花名册 titled “2025年…” whose 月份 runs 11月, 12月, 1月, 2月 had its January and
    # February read as 2025's: the statuses of 2026-01 and 2026-02 saved ten months early,
    # before the November they follow. The months after December are now the next year's.
    _people_and_months(tmp_path / file, months, title=title)
    report = import_ledger(ledger, tmp_path / file)
    assert report.rejected == []
    assert _months_of(ledger) == ["2025-11", "2025-12", "2026-01", "2026-02"]
    [note] = [w for w in report.warnings if "年份" in w.reason]
    assert "2025 年读取" in note.reason
    assert "12月之后的1月、2月是跨年的，按 2026 年读取" in note.reason


def test_months_of_one_year_in_no_running_order_stay_in_the_sheets_year(ledger, tmp_path):
    _people_and_months(tmp_path / "s.xlsx", ["3月", "1月", "12月", "2月"], title="2025年花名册")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert _months_of(ledger) == ["2025-01", "2025-02", "2025-03", "2025-12"]
    assert not any("跨年" in w.reason for w in report.warnings)


def test_columns_of_months_running_over_the_new_year_take_the_next_year(ledger, tmp_path):
    # 2025年冬春务工花名册 with a column per month 11月 | 12月 | 1月 | 2月: January's and
    # February's statuses were saved as 2025's.
    book = openpyxl.Workbook()
    people = book.active
    people.title = "大坝村"
    people.append(["2025年冬春务工花名册"])
    people.append(["姓名", "身份证号码", "户主身份证号码", *PLACE, "11月", "12月", "1月", "2月"])
    people.append(["张长英", HEAD, HEAD, *PLACE.values(), "未就业", "已就业", "已就业", "未就业"])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == []
    stored = ledger.db.execute("SELECT month, status FROM monthly_status ORDER BY month")
    assert stored.fetchall() == [
        ("2025-11", "未就业"),
        ("2025-12", "已就业"),
        ("2026-01", "已就业"),
        ("2026-02", "未就业"),
    ]
    [said] = [w for w in report.warnings if "各月" in w.reason]
    assert "按 2026 年读取" in said.reason


def test_subtotal_rows_between_groups_are_not_people_and_said_once(ledger, tmp_path):
    # A village 花名册 sorted by 组 with a 小计 row under each group and 本页小计 at the page's
    # end: “一组小计 | 2人” was refused as a person (身份证号码为空) — the import ended as failed
    # for rows that are no one — and a total written in 序号 was said on a line of its own.
    # They are now passed over, said once for the sheet with their rows.
    other = make_id("520502", "19800101", "171")
    path = write_xlsx(
        tmp_path / "s.xlsx",
        ["序号", "姓名", "身份证号码", "户主身份证号码", *PLACE, "所在组"],
        [
            [1, "张长英", HEAD, HEAD, *PLACE.values(), "一组"],
            [2, "李秀", WIFE, HEAD, *PLACE.values(), "一组"],
            ["", "一组小计", "2人", "", "", "", "", ""],
            [3, "王五", other, other, *PLACE.values(), "二组"],
            ["小计", "1人", "", "", "", "", "", "二组"],
            ["", "本页小计：3人"],
            ["合  计", "3人"],
        ],
        title="2026年大坝村劳动力花名册",
    )
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.persons_imported == 3
    [said] = [w for w in report.warnings if "小计" in w.reason or "合计" in w.reason]
    assert said.row == 5 and said.sheet == "台账"
    assert "有 4 行是小计或合计" in said.reason and "第 5、7–9 行" in said.reason
    assert "不是人员，未读取" in said.reason


def test_the_words_coordinators_head_job_and_group_columns_with_are_read(ledger, tmp_path):
    # A township's 花名册 heads its columns 所在组, 务工所在单位 and 外出务工时间, its 就业经历
    # sheet 外出务工时间 and 返乡时间: those columns were passed over as unknown — each person's
    # group, employer and start lost, and a job the person came home from kept as running.
    book = openpyxl.Workbook()
    people = book.active
    people.title = "花名册"
    people.append(
        ["姓名", "身份证号码", "户主身份证号码", *PLACE, "所在组", "就业状态", "务工所在单位"]
        + ["外出务工时间"]
    )
    people.append(["张长英", HEAD, HEAD, *PLACE.values(), "三组", "已就业", "鞋厂", "2025-03-01"])
    jobs = book.create_sheet("就业经历")
    jobs.append(["姓名", "身份证号码", "外出务工时间", "返乡时间", "务工所在单位"])
    jobs.append(["张长英", HEAD, "2024-03-01", "2024-12-20", "砖厂"])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and report.unknown_headers == []
    spells = ledger.db.execute(
        "SELECT employer, start_date, end_date FROM employment_spells ORDER BY start_date"
    ).fetchall()
    assert spells == [("砖厂", "2024-03-01", "2024-12-20"), ("鞋厂", "2025-03-01", None)]
    groups = ledger.db.execute("SELECT name FROM areas WHERE name = '三组'").fetchall()
    assert groups == [("三组",)]


def test_an_open_ended_contract_keeps_the_job_with_its_term_unrecorded(ledger, tmp_path):
    # 劳动合同期限 无固定期限 (an open-ended contract, as employers sign after ten years) made
    # the 就业经历 row refused (应为月数（整数）) and, on the people sheet, a note asking for
    # the term to be filled in — a term such a contract does not have. The job is kept, the
    # term left blank, said once per sheet.
    report = import_ledger(
        ledger,
        _contracts(
            tmp_path / "s.xlsx",
            "劳动合同期限",
            ("无固定期限", "无固定期限合同"),
            ["张长英", HEAD, "2020-03-01", "2024-12-31", "电子厂", "无固定期限"],
        ),
    )
    assert report.rejected == []
    spells = _contract_months(ledger)
    assert spells == [("电子厂", None), ("鞋厂", None), ("砖厂", None)]
    said = [w for w in report.warnings if "无固定期限" in w.reason]
    assert [(w.sheet, w.row) for w in said] == [("台账", 2), ("就业经历", 2)]
    assert "第 2–3 行" in said[0].reason and "合同期限未记录" in said[0].reason
    assert not any("应为月数" in w.reason for w in report.warnings)


def test_an_update_saying_open_ended_keeps_the_ledgers_term(ledger, tmp_path):
    row = ["张长英", HEAD, HEAD, *PLACE.values(), "已就业", "鞋厂", "2025-03-01"]
    _, report = _term_updated(ledger, tmp_path, row, "无固定期限")
    assert report.rejected == [] and report.conflicts == []
    terms = ledger.db.execute("SELECT contract_months FROM employment_spells").fetchall()
    assert terms == [(24,)]
    assert any("无固定期限" in w.reason and "已填的期限不变" in w.reason for w in report.warnings)


def test_a_contract_term_written_long_term_reads_as_open_ended(ledger, tmp_path):
    # 合同期限 长期, as a coordinator copies it from a contract ("期限：长期", as an ID card's
    # 有效期限 长期: no end), refused the 就业经历 row (应为月数（整数）) and left the people
    # sheet's cell out with a note asking for months. It is an open-ended contract: the job is
    # kept, no number of months made up (a subsidy asking for a 1-year contract checks the
    # contract itself), said once per sheet in the sheet's own word.
    report = import_ledger(
        ledger,
        _contracts(
            tmp_path / "s.xlsx",
            "合同期限",
            ("长期", " 长期合同 "),
            ["张长英", HEAD, "2020-03-01", "2024-12-31", "电子厂", "长期"],
            ["李秀", WIFE, "2021-03-01", "2024-12-31", "纸箱厂", "36"],
        ),
    )
    assert report.rejected == []
    spells = _contract_months(ledger)
    assert spells == [("电子厂", None), ("纸箱厂", 36), ("鞋厂", None), ("砖厂", None)]
    said = [w for w in report.warnings if "无固定期限" in w.reason]
    assert [(w.sheet, w.row) for w in said] == [("台账", 2), ("就业经历", 2)]
    assert all("“长期”按无固定期限读" in w.reason for w in said)
    assert "第 2–3 行" in said[0].reason and "合同期限未记录" in said[0].reason
    assert not any("应为月数" in w.reason for w in report.warnings)
    # An update saying 长期 keeps the term the ledger has, as one saying 无固定期限 does.
    row = ["王五", make_id("520502", "19800101", "151"), HEAD, *PLACE.values(), "已就业"]
    row += ["鞋厂", "2025-05-01"]
    first, report = _term_updated(ledger, tmp_path, row, "长期")
    assert first.rejected == []
    assert report.rejected == [] and report.conflicts == []
    terms = ledger.db.execute(
        "SELECT contract_months FROM employment_spells WHERE employer = '鞋厂' AND start_date = "
        "'2025-05-01'"
    ).fetchall()
    assert terms == [(24,)]
    assert any("“长期”按无固定期限读" in w.reason for w in report.warnings)


def test_a_long_term_that_is_not_the_whole_cell_is_still_refused(ledger, tmp_path):
    # Only the word alone is a term: 长期3年 or 长期工 say something else, asked as before.
    headers = ["姓名", "身份证号码", "开始日期", "用人单位", "合同期限"]
    people = ["姓名", "身份证号码", "户主身份证号码", *PLACE]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(people)
    sheet.append(["张长英", HEAD, HEAD, *PLACE.values()])
    jobs = book.create_sheet("就业经历")
    jobs.append(headers)
    jobs.append(["张长英", HEAD, "2020-03-01", "电子厂", "长期工"])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert [(p.sheet, p.row) for p in report.rejected] == [("就业经历", 2)]
    assert "应为月数" in report.rejected[0].reason


def test_a_hidden_old_copy_before_the_shown_sheet_does_not_win(ledger, tmp_path):
    # A workbook whose first sheet is a hidden old copy (旧表, last year's phones) and whose
    # shown sheet 台账 is this year's: sheets were read in the file's order, so the hidden
    # copy's rows were imported and the shown sheet's refused as repeats of them — what the
    # coordinator sees and corrected lost to what nobody sees. Shown sheets are now read
    # first; the hidden copy's rows of persons already read are passed over, said once.
    book = openpyxl.Workbook()
    old = book.active
    old.title = "旧表"
    old.sheet_state = "hidden"
    headers = ["姓名", "身份证号码", "户主身份证号码", *PLACE, "联系电话"]
    old.append(headers)
    old.append(["张长英", HEAD, HEAD, *PLACE.values(), "13800000001"])
    old.append(["李秀", WIFE, HEAD, *PLACE.values(), "13800000002"])
    shown = book.create_sheet("台账")
    shown.append(headers)
    shown.append(["张长英", HEAD, HEAD, *PLACE.values(), "13900000009"])
    book.active = 1
    book.save(tmp_path / "h.xlsx")
    report = import_ledger(ledger, tmp_path / "h.xlsx")
    assert report.rejected == []
    persons = _persons(ledger)
    assert persons[HEAD][3] == "13900000009"  # the shown sheet's
    assert persons[WIFE][3] == "13800000002"  # only on the hidden sheet: read, said
    assert report.sheets == ["台账", "旧表"]
    said = [w for w in report.warnings if w.sheet == "旧表"]
    assert [w.row for w in said] == [1, 2]
    assert "隐藏" in said[0].reason and "显示的工作表之后" in said[0].reason
    assert "张长英" in said[1].reason and "以显示的工作表“台账”为准" in said[1].reason


@pytest.mark.parametrize("heading", ["务工结束日期", "返乡时间"])
def test_a_job_end_on_the_people_sheet_ends_the_job(ledger, tmp_path, heading):
    # A 花名册 with 务工结束日期 (or 返乡时间) beside each job: the column was passed over
    # as unknown and a job the person had come home from was kept as still running — counted
    # as stable work month after month. The end is now the job's; an end before the start,
    # or not yet come, is left out and said, the job kept.
    other = make_id("520502", "19800101", "171")
    headers = ["姓名", "身份证号码", "户主身份证号码", *PLACE, "就业状态", "务工单位"]
    headers += ["务工开始日期", heading, "就业形式"]
    place = list(PLACE.values())
    write_xlsx(
        tmp_path / "s.xlsx",
        headers,
        [
            [
                "张长英",
                HEAD,
                HEAD,
                *place,
                "已就业",
                "鞋厂",
                "2025-03-01",
                "2025-10-31",
                "单位就业",
            ],
            ["李秀", WIFE, HEAD, *place, "已就业", "砖厂", "2025-04-01", "", "单位就业"],
            [
                "王五",
                other,
                other,
                *place,
                "已就业",
                "电子厂",
                "2025-05-01",
                "2025-01-31",
                "单位就业",
            ],
        ],
    )
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and report.unknown_headers == []
    spells = ledger.db.execute(
        "SELECT employer, end_date FROM employment_spells ORDER BY start_date"
    ).fetchall()
    assert spells == [("鞋厂", "2025-10-31"), ("砖厂", None), ("电子厂", None)]
    [said] = [w for w in report.warnings if w.row == 4 and heading in w.reason]
    assert "早于" in said.reason and "这份工作照常导入" in said.reason
    # An update naming the end of a job the ledger has running ends it.
    write_xlsx(
        tmp_path / "u.xlsx",
        headers,
        [["李秀", WIFE, HEAD, *place, "已就业", "砖厂", "2025-04-01", "2025-11-15", "单位就业"]],
    )
    again = import_ledger(ledger, dated(tmp_path / "u.xlsx"), update=True)
    assert again.rejected == []
    ended = ledger.db.execute("SELECT end_date FROM employment_spells WHERE employer = '砖厂'")
    assert ended.fetchall() == [("2025-11-15",)]


@pytest.mark.today("2026-03-16")
@pytest.mark.parametrize("dry_run", [True, False])
def test_a_job_end_of_a_month_alone_is_its_last_day_and_said(ledger, tmp_path, dry_run):
    # Was: 务工结束日期 “2025年10月” stored as 2025-10-01 without a word — October's work,
    # which the coordinator meant by “10月结束”, ended on its first day; and a job begun and
    # ended the same month (“2025-12” after 2025-12-10) was refused as ending before it began.
    # A month alone ends on its last day (as a month-by-month sheet ends a job), or today for
    # the month running, said on the row like a month-only start; a month to come is still
    # refused as not yet come.
    headers = ["姓名", "身份证号码", "户主身份证号码", *PLACE, "就业状态", "务工单位"]
    headers += ["务工开始日期", "务工结束日期", "就业形式"]
    place = list(PLACE.values())
    ids = [make_id("520502", "19800101", f"{n}1") for n in range(20, 26)]
    rows = [
        ("张一", "2025-03-01", "2025年10月"),
        ("张二", "2025-12-10", "2025-12"),
        ("张三", "2025-04-01", 2026.02),
        ("张四", "2025-04-01", "2026年3月"),
        ("张五", "2025-04-01", "2025-11-15"),
        ("张六", "2025-04-01", "2026年4月"),
    ]
    write_xlsx(
        tmp_path / "s.xlsx",
        headers,
        [
            [name, n, n, *place, "已就业", f"{name}的厂", start, end, "单位就业"]
            for (name, start, end), n in zip(rows, ids, strict=True)
        ],
    )
    report = import_ledger(ledger, tmp_path / "s.xlsx", dry_run=dry_run)
    assert report.rejected == []
    said = {w.row: w.reason for w in report.warnings if "务工结束日期" in w.reason}
    assert said == {
        2: "务工结束日期“2025年10月”只填到月份，已按2025年10月31日记为结束日期，请核对",
        3: "务工结束日期“2025-12”只填到月份，已按2025年12月31日记为结束日期，请核对",
        4: "务工结束日期“2026.02”只填到月份，已按2026年2月28日记为结束日期，请核对",
        5: "务工结束日期“2026年3月”只填到月份，这个月还没有过完，已按今天（2026年3月16日）记为结束日期，请核对",
        7: "务工结束日期2026年4月晚于今天：这一格没有导入，这份工作照常导入（按仍在进行），请核对",
    }
    if not dry_run:
        ends = dict(
            ledger.db.execute("SELECT employer, end_date FROM employment_spells").fetchall()
        )
        assert ends == {
            "张一的厂": "2025-10-31",
            "张二的厂": "2025-12-31",
            "张三的厂": "2026-02-28",
            "张四的厂": "2026-03-16",
            "张五的厂": "2025-11-15",
            "张六的厂": None,
        }


@pytest.mark.today("2026-03-16")
def test_a_month_alone_is_said_on_an_update_only_where_the_update_takes_it(ledger, tmp_path):
    # Was: the same sheet imported again with 更新 said 务工结束日期“2026年3月”只填到月份，已按
    # 2026年3月16日记为结束日期 (and the same of the start and of a category's end) on a row
    # it then counted unchanged, and after March, 已按2026年3月31日 where that change was kept
    # as a conflict, the ledger keeping 16 March: notes of what was not done. A month alone is
    # said only where the import writes the day it was taken as. And once March is over the
    # same cell means the whole month: a sheet dated after the ledger's day moves the job's
    # end to 31 March (as any cell the sheet changes), said; an undated one asks (a conflict).
    headers = [*WHO, *PLACE, "人员类别", "就业状态", "务工单位"]
    headers += ["务工开始日期", "务工结束日期", "就业形式"]
    category = "登记失业人员（2025-05-10至2026年3月）"
    row = [HEAD, HEAD, *PLACE.values(), category, "已就业", "厂", "2025年4月", "2026年3月"]
    path = write_xlsx(tmp_path / "s.xlsx", headers, [["张长英", *row, "单位就业"]])

    def notes(report: Any) -> set[str]:
        return {w.reason for w in report.warnings if "只填到月份" in w.reason}

    def ends() -> list[tuple[str, ...]]:
        jobs = ledger.db.execute("SELECT end_date FROM employment_spells").fetchall()
        kept = ledger.db.execute("SELECT end_date FROM person_categories").fetchall()
        return [*jobs, *kept]

    first = import_ledger(ledger, path)
    assert first.rejected == [] and len(notes(first)) == 3
    assert ends() == [("2026-03-16",), ("2026-03-16",)]
    again = import_ledger(ledger, path, update=True)
    assert again.rejected == [] and again.unchanged == 1 and again.updated == 0
    assert notes(again) == set()
    with time_machine.travel(dt.datetime(2026, 4, 2, 12, tzinfo=CHINA), tick=True):
        undated = import_ledger(ledger, path, update=True)
        assert undated.rejected == [] and len(undated.conflicts) == 3  # and the registration
        assert notes(undated) == set() and ends() == [("2026-03-16",), ("2026-03-16",)]
        later = import_ledger(ledger, dated(path), update=True)
        assert later.rejected == [] and later.conflicts == [] and later.updated == 1
        assert notes(later) == {
            "务工结束日期“2026年3月”只填到月份，已按2026年3月31日记为结束日期，请核对",
            "登记失业人员的结束日期“2026年3月”只填到月份，已按2026年3月31日记为结束日期，请核对",
        }
        assert ends() == [("2026-03-31",), ("2026-03-31",)]


@pytest.mark.today("2026-03-16")
def test_an_extra_sheets_month_alone_is_said_on_an_update_only_where_it_is_taken(ledger, tmp_path):
    # Was: the same workbook imported again with 更新 said 结束日期“2025-05”只填到月份，已按
    # 2025年5月31日记为结束日期 (and of the start, the training, the registration) on rows it
    # left as the ledger has them. Said where the update writes the day (a job new to the
    # ledger), not where the ledger has it already.
    book, _people = _head_book("台账")
    jobs = book.create_sheet("就业经历")
    jobs.append(["姓名", "身份证号码", "开始日期", "结束日期", "用人单位"])
    jobs.append(["张长英", HEAD, "2025-05-10", "2025-05", "鞋厂"])
    training = book.create_sheet("培训")
    training.append(["姓名", "身份证号码", "培训类型", "开始日期", "结束日期"])
    training.append(["张长英", HEAD, "电工", "2025-08", "2025年8月"])
    registered = book.create_sheet("失业登记")
    registered.append(["姓名", "身份证号码", "登记日期", "结束日期"])
    registered.append(["张长英", HEAD, "2025-09-10", "2025-09"])
    book.save(tmp_path / "m.xlsx")
    first = import_ledger(ledger, tmp_path / "m.xlsx")
    assert first.rejected == []
    assert len([w for w in first.warnings if "只填到月份" in w.reason]) == 4
    jobs.append(["张长英", HEAD, "2025年6月", "2025年10月", "砖厂"])  # new to the ledger
    book.save(tmp_path / "m.xlsx")
    again = import_ledger(ledger, dated(tmp_path / "m.xlsx"), update=True)
    assert again.rejected == [] and again.conflicts == []
    said = [(w.sheet, w.row, w.reason) for w in again.warnings if "只填到月份" in w.reason]
    assert said == [
        ("就业经历", 3, "开始日期“2025年6月”只填到月份，已按2025年6月1日记为开始日期，请核对"),
        ("就业经历", 3, "结束日期“2025年10月”只填到月份，已按2025年10月31日记为结束日期，请核对"),
    ]


@pytest.mark.today("2026-03-16")
@pytest.mark.parametrize("dry_run", [True, False])
def test_an_extra_sheets_month_alone_is_said_and_ends_on_its_last_day(ledger, tmp_path, dry_run):
    # Was: on the 就业经历 and 培训 sheets a 开始日期 or 结束日期 of a month alone (2025-06,
    # 2025年10月) was taken as its first day without a word — a job ended “10月” ended on
    # 1 October, and one begun 2025-05-10 and ended “2025-05” was refused as ending before
    # it began. As on the people sheet: a month's start is said on its row, a month's end is
    # its last day (today for the month running) and said. An end to come (a month or a day)
    # was stored as read, a job ending in April when it had not: it is left out and said, the
    # job (course, registration) kept as not ended.
    book, _people = _head_book("台账")
    jobs = book.create_sheet("就业经历")
    jobs.append(["姓名", "身份证号码", "开始日期", "结束日期", "用人单位"])
    jobs.append(["张长英", HEAD, "2025-05-10", "2025-05", "鞋厂"])
    jobs.append(["张长英", HEAD, "2025年6月", "2025年10月", "砖厂"])
    jobs.append(["张长英", HEAD, "2026-01-05", "2026-03", "电子厂"])
    jobs.append(["张长英", HEAD, "2026-01-20", "2026-02-27", "茶厂"])
    jobs.append(["张长英", HEAD, "2026-02-01", "2026年4月", "菜场"])
    jobs.append(["张长英", HEAD, "2026-02-03", "2026-03-17", "果园"])
    training = book.create_sheet("培训")
    training.append(["姓名", "身份证号码", "培训类型", "开始日期", "结束日期"])
    training.append(["张长英", HEAD, "电工", "2025-08", "2025年8月"])
    training.append(["张长英", HEAD, "焊工", "2026-03-09", "2026-03-20"])
    registered = book.create_sheet("失业登记")
    registered.append(["姓名", "身份证号码", "登记日期", "结束日期"])
    registered.append(["张长英", HEAD, "2025-09-10", "2025-09"])
    registered.append(["张长英", HEAD, "2025-11-10", "2026年5月"])
    registered.append(["张长英", HEAD, "2025年7月"])
    visits = book.create_sheet("走访服务")
    visits.append(["姓名", "身份证号码", "走访日期", "服务类型"])
    visits.append(["张长英", HEAD, "2026-02", "政策宣传"])
    book.save(tmp_path / "m.xlsx")
    report = import_ledger(ledger, tmp_path / "m.xlsx", dry_run=dry_run)
    assert report.rejected == []
    said = [
        (w.sheet, w.row, w.reason)
        for w in report.warnings
        if "只填到月份" in w.reason and "记入，请核对" not in w.reason
    ]
    ends = "只填到月份，已按{}记为结束日期，请核对".format
    starts = "只填到月份，已按{}记为开始日期，请核对".format
    entered = [(w.sheet, w.row, w.reason) for w in report.warnings if "记入，请核对" in w.reason]
    assert entered == [
        ("失业登记", 4, "登记日期“2025年7月”只填到月份，已按2025年7月1日记入，请核对"),
        ("走访服务", 2, "日期“2026-02”只填到月份，已按2026年2月1日记入，请核对"),
    ]
    assert said == [
        ("就业经历", 2, "结束日期“2025-05”" + ends("2025年5月31日")),
        ("就业经历", 3, "开始日期“2025年6月”" + starts("2025年6月1日")),
        ("就业经历", 3, "结束日期“2025年10月”" + ends("2025年10月31日")),
        (
            "就业经历",
            4,
            "结束日期“2026-03”只填到月份，这个月还没有过完，已按今天（2026年3月16日）记为结束日期，请核对",
        ),
        ("培训", 2, "开始日期“2025-08”" + starts("2025年8月1日")),
        ("培训", 2, "结束日期“2025年8月”" + ends("2025年8月31日")),
        ("失业登记", 2, "结束日期“2025-09”" + ends("2025年9月30日")),
    ]
    to_come = "晚于今天：这一格没有导入，按还没有结束记，请核对"
    assert [(w.sheet, w.row, w.reason) for w in report.warnings if to_come in w.reason] == [
        ("就业经历", 6, "结束日期2026年4月" + to_come),
        ("就业经历", 7, "结束日期2026年3月17日" + to_come),
        ("培训", 3, "结束日期2026年3月20日" + to_come),
        ("失业登记", 3, "结束日期2026年5月" + to_come),
    ]
    if not dry_run:
        spells = ledger.db.execute("SELECT employer, start_date, end_date FROM employment_spells")
        assert {e: (s, d) for e, s, d in spells} == {
            "鞋厂": ("2025-05-10", "2025-05-31"),
            "砖厂": ("2025-06-01", "2025-10-31"),
            "电子厂": ("2026-01-05", "2026-03-16"),
            "茶厂": ("2026-01-20", "2026-02-27"),
            "菜场": ("2026-02-01", None),
            "果园": ("2026-02-03", None),
        }
        trainings = (
            "SELECT service_date, end_date FROM services WHERE service_type = '职业培训'"
            " ORDER BY service_date"
        )
        visits = "SELECT service_date FROM services WHERE service_type != '职业培训'"
        assert ledger.db.execute(visits).fetchall() == [("2026-02-01",)]
        assert ledger.db.execute(trainings).fetchall() == [
            ("2025-08-01", "2025-08-31"),
            ("2026-03-09", None),
        ]
        registrations = (
            "SELECT registered_date, ended_date FROM unemployment_registrations"
            " ORDER BY registered_date"
        )
        assert ledger.db.execute(registrations).fetchall() == [
            ("2025-07-01", None),
            ("2025-09-10", "2025-09-30"),
            ("2025-11-10", None),
        ]


@pytest.mark.parametrize(
    ("file", "title"),
    [
        ("s.xlsx", "2025年11月至2026年2月务工人员花名册"),
        ("冬春花名册2025.11-2026.2.xlsx", ""),
    ],
)
def test_a_title_naming_the_two_years_a_winter_sheet_spans_gives_its_months_years(
    ledger, tmp_path, file, title
):
    # “2025年11月至2026年2月…” (or a file named …2025.11-2026.2) names two years, so no year
    # was taken from it and every month written 11月 … 2月 was refused as having none.
    _people_and_months(tmp_path / file, ["11月", "12月", "1月", "2月"], title=title)
    report = import_ledger(ledger, tmp_path / file)
    assert report.rejected == []
    assert _months_of(ledger) == ["2025-11", "2025-12", "2026-01", "2026-02"]


def test_months_not_running_over_the_new_year_under_a_two_year_title_are_refused(ledger, tmp_path):
    # Under “2025—2026年度” a 3月 may be either year's: it is refused as having no year.
    _people_and_months(tmp_path / "s.xlsx", ["3月", "4月"], title="2025—2026年度花名册")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert _months_of(ledger) == []
    assert [p.row for p in report.rejected] == [3, 4]
    assert all("没有写年份" in p.reason for p in report.rejected)


def test_a_templates_example_row_left_in_a_filled_sheet_is_not_a_person(ledger, tmp_path):
    # A county's template opens with an example row (序号 示例, or 备注 “此行为示例，请勿删除”),
    # its ID number made up but valid; left in the filled sheet, the example was imported as a
    # person of the village. It is now passed over, said once.
    example = make_id("520502", "19900101", "011")
    headers = ["序号", "姓名", "身份证号码", "户主身份证号码", *PLACE, "备注"]
    place = list(PLACE.values())
    path = write_xlsx(
        tmp_path / "s.xlsx",
        headers,
        [
            ["示例", "张三", example, example, *place, ""],
            [
                "",
                "李四",
                make_id("520502", "19900202", "022"),
                "",
                *place,
                "此行为填写示例，请勿删除",
            ],
            [1, "张长英", HEAD, HEAD, *place, ""],
            [2, "李秀", WIFE, HEAD, *place, "示例：备注可写家庭情况"],  # a note, not an example
        ],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []
    assert set(_persons(ledger)) == {HEAD, WIFE}
    [said] = [w for w in report.warnings if "示例" in w.reason and "不是人员" in w.reason]
    assert said.row == 2 and "第 2–3 行" in said.reason


def test_columns_of_months_after_one_written_with_its_year_take_that_year_on(ledger, tmp_path):
    # Columns 2025年11月 | 12月 | 1月 | 2月 (the year written once, on the first) under a title
    # naming none: the three were refused as having no year, every status in them lost.
    write_xlsx(
        tmp_path / "s.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", *PLACE, "2025年11月", "12月", "1月", "2月"],
        [["张长英", HEAD, HEAD, *PLACE.values(), "未就业", "已就业", "已就业", "未就业"]],
    )
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == []
    assert _months_of(ledger) == ["2025-11", "2025-12", "2026-01", "2026-02"]
    [said] = [w for w in report.warnings if "各月" in w.reason]
    assert "列名“2025年11月”" in said.reason and "按 2026 年读取" in said.reason


def test_columns_of_months_newest_first_after_a_year_are_still_refused(ledger, tmp_path):
    write_xlsx(
        tmp_path / "s.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", *PLACE, "2026年2月", "1月", "12月"],
        [["张长英", HEAD, HEAD, *PLACE.values(), "未就业", "已就业", "已就业"]],
    )
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert _months_of(ledger) == []
    [refused] = report.rejected
    assert "没有写年份" in refused.reason


def _two_and_their_months(path: Path, title: str, rows: list[tuple[str, str, int]]) -> Path:
    """A 月度状态 sheet under `title` of (name, ID number, month) rows, and a people sheet of
    张长英 and 李秀."""
    book = openpyxl.Workbook()
    table = book.active
    table.title = "月度状态"
    table.append([title])
    table.append(["姓名", "身份证号码", "月份", "就业状态"])
    for name, number, month in rows:
        table.append([name, number, f"{month}月", "未就业"])
    people = book.create_sheet("人员")
    people.append(["姓名", "身份证号码", "户主身份证号码", *PLACE])
    people.append(["张长英", HEAD, HEAD, *PLACE.values()])
    people.append(["李秀", WIFE, HEAD, *PLACE.values()])
    book.save(path)
    return path


def _distinct_months(ledger) -> list[str]:
    stored = ledger.db.execute("SELECT DISTINCT month FROM monthly_status ORDER BY month")
    return [m for (m,) in stored]


def test_people_with_different_months_listed_one_after_another_stay_in_the_sheets_year(
    ledger, tmp_path
):
    # 张长英 worked from 3月, 李秀 from 1月: the months first come 3, 4, 1, 2 — which alone
    # looks like a run over the new year — but no one's months turn from one year to the next.
    rows = [("张长英", HEAD, m) for m in (3, 4)] + [("李秀", WIFE, m) for m in (1, 2, 3, 4)]
    path = _two_and_their_months(tmp_path / "s.xlsx", "2026年花名册", rows)
    report = import_ledger(ledger, path)
    assert report.rejected == []
    assert _distinct_months(ledger) == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert not any("跨年" in w.reason for w in report.warnings)


def test_a_roster_sorted_by_month_over_the_new_year_takes_the_next_year(ledger, tmp_path):
    rows = [
        (name, number, m)
        for m in (11, 12, 1)
        for name, number in (("张长英", HEAD), ("李秀", WIFE))
    ]
    path = _two_and_their_months(tmp_path / "s.xlsx", "2025年冬季花名册", rows)
    report = import_ledger(ledger, path)
    assert report.rejected == []
    assert _distinct_months(ledger) == ["2025-11", "2025-12", "2026-01"]


def test_a_hidden_extra_sheet_is_read_after_the_shown_ones_and_said_without_persons(
    ledger, tmp_path
):
    book, people = _head_book("台账")
    jobs = book.create_sheet("就业经历")
    jobs.sheet_state = "hidden"
    jobs.append(["姓名", "身份证号码", "开始日期", "用人单位"])
    jobs.append(["张长英", HEAD, "2024-03-01", "砖厂"])
    book.move_sheet("就业经历", offset=-1)  # first in the file
    book.active = 1
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and report.sheets == ["台账", "就业经历"]
    [said] = [w for w in report.warnings if "隐藏" in w.reason]
    assert said.sheet == "就业经历" and "显示的工作表之后" in said.reason
    assert "的人以显示的为准" not in said.reason


def test_a_persons_row_without_its_number_whose_note_reads_like_a_total_is_refused(
    ledger, tmp_path
):
    path = write_xlsx(
        tmp_path / "s.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", *PLACE, "备注"],
        [
            ["张长英", HEAD, HEAD, *PLACE.values(), ""],
            ["李秀", "", "", *PLACE.values(), "大坝村共计务工3个月"],
        ],
    )
    report = import_ledger(ledger, path)
    assert [(p.row, "身份证号码为空" in p.reason) for p in report.rejected] == [(3, True)]


def test_a_person_home_again_with_the_job_they_came_back_from_keeps_that_job_ended(
    ledger, tmp_path
):
    # 就业状态 未就业 beside the job the person came home from and its 返乡时间: the row was
    # read as a contradiction (未就业 with work written) and the job and the status both lost.
    headers = ["姓名", "身份证号码", "户主身份证号码", *PLACE, "就业状态", "务工单位"]
    headers += ["务工开始日期", "返乡时间", "就业形式"]
    write_xlsx(
        tmp_path / "s.xlsx",
        headers,
        [
            ["张长英", HEAD, HEAD, *PLACE.values(), "未就业", "鞋厂", "2025-03-01", "2025-10-31"]
            + ["单位就业"]
        ],
    )
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and report.warnings == []
    spells = ledger.db.execute("SELECT employer, start_date, end_date FROM employment_spells")
    assert spells.fetchall() == [("鞋厂", "2025-03-01", "2025-10-31")]
    statuses = ledger.db.execute("SELECT status, spell_id, income FROM monthly_status")
    assert statuses.fetchall() == [("未就业", None, None)]


def test_an_example_row_of_a_monthly_roster_brings_no_refused_months(ledger, tmp_path):
    # The example person of a 花名册 of one row per person per month was passed over, but their
    # months were each refused: 身份证号码 … 不在台账中, for a person nobody meant.
    example = make_id("520502", "19900101", "011")
    headers = ["序号", "姓名", "身份证号码", "户主身份证号码", *PLACE, "月份", "就业状态"]
    place = list(PLACE.values())
    path = write_xlsx(
        tmp_path / "s.xlsx",
        headers,
        [
            ["示例", "张三", example, example, *place, "2026-01", "已就业"],
            [1, "张长英", HEAD, HEAD, *place, "2026-01", "未就业"],
            [1, "张长英", HEAD, HEAD, *place, "2026-02", "已就业"],
        ],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []
    assert set(_persons(ledger)) == {HEAD}
    assert any("填写示例" in w.reason for w in report.warnings)


def test_months_under_one_written_with_its_year_take_that_year_on(ledger, tmp_path):
    # 月份 written 2025年11月 on each person's first row, then 12月, 1月: with no year in the
    # title, the sheet's or the file's name, the 12月 and 1月 rows were refused as yearless.
    rows = [
        (name, number, month)
        for name, number in (("张长英", HEAD), ("李秀", WIFE))
        for month in ("2025年11月", "12月", "1月")
    ]
    book = openpyxl.Workbook()
    table = book.active
    table.title = "月度状态"
    table.append(["姓名", "身份证号码", "月份", "就业状态"])
    for name, number, month in rows:
        table.append([name, number, month, "未就业"])
    people = book.create_sheet("人员")
    people.append(["姓名", "身份证号码", "户主身份证号码", *PLACE])
    people.append(["张长英", HEAD, HEAD, *PLACE.values()])
    people.append(["李秀", WIFE, HEAD, *PLACE.values()])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == []
    assert _distinct_months(ledger) == ["2025-11", "2025-12", "2026-01"]
    [note] = [w for w in report.warnings if "年份" in w.reason]
    assert "第 2 行的“2025年11月”" in note.reason and "按 2026 年读取" in note.reason


def test_a_month_before_the_one_above_it_within_a_year_is_not_the_next_years(ledger, tmp_path):
    # 2026-04 then 3月 on one person's rows (typed out of order) turns back, but not at the new
    # year: 3月 is 2026's, not 2027's.
    _people_and_months(tmp_path / "s.xlsx", ["2026-04", "3月"])
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == []
    assert _months_of(ledger) == ["2026-03", "2026-04"]


@pytest.mark.today("2026-03-16")
def test_the_extra_sheets_judge_by_the_imports_own_day(ledger, tmp_path):
    # Was: the people sheet's rows were judged against the importer's day and the extra
    # sheets' against the clock asked again: an import begun before midnight judged its
    # sheets by two days. One day for every sheet (here an importer told the day before).
    from fieldapp.tabular.ledger_import import LedgerImporter
    from fieldapp.tabular.reader import SheetStream

    book, _people = _head_book("台账")
    jobs = book.create_sheet("就业经历")
    jobs.append(["姓名", "身份证号码", "开始日期", "结束日期", "用人单位"])
    jobs.append(["张长英", HEAD, "2026-03-01", "2026-03-16", "鞋厂"])
    book.save(tmp_path / "d.xlsx")
    report = LedgerImporter(ledger, today=dt.date(2026, 3, 15), words={}).run(
        SheetStream(tmp_path / "d.xlsx")
    )
    said = [w.reason for w in report.warnings if w.sheet == "就业经历"]
    assert said == ["结束日期2026年3月16日晚于今天：这一格没有导入，按还没有结束记，请核对"]
    spells = ledger.db.execute("SELECT employer, end_date FROM employment_spells").fetchall()
    assert spells == [("鞋厂", None)]
