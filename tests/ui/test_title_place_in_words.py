"""A coordinator reads their own area in words: for a village the ledger does not list yet (its
name comes with the county's area tree at the first exchange) the window title said
`region_name` of the code — the county (贵州省毕节市七星关区), as if the laptop were the
county's, or the code's digits where that knows nothing. It is said by `say_place` now, as the
write door's refusals say it (`Actor.describe`: 七星关区鸭池镇的一个村)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldapp.store.ledger import Ledger
from tests.ui.conftest import UI_USER, VILLAGE, close_window, enrol_as

#: A village of 鸭池镇 the small ledger does not list (its village is 市西街道's 大坝村).
UNLISTED = "520502100003"


def _enrol(path: Path, folder: Path, area: str) -> None:
    """Enrol the ledger at `path` as a coordinator's laptop for `area` (before it is opened)."""
    ledger = Ledger.open(path, credentials=UI_USER)
    try:
        enrol_as(ledger, folder, "一号机", area)
    finally:
        ledger.close()


@pytest.fixture
def enrolled(
    qtbot, ledger_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[str], Any]]:
    """Opens the main window on the small ledger enrolled for an area (closed at the end)."""
    from fieldapp.ui import i18n
    from fieldapp.ui.app import make_app, open_window

    windows = []

    def open_for(area: str) -> Any:
        _enrol(ledger_path, tmp_path, area)
        make_app()
        i18n.install_language("zh_CN")
        windows.append(open_window(ledger_path, UI_USER))
        return windows[-1]

    yield open_for
    for win in windows:
        close_window(win, monkeypatch)


def test_a_village_the_ledger_does_not_list_is_said_in_words(enrolled):
    win = enrolled(UNLISTED)
    title = win.windowTitle()
    # Not 贵州省毕节市七星关区 (the county: as if the laptop were the county's), nor digits.
    assert "一号机（村/安置点专员 · 七星关区鸭池镇的一个村）" in title, title
    assert not re.search(r"\d{6,}", title + win.status_label.text()), title
    # 设置 → 本机 says the device by the county's name for it, its area by the ledger's.
    page = win.show_page("settings")
    shown = page.enrolled_label.text() + " " + page.home_area.currentText()
    assert "一号机" in shown and not re.search(r"\d{6,}", shown), shown


def test_a_village_the_ledger_does_not_list_is_said_in_english_in_the_english_window(enrolled):
    """In the English window the title said (Village/site coordinator · 七星关区鸭池镇的一个村):
    the program's words 的一个村 inside an English title. The place stays a name; the words
    around it are the window's (a village in 七星关区鸭池镇)."""
    win = enrolled(UNLISTED)
    assert win.set_language("en")
    try:
        title = win.windowTitle()
    finally:
        win.set_language("zh_CN")
    assert "a village in 七星关区鸭池镇" in title, title
    assert "的一个" not in title
    # In the window's brackets, as the rest of the English title: not （… · …）.
    assert "一号机 (Village/site coordinator · a village in 七星关区鸭池镇)" in title, title
    assert "（" not in title and "）" not in title, title
    assert "七星关区鸭池镇的一个村" in win.windowTitle()


def test_a_village_the_ledger_lists_is_said_by_its_name(enrolled):
    title = enrolled(VILLAGE).windowTitle()
    assert "一号机（村/安置点专员 · 大坝村）" in title, title
    assert not re.search(r"\d{6,}", title), title
