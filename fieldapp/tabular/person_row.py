"""One row of a 台账 sheet, checked on its own: the first pass of an import.

Every cell of a row is read and validated without touching the ledger: the ID numbers (a
15-digit one upgraded, one Excel turned into a number refused), the drop-down columns with the
villages' own words (全劳力, 妻, √ …, reported as mapped), dates, amounts, the categories
(`categories`), the current job, and the cells Excel destroys or that are too long. The result
is a `ParsedRow`, or a `CellError` whose text is the row's Chinese reason.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, TypeVar

from fieldapp.domain import account as accounts
from fieldapp.domain import idnumber, sentences
from fieldapp.domain.controls import CONTROL
from fieldapp.domain.dates import today as china_today
from fieldapp.domain.dates import written_text
from fieldapp.domain.enums import (
    EmployerKind,
    EmploymentForm,
    Health,
    LabourAbility,
    Relation,
    WorkStatus,
    parse_labour_ability,
)
from fieldapp.domain.errors import InvalidIdNumber
from fieldapp.domain.phone import phones_said
from fieldapp.domain.status_words import BUILT_IN_STATUS_WORDS
from fieldapp.reference import divisions
from fieldapp.store.queries.sheets import CUT_MARK, EXCEL_CELL_CHARS, FREE_TEXT
from fieldapp.tabular import categories, cells
from fieldapp.tabular.areas import PlaceRef, place_typed
from fieldapp.tabular.cells import CellError, StatusWords, nfkc
from fieldapp.tabular.columns import (
    BY_KEY,
    DISABILITY,
    HEALTH_ALIASES,
    LABOUR_ALIASES,
    NO,
    RELATION_ALIASES,
    RELATION_BY_ORDER,
    SEX_ALIASES,
    YES,
)


@dataclass(slots=True)
class ParsedRow:
    """One valid row, ready to be placed in a household and written."""

    row: int
    person: dict[str, Any]
    head_number: str
    categories: list[tuple[str, str | None, str | None]]
    spell: dict[str, Any] | None
    status: str | None
    place: PlaceRef
    household: dict[str, Any]
    warnings: list[
        str | sentences.Sentence
    ]  # (a sentence where made so: said in the window's language)
    hukou_given: bool
    given: frozenset[str] = frozenset()  # the columns this row filled in
    mapped: list[tuple[str, str, str]] = field(default_factory=list)  # (column, from, to)
    month_status: str | None = None  # the monthly-status column's value, if filled
    sheet: str = ""  # the worksheet the row is on (set by the importer)
    #: The 村民组 the sheet's name gives (set by the importer), the row naming none: where a
    #: new household is put — not a place its row names, to be held against the ledger's.
    sheet_group: str = ""
    #: A row naming another village than the rest of a sheet named for a group (set by the
    #: importer): said on the row, where its household is new, that it is not put in the
    #: sheet's group (`placing.Placer`).
    other_village: sentences.Sentence | None = None
    #: A household the ledger holds in the village itself, its row on a sheet putting it in
    #: the sheet's group (set by `placing.Placer`): (the group's code, the ledger's place and
    #: the group's in words) — moved there as an update, the preview showing it.
    group_move: tuple[str, str, str] | None = None


#: Ten or eleven digits from 2 to 9 are no phone: a landline with its area code (0857…) whose
#: 0 a spreadsheet dropped when it made the cell a number.
_ZERO_DROPPED = re.compile(r"(?<![0-9])([2-9][0-9]{9,10})(?![0-9])")


def _label(key: str) -> str:
    return BY_KEY[key].header


#: An ID number held as a number cell in a file other than an .xlsx (%1 the number as read,
#: as `idnumber.EXCEL_FLOAT` says it): an .xls's numbers are doubles, which cannot hold 18
#: digits whoever wrote them; an .ods's program (LibreOffice, WPS) rounded it. Not said as
#: Excel's rounding: the user is told what holds the number and how to keep it whole.
NUMBER_CELL_XLS = sentences.template(
    "身份证号码“%1”在表格里存成了数字：.xls 格式的表格里，数字最多只能存 15 位，"
    "18 位身份证号码的后几位已丢失，无法恢复；请把身份证号码这一列设为文本，"
    "对照身份证重新填写后再导入"
)
NUMBER_CELL_ODS = sentences.template(
    "身份证号码“%1”在表格里存成了数字，后几位已丢失，无法恢复；请在 LibreOffice 或 WPS 中"
    "把身份证号码这一列设为文本，对照身份证重新填写后再导入"
)
_NUMBER_CELL = {".xls": NUMBER_CELL_XLS, ".ods": NUMBER_CELL_ODS}


def _id_number(value: object, key: str, kind: str = "") -> idnumber.IdInfo:
    """`kind`: what the file is (.xlsx, .xls, .ods, .csv), said where a number cell lost
    the number's digits."""
    if type(value) is str and _FLOAT_TEXT.match(value.strip()):
        value = float(value)  # "520502197505160012.0": a number cell written out as text
    if type(value) is str:
        raw = value.strip()
    elif isinstance(value, float) and value.is_integer() and 1e14 <= value < 1e15:
        raw = str(int(value))  # an old 15-digit number: Excel keeps 15 digits exactly
    elif isinstance(value, float) and value >= 1e11:
        # digits lost: said as the domain says a number Excel made a float (5.20502e+17), or
        # as an .xls or an .ods loses them
        lost = _NUMBER_CELL.get(kind, idnumber.EXCEL_FLOAT)
        raise CellError(_of_cell(sentences.said(lost, f"{value:.6g}"), key))
    else:
        raw = cells.text(value)
    if not raw:
        raise CellError(_of_cell(sentences.said(idnumber.EMPTY), key))
    if len(raw) == 15:
        upgraded = idnumber.upgrade_15(raw)
        if upgraded is not None:
            info = _validate_cell(upgraded, key)
            note = sentences.said(UPGRADED_15, sentences.Word(_label(key)), raw, upgraded)
            return info._replace(warnings=(*info.warnings, note))
    return _validate_cell(raw, key)


