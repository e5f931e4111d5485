"""In English, 补贴 → 申领's list headed its subsidy column “Subsidies” (and so did the eligible
list's): the column shared its Chinese with the page's filter label 补贴, whose English is the
page's name. Each column says which subsidy a line is — “Subsidy” — by its own string (tr with
a disambiguation); the filter label keeps “Subsidies”; the Chinese says 补贴 in both."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def _headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_the_subsidy_column_says_subsidy_in_english(window) -> None:
    page = window.show_page("subsidies")

    def labels() -> list[str]:
        return [w.text() for w in page.findChildren(QLabel)]

    assert "补贴" in _headers(page.claims) and "补贴" in _headers(page.results)
    window.set_language("en")
    try:
        page = window.show_page("subsidies")
        for model in (page.claims, page.results):
            headers = _headers(model)
            assert "Subsidy" in headers and "Subsidies" not in headers, headers
        assert "Subsidies" in labels(), labels()
    finally:
        window.set_language("zh_CN")
    page = window.show_page("subsidies")
    assert "补贴" in _headers(page.claims) and "补贴" in labels()
