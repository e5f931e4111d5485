"""Masking for papers posted in public: ID numbers keep region and last 4, accounts last 4, and
no category that would expose a person's health or past (残疾人, 戒毒康复人员, 刑满释放人员) —
nor a blank where only those stood: such a person reads as one of no group."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Iterator

from fieldapp.domain import idnumber
from fieldapp.domain.enums import OTHER_RURAL, Category
from fieldapp.domain.sentences import Part, listed, said
from fieldapp.paperwork.notes_said import (
    AND_MORE_PLACES,
    AT_ADDRESS,
    AT_BASIS,
    AT_DUE,
    AT_FACT,
    AT_PAYEE,
    AT_SERVICES,
    AT_VISITS,
    AT_WORK,
    DOOR_TO_DOOR,
    ON_THE_WALL,
)
from fieldapp.paperwork.views import HouseholdMonth, RosterRow, RosterView, VisitSheetView


def mask_id(number: str) -> str:
    """`520102********1234`; anything short or odd keeps at most its last 4 characters."""
    number = "".join(number.split())
    if len(number) >= 15:
        return idnumber.mask(number)
    return "*" * max(len(number) - 4, 4) + number[-4:] if len(number) > 4 else "*" * len(number)


def mask_account(account: str) -> str:
    """`****1234`: only the last 4 digits of a bank or social-security-card account."""
    digits = "".join(account.split())
    if not digits:
        return ""
    return "****" + digits[-4:] if len(digits) > 4 else "****"


#: A number typed into free text that is a person's, not a count or a day: 7 digits or more (an
#: account written in groups of 4, an ID ending in X), a landline (0851-27221234) or three
#: groups or more of 3 digits or more joined by dashes (6230-5201-0203-…, 138-0000-1234), or
#: by points or slashes as some type a card or an ID (6230.5201.0203.…, 520502/19900101/…). A
#: day (2026-10-05, 2026年10月5日) and an amount (4500元) are shorter runs and stay; so does
#: a day typed without dashes (20261204) standing alone (_a_day). Glued to letters as it may
#: be typed (QQ1234567890, tel13812345678, ID520502199001011234, 13800001234Tel) it is a
#: person's number all the same; a word with a few digits in it (A3纸, B2栋, Win10) is too
#: short a run to be one and stays.
_LONG_NUMBER = re.compile(
    r"(?<![0-9*])"
    r"(?:0\d{2,3}-\d{7,8}|\d{3,}(?P<join>[-./])\d{3,}(?:(?P=join)\d{3,})+[Xx]?"
    r"|\d(?: ?\d){6,}[Xx]?)"
    r"(?![0-9*])"
)
_LANDLINE = re.compile(r"0\d{2,3}-\d{7,8}")
#: A day typed without dashes (20261204, 19900101): 8 digits a year of 19xx/20xx, a month and
#: a day of it.
_UNDASHED_DAY = re.compile(r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")
#: What joins the groups of a number typed in parts (520502/19900101/1234, 6230.2026.1204):
#: a day beside another group of digits across one of these may be a part of that number.
_JOINED = re.compile(r"[ \-/._－／．·—][\dXx*]|[\dXx*][ \-/._－／．·—]")
#: Words a person's number follows (电话20261204 is a landline as likely as a day; 卡 20261204
#: a card's last groups): eight digits within a few characters after one are masked, whatever
#: spaces or colons stand between. Short words (卡, 号) are in on purpose: a day is masked
#: after one of them now and then (3号楼 20261204) rather than a person's number ever posted.
_NUMBER_WORDS = (
    "电话",
    "手机",
    "座机",
    "联系",
    "号",  # 号码, 卡号, 账号, 证号, 编号
    "卡",  # 卡, 银行卡, 社保卡, 工资卡
    "账户",
    "帐户",
    "存折",
    "社保",
    "医保",
    "银行",
    "开户",
    "身份证",
    "微信",
    "QQ",
    "TEL",
    "NO",  # No.20261204, NO:20261204: a number, as 号
)
#: What may stand between such a word and its number: spaces and colons, half or full width.
_BETWEEN = " \t\u3000:："


def _a_day(number: str, text: str, start: int) -> bool:
    """The number, at `start` in `text`, is a day typed without dashes (回访20261204), not a
    part of a person's: 8 digits alone, a real date of 19xx or 20xx, no group of digits joined
    to it (by a space, dash, slash or point) and no word such as 电话, 卡 or 账户 right before
    it."""
    if not _UNDASHED_DAY.fullmatch(number):
        return False
    try:
        dt.date(int(number[:4]), int(number[4:6]), int(number[6:]))
    except ValueError:  # 20260231
        return False
    end = start + len(number)
    before, after = text[max(0, start - 2) : start], text[end:][:2]
    if _JOINED.fullmatch(before) or _JOINED.fullmatch(after):
        return False
    # The six characters before it, past any spaces or colons after the word (卡 20261204,
    # 账户：  20261204).
    said = text[:start].rstrip(_BETWEEN)[-6:].upper()
    return not any(word in said for word in _NUMBER_WORDS)


def _masked_number(found: re.Match[str]) -> str:
    number = found.group()
    digits = re.sub(r"[ ./-]", "", number)
    if number[-1] in "Xx" and len(digits) not in (15, 18):
        # An x after digits that make no ID (13800001234x, 6230520102030405067Xu): a word's,
        # glued on; it stays as typed after the number masked.
        return _masked(number[:-1], found.string, found.start()) + number[-1]
    return _masked(number, found.string, found.start())


def _masked(number: str, text: str, start: int) -> str:
    """`number`, found at `start` in `text`, as a paper in public prints it."""
    if _a_day(number, text, start):
        return number
    digits = re.sub(r"[ ./-]", "", number)
    if _LANDLINE.fullmatch(number):  # a landline: its area code and last 4
        code, rest = number.split("-", 1)
        return f"{code}-****{rest[-4:]}"
    if len(digits) in (15, 18) and digits[:-1].isdigit():  # an ID number, as the ID column
        return mask_id(digits)
    if len(digits) == 11 and digits.startswith("1"):  # a mobile: 138****1234
        return digits[:3] + "****" + digits[-4:]
    return mask_account(digits)  # an account, a card, any other: its last 4


def mask_numbers(text: str) -> str:
    """Free text as a paper in public prints it: every ID number, phone number or account a
    coordinator typed into it masked as the paper's own columns mask them —
    '电话13800001234，身份证520502199001011234' → '电话138****1234，身份证520502********1234';
    the words, days and amounts as typed (idempotent)."""
    return _LONG_NUMBER.sub(_masked_number, text)


#: Categories a notice on the village wall and the visit sheet carried door to door never show;
#: the roster and the 月报 (not posted, not carried around) keep them.
PRIVATE_CATEGORIES = frozenset({Category.DISABLED, Category.REHAB, Category.RELEASED})


#: Those categories as a coordinator types them in a note, or a county pack in a rule's title.
PRIVATE_WORDS = ("残疾", "戒毒", "吸毒", "刑满释放", "服刑")


#: A private group as a rule's title names it (残疾人, 肢体残疾人员, 刑满释放人员, 戒毒康复人员,
#: 残疾人及其家庭成员).
_GROUP_START = (
    r"(?:重度|轻度|肢体|视力|听力|言语|智力|精神|多重)?(?:残疾|戒毒康复|戒毒|吸毒|刑满释放|服刑)"
)
_GROUP = (
    rf"{_GROUP_START}(?:人员|人士|人|者|家庭成员|家庭)?"
    r"(?:及其)?(?:家庭成员|家庭|家属|子女)?"
)
#: Any other group a title lists (脱贫人口, 易地搬迁人口家庭, 退役军人, 高校毕业生 …): a short
#: name, no private group in it, up to the last place it ends as a group's name ends.
_PUBLIC_GROUP = (
    rf"(?:(?!{_GROUP_START})[^\s、和及与等（）()，,：:]){{1,10}}"
    r"(?:人口|人员|人士|对象|劳动力|劳动者|毕业生|学生|青年|妇女|渔民|农民工|农民|军人|群体"
    r"|家庭|农户|户|者|人)"
)
_ITEM = re.compile(rf"{_GROUP}|{_PUBLIC_GROUP}")
#: The groups a title lists, joined by 、/和/及/与: 脱贫人口、残疾人和易地搬迁人口 (and a joiner
#: after the last, where what follows it is not read as a group).
_GROUPS = re.compile(rf"(?:{_ITEM.pattern})(?:[、和及与](?:{_ITEM.pattern}))*(?P<more>[、和及与])?")
#: A bracketed part of a title: （残疾人首次外出务工）.
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
#: What a notice calls a subsidy whose title is nothing but a private group (or lists one
#: with what is not read as a group).
PUBLIC_SUBSIDY = "就业补贴"


def _private(text: str) -> bool:
    return any(w in text for w in PRIVATE_WORDS)


class _UnreadList(Exception):
    """A private group is listed with one not read as a group (残疾人和…): where the list ends,
    hence where 等 would go, is not known."""


def _open_list(groups: re.Match[str]) -> str:
    """A list of groups with the private ones cut: the rest left open with 等 (one not in
    the list may be in the batch: '脱贫人口和残疾人' → '脱贫人口等'), or '' if none is left."""
    items = [m.group() for m in _ITEM.finditer(groups.group())]
    kept = [item for item in items if not _private(item)]
    if len(kept) == len(items):
        return groups.group()
    if groups.group("more"):
        raise _UnreadList
    said = groups.string.startswith("等", groups.end())
    return "、".join(kept) + ("等" if kept and not said else "")


def public_title(title: str, bare: str = PUBLIC_SUBSIDY) -> str:
    """A subsidy's or batch's name as a paper posted in public prints it: a county rule named
    after a private group is posted under the subsidy's own name, as 人员类别 posts its people —
    '一次性求职创业补贴（残疾人首次外出务工）' → '一次性求职创业补贴' (a bracketed part naming
    the group goes whole), '刑满释放人员就业补贴' → '就业补贴'; a private group cut from a list
    leaves it open, '脱贫人口和残疾人就业补贴' → '脱贫人口等就业补贴'; a name left with nothing
    but a bracket or its day ('残疾人（2 人），…编') has `bare` put before it, and one listing
    a private group with what is not read as a group ('残疾人和…') is posted as `bare`; any
    other title as it is (idempotent)."""
    if not _private(title):
        return title
    kept = _BRACKETED.sub(lambda m: "" if _private(m.group()) else m.group(), title)
    try:
        kept = _GROUPS.sub(_open_list, kept).strip(" 、").rstrip("，,")
    except _UnreadList:
        return bare
    head = kept.replace(",", "，").split("，", 1)[0]
    return kept if _BRACKETED.sub("", head).strip() else bare + kept


def public_categories(categories: str) -> str:
    """The categories as posted: '脱贫人口、残疾人' → '脱贫人口'."""
    return "、".join(c for c in categories.split("、") if c and c not in PRIVATE_CATEGORIES)


def posted_categories(categories: str, of_none: str = OTHER_RURAL) -> str:
    """人员类别 as a paper in public prints it: the public categories, else `of_none`, what the
    paper says of a person of no group ('残疾人' → '其他农村劳动力', as '' is). A blank left
    where only private ones stood, beside 其他农村劳动力 on every row of no group, would tell
    the village the very thing left out."""
    return public_categories(categories) or of_none


def mask_row(row: RosterRow) -> RosterRow:
    """The row as posted: ID and account masked, private categories left out and a row of none
    else named as one of no group, and any number typed into what it prints as recorded
    (务工地点（用工单位）, 领款单位) masked (idempotent)."""
    return dataclasses.replace(
        row,
        id_number=mask_id(row.id_number),
        account=mask_account(row.account),
        categories=posted_categories(row.categories),
        fact=mask_numbers(row.fact),
        payee=mask_numbers(row.payee),
    )


def mask_roster(roster: RosterView) -> RosterView:
    """The roster with every row masked, no note for the clerk (whose account changed), and
    the subsidy and the batch (named after it by default) under their public names: a batch
    named after a private group alone ('残疾人（2 人）') under the subsidy's."""
    return dataclasses.replace(
        roster,
        rows=tuple(mask_row(r) for r in roster.rows),
        notes=(),
        title=public_title(roster.title),
        batch_name=mask_numbers(public_title(roster.batch_name, bare=public_title(roster.title))),
    )