def _validate_cell(raw: str, key: str) -> idnumber.IdInfo:
    try:
        return _validate(raw)
    except InvalidIdNumber as error:
        # The domain's sentence, kept as its template (a window says it in its language); the
        # domain's sentences start with 身份证号码: say when it is the head's number.
        reason = error.reason
        raise CellError(_of_cell(reason, key)) from None


def _of_cell(reason: str | sentences.Sentence, key: str) -> str | sentences.Sentence:
    """The domain's refusal of a number (身份证号码…), said of the head where it is the head's."""
    return sentences.said(HEAD_NUMBER, reason) if key == "head_id_number" else reason


#: An old 15-digit number read as its 18 digits (%1 the column, %2 as written, %3 as read).
UPGRADED_15 = sentences.template("%1 %2 是 15 位的旧号码，已按国家标准升级为 18 位 %3")
#: A household head's ID number refused: the domain's sentence (身份证号码…) said of the head.
HEAD_NUMBER = sentences.template("户主%1")


@lru_cache(maxsize=4096)
def _validate(raw: str) -> idnumber.IdInfo:
    """idnumber.validate, cached: a household's head number repeats on every member's row."""
    return idnumber.validate(raw)


#: What a drop-down cell's parser gives, and the value of a blank cell.
_Choice = TypeVar("_Choice")
_Blank = TypeVar("_Blank")


def _choice_text(
    text: str,
    key: str,
    parse: Callable[[str], _Choice],
    default: _Blank,
    mapped: list[tuple[str, str, str]] | None = None,
) -> _Choice | _Blank:
    """A drop-down cell (read as text) parsed by `parse`; `default` when blank. A colloquial
    word read as another (全劳力 → 普通劳动力) is added to `mapped` as (column, from, to)."""
    if not text:
        return default
    try:
        # `_parsed` is cached, so typed loosely: it gives what `parse` gave, and its word.
        parsed: tuple[_Choice, str | None] = _parsed(parse, text)
        value, word = parsed
        if mapped is not None and word is not None and word != text:
            mapped.append((_label(key), text, word))
        return value
    except (ValueError, KeyError):
        reason = cells.unreadable(_label(key), nfkc(text), BY_KEY[key].choices)
        if key in _STATUS_KEYS:
            raise cells.UnknownStatus(reason, nfkc(text), _label(key)) from None
        raise CellError(reason) from None


#: The columns of a 就业状态 word (`cells.UnknownStatus`).
_STATUS_KEYS = frozenset({"work_status", "month_status"})


@lru_cache(maxsize=1024)
def _parsed(parse: Callable[[str], Any], text: str) -> tuple[Any, str | None]:
    """A drop-down value parsed once per import run (the same few words fill every row), with
    its word (an enum member's `.value` is a Python-level property: asked on every cell it
    cost more than the cached parse)."""
    value = parse(nfkc(text))
    return value, None if value is None else value.value


# A row refused for its person's cells (`parse_row`).
NO_NAME = sentences.template("姓名为空")
#: … and the name's first ten characters.
LONG_NAME = sentences.template("姓名“%1…”过长")
NO_HEAD = sentences.template("户主身份证号码为空（户主本人可填自己的号码）")
#: … and the relation written (a word of the list).
HEAD_NOT_SAID = sentences.template("本人身份证号码与户主身份证号码相同，但与户主关系填的是“%1”")
NOT_THE_HEAD = sentences.template("与户主关系为“户主”，但户主身份证号码不是本人的号码")
#: … the sex written and the ID number's (男 or 女).
OTHER_SEX = sentences.template("性别填的是“%1”，但身份证号码表明是%2性，请核对")


#: What a relation may be written after: the household register's 之 (之孙女, 之父) and the
#: head himself (户主之子, 户主的女儿, 户主本人); the longest first.
_OF_THE_HEAD = ("户主之", "户主的", "户主", "之")


def _relation(text: str) -> Relation:
    known = _relation_word(text)
    if known is not None:
        return known
    for prefix in _OF_THE_HEAD:
        if text.startswith(prefix) and len(text) > len(prefix):
            known = _relation_word(text[len(prefix) :])
            if known is not None:
                return known
    return Relation(text)


