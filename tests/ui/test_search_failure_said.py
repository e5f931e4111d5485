"""A search that fails says so where its results would be, and Enter asks it again.

The search thread's failures reached `SearchService.failed`, which nothing listened to: a
failed search left the old list (or an empty one) as if it had answered. The ledger page now
says it on its status line, the person pickers (走访, 迁户, the picker widget) under their hits,
each in the language shown (`message_for`) with how to ask again; Enter does, and a broken
connection of the search thread is opened afresh for it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldapp.domain.models import Person
from fieldapp.ui.person_picker import PersonPicker
from tests.english import in_english
from tests.records import Records

INTERNAL = "操作没有完成：程序内部出错，详情已记入日志文件 fieldapp.log。已保存的数据不受影响。"
AGAIN = "按回车再搜一次。"


def _index_away(window) -> None:
    """The name index gone (as a damaged file would have it): a name search cannot run."""
    window.session.ledger.db.execute("ALTER TABLE person_words RENAME TO person_words_away")


def _index_back(window) -> None:
    window.session.ledger.db.execute("ALTER TABLE person_words_away RENAME TO person_words")


def test_the_ledger_page_says_a_failed_search_and_enter_asks_again(window, qtbot):
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    _index_away(window)
    page.search_box.setFocus()
    page.search_box.setText("张长英")
    qtbot.waitUntil(lambda: page.search.failing, timeout=5000)
    assert page.count_label.text() == INTERNAL + AGAIN
    assert page.model.rowCount() == 0  # not the whole ledger, as if it answered 张长英
    _index_back(window)
    with qtbot.waitSignal(page.updated, timeout=5000):
        qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    assert page.model.rowCount() == 1
    assert page.model.index(0, 0).data() == "张长英"
    assert page.count_label.text() == "找到 1 人"
    assert page.count_label.toolTip() == ""
    assert not page.search.failing
    # Enter on an answered search goes to the list, as before.
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    assert page.table.hasFocus()


def test_a_broken_search_connection_is_opened_afresh_when_asked_again(window, qtbot):
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    with qtbot.waitSignal(page.updated, timeout=5000):
        page.search_box.setText("李建国")
    broken = page.search.worker.reader
    assert broken is not None
    broken.close()  # as a connection whose file went away with a pulled stick
    with qtbot.waitSignal(page.search.failed, timeout=5000):
        page.search_box.setText("王小明")
    assert page.count_label.text() == INTERNAL + AGAIN
    with qtbot.waitSignal(page.updated, timeout=5000):
        page.search_box.setFocus()
        qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    assert [page.model.index(0, 0).data()] == ["王小明"]
    assert page.search.worker.reader is not broken


def test_a_failed_listing_is_said_on_the_ledger_page(window, qtbot):
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    window.session.ledger.db.execute("ALTER TABLE persons RENAME TO persons_away")
    try:
        with qtbot.waitSignal(page.search.failed, timeout=5000):
            page.reload()
        assert page.count_label.text() == INTERNAL + AGAIN
        assert page.model.rowCount() == 0
        assert not page.listing()
    finally:
        window.session.ledger.db.execute("ALTER TABLE persons_away RENAME TO persons")
    with qtbot.waitSignal(page.updated, timeout=5000):
        qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    assert page.count_label.text() == "共 3 人"


def test_the_person_picker_says_a_failed_search_under_its_hits(window, qtbot):
    picker = PersonPicker(window.session)
    qtbot.addWidget(picker)
    picker.show()
    with qtbot.waitSignal(picker.search.rows, timeout=5000):
        picker.box.setText("李")
    assert picker.hits.count() == 1
    _index_away(window)
    with qtbot.waitSignal(picker.search.failed, timeout=5000):
        picker.box.setText("李建")
    assert picker.hits.count() == 0  # not 李建国's row left as if it were the answer
    assert picker.failed.isVisible()
    assert picker.failed.text() == INTERNAL + AGAIN
    # Enter with nothing found takes no one: it asks again.
    _index_back(window)
    with qtbot.waitSignal(picker.search.rows, timeout=5000):
        qtbot.keyClick(picker.box, Qt.Key.Key_Return)
    assert picker.chosen is None
    assert picker.hits.count() == 1
    assert not picker.failed.isVisible()
    qtbot.keyClick(picker.box, Qt.Key.Key_Return)
    assert picker.chosen is not None and picker.chosen.name == "李建国"
    picker.stop()


def test_the_person_picker_says_it_in_english(window, qtbot):
    with in_english():
        picker = PersonPicker(window.session)
        qtbot.addWidget(picker)
        _index_away(window)
        with qtbot.waitSignal(picker.search.failed, timeout=5000):
            picker.box.setText("李")
        assert picker.failed.text().endswith(" Press Enter to search again.")
        assert "按" not in picker.failed.text() and "没有" not in picker.failed.text()
        _index_back(window)
        picker.stop()


def test_the_visits_page_says_a_failed_search_under_its_hits(window, qtbot):
    page = window.show_page("visits")
    _index_away(window)
    page.picker.setFocus()
    with qtbot.waitSignal(page.search.failed, timeout=5000):
        page.picker.setText("王")
    assert page.search_failed.isVisible()
    assert page.search_failed.text() == INTERNAL + AGAIN
    assert not page.hits.isVisible()
    _index_back(window)
    with qtbot.waitSignal(page.search.rows, timeout=5000):
        qtbot.keyClick(page.picker, Qt.Key.Key_Return)
    assert not page.search_failed.isVisible()
    assert page.hits.count() == 1
    assert page.chosen is None  # Enter asked again; it chose no one


def test_the_move_dialog_says_a_failed_search_under_its_hits(window, qtbot):
    from fieldapp.ui.dialogs.person_moves import MoveDialog

    person = Records(window.session.ledger).select(Person, "name = ?", ["王小明"])[0]
    dialog = MoveDialog(window.session, person, window)
    dialog.open()
    try:
        _index_away(window)
        dialog.picker.setFocus()
        with qtbot.waitSignal(dialog.search.failed, timeout=5000):
            dialog.picker.setText("张")
        assert dialog.search_failed.isVisible()
        assert dialog.search_failed.text() == INTERNAL + AGAIN
        _index_back(window)
        with qtbot.waitSignal(dialog.search.rows, timeout=5000):
            qtbot.keyClick(dialog.picker, Qt.Key.Key_Return)
        assert not dialog.search_failed.isVisible()
        assert dialog.isVisible()  # Enter asked again; it pressed no 迁户
    finally:
        dialog.discard()
        dialog.deleteLater()