def _mask_household(household: HouseholdMonth) -> HouseholdMonth:
    return dataclasses.replace(
        household,
        address=mask_numbers(household.address),
        visits=tuple(map(mask_numbers, household.visits)),
        members=tuple(
            dataclasses.replace(
                m,
                work=mask_numbers(m.work),
                services=tuple(map(mask_numbers, m.services)),
                due=tuple(map(mask_numbers, m.due)),
            )
            for m in household.members
        ),
    )


def mask_sheet(sheet: VisitSheetView) -> VisitSheetView:
    """The visit sheet as carried door to door: every ID number, phone number or account typed
    into its free text (a visit's outcome, a month's status note, an employer, an address)
    masked; the words as typed (idempotent)."""
    return dataclasses.replace(sheet, households=tuple(map(_mask_household, sheet.households)))


def _private_words_at(places: Iterable[tuple[Part, Iterable[str]]]) -> tuple[Part, str]:
    """Where (the first four places, then 等处) and which private words the (place, texts)
    carry, each once in order, as a note says them; ('', '') if none."""
    where: dict[Part, None] = {}
    words: dict[str, None] = {}
    for place, texts in places:
        found = [w for w in PRIVATE_WORDS if any(w in t for t in texts)]
        if found:
            words.update(dict.fromkeys(found))
            where[place] = None
    if not words:
        return "", ""
    shown = list(where)
    first = said(AND_MORE_PLACES, listed(shown[:4])) if len(shown) > 4 else listed(shown)
    return first, "、".join(words)