#: A name with the person's place in the household after it, as some rosters write the 姓名
#: cell: 王五（户主）, 李秀(妻), 张一（之长子）.
_NAME_AND_ROLE = re.compile(r"(.+?)\s*[（(]\s*([^（）()]{1,8}?)\s*[)）]")


def name_and_relation(cell: str) -> tuple[str, str] | None:
    """A 姓名 cell written as a name and the person's place in the household in brackets
    (王五（户主）, 李秀(妻), 张一（之长子）): the name and the relation as written; None for a
    cell written otherwise (a bracket holding no relation: 制表人（签字）)."""
    if not cell.endswith((")", "）")):  # (most names: every row's, looked at once)
        return None
    match = _NAME_AND_ROLE.fullmatch(cell)
    if match is None:
        return None
    try:
        _relation(match.group(2))
    except ValueError:
        return None
    return match.group(1), match.group(2)


def _relation_word(text: str) -> Relation | None:
    """The relation a word names (the national word, an alias, 三子, 长孙), or None."""
    known = RELATION_ALIASES.get(text)
    if known is not None:
        return known
    by_order = RELATION_BY_ORDER.match(text)
    if by_order:
        return Relation.CHILD if by_order.group(1) else Relation.GRANDCHILD
    try:
        return Relation(text)
    except ValueError:
        return None


def _health(text: str) -> Health:
    known = HEALTH_ALIASES.get(text)
    if known is not None:
        return known
    return Health.DISABLED if DISABILITY.match(text) else Health(text)


def _labour(text: str) -> LabourAbility:
    return LABOUR_ALIASES.get(text) or parse_labour_ability(text)


def _work_status(text: str) -> WorkStatus:
    known = BUILT_IN_STATUS_WORDS.get(text)
    return known if known is not None else WorkStatus(text)


def _status_text(
    text: str, key: str, words: StatusWords, mapped: list[tuple[str, str, str]]
) -> WorkStatus | None:
    """A 就业状态 cell (`_STATUS_KEYS`): a word the import's `words` say the meaning of, else
    as the lists read it (`_work_status`, cached for every import alike: `words` never hold a
    word the lists read, `ledger_import.checked_words` and `county_words`); None when blank."""
    if words and text:
        said = words.get(nfkc(text))
        if said is not None:
            if said != text:
                mapped.append((_label(key), text, said))
            return WorkStatus(said)
    return _choice_text(text, key, _work_status, None, mapped)


_UNUSED = frozenset({"seq", "head_name"})
READ = frozenset(BY_KEY) - _UNUSED
#: Columns whose number and date cells the parsers take as they are (an ID number Excel turned
#: into a number, a date cell, an Excel day number, an amount).
RAW = frozenset(
    {
        "id_number",
        "head_id_number",
        "start_date",
        "monthly_income",
        "contract_months",
        "insurance_months",
        "graduation_year",
        "left_school_month",
        "phone",
        "account_number",
    }
)
#: Longest text a cell may hold (codes, choices, names: a longer one is pasted from somewhere
#: else). The free text the ledger keeps (notes, addresses, visit records: any length, and the
#: person editor takes up to 32 767 characters) may be as long as an Excel cell holds, which is
#: what the export writes (it cuts a longer text to that with `CUT_MARK`): an export brought
#: back unchanged then refuses no one. Only a csv or ods can hold a longer cell.
MAX_CELL = 100
MAX_CELL_OF = dict.fromkeys(FREE_TEXT, EXCEL_CELL_CHARS) | {"categories": 300}
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")
#: What a village writes for a phone or account it does not have.
_NONE = frozenset({"无", "暂无", "没有", "空", "未填", "/", "//", "-", "--", "—", "——"})
#: A whole number written out by a program that read it as a float ("13800000002.0").
_FLOAT_TEXT = re.compile(r"^\d+\.0+$")


#: A cell too long (%1 its column's heading, %2 its length, %3 the longest it may be); one
#: holding control characters; a text the export cut (`check_cell_texts`).
TOO_LONG = sentences.template("%1过长（%2 字，最多 %3 字）")
CONTROL_CHARACTERS = sentences.template("%1含有控制字符（不可见的特殊字符），请删除后重新填写")
CUT_TEXT = sentences.template(
    "%1是导出时截短的长文本，这一格没有导入（台账里的全文不变；要改它，请在程序里改）"
)


def check_cell_texts(
    texts: dict[str, str], labels: Callable[[str], str]
) -> list[str | sentences.Sentence]:
    """CellError for a cell that is too long or holds control characters (line breaks and
    tabs are allowed in free text).

    A text the export cut to fit an Excel cell (it ends with `CUT_MARK`) is not the text: it is
    taken out of `texts`, as if blank — an update keeps the ledger's whole text — and said in
    the returned notes, so an edit made in such a cell is not left out without a word.
    """
    cut: list[str] = []
    for key, value in texts.items():
        if len(value) > MAX_CELL:  # rare: one comparison per cell otherwise
            if value.endswith(CUT_MARK):  # as long as an Excel cell, or edited shorter
                cut.append(key)
                continue
            limit = MAX_CELL_OF.get(key, MAX_CELL)
            if len(value) > limit:
                raise CellError(
                    sentences.said(
                        TOO_LONG, sentences.Word(labels(key)), str(len(value)), str(limit)
                    )
                )
        # `domain.controls.CONTROL` (C0 but line breaks and tabs, DEL, C1): nothing a sheet means.
        if not value.isprintable() and CONTROL.search(value):
            raise CellError(sentences.said(CONTROL_CHARACTERS, sentences.Word(labels(key))))
    for key in cut:
        del texts[key]
    return [sentences.said(CUT_TEXT, sentences.Word(labels(key))) for key in cut]


