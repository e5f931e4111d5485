"""An amount of money as the program says it in a sentence or a field: 500, 1000.5, 12345.67.

Python's ``:g`` keeps six significant digits: 12345.67 元 would read 12345.7 and a 创业担保贷款
of 3,000,000 元 1e+06. Every room writes an amount through `yuan` instead: a whole number
without decimals, else rounded (half up) to the fen with no trailing zeros, never an exponent.
Paper that prints the two decimals of a bill (500.00) uses `fieldapp.paperwork.numerals`.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

_FEN = Decimal("0.01")


def yuan(value: float | int | Decimal, *, grouped: bool = False) -> str:
    """'500', '1000.5', '12345.67', '3000000' ('3,000,000' `grouped`, as a list's column shows
    it); an amount that is not a finite number (a typed 'inf' a refusal repeats) is said as
    Python writes it."""
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value:g}"
    try:
        fen = Decimal(str(value)).quantize(_FEN, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return str(value)
    if fen == 0:
        return "0"  # never '-0'
    text = format(fen, ",f" if grouped else "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


__all__ = ["yuan"]
