"""What the person editor says to check of a person it saves (`persons.save`'s warnings): an
ID number whose region is not known, a namesake confirmed. Each is said before the save — the
ID line under the number, the question before the namesake is saved — in the language shown,
and not said again once saved; a warning the form has not said is said after the save
(已保存，请核对), as the job editor says its own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from fieldapp.domain.models import Person
from fieldapp.ui.dialogs.person_editor import PersonEditor
from tests.conftest import make_id
from tests.english import in_english
from tests.records import Records

_CJK = ("\u4e00", "\u9fff")


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The questions the app asked (QMessageBox.question, patched), each answered 是."""
    said: list[str] = []

    def question(_parent, _title, text, *args, **kwargs):
        said.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return said


def _new_member(window, qtbot, name: str, number: str) -> tuple[PersonEditor, Records]:
    """The editor of a new member of 王小明's household, his name and number typed."""
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    records = Records(window.session.ledger)
    household = records.select(Person, "name = '王小明'")[0].household_id
    editor = PersonEditor(window.session, household_id=household, parent=page)
    editor.name.setText(name)
    editor.id_number.setText(number)
    return editor, records


def _saved(records: Records, number: str) -> list[Person]:
    return records.select(Person, "id_number = ?", [number])


def _chinese(text: str) -> bool:
    return any(_CJK[0] <= c <= _CJK[1] for c in text)


def test_an_unknown_region_is_said_on_the_id_line_and_not_again_once_saved(
    window, qtbot, warnings_shown, asked
):
    number = make_id(region="529999", birth="19900101", seq="215")
    editor, records = _new_member(window, qtbot, "刘一", number)
    assert "行政区划代码 529999 未知或已撤销" in editor.id_status.text()
    editor.save()
    assert [p.name for p in _saved(records, number)] == ["刘一"]
    assert not editor.isVisible()
    assert (warnings_shown, asked) == ([], [])


def test_a_confirmed_namesake_is_asked_once_and_not_said_again_once_saved(
    window, qtbot, warnings_shown, asked
):
    # 王小明, born 2001-03-16, is in the ledger; another 王小明 of that day is typed.
    number = make_id(region="520302", birth="20010316", seq="335")
    editor, records = _new_member(window, qtbot, "王小明", number)
    editor.save()
    [question] = asked
    assert "台账中已有同名同出生日期的人：王小明" in question and "请确认不是同一人" in question
    assert [p.name for p in _saved(records, number)] == ["王小明"]
    assert warnings_shown == []


def test_both_are_said_in_english_before_the_save(window, qtbot, warnings_shown, asked):
    with in_english():
        unknown = make_id(region="529999", birth="19900101", seq="215")
        editor, records = _new_member(window, qtbot, "刘一", unknown)
        line = editor.id_status.text()
        assert "The division code 529999 of the ID number is unknown or abolished" in line, line
        assert "未知" not in line
        editor.save()
        assert _saved(records, unknown) and warnings_shown == [] and asked == []
        twin = make_id(region="520302", birth="20010316", seq="335")
        editor, records = _new_member(window, qtbot, "王小明", twin)
        editor.save()
        [question] = asked
        assert question.startswith(
            "The ledger already has a person of the same name and birth date"
        )
        # the names, the number and the place are the ledger's, as they are; the rest is English
        assert not _chinese(question.replace("王小明", "").split("(")[0]), question
        assert _saved(records, twin) and warnings_shown == []


def _pixels(widget, colour: str) -> int:
    """How many pixels of `widget`, grabbed as it is drawn, are near `colour` (#rrggbb)."""
    from PySide6.QtGui import QColor

    image = widget.grab().toImage()
    want = QColor(colour)
    near = 0
    for y in range(image.height()):
        for x in range(image.width()):
            got = image.pixelColor(x, y)
            if (
                abs(got.red() - want.red())
                + abs(got.green() - want.green())
                + abs(got.blue() - want.blue())
            ) < 60:
                near += 1
    return near