#: A phone or account cell Excel stored as a number (%1 the column's heading, %2 the number
#: as Excel shows it, or the text in its 1.2E+17 form); said of an account left out, the
#: person imported (`ACCOUNT_LOST`).
EXCEL_NUMBER = sentences.template(
    "%1已被 Excel 存成数字（%2），后几位可能已丢失，无法恢复；请把该列设为文本后重新录入"
)
EXCEL_SCIENTIFIC = sentences.template(
    "%1“%2”已被 Excel 存成数字（科学计数法），后几位已丢失，无法恢复；请把该列设为文本后重新录入"
)
#: … in an .xls or an .ods (said as the file's kind loses the digits, as `NUMBER_CELL_XLS`
#: and `NUMBER_CELL_ODS` say an ID number's): not Excel's doing there.
_XLS_DIGITS = "%1在表格里存成了数字（%2）：.xls 格式的表格里，数字最多只能存 15 位，后几位可能已丢失，无法恢复；"
_ODS_DIGITS = "%1在表格里存成了数字（%2），后几位可能已丢失，无法恢复；"
NUMBER_XLS = sentences.template(_XLS_DIGITS + "请把该列设为文本后重新录入")
NUMBER_ODS = sentences.template(_ODS_DIGITS + "请在 LibreOffice 或 WPS 中把该列设为文本后重新录入")
_NUMBER_OF = {".xls": NUMBER_XLS, ".ods": NUMBER_ODS}
_ACCOUNT_LEFT_OUT = (
    "这一格没有导入，这个人的其余信息照常导入；请把该列设为文本，对照银行卡或存折重新填写"
)
ACCOUNT_LOST = {
    EXCEL_NUMBER: sentences.template(
        "%1已被 Excel 存成数字（%2），后几位可能已丢失，无法恢复；" + _ACCOUNT_LEFT_OUT
    ),
    NUMBER_XLS: sentences.template(_XLS_DIGITS + _ACCOUNT_LEFT_OUT),
    NUMBER_ODS: sentences.template(_ODS_DIGITS + _ACCOUNT_LEFT_OUT),
    EXCEL_SCIENTIFIC: sentences.template(
        "%1“%2”已被 Excel 存成数字（科学计数法），后几位已丢失，无法恢复；" + _ACCOUNT_LEFT_OUT
    ),
}
#: An account kept as text after Excel rounded it (%1 the heading, %2 the account).
ACCOUNT_ROUNDED = sentences.template(
    "%1“%2”第 15 位以后全是 0：多半是 Excel 把它存成数字时丢掉了后几位（Excel 只保留 15 位"
    "数字），无法恢复；这一格没有导入，这个人的其余信息照常导入；请对照银行卡或存折重新填写，"
    "并把该列设为文本"
)
#: A job's start date after today (%1 the day); 就业状态 other than 已就业 (%1) beside work.
START_AHEAD = sentences.template("务工开始日期%1晚于今天")
STATUS_BUT_WORK = sentences.template("就业状态为“%1”，但填写了务工信息，请核对")
#: A phone whose leading 0 a spreadsheet dropped (%1 the heading, %2 the cell, %3 as read).
ZERO_DROPPED = sentences.template(
    "%1“%2”前面的 0 被表格程序去掉了（存成了数字），已按“%3”读取，请核对；以后请把该列设为文本"
)
#: A phone the editor refuses (%1 the heading, %2 what is wrong, `phone.phone_said`).
PHONE_KEPT = sentences.template("%1：%2（这个人已照常导入）")
#: An account the editor refuses (%1 the heading, %2 what is wrong: `account.account_said`).
ACCOUNT_REFUSED = sentences.template(
    "%1：%2。这一格没有导入，这个人的其余信息照常导入；请对照银行卡或存折核对后重新填写"
)
#: A place of work no division's name (%1 as written).
PLACE_AS_TEXT = sentences.template("务工地点“%1”未能识别为行政区划，按文字保存")
#: A start date of a month alone, the job kept from its first day (%1 the heading, %2 the cell,
#: %3 the day taken).
START_MONTH_ONLY = sentences.template("%1“%2”只填到月份，已按%3记为开始日期，请核对")
#: An end date of a month alone (%1 the heading, %2 the cell), taken as the day %3: the month's
#: last (“3月结束” is the end of March), today's for the month running (`cells.month_end`); a
#: people sheet's 务工结束日期, an extra sheet's 结束日期.
END_MONTH_ONLY = sentences.template("%1“%2”只填到月份，已按%3记为结束日期，请核对")
#: … of the month running, taken as today (%3): the job (course) has ended by today at most.
END_MONTH_RUNNING = sentences.template(
    "%1“%2”只填到月份，这个月还没有过完，已按今天（%3）记为结束日期，请核对"
)


