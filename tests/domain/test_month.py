"""Month: the unit of the monthly work-status update."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.errors import ValidationFailed
from fieldapp.domain.month import Month


def test_text_days_and_arithmetic():
    month = Month("2024-02")
    assert month == "2024-02" and month.year == 2024 and month.month == 2
    assert month.first_day == dt.date(2024, 2, 1) and month.last_day == dt.date(2024, 2, 29)
    assert month.next() == "2024-03" and month.previous() == "2024-01"
    assert Month("2024-12").next() == "2025-01" and Month("2025-01").previous() == "2024-12"
    assert month.plus(-14) == "2022-12" and month.months_until(Month("2025-03")) == 13
    assert month.contains(dt.date(2024, 2, 29)) and not month.contains(dt.date(2024, 3, 1))
    assert Month.of(dt.date(2025, 7, 9)) == "2025-07" and month.label() == "2024年2月"


@pytest.mark.parametrize("text", ["2025-3", "2025-13", "2025-00", "25-03", "2025/03", ""])
def test_only_year_dash_month_is_a_month(text):
    with pytest.raises(ValidationFailed, match="月份"):
        Month(text)


@pytest.mark.parametrize(
    "text", ["2025-03", "2025-3", "2025/3", "2025年3月", "202503", " 2025.03 "]
)
def test_parse_accepts_what_people_write(text):
    assert Month.parse(text) == "2025-03"


def test_months_sort_as_text():
    assert sorted([Month("2025-10"), Month("2025-02"), Month("2024-12")]) == [
        "2024-12",
        "2025-02",
        "2025-10",
    ]
