"""The monthly grid's columns of the program's words (labour ability, last month's status, this
month's status) were set to fixed widths sized for Chinese: in the English window “Weak or
partial labour” could be cut to “Weak or partial la…” at 130 px. Each such column is now at
least as wide as its longest word in the language shown, upright and in the grey italics of a
pre-filled cell. Measured as the style draws a cell: the text rectangle it gives the column's
cell, less its text margins, and the font's own eliding."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from fieldapp.domain.enums import LabourAbility
from fieldapp.domain.month import Month
from fieldapp.services import persons
from fieldapp.ui.pages.monthly import LABOUR, LAST, NAME, STATUS, column_words
from tests.ui.conftest import VILLAGE
from tests.ui.person_panel import person

WORDS = {
    "en": {
        LABOUR: "Weak or partial labour",
        STATUS: "Not applicable",
        LAST: "Not applicable 10,000",
    },
    "zh_CN": {LABOUR: "弱劳动力或半劳动力", STATUS: "无需就业", LAST: "无需就业 10,000"},
}


def _cut(page, index, text: str, italic: bool) -> str:  # noqa: ANN001
    """`text` as the view would draw it in the cell `index` (elided when it does not fit)."""
    table = page.table
    option = QStyleOptionViewItem()
    option.rect = table.visualRect(index)
    delegate = table.itemDelegateForColumn(index.column()) or table.itemDelegate()
    delegate.initStyleOption(option, index)
    font = QFont(option.font)
    font.setItalic(italic)
    option.font, option.fontMetrics, option.text = font, QFontMetrics(font), text
    style = table.style()
    rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, table)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    return QFontMetrics(font).elidedText(
        text, Qt.TextElideMode.ElideRight, rect.width() - 2 * margin
    )


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_status_or_ability_word_is_elided(window, qtbot, language: str) -> None:
    assert window.set_language(language)
    try:
        session = window.session
        who = person(window, "李建国")
        weak = who.model_copy(update={"labour_ability": LabourAbility.WEAK})
        session.apply(persons.save(session.ledger, session.actor, weak, loaded=who, confirmed=True))
        page = window.show_page("monthly")
        page.area.set_code(VILLAGE)
        qtbot.waitUntil(lambda: page.model.rowCount() >= 1)
        assert page.model.month == Month.current()
        rows = {page.model.index(r, NAME).data(): r for r in range(page.model.rowCount())}
        row = rows["李建国"]
        # The longest word of each column is the one expected, in the language shown.
        for column, longest in WORDS[language].items():
            words = column_words(column)
            assert longest in words, words
            assert (
                max(words, key=lambda w: QFontMetrics(page.table.font()).horizontalAdvance(w))
                == longest
            )
        # 李建国's own cell says his ability whole.
        index = page.model.index(row, LABOUR)
        assert index.data() == WORDS[language][LABOUR]
        assert _cut(page, index, index.data(), italic=False) == index.data()
        # Every word of each column, upright and in italics, fits its column.
        for column in (LABOUR, LAST, STATUS):
            index = page.model.index(row, column)
            for word in column_words(column):
                for italic in (False, True):
                    assert _cut(page, index, word, italic) == word, (
                        word,
                        italic,
                        page.table.columnWidth(column),
                    )
    finally:
        window.set_language("zh_CN")