def month_end_said(
    label: sentences.Part, written: str, day: dt.date, today: dt.date
) -> sentences.Sentence:
    """The note of an end date of a month alone (`written`, under `label`) taken as `day`
    (`cells.month_end`): the month's last day, or today for the month running, said as today
    (a day of the month's middle, said alone, read as a mistake)."""
    running = day == today and day.month == (day + dt.timedelta(days=1)).month
    shown = sentences.Day(day)
    return sentences.said(END_MONTH_RUNNING if running else END_MONTH_ONLY, label, written, shown)


def _digits_cell(value: object, label: str, always_text: bool, kind: str = "") -> str:
    """A phone or account cell as typed, or CellError when Excel stored it as a number and
    its digits may be lost (an account always, a phone when too long or in 1.2E+17 form).
    `kind`: what the file is (.xlsx, .xls, .ods, .csv), said of a number cell."""
    if isinstance(value, float) or isinstance(value, int) and not isinstance(value, bool):
        if always_text or value >= 1e15 or not float(value).is_integer():
            number = _NUMBER_OF.get(kind, EXCEL_NUMBER)
            raise CellError(sentences.said(number, sentences.Word(label), f"{float(value):.6g}"))
        return str(int(value))
    raw = nfkc(str(value)).strip()
    if _FLOAT_TEXT.match(raw):
        # Text such as "13800000002.0" (a sheet another program wrote): the number it was.
        return _digits_cell(float(raw), label, always_text, kind)
    if _SCIENTIFIC.match(raw):
        raise CellError(sentences.said(EXCEL_SCIENTIFIC, sentences.Word(label), raw))
    return raw


class _NoStartDate(Exception):
    """已就业 (or work written) with no 务工开始日期: the job is left out, the person kept."""


#: Said on a row whose job is left out for want of its start date.
NO_START_DATE = sentences.template("已就业但没有务工开始日期，就业情况未导入，请补录")
#: Said on a row with work written (%1 the columns filled) but no status and no start date.
WORK_NO_START = sentences.template("填了%1但没有务工开始日期，就业情况未导入，请补录")
#: Said after why a row's job could not be read (the person is imported without it).
JOB_LEFT_OUT = (
    "：这份工作（就业状态和务工各列）没有导入，这个人的其余信息照常导入；"
    "请在表格中改正后用“更新”方式再导入，或在程序中打开这个人补录"
)
#: Said after why a job's 就业形式 could not be read (the job kept as 未登记).
FORM_NOT_READ = (
    "这份工作按“未登记”记录，按就业形式审核的补贴不会认定；请在程序中打开这个人，补填就业形式"
)
# A job's cell that cannot be read (the cell's reason, %1): the cell left out, the job in; the
# form left out, the job kept as 未登记; the job left out, the person in.
CELL_LEFT_OUT = sentences.template("%1：这一格没有导入，这份工作照常导入，请核对后补填")
FORM_LEFT_OUT = sentences.template("%1：" + FORM_NOT_READ)
JOB_CELL_LEFT_OUT = sentences.template("%1" + JOB_LEFT_OUT)
#: Said on a row whose job has no 就业形式: subsidies are judged on the form, so the job is
#: kept as 未登记 (which none accepts), not guessed as 单位就业.
FORM_NOT_GIVEN = sentences.said(
    sentences.template(
        "就业形式未填写，这份工作按“未登记”记录，按就业形式审核的补贴（吸纳就业、灵活就业、"
        "自主创业等）不会认定；请在程序中打开这个人，补填就业形式"
    )
)
#: The columns that describe the current job (left out with it).
_JOB_COLUMNS = (
    "work_status",
    "workplace",
    "workplace_code",
    "employer",
    "start_date",
    "monthly_income",
    "contract_months",
    "insurance_months",
    "form",
    "employer_kind",
    "organized_export",
    "export_agency",
)


_ENDED_REST = (
    "已于%2结束：两者不一致。已按所填导入（%3记为已就业，这份工作记为已结束，这个月没有算在"
    "这份工作上），请核对是否换了工作（换了的请补录新工作）"
)
#: 已就业 beside a job ended before the month (%1 its employer, %2 its end, %3 the month).
ENDED_BEFORE = sentences.template("就业状态是“已就业”，但这份工作（%1）" + _ENDED_REST)
#: The same, of a job with no employer written (%2 its end, %3 the month).
ENDED_BEFORE_NO_EMPLOYER = sentences.template(
    "就业状态是“已就业”，但这份工作（务工单位未填）"
    + _ENDED_REST.replace("%2", "%1").replace("%3", "%2")
)


