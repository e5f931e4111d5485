"""Finding a person as you type, then choosing with the keyboard: Down went nowhere (the hits
list under the box showed no choice moving), and Enter then took the first hit — typing "wjt",
Down, Down, Enter recorded the visit for the first 吴家婷 found, not the third person the
coordinator meant. Down and Up now walk the hits from the box, and Enter takes the one marked
(the first when none is)."""

from __future__ import annotations

from PySide6.QtCore import Qt


def walk_and_choose(qtbot, box, hits, downs: int) -> str:
    qtbot.keyClicks(box, "520502")  # the three persons' common ID prefix
    qtbot.waitUntil(lambda: hits.count() >= 3, timeout=5000)
    for _ in range(downs):
        qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Up)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    meant = hits.item(downs - 1).data(Qt.ItemDataRole.UserRole)
    assert hits.currentRow() == downs - 1
    qtbot.keyClick(box, Qt.Key.Key_Return)
    return meant.id


def test_the_visit_pickers_arrows_choose_the_person_meant(window, qtbot):
    page = window.show_page("visits")
    page.picker.setFocus()
    meant = walk_and_choose(qtbot, page.picker, page.hits, downs=3)
    assert page.chosen is not None and page.chosen.id == meant


def test_the_certificates_picker_arrows_choose_the_person_meant(window, qtbot):
    page = window.show_page("print")
    picker = page.person
    picker.box.setFocus()
    meant = walk_and_choose(qtbot, picker.box, picker.hits, downs=2)
    assert picker.chosen is not None and picker.chosen.id == meant


def test_enter_without_arrows_still_takes_the_first(window, qtbot):
    page = window.show_page("visits")
    qtbot.keyClicks(page.picker, "520502")
    qtbot.waitUntil(lambda: page.hits.count() >= 3, timeout=5000)
    first = page.hits.item(0).data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(page.picker, Qt.Key.Key_Return)
    assert page.chosen.id == first.id


def test_the_pickers_hint_says_the_arrows_choose(window, qtbot):
    """The hint in the box said 回车选第一个 (Enter picks the first) though Down/Up choose."""
    for lang in ("zh_CN", "en"):
        window.set_language(lang)
        for box in (window.show_page("visits").picker, window.show_page("print").person.box):
            hint = box.placeholderText()
            assert "回车选第一个" not in hint and "Enter picks the first" not in hint, hint
            assert "↑↓" in hint, hint
    window.set_language("zh_CN")