def test_the_id_line_shows_a_warning_as_a_warning_not_in_the_ok_green(
    window, qtbot, tmp_path, asked
):
    """An unknown region was said on the ID line in the green of a number that is fine. It
    is now said as the other pages say what to check — amber — after 注意 on a line of its
    own, with the warning icon (not the colour alone: red and green look alike to many); a
    number not valid has the error icon, a good one none."""
    from fieldapp.ui.dialogs.person_editor import (
        ID_BAD,
        ID_EMPTY,
        ID_OK,
        ID_WARNING,
        OK_STYLE,
        WARN_STYLE,
    )

    good = make_id(region="520302", birth="19900101", seq="215")
    unknown = make_id(region="529999", birth="19900101", seq="215")
    editor, _records = _new_member(window, qtbot, "刘一", good)
    editor.show()
    qtbot.waitExposed(editor)
    assert (editor.id_state, editor.id_status.styleSheet()) == (ID_OK, OK_STYLE)
    assert editor.id_icon.pixmap().isNull() and "注意" not in editor.id_status.text()
    green = _pixels(editor.id_status, "#1b7f3b")
    assert green > 20  # the line is drawn in the green of a good number

    editor.id_number.setText(unknown)
    assert (editor.id_state, editor.id_status.styleSheet()) == (ID_WARNING, WARN_STYLE)
    first, second = editor.id_status.text().split("\n")
    assert first == "出生日期 1990年1月1日，男"
    assert second.startswith("注意：行政区划代码 529999 未知或已撤销"), second
    assert not editor.id_icon.pixmap().isNull() and editor.id_icon.accessibleName() == "注意"
    qtbot.wait(50)  # the form laid out again for the longer line, as the event loop does
    editor.grab().save(str(tmp_path / "id_warning.png"))  # looked at by eye: amber, icon
    assert _pixels(editor.id_status, "#8a5300") > 20
    assert _pixels(editor.id_status, "#1b7f3b") == 0  # no word of it in the OK green

    editor.id_number.setText(unknown[:-1] + ("0" if unknown[-1] != "0" else "1"))
    assert editor.id_state == ID_BAD and editor.id_icon.accessibleName() == "有误"
    assert not editor.id_icon.pixmap().isNull() and "校验" in editor.id_status.text()
    editor.id_number.setText("")
    assert editor.id_state == ID_EMPTY and editor.id_icon.pixmap().isNull()
    editor.reject()


def test_the_english_id_line_uses_english_punctuation(window, qtbot):
    """The ID line joined its parts with “，” and “；” in the English window too."""
    from fieldapp.ui.dialogs.person_editor import describe_id

    unknown = make_id(region="529999", birth="19900101", seq="215")
    two = make_id(region="520302", birth="19900101", seq="215")
    window.set_language("en")
    try:
        ok, line = describe_id(two)
        assert ok and line.startswith("born 1 January 1990, male, "), line
        ok, line = describe_id(unknown)
        first, second = line.split("\n")
        assert first == "born 1 January 1990, male", first
        assert second.startswith("Warning: The division code 529999 of the ID number"), second
        assert not set("，；：（）") & set(line), line
    finally:
        window.set_language("zh_CN")
    assert describe_id(two)[1].startswith("出生日期 1990年1月1日，男，")


def test_a_namesake_of_no_household_is_said_so_in_english(window):
    """The namesake question names where the other person is: a place is a name, said as it
    is (as every English sentence of the program says a 村 or 镇); a person of no household
    was said “未分户” in the English window too — the program's word, now in English."""
    from fieldapp.services import persons
    from fieldapp.ui.held_words import sentence_shown

    ledger = window.session.ledger
    wang = Records(ledger).select(Person, "name = '王小明'")[0]
    placed = persons.namesake(ledger, wang.name, wang.id_number, wang.household_id)
    alone = persons.namesake(ledger, wang.name, wang.id_number, None)
    place = str(placed.parts[2])
    assert place and _chinese(place) and "未分户" not in place
    assert str(alone).endswith(f"身份证号 {wang.id_number}（未分户）。请确认不是同一人")
    window.set_language("en")
    try:
        assert sentence_shown(placed).endswith(
            f"{wang.id_number} ({place}). Please confirm this is not the same person"
        )
        said = sentence_shown(alone)
        assert said.endswith(
            f"{wang.id_number} (no household). Please confirm this is not the same person"
        ), said
        assert not _chinese(said.replace(wang.name, ""))
    finally:
        window.set_language("zh_CN")


def test_the_categories_are_ticked_in_english_and_stored_in_chinese(window, qtbot, warnings_shown):
    """The person editor's 人员类别 boxes read 脱贫人口, 退役军人 … in the English window, the
    only Chinese of the form. They are said in English now; a person saved with one ticked
    holds the same Chinese category as one saved in the Chinese window."""
    from fieldapp.domain.enums import Category
    from fieldapp.domain.models import CategoryMembership

    window.set_language("en")
    try:
        number = make_id(region="520502", birth="19900101", seq="235")
        editor, records = _new_member(window, qtbot, "刘二", number)
        words = [check.text() for check in editor.categories.values()]
        assert not any(_chinese(word) for word in words), words
        lifted = Category("脱贫人口")
        assert editor.categories[lifted].text() == QCoreApplication.translate(
            "HeldWords", "脱贫人口"
        )
        editor.categories[lifted].setChecked(True)
        editor.save()
    finally:
        window.set_language("zh_CN")
    [saved] = _saved(records, number)
    held = records.select(CategoryMembership, "person_id = ?", [saved.id])
    assert [str(m.category) for m in held] == ["脱贫人口"]
    assert warnings_shown == []
