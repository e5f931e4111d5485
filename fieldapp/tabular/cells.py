"""Turning spreadsheet cells (text, floats, dates from calamine or csv) into ledger values.

Each parser returns the value or raises `CellError` with a Chinese reason naming the column.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from functools import lru_cache

from fieldapp.domain import phone as phones
from fieldapp.domain.bounds import MOST_AMOUNT, MOST_DAYS, MOST_MONTHS
from fieldapp.domain.dates import parse_date
from fieldapp.domain.dates import today as china_today
from fieldapp.domain.errors import Said
from fieldapp.domain.month import Month
from fieldapp.domain.sentences import Part, Sentence, Word, listed, said, template

#: Excel's day 0 in the 1900 date system (with its 1900-02-29 bug already absorbed).
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_YEAR_MONTH = re.compile(r"^(\d{4})[-/.年](\d{1,2})月?$")
_CN_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$")
#: A month as systems write 统计年月: 202610.
_COMPACT_MONTH = re.compile(r"^(\d{4})(0[1-9]|1[0-2])$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
#: What an amount may be written with besides its digits: thousands separators, spaces, a
#: currency sign (¥3,500.00).
_AMOUNT_MARKS = re.compile(r"[,，\s¥]")


#: A month without its year: 3月, 03月, 三月, 十一月 (after NFKC: ３月 too).
_MONTH_ALONE = re.compile(r"^(\d{1,2}|[一二三四五六七八九十]|十[一二])\s*月(份)?$")
_CHINESE_MONTHS = {w: i for i, w in enumerate("一二三四五六七八九十", 1)} | {"十一": 11, "十二": 12}


def month_alone(value: object) -> int | None:
    """The month a cell names without its year (3月, 三月, 十一月份), else None."""
    if type(value) is not str:
        return None
    match = _MONTH_ALONE.match(nfkc(value).strip())
    if not match:
        return None
    word = match.group(1)
    month = int(word) if word.isdigit() else _CHINESE_MONTHS[word]
    return month if 1 <= month <= 12 else None


def from_excel_day(number: float) -> dt.date:
    """The date of an Excel day number (1900 date system, its phantom 1900-02-29 skipped)."""
    days = int(number)
    return _EXCEL_EPOCH + dt.timedelta(days=days if days >= 61 else days + 1)


class CellError(Said, ValueError):
    """A cell that cannot be read; str() is the Chinese reason, `said` the same as a template
    and its parts where it was made so (a window says it in its language), else None; `reason`
    whichever it has (`Said`)."""

    def __init__(self, reason: str | Sentence) -> None:
        super().__init__(reason)


class UnknownStatus(CellError):
    """A 就业状态 word no list knows (在家, √, 外出 …): its meaning is the user's to say, once
    for the import (`StatusWords`); the report lists each such word with its cells."""

    def __init__(self, reason: str | Sentence, word: str, column: str) -> None:
        super().__init__(reason)
        self.word = word
        self.column = column


#: A drop-down cell's word no list reads: the column's heading, the word, the words it takes.
UNREADABLE = template("%1“%2”无法识别，应为：%3")


def unreadable(column: str, typed: str, allowed: Iterable[str]) -> Sentence:
    """The sentence for a drop-down cell of `column` holding `typed`, which none of `allowed`
    (the column's words, said in the language shown) reads as."""
    return said(UNREADABLE, Word(column), typed, words_listed(tuple(allowed)))


@lru_cache(maxsize=64)
def words_listed(allowed: tuple[str, ...]) -> Part:
    """A column's words as one part, made once a list: a sheet may refuse the same word in
    thousands of cells, each row of the report keeping its sentence."""
    return listed([Word(word) for word in allowed])


#: What the 就业状态 words of one import that no list knows mean (在家 → 未就业), as the
#: user and the county said them (`ledger_import.import_ledger`: each word as matched, NFKC and
#: trimmed, never one the built-in list reads otherwise). Handed by the import to each parser
#: of a status cell (`person_row.parse_row`, `extra_sheets.parse_extra`), never kept between
#: imports: the words said for one are not the next one's.
StatusWords = Mapping[str, str]


#: Invisible marks pasted with text copied from a chat, a web page or a phone's contacts
#: (zero-width spaces and joiners, direction marks such as U+202D…U+202C, a BOM, a soft
#: hyphen): they mean nothing in a ledger and make 18 digits read as 20.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def visible(raw: str) -> str:
    """Text without its invisible marks (`_INVISIBLE`), trimmed."""
    if raw.isprintable():  # as nearly every cell is: one fast check
        return raw.strip()
    return _INVISIBLE.sub("", raw).strip()


def text(value: object) -> str:
    """A cell as trimmed text, as typed (free text keeps its full-width brackets)."""
    if value is None:
        return ""
    if type(value) is str:
        return visible(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def norm(value: object) -> str:
    """A cell as text for matching and parsing: NFKC (full-width digits, brackets), trimmed."""
    return nfkc(text(value))


def nfkc(raw: str) -> str:
    """Text as matched: NFKC (full-width digits and brackets as ASCII), not trimmed."""
    return raw if raw.isascii() else unicodedata.normalize("NFKC", raw)


# A cell refused, each said of its column (its heading, `_named`) and, but for NEGATIVE, the
# cell's text as read.
#: … and the month typed, written with this year (2026-03).
NO_YEAR = template("%1“%2”没有写年份：请写成 %3 这样的格式")
NOT_A_DATE = template("%1“%2”不是有效日期（应为 2024-03-05 这样的格式）")
#: A number cell below Excel's day of 1920 that is no year (1900–2100 are read as years).
NUMBER_NOT_A_DATE = template("%1“%2”是一个数，不是日期（应为 2024-03-05 这样的格式）")
#: A day before 1900 or after 2100.
ODD_DATE = template("%1“%2”不合理")
#: … and the year (a number cell of a year alone).
YEAR_ONLY = template("%1“%2”只有年份，请填写到月份（如 %3-03）")
#: … and the year (a number cell 2026.1: typed 2026.1 or 2026.10?).
JANUARY_OR_OCTOBER = template(
    "%1“%2”被 Excel 存成了数字（输入的 %3.10 会变成 %3.1），看不出是 %3 年 1 月还是 10 月；"
    "请把该列设为文本，填写 %3-01 或 %3-10 这样的格式后重新导入"
)
NOT_A_NUMBER = template("%1“%2”不是数字")
#: … and the most an amount may be, in 万 as a clerk reads a large sum (`MOST_AMOUNT`: 100 万元,
#: not 1,000,000 元) — written into the template, so that a language counting in thousands
#: says the same sum its own way (1,000,000 yuan, not 100 × 10,000).
TOO_MUCH = template("%1“%2”超过 100 万元，不会是一个月的收入")
#: (the column only)
NEGATIVE = template("%1不能为负数")
NOT_MONTHS = template("%1“%2”应为月数（整数）")
#: … and the longest term in years (`MOST_MONTHS`: 100).
TERM_TOO_LONG = template("%1“%2”超过 %3 年，不会有这么长的期限")
NOT_DAYS = template("%1“%2”应为天数（整数）")
NOT_A_YEAR = template("%1“%2”应为四位年份")
NOT_YES_NO = template("%1“%2”应填“是”或“否”")
#: A 区划代码 cell that is not 6, 9 or 12 digits: its column's heading and the code as typed
#: (a person's 户籍地区划代码, an extra sheet's code column: `person_row`, `extra_sheets`).
CODE_DIGITS = template("%1“%2”应为 6、9 或 12 位数字")
#: A 区划代码 as the tables write one: 6 (a county), 9 (a township) or 12 (a village) ASCII
#: digits, compiled once (a sheet reads one per row).
_REGION_CODE = re.compile(r"[0-9]{6}(?:[0-9]{3}){0,2}")
#: Any run of white space (full-width and line breaks too): dropped from codes and headings
#: as typed (`region_code`, `columns.normalise_header`, `areas`), compiled once.
ANY_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def region_code(text: str, label: str) -> str:
    """A 区划代码 cell as its digits (full width read as half, spaces dropped), once per
    distinct cell: '' when blank, else `CellError` in `CODE_DIGITS`'s words unless it is 6, 9
    or 12 digits (only 0-9: `str.isdigit` let ² and other scripts' digits through). The one
    rule for a person's codes and an extra sheet's code column alike."""
    code = ANY_SPACE.sub("", nfkc(text))
    if code and not _REGION_CODE.fullmatch(code):
        raise CellError(said(CODE_DIGITS, _word(label), code))
    return code


def _named(label: str | Part) -> Part:
    """A column's heading as a sentence's part: one of the program's words (said in the
    language shown where it has them), or a phrase made of one (脱贫人口的认定日期)."""
    return _word(label) if isinstance(label, str) else label


@lru_cache(maxsize=256)
def _word(label: str) -> Word:
    """A heading's word, made once: a sheet may refuse thousands of cells of one column."""
    return Word(label)


def date(value: object, label: str | Part) -> dt.date | None:
    """A date from a date cell, an Excel serial number or text (2024-03-05, 2024年3月5日, 2024-03,
    202403); a month gives its first day."""
    if type(value) is str and _PLAIN_DAY.fullmatch(value):
        # As the export writes a date or a month kept as text (2016-12-31, 2026-05), and as
        # the longer way below reads it: some 40 000 such cells per 20 000 persons (a month's
        # status, a category's date). Not a day, or out of range: said by the longer way.
        try:
            plain = dt.date(int(value[:4]), int(value[5:7]), int(value[8:]) if value[7:] else 1)
        except ValueError:
            pass
        else:
            if _FIRST_DAY <= plain <= _LAST_DAY:
                return plain
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if _YEARS[0] <= value < _YEARS[1]:
            return _typed_month(value, label)
        if 0 < value < _FIRST_SERIAL:
            # Excel's days before 1920 (200: 1900-07-18; 2101, past the years: 1905-10-01),
            # which no date a ledger keeps falls on — a birth, a job, a claim — and no year
            # either: a number typed (an age, a count, a 组) where a date was asked for, said
            # as the number it is.
            raise CellError(said(NUMBER_NOT_A_DATE, _named(label), text(value)))
        if 1 <= value < 100000:
            return from_excel_day(value)
        value = text(value)
    raw = norm(value)
    if not raw:
        return None
    if len(raw) == 5 and raw.isdecimal() and _SERIALS[0] <= int(raw) < _SERIALS[1]:
        return from_excel_day(int(raw))  # a date cell a 文本 column now shows as its number
    alone = month_alone(raw)
    if alone is not None:
        raise CellError(said(NO_YEAR, _named(label), raw, f"{china_today().year}-{alone:02d}"))
    timed = _TIME_OF_DAY.match(raw)
    if timed:  # 2023-05-01 00:00:00, 2023/5/1 0:00: a csv of a cell formatted with the time
        raw = timed.group(1)
    if not raw.isdigit():  # 2026 年 10 月, 2026. 10, 2026.10.: as typed by hand
        raw = "".join(raw.split()).rstrip(".")
        # An input method's marks between the numbers (2026。3。5, 2026、3、5, 2026，3，5) and a
        # 号 or 日 after a day written with dots or dashes (2026.3.5号).
        raw = _IME_MARK.sub(".", raw)
        if _DAY_MARK.match(raw):
            raw = raw[:-1]
    match = _CN_DATE.match(raw)
    if match:
        raw = "-".join(match.groups())
    match = _YEAR_MONTH.match(raw) or _COMPACT_MONTH.match(raw)
    if match:
        raw = f"{match.group(1)}-{match.group(2)}-1"
    try:
        day = parse_date(raw)
    except ValueError:
        raise CellError(said(NOT_A_DATE, _named(label), raw)) from None
    if day is not None and not _FIRST_DAY <= day <= _LAST_DAY:
        raise CellError(said(ODD_DATE, _named(label), raw))
    return day


def month_only(value: object) -> bool:
    """Whether a cell `date` reads names a month and no day (2025年5月, 2025-05, 202505, the
    number 2025.05): `date` gives that month's first day."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return False
    if isinstance(value, (int, float)) and _YEARS[0] <= value < _YEARS[1]:
        return True
    raw = _IME_MARK.sub(".", "".join(norm(value).split()).rstrip("."))
    return bool(_YEAR_MONTH.match(raw) or _COMPACT_MONTH.match(raw))


def month_end(value: object, day: dt.date, today: dt.date) -> dt.date | None:
    """The day an end date's cell means when it names a month and no day (`month_only`, `day`
    being the first that `date` read): the job or course ended within that month, which has
    ended by its last day, today's for the month running. None for a day, and for a month
    still to come (refused as a day to come: its first is already after today)."""
    if day.day != 1 or day > today or not month_only(value):
        return None
    return min(Month.of(day).last_day, today)


#: A day or a month written as ISO writes it, in ASCII digits (2016-12-31, 2026-05).
_PLAIN_DAY = re.compile(r"[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?")
#: The days a date cell may hold.
_FIRST_DAY, _LAST_DAY = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
#: Excel's day numbers a 文本 column may show for a date typed before: 1990-01-01 to 2099-12-31
#: (20263, 2026 and 3 run together, is no day of 1955).
_SERIALS = (32874, 73051)
#: A mark an input method types between a date's numbers instead of a dot.
_IME_MARK = re.compile(r"(?<=\d)[。、，,](?=\d)")
#: A date of dots or dashes ending in 号 or 日 (2026.3.5号).
_DAY_MARK = re.compile(r"^\d{4}([-/.])\d{1,2}\1\d{1,2}[日号]$")

#: A date followed by a time of day (the day is what a date column keeps).
_TIME_OF_DAY = re.compile(r"^(\d{4}\D.*?[\d日号])[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")

#: Numbers that are no Excel day (those are 1905's days) but a year, or a year and month typed
#: as 2026.10 into a cell Excel then kept as the number 2026.1.
_YEARS = (1900, 2101)
#: Excel's day of 1920-01-01: a number cell below it (the years above read as years) is no
#: date a ledger keeps (`date`).
_FIRST_SERIAL = 7306


def _typed_month(value: float, label: str | Part) -> dt.date:
    """The month a number cell such as 2026.05 or 2026.12 means (its first day), or CellError:
    a year alone (2019) says no month, and 2026.1 may have been typed 2026.1 or 2026.10."""
    year = int(value)
    shown = text(value)
    tenths = round(value * 10)
    if abs(value * 10 - tenths) < 1e-6:
        month = tenths - year * 10  # one decimal: 2026.5, or 2026.1 (typed 2026.10?)
        if month == 0:
            raise CellError(said(YEAR_ONLY, _named(label), shown, str(year)))
        if month == 1:
            raise CellError(said(JANUARY_OR_OCTOBER, _named(label), shown, str(year)))
    else:
        hundredths = round(value * 100)
        month = hundredths - year * 100 if abs(value * 100 - hundredths) < 1e-6 else 0
    if not 1 <= month <= 12:
        raise CellError(said(NOT_A_DATE, _named(label), shown))
    return dt.date(year, month, 1)


#: The fen an amount is kept to, and the context that rounds it there: exact to 28 digits (an
#: amount of more digits has no fen a float could keep, `_fen`).
_FEN = Decimal("0.01")
_EXACT = Context(prec=28, traps=[InvalidOperation])


def _fen(amount: Decimal) -> float:
    """`amount` rounded half up to the fen as the program says every amount (2.675 → 2.68,
    0.125 → 0.13, `domain.money.yuan`), not half to even on a binary float (round(2.675, 2) is
    2.67); an amount of more digits than a float keeps as it is."""
    try:
        return float(amount.quantize(_FEN, rounding=ROUND_HALF_UP, context=_EXACT)) + 0.0
    except InvalidOperation:
        return float(amount)


#: The most an amount cell may say, in 元 (`domain.bounds.MOST_AMOUNT`, 100 万): as much as the
#: job editor's 月收入 box takes (`ui.dialogs.records`) and the job service lets be written
#: (`services.work`). Every amount a sheet gives is a month's income (月收入, 当月收入); 1e300 or
#: 99 digits of 9 are no income, and such a number went into the ledger, its reports and its
#: sums as it was.


def number(value: object, label: str | Part) -> float | None:
    """A non-negative amount from a number or text such as '3,500元', '¥3500', '3500元/月' or
    '0.5万', rounded half up to the fen as typed (a cell of 2.675 is 2.68). A cell that is no
    finite number is refused as not a number: calamine reads an xlsx's <v>NaN</v>, <v>inf</v>
    or <v>1E999</v> as the float nan or inf, and 400 digits of text round to inf. An amount
    past `MOST_AMOUNT` (1e300, 99 digits) is refused as too much, its cell named."""
    if type(value) is float and 0 <= value <= MOST_AMOUNT:
        if round(value, 2) == value:
            return value  # a number cell of whole fen, as most are
        return _fen(Decimal(repr(value)))  # the number as Excel shows it, not its binary value
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        amount = float(value)
    else:
        raw = _AMOUNT_MARKS.sub("", norm(value))
        for suffix in ("每月", "/月"):
            raw = raw.removesuffix(suffix)
        scale = 0
        if raw.endswith("元"):
            raw = raw[:-1]
        if raw.endswith("万"):  # 0.5万 (元)
            raw, scale = raw[:-1], 4
        if not raw:
            return None
        if not _NUMBER.match(raw):
            raise CellError(said(NOT_A_NUMBER, _named(label), text(value)))
        amount = _fen(Decimal(raw).scaleb(scale, context=_EXACT))
    if not math.isfinite(amount):  # nan, inf: no amount (nan < 0 is False, inf passed)
        raise CellError(said(NOT_A_NUMBER, _named(label), text(value)))
    if amount < 0:
        raise CellError(said(NEGATIVE, _named(label)))
    if amount > MOST_AMOUNT:
        raise CellError(said(TOO_MUCH, _named(label), text(value)))
    return amount


#: The longest term a months cell (劳动合同期限, 社保缴费月数) may give: 100 years
#: (`domain.bounds.MOST_MONTHS`). “999999年” — some twelve million months — went into the
#: ledger as a job's term and was summed and shown as it was.


def months(value: object, label: str | Part) -> int | None:
    """A whole number of months from 12, '12个月', '1年' or '2年'; None for a blank cell and for
    an open-ended contract's 无固定期限 (a term of no number of months, `open_ended`). A term
    past `MOST_MONTHS` (100 years) is refused, its cell named, as one that is no count is."""
    term = _months(value, label)
    if term is not None and term > MOST_MONTHS:
        raise CellError(said(TERM_TOO_LONG, _named(label), text(value), str(MOST_MONTHS // 12)))
    return term


def _months(value: object, label: str | Part) -> int | None:
    """`months` but for its longest term."""
    if type(value) is float and value.is_integer() and 0 <= value < 1e6:
        return int(value)  # a number cell, as most are
    raw = norm(value)
    if not raw or _OPEN_ENDED.match(raw):
        return None
    raw = _CHINESE_NUMBER.sub(lambda m: str(_chinese_number(m.group(0))), raw)
    if raw == "半年":
        return 6
    years = _TERM_YEARS.match(raw)
    if years and years.group(2):
        return round(float(years.group(1)) * 12) + 6
    if years:
        return round(float(years.group(1)) * 12)
    whole = _WHOLE_MONTHS.match(raw)
    if whole is None:  # 很久, 1.5, -3, nan, 1e+300, 400 digits (float() of them is inf)
        raise CellError(said(NOT_MONTHS, _named(label), text(value)))
    return int(whole.group(1))


#: A term in months as a sheet writes it: 12, 12.0, 12月 or 12个月; in years: 1年, 1.5年, 2年半.
#: At most six digits before the point, as `days`: 309 digits were float('inf') and int() or
#: round() of it an OverflowError that ended the whole import.
_WHOLE_MONTHS = re.compile(r"^(\d{1,6})(?:\.0+)?(?:个月|月)?$")
_TERM_YEARS = re.compile(r"^(\d{1,6}(?:\.\d+)?)年(半)?$")


#: A count of days as a sheet writes it: 5, 5.0 or 5天 (at most six digits, `MOST_DAYS`: no
#: training runs a million days, and a longer run of digits is no count SQLite could keep).
_WHOLE_DAYS = re.compile(r"^(\d{1,6})(?:\.0+)?天?$")


def days(value: object, label: str | Part) -> int | None:
    """A whole number of days from 5, '5' or '5天'; None for a blank cell. The policy counts
    whole days (a pack's training_days_min, `policy.eligibility.training_days_paid`, the
    window's day box): 2.6 days is refused with its cell named, not cut to 2 as it was."""
    if type(value) is float and value.is_integer() and 0 <= value <= MOST_DAYS:
        return int(value)  # a number cell, as most are
    raw = norm(value)
    if not raw:
        return None
    whole = _WHOLE_DAYS.match(raw)
    if whole is None:  # 2.6, 半天, -3, nan, inf, 1e+300
        raise CellError(said(NOT_DAYS, _named(label), text(value)))
    return int(whole.group(1))


#: How a sheet writes an open-ended labour contract's term (无固定期限劳动合同); 长期 as a
#: contract (期限：长期) or an ID card (有效期限 长期) says it: no end (`long_term`).
_OPEN_ENDED = re.compile(r"^(?:无固定期限?|无期限|不定期|长期)(?:劳动)?(?:合同)?$")
_LONG_TERM = re.compile(r"^长期(?:劳动)?(?:合同)?$")


def open_ended(value: str) -> bool:
    """Whether a contract's term cell says the contract is open-ended (无固定期限)."""
    return bool(_OPEN_ENDED.match(nfkc(value).strip()))


def long_term(value: str) -> bool:
    """Whether a contract's term cell says 长期 (read as open-ended: `open_ended`)."""
    return bool(_LONG_TERM.match(nfkc(value).strip()))


#: A number in Chinese numerals as a term is written (一, 两, 十二, 二十四, 三十六).
_CHINESE_NUMBER = re.compile(r"^[一二两三四五六七八九十]+(?=年|个?月)")
_DIGITS = {w: i for i, w in enumerate("一二三四五六七八九", 1)} | {"两": 2}


def _chinese_number(word: str) -> int:
    """一 → 1, 十二 → 12, 二十四 → 24 (up to 99); -1 for what is no number (一二)."""
    tens, ten, ones = word.partition("十")
    if not ten:
        return _DIGITS.get(word, -1)
    if (tens and tens not in _DIGITS) or (ones and ones not in _DIGITS):
        return -1
    return _DIGITS.get(tens, 1) * 10 + _DIGITS.get(ones, 0)


def year(value: object, label: str | Part) -> int | None:
    """A four-digit year (a date cell gives its year)."""
    if isinstance(value, dt.date):
        return value.year
    raw = norm(value).removesuffix("年")
    if not raw:
        return None
    if not re.match(r"^(19|20)\d\d$", raw):
        raise CellError(said(NOT_A_YEAR, _named(label), text(value)))
    return int(raw)


def yes_no(value: object, label: str | Part) -> bool | None:
    """是/否 and the usual variants (有/无, Y/N, √, 1/0)."""
    raw = norm(value).upper()
    if not raw:
        return None
    if raw in ("是", "有", "Y", "YES", "√", "1", "TRUE"):
        return True
    if raw in ("否", "无", "没有", "N", "NO", "×", "0", "FALSE"):
        return False
    raise CellError(said(NOT_YES_NO, _named(label), text(value)))


def phone(value: object) -> str:
    """A phone number as digits (spaces, hyphens and an area code's brackets dropped, 〇 read
    as 0; several kept with '、'): as the person editor and the service keep one typed
    (`domain.phone.typed`)."""
    return phones.typed(norm(value))
