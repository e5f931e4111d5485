"""Masking for papers posted in public: ID numbers keep region and last 4, accounts last 4, and
no category that would expose a person's health or past (残疾人, 戒毒康复人员, 刑满释放人员) —
nor a blank where only those stood: such a person reads as one of no group."""

from __future__ import annotations

import dataclasses

from fieldapp.domain import idnumber
from fieldapp.domain.enums import OTHER_RURAL, Category
from fieldapp.paperwork.views import RosterRow, RosterView, VisitSheetView


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


#: Categories a notice on the village wall and the visit sheet carried door to door never show;
#: the roster and the 月报 (not posted, not carried around) keep them.
PRIVATE_CATEGORIES = frozenset({Category.DISABLED, Category.REHAB, Category.RELEASED})


#: Those categories as a coordinator types them in a note, or a county pack in a rule's title.
PRIVATE_WORDS = ("残疾", "戒毒", "吸毒", "刑满释放", "服刑")


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
    else named as one of no group (idempotent)."""
    return dataclasses.replace(
        row,
        id_number=mask_id(row.id_number),
        account=mask_account(row.account),
        categories=posted_categories(row.categories),
    )


def mask_roster(roster: RosterView) -> RosterView:
    """The roster with every row masked, and no note for the clerk (whose account changed)."""
    return dataclasses.replace(roster, rows=tuple(mask_row(r) for r in roster.rows), notes=())


def door_to_door_note(sheet: VisitSheetView) -> str:
    """Who and which column of the visit sheet carries a private category's word typed as free
    text (a visit's outcome, a status note, an employer, a county rule's title), or ''.

    The words are the coordinator's and print as written (a word cut out of a note can change
    what it says); the note asks for them to be reworded or covered before the sheet goes door
    to door."""
    words: dict[str, None] = {}
    where: dict[str, None] = {}

    def look(texts: tuple[str, ...], place: str) -> None:
        found = [w for w in PRIVATE_WORDS if any(w in t for t in texts)]
        if found:
            words.update(dict.fromkeys(found))
            where[place] = None

    for h in sheet.households:
        look((h.address,), f"{h.head_name}家的地址")
        look(h.visits, f"{h.head_name}家的走访")
        for m in h.members:
            look((m.work,), f"{m.name}的就业去向")
            look(m.services, f"{m.name}的本月服务")
            look(m.due, f"{m.name}的应办事项")
    if not words:
        return ""
    shown = "、".join(list(where)[:4]) + ("等处" if len(where) > 4 else "")
    return (
        f"走访记录要挨家挨户带着走，邻居也看得到：{shown}写有“{'、'.join(words)}”，"
        "请先改写，或打印后遮住再带出门"
    )
