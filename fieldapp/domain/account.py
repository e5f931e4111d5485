"""Bank and social-security card accounts as coordinators type them (the account a subsidy is
paid into): digits only, copied from a card with spaces or from a phone in full-width digits.

Cards and passbooks in use carry 16–19 digits, some older passbooks fewer or more; a dozen digits
or fewer, or a letter, is a slip that would send the money nowhere. Like a phone, an account is
checked when typed or changed; accounts already in a ledger are left as they are.
"""

from __future__ import annotations

import unicodedata

#: Fewest and most digits an account may have.
SHORTEST, LONGEST = 12, 25


def normalise(text: str) -> str:
    """Full-width digits to ASCII; spaces and hyphens dropped."""
    plain = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in plain if not ch.isspace() and ch != "-")


def account_problem(text: str) -> str | None:
    """What is wrong with an account number, in Chinese; None when it can be a real account."""
    number = normalise(text)
    if not number:
        return None
    if not number.isascii() or not number.isdigit():
        return f"账号“{text.strip()}”只能有数字（空格和短横线会自动去掉）"
    if not SHORTEST <= len(number) <= LONGEST:
        return (
            f"账号“{text.strip()}”是 {len(number)} 位，位数不对，请核对"
            f"（银行卡、社保卡账号一般 16–19 位）"
        )
    return None
