"""Bank and social-security card accounts as coordinators type them (the account a subsidy is
paid into): digits only, copied from a card with spaces or from a phone in full-width digits.

Cards and passbooks in use carry 16–19 digits, some older passbooks fewer or more; a dozen digits
or fewer, or a letter, is a slip that would send the money nowhere. Like a phone, an account is
checked when typed or changed; accounts already in a ledger are left as they are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from fieldapp.domain.sentences import Sentence, said, template

#: Fewest and most digits an account may have.
SHORTEST, LONGEST = 12, 25


#: What an account drops: any space (`str.isspace`'s, which the pattern's \s is) and hyphens.
_SPACE_OR_HYPHEN = re.compile(r"[\s-]+")


def normalise(text: str) -> str:
    """Full-width digits to ASCII, 〇 as 0; spaces and hyphens dropped."""
    if text.isdigit() and text.isascii():  # as an account typed or kept as text nearly is
        return text
    plain = unicodedata.normalize("NFKC", text).replace("〇", "0")  # 〇: the input method's "ling"
    return _SPACE_OR_HYPHEN.sub("", plain)


def entered(text: str, kept: str | None) -> str:
    """An account as saved: `kept` (the ledger's, None for a new person) as it is when `text`
    is it, spaces around aside — an account already in the ledger is left as it is — else
    `normalise`d (one typed or changed now). The editor, the import and the service keep it so."""
    if kept is not None and text.strip() == kept.strip():
        return kept
    return normalise(text)


def changed(text: str, kept: str | None) -> bool:
    """Whether `text` is an account typed or changed now, to be checked (`account_said`): kept
    (`entered`) other than `kept` — for a new person (None), any but a blank one. The editor and
    the service decide it so."""
    return entered(text, kept) != (kept or "")


#: An account with other than digits (%1 as typed).
NOT_DIGITS = template("账号“%1”只能有数字（空格和短横线会自动去掉）")
#: An account of too few or too many digits (%1 as typed, %2 its digits).
LENGTH = template("账号“%1”是 %2 位，位数不对，请核对（银行卡、社保卡账号一般 16–19 位）")
#: An account whose digits after the 15th are all 0 (%1 as typed): Excel's rounding.
EXCEL_ZEROS = template(
    "账号“%1”第 15 位以后全是 0：多半是从 Excel 里复制的、已被 Excel 丢掉后几位的号码"
    "（Excel 只保留 15 位数字）；请对照银行卡或存折输入"
)


def account_said(text: str) -> Sentence | None:
    """What is wrong with an account number, as its sentence (said in the language shown);
    None when it can be a real account."""
    number = normalise(text)
    if not number:
        return None
    if not number.isascii() or not number.isdigit():
        return said(NOT_DIGITS, text.strip())
    if not SHORTEST <= len(number) <= LONGEST:
        return said(LENGTH, text.strip(), str(len(number)))
    if excel_rounded(number):
        return said(EXCEL_ZEROS, text.strip())
    return None


#: Digits Excel keeps of a number: a longer one typed into a number cell ends in zeros.
EXCEL_DIGITS = 15


def _luhn(number: str) -> bool:
    """The check every bank card number (UnionPay's 62… among them) passes: python-stdnum's."""
    # Imported here: python-stdnum's package imports ssl and pydoc (not needed at start-up).
    from stdnum import luhn

    return bool(luhn.is_valid(number))


def card_number(first: str) -> str:
    """`first` followed by the digit that makes it a card number passing the Luhn check."""
    from stdnum import luhn

    return first + str(luhn.calc_check_digit(first))


def excel_rounded(number: str) -> bool:
    """True for an account of plain digits that reads as Excel leaves one it stored as a number
    (6217002870012345678 → 6217002870012340000: every digit past the 15th a zero), whose card
    check fails as a rounded card's does: 16 digits of a UnionPay card (62…), or 17 and more of
    any account (a real one ends in that many zeros once in a hundred times or less)."""
    if len(number) <= EXCEL_DIGITS or not number.isdigit():
        return False
    if number[EXCEL_DIGITS:].strip("0") or _luhn(number):
        return False
    return len(number) > EXCEL_DIGITS + 1 or number.startswith("62")


def kept_account(person: Mapping[str, Any] | None) -> dict[str, str]:
    """The claim fields that keep `person`'s bank and account as they are now (the approving
    step writes them: the roster pays to them, not to an account the person's row gets later)."""
    person = person or {}
    return {
        "approved_bank": str(person.get("account_bank") or ""),
        "approved_account": str(person.get("account_number") or ""),
    }


def same_account(kept: Mapping[str, Any], person: Mapping[str, Any] | None) -> bool:
    """True when a claim's kept bank and account (`kept_account`'s fields) are `person`'s now,
    spaces and full-width digits aside."""
    now = kept_account(person)
    return all(normalise(str(kept.get(field) or "")) == normalise(now[field]) for field in now)


def brief(account: str) -> str:
    """'6221…1234': an account's first and last four digits, to name it in a note."""
    number = normalise(account)
    return f"{number[:4]}…{number[-4:]}" if len(number) > 8 else number
