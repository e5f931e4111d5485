"""Resident ID numbers (GB 11643-1999): normalise, validate, derive birth date and sex.

python-stdnum does the check character and date; its region check compares the code with the
birth year and rejects real IDs (codes stay as issued), so the region is looked up here without
year ranges and an unknown code is only a warning.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import NamedTuple

from fieldapp.domain.dates import today as china_today
from fieldapp.domain.errors import InvalidIdNumber
from fieldapp.domain.regions import region_name
from fieldapp.domain.sentences import Sentence, said, template

# Why a number is refused (`InvalidIdNumber`), each with the number as typed or normalised.
EXCEL_FLOAT = template(
    "身份证号码“%1”已被 Excel 存成数字（科学计数法），后几位已丢失，无法恢复；"
    "请把该列设为文本后重新录入"
)
EMPTY = template("身份证号码为空")
#: … and its length.
LENGTH = template("身份证号码“%1”长度为 %2 位，应为 18 位")
FORMAT = template("身份证号码“%1”含有非法字符：前 17 位须为数字，末位为数字或 X")
EXCEL_000 = template(
    "身份证号码“%1”后三位是 000，与校验位不符：多半是 Excel 把它存成数字时丢掉了"
    "后三位（Excel 只保留 15 位数字），无法恢复；请对照身份证重新录入，并把该列设为文本"
)
CHECK = template(
    "身份证号码“%1”校验位不符：多半是前面有一位输错或两位颠倒，"
    "请对照身份证逐位核对（不要只改最后一位）"
)
#: … and its birth-date digits.
NO_DATE = template("身份证号码“%1”出生日期部分“%2”不是有效日期")
#: … and the birth date (as 1890-01-01).
ODD_DATE = template("身份证号码“%1”出生日期 %2 不合理")


def _check_digit(number: str) -> str:
    """python-stdnum's check character for the first 17 digits of `number`, imported when
    first needed: the stdnum package imports ssl and pydoc, a tenth of the desktop app's
    start on a busy machine."""
    from stdnum.cn import ric

    return str(ric.calc_check_digit(number))


_SEPARATORS = re.compile(r"[\s\-_‐‑–—]+")
_LAST = frozenset("0123456789X")
_EXCEL_FLOAT = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")
#: Last year when the module was loaded: earlier birth years are surely not in the future.
_RECENT_YEAR = dt.date.today().year - 1


class IdInfo(NamedTuple):
    """A valid ID number with what it tells: birth date, sex, issuing region.

    A named tuple rather than a frozen dataclass: a 100 000-row import makes one per row, and
    a tuple is made in a third of the time.
    """

    number: str
    birth_date: dt.date
    sex: str
    region_code: str
    region: str | None
    warnings: tuple[str | Sentence, ...] = ()  # (an import's own notes kept as sentences)


#: A valid number whose first six digits name no county known (one gone since it was issued).
REGION_UNKNOWN = template("行政区划代码 %1 未知或已撤销，请核对（身份证号保持签发时的代码）")


def warnings_said(info: IdInfo) -> tuple[Sentence, ...]:
    """The warnings `info` holds as sentences (`validate`'s: the region's), to be said in the
    language shown."""
    return tuple(w for w in info.warnings if isinstance(w, Sentence))


def _region_warnings(region: str | None, code: str) -> tuple[Sentence, ...]:
    """The warning of a number whose region `code` names no county known (`region` None)."""
    return () if region else (said(REGION_UNKNOWN, code),)


def normalise(raw: str) -> str:
    """NFKC (full-width digits), 〇 as 0, drop spaces and hyphens, upper-case the X."""
    # 〇: what the input method gives for "ling"
    text = unicodedata.normalize("NFKC", str(raw)).replace("〇", "0")
    return _SEPARATORS.sub("", text).upper()


def looks_like_excel_number(raw: str) -> bool:
    """True for cells Excel already turned into a float (5.2e+17): digits are lost."""
    return bool(_EXCEL_FLOAT.match(str(raw).strip()))


def validate(raw: str) -> IdInfo:
    """Return the ID's facts or raise InvalidIdNumber naming the broken part."""
    if (
        type(raw) is str
        and len(raw) == 18
        and raw.isascii()
        and raw[:17].isdigit()
        and raw[17] in _LAST
    ):
        return _checked(raw)  # already clean, as nearly every cell of a spreadsheet is
    if looks_like_excel_number(raw):
        raise InvalidIdNumber("excel", said(EXCEL_FLOAT, str(raw)))
    number = normalise(raw)
    if not number:
        raise InvalidIdNumber("empty", said(EMPTY))
    if len(number) != 18:
        raise InvalidIdNumber("length", said(LENGTH, number, str(len(number))))
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise InvalidIdNumber("format", said(FORMAT, number))
    return _checked(number)


