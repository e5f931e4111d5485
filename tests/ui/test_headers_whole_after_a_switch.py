"""Switched to English, a list's column titles read whole: the 补贴 page's claims list kept the
widths worked out in the Chinese face ("Amount (yua", "Reaso", an ID number cut to
"52052619961123…"), 走访's month list said "Visits this mon…" and 待办 "Working day(s)"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle

from fieldapp.ui.widgets import select_row
from tests.ui.conftest import wait_idle
from tests.ui.subsidies_claim import find_and_claim


def _english(window) -> None:
    page = window.show_page("settings")
    page.language.setCurrentIndex(page.language.findData("en"))


def _cut_titles(view) -> list[tuple[str, int, int]]:
    """Each shown column whose title does not fit it: (title, width, wanted). A selected row
    draws the titles bold, so they are measured bold, with the header's margins either side."""
    header = view.horizontalHeader()
    bold = header.font()
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    margins = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    model = view.model()
    cut = []
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        wanted = max(
            metrics.horizontalAdvance(title) + margins,
            header.sectionSizeFromContents(column).width(),
        )
        if header.sectionSize(column) < wanted:
            cut.append((title, header.sectionSize(column), wanted))
    return cut


def test_the_claims_list_fits_its_titles_and_numbers_after_a_switch(demo_window, qtbot):
    page = demo_window.show_page("subsidies")
    find_and_claim(page, qtbot)
    page.tabs.setCurrentIndex(1)
    qtbot.wait(100)
    assert not _cut_titles(page.claims_view)
    try:
        _english(demo_window)
        page = demo_window.show_page("subsidies")
        # Another area chosen on 符合条件人员 lists the claims again, the list not yet shown
        # in the English face (at once, as the combo's signal does).
        page.area.setCurrentIndex(1)
        page.area.setCurrentIndex(0)
        page.tabs.setCurrentIndex(1)
        select_row(page.claims_view, 0)
        qtbot.wait(200)
        view = page.claims_view
        assert view.model().rowCount() == 1
        assert not _cut_titles(view)
        model = view.model()
        headers = [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        ]
        for title in ("ID number", "Amount (yuan)", "State", "Applied on", "Claim no."):
            column = headers.index(title)
            assert view.columnWidth(column) >= view.sizeHintForColumn(column), title
    finally:
        demo_window.set_language("zh_CN")


def test_the_visits_and_due_lists_fit_their_titles_in_english(demo_window, qtbot):
    try:
        _english(demo_window)
        visits = demo_window.show_page("visits")
        qtbot.wait(200)
        assert not _cut_titles(visits.table)
        due = demo_window.show_page("due")
        wait_idle(qtbot, due)
        qtbot.wait(100)
        assert not _cut_titles(due.table)
    finally:
        demo_window.set_language("zh_CN")
