"""An 18-digit ID number another program wrote as a number cell (a web system's export, a
script's int): the xlsx keeps its 18 digits exactly (<v>520502197805201429</v>), but the reader
gives a float, which holds 17 of them — the person was refused as Excel-rounded, though the
file holds the number whole. Those digits are read from the sheet itself; a number Excel really
rounded (<v>5.20502197805201E+17</v>) is still refused, as its digits are lost."""

from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path

import openpyxl

from fieldapp.domain import idnumber
from fieldapp.tabular.ledger_import import import_ledger
from tests.conftest import make_id

PLACE = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
HEAD = make_id("520502", "19750316", "131")
WIFE = make_id("520502", "19780520", "142")
SON = make_id("520502", "20010101", "153")


def _written(path: Path, numbers: dict[int, str], *, merged: bool = False) -> Path:
    """A people sheet of 张长英's household whose number cells (1, 2, 3 … as openpyxl writes
    them) are then written in the sheet's XML as `numbers` says: as another program wrote them;
    `merged`: the 户主身份证号码 merged down the household's rows."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号码", "户主身份证号码", *PLACE])
    sheet.append(["张长英", 1, 1, *PLACE.values()])
    sheet.append(["李秀", 2, 1, *PLACE.values()])
    sheet.append(["张一", 3, 1, *PLACE.values()])
    if merged:  # the household's 户主身份证号码 one cell down its rows
        sheet.merge_cells("C2:C4")
    book.save(path)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"]
    for number, written in numbers.items():
        xml = xml.replace(b"<v>%d</v>" % number, b"<v>" + written.encode() + b"</v>")
    parts["xl/worksheets/sheet1.xml"] = xml
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def _households(ledger) -> int:
    return ledger.db.execute("SELECT count(DISTINCT household_id) FROM persons").fetchone()[0]


def test_an_id_number_written_whole_as_a_number_cell_is_read_whole(ledger, tmp_path):
    path = _written(tmp_path / "s.xlsx", {1: HEAD, 2: WIFE, 3: SON})
    report = import_ledger(ledger, path)
    assert report.rejected == [], report.rejected
    assert report.imported == 3
    numbers = {n for (n,) in ledger.db.execute("SELECT id_number FROM persons")}
    assert numbers == {HEAD, WIFE, SON}
    assert _households(ledger) == 1  # each 户主身份证号码 read whole too


def test_an_id_number_excel_rounded_is_still_refused(ledger, tmp_path):
    rounded = f"{WIFE[0]}.{WIFE[1:15]}E+17"  # Excel's 15 digits: 5.20502197805201E+17
    path = _written(tmp_path / "s.xlsx", {1: HEAD, 2: rounded, 3: SON})
    report = import_ledger(ledger, path)
    assert report.imported == 2
    assert [(p.row, p.reason) for p in report.rejected] == [
        (
            3,
            "身份证号码“5.20502e+17”已被 Excel 存成数字（科学计数法），后几位已丢失，无法恢复；"
            "请把该列设为文本后重新录入",
        )
    ]


def test_a_head_number_written_whole_in_a_merged_cell_is_read_whole_on_each_row(ledger, tmp_path):
    path = _written(tmp_path / "s.xlsx", {1: HEAD, 2: WIFE, 3: SON}, merged=True)
    report = import_ledger(ledger, path)
    assert report.rejected == [], report.rejected
    assert report.imported == 3 and _households(ledger) == 1


def test_an_account_written_whole_as_a_number_cell_is_kept_whole(ledger, tmp_path):
    # Its 19 digits as another program wrote them: the account was left out as one Excel made
    # a number (社保卡账号已被 Excel 存成数字 …) though the file holds it whole.
    account = "6221546950670948123"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号码", "户主身份证号码", "社保卡账号", *PLACE])
    sheet.append(["张长英", HEAD, HEAD, 7, *PLACE.values()])
    book.save(tmp_path / "s.xlsx")
    with zipfile.ZipFile(tmp_path / "s.xlsx") as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"]
    assert xml.count(b"<v>7</v>") == 1
    parts["xl/worksheets/sheet1.xml"] = xml.replace(b"<v>7</v>", f"<v>{account}</v>".encode())
    with zipfile.ZipFile(tmp_path / "s.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and report.imported == 1
    assert not [w for w in report.warnings if "社保卡账号" in w.reason], report.warnings
    kept = dict(ledger.db.execute("SELECT id_number, account_number FROM persons"))
    assert kept == {HEAD: account}


def test_digits_are_taken_only_from_the_cells_own_value(ledger, tmp_path):
    # A twin's number has the same float as her sister's (their numbers differ in the last
    # digits): 李秀's cell holds 520502197805201429, and a cell beyond the read columns holds
    # her twin's 520502197805201437 after a comment naming 李秀's cell. The digits were taken
    # from the nearest "<c" before a value, the comment's: 李秀 was put under her twin's
    # number, which no cell of hers holds.
    twin = make_id("520502", "19780520", "143")
    assert float(twin) == float(WIFE) and twin != WIFE
    path = _written(tmp_path / "s.xlsx", {1: HEAD, 2: WIFE, 3: SON})
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"]
    hostile = f'<c r="Z3" t="n"><!-- <c r="B3"> --><v>{twin}</v></c></row>'.encode()
    at = xml.index(b"</row>", xml.index(b'<row r="3"'))
    parts["xl/worksheets/sheet1.xml"] = xml[:at] + hostile + xml[at + len(b"</row>") :]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.imported == 3
    numbers = dict(ledger.db.execute("SELECT name, id_number FROM persons"))
    assert numbers["李秀"] == WIFE


def test_many_long_values_outside_cells_are_passed_in_a_bounded_time(ledger, tmp_path):
    # 135 000 16-digit values outside any cell (an extension's block after the sheet's data,
    # which no reader reads), and one ID number Excel rounded, which has the sheet's digits
    # looked for: each value looked back for its cell's tag over all the values before it,
    # 3 MB of sheet taking half a minute, a 300 MB file hours.
    rounded = f"{WIFE[0]}.{WIFE[1:15]}E+17"
    path = _written(tmp_path / "s.xlsx", {1: HEAD, 2: rounded, 3: SON})
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    stray = b"".join(b"<v>%d</v>" % (10**15 + i * 7919) for i in range(135_000))
    block = b'</sheetData><extLst><ext uri="{0}">' + stray + b"</ext></extLst>"
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b"</sheetData>", block
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    began = time.monotonic()
    report = import_ledger(ledger, path)
    assert time.monotonic() - began < 10
    assert report.imported == 2 and [p.row for p in report.rejected] == [3]


def test_a_merged_cells_number_is_its_top_cells_not_one_left_under_it(ledger, tmp_path):
    # 户主身份证号码 merged down the household's rows shows its top cell's number on each;
    # a program that wrote every row's number before merging leaves them under the merge,
    # unseen. The one under 李秀's row (her household's head's namesake number, alike as a
    # float) was taken as hers: she was put in another household than the sheet shows.
    under = "520502197503161302"
    assert float(under) == float(HEAD) and under != HEAD
    path = _written(tmp_path / "s.xlsx", {1: HEAD, 2: WIFE, 3: SON}, merged=True)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"]
    wife = f"<v>{WIFE}</v></c>".encode()
    at = xml.index(wife) + len(wife)
    hidden = f'<c r="C3" t="n"><v>{under}</v></c>'.encode()
    parts["xl/worksheets/sheet1.xml"] = xml[:at] + hidden + xml[at:]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    report = import_ledger(ledger, path)
    assert report.rejected == [], report.rejected
    assert report.imported == 3 and _households(ledger) == 1


def test_two_sheets_of_one_name_take_no_digits_from_each_other(ledger, tmp_path):
    # A workbook listing two sheets under one name (no spreadsheet program saves it): the
    # digits were read from the first sheet of that name for both, so 李梅, whose cell holds
    # her own number, was refused as a repeat of 李秀's (alike as a float), a number no cell of
    # hers holds. Which sheet is which cannot be told: each number stays as the reader gives it.
    twin = make_id("520502", "19780520", "143")
    path = tmp_path / "s.xlsx"
    book = openpyxl.Workbook()
    for sheet, (name, number) in zip(
        (book.active, book.create_sheet("二组")), (("李秀", 2), ("李梅", 3)), strict=True
    ):
        sheet.append(["姓名", "身份证号码", "户主身份证号码", *PLACE])
        sheet.append([name, number, number, *PLACE.values()])
    book.active.title = "一组"
    book.save(path)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace("二组".encode(), "一组".encode())
    for part, number, cell in (("sheet1", WIFE, 2), ("sheet2", twin, 3)):
        xml = parts[f"xl/worksheets/{part}.xml"]
        parts[f"xl/worksheets/{part}.xml"] = xml.replace(
            b"<v>%d</v>" % cell, f"<v>{number}</v>".encode()
        )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    report = import_ledger(ledger, path)
    assert report.imported == 0
    assert [p.reason.split("，")[0] for p in report.rejected] == [
        "身份证号码“5.20502e+17”已被 Excel 存成数字（科学计数法）"
    ] * 2


def test_an_id_number_written_whole_under_a_prefix_is_read_whole(ledger, tmp_path):
    # A web system's export written with .NET's Open XML SDK names its tags under a prefix
    # (<x:c r="B3"><x:v>520502197805201429</x:v></x:c>), which the reader reads as any other:
    # the number was refused as one Excel rounded (后几位已丢失), though the file holds it whole.
    path = _written(tmp_path / "s.xlsx", {1: HEAD, 2: WIFE, 3: SON})
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    xml = xml.replace('xmlns="', 'xmlns:x="', 1)
    xml = re.sub(r"<(/?)(?!\?)([A-Za-z]+)", r"<\1x:\2", xml)
    assert f"<x:v>{WIFE}</x:v>" in xml
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    report = import_ledger(ledger, path)
    assert report.rejected == [], report.rejected
    numbers = {n for (n,) in ledger.db.execute("SELECT id_number FROM persons")}
    assert numbers == {HEAD, WIFE, SON}


def _with_account(path: Path, written: str) -> Path:
    """张长英's row, its 社保卡账号 a number cell written in the sheet's XML as `written`."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号码", "户主身份证号码", "社保卡账号", *PLACE])
    sheet.append(["张长英", HEAD, HEAD, 7, *PLACE.values()])
    book.save(path)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = xml.replace(b"<v>7</v>", f"<v>{written}</v>".encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def test_digits_a_program_wrote_from_a_float_are_not_taken_as_the_number(ledger, tmp_path):
    """A web system's export (JavaScript, SheetJS) writes a number it holds as a float out in
    full: 622154695067094812, a float, is written <v>622154695067094800</v> — the float's
    digits, zeros after. They were taken as the file holding the number whole: the account
    kept as 622154695067094800, not the person's, without a word (an ID number so written,
    its last digits 00, checked only by its check digit). Digits no more than the float's own
    are a number cell's that lost its last digits, said so, as Excel's are; one the float does
    not give (…812 written whole) is read whole as before."""
    path = _with_account(tmp_path / "s.xlsx", "622154695067094800")
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.imported == 1
    assert [w.reason for w in report.warnings if "社保卡账号" in w.reason] == [
        "社保卡账号（D 列）已被 Excel 存成数字（6.22155e+17），后几位可能已丢失，无法恢复；"
        "这一格没有导入，这个人的其余信息照常导入；请把该列设为文本，对照银行卡或存折重新填写"
    ]
    assert ledger.db.execute("SELECT account_number FROM persons").fetchone()[0] == ""
    floated = "520502197805201400"  # WIFE's float, written out
    path = _written(tmp_path / "n.xlsx", {1: HEAD, 2: floated, 3: SON})
    report = import_ledger(ledger, path, update=True)
    assert [p.row for p in report.rejected] == [3], report.rejected
    assert "后几位已丢失" in report.rejected[0].reason, report.rejected[0].reason


def test_an_account_of_16_digits_written_whole_is_kept_whole(ledger, tmp_path):
    """A 16-digit card number (6222021234567899) written whole: a float holds every number of
    its size exactly, so its digits are its float's too, and no digit is lost — kept."""
    path = _with_account(tmp_path / "s.xlsx", "6222021234567899")
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.imported == 1
    assert not [w for w in report.warnings if "社保卡账号" in w.reason], report.warnings
    kept = ledger.db.execute("SELECT account_number FROM persons").fetchone()[0]
    assert kept == "6222021234567899"


def test_an_id_number_that_is_also_its_floats_digits_is_read_whole(ledger, tmp_path):
    """One genuine ID number in sixty is its own float's digits too (520502197805200960: the
    float's shortest digits, zeros after). Refused as a number whose last digits are lost, the
    person whose number is right could not be imported from that file; its check digit holds,
    so it is read whole (a float's digits pass the check digit one time in eleven)."""
    genuine = "520502197805200960"
    assert idnumber.is_valid(genuine)
    path = _written(tmp_path / "n.xlsx", {1: HEAD, 2: genuine, 3: SON})
    report = import_ledger(ledger, path)
    assert report.rejected == [], report.rejected
    numbers = {n for (n,) in ledger.db.execute("SELECT id_number FROM persons")}
    assert genuine in numbers