def ended_before(spell: dict[str, Any], month: str) -> sentences.Sentence | None:
    """What to say of 已就业 for `month` beside a job that ended before it (the row says it
    works, and that this job is over): None when the job runs into the month."""
    end = spell.get("end_date")
    if not end or end[:7] >= month:
        return None
    ended: sentences.Part = (
        sentences.Day(dt.date.fromisoformat(end)) if len(end) == 10 else written_text(end)
    )
    shown = sentences.Day(dt.date(int(month[:4]), int(month[5:7]), 1), "month")
    employer = spell.get("employer")
    if employer:
        return sentences.said(ENDED_BEFORE, employer, ended, shown)
    return sentences.said(ENDED_BEFORE_NO_EMPLOYER, ended, shown)


def _spell(
    texts: dict[str, str],
    get: Callable[[str], object],
    status: WorkStatus | None,
    today: dt.date,
    mapped: list[tuple[str, str, str]] | None = None,
    notes: list[str | sentences.Sentence] | None = None,
    ended: bool = False,
) -> dict[str, Any] | None:
    """The row's current job (`ended`: its last, ended: a status other than 已就业 beside it is
    no contradiction); `get` gives a cell as its parser takes it (see `parse_row`).
    A cell the job can be kept without that cannot be read is left out and said in `notes`."""
    text = texts.get
    has_work = bool(
        text("workplace")
        or text("workplace_code")
        or text("employer")
        or text("start_date")
        or text("monthly_income")
    )
    if status is None and not has_work:
        return None
    if status is not None and status is not WorkStatus.EMPLOYED and not (ended and has_work):
        if has_work:
            raise CellError(sentences.said(STATUS_BUT_WORK, sentences.Word(status.value)))
        return None
    start = cells.date(get("start_date"), _label("start_date"))
    if start is None:
        raise _NoStartDate
    if start > today:
        raise CellError(sentences.said(START_AHEAD, sentences.Day(start)))
    notes = [] if notes is None else notes
    if cells.month_only(get("start_date")):
        notes.append(
            sentences.said(
                START_MONTH_ONLY,
                sentences.Word(_label("start_date")),
                text("start_date", ""),
                sentences.Day(start),
            )
        )

    def optional(key: str, parse: Callable[[], Any], default: Any = None) -> Any:
        """A cell the job can be kept without: one that cannot be read is left out (an
        update keeps the ledger's value), said, and the job comes in."""
        try:
            return parse()
        except CellError as error:
            texts.pop(key, None)
            notes.append(sentences.said(CELL_LEFT_OUT, error.reason))
            return default

    place_name = texts.get("workplace", "")
    place_code = optional(
        "workplace_code",
        lambda: cells.region_code(texts.get("workplace_code", ""), "务工地区划代码"),
        "",
    )
    if not place_code and place_name:
        place_code = divisions().resolve_place(place_name) or ""
    if place_code and not place_name:
        place_name = divisions().full_name(place_code) if divisions().get(place_code) else ""
        place_name = place_name or divisions().name(place_code) or ""
    try:
        form = _choice_text(
            texts.get("form", ""), "form", EmploymentForm, EmploymentForm.UNKNOWN, mapped
        )
    except CellError as error:
        form = EmploymentForm.UNKNOWN
        texts.pop("form", None)
        notes.append(sentences.said(FORM_LEFT_OUT, error.reason))
    kind = optional(
        "employer_kind",
        lambda: _choice_text(
            texts.get("employer_kind", ""), "employer_kind", EmployerKind, None, mapped
        ),
    )
    income = optional(
        "monthly_income", lambda: cells.number(get("monthly_income"), _label("monthly_income"))
    )
    contract = optional(
        "contract_months",
        lambda: cells.months(get("contract_months"), _label("contract_months")),
    )
    insurance = optional(
        "insurance_months",
        lambda: cells.months(get("insurance_months"), _label("insurance_months")),
    )
    organized = optional(
        "organized_export",
        lambda: yes_no_mapped(text("organized_export"), _label("organized_export"), mapped),
    )
    return {
        "start_date": start.isoformat(),
        "end_date": None,
        "place_code": place_code,
        "place_name": place_name,
        "form": form.value,
        "employer": texts.get("employer", ""),
        "monthly_income": income,
        "contract_months": contract,
        "insurance_months": insurance,
        "employer_kind": kind.value if kind else "",
        "organized_export": bool(organized),
        "export_agency": texts.get("export_agency", ""),
        "is_first_export": None,
        "is_casual": False,
        "training_days": None,
    }


def yes_no_mapped(
    text: str | None, label: str, mapped: list[tuple[str, str, str]] | None
) -> bool | None:
    """`cells.yes_no`, adding √/有/Y… read as 是 or 否 to `mapped`."""
    value = cells.yes_no(text, label)
    if value is not None and mapped is not None:
        word = YES if value else NO
        typed = nfkc(text or "")
        if typed != word:
            mapped.append((label, typed, word))
    return value


