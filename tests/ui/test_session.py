"""The window's refresh follows the services' change sets: a page hears only what it shows."""

from __future__ import annotations

from PySide6.QtCore import QObject

from fieldapp.domain.models import Person
from fieldapp.services import persons
from fieldapp.services.changes import NO_CHANGES, ChangeSet, Kind
from fieldapp.ui.session import Session
from tests.conftest import make_id
from tests.ui.conftest import UI_USER


def test_a_page_hears_the_kinds_it_shows_until_it_is_gone(qtbot, ledger_path):
    session = Session.open(ledger_path, credentials=UI_USER)
    try:
        page, heard = QObject(), []
        session.on_change(page, (Kind.PERSONS,), heard.append)
        session.apply(ChangeSet.of(Kind.SETTINGS))
        assert heard == []
        changes = persons.save(
            session.ledger, session.actor, Person(name="赵六", id_number=make_id(seq="771"))
        )
        session.apply(changes)
        assert heard == [changes] and changes.ids(Kind.PERSONS) == {changes.id}
        session.apply(NO_CHANGES)  # nothing changed: nobody is told
        assert len(heard) == 1
        page.deleteLater()
        qtbot.wait(10)  # the event loop deletes it
        session.apply(changes)
        assert len(heard) == 1  # the page is gone: it hears no more
    finally:
        session.close()
