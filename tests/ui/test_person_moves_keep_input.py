"""删除 and 迁到别户 keep what was chosen and typed: Esc or × on a dialog with a reason picked or
words typed asks 放弃修改？ first, as the person editor and the record dialogs do; an untouched
dialog closes at once, and 删除's own 否，不删除 (Enter) is an answer, not a lost form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldapp.domain.models import Person
from tests.records import Records
from tests.ui.conftest import answered


def a_person(window, name: str = "王小明") -> Person:
    return Records(window.session.ledger).select(Person, "name = ?", [name])[0]


def test_esc_on_a_delete_with_a_reason_asks_first(window, qtbot, monkeypatch):
    from fieldapp.ui.dialogs.person_moves import DeleteDialog

    dialog = DeleteDialog(window.session, a_person(window), window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose("迁出", "嫁到纳雍县")
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", answered("question", QMessageBox.StandardButton.Cancel, asked)
    )
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and "没保存" in asked[0]
    assert dialog.isVisible() and dialog.words.text() == "嫁到纳雍县"
    assert dialog.reasons.checkedButton().text() == "迁出"
    monkeypatch.setattr(
        QMessageBox, "question", answered("question", QMessageBox.StandardButton.Discard, asked)
    )
    dialog.close()  # the window's ×
    assert not dialog.isVisible() and len(asked) == 2
    assert window.session.ledger.get("persons", dialog.person.id)["deleted"] == 0


def test_no_on_a_delete_is_an_answer_and_untouched_dialogs_close(window, qtbot, monkeypatch):
    from fieldapp.ui.dialogs.person_moves import DeleteDialog, MoveDialog

    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", answered("question", QMessageBox.StandardButton.Cancel, asked)
    )
    for dialog in (
        DeleteDialog(window.session, a_person(window), window),
        MoveDialog(window.session, a_person(window), window),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
    dialog = DeleteDialog(window.session, a_person(window), window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose("死亡")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter answers 否，不删除
    assert not dialog.isVisible() and dialog.changes is None
    assert asked == []


def test_esc_on_a_move_with_a_reason_and_a_search_asks_first(window, qtbot, monkeypatch):
    from fieldapp.ui.dialogs.person_moves import MoveDialog

    dialog = MoveDialog(window.session, a_person(window), window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reasons.buttons()[0].setChecked(True)
    dialog.picker.setText("张长")
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", answered("question", QMessageBox.StandardButton.Cancel, asked)
    )
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(asked) == 1 and dialog.isVisible() and dialog.picker.text() == "张长"
    dialog.into_new.setChecked(True)
    dialog.address.setText("大坝村五组 1 号")
    monkeypatch.setattr(
        QMessageBox, "question", answered("question", QMessageBox.StandardButton.Discard, asked)
    )
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(asked) == 2 and not dialog.isVisible()