def parse_row(
    row: int,
    texts: dict[str, str],
    raw: dict[str, object],
    today: dt.date | None = None,
    *,
    words: StatusWords,
    job_ended: bool = False,
    kind: str = "",
) -> ParsedRow:
    """Validate one row on its own; CellError carries the Chinese reason.

    `texts` and `raw` are a row as `Table.records` gives it: each filled cell as text, and the
    number and date cells of the `RAW` columns as read. `words`: the import's 就业状态 words
    no list knows, as said for it (`cells.StatusWords`). `job_ended`: the row's job has ended
    (the sheet gives its end), so its 就业状态 may be other than 已就业. `kind`: what the file
    is by its content (.xlsx, .xls, .ods, .csv; `guard.Scan.suffix`).
    """
    # Written for speed (it runs once per row of files of 100 000 rows): every cell is read as
    # text once, blank cells take the short way, and the parsers see only filled cells.
    text = texts.get

    def get(key: str) -> object:
        """A cell as read when it is a number or date of a `RAW` column, else as text."""
        return raw[key] if key in raw else text(key)

    cut = check_cell_texts(texts, _label)
    mapped: list[tuple[str, str, str]] = []
    name = "".join(text("name", "").split())
    if written := name_and_relation(name):  # 王五（户主）: the name, read as said
        mapped.append((_label("name"), name, written[0]))
        name = written[0]
    if not name:
        raise CellError(sentences.said(NO_NAME))
    if len(name) > 40:
        raise CellError(sentences.said(LONG_NAME, name[:10]))
    own = get("id_number")
    info = _id_number(own, "id_number", kind)
    head_given = bool(text("head_id_number"))
    head_raw = get("head_id_number")
    if not head_given:
        head_number = info.number
    elif head_raw is own or (type(head_raw) is str and head_raw == own):
        head_number = info.number  # the head's own row: the same cell, already validated
    else:
        head_number = _id_number(head_raw, "head_id_number", kind).number
    is_head = head_number == info.number
    relation = _choice_text(
        text("relation", ""),
        "relation",
        _relation,
        Relation.HEAD if is_head else Relation.OTHER,
        mapped,
    )
    if not head_given and relation is not Relation.HEAD:
        raise CellError(sentences.said(NO_HEAD))
    if is_head and relation is not Relation.HEAD:
        raise CellError(sentences.said(HEAD_NOT_SAID, sentences.Word(relation.value)))
    if not is_head and relation is Relation.HEAD:
        raise CellError(sentences.said(NOT_THE_HEAD))
    status = _status_text(text("work_status", ""), "work_status", words, mapped)
    month_status = _status_text(text("month_status", ""), "month_status", words, mapped)
    # 本月就业状态 alone records the month (linked to the running job, if any); only 就业状态
    # with work columns describes a job.
    job_note: str | sentences.Sentence = ""
    job_notes: list[str | sentences.Sentence] = []
    try:
        spell = _spell(texts, get, status, today or china_today(), mapped, job_notes, job_ended)
    except (_NoStartDate, CellError) as error:
        # The person and every other cell come in; the job and its status are left out (an
        # update keeps what the ledger holds for them), and the row says so: a job's cell
        # that cannot be read (月收入 约3000, a start date that is no day) loses the job only.
        if not isinstance(error, _NoStartDate):
            job_note = sentences.said(JOB_CELL_LEFT_OUT, error.reason)
        elif status is None:  # work written, no status: say what was, not 已就业
            given = [sentences.Word(_label(k)) for k in _JOB_COLUMNS if text(k)]
            job_note = sentences.said(WORK_NO_START, sentences.listed(given))
        else:
            job_note = sentences.said(NO_START_DATE)
        spell, status, job_notes = None, None, []
        for key in _JOB_COLUMNS:
            texts.pop(key, None)
        left_out = {_label(key) for key in _JOB_COLUMNS}
        mapped[:] = [m for m in mapped if m[0] not in left_out]  # 外出务工 → 已就业: not kept
    if spell is not None:
        if status is None or not job_ended:
            status = WorkStatus.EMPLOYED
        if not text("form") and not any(str(n).endswith(FORM_NOT_READ) for n in job_notes):
            job_note = FORM_NOT_GIVEN
    hukou = text("hukou_code", "")
    if hukou:
        hukou = cells.region_code(hukou, "户籍地区划代码")
    labour = _choice_text(
        text("labour_ability", ""), "labour_ability", _labour, LabourAbility.ORDINARY, mapped
    )
    for key in ("phone", "account_number"):
        if key in texts and nfkc(texts[key]).strip() in _NONE:
            del texts[key]  # 无, 暂无, /: there is none (blank; an update keeps the ledger's)
    account = text("account_number", "")
    account_note: sentences.Sentence | None = None
    if account:
        try:
            account = _digits_cell(get("account_number"), _label("account_number"), True, kind)
        except CellError as error:
            # Excel made it a number: its digits are lost. The person comes in, the account
            # left out (an update keeps the ledger's), as for an account the editor refuses.
            assert error.said is not None  # (`_digits_cell` says it in a sentence)
            account_note = sentences.said(ACCOUNT_LOST[error.said.template], *error.said.parts)
            account = ""
            del texts["account_number"]
    if account:
        if accounts.excel_rounded(accounts.normalise(account)):
            # Kept as text after Excel rounded it: lost as a number cell's digits are (above).
            account_note = sentences.said(
                ACCOUNT_ROUNDED, sentences.Word(_label("account_number")), account
            )
            account = ""
            del texts["account_number"]
        problem = accounts.account_said(account) if account else None
        if problem:  # the editor refuses it: the person comes in, the account left out
            account_note = sentences.said(
                ACCOUNT_REFUSED, sentences.Word(_label("account_number")), problem
            )
            account = ""
            del texts["account_number"]
    phone_cell = text("phone")
    if phone_cell:
        phone_cell = _digits_cell(get("phone"), _label("phone"), False, kind)
    sex = text("sex")
    if sex:
        typed = nfkc(sex)
        word = SEX_ALIASES.get(typed)
        if word is None:
            raise CellError(cells.unreadable(_label("sex"), typed, ("男", "女")))
        if typed != word:
            mapped.append((_label("sex"), typed, word))
        if word != info.sex:
            raise CellError(
                sentences.said(OTHER_SEX, sentences.Word(word), sentences.Word(info.sex))
            )
    left_school = text("left_school_month")
    if left_school:
        left_day = cells.date(get("left_school_month"), _label("left_school_month"))
        left_school = left_day.strftime("%Y-%m") if left_day else ""
    person: dict[str, Any] = {  # as `ParsedRow.person` holds it: a Person's fields by name
        "name": name,
        "id_number": info.number,
        "relation": relation.value,
        "phone": cells.phone(phone_cell) if phone_cell else "",
        "labour_ability": labour.value,
        "health": _choice_text(text("health", ""), "health", _health, Health.HEALTHY, mapped).value,
        "education": text("education", ""),
        "graduation_year": (
            cells.year(get("graduation_year"), _label("graduation_year"))
            if text("graduation_year")
            else None
        ),
        "account_bank": text("account_bank", ""),
        "account_number": accounts.normalise(account) if account else "",
        "hukou_code": hukou,
        "notes": text("notes", ""),
        "left_school_month": left_school or None,
    }
    place = place_typed(texts)
    household = {
        "address": text("address", ""),
        "household_no": text("household_no", ""),
        "notes": text("household_notes", ""),
    }
    warnings = [*info.warnings, *cut]
    if account_note is not None:
        warnings.append(account_note)
    warnings.extend(job_notes)
    if job_note:
        warnings.append(job_note)
    if _ZERO_DROPPED.search(person["phone"]):
        person["phone"] = _ZERO_DROPPED.sub(r"0\1", person["phone"])
        warnings.append(
            sentences.said(
                ZERO_DROPPED, sentences.Word(_label("phone")), text("phone", ""), person["phone"]
            )
        )
    for phone_wrong in phones_said(person["phone"]):
        # The editor refuses it (the same rule); the person comes in, the number said.
        warnings.append(sentences.said(PHONE_KEPT, sentences.Word(_label("phone")), phone_wrong))
    if spell and spell["place_name"] and not spell["place_code"]:
        warnings.append(sentences.said(PLACE_AS_TEXT, spell["place_name"]))
    category_cell = text("categories")
    found: list[tuple[str, str | None, str | None]] = []
    if category_cell:
        category_words, category_said, parsed, month_ends = categories.read(category_cell)
        mapped.extend(("人员类别", word, category) for word, category in category_words)
        warnings.extend(category_said)
        found = list(parsed)
        if month_ends:
            warnings.extend(_category_month_ends(found, month_ends, today or china_today()))
    return ParsedRow(
        row,
        person,
        head_number,
        found,
        spell,
        status.value if status else None,
        place,
        household,
        warnings,
        bool(hukou),
        _given(tuple(texts)),
        mapped,
        month_status.value if month_status else None,
    )


