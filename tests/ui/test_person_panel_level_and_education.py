"""A person's unemployment level and education said in the window's language.

The English window showed the unemployment tab's 当前等级 (短期失业 …) and the summary's
文化程度 (初中 …) in Chinese. They are now said as the panel's other stored words are
(`held_words.stored_word`): a word of the program's own list in the language shown, anything
typed as typed. The person form offers the list in the language shown and stores the Chinese
word (typed words as typed). The education list is one list (`domain.enums.EDUCATION`): the person form
offers, the spreadsheet's drop-down and the demo's people all use it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.dates import today
from fieldapp.domain.enums import EDUCATION
from fieldapp.domain.models import UnemploymentRegistration
from fieldapp.services import persons, work
from fieldapp.tabular.columns import BY_KEY
from fieldapp.ui.dialogs import person_editor
from tests.ui.person_panel import person, shown


@pytest.fixture
def english(window):
    window.set_language("en")
    yield window
    window.set_language("zh_CN")


def _panel(window, education: str):
    """李建国 with `education`, registered unemployed three months ago: his panel."""
    session = window.session
    ledger, actor = session.ledger, session.actor
    who = person(window, "李建国")
    taught = who.model_copy(update={"education": education})
    session.apply(persons.save(ledger, actor, taught, loaded=who, confirmed=True))
    registered = today() - dt.timedelta(days=90)
    registration = UnemploymentRegistration(
        person_id=who.id, found_date=registered, registered_date=registered
    )
    session.apply(work.save_record(ledger, actor, registration))
    _page, panel = shown(window, "李建国")
    return panel


def test_level_and_education_in_english(english):
    panel = _panel(english, "初中")
    assert panel.registrations.index(0, 3).data() == "Medium-short-term unemployed"
    text = panel.summary.text()
    assert "Junior secondary school" in text
    assert "初中" not in text
    assert person(english, "李建国").education == "初中"  # stored as it was


def test_typed_education_is_shown_as_typed_in_english(english):
    panel = _panel(english, "函授大专")
    assert "函授大专" in panel.summary.text()


def test_level_and_education_in_chinese(window):
    panel = _panel(window, "初中")
    assert panel.registrations.index(0, 3).data() == "中短期失业"
    assert "初中" in panel.summary.text()


def test_one_education_list():
    assert BY_KEY["education"].choices == EDUCATION
    assert person_editor.EDUCATION == ("", *EDUCATION)


def _editor(window, qtbot, education: str):
    """王小明 with `education`, open in the person form."""
    session = window.session
    who = person(window, "王小明")
    taught = who.model_copy(update={"education": education})
    session.apply(persons.save(session.ledger, session.actor, taught, loaded=who, confirmed=True))
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    return page.edit_person(who.id), who.id


def test_the_form_offers_the_list_in_english_and_stores_chinese(english, qtbot):
    editor, who = _editor(english, qtbot, "初中")
    offered = [editor.education.itemText(i) for i in range(editor.education.count())]
    assert offered[1:] == [
        "Illiterate or semi-literate",
        "Primary school",
        "Junior secondary school",
        "Senior secondary school",
        "Secondary vocational school",
        "Junior college",
        "Bachelor's degree or above",
    ]
    assert editor.education.currentText() == "Junior secondary school"
    assert not editor.is_dirty()
    editor.education.setCurrentText("Senior secondary school")
    editor.save()
    assert not editor.isVisible()
    assert english.session.ledger.get("persons", who)["education"] == "高中"


def test_the_form_keeps_typed_education_as_typed(english, qtbot):
    editor, who = _editor(english, qtbot, "函授大专")
    assert editor.education.currentText() == "函授大专"
    editor.education.setCurrentText("夜大本科")
    editor.save()
    assert english.session.ledger.get("persons", who)["education"] == "夜大本科"


def test_the_form_in_chinese(window, qtbot):
    editor, who = _editor(window, qtbot, "初中")
    assert editor.education.currentText() == "初中"
    editor.education.setCurrentText("大专")
    editor.save()
    assert window.session.ledger.get("persons", who)["education"] == "大专"
