"""An imported amount is kept rounded half up to the fen, as typed and as every display says
it (`domain.money.yuan`): a cell of 2.675 is 2.68, not the 2.67 that rounding the binary float
half to even gives; alike for a number cell, a text cell and a CSV file."""

from __future__ import annotations

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
