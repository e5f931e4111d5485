"""Money on paper: figures (500.00) and Chinese capital numerals (伍佰元整).

The capitals follow the rules for filling in bills and settlement vouchers (《支付结算办法》附件
《正确填写票据和结算凭证的基本规定》): 壹拾 is written in full; a run of zeros inside the number
is one 零; zeros at the end of the yuan (or of a 万/亿 group) are not written; 整 follows 元,
may be left out after 角, and never follows 分; a zero 角 before a non-zero 分 is written 零.
Where the rules allow a 零 or not (元 digit zero, 角 not), we leave it out: 壹佰万元伍角.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

DIGITS = "零壹贰叁肆伍陆柒捌玖"
_PLACES = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿", "万亿")
_CENT = Decimal("0.01")


def to_fen(amount: float | int | str | Decimal | None) -> int:
    """The amount in fen (1/100 元), rounded half up; refuses what is not a number, and an
    amount nobody has set (a county figure still 待县里核定标准 is never printed as a number)."""
    if amount is None:
        raise ValueError("金额待县里核定标准，不能打印金额")
    try:
        value = Decimal(str(amount)).quantize(_CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        raise ValueError(f"金额“{amount}”不是数字") from None
    if not value.is_finite():
        raise ValueError(f"金额“{amount}”不是有限数")
    return int(value * 100)


def from_fen(fen: int) -> Decimal:
    """An amount in fen back as exact yuan."""
    return Decimal(fen).scaleb(-2)


def figures(amount: float | int | str | Decimal) -> str:
    """The amount in figures with two decimals: 1000000.5 → '1000000.50'."""
    fen = to_fen(amount)
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{yuan}.{cents:02d}"


def _yuan_capitals(yuan: int) -> str:
    """Capitals of a whole number of yuan (without 元): 10005 → 壹万零伍."""
    if yuan == 0:
        return ""
    if yuan >= 10**16:
        raise ValueError("金额过大，无法写成大写")
    groups: list[int] = []
    while yuan:
        yuan, group = divmod(yuan, 10000)
        groups.append(group)
    out: list[str] = []
    zero_pending = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            zero_pending = bool(out)
            continue
        for place in range(3, -1, -1):
            digit = group // 10**place % 10
            if digit == 0:
                zero_pending = zero_pending or bool(out)
                continue
            if zero_pending:
                out.append("零")
                zero_pending = False
            out.append(DIGITS[digit] + _PLACES[place])
        out.append(_GROUPS[index])
        # A group's own trailing zeros are said by its unit (壹拾万): no 零 for them.
        zero_pending = False
    return "".join(out)


def capitals(amount: float | int | str | Decimal) -> str:
    """Chinese capital numerals for a money amount: 105 → 壹佰零伍元整, 0.5 → 伍角."""
    fen = to_fen(amount)
    if fen < 0:
        return "负" + capitals(Decimal(-fen) / 100)
    yuan, cents = divmod(fen, 100)
    jiao, fen_digit = divmod(cents, 10)
    text = _yuan_capitals(yuan)
    if yuan:
        text += "元"
    if cents == 0:
        return (text or "零元") + "整"
    if jiao:
        text += DIGITS[jiao] + "角"
    elif yuan:
        # 角 is zero but 分 is not: the 零 is required (壹元零伍分).
        text += "零"
    if fen_digit:
        text += DIGITS[fen_digit] + "分"
    return text
