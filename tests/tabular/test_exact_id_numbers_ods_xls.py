"""An 18-digit ID number held as a number cell in an .ods or an .xls (the .xlsx's own case is
tests/tabular/test_exact_id_numbers.py).

An .ods keeps a number cell's value as text (office:value="520502197503161310"): another
program that wrote the number whole (a web system's export, a script) left all 18 digits in
the file, but the reader gives a float of 17 — the person was refused as Excel-rounded. Those
digits are read from content.xml. A value the program itself rounded (5.20502197503161E+17) is
still refused, and an .xls, whose number cells are doubles (15 digits or so), cannot hold the
18 digits at all: each is said as what it is, a number cell of that kind of file — not as one
Excel rounded — and the user asked to make the column text."""

from __future__ import annotations

import struct
from pathlib import Path

from fieldapp.tabular.ledger_import import import_ledger
from tests.conftest import make_id
from tests.tabular.sheets import write_ods

PLACE = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
HEAD = make_id("520502", "19750316", "131")
WIFE = make_id("520502", "19780520", "142")
SON = make_id("520502", "20010101", "153")
FIXTURES = Path(__file__).parent / "fixtures"


def _ods(path: Path, rows: list[list[object]]) -> Path:
    """An .ods of one sheet, 台账: a str a text cell, a (value, shown) pair a number cell whose
    office:value is `value` as written, shown as `shown`."""

    def cell(value: object) -> str:
        if isinstance(value, tuple):
            return (
                '<table:table-cell office:value-type="float" calcext:value-type="float" '
                f'office:value="{value[0]}"><text:p>{value[1]}</text:p></table:table-cell>'
            )
        return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'

    body = "".join(
        "<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows
    )
    return write_ods(path, [("台账", body)])


HEADERS = ["姓名", "身份证号码", "户主身份证号码", *PLACE]


def test_an_ods_number_cell_holding_all_18_digits_is_read_whole(ledger, tmp_path):
    shown = "5.20502E+17"
    path = _ods(
        tmp_path / "s.ods",
        [
            HEADERS,
            ["张长英", (HEAD, shown), (HEAD, shown), *PLACE.values()],
            ["李秀", (WIFE, shown), (HEAD, shown), *PLACE.values()],
            ["张一", (SON, shown), HEAD, *PLACE.values()],
        ],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == [], report.rejected
    numbers = {n for (n,) in ledger.db.execute("SELECT id_number FROM persons")}
    assert numbers == {HEAD, WIFE, SON}


def test_an_ods_number_cell_rounded_is_said_as_a_number_cell_not_excels(ledger, tmp_path):
    path = _ods(
        tmp_path / "s.ods",
        [
            HEADERS,
            ["张长英", HEAD, HEAD, *PLACE.values()],
            ["李秀", ("5.20502197805201E+17", "5.20502E+17"), HEAD, *PLACE.values()],
        ],
    )
    report = import_ledger(ledger, path)
    [refused] = report.rejected
    assert refused.row == 3
    assert "Excel" not in refused.reason, refused.reason
    assert refused.reason.startswith("身份证号码“5.20502e+17”在表格里存成了数字"), refused.reason
    assert "LibreOffice 或 WPS" in refused.reason and "设为文本" in refused.reason


def _xls_with_a_number_id(path: Path) -> Path:
    """The LibreOffice .xls fixture with 张长英's 身份证号码 (its first sheet's row 4, a text
    cell: LABELSST) made a number cell (RK, a record of the same size) of 5.2e17: as an .xls
    holds a number typed into a column not set to text (a NUMBER's double or an RK, either way
    no 18 digits)."""
    data = bytearray((FIXTURES / "村台账_libreoffice.xls").read_bytes())
    for at in range(len(data) - 14):
        if data[at : at + 4] == b"\xfd\x00\x0a\x00":
            row, column, xf, _ = struct.unpack("<HHHI", data[at + 4 : at + 14])
            if (row, column) == (3, 1):
                break
    else:
        raise AssertionError("张长英's number cell not found in the fixture")
    bits = struct.unpack("<Q", struct.pack("<d", 5.20502197503161e17))[0] >> 32
    data[at : at + 14] = struct.pack("<HHHHHI", 0x027E, 10, row, column, xf, bits & ~3)
    path.write_bytes(bytes(data))
    return path


def test_an_xls_number_cell_of_an_id_number_says_the_xls_cannot_hold_it(ledger, tmp_path):
    report = import_ledger(ledger, _xls_with_a_number_id(tmp_path / "s.xls"))
    refused = [p for p in report.rejected if p.row == 4 and p.sheet == "大坝村"]
    assert len(refused) == 1, report.rejected
    reason = refused[0].reason
    assert "Excel 存成数字（科学计数法）" not in reason, reason
    assert reason.startswith("身份证号码“5.20501e+17”在表格里存成了数字"), reason
    assert ".xls" in reason and "设为文本" in reason, reason


def test_an_ods_account_written_whole_as_a_number_cell_is_kept_whole(ledger, tmp_path):
    """An account's 19 digits in an .ods number cell, as another program wrote them: kept whole
    (not left out as a number whose last digits are lost)."""
    account = "6221546950670948123"
    path = _ods(
        tmp_path / "s.ods",
        [
            ["姓名", "身份证号码", "户主身份证号码", "社保卡账号", *PLACE],
            ["张长英", HEAD, HEAD, (account, "6.22154695067095E+18"), *PLACE.values()],
        ],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.imported == 1
    assert not [w for w in report.warnings if "社保卡账号" in w.reason], report.warnings
    kept = dict(ledger.db.execute("SELECT id_number, account_number FROM persons"))
    assert kept == {HEAD: account}


def test_an_ods_account_or_phone_rounded_is_said_as_a_number_cell_not_excels(ledger, tmp_path):
    """An account (and a phone) an .ods holds as a number its program rounded: said as that
    file's number cell, as an ID number is, not as Excel's — no Excel made that file."""
    path = _ods(
        tmp_path / "s.ods",
        [
            ["姓名", "身份证号码", "户主身份证号码", "社保卡账号", "联系电话", *PLACE],
            [
                "张长英",
                HEAD,
                HEAD,
                ("6.22154695067095E+18", "6.22155E+18"),
                "13800138000",
                *PLACE.values(),
            ],
            ["李秀", WIFE, HEAD, "", ("1.38001380001E+16", "1.38E+16"), *PLACE.values()],
        ],
    )
    report = import_ledger(ledger, path)
    [account] = [w.reason for w in report.warnings if "社保卡账号" in w.reason]
    assert "在表格里存成了数字（6.22155e+18），后几位可能已丢失" in account, account
    assert "Excel" not in account and "这一格没有导入" in account, account
    [phone] = [p.reason for p in report.rejected if p.row == 3]
    assert "联系电话" in phone and "在表格里存成了数字（1.38001e+16）" in phone, report.rejected
    assert "LibreOffice 或 WPS" in phone and "Excel" not in phone, phone
