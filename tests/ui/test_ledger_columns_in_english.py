"""In English at 1366×768 the ledger's 性别 column said "Fe…" for every woman and its headers
were cut ("Relation to" for "Relation to head"): each column is now at least as wide as its
header, and the 性别 column as its longer word, in the language shown; Chinese as it was."""

from __future__ import annotations

from fieldapp.ui.held_words import stored_word

SEX = 1
CHINESE_WIDTHS = (64, 38, 40, 156, 200, 72, 86, 100)


def ledger_at_1366(window, qtbot, lang: str):
    window.set_language(lang)
    window.resize(1366, 768)
    page = window.show_page("ledger")
    qtbot.wait(50)
    return page


def test_columns_hold_their_header_and_the_sex_word_in_english(window, qtbot):
    page = ledger_at_1366(window, qtbot, "en")
    table, header = page.table, page.table.horizontalHeader()
    metrics = table.fontMetrics()
    female = stored_word("persons", "sex", "女")
    assert female == "Female"
    assert table.columnWidth(SEX) >= metrics.horizontalAdvance(female) + 8
    for column in range(len(CHINESE_WIDTHS)):
        name = page.model.headerData(column, header.orientation())
        assert table.columnWidth(column) >= header.sectionSizeHint(column), name
    # Who and where still show without scrolling sideways (名字 … 所在地).
    place = 4
    assert table.columnViewportPosition(place) + table.columnWidth(place) <= (
        table.viewport().width()
    )
    window.set_language("zh_CN")


def test_chinese_widths_unchanged(window, qtbot):
    page = ledger_at_1366(window, qtbot, "zh_CN")
    widths = tuple(page.table.columnWidth(c) for c in range(len(CHINESE_WIDTHS)))
    assert widths == CHINESE_WIDTHS
