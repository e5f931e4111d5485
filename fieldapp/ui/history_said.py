"""A person's history in the window's language: the words `history.history_lines` makes its
lines of (`history.HistoryWords`), translated here so history.py stays free of Qt.

Each piece comes from where the rest of the window says it: a field's name as the held lines and
the conflicts name it (`held_words.field_word`), a table's as theirs (`held_words.table_word`),
a stored word of the program's through `held_words` (what people typed as typed), a day or a
month through `days`, a reason through `held_words.why_shown`, a household in a move by its head
and place (`household_said`, of the store's parts: the names as typed)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from fieldapp.domain.month import Month
from fieldapp.store.queries.persons import HouseholdParts
from fieldapp.ui.days import day_text_said, month_said
from fieldapp.ui.held_words import field_word, filled, stored_word, table_word, why_shown
from fieldapp.ui.history import HistoryWords


def _day(text: str) -> str:
    """'2026-10' as month_said says it, '2026-10-05' as day_said; other text as it is."""
    if re.fullmatch(r"\d{4}-\d{2}", text):
        try:
            return month_said(Month.parse(text))
        except ValueError:
            return text
    return day_text_said(text)


def household_said(parts: HouseholdParts) -> str:
    """A household in a move, in the language shown: 张长英户（大坝村 一组 8 号） → household of
    张长英 (大坝村 一组 8 号); one with no head nor anyone living in it said so."""
    place = parts.place
    if parts.head:
        if place:
            return filled(QCoreApplication.translate("History", "%1户（%2）"), parts.head, place)
        return filled(QCoreApplication.translate("History", "%1户"), parts.head)
    if place:
        return filled(QCoreApplication.translate("History", "无户主户（%1）"), place)
    return QCoreApplication.translate("History", "无户主户")


def history_words() -> HistoryWords:
    """The history's words in the language shown (Chinese: as stored, days as written)."""
    return HistoryWords(
        field=field_word,
        table=table_word,
        stored=stored_word,
        day=_day,
        reason=why_shown,
        empty=QCoreApplication.translate("History", "空"),
        yes=QCoreApplication.translate("History", "是"),
        no=QCoreApplication.translate("History", "否"),
        other_household=QCoreApplication.translate("History", "另一户"),
        other_device=QCoreApplication.translate("History", "其他设备"),
        some_record=QCoreApplication.translate("History", "记录"),
        registered=QCoreApplication.translate("History", "登记到台账"),
        added=QCoreApplication.translate("History", "新增%1"),
        person_deleted=QCoreApplication.translate("History", "删除"),
        person_restored=QCoreApplication.translate("History", "恢复"),
        deleted=QCoreApplication.translate("History", "删除%1"),
        changed=QCoreApplication.translate("History", "修改%1"),
        moved=QCoreApplication.translate("History", "迁户：%1 → %2"),
        field_changed=QCoreApplication.translate("History", "%1：%2 → %3"),
        of_record=QCoreApplication.translate("History", "%1·%2"),
        why=QCoreApplication.translate("History", "（原因：%1）"),
        joiner=QCoreApplication.translate("History", "；"),
    )
