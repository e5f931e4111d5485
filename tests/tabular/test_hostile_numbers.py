"""Hostile numbers in a sheet's cells: text of hundreds of digits, or an absurd amount, is a
cell refused with its column named, never an uncaught OverflowError ending the whole import."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from fieldapp.tabular import cells
from fieldapp.tabular.columns import BY_KEY, EXTRA_SHEETS
from fieldapp.tabular.extra_sheets import parse_extra
from fieldapp.tabular.ledger_import import import_ledger
from fieldapp.tabular.person_row import parse_row
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
        ("1200个月", 1200),
        (1200.0, 1200),
        ("100年", 1200),
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


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("999999年", "999999年"),
        ("999999个月", "999999个月"),
        ("1201", "1201"),
        (1201.0, "1201"),
        ("100年半", "100年半"),
        ("101年", "101年"),
    ],
)
def test_a_term_past_a_hundred_years_is_refused_as_too_long(cell, shown):
    # “999999年” was kept as 11,999,988 months: no job, contract, contribution record or
    # training runs past cells.MOST_MONTHS (100 years); the cell is refused, named, as one that
    # is no count is.
    with pytest.raises(cells.CellError) as refused:
        cells.months(cell, "劳动合同期限")
    assert str(refused.value) == f"劳动合同期限“{shown}”超过 100 年，不会有这么长的期限"


def test_a_term_past_a_hundred_years_leaves_out_its_cell_and_keeps_the_job(ledger, tmp_path):
    # The job comes in with its other cells (its income) and no term, the cell named in the
    # report; the other worker's term of 100 years, the most, is kept.
    path = _two_workers(tmp_path, [3500, "999999年"], [2800, "100年"])
    report = import_ledger(ledger, path)
    assert report.rejected == []
    assert _jobs(ledger) == [
        ("砖厂", "2026-03-05", 3500.0, None),
        ("鞋厂", "2026-03-05", 2800.0, 1200),
    ]
    said = [w.reason for w in report.warnings if w.row == 2]
    refused = "“999999年”超过 100 年，不会有这么长的期限：这一格没有导入"
    assert any(r.startswith("劳动合同期限") and refused in r for r in said), said
    assert not [w for w in report.warnings if w.row == 3 and "劳动合同期限" in w.reason]


@pytest.mark.parametrize("day", [f"{'9' * 20}-1-1", "2026-3000000000-1", "2026/3/99999999999"])
def test_a_date_of_a_year_month_or_day_past_a_c_long_is_a_cell_refused(ledger, tmp_path, day):
    # domain.dates.parse_date made dt.date(int, int, int) of them: OverflowError (no
    # ValueError), which ended the whole import. Now no date, as 2026-13-1 is: the job is left
    # out with its cell named, the person comes in.
    headers = [
        "姓名",
        "身份证号码",
        "户主身份证号码",
        *PLACE,
        "就业状态",
        "务工单位",
        "务工开始日期",
    ]
    path = write_xlsx(
        tmp_path / "s.xlsx",
        headers,
        [
            ["张长英", HEAD, HEAD, *PLACE.values(), "已就业", "砖厂", day],
            ["李秀", WIFE, HEAD, *PLACE.values(), "已就业", "鞋厂", "2026-03-05"],
        ],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []
    assert ledger.db.execute("SELECT count(*) FROM persons").fetchone() == (2,)
    assert ledger.db.execute("SELECT employer FROM employment_spells").fetchall() == [("鞋厂",)]
    said = [w.reason for w in report.warnings if w.row == 2]
    assert any(r.startswith(f"务工开始日期“{day}”不是有效日期") for r in said), said


#: What a hostile cell is made of: digits (full width too), the marks dates, amounts and terms
#: are written with, and runs of digits long enough to overflow a C long, a SQLite INTEGER
#: and a float.
_MARKS = "0123456789９０.-/:T eE+年月日号个天万元半¥,，一二十两无"
_HOSTILE_TEXT = st.one_of(
    st.text(alphabet=_MARKS, max_size=30),
    st.builds(
        lambda before, digits, after: before + "9" * digits + after,
        st.text(alphabet=_MARKS, max_size=8),
        st.integers(1, 400),
        st.text(alphabet=_MARKS, max_size=8),
    ),
)
#: A cell as a reader may hand it: text, or a number cell as calamine reads one (a float of
#: any size, nan and inf too; an i64).
_HOSTILE_CELL = st.one_of(
    _HOSTILE_TEXT,
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(2**63), 2**63 - 1),
)
#: Each reader of `cells` a sheet's cell goes through, taking any cell.
_READERS: dict[str, Callable[[object], object]] = {
    "date": lambda cell: cells.date(cell, "务工开始日期"),
    "number": lambda cell: cells.number(cell, "月收入"),
    "months": lambda cell: cells.months(cell, "劳动合同期限"),
    "days": lambda cell: cells.days(cell, "培训天数"),
    "year": lambda cell: cells.year(cell, "脱贫年度"),
    "yes_no": lambda cell: cells.yes_no(cell, "是否参保"),
    "month_alone": cells.month_alone,
    "text": cells.text,
}


def _storable(value: object) -> None:
    """`value` (and what it holds) is what SQLite keeps: no int past 64 bits, no nan or inf."""
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, int):
        assert -(2**63) <= value < 2**63, value
    elif isinstance(value, float):
        assert math.isfinite(value), value
    elif isinstance(value, dict):
        for item in value.values():
            _storable(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _storable(item)


@pytest.mark.parametrize("reader", sorted(_READERS))
@settings(max_examples=300, deadline=None)
@given(cell=_HOSTILE_CELL)
@example(cell="0/3000000000/0")
@example(cell=f"2026-3-{'9' * 30}")
@example(cell="9" * 99)
@example(cell="9" * 400 + "年半")
@example(cell=1e300)
@example(cell="999999年")
def test_a_hostile_cell_is_read_or_refused_by_each_reader(reader, cell):
    # Each reader gives a value SQLite keeps or CellError (its cell named in the report):
    # never OverflowError (int(inf), round(inf), a date of a 30-digit year) or another error
    # that ends the whole import.
    try:
        value = _READERS[reader](cell)
    except cells.CellError:
        return
    _storable(value)
    if reader == "number" and value is not None:
        assert 0 <= value <= cells.MOST_AMOUNT, value
    if reader == "months" and value is not None:
        assert 0 <= value <= cells.MOST_MONTHS, value


#: A row of the ledger sheet each hostile cell is put in, and an extra sheet's row of each kind.
_PERSON = {"name": "李秀", "id_number": WIFE, "head_id_number": HEAD, "relation": "配偶"}
_WORKING = {"work_status": "已就业", "employer": "鞋厂", "start_date": "2026-03-05"}


@settings(max_examples=400, deadline=None)
@given(key=st.sampled_from(sorted(set(BY_KEY) - {"name"})), cell=_HOSTILE_TEXT)
def test_a_hostile_cell_in_any_column_of_the_ledger_sheet_is_read_or_refused(key, cell):
    texts = {**_PERSON, **_WORKING, key: cell}
    try:
        parsed = parse_row(2, texts, {}, dt.date(2026, 6, 1), words={})
    except cells.CellError:
        return
    _storable([parsed.person, parsed.spell, parsed.household, parsed.categories])


@settings(max_examples=400, deadline=None)
@given(sheet=st.sampled_from(sorted(EXTRA_SHEETS)), column=st.integers(0, 40), cell=_HOSTILE_TEXT)
def test_a_hostile_cell_in_any_column_of_an_extra_sheet_is_read_or_refused(sheet, column, cell):
    keys = [c.key for c in EXTRA_SHEETS[sheet] if c.key not in ("name", "id_number")]
    texts = {"name": "李秀", "id_number": WIFE, keys[column % len(keys)]: cell}
    try:
        parsed = parse_extra(sheet, sheet, 2, texts, {}, "2026-06-01", words={})
    except cells.CellError:
        return
    _storable(parsed.values)


@pytest.mark.parametrize(
    ("cell", "shown"),
    [(1e300, "1e+300"), (LONG, LONG), ("2,000,000元", "2,000,000元"), ("101万", "101万")],
)
def test_an_income_past_a_million_yuan_is_a_cell_refused(ledger, tmp_path, cell, shown):
    # 1e300 元 (a number cell) or 99 digits of text was kept as a worker's monthly income and
    # summed into every total after it. Past cells.MOST_AMOUNT (what the job editor's box takes)
    # the cell is left out, named; the job comes in, and a million itself is kept.
    path = _two_workers(tmp_path, [cell, "12"], [1_000_000, "12"])
    report = import_ledger(ledger, path)
    assert report.rejected == []
    assert _jobs(ledger) == [
        ("砖厂", "2026-03-05", None, 12),
        ("鞋厂", "2026-03-05", 1_000_000.0, 12),
    ]
    said = [w.reason for w in report.warnings if w.row == 2]
    assert any(
        r.startswith(f"月收入“{shown}”超过 100 万元，不会是一个月的收入：这一格没有导入")
        for r in said
    ), said


@pytest.mark.parametrize(
    ("cell", "kept"),
    [(1_000_000.0, 1_000_000.0), ("100万", 1_000_000.0), ("¥999,999.99", 999_999.99)],
)
def test_an_income_up_to_a_million_yuan_is_kept(cell, kept):
    assert cells.number(cell, "月收入") == kept


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        (1e300, "1e+300"),
        (1_000_000.01, "1000000.01"),
        (2**62, str(2**62)),
        ("100.01万", "100.01万"),
    ],
)
def test_an_amount_past_a_million_is_refused_as_too_much(cell, shown):
    with pytest.raises(cells.CellError) as refused:
        cells.number(cell, "月收入")
    assert str(refused.value) == f"月收入“{shown}”超过 100 万元，不会是一个月的收入"
