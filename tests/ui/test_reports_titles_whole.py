"""报表 in English at 1366×768 (the demo ledger's screenshot), before a report is made: the
columns kept the default width, and "Zero-job households" read "Zero-job househ". Every title
is whole from the start now (a report then widens the columns to its figures, as before)."""

from __future__ import annotations


def test_the_report_titles_are_whole_before_a_report_in_english(window, qtbot):
    window.set_language("en")
    try:
        page = window.show_page("reports")
        header = page.table.horizontalHeader()
        titles = page.model.columnCount()
        for column in range(titles):
            assert header.sectionSize(column) >= header.sectionSizeHint(column), column
    finally:
        window.set_language("zh_CN")