def _category_month_ends(
    found: list[tuple[str, str | None, str | None]],
    month_ends: tuple[tuple[str, str], ...],
    today: dt.date,
) -> list[sentences.Sentence]:
    """The categories of `found` ended in a month alone (`categories.read`, read as its first
    day) ended on the month's last day, today's for the month running, as every month-only end
    (`cells.month_end`), each said (`month_end_said`); a month to come is kept as read."""
    notes = []
    ends = dict(month_ends)
    for index, (category, start, end) in enumerate(found):
        written = ends.get(category)
        if written is None or end is None:
            continue
        day = cells.month_end(written, dt.date.fromisoformat(end), today)
        if day is None:
            continue
        found[index] = (category, start, day.isoformat())
        label = sentences.said(categories.END_OF, sentences.Word(category))
        notes.append(month_end_said(label, written, day, today))
    return notes


@lru_cache(maxsize=1024)
def _given(keys: tuple[str, ...]) -> frozenset[str]:
    """The set of columns a row filled in, one shared set per distinct set: the rows of a
    sheet mostly fill the same columns, and a set of some 35 keys takes over 1 KB (over 100 MB
    per 100 000 rows, each held apart until the import ends)."""
    return frozenset(keys)


def forget_parsed_cells() -> None:
    """Empty the per-import caches of parsed cells (the app lives on after an import)."""
    for cache in (_validate, _parsed, cells.region_code, _given):
        cache.cache_clear()
    categories.forget()
