"""A 区划代码 cell is read by one rule (`cells.region_code`) wherever a sheet holds one: a
person's 户籍地/务工地区划代码 on the ledger sheet and the 就业经历 sheet's 务工地区划代码 take
the same codes and refuse the same cells in the same words. Only 0-9 count as digits: a
code in another script's digits (which `str.isdigit` took) is refused, not stored."""

from __future__ import annotations

import pytest

from fieldapp.tabular import cells, extra_sheets
from fieldapp.tabular.cells import CellError
from fieldapp.tabular.ledger_import import import_ledger
from fieldapp.tabular.person_row import forget_parsed_cells
from tests.tabular.people import HEAD, HEADERS, OTHER_HEAD, WIFE, sheet_row
from tests.tabular.sheets import write_xlsx

READ = [
    ("520502", "520502"),  # a county
    ("520502001", "520502001"),  # a township
    ("520502001007", "520502001007"),  # a village
    ("５２０ ５０２", "520502"),  # full width, a space: as an input method types it
    ("520502\u3000001", "520502001"),
]
REFUSED = [
    "5205",
    "5205020",  # 7 digits
    "5205020010",  # 10
    "5205020010070",  # 13
    "520502001007002",  # 15: a group's code is no 区划代码 a sheet gives
    "5205AB",
    "٥٢٠٥٠٢",  # Arabic-Indic digits: isdigit() is True, no table has such a code
    "५२०५०२",  # Devanagari digits
]

_JOB = {"id_number": HEAD, "start_date": "2024-03-01", "employer": "某厂"}


def _extra(code: str) -> dict[str, object]:
    """The 就业经历 sheet's row with `code` in its 务工地区划代码 column, as parsed."""
    row = extra_sheets.parse_extra(
        "就业经历", "就业经历", 2, {**_JOB, "workplace_code": code}, {}, words={}
    )
    return row.values


@pytest.mark.parametrize(("typed", "code"), READ)
def test_a_code_of_6_9_or_12_digits_is_read_alike_for_persons_and_extra_sheets(typed, code):
    assert cells.region_code(typed, "户籍地区划代码") == code
    assert _extra(typed)["workplace_code"] == code


@pytest.mark.parametrize("typed", REFUSED)
def test_any_other_cell_is_refused_alike_in_its_columns_words(typed):
    shown = typed.replace(" ", "")
    with pytest.raises(CellError) as person:
        cells.region_code(typed, "户籍地区划代码")
    assert str(person.value) == f"户籍地区划代码“{shown}”应为 6、9 或 12 位数字"
    with pytest.raises(CellError) as extra:
        _extra(typed)
    assert str(extra.value) == f"务工地区划代码“{shown}”应为 6、9 或 12 位数字"


def test_a_blank_cell_is_no_code():
    assert cells.region_code(" \u3000", "户籍地区划代码") == ""


def test_the_ledger_sheet_refuses_a_person_whose_code_is_in_other_digits(ledger, tmp_path):
    """Through a whole import: the person's row goes through the same rule (the Arabic-Indic
    code, once stored as it was, is a refused row now), the others are imported."""
    forget_parsed_cells()
    headers = [*HEADERS, "户籍地区划代码"]
    rows = [
        sheet_row("张长英", HEAD, HEAD, "户主") + ["520502"],
        sheet_row("李梅", WIFE, HEAD, "配偶") + ["٥٢٠٥٠٢"],
        sheet_row("赵大", OTHER_HEAD, OTHER_HEAD, "户主") + ["520526001"],
    ]
    report = import_ledger(ledger, write_xlsx(tmp_path / "codes.xlsx", headers, rows))
    reasons = {p.row: p.reason for p in report.rejected}
    assert reasons == {3: "户籍地区划代码“٥٢٠٥٠٢”应为 6、9 或 12 位数字"}
    codes = ledger.db.execute("SELECT hukou_code FROM persons ORDER BY 1").fetchall()
    assert codes == [("520502",), ("520526001",)]