def wall_note(roster: RosterView) -> Part:
    """Where a notice, masked, still carries a private category's word, or '': in what it
    prints as recorded — a cited document's title (a document with no number is cited by its
    《title》), an employer or payee. Those are not the notice's to reword (a document is
    cited as issued); the note asks for them to be covered before it goes on the wall."""

    def places() -> Iterator[tuple[Part, tuple[str, ...]]]:
        yield said(AT_BASIS), (roster.rule_clause,)
        for row in roster.rows:
            yield said(AT_FACT, row.name, roster.fact_label), (row.fact,)
            yield said(AT_PAYEE, row.name), (row.payee,)

    shown, words = _private_words_at(places())
    if not words:
        return ""
    return said(ON_THE_WALL, shown, words)


def door_to_door_note(sheet: VisitSheetView) -> Part:
    """Who and which column of the visit sheet carries a private category's word typed as free
    text (a visit's outcome, a status note, an employer, a county rule's title), or ''.

    The words are the coordinator's and print as written (a word cut out of a note can change
    what it says); the note asks for them to be reworded or covered before the sheet goes door
    to door."""

    def places() -> Iterator[tuple[Part, tuple[str, ...]]]:
        for h in sheet.households:
            yield said(AT_ADDRESS, h.head_name), (h.address,)
            yield said(AT_VISITS, h.head_name), h.visits
            for m in h.members:
                yield said(AT_WORK, m.name), (m.work,)
                yield said(AT_SERVICES, m.name), m.services
                yield said(AT_DUE, m.name), m.due

    shown, words = _private_words_at(places())
    if not words:
        return ""
    return said(DOOR_TO_DOOR, shown, words)
