"""The ledger page opened on the test ledger's three people, and a search typed into it."""

from __future__ import annotations


def ledger_page(window, qtbot):
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    return page


def search(page, qtbot, text):
    with qtbot.waitSignal(page.updated, timeout=5000):
        page.search_box.setText(text)
