"""Hostile numbers in a sheet's cells: text of hundreds of digits, or an absurd amount, is a
cell refused with its column named, never an uncaught OverflowError ending the whole import."""

from __future__ import annotations

import pytest

from fieldapp.tabular import cells
from fieldapp.tabular.ledger_import import import_ledger
from tests.conftest import make_id
from tests.tabular.sheets import write_xlsx

HEAD = make_id("520502", "19750316", "131")
WIFE = make_id("520502", "19780520", "142")
PLACE = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
JOB = ["就业状态", "务工单位", "务工开始日期", "月收入", "劳动合同期限"]
#: As many digits as a cell of the ledger sheet may hold (100 characters): an int SQLite
#: cannot keep (OverflowError when the job was written).
LONG = "9" * 99
#: 309 digits and more: float() of them is inf (int(inf), round(inf): OverflowError).
DIGITS = "1" * 400


def _jobs(ledger) -> list[tuple]:
    return ledger.db.execute(
        "SELECT employer, start_date, monthly_income, contract_months"
        " FROM employment_spells ORDER BY employer"
    ).fetchall()


def _two_workers(tmp_path, head: list[object], wife: list[object]):
    """An xlsx of 张长英 at 砖厂 and 李秀 at 鞋厂 since 2026-03-05, each row ending in
    `head` and `wife` (月收入, 劳动合同期限)."""
    return write_xlsx(
        tmp_path / "s.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", *PLACE, *JOB],
        [
            ["张长英", HEAD, HEAD, *PLACE.values(), "已就业", "砖厂", "2026-03-05", *head],
            ["李秀", WIFE, HEAD, *PLACE.values(), "已就业", "鞋厂", "2026-03-05", *wife],
        ],
    )


@pytest.mark.parametrize("term", [LONG, f"{LONG[:-1]}年", f"{LONG[:-3]}年半", f"{LONG[:-4]}.0个月"])
def test_a_contract_term_of_a_hundred_digits_is_a_cell_refused(ledger, tmp_path, term):
    # cells.months kept 99 digits (or 98 digits 年, times 12) as a number no SQLite INTEGER
    # holds: the OverflowError writing the job ended the whole import on such a sheet (and
    # 309 digits and more were int(float) of inf, an OverflowError in the reader itself).
    path = _two_workers(tmp_path, [3500, term], [2800, "12个月"])
    report = import_ledger(ledger, path)
    assert report.rejected == []
    assert _jobs(ledger) == [
        ("砖厂", "2026-03-05", 3500.0, None),
        ("鞋厂", "2026-03-05", 2800.0, 12),
    ]
    said = [w.reason for w in report.warnings if w.row == 2]
    assert any(r.startswith("劳动合同期限") and f"“{term}”应为月数（整数）" in r for r in said), (
        said
    )


@pytest.mark.parametrize(
    ("cell", "kept"),
    [
        (12.0, 12),
        ("12", 12),
        ("12.0", 12),
        ("12月", 12),
        ("12个月", 12),
        ("999999个月", 999999),
        ("1年", 12),
        ("1.5年", 18),
        ("2年半", 30),
        ("半年", 6),
        ("两年", 24),
        ("无固定期限", None),
        ("", None),
    ],
)
def test_a_term_in_any_spelling_is_its_months(cell, kept):
    assert cells.months(cell, "劳动合同期限") == kept


@pytest.mark.parametrize(
    "cell",
    ["1000000", "1000000个月", "1234567年", DIGITS, f"{DIGITS}年", "1.5", "-3", "1e+300", 1e300],
)
def test_a_term_past_six_digits_or_no_whole_count_is_refused(cell):
    with pytest.raises(cells.CellError) as refused:
        cells.months(cell, "劳动合同期限")
    assert "应为月数（整数）" in str(refused.value)
