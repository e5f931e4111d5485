"""An imported amount is kept rounded half up to the fen, as typed and as every display says
it (`domain.money.yuan`): a cell of 2.675 is 2.68, not the 2.67 that rounding the binary float
half to even gives; alike for a number cell, a text cell and a CSV file."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

from fieldapp.domain.models import EmploymentSpell
from fieldapp.store.ledger import Ledger
from fieldapp.tabular import cells
from fieldapp.tabular.ledger_import import import_ledger
from tests.conftest import make_id
from tests.records import Records
from tests.tabular.people import HEADERS, sheet_row
from tests.tabular.sheets import write_csv, write_xlsx

#: Typed amount → what the ledger keeps (half up; Python's round gives 2.67, 0.12, 12345.66).
AMOUNTS = {"2.675": 2.68, "0.125": 0.13, "12345.665": 12345.67, "4500": 4500.0}
NAMES = ["张一", "王二", "李三", "赵四"]


def _rows(as_numbers: bool) -> tuple[list[list[object]], dict[str, float]]:
    """One employed head of household a row, each earning one of `AMOUNTS` (a number cell when
    `as_numbers`, else the text typed); the ID number → the amount the ledger should keep."""
    rows: list[list[object]] = []
    kept: dict[str, float] = {}
    for i, (typed, want) in enumerate(AMOUNTS.items()):
        number = make_id("520502", f"1980010{i + 1}", f"{i + 1:03d}")
        income: object = float(typed) if as_numbers else typed
        extra = {"就业状态": "已就业", "务工地点": "广东省深圳市宝安区"}
        extra |= {"务工开始日期": "2024-03-01", "月收入（元）": income}
        rows.append(sheet_row(NAMES[i], number, number, "户主", **extra))
        kept[number] = want
    return rows, kept


def _kept(ledger: Ledger) -> dict[str, float | None]:
    repo = Records(ledger)
    found: dict[str, float | None] = {}
    for (number,) in ledger.db.execute("SELECT id_number FROM persons").fetchall():
        person = repo.person_by_id_number(number)
        assert person is not None
        (spell,) = repo.person_records(EmploymentSpell, person.id)
        found[number] = spell.monthly_income
    return found


@pytest.mark.parametrize("as_numbers", [True, False], ids=["number-cells", "text-cells"])
def test_xlsx_amounts_are_kept_half_up_to_the_fen(ledger, tmp_path, as_numbers):
    rows, kept = _rows(as_numbers)
    path = write_xlsx(tmp_path / "a.xlsx", HEADERS, rows)
    column = HEADERS.index("月收入（元）") + 1
    sheet = openpyxl.load_workbook(path).active
    kinds = {sheet.cell(row, column).data_type for row in range(2, 2 + len(AMOUNTS))}
    assert kinds == {"n" if as_numbers else "s"}  # the cells hold numbers, or text
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.imported == len(AMOUNTS)
    assert _kept(ledger) == kept


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk"])
def test_csv_amounts_are_kept_half_up_to_the_fen(ledger, tmp_path, encoding):
    rows, kept = _rows(as_numbers=False)
    report = import_ledger(ledger, write_csv(tmp_path / "a.csv", HEADERS, rows, encoding))
    assert report.rejected == [] and report.imported == len(AMOUNTS)
    assert _kept(ledger) == kept


@pytest.mark.parametrize(
    ("cell", "kept"),
    [
        ("¥2.675", 2.68),
        ("1,234.565元", 1234.57),
        ("0.0002675万", 2.68),
        ("1.2345665万", 12345.67),
        ("3500元/月", 3500.0),
        (0.005, 0.01),
        (1.005, 1.01),
        (2.5, 2.5),
        (2, 2.0),
    ],
)
def test_an_amount_in_any_spelling_is_rounded_half_up(cell, kept):
    assert cells.number(cell, "月收入") == kept


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        (float("nan"), "nan"),
        (float("inf"), "inf"),
        (float("-inf"), "-inf"),
        ("1" * 400, "1" * 400),  # exact as a Decimal, inf as a float
        ("1" * 320 + "万", "1" * 320 + "万"),
    ],
    ids=["nan", "inf", "-inf", "400-digits", "320-digits-wan"],
)
def test_a_cell_that_is_no_finite_number_is_not_an_amount(cell, shown):
    """nan passed (nan < 0 is False) and inf passed the number cell's fast path: either was
    kept as a worker's monthly income, and summed into every total after it."""
    with pytest.raises(cells.CellError) as refused:
        cells.number(cell, "月收入")
    assert str(refused.value) == f"月收入“{shown}”不是数字"


def test_an_xlsx_number_cell_of_nan_or_inf_is_refused_with_its_cell_named(ledger, tmp_path):
    """calamine reads an xlsx's <v>NaN</v>, <v>inf</v> and <v>1E999</v> as the floats nan and
    inf (a file any tool can write): each income is refused, the cell named, the rest kept."""
    rows, _kept_amounts = _rows(as_numbers=True)
    path = write_xlsx(tmp_path / "a.xlsx", HEADERS, rows)
    spelled = {b"4500": b"NaN", b"2.675": b"inf", b"0.125": b"1E999"}  # 12345.665 is kept
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    for amount, written in spelled.items():
        before = b"<v>" + amount + b"</v>"
        assert sheet.count(before) == 1
        sheet = sheet.replace(before, b"<v>" + written + b"</v>")
    parts["xl/worksheets/sheet1.xml"] = sheet
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.imported == len(AMOUNTS)
    notes = [(w.row, w.reason) for w in report.warnings if "月收入" in w.reason]
    cell = "月收入（表中“月收入（元）”列，P 列）"
    assert [(row, reason.split("：")[0]) for row, reason in notes] == [
        (2, f"{cell}“inf”不是数字"),  # 2.675's cell
        (3, f"{cell}“inf”不是数字"),  # 0.125's
        (5, f"{cell}“nan”不是数字"),  # 4500's
    ]
    assert all("这一格没有导入" in reason for _row, reason in notes)
    incomes = sorted(_kept(ledger).values(), key=lambda v: (v is not None, v or 0))
    assert incomes == [None, None, None, 12345.67]