#: No person holds the number typed (%1, as the ledger would hold it) …
NOT_HELD = template("台账中没有身份证号为 %1 的人员")
#: … and the number itself is wrong (%2: what is wrong with it, `validate`'s sentence).
NOT_HELD_WRONG = template("台账中没有身份证号为 %1 的人员。这个号码本身有误：%2")


def not_in_ledger(raw: str) -> Sentence:
    """What to say when no person holds the number a user typed: and, when the number itself
    is wrong (a digit mistyped, too short), what is wrong with it, so the typo is looked for
    rather than the person (a sentence: the window says it in its language)."""
    number = normalise(raw) or raw
    try:
        validate(raw)
    except InvalidIdNumber as error:
        return said(NOT_HELD_WRONG, number, error.reason)
    return said(NOT_HELD, number)


def upgrade_15(raw: str) -> str | None:
    """The 18-digit form of a first-generation 15-digit number (born 19xx), else None.

    GB 11643-1999 turned the 15-digit numbers of 1984–1999 into today's by putting 19 before
    the two-digit birth year and appending the check character.
    """
    number = normalise(raw)
    if len(number) != 15 or not number.isdigit():
        return None
    first17 = number[:6] + "19" + number[6:]
    return first17 + make_check_char(first17)


def _checked(number: str) -> IdInfo:
    """`validate` of a normalised 18-character number of digits and a final digit or X."""
    birth = _birth_date(number)
    expected = _check_digit(number)
    if number[17] != expected and number.endswith("000"):
        # A number cell keeps 15 digits: 520502197805201429 reads 520502197805201000 once the
        # cell is shown as a number and saved as csv, or pasted as values into a text column.
        raise InvalidIdNumber("excel", said(EXCEL_000, number))
    if number[17] != expected:
        # Not "the last digit should be …": the typo is usually among the first 17 (one wrong
        # digit, two swapped), and "fixing" the last one would hide it behind a valid number.
        raise InvalidIdNumber("check", said(CHECK, number))
    region = region_name(number[:6])
    warnings = _region_warnings(region, number[:6])
    sex = "男" if int(number[16]) % 2 == 1 else "女"
    return IdInfo(number, birth, sex, number[:6], region, warnings)


def _birth_date(number: str) -> dt.date:
    """The birth date in digits 7–14, refused when impossible or in the future."""
    try:
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise InvalidIdNumber("date", said(NO_DATE, number, number[6:14])) from None
    # Any birth year before last year is in the past; only recent ones need today's date.
    if born.year < 1900 or (born.year >= _RECENT_YEAR and born > china_today()):
        raise InvalidIdNumber("date", said(ODD_DATE, number, born.isoformat()))
    return born


def birth_and_sex(number: str) -> tuple[dt.date, str] | None:
    """Birth date and sex of an already-normalised, valid number; None if it is not one.

    The store derives these columns on every write, so this skips normalising and the
    region lookup that `validate` does for typed input.
    """
    if len(number) != 18 or not number[:17].isdigit():
        return None
    if number[17] != _check_digit(number):
        return None
    try:
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None
    return born, ("男" if int(number[16]) % 2 else "女")


def is_valid(raw: str) -> bool:
    """True when validate() would accept the number (warnings allowed)."""
    try:
        validate(raw)
    except InvalidIdNumber:
        return False
    return True


def make_check_char(first17: str) -> str:
    """The check character for 17 digits (used by demo data and tests)."""
    return _check_digit(first17 + "0")


def region_of(number: str) -> str:
    """The 6-digit region code an ID number was issued under (kept when counties change)."""
    return number[:6]


def mask(number: str) -> str:
    """Masked for public notices: first 6 and last 4 digits kept."""
    return number[:6] + "*" * (len(number) - 10) + number[-4:] if len(number) > 10 else number
