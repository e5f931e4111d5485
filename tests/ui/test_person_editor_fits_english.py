"""The person editor in the English window: the category boxes' long words (Monitored against
relapse into poverty) were cut at the dialog's edge, and the ID line's last line could reach the
row under it. Long words now wrap onto a second line; the Chinese form is laid out as before."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from fieldapp.domain.models import Person
from tests.conftest import make_id
from tests.records import Records


def _open(window, qtbot, lang: str, new: bool):  # noqa: ANN202 - PersonEditor
    from fieldapp.ui.dialogs.person_editor import PersonEditor

    window.set_language(lang)
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    who = Records(window.session.ledger).select(Person, "name = ?", ["王小明"])[0]
    editor = PersonEditor(window.session, parent=page) if new else page.edit_person(who.id)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def _whole(editor) -> None:  # noqa: ANN001
    """Every category box shows its whole label inside the dialog; the ID line has the room
    its lines need and ends above the next row."""
    for check in editor.categories.values():
        assert check.width() >= check.sizeHint().width(), check.text()
        right = check.mapTo(editor, QPoint(check.width(), 0)).x()
        assert right <= editor.width(), check.text()
    line = editor.id_status
    assert line.height() >= line.heightForWidth(line.width()), line.text()
    bottom = line.mapTo(editor, QPoint(0, line.height())).y()
    assert bottom < editor.relation.mapTo(editor, QPoint(0, 0)).y(), line.text()


@pytest.mark.parametrize("new", [False, True])
def test_the_english_form_shows_every_word_whole(window, qtbot, new):
    editor = _open(window, qtbot, "en", new)
    try:
        # An unknown region: the longest line the ID line says of a valid number.
        editor.id_number.setText(make_id(region="529999", birth="19900101", seq="215"))
        qtbot.wait(20)
        _whole(editor)
        wrapped = [c.text() for c in editor.categories.values() if "\n" in c.text()]
        assert any(w.startswith("Monitored against relapse") for w in wrapped), wrapped
        for check in editor.categories.values():  # read whole, not as two lines
            assert check.accessibleName() == check.text().replace("\n", " ")
        editor.id_number.setText("52050219900101235")  # too short: the refusal's line
        qtbot.wait(20)
        _whole(editor)
    finally:
        editor.discard()
        window.set_language("zh_CN")


def test_the_chinese_form_is_laid_out_as_before(window, qtbot):
    editor = _open(window, qtbot, "zh_CN", False)
    try:
        assert not [c.text() for c in editor.categories.values() if "\n" in c.text()]
        assert editor.width() == editor.minimumWidth() == 860
        editor.id_number.setText(make_id(region="529999", birth="19900101", seq="215"))
        qtbot.wait(20)
        _whole(editor)
    finally:
        editor.discard()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_hint_in_a_line_is_shown_whole(window, qtbot, lang):
    """A line's grey hint (the residence code's: 6, 9 or 12 digits) ends inside the line: the
    English one was cut (Registered residence code (6, …) where the column is narrowed by the
    longest English label; the row's label names the code, the hint says its digits."""
    from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame

    editor = _open(window, qtbot, lang, True)
    try:
        hinted = [line for line in editor.findChildren(QLineEdit) if line.placeholderText()]
        assert editor.hukou in hinted and editor.id_number in hinted
        for line in hinted:
            option = QStyleOptionFrame()
            line.initStyleOption(option)
            room = line.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, line)
            margins = line.textMargins()
            room_width = room.width() - margins.left() - margins.right() - 4  # Qt's 2 px a side
            needed = line.fontMetrics().horizontalAdvance(line.placeholderText())
            assert needed <= room_width, (line.placeholderText(), needed, room_width)
    finally:
        editor.discard()
        window.set_language("zh_CN")
