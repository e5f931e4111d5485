"""The ledger list said in the window's language.

The English window listed a person's sex, relation to the head and labour ability as stored, in
Chinese (男, 配偶, 弱/半劳动力). The list now says a stored word of the program's the way the
history does (`held_words.stored_word`), the narrow column's short labour ability through its
own translation; what is stored stays Chinese, the row the list hands on (a person opened, the
search) keeps the stored words, and the Chinese window lists what it listed.
"""

from __future__ import annotations

import pytest

from fieldapp.domain.enums import LabourAbility
from fieldapp.services import persons
from fieldapp.ui.table_model import ROW_ROLE
from tests.ui.ledger_page import ledger_page, search
from tests.ui.person_panel import person

SEX, RELATION, ABILITY = 1, 5, 6


@pytest.fixture
def english(window):
    window.set_language("en")
    yield window
    window.set_language("zh_CN")


def _listed(window, qtbot) -> dict[str, tuple[str, str, str]]:
    """李建国 made weak or partial labour; each person's sex, relation and ability as listed."""
    session = window.session
    who = person(window, "李建国")
    weak = who.model_copy(update={"labour_ability": LabourAbility.WEAK})
    session.apply(persons.save(session.ledger, session.actor, weak, loaded=who, confirmed=True))
    page = ledger_page(window, qtbot)
    page.model.refresh()
    model = page.model
    return {
        model.index(row, 0).data(): tuple(
            model.index(row, column).data() for column in (SEX, RELATION, ABILITY)
        )
        for row in range(model.rowCount())
    }


def test_the_ledger_lists_in_english(english, qtbot):
    assert _listed(english, qtbot) == {
        "张长英": ("Male", "Head", "Ordinary labour"),
        "李建国": ("Male", "Spouse", "Weak/partial labour"),
        "王小明": ("Male", "Child", "Ordinary labour"),
    }
    page = english.show_page("ledger")
    search(page, qtbot, "李建国")
    assert page.model.rowCount() == 1
    # The row handed on (the panel, the search) keeps the stored words.
    row = page.model.index(0, 0).data(ROW_ROLE)
    assert (row.sex, row.relation, row.labour_ability) == ("男", "配偶", "弱劳动力或半劳动力")
    assert page.model.index(0, RELATION).data(ROW_ROLE) is row
    assert page.model.index(0, RELATION).data() == "Spouse"


def test_the_ledger_lists_in_chinese(window, qtbot):
    assert _listed(window, qtbot) == {
        "张长英": ("男", "户主", "普通劳动力"),
        "李建国": ("男", "配偶", "弱/半劳动力"),
        "王小明": ("男", "子女", "普通劳动力"),
    }


def test_a_yes_or_no_cell_is_said_in_the_window_language(window, qtbot):
    """A column of true/false (`table_model.show`) says 是/否 in the Chinese window and
    Yes/No in the English one; it sorts by the value, not by its words."""
    from fieldapp.ui.table_model import SORT_ROLE, Column, RowsModel, show

    model = RowsModel[bool]([Column("x", lambda r: r)], [True, False])
    cells = [model.index(row, 0) for row in range(2)]
    assert [c.data() for c in cells] == ["是", "否"] and show(None) == ""
    window.set_language("en")
    try:
        assert [c.data() for c in cells] == ["Yes", "No"]
        assert [c.data(SORT_ROLE) for c in cells] == [True, False]  # (sorted as stored)
    finally:
        window.set_language("zh_CN")
    assert [c.data() for c in cells] == ["是", "否"]
