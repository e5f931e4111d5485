"""An amount said in a sentence or a field: whole yuan without decimals, else to the fen
without trailing zeros, never an exponent (``:g`` said 12345.67 as 12345.7, 3000000 as 1e+06)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fieldapp.domain.money import yuan
from fieldapp.policy.pack import Amount, AmountKind, money_text


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (12345.67, "12345.67"),
        (3000000, "3000000"),
        (3000000.0, "3000000"),
        (0.5, "0.5"),
        (100.10, "100.1"),
        (Decimal("100.10"), "100.1"),
        (500, "500"),
        (1000.5, "1000.5"),
        (0, "0"),
        (-0.001, "0"),
        (2.675, "2.68"),  # half up at the fen, though the float is 2.67499…
        (1e20, "100000000000000000000"),
    ],
)
def test_amounts_are_said_whole_or_to_the_fen(value: float | int | Decimal, said: str) -> None:
    assert yuan(value) == said


def test_grouped_for_a_list_column() -> None:
    assert yuan(3000000, grouped=True) == "3,000,000"
    assert yuan(12345.67, grouped=True) == "12,345.67"
    assert yuan(1000.5, grouped=True) == "1,000.5"
    assert yuan(500, grouped=True) == "500"


def test_a_typed_non_number_is_repeated_not_hidden() -> None:
    assert yuan(float("inf")) == "inf"
    assert yuan(float("nan")) == "nan"


def test_a_rules_amount_reads_in_full() -> None:
    loan = Amount(kind=AmountKind.CAPPED, value=3000000, max=3000000)
    assert loan.describe() == "3000000 元（县定标准，最高 3000000 元）"
    assert Amount(kind=AmountKind.FIXED, value=12345.67).describe() == "12345.67 元"
    assert Amount(kind=AmountKind.PER_DAY, value=100.10).describe() == "每天 100.1 元"
    assert money_text(0.5) == "0.5 元"
    assert money_text(None) == "待县里核定标准"
    with pytest.raises(ValueError, match="金额 12345.67 元超过最高限额 10000 元"):
        Amount(kind=AmountKind.CAPPED, value=12345.67, max=10000)
