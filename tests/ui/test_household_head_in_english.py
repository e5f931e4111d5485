"""户信息 names the household's head with each member's relation (张长英（户主）): the English
window said the relation in Chinese (张长英（户主）) where the person panel, the ledger list and
the editor say Head. The relation is said in the language shown, as they say it; the name as
typed."""

from __future__ import annotations

import re

from fieldapp.domain.models import Person
from fieldapp.ui.dialogs.household import HouseholdDialog
from tests.english import in_english
from tests.records import Records

CHINESE = re.compile(r"[\u4e00-\u9fff（）]")


def _heads(window, qtbot) -> list[str]:  # noqa: ANN001
    person = Records(window.session.ledger).select(Person, "name = ?", ["张长英"])[0]
    dialog = HouseholdDialog(window.session, person.household_id, window)
    qtbot.addWidget(dialog)
    return [dialog.head.itemText(i) for i in range(dialog.head.count())]


def test_the_heads_relations_are_said_in_the_language_shown(window, qtbot):
    assert _heads(window, qtbot) == ["张长英（户主）", "李建国（配偶）", "王小明（子女）"]
    with in_english():
        heads = _heads(window, qtbot)
    assert heads == ["张长英 (Head)", "李建国 (Spouse)", "王小明 (Child)"]
    for text in heads:
        name, _, relation = text.partition(" ")
        assert not CHINESE.search(relation), text
