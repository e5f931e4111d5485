"""Telephone numbers as coordinators type them: a mobile (11 digits from 1) or a fixed line.

A number one digit short is the common slip (a 10-digit "mobile" reaches nobody), so a phone is
checked when typed or changed; numbers already in a ledger are left as they are.
"""

from __future__ import annotations

import re
import unicodedata

from fieldapp.domain.sentences import Sentence, said, template


def _digits(text: str) -> str:
    """`text` with full-width digits as ASCII (NFKC) and 〇 (the input method's "ling") as 0:
    the one reading of a phone's digits, by which it is both kept (`typed`) and checked
    (`normalise`, `phone_said`)."""
    return unicodedata.normalize("NFKC", text).replace("〇", "0")


#: What separates several numbers in one field (138…、0857-…): kept as '、'.
_SEPARATORS = re.compile(r"[、,，;；/]")
#: What a number drops: spaces, hyphens, an area code's brackets (NFKC made （） ASCII).
_SPACING = re.compile(r"[\s\-()]")


def normalise(text: str) -> str:
    """Full-width digits to ASCII and 〇 as 0; spaces (a tab too), hyphens and brackets
    dropped: a number as `typed` keeps it."""
    return _SPACING.sub("", _digits(text))


def typed(text: str) -> str:
    """A phone field as kept: full-width digits as ASCII and 〇 as 0, spaces, hyphens and an
    area code's brackets dropped, several numbers joined by '、'; a field of only those
    (blank, spaces, a hyphen) is empty. The editor, the import and the service keep it so."""
    parts = (_SPACING.sub("", part) for part in _SEPARATORS.split(_digits(text)))
    return "、".join(part for part in parts if part)


def entered(text: str, kept: str | None) -> str:
    """A phone as saved: `kept` (the ledger's, None for a new person) as it is when `text`
    is it, spaces around aside — a number already in the ledger is left as it is — else as
    `typed` gives it (one typed or changed now)."""
    if kept is not None and text.strip() == kept.strip():
        return kept
    return typed(text)


def changed(text: str, kept: str | None) -> bool:
    """Whether `text` is a phone field typed or changed now, to be checked (`phones_said`): kept
    (`entered`) other than `kept` — for a new person (None), any but a blank one (spaces, a
    hyphen). The editor and the service decide it so."""
    return entered(text, kept) != (kept or "")


#: What is wrong with a phone number (%1: the number as typed; %2 its digits' count).
NOT_DIGITS = template("电话号码“%1”只能有数字（可带区号和短横线）")
MOBILE_LENGTH = template("手机号码应为 11 位，“%1”是 %2 位，请核对")
LANDLINE_LENGTH = template("固定电话应为区号加 7–8 位号码，“%1”的位数不对，请核对")
LENGTH = template("电话号码“%1”位数不对：手机 11 位，固定电话为区号加 7–8 位")


def phone_said(text: str) -> Sentence | None:
    """What is wrong with a phone number, as a sentence (a window says it in its language);
    None when it can be a real number.

    Mobile: 11 digits starting with 1. Fixed line: an area code from 0 (3–4 digits) and a
    7–8 digit number, or the 7–8 digit number alone.
    """
    number = normalise(text)
    if not number:
        return None
    if not (number.isascii() and number.isdigit()):  # ١٣٨… is digits to str.isdigit
        return said(NOT_DIGITS, text.strip())
    if number.startswith("1"):
        if len(number) != 11:
            return said(MOBILE_LENGTH, text.strip(), str(len(number)))
        return None
    if number.startswith("0"):
        if not 10 <= len(number) <= 12:
            return said(LANDLINE_LENGTH, text.strip())
        return None
    if len(number) in (7, 8):
        return None
    return said(LENGTH, text.strip())


def numbers(text: str) -> list[str]:
    """The numbers of a phone field, split where `typed` joins them by '、' (138…、0857-…):
    one number as typed, several each as typed (full-width digits as ASCII); blank ones
    (a separator doubled, spaces) none."""
    raw = unicodedata.normalize("NFKC", text)
    if not _SEPARATORS.search(raw):
        return [text.strip()] if text.strip() else []
    return [part.strip() for part in _SEPARATORS.split(raw) if _SPACING.sub("", part)]


def phones_said(text: str) -> list[Sentence]:
    """What is wrong with each number of a phone field (`numbers`, `phone_said`): the one
    rule of the editor, the service and the import; none when every number can be real."""
    return [wrong for number in numbers(text) if (wrong := phone_said(number)) is not None]
