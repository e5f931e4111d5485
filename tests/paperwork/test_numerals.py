"""Chinese capital numerals for money, against the rules for filling in bills."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.paperwork.numerals import DIGITS, capitals, figures, to_fen


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (0, "零元整"),
        (10, "壹拾元整"),
        (16, "壹拾陆元整"),
        (100, "壹佰元整"),
        (105, "壹佰零伍元整"),
        (500, "伍佰元整"),
        (1000, "壹仟元整"),
        (1005, "壹仟零伍元整"),
        (10005, "壹万零伍元整"),
        (100000, "壹拾万元整"),
        (100010, "壹拾万零壹拾元整"),
        (1000000.50, "壹佰万元伍角"),
        (1409.50, "壹仟肆佰零玖元伍角"),
        (6007.14, "陆仟零柒元壹角肆分"),
        (16409.02, "壹万陆仟肆佰零玖元零贰分"),
        (325.04, "叁佰贰拾伍元零肆分"),
        (0.5, "伍角"),
        (0.05, "伍分"),
        (100000001, "壹亿零壹元整"),
        (102000000, "壹亿零贰佰万元整"),
        ("40.00", "肆拾元整"),
        (-100, "负壹佰元整"),
    ],
)
def test_capitals(amount, expected):
    assert capitals(amount) == expected


def test_figures_round_half_up_to_cents():
    assert figures(500) == "500.00"
    assert figures(1000000.5) == "1000000.50"
    assert figures(0.125) == "0.13"
    assert figures(Decimal("12.345")) == "12.35"


def test_not_a_number_is_refused_in_chinese():
    with pytest.raises(ValueError, match="不是数字"):
        to_fen("五百")


_UNITS = {"拾": 10, "佰": 100, "仟": 1000}


def _parse(text: str) -> int:
    """Capitals back to fen (an independent reading, for the round trip)."""
    fen = 0
    if "元" in text:
        yuan_text, text = text.split("元", 1)
        fen += _parse_yuan(yuan_text) * 100
    text = text.removesuffix("整").lstrip("零")
    if "角" in text:
        jiao, text = text.split("角", 1)
        fen += DIGITS.index(jiao) * 10
    if "分" in text:
        fen += DIGITS.index(text.removesuffix("分").lstrip("零"))
    return fen


def _parse_yuan(text: str) -> int:
    total, section, digit = 0, 0, 0
    for char in text:
        if char in DIGITS:
            digit = DIGITS.index(char)
        elif char in _UNITS:
            section += digit * _UNITS[char]
            digit = 0
        elif char == "万":
            total += (section + digit) * 10_000
            section = digit = 0
        elif char == "亿":
            total = (total + section + digit) * 100_000_000
            section = digit = 0
    return total + section + digit


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_capitals_read_back_to_the_same_amount(fen):
    text = capitals(Decimal(fen) / 100)
    assert _parse(text) == fen
    assert "零零" not in text
    assert not text.startswith("零") or fen == 0
