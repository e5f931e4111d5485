"""删除人员 names the person as their name is written, even a name holding "%2" (a name is any
text without spaces: a sheet's or a bundle's): the question was filled one replace after
another, so the name's own "%2" was then filled with the ID number's ends."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from fieldapp.services import persons
from tests.ui.person_panel import person, shown

NAME = "王%2小明"


def test_the_delete_question_names_a_name_holding_a_numbered_part_as_written(window, qtbot):
    from fieldapp.ui.dialogs.person_moves import DeleteDialog

    session = window.session
    who = person(window, "王小明")
    renamed = who.model_copy(update={"name": NAME})
    session.apply(persons.save(session.ledger, session.actor, renamed, loaded=who, confirmed=True))
    _page, panel = shown(window, NAME)
    dialog = DeleteDialog(session, panel.person, panel)
    qtbot.addWidget(dialog)
    number = panel.person.id_number
    question = f"从台账中删除“{NAME}”（{number[:6]}…{number[-4:]}）吗？"
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(t.startswith(question) for t in texts), texts
